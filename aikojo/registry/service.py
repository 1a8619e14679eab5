"""Registry operations: datasets, runs, adapters, prompts, aliases and lineage. Like every service-layer
operation, each state change authorises the actor, changes the store and appends its audit record in one
transaction, so the change and its record commit together or not at all (a failed run never leaves a
half-registered adapter: the adapter row and the run's ``completed`` status are one commit)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aikojo.audit.chain import AuditEntry
from aikojo.errors import Forbidden, InvalidInput, NotFound
from aikojo.platform import Platform
from aikojo.registry.models import (
    RegisteredAdapter,
    RegisteredDataset,
    RegisteredPrompt,
    RegistryAlias,
    TuningRun,
)
from aikojo.tenancy.names import check_model_name
from aikojo.tenancy.roles import Actor, Role

KINDS = ("datasets", "runs", "adapters", "prompts")


def _entry(actor: Actor, action: str, target: str, **details: Any) -> AuditEntry:
    return AuditEntry(actor=actor.principal, action=action, target=target, request_id=actor.request_id,
                      tenant=actor.tenant, project=actor.project, details=details)


def _require_tuner(actor: Actor, what: str, *, job: bool = False) -> None:
    """Admins and project-admins; with ``job=True`` also a project member's tuning job (the factory has already
    authorised that key to submit jobs to its project, and registering what the job uses and makes is part of it)."""
    if actor.role in (Role.ADMIN, Role.PROJECT_ADMIN):
        return
    if job and actor.role == Role.USER and actor.project:
        return
    raise Forbidden(f"{what} needs the admin or project-admin role; this key has role '{actor.role}'")


def _require_reader(actor: Actor) -> None:
    if actor.role == Role.USER:
        raise Forbidden("reading the registry needs the admin, project-admin or auditor role")


@dataclass
class ArtifactRecord:
    """What the runner registers when a run completes."""

    kind: str  # lora | dora | full | prompt
    name: str
    version: int | None  # the adapter store's version (None: the registry numbers it)
    base_model: str
    path: str
    size_bytes: int = 0
    trainable_params: int = 0
    total_params: int = 0
    template: dict[str, Any] | None = None


# ---- datasets -------------------------------------------------------------------------------------------
def register_dataset(p: Platform, actor: Actor, *, name: str, version: str, path: str, format: str, records: int,
                     stats: dict[str, Any], scans: dict[str, Any]) -> dict[str, Any]:
    """Register a dataset version; the same content under the same name is registered once (idempotent)."""
    _require_tuner(actor, "registering a dataset", job=True)
    check_model_name(name)
    with p.store.write() as s:
        row = s.execute(select(RegisteredDataset).where(RegisteredDataset.name == name,
                                                        RegisteredDataset.version == version)).scalar_one_or_none()
        if row is None:
            row = RegisteredDataset(name=name, version=version, path=path, format=format, records=records,
                                    stats=json.dumps(stats, ensure_ascii=False), created_by=actor.principal,
                                    scans=json.dumps(scans, ensure_ascii=False))
            s.add(row)
            s.flush()
            p.audit.record(s, _entry(actor, "registry.dataset.register", f"dataset:{name}@{version[:12]}",
                                     records=records, path=path))
        return _dataset_view(row)


# ---- runs -----------------------------------------------------------------------------------------------
def start_run(p: Platform, actor: Actor, *, name: str, method: str, dataset_id: int | None, base_model: str,
              base_revision: str | None, recipe: dict[str, Any], environment: dict[str, Any], output_dir: str,
              git_commit: str | None = None, project: str | None = None, job_id: str | None = None) -> dict[str, Any]:
    """Create the run (status ``running``), or — for a job id seen before — return that job's run, marked
    running again, so a resumed job never has two runs (and never two adapters)."""
    _require_tuner(actor, "starting a tuning run", job=True)
    with p.store.write() as s:
        if job_id is not None:
            row = s.execute(select(TuningRun).where(TuningRun.job_id == job_id)).scalar_one_or_none()
            if row is not None:
                if row.status != "completed":
                    row.status, row.error = "running", None
                    p.audit.record(s, _entry(actor, "registry.run.resume", f"run:{row.id}", job_id=job_id))
                return _run_view(s, row)
        row = TuningRun(id=uuid.uuid4().hex[:16], job_id=job_id, name=name, method=method, project=project,
                        dataset_id=dataset_id, base_model=base_model, base_revision=base_revision,
                        recipe=json.dumps(recipe, ensure_ascii=False, default=str), git_commit=git_commit,
                        environment=json.dumps(environment), status="running", output_dir=output_dir,
                        created_by=actor.principal)
        s.add(row)
        s.flush()
        p.audit.record(s, _entry(actor, "registry.run.start", f"run:{row.id}", name=name, method=method,
                                 job_id=job_id, base_model=base_model))
        return _run_view(s, row)


def set_tracking_id(p: Platform, run_id: str, tracking_run_id: str) -> None:
    """Bookkeeping only (which tracker run mirrors this run); not an audited change of state."""
    with p.store.write() as s:
        _get_run(s, run_id).tracking_run_id = tracking_run_id


def finish_run(p: Platform, actor: Actor, run_id: str, *, status: str, metrics: dict[str, Any] | None = None,
               error: str | None = None, artifact: ArtifactRecord | None = None) -> dict[str, Any]:
    """Close a run: ``completed`` with its artifact registered in the same transaction, or ``failed`` /
    ``stopped`` with no artifact. Completing an already completed run returns it unchanged (idempotent)."""
    _require_tuner(actor, "finishing a tuning run", job=True)
    if status not in ("completed", "failed", "stopped"):
        raise InvalidInput(f"unknown run status {status!r}")
    with p.store.write() as s:
        run = _get_run(s, run_id)
        if run.status == "completed":
            return _run_view(s, run)
        run.status, run.error, run.finished_at = status, error, datetime.now(UTC)
        if metrics is not None:
            run.metrics = json.dumps(metrics, default=float)
        registered = None
        if status == "completed" and artifact is not None:
            registered = _add_artifact(s, actor, run, artifact)
        s.flush()
        p.audit.record(s, _entry(actor, f"registry.run.{status}", f"run:{run.id}", artifact=registered,
                                 error=(error or "")[:300] or None))
        return _run_view(s, run)


def _add_artifact(s: Session, actor: Actor, run: TuningRun, a: ArtifactRecord) -> str:
    check_model_name(a.name)
    if a.kind == "prompt":
        version = (s.execute(select(func.max(RegisteredPrompt.version)).where(RegisteredPrompt.name == a.name))
                   .scalar() or 0) + 1
        s.add(RegisteredPrompt(name=a.name, version=version, run_id=run.id, base_model=a.base_model,
                               template=json.dumps(a.template or {}, ensure_ascii=False), created_by=actor.principal))
        return f"prompt:{a.name}@{version}"
    version = a.version or (s.execute(select(func.max(RegisteredAdapter.version))
                                      .where(RegisteredAdapter.name == a.name)).scalar() or 0) + 1
    s.add(RegisteredAdapter(name=a.name, version=version, kind=a.kind, run_id=run.id, base_model=a.base_model,
                            path=a.path, size_bytes=a.size_bytes, trainable_params=a.trainable_params,
                            total_params=a.total_params, dora=a.kind == "dora", created_by=actor.principal))
    return f"adapter:{a.name}@{version}"


def find_run_by_job(p: Platform, job_id: str) -> dict[str, Any] | None:
    with p.store.read() as s:
        row = s.execute(select(TuningRun).where(TuningRun.job_id == job_id)).scalar_one_or_none()
        return _run_view(s, row) if row else None


def _get_run(s: Session, run_id: str) -> TuningRun:
    row = s.get(TuningRun, run_id)
    if row is None:
        raise NotFound(f"run '{run_id}' does not exist; see `kojo registry list runs`", param="run")
    return row


# ---- reads ----------------------------------------------------------------------------------------------
def list_items(p: Platform, actor: Actor, kind: str, name: str | None = None) -> list[dict[str, Any]]:
    _require_reader(actor)
    table = {"datasets": RegisteredDataset, "runs": TuningRun, "adapters": RegisteredAdapter,
             "prompts": RegisteredPrompt}.get(kind)
    if table is None:
        raise InvalidInput(f"unknown registry kind {kind!r}: use one of {', '.join(KINDS)}", param="kind")
    with p.store.read() as s:
        q = select(table)
        if name is not None:
            q = q.where(table.name == name)
        rows = s.execute(q.order_by(table.created_at)).scalars().all()
        view = {"datasets": lambda r: _dataset_view(r), "runs": lambda r: _run_view(s, r),
                "adapters": lambda r: _adapter_view(s, r), "prompts": lambda r: _prompt_view(s, r)}[kind]
        return [view(r) for r in rows]


def show(p: Platform, actor: Actor, ref: str) -> dict[str, Any]:
    """``name``, ``name@N`` or ``name@alias`` of an adapter or prompt, a run id, or a dataset name."""
    _require_reader(actor)
    name, _, spec = ref.partition("@")
    with p.store.read() as s:
        run = s.get(TuningRun, ref)
        if run is not None:
            return {"kind": "run", **_run_view(s, run)}
        for kind, table, view in (("adapter", RegisteredAdapter, _adapter_view),
                                  ("prompt", RegisteredPrompt, _prompt_view)):
            version = _resolve_version(s, kind, table, name, spec or None)
            if version is not None:
                row = s.execute(select(table).where(table.name == name, table.version == version)).scalar_one()
                return {"kind": kind, **view(s, row)}
        ds = s.execute(select(RegisteredDataset).where(RegisteredDataset.name == name)
                       .order_by(RegisteredDataset.created_at.desc())).scalars().first()
        if ds is not None and (not spec or ds.version.startswith(spec)):
            return {"kind": "dataset", **_dataset_view(ds)}
    raise NotFound(f"nothing named '{ref}' in the registry; see `kojo registry list`", param="ref")


def _resolve_version(s: Session, kind: str, table: Any, name: str, spec: str | None) -> int | None:
    if spec is None:
        return s.execute(select(func.max(table.version)).where(table.name == name)).scalar()
    if spec.isdigit():
        found = s.execute(select(table.id).where(table.name == name, table.version == int(spec))).first()
        return int(spec) if found else None
    return s.execute(select(RegistryAlias.version).where(RegistryAlias.kind == kind, RegistryAlias.name == name,
                                                         RegistryAlias.alias == spec)).scalar()


def promote(p: Platform, actor: Actor, ref: str, alias: str) -> dict[str, Any]:
    """Point ``name@alias`` (e.g. production) at a version: ``claims-extractor@3``. For adapters the alias is
    also written to the adapter store, so the gateway resolves ``name@alias`` at once."""
    _require_tuner(actor, "promoting a version")
    name, _, spec = ref.partition("@")
    if not alias or alias.isdigit():
        raise InvalidInput("an alias is a word such as production or staging (not a number)", param="alias")
    with p.store.write() as s:
        for kind, table in (("adapter", RegisteredAdapter), ("prompt", RegisteredPrompt)):
            version = _resolve_version(s, kind, table, name, spec or None)
            if version is None:
                continue
            row = s.execute(select(RegistryAlias).where(RegistryAlias.kind == kind, RegistryAlias.name == name,
                                                        RegistryAlias.alias == alias)).scalar_one_or_none()
            before = row.version if row else None
            if row is None:
                s.add(RegistryAlias(kind=kind, name=name, alias=alias, version=version, updated_by=actor.principal))
            else:
                row.version, row.updated_by, row.updated_at = version, actor.principal, datetime.now(UTC)
            if kind == "adapter":
                adapter = s.execute(select(RegisteredAdapter).where(RegisteredAdapter.name == name,
                                                                    RegisteredAdapter.version == version)).scalar_one()
                if adapter.kind != "full":
                    from aikojo.serving.adapter_store import AdapterStore

                    AdapterStore(p.settings.adapters_dir).set_alias(name, alias, version)
            s.flush()
            p.audit.record(s, _entry(actor, "registry.promote", f"{kind}:{name}@{alias}", version=version,
                                     before=before))
            return {"kind": kind, "name": name, "alias": alias, "version": version, "previous": before}
    raise NotFound(f"no adapter or prompt '{ref}'; see `kojo registry list adapters`", param="ref")


def lineage(p: Platform, actor: Actor, ref: str) -> dict[str, Any]:
    """dataset → run → adapter/prompt → aliases and deployments (projects that get this version)."""
    item = show(p, actor, ref)
    if item["kind"] == "dataset":
        runs = [r for r in list_items(p, actor, "runs") if r["dataset"] and r["dataset"]["id"] == item["id"]]
        return {"dataset": item, "runs": runs}
    run = item if item["kind"] == "run" else show(p, actor, item["run_id"])
    out: dict[str, Any] = {"dataset": run.get("dataset"), "run": {k: v for k, v in run.items() if k != "dataset"}}
    if item["kind"] in ("adapter", "prompt"):
        out[item["kind"]] = item
    elif run.get("artifact"):
        out["artifact"] = run["artifact"]
    adapter = item if item["kind"] == "adapter" else None
    if adapter is not None and adapter["type"] != "full":
        from aikojo.serving.adapter_store import AdapterStore, _read_json

        deployments = _read_json(AdapterStore(p.settings.adapters_dir).root / adapter["name"] / "deployments.json")
        out["deployments"] = [{"project": proj, "version": v} for proj, v in sorted(deployments.items())
                              if v == adapter["version"]]
        from aikojo.factory.deploy import history

        # every deployment and rollback of this version, who and when (the audit log holds the same records)
        out["deployment_history"] = [h for h in history(AdapterStore(p.settings.adapters_dir), adapter["name"])
                                     if h["version"] == adapter["version"] or h.get("previous") == adapter["version"]]
    return out


# ---- views ----------------------------------------------------------------------------------------------
def _dataset_view(r: RegisteredDataset) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "version": r.version, "path": r.path, "format": r.format,
            "records": r.records, "stats": json.loads(r.stats), "scans": json.loads(r.scans),
            "created_at": r.created_at.isoformat(), "created_by": r.created_by}


def _aliases(s: Session, kind: str, name: str, version: int) -> list[str]:
    return list(s.execute(select(RegistryAlias.alias).where(RegistryAlias.kind == kind, RegistryAlias.name == name,
                                                            RegistryAlias.version == version)).scalars())


def _adapter_view(s: Session, r: RegisteredAdapter) -> dict[str, Any]:
    return {"name": r.name, "version": r.version, "served_as": f"{r.name}@{r.version}", "type": r.kind,
            "run_id": r.run_id, "base_model": r.base_model, "path": r.path, "size_bytes": r.size_bytes,
            "trainable_params": r.trainable_params, "total_params": r.total_params, "dora": r.dora,
            "aliases": _aliases(s, "adapter", r.name, r.version), "created_at": r.created_at.isoformat(),
            "created_by": r.created_by}


def _prompt_view(s: Session, r: RegisteredPrompt) -> dict[str, Any]:
    return {"name": r.name, "version": r.version, "run_id": r.run_id, "base_model": r.base_model,
            "template": json.loads(r.template), "aliases": _aliases(s, "prompt", r.name, r.version),
            "created_at": r.created_at.isoformat(), "created_by": r.created_by}


def _run_view(s: Session, r: TuningRun) -> dict[str, Any]:
    ds = s.get(RegisteredDataset, r.dataset_id) if r.dataset_id else None
    adapter = s.execute(select(RegisteredAdapter).where(RegisteredAdapter.run_id == r.id)).scalar_one_or_none()
    prompt = s.execute(select(RegisteredPrompt).where(RegisteredPrompt.run_id == r.id)).scalar_one_or_none()
    artifact = (f"{adapter.name}@{adapter.version}" if adapter else f"prompt:{prompt.name}@{prompt.version}"
                if prompt else None)
    return {"id": r.id, "job_id": r.job_id, "name": r.name, "method": r.method, "project": r.project,
            "status": r.status, "error": r.error, "base_model": r.base_model, "base_revision": r.base_revision,
            "dataset": {"id": ds.id, "name": ds.name, "version": ds.version} if ds else None,
            "metrics": json.loads(r.metrics) if r.metrics else None, "environment": json.loads(r.environment),
            "git_commit": r.git_commit, "tracking_run_id": r.tracking_run_id, "output_dir": r.output_dir,
            "recipe": json.loads(r.recipe), "artifact": artifact, "created_by": r.created_by,
            "created_at": r.created_at.isoformat(),
            "finished_at": r.finished_at.isoformat() if r.finished_at else None}
