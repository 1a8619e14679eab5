"""``kojo deploy render``: Kubernetes / OpenShift manifests for this installation.

A sub-app with one function per command, so deployment verbs (adapters, rollback) can join it later."""

from __future__ import annotations

from pathlib import Path

import typer

from aikojo.cli.common import console, emit_json

app = typer.Typer(help="Deployment: render Kubernetes/OpenShift manifests, dashboards and alerts.",
                  no_args_is_help=True)


@app.command("render")
def render(
    out_dir: Path = typer.Argument(..., help="folder to write the manifests to (created if missing)"),
    target: str = typer.Option(..., "--target", help="openshift or kubernetes"),
    config_file: Path | None = typer.Option(None, "--config", help="deploy config YAML (tenants, models, images, "
                                                                   "database/redis/upstream endpoints)"),
    from_store: bool | None = typer.Option(
        None, "--from-store/--no-from-store",
        help="add the tenants and projects of the control-plane store (default: on when the config lists none)"),
    host: str | None = typer.Option(None, "--host", help="public host name of the gateway (overrides the config)"),
    json_out: bool = typer.Option(False, "--json", help="print the written files as JSON"),
) -> None:
    """Render per-tenant namespaces (quota, LocalQueue, NetworkPolicies), the gateway, one KServe
    InferenceService per model, a ServiceMonitor, alert rules and the Grafana dashboard."""
    from aikojo.deploy import load_config, with_projects
    from aikojo.deploy import render as do_render
    from aikojo.deploy.config import TARGETS
    from aikojo.errors import InvalidInput

    if target not in TARGETS:
        raise InvalidInput(f"--target {target!r}: use {' or '.join(TARGETS)}", param="target")
    config = load_config(config_file)
    if host:
        config = config.model_copy(update={"gateway": config.gateway.model_copy(update={"host": host})})
    if from_store if from_store is not None else not config.tenants:
        from aikojo.cli.common import operator

        with operator() as op:  # the local store, or a remote gateway when KOJO_URL/KOJO_API_KEY are set
            config = with_projects(config, op.list_projects(None), [t.name for t in op.list_tenants()])
    written = do_render(target, out_dir, config)  # type: ignore[arg-type]
    rels = [str(p.relative_to(out_dir)) for p in written]
    if json_out:
        emit_json({"target": target, "out_dir": str(out_dir), "files": rels,
                   "tenants": [t.name for t in config.tenants], "models": [m.name for m in config.models]})
        return
    console.print(f"rendered {len(rels)} files for [bold]{target}[/] in {out_dir} "
                  f"({len(config.tenants)} tenants, {len(config.models)} models); apply with "
                  f"`{'oc' if target == 'openshift' else 'kubectl'} apply -k {out_dir}`")
    console.print("Create these Secrets first (never rendered): "
                  f"{config.database_secret.name} ({config.database_secret.key}: KOJO_DATABASE_URL), "
                  f"{config.redis_secret.name} ({config.redis_secret.key}: KOJO_REDIS_URL), "
                  f"{config.keys_secret} (audit-signing.pem, content-hmac.key from a kojo home's keys/)")
