"""Rebuild the committed demo model in aikojo/assets/demo-model (or --out DIR).

    python scripts/build_demo_model.py [--out DIR] [--steps N] [--seed S]

A thin wrapper over aikojo.serving.demo_model.build_demo_model; `kojo models init-demo` does the same.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from aikojo.serving.demo_model import DEFAULT_SEED, DEFAULT_STEPS, build_demo_model
from aikojo.serving.loading import DEMO_ASSETS_DIR


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the aikojo demo model from the repository's corpus.")
    parser.add_argument("--out", type=Path, default=DEMO_ASSETS_DIR)
    parser.add_argument("--steps", type=int, default=DEFAULT_STEPS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-progress", action="store_true", help="no progress bar (for logs)")
    args = parser.parse_args()
    report = build_demo_model(args.out, steps=args.steps, seed=args.seed, progress=not args.no_progress)
    print(
        f"{report.out_dir}: {report.parameters:,} parameters, vocab {report.vocab_size}, {report.steps} steps "
        f"on {report.train_tokens:,} tokens, loss {report.initial_loss:.3f} -> {report.final_loss:.3f} "
        f"(unseen text {report.heldout_loss:.3f}), "
        f"{report.size_bytes / 1e6:.1f} MB, {report.seconds:.0f} s"
    )


if __name__ == "__main__":
    main()
