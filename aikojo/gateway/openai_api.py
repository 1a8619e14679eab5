"""``/v1/...`` routes (and the explicit project routes ``/p/{tenant}/{project}/v1/...``). Routes only wire
HTTP to the pipeline; every ``/v1`` request leaves exactly one audit record, refusals included."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from aikojo.audit.chain import AuditEntry
from aikojo.errors import Forbidden, InvalidInput, KojoError
from aikojo.gateway import openai_protocol as wire
from aikojo.gateway.pipeline import Call, error_response, error_status, handle, json_response
from aikojo.gateway.state import GatewayState

router = APIRouter(tags=["openai"])


def _inline(schema: dict) -> dict:
    """The model's JSON schema with its $defs inlined: OpenAPI resolves $ref from the document root."""
    defs = schema.pop("$defs", {})

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(dict(defs[ref.split("/")[-1]]))
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(schema)


def _body(model) -> dict:
    # The pipeline parses the raw body itself (one pass, its own error messages); this documents it.
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": _inline(model.model_json_schema())}}}}


CHAT_BODY = _body(wire.ChatCompletionRequest)
COMPLETION_BODY = _body(wire.CompletionRequest)


def _gw(request: Request) -> GatewayState:
    return request.app.state.gateway


def _project(tenant: str | None, project: str | None) -> str | None:
    if project is None:
        return None
    return f"{tenant}/{project}" if tenant else project


@router.post("/v1/chat/completions", summary="Chat completion (OpenAI-compatible, stream or not)",
             openapi_extra=CHAT_BODY)
async def chat_completions(request: Request) -> Response:
    return await handle(_gw(request), request, "chat", None)


@router.post("/v1/completions", summary="Text completion (OpenAI-compatible)", openapi_extra=COMPLETION_BODY)
async def completions(request: Request) -> Response:
    return await handle(_gw(request), request, "completion", None)


@router.post("/p/{tenant}/{project}/v1/chat/completions", summary="Chat completion on an explicit project route",
             openapi_extra=CHAT_BODY)
async def project_chat(request: Request, tenant: str, project: str) -> Response:
    return await handle(_gw(request), request, "chat", _project(tenant, project))


@router.post("/p/{tenant}/{project}/v1/completions", summary="Completion on an explicit project route",
             openapi_extra=COMPLETION_BODY)
async def project_completions(request: Request, tenant: str, project: str) -> Response:
    return await handle(_gw(request), request, "completion", _project(tenant, project))


@router.post("/p/{project}/v1/chat/completions", summary="Chat completion; the tenant is the key's",
             openapi_extra=CHAT_BODY)
async def project_chat_short(request: Request, project: str) -> Response:
    return await handle(_gw(request), request, "chat", project)


@router.post("/p/{project}/v1/completions", summary="Completion; the tenant is the key's",
             openapi_extra=COMPLETION_BODY)
async def project_completions_short(request: Request, project: str) -> Response:
    return await handle(_gw(request), request, "completion", project)


async def _simple(gw: GatewayState, request: Request, action: str, project_path: str | None, work) -> Response:
    """Authenticate, run ``work(call)`` → payload, audit once, answer (traced like the pipeline when on)."""
    call = Call(kind=action, request_id=request.state.request_id)
    t = call.trace = gw.tracing.begin(request, call) if gw.tracing is not None else None
    if not t:
        return await _answer(gw, request, call, project_path, work)
    try:
        response = await _answer(gw, request, call, project_path, work)
    except BaseException as exc:
        t.end(call, exc)
        raise
    t.end(call, status_code=response.status_code)
    return response


async def _answer(gw: GatewayState, request: Request, call: Call, project_path: str | None, work) -> Response:
    from aikojo.gateway.pipeline import authenticate

    t = call.trace
    try:
        if t:
            t.stage("kojo.authenticate")
        await authenticate(gw, call, request, project_path)
        if t:
            t.stage(f"kojo.{call.kind}")
        payload = await work(call)
        status_code = 200
    except KojoError as exc:
        call.status, call.error = error_status(exc), type(exc).__name__
        if t:
            t.fail(exc)
        payload, status_code = None, exc.status
        failure = exc
    c = call.caller
    info = c.project if c else None
    entry = AuditEntry(actor=c.actor.principal if c else "anonymous", action=call.kind, target=None,
                       status=call.status, tenant=info.tenant if info else None, project=info.name if info else None,
                       request_id=call.request_id, details={"error_class": call.error, **call.guard_summary})
    if t:
        entry.details["trace_id"] = t.trace_id
        t.stage("kojo.audit")
    try:
        await gw.platform.audit.commit(entry)
    except Exception:
        gw.metrics.audit_failures.inc()
        from aikojo.errors import StoreUnavailable

        lost = StoreUnavailable("the audit record could not be committed")
        if t:
            t.fail(lost)
        return error_response(lost, call)
    if payload is None:
        return error_response(failure, call)
    return json_response(payload, call, status_code)


def _models_work(gw: GatewayState):
    async def work(call: Call) -> dict:
        info = call.caller.project
        names = gw.router.visible(info.models, info.adapters)
        return {"object": "list", "data": [wire.model_card(n, "kojo") for n in names]}
    return work


@router.get("/v1/models", summary="Models and adapters the caller's project may use")
async def list_models(request: Request) -> Response:
    gw = _gw(request)
    return await _simple(gw, request, "models.list", None, _models_work(gw))


@router.get("/p/{tenant}/{project}/v1/models", summary="Models of an explicit project route")
async def project_models(request: Request, tenant: str, project: str) -> Response:
    gw = _gw(request)
    return await _simple(gw, request, "models.list", _project(tenant, project), _models_work(gw))


class ScanItem(BaseModel):
    id: str | int | None = None
    text: str = Field(max_length=200_000)


class ScanRequest(BaseModel):
    """One ``text``, or ``items`` of ``{id, text}`` as ``kojo guard scan`` reads them."""

    text: str | None = Field(None, max_length=200_000)
    items: list[ScanItem] | None = Field(None, max_length=1000)
    direction: str = Field("input", pattern="^(input|output)$")


@router.post("/v1/guardrails/scan", summary="Run the project's guardrails on text (no model call)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": _inline(ScanRequest.model_json_schema())}}}})
async def guardrails_scan(request: Request) -> Response:
    gw = _gw(request)

    async def work(call: Call) -> dict:
        raw = await request.body()
        if len(raw) > gw.settings.max_body_bytes:
            from aikojo.errors import PayloadTooLarge

            raise PayloadTooLarge(f"request body exceeds the {gw.settings.max_body_bytes}-byte limit")
        try:
            body = ScanRequest.model_validate_json(raw)
        except ValueError as exc:
            raise InvalidInput(f"invalid scan request: {str(exc).splitlines()[0]}")
        items = body.items if body.items is not None else [ScanItem(id=None, text=body.text or "")]
        g = gw.guards.for_policy(call.caller.project.guardrail_policy)
        if g is None:
            raise Forbidden("guardrails are disabled on this gateway")
        t0 = time.perf_counter()
        results = await run_in_threadpool(lambda: [g.scan_text(i.text, direction=body.direction) for i in items])
        out = []
        for item, r in zip(items, results, strict=True):
            for type_, n in r.summary.items():
                call.guard_summary[type_] = call.guard_summary.get(type_, 0) + n
            out.append({"id": item.id, "action": r.action, "text": r.text,
                        "findings": [f.to_dict() for f in r.findings]})
        data = {"object": "list", "data": out, "elapsed_ms": round((time.perf_counter() - t0) * 1000, 3)}
        return data if body.items is not None else out[0]

    return await _simple(gw, request, "guardrails.scan", None, work)
