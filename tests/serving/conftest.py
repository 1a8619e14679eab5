"""Fixtures for the serving tests: the demo model, loaded once per session through the real loading path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach the hub from tests


@pytest.fixture(scope="session")
def demo_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed demo model; when a checkout lacks the weights, a few-step build stands in so the
    behaviour tests still run (test_committed_demo_assets_are_complete reports the missing assets)."""
    from aikojo.serving.loading import resolve_demo_assets

    assets = resolve_demo_assets()
    if assets is not None:
        return assets
    from aikojo.serving.demo_model import build_demo_model

    return build_demo_model(tmp_path_factory.mktemp("demo-model"), steps=3, progress=False).out_dir


@pytest.fixture(scope="session")
def demo_model(demo_model_dir: Path) -> tuple[Any, Any]:
    """(model, tokenizer) of the demo model on the CPU."""
    from aikojo.serving.loading import load_causal_lm

    return load_causal_lm(str(demo_model_dir), device="cpu")


@pytest.fixture(scope="session")
def lora_adapters(tmp_path_factory: pytest.TempPathFactory, demo_model_dir: Path) -> dict[str, Path]:
    """Three untrained LoRA adapters with random non-zero weights for the demo model ("tone-a", "tone-b",
    "tone-c") and a DoRA one ("dora"), written once per session; each changes the model's output differently."""
    from aikojo.serving.local.random_adapter import make_random_lora_adapter

    root = tmp_path_factory.mktemp("adapters")
    names = ["tone-a", "tone-b", "tone-c"]
    adapters = {name: make_random_lora_adapter(demo_model_dir, root / name, seed=i) for i, name in enumerate(names)}
    adapters["dora"] = make_random_lora_adapter(demo_model_dir, root / "dora", seed=7, dora=True)
    return adapters


@pytest.fixture(scope="session")
def local_engine(demo_model_dir: Path) -> Iterator[Any]:
    """One LocalEngine on the demo model (CPU) for the whole session; closed at the end."""
    import asyncio

    from aikojo.serving.local_engine import LocalEngine

    # A generous gathering window keeps "concurrent requests share a batch" deterministic on a busy machine;
    # one CPU thread keeps steps fast when other processes compete for the cores.
    engine = LocalEngine("demo", str(demo_model_dir), device="cpu", max_batch=8, batch_wait_ms=50.0, cpu_threads=1)
    yield engine
    asyncio.run(engine.close())
