"""Experiment tracking behind one Protocol: MLflow (default, a local store under KOJO_HOME/tracking),
Weights & Biases (optional; offline mode needs no account) or none. Chosen once, from settings/recipe."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol


class Tracker(Protocol):
    run_id: str | None

    def start(self, *, experiment: str, run_name: str, resume_id: str | None = None,
              tags: dict[str, str] | None = None) -> str | None:
        """Open (or reopen, for a resumed job) a tracked run; returns its id."""

    def log_params(self, params: dict[str, Any]) -> None: ...

    def log_metrics(self, metrics: dict[str, float], step: int | None = None) -> None: ...

    def log_artifact(self, path: Path, artifact_path: str | None = None) -> None:
        """A file or a whole folder."""

    def end(self, status: str = "FINISHED") -> None:
        """status: FINISHED, FAILED or KILLED."""


def make_tracker(backend: str, *, home: Path, tracking_uri: str | None = None, wandb_project: str = "aikojo",
                 wandb_mode: str = "offline") -> Tracker:
    if backend == "mlflow":
        from aikojo.tracking.mlflow import MlflowTracker

        folder = (home / "tracking").resolve()
        folder.mkdir(parents=True, exist_ok=True)
        # A SQLite store (MLflow's file store is deprecated); artifacts beside it.
        return MlflowTracker(tracking_uri or f"sqlite:///{folder / 'mlflow.db'}",
                             artifact_root=(folder / "artifacts").as_uri())
    if backend == "wandb":
        from aikojo.tracking.wandb import WandbTracker

        return WandbTracker(project=wandb_project, mode=wandb_mode, directory=home / "tracking" / "wandb")
    from aikojo.tracking.none import NoTracker

    return NoTracker()


def flatten(params: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"train": {"lr": 1}} → {"train.lr": 1}: trackers want flat keys."""
    out: dict[str, Any] = {}
    for k, v in params.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, f"{key}."))
        else:
            out[key] = v
    return out
