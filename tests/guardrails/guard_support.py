"""Helpers shared by the guardrails tests."""

from __future__ import annotations

from aikojo.guardrails import Guardrails


def blocked(guard: Guardrails, text: str) -> bool:
    """Whether the input check blocks ``text`` sent as one user message."""
    return guard.check_input([{"role": "user", "content": text}]).action == "block"
