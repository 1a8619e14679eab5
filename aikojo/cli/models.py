"""``kojo models``: build the demo model and inspect any base model through the one loading path.

torch and transformers are imported inside the commands so that the rest of the CLI starts fast.
"""

from __future__ import annotations

import time
from pathlib import Path

import typer

from aikojo.cli.common import console, settings

app = typer.Typer(help="Base models", no_args_is_help=True)


@app.command("init-demo")
def init_demo(
    out: Path | None = typer.Option(None, "--out", help="folder to write (default KOJO_HOME/models/demo)"),
    steps: int | None = typer.Option(None, "--steps", min=1, help="pre-training steps (default: as committed)"),
    seed: int | None = typer.Option(None, "--seed", help="random seed (default: as committed)"),
) -> None:
    """Rebuild the demo model from the repository's corpus: tokenizer, chat template and weights (minutes)."""
    from aikojo.serving.demo_model import DEFAULT_SEED, DEFAULT_STEPS, build_demo_model

    dest = out if out is not None else settings().models_dir / "demo"
    report = build_demo_model(
        dest,
        steps=steps if steps is not None else DEFAULT_STEPS,
        seed=seed if seed is not None else DEFAULT_SEED,
        progress=True,
    )
    console.print(
        f"Demo model written to [bold]{report.out_dir}[/]: {report.parameters:,} parameters, "
        f"vocabulary {report.vocab_size:,}, loss {report.initial_loss:.2f} → {report.final_loss:.2f} "
        f"(unseen text {report.heldout_loss:.2f}) "
        f"after {report.steps} steps, {report.size_bytes / 1e6:.1f} MB, {report.seconds:.0f} s."
    )


@app.command("show")
def show(
    path: str = typer.Argument(..., help="model folder or Hugging Face id"),
    revision: str | None = typer.Option(None, "--revision", help="branch, tag or commit (hub ids only)"),
    trust_remote_code: bool | None = typer.Option(
        None, "--trust-remote-code/--no-trust-remote-code", help="run model code shipped with the model"
    ),
) -> None:
    """Load a model the way the gateway does and print its size, vocabulary and chat template."""
    from aikojo.serving.loading import load_causal_lm

    cfg = settings()
    started = time.perf_counter()
    model, tokenizer = load_causal_lm(
        path,
        revision=revision,
        trust_remote_code=cfg.trust_remote_code if trust_remote_code is None else trust_remote_code,
        allow_pickle_weights=cfg.allow_pickle_weights,
    )
    seconds = time.perf_counter() - started
    params = sum(p.numel() for p in model.parameters())
    rows = [
        ("model", path),
        ("architecture", ", ".join(getattr(model.config, "architectures", None) or [type(model).__name__])),
        ("parameters", f"{params:,} ({params / 1e6:.1f} M)"),
        ("dtype / device", f"{model.dtype} / {model.device}"),
        ("vocabulary", f"{len(tokenizer):,}"),
        ("context length", str(getattr(model.config, "max_position_embeddings", "?"))),
        ("chat template", "yes" if tokenizer.chat_template else "no"),
        ("special tokens", " ".join(tokenizer.all_special_tokens)),
        ("load time", f"{seconds:.2f} s"),
    ]
    for key, value in rows:
        console.print(f"[bold]{key:>15}[/]  {value}", highlight=False)
