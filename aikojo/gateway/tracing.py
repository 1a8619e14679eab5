"""Optional OpenTelemetry tracing of the request pipeline (``KOJO_TRACING=console|otlp``): a SERVER span per
``/v1`` request (joining the caller's W3C ``traceparent``), a child span per stage, ``traceparent`` passed on to
OpenAI-compatible upstreams, the trace id in the audit record. Attributes hold names, statuses, ids and counts
only — never keys, prompts, answers or error messages (an upstream's error text can quote the prompt).

Off (the default) this module is never imported. Spans get their parent explicitly, never made "current" (no
contextvar attach): a stream's stages run in an async generator that Starlette iterates in another task after
``handle`` returned, where a token attached elsewhere cannot be detached; so the upstream gets its headers
through ``GenerationRequest.trace_headers``, not from the current context."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, format_trace_id
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

from aikojo import __version__
from aikojo.errors import InvalidInput, KojoError
from aikojo.settings import Settings

# W3C trace context only, in and out: the gateway is a trust boundary, so a caller's baggage is not forwarded.
W3C = TraceContextTextMapPropagator()

if TYPE_CHECKING:
    from fastapi import Request

    from aikojo.gateway.pipeline import Call


def otlp_exporter_class() -> type[SpanExporter]:
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    except ImportError:
        raise InvalidInput("KOJO_TRACING=otlp needs the OTLP/HTTP exporter, which is not installed: pip install "
                           "'aikojo[tracing]' (or opentelemetry-exporter-otlp-proto-http)", param="tracing")
    return OTLPSpanExporter


def otlp_traces_url(endpoint: str | None) -> str | None:
    # A base URL, like OTEL_EXPORTER_OTLP_ENDPOINT (None: the exporter reads OTEL_EXPORTER_OTLP_*, else :4318).
    base = (endpoint or "").rstrip("/")
    return None if not base else base if base.endswith("/v1/traces") else base + "/v1/traces"


def make_exporter(settings: Settings) -> SpanExporter:
    if settings.tracing == "console":
        return ConsoleSpanExporter()
    return otlp_exporter_class()(endpoint=otlp_traces_url(settings.otlp_endpoint))


def setup(settings: Settings, exporter: SpanExporter | None = None) -> Tracing:
    """``exporter`` replaces the configured one (tests, embedding). OTEL_SERVICE_NAME still wins; sampling
    follows OTEL_TRACES_SAMPLER (default parent-based always-on: a caller's "not sampled" flag is honoured)."""
    resource = Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME") or "aikojo-gateway",
                                "service.version": __version__})
    provider = TracerProvider(resource=resource)
    # Batched: the export (a network call for OTLP) happens on the processor's thread, off the request path.
    provider.add_span_processor(BatchSpanProcessor(exporter or make_exporter(settings)))
    return Tracing(provider)


class Tracing:
    """One app's provider and tracer. Not installed as the global provider: several apps in one process (the
    tests) each keep their own exporter, and nothing else in the gateway reads the global one."""

    def __init__(self, provider: TracerProvider) -> None:
        self.provider, self.tracer = provider, provider.get_tracer("aikojo.gateway", __version__)

    def begin(self, request: Request, call: Call) -> RequestTrace:
        scope = request.scope
        # The route template (/p/{tenant}/{project}/v1/...) keeps span names few; the fast routes have none.
        method, path = scope["method"], getattr(scope.get("route"), "path", None) or scope["path"]
        attrs = {"http.request.method": method, "http.route": path, "kojo.request_id": call.request_id}
        return RequestTrace(self.tracer, self.tracer.start_span(
            f"{method} {path}", context=W3C.extract(request.headers), kind=SpanKind.SERVER, attributes=attrs))


class RequestTrace:
    """The spans of one request. Stages run one after another, so a cursor: ``stage(name)`` ends the open one
    and starts the next; the pipeline's ``if t: t.stage(...)`` is all tracing costs when off (a no-op ``with``
    costs ~0.2 µs a stage). An error belongs to the open stage (``fail``): status ERROR, ``error.type`` = code."""

    __slots__ = ("_seen", "current", "error_code", "parent", "recording", "server", "status_code", "trace_id", "tracer")

    def __init__(self, tracer: trace.Tracer, server: Span) -> None:
        self.tracer, self.server, self.parent = tracer, server, trace.set_span_in_context(server)
        self.trace_id = format_trace_id(server.get_span_context().trace_id)  # 32 hex, for the audit record
        self.recording = server.is_recording()
        self.current: Span | None = None  # the open stage
        self._seen: BaseException | None = None  # the last error recorded, so that it is recorded once
        self.status_code, self.error_code = 200, None  # of the response, from the last error recorded

    def start(self, name: str, client: bool = False) -> Span:
        kind = SpanKind.CLIENT if client else SpanKind.INTERNAL
        # Sampled out: its stages would be no-op spans too, so the server's own no-op span stands in for them.
        return self.tracer.start_span(name, context=self.parent, kind=kind) if self.recording else self.server

    def stage(self, name: str, client: bool = False) -> None:
        self.done()
        self.current = self.start(name, client)

    def done(self) -> None:
        if self.current is not None:
            self.current.end()
            self.current = None

    def fail(self, exc: BaseException) -> None:
        """``exc`` ended the open stage (a no-op for an error already recorded, e.g. by ``StreamGuard``)."""
        if exc is not self._seen:
            self.record(self.current, exc)
        self.done()

    def record(self, span: Span | None, exc: BaseException) -> None:
        self._seen = exc
        if not isinstance(exc, Exception):  # cancelled: the client went away, not an error of the gateway
            if span is not None:
                span.set_attribute("kojo.cancelled", True)
            return
        kojo = isinstance(exc, KojoError)
        self.error_code, self.status_code = (exc.code, exc.status) if kojo else ("internal_error", 500)
        if span is not None:
            _set_error(span, self.error_code)

    def backend(self, call: Call) -> dict[str, str]:
        """The backend slot is ours: note it on the backend span, and return the headers (``traceparent``,
        ``tracestate``) that carry that span to an OpenAI-compatible upstream."""
        span = self.current
        span.add_event("slot_acquired")
        span.set_attribute("kojo.backend", call.route.backend.name)
        if call.route.adapter is not None:
            span.set_attribute("kojo.adapter", call.route.adapter.served_name)
        carrier: dict[str, str] = {}
        W3C.inject(carrier, context=trace.set_span_in_context(span))
        return carrier

    def first_token(self, call: Call) -> None:
        self.current.add_event("first_token")  # on the backend span
        self.current.set_attribute("kojo.ttft_ms", round(call.ttft_s * 1000, 3))

    def stream_guard(self) -> StreamGuard:
        return StreamGuard(self)

    def end(self, call: Call, exc: BaseException | None = None, status_code: int | None = None) -> None:
        """Close the open stage and the server span (``exc``: what escaped the handler, if anything)."""
        if exc is not None:
            self.fail(exc)
        self.done()
        attrs: dict[str, Any] = {"http.response.status_code": status_code or self.status_code,
                                 "kojo.status": call.status, "kojo.kind": call.kind}
        info = call.caller.project if call.caller is not None else None
        if info is not None:
            attrs["kojo.tenant"], attrs["kojo.project"] = info.tenant, info.name
        if call.body is not None:
            attrs["kojo.model"], attrs["kojo.stream"] = call.body.model, bool(call.body.stream)
        if call.usage is not None:
            attrs["gen_ai.usage.input_tokens"] = call.usage.prompt_tokens
            attrs["gen_ai.usage.output_tokens"] = call.usage.completion_tokens
        if call.guard_actions:
            attrs["kojo.guardrails.actions"] = list(call.guard_actions)  # e.g. input:mask (no content)
        self.server.set_attributes(attrs)
        if self.error_code is not None:
            _set_error(self.server, self.error_code)
        self.server.end()


class StreamGuard:
    """The output guardrails of a stream. Their checks run between chunks, interleaved with the backend, so
    the span covers the stream and ``kojo.guardrails.filter_ms`` says how much of it was the filter."""

    def __init__(self, rt: RequestTrace) -> None:
        self.rt, self.span, self.seconds = rt, rt.start("kojo.guardrails.output"), 0.0

    def timed(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args)
            finally:
                self.seconds += time.perf_counter() - t0
        return run

    def blocked(self, exc: KojoError) -> None:
        self.rt.record(self.span, exc)  # the guardrails' outcome: the backend span ends without an error

    def end(self) -> None:
        self.span.set_attribute("kojo.guardrails.filter_ms", round(self.seconds * 1000, 3))
        self.span.end()


def _set_error(span: Span, code: str) -> None:
    span.set_status(Status(StatusCode.ERROR, code))
    span.set_attribute("error.type", code)
