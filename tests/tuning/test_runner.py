"""run_recipe end to end on the demo model: evaluation before/after, registry and lineage, MLflow tracking,
model card, idempotent jobs, failure and stop/resume. Training runs are ≤10 steps (the CI rule)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aikojo.registry import service as registry
from aikojo.serving.adapter_store import AdapterStore
from aikojo.tuning.runner import load_recipe, run_recipe
from tests.tuning.helpers import make_recipe


@pytest.fixture(scope="module")
def lora_run(tune_platform, claims_small, tmp_path_factory):
    from aikojo.tenancy.roles import Actor

    recipe = load_recipe(make_recipe(
        claims_small, name="claims-test", train={"max_steps": 8, "save_steps": 4},
        data={"max_eval_samples": 8},
        eval={"metrics": ["json_valid", "char_rouge_l", "json_field_f1", "loss"], "max_new_tokens": 48},
        tracking={"backend": "mlflow", "experiment": "tests"}))
    out = tmp_path_factory.mktemp("lora-run")
    result = run_recipe(recipe, platform=tune_platform, actor=Actor.local(), output_dir=out, progress=False,
                        job_id="job-lora")
    return result, recipe


def test_lora_raises_the_primary_metric_and_lowers_held_out_loss(lora_run):
    # 8 steps is enough for the format to start appearing; the full claim (+0.2) is the slow test below.
    result, _ = lora_run
    assert result.primary_metric == "char_rouge_l"
    assert result.metrics_after["char_rouge_l"] > result.metrics_before["char_rouge_l"] + 0.05
    assert result.metrics_after["loss"] < result.metrics_before["loss"] - 1.0


def test_the_adapter_is_published_for_the_gateway_with_a_model_card(lora_run, tune_platform):
    result, _ = lora_run
    assert result.adapter == "claims-test@1"
    store = AdapterStore(tune_platform.settings.adapters_dir)
    ref = store.ref("claims-test", 1)
    assert ref.base_model == "demo"
    card = (Path(ref.path) / "README.md").read_text(encoding="utf-8")
    assert "claims-test v1" in card and result.run_id in card and "char_rouge_l" in card
    assert (Path(ref.path) / "adapter_config.json").exists()


def test_lineage_links_dataset_run_and_adapter_with_the_environment(lora_run, tune_platform, admin):
    result, recipe = lora_run
    tune_platform.settings.adapters_dir.joinpath("claims-test", "deployments.json").write_text('{"acme/claims": 1}')
    out = registry.lineage(tune_platform, admin, "claims-test@1")
    assert out["dataset"]["name"] == "claims_small"
    assert out["run"]["id"] == result.run_id and out["run"]["status"] == "completed"
    assert out["adapter"]["served_as"] == "claims-test@1" and out["adapter"]["trainable_params"] > 0
    assert out["deployments"] == [{"project": "acme/claims", "version": 1}]
    env = out["run"]["environment"]
    for pkg in ("python", "torch", "transformers", "peft", "trl", "bitsandbytes", "device"):
        assert env[pkg], pkg
    assert out["run"]["recipe"]["train"]["max_steps"] == recipe.train.max_steps


def test_promote_sets_an_alias_the_gateway_resolves(lora_run, tune_platform, admin):
    registry.promote(tune_platform, admin, "claims-test@1", "production")
    assert registry.show(tune_platform, admin, "claims-test@production")["version"] == 1
    assert AdapterStore(tune_platform.settings.adapters_dir).resolve("claims-test", "production", "x/y").version == 1


def test_mlflow_holds_params_step_metrics_and_artifacts(lora_run, tune_platform):
    from mlflow.tracking import MlflowClient

    result, _ = lora_run
    run_row = registry.show(tune_platform, _admin(), result.run_id)
    client = MlflowClient(f"sqlite:///{tune_platform.settings.home / 'tracking' / 'mlflow.db'}")
    run = client.get_run(run_row["tracking_run_id"])
    assert run.info.status == "FINISHED"
    assert run.data.params["recipe.train.max_steps"] == "8" and "environment.torch" in run.data.params
    assert len(client.get_metric_history(run.info.run_id, "train.loss")) == 8
    assert "after.char_rouge_l" in run.data.metrics
    paths = {a.path for a in client.list_artifacts(run.info.run_id)}
    assert {"adapter", "eval_report.json"} <= paths
    assert "adapter/README.md" in {a.path for a in client.list_artifacts(run.info.run_id, "adapter")}


def test_restarting_a_finished_job_changes_nothing(lora_run, tune_platform, admin):
    result, recipe = lora_run
    again = run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=result.output_dir, progress=False,
                       job_id="job-lora")
    assert (again.run_id, again.adapter) == (result.run_id, result.adapter)
    assert AdapterStore(tune_platform.settings.adapters_dir).versions("claims-test") == [1]
    assert len(registry.list_items(tune_platform, admin, "adapters", "claims-test")) == 1


def test_a_failing_run_is_marked_failed_and_registers_nothing(tune_platform, claims_small, admin, tmp_path,
                                                              monkeypatch):
    from aikojo.tuning.recipes.lora import LoraRecipe

    def boom(self, ctx):
        raise RuntimeError("disk full")

    monkeypatch.setattr(LoraRecipe, "train", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        run_recipe(load_recipe(make_recipe(claims_small, name="doomed")), platform=tune_platform, actor=admin,
                   output_dir=tmp_path, progress=False)
    runs = registry.list_items(tune_platform, admin, "runs", "doomed")
    assert [r["status"] for r in runs] == ["failed"] and "disk full" in runs[0]["error"]
    assert registry.list_items(tune_platform, admin, "adapters", "doomed") == []
    assert AdapterStore(tune_platform.settings.adapters_dir).versions("doomed") == []


def test_a_stopped_job_saves_a_checkpoint_and_resumes_to_one_adapter(tune_platform, claims_small, admin, tmp_path):
    recipe = load_recipe(make_recipe(claims_small, name="resumable", train={"max_steps": 3, "save_steps": 10}))
    stopped = run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=tmp_path, progress=False,
                         job_id="job-stop", should_stop=lambda: True)
    assert stopped.status == "stopped" and stopped.adapter is None
    assert (tmp_path / "checkpoints" / "checkpoint-1" / "trainer_state.json").exists()
    assert registry.show(tune_platform, admin, stopped.run_id)["status"] == "stopped"

    done = run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=tmp_path, progress=False,
                      job_id="job-stop")
    assert done.run_id == stopped.run_id and done.adapter == "resumable@1"
    state = json.loads((tmp_path / "eval_report.json").read_text())
    assert state["train"]["steps"] == 3
    assert [h["step"] for h in state["history"] if "loss" in h] == [2, 3]  # steps 2-3 only: it resumed at 1
    assert len(registry.list_items(tune_platform, admin, "adapters", "resumable")) == 1


@pytest.mark.parametrize("method", ["qlora", "full", "prompt"])
def test_the_other_methods_complete_and_register(method, tune_platform, claims_small, admin, tmp_path):
    sections = {"prompt": {"templates": [{"name": "dataset"}, {"name": "one-shot", "few_shot": 1}]}} \
        if method == "prompt" else {}
    recipe = load_recipe(make_recipe(claims_small, method=method, name=f"m-{method}", **sections))
    result = run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=tmp_path, progress=False)
    run = registry.show(tune_platform, admin, result.run_id)
    assert run["status"] == "completed"
    expected = {"qlora": "m-qlora@1", "full": "m-full@1", "prompt": "prompt:m-prompt@1"}[method]
    assert run["artifact"] == expected
    assert (result.adapter is not None) == (method == "qlora")
    assert set(result.metrics_after) >= {"char_rouge_l"}


def _admin():
    from aikojo.tenancy.roles import Actor

    return Actor.local()


@pytest.mark.slow
def test_the_lora_demo_recipe_learns_the_format(tune_platform, admin, tmp_path):
    """The issue's acceptance claim, with the shipped recipe: primary metric +0.2 or more, held-out loss down."""
    recipe = load_recipe(Path(__file__).resolve().parents[2] / "examples" / "recipes" / "lora-demo.yaml",
                         overrides=["tracking.backend=none"])
    result = run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=tmp_path, progress=False)
    primary = result.primary_metric
    assert result.metrics_after[primary] >= result.metrics_before[primary] + 0.2
    assert result.metrics_after["loss"] < result.metrics_before["loss"]


def test_export_writes_a_peft_folder_and_a_merged_model_that_answers_the_same(lora_run, tune_platform, admin,
                                                                             tmp_path):
    import torch
    from peft import PeftModel

    from aikojo.serving.loading import load_causal_lm
    from aikojo.tuning.export import export_adapter
    from aikojo.tuning.models import resolve_base_model

    peft_dir = export_adapter(tune_platform, admin, "claims-test@1", tmp_path / "peft").out_dir
    assert {"adapter_config.json", "adapter_model.safetensors", "README.md"} <= {p.name for p in peft_dir.iterdir()}
    merged = export_adapter(tune_platform, admin, "claims-test@1", tmp_path / "merged", merge=True)
    assert (merged.out_dir / "model.safetensors").exists() and not merged.dequantised
    model, tok = load_causal_lm(merged.out_dir, device="cpu")
    ids = torch.tensor([tok("証券番号はKJ-AB-123456です。")["input_ids"]])
    base, _ = load_causal_lm(resolve_base_model("demo", tune_platform.settings)[1], device="cpu")
    with_adapter = PeftModel.from_pretrained(base, str(peft_dir))
    with torch.no_grad():
        assert torch.allclose(model(ids).logits, with_adapter(ids).logits, atol=1e-4)
