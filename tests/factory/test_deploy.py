"""Deploying adapters: grant + version pointer + LoRA load on every upstream replica, rollback, audit, the
gateway's /v1/models and routing, and reconciliation after an upstream restart."""

from __future__ import annotations

import asyncio
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from aikojo.db.models import AuditRecord
from aikojo.factory.deploy import Reconciler, deploy_adapter, rollback
from aikojo.gateway.app import create_app
from aikojo.serving.adapter_store import AdapterStore
from aikojo.settings import UpstreamModel
from aikojo.tenancy import key_service, service
from aikojo.tenancy.views import KeyCreate, ProjectCreate
from tests.gateway.conftest import free_port, start_mock, stop


@pytest.fixture
def adapter_dir(tmp_path):
    from aikojo.serving.loading import resolve_demo_assets
    from aikojo.serving.local.random_adapter import make_random_lora_adapter

    return make_random_lora_adapter(resolve_demo_assets(), tmp_path / "lora", seed=1)


@pytest.fixture
def setup(sqlite_platform, admin, adapter_dir, tmp_path):
    port, replica_port = free_port(), free_port()
    record = tmp_path / "upstream.jsonl"
    procs = [start_mock(port, "--record", str(record)), start_mock(replica_port, "--record", str(record))]
    url = f"http://127.0.0.1:{port}/v1"
    settings = sqlite_platform.settings.model_copy(update={"engine": "none", "upstreams": [
        UpstreamModel(name="mock", url=url, replicas=[f"http://127.0.0.1:{replica_port}/v1"])]})
    sqlite_platform.settings = settings
    store = AdapterStore(settings.adapters_dir)
    for _ in range(2):
        store.publish("claims-extractor", adapter_dir, base_model="mock")
    service.create_tenant(sqlite_platform, admin, "acme")
    service.create_project(sqlite_platform, admin, ProjectCreate(tenant="acme", name="claims", models=["mock"]))
    yield sqlite_platform, record, procs, port
    for proc in procs:
        stop(proc)


def _loads(record) -> list[dict]:
    return [r for r in map(json.loads, record.read_text().splitlines()) if r.get("path") == "/v1/load_lora_adapter"]


def test_deploy_loads_on_every_replica_grants_and_routes(setup, admin):
    p, record, _, _ = setup
    view = deploy_adapter(p, admin, "claims-extractor@1", "acme/claims")
    assert view.served_name == "claims-extractor@1" and len(view.loaded_on) == 2
    assert {r["lora_name"] for r in _loads(record)} == {"claims-extractor@1"}
    key = key_service.create_key(p, admin, KeyCreate(project="acme/claims")).key
    with TestClient(create_app(p.settings, p)) as client:
        headers = {"Authorization": f"Bearer {key}"}
        models = [m["id"] for m in client.get("/v1/models", headers=headers).json()["data"]]
        assert models == ["mock", "claims-extractor"]
        r = client.post("/v1/chat/completions", headers=headers,
                        json={"model": "claims-extractor", "messages": [{"role": "user", "content": "hi"}]})
        assert r.status_code == 200
    sent = [json.loads(line) for line in record.read_text().splitlines()]
    assert sent[-1]["model"] == "claims-extractor@1"  # vLLM serves the adapter under name@N


def test_redeploy_and_rollback_are_audited_with_the_previous_version(setup, admin):
    p, _, _, _ = setup
    deploy_adapter(p, admin, "claims-extractor@1", "acme/claims")
    assert deploy_adapter(p, admin, "claims-extractor@2", "acme/claims").previous == 1
    back = rollback(p, admin, "claims-extractor", "acme/claims")
    assert (back.version, back.previous) == (1, 2)
    assert AdapterStore(p.settings.adapters_dir).resolve("claims-extractor", None, "acme/claims").version == 1
    with p.store.read() as s:
        rows = s.execute(select(AuditRecord).where(AuditRecord.action.startswith("adapter."))
                         .order_by(AuditRecord.seq)).scalars().all()
    assert [r.action for r in rows] == ["adapter.deploy", "adapter.deploy", "adapter.rollback"]
    assert json.loads(rows[-1].details)["before"] == {"version": 2}


def test_the_gateway_reloads_deployed_adapters_after_an_upstream_restart(setup, admin):
    p, record, procs, port = setup
    deploy_adapter(p, admin, "claims-extractor@2", "acme/claims")
    from aikojo.gateway.app import build_backends

    backends, _ = build_backends(p.settings)
    reconciler = Reconciler(p.settings, backends)

    async def scenario() -> tuple[int, int, int]:
        first = await reconciler.reconcile_once()
        steady = await reconciler.reconcile_once()
        stop(procs[0])  # the upstream restarts…
        down = await reconciler.reconcile_once()
        procs[0] = start_mock(port, "--record", str(record))
        again = await reconciler.reconcile_once()
        for b in backends.values():
            await b.close()
        return first, steady + down, again

    first, quiet, again = asyncio.run(scenario())
    assert first == 1 and quiet == 0 and again == 1
