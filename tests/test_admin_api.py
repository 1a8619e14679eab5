"""The admin API: same operations as the CLI, authorised by the calling key's role, errors in the OpenAI
envelope; and the CLI's remote mode against a real HTTP server."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from aikojo.audit.service import AuditQuery
from aikojo.gateway.app import create_app
from aikojo.tenancy import key_service, service
from aikojo.tenancy.views import KeyCreate, ProjectCreate
from tests.gateway.conftest import serve_in_thread


@pytest.fixture
def client(sqlite_platform):
    app = create_app(sqlite_platform.settings, sqlite_platform)
    with TestClient(app) as c:
        c.platform = sqlite_platform
        c.admin = {"Authorization": f"Bearer {sqlite_platform.bootstrap_admin_key}"}
        yield c


def _key(client, admin, role: str, project: str | None) -> dict:
    created = key_service.create_key(client.platform, admin, KeyCreate(project=project, role=role))
    return {"Authorization": f"Bearer {created.key}"}


def test_admin_creates_tenant_project_and_key(client):
    r = client.post("/admin/tenants", json={"name": "acme"}, headers=client.admin)
    assert r.status_code == 201 and r.json()["name"] == "acme"
    r = client.post("/admin/projects", json={"tenant": "acme", "name": "claims", "rpm": 60}, headers=client.admin)
    assert r.status_code == 201 and r.json()["models"] == ["demo"]
    r = client.post("/admin/keys", json={"project": "acme/claims"}, headers=client.admin)
    assert r.status_code == 201 and r.json()["key"].startswith("sk-kojo-")
    listed = client.get("/admin/keys", headers=client.admin).json()["data"]
    assert all("key" not in k for k in listed)
    assert r.headers["x-request-id"]


def test_every_response_has_a_request_id_and_errors_use_the_envelope(client):
    r = client.post("/admin/tenants", json={"name": "acme"})
    assert r.status_code == 401
    assert set(r.json()["error"]) == {"message", "type", "code", "param"}
    assert r.headers["x-request-id"]
    r = client.post("/admin/tenants", json={"nom": "x"}, headers=client.admin)
    assert r.status_code == 400 and r.json()["error"]["param"] == "name"
    r = client.get("/admin/nothing-here", headers=client.admin)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    client.post("/admin/tenants", json={"name": "acme"}, headers=client.admin)
    r = client.post("/admin/tenants", json={"name": "acme"}, headers=client.admin)
    assert r.status_code == 409


def test_a_given_request_id_is_echoed(client):
    r = client.get("/healthz", headers={"x-request-id": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"


def test_roles_are_enforced_over_http(client, admin):
    service.create_tenant(client.platform, admin, "acme")
    service.create_project(client.platform, admin, ProjectCreate(tenant="acme", name="claims"))
    service.create_project(client.platform, admin, ProjectCreate(tenant="acme", name="other"))
    user = _key(client, admin, "user", "acme/claims")
    auditor = _key(client, admin, "auditor", None)
    padmin = _key(client, admin, "project-admin", "acme/claims")

    assert client.post("/admin/tenants", json={"name": "x"}, headers=user).status_code == 403
    assert client.get("/admin/audit", headers=user).status_code == 403
    assert client.get("/admin/audit", headers=auditor).status_code == 200
    assert client.post("/admin/tenants", json={"name": "x"}, headers=auditor).status_code == 403
    assert client.get("/admin/keys", headers=auditor).status_code == 403
    assert client.post("/admin/keys", json={"project": "acme/claims"}, headers=padmin).status_code == 201
    assert client.post("/admin/keys", json={"project": "acme/other"}, headers=padmin).status_code == 403
    assert client.get("/admin/projects/acme/other", headers=padmin).status_code == 403
    assert client.patch("/admin/projects/acme/claims", json={"rpm": 1}, headers=padmin).status_code == 403
    mine = client.get("/admin/audit", headers=padmin).json()["data"]
    assert mine and all(r["project"] == "claims" for r in mine)


def test_admin_changes_are_audited_with_the_key_as_actor(client):
    client.post("/admin/tenants", json={"name": "acme"}, headers=client.admin)
    rows = client.get("/admin/audit", params={"action": "tenant.create"}, headers=client.admin).json()["data"]
    assert rows[0]["actor"].startswith("key:kid_") and rows[0]["request_id"]


def test_verify_and_export_over_http(client):
    client.post("/admin/tenants", json={"name": "acme"}, headers=client.admin)
    assert client.get("/admin/audit/verify", headers=client.admin).json()["ok"] is True
    lines = client.get("/admin/audit/export", headers=client.admin).text.splitlines()
    assert any('"tenant.create"' in line for line in lines)


def test_openapi_documents_the_admin_operations(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/admin/tenants", "/admin/projects", "/admin/keys", "/admin/keys/{key_id}/rotate", "/admin/audit"):
        assert path in paths


def test_cli_remote_mode_talks_to_a_real_gateway(sqlite_platform, tmp_path, monkeypatch):
    from aikojo.cli.operator import RemoteOperator
    from aikojo.errors import Conflict, Forbidden
    from aikojo.tenancy.views import ProjectCreate as PC

    with serve_in_thread(create_app(sqlite_platform.settings, sqlite_platform), poll_s=0.05) as port:
        op = RemoteOperator(f"http://127.0.0.1:{port}", sqlite_platform.bootstrap_admin_key)
        assert op.create_tenant("acme").name == "acme"
        with pytest.raises(Conflict):
            op.create_tenant("acme")
        assert op.create_project(PC(tenant="acme", name="claims", rpm=5)).rpm == 5
        created = op.create_key(KeyCreate(project="acme/claims"))
        assert [k.id for k in op.list_keys("acme/claims")] == [created.info.id]
        user_op = RemoteOperator(f"http://127.0.0.1:{port}", created.key)
        with pytest.raises(Forbidden):
            user_op.list_tenants()
        assert op.audit_verify().ok
        admin_id = next(k.id for k in op.list_keys(None) if k.role == "admin")
        actors = {r.actor for r in op.audit_list(AuditQuery(action="tenant.create"))}
        assert actors == {f"key:{admin_id}"}
