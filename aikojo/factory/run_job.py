"""The process that runs one job: ``python -m aikojo.factory.run_job JOB_ID`` (the local worker starts it;
with several processes it runs under ``torchrun``; on Kubernetes it is the TrainJob's command).

It heartbeats while it runs, resumes from the newest checkpoint in the job's output folder, stops cleanly on
SIGTERM (checkpoint saved → status cancelled), and records the result. Only rank 0 touches the database."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_CANCELLED = 0, 1, 3


def latest_checkpoint(output_dir: Path) -> Path | None:
    found = sorted((p for p in output_dir.glob("**/checkpoint-*") if p.is_dir()),
                   key=lambda p: int(p.name.rsplit("-", 1)[1]) if p.name.rsplit("-", 1)[1].isdigit() else -1)
    return found[-1] if found else None


def _set(p, job_id: str, **values) -> None:
    from sqlalchemy import update

    from aikojo.factory.models import Job

    with p.store.write() as s:
        s.execute(update(Job).where(Job.id == job_id).values(**values))


def _heartbeat(p, job_id: str, stop: threading.Event, every_s: float = 5.0) -> None:
    while not stop.wait(every_s):
        try:
            _set(p, job_id, heartbeat_at=datetime.now(UTC), pid=os.getpid())
        except Exception:  # a missed beat is not fatal; the next one may get through
            pass


def _run_sharded(recipe, output_dir: Path, stop_requested: threading.Event):
    """A full fine-tune over several processes: FSDP2 (``aikojo.tuning.fsdp``) — every rank holds a shard. It
    resumes from its sharded checkpoints; the gathered model is saved by rank 0 under ``model/``."""
    import argparse
    from types import SimpleNamespace

    from aikojo.tuning import fsdp

    t = recipe.train
    args = argparse.Namespace(model=recipe.base_model, data=str(recipe.data.path), out=str(output_dir / "fsdp"),
                              steps=t.max_steps, batch_size=t.batch_size, lr=t.learning_rate,
                              max_length=recipe.data.max_length, save_steps=t.save_steps, seed=recipe.seed)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    report = fsdp.train(args)
    if report["stopped"]:
        stop_requested.set()
    losses = report["losses"]
    metrics = {"train_loss_first": losses[0] if losses else None, "train_loss_last": losses[-1] if losses else None}
    return SimpleNamespace(run_id=f"fsdp-{output_dir.name}", method="full", adapter=None, metrics_before={},
                           metrics_after=metrics, primary_metric="train_loss_last",
                           model_path=str(Path(args.out) / "model"), sharding=report)


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python -m aikojo.factory.run_job JOB_ID", file=sys.stderr)
        return 2
    job_id = args[0]
    rank = int(os.environ.get("RANK", "0"))
    stop_requested = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop_requested.set())
    signal.signal(signal.SIGINT, lambda *_: stop_requested.set())

    from aikojo.audit.chain import AuditEntry
    from aikojo.factory.models import Job
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy.roles import Actor, Role

    settings = load_settings()
    p = open_platform(settings)
    with p.store.read() as s:
        job = s.get(Job, job_id)
        if job is None:
            print(f"job {job_id} does not exist", file=sys.stderr)
            return 2
        recipe_yaml, submitted_by = job.recipe, job.submitted_by
        tenant, project = job.tenant, job.project
    output_dir = Path(settings.home) / "jobs" / job_id
    output_dir.mkdir(parents=True, exist_ok=True)
    resume = latest_checkpoint(output_dir)
    beat_stop = threading.Event()
    if rank == 0:
        _set(p, job_id, output_dir=str(output_dir), pid=os.getpid(), heartbeat_at=datetime.now(UTC))
        threading.Thread(target=_heartbeat, args=(p, job_id, beat_stop), daemon=True).start()
        print(f"[kojo] job {job_id} starting (resume from {resume or 'scratch'})", flush=True)
    # The job acts with the identity of whoever submitted it, scoped to its project.
    actor = Actor(principal=submitted_by, role=Role.ADMIN if submitted_by.startswith("local:") else Role.USER,
                  tenant=tenant, project=project, request_id=job_id)
    try:
        import yaml

        from aikojo.tuning.runner import load_recipe, run_recipe

        recipe = load_recipe(yaml.safe_load(recipe_yaml))
        if int(os.environ.get("WORLD_SIZE", "1")) > 1 and recipe.method == "full":
            result = _run_sharded(recipe, output_dir, stop_requested)
        else:
            result = run_recipe(recipe, platform=p, actor=actor, output_dir=output_dir, resume_from=resume,
                                progress=False, job_id=job_id, should_stop=stop_requested.is_set)
    except Exception as exc:
        traceback.print_exc()
        if rank == 0:
            beat_stop.set()
            reason = f"{type(exc).__name__}: {exc}"[:380]
            _set(p, job_id, status="failed", detail=reason, finished_at=datetime.now(UTC))
            p.audit.write([AuditEntry(actor=submitted_by, action="job.finish", target=f"job:{job_id}",
                                      status="failed", tenant=tenant, project=project, request_id=job_id,
                                      details={"error": reason})])
        p.close()
        return EXIT_FAILED
    beat_stop.set()
    if rank == 0:
        if stop_requested.is_set():
            with p.store.read() as s:
                user_cancel = s.get(Job, job_id).cancel_requested
            if user_cancel:
                _set(p, job_id, status="cancelled", detail="stopped on request; checkpoint saved",
                     finished_at=datetime.now(UTC))
                status = "cancelled"
            else:  # stopped with its worker (shutdown): back to the queue, resumes from the checkpoint
                _set(p, job_id, status="queued", detail="stopped with its worker; will resume from its checkpoint",
                     worker=None, pid=None)
                status = "requeued"
        else:
            payload = {"run_id": result.run_id, "method": result.method, "adapter": result.adapter,
                       "metrics_before": result.metrics_before, "metrics_after": result.metrics_after,
                       "primary_metric": result.primary_metric}
            _set(p, job_id, status="succeeded", detail=None, finished_at=datetime.now(UTC),
                 result=json.dumps(payload, default=str))
            status = "succeeded"
        p.audit.write([AuditEntry(actor=submitted_by, action="job.finish", target=f"job:{job_id}", status=status,
                                  tenant=tenant, project=project, request_id=job_id,
                                  details={"adapter": getattr(result, "adapter", None)})])
        print(f"[kojo] job {job_id} {status}", flush=True)
    p.close()
    return EXIT_CANCELLED if stop_requested.is_set() else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
