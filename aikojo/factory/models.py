"""Factory tables: tuning jobs and quotas. They share the control-plane metadata (and Alembic history)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from aikojo.db.models import Base, UTCDateTime, utcnow

JOB_STATES = ("queued", "running", "succeeded", "failed", "cancelled")


class Job(Base):
    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tenant: Mapped[str] = mapped_column(String(63), index=True)
    project: Mapped[str] = mapped_column(String(63), index=True)
    submitted_by: Mapped[str] = mapped_column(String(200))  # key:<id> or local:<os-user>
    recipe: Mapped[str] = mapped_column(Text)  # the resolved recipe YAML, overrides applied
    name: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(16))
    executor: Mapped[str] = mapped_column(String(16), default="local")  # local | kubeflow
    processes: Mapped[int] = mapped_column(Integer, default=1)
    gpus: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[int] = mapped_column(Integer, default=0, index=True)
    status: Mapped[str] = mapped_column(String(16), default="queued", index=True)
    detail: Mapped[str | None] = mapped_column(String(400))  # e.g. "waiting for capacity", the failure reason
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200))
    pid: Mapped[int | None] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Resource-seconds used so far (processes or GPUs × wall seconds), summed over attempts, for quotas.
    used_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    log_path: Mapped[str | None] = mapped_column(String(500))
    output_dir: Mapped[str | None] = mapped_column(String(500))
    external_ref: Mapped[str | None] = mapped_column(String(200))  # e.g. the TrainJob name on Kubernetes
    result: Mapped[str | None] = mapped_column(Text)  # JSON: run_id, adapter, metrics_before/after, primary_metric


class Quota(Base):
    """Per tenant (scope "tenant:acme") or project ("project:acme/claims"); None means unlimited."""

    __tablename__ = "quotas"
    scope: Mapped[str] = mapped_column(String(140), primary_key=True)
    max_concurrent_jobs: Mapped[int | None] = mapped_column(Integer)
    cpu_hours: Mapped[float | None] = mapped_column(Float)
    gpu_hours: Mapped[float | None] = mapped_column(Float)
    period_hours: Mapped[float] = mapped_column(Float, default=24 * 30)
    max_priority: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
