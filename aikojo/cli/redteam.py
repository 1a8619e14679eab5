"""``kojo redteam run | regress | harden``: attack a gateway, replay frozen attacks in CI, harden the policy.

Exit codes: ``run`` 0 (1 with ``--fail-on-success`` when an attack succeeded); ``regress`` 1 when a case marked
fixed succeeds again, else 0; every usage error 2 (one line on stderr, from ``cli/main.py``).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import typer

from aikojo.cli.common import console, err_console, split_csv, table
from aikojo.errors import InvalidInput

app = typer.Typer(help="AI red team: Japanese + English attacks through the gateway, judged offline.",
                  no_args_is_help=True)

_TARGET = typer.Option(..., "--target", help="the gateway's OpenAI base URL, e.g. http://127.0.0.1:8000/v1")
_KEY = typer.Option(..., "--key", envvar="KOJO_REDTEAM_KEY", help="an API key of the project under test")
_MODEL = typer.Option(..., "--model", help="model name to attack")


def _guard(fn):
    """Corpus/suite/converter problems are usage errors: one clear line and exit code 2."""
    from aikojo.redteam.converters import UnknownConverter
    from aikojo.redteam.corpus import CorpusError
    from aikojo.redteam.regression import SuiteError

    try:
        return fn()
    except (CorpusError, SuiteError, UnknownConverter) as exc:
        raise InvalidInput(str(exc)) from None


def _rate_table(title: str, groups: dict) -> None:
    rows = [[k, g["attacks"], g["successes"], g["defended"], g["errors"],
             "-" if g["asr"] is None else f"{g['asr']:.0%}", f"{g['ci95'][0]:.0%}–{g['ci95'][1]:.0%}"]
            for k, g in groups.items()]
    table(title, ["group", "attacks", "succeeded", "defended", "errors", "ASR", "95% CI"], rows)


@app.command("run")
def run(target: str = _TARGET, key: str = _KEY, model: str = _MODEL,
        categories: str | None = typer.Option(None, "--categories", help="comma list (default: all)"),
        languages: str | None = typer.Option(None, "--languages", help="ja, en or ja,en (default: both)"),
        converters: list[str] = typer.Option([], "--converters",
                                             help="extra converter chains, comma list; compose with +, "
                                                  "e.g. base64,fullwidth+zero_width"),
        concurrency: int = typer.Option(4, "--concurrency", min=1, max=64),
        seed: int = typer.Option(0, "--seed", help="seeds the converters' random choices"),
        out: Path = typer.Option(Path("redteam-out"), "--out", help="folder for report.json/html, junit.xml"),
        suite: Path | None = typer.Option(None, "--suite", help="regression suite to add successes to "
                                                                  "(default OUT/regression.yaml)"),
        project: str | None = typer.Option(None, "--project", help="TENANT/PROJECT: add its dataset poisoning scan"),
        corpus: Path | None = typer.Option(None, "--corpus", help="corpus folder or file (default: shipped)"),
        cases: str | None = typer.Option(None, "--cases", help="comma list of case ids (default: all)"),
        fail_on_success: bool = typer.Option(False, "--fail-on-success", help="exit 1 if any attack succeeded"),
        ) -> None:
    """Run the attack corpus against TARGET and write the report, JUnit XML and regression cases."""
    from aikojo.redteam import regression, session
    from aikojo.redteam.datasets import dataset_scan
    from aikojo.redteam.report import build_report, run_meta, write_reports

    chains = [c for arg in converters for c in split_csv(arg) or []]
    results, info = _guard(lambda: asyncio.run(session.run(
        target, key, model, categories=split_csv(categories), languages=split_csv(languages), converters=chains,
        concurrency=concurrency, seed=seed, corpus=corpus, case_ids=split_csv(cases), progress=True)))
    if not results:
        raise InvalidInput("no attack matched the filters (--categories/--languages)")
    datasets = None
    if project:
        from aikojo.cli.common import settings

        datasets = dataset_scan(project, settings())
    report = build_report(results, run_meta(info), datasets)
    paths = write_reports(report, out)
    suite_path = suite or out / "regression.yaml"
    existing = _guard(lambda: regression.load_suite(suite_path)) if suite_path.exists() else None
    merged = regression.merge(existing, results, info.config_hash)
    regression.save_suite(suite_path, merged)
    _rate_table("attack success rate by category", report["by_category"])
    s = report["summary"]
    console.print(f"{s['successes']} of {s['successes'] + s['defended']} attacks succeeded, {s['errors']} errors · "
                  f"report {paths['html']} · junit {paths['junit']} · suite {suite_path} "
                  f"({len(merged['cases'])} cases)", highlight=False)
    if s["errors"]:
        err_console.print(f"[yellow]{s['errors']} attacks ended in errors (see report.json); check the target "
                          "is up and the key may use the model.[/]")
    if fail_on_success and s["successes"]:
        raise typer.Exit(1)


@app.command("regress")
def regress(suite: Path = typer.Argument(..., help="regression suite (regression.yaml)"),
            target: str = _TARGET, key: str = _KEY, model: str = _MODEL,
            concurrency: int = typer.Option(4, "--concurrency", min=1, max=64),
            mark_fixed: bool = typer.Option(False, "--mark-fixed", help="mark open cases that are now defended "
                                                                         "as fixed and save the suite"),
            ) -> None:
    """Replay every case in SUITE; exit 1 when a case marked fixed succeeds again."""
    from aikojo.redteam import regression, session

    data = _guard(lambda: regression.load_suite(suite))
    replayed = asyncio.run(session.replay(target, key, model, data["cases"], concurrency=concurrency))
    summary = regression.record_replay(data, replayed, mark_fixed)
    regression.save_suite(suite, data)
    table("regression replay", ["result", "cases"], [[k, len(v)] for k, v in summary.items()])
    for cid in summary["regressed"]:
        err_console.print(f"[bold red]REGRESSION[/] {cid}: fixed earlier, succeeds again", highlight=False)
    if summary["errors"]:
        err_console.print(f"[yellow]{len(summary['errors'])} cases could not be replayed (errors); "
                          "check the target and key[/]")
    if summary["regressed"]:
        raise typer.Exit(1)


def _short(value: object) -> str:
    if isinstance(value, dict) and "patterns" in value:
        return f"{value['name']} ({value['action']}): {len(value['patterns'])} patterns"
    return json.dumps(value, ensure_ascii=False)[:60]


@app.command("harden")
def harden(report: Path = typer.Argument(..., help="report.json from `kojo redteam run`"),
           project: str = typer.Option(..., "--project", help="TENANT/PROJECT whose policy to harden"),
           apply: bool = typer.Option(False, "--apply", help="store the new policy (audited)"),
           target: str | None = typer.Option(None, "--target", help="replay failing attacks here to confirm"),
           key: str | None = typer.Option(None, "--key", envvar="KOJO_REDTEAM_KEY"),
           model: str | None = typer.Option(None, "--model"),
           suite: Path | None = typer.Option(None, "--suite", help="mark the confirmed cases fixed in this suite"),
           settle: float = typer.Option(12.0, "--settle", help="seconds to wait for gateways to pick up the policy"),
           ) -> None:
    """Propose guardrail policy changes that stop the report's findings; with --apply store them and confirm."""
    from aikojo.cli.common import operator
    from aikojo.redteam import harden as hd

    if not report.exists():
        raise InvalidInput(f"{report}: file not found; `kojo redteam run` writes OUT/report.json")
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{report}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    with operator() as op:
        p = hd.plan(data, project, op.get_policy(project))
        rows = [[x["op"], x["path"], _short(x["value"]), x["why"]] for x in p.proposals]
        table(f"proposed guardrail changes for {project}", ["op", "path", "value", "why"], rows)
        for a in p.advice:
            console.print(f"[yellow]advice[/] {a['path']}: {a['why']}", highlight=False)
        stops = {k: sum(v == k for v in p.offline.values()) for k in ("input", "output", "replay")}
        console.print(f"offline check: {stops['input']} stopped at input, {stops['output']} at output, "
                      f"{stops['replay']} need a replay to tell", highlight=False)
        if not apply:
            console.print("dry run: add --apply to store this policy (the change is audited)\n---\n" + p.after,
                          highlight=False, markup=False)
            return
        if not p.changed:
            console.print("the policy already contains every proposal; nothing to apply")
        else:
            hd.apply(op, p)
            console.print(f"[green]applied[/] the new guardrail policy to {project} (audited)")
    if target and key and model:
        outcome = asyncio.run(hd.confirm(data, target, key, model, settle_s=settle))
        console.print(f"replayed {outcome['replayed']} failing attacks: {outcome['now_defended']} now defended, "
                      f"{len(outcome['still_failing'])} still succeed", highlight=False)
        if suite is not None:
            from aikojo.redteam import regression

            s = _guard(lambda: regression.load_suite(suite))
            fixed = {r["attack_id"] for r in hd.failing_results(data)} - set(outcome["still_failing"])
            for c in s["cases"]:
                if c["id"] in fixed and c["status"] == "open":
                    c["status"] = "fixed"
            regression.save_suite(suite, s)
