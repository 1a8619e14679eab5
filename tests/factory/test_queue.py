"""The factory queue: priorities (capped by the project), fair share between tenants, quotas that refuse
with the reason and the usage, cancel, and atomic claims — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aikojo.errors import Conflict, Forbidden
from aikojo.factory import service
from aikojo.factory.models import Job
from aikojo.factory.scheduler import claim, plan
from aikojo.factory.service import QuotaExceeded, Submission
from aikojo.tenancy import service as tenancy
from aikojo.tenancy.roles import Actor, Role
from aikojo.tenancy.views import ProjectCreate

RECIPE = "name: t\nmethod: lora\n"


@pytest.fixture
def projects(platform, admin):
    for tenant in ("acme", "beta"):
        tenancy.create_tenant(platform, admin, tenant)
    tenancy.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims", priority=5))
    tenancy.create_project(platform, admin, ProjectCreate(tenant="acme", name="lowly", priority=1))
    tenancy.create_project(platform, admin, ProjectCreate(tenant="beta", name="ops", priority=5))
    return platform


def _submit(p, actor, project: str, priority: int | None = None, processes: int = 1):
    return service.submit(p, actor, Submission(project=project, recipe_yaml=RECIPE, name="t", method="lora",
                                               priority=priority, processes=processes))


def _plan(p, slots: int) -> list[str]:
    with p.store.write() as s:
        return [j.id for j in plan(s, slots)]


def test_priority_is_the_jobs_own_capped_by_its_project(projects, admin):
    assert _submit(projects, admin, "acme/claims", priority=9).priority == 5
    assert _submit(projects, admin, "acme/claims", priority=2).priority == 2
    assert _submit(projects, admin, "acme/lowly").priority == 1


def test_higher_priority_first_then_fifo(projects, admin):
    low = _submit(projects, admin, "acme/lowly")
    first = _submit(projects, admin, "acme/claims")
    second = _submit(projects, admin, "acme/claims")
    assert _plan(projects, 3) == [first.id, second.id, low.id]
    assert _plan(projects, 1) == [first.id]


def test_a_busy_tenant_does_not_starve_another_of_equal_priority(projects, admin):
    a1 = _submit(projects, admin, "acme/claims")
    a2 = _submit(projects, admin, "acme/claims")
    b1 = _submit(projects, admin, "beta/ops")
    with projects.store.write() as s:
        assert claim(s, a1.id, "w1")
    assert _plan(projects, 1) == [b1.id]  # beta runs nothing yet: it goes before acme's second job
    assert a2.id in _plan(projects, 2)


def test_concurrent_job_quota_keeps_jobs_queued_with_the_reason(projects, admin):
    service.set_quota(projects, admin, "project:acme/claims", max_concurrent_jobs=1)
    j1, j2 = _submit(projects, admin, "acme/claims"), _submit(projects, admin, "acme/claims")
    assert _plan(projects, 4) == [j1.id]
    with projects.store.write() as s:
        claim(s, j1.id, "w1")
    assert _plan(projects, 4) == []
    assert "runs 1 of 1 concurrent jobs" in service.get_job(projects, admin, j2.id).detail


def test_over_quota_submission_is_refused_with_usage(projects, admin):
    service.set_quota(projects, admin, "tenant:acme", cpu_hours=1.0)
    job = _submit(projects, admin, "acme/claims")
    with projects.store.write() as s:
        row = s.get(Job, job.id)
        row.status, row.used_seconds, row.finished_at = "succeeded", 3600 * 1.5, datetime.now(UTC)
    with pytest.raises(QuotaExceeded, match=r"used 1\.50 of 1\.0 CPU-hours"):
        _submit(projects, admin, "acme/claims")
    usage = {u.scope: u for u in service.usage(projects, admin)}
    assert usage["tenant:acme"].cpu_hours_used == pytest.approx(1.5)
    assert _submit(projects, admin, "beta/ops").status == "queued"  # other tenants are not affected


def test_usage_counts_only_the_quota_period(projects, admin):
    service.set_quota(projects, admin, "tenant:acme", cpu_hours=1.0, period_hours=24)
    job = _submit(projects, admin, "acme/claims")
    with projects.store.write() as s:
        row = s.get(Job, job.id)
        row.status, row.used_seconds = "succeeded", 7200
        row.created_at = datetime.now(UTC) - timedelta(days=3)
    assert _submit(projects, admin, "acme/claims").status == "queued"


def test_cancel_queued_is_immediate_and_a_finished_job_cannot_be_cancelled(projects, admin):
    job = _submit(projects, admin, "acme/claims")
    assert service.cancel(projects, admin, job.id).status == "cancelled"
    with pytest.raises(Conflict, match="already cancelled"):
        service.cancel(projects, admin, job.id)


def test_cancel_running_asks_it_to_stop(projects, admin):
    job = _submit(projects, admin, "acme/claims")
    with projects.store.write() as s:
        claim(s, job.id, "w1")
    view = service.cancel(projects, admin, job.id)
    assert view.status == "running" and "cancel requested" in view.detail


def test_claim_is_atomic(projects, admin):
    job = _submit(projects, admin, "acme/claims")
    with projects.store.write() as s:
        assert claim(s, job.id, "w1") is True
    with projects.store.write() as s:
        assert claim(s, job.id, "w2") is False


def test_keys_of_other_projects_cannot_submit_or_see_jobs(projects, admin):
    job = _submit(projects, admin, "acme/claims")
    outsider = Actor(principal="key:kid_x", role=Role.USER, tenant="beta", project="ops", project_id=3)
    with pytest.raises(Forbidden):
        _submit(projects, outsider, "acme/claims")
    assert service.list_jobs(projects, outsider) == []
    with pytest.raises(Exception, match="does not exist"):
        service.get_job(projects, outsider, job.id)
