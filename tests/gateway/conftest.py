"""Processes for end-to-end tests: a real ``kojo serve`` on a free port, and mock OpenAI upstreams."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_in_thread(app, poll_s: float = 0.02) -> Iterator[int]:
    """A real uvicorn server for ``app`` on a free port in this process; yields the port. On exit the server stops
    and its lifespan ends (flushing what the app flushes at shutdown)."""
    import threading

    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(poll_s)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 240.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode() if proc.stdout else ""
            raise RuntimeError(f"process exited ({proc.returncode}) before answering {url}: {out[-2000:]}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    env.update(extra)
    return env


def start_mock(port: int, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "aikojo.testing.mock_openai", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=clean_env())
    wait_http(f"http://127.0.0.1:{port}/v1/models", proc)
    return proc


def start_gateway(home: Path, port: int, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "aikojo.cli.main", "--home", str(home), "serve", "--port",
                             str(port), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=clean_env(**(env or {})))
    wait_http(f"http://127.0.0.1:{port}/healthz", proc)
    return proc


@pytest.fixture
def mock_upstream(tmp_path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    record = tmp_path / "upstream-received.jsonl"
    proc = start_mock(port, "--record", str(record), "--delay-ms", "5")
    yield f"http://127.0.0.1:{port}/v1", record
    stop(proc)
