"""Setup shared by the factory tests that run real workers against a KOJO_HOME of their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def submit_to_fresh_home(home: Path, recipe: str, overrides: list[str], **submission: Any) -> tuple[Any, Any, Any]:
    """Initialise ``home``, create acme/claims and queue ``recipe`` (a path under the repo) with ``overrides``;
    returns (platform, admin actor, job). The platform's settings carry ``home`` for the worker processes."""
    from aikojo.bootstrap import initialise
    from aikojo.factory import recipe_for_queue, service
    from aikojo.factory.service import Submission
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import service as tenancy
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import ProjectCreate

    settings = load_settings(home=home)
    initialise(settings)
    p = open_platform(settings)
    admin = Actor.local()
    tenancy.create_tenant(p, admin, "acme")
    tenancy.create_project(p, admin, ProjectCreate(tenant="acme", name="claims"))
    text, name, method = recipe_for_queue(REPO / recipe, overrides)
    job = service.submit(p, admin, Submission(project="acme/claims", recipe_yaml=text, name=name, method=method,
                                              **submission))
    return p, admin, job
