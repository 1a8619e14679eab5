"""One namespace per tenant (the seed's L3 isolation boundary): its workload identity, what kojo's control plane
may do there, a quota, a LimitRange so quota'd pods always have requests, and a Kueue LocalQueue for its jobs."""

from __future__ import annotations

from typing import Any

from aikojo.deploy.config import DeployConfig, TenantSpec
from aikojo.deploy.meta import GATEWAY_NAME, TENANT_LABEL, meta

TENANT_SA = "kojo-tenant"
OPERATOR_ROLE = "kojo-operator"
LOCAL_QUEUE = "kojo"

# What kojo's control plane (the gateway's ServiceAccount) may do in a tenant namespace: run training jobs
# (Kubeflow Trainer, queued by Kueue) and serve the tenant's models (KServe). No Secrets, no RBAC changes,
# so a compromised gateway cannot read tenant credentials or escalate.
OPERATOR_RULES: list[dict[str, Any]] = [
    {"apiGroups": ["trainer.kubeflow.org"], "resources": ["trainjobs"],
     "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]},
    {"apiGroups": ["trainer.kubeflow.org"], "resources": ["trainjobs/status"], "verbs": ["get"]},
    # The legacy Training Operator's PyTorchJob, for clusters without Kubeflow Trainer v2.
    {"apiGroups": ["kubeflow.org"], "resources": ["pytorchjobs"],
     "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]},
    {"apiGroups": ["kubeflow.org"], "resources": ["pytorchjobs/status"], "verbs": ["get"]},
    {"apiGroups": ["serving.kserve.io"], "resources": ["inferenceservices"],
     "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]},
    {"apiGroups": ["kueue.x-k8s.io"], "resources": ["localqueues", "workloads"], "verbs": ["get", "list", "watch"]},
    {"apiGroups": [""], "resources": ["pods", "pods/log", "events"], "verbs": ["get", "list", "watch"]},
    {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list", "create", "update", "delete"]},
]


def namespace(name: str, component: str, tenant: str | None = None) -> dict[str, Any]:
    extra = {TENANT_LABEL: tenant} if tenant else {}
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": meta(name, None, component, **extra)}


def tenant_objects(config: DeployConfig, tenant: TenantSpec) -> list[dict[str, Any]]:
    ns = config.tenant_namespace(tenant.name)
    q = tenant.quota
    t = {TENANT_LABEL: tenant.name}
    return [
        namespace(ns, "tenant", tenant.name),
        {"apiVersion": "v1", "kind": "ServiceAccount",
         # Tenant workloads (training pods, predictors) run as this identity; they need no API access.
         "metadata": meta(TENANT_SA, ns, "tenant", **t), "automountServiceAccountToken": False},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
         "metadata": meta(OPERATOR_ROLE, ns, "tenant", **t), "rules": OPERATOR_RULES},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
         "metadata": meta(OPERATOR_ROLE, ns, "tenant", **t),
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": OPERATOR_ROLE},
         "subjects": [{"kind": "ServiceAccount", "name": GATEWAY_NAME, "namespace": config.gateway_namespace}]},
        {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": meta("kojo-quota", ns, "tenant", **t),
         "spec": {"hard": {"requests.cpu": q.cpu, "limits.cpu": q.cpu, "requests.memory": q.memory,
                           "limits.memory": q.memory, "requests.nvidia.com/gpu": str(q.gpus),
                           "pods": str(q.pods)}}},
        # With a cpu/memory quota, a pod without requests is refused; defaults keep small pods schedulable.
        {"apiVersion": "v1", "kind": "LimitRange", "metadata": meta("kojo-defaults", ns, "tenant", **t),
         "spec": {"limits": [{"type": "Container", "defaultRequest": {"cpu": "100m", "memory": "128Mi"},
                              "default": {"cpu": "1", "memory": "1Gi"}}]}},
        {"apiVersion": "kueue.x-k8s.io/v1beta1", "kind": "LocalQueue",
         "metadata": meta(LOCAL_QUEUE, ns, "tenant", **t), "spec": {"clusterQueue": tenant.cluster_queue}},
        # One queue per project too: the Kubeflow executor labels a project's TrainJobs with
        # kueue.x-k8s.io/queue-name=<tenant>-<project>, so each project's jobs are visible and orderable apart.
        *({"apiVersion": "kueue.x-k8s.io/v1beta1", "kind": "LocalQueue",
           "metadata": meta(f"{tenant.name}-{project}", ns, "tenant", **t),
           "spec": {"clusterQueue": tenant.cluster_queue}} for project in tenant.projects),
    ]
