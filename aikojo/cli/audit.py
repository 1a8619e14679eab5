"""``kojo audit list|export|verify|checkpoint``."""

from __future__ import annotations

import sys
from datetime import datetime

import typer

from aikojo.cli.common import console, emit_json, err_console, operator, settings, table

app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


@app.command("list")
def list_(project: str | None = typer.Option(None, "--project", metavar="TENANT/PROJECT"),
          since: datetime | None = typer.Option(None, "--since", help="ISO date/time (UTC)"),
          action: str | None = typer.Option(None, "--action", help="exact, or a prefix like 'key.*'"),
          limit: int = typer.Option(50, "--limit", min=1),
          json_out: bool = typer.Option(False, "--json")) -> None:
    """Newest records first."""
    from aikojo.audit.service import AuditQuery

    with operator() as op:
        rows = op.audit_list(AuditQuery(project=project, since=since, action=action, limit=limit))
    if json_out:
        emit_json(rows)
        return
    table("audit log", ["seq", "time", "actor", "action", "target", "project", "status"],
          [[r.seq, r.ts[:19], r.actor, r.action, r.target, f"{r.tenant}/{r.project}" if r.project else r.tenant,
            r.status] for r in rows])


@app.command("export")
def export(fmt: str = typer.Option("jsonl", "--format", help="jsonl"),
           project: str | None = typer.Option(None, "--project", metavar="TENANT/PROJECT"),
           since: datetime | None = typer.Option(None, "--since"),
           action: str | None = typer.Option(None, "--action")) -> None:
    """Every matching record as JSON lines, oldest first, on stdout."""
    from aikojo.audit.service import AuditQuery

    if fmt != "jsonl":
        from aikojo.errors import InvalidInput

        raise InvalidInput(f"--format {fmt!r} is not supported; use jsonl")
    with operator() as op:
        for line in op.audit_export(AuditQuery(project=project, since=since, action=action, limit=None)):
            sys.stdout.write(line)


@app.command("verify")
def verify(json_out: bool = typer.Option(False, "--json")) -> None:
    """Exit 0 when the chain and its signed checkpoints are intact; exit 1 naming the first bad record."""
    with operator() as op:
        report = op.audit_verify()
    if json_out:
        emit_json(report.as_dict())
    elif report.ok:
        console.print(f"audit log intact: {report.records} records, {report.checkpoints} signed checkpoints")
    else:
        err_console.print(f"[bold red]audit log TAMPERED[/]: {report.reason}")
    if not report.ok:
        raise typer.Exit(1)


@app.command("checkpoint")
def checkpoint() -> None:
    """Sign a checkpoint of the current head now (the writer also signs one every N records)."""
    from aikojo.platform import open_platform

    p = open_platform(settings())
    try:
        cp = p.audit.checkpoint()
    finally:
        p.store.dispose()
    console.print(f"checkpoint at record {cp.seq}" if cp else "nothing new to checkpoint")
