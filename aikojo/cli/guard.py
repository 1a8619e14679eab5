"""``kojo guard scan FILE.jsonl`` and ``kojo guard train``.

scan reads ``{"id", "text"}`` lines and writes one JSON line each:
``{"id", "action", "text": <sanitised>, "findings": [{"type", "start", "end", "score", "detector"}]}``.
Bad input stops with an error naming the file, line and field (exit code 2) before anything is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from aikojo.errors import InvalidInput

app = typer.Typer(help="Guardrails: scan text for PII, secrets and injection; retrain the injection model.",
                  no_args_is_help=True)


def read_scan_input(path: Path) -> list[tuple[Any, str]]:
    """Parse and validate every line first, so a bad line 900 does not leave 899 lines of half output."""
    if not path.exists():
        raise InvalidInput(f"{path}: file not found")
    rows: list[tuple[Any, str]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"{path}:{n}: not valid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(row, dict):
                raise InvalidInput(f"{path}:{n}: expected a JSON object with fields 'id' and 'text'")
            if "id" not in row:
                raise InvalidInput(f"{path}:{n}: field 'id' is missing", param="id")
            if not isinstance(row.get("text"), str):
                raise InvalidInput(f"{path}:{n}: field 'text' must be a string", param="text")
            rows.append((row["id"], row["text"]))
    return rows


@app.command("scan")
def scan(file: Path = typer.Argument(..., help="JSONL with {\"id\", \"text\"} per line"),
         policy: Path | None = typer.Option(None, "--policy", help="guardrail policy YAML (default policy if omitted)"),
         out: Path | None = typer.Option(None, "--out", help="write results here instead of stdout"),
         direction: str = typer.Option("input", "--direction", help="input or output rules")) -> None:
    """Scan each line and print {id, action, text, findings} as JSON lines."""
    from aikojo.guardrails import Guardrails, PolicyError, load_policy

    if direction not in ("input", "output"):
        raise InvalidInput(f"--direction must be 'input' or 'output', not {direction!r}", param="direction")
    try:
        guard = Guardrails(load_policy(policy) if policy else None)
    except PolicyError as exc:
        raise InvalidInput(str(exc), param="policy") from None
    rows = read_scan_input(file)
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    try:
        for row_id, text in rows:
            r = guard.scan_text(text, direction=direction)  # type: ignore[arg-type]
            record = {"id": row_id, "action": r.action, "text": r.text,
                      "findings": [f.to_dict() for f in r.findings]}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out:
            sink.close()


@app.command("train")
def train(data: Path | None = typer.Option(None, "--data", help="training JSONL {text, label}; default: shipped"),
          out: Path | None = typer.Option(None, "--out", help="model file (default: the packaged model)"),
          target_fpr: float = typer.Option(0.02, "--target-fpr", help="false-positive rate to aim at"),
          criterion: str = typer.Option("prompt_corpora", "--criterion",
                                        help="prompt_corpora (look-alikes pooled in: conservative) or "
                                             "per_sample (each natural benign sample: higher recall)")) -> None:
    """Retrain the injection classifier from the shipped corpus (needs scikit-learn)."""
    try:
        from aikojo.guardrails import train as trainer
    except ModuleNotFoundError as exc:  # pragma: no cover - scikit-learn missing
        raise InvalidInput(f"training needs scikit-learn ({exc.name} not installed): "
                           "pip install scikit-learn") from None
    try:
        meta = trainer.train(data or trainer.DEFAULT_TRAIN, out or trainer.MODEL_PATH, target_fpr=target_fpr,
                             criterion=criterion)
    except (trainer.TrainingDataError, ValueError) as exc:
        raise InvalidInput(str(exc)) from None
    typer.echo(json.dumps(meta, ensure_ascii=False))


policy_app = typer.Typer(help="Per-project guardrail policies (YAML).", no_args_is_help=True)
app.add_typer(policy_app, name="policy")


@policy_app.command("set")
def policy_set(project: str = typer.Argument(..., metavar="TENANT/PROJECT"),
               file: Path | None = typer.Argument(None, help="policy YAML; omit with --default"),
               default: bool = typer.Option(False, "--default", help="go back to the platform default")) -> None:
    """Validate and store a project's policy (audited; gateways reload it within seconds)."""
    from aikojo.cli.common import console, operator

    if (file is None) == (not default):
        raise InvalidInput("give a policy FILE, or --default to restore the platform default")
    text = None
    if file is not None:
        if not file.exists():
            raise InvalidInput(f"{file}: file not found")
        text = file.read_text(encoding="utf-8")
    with operator() as op:
        view = op.set_policy(project, text)
    console.print(f"guardrail policy of {view.path}: {'platform default' if text is None else file}")


@policy_app.command("show")
def policy_show(project: str = typer.Argument(..., metavar="TENANT/PROJECT")) -> None:
    """Print the project's policy YAML (or the platform default's)."""
    import yaml

    from aikojo.cli.common import operator
    from aikojo.guardrails import default_policy

    with operator() as op:
        text = op.get_policy(project)
    if text is None:
        text = yaml.safe_dump(default_policy().model_dump(mode="json", by_alias=True), allow_unicode=True,
                              sort_keys=False)
    typer.echo(text)
