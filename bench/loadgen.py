"""Load generator, run as its own process so it does not share an event loop (or a GIL) with the server.

Open loop (``--rate``): requests start on a fixed schedule whatever the server does, so queueing shows up
as latency instead of being hidden by the client slowing down (coordinated omission).
Closed loop (``--concurrency``): N workers send back to back, to find the saturation throughput.
Prints one JSON object: latencies (ms), TTFTs for streams, errors by class."""

from __future__ import annotations

import argparse
import asyncio
import json
import time

import aiohttp


def _has_text(line: bytes) -> bool:
    """A chunk that carries generated text. Not merely a ``"content"`` key: a gateway's opening role chunk
    (``{"role": "assistant", "content": ""}``) is sent before the upstream answers and is not a token."""
    if not line.startswith(b"data:") or line.startswith(b"data: [DONE]"):
        return False
    try:
        choice = (json.loads(line[5:]).get("choices") or [{}])[0]
    except ValueError:
        return False
    return bool((choice.get("delta") or {}).get("content") or choice.get("text"))


async def one(session: aiohttp.ClientSession, url: str, body: bytes, stream: bool, out: dict) -> None:
    t0 = time.perf_counter()
    try:
        async with session.post(url, data=body) as resp:
            if stream:
                first = None
                async for line in resp.content:
                    if first is None and _has_text(line):
                        first = time.perf_counter()
                if first is not None:
                    out["ttft"].append((first - t0) * 1000)
            else:
                await resp.read()
            if resp.status != 200:
                out["errors"][str(resp.status)] = out["errors"].get(str(resp.status), 0) + 1
                return
    except Exception as exc:
        out["errors"][type(exc).__name__] = out["errors"].get(type(exc).__name__, 0) + 1
        return
    out["latency"].append((time.perf_counter() - t0) * 1000)


async def run(args: argparse.Namespace) -> dict:
    body = json.dumps({"model": args.model, "stream": args.stream, "max_tokens": 16,
                       "messages": [{"role": "user", "content": "Summarise the claim in one line."}]}).encode()
    headers = {"content-type": "application/json"}
    if args.key:
        headers["authorization"] = f"Bearer {args.key}"
    out: dict = {"latency": [], "ttft": [], "errors": {}, "sent": 0}
    conn = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=conn, headers=headers, timeout=timeout) as session:
        start = time.perf_counter()
        if args.rate:
            tasks = []
            n = int(args.rate * args.duration)
            for i in range(n):
                delay = start + i / args.rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(one(session, args.url, body, args.stream, out)))
                out["sent"] += 1
            await asyncio.gather(*tasks)
        else:
            deadline = start + args.duration

            async def worker() -> None:
                while time.perf_counter() < deadline:
                    out["sent"] += 1
                    await one(session, args.url, body, args.stream, out)
            await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        out["elapsed_s"] = time.perf_counter() - start
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--key")
    ap.add_argument("--model", default="mock")
    ap.add_argument("--rate", type=float, help="open loop: requests per second")
    ap.add_argument("--concurrency", type=int, default=64, help="closed loop: workers")
    ap.add_argument("--duration", type=float, default=5.0)
    ap.add_argument("--stream", action="store_true")
    args = ap.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    print(json.dumps(asyncio.run(run(args))))


if __name__ == "__main__":
    main()
