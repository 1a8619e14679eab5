"""Shared by the Kubeflow executor tests: a transient Job (no database) and skip marks for optional packages."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Any

import pytest

from aikojo.factory.models import Job

needs_trainer_sdk = pytest.mark.skipif(find_spec("kubeflow_trainer_api") is None,
                                       reason="kubeflow-trainer-api (Kubeflow Trainer SDK models) not installed")
needs_training_sdk = pytest.mark.skipif(find_spec("kubeflow") is None or find_spec("kubeflow.training") is None,
                                        reason="kubeflow-training (PyTorchJob SDK models) not installed")

JOB_ID = "0f3a9c2e5b7d41e8a6c4b2d0e9f8a7b6"
REF = f"trainjob/kojo-acme/kojo-{JOB_ID}"


def make_job(**overrides: Any) -> Job:
    values: dict[str, Any] = dict(id=JOB_ID, tenant="acme", project="claims", submitted_by="local:alice",
                                  recipe="method: lora\n", name="claims-lora", method="lora", executor="kubeflow",
                                  processes=1, gpus=0, priority=3, status="queued", cancel_requested=False)
    values.update(overrides)
    return Job(**values)
