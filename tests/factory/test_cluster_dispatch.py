"""Cluster jobs: submitted once, Kueue suspension shown as waiting (not running), an unreachable cluster
leaves the job queued with the reason, and the cluster's outcome is mirrored back."""

from __future__ import annotations

from aikojo.errors import BackendUnavailable
from aikojo.factory import service
from aikojo.factory.cluster import ClusterDispatcher
from aikojo.factory.executors import ExecutorStatus
from aikojo.factory.service import Submission
from aikojo.tenancy import service as tenancy
from aikojo.tenancy.views import ProjectCreate


class FakeCluster:
    """Implements the Executor verbs; ``state`` is what the cluster reports next."""

    def __init__(self) -> None:
        self.submitted: list[str] = []
        self.state = ExecutorStatus("waiting", "waiting for capacity in Kueue queue 'acme-claims'")
        self.down = False

    def submit(self, job) -> str:
        if self.down:
            raise BackendUnavailable("the Kubernetes API at https://k8s:6443 is unreachable; check your kubeconfig")
        self.submitted.append(job.id)
        return f"trainjob/kojo-acme/kojo-{job.id}"

    def status(self, job) -> ExecutorStatus:
        if self.down:
            raise BackendUnavailable("the Kubernetes API is unreachable")
        return self.state

    def cancel(self, job) -> None:
        self.state = ExecutorStatus("cancelled", "deleted")

    def logs(self, job) -> str:
        return ""


def _setup(p, admin):
    tenancy.create_tenant(p, admin, "acme")
    tenancy.create_project(p, admin, ProjectCreate(tenant="acme", name="claims"))
    return service.submit(p, admin, Submission(project="acme/claims", recipe_yaml="name: t\nmethod: lora\n",
                                               name="t", method="lora", executor="kubeflow", gpus=1))


def test_suspended_by_kueue_shows_waiting_for_capacity_not_running(sqlite_platform, admin):
    job = _setup(sqlite_platform, admin)
    cluster = FakeCluster()
    d = ClusterDispatcher(sqlite_platform, cluster)
    d.tick()
    d.tick()
    view = service.get_job(sqlite_platform, admin, job.id)
    assert cluster.submitted == [job.id]  # once, not every round
    assert view.status == "queued" and view.detail.startswith("waiting for capacity")
    cluster.state = ExecutorStatus("running", "2/2 pods ready")
    d.tick()
    assert service.get_job(sqlite_platform, admin, job.id).status == "running"
    cluster.state = ExecutorStatus("succeeded", "Complete")
    d.tick()
    done = service.get_job(sqlite_platform, admin, job.id)
    assert done.status == "succeeded" and done.finished_at is not None


def test_an_unreachable_cluster_keeps_the_job_queued_with_the_reason(sqlite_platform, admin):
    job = _setup(sqlite_platform, admin)
    cluster = FakeCluster()
    cluster.down = True
    d = ClusterDispatcher(sqlite_platform, cluster)
    d.tick()
    view = service.get_job(sqlite_platform, admin, job.id)
    assert view.status == "queued" and "unreachable" in view.detail
    cluster.down = False
    d.tick()
    assert cluster.submitted == [job.id]


def test_cancel_deletes_the_cluster_job(sqlite_platform, admin):
    job = _setup(sqlite_platform, admin)
    cluster = FakeCluster()
    cluster.state = ExecutorStatus("running", "running")
    d = ClusterDispatcher(sqlite_platform, cluster)
    d.tick()
    service.cancel(sqlite_platform, admin, job.id)
    d.tick()
    assert service.get_job(sqlite_platform, admin, job.id).status == "cancelled"
