"""``kojo worker``: run queued tuning jobs on this machine."""

from __future__ import annotations

import typer

from aikojo.cli.common import err_console, settings


def command(slots: int | None = typer.Option(None, "--slots", help="parallel processes (default: GPUs, or cores/2)"),
            until_idle: bool = typer.Option(False, "--until-idle", help="exit when the queue is empty"),
            poll: float = typer.Option(1.0, "--poll", help="seconds between scheduling rounds"),
            stale_after: float = typer.Option(30.0, "--stale-after", help="heartbeat age that means a job is lost"),
            cluster: bool = typer.Option(False, "--cluster", help="also dispatch executor=kubeflow jobs to Kubernetes")
            ) -> None:
    """Start queued jobs as they fit, recover lost ones, forward cancels."""
    import signal

    from aikojo.factory.worker import LocalWorker
    from aikojo.platform import open_platform

    p = open_platform(settings())
    worker = LocalWorker(p, slots=slots, stale_after_s=stale_after)
    if cluster:
        from aikojo.factory.cluster import ClusterDispatcher
        from aikojo.factory.executors.kubeflow import KubeflowExecutor

        worker.dispatchers.append(ClusterDispatcher(p, KubeflowExecutor(p.settings.kubeflow)))
    err_console.print(f"kojo worker {worker.name}: {worker.slots} slot(s)"
                      f"{' + Kubernetes (Kubeflow)' if cluster else ''}")

    def _stop(*_) -> None:
        worker.stop()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _stop)
    try:
        worker.run(poll_s=poll, until_idle=until_idle)
    finally:
        p.close()
