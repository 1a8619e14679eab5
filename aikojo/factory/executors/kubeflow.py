"""The Kubeflow executor (extra ``[k8s]``): runs a factory job as a Kubeflow Trainer ``TrainJob`` (or a legacy
``PyTorchJob``) in the tenant's namespace, queued by Kueue through the ``kueue.x-k8s.io/queue-name`` label.

Talks to the cluster only through the official ``kubernetes`` client. Every cluster failure becomes one
:mod:`aikojo.errors` error that says what to do; nothing here changes the job row, so a job whose submission
failed stays as the scheduler left it (queued) and is never lost.

``external_ref`` is ``<flavour>/<namespace>/<name>``, so status, logs and cancel find the object even after the
configured flavour or namespace template changed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aikojo.errors import BackendUnavailable, Conflict, InvalidInput, KojoError
from aikojo.factory.executors import ExecutorStatus
from aikojo.factory.executors.kubeflow_manifests import (
    JOB_ID_LABEL,
    PYTORCH_CONTAINER,
    QUEUE_LABEL,
    RESOURCES,
    TRAINJOB_NODE,
    Flavour,
    KubeflowConfig,
    image_reference,
    namespace_for,
    render,
    render_yaml,
    resource_name,
)

if TYPE_CHECKING:
    from aikojo.factory.models import Job

__all__ = ["KubeflowConfig", "KubeflowExecutor", "image_reference", "parse_ref", "render", "render_yaml",
           "status_from_object"]

WAITING_FOR_CAPACITY = "waiting for capacity"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def parse_ref(ref: str) -> tuple[str, str, str]:
    """``trainjob/ns/name`` → (flavour, namespace, name)."""
    parts = ref.split("/")
    if len(parts) != 3 or parts[0] not in RESOURCES or not all(parts):
        raise InvalidInput(f"'{ref}' is not a Kubeflow job reference (expected trainjob|pytorchjob/NAMESPACE/NAME)",
                           param="external_ref")
    return parts[0], parts[1], parts[2]


# ---- status mapping: pure functions of the object the API returned ------------------------------------------

def _true(conditions: list[dict[str, Any]], kind: str) -> dict[str, Any] | None:
    for c in conditions:
        if c.get("type") == kind and str(c.get("status")) == "True":
            return c
    return None


def _why(condition: dict[str, Any], fallback: str) -> str:
    parts = [p for p in (condition.get("reason"), condition.get("message")) if p]
    return ": ".join(parts)[:400] if parts else fallback


def _waiting(obj: dict[str, Any]) -> ExecutorStatus:
    queue = (obj.get("metadata", {}).get("labels") or {}).get(QUEUE_LABEL)
    where = f" in Kueue queue '{queue}'" if queue else " (suspended)"
    return ExecutorStatus("waiting", f"{WAITING_FOR_CAPACITY}{where}")


def _trainjob_status(obj: dict[str, Any]) -> ExecutorStatus:
    status = obj.get("status") or {}
    conditions = status.get("conditions") or []
    if (failed := _true(conditions, "Failed")) is not None:
        return ExecutorStatus("failed", _why(failed, "TrainJob failed"))
    if _true(conditions, "Complete") is not None:
        return ExecutorStatus("succeeded", "TrainJob complete")
    # Kueue creates the TrainJob suspended and un-suspends it only once the queue admits it; a suspended job
    # holds no pods, so it must not count as running (nor against running-time quotas).
    if (obj.get("spec") or {}).get("suspend") or _true(conditions, "Suspended") is not None:
        return _waiting(obj)
    jobs = status.get("jobsStatus") or []
    ready = sum(int(j.get("ready") or 0) + int(j.get("succeeded") or 0) for j in jobs)
    active = sum(int(j.get("active") or 0) for j in jobs)
    if ready:
        return ExecutorStatus("running", f"{ready} pod(s) running")
    if active:
        return ExecutorStatus("waiting", f"{active} pod(s) starting (being scheduled or pulling the image)")
    return ExecutorStatus("queued", "submitted; waiting for the Trainer controller to create pods")


def _pytorchjob_status(obj: dict[str, Any]) -> ExecutorStatus:
    conditions = (obj.get("status") or {}).get("conditions") or []
    if (failed := _true(conditions, "Failed")) is not None:
        return ExecutorStatus("failed", _why(failed, "PyTorchJob failed"))
    if _true(conditions, "Succeeded") is not None:
        return ExecutorStatus("succeeded", "PyTorchJob succeeded")
    run_policy = (obj.get("spec") or {}).get("runPolicy") or {}
    if run_policy.get("suspend") or _true(conditions, "Suspended") is not None:
        return _waiting(obj)
    if (restarting := _true(conditions, "Restarting")) is not None:
        return ExecutorStatus("running", _why(restarting, "restarting after a pod failure"))
    if _true(conditions, "Running") is not None:
        return ExecutorStatus("running", "PyTorchJob running")
    return ExecutorStatus("queued", "submitted; waiting for the training operator to start pods")


def status_from_object(obj: dict[str, Any], flavour: Flavour) -> ExecutorStatus:
    """Map a TrainJob/PyTorchJob as the API returned it to an :class:`ExecutorStatus`."""
    if (obj.get("metadata") or {}).get("deletionTimestamp"):
        return ExecutorStatus("cancelled", "being deleted")
    return _trainjob_status(obj) if flavour == "trainjob" else _pytorchjob_status(obj)


# ---- errors ---------------------------------------------------------------------------------------------------

def _api_message(exc: Any) -> str:
    """The Status message the API server put in the body, else the HTTP reason."""
    body = getattr(exc, "body", None)
    if body:
        try:
            message = json.loads(body).get("message")
            if message:
                return str(message)
        except (ValueError, AttributeError):
            return str(body)[:300]
    return str(getattr(exc, "reason", None) or exc)


def _api_exception() -> type[Exception]:
    try:
        from kubernetes.client.exceptions import ApiException
    except ImportError:
        raise BackendUnavailable("the Kubeflow executor needs the Kubernetes client: pip install 'aikojo[k8s]'",
                                 code="kubernetes_client_missing")
    return ApiException


def _cluster_error(exc: Exception, action: str, kind: str, namespace: str) -> KojoError:
    """One clear error for any failure talking to the cluster; ``action`` is e.g. "create TrainJob ns/name"."""
    if not isinstance(exc, _api_exception()):
        # urllib3 connection/timeouts, DNS, TLS: the API server is not answering at all.
        return BackendUnavailable(
            f"Kubernetes API unreachable while trying to {action} ({type(exc).__name__}: {exc}); the job is kept "
            "and can be retried: check `kubectl cluster-info`, KUBECONFIG or kubeflow.kube_context",
            code="kubernetes_unreachable")
    status, message = getattr(exc, "status", None) or 0, _api_message(exc)
    if status in (401, 403):
        return BackendUnavailable(
            f"Kubernetes refused to {action} ({status}: {message}); the job is kept. Grant kojo's service account "
            f"the verbs on {kind.lower()}s in namespace '{namespace}' (see `kojo deploy render`)",
            code="kubernetes_forbidden")
    if status == 404:
        return BackendUnavailable(
            f"Kubernetes could not {action} (404: {message}): is the {kind} CRD installed (Kubeflow "
            f"{'Trainer' if kind == 'TrainJob' else 'training operator'}) and does namespace '{namespace}' exist?",
            code="kubeflow_not_installed")
    if status in (400, 422):
        return InvalidInput(f"Kubernetes rejected the request to {action} ({status}: {message})",
                            code="kubernetes_rejected")
    return BackendUnavailable(
        f"Kubernetes API failed to {action} ({status}: {message}); the job is kept and can be retried",
        code="kubernetes_error")


# ---- the executor -------------------------------------------------------------------------------------------

class KubeflowExecutor:
    """Implements :class:`aikojo.factory.executors.Executor` on Kubernetes.

    ``custom_api``/``core_api`` are ``kubernetes.client.CustomObjectsApi``/``CoreV1Api``; when omitted they are
    built on first use from the in-cluster service account, else the kubeconfig (``kube_context``).
    """

    def __init__(self, config: KubeflowConfig | None = None, *, custom_api: Any = None, core_api: Any = None) -> None:
        self.config = config or KubeflowConfig()
        self._custom, self._core = custom_api, core_api

    # -- clients --
    def _apis(self) -> tuple[Any, Any]:
        if self._custom is None or self._core is None:
            _api_exception()  # a clear error when the [k8s] extra is missing
            from kubernetes import client, config

            try:
                conf = client.Configuration()
                try:
                    config.load_incluster_config(client_configuration=conf)
                    api_client = client.ApiClient(conf)
                except config.ConfigException:
                    api_client = config.new_client_from_config(context=self.config.kube_context)
            except (config.ConfigException, OSError, ValueError) as exc:
                raise BackendUnavailable(f"no usable Kubernetes configuration ({exc}): run kojo inside the cluster "
                                         "or set KUBECONFIG / kubeflow.kube_context", code="kubernetes_unconfigured")
            self._custom = self._custom or client.CustomObjectsApi(api_client)
            self._core = self._core or client.CoreV1Api(api_client)
        return self._custom, self._core

    def _call(self, fn: Any, action: str, kind: str, namespace: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, _request_timeout=self.config.request_timeout_s, **kwargs)
        except KojoError:
            raise
        except Exception as exc:  # every transport/API failure becomes one aikojo error, below
            raise _cluster_error(exc, action, kind, namespace) from exc

    # -- verbs --
    def render(self, job: Job, flavour: Flavour | None = None) -> dict[str, Any]:
        return render(job, flavour, self.config)

    def submit(self, job: Job) -> str:
        """Create the job's TrainJob/PyTorchJob, named after the job id. If it already exists and is this job's
        (a retried submission), it is adopted rather than started twice; to run a finished job again, ``cancel``
        it first, which deletes the old object."""
        custom, _ = self._apis()
        api_error = _api_exception()
        flavour = self.config.flavour
        group, version, plural, kind = RESOURCES[flavour]
        body = render(job, flavour, self.config)
        ns, name = namespace_for(job, self.config), resource_name(job, self.config)
        ref = f"{flavour}/{ns}/{name}"
        action = f"create {kind} {ns}/{name}"
        try:
            custom.create_namespaced_custom_object(group, version, ns, plural, body,
                                                   _request_timeout=self.config.request_timeout_s)
        except api_error as exc:
            if exc.status != 409:
                raise _cluster_error(exc, action, kind, ns) from exc
            # Already there: a retried submission (e.g. the control plane died after creating it). Adopt it
            # if it is ours, so one job never runs twice; refuse if the name belongs to something else.
            existing = self._call(custom.get_namespaced_custom_object, f"read {kind} {ns}/{name}", kind, ns,
                                  group, version, ns, plural, name)
            owner = ((existing.get("metadata") or {}).get("labels") or {}).get(JOB_ID_LABEL)
            if owner != body["metadata"]["labels"][JOB_ID_LABEL]:
                raise Conflict(f"{kind} {ns}/{name} already exists and does not belong to job {job.id}; "
                               "delete it or change kubeflow.name_prefix")
        except Exception as exc:
            raise _cluster_error(exc, action, kind, ns) from exc
        return ref

    def status(self, job: Job) -> ExecutorStatus:
        if not job.external_ref:
            return ExecutorStatus("queued", "not submitted to Kubernetes yet")
        flavour, ns, name = parse_ref(job.external_ref)
        group, version, plural, kind = RESOURCES[flavour]
        custom, _ = self._apis()
        api_error = _api_exception()
        try:
            obj = custom.get_namespaced_custom_object(group, version, ns, plural, name,
                                                      _request_timeout=self.config.request_timeout_s)
        except api_error as exc:
            if exc.status != 404:
                raise _cluster_error(exc, f"read {kind} {ns}/{name}", kind, ns) from exc
            if job.cancel_requested:
                return ExecutorStatus("cancelled", f"{kind} {ns}/{name} deleted")
            return ExecutorStatus("failed", f"{kind} {ns}/{name} no longer exists on the cluster "
                                            "(deleted outside kojo?); submit the job again")
        except Exception as exc:
            raise _cluster_error(exc, f"read {kind} {ns}/{name}", kind, ns) from exc
        return status_from_object(obj, flavour)  # type: ignore[arg-type]

    def cancel(self, job: Job) -> None:
        if not job.external_ref:
            return
        flavour, ns, name = parse_ref(job.external_ref)
        group, version, plural, kind = RESOURCES[flavour]
        custom, _ = self._apis()
        api_error = _api_exception()
        try:
            # Foreground: the object goes only once its pods are gone, so "cancelled" means nothing still runs.
            custom.delete_namespaced_custom_object(group, version, ns, plural, name,
                                                   propagation_policy="Foreground",
                                                   _request_timeout=self.config.request_timeout_s)
        except api_error as exc:
            if exc.status != 404:  # already gone: cancelling twice is fine
                raise _cluster_error(exc, f"delete {kind} {ns}/{name}", kind, ns) from exc
        except Exception as exc:
            raise _cluster_error(exc, f"delete {kind} {ns}/{name}", kind, ns) from exc

    def logs(self, job: Job) -> str:
        """Rank 0's log (node 0 of a TrainJob, the master of a PyTorchJob), newest pod if it was restarted."""
        if not job.external_ref:
            return ""
        flavour, ns, name = parse_ref(job.external_ref)
        kind = RESOURCES[flavour][3]
        _, core = self._apis()
        if flavour == "trainjob":
            selector = (f"jobset.sigs.k8s.io/jobset-name={name},jobset.sigs.k8s.io/replicatedjob-name={TRAINJOB_NODE},"
                        "batch.kubernetes.io/job-completion-index=0")
            container = TRAINJOB_NODE
        else:
            selector = f"training.kubeflow.org/job-name={name},training.kubeflow.org/replica-type=master"
            container = PYTORCH_CONTAINER
        pods = self._call(core.list_namespaced_pod, f"list the pods of {kind} {ns}/{name}", kind, ns,
                          ns, label_selector=selector)
        items = [p for p in (pods.items or []) if (p.status and p.status.phase) != "Pending"]
        if not items:
            return ""
        newest = max(items, key=lambda p: p.metadata.creation_timestamp or _EPOCH)
        return self._call(core.read_namespaced_pod_log, f"read the log of pod {ns}/{newest.metadata.name}", kind, ns,
                          newest.metadata.name, ns, container=container) or ""
