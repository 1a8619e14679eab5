"""Text-changing actions: mask, pseudonymize, redact, hash — and restoring pseudonyms in the response.

One ``Sanitiser`` lives for one request, so the same value gets the same placeholder in every message of that
request (``<PHONE_1>`` stays ``<PHONE_1>``), which keeps the model's reasoning coherent. Pseudonym placeholders
are remembered in the vault (placeholder → original) so the response can be restored for the caller; masked
ones are not, so they can never be restored.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import re
from collections.abc import Sequence

from aikojo.guardrails.types import Finding

PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]*?)_(\d+)>")


class Sanitiser:
    """Applies transform actions to text; holds the per-request placeholder numbering and pseudonym vault."""

    def __init__(self, hash_salt: str = "", vault: dict[str, str] | None = None) -> None:
        self.hash_salt = hash_salt.encode()
        self.vault: dict[str, str] = dict(vault or {})
        self._by_value: dict[tuple[str, str], str] = {(self._kind(k), v): k for k, v in self.vault.items()}
        self._counters: dict[str, int] = {}
        for k in self.vault:
            kind, n = self._kind(k), int(PLACEHOLDER.fullmatch(k).group(2))  # type: ignore[union-attr]
            self._counters[kind] = max(self._counters.get(kind, 0), n)

    @staticmethod
    def _kind(placeholder: str) -> str:
        m = PLACEHOLDER.fullmatch(placeholder)
        return m.group(1) if m else placeholder

    def placeholder(self, kind: str, value: str, remember: bool) -> str:
        key = (kind, value)
        existing = self._by_value.get(key)
        if existing is None:
            self._counters[kind] = self._counters.get(kind, 0) + 1
            existing = f"<{kind}_{self._counters[kind]}>"
            self._by_value[key] = existing
        if remember:
            self.vault[existing] = value
        return existing

    def replacement(self, action: str, kind: str, value: str) -> str:
        if action == "mask":
            return self.placeholder(kind, value, remember=False)
        if action == "pseudonymize":
            return self.placeholder(kind, value, remember=True)
        if action == "redact":
            return f"[REDACTED:{kind}]"
        if action == "hash":
            digest = hmac.new(self.hash_salt, value.encode(), hashlib.sha256).hexdigest()[:12]
            return f"<{kind}#{digest}>"
        return value

    def apply(self, text: str, edits: list[tuple[Finding, str]]) -> str:
        """Replace each finding's span by its action's replacement. ``edits`` must not overlap."""
        out: list[str] = []
        pos = 0
        for f, action in sorted(edits, key=lambda e: e[0].start):
            out.append(text[pos : f.start])
            out.append(self.replacement(action, _type_label(f.type), text[f.start : f.end]))
            pos = f.end
        out.append(text[pos:])
        return "".join(out)


def _type_label(kind: str) -> str:
    return re.sub(r"[^A-Z0-9_]", "_", kind.upper())


def restore(text: str, vault: dict[str, str]) -> str:
    """Put original values back for pseudonym placeholders found in ``text``; unknown placeholders stay."""
    if not vault or "<" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: vault.get(m.group(0), m.group(0)), text)


def resolve_overlaps(findings: list[Finding], keep: Sequence[Finding] = ()) -> list[Finding]:
    """Keep the best finding where spans overlap: higher score, then longer span, wins; a finding overlapping one
    of ``keep`` (already chosen, disjoint) loses to it. O(n log n): the chosen spans stay sorted and disjoint, so a
    candidate can only overlap its two neighbours (a text with 50k findings took a minute with a pairwise scan)."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Finding] = []
    for f in [*keep, *sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start))]:
        i = bisect.bisect_right(starts, f.start)
        if (i == 0 or ends[i - 1] <= f.start) and (i == len(starts) or starts[i] >= f.end):
            starts.insert(i, f.start)
            ends.insert(i, f.end)
            chosen.append(f)
    return sorted(chosen[len(keep):], key=lambda f: f.start)
