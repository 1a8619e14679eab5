"""``kojo data``: check (and register) tuning datasets."""

from __future__ import annotations

from pathlib import Path

import typer

from aikojo.cli.common import console, emit_json, settings, table

app = typer.Typer(help="Tuning datasets: check formats, scan for PII and poisoning, register versions",
                  no_args_is_help=True)


@app.command("check")
def check(
    file: Path = typer.Argument(..., help="JSONL dataset (chat, alpaca or prompt-completion)"),
    fmt: str = typer.Option("auto", "--format", help="auto | chat | alpaca | prompt-completion"),
    seed: int = typer.Option(0, "--seed", help="seed of the train/eval split"),
    eval_fraction: float = typer.Option(0.1, "--eval-fraction", min=0.01, max=0.99),
    pii: str = typer.Option("warn", "--pii", help="fail | mask | warn: what personal data in samples means"),
    tokenizer: str = typer.Option("demo", "--tokenizer", help="model whose tokenizer counts tokens ('none': chars)"),
    register: bool = typer.Option(False, "--register", help="register this dataset version in the registry"),
    as_json: bool = typer.Option(False, "--json", help="print the report as one JSON object"),
) -> None:
    """Validate a dataset: errors name the line and field; prints counts, lengths, split and scan results."""
    from aikojo.errors import InvalidInput
    from aikojo.tuning.check import check_dataset, load_tokenizer

    if pii not in ("fail", "mask", "warn"):
        raise InvalidInput(f"--pii must be fail, mask or warn, got {pii!r}", param="pii")
    cfg = settings()
    report = check_dataset(file, fmt, seed=seed, eval_fraction=eval_fraction, pii=pii,  # type: ignore[arg-type]
                           tokenizer=load_tokenizer(tokenizer, cfg))
    if register:
        from aikojo.platform import open_platform
        from aikojo.registry import service as registry
        from aikojo.tenancy.roles import Actor

        p = open_platform(cfg)
        try:
            row = registry.register_dataset(p, Actor.local(), name=report["name"], version=report["version"],
                                            path=str(Path(report["path"]).resolve()), format=report["format"],
                                            records=report["stats"]["records"], stats=report["stats"],
                                            scans={"pii": report["pii"], "poisoning": report["poisoning"]})
        finally:
            p.close()
        report["registered"] = {"id": row["id"], "name": row["name"], "version": row["version"]}
    if as_json:
        emit_json(report)
    else:
        _print(report)
    if not report["ok"]:
        raise typer.Exit(2)


def _print(r: dict) -> None:
    s = r["stats"]
    lengths = s.get("tokens") or s.get("chars") or {}
    unit = "tokens" if "tokens" in s else "chars"
    console.print(f"[bold]{r['path']}[/]  format [bold]{r['format']}[/]  version {r['version'][:12]}", highlight=False)
    rows = [["records", s["records"]], ["duplicates removed", s["duplicates_removed"]],
            ["roles", ", ".join(f"{k} {v}" for k, v in s["roles"].items())],
            [f"length ({unit})", " ".join(f"{k} {v}" for k, v in lengths.items())],
            ["split", f"train {r['split']['train']} / eval {r['split']['eval']} (seed {r['split']['seed']})"],
            ["PII", f"{r['pii']['samples_with_pii']} sample(s) {r['pii']['types'] or ''} → {r['pii']['action']}"]]
    table("dataset", ["", "value"], rows)
    if r["poisoning"]:
        table("poisoning scan (review these lines)", ["check", "lines", "detail"],
              [[i["kind"], ", ".join(map(str, i["lines"][:12])) + (" …" if len(i["lines"]) > 12 else ""), i["detail"]]
               for i in r["poisoning"]])
    else:
        console.print("poisoning scan: nothing found")
    if "registered" in r:
        console.print(f"registered dataset {r['registered']['name']}@{r['registered']['version'][:12]}")
    if not r["ok"]:
        console.print("[bold red]refused:[/] personal data found and --pii fail; remove it or use --pii mask")
