"""Exactness across gateway replicas: 50 concurrent clients spread over 3 processes, each process with its own
Redis limiter (its own connections, as separate ``kojo serve`` replicas have), all offering more load than the
limit allows at the same instant. The limit must hold exactly, not x replicas (issue 8: LiteLLM over-admits by
the number of replicas)."""

from __future__ import annotations

import asyncio
import multiprocessing
import random
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from aikojo.gateway.limits import LimitSpec
from tests.limits.limits_support import REDIS_URL, delete_prefix, keys_under, new_prefix, redis_unavailable

pytestmark = pytest.mark.redis

REPLICAS = 3
CLIENTS = 50
PROJECT = "project:acme/claims"


def _clients_of(replica: int) -> int:
    return len(range(replica, CLIENTS, REPLICAS))  # 17, 17, 16


def _replica(replica: int, prefix: str, spec: LimitSpec, attempts: int, start_at: float,
             hold_s: float) -> dict[str, int]:
    """One gateway replica: its own limiter and event loop, ``_clients_of(replica)`` concurrent clients."""
    return asyncio.run(_replica_main(replica, prefix, spec, attempts, start_at, hold_s))


async def _replica_main(replica: int, prefix: str, spec: LimitSpec, attempts: int, start_at: float,
                        hold_s: float) -> dict[str, int]:
    import redis.asyncio as aioredis

    from aikojo.gateway.limits.redis_limiter import RedisLimiter

    limiter = RedisLimiter(REDIS_URL, prefix=prefix)
    probe = aioredis.Redis.from_url(REDIS_URL)  # counts requests really in flight, outside the limiter
    await limiter.health()  # connect before the start line, so every replica starts at once
    await probe.ping()
    rng = random.Random(replica)
    stats = {"admitted": 0, "refused": 0, "tokens": 0, "max_in_flight": 0}

    async def client() -> None:
        for _ in range(attempts):
            reserve = rng.randint(5, 15) if spec.tpm is not None else 0
            a = await limiter.admit([spec], reserve)
            if not a.allowed:
                stats["refused"] += 1
                continue
            stats["admitted"] += 1
            stats["tokens"] += reserve
            if hold_s:
                now = await probe.incr(f"{prefix}:probe")
                stats["max_in_flight"] = max(stats["max_in_flight"], now)
                await asyncio.sleep(hold_s)
                await probe.decr(f"{prefix}:probe")
                await limiter.settle(a.ticket, reserve)

    await asyncio.sleep(max(0.0, start_at - time.time()))
    await asyncio.gather(*(client() for _ in range(_clients_of(replica))))
    await limiter.close()
    await probe.aclose()
    return stats


def _run_replicas(spec: LimitSpec, attempts: int, hold_s: float = 0.0) -> tuple[dict[str, int], str]:
    if reason := redis_unavailable():
        pytest.skip(reason)
    prefix = new_prefix()
    # fork: the children need nothing from the parent but this module, and start in milliseconds.
    ctx = multiprocessing.get_context("fork")
    start_at = time.time() + 0.5
    with ProcessPoolExecutor(REPLICAS, mp_context=ctx) as pool:
        futures = [pool.submit(_replica, r, prefix, spec, attempts, start_at, hold_s) for r in range(REPLICAS)]
        results = [f.result(timeout=30) for f in futures]
    total = {k: sum(r[k] for r in results) for k in results[0]}
    total["max_in_flight"] = max(r["max_in_flight"] for r in results)
    return total, prefix


def _cleanup(prefix: str) -> None:
    asyncio.run(delete_prefix(prefix))


def test_rpm_holds_exactly_across_replicas():
    total, prefix = _run_replicas(LimitSpec(PROJECT, rpm=100), attempts=6)  # 300 offered at once
    _cleanup(prefix)
    assert total["admitted"] + total["refused"] == CLIENTS * 6
    assert total["admitted"] == 100  # == limit when offered load exceeds it; <= limit x 1.01 a fortiori


def test_tpm_holds_exactly_across_replicas():
    total, prefix = _run_replicas(LimitSpec(PROJECT, tpm=1000), attempts=6)  # ~3,000 tokens offered
    stored = asyncio.run(keys_under(prefix))
    _cleanup(prefix)
    assert total["tokens"] <= 1000
    assert total["tokens"] >= 1000 - 14  # full: only a reservation larger than what is left was refused
    assert any(k.endswith(":tsum") for k in stored)


def test_concurrency_holds_across_replicas_and_every_slot_is_released():
    spec = LimitSpec(PROJECT, max_concurrent=5)
    total, prefix = _run_replicas(spec, attempts=4, hold_s=0.02)
    stored = asyncio.run(keys_under(prefix))
    _cleanup(prefix)
    assert total["admitted"] >= 5
    assert total["max_in_flight"] <= 5
    # every settled slot left the lease set (it is empty, so Redis dropped the key)
    assert not any(k.endswith(":inf") for k in stored)
