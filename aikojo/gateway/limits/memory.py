"""In-process limiter: the embedded default for one gateway process (laptop, tests, a single replica).

Same sliding-window log as the Redis limiter (see redis_limiter.py for why a log and not buckets), kept in
deques. Nothing here awaits between reading and charging state, so on one event loop every ``admit`` is atomic
without a lock. Several replicas each keep their own counts; use the Redis limiter for those.
"""

from __future__ import annotations

import itertools
import math
import time
from collections import deque
from collections.abc import Callable

from aikojo.gateway.limits.base import (
    CONCURRENCY_RETRY_S,
    DEFAULT_LEASE_S,
    DEFAULT_WINDOW_S,
    Admission,
    LimitSpec,
    Refusal,
    ScopeUsage,
    Ticket,
    build_headers,
    check_reserve,
    refused,
    usable_specs,
)


class _TokenEntry:
    __slots__ = ("at", "ticket", "tokens")

    def __init__(self, at: float, tokens: int, ticket: str | None = None) -> None:
        self.at = at
        self.tokens = tokens
        self.ticket = ticket  # None for a late overage charge, which nothing settles again


class _Scope:
    __slots__ = ("by_ticket", "inflight", "requests", "token_entries", "tokens")

    def __init__(self) -> None:
        self.requests: deque[float] = deque()  # admit times, oldest first
        self.token_entries: deque[_TokenEntry] = deque()  # oldest first; settle edits entries in place
        self.by_ticket: dict[str, _TokenEntry] = {}  # ticket id -> its entry while in the window
        self.tokens = 0  # running sum of token_entries, so admit never walks the log
        self.inflight: dict[str, float] = {}  # ticket id -> lease expiry

    def trim(self, now: float, window_s: float) -> None:
        cutoff = now - window_s
        while self.requests and self.requests[0] <= cutoff:
            self.requests.popleft()
        entries = self.token_entries
        while entries and entries[0].at <= cutoff:
            gone = entries.popleft()
            self.tokens -= gone.tokens
            if gone.ticket is not None:
                self.by_ticket.pop(gone.ticket, None)

    def reclaim(self, now: float) -> None:
        expired = [k for k, until in self.inflight.items() if until <= now]
        for k in expired:
            del self.inflight[k]

    def empty(self) -> bool:
        return not (self.requests or self.token_entries or self.inflight)


class MemoryLimiter:
    """Limits for one process. ``clock`` is injectable so tests can slide the window without sleeping."""

    def __init__(self, *, window_s: float = DEFAULT_WINDOW_S, lease_s: float = DEFAULT_LEASE_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = float(window_s)
        self.lease_s = float(lease_s)
        self.fail_open_admits = 0  # never: memory is always reachable; kept for the Limiter contract
        self._clock = clock
        self._scopes: dict[str, _Scope] = {}
        self._open: dict[str, float] = {}  # unsettled ticket id -> when it may be forgotten
        self._ids = itertools.count(1)
        self._admits = 0

    async def admit(self, specs: list[LimitSpec], reserve_tokens: int) -> Admission:
        reserve = check_reserve(reserve_tokens)
        specs = usable_specs(specs)
        now = self._clock()
        self._admits += 1
        if self._admits % 4096 == 0:
            self._forget_stale(now)
        scopes = []
        for spec in specs:
            st = self._scopes.get(spec.scope)
            if st is None:
                st = self._scopes[spec.scope] = _Scope()
            st.trim(now, self.window_s)
            if spec.max_concurrent is not None and len(st.inflight) >= spec.max_concurrent:
                st.reclaim(now)
            scopes.append(st)

        refusal = None
        for spec, st in zip(specs, scopes, strict=True):
            r = self._check(spec, st, now, reserve)
            if r is not None and (refusal is None or r.retry_after_s > refusal.retry_after_s):
                refusal = r
        if refusal is not None:
            return refused(refusal, specs, [self._usage(s, st, now) for s, st in zip(specs, scopes, strict=True)],
                           self.window_s, reserve)

        ticket_id = str(next(self._ids))
        for spec, st in zip(specs, scopes, strict=True):
            if spec.rpm is not None:
                st.requests.append(now)
            if spec.tpm is not None:
                entry = _TokenEntry(now, reserve, ticket_id)
                st.token_entries.append(entry)
                st.by_ticket[ticket_id] = entry
                st.tokens += reserve
            if spec.max_concurrent is not None:
                st.inflight[ticket_id] = now + self.lease_s
        ticket = Ticket(id=ticket_id, reserved=reserve,
                        tpm_scopes=tuple(s.scope for s in specs if s.tpm is not None),
                        concurrency_scopes=tuple(s.scope for s in specs if s.max_concurrent is not None))
        if ticket.tpm_scopes or ticket.concurrency_scopes:
            self._open[ticket_id] = now + self.window_s + self.lease_s
        usages = [self._usage(s, st, now) for s, st in zip(specs, scopes, strict=True)]
        return Admission(allowed=True, ticket=ticket, headers=build_headers(usages))

    async def settle(self, ticket: Ticket, actual_tokens: int) -> None:
        deadline = None if ticket.unchecked else self._open.pop(ticket.id, None)
        now = self._clock()
        if deadline is None or deadline <= now:
            return  # a second settle, nothing to settle, or so late that the Redis limiter forgets it too
        actual = max(0, int(actual_tokens))
        for scope in ticket.tpm_scopes:
            st = self._scopes.get(scope)
            if st is None:
                st = self._scopes[scope] = _Scope()
            st.trim(now, self.window_s)
            entry = st.by_ticket.pop(ticket.id, None)
            if entry is not None:
                st.tokens += actual - entry.tokens
                entry.tokens = actual
            elif actual > ticket.reserved:
                # The reservation already counted for a whole window; only the excess is still owed.
                late = _TokenEntry(now, actual - ticket.reserved)
                st.token_entries.append(late)
                st.tokens += late.tokens
        for scope in ticket.concurrency_scopes:
            st = self._scopes.get(scope)
            if st is not None:
                st.inflight.pop(ticket.id, None)
                if st.empty():
                    del self._scopes[scope]

    async def health(self) -> bool:
        return True

    async def close(self) -> None:
        self._scopes.clear()
        self._open.clear()

    def _check(self, spec: LimitSpec, st: _Scope, now: float, reserve: int) -> Refusal | None:
        worst = None
        if spec.rpm is not None and len(st.requests) + 1 > spec.rpm:
            # The (count - rpm)-th oldest request must leave the window before one more fits.
            idx = len(st.requests) - spec.rpm
            at = st.requests[idx] if idx < len(st.requests) else now  # rpm 0: never, say a window
            worst = Refusal(spec.scope, "rpm", self._until_out(at, now))
        if spec.tpm is not None and st.tokens + reserve > spec.tpm:
            if reserve > spec.tpm:
                r = Refusal(spec.scope, "tokens_exceed_tpm", self.window_s)
            else:
                need, freed, at = st.tokens + reserve - spec.tpm, 0, now
                for e in st.token_entries:
                    freed += e.tokens
                    at = e.at
                    if freed >= need:
                        break
                r = Refusal(spec.scope, "tpm", self._until_out(at, now))
            worst = r if worst is None or r.retry_after_s > worst.retry_after_s else worst
        if (spec.max_concurrent is not None and len(st.inflight) + 1 > spec.max_concurrent
                and (worst is None or worst.retry_after_s < CONCURRENCY_RETRY_S)):
            worst = Refusal(spec.scope, "concurrency", CONCURRENCY_RETRY_S)
        return worst

    def _until_out(self, at: float, now: float) -> float:
        # Whole milliseconds rounded up, like the Redis script, so both answer the same retry-after.
        return max(1, math.ceil(round((at + self.window_s - now) * 1000, 6))) / 1000

    def _usage(self, spec: LimitSpec, st: _Scope, now: float) -> ScopeUsage:
        req_reset = self._until_out(st.requests[0], now) if st.requests else 0.0
        tok_reset = self._until_out(st.token_entries[0].at, now) if st.token_entries else 0.0
        return ScopeUsage(spec, len(st.requests), req_reset, st.tokens, tok_reset)

    def _forget_stale(self, now: float) -> None:
        """Drop tickets that were never settled (a bug upstream) and scopes with nothing left in them."""
        self._open = {k: until for k, until in self._open.items() if until > now}
        for scope in list(self._scopes):
            st = self._scopes[scope]
            st.trim(now, self.window_s)
            st.reclaim(now)
            if st.empty():
                del self._scopes[scope]
