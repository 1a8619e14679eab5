"""Shared pieces of the benchmarks: a throwaway kojo home with a project and key, loopback processes
(gateway, mock upstream, load generator), percentiles, and the table + JSON result writer."""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

# KOJO_BENCH_RESULTS: where results go instead (the smoke tests write to a temporary folder).
RESULTS = Path(os.environ.get("KOJO_BENCH_RESULTS") or Path(__file__).with_name("results"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def make_home(home: Path, models: list[str], database_url: str | None = None, **project_limits) -> str:
    """Initialise a kojo home with tenant bench, project bench/p and return a key for it."""
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    settings = load_settings(home=home, database_url=database_url)
    initialise(settings, install_demo="demo" in models)
    p = open_platform(settings)
    admin = Actor.local()
    service.create_tenant(p, admin, "bench")
    service.create_project(p, admin, ProjectCreate(tenant="bench", name="p", models=models, **project_limits))
    key = key_service.create_key(p, admin, KeyCreate(project="bench/p")).key
    p.close()
    return key


PG_ADMIN = os.environ.get("KOJO_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def new_pg_database(prefix: str = "kojo_bench") -> tuple[str, str]:
    """A fresh, empty PostgreSQL database: (name, URL). ``kojo init`` (make_home) migrates it."""
    import uuid

    from sqlalchemy import create_engine, make_url, text

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return name, make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(name: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    env.update(extra)
    return env


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args} exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer in {timeout}s")


def start_mock(port: int, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "aikojo.testing.mock_openai", "--port", str(port), *args],
                            env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_http(f"http://127.0.0.1:{port}/v1/models", proc)
    return proc


def start_gateway(home: Path, port: int, *args: str, **env: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "aikojo.cli.main", "--home", str(home), "serve", "--port",
                             str(port), *args], env=_env(**env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_http(f"http://127.0.0.1:{port}/healthz", proc)
    return proc


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def loadgen(url: str, *, key: str | None = None, model: str = "mock", rate: float | None = None,
            concurrency: int = 64, duration: float = 5.0, stream: bool = False) -> dict:
    cmd = [sys.executable, str(Path(__file__).with_name("loadgen.py")), "--url", url, "--model", model,
           "--duration", str(duration), "--concurrency", str(concurrency)]
    if key:
        cmd += ["--key", key]
    if rate:
        cmd += ["--rate", str(rate)]
    if stream:
        cmd.append("--stream")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration * 4 + 60, env=_env())
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout)


def machine() -> dict:
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count()}


def write_result(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"benchmark": name, "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                "machine": machine(), **data}, indent=2, ensure_ascii=False, default=str))
    return path


def print_table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=title)
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*[f"{v:.2f}" if isinstance(v, float) else str(v) for v in r])
    Console(width=160).print(t)  # wide enough for every column when stdout is not a terminal
