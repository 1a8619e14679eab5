"""The gateway: ServiceAccount, ConfigMap (non-secret KOJO_* settings), Deployment, Service, HPA, PDB, and the
L7 entry: one Ingress (Kubernetes) or one Route per path (OpenShift) with a path per project,
``/p/{tenant}/{project}/v1``, so the edge can route, limit or cut off one project without touching the others."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from aikojo.deploy.config import DeployConfig, Target, k8s_name
from aikojo.deploy.meta import GATEWAY_NAME, GATEWAY_POD_LABELS, GATEWAY_PORT, meta
from aikojo.errors import InvalidInput

# Long streams: edge proxies must neither buffer SSE nor cut a generation that takes minutes.
_STREAM_TIMEOUT_S = 300
RUN_AS = 10001  # Kubernetes only: OpenShift's restricted SCC picks the UID from the namespace's range


def upstream_settings(config: DeployConfig) -> list[dict[str, Any]]:
    """``KOJO_UPSTREAMS``: each InferenceService (through its predictor Service) and each external upstream."""
    out: list[dict[str, Any]] = []
    for m in config.models:
        ns = config.model_namespace(m)
        out.append({"name": m.name, "url": f"http://{m.k8s_name}-predictor.{ns}.svc.cluster.local{m.openai_path}",
                    "upstream_model": m.name})
    for u in config.upstreams:
        out.append({"name": u.name, "url": u.url, "upstream_model": u.upstream_model})
    return out


def gateway_env(config: DeployConfig) -> dict[str, str]:
    env = {"KOJO_HOME": config.home, "KOJO_HOST": "0.0.0.0", "KOJO_PORT": str(GATEWAY_PORT),
           # Models are served by KServe/vLLM; the gateway pods stay small and CPU-only.
           "KOJO_ENGINE": "none",
           # Limits must be shared by every replica or each one admits the full limit.
           "KOJO_LIMITS_BACKEND": "redis",
           "KOJO_UPSTREAMS": json.dumps(upstream_settings(config), separators=(",", ":"))}
    for key, value in sorted(config.gateway.settings.items()):
        env[f"KOJO_{key.upper()}"] = value if isinstance(value, str) else json.dumps(value)
    return env


def _secret_env(name: str, secret: str, key: str) -> dict[str, Any]:
    return {"name": name, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}


def container_security() -> dict[str, Any]:
    return {"runAsNonRoot": True, "allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True,
            "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"}}


def pod_security(target: Target) -> dict[str, Any]:
    sc: dict[str, Any] = {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
    if target == "kubernetes":
        sc.update(runAsUser=RUN_AS, runAsGroup=RUN_AS, fsGroup=RUN_AS)
    return sc


def deployment(config: DeployConfig, target: Target, config_hash: str) -> dict[str, Any]:
    g, ns = config.gateway, config.gateway_namespace
    env_from = [{"configMapRef": {"name": GATEWAY_NAME}}]
    # Credentials reach the pod only as Secret references, never as literals in a manifest.
    env = [_secret_env("KOJO_DATABASE_URL", config.database_secret.name, config.database_secret.key),
           _secret_env("KOJO_REDIS_URL", config.redis_secret.name, config.redis_secret.key)]
    mounts = [{"name": "home", "mountPath": config.home},
              # Every replica must sign checkpoints and hash bodies with the same keys, so they come from one Secret.
              {"name": "keys", "mountPath": f"{config.home}/keys", "readOnly": True},
              {"name": "tmp", "mountPath": "/tmp"}]
    volumes: list[dict[str, Any]] = [
        {"name": "home", "emptyDir": {}},
        {"name": "keys", "secret": {"secretName": config.keys_secret, "defaultMode": 0o440}},
        {"name": "tmp", "emptyDir": {}}]
    if g.artifacts_pvc:
        mounts.append({"name": "artifacts", "mountPath": f"{config.home}/artifacts"})
        volumes.append({"name": "artifacts", "persistentVolumeClaim": {"claimName": g.artifacts_pvc}})
    resources = {"requests": {"cpu": g.cpu_request, "memory": g.memory_request},
                 "limits": {"cpu": g.cpu_limit, "memory": g.memory_limit}}
    base = {"image": g.image, "imagePullPolicy": "IfNotPresent", "envFrom": env_from, "env": env,
            "volumeMounts": mounts, "securityContext": container_security(), "resources": resources}
    probe = {"httpGet": {"path": "/healthz", "port": "http"}, "periodSeconds": 10, "timeoutSeconds": 2}
    return {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": meta(GATEWAY_NAME, ns, "gateway", app_name=GATEWAY_NAME),
        "spec": {
            "replicas": g.replicas,
            "selector": {"matchLabels": dict(GATEWAY_POD_LABELS)},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
            "template": {
                "metadata": {"labels": {**meta(GATEWAY_NAME, None, "gateway", app_name=GATEWAY_NAME)["labels"]},
                             # A changed ConfigMap rolls the pods (env is read once at start-up).
                             "annotations": {"aikojo.io/config-hash": config_hash}},
                "spec": {
                    "serviceAccountName": GATEWAY_NAME,
                    "securityContext": pod_security(target),
                    "terminationGracePeriodSeconds": 30,
                    "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname",
                                                   "whenUnsatisfiable": "ScheduleAnyway",
                                                   "labelSelector": {"matchLabels": dict(GATEWAY_POD_LABELS)}}],
                    # Idempotent: creates KOJO_HOME in the emptyDir and applies pending migrations. Its output
                    # is discarded because a first-ever run prints the bootstrap admin key, which must not
                    # land in pod logs; create admin keys with `kubectl exec … kojo keys create --role admin`.
                    "initContainers": [{**base, "name": "kojo-init", "command": ["sh", "-c"],
                                        "args": ["kojo init --json > /dev/null"]}],
                    "containers": [{
                        **base, "name": "gateway", "command": ["kojo", "serve"],
                        "ports": [{"name": "http", "containerPort": GATEWAY_PORT, "protocol": "TCP"}],
                        "readinessProbe": {**probe, "httpGet": {"path": "/readyz", "port": "http"},
                                           "failureThreshold": 3},
                        "livenessProbe": {**probe, "failureThreshold": 6},
                        "startupProbe": {**probe, "periodSeconds": 2, "failureThreshold": 60},
                    }],
                    "volumes": volumes,
                },
            },
        },
    }


def ingress(config: DeployConfig, paths: list[str]) -> dict[str, Any]:
    g = config.gateway
    backend = {"service": {"name": GATEWAY_NAME, "port": {"name": "http"}}}
    rule: dict[str, Any] = {"http": {"paths": [{"path": p, "pathType": "Prefix", "backend": backend}
                                               for p in paths]}}
    if g.host:
        rule["host"] = g.host
    spec: dict[str, Any] = {"rules": [rule]}
    if g.ingress_class:
        spec["ingressClassName"] = g.ingress_class
    if g.tls_secret and g.host:
        spec["tls"] = [{"hosts": [g.host], "secretName": g.tls_secret}]
    notes = {"nginx.ingress.kubernetes.io/proxy-buffering": "off",
             "nginx.ingress.kubernetes.io/proxy-read-timeout": str(_STREAM_TIMEOUT_S)}
    return {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
            "metadata": meta(GATEWAY_NAME, config.gateway_namespace, "gateway", annotations=notes), "spec": spec}


def routes(config: DeployConfig, paths: list[str]) -> list[dict[str, Any]]:
    g = config.gateway
    if g.host is None and len(paths) > 1:
        raise InvalidInput("gateway.host is required on OpenShift: the per-project Routes must share one host "
                           "(set it in the deploy config or pass --host)", param="gateway.host")
    out = []
    for path in paths:
        name = "kojo-v1" if path == "/v1" else k8s_name("kojo" + path.replace("/", "-").removesuffix("-v1"))
        spec: dict[str, Any] = {"path": path, "to": {"kind": "Service", "name": GATEWAY_NAME, "weight": 100},
                                "port": {"targetPort": "http"},
                                "tls": {"termination": "edge", "insecureEdgeTerminationPolicy": "Redirect"},
                                "wildcardPolicy": "None"}
        if g.host:
            spec["host"] = g.host
        out.append({"apiVersion": "route.openshift.io/v1", "kind": "Route",
                    "metadata": meta(name, config.gateway_namespace, "gateway",
                                     annotations={"haproxy.router.openshift.io/timeout": f"{_STREAM_TIMEOUT_S}s"}),
                    "spec": spec})
    return out


def edge_paths(config: DeployConfig) -> list[str]:
    paths = ["/v1"] + [f"/p/{t.name}/{p}/v1" for t in config.tenants for p in t.projects]
    if config.gateway.expose_admin:
        paths.append("/admin")
    return paths


def gateway_objects(config: DeployConfig, target: Target) -> list[dict[str, Any]]:
    ns, g = config.gateway_namespace, config.gateway
    env = gateway_env(config)
    config_hash = hashlib.sha256(json.dumps(env, sort_keys=True).encode()).hexdigest()[:16]
    svc_labels = meta(GATEWAY_NAME, ns, "gateway", app_name=GATEWAY_NAME)
    objs: list[dict[str, Any]] = [
        {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta(GATEWAY_NAME, ns, "gateway"),
         # The token is mounted: the control plane creates jobs and InferenceServices in tenant namespaces.
         "automountServiceAccountToken": True},
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta(GATEWAY_NAME, ns, "gateway"), "data": env},
        deployment(config, target, config_hash),
        {"apiVersion": "v1", "kind": "Service", "metadata": svc_labels,
         "spec": {"type": "ClusterIP", "selector": dict(GATEWAY_POD_LABELS),
                  "ports": [{"name": "http", "port": GATEWAY_PORT, "targetPort": "http", "protocol": "TCP"}]}},
        {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
         "metadata": meta(GATEWAY_NAME, ns, "gateway"),
         "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": GATEWAY_NAME},
                  "minReplicas": g.replicas, "maxReplicas": g.max_replicas,
                  "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {
                      "type": "Utilization", "averageUtilization": g.cpu_target_percent}}}]}},
    ]
    if g.replicas > 1:
        objs.append({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
                     "metadata": meta(GATEWAY_NAME, ns, "gateway"),
                     "spec": {"minAvailable": 1, "selector": {"matchLabels": dict(GATEWAY_POD_LABELS)}}})
    paths = edge_paths(config)
    objs += routes(config, paths) if target == "openshift" else [ingress(config, paths)]
    return objs
