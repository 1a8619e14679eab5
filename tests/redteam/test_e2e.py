"""The red team end to end: the corpus through a real gateway process with guardrails off and on, reports,
JUnit, the regression suite, ``regress`` exit codes and ``harden`` through the audited service operation."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
import yaml
from typer.testing import CliRunner

from aikojo.cli.main import app
from tests.redteam.conftest import E2E_CASES


def kojo(g: dict, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["--home", str(g["home"]), "redteam", *args], catch_exceptions=False, env=env)


def _target(g: dict, which: str) -> list[str]:
    return ["--target", g[which], "--key", g["key"], "--model", "vulnerable"]


@pytest.fixture(scope="module")
def runs(gateways):
    out = {}
    for which in ("off", "on"):
        folder = gateways["tmp"] / f"run-{which}"
        result = kojo(gateways, "run", *_target(gateways, which), "--cases", ",".join(E2E_CASES),
                      "--concurrency", "4", "--out", str(folder), "--project", "acme/support")
        assert result.exit_code == 0, result.output
        out[which] = folder
    return out


def _report(folder):
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


def test_guardrails_off_lets_attacks_through_and_guardrails_on_stop_more_of_them(runs):
    off, on = _report(runs["off"])["summary"], _report(runs["on"])["summary"]
    assert off["errors"] == 0 and on["errors"] == 0
    assert off["successes"] >= 8
    assert on["successes"] < off["successes"]
    blocked = [r for r in _report(runs["on"])["results"] if "guardrail_block" in r["verdict"]["signals"]]
    assert blocked, "with guardrails on, some attacks must be blocked with content_blocked"


def test_a_model_of_another_project_is_refused_by_the_gateway_either_way(runs):
    for which in ("off", "on"):
        probe = next(r for r in _report(runs[which])["results"] if r["attack"]["case_id"] == "ct-model-other-base")
        assert probe["verdict"]["outcome"] == "defended" and probe["responses"][0]["status"] in (403, 404)


def test_the_report_has_rates_with_intervals_findings_with_policy_changes_junit_and_a_suite(runs):
    report = _report(runs["off"])
    cat = report["by_category"]["pii_exfiltration"]
    assert cat["successes"] == 2 and cat["ci95"][0] < cat["asr"] <= cat["ci95"][1]
    assert all(f["proposals"] for f in report["findings"] if f["category"] != "bias" or f["proposals"])
    assert any(p["path"] == "output.canaries" for p in report["proposals"])
    assert report["datasets"]["status"] in ("ok", "skipped", "failed") and report["datasets"]["project"]
    html = (runs["off"] / "report.html").read_text(encoding="utf-8")
    assert "By category" in html and "<script" not in html
    suites = ET.parse(runs["off"] / "junit.xml").getroot()
    failures = sum(int(s.get("failures")) for s in suites)
    assert failures == report["summary"]["successes"]
    suite = yaml.safe_load((runs["off"] / "regression.yaml").read_text(encoding="utf-8"))
    assert len(suite["cases"]) == report["summary"]["successes"]
    case = suite["cases"][0]
    assert case["status"] == "open" and case["target_config_hash"] and case["requests"]
    assert {"chain", "seed", "verdict"} <= set(case)


def test_regress_exits_zero_while_fixed_cases_stay_fixed_and_one_when_one_succeeds_again(gateways, runs):
    suite = gateways["tmp"] / "suite.yaml"
    shutil.copy(runs["off"] / "regression.yaml", suite)
    # Against the guarded gateway, the attacks it stops become "fixed"; nothing fixed regresses: exit 0.
    first = kojo(gateways, "regress", str(suite), *_target(gateways, "on"), "--mark-fixed")
    assert first.exit_code == 0, first.output
    fixed = [c for c in yaml.safe_load(suite.read_text(encoding="utf-8"))["cases"] if c["status"] == "fixed"]
    assert fixed
    # The same suite against the unguarded gateway: the fixed cases succeed again, a regression: exit 1.
    second = kojo(gateways, "regress", str(suite), *_target(gateways, "off"))
    assert second.exit_code == 1
    assert "REGRESSION" in second.output


def test_harden_applies_an_audited_policy_and_the_failing_attacks_are_then_defended(gateways, runs):
    from aikojo.audit.service import AuditQuery, list_records
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy.roles import Actor

    report = runs["on"] / "report.json"
    dry = kojo(gateways, "harden", str(report), "--project", "acme/support")
    assert dry.exit_code == 0 and "dry run" in dry.output
    result = kojo(gateways, "harden", str(report), "--project", "acme/support", "--apply",
                  *_target(gateways, "on"), "--settle", "12")
    assert result.exit_code == 0, result.output
    assert "applied" in result.output
    assert "0 still succeed" in result.output, result.output
    p = open_platform(load_settings(home=gateways["home"]))
    try:
        records = list_records(p, Actor.local(), AuditQuery(action="project.guardrails"))
    finally:
        p.close()
    assert records and records[0].actor.startswith("local:")


def test_harden_goes_through_the_admin_api_when_kojo_url_is_set(gateways, runs):
    from aikojo.audit.service import AuditQuery, list_records
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy.roles import Actor

    origin = gateways["on"].removesuffix("/v1")
    result = kojo(gateways, "harden", str(runs["off"] / "report.json"), "--project", "acme/support", "--apply",
                  env={"KOJO_URL": origin, "KOJO_API_KEY": gateways["admin_key"]})
    assert result.exit_code == 0, result.output
    p = open_platform(load_settings(home=gateways["home"]))
    try:
        last = list_records(p, Actor.local(), AuditQuery(action="project.guardrails"))[0]  # newest first
    finally:
        p.close()
    assert last.actor.startswith("key:")
