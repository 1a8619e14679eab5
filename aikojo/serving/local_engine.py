"""The embedded inference backend: a transformers causal LM with PEFT LoRA adapters, batched dynamically.

One worker thread owns the model. Requests from the asyncio side are queued; the worker starts a batch from
the oldest request and every compatible one waiting (up to `max_batch`, after at most `batch_wait_ms` for
more to arrive), then advances it one token per step. Between steps, requests that arrived meanwhile join
the running batch, and finished or abandoned rows leave it. Each row's new text goes to its request's asyncio
queue through `loop.call_soon_threadsafe`, so the event loop never waits on the model.

Compatibility: rows with any mix of plain LoRA adapters and the base model share a batch (PEFT's per-row
`adapter_names`); a DoRA adapter's rows batch only with each other (see local/adapters.py). Sampling settings
never split batches: temperature, top_p and seed are applied per row after the forward pass (local/sampling.py).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any

import torch

from aikojo.errors import BackendUnavailable, InvalidInput, KojoError
from aikojo.serving.backend import GenerationRequest, GenerationResult, StreamDelta, Usage
from aikojo.serving.chat import escape_control_tokens
from aikojo.serving.loading import load_causal_lm
from aikojo.serving.local.adapters import BASE, AdapterCache, AdapterCacheFull, AdapterLoadError
from aikojo.serving.local.batch import Batch, Outbox, Row
from aikojo.serving.local.sampling import make_sampling
from aikojo.serving.local.text import TextTracker

log = logging.getLogger(__name__)

__all__ = ["AdapterLoadError", "LocalEngine"]


class LocalEngine:
    """Backend serving one local model and its adapters. See the module docstring for how batching works.

    `cpu_threads` sets how many threads the model's CPU kernels use in the worker (None: torch's default, one
    per core). On a small machine where the event loop and other processes share the cores, 1 is much faster:
    OpenMP threads that wait for a busy core stall every step.

    Counters for metrics (plain ints, read from any thread): `batches_run`, `max_batch_seen`, `rows_joined`
    (requests that joined an already running batch), `rows_cancelled`, `tokens_generated`, `steps_run`,
    `adapter_loads`, `adapter_evictions`.
    """

    def __init__(
        self,
        name: str,
        model_path: str,
        *,
        device: str = "auto",
        max_batch: int = 8,
        adapter_cache_size: int = 8,
        trust_remote_code: bool = False,
        allow_pickle_weights: bool = False,
        batch_wait_ms: float = 2.0,
        cpu_threads: int | None = None,
    ) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self.name = name
        self.model_path = model_path
        self.max_batch = max_batch
        self.batch_wait_s = max(0.0, batch_wait_ms) / 1000.0
        self.cpu_threads = cpu_threads
        self._model, self._tokenizer = load_causal_lm(
            model_path, device=device, trust_remote_code=trust_remote_code, allow_pickle_weights=allow_pickle_weights
        )
        self.device: torch.device = next(self._model.parameters()).device
        self._adapters = AdapterCache(self._model, adapter_cache_size, allow_pickle_weights=allow_pickle_weights)
        # The Rust tokenizer is used from the event loop (encode) and the worker (decode); concurrent use of
        # one instance can fail with "Already borrowed", so every call takes this lock.
        self._tok_lock = threading.Lock()
        self._eos_ids = self._end_token_ids()
        self._pad_id = self._tokenizer.pad_token_id if self._tokenizer.pad_token_id is not None else 0
        self._context = int(getattr(self._model.config, "max_position_embeddings", 0) or 0)

        self.batches_run = 0
        self.max_batch_seen = 0
        self.rows_joined = 0
        self.rows_cancelled = 0
        self.tokens_generated = 0
        self.steps_run = 0  # forward passes (prefills included); tokens_generated / steps_run = mean batch size

        self._cond = threading.Condition()
        self._pending: deque[Row] = deque()
        self._commands: deque[tuple[Callable[[], Any], concurrent.futures.Future[Any]]] = deque()
        self._batch: Batch | None = None
        self._outbox = Outbox()  # used by the worker thread only
        self._closing = False
        self._thread = threading.Thread(target=self._run, name=f"kojo-local-{name}", daemon=True)
        self._thread.start()

    # ---- counters and introspection -------------------------------------------------------------------

    @property
    def adapter_loads(self) -> int:
        return self._adapters.loads

    @property
    def adapter_evictions(self) -> int:
        return self._adapters.evictions

    @property
    def loaded_adapters(self) -> list[str]:
        """Adapters in memory, least recently used first."""
        return self._adapters.names

    @property
    def idle(self) -> bool:
        """No request running or waiting."""
        return self._batch is None and not self._pending

    @property
    def tokenizer(self) -> Any:
        return self._tokenizer

    # ---- Backend protocol -----------------------------------------------------------------------------

    def count_tokens(self, req: GenerationRequest) -> int | None:
        return len(self._encode(req))

    async def generate(self, req: GenerationRequest) -> GenerationResult:
        parts: list[str] = []
        async for delta in self.stream(req):
            parts.append(delta.text)
            if delta.finish_reason is not None:
                assert delta.usage is not None
                return GenerationResult(text="".join(parts), finish_reason=delta.finish_reason, usage=delta.usage)
        raise BackendUnavailable(f"Local model {self.name!r} ended a generation without finishing it.")

    async def stream(self, req: GenerationRequest) -> AsyncIterator[StreamDelta]:
        """Deltas as the model writes them; the last has finish_reason and usage. Closing this iterator
        early (client gone) drops the request from its batch at the next step."""
        queue: asyncio.Queue[Any] = asyncio.Queue()
        row = self._make_row(req, asyncio.get_running_loop(), queue)
        self._submit(row)
        done = False
        try:
            while True:
                item = await queue.get()
                if isinstance(item, BaseException):
                    done = True
                    raise item
                done = item.finish_reason is not None
                yield item
                if done:
                    return
        finally:
            if not done:
                row.cancelled = True  # the worker drops the row at its next step

    async def load_adapter(self, name: str, path: str) -> None:
        await self._call_in_worker(lambda: self._adapters.load(name, path, self._adapters_in_use()))

    async def unload_adapter(self, name: str) -> None:
        def unload() -> None:
            if name in self._adapters_in_use():
                raise AdapterCacheFull(name)  # retried by the worker once the running batch lets go of it
            self._adapters.unload(name)

        await self._call_in_worker(unload)

    async def health(self) -> bool:
        return self._thread.is_alive() and not self._closing

    async def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        await asyncio.to_thread(self._thread.join)

    # ---- request intake (event loop side) -------------------------------------------------------------

    def _encode(self, req: GenerationRequest) -> list[int]:
        if (req.messages is None) == (req.prompt is None):
            raise InvalidInput("Give exactly one of messages or prompt.", param="messages")
        with self._tok_lock:
            if req.messages is not None:
                try:
                    text = self._tokenizer.apply_chat_template(escape_control_tokens(self._tokenizer, req.messages),
                                                               add_generation_prompt=True, tokenize=False)
                except Exception as exc:  # jinja errors: a role the template refuses, a missing field…
                    raise InvalidInput(f"messages do not fit the model's chat template: {exc}", param="messages")
                # The template already wrote any special tokens (BOS…) it wants; don't add them twice.
                return list(self._tokenizer(text, add_special_tokens=False)["input_ids"])
            return list(self._tokenizer(req.prompt)["input_ids"])

    def _make_row(self, req: GenerationRequest, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[Any]) -> Row:
        if req.max_tokens < 1:
            raise InvalidInput("max_tokens must be at least 1.", param="max_tokens")
        if req.temperature < 0 or not 0 < req.top_p <= 1:
            raise InvalidInput("temperature must be ≥ 0 and top_p in (0, 1].", param="temperature")
        ids = self._encode(req)
        if not ids:
            raise InvalidInput("The prompt is empty.", param="prompt")
        max_new = req.max_tokens
        if self._context:
            if len(ids) >= self._context:
                raise InvalidInput(
                    f"The prompt is {len(ids)} tokens; model {self.name!r} reads at most {self._context}.",
                    param="messages" if req.messages is not None else "prompt",
                )
            max_new = min(max_new, self._context - len(ids))  # the context ends the answer: finish "length"
        return Row(
            prompt_ids=ids,
            max_new_tokens=max_new,
            adapter=req.adapter or BASE,
            adapter_path=req.adapter_path,
            sampling=make_sampling(req.temperature, req.top_p, req.seed, self.device),
            text=TextTracker(self._tokenizer, req.stop, self._tok_lock),
            # vLLM's extension, for benchmarks and load tests that need answers of a fixed length.
            ignore_eos=bool(req.passthrough.get("ignore_eos", False)),
            loop=loop,
            queue=queue,
        )

    def _submit(self, row: Row) -> None:
        with self._cond:
            if self._closing:
                raise BackendUnavailable(f"Local model {self.name!r} is shut down.")
            self._pending.append(row)
            self._cond.notify_all()

    async def _call_in_worker(self, fn: Callable[[], Any]) -> Any:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        with self._cond:
            if self._closing:
                raise BackendUnavailable(f"Local model {self.name!r} is shut down.")
            self._commands.append((fn, future))
            self._cond.notify_all()
        return await asyncio.wrap_future(future)

    def _end_token_ids(self) -> set[int]:
        ids: set[int] = set()
        for source in (getattr(self._model, "generation_config", None), self._tokenizer):
            value = getattr(source, "eos_token_id", None)
            if isinstance(value, int):
                ids.add(value)
            elif isinstance(value, list | tuple):
                ids.update(int(v) for v in value)
        return ids

    # ---- worker thread --------------------------------------------------------------------------------

    def _run(self) -> None:
        if self.cpu_threads and self.device.type == "cpu":
            # Thread-local under torch's OpenMP backend: only this worker's kernels use the new count.
            torch.set_num_threads(self.cpu_threads)
        try:
            with torch.inference_mode():
                while True:
                    with self._cond:
                        while not (self._closing or self._pending or self._commands or self._batch):
                            self._cond.wait()
                        if self._closing:
                            break
                        commands = list(self._commands)
                        self._commands.clear()
                    self._run_commands(commands)
                    if self._batch is None:
                        self._start_batch()
                    elif self._pending and self._batch.splicable and len(self._batch.rows) < self.max_batch:
                        self._join_batch()
                    if self._batch is not None:
                        self._step(self._batch)
        except BaseException as exc:  # a bug or an out-of-memory: fail loudly, never hang the callers
            log.exception("local engine %s worker stopped", self.name)
            self._fail_all(BackendUnavailable(f"Local model {self.name!r} stopped: {exc}"))
            raise
        self._fail_all(BackendUnavailable(f"Local model {self.name!r} is shut down."))

    def _run_commands(self, commands: list[tuple[Callable[[], Any], concurrent.futures.Future[Any]]]) -> None:
        for fn, future in commands:
            try:
                future.set_result(fn())
            except AdapterCacheFull:
                with self._cond:  # waits for the running batch to release the adapter
                    self._commands.append((fn, future))
            except BaseException as exc:
                future.set_exception(exc)

    def _adapters_in_use(self, extra: list[Row] | None = None) -> set[str]:
        rows = (self._batch.rows if self._batch else []) + (extra or [])
        return {r.adapter for r in rows}

    def _take(self, room: int, key: str | None) -> tuple[str | None, list[Row]]:
        """Up to `room` waiting rows of batch key `key` (None: the oldest live row's), oldest first.

        When joining a running batch (`key` given), stop at the first waiting row of another key, so that
        requests of a different kind are not starved by a batch that keeps being refilled."""
        joining = key is not None
        taken: list[Row] = []
        with self._cond:
            candidates = list(self._pending)
        for row in candidates:
            if len(taken) >= room:
                break
            if row.cancelled:
                self._discard(row)
                continue
            try:
                row_key = self._adapters.batch_key(row.adapter, row.adapter_path, self._adapters_in_use(taken))
            except AdapterCacheFull:
                if joining:
                    break
                continue
            except KojoError as exc:
                self._discard(row)
                self._outbox.send(row, exc)
                continue
            if key is None:
                key = row_key
            if row_key != key:
                if joining:
                    break
                continue
            self._discard(row)
            taken.append(row)
        return key, taken

    def _discard(self, row: Row) -> None:
        with self._cond, contextlib.suppress(ValueError):
            self._pending.remove(row)

    def _start_batch(self) -> None:
        with self._cond:
            if not self._pending:
                return
            # A burst of concurrent requests gets up to `batch_wait_s` to gather into one batch.
            deadline = time.monotonic() + self.batch_wait_s
            while len(self._pending) < self.max_batch and not self._closing:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._cond.wait(remaining):
                    break
        key, rows = self._take(self.max_batch, None)
        if key is None or not rows:
            return
        batch = self._prefill(key, rows)
        if batch is not None:
            self._batch = batch
            self.batches_run += 1
            self._advance(batch.next_tokens)

    def _join_batch(self) -> None:
        assert self._batch is not None
        _, rows = self._take(self.max_batch - len(self._batch.rows), self._batch.key)
        if not rows:
            return
        newcomers = self._prefill(self._batch.key, rows)
        if newcomers is None:
            return
        first = len(self._batch.rows)
        self._batch.absorb(newcomers)
        self.rows_joined += len(rows)
        self._advance(self._batch.next_tokens, start=first)

    def _step(self, batch: Batch) -> None:
        try:
            tokens = batch.step(self._adapters.forward)
        except Exception as exc:  # e.g. CUDA out of memory: fail this batch, keep serving the next ones
            log.exception("local engine %s: decode step failed", self.name)
            self._batch = None
            for row in batch.rows:
                self._outbox.put(row, BackendUnavailable(f"Local model {self.name!r} failed on this request: {exc}"))
            self._outbox.flush()
            return
        self._advance(tokens)

    def _prefill(self, key: str, rows: list[Row]) -> Batch | None:
        try:
            return Batch.prefill(
                key, rows, self._adapters.forward, config=self._model.config, pad_id=self._pad_id, device=self.device
            )
        except Exception as exc:
            log.exception("local engine %s: prefill failed", self.name)
            for row in rows:
                self._outbox.put(row, BackendUnavailable(f"Local model {self.name!r} failed on this request: {exc}"))
            self._outbox.flush()
            return None

    def _advance(self, tokens: list[int], start: int = 0) -> None:
        """Hand each row (from `start`) its new token: stream its text, finish it, or drop it."""
        batch = self._batch
        assert batch is not None
        self.steps_run += 1
        keep = list(range(start))
        for i in range(start, len(batch.rows)):
            row, token = batch.rows[i], tokens[i]
            if row.cancelled:
                self.rows_cancelled += 1
                continue
            row.completion_tokens += 1
            self.tokens_generated += 1
            if token in self._eos_ids and not row.ignore_eos:
                self._finish(row, "stop")
                continue
            text = row.text.add(token)
            if row.text.stopped:
                self._finish(row, "stop", text)
            elif row.completion_tokens >= row.max_new_tokens:
                self._finish(row, "length", text)
            else:
                if text:
                    self._outbox.put(row, StreamDelta(text=text))
                keep.append(i)
        self.max_batch_seen = max(self.max_batch_seen, len(batch.rows))
        self._outbox.flush()
        batch.keep(keep)
        if not batch.rows:
            self._batch = None

    def _finish(self, row: Row, reason: str, text: str = "") -> None:
        text += row.text.finish()
        if row.text.stopped:
            reason = "stop"
        usage = Usage(prompt_tokens=len(row.prompt_ids), completion_tokens=row.completion_tokens)
        self._outbox.put(row, StreamDelta(text=text, finish_reason=reason, usage=usage))

    def _fail_all(self, exc: KojoError) -> None:
        with self._cond:
            self._closing = True
            rows = list(self._pending) + (self._batch.rows if self._batch else [])
            self._pending.clear()
            commands = list(self._commands)
            self._commands.clear()
        self._batch = None
        for row in rows:
            self._outbox.put(row, exc)
        self._outbox.flush()
        for _, future in commands:
            if not future.done():
                future.set_exception(exc)
