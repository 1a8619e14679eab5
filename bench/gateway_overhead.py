"""Gateway overhead: what kojo adds on top of the upstream it fronts.

A mock OpenAI upstream with a fixed delay; the gateway in front of it with auth + limits + audit + metrics
on (guardrails off, then on, as a separate row); open-loop load at a fixed rate from a separate process.
Added latency = gateway percentile − direct percentile, measured in the same run, median of repeats.
Saturation: closed-loop load with 64 workers. LiteLLM's proxy runs side by side when it is installed.

    python bench/gateway_overhead.py            # full run (a few minutes)
    python bench/gateway_overhead.py --smoke    # seconds, for CI
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (
    free_port,
    loadgen,
    make_home,
    median,
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


def start_litellm(mock_url: str, port: int) -> subprocess.Popen | None:
    if importlib.util.find_spec("litellm") is None or shutil.which("litellm") is None:
        return None
    cfg = Path(tempfile.mkdtemp()) / "litellm.yaml"
    cfg.write_text(f"model_list:\n  - model_name: mock\n    litellm_params:\n      model: openai/mock\n"
                   f"      api_base: {mock_url}\n      api_key: none\n")
    proc = subprocess.Popen(["litellm", "--config", str(cfg), "--port", str(port), "--num_workers", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from harness import wait_http

    try:
        wait_http(f"http://127.0.0.1:{port}/health/liveliness", proc, timeout=120)
    except RuntimeError:
        stop(proc)
        return None
    return proc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--delay-ms", type=float, default=20)
    args = ap.parse_args()
    if args.smoke:
        args.rate, args.duration, args.repeats = 50, 2, 1

    tmp = Path(tempfile.mkdtemp(prefix="kojo-bench-"))
    key = make_home(tmp / "home", ["mock"], rpm=10_000_000, tpm=1_000_000_000)
    mport, gport, g2port, lport = free_port(), free_port(), free_port(), free_port()
    procs = [start_mock(mport, "--delay-ms", str(args.delay_ms), "--chunk-delay-ms", "1")]
    mock = f"http://127.0.0.1:{mport}/v1"
    procs.append(start_gateway(tmp / "home", gport, "--engine", "none", "--upstream", f"mock={mock}",
                               KOJO_GUARDRAILS_ENABLED="false"))
    procs.append(start_gateway(tmp / "home", g2port, "--engine", "none", "--upstream", f"mock={mock}"))
    litellm = None if args.smoke else start_litellm(mock, lport)
    targets = {"direct": (f"{mock}/chat/completions", None),
               "kojo": (f"http://127.0.0.1:{gport}/v1/chat/completions", key),
               "kojo+guardrails": (f"http://127.0.0.1:{g2port}/v1/chat/completions", key)}
    if litellm:
        procs.append(litellm)
        targets["litellm"] = (f"http://127.0.0.1:{lport}/v1/chat/completions", None)
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    streams: dict[str, list[dict]] = {name: [] for name in targets}
    try:
        for url, k in targets.values():  # warm-up: connections, caches, lazy imports
            loadgen(url, key=k, rate=20, duration=1)
        for _ in range(args.repeats):  # interleaved, so drift hits every target alike
            for name, (url, k) in targets.items():
                runs[name].append(open_loop(url, k, args.rate, args.duration))
                streams[name].append(open_loop(url, k, args.rate / 2, args.duration, stream=True))
        sat = {name: saturation(url, k, args.duration) for name, (url, k) in targets.items()}
    finally:
        for proc in procs:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)

    def med(name: str, field: str, src=runs) -> float:
        return median([r[field] for r in src[name]])

    rows, result = [], {"settings": vars(args), "targets": {}}
    for name in targets:
        entry = {"p50_ms": med(name, "p50"), "p99_ms": med(name, "p99"),
                 "added_p50_ms": med(name, "p50") - med("direct", "p50"),
                 "added_p99_ms": med(name, "p99") - med("direct", "p99"),
                 "ttft_p99_ms": med(name, "ttft_p99", streams),
                 "added_ttft_p99_ms": med(name, "ttft_p99", streams) - med("direct", "ttft_p99", streams),
                 "error_rate": med(name, "errors"), "saturation_rps": sat[name]["rps"],
                 "saturation_error_rate": sat[name]["errors"], "runs": runs[name], "stream_runs": streams[name]}
        result["targets"][name] = entry
        rows.append([name, entry["p50_ms"], entry["p99_ms"], entry["added_p50_ms"], entry["added_p99_ms"],
                     entry["added_ttft_p99_ms"], entry["saturation_rps"], f"{entry['saturation_error_rate']:.4f}"])
    if "litellm" in targets:
        k, lt = result["targets"]["kojo"], result["targets"]["litellm"]
        result["ratio_litellm_over_kojo_added_p50"] = lt["added_p50_ms"] / max(1e-6, k["added_p50_ms"])
    print_table(f"gateway overhead at {args.rate:.0f} RPS, upstream delay {args.delay_ms:.0f} ms "
                f"(median of {args.repeats})",
                ["target", "P50 ms", "P99 ms", "added P50", "added P99", "added TTFT P99", "sat. RPS", "sat. errors"],
                rows)
    print(f"results: {write_result('gateway_overhead_smoke' if args.smoke else 'gateway_overhead', result)}")


if __name__ == "__main__":
    main()
