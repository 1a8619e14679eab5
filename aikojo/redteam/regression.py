"""The regression suite: every successful attack frozen as a replayable case, replayed in CI by ``regress``.

A case stores the exact requests sent (after its converter chain, so replay does not depend on the corpus or on
converter code staying the same), the chain and seed that produced them, the target configuration hash, the
judge's inputs and verdict, and a status: ``open`` (still to fix) or ``fixed``. A replay that finds a ``fixed``
case succeeding again is a regression: ``kojo redteam regress`` exits 1.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from aikojo.redteam.types import Attack, Result, attack_from_dict

SUITE_FORMAT = "aikojo-redteam-suite/1"


class SuiteError(ValueError):
    """The suite file is missing or malformed; the message names the file and the case."""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def case_from_result(result: Result, config_hash: str) -> dict[str, Any]:
    a = result.attack
    return {"id": a.attack_id, "status": "open", "case_id": a.case_id, "category": a.category,
            "language": a.language, "severity": a.severity, "chain": a.chain, "seed": a.seed,
            "target_config_hash": config_hash, "model": a.model, "route": a.route, "expected": a.expected,
            "requests": a.requests, "spec": asdict(a.spec), "verdict": asdict(result.verdict),
            "found": _now(), "last_checked": _now(), "last_outcome": result.verdict.outcome}


def attack_of(case: dict[str, Any]) -> Attack:
    keys = ("case_id", "category", "language", "severity", "chain", "seed", "requests", "spec", "model", "route",
            "expected")
    return attack_from_dict({k: case.get(k) for k in keys} | {"expected": case.get("expected") or ""})


def load_suite(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise SuiteError(f"suite file {path} not found; `kojo redteam run` writes one (regression.yaml)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SuiteError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise SuiteError(f"{path}: expected a mapping with a `cases:` list")
    for i, c in enumerate(data["cases"]):
        missing = [k for k in ("id", "status", "requests", "spec", "category") if k not in (c or {})]
        if missing:
            raise SuiteError(f"{path}: case #{i + 1} ({(c or {}).get('id', '?')}): missing {', '.join(missing)}")
        if c["status"] not in ("open", "fixed"):
            raise SuiteError(f"{path}: case {c['id']}: status must be open or fixed, got {c['status']!r}")
    return data


def save_suite(path: Path, suite: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(yaml.safe_dump(suite, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    tmp.replace(path)  # never leave a half-written suite behind


def merge(suite: dict[str, Any] | None, results: list[Result], config_hash: str) -> dict[str, Any]:
    """Add every successful attack not already in ``suite`` (by attack id); existing cases keep their status."""
    suite = suite or {"format": SUITE_FORMAT, "cases": []}
    known = {c["id"]: c for c in suite["cases"]}
    for r in results:
        if r.verdict.outcome != "success":
            continue
        if r.attack.attack_id in known:
            known[r.attack.attack_id].update(last_checked=_now(), last_outcome="success")
        else:
            case = case_from_result(r, config_hash)
            suite["cases"].append(case)
            known[case["id"]] = case
    return suite


def record_replay(suite: dict[str, Any], replayed: list[tuple[dict[str, Any], Result]], mark_fixed: bool
                  ) -> dict[str, list[str]]:
    """Update ``last_*`` fields from a replay; returns the ids that regressed, still fail, got fixed, errored."""
    out: dict[str, list[str]] = {"regressed": [], "still_open": [], "now_defended": [], "errors": [], "ok": []}
    for case, result in replayed:
        outcome = result.verdict.outcome
        case.update(last_checked=_now(), last_outcome=outcome, last_reason=result.verdict.reason)
        if outcome == "error":
            out["errors"].append(case["id"])
        elif case["status"] == "fixed":
            out["regressed" if outcome == "success" else "ok"].append(case["id"])
        elif outcome == "success":
            out["still_open"].append(case["id"])
        else:
            out["now_defended"].append(case["id"])
            if mark_fixed:
                case.update(status="fixed", fixed=_now())
    return out
