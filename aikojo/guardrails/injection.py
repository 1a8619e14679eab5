"""Prompt-injection and jailbreak detection: hand-written rules plus a small character n-gram linear model.

The model is trained by ``aikojo.guardrails.train`` (``kojo guard train``) with scikit-learn and exported to
``data/injection_model.json`` as plain numbers (idf and coefficient per n-gram), so loading it executes no
pickle and scoring needs no scikit-learn. Scores are probabilities; rules and model are combined as a noisy-OR.
Long texts are scored per sentence chunk and the maximum kept, so one injected line in a long e-mail is not
diluted by the benign text around it (indirect injection).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from aikojo.guardrails.injection_rules import match_rules, prepared_views
from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

MODEL_PATH = Path(__file__).parent / "data" / "injection_model.json"
NGRAM_RANGE = (1, 4)
_WS = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_B64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")
_CHUNK_SPLIT = re.compile(r"(?<=[。！？!?\n])|(?<=\. )")
CHUNK_CHARS = 240


def analyzer(text: str) -> list[str]:
    """Character n-grams of the lower-cased, whitespace-collapsed text with every digit mapped to 0 (numbers
    carry no injection signal, and memorising them made phone numbers look like attacks). Training uses this
    exact function."""
    t = _DIGIT.sub("0", _WS.sub(" ", text.lower()).strip())
    lo, hi = NGRAM_RANGE
    n_chars = len(t)
    return [t[i : i + n] for n in range(lo, hi + 1) for i in range(n_chars - n + 1)]


@dataclass(frozen=True)
class LinearModel:
    """Exported TF-IDF (binary tf, l2 norm) + logistic-regression weights."""

    weights: dict[str, tuple[float, float]]  # ngram -> (idf, coef)
    intercept: float
    threshold: float
    meta: dict[str, object]

    def score(self, text: str) -> float:
        # Binary term frequency (the vectoriser is trained with binary=True): a set is much cheaper than counts.
        dot = 0.0
        norm2 = 0.0
        w = self.weights
        for gram in set(analyzer(text)):
            entry = w.get(gram)
            if entry is None:
                continue
            v = entry[0]
            norm2 += v * v
            dot += v * entry[1]
        z = self.intercept + (dot / math.sqrt(norm2) if norm2 else 0.0)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> LinearModel | None:
    """Load the exported model once per process; None when no model has been trained yet."""
    p = Path(path)
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    weights = {g: (float(v[0]), float(v[1])) for g, v in data["weights"].items()}
    return LinearModel(weights, float(data["intercept"]), float(data["threshold"]), dict(data.get("meta", {})))


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Sentence-aligned chunks of at most ~``size`` characters (a sentence longer than that is cut)."""
    if len(text) <= size:
        return [text]
    out: list[str] = []
    cur = ""
    for sent in _CHUNK_SPLIT.split(text):
        while len(sent) > size:
            out.append(sent[:size])
            sent = sent[size:]
        if len(cur) + len(sent) > size and cur:
            out.append(cur)
            cur = ""
        cur += sent
    if cur.strip():
        out.append(cur)
    return out


def decoded_payloads(text: str) -> list[str]:
    """Base64 blobs that decode to readable UTF-8: attackers encode the instruction to slip past filters."""
    out: list[str] = []
    for m in _B64.finditer(text):
        blob = m.group(0)
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True)
            dec = raw.decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if sum(c.isprintable() or c.isspace() for c in dec) >= 0.9 * len(dec) and len(dec.strip()) >= 8:
            out.append(dec)
    return out


class InjectionDetector:
    """Reports one ``PROMPT_INJECTION`` finding over the whole text when the combined score is high enough
    to matter (≥0.05); the policy's threshold decides the action."""

    name = "injection"

    def __init__(self, model: LinearModel | None = None, use_model: bool = True) -> None:
        self.model = model if model is not None else (load_model() if use_model else None)

    def score(self, text: str) -> tuple[float, str | None]:
        """Combined probability that ``text`` (already normalised) is an injection, and the rule category."""
        rule_score, category = match_rules(text)
        model_score = 0.0
        if self.model is not None and rule_score < 0.95:
            views = prepared_views(text)
            # One view for the model: the de-obfuscated one when obfuscation was seen, else the plain one.
            view = views[-1] if len(views) > 1 else views[0]
            for chunk in chunks(view):
                model_score = max(model_score, self.model.score(chunk))
        combined = 1.0 - (1.0 - rule_score) * (1.0 - model_score)
        for payload in decoded_payloads(text) if combined < 0.95 else ():
            inner, inner_cat = self.score(payload)
            if inner > combined:
                combined, category = inner, f"encoded_{inner_cat or 'model'}"
        if category is None and model_score >= 0.5:
            category = "model"
        return combined, category

    def detect(self, norm: Normalised) -> list[Finding]:
        score, category = self.score(norm.text)
        if score < 0.05:
            return []
        detector = f"{self.name}.{category}" if category else self.name
        return [Finding("PROMPT_INJECTION", 0, len(norm.original), round(score, 4), detector)]
