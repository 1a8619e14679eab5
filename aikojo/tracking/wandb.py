"""Weights & Biases tracking (optional extra ``[wandb]``, wandb ≥0.19.10). ``mode=offline`` writes runs under
KOJO_HOME/tracking/wandb without an account or network; ``wandb sync KOJO_HOME/tracking/wandb/wandb/offline-run-*``
uploads them later.

wandb stages logged artifact files under ``WANDB_DATA_DIR`` (default ``~/.local/share/wandb``) and an offline
run refers to those copies until it is synced; unless ``WANDB_DATA_DIR`` is set, the tracker points it at
``KOJO_HOME/tracking/wandb/data`` so an offline run is complete inside KOJO_HOME (a pod's volume, a laptop's
project folder).

``end()`` finishes the run and then stops wandb's ``wandb-core`` service (``wandb.teardown()``): ``finish()``
returns before the service has written the run's transaction log out, and tearing the service down waits for
it, so when ``end()`` returns the offline run is complete (ready for ``wandb sync``) and no wandb process
outlives the tracked run. The tracker owns wandb in its process (``start()`` finishes any previous run); the
next ``start()`` starts the service again (well under a second)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from aikojo.errors import InvalidInput
from aikojo.tracking import flatten


class WandbTracker:
    def __init__(self, *, project: str, mode: str, directory: Path) -> None:
        try:
            import wandb
        except ImportError:
            raise InvalidInput("tracking backend 'wandb' needs the wandb package: pip install 'aikojo[wandb]' "
                               "(or use tracking.backend=mlflow)", param="tracking.backend")
        self._wandb = wandb
        self.project, self.mode, self.directory = project, mode, directory
        self.run: Any = None
        self.run_id: str | None = None

    def start(self, *, experiment: str, run_name: str, resume_id: str | None = None,
              tags: dict[str, str] | None = None) -> str | None:
        self.directory.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("WANDB_DATA_DIR", str((self.directory / "data").resolve()))
        self.run = self._wandb.init(project=self.project, group=experiment, name=run_name, mode=self.mode,
                                    dir=str(self.directory), id=resume_id, resume="allow" if resume_id else None,
                                    tags=[f"{k}:{v}" for k, v in (tags or {}).items()], reinit="finish_previous")
        self.run_id = self.run.id
        return self.run_id

    def log_params(self, params: dict[str, Any]) -> None:
        if self.run is not None:
            self.run.config.update(flatten(params), allow_val_change=True)

    def log_metrics(self, metrics: dict[str, float], step: int | None = None) -> None:
        if self.run is not None:
            self.run.log(dict(metrics), step=step)

    def log_artifact(self, path: Path, artifact_path: str | None = None) -> None:
        if self.run is None:
            return
        art = self._wandb.Artifact(name=(artifact_path or Path(path).name).replace("/", "-"), type="aikojo")
        if Path(path).is_dir():
            art.add_dir(str(path))
        else:
            art.add_file(str(path))
        self.run.log_artifact(art)

    def end(self, status: str = "FINISHED") -> None:
        if self.run is not None:
            self.run.finish(exit_code=0 if status == "FINISHED" else 1)
            self.run = None
            self._wandb.teardown()  # waits until the run is on disk; see the module docstring
