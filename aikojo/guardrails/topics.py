"""Banned topics per project: keywords (case-insensitive, matched on normalised text), regexes, and — with the
``ja-names`` extra — Japanese example questions matched by meaning (``TopicRule.examples``)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.policy import TopicRule
from aikojo.guardrails.types import Finding

# Content words carry a question's topic; particles, auxiliaries and numbers only dilute the average.
_CONTENT = ("名詞", "動詞", "形容詞")
_SENTENCE = re.compile(r"[^。！？!?\n]+")


class TopicDetector:
    """Reports ``TOPIC:<name>`` over the first matching span of each configured topic."""

    name = "topics"

    def __init__(self, rules: list[TopicRule]) -> None:
        self._compiled: list[tuple[str, re.Pattern[str]]] = []
        self._examples: list[tuple[str, float, _Vectors, np.ndarray]] = []
        for rule in rules:
            parts = [re.escape(k) for k in rule.keywords] + [f"(?:{p})" for p in rule.patterns]
            if parts:
                self._compiled.append((rule.name, re.compile("|".join(parts), re.IGNORECASE)))
            if rule.examples:
                vectors = _Vectors(rule.similarity_model)
                known = [v for v in (vectors.of(e) for e in rule.examples) if v is not None]
                if not known:
                    raise ValueError(f"topic {rule.name!r}: no example has a word the model knows")
                self._examples.append((rule.name, rule.similarity, vectors, np.stack(known)))

    @property
    def heavy(self) -> bool:
        """Example matching tokenises every sentence (a few ms per KB): callers move it off an event loop."""
        return bool(self._examples)

    def detect(self, norm: Normalised) -> list[Finding]:
        out = []
        for name, rx in self._compiled:
            m = rx.search(norm.text)
            if m:
                s, e = norm.to_original(m.start(), m.end())
                out.append(Finding(f"TOPIC:{name}", s, e, 1.0, f"{self.name}.{name}"))
        found = {f.type for f in out}
        for name, threshold, vectors, examples in self._examples:
            if f"TOPIC:{name}" in found:
                continue
            for m in _SENTENCE.finditer(norm.text):
                v = vectors.of(m.group(0))
                score = float((examples @ v).max()) if v is not None else 0.0
                if score >= threshold:
                    s, e = norm.to_original(m.start(), m.end())
                    out.append(Finding(f"TOPIC:{name}", s, e, round(score, 3), f"{self.name}.{name}.similar"))
                    break
        return out


class _Vectors:
    """Unit-length average of a sentence's content-word vectors, from the spaCy model's static word vectors."""

    def __init__(self, model: str) -> None:
        from aikojo.guardrails.names_ja import _load  # the same cached pipeline and lock as the names detector

        self._nlp, self._lock = _load(model)

    def of(self, text: str) -> np.ndarray | None:
        with self._lock:
            tokens: list[Any] = list(self._nlp.make_doc(text))
        vs = [t.vector for t in tokens
              if t.tag_.startswith(_CONTENT) and not t.tag_.startswith("名詞-数詞") and t.has_vector]
        if not vs:
            return None
        v = np.mean(vs, axis=0)
        norm = float(np.linalg.norm(v))
        return v / norm if norm > 0 else None
