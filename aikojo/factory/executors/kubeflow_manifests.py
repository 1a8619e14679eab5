"""Kubernetes manifests for one factory job: a Kubeflow Trainer ``TrainJob`` or a legacy ``PyTorchJob``.

Pure functions of (job, config): no cluster, no ``kubernetes`` package needed, so ``kojo jobs render`` works on
a laptop without the ``[k8s]`` extra. The pod runs the same entry point as the local worker
(``python -m aikojo.factory.run_job JOB_ID``, under ``torchrun`` when there are several processes), reads the
job from the control-plane database (``KOJO_DATABASE_URL`` from a Secret) and writes checkpoints and adapters to
the shared artifacts volume, so a restarted pod resumes and the gateway can serve what it produced.
"""

from __future__ import annotations

import math
import os
import re
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, Field

from aikojo import __version__
from aikojo.errors import InvalidInput

if TYPE_CHECKING:
    from aikojo.factory.models import Job

Flavour = Literal["trainjob", "pytorchjob"]

TRAINER_GROUP, TRAINER_VERSION, TRAINJOB_PLURAL = "trainer.kubeflow.org", "v1alpha1", "trainjobs"
PYTORCH_GROUP, PYTORCH_VERSION, PYTORCHJOB_PLURAL = "kubeflow.org", "v1", "pytorchjobs"
# (group, version, plural, kind) per flavour: what the API paths and error messages need.
RESOURCES: dict[str, tuple[str, str, str, str]] = {
    "trainjob": (TRAINER_GROUP, TRAINER_VERSION, TRAINJOB_PLURAL, "TrainJob"),
    "pytorchjob": (PYTORCH_GROUP, PYTORCH_VERSION, PYTORCHJOB_PLURAL, "PyTorchJob"),
}

RUN_JOB_MODULE = "aikojo.factory.run_job"
QUEUE_LABEL = "kueue.x-k8s.io/queue-name"
PRIORITY_CLASS_LABEL = "kueue.x-k8s.io/priority-class"
JOB_ID_LABEL = "aikojo.io/job-id"
TENANT_LABEL = "aikojo.io/tenant"
PROJECT_LABEL = "aikojo.io/project"
GPU_RESOURCE = "nvidia.com/gpu"
# The torch-distributed runtime names its training ReplicatedJob and container "node"; runtime patches must
# target that name. The training operator only wires up a PyTorchJob container named "pytorch".
TRAINJOB_NODE = "node"
PYTORCH_CONTAINER = "pytorch"
# Runtime patches are keyed by their manager so Kueue's and ours never overwrite each other.
PATCH_MANAGER = "aikojo.io/kojo"
IMAGE_ENV = "KOJO_IMAGE"
IMAGE_BUILD_ENV = "KOJO_IMAGE_BUILD"


class KubeflowConfig(BaseModel):
    """Where and how factory jobs run on Kubernetes. ``{tenant}``, ``{project}`` and ``{priority}`` are
    filled in from the job in the templated fields. Defaults match what ``kojo deploy render`` creates."""

    model_config = {"extra": "forbid"}

    flavour: Flavour = Field("trainjob", description="trainjob (Kubeflow Trainer v2) or pytorchjob (legacy v1)")
    image: str = Field(f"ghcr.io/aikojo/kojo:{__version__}",
                       description="training image; pin it by digest (…@sha256:…) so runs are reproducible")
    image_pull_policy: Literal["Always", "IfNotPresent", "Never"] = "IfNotPresent"
    image_pull_secret: str | None = None
    namespace: str = Field("kojo-{tenant}", description="namespace template; one namespace per tenant")
    queue_name: str | None = Field("{tenant}-{project}",
                                   description="Kueue LocalQueue template (label kueue.x-k8s.io/queue-name); "
                                               "None submits without Kueue")
    priority_class: str | None = Field(None, description="Kueue WorkloadPriorityClass template, e.g. kojo-p{priority}")
    runtime: str = Field("torch-distributed", description="ClusterTrainingRuntime the TrainJob references")
    runtime_kind: Literal["ClusterTrainingRuntime", "TrainingRuntime"] = "ClusterTrainingRuntime"
    service_account: str | None = Field("kojo-tenant", description="identity of the training pods")
    max_gpus_per_node: int = Field(8, ge=1)
    cpu_per_process: str = Field("2", description="CPU request per training process (Kubernetes quantity)")
    memory_per_node: str = "16Gi"
    home: str = Field("/var/lib/kojo", description="KOJO_HOME inside the pod")
    artifacts_pvc: str = Field("kojo-artifacts", description="RWX claim shared with the gateway (adapters, jobs)")
    data_pvc: str | None = Field("kojo-data", description="claim with datasets, mounted read-only; None: no mount")
    data_mount: str = "/data"
    keys_secret: str | None = Field("kojo-keys", description="audit keys Secret mounted at KOJO_HOME/keys")
    database_secret: str = "kojo-database"
    database_secret_key: str = "url"
    backoff_limit: int = Field(2, ge=0, description="PyTorchJob restarts before it counts as failed")
    name_prefix: str = "kojo-"
    kube_context: str | None = Field(None, description="kubeconfig context; in a pod the service account is used")
    request_timeout_s: float = Field(15.0, gt=0)


def image_reference() -> str | None:
    """The image this process runs in, to record in the run: ``KOJO_IMAGE`` (set on every pod this executor
    renders, to the exact reference submitted), else ``KOJO_IMAGE_BUILD`` (baked in by the Containerfile),
    else None (not in a kojo image: a local run)."""
    return os.environ.get(IMAGE_ENV) or os.environ.get(IMAGE_BUILD_ENV) or None


def k8s_name(text: str, max_len: int = 63) -> str:
    """An RFC 1035 label (lowercase alphanumerics and '-', starting with a letter)."""
    name = re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")
    if not name or not name[0].isalpha():
        name = f"k-{name}"
    return name[:max_len].rstrip("-")


def _label_value(text: str) -> str:
    value = re.sub(r"[^A-Za-z0-9_.-]+", "-", text)[:63]
    return value.strip("-_.")


def _fill(template: str, job: Job) -> str:
    try:
        return template.format(tenant=job.tenant, project=job.project, priority=job.priority or 0)
    except (KeyError, IndexError) as exc:
        raise InvalidInput(f"kubeflow config template '{template}': unknown placeholder {exc}; "
                           "use {tenant}, {project} or {priority}")


def resource_name(job: Job, config: KubeflowConfig) -> str:
    # TrainJob names become JobSet, Job and pod name prefixes, so they stay well under 63 characters.
    return k8s_name(f"{config.name_prefix}{job.id}", max_len=48)


def namespace_for(job: Job, config: KubeflowConfig) -> str:
    return k8s_name(_fill(config.namespace, job))


def layout(job: Job, config: KubeflowConfig) -> tuple[int, int, int]:
    """(nodes, processes per node, GPUs per node). GPU jobs run one process per GPU and spread over as few
    nodes as hold them; CPU jobs run all their processes on one node (gloo)."""
    gpus, processes = job.gpus or 0, max(job.processes or 1, 1)
    if gpus <= 0:
        return 1, processes, 0
    nodes = math.ceil(gpus / config.max_gpus_per_node)
    if gpus % nodes:
        raise InvalidInput(f"job {job.id} asks for {gpus} GPUs, which do not split evenly over {nodes} nodes of at "
                           f"most {config.max_gpus_per_node} GPUs; ask for a multiple of {nodes} GPUs or change "
                           "kubeflow.max_gpus_per_node", param="gpus")
    return nodes, gpus // nodes, gpus // nodes


def _command(job: Job, nodes: int, nproc: int) -> list[str]:
    if nodes == 1 and nproc == 1:
        return ["python", "-m", RUN_JOB_MODULE, job.id]
    # torchrun takes nnodes, nproc-per-node, node rank and the master address from the PET_* variables that
    # the Trainer's torch plugin and the training operator set on every pod, so no flags are repeated here.
    return ["torchrun", "-m", RUN_JOB_MODULE, job.id]


def _cpu(per_process: str, nproc: int) -> str:
    if per_process.endswith("m"):
        return f"{int(per_process[:-1]) * nproc}m"
    total = float(per_process) * nproc
    return str(int(total)) if total.is_integer() else f"{round(total * 1000)}m"


def _resources(config: KubeflowConfig, nproc: int, gpus_per_node: int) -> dict[str, Any]:
    requests = {"cpu": _cpu(config.cpu_per_process, nproc), "memory": config.memory_per_node}
    limits = {"memory": config.memory_per_node}
    if gpus_per_node:
        # Extended resources need request == limit; Kueue counts GPUs from the request.
        requests[GPU_RESOURCE] = limits[GPU_RESOURCE] = str(gpus_per_node)
    return {"requests": requests, "limits": limits}


def _env(job: Job, config: KubeflowConfig) -> list[dict[str, Any]]:
    return [
        {"name": "KOJO_DATABASE_URL",
         "valueFrom": {"secretKeyRef": {"name": config.database_secret, "key": config.database_secret_key}}},
        {"name": "KOJO_HOME", "value": config.home},
        {"name": "KOJO_JOB_ID", "value": job.id},
        {"name": IMAGE_ENV, "value": config.image},
        {"name": "KOJO_EXECUTOR", "value": "kubeflow"},
        *([{"name": "KOJO_DATA_DIR", "value": config.data_mount}] if config.data_pvc else []),
        # No model or dataset is fetched at run time unless the recipe's base model says so.
        {"name": "HF_HUB_DISABLE_TELEMETRY", "value": "1"},
    ]


def _volumes(config: KubeflowConfig) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(volumes, mounts). The artifacts claim is mounted twice: at KOJO_HOME/artifacts, where the gateway sees
    adapters too, and its ``jobs`` folder at KOJO_HOME/jobs, where run_job keeps checkpoints, so that a
    restarted or rescheduled pod resumes instead of starting over."""
    volumes: list[dict[str, Any]] = [
        {"name": "artifacts", "persistentVolumeClaim": {"claimName": config.artifacts_pvc}},
        {"name": "tmp", "emptyDir": {}},
    ]
    mounts: list[dict[str, Any]] = [
        {"name": "artifacts", "mountPath": f"{config.home}/artifacts"},
        {"name": "artifacts", "mountPath": f"{config.home}/jobs", "subPath": "jobs"},
        {"name": "tmp", "mountPath": "/tmp"},
    ]
    if config.data_pvc:
        volumes.append({"name": "data", "persistentVolumeClaim": {"claimName": config.data_pvc, "readOnly": True}})
        mounts.append({"name": "data", "mountPath": config.data_mount, "readOnly": True})
    if config.keys_secret:
        volumes.append({"name": "keys", "secret": {"secretName": config.keys_secret, "defaultMode": 0o440}})
        mounts.append({"name": "keys", "mountPath": f"{config.home}/keys", "readOnly": True})
    return volumes, mounts


def _container_security() -> dict[str, Any]:
    return {"runAsNonRoot": True, "allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"}}


def _metadata(job: Job, config: KubeflowConfig) -> dict[str, Any]:
    labels = {
        "app.kubernetes.io/part-of": "aikojo",
        "app.kubernetes.io/managed-by": "kojo-factory",
        "app.kubernetes.io/component": "training",
        JOB_ID_LABEL: _label_value(job.id),
        TENANT_LABEL: _label_value(job.tenant),
        PROJECT_LABEL: _label_value(job.project),
    }
    if config.queue_name:
        labels[QUEUE_LABEL] = k8s_name(_fill(config.queue_name, job))
    if config.priority_class:
        labels[PRIORITY_CLASS_LABEL] = k8s_name(_fill(config.priority_class, job))
    annotations = {"aikojo.io/job-name": job.name or job.id, "aikojo.io/method": job.method or "",
                   "aikojo.io/priority": str(job.priority or 0)}
    return {"name": resource_name(job, config), "namespace": namespace_for(job, config),
            "labels": labels, "annotations": annotations}


def _pod_spec_extras(config: KubeflowConfig) -> dict[str, Any]:
    extras: dict[str, Any] = {}
    if config.service_account:
        extras["serviceAccountName"] = config.service_account
    if config.image_pull_secret:
        extras["imagePullSecrets"] = [{"name": config.image_pull_secret}]
    return extras


def render_trainjob(job: Job, config: KubeflowConfig) -> dict[str, Any]:
    nodes, nproc, gpus_per_node = layout(job, config)
    volumes, mounts = _volumes(config)
    pod_patch = {
        "metadata": {"labels": {JOB_ID_LABEL: _label_value(job.id)}},
        "spec": {**_pod_spec_extras(config), "volumes": volumes,
                 "containers": [{"name": TRAINJOB_NODE, "volumeMounts": mounts,
                                 "securityContext": _container_security()}]},
    }
    return {
        "apiVersion": f"{TRAINER_GROUP}/{TRAINER_VERSION}",
        "kind": "TrainJob",
        "metadata": _metadata(job, config),
        "spec": {
            "runtimeRef": {"apiGroup": TRAINER_GROUP, "kind": config.runtime_kind, "name": config.runtime},
            "trainer": {
                "image": config.image,
                "command": _command(job, nodes, nproc),
                "env": _env(job, config),
                "numNodes": nodes,
                "numProcPerNode": nproc,
                "resourcesPerNode": _resources(config, nproc, gpus_per_node),
            },
            # Volumes, identity and mounts are not TrainJob fields: they reach the runtime's "node" pods as a
            # runtime patch owned by us.
            "runtimePatches": [{
                "manager": PATCH_MANAGER,
                "trainingRuntimeSpec": {"template": {"spec": {"replicatedJobs": [{
                    "name": TRAINJOB_NODE, "template": {"spec": {"template": pod_patch}}}]}}},
            }],
        },
    }


def render_pytorchjob(job: Job, config: KubeflowConfig) -> dict[str, Any]:
    nodes, nproc, gpus_per_node = layout(job, config)
    volumes, mounts = _volumes(config)
    container = {
        "name": PYTORCH_CONTAINER,
        "image": config.image,
        "imagePullPolicy": config.image_pull_policy,
        "command": _command(job, nodes, nproc),
        "env": _env(job, config),
        "resources": _resources(config, nproc, gpus_per_node),
        "volumeMounts": mounts,
        "securityContext": _container_security(),
    }

    def replica(count: int) -> dict[str, Any]:
        return {"replicas": count, "restartPolicy": "OnFailure",
                "template": {"metadata": {"labels": {JOB_ID_LABEL: _label_value(job.id)}},
                             "spec": {**_pod_spec_extras(config), "containers": [container], "volumes": volumes}}}

    specs = {"Master": replica(1)}
    if nodes > 1:
        specs["Worker"] = replica(nodes - 1)
    return {
        "apiVersion": f"{PYTORCH_GROUP}/{PYTORCH_VERSION}",
        "kind": "PyTorchJob",
        "metadata": _metadata(job, config),
        "spec": {
            # A string in the v1 API ("auto" is also allowed there); we always know the count.
            "nprocPerNode": str(nproc),
            "runPolicy": {"cleanPodPolicy": "None", "backoffLimit": config.backoff_limit},
            "pytorchReplicaSpecs": specs,
        },
    }


def render(job: Job, flavour: Flavour | None = None, config: KubeflowConfig | None = None) -> dict[str, Any]:
    """The manifest for ``job``: a TrainJob (default) or a PyTorchJob. Raises InvalidInput for a job the
    cluster could not run as asked (e.g. GPUs that do not split evenly across nodes)."""
    config = config or KubeflowConfig()
    chosen = flavour or config.flavour
    if chosen == "trainjob":
        return render_trainjob(job, config)
    if chosen == "pytorchjob":
        return render_pytorchjob(job, config)
    raise InvalidInput(f"unknown Kubeflow manifest flavour '{chosen}'; use trainjob or pytorchjob", param="flavour")


def render_yaml(job: Job, flavour: Flavour | None = None, config: KubeflowConfig | None = None) -> str:
    """``render`` as YAML text, ready for ``kubectl apply -f -`` (what ``kojo jobs render`` prints)."""
    return yaml.safe_dump(render(job, flavour, config), sort_keys=False, allow_unicode=True)
