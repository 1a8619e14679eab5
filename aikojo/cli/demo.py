"""``kojo demo``: the platform end to end on the embedded defaults (about 5–10 minutes on 2 CPU cores)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from aikojo.cli.common import console, settings


def command(recipe: Path | None = typer.Option(None, "--recipe", help="default: examples/recipes/lora-demo.yaml"),
            override: list[str] = typer.Option([], "--set", help="recipe override key.sub=value (repeatable)"),
            json_out: bool = typer.Option(False, "--json", help="print the facts as JSON at the end")) -> None:
    """Run the whole platform once: tune, register, deploy, serve, guard, attack, audit."""
    from aikojo.demo import REPO, Demo
    from aikojo.errors import InvalidInput

    recipe = recipe or REPO / "examples" / "recipes" / "lora-demo.yaml"
    if not recipe.exists():
        raise InvalidInput(f"{recipe}: recipe not found (run from a checkout of the repository, or pass --recipe)")
    demo = Demo(settings(), recipe, console, list(override))
    facts = demo.run()
    console.print(demo.summary())
    if json_out:
        typer.echo(json.dumps({k: v for k, v in facts.items() if k != "key"}, ensure_ascii=False, default=str))
