"""``/admin/...``: the service layer over HTTP. Routes only wire requests to service functions; those
authorise the calling key's role and audit the change, exactly as for the CLI."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import iterate_in_threadpool

from aikojo.audit import service as audit_service
from aikojo.audit.service import AuditQuery, AuditRecordView
from aikojo.platform import Platform
from aikojo.tenancy import key_service, service
from aikojo.tenancy.roles import Actor
from aikojo.tenancy.views import (
    CreatedKey,
    KeyCreate,
    KeyView,
    ProjectCreate,
    ProjectUpdate,
    ProjectView,
    RotateKey,
    TenantView,
)

router = APIRouter(prefix="/admin", tags=["admin"])


def platform(request: Request) -> Platform:
    return request.app.state.platform


async def caller(request: Request) -> Actor:
    """The authenticated key of this request (401 otherwise); roles are checked by each operation."""
    return await request.app.state.authenticator.actor(request)


P = Annotated[Platform, Depends(platform)]
A = Annotated[Actor, Depends(caller)]


class TenantCreate(BaseModel):
    name: str = Field(description="1–63 of a-z, 0-9 and '-'")


class GrantRequest(BaseModel):
    name: str
    kind: str = Field("model", pattern="^(model|adapter)$")


class Page(BaseModel):
    object: str = "list"
    data: list[Any]


async def call(fn, *args, **kw):
    # Service functions do blocking database I/O: keep them off the event loop.
    return await run_in_threadpool(fn, *args, **kw)


@router.post("/tenants", response_model=TenantView, status_code=201, summary="Create a tenant")
async def create_tenant(body: TenantCreate, p: P, a: A) -> TenantView:
    return await call(service.create_tenant, p, a, body.name)


@router.get("/tenants", summary="List tenants")
async def list_tenants(p: P, a: A) -> Page:
    return Page(data=await call(service.list_tenants, p, a))


@router.delete("/tenants/{tenant}", response_model=TenantView, summary="Delete a tenant")
async def delete_tenant(tenant: str, p: P, a: A, cascade: bool = False) -> TenantView:
    return await call(service.delete_tenant, p, a, tenant, cascade=cascade)


@router.post("/projects", response_model=ProjectView, status_code=201, summary="Create a project")
async def create_project(body: ProjectCreate, p: P, a: A) -> ProjectView:
    return await call(service.create_project, p, a, body)


@router.get("/projects", summary="List projects")
async def list_projects(p: P, a: A, tenant: str | None = None) -> Page:
    return Page(data=await call(service.list_projects, p, a, tenant))


@router.get("/projects/{tenant}/{project}", response_model=ProjectView, summary="Show a project")
async def get_project(tenant: str, project: str, p: P, a: A) -> ProjectView:
    return await call(service.get_project, p, a, f"{tenant}/{project}")


@router.patch("/projects/{tenant}/{project}", response_model=ProjectView, summary="Change limits or grants")
async def update_project(tenant: str, project: str, body: ProjectUpdate, p: P, a: A) -> ProjectView:
    return await call(service.update_project, p, a, f"{tenant}/{project}", body)


@router.post("/projects/{tenant}/{project}/grant", response_model=ProjectView, summary="Grant a model/adapter")
async def grant(tenant: str, project: str, body: GrantRequest, p: P, a: A) -> ProjectView:
    return await call(service.grant, p, a, f"{tenant}/{project}", body.name, kind=body.kind)


@router.post("/projects/{tenant}/{project}/revoke", response_model=ProjectView, summary="Revoke a grant")
async def revoke_grant(tenant: str, project: str, body: GrantRequest, p: P, a: A) -> ProjectView:
    return await call(service.grant, p, a, f"{tenant}/{project}", body.name, kind=body.kind, revoke=True)


class PolicyBody(BaseModel):
    policy: str | None = Field(None, description="guardrail policy YAML; null restores the platform default")


@router.put("/projects/{tenant}/{project}/guardrails", response_model=ProjectView,
            summary="Replace the project's guardrail policy (validated; takes effect within seconds)")
async def set_policy(tenant: str, project: str, body: PolicyBody, p: P, a: A) -> ProjectView:
    return await call(service.set_guardrail_policy, p, a, f"{tenant}/{project}", body.policy)


@router.get("/projects/{tenant}/{project}/guardrails", response_model=PolicyBody,
            summary="The project's guardrail policy (null: the platform default)")
async def get_policy(tenant: str, project: str, p: P, a: A) -> PolicyBody:
    return PolicyBody(policy=await call(service.get_guardrail_policy, p, a, f"{tenant}/{project}"))


@router.post("/keys", response_model=CreatedKey, status_code=201, summary="Create an API key (shown once)")
async def create_key(body: KeyCreate, p: P, a: A) -> CreatedKey:
    return await call(key_service.create_key, p, a, body)


@router.get("/keys", summary="List API keys (never their secrets)")
async def list_keys(p: P, a: A, project: str | None = None) -> Page:
    return Page(data=await call(key_service.list_keys, p, a, project))


@router.post("/keys/{key_id}/revoke", response_model=KeyView, summary="Revoke a key")
async def revoke_key(key_id: str, p: P, a: A) -> KeyView:
    return await call(key_service.revoke_key, p, a, key_id)


@router.post("/keys/{key_id}/rotate", response_model=CreatedKey, summary="Rotate a key with an overlap")
async def rotate_key(key_id: str, body: RotateKey, p: P, a: A) -> CreatedKey:
    return await call(key_service.rotate_key, p, a, key_id, body.overlap)


def _query(project: str | None = None, since: datetime | None = None, action: str | None = None,
           limit: int | None = Query(100, ge=1, le=10_000)) -> AuditQuery:
    return AuditQuery(project=project, since=since, action=action, limit=limit)


Q = Annotated[AuditQuery, Depends(_query)]


@router.get("/audit", summary="Audit records, newest first (the read is audited)")
async def audit_list(q: Q, p: P, a: A) -> Page:
    rows: list[AuditRecordView] = await call(audit_service.list_records, p, a, q)
    return Page(data=rows)


@router.get("/audit/export", summary="Audit records as JSON lines, oldest first (audited)")
async def audit_export(q: Q, p: P, a: A) -> StreamingResponse:
    lines = await call(audit_service.export_records, p, a, q)
    return StreamingResponse(iterate_in_threadpool(lines), media_type="application/x-ndjson")


@router.get("/audit/verify", summary="Verify the hash chain and the signed checkpoints")
async def audit_verify(p: P, a: A) -> dict:
    report = await call(audit_service.verify_log, p, a)
    return report.as_dict()
