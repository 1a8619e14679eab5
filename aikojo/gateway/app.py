"""The FastAPI app factory: one app serves ``/v1`` (OpenAI-compatible), ``/admin``, health and metrics.

Every response carries ``x-request-id``; every error uses the OpenAI envelope with the right status and is
never a bare 500 with a stack trace."""

from __future__ import annotations

import logging
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from aikojo import __version__
from aikojo.errors import KojoError
from aikojo.gateway import admin_api
from aikojo.gateway.auth import Authenticator
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
        incoming = next((v for k, v in scope["headers"] if k == b"x-request-id"), None)
        rid = incoming.decode("latin-1")[:64] if incoming else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        raw_rid = rid.encode("latin-1")

        async def send_with_id(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-request-id", raw_rid)]
            await send(message)

        await self.app(scope, receive, send_with_id)


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


def create_app(settings: Settings, platform: Platform | None = None) -> FastAPI:
    owned = platform is None
    p = platform or open_platform(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if owned:
            p.close()
        else:
            p.audit.checkpoint()

    app = FastAPI(title="aikojo gateway", version=__version__, lifespan=lifespan,
                  description="OpenAI-compatible LLM gateway with tenants, projects, keys, limits, guardrails "
                              "and a tamper-evident audit log.")
    app.state.platform = p
    app.state.settings = settings
    app.state.authenticator = Authenticator(p)
    app.add_middleware(RequestIdMiddleware)
    _install_error_handlers(app)
    app.include_router(admin_api.router)

    @app.get("/healthz", tags=["ops"], summary="Liveness")
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"], summary="Readiness: the store answers")
    async def readyz() -> JSONResponse:
        from fastapi.concurrency import run_in_threadpool

        try:
            await run_in_threadpool(p.store.ping)
        except KojoError as exc:
            return JSONResponse({"status": "unavailable", "store": exc.message}, status_code=503)
        return JSONResponse({"status": "ready", "store": "ok"})

    return app
