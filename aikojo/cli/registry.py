"""``kojo registry``: datasets, runs, adapters and prompts — versions, aliases and lineage."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

from aikojo.cli.common import console, emit_json, settings, table

app = typer.Typer(help="Registry: datasets, runs, adapters, prompts; aliases and lineage", no_args_is_help=True)


@contextmanager
def _platform() -> Iterator[Any]:
    from aikojo.platform import open_platform

    p = open_platform(settings())
    try:
        yield p
    finally:
        p.close()


def _actor() -> Any:
    from aikojo.tenancy.roles import Actor

    return Actor.local()


@app.command("list")
def list_(kind: str = typer.Argument("adapters", help="datasets | runs | adapters | prompts"),
          name: str | None = typer.Option(None, "--name", help="only this name"),
          as_json: bool = typer.Option(False, "--json")) -> None:
    """List registered items of one kind, oldest first."""
    from aikojo.registry import service

    with _platform() as p:
        rows = service.list_items(p, _actor(), kind, name)
    if as_json:
        emit_json(rows)
        return
    if kind == "datasets":
        table("datasets", ["name", "version", "format", "records", "registered"],
              [[r["name"], r["version"][:12], r["format"], r["records"], r["created_at"][:19]] for r in rows])
    elif kind == "runs":
        table("runs", ["run", "name", "method", "status", "dataset", "artifact", "primary before → after", "by"],
              [[r["id"], r["name"], r["method"], r["status"], r["dataset"]["name"] if r["dataset"] else None,
                r["artifact"], _primary(r), r["created_by"]] for r in rows])
    elif kind == "adapters":
        table("adapters", ["served as", "type", "base", "aliases", "trainable", "size", "run"],
              [[r["served_as"], r["type"], r["base_model"], ",".join(r["aliases"]),
                f"{r['trainable_params']:,}", f"{r['size_bytes'] / 1e6:.1f} MB", r["run_id"]] for r in rows])
    else:
        table("prompts", ["name", "version", "aliases", "base", "run"],
              [[r["name"], r["version"], ",".join(r["aliases"]), r["base_model"], r["run_id"]] for r in rows])


def _primary(run: dict) -> str | None:
    m = run.get("metrics") or {}
    key = m.get("primary")
    if not key or key not in m.get("after", {}):
        return None
    return f"{key} {m['before'].get(key, float('nan')):.3f} → {m['after'][key]:.3f}"


@app.command("show")
def show(ref: str = typer.Argument(..., help="name, name@N, name@alias, run id or dataset name"),
         as_json: bool = typer.Option(True, "--json/--no-json")) -> None:
    """Show one item with everything recorded about it."""
    from aikojo.registry import service

    with _platform() as p:
        emit_json(service.show(p, _actor(), ref))


@app.command("promote")
def promote(ref: str = typer.Argument(..., help="name@N (or name for the newest version)"),
            alias: str = typer.Argument("production", help="alias to point at it, e.g. production, staging")) -> None:
    """Point ``name@ALIAS`` at a version (the gateway serves ``name@ALIAS`` from then on)."""
    from aikojo.registry import service

    with _platform() as p:
        r = service.promote(p, _actor(), ref, alias)
    was = f" (was {r['previous']})" if r["previous"] is not None else ""
    console.print(f"{r['kind']} {r['name']}@{r['alias']} → version {r['version']}{was}", highlight=False)


@app.command("lineage")
def lineage(ref: str = typer.Argument(..., help="adapter/prompt (name, name@N, name@alias), run id or dataset"),
            as_json: bool = typer.Option(False, "--json")) -> None:
    """dataset → run → adapter → deployments, with who and when at every step."""
    from aikojo.registry import service

    with _platform() as p:
        out = service.lineage(p, _actor(), ref)
    if as_json:
        emit_json(out)
        return
    ds, run = out.get("dataset"), out.get("run")
    if ds:
        console.print(f"[bold]dataset[/]  {ds['name']}@{ds['version'][:12]}", highlight=False)
    for r in ([run] if run else out.get("runs", [])):
        env = r.get("environment") or {}
        console.print(f"  └─ [bold]run[/] {r['id']}  {r['method']} on {r['base_model']}  status {r['status']}  "
                      f"by {r['created_by']} at {r['created_at'][:19]}  commit {r.get('git_commit') or '-'}  "
                      f"torch {env.get('torch')} transformers {env.get('transformers')} peft {env.get('peft')} "
                      f"trl {env.get('trl')} on {env.get('device')}", highlight=False)
        if _primary(r):
            console.print(f"       {_primary(r)}", highlight=False)
    art = out.get("adapter") or out.get("prompt")
    if art:
        kind = "adapter" if "adapter" in out else "prompt"
        aliases = f"  aliases {', '.join(art['aliases'])}" if art.get("aliases") else ""
        console.print(f"      └─ [bold]{kind}[/] {art['name']}@{art['version']}{aliases}", highlight=False)
        for d in out.get("deployments", []):
            console.print(f"          └─ [bold]deployed[/] to {d['project']}", highlight=False)
        if kind == "adapter" and not out.get("deployments"):
            console.print("          └─ (not deployed to any project)")
    elif out.get("artifact"):
        console.print(f"      └─ {out['artifact']}", highlight=False)
