"""The guardrail pipeline: normalise → detect → decide an action per finding → apply → summarise.

``Guardrails`` is built once per policy and shared by all requests: it holds only compiled, read-only state
(regexes, the injection model), and every per-request value lives in locals or a fresh ``Sanitiser``, so
concurrent calls from gateway threads are safe.
"""

from __future__ import annotations

import contextlib
import copy
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikojo.guardrails.actions import Sanitiser, resolve_overlaps, restore
from aikojo.guardrails.hidden_text import HiddenText
from aikojo.guardrails.injection import InjectionDetector
from aikojo.guardrails.normalise import Normalised, normalise
from aikojo.guardrails.output_checks import check_json, find_canaries, find_refusal, find_ungrounded
from aikojo.guardrails.pii_en import EnglishPII
from aikojo.guardrails.pii_ja import JapanesePII
from aikojo.guardrails.policy import TRANSFORM_ACTIONS, GuardrailPolicy, NamesRule, PiiRule, load_policy
from aikojo.guardrails.secrets import Secrets
from aikojo.guardrails.topics import TopicDetector
from aikojo.guardrails.types import (
    ACTION_RANK,
    Direction,
    Finding,
    InputDecision,
    OutputDecision,
    ScanResult,
    strongest,
)

if TYPE_CHECKING:
    from aikojo.guardrails.names_ja import JapaneseNames

_INJECTION_ROLES = {"user", "tool", "function"}


@dataclass(slots=True)
class _Decided:
    finding: Finding
    action: str
    rule: str


@dataclass(slots=True)
class _Outcome:
    action: str
    text: str
    findings: list[Finding]
    decided: list[_Decided]
    rule: str | None
    message: str | None


class Guardrails:
    """Compiled guardrails for one policy. See the package docstring for the contract."""

    def __init__(self, policy: GuardrailPolicy | dict[str, Any] | str | Path | None = None) -> None:
        self.policy = load_policy(policy)
        self._pii = (JapanesePII(), EnglishPII())
        self._secrets = Secrets()
        self._hidden = HiddenText()
        inj = self.policy.input.injection
        self._injection = InjectionDetector(use_model=inj.use_model)
        model_threshold = self._injection.model.threshold if self._injection.model else 0.5
        self.injection_threshold = inj.threshold if inj.threshold is not None else model_threshold
        self._names = {d: _names_detector(getattr(self.policy, d).names) for d in ("input", "output")}
        self._topics = {
            "input": TopicDetector(self.policy.input.topics),
            "output": TopicDetector(self.policy.output.topics),
        }
        self._topic_rules = {
            "input": {t.name: t for t in self.policy.input.topics},
            "output": {t.name: t for t in self.policy.output.topics},
        }
        # The names detector costs tens of milliseconds per kilobyte and example-matched topics a few (the rest,
        # about one in all): callers on an event loop should run a heavy policy's checks in a worker thread so
        # other requests keep flowing.
        self.heavy = any(d is not None for d in self._names.values()) or any(
            t.heavy for t in self._topics.values())

    # ---- detection and decisions -------------------------------------------------------------------
    def _decide_pii(self, rule: PiiRule, findings: list[Finding], prefix: str) -> list[_Decided]:
        if not rule.enabled:
            return []
        out = []
        for f in findings:
            if f.score < rule.min_score or f.type in rule.disabled_types:
                continue
            out.append(_Decided(f, rule.types.get(f.type, rule.action), f"{prefix}.{f.type}"))
        return out

    def _detect(self, norm: Normalised, direction: Direction, injection: bool) -> list[_Decided]:
        stage = self.policy.input if direction == "input" else self.policy.output
        pii: list[Finding] = []
        for det in self._pii:
            pii.extend(det.detect(norm))
        decided = self._decide_pii(stage.pii, pii, "pii")
        names = self._names[direction]
        if names is not None:
            rule = stage.names
            decided += [_Decided(f, rule.action or stage.pii.action, f"pii.{f.type}")
                        for f in names.detect(norm) if f.score >= rule.min_score]
        decided += self._decide_pii(stage.secrets, self._secrets.detect(norm), "secrets")
        if stage.hidden_text.enabled:
            decided += [_Decided(f, stage.hidden_text.action, "hidden_text") for f in self._hidden.detect(norm)]
        for f in self._topics[direction].detect(norm):
            rule = self._topic_rules[direction][f.type.split(":", 1)[1]]
            decided.append(_Decided(f, rule.action, f"topic.{rule.name}"))
        inj = self.policy.input.injection
        if injection and inj.enabled:
            for f in self._injection.detect(norm):
                if f.score >= self.injection_threshold:
                    decided.append(_Decided(f, inj.action, "injection"))
        if direction == "output":
            out = self.policy.output
            decided += [_Decided(f, out.canary_action, "canary_leak") for f in find_canaries(norm, out.canaries)]
            decided += [_Decided(f, out.refusal_action, "refusal") for f in find_refusal(norm)]
        return decided

    def _message_for(self, action: str, rule: str) -> str | None:
        msgs = self.policy.messages
        if rule.startswith("topic."):
            for rules in self._topic_rules.values():
                t = rules.get(rule[6:])
                if t is not None and t.message:
                    return t.message
        if action == "block":
            return msgs.block.format(rule=rule)
        if action == "redirect":
            return msgs.redirect
        if action == "clarify":
            return msgs.clarify
        return None

    def _run(self, text: str, direction: Direction, sanitiser: Sanitiser, injection: bool,
             extra: list[_Decided] | None = None) -> _Outcome:
        norm = normalise(text)
        decided = self._detect(norm, direction, injection) + (extra or [])
        findings = [d.finding for d in decided]
        if not decided:
            return _Outcome("allow", text, findings, decided, None, None)
        top = max(decided, key=lambda d: ACTION_RANK[d.action])
        if top.action in ("block", "redirect", "clarify"):
            return _Outcome(top.action, text, findings, decided, top.rule, self._message_for(top.action, top.rule))
        edits = [d for d in decided if d.action in TRANSFORM_ACTIONS]
        # Hidden text goes last: a tag character slipped inside a phone number must not win the overlap and leave
        # the number unmasked around it; the number's replacement removes it anyway.
        first = resolve_overlaps([d.finding for d in edits if d.finding.type != "HIDDEN_TEXT"])
        kept = {id(f) for f in first + resolve_overlaps(
            [d.finding for d in edits if d.finding.type == "HIDDEN_TEXT"], keep=first)}
        new_text = sanitiser.apply(text, [(d.finding, d.action) for d in edits if id(d.finding) in kept])
        return _Outcome(top.action, new_text, findings, decided, top.rule if top.action != "log" else None, None)

    @staticmethod
    def _summary(decided: list[_Decided]) -> dict[str, int]:
        # Types and counts only: never a value, so it is safe for audit records and metrics labels.
        return dict(Counter(d.finding.type for d in decided))

    @staticmethod
    def _actions(decided: list[_Decided]) -> list[str]:
        return sorted({d.action for d in decided if d.action != "allow"}, key=ACTION_RANK.__getitem__)

    # ---- public API ------------------------------------------------------------------------------
    def scan_text(self, text: str, direction: Direction = "input") -> ScanResult:
        """Scan one text. Findings index ``text``; ``result.text`` is sanitised (unchanged when blocked)."""
        out = self._run(text, direction, Sanitiser(self.policy.hash_salt), injection=direction == "input")
        findings = sorted(out.findings, key=lambda f: (f.start, f.end))
        return ScanResult(out.action, _visible_text(out), findings, out.rule,
                          out.message, self._actions(out.decided), self._summary(out.decided))

    def check_input(self, messages: list[dict[str, Any]]) -> InputDecision:
        """Sanitise an OpenAI chat ``messages`` list before it reaches the backend (returns a deep copy)."""
        sanitiser = Sanitiser(self.policy.hash_salt)
        new_messages = copy.deepcopy(messages)
        decided: list[_Decided] = []
        worst: _Outcome | None = None
        with self._request_budget():
            for msg in new_messages:
                injection = msg.get("role") in _INJECTION_ROLES
                content = msg.get("content")
                parts: list[dict[str, Any]] = []
                if isinstance(content, str):
                    parts = [msg]
                    key = "content"
                elif isinstance(content, list):
                    parts = [p for p in content if isinstance(p, dict) and isinstance(p.get("text"), str)]
                    key = "text"
                for part in parts:
                    out = self._run(part[key], "input", sanitiser, injection)
                    part[key] = out.text
                    decided += out.decided
                    if worst is None or ACTION_RANK[out.action] > ACTION_RANK[worst.action]:
                        worst = out
        action = worst.action if worst else "allow"
        return InputDecision(action, new_messages, self._actions(decided), worst.rule if worst else None,
                             worst.message if worst else None, dict(sanitiser.vault), self._summary(decided))

    def _request_budget(self) -> contextlib.AbstractContextManager[None]:
        """One NER budget for all the messages of a request (the names detector's cost is per character)."""
        if not self.heavy:
            return contextlib.nullcontext()
        from aikojo.guardrails.names_ja import request_budget

        return request_budget()

    def _context_text(self, context_messages: list[dict[str, Any]] | None) -> str:
        texts = []
        for m in context_messages or []:
            c = m.get("content")
            if isinstance(c, str):
                texts.append(c)
            elif isinstance(c, list):
                texts.extend(p["text"] for p in c if isinstance(p, dict) and isinstance(p.get("text"), str))
        return "\n".join(texts)

    def check_output(self, text: str, vault: dict[str, str] | None = None,
                     context_messages: list[dict[str, Any]] | None = None, attempt: int = 0) -> OutputDecision:
        """Check a complete model response. PII is detected on the raw model output *before* pseudonyms are
        restored, so the caller's own restored values are not masked again. ``attempt`` counts re-asks done."""
        out_rules = self.policy.output
        extra: list[_Decided] = []
        context = self._context_text(context_messages)
        if out_rules.grounding.enabled and len(context) >= out_rules.grounding.min_context_chars:
            grounded_view = restore(text, vault or {})
            if grounded_view == text:
                extra = [_Decided(f, out_rules.grounding.action, "grounding")
                         for f in find_ungrounded(normalise(text), context)]
        jr = out_rules.json_output
        if jr.required or jr.json_schema is not None:
            problem = check_json(text, jr.json_schema)
            if problem is not None:
                summary = {"JSON_INVALID": 1}
                if attempt < jr.max_reasks:
                    hint = (f"{problem} Reply again with only the corrected JSON, no prose. / "
                            "JSONのみで、修正した回答を返してください。")
                    return OutputDecision("allow", text, [], "json_schema", None, summary, reask=True, reask_hint=hint)
                msg = self._message_for(jr.action, "json_schema")
                return OutputDecision(jr.action, "" if jr.action == "block" else text, [jr.action],
                                      "json_schema", msg, summary)
        # Seeded with the vault so new output placeholders are numbered after the request's pseudonyms.
        out = self._run(text, "output", Sanitiser(self.policy.hash_salt, vault), injection=False, extra=extra)
        if out.action in ("block", "redirect", "clarify"):
            restored = _visible_text(out)
        else:
            restored = restore(out.text, vault or {})
        actions = self._actions(out.decided)
        if restored != out.text:
            actions.append("restore")
        return OutputDecision(out.action, restored, actions, out.rule, out.message, self._summary(out.decided))

    def stream_filter(self, vault: dict[str, str] | None = None, max_hold: int = 400) -> StreamFilter:
        """A per-stream filter: ``feed(delta)`` → safe text to emit now; ``finish()`` → the rest.
        Raises ``GuardrailBlocked`` when the stream must stop."""
        from aikojo.guardrails.streaming import StreamFilter

        return StreamFilter(self, vault or {}, max_hold=max_hold)

    # Used by the stream filter: detection without JSON/grounding (those need the whole answer).
    def _scan_segment(self, text: str, sanitiser: Sanitiser) -> _Outcome:
        return self._run(text, "output", sanitiser, injection=False)


def _names_detector(rule: NamesRule) -> JapaneseNames | None:
    if not rule.enabled:
        return None
    from aikojo.guardrails.names_ja import JapaneseNames  # optional extra: imported only when a policy uses it

    return JapaneseNames(rule.model, tuple(rule.types))


def _visible_text(out: _Outcome) -> str:
    """What may be shown for an outcome: nothing for a block (content is never echoed), the safe message for
    redirect/clarify, the sanitised text otherwise."""
    if out.action == "block":
        return ""
    if out.action in ("redirect", "clarify"):
        return out.message or ""
    return out.text


from aikojo.guardrails.streaming import StreamFilter  # noqa: E402  (type for the annotation above)

__all__ = ["Guardrails", "StreamFilter", "strongest"]
