"""The Kubeflow executor's submission, status mapping, cancel and logs, checked against the official kubernetes
client: its methods autospec'd (so every call matches the real signatures), and the real client over HTTP."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from importlib.util import find_spec
from typing import Any
from unittest.mock import create_autospec

import pytest

from aikojo.errors import BackendUnavailable, Conflict, InvalidInput
from aikojo.factory.executors import EXECUTOR_STATES, Executor
from aikojo.factory.executors.kubeflow import KubeflowConfig, KubeflowExecutor, render
from tests.factory.kubeflow_support import JOB_ID, REF, make_job

# ---- submission, status, cancel, logs against the kubernetes client's API surface ---------------------------

@pytest.fixture(scope="module")
def _autospecs() -> tuple[Any, Any]:
    pytest.importorskip("kubernetes", reason="kubernetes client not installed (pip install 'aikojo[k8s]')")
    from kubernetes.client import CoreV1Api, CustomObjectsApi

    # Autospec checks every call against the real method signatures; building it is slow, so once per module.
    return create_autospec(CustomObjectsApi, instance=True), create_autospec(CoreV1Api, instance=True)


@pytest.fixture
def apis(_autospecs: tuple[Any, Any]) -> tuple[Any, Any]:
    for api in _autospecs:
        api.reset_mock(return_value=True, side_effect=True)
    return _autospecs


def api_error(status: int, message: str = "nope") -> Exception:
    from kubernetes.client.exceptions import ApiException

    exc = ApiException(status=status, reason="Error")
    exc.body = json.dumps({"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": message,
                           "code": status})
    return exc


def condition(kind: str, status: str = "True", reason: str = "", message: str = "") -> dict[str, Any]:
    return {"type": kind, "status": status, "reason": reason or kind, "message": message,
            "lastTransitionTime": "2025-01-01T00:00:00Z"}


def trainjob_object(spec_extra: dict[str, Any] | None = None, status: dict[str, Any] | None = None,
                    **meta: Any) -> dict[str, Any]:
    obj = render(make_job())
    obj["metadata"].update(meta)
    obj["spec"].update(spec_extra or {})
    if status is not None:
        obj["status"] = status
    if find_spec("kubeflow_trainer_api") is not None:  # keep the fixtures honest: what a real API could return
        from kubeflow_trainer_api.models import TrainerV1alpha1TrainJob

        TrainerV1alpha1TrainJob.from_dict(obj)
    return obj


def test_kubeflow_executor_has_the_executor_verbs() -> None:
    import inspect

    for verb in ("submit", "status", "cancel", "logs"):
        ours, protocol = getattr(KubeflowExecutor, verb), getattr(Executor, verb)
        assert list(inspect.signature(ours).parameters) == list(inspect.signature(protocol).parameters)


def test_submit_creates_the_trainjob_in_the_tenant_namespace(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    ref = KubeflowExecutor(custom_api=custom, core_api=core).submit(make_job())
    assert ref == REF
    args = custom.create_namespaced_custom_object.call_args
    assert args.args[:4] == ("trainer.kubeflow.org", "v1alpha1", "kojo-acme", "trainjobs")
    assert args.args[4] == render(make_job())


def test_submit_pytorchjob_flavour_uses_the_v1_api(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    ex = KubeflowExecutor(KubeflowConfig(flavour="pytorchjob"), custom_api=custom, core_api=core)
    assert ex.submit(make_job()) == f"pytorchjob/kojo-acme/kojo-{JOB_ID}"
    assert custom.create_namespaced_custom_object.call_args.args[:4] == ("kubeflow.org", "v1", "kojo-acme",
                                                                          "pytorchjobs")


def test_resubmitting_adopts_our_existing_trainjob_instead_of_running_twice(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    custom.create_namespaced_custom_object.side_effect = api_error(409, "already exists")
    custom.get_namespaced_custom_object.return_value = trainjob_object()
    assert KubeflowExecutor(custom_api=custom, core_api=core).submit(make_job()) == REF


def test_a_name_clash_with_a_foreign_object_is_a_conflict(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    custom.create_namespaced_custom_object.side_effect = api_error(409, "already exists")
    foreign = trainjob_object()
    foreign["metadata"]["labels"]["aikojo.io/job-id"] = "someone-else"
    custom.get_namespaced_custom_object.return_value = foreign
    with pytest.raises(Conflict, match="does not belong"):
        KubeflowExecutor(custom_api=custom, core_api=core).submit(make_job())


@pytest.mark.parametrize(("status", "error", "code", "hint"), [
    (403, BackendUnavailable, "kubernetes_forbidden", "namespace 'kojo-acme'"),
    (401, BackendUnavailable, "kubernetes_forbidden", "service account"),
    (404, BackendUnavailable, "kubeflow_not_installed", "CRD installed"),
    (422, InvalidInput, "kubernetes_rejected", "runtime not found"),
    (500, BackendUnavailable, "kubernetes_error", "can be retried"),
    (503, BackendUnavailable, "kubernetes_error", "can be retried"),
])
def test_api_refusals_become_one_clear_error(apis: tuple[Any, Any], status: int, error: type, code: str,
                                            hint: str) -> None:
    custom, core = apis
    custom.create_namespaced_custom_object.side_effect = api_error(status, "runtime not found")
    with pytest.raises(error) as caught:
        KubeflowExecutor(custom_api=custom, core_api=core).submit(make_job())
    assert caught.value.code == code
    assert hint in caught.value.message and f"({status}: runtime not found)" in caught.value.message


def test_connection_refused_is_backend_unavailable(apis: tuple[Any, Any]) -> None:
    import urllib3

    custom, core = apis
    custom.create_namespaced_custom_object.side_effect = urllib3.exceptions.MaxRetryError(
        None, "/apis/trainer.kubeflow.org/v1alpha1", reason=ConnectionRefusedError(111, "Connection refused"))
    with pytest.raises(BackendUnavailable, match=r"unreachable.*kubectl cluster-info") as caught:
        KubeflowExecutor(custom_api=custom, core_api=core).submit(make_job())
    assert caught.value.code == "kubernetes_unreachable"


def _status(apis: tuple[Any, Any], obj: dict[str, Any] | Exception, **job: Any) -> Any:
    custom, core = apis
    if isinstance(obj, Exception):
        custom.get_namespaced_custom_object.side_effect = obj
    else:
        custom.get_namespaced_custom_object.return_value = obj
    result = KubeflowExecutor(custom_api=custom, core_api=core).status(make_job(external_ref=REF, **job))
    assert custom.get_namespaced_custom_object.call_args.args == ("trainer.kubeflow.org", "v1alpha1", "kojo-acme",
                                                                  "trainjobs", f"kojo-{JOB_ID}")
    assert result.state in EXECUTOR_STATES
    return result


def test_trainjob_suspended_by_kueue_is_waiting_for_capacity_not_running(apis: tuple[Any, Any]) -> None:
    jobs = [{"name": "node", "active": 0, "ready": 0, "succeeded": 0, "failed": 0, "suspended": 2}]
    for obj in (trainjob_object({"suspend": True}),
                trainjob_object(status={"conditions": [condition("Suspended", message="TrainJob is suspended")],
                                        "jobsStatus": jobs})):
        result = _status(apis, obj)
        assert result.state == "waiting"
        assert result.detail == "waiting for capacity in Kueue queue 'acme-claims'"


def test_trainjob_resumed_by_kueue_with_ready_pods_is_running(apis: tuple[Any, Any]) -> None:
    obj = trainjob_object({"suspend": False}, status={
        "conditions": [condition("Suspended", "False", "Resumed")],
        "jobsStatus": [{"name": "node", "active": 2, "ready": 2, "succeeded": 0, "failed": 0, "suspended": 0}]})
    assert _status(apis, obj).state == "running"


def test_trainjob_pods_not_yet_ready_are_waiting(apis: tuple[Any, Any]) -> None:
    obj = trainjob_object(status={
        "jobsStatus": [{"name": "node", "active": 2, "ready": 0, "succeeded": 0, "failed": 0, "suspended": 0}]})
    result = _status(apis, obj)
    assert result.state == "waiting" and "starting" in result.detail


def test_trainjob_just_created_is_queued(apis: tuple[Any, Any]) -> None:
    assert _status(apis, trainjob_object()).state == "queued"


def test_trainjob_failed_condition_is_failed_with_its_message(apis: tuple[Any, Any]) -> None:
    obj = trainjob_object(status={"conditions": [
        condition("Failed", reason="JobSetFailed", message="jobset failed: node-0 exited with code 1")]})
    result = _status(apis, obj)
    assert result.state == "failed"
    assert result.detail == "JobSetFailed: jobset failed: node-0 exited with code 1"


def test_trainjob_complete_is_succeeded(apis: tuple[Any, Any]) -> None:
    assert _status(apis, trainjob_object(status={"conditions": [condition("Complete")]})).state == "succeeded"


def test_trainjob_being_deleted_is_cancelled(apis: tuple[Any, Any]) -> None:
    assert _status(apis, trainjob_object(deletionTimestamp="2025-01-01T00:00:00Z")).state == "cancelled"


def test_a_vanished_trainjob_is_failed_with_the_reason_unless_we_cancelled_it(apis: tuple[Any, Any]) -> None:
    result = _status(apis, api_error(404, "not found"))
    assert result.state == "failed" and "no longer exists" in result.detail
    assert _status(apis, api_error(404, "not found"), cancel_requested=True).state == "cancelled"


def test_status_when_the_api_is_down_raises_and_changes_nothing(apis: tuple[Any, Any]) -> None:
    job = make_job(external_ref=REF, status="running")
    custom, core = apis
    custom.get_namespaced_custom_object.side_effect = api_error(500, "etcdserver: request timed out")
    with pytest.raises(BackendUnavailable, match="etcdserver"):
        KubeflowExecutor(custom_api=custom, core_api=core).status(job)
    assert (job.status, job.external_ref) == ("running", REF)


def test_a_job_never_submitted_is_queued_without_calling_the_cluster(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    ex = KubeflowExecutor(custom_api=custom, core_api=core)
    assert ex.status(make_job()).state == "queued"
    ex.cancel(make_job())
    assert ex.logs(make_job()) == ""
    assert not custom.method_calls and not core.method_calls


@pytest.mark.parametrize(("conditions", "suspend", "state", "detail"), [
    ([condition("Created")], True, "waiting", "waiting for capacity in Kueue queue 'acme-claims'"),
    ([condition("Created"), condition("Suspended")], False, "waiting", "waiting for capacity"),
    ([condition("Created"), condition("Running")], False, "running", "PyTorchJob running"),
    ([condition("Created")], False, "queued", "submitted"),
    ([condition("Running", "False"), condition("Failed", reason="BackoffLimitExceeded", message="master-0 OOMKilled")],
     False, "failed", "BackoffLimitExceeded: master-0 OOMKilled"),
    ([condition("Running", "False"), condition("Succeeded")], False, "succeeded", "succeeded"),
])
def test_pytorchjob_conditions_map_to_job_states(apis: tuple[Any, Any], conditions: list[dict[str, Any]],
                                                 suspend: bool, state: str, detail: str) -> None:
    custom, core = apis
    obj = render(make_job(), "pytorchjob")
    obj["spec"]["runPolicy"]["suspend"] = suspend
    obj["status"] = {"conditions": conditions}
    custom.get_namespaced_custom_object.return_value = obj
    ref = f"pytorchjob/kojo-acme/kojo-{JOB_ID}"
    result = KubeflowExecutor(custom_api=custom, core_api=core).status(make_job(external_ref=ref))
    assert (result.state, detail in result.detail) == (state, True)
    assert custom.get_namespaced_custom_object.call_args.args[:4] == ("kubeflow.org", "v1", "kojo-acme", "pytorchjobs")


def test_cancel_deletes_the_trainjob_and_its_pods(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    KubeflowExecutor(custom_api=custom, core_api=core).cancel(make_job(external_ref=REF))
    call = custom.delete_namespaced_custom_object.call_args
    assert call.args == ("trainer.kubeflow.org", "v1alpha1", "kojo-acme", "trainjobs", f"kojo-{JOB_ID}")
    assert call.kwargs["propagation_policy"] == "Foreground"


def test_cancelling_a_trainjob_that_is_already_gone_is_fine(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    custom.delete_namespaced_custom_object.side_effect = api_error(404, "not found")
    KubeflowExecutor(custom_api=custom, core_api=core).cancel(make_job(external_ref=REF))


def test_cancel_refused_is_a_clear_error(apis: tuple[Any, Any]) -> None:
    custom, core = apis
    custom.delete_namespaced_custom_object.side_effect = api_error(403, "forbidden")
    with pytest.raises(BackendUnavailable, match="refused to delete TrainJob"):
        KubeflowExecutor(custom_api=custom, core_api=core).cancel(make_job(external_ref=REF))


def test_logs_come_from_the_newest_rank_zero_pod(apis: tuple[Any, Any]) -> None:
    from datetime import UTC, datetime

    from kubernetes.client import V1ObjectMeta, V1Pod, V1PodList, V1PodStatus

    custom, core = apis

    def pod(name: str, hour: int, phase: str) -> V1Pod:
        return V1Pod(metadata=V1ObjectMeta(name=name, creation_timestamp=datetime(2025, 1, 1, hour, tzinfo=UTC)),
                     status=V1PodStatus(phase=phase))

    core.list_namespaced_pod.return_value = V1PodList(items=[pod("old", 1, "Failed"), pod("new", 2, "Running"),
                                                             pod("next", 3, "Pending")])
    core.read_namespaced_pod_log.return_value = "step 1 loss 2.0\n"
    assert KubeflowExecutor(custom_api=custom, core_api=core).logs(make_job(external_ref=REF)) == "step 1 loss 2.0\n"
    selector = core.list_namespaced_pod.call_args.kwargs["label_selector"]
    assert f"jobset.sigs.k8s.io/jobset-name=kojo-{JOB_ID}" in selector and "job-completion-index=0" in selector
    assert core.read_namespaced_pod_log.call_args.args == ("new", "kojo-acme")
    assert core.read_namespaced_pod_log.call_args.kwargs["container"] == "node"


# ---- the real kubernetes client over HTTP -------------------------------------------------------------------

class _FakeApiServer(BaseHTTPRequestHandler):
    """Answers like the API server: records each request, replies with the queued (status, body)."""

    replies: list[tuple[int, dict[str, Any]]] = []
    seen: list[tuple[str, str, dict[str, Any] | None]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        type(self).seen.append((self.command, self.path, body))
        status, payload = type(self).replies.pop(0)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_POST = do_GET = do_DELETE = _answer

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass


@pytest.fixture
def real_client() -> Iterator[tuple[Any, type[_FakeApiServer]]]:
    pytest.importorskip("kubernetes", reason="kubernetes client not installed (pip install 'aikojo[k8s]')")
    from kubernetes import client

    _FakeApiServer.replies, _FakeApiServer.seen = [], []
    server = HTTPServer(("127.0.0.1", 0), _FakeApiServer)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    conf = client.Configuration(host=f"http://127.0.0.1:{server.server_address[1]}")
    api = client.ApiClient(conf)
    try:
        yield KubeflowExecutor(custom_api=client.CustomObjectsApi(api), core_api=client.CoreV1Api(api)), _FakeApiServer
    finally:
        server.shutdown()
        server.server_close()


def test_real_client_posts_the_trainjob_to_the_trainer_api_path(real_client: tuple[Any, Any]) -> None:
    executor, server = real_client
    server.replies.append((201, render(make_job())))
    assert executor.submit(make_job()) == REF
    method, path, body = server.seen[0]
    assert (method, path) == ("POST", "/apis/trainer.kubeflow.org/v1alpha1/namespaces/kojo-acme/trainjobs")
    assert body == render(make_job())


def test_real_client_forbidden_reply_names_the_rbac_fix(real_client: tuple[Any, Any]) -> None:
    executor, server = real_client
    message = ('trainjobs.trainer.kubeflow.org is forbidden: User "system:serviceaccount:kojo-system:kojo-gateway" '
               'cannot create resource "trainjobs" in API group "trainer.kubeflow.org" in the namespace "kojo-acme"')
    server.replies.append((403, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": message,
                                 "reason": "Forbidden", "code": 403}))
    with pytest.raises(BackendUnavailable) as caught:
        executor.submit(make_job())
    assert caught.value.code == "kubernetes_forbidden" and message in caught.value.message


def test_real_client_connection_refused_is_backend_unavailable() -> None:
    pytest.importorskip("kubernetes", reason="kubernetes client not installed (pip install 'aikojo[k8s]')")
    from kubernetes import client

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    conf = client.Configuration(host=f"http://127.0.0.1:{port}")
    conf.retries = 0
    api = client.ApiClient(conf)
    executor = KubeflowExecutor(custom_api=client.CustomObjectsApi(api), core_api=client.CoreV1Api(api))
    job = make_job()
    with pytest.raises(BackendUnavailable, match="unreachable") as caught:
        executor.submit(job)
    assert caught.value.code == "kubernetes_unreachable"
    assert (job.status, job.external_ref) == ("queued", None)


def test_no_kubeconfig_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    pytest.importorskip("kubernetes", reason="kubernetes client not installed (pip install 'aikojo[k8s]')")
    monkeypatch.setenv("KUBECONFIG", str(tmp_path / "missing-kubeconfig"))
    monkeypatch.delenv("KUBERNETES_SERVICE_HOST", raising=False)
    with pytest.raises(BackendUnavailable, match="KUBECONFIG") as caught:
        KubeflowExecutor().submit(make_job())
    assert caught.value.code == "kubernetes_unconfigured"


def test_without_the_k8s_extra_submitting_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    for name in ("kubernetes", "kubernetes.client", "kubernetes.client.exceptions"):
        monkeypatch.setitem(sys.modules, name, None)  # import now fails as if the package were absent
    with pytest.raises(BackendUnavailable, match=r"pip install 'aikojo\[k8s\]'"):
        KubeflowExecutor().submit(make_job())


def test_a_malformed_external_ref_is_a_clear_error() -> None:
    from aikojo.factory.executors.kubeflow import parse_ref

    assert parse_ref(REF) == ("trainjob", "kojo-acme", f"kojo-{JOB_ID}")
    with pytest.raises(InvalidInput, match=r"expected trainjob\|pytorchjob/NAMESPACE/NAME"):
        parse_ref("12345")
