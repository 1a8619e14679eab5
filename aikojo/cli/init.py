"""``kojo init``: create KOJO_HOME, the database (migrations applied), the signing keys and a bootstrap
admin key, printed once."""

from __future__ import annotations

import typer

from aikojo.cli.common import console, emit_json, settings


def init(
    json_out: bool = typer.Option(False, "--json", help="print the result as JSON"),
) -> None:
    """Create (or upgrade) the kojo home and print the bootstrap admin key once."""
    from aikojo.bootstrap import initialise

    result = initialise(settings())
    if json_out:
        emit_json(result)
        return
    console.print(f"kojo home ready at [bold]{result['home']}[/] (database {result['database']})")
    if result.get("admin_key"):
        console.print("Bootstrap admin key (shown once, store it now):")
        typer.echo(result["admin_key"])
    else:
        console.print("An admin key already exists; use `kojo keys create --role admin` for another.")
    if result.get("demo_model"):
        console.print(f"Demo model installed at {result['demo_model']}")
