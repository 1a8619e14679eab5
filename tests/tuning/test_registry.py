"""Registry service: idempotent registration, who may do what, and that every change is audited."""

from __future__ import annotations

import pytest

from aikojo.errors import Forbidden
from aikojo.registry import service
from aikojo.tenancy.roles import Actor, Role


def register(p, actor, version: str = "a" * 64) -> dict:
    return service.register_dataset(p, actor, name="claims", version=version, path="/d.jsonl", format="chat",
                                    records=3, stats={"records": 3}, scans={"pii": {}, "poisoning": []})


def audit_actions(p) -> list[str]:
    from sqlalchemy import select

    from aikojo.db.models import AuditRecord

    with p.store.read() as s:
        return list(s.execute(select(AuditRecord.action).order_by(AuditRecord.seq)).scalars())


def test_the_same_dataset_version_registers_once_and_is_audited_once(sqlite_platform, admin):
    first, again = register(sqlite_platform, admin), register(sqlite_platform, admin)
    assert first["id"] == again["id"]
    assert register(sqlite_platform, admin, "b" * 64)["id"] != first["id"]
    assert audit_actions(sqlite_platform).count("registry.dataset.register") == 2


def test_a_project_members_tuning_job_may_register_but_not_promote(sqlite_platform):
    member = Actor(principal="key:k1", role=Role.USER, tenant="acme", project="claims")
    register(sqlite_platform, member)
    with pytest.raises(Forbidden):
        register(sqlite_platform, Actor(principal="key:k2", role=Role.USER), "c" * 64)
    with pytest.raises(Forbidden):
        service.promote(sqlite_platform, member, "x@1", "production")


def test_a_run_is_one_per_job_and_completes_with_its_artifact_in_one_step(sqlite_platform, admin, tmp_path):
    ds = register(sqlite_platform, admin)
    kw = {"name": "p", "method": "prompt", "dataset_id": ds["id"], "base_model": "demo", "base_revision": None,
          "recipe": {}, "environment": {"python": "3.11"}, "output_dir": str(tmp_path), "job_id": "job-1"}
    run = service.start_run(sqlite_platform, admin, **kw)
    assert service.start_run(sqlite_platform, admin, **kw)["id"] == run["id"]
    done = service.finish_run(sqlite_platform, admin, run["id"], status="completed", metrics={"after": {}},
                              artifact=service.ArtifactRecord(kind="prompt", name="p", version=None,
                                                              base_model="demo", path=str(tmp_path),
                                                              template={"system": "s"}))
    assert done["status"] == "completed" and done["artifact"] == "prompt:p@1"
    # completing twice (a restarted job) changes nothing
    assert service.finish_run(sqlite_platform, admin, run["id"], status="failed")["status"] == "completed"
    assert service.promote(sqlite_platform, admin, "p@1", "production")["version"] == 1
    assert service.show(sqlite_platform, admin, "p@production")["template"] == {"system": "s"}
    assert {"registry.run.start", "registry.run.completed", "registry.promote"} <= set(audit_actions(sqlite_platform))
