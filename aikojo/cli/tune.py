"""``kojo tune RECIPE.yaml [--now] [--json] [overrides…]``: run a tuning recipe in the foreground (``--now``)
or queue it on the factory. Overrides look like ``train.max_steps=10 lora.r=8``."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, datetime
from pathlib import Path

import typer

from aikojo.cli.common import console, settings
from aikojo.errors import InvalidInput


def command(
    recipe: Path = typer.Argument(..., help="recipe YAML (see examples/recipes/)"),
    overrides: list[str] | None = typer.Argument(None, help="key.sub=value overrides, e.g. train.max_steps=10"),
    now: bool = typer.Option(False, "--now", help="run in the foreground instead of queueing a factory job"),
    as_json: bool = typer.Option(False, "--json", help="end with one JSON line: run_id, method, adapter, metrics"),
    output_dir: Path | None = typer.Option(None, "--output-dir", help="default KOJO_HOME/runs/<name>-<time>"),
    resume_from: Path | None = typer.Option(None, "--resume-from", help="an output folder or checkpoint to continue"),
    project: str | None = typer.Option(None, "--project", metavar="TENANT/PROJECT", help="queue: the job's project"),
    priority: int | None = typer.Option(None, "--priority", help="queue: job priority (capped by the project's)"),
) -> None:
    """Tune a model from a recipe: evaluate, train, evaluate again, register and publish the result."""
    from aikojo.tuning.runner import load_recipe

    rec = load_recipe(recipe, overrides=list(overrides or []))
    if not now:
        _queue(recipe, list(overrides or []), project or rec.project, priority, as_json)
        return
    from aikojo.platform import open_platform
    from aikojo.tenancy.roles import Actor
    from aikojo.tuning.runner import run_recipe

    cfg = settings()
    out = output_dir or cfg.home / "runs" / f"{rec.name}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}"
    p = open_platform(cfg)
    try:
        result = run_recipe(rec, platform=p, actor=Actor.local(), output_dir=out, resume_from=resume_from,
                            progress=not as_json)
    finally:
        p.close()
    if not as_json:
        primary = result.primary_metric
        before, after = result.metrics_before.get(primary), result.metrics_after.get(primary)
        change = f"{before:.3f} → {after:.3f}" if before is not None and after is not None else "n/a"
        console.print(f"run [bold]{result.run_id}[/] ({result.method}) {result.status}: {primary} {change}; "
                      f"registered {result.artifact or '-'}; output {result.output_dir}", highlight=False)
    # The JSON summary is always the last line on stdout, so scripts can take `tail -n1`.
    if as_json:
        typer.echo(json.dumps(result.summary(), ensure_ascii=False))


def _queue(recipe: Path, overrides: list[str], project: str | None, priority: int | None, as_json: bool) -> None:
    try:
        factory = importlib.import_module("aikojo.factory")
        service = importlib.import_module("aikojo.factory.service")
    except ModuleNotFoundError:
        raise InvalidInput("the factory job queue is not installed here; run the recipe in the foreground with --now")
    if project is None:
        raise InvalidInput("queueing a job needs its project: pass --project TENANT/PROJECT (or set project: in the "
                           "recipe), or run it now with --now", param="project")
    from aikojo.platform import open_platform
    from aikojo.tenancy.roles import Actor

    recipe_yaml, name, method = factory.recipe_for_queue(recipe, overrides)
    p = open_platform(settings())
    try:
        submit = getattr(factory, "submit", None) or service.submit
        job = submit(p, Actor.local(), service.Submission(project=project, recipe_yaml=recipe_yaml, name=name,
                                                          method=method, priority=priority))
    finally:
        p.close()
    job_id = getattr(job, "id", None) or getattr(job, "job_id", None)
    if as_json:
        typer.echo(json.dumps({"job_id": job_id, "status": getattr(job, "status", "queued")}))
    else:
        console.print(f"queued job [bold]{job_id}[/]; follow it with `kojo jobs logs {job_id} -f`")
