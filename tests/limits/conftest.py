"""Fixtures for the limits contract: every contract test runs once on the in-process limiter (with a fake clock
it can move forward) and once on the Redis limiter (db 15 of ``KOJO_TEST_REDIS_URL``, a fresh key prefix per
test, real time: those tests use windows of about a second). Redis cases skip with the reason when no server
answers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from aikojo.gateway.limits import Limiter, MemoryLimiter
from tests.limits.limits_support import REDIS_URL, FakeClock, delete_prefix, keys_under, new_prefix, redis_unavailable


class Harness:
    """Builds limiters of one kind that share one store, and moves time forward for them."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.redis_url = REDIS_URL
        self.clock = FakeClock()
        self.prefix = new_prefix()
        self._made: list[Limiter] = []
        self._shared_memory: MemoryLimiter | None = None

    def make(self, *, window_s: float = 60.0, lease_s: float = 900.0) -> Limiter:
        if self.kind == "memory":
            limiter: Limiter = MemoryLimiter(window_s=window_s, lease_s=lease_s, clock=self.clock)
        else:
            from aikojo.gateway.limits.redis_limiter import RedisLimiter

            limiter = RedisLimiter(REDIS_URL, window_s=window_s, lease_s=lease_s, prefix=self.prefix)
        self._made.append(limiter)
        return limiter

    async def keys(self) -> dict[str, int]:
        return await keys_under(self.prefix)

    async def advance(self, seconds: float) -> None:
        if self.kind == "memory":
            self.clock.now += seconds
        else:
            await asyncio.sleep(seconds)

    async def aclose(self) -> None:
        for limiter in self._made:
            await limiter.close()
        if self.kind == "redis":
            await delete_prefix(self.prefix)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def harness(request) -> AsyncIterator[Harness]:
    if request.param == "redis" and (reason := redis_unavailable()):
        pytest.skip(reason)
    h = Harness(request.param)
    yield h
    await h.aclose()


@pytest.fixture
async def redis_harness() -> AsyncIterator[Harness]:
    if reason := redis_unavailable():
        pytest.skip(reason)
    h = Harness("redis")
    yield h
    await h.aclose()
