"""Audit-log operations for the CLI and the admin API: list, export, verify. Reading the log is itself
audited (``audit.read`` / ``audit.export`` / ``audit.verify``), committed before the data is returned."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select

from aikojo.audit.chain import AuditEntry, VerifyReport, verify
from aikojo.audit.signing import load_verifier
from aikojo.db.models import AuditRecord
from aikojo.errors import Forbidden
from aikojo.platform import Platform
from aikojo.tenancy.names import split_project_path
from aikojo.tenancy.roles import Actor, Role
from aikojo.tenancy.service import find_project


class AuditRecordView(BaseModel):
    seq: int
    ts: str
    actor: str
    action: str
    target: str | None
    tenant: str | None
    project: str | None
    request_id: str | None
    status: str
    details: dict
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, r: AuditRecord) -> AuditRecordView:
        return cls(seq=r.seq, ts=r.ts, actor=r.actor, action=r.action, target=r.target, tenant=r.tenant,
                   project=r.project, request_id=r.request_id, status=r.status, details=json.loads(r.details),
                   prev_hash=r.prev_hash, hash=r.hash)


class AuditQuery(BaseModel):
    project: str | None = None  # TENANT/PROJECT
    since: datetime | None = None
    action: str | None = None  # exact, or a prefix ending in '.' / '*' (e.g. "key.*")
    limit: int | None = 100


def _authorise(p: Platform, actor: Actor, q: AuditQuery) -> AuditQuery:
    if actor.role == Role.USER:
        raise Forbidden("reading the audit log needs the admin or auditor role")
    if q.project is None and actor.project_id is not None and actor.role != "admin":
        q = q.model_copy(update={"project": actor.project_path})
    project_id = None
    if q.project is not None:
        with p.store.read() as s:
            project_id = find_project(s, q.project).id
    actor.require_audit_reader(project_id)
    return q


def _select(q: AuditQuery):
    stmt = select(AuditRecord)
    if q.project is not None:
        tenant, project = split_project_path(q.project)
        stmt = stmt.where(AuditRecord.tenant == tenant, AuditRecord.project == project)
    if q.since is not None:
        stmt = stmt.where(AuditRecord.ts >= q.since.isoformat(timespec="microseconds"))
    if q.action:
        if q.action.endswith(("*", ".")):
            stmt = stmt.where(AuditRecord.action.startswith(q.action.rstrip("*")))
        else:
            stmt = stmt.where(AuditRecord.action == q.action)
    return stmt


def _log_read(p: Platform, actor: Actor, action: str, q: AuditQuery, **extra) -> None:
    p.audit.write([AuditEntry(actor=actor.principal, action=action, target="audit", request_id=actor.request_id,
                              tenant=actor.tenant, project=actor.project,
                              details={"query": q.model_dump(mode="json", exclude_none=True), **extra})])


def list_records(p: Platform, actor: Actor, q: AuditQuery) -> list[AuditRecordView]:
    """Newest first, up to ``limit``."""
    q = _authorise(p, actor, q)
    _log_read(p, actor, "audit.read", q)
    with p.store.read() as s:
        stmt = _select(q).order_by(AuditRecord.seq.desc())
        if q.limit:
            stmt = stmt.limit(q.limit)
        return [AuditRecordView.of(r) for r in s.execute(stmt).scalars()]


def export_records(p: Platform, actor: Actor, q: AuditQuery) -> Iterator[str]:
    """JSON lines, oldest first. Authorisation and the audit record of the export happen now, before the
    caller starts streaming; the rows are then read in chunks as the iterator is consumed."""
    q = _authorise(p, actor, q.model_copy(update={"limit": None}))
    _log_read(p, actor, "audit.export", q, format="jsonl")

    def rows() -> Iterator[str]:
        with p.store.read() as s:
            stmt = _select(q).order_by(AuditRecord.seq).execution_options(yield_per=2000)
            for r in s.execute(stmt).scalars():
                yield AuditRecordView.of(r).model_dump_json() + "\n"

    return rows()


def verify_log(p: Platform, actor: Actor) -> VerifyReport:
    actor.require_audit_reader(None)
    with p.store.read() as s:
        report = verify(s, load_verifier(p.settings.signing_key_path), p.settings.checkpoint_log_path)
    # Recorded after the walk so the verdict is about the log as it was found.
    _log_read(p, actor, "audit.verify", AuditQuery(limit=None), ok=report.ok, records=report.records,
              first_bad_seq=report.first_bad_seq)
    return report
