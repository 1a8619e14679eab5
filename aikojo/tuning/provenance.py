"""Who tuned what, when, with which data and software: the environment capture stored with every run and the
model card (Markdown) written beside every adapter."""

from __future__ import annotations

import importlib.metadata
import platform
import subprocess
from pathlib import Path
from typing import Any

PACKAGES = ("torch", "transformers", "peft", "trl", "accelerate", "bitsandbytes", "datasets", "aikojo")


def environment(device: str) -> dict[str, Any]:
    """Versions and hardware, so a run can be reproduced (the seed's reproducibility tip)."""
    env: dict[str, Any] = {"python": platform.python_version(), "platform": platform.platform(), "device": device}
    for pkg in PACKAGES:
        try:
            env[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            env[pkg] = None
    try:
        import torch

        if torch.cuda.is_available():
            env["cuda"] = torch.version.cuda
            env["gpu"] = torch.cuda.get_device_name(0)
            env["gpu_count"] = torch.cuda.device_count()
            try:
                out = subprocess.run(["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
                                     capture_output=True, text=True, timeout=5, check=False)
                env["driver"] = out.stdout.strip().splitlines()[0] if out.stdout.strip() else None
            except (OSError, subprocess.SubprocessError):
                env["driver"] = None
        else:
            env["cpu_threads"] = torch.get_num_threads()
    except ImportError:  # pragma: no cover - torch is a dependency
        pass
    from aikojo.factory.executors.kubeflow_manifests import image_reference

    env["image"] = image_reference()  # the container image a cluster job ran in (None for local runs)
    return env


def git_commit(path: Path) -> str | None:
    """The commit of the repository holding the recipe, with '+dirty' when it has uncommitted changes."""
    folder = path if path.is_dir() else path.parent
    try:
        head = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=5, check=False)
        if head.returncode != 0:
            return None
        dirty = subprocess.run(["git", "-C", str(folder), "status", "--porcelain", "--", str(path)],
                               capture_output=True, text=True, timeout=5, check=False)
        return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return None


def _table(rows: dict[str, Any]) -> str:
    return "\n".join(f"| {k} | {v} |" for k, v in rows.items())


def model_card(*, name: str, version: int | None, method: str, base_model: str, run_id: str, dataset: dict[str, Any],
               params: dict[str, Any], before: dict[str, float], after: dict[str, float], primary: str,
               env: dict[str, Any], trainable: int, total: int, actor: str, dora: bool = False) -> str:
    metric_rows = "\n".join(
        f"| {k} | {before.get(k, float('nan')):.4f} | {after.get(k, float('nan')):.4f} | "
        f"{after.get(k, 0.0) - before.get(k, 0.0):+.4f} |" for k in sorted(set(before) | set(after))
    )
    served = f"`{name}@{version}`" if version is not None else "(not published as an adapter)"
    caveat = ("\n> DoRA adapter: in the local engine its requests batch only with each other, not with plain LoRA "
              "adapters or the base model.\n" if dora else "")
    return f"""# {name}{f" v{version}" if version is not None else ""}

Tuned with aikojo (`{method}`) from base model `{base_model}`. Served as {served}.
{caveat}
## Provenance

{_table({"run": run_id, "tuned by": actor, "dataset": f"{dataset.get('name')} ({str(dataset.get('version'))[:12]})",
         "dataset records": dataset.get("records"), "trainable parameters": f"{trainable:,} of {total:,} "
         f"({100 * trainable / max(1, total):.2f} %)"})}

## Evaluation (held-out split, before → after; primary metric: `{primary}`)

| metric | before | after | change |
|---|---|---|---|
{metric_rows}

A model of a few million parameters (the demo) learns the answer *format* long before it learns to copy
values: expect JSON validity and character ROUGE-L to rise first and exact match / field F1 to stay low.

## Hyperparameters

| key | value |
|---|---|
{_table(params)}

## Environment

| package | version |
|---|---|
{_table(env)}

## Intended use and limits

Use only for the task of the dataset above, through the aikojo gateway with the project's guardrail policy.
Re-evaluate before promoting to production; outputs can be wrong and must be checked where decisions depend on them.
"""
