"""Behaviour only the Redis limiter has: failing closed or open, key hygiene, one count shared by replicas."""

from __future__ import annotations

import time

import pytest

from aikojo.errors import StoreUnavailable
from aikojo.gateway.limits import LimitSpec, make_limiter
from aikojo.gateway.limits.redis_limiter import RedisLimiter, redact

pytestmark = pytest.mark.anyio

UNREACHABLE = "redis://:hunter2@127.0.0.1:1/0"  # nothing listens on port 1
SPECS = [LimitSpec("project:acme/claims", rpm=10, tpm=1000, max_concurrent=2)]


async def test_unreachable_redis_fails_closed_with_a_clear_message():
    limiter = make_limiter("redis", UNREACHABLE, fail_open=False)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as info:
        await limiter.admit(SPECS, 10)
    assert time.monotonic() - started < 2  # answers at once, no retry storm
    assert info.value.status == 503
    assert "unreachable" in info.value.message and "fail closed" in info.value.message
    assert "hunter2" not in info.value.message  # the password never reaches a response
    assert limiter.fail_open_admits == 0
    await limiter.close()


async def test_unreachable_redis_with_fail_open_admits_and_counts_it():
    limiter = make_limiter("redis", UNREACHABLE, fail_open=True)
    for n in (1, 2):
        a = await limiter.admit(SPECS, 10)
        assert a.allowed and a.ticket is not None
        assert limiter.fail_open_admits == n
    await limiter.settle(a.ticket, 10)  # a no-op, never an error
    await limiter.close()


async def test_health_is_false_when_redis_does_not_answer():
    limiter = make_limiter("redis", UNREACHABLE, fail_open=False)
    assert await limiter.health() is False
    await limiter.close()


async def test_settle_during_an_outage_does_not_raise(redis_harness):
    limiter = redis_harness.make()
    a = await limiter.admit(SPECS, 10)
    broken = RedisLimiter(UNREACHABLE, prefix=redis_harness.prefix)
    await broken.settle(a.ticket, 10)
    assert broken.settle_errors == 1
    await broken.close()


def test_password_is_redacted_from_urls():
    assert redact("redis://user:s3cret@redis.svc:6380/2") == "redis://user:***@redis.svc:6380/2"
    assert redact("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


async def test_every_key_expires(redis_harness):
    limiter = redis_harness.make(window_s=5, lease_s=30)
    specs = [*SPECS, LimitSpec("key:kid_ab12", rpm=5, tpm=500, max_concurrent=1)]
    a = await limiter.admit(specs, 10)
    await limiter.admit(specs, 10)  # refused by the key's concurrency: trims but must not leave TTL-less keys
    await limiter.settle(a.ticket, 3)
    await limiter.admit(specs, 10)

    keys = await redis_harness.keys()
    assert len(keys) >= 9  # 2 scopes x (req, tok, tsum, inf) + the open ticket
    for key, ttl_ms in keys.items():
        assert 0 < ttl_ms <= 36_000, key


async def test_a_settled_ticket_leaves_no_key_and_an_rpm_only_one_never_makes_one(redis_harness):
    limiter = redis_harness.make()
    settled = await limiter.admit(SPECS, 10)
    await limiter.settle(settled.ticket, 5)
    await limiter.admit([LimitSpec("key:kid_ab12", rpm=5)], 10)

    assert not [k for k in await redis_harness.keys() if ":ticket:" in k]


async def test_separate_limiter_instances_share_one_count(redis_harness):
    replica_a, replica_b = redis_harness.make(), redis_harness.make()
    specs = [LimitSpec("project:acme/claims", rpm=3, max_concurrent=5)]
    assert (await replica_a.admit(specs, 0)).allowed
    assert (await replica_b.admit(specs, 0)).allowed
    assert (await replica_a.admit(specs, 0)).allowed
    assert not (await replica_b.admit(specs, 0)).allowed
    assert not (await replica_a.admit(specs, 0)).allowed


async def test_a_ticket_settles_once_even_across_replicas(redis_harness):
    replica_a, replica_b = redis_harness.make(), redis_harness.make()
    specs = [LimitSpec("project:acme/claims", tpm=100)]
    a = await replica_a.admit(specs, 60)
    await replica_a.settle(a.ticket, 10)
    await replica_b.settle(a.ticket, 0)  # e.g. a retry of the settle from another code path
    assert (await replica_b.admit(specs, 90)).allowed
    assert not (await replica_b.admit(specs, 1)).allowed
