"""Gateway overhead: what kojo adds on top of the upstream it fronts.

A mock OpenAI upstream with a fixed delay; the gateway in front of it with auth + limits + audit + metrics
on (guardrails off: the headline row; guardrails on: a separate row); open-loop load at a fixed rate from a
separate process. Added latency = gateway percentile − direct percentile, measured in the same run,
interleaved, median of repeats. Saturation: closed-loop load with 64 workers, also interleaved.

Rows beyond the headline:
* ``kojo x2 workers (PG)`` — ``kojo serve --workers 2 --limits redis`` on a fresh PostgreSQL database: the
  scale-out configuration (one process cannot use two cores; two processes appending to one SQLite file
  would wait on its lock through SQLite's sleeping busy handler, PostgreSQL wakes a waiting writer at once).
* ``kojo, audit on tmpfs`` — a diagnostic, not a configuration to run: the same gateway with its home (and so
  its SQLite audit log) on /dev/shm, where fsync costs nothing. The difference to the headline row is what
  the durable audit commit (one fsync per batch, which every response waits for) costs on this disk.
* ``litellm`` — LiteLLM's proxy (master key only, its lightest setup) when ``--litellm`` finds it; since it
  collapses below the headline rate, it is compared with kojo at ``--reference-rate`` too (interleaved).
* ``kojo @baseline`` — with ``--baseline-tree DIR`` (e.g. ``git archive HEAD | tar -x -C DIR``): the same
  gateway from another checkout, to measure a change before/after in the same run.

    python bench/gateway_overhead.py            # full run (~10 minutes)
    python bench/gateway_overhead.py --smoke    # seconds, for CI
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    drop_pg_database,
    free_port,
    loadgen,
    make_home,
    median,
    new_pg_database,
    pct,
    print_table,
    start_gateway,
    start_mock,
    stop,
    write_result,
)


def open_loop(url: str, key: str | None, rate: float, duration: float, stream: bool = False) -> dict:
    r = loadgen(url, key=key, rate=rate, duration=duration, stream=stream)
    n = max(1, r["sent"])
    return {"p50": pct(r["latency"], 50), "p99": pct(r["latency"], 99), "ttft_p50": pct(r["ttft"], 50),
            "ttft_p99": pct(r["ttft"], 99), "errors": sum(r["errors"].values()) / n, "n": r["sent"]}


def saturation(url: str, key: str | None, duration: float) -> dict:
    r = loadgen(url, key=key, concurrency=64, duration=duration)
    ok = len(r["latency"])
    return {"rps": ok / r["elapsed_s"], "errors": sum(r["errors"].values()) / max(1, r["sent"]),
            "error_classes": r["errors"]}


def fsync_ms(folder: Path, n: int = 60) -> dict:
    """What one fsync costs where the audit log lives: the floor under a durable commit."""
    path = folder / "fsync.probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    times = []
    try:
        for _ in range(n):
            os.write(fd, b"x" * 4096)
            t0 = time.perf_counter()
            os.fsync(fd)
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return {"p50": pct(times, 50), "p99": pct(times, 99)}


def start_litellm(binary: str | None, mock_url: str, port: int) -> subprocess.Popen | None:
    if not binary or not Path(binary).exists():
        return None
    cfg = Path(tempfile.mkdtemp()) / "litellm.yaml"
    cfg.write_text(f"model_list:\n  - model_name: mock\n    litellm_params:\n      model: openai/mock\n"
                   f"      api_base: {mock_url}\n      api_key: none\n")
    proc = subprocess.Popen([binary, "--config", str(cfg), "--port", str(port), "--num_workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "LITELLM_MASTER_KEY": "sk-bench", "LITELLM_LOG": "ERROR"})
    from harness import wait_http

    try:
        wait_http(f"http://127.0.0.1:{port}/health/liveliness", proc, timeout=180)
    except RuntimeError:
        stop(proc)
        return None
    return proc


def baseline_gateway(tree: Path, home: Path, up: tuple[str, ...], targets: dict) -> subprocess.Popen:
    """``kojo serve`` from another checkout, with a home made by that checkout's own code."""
    from harness import _env, wait_http

    env = _env(PYTHONPATH=str(tree), KOJO_GUARDRAILS_ENABLED="false")
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); from harness import make_home; "
            f"print(make_home(__import__('pathlib').Path({str(home)!r}), ['mock'], rpm=10_000_000, tpm=10**9))")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tree, capture_output=True, text=True, check=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "aikojo.cli.main", "--home", str(home), "serve", "--port",
                             str(port), *up], env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_http(f"http://127.0.0.1:{port}/healthz", proc)
    targets["kojo @baseline"] = (f"http://127.0.0.1:{port}/v1/chat/completions", out.stdout.strip().splitlines()[-1])
    return proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--duration", type=float, default=8)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--delay-ms", type=float, default=20)
    ap.add_argument("--litellm", default=shutil.which("litellm"), help="the litellm CLI (e.g. from its own venv)")
    ap.add_argument("--redis-url", default="redis://127.0.0.1:6379/13", help="limits for the x2-workers row")
    ap.add_argument("--reference-rate", type=float, default=50, help="the rate for the kojo/LiteLLM comparison")
    ap.add_argument("--no-extra-rows", action="store_true", help="direct, kojo and kojo+guardrails only")
    ap.add_argument("--baseline-tree", type=Path, help="another checkout of kojo to run as a row (before/after)")
    args = ap.parse_args()
    if args.smoke:
        args.rate, args.duration, args.repeats, args.no_extra_rows = 50, 2, 1, True

    tmp = Path(tempfile.mkdtemp(prefix="kojo-bench-"))
    limits = {"rpm": 10_000_000, "tpm": 1_000_000_000}
    key = make_home(tmp / "home", ["mock"], **limits)
    mport = free_port()
    procs = [start_mock(mport, "--delay-ms", str(args.delay_ms), "--chunk-delay-ms", "1")]
    mock = f"http://127.0.0.1:{mport}/v1"
    up = ("--engine", "none", "--upstream", f"mock={mock}")
    targets = {"direct": (f"{mock}/chat/completions", None)}
    env: dict = {"fsync_home_ms": fsync_ms(tmp)}

    def gateway(name: str, home: Path, k: str, *extra: str, **kojo_env: str) -> None:
        port = free_port()
        procs.append(start_gateway(home, port, *up, *extra, **kojo_env))
        targets[name] = (f"http://127.0.0.1:{port}/v1/chat/completions", k)

    shm, pg_db = None, None
    try:
        gateway("kojo", tmp / "home", key, KOJO_GUARDRAILS_ENABLED="false")
        gateway("kojo+guardrails", tmp / "home", key)
        if args.baseline_tree:  # asked for by name: a row even with --no-extra-rows
            procs.append(baseline_gateway(args.baseline_tree.resolve(), tmp / "baseline", up, targets))
        if not args.no_extra_rows:
            import redis

            redis.Redis.from_url(args.redis_url).flushdb()
            pg_db, pg_url = new_pg_database()
            pg_key = make_home(tmp / "pg-home", ["mock"], database_url=pg_url, **limits)
            gateway("kojo x2 workers (PG)", tmp / "pg-home", pg_key, "--workers", "2", "--limits", "redis",
                    KOJO_GUARDRAILS_ENABLED="false", KOJO_REDIS_URL=args.redis_url, KOJO_DATABASE_URL=pg_url)
            if Path("/dev/shm").is_dir():
                shm = Path(tempfile.mkdtemp(prefix="kojo-bench-", dir="/dev/shm"))
                env["fsync_tmpfs_ms"] = fsync_ms(shm)
                shm_key = make_home(shm / "home", ["mock"], **limits)
                gateway("kojo, audit on tmpfs", shm / "home", shm_key, KOJO_GUARDRAILS_ENABLED="false")
            lport = free_port()
            litellm = start_litellm(args.litellm, mock, lport)
            if litellm:
                procs.append(litellm)
                targets["litellm"] = (f"http://127.0.0.1:{lport}/v1/chat/completions", "sk-bench")
            else:
                env["litellm"] = f"not run: no litellm CLI at {args.litellm!r} (pass --litellm PATH)"
        runs: dict[str, list[dict]] = {name: [] for name in targets}
        streams: dict[str, list[dict]] = {name: [] for name in targets}
        sats: dict[str, list[dict]] = {name: [] for name in targets}
        env["load_avg_before"] = os.getloadavg()
        for url, k in targets.values():  # warm-up: connections, caches, lazy imports
            loadgen(url, key=k, rate=20, duration=1)
        for _ in range(args.repeats):  # interleaved, so drift hits every target alike
            for name, (url, k) in targets.items():
                runs[name].append(open_loop(url, k, args.rate, args.duration))
                streams[name].append(open_loop(url, k, args.rate / 2, args.duration, stream=True))
            for name, (url, k) in targets.items():
                sats[name].append(saturation(url, k, args.duration))
        reference: dict[str, dict[str, list[dict]]] = {}
        if "litellm" in targets:
            for name in ("direct", "kojo", "litellm"):
                reference[name] = {"runs": [], "streams": []}
            for _ in range(args.repeats):
                for name, ref in reference.items():
                    url, k = targets[name]
                    ref["runs"].append(open_loop(url, k, args.reference_rate, args.duration))
                    ref["streams"].append(open_loop(url, k, args.reference_rate / 2, args.duration, stream=True))
        env["load_avg_after"] = os.getloadavg()
    finally:
        for proc in procs:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
        if shm is not None:
            shutil.rmtree(shm, ignore_errors=True)
        if pg_db is not None:
            drop_pg_database(pg_db)

    def med(name: str, field: str, src=runs) -> float:
        return median([r[field] for r in src[name]])

    rows, result = [], {"settings": vars(args), "environment": env, "targets": {}}
    for name in targets:
        entry = {"p50_ms": med(name, "p50"), "p99_ms": med(name, "p99"),
                 "added_p50_ms": med(name, "p50") - med("direct", "p50"),
                 "added_p99_ms": med(name, "p99") - med("direct", "p99"),
                 "ttft_p99_ms": med(name, "ttft_p99", streams),
                 "added_ttft_p99_ms": med(name, "ttft_p99", streams) - med("direct", "ttft_p99", streams),
                 "error_rate": med(name, "errors"), "saturation_rps": med(name, "rps", sats),
                 "saturation_error_rate": med(name, "errors", sats), "runs": runs[name], "stream_runs": streams[name],
                 "saturation_runs": sats[name]}
        result["targets"][name] = entry
        rows.append([name, entry["p50_ms"], entry["p99_ms"], entry["added_p50_ms"], entry["added_p99_ms"],
                     entry["added_ttft_p99_ms"], f"{entry['error_rate']:.4f}", entry["saturation_rps"],
                     f"{entry['saturation_error_rate']:.4f}"])
    if reference:
        ref = {name: {f: median([r[f] for r in v["runs"]]) for f in ("p50", "p99", "errors")} |
               {"ttft_p99": median([r["ttft_p99"] for r in v["streams"]])} for name, v in reference.items()}
        for name in ("kojo", "litellm"):
            for f in ("p50", "p99", "ttft_p99"):
                ref[name][f"added_{f}_ms"] = ref[name][f] - ref["direct"][f]
        result["reference"] = {"rate": args.reference_rate, **ref,
                               "raw": reference}
        result["ratio_litellm_over_kojo"] = {
            f"added_{f}_ms at {args.reference_rate:.0f} RPS": ref["litellm"][f"added_{f}_ms"]
            / max(1e-6, ref["kojo"][f"added_{f}_ms"]) for f in ("p50", "p99", "ttft_p99")}
        result["ratio_litellm_over_kojo"]["saturation_rps"] = (result["targets"]["litellm"]["saturation_rps"]
                                                               / max(1e-6, result["targets"]["kojo"]["saturation_rps"]))
    print_table(f"gateway overhead at {args.rate:.0f} RPS, upstream delay {args.delay_ms:.0f} ms "
                f"(median of {args.repeats}, interleaved; load avg {env['load_avg_before'][0]:.1f})",
                ["target", "P50 ms", "P99 ms", "added P50", "added P99", "added TTFT P99", "errors", "sat. RPS",
                 "sat. errors"], rows)
    fs = env["fsync_home_ms"]
    print(f"fsync where the audit log lives: P50 {fs['p50']:.2f} ms, P99 {fs['p99']:.2f} ms")
    if reference:
        print_table(f"kojo and LiteLLM at {args.reference_rate:.0f} RPS (median of {args.repeats}, interleaved)",
                    ["target", "P50 ms", "P99 ms", "added P50", "added P99", "added TTFT P99", "errors"],
                    [[n, r["p50"], r["p99"], r.get("added_p50_ms", 0.0), r.get("added_p99_ms", 0.0),
                      r.get("added_ttft_p99_ms", 0.0), f"{r['errors']:.4f}"] for n, r in ref.items()])
    if "ratio_litellm_over_kojo" in result:
        print("litellm / kojo: " + ", ".join(f"{k} {v:.1f}x" for k, v in result["ratio_litellm_over_kojo"].items()))
    print(f"results: {write_result('gateway_overhead_smoke' if args.smoke else 'gateway_overhead', result)}")


if __name__ == "__main__":
    main()
