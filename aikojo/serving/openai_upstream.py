"""Backend for any OpenAI-compatible server: vLLM, KServe's OpenAI endpoint, or another kojo.

aiohttp rather than httpx: measured on this class of machine, an httpx-based proxy tops out around
160–270 RPS on 2 cores where aiohttp reaches ~1,400 (see bench/gateway_overhead.py). Connect failures are
retried (the request never reached the server); nothing else is, since a generation is not idempotent.
A circuit breaker turns a dead upstream into fast 503s instead of a pile of timeouts."""

from __future__ import annotations

import asyncio
import os
import ssl
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import orjson

from aikojo.errors import BackendUnavailable, InvalidInput, UpstreamError, UpstreamTimeout
from aikojo.serving.backend import GenerationRequest, GenerationResult, StreamDelta, Usage
from aikojo.settings import UpstreamModel


class CircuitBreaker:
    """closed → (``threshold`` consecutive failures) → open for ``cooldown_s`` → half-open: one probe."""

    CLOSED, OPEN, HALF_OPEN = 0, 1, 2

    def __init__(self, threshold: int = 5, cooldown_s: float = 10.0) -> None:
        self.threshold = threshold
        self.cooldown_s = cooldown_s
        self.failures = 0
        self.opened_at = 0.0
        self.state = self.CLOSED

    def allow(self) -> bool:
        if self.state == self.OPEN and time.monotonic() - self.opened_at >= self.cooldown_s:
            self.state = self.HALF_OPEN
            return True
        return self.state != self.OPEN

    def success(self) -> None:
        self.failures, self.state = 0, self.CLOSED

    def failure(self) -> None:
        self.failures += 1
        if self.state == self.HALF_OPEN or self.failures >= self.threshold:
            self.state, self.opened_at = self.OPEN, time.monotonic()


class OpenAIUpstream:
    """One upstream serving one model name (and the LoRA adapters loaded onto it)."""

    def __init__(self, cfg: UpstreamModel, *, connect_retries: int = 2) -> None:
        self.name = cfg.name
        self.cfg = cfg
        self.base_url = cfg.url.rstrip("/").removesuffix("/v1")
        self.connect_retries = connect_retries
        self.breaker = CircuitBreaker()
        self.errors: dict[str, int] = {}  # error class -> count, exported as metrics
        self._session: aiohttp.ClientSession | None = None
        api_key = cfg.api_key or (os.environ.get(cfg.api_key_env) if cfg.api_key_env else None)
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._default_timeout = self._timeout()  # built once: the hot path should not rebuild it per request

    # ---- plumbing -----------------------------------------------------------------------------------
    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            ssl_ctx: ssl.SSLContext | bool = True
            if self.cfg.ca_bundle:
                ssl_ctx = ssl.create_default_context(cafile=self.cfg.ca_bundle)
            connector = aiohttp.TCPConnector(limit=self.cfg.max_concurrent * 2, ssl=ssl_ctx,
                                             keepalive_timeout=30, enable_cleanup_closed=True)
            self._session = aiohttp.ClientSession(connector=connector, headers=self._headers)
        return self._session

    def _timeout(self, read_s: float | None = None) -> aiohttp.ClientTimeout:
        return aiohttp.ClientTimeout(total=None, connect=self.cfg.connect_timeout_s,
                                     sock_read=read_s or self.cfg.read_timeout_s)

    def _count(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def _body(self, req: GenerationRequest, stream: bool) -> tuple[str, dict[str, Any]]:
        model = req.adapter or self.cfg.upstream_model or self.name
        body: dict[str, Any] = {**req.passthrough, "model": model, "max_tokens": req.max_tokens,
                                "temperature": req.temperature, "top_p": req.top_p, "stream": stream}
        if req.stop:
            body["stop"] = req.stop
        if req.seed is not None:
            body["seed"] = req.seed
        if stream:
            body["stream_options"] = {"include_usage": True}
        if req.messages is not None:
            body["messages"] = req.messages
            return "/v1/chat/completions", body
        body["prompt"] = req.prompt
        return "/v1/completions", body

    async def _post(self, path: str, body: dict[str, Any], trace_headers: dict[str, str] | None = None
                    ) -> aiohttp.ClientResponse:
        """POST with retries on connect failure only; maps failures to gateway errors. ``trace_headers``
        (the gateway's span as ``traceparent``) let vLLM/KServe spans join the request's trace."""
        if not self.breaker.allow():
            self._count("circuit_open")
            raise BackendUnavailable(f"upstream '{self.name}' is failing; circuit open, retry in a few seconds")
        headers = _JSON if trace_headers is None else {**_JSON, **trace_headers}
        delay = 0.05
        for attempt in range(self.connect_retries + 1):
            try:
                # orjson bytes, not aiohttp's json= (stdlib json): the body encode was a visible share of the
                # gateway's CPU per request in profiles.
                resp = await self._client().post(self.base_url + path, data=_encode(body), headers=headers,
                                                 timeout=self._default_timeout)
            except aiohttp.ClientConnectorError as exc:
                if attempt < self.connect_retries:
                    await asyncio.sleep(delay)
                    delay *= 4
                    continue
                self.breaker.failure()
                self._count("connect")
                raise BackendUnavailable(f"upstream '{self.name}' at {self.base_url} is unreachable ({exc.os_error})")
            except TimeoutError:
                self.breaker.failure()
                self._count("timeout")
                raise UpstreamTimeout(f"upstream '{self.name}' did not answer in time")
            except aiohttp.ClientError as exc:
                self.breaker.failure()
                self._count("protocol")
                raise UpstreamError(f"upstream '{self.name}' failed: {type(exc).__name__}")
            if resp.status >= 500:
                self.breaker.failure()
                self._count(f"http_{resp.status}")
                detail = await _error_message(resp)
                raise UpstreamError(f"upstream '{self.name}' answered {resp.status}: {detail}")
            if resp.status >= 400:
                # The upstream judged the request (context too long, bad tool schema…): the caller's to fix.
                self.breaker.success()
                detail = await _error_message(resp)
                raise InvalidInput(f"upstream '{self.name}' rejected the request ({resp.status}): {detail}")
            self.breaker.success()
            return resp
        raise AssertionError("unreachable")  # pragma: no cover

    # ---- Backend verbs ------------------------------------------------------------------------------
    async def generate(self, req: GenerationRequest) -> GenerationResult:
        path, body = self._body(req, stream=False)
        resp = await self._post(path, body, req.trace_headers)
        try:
            data = orjson.loads(await resp.read())
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            self.breaker.failure()
            self._count("read")
            raise UpstreamError(f"upstream '{self.name}' sent an unreadable response ({type(exc).__name__})")
        finally:
            resp.release()
        choice = (data.get("choices") or [{}])[0]
        usage = data.get("usage") or {}
        if req.messages is not None:
            message = choice.get("message") or {}
            text = message.get("content") or ""
            extra = {k: v for k, v in message.items() if k in ("tool_calls", "function_call", "refusal") and v}
        else:
            text, extra = choice.get("text") or "", {}
        return GenerationResult(text=text, finish_reason=choice.get("finish_reason") or "stop",
                                usage=Usage(int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))),
                                message_extra=extra)

    async def stream(self, req: GenerationRequest) -> AsyncIterator[StreamDelta]:
        path, body = self._body(req, stream=True)
        resp = await self._post(path, body, req.trace_headers)
        finish: str | None = None
        usage: Usage | None = None
        extra: dict[str, Any] = {}
        try:
            async for raw in _sse_lines(resp):
                if raw == "[DONE]":
                    break
                event = orjson.loads(raw)
                if "error" in event:
                    raise UpstreamError(f"upstream '{self.name}' failed mid-stream: "
                                        f"{event['error'].get('message', 'error')}")
                if event.get("usage"):
                    u = event["usage"]
                    usage = Usage(int(u.get("prompt_tokens", 0)), int(u.get("completion_tokens", 0)))
                for choice in event.get("choices") or []:
                    delta = choice.get("delta")
                    text = (delta.get("content") if delta is not None else choice.get("text")) or ""
                    if delta and delta.get("tool_calls"):
                        extra.setdefault("tool_calls", []).extend(delta["tool_calls"])
                    finish = choice.get("finish_reason") or finish
                    if text:
                        yield StreamDelta(text=text)
        except (aiohttp.ClientPayloadError, aiohttp.ServerDisconnectedError, aiohttp.ClientConnectionError) as exc:
            self.breaker.failure()
            self._count("mid_stream")
            raise UpstreamError(f"upstream '{self.name}' dropped the stream ({type(exc).__name__})")
        except TimeoutError:
            self._count("timeout")
            raise UpstreamTimeout(f"upstream '{self.name}' stopped sending tokens")
        finally:
            resp.release()
        if finish is None:
            self._count("mid_stream")
            raise UpstreamError(f"upstream '{self.name}' ended the stream without finishing")
        yield StreamDelta(finish_reason=finish, usage=usage, message_extra=extra)

    def count_tokens(self, req: GenerationRequest) -> int | None:
        return None  # the upstream's tokenizer is not here; the gateway estimates and settles with usage

    async def load_adapter(self, name: str, path: str) -> None:
        """vLLM's runtime LoRA loading (needs VLLM_ALLOW_RUNTIME_LORA_UPDATING on the server)."""
        await self._admin("/v1/load_lora_adapter", {"lora_name": name, "lora_path": path})

    async def unload_adapter(self, name: str) -> None:
        await self._admin("/v1/unload_lora_adapter", {"lora_name": name})

    async def _admin(self, path: str, body: dict[str, Any]) -> None:
        try:
            async with self._client().post(self.base_url + path, json=body, timeout=self._timeout(60)) as resp:
                if resp.status >= 400:
                    raise UpstreamError(f"upstream '{self.name}' refused {path}: {await _error_message(resp)}")
        except aiohttp.ClientError as exc:
            raise BackendUnavailable(f"upstream '{self.name}' unreachable for {path} ({type(exc).__name__})")

    async def health(self) -> bool:
        try:
            async with self._client().get(self.base_url + "/v1/models", timeout=self._timeout(5)) as resp:
                return resp.status < 500  # 401/403 still mean the server is up
        except (aiohttp.ClientError, TimeoutError):
            return False

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


_JSON = {"Content-Type": "application/json"}


def _encode(body: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(body)
    except TypeError:  # passthrough fields orjson refuses (integers beyond 64 bits): the stdlib takes them
        import json

        return json.dumps(body).encode()


async def _sse_lines(resp: aiohttp.ClientResponse) -> AsyncIterator[str]:
    async for line in resp.content:
        text = line.decode("utf-8").strip()
        if text.startswith("data:"):
            yield text[5:].strip()


async def _error_message(resp: aiohttp.ClientResponse) -> str:
    try:
        data = await resp.json(content_type=None)
        return str((data.get("error") or {}).get("message") or data)[:300]
    except Exception:
        return (await resp.text())[:300] if not resp.closed else "no detail"
