"""The factory: tuning jobs queued with quotas and priorities, run by a local worker (subprocess; torchrun for
several processes) or on Kubernetes (Kubeflow Trainer), with results registered and adapters deployable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from aikojo.errors import InvalidInput


def recipe_for_queue(recipe: str | Path | dict[str, Any], overrides: list[str] | None = None) -> tuple[str, str, str]:
    """Validate a recipe now (bad input fails at submission, not an hour later in the queue) and return
    (resolved YAML with overrides applied, name, method)."""
    try:
        from aikojo.tuning.runner import load_recipe
    except ImportError as exc:  # pragma: no cover - tuning not installed
        raise InvalidInput(f"the tuning engine is not installed ({exc.name})")
    model = load_recipe(recipe, overrides=overrides or [])
    data = model.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False), str(data.get("name") or "job"), \
        str(data.get("method") or "lora")
