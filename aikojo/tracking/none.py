"""No tracking: every call does nothing (tests, air-gapped runs that keep only the registry)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class NoTracker:
    run_id: str | None = None

    def start(self, *, experiment: str, run_name: str, resume_id: str | None = None,
              tags: dict[str, str] | None = None) -> str | None:
        return None

    def log_params(self, params: dict[str, Any]) -> None:
        pass

    def log_metrics(self, metrics: dict[str, float], step: int | None = None) -> None:
        pass

    def log_artifact(self, path: Path, artifact_path: str | None = None) -> None:
        pass

    def end(self, status: str = "FINISHED") -> None:
        pass
