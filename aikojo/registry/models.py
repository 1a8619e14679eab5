"""Registry tables: datasets, runs, adapters (and full models), prompts and aliases — the lineage
dataset → run → adapter/prompt. They share :data:`aikojo.db.models.Base`, so one Alembic history covers the
control plane (migration ``0002_registry``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from aikojo.db.models import Base, UTCDateTime, utcnow


class RegisteredDataset(Base):
    """A dataset version: its content hash is its version, so the same bytes register once per name."""

    __tablename__ = "registry_datasets"
    __table_args__ = (UniqueConstraint("name", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[str] = mapped_column(String(64))  # sha256 of the file
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(32))
    records: Mapped[int] = mapped_column(Integer)
    stats: Mapped[str] = mapped_column(Text)  # JSON
    scans: Mapped[str] = mapped_column(Text)  # JSON: pii + poisoning
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class TuningRun(Base):
    __tablename__ = "registry_runs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # The factory's job id: a resumed job finds its run again instead of creating a second one.
    job_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    method: Mapped[str] = mapped_column(String(16))
    project: Mapped[str | None] = mapped_column(String(130))
    dataset_id: Mapped[int | None] = mapped_column(ForeignKey("registry_datasets.id"), index=True)
    base_model: Mapped[str] = mapped_column(String(400))
    base_revision: Mapped[str | None] = mapped_column(String(200))
    recipe: Mapped[str] = mapped_column(Text)  # JSON of the validated recipe
    git_commit: Mapped[str | None] = mapped_column(String(64))
    environment: Mapped[str] = mapped_column(Text)  # JSON
    metrics: Mapped[str | None] = mapped_column(Text)  # JSON {"before", "after", "primary", "train"}
    status: Mapped[str] = mapped_column(String(16), index=True)  # running | stopped | failed | completed
    error: Mapped[str | None] = mapped_column(Text)
    tracking_run_id: Mapped[str | None] = mapped_column(String(64))
    output_dir: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RegisteredAdapter(Base):
    """A published artifact version: a PEFT adapter (``kind`` lora/dora) or full weights (``full``)."""

    __tablename__ = "registry_adapters"
    __table_args__ = (UniqueConstraint("name", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    run_id: Mapped[str] = mapped_column(ForeignKey("registry_runs.id"), unique=True)
    base_model: Mapped[str] = mapped_column(String(400))
    path: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    trainable_params: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    total_params: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    dora: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class RegisteredPrompt(Base):
    __tablename__ = "registry_prompts"
    __table_args__ = (UniqueConstraint("name", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    version: Mapped[int] = mapped_column(Integer)
    run_id: Mapped[str | None] = mapped_column(ForeignKey("registry_runs.id"), unique=True)
    base_model: Mapped[str] = mapped_column(String(400))
    template: Mapped[str] = mapped_column(Text)  # JSON {"system", "few_shot", ...}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class RegistryAlias(Base):
    """``name@alias`` → version, for adapters and prompts (e.g. ``claims-extractor@production``)."""

    __tablename__ = "registry_aliases"
    __table_args__ = (UniqueConstraint("kind", "name", "alias"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # adapter | prompt
    name: Mapped[str] = mapped_column(String(200))
    alias: Mapped[str] = mapped_column(String(63))
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200))
