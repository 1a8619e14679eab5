"""Hardening: from a report's findings to a guardrail policy that stops them, applied through the audited
service operation (``set_guardrail_policy``, locally or via the admin API), then confirmed by replaying the
failing attacks against the target.

Before anything is applied, each finding is re-checked offline against the proposed policy with the local
guardrails (the recorded request through ``check_input``, the recorded answer through ``check_output``), so the
plan says which findings the change stops for certain and which need the replay to tell.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from aikojo.guardrails import Guardrails
from aikojo.redteam.mitigations import apply_proposals, consolidate
from aikojo.redteam.types import Result, attack_from_dict


class PolicyOperator(Protocol):
    """What harden needs from ``aikojo.cli.operator.Operator`` (local service layer or admin API)."""

    def get_policy(self, path: str) -> str | None: ...
    def set_policy(self, path: str, policy_yaml: str | None) -> Any: ...


@dataclass
class Plan:
    project: str
    before: str | None
    after: str
    proposals: list[dict[str, Any]]
    advice: list[dict[str, Any]]
    offline: dict[str, str] = field(default_factory=dict)  # attack id → "input", "output" or "replay"

    @property
    def changed(self) -> bool:
        from aikojo.guardrails import load_policy

        return load_policy(self.before) != load_policy(self.after)


def failing_results(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in report.get("results", []) if r["verdict"]["outcome"] == "success"]


def offline_check(policy_yaml: str, result: dict[str, Any]) -> str:
    """Where the proposed policy stops this attack: ``input``, ``output``, or ``replay`` (cannot tell offline)."""
    g = Guardrails(policy_yaml)
    for req, resp in zip(result["attack"]["requests"], result["responses"], strict=False):
        decision = g.check_input(req["messages"])
        if decision.action in ("block", "redirect", "clarify"):
            return "input"
        if resp.get("text"):
            out = g.check_output(resp["text"], vault=decision.vault)
            if out.action in ("block", "redirect", "clarify"):
                return "output"
    return "replay"


def plan(report: dict[str, Any], project: str, current: str | None) -> Plan:
    proposals = consolidate([p for f in report.get("findings", []) for p in f.get("proposals", [])])
    policy = [p for p in proposals if p["op"] != "advice"]
    after = apply_proposals(current, policy)
    offline = {r["attack_id"]: offline_check(after, r) for r in failing_results(report)}
    return Plan(project, current, after, policy, [p for p in proposals if p["op"] == "advice"], offline)


def apply(op: PolicyOperator, p: Plan) -> Any:
    """Store the new policy through the audited service operation (or the admin API)."""
    return op.set_policy(p.project, p.after)


async def confirm(report: dict[str, Any], target: str, key: str, model: str, *, settle_s: float = 12.0,
                  concurrency: int = 4) -> dict[str, Any]:
    """Replay the report's failing attacks until all are defended or ``settle_s`` has passed (gateways pick a
    new policy up within their caller-cache TTL, a few seconds)."""
    from aikojo.redteam.runner import Target, run_attacks

    rows = failing_results(report)
    attacks = [attack_from_dict(r["attack"]) for r in rows]
    deadline = time.monotonic() + settle_s
    results: list[Result] = []
    tgt = Target(target, key, model)
    try:
        while True:
            results = await run_attacks(tgt, attacks, concurrency, progress=False)
            if all(r.verdict.outcome != "success" for r in results) or time.monotonic() >= deadline:
                break
            await asyncio.sleep(1.0)
    finally:
        await tgt.aclose()
    still = [r.attack.attack_id for r in results if r.verdict.outcome == "success"]
    return {"replayed": len(results), "now_defended": len(results) - len(still), "still_failing": still}
