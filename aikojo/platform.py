"""Wires settings into the running parts: the store and the audit log (and, as they are built, the
limits, serving and factory implementations chosen once from settings — never by scattered ``if``s)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aikojo.audit.log import AuditLog
from aikojo.audit.signing import create_secret, create_signing_key, load_secret, load_signer
from aikojo.db.store import Store
from aikojo.errors import HomeNotInitialised
from aikojo.settings import Settings

HOME_MARKER = "kojo-home.txt"


@dataclass
class Platform:
    settings: Settings
    store: Store
    audit: AuditLog

    def close(self) -> None:
        self.audit.close()
        self.store.dispose()

    @property
    def content_hmac_key(self) -> bytes:
        return load_secret(self.settings.hmac_key_path)


def check_home(settings: Settings) -> None:
    home = settings.home
    if not home.exists():
        raise HomeNotInitialised(f"KOJO_HOME {home} does not exist; run `kojo init` (or set KOJO_HOME)")
    if not (home / HOME_MARKER).exists():
        raise HomeNotInitialised(f"{home} is not a kojo home (no {HOME_MARKER}); run `kojo init` there, "
                                 "or point KOJO_HOME at the right folder")


def open_platform(settings: Settings, *, migrate: bool = False) -> Platform:
    """Open an initialised home. ``migrate=True`` (``kojo init``) applies migrations instead of checking."""
    if not migrate:
        check_home(settings)
    store = Store(settings.db_url)
    if migrate:
        store.migrate()
    else:
        store.check_migrated()
    signer = load_signer(settings.signing_key_path)
    audit = AuditLog(store, signer, checkpoint_file=settings.checkpoint_log_path,
                     checkpoint_interval=settings.audit_checkpoint_interval,
                     batch_max=settings.audit_batch_max, batch_wait_ms=settings.audit_batch_wait_ms)
    return Platform(settings=settings, store=store, audit=audit)


def prepare_home(settings: Settings) -> Path:
    """Create KOJO_HOME's folders and the secrets kept outside the database (idempotent)."""
    home = settings.home
    if home.exists() and not home.is_dir():
        raise HomeNotInitialised(f"KOJO_HOME {home} exists but is not a folder; choose another KOJO_HOME")
    for sub in ("keys", "audit", "models", "artifacts/adapters", "artifacts/datasets", "logs", "tracking"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    create_signing_key(settings.signing_key_path)
    create_secret(settings.hmac_key_path)
    (home / HOME_MARKER).write_text("This folder is a kojo home (KOJO_HOME). Keep keys/ secret.\n")
    return home
