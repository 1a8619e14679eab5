"""The limits contract, run unchanged on the in-process and the Redis limiter (the ``harness`` fixture)."""

from __future__ import annotations

import pytest

from aikojo.gateway.limits import LimitSpec

pytestmark = pytest.mark.anyio

PROJECT = "project:acme/claims"
KEY = "key:kid_ab12"


async def test_rpm_exhausted_is_refused_with_retry_after_reason_and_headers(harness):
    limiter = harness.make()
    specs = [LimitSpec(PROJECT, rpm=3)]
    for left in (2, 1, 0):
        a = await limiter.admit(specs, 0)
        assert a.allowed and a.ticket is not None
        assert a.headers["x-ratelimit-remaining-requests"] == str(left)

    refused = await limiter.admit(specs, 0)

    assert not refused.allowed and refused.ticket is None
    assert 55 < refused.retry_after_s <= 60
    assert refused.reason == f"rpm limit of {PROJECT} (3/min) reached"
    assert refused.headers["x-ratelimit-limit-requests"] == "3"
    assert refused.headers["x-ratelimit-remaining-requests"] == "0"
    assert refused.headers["x-ratelimit-reset-requests"].endswith("s")
    assert "x-ratelimit-limit-tokens" not in refused.headers  # no tpm on this scope


async def test_requests_are_admitted_again_once_the_window_slides_past_them(harness):
    limiter = harness.make(window_s=1.0)
    specs = [LimitSpec(PROJECT, rpm=2)]
    assert (await limiter.admit(specs, 0)).allowed
    assert (await limiter.admit(specs, 0)).allowed
    refused = await limiter.admit(specs, 0)
    assert not refused.allowed and 0 < refused.retry_after_s <= 1.0

    await harness.advance(refused.retry_after_s + 0.05)

    assert (await limiter.admit(specs, 0)).allowed


async def test_window_slides_continuously_instead_of_resetting_on_a_boundary(harness):
    limiter = harness.make(window_s=1.0)
    specs = [LimitSpec(PROJECT, rpm=2)]
    assert (await limiter.admit(specs, 0)).allowed  # A at t=0
    await harness.advance(0.5)
    assert (await limiter.admit(specs, 0)).allowed  # B at t=0.5
    assert not (await limiter.admit(specs, 0)).allowed

    await harness.advance(0.6)  # t=1.1: A has left the window, B has not

    assert (await limiter.admit(specs, 0)).allowed
    assert not (await limiter.admit(specs, 0)).allowed  # a fixed window would have reset both


async def test_unused_reserved_tokens_are_refunded_on_settle_so_more_requests_fit(harness):
    limiter = harness.make()
    specs = [LimitSpec(PROJECT, tpm=1000)]
    first = await limiter.admit(specs, 600)
    assert first.allowed
    assert first.headers["x-ratelimit-remaining-tokens"] == "400"
    assert not (await limiter.admit(specs, 600)).allowed

    await limiter.settle(first.ticket, 100)

    second = await limiter.admit(specs, 600)
    assert second.allowed
    assert second.headers["x-ratelimit-remaining-tokens"] == "300"


async def test_settle_charges_tokens_beyond_the_reservation(harness):
    limiter = harness.make()
    specs = [LimitSpec(PROJECT, tpm=1000)]
    a = await limiter.admit(specs, 100)

    await limiter.settle(a.ticket, 700)

    assert not (await limiter.admit(specs, 301)).allowed
    b = await limiter.admit(specs, 300)
    assert b.allowed and b.headers["x-ratelimit-remaining-tokens"] == "0"


async def test_overage_settled_after_the_window_is_charged_from_settle_time(harness):
    limiter = harness.make(window_s=1.0)
    specs = [LimitSpec(PROJECT, tpm=1000)]
    long_stream = await limiter.admit(specs, 200)
    await harness.advance(1.2)  # the reservation has aged out; the stream only now reports its usage

    await limiter.settle(long_stream.ticket, 900)

    # 200 already counted for a whole window; the 700 still owed counts from now.
    assert not (await limiter.admit(specs, 301)).allowed
    assert (await limiter.admit(specs, 300)).allowed


async def test_tpm_retry_after_waits_until_enough_tokens_leave_the_window(harness):
    limiter = harness.make(window_s=1.0)
    specs = [LimitSpec(PROJECT, tpm=100)]
    assert (await limiter.admit(specs, 30)).allowed
    await harness.advance(0.4)
    assert (await limiter.admit(specs, 70)).allowed

    refused = await limiter.admit(specs, 20)

    # The first 30 tokens are enough; they leave ~0.6 s from now, long before the 70 do.
    assert not refused.allowed
    assert 0.3 < refused.retry_after_s <= 0.6
    assert refused.reason == f"tpm limit of {PROJECT} (100/1s) reached"
    assert refused.headers["x-ratelimit-remaining-tokens"] == "0"


async def test_request_reserving_more_than_the_whole_tpm_is_refused_with_advice(harness):
    limiter = harness.make()
    refused = await limiter.admit([LimitSpec(PROJECT, tpm=100)], 101)
    assert not refused.allowed
    assert "lower max_tokens" in refused.reason


async def test_concurrency_slot_is_released_on_settle(harness):
    limiter = harness.make()
    specs = [LimitSpec(PROJECT, max_concurrent=2)]
    a = await limiter.admit(specs, 0)
    b = await limiter.admit(specs, 0)
    assert a.allowed and b.allowed
    refused = await limiter.admit(specs, 0)
    assert not refused.allowed and refused.retry_after_s > 0
    assert refused.reason == f"concurrency limit of {PROJECT} (2 in flight) reached"

    await limiter.settle(a.ticket, 0)

    assert (await limiter.admit(specs, 0)).allowed


async def test_second_settle_of_a_ticket_changes_nothing(harness):
    limiter = harness.make()
    specs = [LimitSpec(PROJECT, tpm=1000, max_concurrent=1)]
    a = await limiter.admit(specs, 500)
    await limiter.settle(a.ticket, 100)
    b = await limiter.admit(specs, 500)
    assert b.allowed  # 100 + 500 used, b holds the only slot

    await limiter.settle(a.ticket, 0)  # would refund 100 and free b's slot if it were not a no-op
    await limiter.settle(a.ticket, 900)

    assert not (await limiter.admit(specs, 0)).allowed  # b still holds the slot
    await limiter.settle(b.ticket, 500)
    assert not (await limiter.admit(specs, 401)).allowed
    assert (await limiter.admit(specs, 400)).allowed


async def test_refusal_by_the_key_scope_charges_nothing_to_the_project_scope(harness):
    limiter = harness.make()
    project = LimitSpec(PROJECT, rpm=10, tpm=1000, max_concurrent=5)
    key = LimitSpec(KEY, rpm=1)
    assert (await limiter.admit([project, key], 100)).allowed

    for _ in range(5):
        refused = await limiter.admit([project, key], 100)
        assert not refused.allowed and refused.reason.startswith(f"rpm limit of {KEY}")

    other_key = await limiter.admit([project, LimitSpec("key:kid_other")], 100)
    assert other_key.headers["x-ratelimit-remaining-requests"] == "8"  # 10 - the two admitted
    assert other_key.headers["x-ratelimit-remaining-tokens"] == "800"


async def test_headers_report_the_tightest_scope(harness):
    limiter = harness.make()
    project = LimitSpec(PROJECT, rpm=100, tpm=500)
    key = LimitSpec(KEY, rpm=5, tpm=10_000)

    a = await limiter.admit([project, key], 50)

    assert a.headers["x-ratelimit-limit-requests"] == "5"  # the key has fewer requests left
    assert a.headers["x-ratelimit-remaining-requests"] == "4"
    assert a.headers["x-ratelimit-limit-tokens"] == "500"  # the project has fewer tokens left
    assert a.headers["x-ratelimit-remaining-tokens"] == "450"


async def test_none_means_unlimited(harness):
    limiter = harness.make()
    open_specs = [LimitSpec(PROJECT), LimitSpec(KEY, rpm=None, tpm=None, max_concurrent=None)]
    for _ in range(50):
        a = await limiter.admit(open_specs, 10**9)
        assert a.allowed and a.headers == {}
        await limiter.settle(a.ticket, 10**9)

    tokens_only = [LimitSpec(PROJECT, tpm=100)]
    for _ in range(20):
        a = await limiter.admit(tokens_only, 1)
        assert a.allowed and "x-ratelimit-limit-requests" not in a.headers


async def test_slot_of_a_replica_that_never_settles_is_reclaimed_when_its_lease_ends(harness):
    crashed = harness.make(lease_s=0.5)
    survivor = harness.make(lease_s=0.5)  # another replica on the same store (memory: same process)
    specs = [LimitSpec(PROJECT, max_concurrent=1)]
    assert (await crashed.admit(specs, 0)).allowed  # ... and the replica dies before settling
    if harness.kind == "memory":
        survivor = crashed  # in-process counts live and die with their process
    assert not (await survivor.admit(specs, 0)).allowed

    await harness.advance(0.6)

    assert (await survivor.admit(specs, 0)).allowed


async def test_zero_limits_refuse_everything(harness):
    limiter = harness.make()
    for spec in (LimitSpec(PROJECT, rpm=0), LimitSpec(PROJECT, max_concurrent=0), LimitSpec(PROJECT, tpm=0)):
        refused = await limiter.admit([spec], 1)
        assert not refused.allowed and refused.retry_after_s > 0


async def test_negative_reservation_is_a_caller_bug(harness):
    with pytest.raises(ValueError, match="reserve_tokens"):
        await harness.make().admit([LimitSpec(PROJECT, tpm=10)], -1)


async def test_health_is_true_when_the_store_answers(harness):
    limiter = harness.make()
    assert await limiter.health() is True
    assert limiter.fail_open_admits == 0
