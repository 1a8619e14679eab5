"""When a dependency is down the gateway fails closed with a clear 503 (or open, when the setting says so),
says so in /readyz, and never answers with a bare 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from aikojo.gateway.app import create_app
from aikojo.settings import UpstreamModel
from aikojo.tenancy import key_service, service
from aikojo.tenancy.views import KeyCreate, ProjectCreate

CHAT = {"model": "mock", "messages": [{"role": "user", "content": "hello"}], "max_tokens": 4}


def _client(platform, admin, upstream_url: str, **overrides) -> tuple[TestClient, dict]:
    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims", models=["mock"], rpm=100))
    key = key_service.create_key(platform, admin, KeyCreate(project="acme/claims")).key
    settings = platform.settings.model_copy(update={
        "engine": "none", "upstreams": [UpstreamModel(name="mock", url=upstream_url)], **overrides})
    return TestClient(create_app(settings, platform)), {"Authorization": f"Bearer {key}"}


def test_unreachable_redis_fails_closed_with_a_clear_503(sqlite_platform, admin, mock_upstream):
    client, headers = _client(sqlite_platform, admin, mock_upstream[0], limits_backend="redis",
                              redis_url="redis://:hunter2@127.0.0.1:1/0")
    with client:
        r = client.post("/v1/chat/completions", json=CHAT, headers=headers)
        assert r.status_code == 503
        assert "hunter2" not in r.text and r.json()["error"]["message"]
        ready = client.get("/readyz")
        assert ready.status_code == 503 and "failing closed" in ready.json()["checks"]["limits"]
        assert 'kojo_dependency_up{dependency="limits"} 0.0' in client.get("/metrics").text


def test_unreachable_redis_can_fail_open_when_configured(sqlite_platform, admin, mock_upstream):
    client, headers = _client(sqlite_platform, admin, mock_upstream[0], limits_backend="redis",
                              redis_url="redis://127.0.0.1:1/0", limits_fail_open=True)
    with client:
        r = client.post("/v1/chat/completions", json=CHAT, headers=headers)
        assert r.status_code == 200
        assert client.get("/readyz").status_code == 200
        assert "kojo_limits_fail_open_admits 1.0" in client.get("/metrics").text


def test_malformed_json_and_wrong_types_name_the_problem(sqlite_platform, admin, mock_upstream):
    client, headers = _client(sqlite_platform, admin, mock_upstream[0])
    with client:
        r = client.post("/v1/chat/completions", content=b"{not json", headers=headers)
        assert r.status_code == 400 and "not valid JSON" in r.json()["error"]["message"]
        r = client.post("/v1/chat/completions", json={**CHAT, "temperature": "hot"}, headers=headers)
        assert r.status_code == 400 and r.json()["error"]["param"] == "temperature"
        r = client.post("/v1/chat/completions", json={**CHAT, "messages": []}, headers=headers)
        assert r.status_code == 400 and r.json()["error"]["param"] == "messages"
        r = client.post("/v1/chat/completions", json={**CHAT, "n": 3}, headers=headers)
        assert r.status_code == 400 and r.json()["error"]["param"] == "n"


@pytest.mark.parametrize("bad_header", ["Basic abc", "Bearer", "Bearer not-a-kojo-key"])
def test_bad_authorization_headers_are_401(sqlite_platform, admin, mock_upstream, bad_header):
    client, _ = _client(sqlite_platform, admin, mock_upstream[0])
    with client:
        r = client.post("/v1/chat/completions", json=CHAT, headers={"Authorization": bad_header})
        assert r.status_code == 401 and r.json()["error"]["type"] == "authentication_error"
