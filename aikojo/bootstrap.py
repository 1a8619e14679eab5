"""``kojo init``: everything a fresh installation needs, idempotent so it doubles as an upgrade."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from aikojo.audit.chain import AuditEntry
from aikojo.db.models import ApiKey
from aikojo.db.store import masked_url
from aikojo.platform import open_platform, prepare_home
from aikojo.settings import Settings
from aikojo.tenancy import keys as keymat
from aikojo.tenancy.roles import Actor, Role


def initialise(settings: Settings, *, install_demo: bool = True) -> dict[str, Any]:
    home = prepare_home(settings)
    p = open_platform(settings, migrate=True)
    actor = Actor.local()
    result: dict[str, Any] = {"home": str(home), "database": masked_url(settings.db_url), "admin_key": None}
    try:
        with p.store.write() as s:
            has_admin = s.execute(select(ApiKey.id).where(ApiKey.role == Role.ADMIN.value)).first()
            if not has_admin:
                raw, prefix, digest = keymat.new_key()
                row = ApiKey(id=keymat.new_key_id(), prefix=prefix, secret_hash=digest, role=Role.ADMIN.value,
                             name="bootstrap admin", created_by=actor.principal)
                s.add(row)
                result["admin_key"] = raw
                result["admin_key_id"] = row.id
            p.audit.record(s, AuditEntry(actor=actor.principal, action="platform.init", target=f"home:{home}",
                                         details={"bootstrap_admin_key": result.get("admin_key_id")}))
    finally:
        p.close()
    if install_demo:
        result["demo_model"] = _install_demo(settings)
    return result


def _install_demo(settings: Settings) -> str | None:
    """Copy the committed demo model into KOJO_HOME/models/demo (no download, no training)."""
    try:
        from aikojo.serving.loading import ModelLoadError, install_demo_model
    except ImportError:  # serving not installed in this build
        return None
    dest = settings.models_dir / "demo"
    if (dest / "config.json").exists():
        return str(dest)
    try:  # never train during init: that is `kojo models init-demo`'s job
        return str(install_demo_model(dest, build_if_missing=False))
    except ModelLoadError:
        return None
