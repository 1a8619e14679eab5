"""``kojo deploy render`` as a user runs it: from a config file, or with tenants and projects from the store."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from aikojo.cli.main import app
from aikojo.errors import InvalidInput
from tests.deploy.conftest import HERE

runner = CliRunner()


@pytest.fixture
def home_with_projects(tmp_path, monkeypatch):
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import service
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import ProjectCreate

    for var in ("KOJO_URL", "KOJO_API_KEY", "KOJO_CONFIG", "KOJO_HOME"):
        monkeypatch.delenv(var, raising=False)
    settings = load_settings(home=tmp_path / "home")
    initialise(settings, install_demo=False)
    p = open_platform(settings)
    try:
        admin = Actor.local()
        for tenant, project in (("acme", "claims"), ("acme", "hr"), ("initech", "tps")):
            if tenant not in {t.name for t in service.list_tenants(p, admin)}:
                service.create_tenant(p, admin, tenant)
            service.create_project(p, admin, ProjectCreate(tenant=tenant, name=project))
        service.create_tenant(p, admin, "empty")
    finally:
        p.close()
    return settings.home


def test_render_from_a_config_file_prints_the_files(tmp_path, home_with_projects):
    out = tmp_path / "out"
    result = runner.invoke(app, ["--home", str(home_with_projects), "deploy", "render", "--target", "kubernetes",
                                 str(out), "--config", str(HERE / "sample-config.yaml"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["tenants"] == ["acme", "globex"]  # the file lists tenants: the store is not consulted
    assert "models.yaml" in report["files"] and (out / "gateway.yaml").exists()


def test_render_without_a_config_takes_tenants_and_projects_from_the_store(tmp_path, home_with_projects):
    out = tmp_path / "out"
    result = runner.invoke(app, ["--home", str(home_with_projects), "deploy", "render", "--target", "openshift",
                                 str(out), "--host", "kojo.apps.example.com", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["tenants"] == ["acme", "empty", "initech"]
    routes = [d for d in yaml.safe_load_all((out / "gateway.yaml").read_text()) if d and d["kind"] == "Route"]
    assert {r["spec"]["path"] for r in routes} == {"/v1", "/p/acme/claims/v1", "/p/acme/hr/v1",
                                                   "/p/initech/tps/v1"}
    assert (out / "tenants" / "empty.yaml").exists()


def test_from_store_merges_with_the_config_tenants(tmp_path, home_with_projects):
    from aikojo.deploy import from_platform, load_config
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy.roles import Actor

    p = open_platform(load_settings(home=home_with_projects))
    try:
        config = from_platform(load_config(HERE / "sample-config.yaml"), p, Actor.local())
    finally:
        p.close()
    tenants = {t.name: t for t in config.tenants}
    assert set(tenants) == {"acme", "globex", "initech", "empty"}
    assert tenants["acme"].projects == ["claims", "hr", "support"]
    assert tenants["acme"].quota.gpus == 2  # the file's quota is kept


def test_unknown_target_is_refused(tmp_path):
    result = runner.invoke(app, ["deploy", "render", "--target", "nomad", str(tmp_path / "o"),
                                 "--config", str(HERE / "sample-config.yaml")])
    assert isinstance(result.exception, InvalidInput) and "openshift or kubernetes" in str(result.exception)
