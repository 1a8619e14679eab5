"""Tenant-isolation matrix: every endpoint that touches the victim project (acme/claims) is walked with keys of
another tenant, of another project of the same tenant, and of a lower role. Every call must be denied, and
nothing of the victim may appear in any response — including the list endpoints the attackers may call."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from aikojo.factory import service as factory
from aikojo.factory.service import Submission
from aikojo.gateway.app import create_app
from aikojo.serving.adapter_store import AdapterStore
from aikojo.settings import UpstreamModel
from aikojo.tenancy import key_service, service
from aikojo.tenancy.views import KeyCreate, ProjectCreate

CHAT = {"model": "victim-adapter", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 2}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.serving.loading import resolve_demo_assets
    from aikojo.serving.local.random_adapter import make_random_lora_adapter
    from aikojo.settings import load_settings
    from aikojo.tenancy.roles import Actor
    from tests.gateway.conftest import free_port, start_mock, stop

    tmp = tmp_path_factory.mktemp("isolation")
    port = free_port()
    mock = start_mock(port)
    settings = load_settings(home=tmp / "home", engine="none",
                             upstreams=[UpstreamModel(name="mock", url=f"http://127.0.0.1:{port}/v1")])
    initialise(settings, install_demo=False)
    p = open_platform(settings)
    admin = Actor.local()
    for tenant in ("acme", "beta"):
        service.create_tenant(p, admin, tenant)
    for path in ("acme/claims", "acme/other", "beta/ops"):
        t, n = path.split("/")
        service.create_project(p, admin, ProjectCreate(tenant=t, name=n, models=["mock"]))
    store = AdapterStore(settings.adapters_dir)
    store.publish("victim-adapter", make_random_lora_adapter(resolve_demo_assets(), tmp / "lora", seed=3), "mock")
    service.grant(p, admin, "acme/claims", "victim-adapter", kind="adapter")
    service.set_guardrail_policy(p, admin, "acme/claims", "output:\n  canaries: [VICTIM-CANARY-7731]\n")
    victim_key = key_service.create_key(p, admin, KeyCreate(project="acme/claims", name="victim-key"))
    job = factory.submit(p, admin, Submission(project="acme/claims", recipe_yaml="name: victim-job\nmethod: lora\n",
                                              name="victim-job", method="lora"))
    keys = {
        "other-tenant user": key_service.create_key(p, admin, KeyCreate(project="beta/ops")).key,
        "other-tenant project-admin": key_service.create_key(
            p, admin, KeyCreate(project="beta/ops", role="project-admin")).key,
        "other-project user": key_service.create_key(p, admin, KeyCreate(project="acme/other")).key,
        "other-project project-admin": key_service.create_key(
            p, admin, KeyCreate(project="acme/other", role="project-admin")).key,
        "same-project user": key_service.create_key(p, admin, KeyCreate(project="acme/claims")).key,
    }
    client = TestClient(create_app(settings, p))
    with client:
        yield client, keys, victim_key.info.id, job.id
    p.close()
    stop(mock)


def requests(victim_key_id: str, job_id: str) -> list[tuple[str, str, dict | None, bool]]:
    """(method, path, json body, applies to the same-project user too)."""
    return [
        ("POST", "/v1/chat/completions", CHAT, False),
        ("POST", "/p/acme/claims/v1/chat/completions", {**CHAT, "model": "mock"}, False),
        ("POST", "/p/acme/claims/v1/completions", {"model": "mock", "prompt": "x"}, False),
        ("GET", "/p/acme/claims/v1/models", None, False),
        ("GET", "/admin/tenants", None, True),
        ("DELETE", "/admin/tenants/acme", None, True),
        ("GET", "/admin/projects/acme/claims", None, True),
        ("PATCH", "/admin/projects/acme/claims", {"rpm": 1}, True),
        ("POST", "/admin/projects/acme/claims/grant", {"name": "mock", "kind": "model"}, True),
        ("GET", "/admin/projects/acme/claims/guardrails", None, True),
        ("PUT", "/admin/projects/acme/claims/guardrails", {"policy": None}, True),
        ("POST", "/admin/keys", {"project": "acme/claims"}, True),
        ("GET", "/admin/keys?project=acme/claims", None, True),
        ("POST", f"/admin/keys/{victim_key_id}/revoke", None, True),
        ("POST", f"/admin/keys/{victim_key_id}/rotate", {"overlap": "1h"}, True),
        ("GET", "/admin/audit?project=acme/claims", None, True),
        ("GET", "/admin/audit/export?project=acme/claims", None, True),
        ("GET", "/admin/audit/verify", None, True),
        ("POST", "/admin/jobs", {"project": "acme/claims", "recipe": "name: x\nmethod: lora\n"}, False),
        ("GET", f"/admin/jobs/{job_id}", None, False),
        ("POST", f"/admin/jobs/{job_id}/cancel", None, False),
        ("PUT", "/admin/quotas/project:acme/claims", {"max_concurrent_jobs": 0}, True),
        ("POST", "/admin/deployments", {"adapter": "victim-adapter@1", "project": "acme/claims"}, True),
        ("POST", "/admin/deployments/rollback", {"adapter": "victim-adapter", "project": "acme/claims"}, True),
    ]


VICTIM_MARKS = ("victim-key", "victim-job", "VICTIM-CANARY", "acme/claims\"", '"claims"')


def test_every_endpoint_denies_other_tenants_other_projects_and_lower_roles(world):
    client, keys, victim_key_id, job_id = world
    failures, total = [], 0
    for who, key in keys.items():
        for method, path, body, lower_role_too in requests(victim_key_id, job_id):
            if who == "same-project user" and not lower_role_too:
                continue  # inference and jobs in its own project are its right
            total += 1
            r = client.request(method, path, json=body, headers={"Authorization": f"Bearer {key}"})
            if r.status_code not in (401, 403, 404):
                failures.append(f"{who}: {method} {path} → {r.status_code}")
            leaked = [m for m in VICTIM_MARKS if m in r.text and who != "same-project user"]
            if leaked:
                failures.append(f"{who}: {method} {path} leaked {leaked}")
    assert total >= 100
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("path", ["/v1/models", "/admin/jobs", "/admin/jobs/usage", "/admin/projects", "/admin/keys",
                                  "/admin/audit"])
def test_list_endpoints_show_nothing_of_the_victim(world, path):
    client, keys, _, _ = world
    for who, key in keys.items():
        if who == "same-project user":
            continue
        r = client.get(path, headers={"Authorization": f"Bearer {key}"})
        text = r.text
        assert not any(m in text for m in VICTIM_MARKS), f"{who}: GET {path} leaked: {text[:300]}"
        if r.status_code == 200 and path == "/v1/models":
            assert "victim-adapter" not in json.dumps(r.json())


def test_the_victims_own_key_still_works(world):
    client, keys, _, _ = world
    r = client.post("/v1/chat/completions", json={**CHAT, "model": "victim-adapter"},
                    headers={"Authorization": f"Bearer {keys['same-project user']}"})
    assert r.status_code == 200
