"""The control-plane store: migrations, dialect behaviour, settings, clear errors."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from aikojo.db.models import Base
from aikojo.db.store import Store, masked_url
from aikojo.errors import HomeNotInitialised, InvalidInput, StoreUnavailable


def test_migrations_create_exactly_the_models(platform):
    with platform.store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree; write a migration: {diff}"


def test_migrating_twice_is_harmless(platform):
    platform.store.migrate()
    platform.store.check_migrated()


def test_sqlite_runs_in_wal_mode_with_full_sync(sqlite_platform):
    with sqlite_platform.store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_an_unmigrated_database_asks_for_init(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(HomeNotInitialised, match="kojo init"):
        store.check_migrated()


def test_an_unreachable_server_is_a_clear_error_with_the_password_masked():
    store = Store("postgresql+psycopg://kojo:topsecret@127.0.0.1:1/kojo?connect_timeout=2")
    with pytest.raises(StoreUnavailable) as info:
        store.ping()
    assert "topsecret" not in info.value.message and "***" in info.value.message


def test_masked_url_hides_only_the_password():
    assert masked_url("postgresql+psycopg://u:p%40ss@db:5432/k") == "postgresql+psycopg://u:***@db:5432/k"


def test_settings_read_yaml_and_env_with_env_winning(tmp_path, monkeypatch):
    from aikojo.settings import load_settings

    cfg = tmp_path / "kojo.yaml"
    cfg.write_text("default_models: [demo, big]\nport: 9000\n")
    monkeypatch.setenv("KOJO_CONFIG", str(cfg))
    monkeypatch.setenv("KOJO_PORT", "9100")
    s = load_settings(home=tmp_path / "h")
    assert s.default_models == ["demo", "big"] and s.port == 9100
    assert s.db_url == f"sqlite:///{tmp_path / 'h' / 'kojo.db'}"


def test_unknown_yaml_setting_suggests_the_closest(tmp_path, monkeypatch):
    from aikojo.settings import load_settings

    cfg = tmp_path / "kojo.yaml"
    cfg.write_text("defualt_models: [demo]\n")
    monkeypatch.setenv("KOJO_CONFIG", str(cfg))
    with pytest.raises(InvalidInput, match="did you mean 'default_models'"):
        load_settings()


def test_bad_setting_value_names_the_field(monkeypatch):
    from aikojo.settings import load_settings

    monkeypatch.setenv("KOJO_PORT", "eighty")
    with pytest.raises(InvalidInput, match="port"):
        load_settings()
