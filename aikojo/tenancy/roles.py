"""Roles and the caller identity every service operation is authorised against.

* ``admin`` — the platform operator: everything.
* ``project-admin`` — manages keys of its own project and reads its project's audit records and usage.
* ``user`` — inference only.
* ``auditor`` — read-only: the audit log and usage (platform-wide, or of its project when scoped).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from aikojo.errors import Forbidden, InvalidInput


class Role(StrEnum):
    ADMIN = "admin"
    PROJECT_ADMIN = "project-admin"
    USER = "user"
    AUDITOR = "auditor"

    @classmethod
    def parse(cls, value: str) -> Role:
        try:
            return cls(value)
        except ValueError:
            raise InvalidInput(f"unknown role {value!r}: use one of {', '.join(r.value for r in cls)}",
                               param="role")


@dataclass(frozen=True)
class Actor:
    """Who is acting: ``key:<id>`` for API callers, ``local:<os-user>`` for the local CLI."""

    principal: str
    role: Role
    tenant: str | None = None  # scope of a project-bound key
    project: str | None = None
    project_id: int | None = None
    key_id: str | None = None
    request_id: str | None = None

    @classmethod
    def local(cls) -> Actor:
        try:
            user = getpass.getuser()
        except Exception:  # pragma: no cover - no passwd entry in some containers
            user = "unknown"
        return cls(principal=f"local:{user}", role=Role.ADMIN)

    @property
    def project_path(self) -> str | None:
        return f"{self.tenant}/{self.project}" if self.project else None

    def require_admin(self, what: str) -> None:
        if self.role != Role.ADMIN:
            raise Forbidden(f"{what} needs the admin role; this key has role '{self.role}'")

    def require_project_admin(self, project_id: int, what: str) -> None:
        """Admins anywhere; project-admins only inside their own project."""
        if self.role == Role.ADMIN:
            return
        if self.role == Role.PROJECT_ADMIN and self.project_id == project_id:
            return
        raise Forbidden(f"{what} needs the admin role, or project-admin of that project")

    def require_audit_reader(self, project_id: int | None) -> None:
        """Admins and platform auditors see everything; project-scoped auditors/project-admins their project."""
        if self.role == Role.ADMIN or (self.role == Role.AUDITOR and self.project_id is None):
            return
        if self.role in (Role.AUDITOR, Role.PROJECT_ADMIN) and self.project_id is not None \
                and project_id == self.project_id:
            return
        raise Forbidden("reading the audit log needs the admin or auditor role (project-scoped roles see "
                        "only their own project: pass --project)")
