"""Audit chain write throughput: one transaction per record against group commit, with several writer
processes at once, on SQLite (WAL, synchronous=FULL) and PostgreSQL (when it answers). Every run ends with
``verify`` so a fast but broken chain cannot win.

    python bench/audit_writer.py [--smoke]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import median, pct, print_table, write_result

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _worker(home: str, url: str, mode: str, n: int, concurrency: int, q) -> None:
    import asyncio

    from aikojo.audit.chain import AuditEntry
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings

    p = open_platform(load_settings(home=home, database_url=url))
    lat: list[float] = []

    def entry(i: int) -> AuditEntry:
        return AuditEntry(actor="key:kid_bench", action="inference.chat", target="demo", tenant="bench",
                          project="p", request_id=uuid.uuid4().hex, details={"tokens_in": 12, "tokens_out": i})

    async def one(i: int) -> None:
        t0 = time.perf_counter()
        if mode == "group":
            await asyncio.wrap_future(p.audit.submit(entry(i)))
        else:
            await asyncio.to_thread(p.audit.write, [entry(i)])
        lat.append((time.perf_counter() - t0) * 1000)

    async def run() -> None:
        sem = asyncio.Semaphore(concurrency)

        async def guarded(i: int) -> None:
            async with sem:
                await one(i)
        await asyncio.gather(*(guarded(i) for i in range(n)))

    t0 = time.perf_counter()
    asyncio.run(run())
    q.put({"elapsed": time.perf_counter() - t0, "lat": lat})
    p.close()


def _pg_database() -> str | None:
    try:
        from sqlalchemy import create_engine, make_url, text

        eng = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
        name = f"kojo_bench_{uuid.uuid4().hex[:8]}"
        with eng.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    except Exception:
        return None


def run_case(backend: str, mode: str, processes: int, n: int, concurrency: int) -> dict | None:
    from aikojo.audit.chain import verify
    from aikojo.audit.signing import load_verifier
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings

    home = Path(tempfile.mkdtemp(prefix="kojo-audit-bench-"))
    url = f"sqlite:///{home / 'kojo.db'}" if backend == "sqlite" else _pg_database()
    if url is None:
        return None
    settings = load_settings(home=home, database_url=url)
    initialise(settings, install_demo=False)
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(str(home), url, mode, n, concurrency, q)) for _ in range(processes)]
    t0 = time.perf_counter()
    for proc in procs:
        proc.start()
    results = [q.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join()
    wall = time.perf_counter() - t0
    p = open_platform(settings)
    with p.store.read() as s:
        report = verify(s, load_verifier(settings.signing_key_path), settings.checkpoint_log_path)
    p.close()
    lat = [x for r in results for x in r["lat"]]
    elapsed = max(r["elapsed"] for r in results)
    return {"backend": backend, "mode": mode, "processes": processes, "records": len(lat),
            "records_per_s": len(lat) / elapsed, "p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99),
            "wall_s": wall, "chain_ok": report.ok}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--records", type=int, default=1000, help="per process")
    ap.add_argument("--processes", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=32, help="in-flight requests per process")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if args.smoke:
        args.records, args.processes, args.repeats = 50, 2, 1
    rows, cases = [], []
    for backend in ("sqlite", "postgres"):
        for mode in ("per-record", "group"):
            runs = [r for r in (run_case(backend, mode, args.processes, args.records, args.concurrency)
                                for _ in range(args.repeats)) if r]
            if not runs:
                continue
            case = {"backend": backend, "mode": mode, "records_per_s": median([r["records_per_s"] for r in runs]),
                    "p50_ms": median([r["p50_ms"] for r in runs]), "p99_ms": median([r["p99_ms"] for r in runs]),
                    "chain_ok": all(r["chain_ok"] for r in runs), "runs": runs}
            cases.append(case)
    for backend in ("sqlite", "postgres"):
        pair = {c["mode"]: c for c in cases if c["backend"] == backend}
        for mode, c in pair.items():
            ratio = c["records_per_s"] / pair["per-record"]["records_per_s"] if "per-record" in pair else 1.0
            rows.append([backend, mode, c["records_per_s"], f"{ratio:.1f}x", c["p50_ms"], c["p99_ms"], c["chain_ok"]])
    print_table(f"audit writes: {args.processes} processes × {args.records} records, {args.concurrency} in flight "
                f"each (median of {args.repeats})",
                ["store", "mode", "records/s", "vs per-record", "P50 ms", "P99 ms", "chain verifies"], rows)
    name = "audit_writer_smoke" if args.smoke else "audit_writer"
    print(f"results: {write_result(name, {'settings': vars(args), 'cases': cases})}")


if __name__ == "__main__":
    main()
