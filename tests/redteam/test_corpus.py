"""The shipped corpus: every category in both languages, valid, unique ids; bad files name file, case, field."""

from __future__ import annotations

import pytest

from aikojo.redteam.attacks import build_attacks
from aikojo.redteam.corpus import CATEGORIES, CorpusError, load_corpus


def test_the_shipped_corpus_covers_every_category_in_japanese_and_english():
    cases = load_corpus()
    for category in CATEGORIES:
        assert {c.language for c in cases if c.category == category} == {"ja", "en"}, category


def test_every_case_builds_an_attack_with_the_canary_in_the_system_prompt():
    attacks = build_attacks(load_corpus(), [["base64"]], 0, "KOJO-CANARY-X")
    for a in attacks:
        assert all(r["messages"][0]["role"] == "system" and "KOJO-CANARY-X" in r["messages"][0]["content"]
                   for r in a.requests)
    assert all(len(a.requests) == 2 for a in attacks if a.category == "bias")


def test_an_indirect_injection_encodes_only_the_document():
    case = load_corpus(categories=["indirect_injection"])[0]
    attack = build_attacks([case], [["base64"]], 0, "C")[1]
    user = attack.requests[0]["messages"][1]["content"]
    assert user.startswith(case.prompt) and case.document not in user


def test_a_bad_case_is_reported_with_file_case_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases:\n  - id: x1\n    language: fr\n    category: harmful\n    severity: high\n"
                   "    prompt: hi\n    expected: refuses\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.yaml: case x1: language"):
        load_corpus(tmp_path)


def test_an_unknown_category_filter_is_an_error():
    with pytest.raises(CorpusError, match="unknown category"):
        load_corpus(categories=["nope"])
