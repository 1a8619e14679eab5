"""Kubeflow manifests (TrainJob, PyTorchJob) checked against the official Kubeflow SDK models.

Validation is a strict round trip: the SDK models ignore unknown keys and coerce some types, so a manifest is
valid only if ``Model.from_dict(m).to_dict() == m`` (nothing dropped, nothing retyped, required fields present).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from aikojo.errors import InvalidInput
from aikojo.factory.executors.kubeflow import KubeflowConfig, image_reference, render, render_yaml
from tests.factory.kubeflow_support import JOB_ID, make_job, needs_trainer_sdk, needs_training_sdk


def assert_round_trips(model: Any, manifest: dict[str, Any]) -> None:
    assert model.from_dict(manifest).to_dict() == manifest


# ---- rendering: TrainJob ------------------------------------------------------------------------------------

@needs_trainer_sdk
def test_trainjob_is_valid_for_the_trainer_sdk_models() -> None:
    from kubeflow_trainer_api.models import TrainerV1alpha1TrainJob

    for job in (make_job(), make_job(processes=4), make_job(gpus=16, processes=16)):
        assert_round_trips(TrainerV1alpha1TrainJob, render(job, "trainjob"))


@needs_trainer_sdk
def test_trainer_sdk_round_trip_catches_a_misspelt_or_mistyped_field() -> None:
    # Guards the validation method itself: without the round trip these would pass silently.
    from kubeflow_trainer_api.models import TrainerV1alpha1TrainJob
    from pydantic import ValidationError

    misspelt = render(make_job())
    misspelt["spec"]["trainer"]["numNode"] = 2
    with pytest.raises(AssertionError):
        assert_round_trips(TrainerV1alpha1TrainJob, misspelt)
    mistyped = render(make_job())
    mistyped["spec"]["trainer"]["numNodes"] = "2"
    with pytest.raises(ValidationError):
        TrainerV1alpha1TrainJob.from_dict(mistyped)


# The shape of Kubeflow Trainer's stock torch-distributed runtime: one replicated job "node", container "node".
TORCH_DISTRIBUTED_RUNTIME = yaml.safe_load("""
apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata: {name: torch-distributed}
spec:
  mlPolicy: {numNodes: 1, torch: {numProcPerNode: auto}}
  template:
    spec:
      replicatedJobs:
        - name: node
          template:
            metadata: {labels: {trainer.kubeflow.org/trainjob-ancestor-step: trainer}}
            spec:
              template:
                spec:
                  containers: [{name: node, image: "pytorch/pytorch:2.7.1-cuda12.6-cudnn9-runtime"}]
""")


@needs_trainer_sdk
def test_trainjob_references_torch_distributed_and_patches_its_node_pods() -> None:
    from kubeflow_trainer_api.models import TrainerV1alpha1ClusterTrainingRuntime

    runtime = TrainerV1alpha1ClusterTrainingRuntime.from_dict(TORCH_DISTRIBUTED_RUNTIME)
    spec = render(make_job())["spec"]
    assert spec["runtimeRef"] == {"apiGroup": "trainer.kubeflow.org", "kind": "ClusterTrainingRuntime",
                                  "name": runtime.metadata.name}
    runtime_jobs = {rj.name: rj for rj in runtime.spec.template.spec.replicated_jobs}
    for patch in spec["runtimePatches"]:
        for rj in patch["trainingRuntimeSpec"]["template"]["spec"]["replicatedJobs"]:
            assert rj["name"] in runtime_jobs
            runtime_containers = {c.name for c in runtime_jobs[rj["name"]].template.spec.template.spec.containers}
            assert {c["name"] for c in rj["template"]["spec"]["template"]["spec"]["containers"]} <= runtime_containers


def test_gpu_job_spreads_over_nodes_one_process_per_gpu() -> None:
    trainer = render(make_job(gpus=16, processes=16))["spec"]["trainer"]
    assert (trainer["numNodes"], trainer["numProcPerNode"]) == (2, 8)
    assert trainer["resourcesPerNode"]["limits"]["nvidia.com/gpu"] == "8"
    assert trainer["resourcesPerNode"]["requests"]["nvidia.com/gpu"] == "8"
    assert trainer["command"] == ["torchrun", "-m", "aikojo.factory.run_job", JOB_ID]


def test_single_process_cpu_job_runs_the_job_entry_point_without_gpus() -> None:
    trainer = render(make_job())["spec"]["trainer"]
    assert trainer["command"] == ["python", "-m", "aikojo.factory.run_job", JOB_ID]
    assert (trainer["numNodes"], trainer["numProcPerNode"]) == (1, 1)
    assert "nvidia.com/gpu" not in trainer["resourcesPerNode"]["requests"]
    assert "nvidia.com/gpu" not in trainer["resourcesPerNode"]["limits"]


def test_multi_process_cpu_job_uses_torchrun_on_one_node() -> None:
    trainer = render(make_job(processes=2))["spec"]["trainer"]
    assert trainer["command"][0] == "torchrun"
    assert (trainer["numNodes"], trainer["numProcPerNode"]) == (1, 2)
    assert trainer["resourcesPerNode"]["requests"]["cpu"] == "4"  # 2 processes × the default 2 CPUs


def test_gpus_that_do_not_split_evenly_are_refused_with_a_hint() -> None:
    with pytest.raises(InvalidInput, match="max_gpus_per_node"):
        render(make_job(gpus=9))


def test_kueue_queue_label_is_taken_from_the_project() -> None:
    labels = render(make_job(project="claims"))["metadata"]["labels"]
    assert labels["kueue.x-k8s.io/queue-name"] == "acme-claims"
    custom = KubeflowConfig(queue_name="{project}", priority_class="kojo-p{priority}")
    labels = render(make_job(project="fraud"), config=custom)["metadata"]["labels"]
    assert labels["kueue.x-k8s.io/queue-name"] == "fraud"
    assert labels["kueue.x-k8s.io/priority-class"] == "kojo-p3"
    assert "kueue.x-k8s.io/queue-name" not in render(make_job(), config=KubeflowConfig(queue_name=None))[
        "metadata"]["labels"]


def test_unknown_template_placeholder_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match=r"\{tenant\}, \{project\} or \{priority\}"):
        render(make_job(), config=KubeflowConfig(queue_name="{team}"))


def test_manifest_lives_in_the_tenant_namespace_with_a_dns_safe_name() -> None:
    meta = render(make_job(id="Job_ID.With/Odd:chars" * 3, tenant="acme"))["metadata"]
    assert meta["namespace"] == "kojo-acme"
    assert len(meta["name"]) <= 48 and meta["name"][0].isalpha()
    assert set(meta["name"]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_database_url_comes_from_a_secret_never_a_literal() -> None:
    for flavour in ("trainjob", "pytorchjob"):
        text = render_yaml(make_job(), flavour)
        manifest = yaml.safe_load(text)
        env = (manifest["spec"]["trainer"]["env"] if flavour == "trainjob" else
               manifest["spec"]["pytorchReplicaSpecs"]["Master"]["template"]["spec"]["containers"][0]["env"])
        db = next(e for e in env if e["name"] == "KOJO_DATABASE_URL")
        assert db == {"name": "KOJO_DATABASE_URL",
                      "valueFrom": {"secretKeyRef": {"name": "kojo-database", "key": "url"}}}


def test_data_and_output_volumes_are_mounted_and_checkpoints_survive_a_pod_restart() -> None:
    pod = render(make_job())["spec"]["runtimePatches"][0]["trainingRuntimeSpec"]["template"]["spec"][
        "replicatedJobs"][0]["template"]["spec"]["template"]["spec"]
    claims = {v["name"]: v["persistentVolumeClaim"]["claimName"]
              for v in pod["volumes"] if "persistentVolumeClaim" in v}
    assert claims == {"artifacts": "kojo-artifacts", "data": "kojo-data"}
    mounts = {m["mountPath"]: m for m in pod["containers"][0]["volumeMounts"]}
    assert mounts["/var/lib/kojo/artifacts"]["name"] == "artifacts"
    assert mounts["/var/lib/kojo/jobs"]["name"] == "artifacts"  # run_job keeps checkpoints in KOJO_HOME/jobs
    assert mounts["/data"]["readOnly"] is True


def test_render_yaml_is_the_rendered_manifest() -> None:
    assert yaml.safe_load(render_yaml(make_job(gpus=2))) == render(make_job(gpus=2))


def test_image_reference_is_recorded_from_the_pod_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KOJO_IMAGE", raising=False)
    monkeypatch.delenv("KOJO_IMAGE_BUILD", raising=False)
    assert image_reference() is None
    monkeypatch.setenv("KOJO_IMAGE_BUILD", "aikojo 0.1.0 (cpu)")
    assert image_reference() == "aikojo 0.1.0 (cpu)"
    config = KubeflowConfig(image="registry.example/kojo@sha256:" + "a" * 64)
    env = {e["name"]: e.get("value") for e in render(make_job(), config=config)["spec"]["trainer"]["env"]}
    monkeypatch.setenv("KOJO_IMAGE", env["KOJO_IMAGE"])
    assert image_reference() == config.image


# ---- rendering: PyTorchJob ----------------------------------------------------------------------------------

def _training_sdk_round_trip(manifest: dict[str, Any]) -> dict[str, Any]:
    from kubeflow.training import ApiClient

    client = ApiClient()
    # The generated client deserialises API responses this way; its models check required fields.
    model = client._ApiClient__deserialize(manifest, "KubeflowOrgV1PyTorchJob")
    return client.sanitize_for_serialization(model)


@needs_training_sdk
def test_pytorchjob_is_valid_for_the_training_sdk_models() -> None:
    for job in (make_job(), make_job(processes=2), make_job(gpus=16)):
        manifest = render(job, "pytorchjob")
        assert _training_sdk_round_trip(manifest) == manifest


@needs_training_sdk
def test_training_sdk_round_trip_catches_a_misspelt_field() -> None:
    manifest = render(make_job(), "pytorchjob")
    manifest["spec"]["pytorchReplicaSpecs"]["Master"]["restartPolicies"] = "Never"
    assert _training_sdk_round_trip(manifest) != manifest


def test_pytorchjob_has_one_master_workers_for_other_nodes_and_a_pytorch_container() -> None:
    spec = render(make_job(gpus=24), "pytorchjob")["spec"]
    replicas = spec["pytorchReplicaSpecs"]
    assert replicas["Master"]["replicas"] == 1 and replicas["Worker"]["replicas"] == 2
    assert spec["nprocPerNode"] == "8"
    for r in replicas.values():
        container = r["template"]["spec"]["containers"][0]
        assert container["name"] == "pytorch"  # the training operator only wires up this container
        assert container["resources"]["limits"]["nvidia.com/gpu"] == "8"
    assert "Worker" not in render(make_job(), "pytorchjob")["spec"]["pytorchReplicaSpecs"]
