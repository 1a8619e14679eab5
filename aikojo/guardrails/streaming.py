"""Streaming output guardrails: scan at sentence boundaries with a bounded hold-back buffer.

Text is held until a sentence ends (。！？!? newline, or ". "), then the sentence is scanned and released. If no
boundary arrives within ``max_hold`` characters the buffer is cut anyway, but never inside a finding or a
pseudonym placeholder, and a tail is kept so a number split across deltas is still seen whole. A finding whose
action is block (a secret, a canary) raises ``GuardrailBlocked``: the gateway sends an error event and ends.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from aikojo.guardrails.actions import Sanitiser, restore
from aikojo.guardrails.normalise import normalise
from aikojo.guardrails.output_checks import check_json, find_canaries
from aikojo.guardrails.types import ACTION_RANK, GuardrailBlocked

if TYPE_CHECKING:
    from aikojo.guardrails.engine import Guardrails

_BOUNDARY = re.compile(r"[。！？!?\n]|\.(?=\s)")
_TAIL = 64  # longest number-like PII, with separators, fits well inside this


def _is_tag(ch: str) -> bool:
    return "\U000e0000" <= ch <= "\U000e007f"


def _outside_tags(buf: str, cut: int) -> int:
    """``cut`` moved off a run of tag characters (and the black flag before it), so a flag is never split: back to
    the run's start, or past its end when it starts the buffer."""
    start = cut
    while start > 0 and _is_tag(buf[start - 1]):
        start -= 1
    if start == cut and not (cut < len(buf) and _is_tag(buf[cut])):
        return cut
    if start > 0 and buf[start - 1] == "\U0001f3f4":
        start -= 1
    if start > 0:
        return start
    end = cut
    while end < len(buf) and _is_tag(buf[end]):
        end += 1
    return end


class StreamFilter:
    """Per-stream state. Not shared between streams; one instance per response."""

    def __init__(self, guardrails: Guardrails, vault: dict[str, str], max_hold: int = 400) -> None:
        self._g = guardrails
        self._vault = vault
        self._sanitiser = Sanitiser(guardrails.policy.hash_salt, vault)
        self._buf = ""
        self._emitted_tail = ""  # canaries can straddle two released segments
        self._all: list[str] = []  # raw model text, for the JSON check at the end
        self.max_hold = max(max_hold, 2 * _TAIL)
        self.summary: Counter[str] = Counter()
        self.actions_taken: set[str] = set()
        self.action = "allow"

    def feed(self, delta: str) -> list[str]:
        """Add model text; return the text that is safe to send to the client now (possibly empty)."""
        self._buf += delta
        self._all.append(delta)
        cut = self._cut_point()
        if cut <= 0:
            return []
        segment, self._buf = self._buf[:cut], self._buf[cut:]
        return self._release(segment)

    def would_scan(self, delta: str) -> bool:
        """Whether ``feed(delta)`` would run the detectors: a sentence ends in it or the hold-back fills. Otherwise
        feed only buffers, so a caller can skip moving it to a worker thread (most deltas are a token or two)."""
        return (len(self._buf) + len(delta) > self.max_hold or _BOUNDARY.search(delta) is not None
                or (self._buf.endswith(".") and delta[:1].isspace()))

    def finish(self) -> list[str]:
        """End of the model stream: release what is held, then run whole-answer checks (JSON)."""
        segment, self._buf = self._buf, ""
        out = self._release(segment) if segment else []
        jr = self._g.policy.output.json_output
        wants_json = jr.required or jr.json_schema is not None
        if wants_json and check_json("".join(self._all), jr.json_schema) is not None:
            self.summary["JSON_INVALID"] += 1
            raise GuardrailBlocked("json_schema", self._g.policy.messages.block.format(rule="json_schema"))
        return out

    def _cut_point(self) -> int:
        buf = self._buf
        last = None
        for m in _BOUNDARY.finditer(buf):
            last = m
        if last is not None:
            cut = last.end()
        elif len(buf) > self.max_hold:
            # Forced release: stop at whitespace before the tail, never inside a finding or placeholder.
            limit = len(buf) - _TAIL
            ws = max(buf.rfind(" ", 0, limit), buf.rfind("、", 0, limit))
            cut = _outside_tags(buf, ws + 1 if ws > 0 else limit)
            for f in self._g.scan_text(buf, direction="output").findings:
                # Hidden text may be cut: each part is redacted on its own. A finding that starts the buffer and
                # ends before the tail is released whole; otherwise holding it would hold the stream for good.
                if f.type != "HIDDEN_TEXT" and f.start < cut < f.end:
                    cut = f.start if f.start > 0 else (f.end if f.end <= limit else 0)
        else:
            return 0
        lt = buf.rfind("<", 0, cut)
        if lt >= 0 and ">" not in buf[lt:cut]:
            cut = lt
        return cut

    def _release(self, segment: str) -> list[str]:
        canaries = self._g.policy.output.canaries
        if canaries:
            window = self._emitted_tail + segment
            if find_canaries(normalise(window), canaries):
                self.summary["CANARY_LEAK"] += 1
                raise GuardrailBlocked("canary_leak", self._g.policy.messages.block.format(rule="canary_leak"))
            longest = max(len(c) for c in canaries)
            self._emitted_tail = window[-longest:]
        out = self._g._scan_segment(segment, self._sanitiser)
        for d in out.decided:
            self.summary[d.finding.type] += 1
            self.actions_taken.add(d.action)
        if ACTION_RANK[out.action] > ACTION_RANK[self.action]:
            self.action = out.action
        if out.action == "block":
            raise GuardrailBlocked(out.rule or "output", out.message or "blocked")
        if out.action in ("redirect", "clarify"):
            raise GuardrailBlocked(out.rule or "output", out.message or "")
        text = restore(out.text, self._vault)
        return [text] if text else []
