"""The limits contract: what the gateway passes in (``LimitSpec``), what it gets back (``Admission``, ``Ticket``)
and the verbs every implementation offers (``Limiter``). Also the pieces both implementations share so they
answer identically: per-scope usage snapshots, the choice of the tightest scope, and OpenAI-style headers.

Semantics every implementation keeps (the contract tests in tests/limits check them on each):

- A sliding window of ``window_s`` seconds (default 60): a request admitted at time t counts against rpm/tpm
  during (t, t + window_s]. There is no fixed minute boundary, so no 2x burst across it.
- ``admit`` checks and charges all scopes at once, all-or-nothing: a refusal by any scope charges none.
- Refused requests are not counted (a client retrying in a loop does not lock itself out for longer).
- ``settle`` replaces the token reservation by the actual count (refund or overage) while the admission is
  still in the window; after that, only the overage (actual - reserved, when positive) is charged, at settle
  time, because the reservation already counted for a whole window. It releases the concurrency slot and is
  idempotent.
- A concurrency slot is a lease of ``lease_s`` seconds (default 900): a gateway replica that dies mid-request
  never settles, and its slots are reclaimed once their leases run out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

DEFAULT_WINDOW_S = 60.0
# Generous upper bound on one request (long streams from big models included); only matters for replicas
# that die without settling.
DEFAULT_LEASE_S = 900.0
# A hint only: a concurrency slot frees when some in-flight request ends, which nobody can predict.
CONCURRENCY_RETRY_S = 1.0


@dataclass(frozen=True)
class LimitSpec:
    """The limits of one scope, e.g. ``project:acme/claims`` or ``key:kid_ab12``. None means unlimited."""

    scope: str
    rpm: int | None = None
    tpm: int | None = None
    max_concurrent: int | None = None


@dataclass(frozen=True)
class Ticket:
    """Opaque proof of admission; pass it to ``Limiter.settle``. Callers must not rely on its fields."""

    id: str
    reserved: int
    tpm_scopes: tuple[str, ...] = ()
    concurrency_scopes: tuple[str, ...] = ()
    # True when admitted without the store (fail-open): settling it does nothing.
    unchecked: bool = False


@dataclass
class Admission:
    allowed: bool
    ticket: Ticket | None
    retry_after_s: float = 0.0
    reason: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Limiter(Protocol):
    """Per-scope rate, token and concurrency limits. Implementations: memory (one process), redis (replicas)."""

    fail_open_admits: int

    async def admit(self, specs: list[LimitSpec], reserve_tokens: int) -> Admission:
        """Check and charge every scope atomically: +1 request (rpm), ``reserve_tokens`` (tpm), +1 in flight.
        Raises ``aikojo.errors.StoreUnavailable`` when the store is down and the limiter fails closed."""
        ...

    async def settle(self, ticket: Ticket, actual_tokens: int) -> None:
        """Replace the reservation by ``actual_tokens`` and free the concurrency slot. Idempotent; never raises
        for a store outage (the lease frees the slot later)."""
        ...

    async def health(self) -> bool:
        """True when the store answers."""
        ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class ScopeUsage:
    """One scope's state as seen by an admit, after charging it when admitted. Times are seconds from now."""

    spec: LimitSpec
    requests: int  # requests in the window
    requests_reset_s: float  # until the oldest counted request leaves the window (0 when none)
    tokens: int  # tokens in the window (reservations included)
    tokens_reset_s: float


@dataclass(frozen=True)
class Refusal:
    scope: str
    kind: str  # "rpm" | "tpm" | "concurrency" | "tokens_exceed_tpm"
    retry_after_s: float


def usable_specs(specs: list[LimitSpec]) -> list[LimitSpec]:
    """Specs that limit something; a scope given twice keeps its tightest value per limit."""
    merged: dict[str, LimitSpec] = {}
    for s in specs:
        if s.rpm is None and s.tpm is None and s.max_concurrent is None:
            continue
        old = merged.get(s.scope)
        if old is None:
            merged[s.scope] = s
        else:
            merged[s.scope] = LimitSpec(s.scope, _min(old.rpm, s.rpm), _min(old.tpm, s.tpm),
                                        _min(old.max_concurrent, s.max_concurrent))
    return list(merged.values())


def _min(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


def check_reserve(reserve_tokens: int) -> int:
    if reserve_tokens < 0:
        raise ValueError(f"reserve_tokens must be >= 0, got {reserve_tokens}")
    return int(reserve_tokens)


def format_reset(seconds: float) -> str:
    """OpenAI's duration style: ``17ms``, ``1.5s``, ``6m0s``, ``1h2m3s`` (rounded up to the millisecond)."""
    ms = math.ceil(round(seconds * 1000, 6))  # round first: 0.1 * 1000 is 100.00000000000001
    if ms <= 0:
        return "0s"
    if ms < 1000:
        return f"{ms}ms"
    if ms < 60_000:
        return f"{ms / 1000:g}s"
    h, rest = divmod(math.ceil(ms / 1000), 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m}m{s}s" if h else f"{m}m{s}s"


def build_headers(usages: list[ScopeUsage], refusal: Refusal | None = None) -> dict[str, str]:
    """``x-ratelimit-*`` headers for the tightest scope, separately for requests and tokens: the scope with
    the fewest remaining (then the smallest limit). On a refusal the refusing scope's reset is retry-after."""
    headers: dict[str, str] = {}
    with_rpm = [u for u in usages if u.spec.rpm is not None]
    if with_rpm:
        u = min(with_rpm, key=lambda u: (u.spec.rpm - u.requests, u.spec.rpm))  # type: ignore[operator]
        reset = u.requests_reset_s
        if refusal is not None and refusal.kind == "rpm" and refusal.scope == u.spec.scope:
            reset = refusal.retry_after_s
        headers["x-ratelimit-limit-requests"] = str(u.spec.rpm)
        headers["x-ratelimit-remaining-requests"] = str(max(0, u.spec.rpm - u.requests))  # type: ignore[operator]
        headers["x-ratelimit-reset-requests"] = format_reset(reset)
    with_tpm = [u for u in usages if u.spec.tpm is not None]
    if with_tpm:
        u = min(with_tpm, key=lambda u: (u.spec.tpm - u.tokens, u.spec.tpm))  # type: ignore[operator]
        reset = u.tokens_reset_s
        if refusal is not None and refusal.kind == "tpm" and refusal.scope == u.spec.scope:
            reset = refusal.retry_after_s
        headers["x-ratelimit-limit-tokens"] = str(u.spec.tpm)
        headers["x-ratelimit-remaining-tokens"] = str(max(0, u.spec.tpm - u.tokens))  # type: ignore[operator]
        headers["x-ratelimit-reset-tokens"] = format_reset(reset)
    return headers


def refusal_reason(refusal: Refusal, spec: LimitSpec, window_s: float, reserve_tokens: int) -> str:
    per = "min" if window_s == 60 else f"{window_s:g}s"
    if refusal.kind == "rpm":
        return f"rpm limit of {spec.scope} ({spec.rpm}/{per}) reached"
    if refusal.kind == "tpm":
        return f"tpm limit of {spec.scope} ({spec.tpm}/{per}) reached"
    if refusal.kind == "tokens_exceed_tpm":
        return (f"request reserves {reserve_tokens} tokens, more than the tpm limit of {spec.scope} "
                f"({spec.tpm}/{per}); lower max_tokens or raise the limit")
    return f"concurrency limit of {spec.scope} ({spec.max_concurrent} in flight) reached"


def refused(refusal: Refusal, specs: list[LimitSpec], usages: list[ScopeUsage], window_s: float,
            reserve_tokens: int) -> Admission:
    spec = next(s for s in specs if s.scope == refusal.scope)
    return Admission(allowed=False, ticket=None, retry_after_s=refusal.retry_after_s,
                     reason=refusal_reason(refusal, spec, window_s, reserve_tokens),
                     headers=build_headers(usages, refusal))
