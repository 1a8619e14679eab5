"""Rate, token and concurrency limits per scope (project, key): one ``Limiter`` protocol, an in-process
implementation (default) and a Redis one shared by every gateway replica. The gateway builds one with
``make_limiter`` from settings at start-up and calls only ``admit``, ``settle``, ``health`` and ``close``."""

from __future__ import annotations

from aikojo.gateway.limits.base import (
    DEFAULT_LEASE_S,
    DEFAULT_WINDOW_S,
    Admission,
    Limiter,
    LimitSpec,
    Ticket,
    format_reset,
)
from aikojo.gateway.limits.memory import MemoryLimiter


def make_limiter(kind: str, redis_url: str, fail_open: bool, *, window_s: float = DEFAULT_WINDOW_S,
                 lease_s: float = DEFAULT_LEASE_S) -> Limiter:
    """``kind`` is ``memory`` (one process; ``redis_url`` and ``fail_open`` unused) or ``redis``."""
    if kind == "memory":
        return MemoryLimiter(window_s=window_s, lease_s=lease_s)
    if kind == "redis":
        # Imported here so the in-process default never needs a Redis client.
        from aikojo.gateway.limits.redis_limiter import RedisLimiter

        return RedisLimiter(redis_url, fail_open=fail_open, window_s=window_s, lease_s=lease_s)
    raise ValueError(f"unknown limits backend {kind!r}; choose 'memory' or 'redis' (setting limits_backend)")


__all__ = ["Admission", "LimitSpec", "Limiter", "MemoryLimiter", "Ticket", "format_reset", "make_limiter"]
