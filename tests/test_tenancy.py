"""Tenants, projects and grants through the service layer, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from aikojo.errors import Conflict, Forbidden, InvalidInput, NotFound
from aikojo.tenancy import service
from aikojo.tenancy.roles import Actor, Role
from aikojo.tenancy.views import ProjectCreate, ProjectUpdate


def _actions(p) -> list[str]:
    from sqlalchemy import select

    from aikojo.db.models import AuditRecord

    with p.store.read() as s:
        return list(s.execute(select(AuditRecord.action).order_by(AuditRecord.seq)).scalars())


def test_new_project_gets_the_default_models_and_its_limits(platform, admin):
    service.create_tenant(platform, admin, "acme")
    view = service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims", rpm=60, tpm=10_000,
                                                                 max_concurrent=4, priority=5))
    assert view.path == "acme/claims"
    assert view.models == ["demo"]
    assert (view.rpm, view.tpm, view.max_concurrent, view.priority) == (60, 10_000, 4, 5)
    assert service.get_project(platform, admin, "acme/claims") == view


def test_models_option_replaces_the_default_grants(platform, admin):
    service.create_tenant(platform, admin, "acme")
    view = service.create_project(platform, admin, ProjectCreate(tenant="acme", name="x", models=["a", "b", "a"]))
    assert view.models == ["a", "b"]


def test_duplicate_tenant_is_refused_and_nothing_changes(platform, admin):
    service.create_tenant(platform, admin, "acme")
    before = _actions(platform)
    with pytest.raises(Conflict, match="already exists"):
        service.create_tenant(platform, admin, "acme")
    assert [t.name for t in service.list_tenants(platform, admin)] == ["acme"]
    assert _actions(platform) == before


def test_duplicate_project_is_refused(platform, admin):
    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims"))
    with pytest.raises(Conflict):
        service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims"))


@pytest.mark.parametrize("bad", ["Acme", "-acme", "acme-", "a_b", "", "a" * 64, "日本", "a b"])
def test_bad_names_are_rejected_with_the_rule(platform, admin, bad):
    with pytest.raises(InvalidInput, match="lowercase letters"):
        service.create_tenant(platform, admin, bad)


def test_unknown_tenant_and_project_are_not_found(platform, admin):
    with pytest.raises(NotFound, match="tenant 'nope'"):
        service.create_project(platform, admin, ProjectCreate(tenant="nope", name="x"))
    service.create_tenant(platform, admin, "acme")
    with pytest.raises(NotFound, match="project 'acme/nope'"):
        service.get_project(platform, admin, "acme/nope")


def test_update_changes_only_given_fields_and_records_before_and_after(platform, admin):
    import json

    from sqlalchemy import select

    from aikojo.db.models import AuditRecord

    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims", rpm=60, tpm=1000))
    view = service.update_project(platform, admin, "acme/claims", ProjectUpdate(rpm=120, models=["demo", "big"]))
    assert (view.rpm, view.tpm, view.models) == (120, 1000, ["demo", "big"])
    view = service.update_project(platform, admin, "acme/claims", ProjectUpdate(tpm=None))
    assert view.tpm is None and view.rpm == 120
    with platform.store.read() as s:
        rec = s.execute(select(AuditRecord).where(AuditRecord.action == "project.update")
                        .order_by(AuditRecord.seq)).scalars().first()
        details = json.loads(rec.details)
    assert details["before"]["rpm"] == 60 and details["after"]["rpm"] == 120


def test_grant_and_revoke_one_adapter(platform, admin):
    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims"))
    view = service.grant(platform, admin, "acme/claims", "claims-extractor", kind="adapter")
    assert view.adapters == ["claims-extractor"]
    view = service.grant(platform, admin, "acme/claims", "claims-extractor", kind="adapter", revoke=True)
    assert view.adapters == []
    with pytest.raises(NotFound):
        service.grant(platform, admin, "acme/claims", "claims-extractor", kind="adapter", revoke=True)


def test_tenant_with_projects_needs_cascade_to_delete(platform, admin):
    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims"))
    with pytest.raises(Conflict, match="--cascade"):
        service.delete_tenant(platform, admin, "acme")
    service.delete_tenant(platform, admin, "acme", cascade=True)
    assert service.list_tenants(platform, admin) == []
    with pytest.raises(NotFound):
        service.get_project(platform, admin, "acme/claims")


def test_every_change_is_audited_once(platform, admin):
    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims"))
    service.update_project(platform, admin, "acme/claims", ProjectUpdate(rpm=5))
    service.delete_tenant(platform, admin, "acme", cascade=True)
    assert _actions(platform)[1:] == ["tenant.create", "project.create", "project.update", "tenant.delete"]


def test_non_admin_roles_cannot_change_tenancy(platform, admin):
    service.create_tenant(platform, admin, "acme")
    for role in (Role.USER, Role.AUDITOR, Role.PROJECT_ADMIN):
        actor = Actor(principal="key:kid_x", role=role, tenant="acme", project="claims", project_id=999)
        with pytest.raises(Forbidden):
            service.create_tenant(platform, actor, "other")
        with pytest.raises(Forbidden):
            service.create_project(platform, actor, ProjectCreate(tenant="acme", name="p2"))
