"""Which queued job starts next. Higher priority first; within a priority the tenant with the fewest running
jobs goes first (so a busy tenant cannot starve one below its quota), then FIFO. A job whose tenant or project
is at its concurrent-job quota stays queued and says why."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from aikojo.factory.models import Job
from aikojo.factory.service import over_quota


def plan(s: Session, free_slots: int) -> list[Job]:
    """Jobs to start now, in order, fitting ``free_slots`` (a job takes one slot per process)."""
    running = Counter(t for t in s.execute(select(Job.tenant).where(Job.status == "running")).scalars())
    queued = list(s.execute(select(Job).where(Job.status == "queued")).scalars())
    queued.sort(key=lambda j: (-j.priority, running[j.tenant], j.created_at))
    chosen: list[Job] = []
    starting: Counter[str] = Counter()
    for job in queued:
        need = job.processes if job.executor == "local" else 0  # cluster jobs use the cluster's capacity
        if need > free_slots:
            if job.detail != "waiting for a free slot":
                job.detail = "waiting for a free slot"
            continue
        tenant_scope, project_scope = f"tenant:{job.tenant}", f"project:{job.tenant}/{job.project}"
        reason = (over_quota(s, tenant_scope, starting=True, gpus=job.gpus, extra_running=starting[tenant_scope])
                  or over_quota(s, project_scope, starting=True, gpus=job.gpus,
                                extra_running=starting[project_scope]))
        if reason:
            job.detail = f"waiting: {reason}"
            continue
        chosen.append(job)
        free_slots -= need
        running[job.tenant] += 1
        starting[tenant_scope] += 1
        starting[project_scope] += 1
    return chosen


def claim(s: Session, job_id: str, worker: str) -> bool:
    """Atomically move a queued job to running for this worker; False when another worker won."""
    now = datetime.now(UTC)
    result = s.execute(update(Job).where(Job.id == job_id, Job.status == "queued")
                       .values(status="running", worker=worker, started_at=now, heartbeat_at=now,
                               attempts=Job.attempts + 1, detail=None))
    return result.rowcount == 1
