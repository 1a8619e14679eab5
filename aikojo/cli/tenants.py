"""``kojo tenants create|list|delete``."""

from __future__ import annotations

import typer

from aikojo.cli.common import console, emit_json, operator, table

app = typer.Typer(help="Tenants (organisations); each holds projects.", no_args_is_help=True)


@app.command("create")
def create(name: str = typer.Argument(..., help="1–63 of a-z 0-9 -"),
           json_out: bool = typer.Option(False, "--json")) -> None:
    """Create a tenant."""
    with operator() as op:
        view = op.create_tenant(name)
    emit_json(view) if json_out else console.print(f"tenant [bold]{view.name}[/] created")


@app.command("list")
def list_(json_out: bool = typer.Option(False, "--json")) -> None:
    """List tenants."""
    with operator() as op:
        rows = op.list_tenants()
    if json_out:
        emit_json(rows)
    else:
        table("tenants", ["name", "projects", "created", "by"],
              [[t.name, t.projects, t.created_at.strftime("%Y-%m-%d %H:%M"), t.created_by] for t in rows])


@app.command("delete")
def delete(name: str, cascade: bool = typer.Option(False, "--cascade", help="also delete its projects and keys"),
           json_out: bool = typer.Option(False, "--json")) -> None:
    """Delete a tenant (refused while it has projects, unless --cascade)."""
    with operator() as op:
        view = op.delete_tenant(name, cascade)
    emit_json(view) if json_out else console.print(f"tenant [bold]{view.name}[/] deleted")
