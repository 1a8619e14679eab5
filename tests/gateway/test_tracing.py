"""OpenTelemetry tracing (KOJO_TRACING): a real gateway (uvicorn in a thread, so spans land in an in-memory
exporter) in front of the mock upstream process, driven with the official openai client."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import openai
import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode, format_span_id, format_trace_id

from aikojo.audit.service import AuditQuery, list_records, verify_log
from aikojo.errors import InvalidInput
from aikojo.gateway.app import create_app
from aikojo.settings import UpstreamModel, load_settings
from aikojo.tenancy import key_service, service
from aikojo.tenancy.views import KeyCreate, ProjectCreate
from tests.gateway.conftest import free_port, serve_in_thread, start_mock, stop

PROMPT = "tracing-secret-prompt-7f3a please help"
PHONE = "090-1234-5678"
CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"
STAGES = {"kojo.authenticate", "kojo.parse", "kojo.authorise", "kojo.admit", "kojo.guardrails.input",
          "kojo.backend", "kojo.guardrails.output", "kojo.settle", "kojo.audit"}
# The default policy, less the injection detector: these tests are about spans, not about its trained model.
POLICY = "input:\n  injection: {enabled: false}\n"


@pytest.fixture(scope="module")
def upstream(tmp_path_factory) -> Iterator[tuple[str, object]]:
    here = tmp_path_factory.mktemp("upstream")
    record, rules = here / "received.jsonl", here / "rules.json"
    rules.write_text(json.dumps([{"if_contains": "agent", "reply": f"Call our agent at {PHONE} tomorrow. Thanks."}]))
    port = free_port()
    proc = start_mock(port, "--record", str(record), "--record-headers", "--chunk-delay-ms", "15",
                      "--rules", str(rules))
    yield f"http://127.0.0.1:{port}/v1", record
    stop(proc)


@pytest.fixture(autouse=True)
def _no_misuse_warnings(caplog):
    """The SDK only logs (never raises) when a span is ended twice or changed after its end."""
    yield
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("opentelemetry")]


def _key(p, admin) -> str:
    service.create_tenant(p, admin, "acme")
    service.create_project(p, admin, ProjectCreate(tenant="acme", name="claims", models=["mock"], rpm=1000))
    service.set_guardrail_policy(p, admin, "acme/claims", POLICY)
    return key_service.create_key(p, admin, KeyCreate(project="acme/claims")).key


@contextmanager
def gateway(p, upstream_url: str, tracing: str, exporter: InMemorySpanExporter | None = None, **extra
            ) -> Iterator[str]:
    """A gateway on a free port; on exit its lifespan ends, which flushes the batched spans."""
    settings = p.settings.model_copy(update={"engine": "none", "tracing": tracing, **extra,
                                             "upstreams": [UpstreamModel(name="mock", url=upstream_url)]})
    with serve_in_thread(create_app(settings, p, span_exporter=exporter)) as port:
        yield f"http://127.0.0.1:{port}/v1"


def _client(url: str, key: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=url, api_key=key, max_retries=0)


def _by_trace(spans) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in spans:
        out.setdefault(format_trace_id(s.context.trace_id), []).append(s)
    return out


def _server(spans):
    [server] = [s for s in spans if s.kind == SpanKind.SERVER]
    return server


def _children(spans, server) -> dict[str, object]:
    kids = [s for s in spans if s is not server]
    assert all(s.parent.span_id == server.context.span_id for s in kids), "stages are children of the request"
    return {s.name: s for s in kids}


def _sent(record) -> list[dict]:
    return [json.loads(line) for line in record.read_text().splitlines()]


def _inference_records(p) -> list:
    from aikojo.tenancy.roles import Actor

    rows = list_records(p, Actor.local(), AuditQuery(action="inference.", limit=None))
    return sorted(rows, key=lambda r: r.seq)


def _no_secrets(spans, *secrets: str) -> None:
    for s in spans:
        blob = json.dumps({"name": s.name, "attrs": dict(s.attributes),
                           "events": [(e.name, dict(e.attributes)) for e in s.events],
                           "status": s.status.description}, default=str)
        for secret in secrets:
            assert secret not in blob, f"{secret!r} leaked into span {s.name}"


def test_a_request_joins_the_callers_trace_and_the_upstream_joins_it(sqlite_platform, admin, upstream):
    url, record = upstream
    key = _key(sqlite_platform, admin)
    exporter = InMemorySpanExporter()
    with gateway(sqlite_platform, url, "console", exporter) as base:
        raw = _client(base, key).chat.completions.with_raw_response.create(
            model="mock", messages=[{"role": "user", "content": PROMPT + " taro.yamada@example.co.jp"}],
            max_tokens=16, extra_headers={"traceparent": f"00-{CALLER_TRACE}-{CALLER_SPAN}-01"})
        assert raw.parse().choices[0].message.content
        request_id = raw.headers["x-request-id"]
        sent = _sent(record)[-1]
    spans = exporter.get_finished_spans()
    assert set(_by_trace(spans)) == {CALLER_TRACE}  # every span, the server span included, is in the caller's trace
    server = _server(spans)
    assert server.name == "POST /v1/chat/completions" and format_span_id(server.parent.span_id) == CALLER_SPAN
    assert server.parent.is_remote
    attrs = dict(server.attributes)
    assert attrs["kojo.tenant"] == "acme" and attrs["kojo.project"] == "claims" and attrs["kojo.model"] == "mock"
    assert attrs["http.response.status_code"] == 200 and attrs["kojo.request_id"] == request_id
    assert attrs["kojo.status"] == "ok" and attrs["gen_ai.usage.output_tokens"] > 0
    assert server.resource.attributes["service.name"] == "aikojo-gateway"
    stages = _children(spans, server)
    assert set(stages) == STAGES
    backend = stages["kojo.backend"]
    assert backend.kind == SpanKind.CLIENT and backend.attributes["kojo.backend"] == "mock"
    assert [e.name for e in backend.events] == ["slot_acquired"]
    order = ["kojo.authenticate", "kojo.parse", "kojo.authorise", "kojo.admit", "kojo.guardrails.input",
             "kojo.backend", "kojo.guardrails.output", "kojo.settle", "kojo.audit"]
    starts = [stages[n].start_time for n in order]
    assert starts == sorted(starts) and server.end_time >= stages["kojo.audit"].end_time
    assert all(s.status.status_code == StatusCode.UNSET for s in spans)
    _no_secrets(spans, PROMPT, "taro.yamada", key, "sk-kojo")

    # The upstream was called inside the backend span and received its context.
    version, trace_id, parent_id, flags = sent["_headers"]["traceparent"].split("-")
    assert (version, trace_id, parent_id, flags) == ("00", CALLER_TRACE, format_span_id(backend.context.span_id), "01")

    [rec] = _inference_records(sqlite_platform)
    assert rec.details["trace_id"] == CALLER_TRACE and rec.request_id == request_id
    assert verify_log(sqlite_platform, admin).ok


def test_a_caller_that_does_not_sample_gets_no_spans_but_the_trace_goes_on(sqlite_platform, admin, upstream):
    url, record = upstream
    key = _key(sqlite_platform, admin)
    exporter = InMemorySpanExporter()
    with gateway(sqlite_platform, url, "console", exporter) as base:
        _client(base, key).chat.completions.create(
            model="mock", messages=[{"role": "user", "content": "hi"}],
            extra_headers={"traceparent": f"00-{CALLER_TRACE}-{CALLER_SPAN}-00"})
        sent = _sent(record)[-1]["_headers"]["traceparent"]
    assert exporter.get_finished_spans() == ()  # parent-based sampling: nothing recorded, nothing exported
    assert sent.startswith(f"00-{CALLER_TRACE}-") and sent.endswith("-00")  # the upstream won't sample either
    [rec] = _inference_records(sqlite_platform)
    assert rec.details["trace_id"] == CALLER_TRACE


def test_a_streams_stage_spans_end_when_the_stream_ends(sqlite_platform, admin, upstream):
    url, record = upstream
    key = _key(sqlite_platform, admin)
    exporter = InMemorySpanExporter()
    with gateway(sqlite_platform, url, "console", exporter) as base:
        stream = _client(base, key).chat.completions.create(
            model="mock", messages=[{"role": "user", "content": PROMPT}], stream=True,
            stream_options={"include_usage": True})
        text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
        assert text == "Hello from the mock upstream."
        sent = _sent(record)[-1]
    spans = exporter.get_finished_spans()
    [trace_id] = _by_trace(spans)  # no traceparent came in: a trace of its own
    server = _server(spans)
    stages = _children(spans, server)
    assert set(stages) == STAGES
    backend, guard, audit = stages["kojo.backend"], stages["kojo.guardrails.output"], stages["kojo.audit"]
    [first_token] = [e for e in backend.events if e.name == "first_token"]
    # 5 chunks 15 ms apart: the backend span lasts the stream, not the instant handle() returned the response.
    assert backend.end_time - first_token.timestamp >= 40_000_000
    assert guard.end_time >= first_token.timestamp and "kojo.guardrails.filter_ms" in guard.attributes
    assert audit.start_time >= backend.end_time and server.end_time >= audit.end_time
    assert server.attributes["kojo.stream"] is True and backend.attributes["kojo.ttft_ms"] > 0
    assert sent["_headers"]["traceparent"].split("-")[1] == trace_id
    _no_secrets(spans, PROMPT, key)
    [rec] = _inference_records(sqlite_platform)
    assert rec.details["trace_id"] == trace_id and rec.details["stream"] is True


def test_a_block_mid_stream_is_the_output_guardrails_error(sqlite_platform, admin, upstream):
    url, _ = upstream
    key = _key(sqlite_platform, admin)
    service.set_guardrail_policy(sqlite_platform, admin, "acme/claims", POLICY + "output:\n  pii: {action: block}\n")
    exporter = InMemorySpanExporter()
    body = {"model": "mock", "stream": True, "messages": [{"role": "user", "content": "agent contact?"}]}
    with gateway(sqlite_platform, url, "console", exporter) as base, httpx.stream(
            "POST", f"{base}/chat/completions", headers={"Authorization": f"Bearer {key}"}, json=body,
            timeout=30) as r:
        lines = [line for line in r.iter_lines() if line.startswith("data:")]
    assert '"content_blocked"' in lines[-2] and lines[-1] == "data: [DONE]"
    spans = exporter.get_finished_spans()
    server = _server(spans)
    stages = _children(spans, server)
    guard = stages["kojo.guardrails.output"]
    assert guard.status.status_code == StatusCode.ERROR and guard.attributes["error.type"] == "content_blocked"
    assert stages["kojo.backend"].status.status_code == StatusCode.UNSET  # the backend did nothing wrong
    assert server.status.description == "content_blocked" and server.attributes["kojo.status"] == "blocked"
    assert server.attributes["http.response.status_code"] == 200  # the stream had started
    _no_secrets(spans, PHONE, "agent contact")


def test_a_client_that_leaves_mid_stream_ends_the_trace(sqlite_platform, admin, upstream):
    url, _ = upstream
    key = _key(sqlite_platform, admin)
    exporter = InMemorySpanExporter()
    with gateway(sqlite_platform, url, "console", exporter) as base:
        with httpx.stream("POST", f"{base}/chat/completions", headers={"Authorization": f"Bearer {key}"},
                          json={"model": "mock", "stream": True, "messages": [{"role": "user", "content": "hi"}]},
                          timeout=30) as r:
            next(r.iter_lines())  # the role chunk; then hang up
        deadline = time.time() + 10
        while not _inference_records(sqlite_platform) and time.time() < deadline:
            time.sleep(0.05)
    spans = exporter.get_finished_spans()
    server = _server(spans)
    stages = _children(spans, server)
    assert server.attributes["kojo.status"] == "cancelled" and server.status.status_code == StatusCode.UNSET
    assert stages["kojo.backend"].attributes["kojo.cancelled"] is True and "kojo.audit" in stages
    [rec] = _inference_records(sqlite_platform)
    assert rec.status == "cancelled" and rec.details["trace_id"] == format_trace_id(server.context.trace_id)


def test_errors_mark_their_stage_and_the_request(sqlite_platform, admin, upstream):
    url, _ = upstream
    key = _key(sqlite_platform, admin)
    exporter = InMemorySpanExporter()
    with gateway(sqlite_platform, url, "console", exporter) as base:
        with pytest.raises(openai.AuthenticationError):
            _client(base, "sk-kojo-not-a-real-key").chat.completions.create(
                model="mock", messages=[{"role": "user", "content": PROMPT}])
        with pytest.raises(openai.NotFoundError):
            _client(base, key).chat.completions.create(model="nope", messages=[{"role": "user", "content": "x"}])
        assert [m.id for m in _client(base, key).models.list()] == ["mock"]
        with pytest.raises(openai.PermissionDeniedError):  # a project route that is not the key's
            _client(base.removesuffix("/v1") + "/p/acme/other/v1", key).chat.completions.create(
                model="mock", messages=[{"role": "user", "content": "x"}])
    traces = list(_by_trace(exporter.get_finished_spans()).values())
    assert len(traces) == 4
    by_status = {_server(t).attributes["http.response.status_code"]: t for t in traces}
    # A project route's span is named by its template, not by the tenant and project in the path.
    assert _server(by_status[403]).name == "POST /p/{tenant}/{project}/v1/chat/completions"

    for status, code, failing in ((401, "invalid_api_key", "kojo.authenticate"), (404, "not_found", "kojo.authorise"),
                                  (403, "permission_denied", "kojo.authenticate")):
        spans = by_status[status]
        server = _server(spans)
        stages = _children(spans, server)
        assert server.status.status_code == StatusCode.ERROR and server.status.description == code
        assert stages[failing].status.status_code == StatusCode.ERROR
        assert stages[failing].attributes["error.type"] == code
        assert all(s.status.status_code == StatusCode.UNSET for n, s in stages.items() if n != failing)
        assert "kojo.audit" in stages and "kojo.backend" not in stages
        _no_secrets(spans, PROMPT, "sk-kojo-not-a-real-key")

    models = _server(by_status[200])
    assert models.name == "GET /v1/models"
    assert set(_children(by_status[200], models)) == {"kojo.authenticate", "kojo.models.list", "kojo.audit"}
    records = _inference_records(sqlite_platform)
    assert [r.status for r in records] == ["unauthenticated", "not_found", "denied"]
    assert [r.details["trace_id"] for r in records] == [
        format_trace_id(_server(by_status[s]).context.trace_id) for s in (401, 404, 403)]


def test_off_means_no_spans_and_no_trace_id_and_old_records_still_verify(platform, admin, upstream):
    """Runs on SQLite and PostgreSQL: a record without a trace id, then one with, in one chain."""
    url, record = upstream
    key = _key(platform, admin)
    unused = InMemorySpanExporter()
    with gateway(platform, url, "none", unused) as base:
        _client(base, key).chat.completions.create(model="mock", messages=[{"role": "user", "content": "hi"}])
        assert "traceparent" not in _sent(record)[-1]["_headers"]
    assert unused.get_finished_spans() == ()
    exporter = InMemorySpanExporter()
    with gateway(platform, url, "console", exporter) as base:
        _client(base, key).chat.completions.create(model="mock", messages=[{"role": "user", "content": "hi"}])
    off, on = _inference_records(platform)
    assert "trace_id" not in off.details
    assert on.details["trace_id"] == format_trace_id(_server(exporter.get_finished_spans()).context.trace_id)
    assert len(on.details["trace_id"]) == 32
    report = verify_log(platform, admin)
    assert report.ok, report.reason


def test_settings_and_a_missing_otlp_exporter(tmp_path, monkeypatch):
    from aikojo.gateway import tracing

    monkeypatch.setenv("KOJO_TRACING", "otlp")
    monkeypatch.setenv("KOJO_OTLP_ENDPOINT", "http://collector:4318/")
    s = load_settings(home=tmp_path)
    assert s.tracing == "otlp" and tracing.otlp_traces_url(s.otlp_endpoint) == "http://collector:4318/v1/traces"
    assert tracing.otlp_traces_url("http://c:4318/v1/traces") == "http://c:4318/v1/traces"
    assert tracing.otlp_traces_url(None) is None  # the exporter's own OTEL_EXPORTER_OTLP_* handling
    # Without the extra installed: one clear start-up error naming it.
    monkeypatch.setitem(sys.modules, "opentelemetry.exporter.otlp.proto.http.trace_exporter", None)
    with pytest.raises(InvalidInput, match=r"aikojo\[tracing\]"):
        tracing.otlp_exporter_class()
    monkeypatch.setenv("KOJO_TRACING", "jaeger")
    with pytest.raises(InvalidInput, match="tracing"):
        load_settings(home=tmp_path)
    monkeypatch.delenv("KOJO_TRACING")
    assert load_settings(home=tmp_path).tracing == "none"
    from opentelemetry.sdk.trace.export import ConsoleSpanExporter

    assert isinstance(tracing.make_exporter(s.model_copy(update={"tracing": "console"})), ConsoleSpanExporter)


def test_otlp_export_reaches_a_collector(sqlite_platform, admin, upstream):
    """KOJO_TRACING=otlp end to end: the spans arrive at an OTLP/HTTP receiver as protobuf."""
    pytest.importorskip("opentelemetry.exporter.otlp.proto.http.trace_exporter")
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

    received: list[tuple[str, bytes]] = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append((self.path, self.rfile.read(int(self.headers["content-length"]))))
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    collector = HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=collector.serve_forever, daemon=True).start()
    key = _key(sqlite_platform, admin)
    try:
        with gateway(sqlite_platform, upstream[0], "otlp",
                     otlp_endpoint=f"http://127.0.0.1:{collector.server_port}") as base:
            _client(base, key).chat.completions.create(model="mock", messages=[{"role": "user", "content": "hi"}])
    finally:
        collector.shutdown()
    assert received and {path for path, _ in received} == {"/v1/traces"}
    names, services = set(), set()
    for _, body in received:
        for rs in ExportTraceServiceRequest.FromString(body).resource_spans:
            services |= {a.value.string_value for a in rs.resource.attributes if a.key == "service.name"}
            names |= {span.name for ss in rs.scope_spans for span in ss.spans}
    assert services == {"aikojo-gateway"} and names == {"POST /v1/chat/completions", *STAGES}
