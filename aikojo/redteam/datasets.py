"""The training-data section of the report: the poisoning scan of the project's registered datasets.

Datasets belong to the registry (``aikojo.registry.service``) and the scan to the tuning box
(``aikojo.tuning.scans.poisoning_scan``, what ``kojo data check`` runs). A dataset is the project's when one of
the project's tuning runs used it. Each is scanned afresh from its file (the scanner may have improved since it
was registered), or, when the file is gone, its scan stored at registration is reported. Both boxes are imported
lazily: on an installation without them the report says so and is still written.
"""

from __future__ import annotations

from typing import Any


def _scan_file(path: str) -> list[dict[str, Any]] | None:
    from pathlib import Path

    from aikojo.tuning.data import load_dataset
    from aikojo.tuning.scans import poisoning_scan

    if not Path(path).exists():
        return None
    return [i.to_dict() for i in poisoning_scan(load_dataset(path).samples)]


def dataset_scan(project: str | None, settings: Any = None) -> dict[str, Any]:
    """``{"status": "ok", "project", "datasets": [{name, version, source, issues}]}``, or
    ``{"status": "skipped" | "failed", "project", "note": why}``."""
    if not project:
        return {"status": "skipped", "note": "no project given (--project TENANT/PROJECT)"}
    try:
        from aikojo.registry import service as registry
        from aikojo.tuning import scans  # noqa: F401  (fail early, before opening the store, if it is absent)
    except ImportError as exc:
        return {"status": "skipped", "project": project,
                "note": f"the registry or tuning box is not installed ({exc.__class__.__name__}: {exc})"}
    if settings is None:
        return {"status": "skipped", "project": project, "note": "no settings to open the store with"}
    from aikojo.platform import open_platform
    from aikojo.tenancy.roles import Actor

    try:
        p = open_platform(settings)
    except Exception as exc:  # the attack report must still be written when the store cannot be opened
        return {"status": "failed", "project": project, "note": f"cannot open the store: {exc}"}
    try:
        actor = Actor.local()
        runs = registry.list_items(p, actor, "runs")
        used = {r["dataset"]["id"] for r in runs if r.get("dataset") and r.get("project") in
                (project, project.split("/")[-1])}
        datasets = [d for d in registry.list_items(p, actor, "datasets") if d["id"] in used]
        out = []
        for d in datasets:
            issues = _scan_file(d["path"])
            source = "rescanned"
            if issues is None:
                issues, source = (d.get("scans") or {}).get("poisoning", []), "stored at registration"
            out.append({"name": d["name"], "version": d["version"][:12], "records": d["records"], "source": source,
                        "issues": issues})
    except Exception as exc:
        return {"status": "failed", "project": project, "note": f"{exc.__class__.__name__}: {exc}"}
    finally:
        p.close()
    note = None if out else "no registered dataset is linked to a tuning run of this project"
    return {"status": "ok", "project": project, "datasets": out,
            "issues": sum(len(d["issues"]) for d in out), **({"note": note} if note else {})}
