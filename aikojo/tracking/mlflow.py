"""MLflow tracking. Default store: SQLite at ``KOJO_HOME/tracking/mlflow.db`` with artifacts in
``KOJO_HOME/tracking/artifacts``, browsable with ``mlflow ui --backend-store-uri sqlite:///KOJO_HOME/tracking/mlflow.db``;
set KOJO_TRACKING_URI for an MLflow server.

An explicit client (not the module-level fluent API) keeps each run's URI to itself, so a worker process can
track several jobs without global state."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from aikojo.tracking import flatten

_MAX_PARAM_CHARS = 500  # MLflow refuses longer parameter values


class MlflowTracker:
    def __init__(self, tracking_uri: str, artifact_root: str | None = None) -> None:
        from mlflow.tracking import MlflowClient

        self.tracking_uri = tracking_uri
        self.artifact_root = artifact_root
        self.client = MlflowClient(tracking_uri=tracking_uri)
        self.run_id: str | None = None

    def start(self, *, experiment: str, run_name: str, resume_id: str | None = None,
              tags: dict[str, str] | None = None) -> str | None:
        if resume_id:
            self.client.update_run(resume_id, status="RUNNING")
            self.run_id = resume_id
            return resume_id
        exp = self.client.get_experiment_by_name(experiment)
        exp_id = exp.experiment_id if exp else self.client.create_experiment(
            experiment, artifact_location=f"{self.artifact_root}/{experiment}" if self.artifact_root else None)
        run = self.client.create_run(exp_id, run_name=run_name, tags=tags or {})
        self.run_id = run.info.run_id
        return self.run_id

    def log_params(self, params: dict[str, Any]) -> None:
        if not self.run_id:
            return
        from mlflow.entities import Param

        existing = self.client.get_run(self.run_id).data.params  # a resumed run: params are write-once
        batch = [Param(k, str(v)[:_MAX_PARAM_CHARS]) for k, v in flatten(params).items() if k not in existing]
        for i in range(0, len(batch), 100):
            self.client.log_batch(self.run_id, params=batch[i:i + 100])

    def log_metrics(self, metrics: dict[str, float], step: int | None = None) -> None:
        if not self.run_id:
            return
        import time

        from mlflow.entities import Metric

        now = int(time.time() * 1000)
        batch = [Metric(k.replace("@", "_"), float(v), now, step or 0) for k, v in metrics.items()
                 if isinstance(v, int | float) and math.isfinite(float(v))]
        if batch:
            self.client.log_batch(self.run_id, metrics=batch)

    def log_artifact(self, path: Path, artifact_path: str | None = None) -> None:
        if not self.run_id:
            return
        if Path(path).is_dir():
            self.client.log_artifacts(self.run_id, str(path), artifact_path)
        else:
            self.client.log_artifact(self.run_id, str(path), artifact_path)

    def end(self, status: str = "FINISHED") -> None:
        if self.run_id:
            self.client.set_terminated(self.run_id, status=status)
