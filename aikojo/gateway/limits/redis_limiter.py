"""Redis limiter: one shared set of counts for every gateway replica, so limits stay exact across replicas.

Why it is exact:
- One Lua script per ``admit`` trims, checks and charges every scope of the request. Redis runs a script
  alone, so two replicas can never both see the last free slot (the check-then-increment race that makes
  per-replica or read-modify-write limiters over-admit by the number of replicas).
- The window is a sliding log: each admitted request is a sorted-set member scored by its admit time, so the
  count is exactly "requests in the last ``window_s`` seconds" at any instant. Fixed minutes admit 2x across a
  boundary; sub-second buckets are close but still round; a log costs one member per admitted request, which
  is at most rpm (or one per request for tpm) per scope — small at gateway limits.
- Tokens: the same log with the count in the member (``<ticket>:<tokens>``) and a running sum beside it, so
  admit never walks the log; expired members are subtracted from the sum as they are trimmed.
- Time comes from ``redis.call('TIME')`` inside the script, so replicas with skewed clocks agree.

Concurrency slots are members of a sorted set scored by their lease expiry (admit time + ``lease_s``): a
replica that dies mid-request never settles, and its slots are reclaimed once the lease runs out.
Every key has a TTL (window or lease plus a second), so idle scopes leave nothing behind.

Keys all start with ``prefix``, which by default is a Redis Cluster hash tag (``{kojo:rl}``): a multi-scope
script must touch keys of one slot, and a hash tag per scope would split a project from its keys. Limiter
traffic is small next to what one Redis shard serves, so one slot costs nothing in practice.
"""

from __future__ import annotations

import logging
import uuid
from urllib.parse import urlsplit, urlunsplit

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

from aikojo.errors import StoreUnavailable
from aikojo.gateway.limits import lua
from aikojo.gateway.limits.base import (
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

log = logging.getLogger(__name__)

_KINDS = {1: "rpm", 2: "tpm", 3: "concurrency", 4: "tokens_exceed_tpm"}


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


class RedisLimiter:
    """Limits shared by every replica through Redis. Fails closed (``StoreUnavailable``) when Redis is down,
    unless ``fail_open`` — then it admits and counts that in ``fail_open_admits``."""

    def __init__(self, url: str, *, fail_open: bool = False, window_s: float = DEFAULT_WINDOW_S,
                 lease_s: float = DEFAULT_LEASE_S, prefix: str = "{kojo:rl}", timeout_s: float = 1.0,
                 client: aioredis.Redis | None = None) -> None:
        self.url = url
        self.fail_open = fail_open
        self.window_s = float(window_s)
        self.lease_s = float(lease_s)
        self.prefix = prefix
        self.fail_open_admits = 0
        self.settle_errors = 0
        # One immediate retry on a broken connection (a pooled socket Redis closed on restart); none on a
        # timeout, because the script may have run and a retry would charge twice.
        self._redis = client or aioredis.Redis.from_url(
            url, socket_connect_timeout=timeout_s, socket_timeout=timeout_s,
            retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)))
        self._admit = self._redis.register_script(lua.ADMIT)
        self._settle = self._redis.register_script(lua.SETTLE)

    def _key(self, scope: str, kind: str) -> str:
        return f"{self.prefix}:{scope}:{kind}"

    def _ticket_key(self, ticket_id: str) -> str:
        return f"{self.prefix}:ticket:{ticket_id}"

    async def admit(self, specs: list[LimitSpec], reserve_tokens: int) -> Admission:
        reserve = check_reserve(reserve_tokens)
        specs = usable_specs(specs)
        ticket_id = uuid.uuid4().hex
        if not specs:
            return Admission(allowed=True, ticket=Ticket(id=ticket_id, reserved=reserve))
        keys = [self._ticket_key(ticket_id)]
        args: list[int | float | str] = [self.window_s * 1000, self.lease_s * 1000, ticket_id, reserve, len(specs)]
        for s in specs:
            keys += [self._key(s.scope, "req"), self._key(s.scope, "tok"), self._key(s.scope, "tsum"),
                     self._key(s.scope, "inf")]
            args += [_arg(s.rpm), _arg(s.tpm), _arg(s.max_concurrent)]
        try:
            out = await self._admit(keys=keys, args=args)
        except RedisError as exc:
            return self._unavailable(exc, ticket_id, reserve)

        allowed, refuse_idx, refuse_kind, retry_ms = (int(x) for x in out[:4])
        usages = []
        for i, s in enumerate(specs):
            req, req_reset, tok, tok_reset = (int(x) for x in out[4 + i * 4: 8 + i * 4])
            usages.append(ScopeUsage(s, req, req_reset / 1000, tok, tok_reset / 1000))
        if not allowed:
            refusal = Refusal(specs[refuse_idx - 1].scope, _KINDS[refuse_kind], retry_ms / 1000)
            return refused(refusal, specs, usages, self.window_s, reserve)
        ticket = Ticket(id=ticket_id, reserved=reserve,
                        tpm_scopes=tuple(s.scope for s in specs if s.tpm is not None),
                        concurrency_scopes=tuple(s.scope for s in specs if s.max_concurrent is not None))
        return Admission(allowed=True, ticket=ticket, headers=build_headers(usages))

    async def settle(self, ticket: Ticket, actual_tokens: int) -> None:
        if ticket.unchecked or not (ticket.tpm_scopes or ticket.concurrency_scopes):
            return
        keys = [self._ticket_key(ticket.id)]
        for scope in ticket.tpm_scopes:
            keys += [self._key(scope, "tok"), self._key(scope, "tsum")]
        keys += [self._key(scope, "inf") for scope in ticket.concurrency_scopes]
        args = [self.window_s * 1000, ticket.id, ticket.reserved, max(0, int(actual_tokens)),
                len(ticket.tpm_scopes), len(ticket.concurrency_scopes)]
        try:
            await self._settle(keys=keys, args=args)
        except RedisError as exc:
            # Settle runs in finally blocks of the request path, so it must not raise. Nothing leaks: the
            # lease frees the slot and the reservation ages out of the window.
            self.settle_errors += 1
            log.warning("could not settle rate-limit ticket at %s (%s: %s); its concurrency slot frees when "
                        "its lease ends in at most %gs", redact(self.url), type(exc).__name__, exc, self.lease_s)

    async def health(self) -> bool:
        try:
            return bool(await self._redis.ping())
        except RedisError:
            return False

    async def close(self) -> None:
        await self._redis.aclose()

    def _unavailable(self, exc: RedisError, ticket_id: str, reserve: int) -> Admission:
        if not self.fail_open:
            raise StoreUnavailable(
                f"Rate-limit store Redis at {redact(self.url)} is unreachable ({type(exc).__name__}: {exc}); "
                "requests are refused because limits fail closed. Start Redis or fix KOJO_REDIS_URL, or set "
                "KOJO_LIMITS_FAIL_OPEN=true to admit requests unlimited while Redis is down.") from exc
        self.fail_open_admits += 1
        if self.fail_open_admits == 1 or self.fail_open_admits % 1000 == 0:
            log.warning("Redis at %s unreachable (%s); admitting without limits (fail-open, %d so far)",
                        redact(self.url), type(exc).__name__, self.fail_open_admits)
        return Admission(allowed=True, ticket=Ticket(id=ticket_id, reserved=reserve, unchecked=True))


def _arg(limit: int | None) -> int:
    return -1 if limit is None else int(limit)
