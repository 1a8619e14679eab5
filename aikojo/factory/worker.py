"""``kojo worker``: runs queued jobs on this machine.

Each round: reap finished job processes, requeue jobs whose process or worker died (they resume from their
newest checkpoint), forward cancel requests as SIGTERM (the job saves a checkpoint and stops), then start
what the scheduler picks for the free slots. Slots are local GPUs, or CPU slots when there are none.
Several workers may share one database: claiming a job is an atomic update."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from aikojo.audit.chain import AuditEntry
from aikojo.factory.models import Job
from aikojo.factory.scheduler import claim, plan
from aikojo.platform import Platform


def default_slots() -> int:
    try:
        import torch

        if torch.cuda.is_available():
            return torch.cuda.device_count()
    except ImportError:  # pragma: no cover
        pass
    return max(1, (os.cpu_count() or 2) // 2)


@dataclass
class Child:
    job_id: str
    proc: subprocess.Popen
    started: float = field(default_factory=time.monotonic)
    cancel_sent: bool = False


def job_command(job: Job) -> list[str]:
    if job.processes > 1:
        # torchrun: one process per shard; the job module runs under it (gloo on CPU, nccl on GPU).
        return [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={job.processes}",
                "-m", "aikojo.factory.run_job", job.id]
    return [sys.executable, "-m", "aikojo.factory.run_job", job.id]


class LocalWorker:
    def __init__(self, platform: Platform, *, slots: int | None = None, name: str | None = None,
                 stale_after_s: float = 30.0, max_attempts: int = 3) -> None:
        self.p = platform
        self.slots = slots or default_slots()
        self.name = name or f"{socket.gethostname()}:{os.getpid()}"
        self.stale_after = timedelta(seconds=stale_after_s)
        self.max_attempts = max_attempts
        self.children: dict[str, Child] = {}
        self.dispatchers: list = []  # e.g. a ClusterDispatcher for executor=kubeflow jobs
        self.logs_dir = Path(platform.settings.home) / "logs" / "jobs"
        self.logs_dir.mkdir(parents=True, exist_ok=True)

    # ---- one round ----------------------------------------------------------------------------------
    def tick(self) -> None:
        self._reap()
        self._recover_lost()
        self._forward_cancels()
        self._start_new()
        for dispatcher in self.dispatchers:
            dispatcher.tick()

    def run(self, *, poll_s: float = 1.0, until_idle: bool = False, max_s: float | None = None) -> None:
        deadline = time.monotonic() + max_s if max_s else None
        while True:
            self.tick()
            if until_idle and not self.children and not self._queued():
                return
            if deadline and time.monotonic() > deadline:
                return
            time.sleep(poll_s)

    def _queued(self) -> int:
        """Jobs still to finish here: queued, or running (a lost one is recovered once its heartbeat is stale)."""
        with self.p.store.read() as s:
            return len(s.execute(select(Job.id).where(Job.status.in_(("queued", "running")),
                                                      Job.executor == "local")).all())

    # ---- stages -------------------------------------------------------------------------------------
    def _reap(self) -> None:
        for job_id, child in list(self.children.items()):
            rc = child.proc.poll()
            if rc is None:
                continue
            del self.children[job_id]
            elapsed = time.monotonic() - child.started
            with self.p.store.write() as s:
                job = s.get(Job, job_id)
                job.used_seconds = (job.used_seconds or 0.0) + elapsed
                if job.status == "running":  # the process died without recording an outcome
                    self._retry_or_fail(s, job, f"job process exited with code {rc}")

    def _retry_or_fail(self, s, job: Job, why: str) -> None:
        if job.cancel_requested:
            job.status, job.detail, job.finished_at = "cancelled", f"{why}; cancel was requested", _now()
        elif job.attempts < self.max_attempts:
            job.status, job.detail = "queued", f"{why}; will resume from its checkpoint"
            job.worker, job.pid = None, None
        else:
            job.status, job.detail, job.finished_at = "failed", f"{why} (attempt {job.attempts})", _now()
        self.p.audit.record(s, AuditEntry(actor=f"worker:{self.name}", action="job.recover", target=f"job:{job.id}",
                                          tenant=job.tenant, project=job.project, status=job.status,
                                          details={"reason": why}))

    def _recover_lost(self) -> None:
        """Jobs marked running whose heartbeat stopped: their worker or process is gone."""
        cutoff = _now() - self.stale_after
        with self.p.store.write() as s:
            lost = s.execute(select(Job).where(Job.status == "running", Job.executor == "local",
                                               Job.heartbeat_at < cutoff)).scalars().all()
            for job in lost:
                if job.id in self.children:
                    continue  # ours and alive (slow to start); _reap handles its exit
                self._retry_or_fail(s, job, f"no heartbeat since {job.heartbeat_at:%H:%M:%S} (worker {job.worker})")

    def _forward_cancels(self) -> None:
        if not self.children:
            return
        with self.p.store.read() as s:
            wanted = set(s.execute(select(Job.id).where(Job.id.in_(list(self.children)),
                                                        Job.cancel_requested.is_(True))).scalars())
        for job_id in wanted:
            child = self.children[job_id]
            if not child.cancel_sent:
                os.killpg(child.proc.pid, signal.SIGTERM)  # the whole group: torchrun and its ranks
                child.cancel_sent = True

    def _start_new(self) -> None:
        free = self.slots - sum(self._processes(j) for j in self.children)
        if free <= 0:
            return
        with self.p.store.write() as s:
            chosen = [j for j in plan(s, free) if j.executor == "local"]
            claimed = [j.id for j in chosen if claim(s, j.id, self.name)]
        for job_id in claimed:
            self._launch(job_id)

    def _processes(self, job_id: str) -> int:
        with self.p.store.read() as s:
            return s.execute(select(Job.processes).where(Job.id == job_id)).scalar_one()

    def _launch(self, job_id: str) -> None:
        with self.p.store.read() as s:
            job = s.get(Job, job_id)
            cmd = job_command(job)
        log_path = self.logs_dir / f"{job_id}.log"
        env = {**os.environ, "KOJO_HOME": str(self.p.settings.home), "KOJO_DATABASE_URL": self.p.settings.db_url,
               "PYTHONUNBUFFERED": "1"}
        with open(log_path, "ab") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.children[job_id] = Child(job_id, proc)
        with self.p.store.write() as s:
            job = s.get(Job, job_id)
            job.pid, job.log_path = proc.pid, str(log_path)
            self.p.audit.record(s, AuditEntry(actor=f"worker:{self.name}", action="job.start",
                                              target=f"job:{job_id}", tenant=job.tenant, project=job.project,
                                              details={"attempt": job.attempts, "pid": proc.pid,
                                                       "command": " ".join(cmd[1:])}))

    def stop(self) -> None:
        """Ask running jobs to checkpoint and stop (worker shutdown)."""
        for child in self.children.values():
            if child.proc.poll() is None:
                os.killpg(child.proc.pid, signal.SIGTERM)


def _now() -> datetime:
    return datetime.now(UTC)
