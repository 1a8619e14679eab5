"""``kojo eval --model M [--adapter A] --data FILE``: business metrics for a model on a dataset."""

from __future__ import annotations

from pathlib import Path

import typer

from aikojo.cli.common import emit_json, settings, table


def command(
    model: str = typer.Option("demo", "--model", help="base model: demo, a configured name, a folder or a HF id"),
    adapter: str | None = typer.Option(None, "--adapter", help="registered adapter (name@N) or a PEFT folder"),
    data: Path = typer.Option(..., "--data", help="JSONL dataset (chat, alpaca or prompt-completion)"),
    metrics: str = typer.Option("exact_match,json_valid,json_field_f1,char_rouge_l,loss,latency", "--metrics",
                                help="comma-separated: exact_match json_valid json_field_f1 char_rouge_l accuracy "
                                     "macro_f1 loss perplexity latency"),
    custom: list[str] | None = typer.Option(None, "--custom", help="custom metric 'package.module:function'"),
    split_eval: bool = typer.Option(True, "--eval-split/--all", help="only the seeded held-out split (as tuning)"),
    seed: int = typer.Option(0, "--seed"),
    max_samples: int = typer.Option(64, "--max-samples", min=1),
    max_new_tokens: int = typer.Option(64, "--max-new-tokens", min=1),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Evaluate a model (optionally with an adapter) on a dataset; prints each metric."""
    from aikojo.errors import InvalidInput
    from aikojo.serving.loading import load_causal_lm
    from aikojo.tuning.data import load_dataset, split
    from aikojo.tuning.evaluate import evaluate
    from aikojo.tuning.models import resolve_base_model
    from aikojo.tuning.recipes.config import METRICS

    names = [m.strip() for m in metrics.split(",") if m.strip()]
    for m in names:
        if m not in METRICS:
            raise InvalidInput(f"unknown metric {m!r}; known: {', '.join(METRICS)}", param="metrics")
    cfg = settings()
    samples = load_dataset(data).samples
    if split_eval:
        samples = split(samples, 0.1, seed)[1]
    samples = samples[:max_samples]
    _, path = resolve_base_model(model, cfg)
    lm, tokenizer = load_causal_lm(path, trust_remote_code=cfg.trust_remote_code,
                                   allow_pickle_weights=cfg.allow_pickle_weights)
    if adapter:
        from peft import PeftModel

        lm = PeftModel.from_pretrained(lm, _adapter_path(adapter, cfg))
    report = evaluate(lm, tokenizer, samples, metrics=names, custom=list(custom or []), max_new_tokens=max_new_tokens)
    if as_json:
        emit_json({"model": model, "adapter": adapter, "samples": len(samples), **report.to_dict()})
        return
    table(f"{model}{' + ' + adapter if adapter else ''} on {data.name} ({len(samples)} samples)", ["metric", "value"],
          [[k, f"{v:.4f}"] for k, v in report.metrics.items()])


def _adapter_path(adapter: str, cfg) -> str:
    if Path(adapter).is_dir():
        return adapter
    from aikojo.platform import open_platform
    from aikojo.tenancy.roles import Actor
    from aikojo.tuning.export import find_adapter

    p = open_platform(cfg)
    try:
        return find_adapter(p, Actor.local(), adapter)["path"]
    finally:
        p.close()
