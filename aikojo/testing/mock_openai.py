"""A small OpenAI-compatible server for tests and benchmarks (loopback only): fixed delay, streaming,
records what it received, and can be told to die mid-stream. Run it as a process:

    python -m aikojo.testing.mock_openai --port 9001 --delay-ms 20 [--record FILE [--record-headers]]
                                         [--die-after-chunks N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time

from aiohttp import web


def _usage(messages_or_prompt, completion_tokens: int) -> dict:
    text = json.dumps(messages_or_prompt, ensure_ascii=False)
    prompt_tokens = max(1, len(text) // 4)
    return {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens}


def _last_user(body: dict) -> str:
    for m in reversed(body.get("messages") or []):
        if m.get("role") == "user":
            return m.get("content") if isinstance(m.get("content"), str) else json.dumps(m.get("content"))
    return body.get("prompt") or ""


def make_app(delay_ms: float = 0.0, record: str | None = None, die_after_chunks: int | None = None,
             reply: str = "Hello from the mock upstream.", chunks: int = 64, chunk_delay_ms: float = 1.0,
             echo: bool = False, rules: list[dict] | None = None, record_headers: bool = False) -> web.Application:
    """``rules``: [{"if_contains": str, "reply": str}] checked against the last user message, first match wins;
    ``echo``: answer with the last user message (to show what the model saw); ``record_headers``: each record
    also holds the request's headers under ``_headers`` (lower-case names, Authorization left out)."""

    def answer(body: dict) -> str:
        last = _last_user(body)
        for rule in rules or []:
            if rule["if_contains"] in last:
                return rule["reply"]
        return last if echo else reply

    async def models(request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "mock", "object": "model", "owned_by": "mock"}]})

    async def lora(request: web.Request) -> web.Response:
        body = await request.json()
        _record(record, {"path": request.path, **body})
        return web.json_response({"status": "ok"})

    async def generate(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        if record_headers:
            _record(record, {**body, "_headers": {k.lower(): v for k, v in request.headers.items()
                                                  if k.lower() != "authorization"}})
        else:
            _record(record, body)
        chat = request.path.endswith("/chat/completions")
        if delay_ms:
            await asyncio.sleep(delay_ms / 1000)
        text = answer(body)
        if body.get("response_format", {}).get("type") == "json_object":
            text = '{"ok": true}'
        words = text.split(" ")
        usage = _usage(body.get("messages") or body.get("prompt"), len(words))
        rid, created = f"mock-{time.time_ns()}", int(time.time())
        if not body.get("stream"):
            if chat:
                choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            else:
                choice = {"index": 0, "text": text, "finish_reason": "stop"}
            return web.json_response({"id": rid, "object": "chat.completion" if chat else "text_completion",
                                      "created": created, "model": body.get("model"), "choices": [choice],
                                      "usage": usage})
        resp = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await resp.prepare(request)
        pieces = [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
        for i, piece in enumerate(pieces[:chunks] if chunks < len(pieces) else pieces):
            if die_after_chunks is not None and i >= die_after_chunks:
                os._exit(17)  # the upstream process dies mid-stream, as a crashed vLLM would
            delta = {"content": piece} if chat else None
            choice = {"index": 0, "delta": delta, "finish_reason": None} if chat else \
                {"index": 0, "text": piece, "finish_reason": None}
            await resp.write(b"data: " + json.dumps({"id": rid, "created": created, "choices": [choice]}).encode()
                             + b"\n\n")
            if chunk_delay_ms:
                await asyncio.sleep(chunk_delay_ms / 1000)
        final = {"index": 0, "delta": {}, "finish_reason": "stop"} if chat else \
            {"index": 0, "text": "", "finish_reason": "stop"}
        await resp.write(b"data: " + json.dumps({"id": rid, "created": created, "choices": [final]}).encode() + b"\n\n")
        if (body.get("stream_options") or {}).get("include_usage"):
            await resp.write(b"data: " + json.dumps({"id": rid, "choices": [], "usage": usage}).encode() + b"\n\n")
        await resp.write(b"data: [DONE]\n\n")
        return resp

    app = web.Application()
    app.router.add_get("/v1/models", models)
    app.router.add_post("/v1/chat/completions", generate)
    app.router.add_post("/v1/completions", generate)
    app.router.add_post("/v1/load_lora_adapter", lora)
    app.router.add_post("/v1/unload_lora_adapter", lora)
    return app


def _record(path: str | None, body: dict) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(body, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--delay-ms", type=float, default=0.0)
    ap.add_argument("--record")
    ap.add_argument("--record-headers", action="store_true", help="also record each request's headers")
    ap.add_argument("--die-after-chunks", type=int)
    ap.add_argument("--reply", default="Hello from the mock upstream.")
    ap.add_argument("--chunk-delay-ms", type=float, default=1.0)
    ap.add_argument("--echo", action="store_true", help="answer with the last user message")
    ap.add_argument("--rules", help="JSON file: [{if_contains, reply}]")
    args = ap.parse_args()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("the mock upstream binds to loopback only")
    from pathlib import Path

    rules = json.loads(Path(args.rules).read_text(encoding="utf-8")) if args.rules else None
    app = make_app(args.delay_ms, args.record, args.die_after_chunks, args.reply,
                   chunk_delay_ms=args.chunk_delay_ms, echo=args.echo, rules=rules,
                   record_headers=args.record_headers)
    web.run_app(app, host=args.host, port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
