"""The in-process limiter's own promises, and choosing an implementation from settings."""

from __future__ import annotations

import pytest

from aikojo.gateway.limits import LimitSpec, MemoryLimiter, make_limiter
from tests.limits.limits_support import FakeClock

pytestmark = pytest.mark.anyio


async def test_make_limiter_builds_the_named_implementation():
    assert isinstance(make_limiter("memory", "redis://unused", fail_open=False), MemoryLimiter)
    from aikojo.gateway.limits.redis_limiter import RedisLimiter

    limiter = make_limiter("redis", "redis://127.0.0.1:6379/15", fail_open=True, window_s=2)
    assert isinstance(limiter, RedisLimiter) and limiter.fail_open and limiter.window_s == 2
    await limiter.close()


def test_unknown_backend_names_the_choices():
    with pytest.raises(ValueError, match="'memory' or 'redis'"):
        make_limiter("etcd", "", fail_open=False)


async def test_scopes_and_tickets_nobody_settles_are_forgotten():
    clock = FakeClock()
    limiter = MemoryLimiter(window_s=60, lease_s=900, clock=clock)
    for i in range(4095):
        await limiter.admit([LimitSpec(f"key:k{i}", rpm=5, tpm=100, max_concurrent=1)], 10)  # never settled
    clock.now += 961

    await limiter.admit([LimitSpec("key:last", rpm=5)], 0)  # the 4096th admit sweeps

    assert list(limiter._scopes) == ["key:last"]
    assert limiter._open == {}
