"""Labels and metadata every rendered object shares, so ``kubectl get -l`` and NetworkPolicy selectors agree."""

from __future__ import annotations

from typing import Any

PART_OF = "aikojo"
MANAGED_BY = "kojo-deploy"
TENANT_LABEL = "aikojo.io/tenant"
GATEWAY_NAME = "kojo-gateway"
GATEWAY_PORT = 8000
# Gateway pods carry exactly these labels; NetworkPolicies in other namespaces select them.
GATEWAY_POD_LABELS = {"app.kubernetes.io/name": GATEWAY_NAME, "app.kubernetes.io/part-of": PART_OF}
ISVC_POD_LABEL = "serving.kserve.io/inferenceservice"  # set by KServe on every predictor pod


def labels(component: str, name: str | None = None, **extra: str) -> dict[str, str]:
    out = {"app.kubernetes.io/part-of": PART_OF, "app.kubernetes.io/managed-by": MANAGED_BY,
           "app.kubernetes.io/component": component}
    if name:
        out["app.kubernetes.io/name"] = name
    out.update(extra)
    return out


def meta(name: str, namespace: str | None, component: str, *, app_name: str | None = None,
         annotations: dict[str, str] | None = None, **extra: str) -> dict[str, Any]:
    m: dict[str, Any] = {"name": name, "labels": labels(component, app_name, **extra)}
    if namespace is not None:
        m["namespace"] = namespace
    if annotations:
        m["annotations"] = annotations
    return m


def namespace_selector(namespace: str) -> dict[str, Any]:
    # kubernetes.io/metadata.name is set by the API server on every namespace (1.22+), so no extra labelling.
    return {"matchLabels": {"kubernetes.io/metadata.name": namespace}}
