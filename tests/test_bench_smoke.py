"""The benchmarks' smoke runs: each starts real processes, finishes in well under a minute, exits 0 and
writes its JSON result (to a temporary folder, not the repo's bench/results)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import postgres_available

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _run(script: str, out: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "KOJO_BENCH_RESULTS": str(out), "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, str(BENCH / script), "--smoke"], env=env, capture_output=True,
                          text=True, timeout=timeout, cwd=BENCH.parent)


def _redis_reason() -> str | None:
    try:
        import redis

        redis.Redis.from_url("redis://127.0.0.1:6379/14", socket_connect_timeout=1).ping()
        return None
    except Exception as exc:
        return f"Redis not reachable at 127.0.0.1:6379: {type(exc).__name__}"


def test_gateway_overhead_smoke_runs_and_writes_its_result(tmp_path):
    proc = _run("gateway_overhead.py", tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    result = json.loads((tmp_path / "gateway_overhead_smoke.json").read_text())
    assert {"direct", "kojo", "kojo+guardrails"} <= set(result["targets"])
    assert result["targets"]["kojo"]["error_rate"] == 0


def test_soak_smoke_loses_no_audit_record_and_leaves_no_unclear_response(tmp_path):
    reason = postgres_available() or _redis_reason()
    if reason:
        pytest.skip(reason)
    proc = _run("soak.py", tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    result = json.loads((tmp_path / "soak_smoke.json").read_text())
    assert result["audit"]["missing"] == 0 and result["audit"]["chain"]["ok"]
    assert result["unclear"] == 0
    assert result["requests"] == result["audit"]["records"]
