"""NetworkPolicies: every kojo namespace denies all traffic both ways, then opens exactly what it needs.

- tenant and models namespaces: ingress only from the gateway pods (and Prometheus on the predictor ports, so
  the vLLM panels have data); egress only to DNS, the database, Redis and the configured upstreams.
- the gateway namespace: ingress from the ingress controller and Prometheus on the gateway port; egress to DNS,
  the database, Redis, the configured upstreams and the predictors of the rendered models.

NetworkPolicies cannot name hosts, so every peer is an IP block or pods in a namespace (``config.Endpoint``).
"""

from __future__ import annotations

from typing import Any

from aikojo.deploy.config import DeployConfig, Endpoint, Target
from aikojo.deploy.meta import GATEWAY_POD_LABELS, GATEWAY_PORT, ISVC_POD_LABEL, meta, namespace_selector

DEFAULT_DENY = "kojo-default-deny"
ALLOW_DNS = "kojo-allow-dns"
EGRESS = "kojo-egress"

# Cluster DNS. OpenShift's DNS pods listen on 5353 behind the dns-default Service's 53, and NetworkPolicy
# matches the pod port after the Service is resolved, so both ports are opened there.
_DNS: dict[str, tuple[str, dict[str, str], tuple[int, ...]]] = {
    "kubernetes": ("kube-system", {"k8s-app": "kube-dns"}, (53,)),
    "openshift": ("openshift-dns", {"dns.operator.openshift.io/daemonset-dns": "default"}, (53, 5353)),
}


def peer(ep: Endpoint) -> dict[str, Any]:
    if ep.cidr is not None:
        return {"ipBlock": {"cidr": ep.cidr}}
    out: dict[str, Any] = {"namespaceSelector": namespace_selector(ep.namespace or "")}
    if ep.pod_labels:
        out["podSelector"] = {"matchLabels": dict(ep.pod_labels)}
    return out


def egress_rule(ep: Endpoint) -> dict[str, Any]:
    return {"to": [peer(ep)], "ports": [{"protocol": ep.protocol, "port": ep.port}]}


def dependency_endpoints(config: DeployConfig) -> list[Endpoint]:
    """Database, Redis and the configured upstreams: the egress every kojo namespace is allowed besides DNS."""
    return [config.database, config.redis, *(u.endpoint() for u in config.upstreams)]


def _policy(name: str, ns: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
            "metadata": meta(name, ns, "network"), "spec": spec}


def baseline(ns: str, target: Target) -> list[dict[str, Any]]:
    """Deny everything in and out of ``ns``, then allow DNS lookups."""
    dns_ns, dns_pods, ports = _DNS[target]
    return [
        _policy(DEFAULT_DENY, ns, {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}),
        _policy(ALLOW_DNS, ns, {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{
            "to": [{"namespaceSelector": namespace_selector(dns_ns), "podSelector": {"matchLabels": dns_pods}}],
            "ports": [{"protocol": proto, "port": port} for port in ports for proto in ("UDP", "TCP")]}]}),
    ]


def workload_namespace(config: DeployConfig, ns: str, target: Target,
                       predictor_ports: list[int]) -> list[dict[str, Any]]:
    """Policies for a tenant namespace or the shared models namespace."""
    from_gateway = {"namespaceSelector": namespace_selector(config.gateway_namespace),
                    "podSelector": {"matchLabels": dict(GATEWAY_POD_LABELS)}}
    ingress: list[dict[str, Any]] = [{"from": [from_gateway]}]
    if predictor_ports:
        ingress.append({"from": [{"namespaceSelector": {"matchLabels": config.monitoring_peers(target)}}],
                        "ports": [{"protocol": "TCP", "port": p} for p in sorted(set(predictor_ports))]})
    out = [*baseline(ns, target),
           _policy("kojo-allow-from-gateway", ns, {"podSelector": {}, "policyTypes": ["Ingress"],
                                                   "ingress": ingress}),
           _policy(EGRESS, ns, {"podSelector": {}, "policyTypes": ["Egress"],
                                "egress": [egress_rule(ep) for ep in dependency_endpoints(config)]})]
    if config.intra_namespace_traffic:
        # Within one tenant only: distributed training ranks (torchrun) and multi-pod predictors talk to each other.
        same = [{"podSelector": {}}]
        out.append(_policy("kojo-allow-same-namespace", ns, {
            "podSelector": {}, "policyTypes": ["Ingress", "Egress"],
            "ingress": [{"from": same}], "egress": [{"to": same}]}))
    return out


def gateway_namespace(config: DeployConfig, target: Target) -> list[dict[str, Any]]:
    ns = config.gateway_namespace
    gw = {"matchLabels": dict(GATEWAY_POD_LABELS)}
    port = [{"protocol": "TCP", "port": GATEWAY_PORT}]
    predictors = [{"to": [{"namespaceSelector": namespace_selector(config.model_namespace(m)),
                           "podSelector": {"matchLabels": {ISVC_POD_LABEL: m.k8s_name}}}],
                   "ports": [{"protocol": "TCP", "port": m.port}]} for m in config.models]
    return [
        *baseline(ns, target),
        _policy("kojo-gateway-ingress", ns, {"podSelector": gw, "policyTypes": ["Ingress"], "ingress": [
            {"from": [{"namespaceSelector": {"matchLabels": config.ingress_peers(target)}}], "ports": port},
            {"from": [{"namespaceSelector": {"matchLabels": config.monitoring_peers(target)}}], "ports": port}]}),
        _policy(EGRESS, ns, {"podSelector": gw, "policyTypes": ["Egress"], "egress": [
            *(egress_rule(ep) for ep in [*dependency_endpoints(config), *config.gateway_extra_egress]),
            *predictors]}),
    ]
