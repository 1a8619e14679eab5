from __future__ import annotations

import pytest

from aikojo.guardrails import Guardrails


@pytest.fixture(scope="session")
def guard() -> Guardrails:
    """Default policy, compiled once: construction loads the injection model."""
    return Guardrails()


def _found(guard: Guardrails, text: str, kind: str) -> list[str]:
    return [text[f.start : f.end] for f in guard.scan_text(text).findings if f.type == kind]


@pytest.fixture(scope="session")
def found():  # type: ignore[no-untyped-def]
    """found(guard, text, kind) -> values of ``kind`` findings, as substrings of the original text."""
    return _found
