"""Names of tenants and projects.

Charset and length: 1–63 characters of lowercase ASCII letters, digits and ``-``, starting and ending with a
letter or digit (a DNS label), because a tenant becomes a Kubernetes namespace and a project a URL path
segment. Model and adapter names may also contain ``.`` and ``_`` (e.g. ``qwen2.5-1.5b``), up to 128.
"""

from __future__ import annotations

import re

from aikojo.errors import InvalidInput

NAME_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
MODEL_NAME_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?$")
NAME_RULE = "1–63 lowercase letters, digits or '-', starting and ending with a letter or digit"


def check_name(kind: str, name: str) -> str:
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise InvalidInput(f"invalid {kind} name {name!r}: use {NAME_RULE}", param=kind)
    return name


def check_model_name(name: str) -> str:
    if not MODEL_NAME_RE.match(name or ""):
        raise InvalidInput(
            f"invalid model name {name!r}: use letters, digits, '.', '_', '-' or '/' (up to 128 characters)",
            param="models")
    return name


def split_project_path(path: str) -> tuple[str, str]:
    """``TENANT/PROJECT`` → (tenant, project), both validated."""
    tenant, sep, project = (path or "").partition("/")
    if not sep:
        raise InvalidInput(f"expected TENANT/PROJECT, got {path!r} (for example acme/claims)", param="project")
    return check_name("tenant", tenant), check_name("project", project)
