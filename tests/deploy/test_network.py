"""NetworkPolicy semantics: each kojo namespace denies all traffic both ways, admits only the gateway, and may
reach only DNS, the database, Redis and the configured upstreams."""

from __future__ import annotations

import pytest

from aikojo.deploy import render_objects
from aikojo.deploy.meta import GATEWAY_POD_LABELS


def _policies(objs, ns):
    return {o["metadata"]["name"]: o["spec"] for o in objs
            if o["kind"] == "NetworkPolicy" and o["metadata"]["namespace"] == ns}


def _egress_peers(spec):
    """(peer, port, protocol) for every egress rule."""
    return {(repr(sorted(rule["to"][0].items())), p["port"], p["protocol"])
            for rule in spec.get("egress", []) for p in rule.get("ports", [])}


def _expected(config, extra=()):
    out = set()
    for ep in [config.database, config.redis, *(u.endpoint() for u in config.upstreams), *extra]:
        if ep.cidr:
            peer = {"ipBlock": {"cidr": ep.cidr}}
        else:
            peer = {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": ep.namespace}}}
            if ep.pod_labels:
                peer["podSelector"] = {"matchLabels": ep.pod_labels}
        out.add((repr(sorted(peer.items())), ep.port, ep.protocol))
    return out


def _namespaces(config):
    return [config.gateway_namespace, config.models_namespace,
            *(config.tenant_namespace(t.name) for t in config.tenants)]


@pytest.mark.parametrize("target", ["openshift", "kubernetes"])
def test_every_kojo_namespace_denies_all_traffic_by_default(config, target):
    objs = render_objects(target, config)
    for ns in _namespaces(config):
        deny = _policies(objs, ns)["kojo-default-deny"]
        assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}, ns


def test_tenant_egress_is_exactly_dns_database_redis_and_upstreams(config):
    objs = render_objects("kubernetes", config)
    for t in config.tenants:
        pols = _policies(objs, config.tenant_namespace(t.name))
        assert _egress_peers(pols["kojo-egress"]) == _expected(config)
        dns = pols["kojo-allow-dns"]["egress"]
        assert len(dns) == 1 and {p["port"] for p in dns[0]["ports"]} == {53}
        assert dns[0]["to"][0]["namespaceSelector"]["matchLabels"] == {"kubernetes.io/metadata.name": "kube-system"}
        # No other policy in the namespace opens egress beyond its own namespace.
        for name, spec in pols.items():
            if name not in {"kojo-egress", "kojo-allow-dns"}:
                assert all(rule["to"] == [{"podSelector": {}}] for rule in spec.get("egress", [])), name


def test_openshift_dns_egress_opens_the_dns_pods_port(config):
    dns = _policies(render_objects("openshift", config), "kojo-acme")["kojo-allow-dns"]["egress"][0]
    assert {p["port"] for p in dns["ports"]} == {53, 5353}
    assert dns["to"][0]["namespaceSelector"]["matchLabels"] == {"kubernetes.io/metadata.name": "openshift-dns"}


def test_tenant_ingress_comes_only_from_gateway_pods_and_metrics_scrapes(config):
    objs = render_objects("kubernetes", config)
    for t in config.tenants:
        pols = _policies(objs, config.tenant_namespace(t.name))
        rules = pols["kojo-allow-from-gateway"]["ingress"]
        gateway_rule = rules[0]["from"][0]
        assert gateway_rule == {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kojo-system"}},
                                "podSelector": {"matchLabels": GATEWAY_POD_LABELS}}
        for rule in rules[1:]:  # Prometheus, limited to the predictor ports
            assert rule["ports"] and all(p["port"] == 8080 for p in rule["ports"])
        same_ns = pols.get("kojo-allow-same-namespace")
        assert same_ns is None or same_ns["ingress"] == [{"from": [{"podSelector": {}}]}]


def test_no_tenant_namespace_admits_another_tenant(config):
    objs = render_objects("kubernetes", config)
    tenant_ns = {config.tenant_namespace(t.name) for t in config.tenants}
    for ns in tenant_ns:
        for spec in _policies(objs, ns).values():
            for rule in spec.get("ingress", []):
                for peer in rule.get("from", []):
                    named = peer.get("namespaceSelector", {}).get("matchLabels", {}).get(
                        "kubernetes.io/metadata.name")
                    assert named not in tenant_ns - {ns}


def test_intra_namespace_traffic_can_be_turned_off(config):
    strict = config.model_copy(update={"intra_namespace_traffic": False})
    assert "kojo-allow-same-namespace" not in _policies(render_objects("kubernetes", strict), "kojo-acme")


def test_gateway_egress_adds_only_the_rendered_predictors(config):
    pols = _policies(render_objects("kubernetes", config), config.gateway_namespace)
    egress = pols["kojo-egress"]
    assert egress["podSelector"] == {"matchLabels": GATEWAY_POD_LABELS}
    peers = _egress_peers(egress)
    deps = _expected(config)
    assert deps <= peers
    predictors = peers - deps
    assert len(predictors) == len(config.models)
    assert all("serving.kserve.io/inferenceservice" in p[0] and p[1] == 8080 for p in predictors)


def test_gateway_ingress_only_from_ingress_controller_and_monitoring(config):
    ocp = _policies(render_objects("openshift", config), config.gateway_namespace)["kojo-gateway-ingress"]
    groups = [r["from"][0]["namespaceSelector"]["matchLabels"] for r in ocp["ingress"]]
    assert groups == [{"network.openshift.io/policy-group": "ingress"},
                      {"network.openshift.io/policy-group": "monitoring"}]
    assert all(r["ports"] == [{"protocol": "TCP", "port": 8000}] for r in ocp["ingress"])
