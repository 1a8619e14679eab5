"""Banned topics per project: keywords (case-insensitive, matched on normalised text), regexes, and — with the
``ja-names`` extra — Japanese example questions matched by meaning (``TopicRule.examples``)."""

from __future__ import annotations

import re

import numpy as np

from aikojo.guardrails.names_ja import JAPANESE, pieces, pipeline
from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.policy import TopicRule
from aikojo.guardrails.types import Finding

# Content words carry a question's topic; particles, auxiliaries and numbers only dilute the average.
_CONTENT = ("名詞", "動詞", "形容詞")
# A sentence needs this many content words the model knows: one shared word (「株」 alone) is not a topic.
MIN_CONTENT_WORDS = 2


class TopicDetector:
    """Reports ``TOPIC:<name>`` over the first matching span of each configured topic."""

    name = "topics"

    def __init__(self, rules: list[TopicRule]) -> None:
        self._compiled: list[tuple[str, re.Pattern[str]]] = []
        self._examples: list[tuple[str, float, str, np.ndarray]] = []
        for rule in rules:
            parts = [re.escape(k) for k in rule.keywords] + [f"(?:{p})" for p in rule.patterns]
            if parts:
                self._compiled.append((rule.name, re.compile("|".join(parts), re.IGNORECASE)))
            if rule.examples:  # the policy validator made sure each example has words the model knows
                vectors = [sentence_vector(rule.similarity_model, e, min_words=1) for e in rule.examples]
                self._examples.append((rule.name, rule.similarity, rule.similarity_model,
                                       np.stack([v for v in vectors if v is not None])))

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
        pending = [t for t in self._examples if not any(f.type == f"TOPIC:{t[0]}" for f in out)]
        if not pending or not JAPANESE.search(norm.text):
            return out

        vectors: dict[tuple[str, int], np.ndarray | None] = {}  # each sentence once per model, for all topics
        for name, threshold, model, examples in pending:
            for start, sentence in pieces(norm.text):
                if not JAPANESE.search(sentence):
                    continue
                if (model, start) not in vectors:
                    vectors[(model, start)] = sentence_vector(model, sentence)
                v = vectors[(model, start)]
                score = float((examples @ v).max()) if v is not None else 0.0
                if score >= threshold:
                    s, e = norm.to_original(start, start + len(sentence.rstrip()))
                    out.append(Finding(f"TOPIC:{name}", s, e, round(score, 3), f"{self.name}.{name}.similar"))
                    break
        return out


def sentence_vector(model: str, text: str, min_words: int = MIN_CONTENT_WORDS) -> np.ndarray | None:
    """Unit-length average of the content-word vectors of ``text`` (the spaCy model's static word vectors), or
    None with fewer than ``min_words`` known content words."""
    pipe = pipeline(model)  # the names detector's cached pipeline and lock
    with pipe.lock:
        vs = [t.vector for t in pipe.fresh().make_doc(text)
              if t.tag_.startswith(_CONTENT) and not t.tag_.startswith("名詞-数詞") and t.has_vector]
    if len(vs) < min_words:
        return None
    v = np.mean(vs, axis=0)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else None
