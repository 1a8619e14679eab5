"""What every command group shares: settings from the global options, the operator, output helpers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from aikojo.settings import Settings, load_settings

console = Console()
err_console = Console(stderr=True)

_overrides: dict[str, Any] = {}


def set_overrides(**kw: Any) -> None:
    _overrides.update({k: v for k, v in kw.items() if v is not None})


def settings() -> Settings:
    return load_settings(**_overrides)


@contextmanager
def operator() -> Iterator[Any]:
    from aikojo.cli.operator import make_operator

    op = make_operator(settings())
    try:
        yield op
    finally:
        op.close()


def emit_json(value: Any) -> None:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    elif isinstance(value, list):
        value = [v.model_dump(mode="json") if isinstance(v, BaseModel) else v for v in value]
    typer.echo(json.dumps(value, ensure_ascii=False, default=str))


def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    t = Table(title=title, show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["-" if v is None else str(v) for v in r])
    console.print(t)


def parse_limit(value: str | None, field: str) -> int | None:
    """CLI limit values: a positive integer, or 'none'/'unlimited' to clear it."""
    from aikojo.errors import InvalidInput

    if value is None:
        return None
    if value.lower() in ("none", "unlimited"):
        return None
    try:
        n = int(value)
    except ValueError:
        raise InvalidInput(f"--{field.replace('_', '-')}: expected a positive integer or 'none', got {value!r}")
    if n < 1:
        raise InvalidInput(f"--{field.replace('_', '-')}: must be ≥1 (use 'none' for unlimited), got {n}")
    return n


def split_csv(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]
