"""A running batch: left-padded rows sharing one KV cache, advanced one token per step.

Our own decode loop over `model(...)` (rather than `generate`) so that every step can stream each row's new
text, stop a row on its own end token, stop string or max_tokens, drop rows whose client went away, and
let newly arrived requests join between steps (continuous batching).

Layout: the cache and `mask` have one column per past position; rows are right-aligned (left padding), and
each row's rotary position is counted from its mask, so padding never shifts a row's positions. A row that
joins later is prefilled on its own and spliced in by padding the shorter side on the left.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch

from aikojo.serving.local.sampling import Sampling, sample_next
from aikojo.serving.local.text import TextTracker

Forward = Callable[..., torch.Tensor]  # AdapterCache.forward


@dataclass(eq=False)
class Row:
    """One request inside the engine. Built on the event loop; owned by the worker thread once queued."""

    prompt_ids: list[int]
    max_new_tokens: int
    adapter: str  # "__base__" or a served adapter name
    adapter_path: str | None
    sampling: Sampling
    text: TextTracker
    ignore_eos: bool
    loop: asyncio.AbstractEventLoop  # the requester's event loop and queue: StreamDeltas, or an exception
    queue: asyncio.Queue[Any]
    cancelled: bool = False  # set by the consumer when it stops listening; read by the worker each step
    completion_tokens: int = 0


class Outbox:
    """Hands the worker's deltas to the requesters' event loops: one `call_soon_threadsafe` per loop per step
    rather than one per row, because each of those wakes the loop with a socket write."""

    def __init__(self) -> None:
        self._by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Row, Any]]] = {}

    def put(self, row: Row, item: Any) -> None:
        self._by_loop.setdefault(row.loop, []).append((row, item))

    def send(self, row: Row, item: Any) -> None:
        self.put(row, item)
        self.flush()

    def flush(self) -> None:
        for loop, items in self._by_loop.items():
            try:
                loop.call_soon_threadsafe(_deliver, items)
            except RuntimeError:  # that loop is closed: nobody is listening any more
                for row, _ in items:
                    row.cancelled = True
        self._by_loop.clear()


def _deliver(items: list[tuple[Row, Any]]) -> None:
    for row, item in items:
        row.queue.put_nowait(item)


def _left_pad(t: torch.Tensor, n: int, dim: int) -> torch.Tensor:
    if n == 0:
        return t
    shape = list(t.shape)
    shape[dim] = n
    return torch.cat([t.new_zeros(shape), t], dim=dim)


def new_cache(config: Any) -> Any:
    from transformers import DynamicCache

    try:
        return DynamicCache(config=config)
    except TypeError:  # older transformers: no config argument
        return DynamicCache()


def _splicable(cache: Any) -> bool:
    """Joining and trimming edit the cache tensors directly, which is only sound for plain full-attention
    layers; models with sliding-window or other cache layers run each batch to its end instead."""
    from transformers.cache_utils import DynamicLayer

    layers = getattr(cache, "layers", None)
    return bool(layers) and all(type(layer) is DynamicLayer for layer in layers)


class Batch:
    """Rows generated together; `key` says which requests may join (see AdapterCache.batch_key)."""

    def __init__(self, key: str, rows: list[Row], cache: Any, mask: torch.Tensor, next_tokens: list[int]) -> None:
        self.key = key
        self.rows = rows
        self.cache = cache
        self.mask = mask
        self.next_tokens = next_tokens  # chosen for each row, not yet fed to the model
        self.splicable = _splicable(cache)

    @classmethod
    def prefill(
        cls, key: str, rows: list[Row], forward: Forward, *, config: Any, pad_id: int, device: torch.device
    ) -> Batch:
        longest = max(len(r.prompt_ids) for r in rows)
        ids = torch.full((len(rows), longest), pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), longest), dtype=torch.long)
        for i, r in enumerate(rows):
            n = len(r.prompt_ids)
            ids[i, longest - n :] = torch.tensor(r.prompt_ids, dtype=torch.long)
            mask[i, longest - n :] = 1
        ids, mask = ids.to(device), mask.to(device)
        positions = (mask.cumsum(dim=1) - 1).clamp(min=0)
        cache = new_cache(config)
        logits = forward(
            key, [r.adapter for r in rows], input_ids=ids, attention_mask=mask, position_ids=positions, cache=cache
        )
        return cls(key, rows, cache, mask, sample_next(logits, [r.sampling for r in rows]))

    def step(self, forward: Forward) -> list[int]:
        """Feed each row's chosen token, choose the next one."""
        device = self.mask.device
        positions = self.mask.sum(dim=1, keepdim=True)
        self.mask = torch.cat([self.mask, self.mask.new_ones((len(self.rows), 1))], dim=1)
        ids = torch.tensor(self.next_tokens, dtype=torch.long, device=device).unsqueeze(1)
        logits = forward(
            self.key,
            [r.adapter for r in self.rows],
            input_ids=ids,
            attention_mask=self.mask,
            position_ids=positions,
            cache=self.cache,
        )
        self.next_tokens = sample_next(logits, [r.sampling for r in self.rows])
        return self.next_tokens

    def keep(self, indices: list[int]) -> None:
        """Drop every row not in `indices` (finished or cancelled) from the batch and its cache."""
        if len(indices) == len(self.rows):
            return
        self.rows = [self.rows[i] for i in indices]
        self.next_tokens = [self.next_tokens[i] for i in indices]
        if not indices:
            return
        index = torch.tensor(indices, dtype=torch.long, device=self.mask.device)
        self.mask = self.mask[index]
        self.cache.batch_select_indices(index)
        if self.splicable:
            self._trim()

    def _trim(self) -> None:
        """Cut leading columns that are padding in every remaining row (left over from departed long rows)."""
        used = self.mask.any(dim=0).nonzero()
        first = int(used[0]) if len(used) else 0
        if first == 0:
            return
        self.mask = self.mask[:, first:]
        for layer in self.cache.layers:
            layer.keys = layer.keys[..., first:, :]
            layer.values = layer.values[..., first:, :]

    def absorb(self, other: Batch) -> None:
        """Splice a freshly prefilled batch into this running one."""
        width = max(self.mask.shape[1], other.mask.shape[1])
        pad_self, pad_other = width - self.mask.shape[1], width - other.mask.shape[1]
        for mine, theirs in zip(self.cache.layers, other.cache.layers, strict=True):
            mine.keys = torch.cat([_left_pad(mine.keys, pad_self, -2), _left_pad(theirs.keys, pad_other, -2)])
            mine.values = torch.cat([_left_pad(mine.values, pad_self, -2), _left_pad(theirs.values, pad_other, -2)])
        self.mask = torch.cat([_left_pad(self.mask, pad_self, 1), _left_pad(other.mask, pad_other, 1)])
        self.rows = self.rows + other.rows
        self.next_tokens = self.next_tokens + other.next_tokens
