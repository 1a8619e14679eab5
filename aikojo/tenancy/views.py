"""What the service layer returns and accepts: the same pydantic models serve the CLI, the admin API's
OpenAPI schema and the remote CLI client."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from aikojo.db.models import ApiKey, Project, Tenant


class TenantView(BaseModel):
    name: str
    projects: int
    created_at: datetime
    created_by: str

    @classmethod
    def of(cls, t: Tenant) -> TenantView:
        return cls(name=t.name, projects=len(t.projects), created_at=t.created_at, created_by=t.created_by)


class Limits(BaseModel):
    """Limits the gateway enforces; null means unlimited."""

    model_config = ConfigDict(extra="forbid")
    rpm: int | None = Field(None, ge=1, description="requests per minute")
    tpm: int | None = Field(None, ge=1, description="tokens per minute (prompt + completion)")
    max_concurrent: int | None = Field(None, ge=1, description="requests in flight at once")


class ProjectCreate(Limits):
    tenant: str
    name: str
    models: list[str] | None = Field(None, description="granted models; default: the platform's default list")
    priority: int = Field(0, ge=0, le=100, description="admission priority under saturation (higher first)")
    default_max_tokens: int | None = Field(None, ge=1)


class ProjectUpdate(Limits):
    """Only the fields present in the request change (send null to make a limit unlimited)."""

    models: list[str] | None = None
    adapters: list[str] | None = None
    priority: int | None = Field(None, ge=0, le=100)
    default_max_tokens: int | None = Field(None, ge=1)
    store_bodies: str | None = Field(None, pattern="^(hash|masked)$")


class ProjectView(Limits):
    tenant: str
    name: str
    path: str
    priority: int
    default_max_tokens: int | None
    models: list[str]
    adapters: list[str]
    store_bodies: str
    keys: int
    created_at: datetime
    created_by: str

    @classmethod
    def of(cls, p: Project) -> ProjectView:
        return cls(tenant=p.tenant.name, name=p.name, path=p.path, rpm=p.rpm, tpm=p.tpm,
                   max_concurrent=p.max_concurrent, priority=p.priority, default_max_tokens=p.default_max_tokens,
                   models=[g.name for g in p.grants if g.kind == "model"],
                   adapters=[g.name for g in p.grants if g.kind == "adapter"],
                   store_bodies=p.store_bodies, keys=len(p.keys), created_at=p.created_at, created_by=p.created_by)


class KeyCreate(Limits):
    project: str | None = Field(None, description="TENANT/PROJECT; omit for a platform admin or auditor key")
    role: str = "user"
    expires: str | None = Field(None, description="lifetime such as 30d, 24h, 2w")
    name: str | None = Field(None, max_length=200)


class KeyView(Limits):
    id: str
    prefix: str = Field(description="sk-kojo-<prefix>… — enough to recognise a key, useless to use it")
    role: str
    project: str | None
    name: str | None
    created_at: datetime
    created_by: str
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    rotated_from: str | None
    state: str

    @classmethod
    def of(cls, k: ApiKey, now: datetime) -> KeyView:
        if k.revoked_at is not None and k.revoked_at <= now:
            state = "revoked"
        elif k.expires_at is not None and k.expires_at <= now:
            state = "expired"
        else:
            state = "active"
        return cls(id=k.id, prefix=k.prefix, role=k.role, project=k.project.path if k.project else None,
                   name=k.name, rpm=k.rpm, tpm=k.tpm, max_concurrent=k.max_concurrent, created_at=k.created_at,
                   created_by=k.created_by, expires_at=k.expires_at, revoked_at=k.revoked_at,
                   last_used_at=k.last_used_at, rotated_from=k.rotated_from, state=state)


class CreatedKey(BaseModel):
    """The only object that ever carries a raw key: returned once, never stored."""

    key: str
    info: KeyView


class RotateKey(BaseModel):
    overlap: str = Field("24h", description="how long the old key keeps working, e.g. 24h")
