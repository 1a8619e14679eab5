"""Local engine benchmark: throughput of 8 concurrent clients (dynamic batching) against one sequential client.

    python bench/local_engine.py [--smoke] [--runs N] [--clients 8] [--requests R] [--max-tokens T]
                                 [--device auto] [--cpu-threads 1]

Each run sends the same requests twice through one LocalEngine on the demo model: first one at a time, then
from `--clients` closed-loop clients at once. Answers have a fixed length (greedy, `ignore_eos`) so both
phases do the same work; throughput is completion tokens per second of wall time. The speed-up is the ratio
within each run; the table reports medians over runs. Goal: ≥3× from batching.
Prints a table and writes bench/results/local_engine.json (local_engine_smoke.json with --smoke).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from aikojo.serving.backend import GenerationRequest  # noqa: E402
from aikojo.serving.loading import resolve_demo_assets  # noqa: E402
from aikojo.serving.local_engine import LocalEngine  # noqa: E402

RESULTS = ROOT / "bench" / "results"
GOAL = 3.0
SIDES = ("sequential", "concurrent")
PROMPTS = [
    [{"role": "user", "content": "東京都の明日の天気を教えてください。"}],
    [{"role": "user", "content": "Summarise the claim in one sentence."}],
    [
        {"role": "system", "content": "あなたは保険会社のアシスタントです。"},
        {"role": "user", "content": "請求の状況は？"},
    ],
    [{"role": "user", "content": "Write a short, polite reply to the customer."}],
]


def requests(n: int, max_tokens: int) -> list[GenerationRequest]:
    return [
        GenerationRequest(
            model="demo",
            messages=PROMPTS[i % len(PROMPTS)],
            max_tokens=max_tokens,
            temperature=0.0,
            passthrough={"ignore_eos": True},  # fixed-length answers: both phases do the same work
        )
        for i in range(n)
    ]


async def phase(engine: LocalEngine, reqs: list[GenerationRequest], clients: int) -> dict[str, float]:
    """`clients` closed-loop clients share `reqs`; returns throughput and latency of this phase."""
    todo = list(reversed(reqs))
    latencies: list[float] = []
    tokens = 0
    steps0, gen0 = engine.steps_run, engine.tokens_generated

    async def client() -> None:
        nonlocal tokens
        while todo:
            r = todo.pop()
            t0 = time.perf_counter()
            result = await engine.generate(r)
            latencies.append(time.perf_counter() - t0)
            tokens += result.usage.completion_tokens

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - start
    steps = engine.steps_run - steps0
    return {
        "wall_s": wall,
        "tokens": tokens,
        "tokens_per_s": tokens / wall,
        "requests_per_s": len(reqs) / wall,
        "latency_p50_ms": statistics.median(latencies) * 1000,
        "mean_batch": (engine.tokens_generated - gen0) / steps if steps else 0.0,
    }


async def bench(args: argparse.Namespace, model_dir: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    engine = LocalEngine(
        "demo", model_dir, device=args.device, max_batch=args.clients, cpu_threads=args.cpu_threads or None
    )
    load_s = time.perf_counter() - t0
    try:
        await phase(engine, requests(args.clients, 4), args.clients)  # warm-up: first-call allocations
        runs = []
        for _ in range(args.runs):
            seq = await phase(engine, requests(args.requests, args.max_tokens), 1)
            conc = await phase(engine, requests(args.requests, args.max_tokens), args.clients)
            runs.append({"sequential": seq, "concurrent": conc, "speedup": conc["tokens_per_s"] / seq["tokens_per_s"]})
        device = str(engine.device)
        max_batch_seen = engine.max_batch_seen
    finally:
        await engine.close()

    def med(side: str, key: str) -> float:
        return statistics.median(r[side][key] for r in runs)

    speedup = statistics.median(r["speedup"] for r in runs)
    import torch
    import transformers

    return {
        "benchmark": "local_engine",
        "smoke": args.smoke,
        "goal": f"concurrent/sequential throughput >= {GOAL}x",
        "goal_met": speedup >= GOAL,
        "speedup_median": round(speedup, 2),
        "params": {
            "clients": args.clients,
            "requests_per_phase": args.requests,
            "max_tokens": args.max_tokens,
            "runs": args.runs,
            "model": "demo" if model_dir == str(resolve_demo_assets()) else model_dir,
        },
        "median": {
            side: {k: round(med(side, k), 3) for k in runs[0][side] if k != "tokens"}
            for side in SIDES
        },
        "max_batch_seen": max_batch_seen,
        "runs": [
            {"speedup": round(r["speedup"], 3), **{s: {k: round(v, 4) for k, v in r[s].items()} for s in SIDES}}
            for r in runs
        ],
        "environment": {
            "device": device,
            "cpu_count": os.cpu_count(),
            "load_avg_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
            "python": platform.python_version(),
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "engine_load_s": round(load_s, 2),
            "cpu_threads": args.cpu_threads or "torch default",
        },
    }


def table(result: dict[str, Any]) -> str:
    m = result["median"]
    rows = [
        ("", "sequential (1 client)", f"concurrent ({result['params']['clients']} clients)"),
        ("tokens/s", f"{m['sequential']['tokens_per_s']:.0f}", f"{m['concurrent']['tokens_per_s']:.0f}"),
        ("requests/s", f"{m['sequential']['requests_per_s']:.2f}", f"{m['concurrent']['requests_per_s']:.2f}"),
        ("latency p50 ms", f"{m['sequential']['latency_p50_ms']:.0f}", f"{m['concurrent']['latency_p50_ms']:.0f}"),
        ("mean batch", f"{m['sequential']['mean_batch']:.2f}", f"{m['concurrent']['mean_batch']:.2f}"),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = ["  ".join(c.ljust(width[i]) if i == 0 else c.rjust(width[i]) for i, c in enumerate(r)) for r in rows]
    verdict = "met" if result["goal_met"] else "NOT met"
    lines.append(
        f"speed-up from batching: {result['speedup_median']}x (median of {result['params']['runs']} runs; "
        f"goal ≥{GOAL}x {verdict}) on {result['environment']['device']}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="a seconds-long run that checks the benchmark works")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=16, help="requests per phase")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--model", default=None, help="model folder (default: the bundled demo model)")
    parser.add_argument(
        "--cpu-threads", type=int, default=1, help="CPU kernel threads for the engine's worker (0: torch's default)"
    )
    args = parser.parse_args()
    if args.smoke:
        args.runs, args.requests, args.max_tokens = 1, args.clients, 8
    model_dir = args.model or str(resolve_demo_assets() or "")
    if not model_dir:
        raise SystemExit("The demo model is not bundled here; run `kojo models init-demo` and pass --model DIR.")
    result = asyncio.run(bench(args, model_dir))
    print(table(result))
    out = RESULTS / ("local_engine_smoke.json" if args.smoke else "local_engine.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
