"""``kojo export ADAPTER [--merge] --out DIR``: hand a registered adapter to another server (vLLM)."""

from __future__ import annotations

from pathlib import Path

import typer

from aikojo.cli.common import console, emit_json, settings


def command(
    adapter: str = typer.Argument(..., help="registered adapter: name, name@N or name@alias"),
    out: Path = typer.Option(..., "--out", help="folder to write (must be new or empty)"),
    merge: bool = typer.Option(False, "--merge", help="merge into the base model (HF format) instead of PEFT only"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Export an adapter: PEFT folder for vLLM --lora-modules, or merged into its base model (--merge)."""
    from aikojo.platform import open_platform
    from aikojo.tenancy.roles import Actor
    from aikojo.tuning.export import export_adapter

    p = open_platform(settings())
    try:
        result = export_adapter(p, Actor.local(), adapter, out, merge=merge)
    finally:
        p.close()
    if as_json:
        emit_json({"out_dir": str(result.out_dir), "merged": result.merged, "dequantised": result.dequantised,
                   "size_bytes": result.size_bytes})
        return
    how = "merged model (Hugging Face format" + (", de-quantised from 4-bit" if result.dequantised else "") + ")" \
        if result.merged else "PEFT adapter (vLLM: --enable-lora --lora-modules NAME=DIR)"
    console.print(f"exported {adapter} as a {how} to {result.out_dir} ({result.size_bytes / 1e6:.1f} MB)",
                  highlight=False)
