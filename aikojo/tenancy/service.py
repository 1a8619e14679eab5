"""Tenancy operations: tenants, projects and grants. Each function is one service-layer operation that the
CLI and the admin API both call: it authorises the actor, validates, changes the store and appends its
audit record in the same transaction — so the change and its record commit together or not at all."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from aikojo.audit.chain import AuditEntry
from aikojo.db.models import Project, ProjectGrant, Tenant
from aikojo.errors import Conflict, InvalidInput, NotFound
from aikojo.platform import Platform
from aikojo.tenancy.names import check_model_name, check_name, split_project_path
from aikojo.tenancy.roles import Actor
from aikojo.tenancy.views import ProjectCreate, ProjectUpdate, ProjectView, TenantView


def entry(actor: Actor, action: str, target: str, *, tenant: str | None = None, project: str | None = None,
          **details) -> AuditEntry:
    return AuditEntry(actor=actor.principal, action=action, target=target, tenant=tenant, project=project,
                      request_id=actor.request_id, details=details)


# ---- lookups --------------------------------------------------------------------------------------------
def find_tenant(session: Session, name: str) -> Tenant:
    tenant = session.execute(select(Tenant).where(Tenant.name == name)).scalar_one_or_none()
    if tenant is None:
        raise NotFound(f"tenant '{name}' does not exist; see `kojo tenants list`", param="tenant")
    return tenant


def find_project(session: Session, path: str) -> Project:
    tenant_name, project_name = split_project_path(path)
    project = session.execute(
        select(Project).join(Tenant).where(Tenant.name == tenant_name, Project.name == project_name)
        .options(selectinload(Project.grants), selectinload(Project.keys))
    ).scalar_one_or_none()
    if project is None:
        find_tenant(session, tenant_name)  # a clearer message when the tenant itself is unknown
        raise NotFound(f"project '{path}' does not exist; see `kojo projects list`", param="project")
    return project


def _unique_names(values: list[str], check) -> list[str]:
    out: list[str] = []
    for v in values:
        v = check(v.strip())
        if v not in out:
            out.append(v)
    return out


# ---- tenants --------------------------------------------------------------------------------------------
def create_tenant(p: Platform, actor: Actor, name: str) -> TenantView:
    actor.require_admin("creating a tenant")
    check_name("tenant", name)
    with p.store.write() as s:
        if s.execute(select(Tenant.id).where(Tenant.name == name)).first():
            raise Conflict(f"tenant '{name}' already exists; choose another name", param="name")
        tenant = Tenant(name=name, created_by=actor.principal, projects=[])
        s.add(tenant)
        s.flush()
        p.audit.record(s, entry(actor, "tenant.create", f"tenant:{name}", tenant=name))
        return TenantView.of(tenant)


def list_tenants(p: Platform, actor: Actor) -> list[TenantView]:
    actor.require_admin("listing tenants")
    with p.store.read() as s:
        rows = s.execute(select(Tenant).options(selectinload(Tenant.projects)).order_by(Tenant.name)).scalars()
        return [TenantView.of(t) for t in rows]


def delete_tenant(p: Platform, actor: Actor, name: str, *, cascade: bool = False) -> TenantView:
    actor.require_admin("deleting a tenant")
    check_name("tenant", name)
    with p.store.write() as s:
        tenant = find_tenant(s, name)
        view = TenantView.of(tenant)
        if tenant.projects and not cascade:
            names = ", ".join(sorted(pr.name for pr in tenant.projects))
            raise Conflict(f"tenant '{name}' still has projects ({names}); delete them first or pass --cascade",
                           param="name")
        removed = sorted(pr.name for pr in tenant.projects)
        s.delete(tenant)
        p.audit.record(s, entry(actor, "tenant.delete", f"tenant:{name}", tenant=name,
                                before={"projects": removed}))
        return view


# ---- projects -------------------------------------------------------------------------------------------
def create_project(p: Platform, actor: Actor, req: ProjectCreate) -> ProjectView:
    actor.require_admin("creating a project")
    check_name("tenant", req.tenant)
    check_name("project", req.name)
    models = _unique_names(req.models if req.models is not None else p.settings.default_models, check_model_name)
    with p.store.write() as s:
        tenant = find_tenant(s, req.tenant)
        if any(pr.name == req.name for pr in tenant.projects):
            raise Conflict(f"project '{req.tenant}/{req.name}' already exists; use `kojo projects update`",
                           param="name")
        project = Project(tenant=tenant, name=req.name, rpm=req.rpm, tpm=req.tpm, max_concurrent=req.max_concurrent,
                          priority=req.priority, default_max_tokens=req.default_max_tokens, store_bodies="hash",
                          created_by=actor.principal, keys=[],
                          grants=[ProjectGrant(kind="model", name=m) for m in models])
        s.add(project)
        s.flush()
        view = ProjectView.of(project)
        p.audit.record(s, entry(actor, "project.create", f"project:{view.path}", tenant=req.tenant,
                                project=req.name, after=_summary(view)))
        return view


def list_projects(p: Platform, actor: Actor, tenant: str | None = None) -> list[ProjectView]:
    with p.store.read() as s:
        q = select(Project).join(Tenant).options(selectinload(Project.grants), selectinload(Project.keys))
        if tenant is not None:
            find_tenant(s, check_name("tenant", tenant))
            q = q.where(Tenant.name == tenant)
        if actor.role != "admin":
            if actor.project_id is None:
                actor.require_admin("listing projects")
            q = q.where(Project.id == actor.project_id)
        return [ProjectView.of(pr) for pr in s.execute(q.order_by(Tenant.name, Project.name)).scalars()]


def get_project(p: Platform, actor: Actor, path: str) -> ProjectView:
    with p.store.read() as s:
        project = find_project(s, path)
        actor.require_project_admin(project.id, "showing a project")
        return ProjectView.of(project)


def update_project(p: Platform, actor: Actor, path: str, req: ProjectUpdate) -> ProjectView:
    actor.require_admin("changing a project")
    changes = req.model_dump(exclude_unset=True)
    if not changes:
        raise InvalidInput("nothing to change: give at least one field (e.g. --rpm 120 or --models demo)")
    with p.store.write() as s:
        project = find_project(s, path)
        before = _summary(ProjectView.of(project))
        for field in ("rpm", "tpm", "max_concurrent", "priority", "default_max_tokens", "store_bodies"):
            if field in changes:
                if field in ("priority", "store_bodies") and changes[field] is None:
                    raise InvalidInput(f"{field} cannot be null", param=field)
                setattr(project, field, changes[field])
        for kind, field in (("model", "models"), ("adapter", "adapters")):
            if field in changes:
                wanted = _unique_names(changes[field] or [], check_model_name)
                # Keep rows that stay (the unit of work inserts before it deletes: re-adding would collide).
                kept = [g for g in project.grants if g.kind != kind or g.name in wanted]
                have = {g.name for g in kept if g.kind == kind}
                project.grants = kept + [ProjectGrant(kind=kind, name=n) for n in wanted if n not in have]
        s.flush()
        view = ProjectView.of(project)
        p.audit.record(s, entry(actor, "project.update", f"project:{view.path}", tenant=view.tenant,
                                project=view.name, before=before, after=_summary(view)))
        return view


def grant(p: Platform, actor: Actor, path: str, name: str, *, kind: str = "model", revoke: bool = False
          ) -> ProjectView:
    """Add (or remove) one model/adapter grant without restating the whole list."""
    actor.require_admin("granting models")
    check_model_name(name)
    with p.store.write() as s:
        project = find_project(s, path)
        has = [g for g in project.grants if g.kind == kind and g.name == name]
        if revoke:
            if not has:
                raise NotFound(f"{kind} '{name}' is not granted to {path}", param="name")
            project.grants = [g for g in project.grants if g not in has]
        elif not has:
            project.grants.append(ProjectGrant(kind=kind, name=name))
        s.flush()
        view = ProjectView.of(project)
        p.audit.record(s, entry(actor, f"project.{'revoke' if revoke else 'grant'}", f"project:{view.path}",
                                tenant=view.tenant, project=view.name, kind=kind, name=name))
        return view


def _summary(v: ProjectView) -> dict:
    return {"rpm": v.rpm, "tpm": v.tpm, "max_concurrent": v.max_concurrent, "priority": v.priority,
            "default_max_tokens": v.default_max_tokens, "models": v.models, "adapters": v.adapters,
            "store_bodies": v.store_bodies}


def set_guardrail_policy(p: Platform, actor: Actor, path: str, policy_yaml: str | None) -> ProjectView:
    """Replace the project's guardrail policy (None: back to the platform default). Validated before it is
    stored; gateways pick it up within their cache TTL."""
    import hashlib

    from aikojo.guardrails import PolicyError, load_policy

    actor.require_admin("changing a guardrail policy")
    if policy_yaml is not None:
        try:
            load_policy(policy_yaml)
        except PolicyError as exc:
            raise InvalidInput(f"guardrail policy for {path}: {exc}", param="policy")

    def fingerprint(text: str | None) -> str | None:
        return hashlib.sha256(text.encode()).hexdigest()[:16] if text else None

    with p.store.write() as s:
        project = find_project(s, path)
        before = fingerprint(project.guardrail_policy)
        project.guardrail_policy = policy_yaml
        s.flush()
        view = ProjectView.of(project)
        p.audit.record(s, entry(actor, "project.guardrails", f"project:{view.path}", tenant=view.tenant,
                                project=view.name, before={"policy_sha256": before},
                                after={"policy_sha256": fingerprint(policy_yaml)}))
        return view


def get_guardrail_policy(p: Platform, actor: Actor, path: str) -> str | None:
    with p.store.read() as s:
        project = find_project(s, path)
        actor.require_project_admin(project.id, "reading a guardrail policy")
        return project.guardrail_policy
