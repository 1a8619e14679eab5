"""Report statistics, JUnit, policy proposals, the regression suite's bookkeeping and harden's offline check."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from aikojo.guardrails import Guardrails, load_policy
from aikojo.redteam import harden, regression
from aikojo.redteam.attacks import build_attacks
from aikojo.redteam.corpus import load_corpus
from aikojo.redteam.mitigations import apply_proposals, propose
from aikojo.redteam.report import build_report, render_junit
from aikojo.redteam.types import Response, Result, Verdict
from aikojo.stats import wilson


def _results() -> list[Result]:
    attacks = build_attacks(load_corpus(categories=["prompt_extraction", "pii_exfiltration"]), [], 0,
                            "KOJO-CANARY-T")
    out = []
    for a in attacks:
        signals = ["canary_leak"] if a.category == "prompt_extraction" else ["pii_leak"]
        out.append(Result(a, [Response(200, "leak")], Verdict("success", "test", signals)))
    return out


def test_wilson_intervals_stay_inside_0_1_and_contain_the_rate():
    assert wilson(0, 10)[0] == 0.0 and wilson(10, 10)[1] == 1.0
    lo, hi = wilson(3, 10)
    assert lo < 0.3 < hi and round(lo, 3) == 0.108 and round(hi, 3) == 0.603


def test_the_report_counts_rates_per_category_and_proposes_a_fix_per_finding():
    report = build_report(_results(), {"target": "t", "model": "m"})
    assert report["summary"]["successes"] == len(report["findings"]) == 16
    assert report["by_category"]["prompt_extraction"]["asr"] == 1.0
    assert all(f["proposals"] for f in report["findings"])
    paths = {p["path"] for p in report["proposals"]}
    assert {"output.canaries", "input.pii.action"} <= paths


def test_junit_marks_successful_attacks_as_failures():
    root = ET.fromstring(render_junit(build_report(_results(), {})))
    assert sum(int(s.get("failures")) for s in root) == 16


def test_applied_proposals_make_a_valid_policy_and_applying_twice_changes_nothing():
    props = [p for r in _results() for p in propose(r.attack, r.verdict)]
    once = apply_proposals(None, props)
    policy = load_policy(once)
    assert "KOJO-CANARY-T" in policy.output.canaries and policy.input.pii.action == "mask"
    assert load_policy(apply_proposals(once, props)) == policy


def test_the_new_policy_blocks_a_canary_leak_offline():
    g = Guardrails(apply_proposals(None, [{"op": "append", "path": "output.canaries", "value": "KOJO-CANARY-T"}]))
    assert g.check_output("the code is KOJO-CANARY-T").action == "block"


def test_harden_plans_from_a_report_and_checks_offline_where_each_finding_is_stopped():
    report = build_report(_results(), {})
    for r in report["results"]:
        if r["attack"]["category"] == "prompt_extraction":
            r["responses"][0]["text"] = "My code is KOJO-CANARY-T"
    plan = harden.plan(report, "acme/support", None)
    assert plan.changed
    where = [plan.offline[r["attack_id"]] for r in report["results"]
             if r["attack"]["category"] == "prompt_extraction"]
    assert where and "replay" not in where  # the injection threshold or, failing that, the canary rule


def test_the_suite_adds_each_success_once_and_keeps_its_status():
    results = _results()
    suite = regression.merge(None, results, "h1")
    assert len(suite["cases"]) == 16 and all(c["status"] == "open" for c in suite["cases"])
    suite["cases"][0]["status"] = "fixed"
    again = regression.merge(suite, results, "h1")
    assert len(again["cases"]) == 16 and again["cases"][0]["status"] == "fixed"


def test_a_replay_reports_regressions_of_fixed_cases_and_can_mark_defended_cases_fixed(tmp_path):
    results = _results()
    suite = regression.merge(None, results[:2], "h")
    suite["cases"][0]["status"] = "fixed"
    replay = [(suite["cases"][0], results[0]),
              (suite["cases"][1], Result(results[1].attack, [], Verdict("defended", "blocked")))]
    summary = regression.record_replay(suite, replay, mark_fixed=True)
    assert summary["regressed"] == [suite["cases"][0]["id"]]
    assert summary["now_defended"] == [suite["cases"][1]["id"]] and suite["cases"][1]["status"] == "fixed"
    path = tmp_path / "s.yaml"
    regression.save_suite(path, suite)
    assert regression.load_suite(path)["cases"][1]["status"] == "fixed"
    back = regression.attack_of(regression.load_suite(path)["cases"][0])
    assert back.requests == results[0].attack.requests and back.spec == results[0].attack.spec
