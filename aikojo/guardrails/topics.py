"""Banned topics per project: keywords (case-insensitive, matched on normalised text) and regexes."""

from __future__ import annotations

import re

from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.policy import TopicRule
from aikojo.guardrails.types import Finding


class TopicDetector:
    """Reports ``TOPIC:<name>`` over the first matching span of each configured topic."""

    name = "topics"

    def __init__(self, rules: list[TopicRule]) -> None:
        self._compiled: list[tuple[str, re.Pattern[str]]] = []
        for rule in rules:
            parts = [re.escape(k) for k in rule.keywords] + [f"(?:{p})" for p in rule.patterns]
            self._compiled.append((rule.name, re.compile("|".join(parts), re.IGNORECASE)))

    def detect(self, norm: Normalised) -> list[Finding]:
        out = []
        for name, rx in self._compiled:
            m = rx.search(norm.text)
            if m:
                s, e = norm.to_original(m.start(), m.end())
                out.append(Finding(f"TOPIC:{name}", s, e, 1.0, f"{self.name}.{name}"))
        return out
