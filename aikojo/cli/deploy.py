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


@app.command("adapter")
def adapter(spec: str = typer.Argument(..., metavar="NAME[@VERSION|@ALIAS]"),
            project: str = typer.Option(..., "--project", metavar="TENANT/PROJECT"),
            json_out: bool = typer.Option(False, "--json")) -> None:
    """Deploy an adapter version to a project: grant it, point the project's NAME at it, load it on vLLM."""
    _deployment("/admin/deployments", {"adapter": spec, "project": project}, json_out)


@app.command("rollback")
def rollback(name: str = typer.Argument(..., metavar="NAME"),
             project: str = typer.Option(..., "--project", metavar="TENANT/PROJECT"),
             json_out: bool = typer.Option(False, "--json")) -> None:
    """Back to the adapter version deployed to the project before the current one."""
    _deployment("/admin/deployments/rollback", {"adapter": name, "project": project}, json_out)


def _deployment(path: str, body: dict, json_out: bool) -> None:
    """Locally through the service layer, or through the admin API when KOJO_URL/KOJO_API_KEY are set."""
    from aikojo.cli.common import console, emit_json, settings

    s = settings()
    if s.url and s.api_key:
        from aikojo.cli.operator import RemoteOperator

        op = RemoteOperator(s.url, s.api_key)
        try:
            view = op._call("POST", path, json=body).json()
        finally:
            op.close()
    else:
        from aikojo.factory import deploy
        from aikojo.platform import open_platform
        from aikojo.tenancy.roles import Actor

        p = open_platform(s)
        try:
            fn = deploy.rollback if path.endswith("rollback") else deploy.deploy_adapter
            view = fn(p, Actor.local(), body["adapter"], body["project"]).model_dump()
        finally:
            p.close()
    if json_out:
        emit_json(view)
        return
    loaded = f"; loaded on {', '.join(view['loaded_on'])}" if view["loaded_on"] else ""
    console.print(f"{view['served_name']} deployed to {view['project']} (previous: {view['previous']}){loaded}")
