"""Business metrics over (prediction, reference) strings. Pure Python, no model: easy to test and to reuse.

Every metric returns a number in [0, 1] averaged over samples, except ``json_field_f1`` which also reports a
per-key F1 (``json_field_f1.<key>``). A custom metric is a dotted path ``pkg.module:function`` (or
``pkg.module.function``) to ``f(predictions: list[str], references: list[str]) -> float | dict[str, float]``.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from aikojo.errors import InvalidInput


def _norm(s: str) -> str:
    return " ".join(s.strip().split())


def exact_match(preds: list[str], refs: list[str]) -> float:
    return _mean([float(_norm(p) == _norm(r)) for p, r in zip(preds, refs, strict=True)])


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text.strip())
    except (json.JSONDecodeError, ValueError):
        return _MISSING


_MISSING = object()


def json_valid(preds: list[str], refs: list[str]) -> float:
    """Share of predictions that parse as one JSON value of the same kind (object/array/…) as the reference."""
    scores = []
    for p, r in zip(preds, refs, strict=True):
        got, want = _parse_json(p), _parse_json(r)
        scores.append(float(got is not _MISSING and (want is _MISSING or type(got) is type(want))))
    return _mean(scores)


def json_field_f1(preds: list[str], refs: list[str]) -> dict[str, float]:
    """Per-key F1 of top-level JSON fields (a field counts as correct when its value is equal), and their mean.
    An unparseable prediction predicts nothing: precision is undefined, recall 0."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for p, r in zip(preds, refs, strict=True):
        got, want = _parse_json(p), _parse_json(r)
        got = got if isinstance(got, dict) else {}
        want = want if isinstance(want, dict) else {}
        for k in set(got) | set(want):
            if k in want and k in got and got[k] == want[k]:
                tp[k] += 1
            else:
                if k in got:
                    fp[k] += 1
                if k in want:
                    fn[k] += 1
    keys = sorted(set(tp) | set(fn))
    per_key = {k: _f1(tp[k], fp[k], fn[k]) for k in keys}
    out = {f"json_field_f1.{k}": v for k, v in per_key.items()}
    out["json_field_f1"] = _mean(list(per_key.values()))
    return out


def _lcs(a: str, b: str) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def char_rouge_l(preds: list[str], refs: list[str]) -> float:
    """ROUGE-L F1 over characters: needs no word segmentation, so it works for Japanese."""
    scores = []
    for p, r in zip(preds, refs, strict=True):
        p, r = p.strip(), r.strip()
        n = _lcs(p, r)
        scores.append(0.0 if n == 0 else 2 * n / (len(p) + len(r)))
    return _mean(scores)


def accuracy(preds: list[str], refs: list[str]) -> float:
    """Classification accuracy on the normalised label (case-insensitive, surrounding space ignored)."""
    return _mean([float(_norm(p).lower() == _norm(r).lower()) for p, r in zip(preds, refs, strict=True)])


def macro_f1(preds: list[str], refs: list[str]) -> float:
    labels = sorted({_norm(r).lower() for r in refs})
    ps = [_norm(p).lower() for p in preds]
    rs = [_norm(r).lower() for r in refs]
    f1s = []
    for lab in labels:
        tp = sum(p == lab and r == lab for p, r in zip(ps, rs, strict=True))
        fp = sum(p == lab and r != lab for p, r in zip(ps, rs, strict=True))
        fn = sum(p != lab and r == lab for p, r in zip(ps, rs, strict=True))
        f1s.append(_f1(tp, fp, fn))
    return _mean(f1s)


TEXT_METRICS: dict[str, Callable[[list[str], list[str]], float | dict[str, float]]] = {
    "exact_match": exact_match,
    "json_valid": json_valid,
    "json_field_f1": json_field_f1,
    "char_rouge_l": char_rouge_l,
    "accuracy": accuracy,
    "macro_f1": macro_f1,
}


def load_custom(path: str) -> Callable[[list[str], list[str]], float | dict[str, float]]:
    module, sep, attr = path.partition(":")
    if not sep:
        module, _, attr = path.rpartition(".")
    try:
        fn = getattr(importlib.import_module(module), attr)
    except (ImportError, AttributeError, ValueError) as exc:
        raise InvalidInput(f"custom metric {path!r} cannot be imported ({exc}); give 'package.module:function'",
                           param="eval.custom")
    if not callable(fn):
        raise InvalidInput(f"custom metric {path!r} is not a function", param="eval.custom")
    return fn


def score(names: list[str], custom: list[str], preds: list[str], refs: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in names:
        fn = TEXT_METRICS.get(name)
        if fn is not None:
            _put(out, name, fn(preds, refs))
    for path in custom:
        _put(out, path, load_custom(path)(preds, refs))
    return out


def _put(out: dict[str, float], name: str, value: float | dict[str, float]) -> None:
    if isinstance(value, dict):
        out.update({k: float(v) for k, v in value.items()})
    else:
        out[name] = float(value)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
