"""The shipped Grafana dashboard and Prometheus rules: every kojo metric they use is exported by the gateway's
``/metrics``; every other metric comes from a named source (vLLM, the DCGM exporter, Prometheus' own ``up``),
and the panels fed by those sources say so; the dashboard JSON is well formed."""

from __future__ import annotations

import re

import pytest

from aikojo.deploy.monitoring import alert_rules, dashboard

# PromQL words that are not metric names.
_PROMQL_WORDS = {
    "sum", "min", "max", "avg", "count", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
    "and", "or", "unless", "rate", "irate", "increase", "delta", "deriv", "histogram_quantile", "clamp_min",
    "clamp_max", "abs", "absent", "topk", "bottomk", "label_values", "offset", "le", "inf", "nan", "e",
}
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_MATCHERS = re.compile(r"\{[^}]*\}")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_RANGES = re.compile(r"\[[^\]]*\]")
_IDENT = re.compile(r"(?<![\w:.$])[A-Za-z_:][A-Za-z0-9_:]*")
_SUFFIXES = ("_bucket", "_sum", "_count", "_total", "_created")


def metric_names(expr: str) -> set[str]:
    """Metric names in a PromQL expression (strings, label matchers, grouping lists and ranges removed)."""
    text = _RANGES.sub(" ", _GROUPING.sub(" ", _MATCHERS.sub(" ", _STRINGS.sub(" ", expr))))
    text = re.sub(r"\b\d+(?:\.\d+)?(?:e-?\d+)?\b", " ", text)
    return {w for w in _IDENT.findall(text) if w.lower() not in _PROMQL_WORDS}


def source_of(name: str) -> str:
    if name.startswith("kojo_"):
        return "kojo"
    if name.startswith("vllm:"):
        return "vLLM"
    if name.startswith("DCGM_FI_"):
        return "DCGM"
    if name == "up":
        return "prometheus"
    return "unknown"


def _panels():
    return [p for p in dashboard()["panels"] if p["type"] != "row"]


def _dashboard_exprs():
    exprs = [t["expr"] for p in _panels() for t in p["targets"]]
    # label_values(METRIC, LABEL): only the first argument is a metric.
    exprs += [re.sub(r"label_values\(([^,]+),[^)]*\)", r"\1", v["definition"])
              for v in dashboard()["templating"]["list"] if v.get("definition")]
    return exprs


def _alert_exprs():
    return [r["expr"] for g in alert_rules()["spec"]["groups"] for r in g["rules"]]


def test_metric_name_extraction_reads_promql():
    expr = ('histogram_quantile(0.95, sum by (le, model) (rate(kojo_request_latency_seconds_bucket'
            '{project=~"$project", status="error"}[5m]))) / clamp_min(sum(vllm:num_requests_waiting), 1e-9)')
    assert metric_names(expr) == {"kojo_request_latency_seconds_bucket", "vllm:num_requests_waiting"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> set[str]:
    """Names the gateway exports: build it on a fresh home (engine none, one unreachable upstream so the
    backend gauges exist, a fake GPU so the NVML gauges exist), send requests, then scrape /metrics."""
    from fastapi.testclient import TestClient
    from prometheus_client.parser import text_string_to_metric_families

    from aikojo.bootstrap import initialise
    from aikojo.gateway import metrics as gw_metrics
    from aikojo.gateway.app import create_app
    from aikojo.platform import open_platform
    from aikojo.settings import UpstreamModel, load_settings
    from aikojo.tenancy import key_service, service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import KeyCreate, ProjectCreate

    mp = pytest.MonkeyPatch()
    mp.setattr(gw_metrics, "gpu_samples", lambda: [
        ("kojo_gpu_utilization_ratio", "GPU utilisation (0-1)", {"gpu": "0"}, 0.5),
        ("kojo_gpu_memory_used_bytes", "GPU memory used", {"gpu": "0"}, 1.0),
        ("kojo_gpu_memory_total_bytes", "GPU memory total", {"gpu": "0"}, 2.0)])
    for var in ("KOJO_URL", "KOJO_API_KEY", "KOJO_CONFIG"):
        mp.delenv(var, raising=False)
    home = tmp_path_factory.mktemp("metrics") / "home"
    settings = load_settings(home=home, engine="none",
                             upstreams=[UpstreamModel(name="up", url="http://127.0.0.1:9/v1", connect_timeout_s=1)])
    initialise(settings, install_demo=False)
    platform = open_platform(settings)
    admin = Actor.local()
    try:
        service.create_tenant(platform, admin, "acme")
        service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims", models=["up"]))
        key = key_service.create_key(platform, admin, KeyCreate(project="acme/claims")).key
        with TestClient(create_app(settings, platform)) as client:
            client.get("/readyz")
            r = client.post("/v1/chat/completions", headers={"Authorization": f"Bearer {key}"},
                            json={"model": "up", "messages": [{"role": "user", "content": "hi"}]})
            assert r.status_code >= 500  # nothing listens on port 9: the error paths are exercised
            text = client.get("/metrics").text
    finally:
        platform.close()
        mp.undo()
    names: set[str] = set()
    for fam in text_string_to_metric_families(text):
        names.add(fam.name)
        names.update(s.name for s in fam.samples)
    return names


def _is_exported(name: str, exported: set[str]) -> bool:
    if name in exported:
        return True
    return any(name.endswith(s) and name.removesuffix(s) in exported for s in _SUFFIXES)


@pytest.mark.parametrize("where", ["dashboard", "alerts"])
def test_every_kojo_metric_used_is_exported_by_the_gateway(where, exported):
    exprs = _dashboard_exprs() if where == "dashboard" else _alert_exprs()
    used = set().union(*(metric_names(e) for e in exprs))
    kojo = {n for n in used if source_of(n) == "kojo"}
    assert kojo, "no kojo metric found: the extraction is broken"
    assert not _is_exported("kojo_not_a_metric_total", exported)
    missing = sorted(n for n in kojo if not _is_exported(n, exported))
    assert not missing, f"{where} uses metrics the gateway does not export: {missing}"


@pytest.mark.parametrize("where", ["dashboard", "alerts"])
def test_every_metric_used_has_a_known_source(where):
    exprs = _dashboard_exprs() if where == "dashboard" else _alert_exprs()
    unknown = sorted(n for e in exprs for n in metric_names(e) if source_of(n) == "unknown")
    assert not unknown, f"{where} uses metrics of no known exporter: {unknown}"


def test_panels_fed_by_vllm_or_dcgm_name_their_source():
    for p in _panels():
        sources = {source_of(n) for t in p["targets"] for n in metric_names(t["expr"])}
        label = f"{p['title']} {p.get('description', '')}"
        if "vLLM" in sources:
            assert "vLLM" in p["title"], p["title"]
        if "DCGM" in sources:
            assert "DCGM" in p["title"], p["title"]
        if sources - {"kojo"}:
            assert "Source:" in label, p["title"]


def test_gpu_alert_and_panel_use_the_dcgm_utilisation_metric():
    assert any("DCGM_FI_DEV_GPU_UTIL" in t["expr"] for p in _panels() for t in p["targets"])
    assert any("DCGM_FI_DEV_GPU_UTIL" in e for e in _alert_exprs())


def test_dashboard_panels_have_a_datasource_a_query_and_unique_ids():
    d = dashboard()
    assert d["uid"] and d["title"] and isinstance(d["schemaVersion"], int)
    assert any(v["type"] == "datasource" and v["name"] == "datasource" for v in d["templating"]["list"])
    ids = [p["id"] for p in d["panels"]]
    assert len(ids) == len(set(ids))
    for p in _panels():
        assert p["datasource"]["type"] == "prometheus" and p["datasource"]["uid"] == "${datasource}", p["title"]
        assert p["targets"], p["title"]
        ref_ids = [t["refId"] for t in p["targets"]]
        assert len(ref_ids) == len(set(ref_ids))
        for t in p["targets"]:
            assert t["expr"].strip() and t["expr"].count("(") == t["expr"].count(")"), p["title"]
        grid = p["gridPos"]
        assert grid["x"] + grid["w"] <= 24 and grid["h"] > 0


def test_dashboard_covers_what_operators_ask_for():
    titles = " | ".join(p["title"] for p in _panels())
    for needle in ("P50 / P95 / P99", "Time to first token", "by project", "429", "Error rate", "Guardrail",
                   "Tokens", "GPU utilisation"):
        assert needle in titles, needle


def test_alert_rules_cover_errors_latency_gpu_audit_and_limits():
    alerts = {r["alert"] for g in alert_rules()["spec"]["groups"] for r in g["rules"]}
    assert {"KojoErrorRateHigh", "KojoLatencySLOBreach", "KojoGPUSaturated", "KojoAuditWriteFailures",
            "KojoLimitsStoreDown", "KojoFailOpenAdmits"} <= alerts
    for g in alert_rules()["spec"]["groups"]:
        for r in g["rules"]:
            assert r["labels"]["severity"] in {"critical", "warning", "info"}
            assert r["annotations"]["summary"]


def test_shipped_alert_rules_validate_as_a_prometheus_rule(crd_validators):
    rule = alert_rules()
    errors = list(crd_validators[("monitoring.coreos.com/v1", "PrometheusRule")].iter_errors(rule))
    assert not errors, errors[0].message
