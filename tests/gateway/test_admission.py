"""Who gets the backend under saturation: priority first, round-robin across projects within a priority,
FIFO within a project; cancelled waiters give their turn away; nothing leaks."""

from __future__ import annotations

import asyncio

import pytest

from aikojo.errors import BackendUnavailable
from aikojo.gateway.admission import PriorityGate


async def _saturate(gate: PriorityGate, arrivals: list[tuple[int, str]]) -> list[str]:
    """Hold the only slot, queue ``arrivals`` in order, then release and record the admission order."""
    order: list[str] = []
    hold = asyncio.Event()

    async def holder() -> None:
        async with gate.slot(0, "holder"):
            await hold.wait()

    async def waiter(priority: int, label: str) -> None:
        async with gate.slot(priority, label.split("#")[0]):
            order.append(label)
            await asyncio.sleep(0)

    first = asyncio.create_task(holder())
    await asyncio.sleep(0)
    tasks = []
    for priority, label in arrivals:
        tasks.append(asyncio.create_task(waiter(priority, label)))
        await asyncio.sleep(0)
    hold.set()
    await asyncio.gather(first, *tasks)
    return order


def test_higher_priority_goes_first_and_fifo_within_a_project():
    gate = PriorityGate(1)
    order = asyncio.run(_saturate(gate, [(1, "low#1"), (5, "high#1"), (1, "low#2"), (5, "high#2")]))
    assert order == ["high#1", "high#2", "low#1", "low#2"]
    assert gate.in_use == 0 and gate.waiting == 0


def test_projects_of_equal_priority_take_turns():
    gate = PriorityGate(1)
    arrivals = [(3, "busy#1"), (3, "busy#2"), (3, "busy#3"), (3, "quiet#1"), (3, "quiet#2")]
    order = asyncio.run(_saturate(gate, arrivals))
    assert order == ["busy#1", "quiet#1", "busy#2", "quiet#2", "busy#3"]


def test_a_cancelled_waiter_gives_its_turn_away():
    async def scenario() -> list[str]:
        gate = PriorityGate(1)
        order: list[str] = []
        hold = asyncio.Event()

        async def holder() -> None:
            async with gate.slot(0, "h"):
                await hold.wait()

        async def waiter(label: str) -> None:
            async with gate.slot(1, label):
                order.append(label)

        h = asyncio.create_task(holder())
        await asyncio.sleep(0)
        doomed = asyncio.create_task(waiter("doomed"))
        survivor = asyncio.create_task(waiter("survivor"))
        await asyncio.sleep(0)
        doomed.cancel()
        await asyncio.sleep(0)
        hold.set()
        await asyncio.gather(h, survivor, return_exceptions=True)
        assert gate.in_use == 0 and gate.waiting == 0
        return order

    assert asyncio.run(scenario()) == ["survivor"]


def test_waiting_too_long_is_a_clear_503():
    async def scenario() -> None:
        gate = PriorityGate(1, max_wait_s=0.05)
        async with gate.slot(0, "a"):
            with pytest.raises(BackendUnavailable, match="saturated"):
                async with gate.slot(0, "b"):
                    pass
        assert gate.in_use == 0 and gate.waiting == 0

    asyncio.run(scenario())
