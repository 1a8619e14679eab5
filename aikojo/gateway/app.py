"""The FastAPI app factory: one app serves ``/v1`` (OpenAI-compatible), ``/admin``, health and metrics.

Every response carries ``x-request-id``; every error uses the OpenAI envelope with the right status and is
never a bare 500 with a stack trace."""

from __future__ import annotations

import gc
import logging
import os
import uuid
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from aikojo import __version__
from aikojo.errors import InvalidInput, KojoError
from aikojo.gateway import admin_api, factory_api, openai_api
from aikojo.gateway.auth import Authenticator
from aikojo.gateway.state import GatewayState
from aikojo.platform import Platform, open_platform
from aikojo.settings import Settings

log = logging.getLogger("aikojo.gateway")


def error_response(status: int, message: str, *, code: str, type_: str = "invalid_request_error",
                   param: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "type": type_, "code": code, "param": param}},
                        status_code=status, headers=headers)


class RequestIdMiddleware:
    """Pure ASGI (no BaseHTTPMiddleware overhead): assigns a request id and sets ``x-request-id``."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        _, send_with_id = _with_request_id(scope, send)
        await self.app(scope, receive, send_with_id)


def _with_request_id(scope, send):
    incoming = next((v for k, v in scope["headers"] if k == b"x-request-id"), None)
    rid = incoming.decode("latin-1")[:64] if incoming else uuid.uuid4().hex
    scope.setdefault("state", {})["request_id"] = rid
    raw_rid = rid.encode("latin-1")

    async def send_with_id(message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"x-request-id", raw_rid)]
        await send(message)

    return rid, send_with_id


FAST_ROUTES = {"/v1/chat/completions": "chat", "/v1/completions": "completion"}


class GatewayApp(FastAPI):
    """FastAPI, except that the two hot routes (``POST /v1/chat/completions`` and ``/v1/completions``) go
    straight into the pipeline. Profiles showed FastAPI's per-request telemetry checks, its middleware
    layers, routing and exit stacks costing about a third of the gateway's CPU per request; these routes need
    none of them (the pipeline parses its own body and maps its own errors). The routes stay registered, so
    OpenAPI, the other methods and every other path behave exactly as before."""

    gateway: GatewayState | None = None

    async def __call__(self, scope, receive, send) -> None:
        kind = FAST_ROUTES.get(scope["path"]) if scope["type"] == "http" and scope["method"] == "POST" else None
        if kind is None or self.gateway is None:
            await super().__call__(scope, receive, send)
            return
        from aikojo.gateway.pipeline import handle

        scope["app"] = self
        rid, send_with_id = _with_request_id(scope, send)
        try:
            response = await handle(self.gateway, Request(scope, receive), kind, None)
        except Exception:  # the same answer the app's catch-all handler gives
            log.exception("unhandled error in request %s", rid)
            response = error_response(500, f"internal error (request {rid}); the operator can find it in the "
                                           "logs", code="internal_error", type_="api_error")
        await response(scope, receive, send_with_id)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(KojoError)
    async def _kojo(request: Request, exc: KojoError) -> JSONResponse:
        headers = dict(getattr(exc, "headers", {}) or {})
        if hasattr(exc, "retry_after"):
            headers["retry-after"] = str(max(1, round(exc.retry_after)))
        return error_response(exc.status, exc.message, code=exc.code, type_=exc.type, param=exc.param,
                              headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        err = exc.errors()[0]
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "query", "path")]
        field = ".".join(loc) or None
        return error_response(400, f"{field or 'request'}: {err.get('msg', 'invalid')}", code="invalid_request",
                              param=field)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, str(exc.detail), code=code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        rid = getattr(request.state, "request_id", "?")
        log.exception("unhandled error in request %s", rid)
        return error_response(500, f"internal error (request {rid}); the operator can find it in the logs",
                              code="internal_error", type_="api_error")


def build_backends(settings: Settings) -> tuple[dict, dict[str, int]]:
    """Backends chosen once from settings: the local engine for local models, an OpenAI upstream per
    configured upstream model. Returns (name -> backend, name -> concurrency capacity)."""
    backends: dict = {}
    capacities: dict[str, int] = {}
    if settings.engine == "local":
        local = dict(settings.models)
        demo = settings.demo_model_path or settings.models_dir / "demo"
        if "demo" not in local and (Path(demo) / "config.json").exists():
            local["demo"] = str(demo)
        if local:
            from aikojo.serving.local_engine import LocalEngine

            for name, path in local.items():
                backends[name] = LocalEngine(name, path, max_batch=settings.engine_max_batch,
                                             adapter_cache_size=settings.adapter_cache_size,
                                             trust_remote_code=settings.trust_remote_code,
                                             allow_pickle_weights=settings.allow_pickle_weights,
                                             cpu_threads=settings.engine_cpu_threads)
                capacities[name] = settings.engine_max_batch * 2
    from aikojo.serving.openai_upstream import OpenAIUpstream

    for cfg in settings.upstreams:
        backends[cfg.name] = OpenAIUpstream(cfg)
        capacities[cfg.name] = cfg.max_concurrent
    return backends, capacities


def tracing_module(settings: Settings):
    """``gateway/tracing.py``, imported only when tracing is on (OpenTelemetry is the ``[tracing]`` extra);
    also fails early when the OTLP exporter is missing."""
    try:
        from aikojo.gateway import tracing
    except ImportError as exc:
        raise InvalidInput(f"KOJO_TRACING={settings.tracing} needs OpenTelemetry, which is not installed "
                           f"({exc.name}): pip install 'aikojo[tracing]', or set KOJO_TRACING=none", param="tracing")
    if settings.tracing == "otlp":  # now, before worker processes are spawned, not on the first request
        tracing.otlp_exporter_class()
    return tracing


def build_state(settings: Settings, p: Platform, span_exporter=None) -> GatewayState:
    from aikojo.audit.signing import load_secret
    from aikojo.gateway.guard import GuardProvider
    from aikojo.gateway.limits import make_limiter
    from aikojo.gateway.metrics import GatewayMetrics
    from aikojo.serving.adapter_store import AdapterStore
    from aikojo.serving.router import Router

    backends, capacities = build_backends(settings)
    tracing = tracing_module(settings).setup(settings, span_exporter) if settings.tracing != "none" else None
    return GatewayState(
        settings=settings, platform=p, authenticator=Authenticator(p),
        router=Router(backends, AdapterStore(settings.adapters_dir)),
        limiter=make_limiter(settings.limits_backend, settings.redis_url, settings.limits_fail_open),
        guards=GuardProvider(enabled=settings.guardrails_enabled, default_policy=settings.guardrail_policy),
        metrics=GatewayMetrics(), hmac_key=load_secret(settings.hmac_key_path), capacities=capacities,
        tracing=tracing)


def _install_metrics(app: FastAPI, gw: GatewayState) -> None:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    from aikojo.gateway.metrics import CallbackCollector, gpu_samples

    def live():
        for name, backend in gw.router.backends.items():
            breaker = getattr(backend, "breaker", None)
            if breaker is not None:
                yield ("kojo_upstream_circuit_state", "0 closed, 1 open, 2 half-open", {"backend": name},
                       float(breaker.state))
            for attr, metric in (("adapter_loads", "kojo_adapter_loads"), ("adapter_evictions",
                                                                          "kojo_adapter_evictions")):
                if hasattr(backend, attr):
                    yield (metric, "Adapter loads/evictions in the local engine", {"backend": name},
                           float(getattr(backend, attr)))
            for kind, count in getattr(backend, "errors", {}).items():
                yield ("kojo_upstream_failures", "Upstream failures by class", {"backend": name, "kind": kind},
                       float(count))
        for name, gate in gw.gates.items():
            yield ("kojo_backend_queue_waiting", "Requests waiting for a backend slot", {"backend": name},
                   float(gate.waiting))
        yield ("kojo_audit_writer_failures", "Audit batches that failed to commit", {},
               float(gw.platform.audit.failures))
        yield ("kojo_limits_fail_open_admits", "Requests admitted while the limits store was down", {},
               float(getattr(gw.limiter, "fail_open_admits", 0)))
        yield from gpu_samples()

    gw.metrics.add_collector(CallbackCollector(live))

    @app.get("/metrics", tags=["ops"], summary="Prometheus metrics")
    async def metrics() -> Response:
        return Response(generate_latest(gw.metrics.registry), media_type=CONTENT_TYPE_LATEST)


def create_app(settings: Settings, platform: Platform | None = None, *, span_exporter=None) -> FastAPI:
    """``span_exporter`` (an OpenTelemetry SpanExporter) replaces the configured one when tracing is on."""
    owned = platform is None
    p = platform or open_platform(settings)
    gw = build_state(settings, p, span_exporter)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import asyncio

        reconciler = None
        if settings.upstreams:  # keep deployed adapters loaded on vLLM upstreams, across their restarts
            from aikojo.factory.deploy import Reconciler

            reconciler = asyncio.create_task(Reconciler(settings, gw.router.backends).run())
        # Everything built so far (routes, models, settings, caches) lives as long as the process: moved out
        # of the collector's generations, it is no longer re-scanned by each collection on the hot path.
        gc.freeze()
        yield
        if reconciler is not None:
            reconciler.cancel()
        await gw.router.close()
        await gw.limiter.close()
        if gw.tracing is not None:
            gw.tracing.provider.shutdown()  # flushes what the batch processor still holds
        if owned:
            p.close()
        else:
            p.audit.checkpoint()

    app = GatewayApp(title="aikojo gateway", version=__version__, lifespan=lifespan,
                  description="OpenAI-compatible LLM gateway with tenants, projects, keys, limits, guardrails "
                              "and a tamper-evident audit log.")
    app.state.platform = p
    app.state.settings = settings
    app.state.authenticator = gw.authenticator
    app.state.gateway = gw
    app.add_middleware(RequestIdMiddleware)
    app.gateway = gw
    _install_error_handlers(app)
    app.include_router(admin_api.router)
    app.include_router(openai_api.router)
    app.include_router(factory_api.router)
    _install_metrics(app, gw)

    @app.get("/healthz", tags=["ops"], summary="Liveness")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"], summary="Readiness: store, limits and backends answer")
    async def readyz() -> JSONResponse:
        from fastapi.concurrency import run_in_threadpool

        checks: dict[str, str] = {}
        try:
            await run_in_threadpool(p.store.ping)
            checks["store"] = "ok"
        except KojoError as exc:
            checks["store"] = exc.message
        limits_ok = await gw.limiter.health()
        checks["limits"] = "ok" if limits_ok else (
            "unreachable (failing open)" if settings.limits_fail_open else "unreachable (failing closed)")
        for name, backend in gw.router.backends.items():
            checks[f"backend:{name}"] = "ok" if await backend.health() else "unhealthy"
        gw.metrics.dependency_up.labels("store").set(checks["store"] == "ok")
        gw.metrics.dependency_up.labels("limits").set(limits_ok)
        ready = checks["store"] == "ok" and (limits_ok or settings.limits_fail_open)
        return JSONResponse({"status": "ready" if ready else "unavailable", "checks": checks},
                            status_code=200 if ready else 503)

    return app


WORKER_SETTINGS_ENV = "AIKOJO_WORKER_SETTINGS"


def worker_app() -> FastAPI:
    """App factory for ``kojo serve --workers N``: each worker process rebuilds the exact settings the
    command resolved (CLI options, env, kojo.yaml), passed down as JSON, and opens its own platform.

    Why several processes: one Python process cannot use more than one core, and the gateway's hot path is
    CPU-bound Python (HTTP parsing, the pipeline, the upstream client)."""
    return create_app(Settings.model_validate_json(os.environ[WORKER_SETTINGS_ENV]))
