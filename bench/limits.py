"""Limits benchmark: admit + settle latency of the in-process and the Redis limiter, throughput under 50
concurrent clients, and how many requests 3 replicas admit against rpm=100 (per-replica counts vs shared Redis).

    python bench/limits.py [--smoke] [--redis-url redis://127.0.0.1:6379/15]

The Redis floor (PING and a no-op script from the same client) is measured in the same run, so the Lua work
can be read as a ratio to it. Each request checks two scopes (project + key) with rpm, tpm and concurrency
set, as the gateway does.
Latencies are medians over several runs of each run's P50/P99. Prints a table and writes
bench/results/limits.json (``--smoke``: a seconds-long run written to bench/results/limits_smoke.json).
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
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aikojo.gateway.limits import Limiter, LimitSpec, MemoryLimiter  # noqa: E402
from aikojo.gateway.limits.redis_limiter import RedisLimiter  # noqa: E402

BIG = 10**9  # limits that never refuse, so every op does the full admit + settle work
SPECS = [LimitSpec("project:bench/p", rpm=BIG, tpm=BIG, max_concurrent=BIG),
         LimitSpec("key:kid_bench", rpm=BIG, tpm=BIG, max_concurrent=BIG)]


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


async def latency_run(limiter: Limiter, ops: int) -> dict[str, float]:
    admit_us, settle_us, both_us = [], [], []
    for _ in range(ops):
        t0 = time.perf_counter_ns()
        a = await limiter.admit(SPECS, 100)
        t1 = time.perf_counter_ns()
        await limiter.settle(a.ticket, 80)
        t2 = time.perf_counter_ns()
        admit_us.append((t1 - t0) / 1000)
        settle_us.append((t2 - t1) / 1000)
        both_us.append((t2 - t0) / 1000)
    return {"admit_p50_us": pct(admit_us, 0.5), "admit_p99_us": pct(admit_us, 0.99),
            "settle_p50_us": pct(settle_us, 0.5), "settle_p99_us": pct(settle_us, 0.99),
            "p50_us": pct(both_us, 0.5), "p99_us": pct(both_us, 0.99)}


async def throughput_run(limiter: Limiter, ops: int, clients: int = 50) -> float:
    per_client = max(1, ops // clients)

    async def client() -> None:
        for _ in range(per_client):
            a = await limiter.admit(SPECS, 100)
            await limiter.settle(a.ticket, 80)

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return per_client * clients / (time.perf_counter() - t0)


async def replicas_run(make, replicas: int = 3, clients: int = 50, attempts: int = 8) -> int:
    """Admitted requests when ``clients`` spread over ``replicas`` limiter instances offer 400 against rpm=100
    (every replica alone offers more than 100)."""
    limiters = [make() for _ in range(replicas)]
    spec = [LimitSpec(f"project:bench/{uuid.uuid4().hex[:6]}", rpm=100)]

    async def client(limiter: Limiter) -> int:
        return sum([(await limiter.admit(spec, 0)).allowed for _ in range(attempts)])

    admitted = await asyncio.gather(*(client(limiters[i % replicas]) for i in range(clients)))
    for limiter in limiters:
        await limiter.close()
    return sum(admitted)


async def redis_floor(url: str, ops: int) -> dict[str, float]:
    """What any Redis round trip costs from this client on this machine: PING, and a script that does nothing
    with as many keys and arguments as an admit of two scopes."""
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(url)
    noop = client.register_script("return {1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1}")
    keys, args = [f"{{kojobench}}:noop:{i}" for i in range(9)], list(range(11))
    out = {}
    for name, call in (("ping", client.ping), ("noop_script", lambda: noop(keys=keys, args=args))):
        for _ in range(min(200, ops)):
            await call()
        us = []
        for _ in range(ops):
            t0 = time.perf_counter_ns()
            await call()
            us.append((time.perf_counter_ns() - t0) / 1000)
        out[f"{name}_p50_us"], out[f"{name}_p99_us"] = round(pct(us, 0.5), 1), round(pct(us, 0.99), 1)
    await client.aclose()
    return out


async def measure(name: str, make, ops: int, runs: int) -> dict[str, float]:
    per_run = []
    rates = []
    for _ in range(runs):
        limiter = make()
        await latency_run(limiter, min(200, ops))  # warm-up: connections, script cache, allocator
        per_run.append(await latency_run(limiter, ops))
        rates.append(await throughput_run(limiter, ops))
        await limiter.close()
    out = {k: round(statistics.median(r[k] for r in per_run), 1) for k in per_run[0]}
    out["ops_per_s_50_clients"] = round(statistics.median(rates))
    out["replicas3_admitted_of_rpm100"] = await replicas_run(make)
    print(f"  {name}: done", file=sys.stderr)
    return out


async def redis_reason(url: str) -> str | None:
    probe = RedisLimiter(url)
    ok = await probe.health()
    await probe.close()
    return None if ok else f"Redis not reachable at {url}"


async def cleanup(url: str, prefix: str) -> None:
    import redis.asyncio as aioredis

    client = aioredis.Redis.from_url(url)
    keys = [k async for k in client.scan_iter(match=prefix.replace("{", "[{]").replace("}", "[}]") + "*")]
    for i in range(0, len(keys), 500):
        await client.delete(*keys[i:i + 500])
    await client.aclose()


async def main_async(args: argparse.Namespace) -> int:
    ops, runs = (300, 1) if args.smoke else (args.ops, args.runs)
    results: dict[str, object] = {}
    results["memory"] = await measure("memory", MemoryLimiter, ops, runs)
    reason = await redis_reason(args.redis_url)
    if reason is None:
        prefix = "{kojobench:" + uuid.uuid4().hex[:8] + "}"
        try:
            results["redis"] = await measure("redis", lambda: RedisLimiter(args.redis_url, prefix=prefix), ops, runs)
            results["redis_floor"] = await redis_floor(args.redis_url, ops)
        finally:
            await cleanup(args.redis_url, prefix)
    else:
        results["redis"] = {"skipped": reason}

    rows = [("admit P50 / P99 (µs)", "admit_p50_us", "admit_p99_us"),
            ("settle P50 / P99 (µs)", "settle_p50_us", "settle_p99_us"),
            ("admit+settle P50 / P99 (µs)", "p50_us", "p99_us")]
    print(f"limits benchmark: {ops} sequential admit+settle ops x {runs} runs, 2 scopes (rpm+tpm+concurrency)")
    print(f"{'metric':40} {'memory':>18} {'redis':>18}")
    for label, a, b in rows:
        cells = [f"{r[a]:.0f} / {r[b]:.0f}" if a in r else "-" for r in (results["memory"], results["redis"])]
        print(f"{label:40} {cells[0]:>18} {cells[1]:>18}")
    for label, k in (("ops/s, 50 concurrent clients, 1 process", "ops_per_s_50_clients"),
                     ("3 replicas, rpm=100, 400 offered: admitted", "replicas3_admitted_of_rpm100")):
        cells = [str(r.get(k, "-")) for r in (results["memory"], results["redis"])]
        print(f"{label:40} {cells[0]:>18} {cells[1]:>18}")
    if "skipped" in results["redis"]:  # type: ignore[operator]
        print(f"redis: {results['redis']['skipped']}")  # type: ignore[index]
    else:
        f = results["redis_floor"]
        r = results["redis"]
        print(f"redis floor on this machine, P50 / P99 (µs): PING {f['ping_p50_us']:.0f} / {f['ping_p99_us']:.0f}, "  # type: ignore[index]
              f"no-op script {f['noop_script_p50_us']:.0f} / {f['noop_script_p99_us']:.0f}; "  # type: ignore[index]
              f"admit = {r['admit_p50_us'] / f['noop_script_p50_us']:.2f}x the no-op script at P50")  # type: ignore[index]
    print("memory counts per replica (3 x 100 admitted); redis shares one count across replicas (100)")

    out = ROOT / "bench" / "results" / ("limits_smoke.json" if args.smoke else "limits.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"ops": ops, "runs": runs, "python": platform.python_version(),
                               "machine": platform.machine(), "cpus": os.cpu_count(),
                               "load_avg_1m_at_end": round(os.getloadavg()[0], 2), "results": results},
                              indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smoke", action="store_true", help="a seconds-long run (CI)")
    ap.add_argument("--ops", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--redis-url", default=os.environ.get("KOJO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))
    return asyncio.run(main_async(ap.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())
