"""Factory operations for the CLI and the admin API: submit, list, show, cancel, usage, quotas.

A job's priority is its own, capped by its project's (and by a quota's ``max_priority``). Quotas are per
tenant and per project: concurrent jobs, and CPU- or GPU-hours per period; an over-quota submission is
refused with the reason and the current usage."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select

from aikojo.errors import Conflict, Forbidden, InvalidInput, NotFound
from aikojo.factory.models import Job, Quota
from aikojo.platform import Platform
from aikojo.tenancy.names import check_name, split_project_path
from aikojo.tenancy.roles import Actor, Role
from aikojo.tenancy.service import entry, find_project


class QuotaExceeded(InvalidInput):
    status, code = 429, "quota_exceeded"


class JobView(BaseModel):
    id: str
    project: str
    name: str
    method: str
    executor: str
    status: str
    detail: str | None
    priority: int
    processes: int
    gpus: int
    submitted_by: str
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    log_path: str | None
    result: dict[str, Any] | None

    @classmethod
    def of(cls, j: Job) -> JobView:
        return cls(id=j.id, project=f"{j.tenant}/{j.project}", name=j.name, method=j.method, executor=j.executor,
                   status=j.status, detail=j.detail, priority=j.priority, processes=j.processes, gpus=j.gpus,
                   submitted_by=j.submitted_by, attempts=j.attempts, created_at=j.created_at,
                   started_at=j.started_at, finished_at=j.finished_at, log_path=j.log_path,
                   result=json.loads(j.result) if j.result else None)


class UsageView(BaseModel):
    scope: str
    running_jobs: int
    max_concurrent_jobs: int | None
    cpu_hours_used: float
    cpu_hours: float | None
    gpu_hours_used: float
    gpu_hours: float | None
    period_hours: float


@dataclass
class Submission:
    project: str  # TENANT/PROJECT
    recipe_yaml: str
    name: str
    method: str
    processes: int = 1
    gpus: int = 0
    priority: int | None = None
    executor: str = "local"


def _now() -> datetime:
    return datetime.now(UTC)


def _usage(s, scope: str, quota: Quota | None) -> UsageView:
    kind, _, name = scope.partition(":")
    q = select(Job)
    if kind == "tenant":
        q = q.where(Job.tenant == name)
    else:
        tenant, project = name.split("/")
        q = q.where(Job.tenant == tenant, Job.project == project)
    period = quota.period_hours if quota else 24 * 30
    since = _now() - timedelta(hours=period)
    running = cpu = gpu = 0.0
    for j in s.execute(q.where((Job.created_at >= since) | (Job.status == "running"))).scalars():
        running += j.status == "running"
        seconds = j.used_seconds + ((_now() - j.started_at).total_seconds() if j.status == "running" and j.started_at
                                    else 0.0)
        if j.gpus:
            gpu += seconds * j.gpus / 3600
        else:
            cpu += seconds * j.processes / 3600
    return UsageView(scope=scope, running_jobs=int(running), max_concurrent_jobs=quota.max_concurrent_jobs if quota
                     else None, cpu_hours_used=round(cpu, 4), cpu_hours=quota.cpu_hours if quota else None,
                     gpu_hours_used=round(gpu, 4), gpu_hours=quota.gpu_hours if quota else None, period_hours=period)


def over_quota(s, scope: str, *, starting: bool, gpus: int, extra_running: int = 0) -> str | None:
    """Why a job in ``scope`` may not start/submit now, or None. ``extra_running``: jobs the caller is about
    to start in the same scope."""
    quota = s.get(Quota, scope)
    if quota is None:
        return None
    u = _usage(s, scope, quota)
    running = u.running_jobs + extra_running
    if starting and quota.max_concurrent_jobs is not None and running >= quota.max_concurrent_jobs:
        return f"{scope} runs {running} of {quota.max_concurrent_jobs} concurrent jobs"
    if gpus and quota.gpu_hours is not None and u.gpu_hours_used >= quota.gpu_hours:
        return f"{scope} used {u.gpu_hours_used:.2f} of {quota.gpu_hours} GPU-hours in the last {u.period_hours:g} h"
    if not gpus and quota.cpu_hours is not None and u.cpu_hours_used >= quota.cpu_hours:
        return f"{scope} used {u.cpu_hours_used:.2f} of {quota.cpu_hours} CPU-hours in the last {u.period_hours:g} h"
    return None


def authorise_submit(p: Platform, actor: Actor, project_path: str) -> None:
    """Admins anywhere; users and project-admins in their own project. Checked before the recipe is even
    read, so a stranger learns nothing from validation errors."""
    if actor.role == Role.ADMIN:
        return
    tenant, name = split_project_path(project_path)
    if not (actor.tenant == tenant and actor.project == name and actor.role in (Role.PROJECT_ADMIN, Role.USER)):
        raise Forbidden(f"submitting a job to {project_path} needs a key of that project (user or project-admin)")


def submit(p: Platform, actor: Actor, sub: Submission) -> JobView:
    if sub.executor not in ("local", "kubeflow"):
        raise InvalidInput(f"unknown executor {sub.executor!r}: use local or kubeflow", param="executor")
    if sub.processes < 1 or sub.gpus < 0:
        raise InvalidInput("processes must be ≥1 and gpus ≥0", param="processes")
    with p.store.write() as s:
        project = find_project(s, sub.project)
        if actor.role != Role.ADMIN and not (actor.project_id == project.id
                                             and actor.role in (Role.PROJECT_ADMIN, Role.USER)):
            raise Forbidden(f"submitting a job to {sub.project} needs a key of that project (user or project-admin)")
        tenant = project.tenant.name
        for scope in (f"tenant:{tenant}", f"project:{tenant}/{project.name}"):
            reason = over_quota(s, scope, starting=False, gpus=sub.gpus)
            if reason:
                raise QuotaExceeded(f"quota exceeded: {reason}; see `kojo jobs usage`", param="quota")
        cap = project.priority
        for scope in (f"tenant:{tenant}", f"project:{tenant}/{project.name}"):
            q = s.get(Quota, scope)
            if q is not None and q.max_priority is not None:
                cap = min(cap, q.max_priority)
        priority = min(sub.priority if sub.priority is not None else cap, cap)
        job = Job(id="job_" + secrets.token_hex(6), tenant=tenant, project=project.name, submitted_by=actor.principal,
                  recipe=sub.recipe_yaml, name=sub.name, method=sub.method, executor=sub.executor,
                  processes=sub.processes, gpus=sub.gpus, priority=priority, status="queued", created_at=_now(),
                  cancel_requested=False, attempts=0, used_seconds=0.0)
        s.add(job)
        s.flush()
        p.audit.record(s, entry(actor, "job.submit", f"job:{job.id}", tenant=tenant, project=project.name,
                                after={"name": sub.name, "method": sub.method, "priority": priority,
                                       "processes": sub.processes, "gpus": sub.gpus, "executor": sub.executor}))
        return JobView.of(job)


def _visible(actor: Actor, job: Job) -> bool:
    if actor.role == Role.ADMIN or (actor.role == Role.AUDITOR and actor.project_id is None):
        return True
    return actor.tenant == job.tenant and actor.project == job.project


def get_job(p: Platform, actor: Actor, job_id: str) -> JobView:
    with p.store.read() as s:
        job = s.get(Job, job_id)
        if job is None or not _visible(actor, job):
            raise NotFound(f"job '{job_id}' does not exist; see `kojo jobs list`", param="id")
        return JobView.of(job)


def list_jobs(p: Platform, actor: Actor, *, project: str | None = None, status: str | None = None,
              limit: int = 100) -> list[JobView]:
    with p.store.read() as s:
        q = select(Job).order_by(Job.created_at.desc()).limit(limit)
        if project:
            tenant, name = split_project_path(project)
            q = q.where(Job.tenant == tenant, Job.project == name)
        if status:
            q = q.where(Job.status == status)
        return [JobView.of(j) for j in s.execute(q).scalars() if _visible(actor, j)]


def cancel(p: Platform, actor: Actor, job_id: str) -> JobView:
    """A queued job is cancelled at once; a running one is asked to stop (it saves a checkpoint first)."""
    with p.store.write() as s:
        job = s.get(Job, job_id)
        if job is None or not _visible(actor, job):
            raise NotFound(f"job '{job_id}' does not exist", param="id")
        if actor.role == Role.AUDITOR:
            raise Forbidden("auditors cannot cancel jobs")
        if job.status in ("succeeded", "failed", "cancelled"):
            raise Conflict(f"job '{job_id}' already {job.status}; nothing to cancel", param="id")
        before = job.status
        if job.status == "queued" and not job.external_ref:  # nothing started anywhere yet
            job.status, job.finished_at, job.detail = "cancelled", _now(), f"cancelled by {actor.principal}"
        else:
            job.cancel_requested = True
            job.detail = f"cancel requested by {actor.principal}"
        s.flush()
        p.audit.record(s, entry(actor, "job.cancel", f"job:{job.id}", tenant=job.tenant, project=job.project,
                                before={"status": before}))
        return JobView.of(job)


def usage(p: Platform, actor: Actor, project: str | None = None) -> list[UsageView]:
    with p.store.read() as s:
        scopes: list[str] = []
        if project:
            scopes = [f"tenant:{split_project_path(project)[0]}", f"project:{project}"]
        else:
            pairs = s.execute(select(Job.tenant, Job.project).distinct()).all()
            pairs += [tuple(q.split(":", 1)[1].split("/")) for q in s.execute(select(Quota.scope)).scalars()
                      if q.startswith("project:")]
            tenants = sorted({t for t, *_ in pairs} | {q.split(":", 1)[1] for q in s.execute(
                select(Quota.scope)).scalars() if q.startswith("tenant:")})
            scopes = [f"tenant:{t}" for t in tenants] + sorted({f"project:{t}/{n}" for t, n in pairs})
        views = [_usage(s, scope, s.get(Quota, scope)) for scope in scopes]
        if actor.role not in (Role.ADMIN, Role.AUDITOR):
            views = [v for v in views if v.scope in (f"tenant:{actor.tenant}", f"project:{actor.project_path}")]
        return views


def set_quota(p: Platform, actor: Actor, scope: str, **limits: Any) -> UsageView:
    actor.require_admin("setting a quota")
    kind, _, name = scope.partition(":")
    if kind not in ("tenant", "project") or not name:
        raise InvalidInput(f"quota scope {scope!r}: use tenant:NAME or project:TENANT/PROJECT", param="scope")
    split_project_path(name) if kind == "project" else check_name("tenant", name)
    with p.store.write() as s:
        quota = s.get(Quota, scope) or Quota(scope=scope, period_hours=24 * 30)
        before = {k: getattr(quota, k, None) for k in limits}
        for k, v in limits.items():
            setattr(quota, k, v)
        quota.updated_at = _now()
        s.add(quota)
        s.flush()
        tenant = name.split("/")[0]
        p.audit.record(s, entry(actor, "quota.set", f"quota:{scope}", tenant=tenant,
                                project=name.split("/")[1] if "/" in name else None, before=before, after=limits))
        return _usage(s, scope, quota)
