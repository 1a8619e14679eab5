"""`kojo spectrum RECIPE --generalist MODEL`: the generalist rung asks a model through a real gateway (a `kojo
serve` process) in front of a mock OpenAI upstream whose answers are known, so its score is predictable; the
rung joins the JSON and Markdown report and the recommendation. Without KOJO_URL / KOJO_API_KEY the command
fails at once with a clear error, before any rung trains."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.gateway.conftest import clean_env, free_port, start_gateway, start_mock, stop
from tests.tuning.helpers import make_recipe, write_jsonl

SYSTEM = "Answer with one word."
KNOWN, REPLY = "(known)", "OK"  # the mock answers REPLY to prompts containing KNOWN, else its default greeting


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    """Every answer is "OK"; the odd-numbered prompts carry the marker the mock answers correctly. Four records
    repeat: with data.dedupe=false they stay, so a generalist that read the file on its own (deduplicated)
    would be scored on another split than the tuned rungs."""
    records = [{"messages": [{"role": "system", "content": SYSTEM},
                             {"role": "user", "content": f"question {i} {KNOWN if i % 2 else '(new)'}"},
                             {"role": "assistant", "content": REPLY}]} for i in range(12)]
    return write_jsonl(tmp_path_factory.mktemp("gen-data") / "gen.jsonl", records + records[:4])


@pytest.fixture(scope="module")
def gateway(tmp_path_factory) -> Iterator[dict[str, Any]]:
    """A `kojo serve` gateway whose model "big" is the mock upstream; a project key granted "big" only."""
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    tmp = tmp_path_factory.mktemp("gen-gateway")
    settings = load_settings(home=tmp / "home")
    initialise(settings, install_demo=False)
    p = open_platform(settings)
    service.create_tenant(p, Actor.local(), "acme")
    service.create_project(p, Actor.local(), ProjectCreate(tenant="acme", name="eval", models=["big"]))
    key = key_service.create_key(p, Actor.local(), KeyCreate(project="acme/eval")).key
    p.close()
    rules, record = tmp / "rules.json", tmp / "upstream-received.jsonl"
    rules.write_text(json.dumps([{"if_contains": KNOWN, "reply": REPLY}]))
    mock_port, port = free_port(), free_port()
    mock = start_mock(mock_port, "--rules", str(rules), "--record", str(record))
    try:
        gw = start_gateway(settings.home, port, "--engine", "none", "--upstream",
                           f"big=http://127.0.0.1:{mock_port}/v1")
        try:
            yield {"url": f"http://127.0.0.1:{port}", "key": key, "record": record}
        finally:
            stop(gw)
    finally:
        stop(mock)


@pytest.fixture(scope="module")
def tuning_home(tmp_path_factory) -> Path:
    from aikojo.bootstrap import initialise
    from aikojo.settings import load_settings

    home = tmp_path_factory.mktemp("gen-tuning") / "home"
    initialise(load_settings(home=home), install_demo=False)
    return home


def _recipe(tmp: Path, dataset: Path) -> Path:
    recipe = make_recipe(dataset, method="prompt", name="gen",
                         data={"eval_fraction": 0.25, "dedupe": False, "max_eval_samples": 3, "max_length": 64},
                         eval={"metrics": ["exact_match", "char_rouge_l"], "primary": "exact_match",
                               "max_new_tokens": 4})
    path = tmp / "recipe.yaml"
    path.write_text(yaml.safe_dump(recipe, allow_unicode=True))
    return path


def kojo(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aikojo.cli.main", "--home", str(home), *args],
                          env=clean_env(**env), capture_output=True, text=True, timeout=300)


def test_the_generalist_rung_is_scored_on_what_the_upstream_answered(gateway, tuning_home, dataset, tmp_path):
    out = tmp_path / "report"
    proc = kojo(tuning_home, "spectrum", str(_recipe(tmp_path, dataset)), "--methods", "prompt",
                "--generalist", "big", "--out", str(out), "--json", KOJO_URL=gateway["url"],
                KOJO_API_KEY=gateway["key"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report == json.loads((out / "spectrum.json").read_text())
    rungs = {r["method"]: r for r in report["rungs"]}
    assert set(rungs) == {"prompt", "generalist:big"}
    assert rungs["prompt"]["error"] is None and rungs["generalist:big"]["error"] is None

    # What reached the upstream, through the gateway: the held-out prompts, one request each, with the recipe's
    # answer budget — the same samples the prompt rung was evaluated on.
    sent = [json.loads(line) for line in gateway["record"].read_text().splitlines()]
    assert [b["model"] for b in sent] == ["big"] * 3
    assert all(b["max_tokens"] == 4 and b["temperature"] == 0 for b in sent)
    asked = [b["messages"][-1]["content"] for b in sent]
    assert all(b["messages"][0] == {"role": "system", "content": SYSTEM} for b in sent)
    prompt_eval = json.loads((out / "prompt" / "eval_report.json").read_text())["before"]["examples"]
    assert asked == [e["prompt"] for e in prompt_eval]

    # The mock answered "OK" (right) to the KNOWN prompts and a greeting with no O or K (wrong) to the others.
    expected = sum(KNOWN in q for q in asked) / len(asked)
    assert 0 < expected < 1, "the test data should put right and wrong answers in the held-out split"
    gen = rungs["generalist:big"]
    assert gen["primary"] == pytest.approx(expected)
    assert gen["metrics"] == pytest.approx({"exact_match": expected, "char_rouge_l": expected})
    assert gen["before"] is None and gen["artifact"] is None

    # The demo model's prompting gets none right, so the generalist is the one to keep.
    assert rungs["prompt"]["primary"] < expected
    assert report["recommendation"].startswith(f"The generalist model already reaches exact_match={expected:.3f}")
    md = (out / "spectrum.md").read_text(encoding="utf-8")
    assert f"| generalist:big | - | {expected:.3f} |" in md
    assert f"**Recommendation.** {report['recommendation']}" in md
    assert (out / "spectrum.png").read_bytes()[:4] == b"\x89PNG"


def test_a_refused_generalist_is_reported_in_the_table(gateway, tuning_home, dataset, tmp_path):
    """A model the key may not use: the gateway's error is the rung's error, and the report is still written."""
    from aikojo.settings import load_settings
    from aikojo.tuning.runner import load_recipe
    from aikojo.tuning.spectrum import run_spectrum

    recipe = load_recipe(_recipe(tmp_path, dataset)).model_dump(mode="json", exclude_none=True)
    settings = load_settings(home=tuning_home, url=gateway["url"], api_key=gateway["key"])
    report = run_spectrum(recipe, settings_kw={"home": tuning_home}, out_dir=tmp_path / "r", methods=(),
                          generalist="not-granted", settings=settings)
    (rung,) = report["rungs"]
    assert rung["method"] == "generalist:not-granted" and rung["primary"] is None
    assert rung["error"].startswith("HTTP 40") and "not-granted" in rung["error"]
    assert report["recommendation"] == "No method completed; see the errors in the table."
    assert rung["error"] in (tmp_path / "r" / "spectrum.md").read_text(encoding="utf-8")


def test_without_kojo_url_and_key_it_fails_before_training(tuning_home, dataset, tmp_path):
    out = tmp_path / "report"
    proc = kojo(tuning_home, "spectrum", str(_recipe(tmp_path, dataset)), "--methods", "prompt",
                "--generalist", "big", "--out", str(out))
    assert proc.returncode == 2
    assert "--generalist asks a model through the gateway: set KOJO_URL and KOJO_API_KEY" in proc.stderr
    assert not out.exists()  # nothing ran, nothing written
