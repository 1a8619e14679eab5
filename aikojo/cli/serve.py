"""``kojo serve``: the gateway under uvicorn (uvloop + httptools where installed), admin routes mounted,
the embedded engine serving the demo model by default."""

from __future__ import annotations

from pathlib import Path

import typer

from aikojo.cli.common import err_console, set_overrides, settings


def command(
    host: str | None = typer.Option(None, "--host", help="bind address (default 127.0.0.1)"),
    port: int | None = typer.Option(None, "--port", help="port (default 8000)"),
    config: Path | None = typer.Option(None, "--config", help="kojo.yaml to read"),
    upstream: list[str] = typer.Option([], "--upstream", metavar="NAME=URL",
                                       help="serve model NAME from an OpenAI-compatible server (repeatable)"),
    engine: str | None = typer.Option(None, "--engine", help="local (default) or none"),
    limits: str | None = typer.Option(None, "--limits", help="memory (default) or redis"),
    log_level: str = typer.Option("warning", "--log-level"),
    workers: int = typer.Option(1, "--workers", min=1,
                                help="gateway processes on one port (needs --limits redis when above 1)"),
) -> None:
    """Run the OpenAI-compatible gateway."""
    import importlib.util
    import os

    import uvicorn

    from aikojo.errors import InvalidInput
    from aikojo.gateway.app import create_app
    from aikojo.settings import UpstreamModel

    if config is not None:
        os.environ["KOJO_CONFIG"] = str(config)
    set_overrides(host=host, port=port, engine=engine, limits_backend=limits)
    s = settings()
    extra = []
    for spec in upstream:
        name, sep, url = spec.partition("=")
        if not sep or not name or not url.startswith(("http://", "https://")):
            raise InvalidInput(f"--upstream {spec!r}: expected NAME=URL, e.g. big=http://vllm:8000/v1")
        extra.append(UpstreamModel(name=name, url=url))
    if extra:
        s = s.model_copy(update={"upstreams": [*s.upstreams, *extra]})
    if s.tracing != "none":  # a missing exporter is one clear error now, not one per worker process later
        from aikojo.gateway.app import tracing_module

        tracing_module(s)
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    if workers > 1:
        # In-process counters would give every worker its own copy of each limit.
        if s.limits_backend != "redis":
            raise InvalidInput("--workers above 1 needs shared limits: add --limits redis (and KOJO_REDIS_URL)",
                               param="workers")
        from aikojo.gateway.app import WORKER_SETTINGS_ENV

        os.environ[WORKER_SETTINGS_ENV] = s.model_dump_json()
        err_console.print(f"kojo gateway on http://{s.host}:{s.port} ({workers} workers; /metrics is per worker)")
        uvicorn.run("aikojo.gateway.app:worker_app", factory=True, workers=workers, host=s.host, port=s.port,
                    loop=loop, http=http, log_level=log_level, access_log=False, timeout_graceful_shutdown=10)
        return
    app = create_app(s)
    err_console.print(f"kojo gateway on http://{s.host}:{s.port} (models: "
                      f"{', '.join(app.state.gateway.router.backends) or 'none'})")
    uvicorn.run(app, host=s.host, port=s.port, loop=loop, http=http, log_level=log_level,
                access_log=False, timeout_graceful_shutdown=10)
