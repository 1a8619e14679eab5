"""``kojo projects create|list|show|update|grant|revoke``."""

from __future__ import annotations

import typer

from aikojo.cli.common import console, emit_json, operator, parse_limit, split_csv, table

app = typer.Typer(help="Projects: model grants and limits, inside a tenant.", no_args_is_help=True)

RPM = typer.Option(None, "--rpm", help="requests per minute ('none' = unlimited)")
TPM = typer.Option(None, "--tpm", help="tokens per minute ('none' = unlimited)")
CONC = typer.Option(None, "--max-concurrent", help="requests in flight ('none' = unlimited)")


def _show(v) -> None:
    table(f"project {v.path}", ["field", "value"], [
        ["models", ", ".join(v.models) or "-"], ["adapters", ", ".join(v.adapters) or "-"],
        ["rpm", v.rpm], ["tpm", v.tpm], ["max concurrent", v.max_concurrent], ["priority", v.priority],
        ["default max_tokens", v.default_max_tokens], ["bodies in audit", v.store_bodies], ["keys", v.keys],
        ["created", f"{v.created_at:%Y-%m-%d %H:%M} by {v.created_by}"]])


@app.command("create")
def create(path: str = typer.Argument(..., metavar="TENANT/PROJECT"),
           models: str | None = typer.Option(None, "--models", help="comma-separated; default: settings"),
           rpm: str | None = RPM, tpm: str | None = TPM, max_concurrent: str | None = CONC,
           priority: int = typer.Option(0, "--priority", min=0, max=100),
           default_max_tokens: int | None = typer.Option(None, "--default-max-tokens", min=1),
           json_out: bool = typer.Option(False, "--json")) -> None:
    """Create a project, granted the default models unless --models says otherwise."""
    from aikojo.tenancy.names import split_project_path
    from aikojo.tenancy.views import ProjectCreate

    tenant, name = split_project_path(path)
    req = ProjectCreate(tenant=tenant, name=name, models=split_csv(models), rpm=parse_limit(rpm, "rpm"),
                        tpm=parse_limit(tpm, "tpm"), max_concurrent=parse_limit(max_concurrent, "max_concurrent"),
                        priority=priority, default_max_tokens=default_max_tokens)
    with operator() as op:
        view = op.create_project(req)
    emit_json(view) if json_out else _show(view)


@app.command("list")
def list_(tenant: str | None = typer.Option(None, "--tenant"), json_out: bool = typer.Option(False, "--json")) -> None:
    """List projects."""
    with operator() as op:
        rows = op.list_projects(tenant)
    if json_out:
        emit_json(rows)
    else:
        table("projects", ["project", "models", "adapters", "rpm", "tpm", "concurrent", "priority", "keys"],
              [[v.path, ",".join(v.models), ",".join(v.adapters), v.rpm, v.tpm, v.max_concurrent, v.priority,
                v.keys] for v in rows])


@app.command("show")
def show(path: str = typer.Argument(..., metavar="TENANT/PROJECT"), json_out: bool = typer.Option(False, "--json")
         ) -> None:
    """Show one project."""
    with operator() as op:
        view = op.get_project(path)
    emit_json(view) if json_out else _show(view)


@app.command("update")
def update(path: str = typer.Argument(..., metavar="TENANT/PROJECT"),
           models: str | None = typer.Option(None, "--models", help="replace the granted models"),
           adapters: str | None = typer.Option(None, "--adapters", help="replace the granted adapters"),
           rpm: str | None = RPM, tpm: str | None = TPM, max_concurrent: str | None = CONC,
           priority: int | None = typer.Option(None, "--priority", min=0, max=100),
           default_max_tokens: int | None = typer.Option(None, "--default-max-tokens", min=1),
           store_bodies: str | None = typer.Option(None, "--store-bodies", help="hash (default) or masked"),
           json_out: bool = typer.Option(False, "--json")) -> None:
    """Change limits or grants; only the options given change."""
    from aikojo.tenancy.views import ProjectUpdate

    given = {"models": split_csv(models), "adapters": split_csv(adapters), "priority": priority,
             "default_max_tokens": default_max_tokens, "store_bodies": store_bodies}
    fields = {k: v for k, v in given.items() if v is not None}
    for name, raw in (("rpm", rpm), ("tpm", tpm), ("max_concurrent", max_concurrent)):
        if raw is not None:
            fields[name] = parse_limit(raw, name)
    with operator() as op:
        view = op.update_project(path, ProjectUpdate(**fields))
    emit_json(view) if json_out else _show(view)


@app.command("grant")
def grant(path: str = typer.Argument(..., metavar="TENANT/PROJECT"), name: str = typer.Argument(...),
          adapter: bool = typer.Option(False, "--adapter", help="NAME is an adapter, not a base model")) -> None:
    """Grant one model (or adapter) to a project."""
    with operator() as op:
        view = op.grant(path, name, "adapter" if adapter else "model", False)
    console.print(f"{view.path}: models {', '.join(view.models) or '-'}; adapters {', '.join(view.adapters) or '-'}")


@app.command("revoke")
def revoke(path: str = typer.Argument(..., metavar="TENANT/PROJECT"), name: str = typer.Argument(...),
           adapter: bool = typer.Option(False, "--adapter")) -> None:
    """Take one model (or adapter) grant away."""
    with operator() as op:
        view = op.grant(path, name, "adapter" if adapter else "model", True)
    console.print(f"{view.path}: models {', '.join(view.models) or '-'}; adapters {', '.join(view.adapters) or '-'}")
