"""Shared fixtures. Store-backed tests run on SQLite and, when a server answers, on PostgreSQL
(``KOJO_TEST_PG_URL``, default ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``); each PostgreSQL
test gets its own database cloned from a migrated template, so tests never see each other's rows."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

PG_ADMIN_URL = os.environ.get("KOJO_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("KOJO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

_pg_state: dict[str, object] = {}


def _pg_admin_engine():
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})


def postgres_available() -> str | None:
    """None when PostgreSQL answers, else the reason to skip."""
    if "reason" not in _pg_state:
        try:
            from sqlalchemy import text

            with _pg_admin_engine().connect() as conn:
                conn.execute(text("SELECT 1"))
            _pg_state["reason"] = None
        except Exception as exc:  # any driver error means: no server here
            _pg_state["reason"] = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {type(exc).__name__}"
    return _pg_state["reason"]  # type: ignore[return-value]


def _pg_url(dbname: str) -> str:
    from sqlalchemy import make_url

    return make_url(PG_ADMIN_URL).set(database=dbname).render_as_string(hide_password=False)


def new_pg_database() -> str:
    """A fresh, migrated database (cloned from a template migrated once per session)."""
    from sqlalchemy import text

    from aikojo.db.store import Store

    engine = _pg_admin_engine()
    template = _pg_state.get("template")
    if template is None:
        template = f"kojo_tmpl_{uuid.uuid4().hex[:8]}"
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{template}"'))
        st = Store(_pg_url(template))
        st.migrate()
        st.dispose()
        _pg_state["template"] = template
    name = f"kojo_t_{uuid.uuid4().hex[:10]}"
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    _pg_state.setdefault("created", []).append(name)  # type: ignore[union-attr]
    return _pg_url(name)


def pytest_sessionfinish(session, exitstatus) -> None:
    if "template" not in _pg_state:
        return
    from sqlalchemy import text

    try:
        with _pg_admin_engine().connect() as conn:
            for name in [*_pg_state.get("created", []), _pg_state["template"]]:  # type: ignore[misc]
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except Exception:
        pass


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kojo.db'}"
    reason = postgres_available()
    if reason:
        pytest.skip(reason)
    return new_pg_database()


@pytest.fixture
def settings(tmp_path: Path, db_url: str, monkeypatch):
    from aikojo.settings import load_settings

    monkeypatch.delenv("KOJO_URL", raising=False)
    monkeypatch.delenv("KOJO_API_KEY", raising=False)
    return load_settings(home=tmp_path / "home", database_url=db_url)


@pytest.fixture
def sqlite_settings(tmp_path: Path, monkeypatch):
    from aikojo.settings import load_settings

    monkeypatch.delenv("KOJO_URL", raising=False)
    monkeypatch.delenv("KOJO_API_KEY", raising=False)
    return load_settings(home=tmp_path / "home")


def _initialised(settings):
    from aikojo.bootstrap import initialise
    from aikojo.platform import open_platform

    result = initialise(settings, install_demo=False)
    p = open_platform(settings)
    p.bootstrap_admin_key = result["admin_key"]  # type: ignore[attr-defined]
    return p


@pytest.fixture
def platform(settings) -> Iterator:
    p = _initialised(settings)
    yield p
    p.close()


@pytest.fixture
def sqlite_platform(sqlite_settings) -> Iterator:
    p = _initialised(sqlite_settings)
    yield p
    p.close()


@pytest.fixture
def admin():
    from aikojo.tenancy.roles import Actor

    return Actor.local()
