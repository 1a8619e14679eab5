"""Checks that only make sense on model output: canary (system-prompt) leaks, refusals, JSON / JSON Schema,
and grounding (根拠なし断定抑制: numbers and names in the answer that appear nowhere in the context documents)."""

from __future__ import annotations

import json
import re
from typing import Any

from aikojo.guardrails.normalise import Normalised, normalise
from aikojo.guardrails.types import Finding

_REFUSAL = re.compile(
    r"\b(?:i'?m sorry,? but i (?:can(?:no|')t|am unable|won't)|i (?:can(?:no|')t|am unable to|won't) (?:help|assist|"
    r"provide|comply|answer)|as an ai(?: language model)?,? i (?:can(?:no|')t|don't))|"
    r"申し訳(?:ありません|ございません)(?:が|けれど)[^。]{0,40}(?:お答え|回答|対応|お手伝い|提供)(?:でき|いたしかね|致しかね)|"
    r"(?:お答え|回答|ご案内)(?:することは)?(?:できません|いたしかねます|致しかねます)",
    re.IGNORECASE,
)


def find_canaries(norm: Normalised, canaries: list[str]) -> list[Finding]:
    """Canary strings (from the project's system prompt) appearing in output, matched after normalisation so
    full-width or zero-width tricks do not hide a leak."""
    out = []
    low = norm.text.lower()
    for canary in canaries:
        c = normalise(canary).text.lower()
        if not c:
            continue
        i = low.find(c)
        if i >= 0:
            s, e = norm.to_original(i, i + len(c))
            out.append(Finding("CANARY_LEAK", s, e, 1.0, "canary"))
    return out


def find_refusal(norm: Normalised) -> list[Finding]:
    m = _REFUSAL.search(norm.text)
    if not m:
        return []
    s, e = norm.to_original(m.start(), m.end())
    return [Finding("REFUSAL", s, e, 0.9, "refusal")]


_FENCE = re.compile(r"^\s*```(?:json)?\s*\n?(.*?)\n?```\s*$", re.DOTALL)


def check_json(text: str, schema: dict[str, Any] | None) -> str | None:
    """None when ``text`` is JSON (inside a ```json fence or not) valid against ``schema``; else the reason,
    phrased for a re-ask prompt (it quotes the schema error, never the user's data)."""
    m = _FENCE.match(text)
    body = m.group(1) if m else text
    try:
        value = json.loads(body)
    except json.JSONDecodeError as exc:
        return f"The response was not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})."
    if schema is not None:
        import jsonschema

        validator = jsonschema.validators.validator_for(schema)(schema)
        error = jsonschema.exceptions.best_match(validator.iter_errors(value))
        if error is not None:
            path = "/".join(str(p) for p in error.absolute_path) or "(root)"
            return f"The JSON did not match the required schema at {path}: {error.message}"
    return None


_NUMBER = re.compile(r"(?<![0-9A-Za-z.])\d[\d,]*(?:\.\d+)?")
_KATAKANA_NAME = re.compile(r"[ァ-ヴ][ァ-ヴー・]{2,}")
_HONORIFIC_NAME = re.compile(r"([一-龥々]{1,4}(?:[ 　]?[一-龥々]{1,3})?)(?:様|さん|氏|社長|部長|課長)")
_LATIN_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})+")


def find_ungrounded(answer: Normalised, context: str) -> list[Finding]:
    """Numbers (≥2 significant digits) and names in the answer that the context never mentions."""
    ctx = normalise(context).text
    ctx_digits = {m.group(0).replace(",", "") for m in _NUMBER.finditer(ctx)}
    ctx_low = ctx.lower()
    out: list[Finding] = []
    text = answer.text
    for m in _NUMBER.finditer(text):
        num = m.group(0).replace(",", "").rstrip(".")
        if len(num.replace(".", "").lstrip("0")) < 2 or num in ctx_digits:
            continue
        s, e = answer.to_original(m.start(), m.end())
        out.append(Finding("UNGROUNDED_NUMBER", s, e, 0.6, "grounding"))
    for rx, group in ((_KATAKANA_NAME, 0), (_HONORIFIC_NAME, 1), (_LATIN_NAME, 0)):
        for m in rx.finditer(text):
            if m.group(group).lower() not in ctx_low:
                s, e = answer.to_original(m.start(group), m.end(group))
                out.append(Finding("UNGROUNDED_NAME", s, e, 0.5, "grounding"))
    return out
