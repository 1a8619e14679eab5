"""``kojo``: the root command. Global options override settings; every KojoError becomes one clear line on
stderr and exit code 2 (``kojo audit verify`` exits 1 when the log was tampered with)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from aikojo import __version__
from aikojo.cli import audit, init, keys, projects, tenants
from aikojo.cli.common import err_console, set_overrides
from aikojo.errors import KojoError

app = typer.Typer(name="kojo", help="aikojo (AI工場): LLM gateway, guardrails and tuning factory.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kojo {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    home: Path | None = typer.Option(None, "--home", help="KOJO_HOME (default ./.kojo)"),
    config: Path | None = typer.Option(None, "--config", help="kojo.yaml to read (default ./kojo.yaml)"),
    database_url: str | None = typer.Option(None, "--database-url", help="SQLAlchemy URL of the store"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version"),
) -> None:
    if config is not None:
        import os

        os.environ["KOJO_CONFIG"] = str(config)
    set_overrides(home=home, database_url=database_url)


app.command("init")(init.init)
app.add_typer(tenants.app, name="tenants")
app.add_typer(projects.app, name="projects")
app.add_typer(keys.app, name="keys")
app.add_typer(audit.app, name="audit")


def _register_optional() -> None:
    """Command groups that live with their own box; each is added when its module is present."""
    import importlib

    for name in ("serve", "models", "guard", "data", "tune", "eval", "spectrum", "export", "jobs", "worker", "registry",
                 "redteam", "deploy", "demo"):
        try:
            mod = importlib.import_module(f"aikojo.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"aikojo.cli.{name}":
                continue
            raise
        if hasattr(mod, "app"):
            app.add_typer(mod.app, name=name)
        elif hasattr(mod, "command"):
            app.command(name)(mod.command)


_register_optional()


def run() -> None:
    try:
        app()
    except KojoError as exc:
        from rich.markup import escape  # a message may hold brackets, e.g. pip install 'aikojo[tracing]'

        err_console.print(f"[bold red]error:[/] {escape(exc.message)}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    run()
