"""The independent dev sets stay what their sources say and stay out of training."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from aikojo.guardrails import train

EX = Path(__file__).resolve().parents[2] / "examples" / "guardrails"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (EX / name).read_text(encoding="utf-8").splitlines() if line]


def test_dev_files_match_their_sources() -> None:
    sys.path.insert(0, str(EX))
    try:
        import documents_dev_sources as documents
        import injection_dev2_sources as prompts2
        import injection_dev_sources as prompts
    finally:
        sys.path.remove(str(EX))
    inj, docs, inj2 = _rows("injection_dev.jsonl"), _rows("documents_dev.jsonl"), _rows("injection_dev2.jsonl")
    assert [(r["label"], r["lang"], r["category"], r["text"]) for r in inj] == list(prompts.ITEMS)
    assert [(r["label"], r["lang"], r["category"], r["text"]) for r in inj2] == list(prompts2.ITEMS)
    assert [(r["lang"], r["genre"], r["text"]) for r in docs] == documents.BENIGN + documents.INJECTED
    assert [r["label"] for r in docs] == [0] * len(documents.BENIGN) + [1] * len(documents.INJECTED)
    for rows in (inj, docs, inj2):
        assert len({r["id"] for r in rows}) == len(rows)
        assert {r["label"] for r in rows} == {0, 1}


def test_no_dev_text_is_a_training_text() -> None:
    defaults = [train.DEFAULT_TRAIN, train.DEFAULT_EXTRA, *train.DEFAULT_EXTRA_BENIGN, *train.DEFAULT_DOCUMENT_SOURCES]
    training = set()
    for path in defaults:
        training |= {r.get("text") for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}
    names = ("injection_dev.jsonl", "documents_dev.jsonl", "injection_dev2.jsonl")
    dev = {r["text"] for name in names for r in _rows(name)}
    assert not dev & training
    # Nor does training read the dev files by default.
    assert not {p.name for p in defaults} & set(names)
