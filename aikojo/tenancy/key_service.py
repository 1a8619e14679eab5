"""API key operations (create, list, revoke, rotate) and authentication of a presented key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from aikojo.db.models import ApiKey, Project
from aikojo.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated
from aikojo.platform import Platform
from aikojo.tenancy import keys as keymat
from aikojo.tenancy.roles import Actor, Role
from aikojo.tenancy.service import entry, find_project
from aikojo.tenancy.views import CreatedKey, KeyCreate, KeyView


def _now() -> datetime:
    return datetime.now(UTC)


def create_key(p: Platform, actor: Actor, req: KeyCreate) -> CreatedKey:
    role = Role.parse(req.role)
    expires_at = _now() + keymat.parse_duration(req.expires, field="expires") if req.expires else None
    with p.store.write() as s:
        project = find_project(s, req.project) if req.project else None
        if project is None:
            actor.require_admin("creating a platform-wide key")
            if role not in (Role.ADMIN, Role.AUDITOR):
                raise InvalidInput(f"a '{role}' key belongs to a project: give TENANT/PROJECT", param="project")
        else:
            actor.require_project_admin(project.id, "creating a key")
            if role == Role.ADMIN:
                raise InvalidInput("an admin key is platform-wide: omit the project", param="role")
            if actor.role != Role.ADMIN and role not in (Role.USER, Role.PROJECT_ADMIN):
                raise Forbidden(f"a project-admin may create user or project-admin keys, not '{role}'")
        raw, prefix, digest = keymat.new_key()
        row = ApiKey(id=keymat.new_key_id(), prefix=prefix, secret_hash=digest, role=role.value, project=project,
                     name=req.name, rpm=req.rpm, tpm=req.tpm, max_concurrent=req.max_concurrent,
                     created_by=actor.principal, expires_at=expires_at)
        s.add(row)
        s.flush()
        view = KeyView.of(row, _now())
        p.audit.record(s, entry(actor, "key.create", f"key:{row.id}", tenant=project.tenant.name if project else None,
                                project=project.name if project else None,
                                after={"role": role.value, "expires_at": str(expires_at) if expires_at else None}))
        return CreatedKey(key=raw, info=view)


def list_keys(p: Platform, actor: Actor, project: str | None = None) -> list[KeyView]:
    with p.store.read() as s:
        q = select(ApiKey).options(selectinload(ApiKey.project).selectinload(Project.tenant))
        if project is not None:
            pr = find_project(s, project)
            actor.require_project_admin(pr.id, "listing keys")
            q = q.where(ApiKey.project_id == pr.id)
        elif actor.role != Role.ADMIN:
            if actor.role != Role.PROJECT_ADMIN or actor.project_id is None:
                raise Forbidden("listing keys needs the admin role, or project-admin of that project")
            q = q.where(ApiKey.project_id == actor.project_id)
        now = _now()
        return [KeyView.of(k, now) for k in s.execute(q.order_by(ApiKey.created_at)).scalars()]


def _find_key(s, actor: Actor, key_id: str, what: str) -> ApiKey:
    row = s.execute(select(ApiKey).where(ApiKey.id == key_id)
                    .options(selectinload(ApiKey.project).selectinload(Project.tenant))).scalar_one_or_none()
    if row is None:
        raise NotFound(f"key '{key_id}' does not exist; see `kojo keys list`", param="id")
    if row.project_id is None:
        actor.require_admin(what)
    else:
        actor.require_project_admin(row.project_id, what)
    return row


def revoke_key(p: Platform, actor: Actor, key_id: str) -> KeyView:
    with p.store.write() as s:
        row = _find_key(s, actor, key_id, "revoking a key")
        now = _now()
        if row.revoked_at is not None and row.revoked_at <= now:
            raise Conflict(f"key '{key_id}' is already revoked", param="id")
        row.revoked_at = now
        s.flush()
        p.audit.record(s, entry(actor, "key.revoke", f"key:{row.id}", tenant=row.project.tenant.name
                                if row.project else None, project=row.project.name if row.project else None))
        return KeyView.of(row, now)


def rotate_key(p: Platform, actor: Actor, key_id: str, overlap: str = "24h") -> CreatedKey:
    """A new key with the same scope; the old one keeps working for ``overlap`` and then stops."""
    grace = keymat.parse_duration(overlap, field="overlap") if overlap not in ("0", "0s") else timedelta(0)
    with p.store.write() as s:
        old = _find_key(s, actor, key_id, "rotating a key")
        now = _now()
        state = KeyView.of(old, now).state
        if state != "active":
            raise Conflict(f"key '{key_id}' is {state}; create a new key instead of rotating it", param="id")
        raw, prefix, digest = keymat.new_key()
        new = ApiKey(id=keymat.new_key_id(), prefix=prefix, secret_hash=digest, role=old.role, project=old.project,
                     name=old.name, rpm=old.rpm, tpm=old.tpm, max_concurrent=old.max_concurrent,
                     created_by=actor.principal, expires_at=old.expires_at, rotated_from=old.id)
        cutoff = now + grace
        old.revoked_at = cutoff
        s.add(new)
        s.flush()
        p.audit.record(s, entry(actor, "key.rotate", f"key:{old.id}", tenant=old.project.tenant.name
                                if old.project else None, project=old.project.name if old.project else None,
                                after={"new_key": new.id, "old_key_stops_at": cutoff.isoformat()}))
        return CreatedKey(key=raw, info=KeyView.of(new, now))


def authenticate(p: Platform, raw: str | None, *, request_id: str | None = None,
                 touch_after: timedelta | None = timedelta(seconds=60)) -> Actor:
    """Resolve a presented key to an Actor or raise 401. Updates last-used at most once a minute
    (``touch_after=None``: never — the gateway records use off the request path with ``touch``)."""
    if not raw or not keymat.looks_like_key(raw):
        raise Unauthenticated("missing or malformed API key: send 'Authorization: Bearer sk-kojo-…'")
    now = _now()
    with p.store.read() as s:
        row = s.execute(select(ApiKey).where(ApiKey.prefix == keymat.lookup_prefix(raw))
                        .options(selectinload(ApiKey.project).selectinload(Project.tenant))).scalar_one_or_none()
        if row is None or not keymat.matches(raw, row.secret_hash):
            raise Unauthenticated("invalid API key")
        if row.revoked_at is not None and row.revoked_at <= now:
            raise Unauthenticated("this API key was revoked; ask your project admin for a new one")
        if row.expires_at is not None and row.expires_at <= now:
            raise Unauthenticated("this API key has expired; ask your project admin for a new one")
        actor = Actor(principal=f"key:{row.id}", role=Role(row.role), key_id=row.id, request_id=request_id,
                      tenant=row.project.tenant.name if row.project else None,
                      project=row.project.name if row.project else None, project_id=row.project_id)
        stale = touch_after is not None and (row.last_used_at is None or now - row.last_used_at > touch_after)
    if stale:
        touch(p, row.id)
    return actor


def touch(p: Platform, key_id: str) -> None:
    """Record that a key was used now."""
    with p.store.write() as s:
        s.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=_now()))

