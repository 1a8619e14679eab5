"""Tuning datasets: read JSONL in any of the three accepted formats, validate with line-numbered errors,
normalise every record to OpenAI chat ``messages``, deduplicate, split (seeded) and describe.

Every format becomes chat messages so that one tokenisation path — the model's chat template, exactly as the
gateway applies it — is used for training, evaluation and serving (see :func:`encode_chat`).

Formats::

    chat               {"messages": [{"role": "system"|"user"|"assistant", "content": "..."}, ...]}
    alpaca             {"instruction": "...", "input": "...", "output": "..."}      (input optional)
    prompt-completion  {"prompt": "...", "completion": "..."}
"""

from __future__ import annotations

import hashlib
import json
import random
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikojo.errors import InvalidInput
from aikojo.serving.chat import escape_control_tokens

FORMATS = ("chat", "alpaca", "prompt-completion")
ROLES = ("system", "user", "assistant")
MAX_ERRORS_SHOWN = 10


class DatasetError(InvalidInput):
    """The dataset file cannot be used; ``errors`` lists every problem as ``file:line: field: message``."""

    def __init__(self, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message, param="data")
        self.errors = errors or []


@dataclass
class Sample:
    """One record, normalised to chat messages; ``line`` is its 1-based line in the file."""

    line: int
    messages: list[dict[str, str]]

    @property
    def prompt_messages(self) -> list[dict[str, str]]:
        """Everything before the final assistant answer: what the gateway would receive."""
        return self.messages[:-1]

    @property
    def answer(self) -> str:
        return self.messages[-1]["content"]

    @property
    def user_text(self) -> str:
        return "\n".join(m["content"] for m in self.messages[:-1] if m["role"] == "user")

    def key(self) -> str:
        return json.dumps(self.messages, ensure_ascii=False, sort_keys=True)


@dataclass
class Dataset:
    path: Path
    format: str
    version: str  # sha256 of the file's bytes: the same content is the same version wherever it lives
    samples: list[Sample]
    duplicates: list[int] = field(default_factory=list)  # lines dropped as exact duplicates of earlier lines

    @property
    def name(self) -> str:
        return self.path.stem


def detect_format(record: dict[str, Any]) -> str | None:
    if "messages" in record:
        return "chat"
    if "instruction" in record or "output" in record:
        return "alpaca"
    if "prompt" in record or "completion" in record:
        return "prompt-completion"
    return None


def _text(record: dict, key: str, where: str, errors: list[str], *, required: bool = True) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            errors.append(f"{where}: field '{key}' is missing")
        return None
    if not isinstance(value, str):
        errors.append(f"{where}: field '{key}' must be a string, got {type(value).__name__}")
        return None
    if required and not value.strip():
        errors.append(f"{where}: field '{key}' is empty")
        return None
    return value


def _to_messages(record: dict, fmt: str, where: str, errors: list[str]) -> list[dict[str, str]] | None:
    n = len(errors)
    if fmt == "chat":
        messages = record.get("messages")
        if not isinstance(messages, list) or not messages:
            errors.append(f"{where}: field 'messages' must be a non-empty list of {{role, content}} objects")
            return None
        out = []
        for i, m in enumerate(messages):
            at = f"{where}: messages[{i}]"
            if not isinstance(m, dict):
                errors.append(f"{at} must be an object with 'role' and 'content'")
                continue
            role = m.get("role")
            if role is None:
                errors.append(f"{at}: field 'role' is missing (one of {', '.join(ROLES)})")
                continue
            if role not in ROLES:
                errors.append(f"{at}: role {role!r} is not one of {', '.join(ROLES)}")
                continue
            content = _text(m, "content", at, errors, required=role != "system")
            if content is not None or role == "system":
                out.append({"role": role, "content": content or ""})
        if len(errors) > n:
            return None
        if not any(m["role"] == "user" for m in out):
            errors.append(f"{where}: messages have no 'user' turn")
        elif out[-1]["role"] != "assistant":
            errors.append(f"{where}: the last message must be the 'assistant' answer to learn "
                          f"(it is '{out[-1]['role']}')")
        return None if len(errors) > n else out
    if fmt == "alpaca":
        instruction = _text(record, "instruction", where, errors)
        extra = _text(record, "input", where, errors, required=False)
        output = _text(record, "output", where, errors)
        if len(errors) > n:
            return None
        user = f"{instruction}\n\n{extra}" if extra and extra.strip() else instruction
        return [{"role": "user", "content": user}, {"role": "assistant", "content": output}]  # type: ignore[dict-item]
    prompt = _text(record, "prompt", where, errors)
    completion = _text(record, "completion", where, errors)
    if len(errors) > n:
        return None
    return [{"role": "user", "content": prompt}, {"role": "assistant", "content": completion}]  # type: ignore[dict-item]


def load_dataset(path: str | Path, fmt: str = "auto", *, dedupe: bool = True) -> Dataset:
    """Read and validate a JSONL dataset. Raises :class:`DatasetError` naming file, line and field for every
    bad record (the first few in the message, all in ``.errors``) before anything is trained or stored."""
    path = Path(path)
    if fmt != "auto" and fmt not in FORMATS:
        raise DatasetError(f"unknown dataset format {fmt!r}: use auto or one of {', '.join(FORMATS)}")
    if not path.is_file():
        raise DatasetError(f"{path}: dataset file not found")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DatasetError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8")
    errors: list[str] = []
    samples: list[Sample] = []
    chosen = None if fmt == "auto" else fmt
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            errors.append(f"{where}: each line must be a JSON object, got {type(record).__name__}")
            continue
        found = detect_format(record)
        if chosen is None:
            if found is None:
                errors.append(f"{where}: unknown record format (keys {sorted(record)}); expected 'messages', "
                              "'instruction'/'output' or 'prompt'/'completion'")
                continue
            chosen = found
        elif found is not None and found != chosen:
            errors.append(f"{where}: record is {found} format but the file is {chosen}; use one format per file")
            continue
        messages = _to_messages(record, chosen, where, errors)
        if messages is not None:
            samples.append(Sample(lineno, messages))
    if errors:
        shown = "\n  ".join(errors[:MAX_ERRORS_SHOWN])
        more = f"\n  … and {len(errors) - MAX_ERRORS_SHOWN} more" if len(errors) > MAX_ERRORS_SHOWN else ""
        raise DatasetError(f"{path}: {len(errors)} bad record(s):\n  {shown}{more}", errors)
    if not samples:
        raise DatasetError(f"{path}: the file is empty; give one JSON record per line")
    duplicates: list[int] = []
    if dedupe:
        seen: set[str] = set()
        kept = []
        for s in samples:
            k = s.key()
            if k in seen:
                duplicates.append(s.line)
            else:
                seen.add(k)
                kept.append(s)
        samples = kept
    return Dataset(path=path, format=chosen or "chat", version=hashlib.sha256(raw).hexdigest(), samples=samples,
                   duplicates=duplicates)


def split(samples: list[Sample], eval_fraction: float, seed: int, *, min_eval: int = 1) -> tuple[list[Sample],
                                                                                                   list[Sample]]:
    """Seeded train/eval split: the same seed and data give the same split on every machine."""
    if len(samples) < 2:
        raise DatasetError(f"need at least 2 records to split into train and eval, got {len(samples)}")
    order = list(range(len(samples)))
    random.Random(seed).shuffle(order)
    n_eval = min(len(samples) - 1, max(min_eval, round(len(samples) * eval_fraction)))
    eval_idx = set(order[:n_eval])
    train = [s for i, s in enumerate(samples) if i not in eval_idx]
    return train, [samples[i] for i in sorted(eval_idx)]


def _describe(values: list[int]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)

    def pct(q: float) -> int:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"min": ordered[0], "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": ordered[-1],
            "mean": round(statistics.fmean(ordered), 1)}


def stats(ds: Dataset, tokenizer: Any | None = None) -> dict[str, Any]:
    """Counts, roles and length distributions (tokens with the model's chat template when a tokenizer is
    given, else characters)."""
    roles: Counter[str] = Counter(m["role"] for s in ds.samples for m in s.messages)
    out: dict[str, Any] = {"records": len(ds.samples), "duplicates_removed": len(ds.duplicates),
                           "roles": dict(roles), "turns": _describe([len(s.messages) for s in ds.samples]),
                           "answer_chars": _describe([len(s.answer) for s in ds.samples])}
    if tokenizer is not None:
        lengths = [len(encode_chat(tokenizer, s.messages)[0]) for s in ds.samples]
        out["tokens"] = _describe(lengths)
        out["tokens_total"] = sum(lengths)
    else:
        out["chars"] = _describe([sum(len(m["content"]) for m in s.messages) for s in ds.samples])
    return out


def encode_chat(tokenizer: Any, messages: list[dict[str, str]]) -> tuple[list[int], list[int]]:
    """Token ids and a 0/1 mask of the tokens the model must learn (the final assistant answer), using the
    model's chat template exactly as the gateway does: the prompt is ``apply_chat_template(messages[:-1],
    add_generation_prompt=True)`` tokenised without extra special tokens, and the answer follows it."""
    messages = escape_control_tokens(tokenizer, messages)
    prompt = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, tokenize=False)
    full = tokenizer.apply_chat_template(messages, tokenize=False)
    if not full.startswith(prompt):
        raise InvalidInput("the model's chat template renders the answer differently from the generation prompt; "
                           "training and serving would disagree — fix the template", param="base_model")
    prompt_ids = list(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    answer_ids = list(tokenizer(full[len(prompt):], add_special_tokens=False)["input_ids"])
    return prompt_ids + answer_ids, [0] * len(prompt_ids) + [1] * len(answer_ids)
