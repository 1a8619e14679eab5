"""``/admin/jobs`` and ``/admin/quotas``: the factory's service operations over HTTP (same authorisation and
audit as the CLI)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from aikojo.factory import service
from aikojo.factory.service import JobView, Submission, UsageView
from aikojo.gateway.admin_api import A, P, Page, call

router = APIRouter(prefix="/admin", tags=["factory"])


class JobSubmit(BaseModel):
    project: str = Field(description="TENANT/PROJECT")
    recipe: str = Field(description="recipe YAML")
    overrides: list[str] = Field(default_factory=list, description="key.sub=value")
    priority: int | None = None
    processes: int = Field(1, ge=1, le=64)
    gpus: int = Field(0, ge=0, le=64)
    executor: str = Field("local", pattern="^(local|kubeflow)$")


class QuotaSet(BaseModel):
    max_concurrent_jobs: int | None = Field(None, ge=0)
    cpu_hours: float | None = Field(None, ge=0)
    gpu_hours: float | None = Field(None, ge=0)
    period_hours: float = Field(24 * 30, gt=0)
    max_priority: int | None = Field(None, ge=0, le=100)


def _submit(p, a, body: JobSubmit) -> JobView:
    import yaml

    from aikojo.errors import InvalidInput
    from aikojo.factory import recipe_for_queue

    service.authorise_submit(p, a, body.project)
    try:
        data = yaml.safe_load(body.recipe) or {}
    except yaml.YAMLError as exc:
        raise InvalidInput(f"recipe: not valid YAML ({str(exc).splitlines()[0]})", param="recipe")
    if not isinstance(data, dict):
        raise InvalidInput("recipe: expected a mapping of recipe fields", param="recipe")
    text, name, method = recipe_for_queue(data, body.overrides)
    return service.submit(p, a, Submission(project=body.project, recipe_yaml=text, name=name, method=method,
                                           processes=body.processes, gpus=body.gpus, priority=body.priority,
                                           executor=body.executor))


@router.post("/jobs", response_model=JobView, status_code=201, summary="Queue a tuning job")
async def submit_job(body: JobSubmit, p: P, a: A) -> JobView:
    return await call(_submit, p, a, body)


@router.get("/jobs", summary="Jobs visible to the caller, newest first")
async def list_jobs(p: P, a: A, project: str | None = None, status: str | None = None) -> Page:
    return Page(data=await call(service.list_jobs, p, a, project=project, status=status))


@router.get("/jobs/usage", summary="Quota usage per tenant and project")
async def job_usage(p: P, a: A, project: str | None = None) -> Page:
    return Page(data=await call(service.usage, p, a, project))


@router.get("/jobs/{job_id}", response_model=JobView, summary="One job")
async def get_job(job_id: str, p: P, a: A) -> JobView:
    return await call(service.get_job, p, a, job_id)


@router.post("/jobs/{job_id}/cancel", response_model=JobView, summary="Cancel a job (running jobs checkpoint first)")
async def cancel_job(job_id: str, p: P, a: A) -> JobView:
    return await call(service.cancel, p, a, job_id)


@router.put("/quotas/{scope:path}", response_model=UsageView, summary="Set a tenant or project quota")
async def set_quota(scope: str, body: QuotaSet, p: P, a: A) -> UsageView:
    return await call(service.set_quota, p, a, scope, **body.model_dump())




class DeployRequest(BaseModel):
    adapter: str = Field(description="NAME, NAME@N or NAME@alias")
    project: str = Field(description="TENANT/PROJECT")


class RollbackRequest(BaseModel):
    adapter: str = Field(description="NAME")
    project: str = Field(description="TENANT/PROJECT")


def _deploy(p, a, body: DeployRequest):
    from aikojo.factory.deploy import deploy_adapter

    return deploy_adapter(p, a, body.adapter, body.project)


def _rollback(p, a, body: RollbackRequest):
    from aikojo.factory.deploy import rollback

    return rollback(p, a, body.adapter, body.project)


@router.post("/deployments", status_code=201, summary="Deploy an adapter version to a project (audited)")
async def deploy(body: DeployRequest, p: P, a: A) -> dict:
    return (await call(_deploy, p, a, body)).model_dump()


@router.post("/deployments/rollback", summary="Back to the adapter version deployed before (audited)")
async def rollback_deployment(body: RollbackRequest, p: P, a: A) -> dict:
    return (await call(_rollback, p, a, body)).model_dump()


class PromoteRequest(BaseModel):
    ref: str = Field(description="name@N (or name for the newest version)")
    alias: str = Field(description="e.g. production")


def _registry():
    from aikojo.registry import service as registry

    return registry


@router.get("/registry/{kind}", summary="Registered datasets, runs, adapters or prompts")
async def registry_list(kind: str, p: P, a: A, name: str | None = None) -> Page:
    return Page(data=await call(_registry().list_items, p, a, kind, name))


@router.get("/registry/item/{ref}", summary="One registry entry (name, name@N, name@alias, run id, dataset)")
async def registry_show(ref: str, p: P, a: A) -> dict:
    return await call(_registry().show, p, a, ref)


@router.get("/registry/lineage/{ref}", summary="dataset → run → adapter → aliases and deployments")
async def registry_lineage(ref: str, p: P, a: A) -> dict:
    return await call(_registry().lineage, p, a, ref)


@router.post("/registry/promote", summary="Point name@alias at a version (audited)")
async def registry_promote(body: PromoteRequest, p: P, a: A) -> dict:
    return await call(_registry().promote, p, a, body.ref, body.alias)
