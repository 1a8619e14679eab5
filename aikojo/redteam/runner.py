"""The runner: sends attacks through the target gateway with the official ``openai`` async client.

It talks ONLY to the target given: one base URL (plus other project routes on the same origin for cross-tenant
probes), proxies from the environment ignored (``trust_env=False``), no other lookup. Concurrency is bounded by
a semaphore; 429s are retried after ``Retry-After`` so a rate-limited gateway is measured, not hammered.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
import openai

from aikojo.redteam.judge import judge
from aikojo.redteam.types import Attack, Response, Result

MAX_TOKENS = 400
_RETRIES_429 = 3


@dataclass
class RunInfo:
    target: str
    model: str
    seed: int
    canary: str
    config_hash: str
    started: float = field(default_factory=time.time)
    duration_s: float = 0.0


def origin(target: str) -> str:
    u = urlsplit(target)
    return f"{u.scheme}://{u.netloc}"


class Target:
    """Clients for one target: the base URL and, lazily, other routes on the same origin."""

    def __init__(self, target: str, key: str, model: str, timeout_s: float = 60.0) -> None:
        self.target, self.key, self.model = target.rstrip("/"), key, model
        self.origin = origin(self.target)
        # trust_env=False: HTTP(S)_PROXY must not divert attack traffic (or leak it) to a third host.
        self._http = httpx.AsyncClient(trust_env=False, timeout=timeout_s)
        self._clients: dict[str, openai.AsyncOpenAI] = {}

    def client(self, route: str | None = None) -> openai.AsyncOpenAI:
        base = self.origin + route if route else self.target
        if base not in self._clients:
            self._clients[base] = openai.AsyncOpenAI(base_url=base, api_key=self.key, max_retries=0,
                                                     http_client=self._http)
        return self._clients[base]

    async def config_hash(self) -> str:
        """Hash of what identifies the target configuration: URL, model and the models the key can see."""
        try:
            models = sorted(m.id for m in (await self.client().models.list()).data)
        except (openai.OpenAIError, httpx.HTTPError):
            models = []
        blob = json.dumps({"target": self.target, "model": self.model, "models": models}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    async def send(self, body: dict[str, Any], model: str | None = None, route: str | None = None) -> Response:
        client = self.client(route)
        extra = {"tools": body["tools"]} if body.get("tools") else {}
        t0 = time.perf_counter()
        for attempt in range(_RETRIES_429 + 1):
            try:
                raw = await client.chat.completions.with_raw_response.create(
                    model=model or self.model, messages=body["messages"], max_tokens=MAX_TOKENS, temperature=0,
                    **extra)
                msg = raw.parse().choices[0].message
                return Response(200, msg.content or "", [tc.model_dump() for tc in msg.tool_calls or []],
                                guardrails=raw.headers.get("x-kojo-guardrails"),
                                latency_ms=(time.perf_counter() - t0) * 1000)
            except openai.RateLimitError as exc:
                if attempt == _RETRIES_429:
                    return _error_response(exc, t0)
                await asyncio.sleep(min(float(exc.response.headers.get("retry-after", "1") or 1), 10.0))
            except openai.APIStatusError as exc:
                return _error_response(exc, t0)
            except (openai.APIConnectionError, httpx.HTTPError) as exc:
                return Response(0, f"connection error: {exc}", latency_ms=(time.perf_counter() - t0) * 1000)
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        await self._http.aclose()


def _error_response(exc: openai.APIStatusError, t0: float) -> Response:
    body = exc.body if isinstance(exc.body, dict) else {}
    err = body.get("error", body) if isinstance(body.get("error", body), dict) else {}
    return Response(exc.status_code, str(err.get("message") or exc.message)[:500], error_code=err.get("code"),
                    error_param=err.get("param"), latency_ms=(time.perf_counter() - t0) * 1000)


async def run_attacks(target: Target, attacks: list[Attack], concurrency: int = 4,
                      progress: bool = True) -> list[Result]:
    """Send every attack (bias pairs as two requests), judge each; results keep the order of ``attacks``."""
    sem = asyncio.Semaphore(max(1, concurrency))
    bar = _Progress(len(attacks), progress)

    async def one(attack: Attack) -> Result:
        async with sem:
            responses = [await target.send(body, attack.model, attack.route) for body in attack.requests]
        result = Result(attack, responses, judge(attack.spec, responses))
        bar.advance(result.verdict.outcome)
        return result

    with bar:
        return list(await asyncio.gather(*(one(a) for a in attacks)))


class _Progress:
    """A rich progress bar with running success/defended counts (silent when ``enabled`` is false)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.counts = {"success": 0, "defended": 0, "error": 0}
        self._bar = None
        if enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("[bold]red team[/]"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.description}"), TimeElapsedColumn())
            self._task = self._bar.add_task("", total=total)

    def __enter__(self) -> _Progress:
        if self._bar:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar:
            self._bar.stop()

    def advance(self, outcome: str) -> None:
        self.counts[outcome] += 1
        if self._bar:
            c = self.counts
            self._bar.update(self._task, advance=1, description=f"[red]{c['success']} succeeded[/] · "
                             f"[green]{c['defended']} defended[/] · {c['error']} errors")
