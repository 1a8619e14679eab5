"""How the CLI reaches the service layer: on the local store as ``local:<os-user>``, or on a remote gateway's
admin API when ``KOJO_URL`` and ``KOJO_API_KEY`` are set. One Protocol, two sibling implementations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import httpx

from aikojo import errors
from aikojo.audit.chain import VerifyReport
from aikojo.audit.service import AuditQuery, AuditRecordView
from aikojo.settings import Settings
from aikojo.tenancy.views import (
    CreatedKey,
    KeyCreate,
    KeyView,
    ProjectCreate,
    ProjectUpdate,
    ProjectView,
    TenantView,
)


class Operator(Protocol):
    def create_tenant(self, name: str) -> TenantView: ...
    def list_tenants(self) -> list[TenantView]: ...
    def delete_tenant(self, name: str, cascade: bool) -> TenantView: ...
    def create_project(self, req: ProjectCreate) -> ProjectView: ...
    def list_projects(self, tenant: str | None) -> list[ProjectView]: ...
    def get_project(self, path: str) -> ProjectView: ...
    def update_project(self, path: str, req: ProjectUpdate) -> ProjectView: ...
    def grant(self, path: str, name: str, kind: str, revoke: bool) -> ProjectView: ...
    def set_policy(self, path: str, policy_yaml: str | None) -> ProjectView: ...
    def get_policy(self, path: str) -> str | None: ...
    def create_key(self, req: KeyCreate) -> CreatedKey: ...
    def list_keys(self, project: str | None) -> list[KeyView]: ...
    def revoke_key(self, key_id: str) -> KeyView: ...
    def rotate_key(self, key_id: str, overlap: str) -> CreatedKey: ...
    def audit_list(self, q: AuditQuery) -> list[AuditRecordView]: ...
    def audit_export(self, q: AuditQuery) -> Iterator[str]: ...
    def audit_verify(self) -> VerifyReport: ...
    def submit_job(self, body: dict) -> Any: ...
    def list_jobs(self, project: str | None, status: str | None) -> list[Any]: ...
    def get_job(self, job_id: str) -> Any: ...
    def cancel_job(self, job_id: str) -> Any: ...
    def job_usage(self, project: str | None) -> list[Any]: ...
    def set_quota(self, scope: str, limits: dict) -> Any: ...
    def close(self) -> None: ...


class LocalOperator:
    """Calls the service functions directly on the local store."""

    def __init__(self, settings: Settings) -> None:
        from aikojo.platform import open_platform
        from aikojo.tenancy.roles import Actor

        self.p = open_platform(settings)
        self.actor = Actor.local()

    def __getattr__(self, name: str) -> Any:
        from aikojo.audit import service as audit_service
        from aikojo.factory import service as factory_service
        from aikojo.tenancy import key_service, service

        table = {
            "create_tenant": service.create_tenant, "list_tenants": service.list_tenants,
            "delete_tenant": lambda p, a, name, cascade: service.delete_tenant(p, a, name, cascade=cascade),
            "create_project": service.create_project, "list_projects": service.list_projects,
            "get_project": service.get_project, "update_project": service.update_project,
            "grant": lambda p, a, path, name, kind, revoke: service.grant(p, a, path, name, kind=kind, revoke=revoke),
            "set_policy": service.set_guardrail_policy, "get_policy": service.get_guardrail_policy,
            "create_key": key_service.create_key, "list_keys": key_service.list_keys,
            "revoke_key": key_service.revoke_key, "rotate_key": key_service.rotate_key,
            "audit_list": audit_service.list_records, "audit_export": audit_service.export_records,
            "audit_verify": audit_service.verify_log,
            "submit_job": _local_submit_job,
            "list_jobs": lambda p, a, project, status: factory_service.list_jobs(p, a, project=project, status=status),
            "get_job": factory_service.get_job, "cancel_job": factory_service.cancel,
            "job_usage": factory_service.usage,
            "set_quota": lambda p, a, scope, limits: factory_service.set_quota(p, a, scope, **limits),
        }
        if name not in table:
            raise AttributeError(name)
        fn = table[name]
        return lambda *args: fn(self.p, self.actor, *args)

    def close(self) -> None:
        self.p.close()


def _local_submit_job(p, actor, body: dict):
    from aikojo.gateway.factory_api import JobSubmit, _submit

    return _submit(p, actor, JobSubmit.model_validate(body))


_ERRORS = {400: errors.InvalidInput, 401: errors.Unauthenticated, 403: errors.Forbidden, 404: errors.NotFound,
           409: errors.Conflict, 413: errors.PayloadTooLarge, 429: errors.InvalidInput,
           503: errors.StoreUnavailable}


class RemoteOperator:
    """The same operations over a gateway's ``/admin`` API; errors come back as the same exception types."""

    def __init__(self, url: str, api_key: str) -> None:
        self.http = httpx.Client(base_url=url.rstrip("/"), headers={"Authorization": f"Bearer {api_key}"},
                                 timeout=60)

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        try:
            resp = self.http.request(method, path, **kw)
        except httpx.HTTPError as exc:
            raise errors.BackendUnavailable(f"cannot reach the gateway at {self.http.base_url} ({exc}); "
                                            "check KOJO_URL")
        if resp.status_code >= 400:
            try:
                err = resp.json()["error"]
                message, param = err["message"], err.get("param")
            except Exception:
                message, param = resp.text[:300], None
            raise _ERRORS.get(resp.status_code, errors.UpstreamError)(message, param=param)
        return resp

    def create_tenant(self, name: str) -> TenantView:
        return TenantView.model_validate(self._call("POST", "/admin/tenants", json={"name": name}).json())

    def list_tenants(self) -> list[TenantView]:
        return [TenantView.model_validate(t) for t in self._call("GET", "/admin/tenants").json()["data"]]

    def delete_tenant(self, name: str, cascade: bool) -> TenantView:
        resp = self._call("DELETE", f"/admin/tenants/{name}", params={"cascade": cascade})
        return TenantView.model_validate(resp.json())

    def create_project(self, req: ProjectCreate) -> ProjectView:
        return ProjectView.model_validate(self._call("POST", "/admin/projects",
                                                     json=req.model_dump(exclude_none=True)).json())

    def list_projects(self, tenant: str | None) -> list[ProjectView]:
        params = {"tenant": tenant} if tenant else {}
        return [ProjectView.model_validate(x) for x in self._call("GET", "/admin/projects", params=params)
                .json()["data"]]

    def get_project(self, path: str) -> ProjectView:
        return ProjectView.model_validate(self._call("GET", f"/admin/projects/{path}").json())

    def update_project(self, path: str, req: ProjectUpdate) -> ProjectView:
        return ProjectView.model_validate(self._call("PATCH", f"/admin/projects/{path}",
                                                     json=req.model_dump(exclude_unset=True)).json())

    def grant(self, path: str, name: str, kind: str, revoke: bool) -> ProjectView:
        body = {"name": name, "kind": kind}
        resp = self._call("POST", f"/admin/projects/{path}/{'revoke' if revoke else 'grant'}", json=body)
        return ProjectView.model_validate(resp.json())

    def set_policy(self, path: str, policy_yaml: str | None) -> ProjectView:
        resp = self._call("PUT", f"/admin/projects/{path}/guardrails", json={"policy": policy_yaml})
        return ProjectView.model_validate(resp.json())

    def get_policy(self, path: str) -> str | None:
        return self._call("GET", f"/admin/projects/{path}/guardrails").json()["policy"]

    def create_key(self, req: KeyCreate) -> CreatedKey:
        return CreatedKey.model_validate(self._call("POST", "/admin/keys", json=req.model_dump(exclude_none=True))
                                         .json())

    def list_keys(self, project: str | None) -> list[KeyView]:
        params = {"project": project} if project else {}
        return [KeyView.model_validate(k) for k in self._call("GET", "/admin/keys", params=params).json()["data"]]

    def revoke_key(self, key_id: str) -> KeyView:
        return KeyView.model_validate(self._call("POST", f"/admin/keys/{key_id}/revoke").json())

    def rotate_key(self, key_id: str, overlap: str) -> CreatedKey:
        return CreatedKey.model_validate(self._call("POST", f"/admin/keys/{key_id}/rotate",
                                                    json={"overlap": overlap}).json())

    def audit_list(self, q: AuditQuery) -> list[AuditRecordView]:
        resp = self._call("GET", "/admin/audit", params=q.model_dump(mode="json", exclude_none=True))
        return [AuditRecordView.model_validate(r) for r in resp.json()["data"]]

    def audit_export(self, q: AuditQuery) -> Iterator[str]:
        params = q.model_dump(mode="json", exclude_none=True)
        yield from (line + "\n" for line in self._call("GET", "/admin/audit/export", params=params).text.splitlines())

    def audit_verify(self) -> VerifyReport:
        data = self._call("GET", "/admin/audit/verify").json()
        return VerifyReport(data["ok"], data["records"], data["checkpoints"], data["first_bad_seq"], data["reason"])

    def submit_job(self, body: dict) -> Any:
        from aikojo.factory.service import JobView

        return JobView.model_validate(self._call("POST", "/admin/jobs", json=body).json())

    def list_jobs(self, project: str | None, status: str | None) -> list[Any]:
        from aikojo.factory.service import JobView

        params = {k: v for k, v in (("project", project), ("status", status)) if v}
        return [JobView.model_validate(j) for j in self._call("GET", "/admin/jobs", params=params).json()["data"]]

    def get_job(self, job_id: str) -> Any:
        from aikojo.factory.service import JobView

        return JobView.model_validate(self._call("GET", f"/admin/jobs/{job_id}").json())

    def cancel_job(self, job_id: str) -> Any:
        from aikojo.factory.service import JobView

        return JobView.model_validate(self._call("POST", f"/admin/jobs/{job_id}/cancel").json())

    def job_usage(self, project: str | None) -> list[Any]:
        from aikojo.factory.service import UsageView

        params = {"project": project} if project else {}
        return [UsageView.model_validate(u) for u in self._call("GET", "/admin/jobs/usage", params=params)
                .json()["data"]]

    def set_quota(self, scope: str, limits: dict) -> Any:
        from aikojo.factory.service import UsageView

        return UsageView.model_validate(self._call("PUT", f"/admin/quotas/{scope}", json=limits).json())

    def close(self) -> None:
        self.http.close()


def make_operator(settings: Settings) -> Operator:
    if settings.url and settings.api_key:
        return RemoteOperator(settings.url, settings.api_key)
    return LocalOperator(settings)
