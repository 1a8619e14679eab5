"""``kojo keys create|list|revoke|rotate``. A raw key is printed exactly once, on stdout, alone on its line."""

from __future__ import annotations

import typer

from aikojo.cli.common import console, emit_json, err_console, operator, parse_limit, table

app = typer.Typer(help="API keys (only hashes are stored; a key is shown once).", no_args_is_help=True)


def _print_created(created, json_out: bool) -> None:
    if json_out:
        emit_json(created)
        return
    info = created.info
    err_console.print(f"key {info.id} ({info.role}{', ' + info.project if info.project else ''}"
                      f"{', expires ' + info.expires_at.isoformat() if info.expires_at else ''}) — "
                      "shown once, store it now:")
    typer.echo(created.key)


@app.command("create")
def create(project: str | None = typer.Argument(None, metavar="[TENANT/PROJECT]",
                                                help="omit for a platform admin/auditor key"),
           role: str = typer.Option("user", "--role", help="admin, project-admin, user or auditor"),
           expires: str | None = typer.Option(None, "--expires", help="e.g. 30d, 24h, 2w"),
           name: str | None = typer.Option(None, "--name", help="a label for people"),
           rpm: str | None = typer.Option(None, "--rpm"), tpm: str | None = typer.Option(None, "--tpm"),
           max_concurrent: str | None = typer.Option(None, "--max-concurrent"),
           json_out: bool = typer.Option(False, "--json")) -> None:
    """Create a key and print it once."""
    from aikojo.tenancy.views import KeyCreate

    req = KeyCreate(project=project, role=role, expires=expires, name=name, rpm=parse_limit(rpm, "rpm"),
                    tpm=parse_limit(tpm, "tpm"), max_concurrent=parse_limit(max_concurrent, "max_concurrent"))
    with operator() as op:
        _print_created(op.create_key(req), json_out)


@app.command("list")
def list_(project: str | None = typer.Option(None, "--project", metavar="TENANT/PROJECT"),
          json_out: bool = typer.Option(False, "--json")) -> None:
    """List keys (never their secrets)."""
    with operator() as op:
        rows = op.list_keys(project)
    if json_out:
        emit_json(rows)
        return
    fmt = "%Y-%m-%d %H:%M"
    table("API keys", ["id", "key", "role", "project", "state", "expires", "last used", "name"],
          [[k.id, f"sk-kojo-{k.prefix}…", k.role, k.project, k.state,
            k.expires_at.strftime(fmt) if k.expires_at else None,
            k.last_used_at.strftime(fmt) if k.last_used_at else None, k.name] for k in rows])


@app.command("revoke")
def revoke(key_id: str = typer.Argument(..., metavar="ID"), json_out: bool = typer.Option(False, "--json")) -> None:
    """Revoke a key now."""
    with operator() as op:
        view = op.revoke_key(key_id)
    emit_json(view) if json_out else console.print(f"key {view.id} revoked")


@app.command("rotate")
def rotate(key_id: str = typer.Argument(..., metavar="ID"),
           overlap: str = typer.Option("24h", "--overlap", help="how long the old key keeps working"),
           json_out: bool = typer.Option(False, "--json")) -> None:
    """Issue a new key with the same scope; the old one stops after the overlap."""
    with operator() as op:
        _print_created(op.rotate_key(key_id, overlap), json_out)
