"""The gateway in front of OpenAI-compatible upstream processes: passthrough, streaming, a killed upstream
mid-stream, an unreachable upstream, and the audit trail of it all — driven with the official client."""

from __future__ import annotations

import json

import httpx
import openai
import pytest

from tests.gateway.conftest import free_port, start_gateway, start_mock, stop


@pytest.fixture
def gateway_home(tmp_path):
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    settings = load_settings(home=tmp_path / "home")
    initialise(settings, install_demo=False)
    p = open_platform(settings)
    admin = Actor.local()
    service.create_tenant(p, admin, "acme")
    service.create_project(p, admin, ProjectCreate(tenant="acme", name="claims", models=["mock", "flaky"]))
    key = key_service.create_key(p, admin, KeyCreate(project="acme/claims")).key
    p.close()
    return settings, key


def _audit(settings) -> list[dict]:
    from sqlalchemy import select

    from aikojo.db.models import AuditRecord
    from aikojo.platform import open_platform

    p = open_platform(settings)
    try:
        with p.store.read() as s:
            rows = s.execute(select(AuditRecord).where(AuditRecord.action.startswith("inference"))
                             .order_by(AuditRecord.seq)).scalars().all()
            return [{"status": r.status, **json.loads(r.details)} for r in rows]
    finally:
        p.store.dispose()


def test_upstream_chat_stream_and_a_killed_upstream(gateway_home, mock_upstream, tmp_path):
    settings, key = gateway_home
    url, record = mock_upstream
    flaky_port = free_port()
    flaky = start_mock(flaky_port, "--die-after-chunks", "2", "--chunk-delay-ms", "20")
    port = free_port()
    gw = start_gateway(settings.home, port, "--engine", "none", "--upstream", f"mock={url}",
                       "--upstream", f"flaky=http://127.0.0.1:{flaky_port}/v1")
    try:
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=key, max_retries=0)
        resp = client.chat.completions.create(model="mock", messages=[{"role": "user", "content": "hi"}],
                                              max_tokens=20, response_format={"type": "json_object"})
        assert resp.choices[0].message.content == '{"ok": true}'  # response_format passed through
        assert resp.usage.total_tokens > 0
        sent = json.loads(record.read_text().splitlines()[-1])
        assert sent["response_format"] == {"type": "json_object"} and sent["max_tokens"] == 20

        stream = client.chat.completions.create(model="mock", messages=[{"role": "user", "content": "hi"}],
                                                stream=True, stream_options={"include_usage": True})
        chunks = list(stream)
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text == "Hello from the mock upstream."
        assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0

        # The flaky upstream dies after two chunks: the client gets an error event, not a hang.
        with httpx.stream("POST", f"http://127.0.0.1:{port}/v1/chat/completions",
                          headers={"Authorization": f"Bearer {key}"},
                          json={"model": "flaky", "stream": True, "messages": [{"role": "user", "content": "x"}]},
                          timeout=30) as r:
            events = [line for line in r.iter_lines() if line.startswith("data:")]
        assert '"error"' in events[-2] and events[-1] == "data: [DONE]"

        # The gateway keeps serving, and a dead upstream is a clear 503.
        again = client.chat.completions.create(model="mock", messages=[{"role": "user", "content": "hi"}])
        assert again.choices[0].message.content
        with pytest.raises(openai.APIStatusError) as info:
            client.chat.completions.create(model="flaky", messages=[{"role": "user", "content": "x"}])
        assert info.value.status_code == 503 and "unreachable" in info.value.message
    finally:
        stop(gw)
        stop(flaky)
    records = _audit(settings)
    assert [r["status"] for r in records] == ["ok", "ok", "error", "ok", "error"]
    assert records[2]["error_class"] == "UpstreamError" and records[4]["error_class"] == "BackendUnavailable"
    assert all(r["prompt_hmac"] and "hi" not in json.dumps(r) for r in records)


def test_kojo_in_front_of_another_kojo(gateway_home, mock_upstream, tmp_path):
    """A second kojo serve is an OpenAI-compatible upstream like any other."""
    settings, key = gateway_home
    url, _ = mock_upstream
    inner_port = free_port()
    inner = start_gateway(settings.home, inner_port, "--engine", "none", "--upstream", f"mock={url}")
    outer_home = tmp_path / "outer"
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    outer_settings = load_settings(home=outer_home)
    initialise(outer_settings, install_demo=False)
    p = open_platform(outer_settings)
    service.create_tenant(p, Actor.local(), "bank")
    service.create_project(p, Actor.local(), ProjectCreate(tenant="bank", name="ops", models=["mock"]))
    outer_key = key_service.create_key(p, Actor.local(), KeyCreate(project="bank/ops")).key
    p.close()
    outer_port = free_port()
    kojo_yaml = tmp_path / "kojo.yaml"
    kojo_yaml.write_text(f"upstreams:\n  - name: mock\n    url: http://127.0.0.1:{inner_port}/v1\n    api_key: {key}\n")
    outer = start_gateway(outer_home, outer_port, "--engine", "none", "--config", str(kojo_yaml))
    try:
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{outer_port}/v1", api_key=outer_key, max_retries=0)
        out = client.chat.completions.create(model="mock", messages=[{"role": "user", "content": "hello"}])
        assert out.choices[0].message.content == "Hello from the mock upstream."
        text = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
            model="mock", messages=[{"role": "user", "content": "hello"}], stream=True) if c.choices)
        assert text == "Hello from the mock upstream."
    finally:
        stop(outer)
        stop(inner)
