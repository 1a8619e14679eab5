"""Who gets the backend when it is saturated: a concurrency gate per backend that admits waiting requests
by their project's priority (higher first) and round-robin across projects within a priority, so one busy
project cannot starve another of the same priority. FIFO within a project."""

from __future__ import annotations

import asyncio
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aikojo.errors import BackendUnavailable


class PriorityGate:
    def __init__(self, capacity: int, *, max_wait_s: float = 120.0) -> None:
        self.capacity = capacity
        self.max_wait_s = max_wait_s
        self.in_use = 0
        # priority -> project -> waiters; OrderedDict order is the round-robin order
        self._waiting: dict[int, OrderedDict[str, deque[asyncio.Future]]] = {}
        self.admitted_order: deque[str] = deque(maxlen=1000)  # recent admissions, for tests and debugging

    @property
    def waiting(self) -> int:
        return sum(len(q) for level in self._waiting.values() for q in level.values())

    @asynccontextmanager
    async def slot(self, priority: int, project: str) -> AsyncIterator[None]:
        await self._acquire(priority, project)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, priority: int, project: str) -> None:
        if self.in_use < self.capacity and not self._waiting:
            self.in_use += 1
            self.admitted_order.append(project)
            return
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(priority, OrderedDict()).setdefault(project, deque()).append(fut)
        try:
            await asyncio.wait_for(asyncio.shield(fut), timeout=self.max_wait_s)
        except (asyncio.CancelledError, TimeoutError) as exc:
            if fut.done() and not fut.cancelled():
                self._release()  # the slot was handed to us just as we gave up: pass it on
            else:
                fut.cancel()
                self._discard(priority, project, fut)
            if isinstance(exc, TimeoutError):
                raise BackendUnavailable(f"the backend stayed saturated for {self.max_wait_s:.0f}s; retry later")
            raise

    def _discard(self, priority: int, project: str, fut: asyncio.Future) -> None:
        level = self._waiting.get(priority)
        if level and project in level:
            try:
                level[project].remove(fut)
            except ValueError:
                pass
            if not level[project]:
                del level[project]
            if not level:
                del self._waiting[priority]

    def _release(self) -> None:
        # Hand the slot straight to the next waiter (in_use stays the same) or free it.
        while self._waiting:
            top = max(self._waiting)
            level = self._waiting[top]
            project, queue = next(iter(level.items()))
            fut = queue.popleft()
            level.move_to_end(project)  # round-robin: this project goes to the back of its priority
            if not queue:
                del level[project]
            if not level:
                del self._waiting[top]
            if not fut.done():
                fut.set_result(None)
                self.admitted_order.append(project)
                return
        self.in_use -= 1
