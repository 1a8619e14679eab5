"""Dispatching jobs to a cluster executor (Kubeflow): submit what the scheduler picks, then mirror the
cluster's view back into the job row every round. A job Kueue holds back stays ``queued`` with the detail
"waiting for capacity…" (it is not running); a cluster that is unreachable or refuses leaves the job where
it was with the reason in ``detail`` — never lost, retried next round."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import select

from aikojo.audit.chain import AuditEntry
from aikojo.errors import KojoError
from aikojo.factory.executors import Executor
from aikojo.factory.models import Job
from aikojo.factory.scheduler import plan
from aikojo.platform import Platform

log = logging.getLogger(__name__)

# executor state -> (job status, keeps the row open)
_STATUS = {"queued": "queued", "waiting": "queued", "running": "running", "succeeded": "succeeded",
           "failed": "failed", "cancelled": "cancelled"}


class ClusterDispatcher:
    def __init__(self, platform: Platform, executor: Executor, *, name: str = "kubeflow") -> None:
        self.p = platform
        self.executor = executor
        self.name = name

    def tick(self) -> None:
        self._submit_new()
        self._sync()

    def _submit_new(self) -> None:
        with self.p.store.write() as s:
            chosen = [j for j in plan(s, free_slots=0) if j.executor == "kubeflow" and not j.external_ref]
            for job in chosen:
                try:
                    ref = self.executor.submit(job)
                except KojoError as exc:
                    job.detail = f"not submitted yet: {exc.message}"[:400]
                    continue
                job.external_ref, job.detail, job.attempts = ref, "submitted to the cluster", job.attempts + 1
                self.p.audit.record(s, AuditEntry(actor=f"dispatcher:{self.name}", action="job.submit_cluster",
                                                  target=f"job:{job.id}", tenant=job.tenant, project=job.project,
                                                  details={"ref": ref}))

    def _sync(self) -> None:
        with self.p.store.write() as s:
            jobs = s.execute(select(Job).where(Job.executor == "kubeflow", Job.external_ref.is_not(None),
                                               Job.status.in_(("queued", "running")))).scalars().all()
            for job in jobs:
                if job.cancel_requested:
                    try:
                        self.executor.cancel(job)
                    except KojoError as exc:
                        job.detail = f"cancel pending: {exc.message}"[:400]
                        continue
                try:
                    st = self.executor.status(job)
                except KojoError as exc:  # unreachable API: keep the last known state, say why
                    job.detail = f"cluster status unknown: {exc.message}"[:400]
                    continue
                status = _STATUS[st.state]
                if status != job.status or st.detail != job.detail:
                    now = datetime.now(UTC)
                    if status == "running" and job.started_at is None:
                        job.started_at = now
                    if st.finished:
                        job.finished_at = now
                    job.status, job.detail = status, st.detail[:400] if st.detail else None
                    job.heartbeat_at = now
