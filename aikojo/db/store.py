"""The control-plane store: one SQLAlchemy engine, SQLite (WAL) by default or PostgreSQL by URL.

The same code runs on both; the only dialect differences live here: SQLite needs ``BEGIN IMMEDIATE`` for
write transactions (a deferred transaction that later upgrades to a write lock fails at once under
contention instead of waiting), PostgreSQL locks rows with ``FOR UPDATE``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from aikojo.errors import HomeNotInitialised, StoreUnavailable

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def masked_url(url: str) -> str:
    """The URL with any password replaced by ***, safe for errors and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - driver hook
            # Let SQLAlchemy, not the driver, emit BEGIN (so we can choose IMMEDIATE).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed audit record survives power loss, as the contract promises.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:  # pragma: no cover - driver hook
            immediate = conn.get_execution_options().get("kojo_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


class Store:
    """Sessions over the control-plane database. ``write()`` for changes, ``read()`` for lookups."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._write = sessionmaker(self.engine.execution_options(kojo_write=True), expire_on_commit=False)
        self._read = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that commits on success and rolls back on any error (nothing half-stored)."""
        with self._guard(), self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._guard(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except (OperationalError, DatabaseError) as exc:
            if isinstance(exc, IntegrityError):
                raise
            raise StoreUnavailable(
                f"database {masked_url(self.url)} is unreachable or refused the operation "
                f"({type(exc.orig).__name__}: {str(exc.orig).strip().splitlines()[0] if exc.orig else exc}); "
                "check KOJO_DATABASE_URL and that the server is running"
            )

    def ping(self) -> None:
        with self._guard(), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    # ---- migrations ---------------------------------------------------------------------------------
    def alembic_config(self) -> Config:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        cfg.attributes["engine"] = self.engine
        return cfg

    def migrate(self) -> None:
        """Apply every pending migration (idempotent)."""
        with self._guard():
            command.upgrade(self.alembic_config(), "head")

    def check_migrated(self) -> None:
        """Raise a clear error unless the schema is at the newest migration."""
        head = ScriptDirectory.from_config(self.alembic_config()).get_current_head()
        try:
            with self._guard(), self.engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
        except SQLAlchemyError as exc:  # pragma: no cover - corrupt file
            raise HomeNotInitialised(f"database {masked_url(self.url)} cannot be read ({exc}); run `kojo init`")
        if current is None:
            raise HomeNotInitialised(f"database {masked_url(self.url)} has no kojo schema; run `kojo init`")
        if current != head:
            raise HomeNotInitialised(
                f"database {masked_url(self.url)} is at migration {current}, this kojo needs {head}; "
                "run `kojo init` to upgrade it"
            )

    def dispose(self) -> None:
        self.engine.dispose()
