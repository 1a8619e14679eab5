"""A fake clock and Redis helpers shared by the limits tests (conftest.py is not for importing)."""

from __future__ import annotations

import os
import uuid

REDIS_URL = os.environ.get("KOJO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
_redis_state: dict[str, str | None] = {}


def redis_unavailable() -> str | None:
    """None when Redis answers, else the reason to skip."""
    if "reason" not in _redis_state:
        import redis

        try:
            client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
            client.ping()
            client.close()
            _redis_state["reason"] = None
        except Exception as exc:  # any client error means: no usable server here
            _redis_state["reason"] = f"Redis not reachable at {REDIS_URL}: {type(exc).__name__}: {exc}"
    return _redis_state["reason"]


def new_prefix() -> str:
    # A hash tag, like the production default, so the tests exercise the same key shape.
    return "{kojotest:" + uuid.uuid4().hex[:12] + "}"


async def keys_under(prefix: str) -> dict[str, int]:
    """Every Redis key under ``prefix``, with its TTL in milliseconds (-1: none)."""
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(REDIS_URL, decode_responses=True)
    try:
        match = prefix.replace("{", "[{]").replace("}", "[}]") + "*"  # braces are literal, not a glob
        return {k: await client.pttl(k) async for k in client.scan_iter(match=match)}
    finally:
        await client.aclose()


async def delete_prefix(prefix: str) -> None:
    import redis.asyncio as aioredis

    keys = list(await keys_under(prefix))
    if keys:
        client = aioredis.Redis.from_url(REDIS_URL)
        await client.delete(*keys)
        await client.aclose()


class FakeClock:
    """Time for the in-process limiter that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now
