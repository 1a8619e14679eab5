"""The ``kojo`` command as a user runs it: a real subprocess in a fresh directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def kojo(cwd: Path, *args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "aikojo.cli.main", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"kojo {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def walkthrough(tmp_path_factory) -> tuple[Path, str, str]:
    """The README's first walk-through: init, tenant, project, key."""
    cwd = tmp_path_factory.mktemp("cli")
    init = kojo(cwd, "init", "--json")
    admin_key = json.loads(init.stdout)["admin_key"]
    kojo(cwd, "tenants", "create", "acme")
    kojo(cwd, "projects", "create", "acme/claims", "--rpm", "60")
    key = kojo(cwd, "keys", "create", "acme/claims").stdout.strip()
    return cwd, admin_key, key


def test_version_and_help(tmp_path):
    assert kojo(tmp_path, "--version").stdout.startswith("kojo ")
    help_text = kojo(tmp_path, "--help").stdout
    for group in ("init", "tenants", "projects", "keys", "audit"):
        assert group in help_text


def test_the_walkthrough_prints_a_usable_key(walkthrough):
    cwd, _, key = walkthrough
    assert key.startswith("sk-kojo-") and "\n" not in key
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy.key_service import authenticate

    p = open_platform(load_settings(home=cwd / ".kojo"))
    try:
        assert authenticate(p, key).project == "claims"
    finally:
        p.close()


def test_raw_keys_appear_nowhere_in_the_database_logs_or_listing(walkthrough):
    cwd, admin_key, key = walkthrough
    listing = kojo(cwd, "keys", "list", "--json").stdout + kojo(cwd, "keys", "list").stdout
    audit = kojo(cwd, "audit", "export").stdout
    home = cwd / ".kojo"
    blobs = [p.read_bytes() for p in home.rglob("*") if p.is_file()]
    for raw in (key, admin_key):
        secret = raw[len("sk-kojo-"):]
        assert secret not in listing and secret not in audit
        assert not any(secret.encode() in b for b in blobs), "a raw key was found in KOJO_HOME"


def test_projects_show_and_update(walkthrough):
    cwd, _, _ = walkthrough
    kojo(cwd, "projects", "update", "acme/claims", "--tpm", "5000", "--max-concurrent", "2", "--priority", "7")
    view = json.loads(kojo(cwd, "projects", "show", "acme/claims", "--json").stdout)
    assert (view["rpm"], view["tpm"], view["max_concurrent"], view["priority"]) == (60, 5000, 2, 7)
    kojo(cwd, "projects", "update", "acme/claims", "--tpm", "none")
    assert json.loads(kojo(cwd, "projects", "show", "acme/claims", "--json").stdout)["tpm"] is None


def test_key_rotate_and_revoke_from_the_cli(walkthrough):
    cwd, _, _ = walkthrough
    created = json.loads(kojo(cwd, "keys", "create", "acme/claims", "--expires", "30d", "--json").stdout)
    rotated = json.loads(kojo(cwd, "keys", "rotate", created["info"]["id"], "--overlap", "1h", "--json").stdout)
    assert rotated["info"]["rotated_from"] == created["info"]["id"]
    kojo(cwd, "keys", "revoke", rotated["info"]["id"])
    states = {k["id"]: k["state"] for k in json.loads(kojo(cwd, "keys", "list", "--json").stdout)}
    assert states[rotated["info"]["id"]] == "revoked" and states[created["info"]["id"]] == "active"


def _store_snapshot(cwd: Path) -> list:
    import sqlite3

    con = sqlite3.connect(cwd / ".kojo" / "kojo.db")
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("tenants", "projects", "project_grants", "api_keys", "audit_records")]
    finally:
        con.close()


@pytest.mark.parametrize(("args", "needle"), [
    (["tenants", "create", "acme"], "already exists"),
    (["tenants", "create", "Bad_Name"], "lowercase"),
    (["projects", "create", "nope/x"], "tenant 'nope' does not exist"),
    (["projects", "create", "acme"], "TENANT/PROJECT"),
    (["keys", "create", "acme/none"], "project 'acme/none' does not exist"),
    (["keys", "create", "acme/claims", "--expires", "soon"], "duration"),
    (["keys", "revoke", "kid_nothere"], "does not exist"),
    (["projects", "update", "acme/claims", "--rpm", "-3"], "must be"),
])
def test_bad_input_gets_one_clear_line_exit_2_and_changes_nothing(walkthrough, args, needle):
    cwd, _, _ = walkthrough
    before = _store_snapshot(cwd)
    proc = kojo(cwd, *args, check=False)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _store_snapshot(cwd) == before


def test_missing_home_says_to_run_init(tmp_path):
    proc = kojo(tmp_path, "tenants", "list", check=False)
    assert proc.returncode == 2 and "kojo init" in proc.stderr


def test_a_corrupt_home_is_reported_not_crashed(tmp_path):
    kojo(tmp_path, "init")
    (tmp_path / ".kojo" / "kojo.db").write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / ".kojo" / f"kojo.db{suffix}").unlink(missing_ok=True)
    proc = kojo(tmp_path, "tenants", "list", check=False)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "kojo.db" in proc.stderr


def test_unreachable_database_error_masks_the_password(tmp_path):
    url = "postgresql+psycopg://kojo:s3cr3t-pw@127.0.0.1:1/kojo"
    proc = kojo(tmp_path, "init", env={"KOJO_DATABASE_URL": url}, check=False)
    assert proc.returncode == 2
    assert "s3cr3t-pw" not in proc.stderr and "***" in proc.stderr


def test_audit_verify_exit_codes(tmp_path):
    kojo(tmp_path, "init")
    kojo(tmp_path, "tenants", "create", "acme")
    assert kojo(tmp_path, "audit", "verify").returncode == 0
    import sqlite3

    con = sqlite3.connect(tmp_path / ".kojo" / "kojo.db")
    con.execute("UPDATE audit_records SET target = 'tenant:evil' WHERE seq = 2")
    con.commit()
    con.close()
    proc = kojo(tmp_path, "audit", "verify", check=False)
    assert proc.returncode == 1 and "record 2" in proc.stderr
