"""Business metrics over strings."""

from __future__ import annotations

import pytest

from aikojo.errors import InvalidInput
from aikojo.tuning import metrics


def test_exact_match_ignores_surrounding_and_repeated_space():
    assert metrics.exact_match([" a  b ", "c"], ["a b", "d"]) == 0.5


def test_json_valid_needs_the_same_kind_of_value_as_the_reference():
    assert metrics.json_valid(['{"a": 1}', "[1]", "{oops"], ['{"a": 2}', '{"b": 1}', "{}"]) == pytest.approx(1 / 3)


def test_json_field_f1_reports_each_key_and_their_mean():
    out = metrics.json_field_f1(['{"a": 1, "b": 2}', "not json"], ['{"a": 1, "b": 3}', '{"a": 5, "b": 3}'])
    assert out["json_field_f1.a"] == pytest.approx(2 / 3)  # tp 1, fn 1
    assert out["json_field_f1.b"] == 0.0
    assert out["json_field_f1"] == pytest.approx(1 / 3)


def test_char_rouge_l_works_on_japanese_without_segmentation():
    assert metrics.char_rouge_l(["東京都港区"], ["東京都港区"]) == 1.0
    assert metrics.char_rouge_l(["東京都"], ["東京都港区"]) == pytest.approx(2 * 3 / 8)
    assert metrics.char_rouge_l([""], ["abc"]) == 0.0


def test_accuracy_and_macro_f1_on_labels():
    preds, refs = ["billing", "Billing ", "delivery", "complaint"], ["billing", "billing", "billing", "complaint"]
    assert metrics.accuracy(preds, refs) == 0.75
    assert metrics.macro_f1(preds, refs) == pytest.approx((0.8 + 1.0) / 2)


def test_custom_metric_by_dotted_path():
    out = metrics.score([], ["tests.tuning.test_metrics:length_ratio"], ["ab"], ["abcd"])
    assert out == {"tests.tuning.test_metrics:length_ratio": 0.5}
    with pytest.raises(InvalidInput, match="cannot be imported"):
        metrics.load_custom("no.such.module:fn")


def length_ratio(preds: list[str], refs: list[str]) -> float:
    return sum(len(p) for p in preds) / sum(len(r) for r in refs)
