"""Spectrum report: recommendation, Markdown, JSON-ready rows and the PNG chart (synthetic rungs: the real
runs are exercised by test_runner)."""

from __future__ import annotations

from aikojo.tuning.spectrum import Rung, chart, markdown, recommend


def rung(method: str, primary: float, wall: float, share: float = 0.01, mb: float = 1.0) -> Rung:
    return Rung(method, primary, 0.05, wall, 900.0, share, mb, f"x-{method}@1", "run", {"char_rouge_l": primary})


def test_the_cheapest_rung_within_reach_of_the_best_is_recommended():
    rungs = [rung("prompt", 0.08, 10, 0, 0.01), rung("lora", 0.46, 40), rung("qlora", 0.45, 45),
             rung("full", 0.47, 55, 1.0, 12)]
    text = recommend(rungs, "char_rouge_l")
    assert text.startswith("Use lora") and "full scores 0.470" in text


def test_prompting_is_recommended_when_it_is_good_enough():
    assert recommend([rung("prompt", 0.9, 5), rung("lora", 0.905, 40)], "char_rouge_l").startswith("Prompting alone")


def test_the_report_has_a_table_and_a_chart(tmp_path):
    rungs = [rung("prompt", 0.08, 10, 0, 0.01), rung("lora", 0.46, 40),
             Rung("full", None, None, 3.0, 0, 0, 0, None, None, {}, error="RuntimeError: boom")]
    report = {"primary_metric": "char_rouge_l", "dataset": "d.jsonl",
              "recommendation": recommend(rungs, "char_rouge_l")}
    md = markdown(report, rungs)
    assert "| lora | 0.050 | 0.460 | 40 |" in md and "RuntimeError: boom" in md and "![spectrum](spectrum.png)" in md
    chart(rungs, "char_rouge_l", tmp_path / "s.png")
    assert (tmp_path / "s.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_each_rung_gets_its_method_its_own_overrides_and_prompt_variants():
    from aikojo.tuning.spectrum import method_recipe

    base = {"name": "claims", "method": "lora", "train": {"learning_rate": 5e-3}, "data": {"path": "d.jsonl"}}
    full = method_recipe(base, "full", {"full": ["train.learning_rate=2e-3"]})
    assert (full["method"], full["name"], float(full["train"]["learning_rate"])) == ("full", "claims-full", 2e-3)
    assert method_recipe(base, "lora", {"full": ["train.learning_rate=2e-3"]})["train"]["learning_rate"] == 5e-3
    assert [t["name"] for t in method_recipe(base, "prompt", {})["prompt"]["templates"]] == \
        ["dataset", "one-shot", "two-shot"]


def test_a_generalist_rung_is_recommended_only_when_it_is_within_reach_of_the_best():
    def generalist(primary: float | None, error: str | None = None) -> Rung:
        return Rung("generalist:big", primary, None, 30, 0, 0, 0, None, None, {}, error=error)

    tuned = [rung("prompt", 0.08, 10, 0, 0.01), rung("lora", 0.46, 40)]
    assert recommend([*tuned, generalist(0.47)], "char_rouge_l").startswith(
        "The generalist model already reaches char_rouge_l=0.470")
    text = recommend([*tuned, generalist(0.30)], "char_rouge_l")
    assert text.startswith("Use lora: char_rouge_l=0.460") and "generalist" not in text
    assert recommend([*tuned, generalist(None, "HTTP 403: not allowed")], "char_rouge_l").startswith("Use lora")
    # lower is better for loss: a generalist far above the tuned loss is not recommended
    assert recommend([rung("lora", 3.7, 40), generalist(9.0)], "loss").startswith("Use lora")
