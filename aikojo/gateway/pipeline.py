"""The request pipeline, readable top to bottom:

    authenticate → parse → authorise(project, model/adapter) → admit(limits) → input guardrails → route
    → backend (behind the priority gate) → output guardrails (stream-aware) → settle(limits) → audit → metrics

Each stage is a small function over one ``Call`` (the request's state). Whatever happens — success, a
refusal at any stage, a backend failure, a client that disconnects — ``finish`` settles the limits,
commits the audit record (before the response completes) and records the metrics, exactly once."""

from __future__ import annotations

import functools
import hashlib
import hmac
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import anyio
import orjson
from fastapi import Request
from fastapi.responses import Response
from pydantic import ValidationError

from aikojo.audit.chain import AuditEntry
from aikojo.errors import ContentBlocked, Forbidden, InvalidInput, KojoError, PayloadTooLarge
from aikojo.gateway import openai_protocol as wire
from aikojo.gateway.auth import Caller
from aikojo.gateway.limits import LimitSpec
from aikojo.gateway.offload import off_loop
from aikojo.gateway.state import GatewayState
from aikojo.serving.backend import GenerationRequest, GenerationResult, Usage
from aikojo.serving.router import Route

if TYPE_CHECKING:
    from aikojo.gateway.tracing import RequestTrace
    from aikojo.guardrails import Guardrails


@dataclass
class Call:
    """Everything known about one request as it moves through the stages."""

    kind: str  # "chat" | "completion"
    request_id: str
    started: float = field(default_factory=time.perf_counter)
    caller: Caller | None = None
    body: wire.ChatCompletionRequest | wire.CompletionRequest | None = None
    route: Route | None = None
    ticket: Any = None
    reserved: int = 0
    usage: Usage | None = None
    backend_s: float = 0.0
    ttft_s: float | None = None
    status: str = "ok"
    error: str | None = None
    guard_actions: list[str] = field(default_factory=list)
    guard_summary: dict[str, int] = field(default_factory=dict)
    prompt_digest: str | None = None
    response_digest: str | None = None
    rate_headers: dict[str, str] = field(default_factory=dict)
    finished: bool = False
    # Only when tracing is on (gateway/tracing.py). Stage boundaries are marked ``if t: t.stage(name)``: the
    # off path pays one truth test per stage and creates no span objects.
    trace: RequestTrace | None = None

    @property
    def project(self) -> str:
        p = self.caller.project if self.caller else None
        return p.path if p else "-"

    @property
    def model(self) -> str:
        return self.body.model if self.body else "-"

    def headers(self) -> dict[str, str]:
        overhead_ms = (time.perf_counter() - self.started - self.backend_s) * 1000
        h = {"x-kojo-overhead-ms": f"{overhead_ms:.3f}", **self.rate_headers}
        if self.guard_actions:
            h["x-kojo-guardrails"] = ",".join(self.guard_actions)
        return h


# ---- stages ---------------------------------------------------------------------------------------------
async def authenticate(gw: GatewayState, call: Call, request: Request, project_path: str | None) -> None:
    call.caller = await gw.authenticator.caller(request)
    info = call.caller.project
    if info is None:
        raise Forbidden("this key is not bound to a project; inference needs a project key")
    if project_path is not None and project_path not in (info.path, info.name):
        raise Forbidden(f"this key belongs to project {info.path}, not '{project_path}'", param="project")


async def parse(gw: GatewayState, call: Call, request: Request) -> None:
    declared = request.headers.get("content-length")
    limit = gw.settings.max_body_bytes
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"request body of {declared} bytes exceeds the {limit}-byte limit")
    raw = await request.body()
    if len(raw) > limit:
        raise PayloadTooLarge(f"request body exceeds the {limit}-byte limit")
    model = wire.ChatCompletionRequest if call.kind == "chat" else wire.CompletionRequest
    try:
        call.body = model.model_validate_json(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        if err["type"] == "json_invalid":
            raise InvalidInput("the request body is not valid JSON")
        where = ".".join(str(p) for p in err["loc"]) or "body"
        raise InvalidInput(f"{where}: {err['msg']}", param=where)


def authorise(gw: GatewayState, call: Call) -> None:
    info = call.caller.project
    call.route = gw.router.resolve(call.body.model, project=info.path, granted_models=info.models,
                                   granted_adapters=info.adapters)


def generation_request(gw: GatewayState, call: Call, messages: list[dict] | None, prompt: str | None
                       ) -> GenerationRequest:
    b, info, route = call.body, call.caller.project, call.route
    max_tokens = b.requested_max_tokens or info.default_max_tokens or gw.settings.default_max_tokens
    return GenerationRequest(model=route.base_model, max_tokens=max_tokens, messages=messages, prompt=prompt,
                             adapter=route.adapter.served_name if route.adapter else None,
                             adapter_path=route.adapter.path if route.adapter else None,
                             temperature=b.temperature, top_p=b.top_p, stop=b.stop, seed=b.seed,
                             passthrough=b.passthrough(), request_id=call.request_id)


def estimate_tokens(req: GenerationRequest) -> int:
    """When the backend has no tokenizer here: ~3 characters a token (Japanese runs denser than English)."""
    text = req.prompt or "".join(str(m.get("content") or "") for m in req.messages or [])
    return len(text) // 3 + 4 * len(req.messages or []) + 1


async def admit(gw: GatewayState, call: Call, greq: GenerationRequest) -> None:
    """Reserve prompt tokens + max_tokens against every limit that applies (project and key)."""
    c, info = call.caller, call.caller.project
    specs = [s for s in (LimitSpec(f"project:{info.path}", info.rpm, info.tpm, info.max_concurrent),
                         LimitSpec(f"key:{c.actor.key_id}", c.key_rpm, c.key_tpm, c.key_max_concurrent))
             if s.rpm or s.tpm or s.max_concurrent]
    prompt_tokens = call.route.backend.count_tokens(greq)
    call.reserved = (prompt_tokens if prompt_tokens is not None else estimate_tokens(greq)) + greq.max_tokens
    if not specs:
        return
    admission = await gw.limiter.admit(specs, call.reserved)
    call.rate_headers = dict(admission.headers)
    if not admission.allowed:
        gw.metrics.rate_limited.labels(call.project).inc()
        from aikojo.errors import RateLimited

        raise RateLimited(admission.reason or "rate limit reached", retry_after=admission.retry_after_s,
                          headers=admission.headers)
    call.ticket = admission.ticket


def guard_input(gw: GatewayState, call: Call, messages: list[dict], g: Guardrails | None) -> tuple[list[dict], Any]:
    """Returns (messages the backend may see, the guardrails object and its vault) or raises a block."""
    if g is None:
        return messages, None
    decision = g.check_input(messages)
    _note_guard(gw, call, "input", decision.actions_taken, decision.summary)
    if decision.action == "block":
        raise ContentBlocked(decision.rule or "guardrail", decision.message)
    if decision.action in ("redirect", "clarify"):
        raise ShortCircuit(decision.message or "")
    return decision.messages, (g, decision.vault, messages)


class ShortCircuit(Exception):
    """A guardrail answered for the model (redirect or clarify): the backend is not called."""

    def __init__(self, text: str) -> None:
        self.text = text


def _note_guard(gw: GatewayState, call: Call, direction: str, actions: list[str], summary: dict[str, int]) -> None:
    for action in actions:
        if action in ("allow",):
            continue
        tag = f"{direction}:{action}"
        if tag not in call.guard_actions:
            call.guard_actions.append(tag)
    for type_, count in summary.items():
        call.guard_summary[f"{direction}.{type_}"] = call.guard_summary.get(f"{direction}.{type_}", 0) + count
        gw.metrics.guardrail_actions.labels(call.project, direction, actions[-1] if actions else "log",
                                            type_).inc(count)


def digest(gw: GatewayState, value: Any) -> str:
    """A keyed hash of a body: proves what was sent without making short PII brute-forceable."""
    return hmac.new(gw.hmac_key, orjson.dumps(value), hashlib.sha256).hexdigest()


async def call_backend(gw: GatewayState, call: Call, greq: GenerationRequest) -> GenerationResult:
    route, t = call.route, call.trace
    t0 = time.perf_counter()
    if t:
        t.stage("kojo.backend", client=True)
    try:
        async with gw.gate(route).slot(call.caller.project.priority, call.project):
            if t:
                greq.trace_headers = t.backend(call)
            result = await route.backend.generate(greq)
    finally:
        call.backend_s += time.perf_counter() - t0
    if t:
        t.done()
    return result


async def finish(gw: GatewayState, call: Call) -> None:
    """Settle, audit (committed before returning), metrics. Runs exactly once per request."""
    if call.finished:
        return
    call.finished = True
    used = call.usage.total_tokens if call.usage else 0
    t = call.trace
    if call.ticket is not None:
        if t:
            t.stage("kojo.settle")
        # Awaited, not spawned: the concurrency slot must be free before the client can send its next request.
        await gw.limiter.settle(call.ticket, used)
    c = call.caller
    info = c.project if c else None
    details = {"kind": call.kind, "model": call.model, "backend": call.route.backend.name if call.route else None,
               "adapter": call.route.adapter.served_name if call.route and call.route.adapter else None,
               "stream": bool(call.body and call.body.stream), "error_class": call.error,
               "tokens_in": call.usage.prompt_tokens if call.usage else 0,
               "tokens_out": call.usage.completion_tokens if call.usage else 0,
               "latency_ms": round((time.perf_counter() - call.started) * 1000, 3),
               "ttft_ms": round(call.ttft_s * 1000, 3) if call.ttft_s is not None else None,
               "guardrails": call.guard_summary, "guardrail_actions": call.guard_actions,
               "prompt_hmac": call.prompt_digest, "response_hmac": call.response_digest}
    if t:  # in details, which the chain hashes whole: records with and without it verify alike
        details["trace_id"] = t.trace_id
    entry = AuditEntry(actor=c.actor.principal if c else "anonymous", action=f"inference.{call.kind}",
                       target=call.model, status=call.status, tenant=info.tenant if info else None,
                       project=info.name if info else None, request_id=call.request_id, details=details)
    m = gw.metrics
    m.requests.labels(call.project, call.model, call.status).inc()
    m.latency.labels(call.project, call.model).observe(time.perf_counter() - call.started)
    m.overhead.observe(max(0.0, time.perf_counter() - call.started - call.backend_s))
    if call.ttft_s is not None:
        m.ttft.labels(call.project, call.model).observe(call.ttft_s)
    if call.usage:
        m.tokens.labels(call.project, call.model, "in").inc(call.usage.prompt_tokens)
        m.tokens.labels(call.project, call.model, "out").inc(call.usage.completion_tokens)
    if t:
        t.stage("kojo.audit")
    try:
        await gw.platform.audit.commit(entry)
    except Exception as exc:
        m.audit_failures.inc()
        from aikojo.errors import StoreUnavailable

        failure = StoreUnavailable(f"the audit record could not be committed ({type(exc).__name__}); the "
                                   "request was not confirmed")
        if t:
            t.fail(failure)
        raise failure from exc
    if t:
        t.done()


def error_status(exc: KojoError) -> str:
    return {400: "invalid", 401: "unauthenticated", 403: "denied", 404: "not_found", 413: "invalid",
            429: "limited"}.get(exc.status, "error") if not isinstance(exc, ContentBlocked) else "blocked"


def json_response(payload: dict, call: Call, status: int = 200) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json",
                    headers=call.headers())


def error_response(exc: KojoError, call: Call) -> Response:
    headers = call.headers()
    headers.update(getattr(exc, "headers", {}) or {})
    if hasattr(exc, "retry_after"):
        headers["retry-after"] = str(max(1, round(exc.retry_after)))
    return Response(orjson.dumps(exc.envelope()), status_code=exc.status, media_type="application/json",
                    headers=headers)


# ---- the two entry points -------------------------------------------------------------------------------
async def handle(gw: GatewayState, request: Request, kind: str, project_path: str | None) -> Response:
    call = Call(kind=kind, request_id=request.state.request_id)
    t = call.trace = gw.tracing.begin(request, call) if gw.tracing is not None else None
    gw.metrics.in_flight.inc()
    streaming = False
    try:
        if t:
            t.stage("kojo.authenticate")
        await authenticate(gw, call, request, project_path)
        if t:
            t.stage("kojo.parse")
        await parse(gw, call, request)
        if t:
            t.stage("kojo.authorise")
        authorise(gw, call)
        messages, prompt = _inputs(call)
        greq = generation_request(gw, call, messages, prompt)
        if t:
            t.stage("kojo.admit")
        await admit(gw, call, greq)
        if t:
            t.stage("kojo.guardrails.input")
        policy = call.caller.project.guardrail_policy
        g = await off_loop(not gw.guards.is_built(policy), gw.guards.for_policy, policy)
        greq, guard = await off_loop(g is not None and g.heavy, _guard_request, gw, call, greq, g)
        if t:
            t.done()
        call.prompt_digest = digest(gw, greq.messages if greq.messages is not None else greq.prompt)
        if call.body.stream:
            from aikojo.gateway.streaming import stream_response

            streaming = True
            return stream_response(gw, call, greq, guard)
        result = await _generate_guarded(gw, call, greq, guard)
        call.response_digest = digest(gw, result.text)
        await finish(gw, call)
        return json_response(_payload(call, result), call)
    except ShortCircuit as sc:
        if t:  # a guardrail answered: the input stage ends normally
            t.done()
        call.usage = Usage(call.usage.prompt_tokens if call.usage else 0, 0)
        if call.body.stream:
            from aikojo.gateway.streaming import short_circuit_stream

            streaming = True
            return short_circuit_stream(gw, call, sc.text)
        await finish(gw, call)
        return json_response(_payload(call, GenerationResult(sc.text, "stop", call.usage)), call)
    except KojoError as exc:
        call.status, call.error = error_status(exc), type(exc).__name__
        if t:  # the stage that raised it ends with it
            t.fail(exc)
        try:
            await finish(gw, call)
        except KojoError as audit_exc:
            return error_response(audit_exc, call)
        return error_response(exc, call)
    except BaseException as exc:  # a bug (answered 500 by the caller) or a cancellation
        if t:
            t.fail(exc)
        raise
    finally:
        if not streaming:
            gw.metrics.in_flight.dec()
            if t:  # a stream ends its server span when the stream ends
                t.end(call)


def _inputs(call: Call) -> tuple[list[dict] | None, str | None]:
    if call.kind == "chat":
        return [m.model_dump(exclude_none=True) for m in call.body.messages], None
    return None, call.body.prompt


def _guard_request(gw: GatewayState, call: Call, greq: GenerationRequest,
                   g: Guardrails | None) -> tuple[GenerationRequest, Any]:
    as_messages = greq.messages if greq.messages is not None else [{"role": "user", "content": greq.prompt}]
    safe, guard = guard_input(gw, call, as_messages, g)
    if greq.messages is not None:
        greq.messages = safe
    else:
        greq.prompt = safe[0]["content"]
    return greq, guard


async def _generate_guarded(gw: GatewayState, call: Call, greq: GenerationRequest, guard: Any) -> GenerationResult:
    """Backend call + output guardrails, re-asking the backend when the policy demands valid JSON."""
    attempt, t = 0, call.trace
    while True:
        result = await call_backend(gw, call, greq)
        prev = call.usage
        call.usage = Usage(result.usage.prompt_tokens + (prev.prompt_tokens if prev else 0),
                           result.usage.completion_tokens + (prev.completion_tokens if prev else 0))
        if guard is None:
            return result
        g, vault, original = guard
        if t:
            t.stage("kojo.guardrails.output")
        decision = await off_loop(g.heavy, functools.partial(g.check_output, result.text, vault=vault,
                                                             context_messages=original, attempt=attempt))
        _note_guard(gw, call, "output", decision.actions_taken, decision.summary)
        if decision.reask and greq.messages is not None:
            if t:
                t.done()
            attempt += 1
            greq.messages = [*greq.messages, {"role": "assistant", "content": result.text},
                             {"role": "user", "content": decision.reask_hint or "Answer with valid JSON only."}]
            continue
        if decision.action == "block":
            raise ContentBlocked(decision.rule or "guardrail", decision.message)
        if t:
            t.done()
        result.text = decision.text
        return result


def _payload(call: Call, result: GenerationResult) -> dict:
    usage = wire.usage_dict(call.usage.prompt_tokens, call.usage.completion_tokens)
    if call.kind == "chat":
        return wire.chat_response(call.request_id, call.model, result.text, result.finish_reason, usage,
                                  result.message_extra)
    return wire.completion_response(call.request_id, call.model, result.text, result.finish_reason, usage)


async def aclose_quietly(agen: AsyncIterator) -> None:
    with anyio.CancelScope(shield=True):
        try:
            await agen.aclose()  # type: ignore[attr-defined]
        except Exception:
            pass
