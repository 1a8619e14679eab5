"""Schemathesis against the gateway's own OpenAPI document: every operation, bounded examples, with an admin
key and a project key. The property: no response is ever a server error (5xx) or lacks ``x-request-id``."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is in the [dev] extra")

from hypothesis import HealthCheck, settings  # noqa: E402

from tests.gateway.conftest import free_port, start_mock, stop  # noqa: E402

STATE: dict = {}


def _app():
    import tempfile
    from pathlib import Path

    from aikojo.bootstrap import initialise
    from aikojo.gateway.app import create_app
    from aikojo.platform import open_platform
    from aikojo.settings import UpstreamModel, load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    home = Path(tempfile.mkdtemp(prefix="kojo-fuzz-"))
    port = free_port()
    STATE["mock"] = start_mock(port, "--chunk-delay-ms", "0")
    settings = load_settings(home=home / "home", engine="none",
                             upstreams=[UpstreamModel(name="mock", url=f"http://127.0.0.1:{port}/v1")])
    admin_key = initialise(settings, install_demo=False)["admin_key"]
    p = open_platform(settings)
    service.create_tenant(p, Actor.local(), "acme")
    service.create_project(p, Actor.local(), ProjectCreate(tenant="acme", name="claims", models=["mock"]))
    STATE["user"] = key_service.create_key(p, Actor.local(), KeyCreate(project="acme/claims")).key
    STATE["admin"] = admin_key
    return create_app(settings, p)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


def teardown_module() -> None:
    if "mock" in STATE:
        stop(STATE["mock"])


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case):
    key = STATE["admin"] if case.path.startswith("/admin") else STATE["user"]
    response = case.call(headers={"Authorization": f"Bearer {key}"})
    assert response.status_code < 500, f"{case.method} {case.path} → {response.status_code}: {response.text[:300]}"
    headers = {k.lower(): v[0] if isinstance(v, list) else v for k, v in response.headers.items()}
    assert "x-request-id" in headers
    if response.status_code >= 400 and headers.get("content-type", "").startswith("application/json"):
        assert set(response.json().get("error", {})) >= {"message", "type", "code"}
