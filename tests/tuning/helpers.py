"""Helpers shared by the tuning tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def make_recipe(data_path: Path, method: str = "lora", **sections: Any) -> dict[str, Any]:
    """A recipe dict for tests; ``sections`` are merged over these small defaults."""
    recipe: dict[str, Any] = {
        "name": f"test-{method}", "method": method, "base_model": "demo", "seed": 0,
        "data": {"path": str(data_path), "max_eval_samples": 4, "max_length": 192},
        "train": {"max_steps": 2, "learning_rate": 5e-3, "batch_size": 4, "save_steps": 1, "num_threads": 1},
        "eval": {"metrics": ["char_rouge_l", "loss"], "primary": "char_rouge_l", "max_new_tokens": 8},
        "tracking": {"backend": "none"},
    }
    for key, value in sections.items():
        recipe[key] = {**recipe.get(key, {}), **value} if isinstance(value, dict) else value
    return recipe


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in records), encoding="utf-8")
    return path
