"""Monitoring: a ServiceMonitor for the gateway, a PodMonitor for the vLLM predictors, the shipped alert rules
(``prometheus/kojo-alerts.yaml``) and the Grafana dashboard (``grafana/kojo-dashboard.json``) as a ConfigMap
that Grafana's dashboard sidecar picks up."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

from aikojo.deploy.config import DeployConfig
from aikojo.deploy.meta import GATEWAY_NAME, ISVC_POD_LABEL, meta

ALERTS_FILE = "prometheus/kojo-alerts.yaml"
DASHBOARD_FILE = "grafana/kojo-dashboard.json"


@cache
def _asset_text(name: str) -> str:
    return resources.files("aikojo.deploy").joinpath(name).read_text(encoding="utf-8")


def alert_rules() -> dict[str, Any]:
    """The shipped PrometheusRule (no namespace)."""
    return yaml.safe_load(_asset_text(ALERTS_FILE))


def dashboard() -> dict[str, Any]:
    return json.loads(_asset_text(DASHBOARD_FILE))


def service_monitor(config: DeployConfig) -> dict[str, Any]:
    return {
        "apiVersion": "monitoring.coreos.com/v1", "kind": "ServiceMonitor",
        "metadata": meta(GATEWAY_NAME, config.gateway_namespace, "monitoring"),
        "spec": {
            "selector": {"matchLabels": {"app.kubernetes.io/name": GATEWAY_NAME,
                                         "app.kubernetes.io/component": "gateway"}},
            "namespaceSelector": {"matchNames": [config.gateway_namespace]},
            # job="kojo-gateway" (the Service's name) is what the alert rules' `up` check selects.
            "endpoints": [{"port": "http", "path": "/metrics", "interval": "15s", "scrapeTimeout": "10s"}],
        },
    }


def pod_monitor(namespace: str, ports: list[int]) -> dict[str, Any]:
    """vLLM serves /metrics on the predictor's HTTP port; the predictor Service does not name it, so pods are
    scraped by port number."""
    return {
        "apiVersion": "monitoring.coreos.com/v1", "kind": "PodMonitor",
        "metadata": meta("kojo-vllm", namespace, "monitoring"),
        "spec": {
            "selector": {"matchExpressions": [{"key": ISVC_POD_LABEL, "operator": "Exists"}]},
            "namespaceSelector": {"matchNames": [namespace]},
            "podMetricsEndpoints": [{"targetPort": p, "path": "/metrics", "interval": "15s"}
                                    for p in sorted(set(ports))],
        },
    }


def prometheus_rule(config: DeployConfig) -> dict[str, Any]:
    rule = copy.deepcopy(alert_rules())
    rule["metadata"]["namespace"] = config.gateway_namespace
    return rule


def dashboard_configmap(config: DeployConfig) -> dict[str, Any]:
    m = meta("kojo-grafana-dashboard", config.gateway_namespace, "monitoring", grafana_dashboard="1")
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": m,
            "data": {"kojo-dashboard.json": _asset_text(DASHBOARD_FILE)}}


def monitoring_objects(config: DeployConfig) -> list[dict[str, Any]]:
    by_ns: dict[str, list[int]] = {}
    for m in config.models:
        by_ns.setdefault(config.model_namespace(m), []).append(m.port)
    return [service_monitor(config), *(pod_monitor(ns, ports) for ns, ports in sorted(by_ns.items())),
            prometheus_rule(config), dashboard_configmap(config)]
