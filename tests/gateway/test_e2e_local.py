"""End to end: ``kojo serve`` as a real process on the embedded engine (the demo model, two LoRA adapters
hot-swapped per request), driven with the official ``openai`` package. Every request made here is counted,
and the audit log must hold exactly that many records."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import openai
import pytest

from tests.gateway.conftest import free_port, start_gateway, stop

MADE: list[str] = []  # one entry per HTTP request sent to /v1


def make_adapter(base: Path, out: Path, seed: int) -> Path:
    """A LoRA adapter with non-zero weights, so it visibly changes the model's output."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(base)
    peft_model = get_peft_model(model, LoraConfig(r=4, lora_alpha=16, target_modules=["q_proj", "v_proj"]))
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.copy_(torch.randn(param.shape, generator=gen) * 0.5)
    peft_model.save_pretrained(out)
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.serving.adapter_store import AdapterStore
    from aikojo.settings import load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    tmp = tmp_path_factory.mktemp("e2e")
    settings = load_settings(home=tmp / "home")
    result = initialise(settings)
    assert result["demo_model"], "the demo model must install from the package without training"
    store = AdapterStore(settings.adapters_dir)
    demo = Path(result["demo_model"])
    for name, seed in (("style-a", 1), ("style-b", 2), ("style-c", 3)):
        store.publish(name, make_adapter(demo, tmp / name, seed), base_model="demo")
    p = open_platform(settings)
    admin = Actor.local()
    service.create_tenant(p, admin, "acme")
    service.create_project(p, admin, ProjectCreate(tenant="acme", name="claims", rpm=1000))
    service.create_project(p, admin, ProjectCreate(tenant="acme", name="other"))
    service.create_project(p, admin, ProjectCreate(tenant="acme", name="limited", rpm=2))
    for adapter in ("style-a", "style-b"):
        service.grant(p, admin, "acme/claims", adapter, kind="adapter")
    keys = {name: key_service.create_key(p, admin, KeyCreate(project=f"acme/{name}")).key
            for name in ("claims", "other", "limited")}
    p.close()
    port = free_port()
    proc = start_gateway(settings.home, port, env={"KOJO_MAX_BODY_BYTES": "100000"})
    yield f"http://127.0.0.1:{port}", keys, settings
    stop(proc)


def client(base: str, key: str) -> openai.OpenAI:
    def count(request: httpx.Request) -> None:
        MADE.append(request.url.path)

    http = httpx.Client(event_hooks={"request": [count]}, timeout=120)
    return openai.OpenAI(base_url=f"{base}/v1", api_key=key, max_retries=0, http_client=http)


def test_chat_completion_with_real_usage_and_headers(server):
    base, keys, _ = server
    raw = client(base, keys["claims"]).chat.completions.with_raw_response.create(
        model="demo", messages=[{"role": "user", "content": "保険金の請求について教えてください。"}], max_tokens=12,
        temperature=0)
    resp = raw.parse()
    assert resp.choices[0].message.role == "assistant"
    assert resp.usage.prompt_tokens > 5 and 0 < resp.usage.completion_tokens <= 12
    assert raw.headers["x-request-id"] and float(raw.headers["x-kojo-overhead-ms"]) >= 0


def test_streamed_chat_ends_with_usage(server):
    base, keys, _ = server
    stream = client(base, keys["claims"]).chat.completions.create(
        model="demo", messages=[{"role": "user", "content": "Hello"}], max_tokens=10, stream=True,
        stream_options={"include_usage": True})
    chunks = list(stream)
    assert any(c.choices and c.choices[0].delta.content for c in chunks)
    assert chunks[-1].usage.completion_tokens > 0


def test_text_completion(server):
    base, keys, _ = server
    resp = client(base, keys["claims"]).completions.create(model="demo", prompt="The claim", max_tokens=8)
    assert resp.choices[0].text is not None and resp.usage.completion_tokens > 0


def test_models_lists_only_what_the_project_may_use(server):
    base, keys, _ = server
    assert sorted(m.id for m in client(base, keys["claims"]).models.list()) == ["demo", "style-a", "style-b"]
    assert [m.id for m in client(base, keys["other"]).models.list()] == ["demo"]


def test_two_adapters_on_one_base_are_chosen_per_request_and_differ(server):
    base, keys, _ = server
    c = client(base, keys["claims"])
    messages = [{"role": "user", "content": "事故の報告"}]
    outs = {m: c.chat.completions.create(model=m, messages=messages, max_tokens=12, temperature=0, seed=1)
            .choices[0].message.content for m in ("demo", "style-a", "style-b", "style-a@1")}
    assert outs["style-a"] != outs["style-b"]
    assert outs["style-a"] == outs["style-a@1"]


@pytest.mark.parametrize(("case", "status"), [("bad_key", 401), ("foreign_project", 403), ("ungranted", 403),
                                               ("unknown", 404), ("too_large", 413)])
def test_refusals_have_the_right_status(server, case, status):
    base, keys, _ = server
    c = client(base, "sk-kojo-" + "x" * 43 if case == "bad_key" else keys["claims"])
    kwargs = {"model": "demo", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4}
    if case == "foreign_project":
        c = openai.OpenAI(base_url=f"{base}/p/acme/other/v1", api_key=keys["claims"], max_retries=0,
                          http_client=c._client)
    elif case == "ungranted":
        kwargs["model"] = "style-c"
    elif case == "unknown":
        kwargs["model"] = "no-such-model"
    elif case == "too_large":
        kwargs["messages"] = [{"role": "user", "content": "x" * 200_000}]
    with pytest.raises(openai.APIStatusError) as info:
        c.chat.completions.create(**kwargs)
    assert info.value.status_code == status
    assert set(info.value.body) >= {"message", "type", "code"}


def test_rate_limit_answers_429_with_retry_after(server):
    base, keys, _ = server
    c = client(base, keys["limited"])
    for _ in range(2):
        c.chat.completions.create(model="demo", messages=[{"role": "user", "content": "hi"}], max_tokens=2)
    with pytest.raises(openai.RateLimitError) as info:
        c.chat.completions.create(model="demo", messages=[{"role": "user", "content": "hi"}], max_tokens=2)
    headers = info.value.response.headers
    assert int(headers["retry-after"]) >= 1
    assert headers["x-ratelimit-limit-requests"] == "2" and headers["x-ratelimit-remaining-requests"] == "0"


def test_zz_metrics_and_audit_count_every_request(server):
    """Runs last in this module: every request above is in the audit log exactly once."""
    from sqlalchemy import func, select

    from aikojo.db.models import AuditRecord
    from aikojo.platform import open_platform

    base, _, settings = server
    metrics = httpx.get(f"{base}/metrics").text
    assert "kojo_request_latency_seconds_bucket" in metrics
    assert "kojo_time_to_first_token_seconds_bucket" in metrics
    assert 'status="limited"' in metrics
    p = open_platform(settings)
    try:
        with p.store.read() as s:
            n = s.execute(select(func.count()).select_from(AuditRecord).where(
                AuditRecord.action.in_(["inference.chat", "inference.completion", "models.list"]))).scalar_one()
            statuses = [json.loads(d) for d in s.execute(select(AuditRecord.details).where(
                AuditRecord.action == "inference.chat")).scalars()]
    finally:
        p.store.dispose()
    assert n == len(MADE)
    assert any(d.get("adapter") == "style-a@1" for d in statuses)
