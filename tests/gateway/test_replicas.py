"""Two gateway replicas (real ``kojo serve`` processes) sharing PostgreSQL and Redis: rate limits stay exact
across them, and the audit chain stays complete and valid with concurrent writers."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from tests.conftest import REDIS_URL, new_pg_database, postgres_available
from tests.gateway.conftest import free_port, start_gateway, stop


def _redis_reason() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        return None
    except Exception as exc:
        return f"Redis not reachable at {REDIS_URL}: {type(exc).__name__}"


@pytest.fixture
def replicas(tmp_path, mock_upstream):
    if postgres_available() or _redis_reason():
        pytest.skip(postgres_available() or _redis_reason())
    import redis

    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    redis.Redis.from_url(REDIS_URL).flushdb()
    db_url = new_pg_database()
    settings = load_settings(home=tmp_path / "home", database_url=db_url)
    initialise(settings, install_demo=False)
    p = open_platform(settings)
    service.create_tenant(p, Actor.local(), "acme")
    service.create_project(p, Actor.local(), ProjectCreate(tenant="acme", name="claims", models=["mock"], rpm=100))
    key = key_service.create_key(p, Actor.local(), KeyCreate(project="acme/claims")).key
    p.close()
    env = {"KOJO_DATABASE_URL": db_url, "KOJO_LIMITS_BACKEND": "redis", "KOJO_REDIS_URL": REDIS_URL,
           "KOJO_GUARDRAILS_ENABLED": "false"}
    ports = [free_port(), free_port()]
    procs = [start_gateway(settings.home, port, "--engine", "none", "--upstream", f"mock={mock_upstream[0]}",
                           env=env) for port in ports]
    yield settings, key, ports
    for proc in procs:
        stop(proc)


async def _offer(ports: list[int], key: str, n: int, clients: int) -> list[int]:
    statuses: list[int] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)

    async def client(c: int) -> None:
        port = ports[c % len(ports)]  # clients spread over the replicas
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60,
                                     headers={"Authorization": f"Bearer {key}"}) as http:
            while not queue.empty():
                queue.get_nowait()
                r = await http.post("/v1/chat/completions",
                                    json={"model": "mock", "max_tokens": 4,
                                          "messages": [{"role": "user", "content": "hi"}]})
                statuses.append(r.status_code)

    await asyncio.gather(*(client(c) for c in range(clients)))
    return statuses


def test_limits_are_exact_and_the_audit_chain_complete_across_replicas(replicas):
    from sqlalchemy import select

    from aikojo.audit.chain import verify
    from aikojo.audit.signing import load_verifier
    from aikojo.db.models import AuditRecord
    from aikojo.platform import open_platform

    settings, key, ports = replicas
    statuses = asyncio.run(_offer(ports, key, n=200, clients=50))
    admitted = statuses.count(200)
    assert admitted <= 100 * 1.01 and admitted == 100, statuses
    assert statuses.count(429) == 100 and set(statuses) == {200, 429}
    p = open_platform(settings)
    try:
        with p.store.read() as s:
            report = verify(s, load_verifier(settings.signing_key_path), settings.checkpoint_log_path)
            records = s.execute(select(AuditRecord).where(AuditRecord.action == "inference.chat")).scalars().all()
    finally:
        p.store.dispose()
    assert report.ok, report.reason
    assert len(records) == 200
    assert sorted(json.loads(r.details)["error_class"] or "ok" for r in records).count("RateLimited") == 100
