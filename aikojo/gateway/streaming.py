"""Server-sent events for streamed completions.

The output guardrails see the stream through a bounded hold-back buffer (text is released at sentence
boundaries once scanned); a block mid-stream ends it with ``data: {"error": …}`` then ``data: [DONE]``.
The audit record is committed before ``data: [DONE]``; when the client disconnects, the generation is
cancelled and the record is still written (shielded from the cancellation), with status ``cancelled``."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import anyio
import orjson
from fastapi.responses import StreamingResponse

from aikojo.errors import ContentBlocked, KojoError
from aikojo.gateway import openai_protocol as wire
from aikojo.gateway.offload import off_loop
from aikojo.gateway.pipeline import Call, _note_guard, aclose_quietly, digest, error_status, finish
from aikojo.gateway.state import GatewayState
from aikojo.serving.backend import GenerationRequest, Usage

SSE_HEADERS = {"cache-control": "no-cache", "x-accel-buffering": "no"}


def _sse(obj: dict) -> bytes:
    return b"data: " + orjson.dumps(obj) + b"\n\n"


DONE = b"data: [DONE]\n\n"


class _Chunks:
    def __init__(self, call: Call) -> None:
        self.call = call
        self.created = int(time.time())
        self.chat = call.kind == "chat"

    def text(self, text: str, finish_reason: str | None = None) -> bytes:
        c = self.call
        if self.chat:
            return _sse(wire.chat_chunk(c.request_id, c.model, self.created, {"content": text} if text else {},
                                        finish_reason))
        return _sse(wire.completion_chunk(c.request_id, c.model, self.created, text, finish_reason))

    def role(self) -> bytes:
        return _sse(wire.chat_chunk(self.call.request_id, self.call.model, self.created,
                                    {"role": "assistant", "content": ""}))

    def usage(self) -> bytes:
        u = self.call.usage or Usage(0, 0)
        return _sse(wire.usage_chunk(self.call.request_id, self.call.model, self.created,
                                     wire.usage_dict(u.prompt_tokens, u.completion_tokens), chat=self.chat))


def _wants_usage(call: Call) -> bool:
    opts = call.body.stream_options
    return bool(opts and opts.include_usage)


def stream_response(gw: GatewayState, call: Call, greq: GenerationRequest, guard: Any) -> StreamingResponse:
    return StreamingResponse(_events(gw, call, greq, guard), media_type="text/event-stream",
                             headers={**call.headers(), **SSE_HEADERS})


def short_circuit_stream(gw: GatewayState, call: Call, text: str) -> StreamingResponse:
    async def events() -> AsyncIterator[bytes]:
        chunks = _Chunks(call)
        if chunks.chat:
            yield chunks.role()
        yield chunks.text(text)
        yield chunks.text("", "stop")
        if _wants_usage(call):
            yield chunks.usage()
        async for tail in _finish_then_done(gw, call):
            yield tail
    return StreamingResponse(events(), media_type="text/event-stream", headers={**call.headers(), **SSE_HEADERS})


async def _events(gw: GatewayState, call: Call, greq: GenerationRequest, guard: Any) -> AsyncIterator[bytes]:
    chunks = _Chunks(call)
    pieces: list[str] = []
    completed = False
    audit_error: KojoError | None = None
    try:
        if chunks.chat:
            yield chunks.role()
        finish_reason = "stop"
        async for text, reason in _guarded_deltas(gw, call, greq, guard):
            if text:
                pieces.append(text)
                yield chunks.text(text)
            if reason:
                finish_reason = reason
        yield chunks.text("", finish_reason)
        if _wants_usage(call):
            yield chunks.usage()
        completed = True
    except KojoError as exc:
        call.status, call.error = error_status(exc), type(exc).__name__
        if call.trace:  # the stage still open (the backend) ends with it
            call.trace.fail(exc)
        completed = True
        yield _sse(exc.envelope())
    except BaseException as gone:  # the client went away (GeneratorExit / cancellation), or a bug
        if call.trace:
            call.trace.fail(gone)
        raise
    finally:
        # Reached on normal completion too: the audit record is committed before [DONE] goes out.
        call.response_digest = digest(gw, "".join(pieces))
        with anyio.CancelScope(shield=True):
            if not completed:
                call.status, call.error = "cancelled", "ClientDisconnected"
            if call.usage is None:  # stopped before the backend reported usage: count what was produced
                call.usage = Usage(max(0, call.reserved - greq.max_tokens), len(pieces))
            try:
                await finish(gw, call)
            except KojoError as exc:
                audit_error = exc
            gw.metrics.in_flight.dec()
            if call.trace:  # the server span lasts as long as the stream
                call.trace.end(call, status_code=200)
    if audit_error is not None:
        yield _sse(audit_error.envelope())
    yield DONE


async def _finish_then_done(gw: GatewayState, call: Call) -> AsyncIterator[bytes]:
    with anyio.CancelScope(shield=True):
        try:
            await finish(gw, call)
            failure = None
        except KojoError as exc:
            failure = exc
        gw.metrics.in_flight.dec()
        if call.trace:
            call.trace.end(call, status_code=200)
    if failure is not None:
        yield _sse(failure.envelope())
    yield DONE


async def _guarded_deltas(gw: GatewayState, call: Call, greq: GenerationRequest, guard: Any
                          ) -> AsyncIterator[tuple[str, str | None]]:
    """Backend deltas through the output stream filter; raises ContentBlocked to stop the stream."""
    from aikojo.guardrails import GuardrailBlocked

    stream_filter = guard[0].stream_filter(vault=guard[1]) if guard else None
    heavy = bool(guard and guard[0].heavy)
    if stream_filter is not None:
        feed, flush = stream_filter.feed, stream_filter.finish
    route, t, guard_span = call.route, call.trace, None
    t0 = time.perf_counter()
    if t:  # the backend span (and the output guardrails') end when the stream does, not when handle() returned
        t.stage("kojo.backend", client=True)
    async with gw.gate(route).slot(call.caller.project.priority, call.project):
        if t:
            greq.trace_headers = t.backend(call)
            if stream_filter is not None:
                guard_span = t.stream_guard()
                feed, flush = guard_span.timed(feed), guard_span.timed(flush)
        agen = route.backend.stream(greq)
        try:
            async for delta in agen:
                if call.ttft_s is None and delta.text:
                    call.ttft_s = time.perf_counter() - call.started
                    if t:
                        t.first_token(call)
                if delta.usage is not None:
                    call.usage = delta.usage
                out = [delta.text] if stream_filter is None else (
                    await off_loop(heavy and stream_filter.would_scan(delta.text), feed, delta.text)
                    if delta.text else [])
                if delta.finish_reason and stream_filter is not None:
                    out += await off_loop(heavy, flush)
                for piece in out:
                    yield piece, None
                if delta.finish_reason:
                    yield "", delta.finish_reason
        except GuardrailBlocked as blocked:
            exc = ContentBlocked(blocked.rule, blocked.message)
            if guard_span is not None:
                guard_span.blocked(exc)
            raise exc
        finally:
            call.backend_s += time.perf_counter() - t0
            await aclose_quietly(agen)
            if guard_span is not None:
                guard_span.end()
            if stream_filter is not None:
                actions = getattr(stream_filter, "actions_taken", [])
                summary = getattr(stream_filter, "summary", {})
                if actions or summary:
                    _note_guard(gw, call, "output", list(actions), dict(summary))
    if t:
        t.done()
