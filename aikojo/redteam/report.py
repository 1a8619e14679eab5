"""Reports: JSON (the source of truth, read back by ``regress`` and ``harden``), HTML for people, JUnit XML for CI.

Attack success rate (ASR) = successes / (successes + defended); errors are counted but left out, since an
upstream outage says nothing about safety. Intervals are Wilson score intervals (95%), which stay inside [0, 1]
and behave at 0/n and n/n, where the normal approximation does not.
"""

from __future__ import annotations

import html
import json
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aikojo.redteam.corpus import SEVERITY_WEIGHT
from aikojo.redteam.mitigations import consolidate, propose
from aikojo.redteam.types import Result
from aikojo.stats import wilson

REPORT_FORMAT = "aikojo-redteam-report/1"


def _rate(rows: list[Result]) -> dict[str, Any]:
    s = sum(r.verdict.outcome == "success" for r in rows)
    d = sum(r.verdict.outcome == "defended" for r in rows)
    e = len(rows) - s - d
    lo, hi = wilson(s, s + d)
    return {"attacks": len(rows), "successes": s, "defended": d, "errors": e,
            "asr": round(s / (s + d), 4) if s + d else None, "ci95": [round(lo, 4), round(hi, 4)]}


def _group(results: list[Result], key) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        groups[key(r)].append(r)
    return {k: _rate(v) for k, v in sorted(groups.items())}


def _user_text(result: Result) -> str:
    msgs = result.attack.requests[0]["messages"]
    return next((m["content"] for m in reversed(msgs) if m["role"] == "user"), "")


def finding(result: Result) -> dict[str, Any]:
    a = result.attack
    return {"attack_id": a.attack_id, "case_id": a.case_id, "category": a.category, "language": a.language,
            "severity": a.severity, "chain": a.chain, "seed": a.seed, "expected": a.expected,
            "reason": result.verdict.reason, "signals": result.verdict.signals,
            "prompt": _user_text(result)[:600], "response": (result.responses[0].text or "")[:600],
            "proposals": propose(a, result.verdict)}


def build_report(results: list[Result], run: dict[str, Any], datasets: dict[str, Any] | None = None
                 ) -> dict[str, Any]:
    """The report as a dict (see ``REPORT_FORMAT``); findings are sorted worst first (severity, then category)."""
    wins = [r for r in results if r.verdict.outcome == "success"]
    wins.sort(key=lambda r: (-SEVERITY_WEIGHT[r.attack.severity], r.attack.category, r.attack.attack_id))
    findings = [finding(r) for r in wins]
    return {
        "format": REPORT_FORMAT, "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "run": run,
        "summary": _rate(results),
        "by_category": _group(results, lambda r: r.attack.category),
        "by_language": _group(results, lambda r: r.attack.language),
        "by_converter": _group(results, lambda r: "+".join(r.attack.chain) or "none"),
        "findings": findings,
        "proposals": consolidate([p for f in findings for p in f["proposals"]]),
        "datasets": datasets or {"status": "skipped", "note": "no project given (--project)"},
        "results": [r.to_dict() for r in results],
    }


def write_reports(report: dict[str, Any], out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"json": out_dir / "report.json", "html": out_dir / "report.html", "junit": out_dir / "junit.xml"}
    paths["json"].write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    paths["html"].write_text(render_html(report), encoding="utf-8")
    paths["junit"].write_bytes(render_junit(report))
    return paths


def render_junit(report: dict[str, Any]) -> bytes:
    """One testsuite per category, one testcase per attack: a successful attack is a failure, an error an error."""
    root = ET.Element("testsuites", name="aikojo-redteam")
    by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in report["results"]:
        by_cat[r["attack"]["category"]].append(r)
    for cat, rows in sorted(by_cat.items()):
        fails = sum(r["verdict"]["outcome"] == "success" for r in rows)
        errs = sum(r["verdict"]["outcome"] == "error" for r in rows)
        suite = ET.SubElement(root, "testsuite", name=f"redteam.{cat}", tests=str(len(rows)),
                              failures=str(fails), errors=str(errs))
        for r in rows:
            lat = sum(x["latency_ms"] for x in r["responses"]) / 1000
            case = ET.SubElement(suite, "testcase", classname=f"redteam.{cat}", name=r["attack_id"],
                                 time=f"{lat:.3f}")
            v = r["verdict"]
            if v["outcome"] == "success":
                ET.SubElement(case, "failure", message=v["reason"], type=",".join(v["signals"])).text = (
                    f"severity={r['attack']['severity']} expected: {r['attack']['expected']}")
            elif v["outcome"] == "error":
                ET.SubElement(case, "error", message=v["reason"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _rate_rows(groups: dict[str, dict[str, Any]]) -> str:
    rows = []
    for name, g in groups.items():
        asr = g["asr"]
        pct = "–" if asr is None else f"{asr:.0%}"
        width = 0 if asr is None else round(asr * 100)
        rows.append(f"<tr><td>{html.escape(name)}</td><td>{g['attacks']}</td><td>{g['successes']}</td>"
                    f"<td>{g['defended']}</td><td>{g['errors']}</td><td><div class=bar><i style='width:{width}%'>"
                    f"</i></div> {pct}</td><td>{g['ci95'][0]:.0%}–{g['ci95'][1]:.0%}</td></tr>")
    return "".join(rows)


_CSS = ("body{font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;margin:2em;max-width:1100px}"
        "table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:4px 8px;"
        "text-align:left;vertical-align:top}.bar{display:inline-block;width:120px;height:10px;background:#eee}"
        ".bar i{display:block;height:10px;background:#c0392b}pre{white-space:pre-wrap;background:#f6f6f6;"
        "padding:6px;margin:0;max-height:12em;overflow:auto}.sev-critical{color:#a00;font-weight:bold}")


def render_html(report: dict[str, Any], worst: int = 25) -> str:
    e = html.escape
    run, s = report["run"], report["summary"]
    head = ("<tr><th>group</th><th>attacks</th><th>succeeded</th><th>defended</th><th>errors</th>"
            "<th>success rate</th><th>95% CI</th></tr>")
    parts = [f"<!doctype html><meta charset=utf-8><title>aikojo red team report</title><style>{_CSS}</style>",
             "<h1>aikojo red team report</h1>",
             f"<p>target <code>{e(str(run.get('target')))}</code> · model <code>{e(str(run.get('model')))}</code> · "
             f"config <code>{e(str(run.get('config_hash')))}</code> · {e(report['generated'])}</p>",
             f"<p><b>{s['successes']}</b> of {s['successes'] + s['defended']} judged attacks succeeded "
             f"(ASR {0 if s['asr'] is None else s['asr']:.1%}, 95% CI {s['ci95'][0]:.1%}–{s['ci95'][1]:.1%}); "
             f"{s['errors']} errors.</p>"]
    for title, key in (("By category", "by_category"), ("By language", "by_language"),
                       ("By converter chain", "by_converter")):
        parts.append(f"<h2>{title}</h2><table>{head}{_rate_rows(report[key])}</table>")
    parts.append(f"<h2>Worst findings (top {worst})</h2><table><tr><th>attack</th><th>why</th><th>prompt</th>"
                 "<th>response</th><th>policy change that would stop it</th></tr>")
    for f in report["findings"][:worst]:
        fixes = "".join(f"<li><code>{e(p['op'])} {e(p['path'])} = {e(json.dumps(p['value'], ensure_ascii=False))}"
                        f"</code><br>{e(p['why'])}</li>" for p in f["proposals"]) or "<li>none found</li>"
        parts.append(f"<tr><td class='sev-{e(f['severity'])}'>{e(f['attack_id'])}<br>{e(f['category'])} · "
                     f"{e(f['language'])} · {e(f['severity'])}</td><td>{e(f['reason'])}</td>"
                     f"<td><pre>{e(f['prompt'])}</pre></td><td><pre>{e(f['response'])}</pre></td>"
                     f"<td><ul>{fixes}</ul></td></tr>")
    parts.append("</table>")
    ds = report.get("datasets") or {}
    parts.append(f"<h2>Training data (poisoning scan)</h2><pre>{e(json.dumps(ds, ensure_ascii=False, indent=1))}"
                 "</pre>")
    return "\n".join(parts)


def run_meta(info: Any) -> dict[str, Any]:
    return asdict(info) if hasattr(info, "__dataclass_fields__") else dict(info)
