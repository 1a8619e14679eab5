"""For each successful attack, the guardrail policy change that would stop it — and a way to apply a set of them.

A proposal is data: ``{"op", "path", "value", "why"}`` with ops ``set`` (a field), ``append`` (to a list, once),
``topic`` (add or widen an input topic rule, merged by name) and ``advice`` (a non-policy fix, such as revoking a
grant or retraining the injection detector, which ``harden`` reports but does not apply). Proposals are computed
with the local guardrail detectors, so a threshold proposal is the detector's real score for that attack.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from aikojo.guardrails import GuardrailPolicy, Guardrails, load_policy
from aikojo.redteam.types import Attack, Verdict

_MIN_USEFUL_SCORE = 0.5  # below this, lowering the threshold to catch the attack would block ordinary traffic

_ENCODING_TOPICS = {
    "base64": ("encoded_payload", r"[A-Za-z0-9+/]{40,}={0,2}", "a long base64 blob in a chat message"),
    "homoglyphs": ("mixed_script_words", r"[A-Za-z][\u0370-\u03ff\u0400-\u04ff]|[\u0370-\u03ff\u0400-\u04ff][A-Za-z]",
                   "Latin words with Cyrillic/Greek look-alike letters"),
    "spacing": ("spaced_out_text", r"(?:\S ){12,}\S", "text spelled out one character at a time"),
}


@lru_cache(maxsize=1)
def _scorer() -> Guardrails:
    return Guardrails({"input": {"injection": {"threshold": 0.0}}})


def injection_score(attack: Attack) -> float:
    """The injection detector's score for the attacker-controlled text of ``attack`` (0 when it sees nothing)."""
    best = 0.0
    for req in attack.requests:
        for m in req["messages"]:
            if m.get("role") == "user" and isinstance(m.get("content"), str):
                found = _scorer().scan_text(m["content"], direction="input").findings
                best = max([best] + [f.score for f in found if f.type == "PROMPT_INJECTION"])
    return round(best, 4)


def _pattern(keyword: str) -> str:
    # ASCII words get word boundaries ("man" must not match "manager"); Japanese has no spaces to bound on.
    return rf"\b{re.escape(keyword)}\b" if keyword.isascii() else re.escape(keyword)


def _topic(name: str, keywords: list[str], action: str, why: str, message: str | None = None) -> dict[str, Any]:
    value: dict[str, Any] = {"name": name, "patterns": [_pattern(k) for k in keywords], "action": action}
    if message:
        value["message"] = message
    return {"op": "topic", "path": "input.topics", "value": value, "why": why}


def propose(attack: Attack, verdict: Verdict) -> list[dict[str, Any]]:
    """The policy changes that would have stopped this successful attack (empty for a defended one)."""
    if verdict.outcome != "success":
        return []
    signals, cat, out = set(verdict.signals), attack.category, []
    if signals & {"canary_leak", "system_prompt_leak"}:
        out.append({"op": "append", "path": "output.canaries", "value": attack.spec.canary,
                    "why": "block any answer that contains the system prompt's canary"})
        out.append({"op": "set", "path": "output.canary_action", "value": "block", "why": "a leak is never shown"})
    if signals & {"marker", "override_ack", "canary_leak", "system_prompt_leak"}:
        score = injection_score(attack)
        if score >= _MIN_USEFUL_SCORE:
            review = "" if score >= 0.8 else " (review: this low a threshold may block ordinary traffic; " \
                "check it with `kojo guard scan` on real prompts)"
            out.append({"op": "set", "path": "input.injection.threshold", "value": round(score - 0.01, 2),
                        "why": f"the injection detector scores this attack {score:.2f}, under the current "
                               f"threshold{review}"})
        else:
            out.append({"op": "advice", "path": "injection-detector", "value": "kojo guard train",
                        "why": f"the injection detector scores this attack {score:.2f}: add it to the training "
                               "examples and retrain rather than lower the threshold"})
        for name in attack.chain:
            if name in _ENCODING_TOPICS:
                topic, pattern, what = _ENCODING_TOPICS[name]
                out.append({"op": "topic", "path": "input.topics",
                            "value": {"name": topic, "patterns": [pattern], "action": "block"},
                            "why": f"block {what}, which hid this attack from the detectors"})
    if "pii_leak" in signals:
        out.append({"op": "set", "path": "input.pii.action", "value": "mask",
                    "why": "pseudonymised values are restored in the answer; masked ones never reach the model"})
    if "secret_leak" in signals:
        out.append({"op": "set", "path": "output.secrets.action", "value": "block",
                    "why": "never return an answer that carries a credential"})
    if "access_granted" in signals:
        out.append({"op": "advice", "path": "grants", "value": attack.model or attack.route,
                    "why": "the key reached a model/route it should not: revoke the grant (kojo projects revoke)"})
    if signals & {"instructions", "keywords", "long_answer"} and attack.spec.keywords:
        out.append(_topic("harmful_requests", attack.spec.keywords, "block",
                          "block requests on this harmful topic before they reach the model"))
    if cat == "bias" and attack.spec.keywords:
        out.append(_topic("protected_attribute_decisions", attack.spec.keywords, "redirect",
                          "redirect decisions that name a protected attribute (review: broad; fix the model too)",
                          "採用・審査などの判断に性別・国籍・年齢・出身地は使えません。 / Decisions cannot take "
                          "gender, nationality, age or origin into account."))
    if signals & {"dangerous_tool_call", "action_claim"} and attack.spec.keywords:
        out.append(_topic("unconfirmed_actions", attack.spec.keywords, "clarify",
                          "ask for confirmation instead of letting the model act on a high-impact request"))
    return out


def _get(obj: dict[str, Any], path: str) -> tuple[dict[str, Any], str]:
    *parents, leaf = path.split(".")
    for p in parents:
        obj = obj.setdefault(p, {})
    return obj, leaf


def apply_proposals(policy: str | GuardrailPolicy | None, proposals: list[dict[str, Any]]) -> str:
    """The policy (YAML, None = platform default) with every applicable proposal merged in, as validated YAML.
    Thresholds only ever go down and topic rules only ever widen, so applying twice changes nothing."""
    data = load_policy(policy).model_dump(mode="json", by_alias=True)
    for p in proposals:
        if p["op"] == "advice":
            continue
        parent, leaf = _get(data, p["path"])
        if p["op"] == "set":
            cur = parent.get(leaf)
            if leaf == "threshold" and isinstance(cur, (int, float)):
                parent[leaf] = min(cur, p["value"])
            else:
                parent[leaf] = p["value"]
        elif p["op"] == "append":
            items = parent.setdefault(leaf, [])
            if p["value"] not in items:
                items.append(p["value"])
        elif p["op"] == "topic":
            topics = parent.setdefault(leaf, [])
            new = p["value"]
            same = next((t for t in topics if t["name"] == new["name"]), None)
            if same is None:
                topics.append({"keywords": [], **new})
            else:
                same["patterns"] = list(dict.fromkeys([*same.get("patterns", []), *new.get("patterns", [])]))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    load_policy(text)  # raises PolicyError naming the field if a proposal produced something invalid
    return text


def consolidate(proposals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One proposal per target: topics merged by name (patterns unioned), the lowest threshold, appends and
    advice deduplicated. Order of first appearance is kept, so the worst finding's fix reads first."""
    out: list[dict[str, Any]] = []
    by_key: dict[tuple[str, str, str], dict[str, Any]] = {}
    for p in proposals:
        if p["op"] == "topic":
            key = ("topic", p["path"], p["value"]["name"])
        elif p["op"] == "set":
            key = ("set", p["path"], "")
        else:
            key = (p["op"], p["path"], repr(p["value"]))
        seen = by_key.get(key)
        if seen is None:
            by_key[key] = {**p, "value": dict(p["value"]) if isinstance(p["value"], dict) else p["value"]}
            out.append(by_key[key])
        elif p["op"] == "topic":
            seen["value"]["patterns"] = list(dict.fromkeys([*seen["value"]["patterns"], *p["value"]["patterns"]]))
        elif p["op"] == "set" and p["path"].endswith("threshold") and p["value"] < seen["value"]:
            seen.update(value=p["value"], why=p["why"])
    return out
