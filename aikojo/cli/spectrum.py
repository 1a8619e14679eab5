"""``kojo spectrum RECIPE.yaml [--generalist MODEL]``: what each rung of the tuning spectrum buys and costs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer

from aikojo.cli.common import console, emit_json, settings


def command(
    recipe: Path = typer.Argument(..., help="recipe YAML; its method is replaced by each method in turn"),
    overrides: list[str] | None = typer.Argument(None, help="key.sub=value for every method, or "
                                                 "METHOD:key.sub=value for one (full:train.learning_rate=2e-3)"),
    methods: str = typer.Option("prompt,lora,qlora,full", "--methods", help="comma-separated methods to compare"),
    generalist: str | None = typer.Option(None, "--generalist", help="also prompt this model through the gateway"),
    out: Path | None = typer.Option(None, "--out", help="report folder (default KOJO_HOME/spectrum/<name>-<time>)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Run prompt, LoRA, QLoRA and full on the same data; write spectrum.md, spectrum.json and spectrum.png."""
    from aikojo.cli.common import _overrides
    from aikojo.tuning.runner import load_recipe
    from aikojo.tuning.spectrum import METHODS, run_spectrum

    shared = [o for o in overrides or [] if o.split(":", 1)[0] not in METHODS]
    per_method: dict[str, list[str]] = {}
    for o in overrides or []:
        method, sep, rest = o.partition(":")
        if sep and method in METHODS:
            per_method.setdefault(method, []).append(rest)
    rec = load_recipe(recipe, overrides=shared)
    cfg = settings()
    folder = out or cfg.home / "spectrum" / f"{rec.name}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}"
    report = run_spectrum(rec.model_dump(mode="json", exclude_none=True),
                          settings_kw={"home": cfg.home, "database_url": cfg.database_url, **_overrides},
                          out_dir=folder, methods=tuple(m.strip() for m in methods.split(",") if m.strip()),
                          generalist=generalist, settings=cfg, method_overrides=per_method)
    if as_json:
        emit_json(report)
        return
    console.print((folder / "spectrum.md").read_text(encoding="utf-8"), highlight=False)
    console.print(f"report: {folder}/spectrum.md, spectrum.json, spectrum.png", highlight=False)
