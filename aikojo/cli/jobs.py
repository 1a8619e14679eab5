"""``kojo jobs list|show|logs|cancel|usage|quota``."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from aikojo.cli.common import console, emit_json, operator, table

app = typer.Typer(help="Tuning jobs in the factory queue.", no_args_is_help=True)


@app.command("list")
def list_(project: str | None = typer.Option(None, "--project", metavar="TENANT/PROJECT"),
          status: str | None = typer.Option(None, "--status"), json_out: bool = typer.Option(False, "--json")) -> None:
    """Newest first."""
    with operator() as op:
        rows = op.list_jobs(project, status)
    if json_out:
        emit_json(rows)
        return
    table("jobs", ["id", "project", "name", "method", "status", "priority", "procs", "attempts", "created", "detail"],
          [[j.id, j.project, j.name, j.method, j.status, j.priority, j.processes, j.attempts,
            f"{j.created_at:%m-%d %H:%M}", j.detail] for j in rows])


@app.command("show")
def show(job_id: str, json_out: bool = typer.Option(False, "--json")) -> None:
    """One job, with its result when finished."""
    with operator() as op:
        job = op.get_job(job_id)
    if json_out:
        emit_json(job)
        return
    rows = [[k, v] for k, v in job.model_dump().items() if k != "result"]
    rows += [[f"result.{k}", v] for k, v in (job.result or {}).items()]
    table(f"job {job.id}", ["field", "value"], rows)


@app.command("logs")
def logs(job_id: str, follow: bool = typer.Option(False, "--follow", "-f", help="keep printing until it ends")
         ) -> None:
    """The job's log (local executor)."""
    with operator() as op:
        job = op.get_job(job_id)
        if not job.log_path:
            console.print(f"job {job_id} has no log yet (status {job.status})")
            return
        path, pos = Path(job.log_path), 0
        while True:
            if path.exists():
                with path.open("rb") as fh:
                    fh.seek(pos)
                    chunk = fh.read()
                    pos += len(chunk)
                typer.echo(chunk.decode("utf-8", "replace"), nl=False)
            if not follow or op.get_job(job_id).status not in ("queued", "running"):
                return
            time.sleep(1)


@app.command("cancel")
def cancel(job_id: str) -> None:
    """Cancel a queued job now, or ask a running one to checkpoint and stop."""
    with operator() as op:
        job = op.cancel_job(job_id)
    console.print(f"job {job.id}: {job.status} ({job.detail})")


@app.command("usage")
def usage(project: str | None = typer.Option(None, "--project", metavar="TENANT/PROJECT"),
          json_out: bool = typer.Option(False, "--json")) -> None:
    """Quota usage per tenant and project (CPU/GPU-hours in the quota period, running jobs)."""
    with operator() as op:
        rows = op.job_usage(project)
    if json_out:
        emit_json(rows)
        return
    table("factory usage", ["scope", "running", "max concurrent", "CPU-h used", "CPU-h quota", "GPU-h used",
                            "GPU-h quota", "period h"],
          [[u.scope, u.running_jobs, u.max_concurrent_jobs, u.cpu_hours_used, u.cpu_hours, u.gpu_hours_used,
            u.gpu_hours, u.period_hours] for u in rows])


@app.command("quota")
def quota(scope: str = typer.Argument(..., help="tenant:NAME or project:TENANT/PROJECT"),
          max_concurrent: int | None = typer.Option(None, "--max-concurrent"),
          cpu_hours: float | None = typer.Option(None, "--cpu-hours"),
          gpu_hours: float | None = typer.Option(None, "--gpu-hours"),
          period_hours: float = typer.Option(24 * 30, "--period-hours"),
          max_priority: int | None = typer.Option(None, "--max-priority")) -> None:
    """Set a quota (options not given are unlimited)."""
    with operator() as op:
        u = op.set_quota(scope, {"max_concurrent_jobs": max_concurrent, "cpu_hours": cpu_hours,
                                 "gpu_hours": gpu_hours, "period_hours": period_hours, "max_priority": max_priority})
    console.print(f"quota {u.scope}: max concurrent {u.max_concurrent_jobs}, CPU-h {u.cpu_hours}, "
                  f"GPU-h {u.gpu_hours} per {u.period_hours:g} h")


@app.command("render")
def render(job_id: str, executor: str = typer.Option("kubeflow", "--executor", help="kubeflow"),
           flavour: str = typer.Option("trainjob", "--flavour", help="trainjob (Kubeflow Trainer) or pytorchjob")
           ) -> None:
    """Print the Kubernetes manifest a job would be submitted as."""
    from aikojo.cli.common import settings
    from aikojo.errors import InvalidInput, NotFound
    from aikojo.factory.executors.kubeflow_manifests import render_yaml
    from aikojo.factory.models import Job
    from aikojo.platform import open_platform

    if executor != "kubeflow":
        raise InvalidInput(f"--executor {executor!r}: only kubeflow jobs have a manifest")
    p = open_platform(settings())
    try:
        with p.store.read() as s:
            job = s.get(Job, job_id)
            if job is None:
                raise NotFound(f"job '{job_id}' does not exist; see `kojo jobs list`")
            typer.echo(render_yaml(job, flavour, p.settings.kubeflow))
    finally:
        p.close()
