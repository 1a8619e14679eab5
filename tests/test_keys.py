"""API keys: format, hash-only storage, expiry, revocation, rotation with overlap, role scoping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from aikojo.db.models import ApiKey
from aikojo.errors import Conflict, Forbidden, InvalidInput, Unauthenticated
from aikojo.tenancy import key_service, service
from aikojo.tenancy.keys import parse_duration
from aikojo.tenancy.roles import Role
from aikojo.tenancy.views import KeyCreate, ProjectCreate


@pytest.fixture
def project(platform, admin):
    service.create_tenant(platform, admin, "acme")
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="claims"))
    return "acme/claims"


def test_key_has_the_documented_format_and_authenticates(platform, admin, project):
    created = key_service.create_key(platform, admin, KeyCreate(project=project))
    assert created.key.startswith("sk-kojo-") and len(created.key) >= len("sk-kojo-") + 32
    actor = key_service.authenticate(platform, created.key)
    assert actor.principal == f"key:{created.info.id}"
    assert (actor.tenant, actor.project, actor.role) == ("acme", "claims", Role.USER)


def test_only_a_hash_and_a_short_prefix_are_stored(platform, admin, project):
    created = key_service.create_key(platform, admin, KeyCreate(project=project))
    with platform.store.read() as s:
        row = s.get(ApiKey, created.info.id)
        columns = [str(getattr(row, c.key)) for c in ApiKey.__table__.columns]
    assert created.key not in " ".join(columns)
    assert row.secret_hash != created.key and len(row.prefix) == 12
    assert created.key[len("sk-kojo-"):] not in " ".join(columns)


@pytest.mark.parametrize("bad", [None, "", "sk-kojo-short", "Bearer x", "sk-other-" + "a" * 40])
def test_missing_or_malformed_keys_are_unauthenticated(platform, bad):
    with pytest.raises(Unauthenticated):
        key_service.authenticate(platform, bad)


def test_a_wrong_secret_with_a_valid_prefix_is_rejected(platform, admin, project):
    created = key_service.create_key(platform, admin, KeyCreate(project=project))
    forged = created.key[:-4] + ("AAAA" if not created.key.endswith("AAAA") else "BBBB")
    with pytest.raises(Unauthenticated, match="invalid API key"):
        key_service.authenticate(platform, forged)


def test_expired_key_is_refused(platform, admin, project):
    created = key_service.create_key(platform, admin, KeyCreate(project=project, expires="1h"))
    assert created.info.expires_at is not None
    with platform.store.write() as s:
        s.execute(update(ApiKey).where(ApiKey.id == created.info.id)
                  .values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    with pytest.raises(Unauthenticated, match="expired"):
        key_service.authenticate(platform, created.key)
    assert key_service.list_keys(platform, admin, project)[0].state == "expired"


def test_revoked_key_is_refused_and_cannot_be_revoked_twice(platform, admin, project):
    created = key_service.create_key(platform, admin, KeyCreate(project=project))
    key_service.revoke_key(platform, admin, created.info.id)
    with pytest.raises(Unauthenticated, match="revoked"):
        key_service.authenticate(platform, created.key)
    with pytest.raises(Conflict):
        key_service.revoke_key(platform, admin, created.info.id)


def test_rotation_keeps_the_old_key_working_for_the_overlap_only(platform, admin, project):
    old = key_service.create_key(platform, admin, KeyCreate(project=project, rpm=10))
    new = key_service.rotate_key(platform, admin, old.info.id, "24h")
    assert new.key != old.key and new.info.rotated_from == old.info.id and new.info.rpm == 10
    assert key_service.authenticate(platform, old.key).key_id == old.info.id  # still inside the overlap
    assert key_service.authenticate(platform, new.key).key_id == new.info.id
    with platform.store.write() as s:  # jump past the overlap
        s.execute(update(ApiKey).where(ApiKey.id == old.info.id)
                  .values(revoked_at=datetime.now(UTC) - timedelta(seconds=1)))
    with pytest.raises(Unauthenticated):
        key_service.authenticate(platform, old.key)
    assert key_service.authenticate(platform, new.key).key_id == new.info.id


def test_last_used_time_is_recorded(platform, admin, project):
    created = key_service.create_key(platform, admin, KeyCreate(project=project))
    assert created.info.last_used_at is None
    key_service.authenticate(platform, created.key)
    with platform.store.read() as s:
        assert s.execute(select(ApiKey.last_used_at).where(ApiKey.id == created.info.id)).scalar_one() is not None


def test_project_admin_manages_keys_of_its_own_project_only(platform, admin, project):
    service.create_project(platform, admin, ProjectCreate(tenant="acme", name="other"))
    padmin = key_service.authenticate(platform, key_service.create_key(
        platform, admin, KeyCreate(project=project, role="project-admin")).key)
    user_key = key_service.create_key(platform, padmin, KeyCreate(project=project))
    assert user_key.info.project == project
    assert {k.project for k in key_service.list_keys(platform, padmin)} == {project}
    with pytest.raises(Forbidden):
        key_service.create_key(platform, padmin, KeyCreate(project="acme/other"))
    with pytest.raises(Forbidden):
        key_service.create_key(platform, padmin, KeyCreate(project=project, role="auditor"))
    other = key_service.create_key(platform, admin, KeyCreate(project="acme/other"))
    with pytest.raises(Forbidden):
        key_service.revoke_key(platform, padmin, other.info.id)


def test_role_and_scope_combinations_are_validated(platform, admin, project):
    with pytest.raises(InvalidInput, match="unknown role"):
        key_service.create_key(platform, admin, KeyCreate(project=project, role="root"))
    with pytest.raises(InvalidInput, match="platform-wide"):
        key_service.create_key(platform, admin, KeyCreate(project=project, role="admin"))
    with pytest.raises(InvalidInput, match="belongs to a project"):
        key_service.create_key(platform, admin, KeyCreate(role="user"))
    auditor = key_service.create_key(platform, admin, KeyCreate(role="auditor"))
    assert auditor.info.project is None


@pytest.mark.parametrize(("text", "seconds"), [("90m", 5400), ("24h", 86400), ("30d", 2592000), ("2w", 1209600)])
def test_durations_parse(text, seconds):
    assert parse_duration(text, field="expires").total_seconds() == seconds


@pytest.mark.parametrize("bad", ["", "30", "0d", "3y", "-1d", "d"])
def test_bad_durations_name_the_field(bad):
    with pytest.raises(InvalidInput, match="expires"):
        parse_duration(bad, field="expires")
