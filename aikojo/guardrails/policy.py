"""Guardrail policy: one YAML document per project, validated into ``GuardrailPolicy``.

Unknown keys are errors (a typo must not silently disable a guardrail) and the error names the field and the
closest valid key. ``default_policy()`` is what a project gets when it has none: PII pseudonymised on the way in
and restored on the way out, secrets redacted on input and blocked on output, injections blocked.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

Action = Literal["allow", "log", "mask", "pseudonymize", "redact", "hash", "redirect", "clarify", "block"]
_TRANSFORMS = ("mask", "pseudonymize", "redact", "hash")


class PolicyError(ValueError):
    """The policy document is invalid; ``str(error)`` lists each problem as ``field: what is wrong``."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class PiiRule(_Strict):
    enabled: bool = True
    action: Action = "mask"
    min_score: float = Field(0.5, ge=0.0, le=1.0)
    types: dict[str, Action] = Field(default_factory=dict, description="per-type action overriding `action`")
    disabled_types: list[str] = Field(default_factory=list)


class InjectionRule(_Strict):
    enabled: bool = True
    action: Action = "block"
    threshold: float | None = Field(None, ge=0.0, le=1.0, description="None: the trained model's threshold")
    use_model: bool = True


class HiddenTextRule(_Strict):
    """Text in invisible characters (``aikojo.guardrails.hidden_text``): Unicode tag runs and variation-selector
    runs. Redacted by default, so neither the model nor the caller receives what nobody can see."""

    enabled: bool = True
    action: Action = "redact"


class NamesRule(_Strict):
    """Japanese person names and street addresses (``aikojo.guardrails.names_ja``): off by default because it
    needs the optional GiNZA model and costs tens of milliseconds per kilobyte."""

    enabled: bool = False
    action: Action | None = Field(None, description="None: the stage's pii action")
    min_score: float = Field(0.5, ge=0.0, le=1.0)
    model: str = Field("ja_ginza", description="spaCy/GiNZA model: an installed package name or a directory")
    types: list[Literal["PERSON", "ADDRESS"]] = Field(default_factory=lambda: ["PERSON", "ADDRESS"], min_length=1)

    @model_validator(mode="after")
    def _model_installed(self) -> NamesRule:
        from aikojo.guardrails.names_ja import INSTALL_HINT, model_available

        if self.enabled and not model_available(self.model):
            raise ValueError(f"model {self.model!r} is not installed here: {INSTALL_HINT}, or set enabled: false")
        return self


class TopicRule(_Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    keywords: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    # Japanese example questions: a sentence whose content words mean the same matches (word vectors of the
    # ja-names extra's model), so 「儲かる株を教えて」 matches 「おすすめの株式銘柄を教えて」 without a shared keyword.
    examples: list[str] = Field(default_factory=list)
    similarity: float = Field(0.8, gt=0.0, lt=1.0, description="cosine at or above which an example matches")
    similarity_model: str = "ja_ginza"
    action: Action = "redirect"
    message: str | None = None

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"pattern {p!r} is not a valid regular expression: {exc}") from None
        return v

    @model_validator(mode="after")
    def _has_terms(self) -> TopicRule:
        if not self.keywords and not self.patterns and not self.examples:
            raise ValueError(f"topic {self.name!r} needs at least one keyword, pattern or example")
        if not self.examples:
            # Set to something other than the default without examples: a mistake (a dumped policy carries the
            # defaults, so it still loads).
            unused = {n for n in ("similarity", "similarity_model")
                      if getattr(self, n) != type(self).model_fields[n].default}
            if unused:
                raise ValueError(f"topic {self.name!r}: {', '.join(sorted(unused))} only apply to examples")
            return self
        from aikojo.guardrails.names_ja import INSTALL_HINT, model_available

        if not model_available(self.similarity_model):
            raise ValueError(f"topic {self.name!r}: examples need the model {self.similarity_model!r}: {INSTALL_HINT}")
        from aikojo.guardrails.topics import sentence_vector

        unknown = [e for e in self.examples if sentence_vector(self.similarity_model, e, min_words=1) is None]
        if unknown:
            raise ValueError(f"topic {self.name!r}: examples {unknown} have no word the model knows; write them as "
                             "Japanese questions")
        return self


class JsonRule(_Strict):
    required: bool = False
    json_schema: dict[str, Any] | None = Field(None, alias="schema")
    max_reasks: int = Field(2, ge=0, le=5)
    action: Action = "block"

    @field_validator("json_schema")
    @classmethod
    def _valid_schema(cls, v: dict[str, Any] | None) -> dict[str, Any] | None:
        if v is not None:
            import jsonschema

            try:
                jsonschema.validators.validator_for(v).check_schema(v)
            except jsonschema.SchemaError as exc:
                raise ValueError(f"not a valid JSON Schema: {exc.message}") from None
        return v


class GroundingRule(_Strict):
    enabled: bool = True
    action: Action = "log"
    min_context_chars: int = Field(200, ge=0)


class InputRules(_Strict):
    pii: PiiRule = Field(default_factory=lambda: PiiRule(action="pseudonymize"))
    secrets: PiiRule = Field(default_factory=lambda: PiiRule(action="redact"))
    injection: InjectionRule = Field(default_factory=InjectionRule)
    hidden_text: HiddenTextRule = Field(default_factory=HiddenTextRule)
    names: NamesRule = Field(default_factory=NamesRule)
    topics: list[TopicRule] = Field(default_factory=list)


class OutputRules(_Strict):
    pii: PiiRule = Field(default_factory=lambda: PiiRule(action="mask"))
    secrets: PiiRule = Field(default_factory=lambda: PiiRule(action="block"))
    hidden_text: HiddenTextRule = Field(default_factory=HiddenTextRule)
    names: NamesRule = Field(default_factory=NamesRule)
    topics: list[TopicRule] = Field(default_factory=list)
    canaries: list[str] = Field(default_factory=list, description="strings from the system prompt that must never leak")
    canary_action: Action = "block"
    json_output: JsonRule = Field(default_factory=JsonRule, alias="json")
    refusal_action: Action = "log"
    grounding: GroundingRule = Field(default_factory=GroundingRule)


class Messages(_Strict):
    block: str = "このリクエストはポリシー（{rule}）によりブロックされました。 / Blocked by guardrail policy ({rule})."
    redirect: str = (
        "この話題にはお答えできません。商品・手続きについてのご質問でしたらお手伝いします。 / "
        "I can't help with that topic, "
        "but I'm happy to help with questions about our products and procedures."
    )
    clarify: str = (
        "ご質問の意図をもう少し詳しく教えていただけますか？ / Could you tell me a little more about what you need?"
    )


class GuardrailPolicy(_Strict):
    version: int = 1
    name: str = "default"
    input: InputRules = Field(default_factory=InputRules)
    output: OutputRules = Field(default_factory=OutputRules)
    messages: Messages = Field(default_factory=Messages)
    hash_salt: str = Field("", description="salt for the `hash` action; set per project so hashes don't join across")


def default_policy() -> GuardrailPolicy:
    """The policy a project gets when it configures none."""
    return GuardrailPolicy()


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names (and aliases) valid at ``loc`` in ``model``, for "did you mean" suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part) or next(
            (f for f in current.model_fields.values() if f.alias == part), None)
        if field is None:
            return []
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        current = next((a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
    if current is None:
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _format_errors(exc: ValidationError, source: str) -> str:
    lines = [f"invalid guardrail policy {source}:"]
    for err in exc.errors():
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), _known_fields(GuardrailPolicy, loc), n=1)
            msg = "unknown key" + (f"; did you mean {close[0]!r}?" if close else "")
        lines.append(f"  {where}: {msg}")
    return "\n".join(lines)


def load_policy(source: str | Path | dict[str, Any] | GuardrailPolicy | None) -> GuardrailPolicy:
    """Load a policy from a YAML file path, a YAML string, a dict, or pass a policy through; None → default.

    Raises PolicyError naming each bad field.
    """
    if source is None:
        return default_policy()
    if isinstance(source, GuardrailPolicy):
        return source
    label = "(dict)"
    data: Any = source
    is_path_str = isinstance(source, str) and "\n" not in source and source.endswith((".yaml", ".yml"))
    if isinstance(source, Path) or is_path_str:
        path = Path(source)
        label = str(path)
        if not path.exists():
            raise PolicyError(f"guardrail policy file {path} not found")
        source = path.read_text(encoding="utf-8")
    if isinstance(source, str):
        try:
            data = yaml.safe_load(source) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark else ""
            raise PolicyError(f"guardrail policy {label}{where}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise PolicyError(f"guardrail policy {label}: expected a mapping at the top level")
    try:
        return GuardrailPolicy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(_format_errors(exc, label)) from None


TRANSFORM_ACTIONS = _TRANSFORMS
