"""The recipe: one YAML file, validated here, any field overridable as ``key.sub=value``.

Errors name the file and the dotted field, and an unknown key gets the closest valid key ("did you mean")."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from aikojo.errors import InvalidInput

Method = Literal["prompt", "lora", "qlora", "full"]
METRICS = ("exact_match", "json_valid", "json_field_f1", "char_rouge_l", "accuracy", "macro_f1", "loss",
           "perplexity", "latency")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", protected_namespaces=())


class DataConfig(_Strict):
    path: Path
    format: Literal["auto", "chat", "alpaca", "prompt-completion"] = "auto"
    eval_fraction: float = Field(0.1, gt=0, lt=1)
    max_eval_samples: int | None = Field(32, ge=1, description="evaluate on at most this many held-out samples")
    max_train_samples: int | None = Field(None, ge=1)
    max_length: int = Field(512, ge=16, description="longer samples are truncated (tokens)")
    pii: Literal["fail", "mask", "warn"] = "warn"
    dedupe: bool = True


class LoraConfig(_Strict):
    r: int = Field(16, ge=1)
    alpha: int = Field(32, ge=1)
    dropout: float = Field(0.0, ge=0, lt=1)
    target_modules: list[str] | Literal["all-linear"] = "all-linear"
    dora: bool = Field(False, description="weight-decomposed LoRA; DoRA adapters cannot share mixed-adapter "
                                          "batches in serving (they batch only with themselves)")


class QuantConfig(_Strict):
    bits: Literal[4] = 4
    quant_type: Literal["nf4", "fp4"] = "nf4"
    double_quant: bool = True
    compute_dtype: Literal["float32", "bfloat16", "float16"] = "float32"


class TrainConfig(_Strict):
    max_steps: int = Field(20, ge=1)
    learning_rate: float = Field(2e-4, gt=0)
    batch_size: int = Field(4, ge=1)
    grad_accum: int = Field(1, ge=1)
    lr_scheduler: Literal["constant", "linear", "cosine"] = "constant"
    warmup_steps: int = Field(0, ge=0)
    weight_decay: float = Field(0.0, ge=0)
    packing: bool = Field(False, description="pack samples into full rows (padding-free, no cross-sample attention)")
    gradient_checkpointing: bool = False
    save_steps: int = Field(10, ge=1, description="write a resumable checkpoint every N steps")
    logging_steps: int = Field(1, ge=1)
    device: Literal["auto", "cpu", "cuda"] = "auto"
    bf16: bool = False
    fp16: bool = Field(False, description="CUDA only")
    fsdp: bool = Field(False, description="shard a full fine-tune over several processes (CUDA, torchrun)")
    num_threads: int | None = Field(None, ge=1, description="torch CPU threads; 1 is fastest on a busy CPU")


class PromptTemplate(_Strict):
    name: str
    system: str | None = Field(None, description="replace the dataset's system message (None: keep it)")
    few_shot: int = Field(0, ge=0, le=16, description="prepend this many train examples as conversation turns")


class PromptConfig(_Strict):
    templates: list[PromptTemplate] = Field(default_factory=lambda: [PromptTemplate(name="dataset")])


class EvalConfig(_Strict):
    metrics: list[str] = Field(default_factory=lambda: ["json_valid", "char_rouge_l", "exact_match",
                                                        "json_field_f1", "loss"])
    primary: str = "char_rouge_l"
    max_new_tokens: int = Field(64, ge=1)
    batch_size: int = Field(16, ge=1)
    custom: list[str] = Field(default_factory=list, description="dotted paths 'pkg.module:function'")

    @model_validator(mode="after")
    def _known(self) -> EvalConfig:
        for m in self.metrics:
            if m not in METRICS:
                raise ValueError(f"unknown metric {m!r}{_hint(m, METRICS)}; known: {', '.join(METRICS)}")
        if self.primary not in {*self.metrics, *self.custom} and self.primary not in METRICS:
            raise ValueError(f"primary metric {self.primary!r} is not computed{_hint(self.primary, self.metrics)}")
        return self


class TrackingConfig(_Strict):
    backend: Literal["mlflow", "wandb", "none"] | None = Field(None, description="None: KOJO_TRACKER (mlflow)")
    experiment: str = "aikojo"


class Recipe(_Strict):
    name: str = Field(..., description="registry name of the adapter / prompt this recipe produces")
    method: Method
    base_model: str = Field("demo", description="'demo', a name from settings.models, a folder or a HF id")
    base_revision: str | None = None
    project: str | None = Field(None, description="tenant/project the run belongs to (optional)")
    seed: int = 0
    description: str | None = None
    data: DataConfig
    lora: LoraConfig = Field(default_factory=LoraConfig)
    quant: QuantConfig = Field(default_factory=QuantConfig)
    train: TrainConfig = Field(default_factory=TrainConfig)
    prompt: PromptConfig = Field(default_factory=PromptConfig)
    eval: EvalConfig = Field(default_factory=EvalConfig)
    tracking: TrackingConfig = Field(default_factory=TrackingConfig)
    source: str | None = Field(None, description="set by load_recipe: the YAML file this came from")


def _hint(word: str, choices: Any) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.5)
    return f"; did you mean '{match[0]}'?" if match else ""


def _fields_at(loc: tuple[Any, ...]) -> list[str]:
    """The field names valid at a dotted location (for the 'did you mean' hint)."""
    model: Any = Recipe
    for part in loc:
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return []
        ann = field.annotation
        model = next((a for a in (ann, *getattr(ann, "__args__", ())) if isinstance(a, type)
                      and issubclass(a, BaseModel)), None)
        if model is None:
            return []
    return list(getattr(model, "model_fields", {}))


def apply_overrides(data: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """``train.max_steps=10`` style overrides; values are parsed as YAML (numbers, booleans, lists)."""
    for item in overrides:
        if "=" not in item:
            raise InvalidInput(f"override {item!r} must look like key.sub=value (e.g. train.max_steps=10)",
                               param="overrides")
        key, _, raw = item.partition("=")
        parts = key.strip().split(".")
        try:
            value = yaml.safe_load(raw)
        except yaml.YAMLError:
            value = raw
        node = data
        for depth, part in enumerate(parts[:-1]):
            valid = _fields_at(tuple(parts[:depth]))
            if part not in valid:
                raise InvalidInput(f"override {key!r}: unknown key '{part}'{_hint(part, valid)}", param=key)
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise InvalidInput(f"override {key!r}: '{part}' is not a section", param=key)
        valid = _fields_at(tuple(parts[:-1]))
        if valid and parts[-1] not in valid:
            prefix = "".join(f"{p}." for p in parts[:-1])
            raise InvalidInput(f"override {key!r}: unknown key{_hint(key, [prefix + f for f in valid])}", param=key)
        node[parts[-1]] = value
    return data


def parse_recipe(data: dict[str, Any], *, source: str = "<recipe>") -> Recipe:
    try:
        return Recipe(**data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not isinstance(p, int))
        field = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            prefix = "".join(f"{p}." for p in loc[:-1])
            hint = _hint(f"{prefix}{loc[-1]}", [f"{prefix}{f}" for f in _fields_at(loc[:-1])])
            msg = f"unknown key '{field}'{hint}"
        elif err["type"] == "missing":
            msg = f"'{field}' is required"
        else:
            got = err.get("input")
            shown = f" (got {got!r})" if not isinstance(got, dict | list) else ""
            msg = f"'{field}': {err['msg']}{shown}"
        more = f" (+{len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
        raise InvalidInput(f"{source}: {msg}{more}", param=field or None)


def read_recipe_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise InvalidInput(f"{path}: recipe file not found", param="recipe")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise InvalidInput(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})", param="recipe")
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: a recipe is a mapping (name, method, base_model, data, …)", param="recipe")
    return data
