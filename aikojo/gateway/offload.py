"""Running CPU-heavy guardrail work off the event loop (see ``off_loop``)."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import anyio

T = TypeVar("T")


async def off_loop(heavy: bool, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``, in a worker thread when ``heavy``: a policy with the names detector spends tens of
    milliseconds per kilobyte (and its first use loads GiNZA), which on the event loop would stall every other
    request of this worker. The ~1 ms default guardrails stay inline, where a thread hop would cost more than it
    saves. Heavy work has its own limiter (two calls at a time; the names detector runs one text at a time anyway),
    so it never holds the default limiter's tokens that key look-ups, /readyz and the admin API wait for."""
    if not heavy:
        return fn(*args)
    return await anyio.to_thread.run_sync(fn, *args, limiter=_heavy_limiter())


_HEAVY_LIMITERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary())


def _heavy_limiter() -> anyio.CapacityLimiter:
    """One limiter per event loop (a limiter belongs to the loop that made it; tests run several loops)."""
    loop = asyncio.get_running_loop()
    limiter = _HEAVY_LIMITERS.get(loop)
    if limiter is None:
        limiter = _HEAVY_LIMITERS[loop] = anyio.CapacityLimiter(2)
    return limiter
