"""The one entry point that runs a recipe (``kojo tune --now`` and the factory's workers call it)::

    recipe = load_recipe("examples/recipes/lora-demo.yaml", overrides=["train.max_steps=10"])
    result = run_recipe(recipe, platform=p, actor=actor, output_dir=Path("out"), job_id="job-42")

Order of work: every check that can fail on bad input (device, base model, dataset, PII policy) runs before
anything is stored or trained. Then the dataset and run are registered (a job id seen before reuses its run),
the method evaluates before, trains (resumable checkpoints under ``output_dir/checkpoints``), evaluates
after, and the artifact is published and registered exactly once, together with the run's completion. A failure
marks the run ``failed`` with no artifact; a stop request saves a checkpoint and marks it ``stopped``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aikojo.platform import Platform
from aikojo.registry import service as registry
from aikojo.tenancy.roles import Actor
from aikojo.tuning import provenance
from aikojo.tuning.data import Dataset, DatasetError, load_dataset, split, stats
from aikojo.tuning.models import check_device, folder_size, resolve_base_model
from aikojo.tuning.recipes import Artifact, RunContext, get_recipe
from aikojo.tuning.recipes.config import Recipe, apply_overrides, parse_recipe, read_recipe_file
from aikojo.tuning.recipes.sft import latest_checkpoint
from aikojo.tuning.scans import pii_scan, poisoning_scan
from aikojo.tuning.settings import tuning_settings

RUN_MARKER = "kojo-run.json"  # inside a published adapter: which run produced it (makes publishing idempotent)


@dataclass
class TuneResult:
    run_id: str
    method: str
    adapter: str | None  # served name "name@N" (None for prompt/full methods and stopped runs)
    metrics_before: dict[str, float]
    metrics_after: dict[str, float]
    primary_metric: str
    output_dir: Path
    checkpoint_dir: Path
    status: str = "completed"  # or "stopped"
    artifact: str | None = None  # what was registered: "name@N", "prompt:name@N", "model:name@N"

    def summary(self) -> dict[str, Any]:
        """The one JSON line ``kojo tune --json`` prints last."""
        return {"run_id": self.run_id, "method": self.method, "adapter": self.adapter,
                "metrics_before": self.metrics_before, "metrics_after": self.metrics_after,
                "primary_metric": self.primary_metric}


def load_recipe(source: str | Path | dict[str, Any] | Recipe, overrides: list[str] | None = None) -> Recipe:
    """Read and validate a recipe (file path or dict) with ``key.sub=value`` overrides. Raises
    :class:`aikojo.errors.InvalidInput` naming the file and field, with the closest valid key for typos.
    A relative ``data.path`` is resolved against the recipe's folder, then the working directory."""
    if isinstance(source, Recipe):
        source = source.model_dump(mode="json", exclude_none=True)
    if isinstance(source, dict):
        data, origin, folder = json.loads(json.dumps(source)), str(source.get("source") or "<recipe>"), None
    else:
        path = Path(source)
        data, origin, folder = read_recipe_file(path), str(path), path.resolve().parent
    recipe = parse_recipe(apply_overrides(data, list(overrides or [])), source=origin)
    data_path = recipe.data.path.expanduser()
    if not data_path.is_absolute():
        candidates = ([folder / data_path] if folder else []) + [Path.cwd() / data_path]
        data_path = next((c for c in candidates if c.exists()), candidates[-1])
    recipe.data.path = data_path.resolve()
    recipe.source = recipe.source or (origin if folder else None)
    return recipe


@dataclass
class PreparedData:
    dataset: Dataset
    train: list[Any]
    eval: list[Any]
    stats: dict[str, Any]
    scans: dict[str, Any]


def prepare_data(recipe: Recipe) -> PreparedData:
    """The recipe's data as every rung sees it: loaded, deduplicated, PII-scanned (masked or refused as
    ``data.pii`` says), poisoning-scanned, split with the recipe's seed (the spectrum's generalist reuses it)."""
    d = recipe.data
    ds = load_dataset(d.path, d.format, dedupe=d.dedupe)
    pii, samples = pii_scan(ds.samples, d.pii)
    if d.pii == "fail" and pii["samples_with_pii"]:
        raise DatasetError(f"{d.path}: {pii['samples_with_pii']} record(s) contain personal data "
                           f"({', '.join(sorted(pii['types']))}; lines {pii['lines'][:10]}); data.pii=fail refuses "
                           "them — remove them, or set data.pii=mask to train on masked text")
    issues = [i.to_dict() for i in poisoning_scan(samples)]
    train, held_out = split(samples, d.eval_fraction, recipe.seed)
    if d.max_train_samples:
        train = train[: d.max_train_samples]
    if d.max_eval_samples:
        held_out = held_out[: d.max_eval_samples]
    return PreparedData(ds, train, held_out, stats(ds), {"pii": pii, "poisoning": issues})


def _say(progress: bool, text: str) -> None:
    if progress:
        print(f"[kojo tune] {text}", file=sys.stderr, flush=True)
    else:  # a factory job: timestamped lines in the job's log (bench/pipeline.py reads the stages from them)
        print(f"[kojo] t={time.time():.3f} {text}", flush=True)


def run_recipe(recipe: Recipe, *, platform: Platform, actor: Actor, output_dir: Path, resume_from: Path | None = None,
               progress: bool = True, job_id: str | None = None,
               should_stop: Callable[[], bool] = lambda: False) -> TuneResult:
    """Run ``recipe`` to completion (or to a clean stop). See the module docstring for the guarantees."""
    from transformers import set_seed

    p, ts = platform, tuning_settings()
    # ---- 1. everything that can fail on bad input, before anything is stored ----------------------------
    t = recipe.train
    device = check_device(t.device, fp16=t.fp16, fsdp=t.fsdp,
                          quant_compute=recipe.quant.compute_dtype if recipe.method == "qlora" else None)
    if recipe.method == "qlora":
        try:
            import bitsandbytes  # noqa: F401
        except ImportError:
            from aikojo.errors import InvalidInput

            raise InvalidInput("method qlora needs bitsandbytes ≥0.47 (pip install bitsandbytes)", param="method")
    base_name, base_path = resolve_base_model(recipe.base_model, p.settings)
    data = prepare_data(recipe)
    output_dir = Path(output_dir).resolve()
    checkpoint_dir = output_dir / "checkpoints"
    checkpoint_dir.mkdir(parents=True, exist_ok=True)
    resume = _resume_point(resume_from, checkpoint_dir, job_id)
    threads = t.num_threads or ts.tune_num_threads
    if threads:
        import torch

        torch.set_num_threads(threads)
    set_seed(recipe.seed)
    env = provenance.environment(device)
    recipe_json = recipe.model_dump(mode="json")

    # ---- 2. registry: dataset version, run (one per job) -------------------------------------------------
    ds = registry.register_dataset(p, actor, name=data.dataset.name, version=data.dataset.version,
                                   path=str(data.dataset.path), format=data.dataset.format,
                                   records=len(data.dataset.samples), stats=data.stats, scans=data.scans)
    run = registry.start_run(p, actor, name=recipe.name, method=recipe.method, dataset_id=ds["id"],
                             base_model=base_name, base_revision=recipe.base_revision, recipe=recipe_json,
                             environment=env, output_dir=str(output_dir), project=recipe.project, job_id=job_id,
                             git_commit=provenance.git_commit(Path(recipe.source)) if recipe.source else None)
    if run["status"] == "completed":  # a finished job restarted: report what it produced, change nothing
        m = run["metrics"] or {}
        return TuneResult(run["id"], recipe.method, run["artifact"] if recipe.method in ("lora", "qlora") else None,
                          m.get("before", {}), m.get("after", {}), recipe.eval.primary, output_dir, checkpoint_dir,
                          artifact=run["artifact"])
    # ---- 3. evaluate → train → evaluate → publish --------------------------------------------------------
    from aikojo.tracking.none import NoTracker

    impl = get_recipe(recipe.method)
    tracker: Any = NoTracker()
    ctx = RunContext(recipe=recipe, settings=p.settings, device=device, base_name=base_name, base_path=base_path,
                     train=data.train, eval=data.eval, output_dir=output_dir, checkpoint_dir=checkpoint_dir,
                     resume_from=resume, progress=progress, should_stop=should_stop,
                     on_metrics=lambda m, step: tracker.log_metrics({f"train.{k}": v for k, v in m.items()}, step))
    try:
        tracker = _tracker(recipe, p, ts)
        tracking_id = tracker.start(experiment=recipe.tracking.experiment, run_name=f"{recipe.name}-{run['id'][:8]}",
                                    resume_id=run["tracking_run_id"],
                                    tags={"kojo.run_id": run["id"], "kojo.method": recipe.method})
        if tracking_id and tracking_id != run["tracking_run_id"]:
            registry.set_tracking_id(p, run["id"], tracking_id)
        tracker.log_params({"recipe": recipe_json, "environment": env, "dataset": {
            "name": ds["name"], "version": ds["version"], "train": len(data.train), "eval": len(data.eval)}})
        _say(progress, f"run {run['id']}: {recipe.method} on {base_name}, {len(data.train)} train / "
                       f"{len(data.eval)} eval samples, device {device}")
        impl.setup(ctx)
        before = _cached_eval(output_dir / "eval_before.json", lambda: impl.evaluate(ctx).to_dict())
        tracker.log_metrics({f"before.{k}": v for k, v in before["metrics"].items()}, 0)
        _say(progress, f"before: {_fmt(before['metrics'])}")
        outcome = impl.train(ctx)
        if outcome.stopped:
            registry.finish_run(p, actor, run["id"], status="stopped", metrics={"before": before["metrics"]})
            tracker.end("KILLED")
            _say(progress, f"stopped at step {outcome.steps}; checkpoint saved under {checkpoint_dir}")
            return TuneResult(run["id"], recipe.method, None, before["metrics"], {}, recipe.eval.primary, output_dir,
                              checkpoint_dir, status="stopped")
        after = impl.evaluate(ctx).to_dict()
        tracker.log_metrics({f"after.{k}": v for k, v in after["metrics"].items()}, outcome.steps)
        _say(progress, f"after:  {_fmt(after['metrics'])}")
        train_info = {"steps": outcome.steps, "seconds": round(outcome.seconds, 2),
                      "peak_rss_mb": round(outcome.peak_rss_mb, 1), **outcome.extra}
        report = {"run_id": run["id"], "primary_metric": recipe.eval.primary, "before": before, "after": after,
                  "train": train_info, "history": outcome.history}
        (output_dir / "eval_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str))
        final = output_dir / "final"
        artifact = impl.save(ctx, final)
        record, served = _publish(p, recipe, run["id"], base_name, artifact, ds, env, before["metrics"],
                                  after["metrics"], actor, train_info)
        metrics = {"before": before["metrics"], "after": after["metrics"], "primary": recipe.eval.primary,
                   "train": train_info}
        finished = registry.finish_run(p, actor, run["id"], status="completed", metrics=metrics, artifact=record)
        for path, name in ((Path(record.path), "adapter" if artifact.kind != "prompt" else "prompt"),
                           (output_dir / "eval_report.json", None)):
            tracker.log_artifact(path, name)
        tracker.log_metrics({"train.seconds": outcome.seconds, "train.peak_rss_mb": outcome.peak_rss_mb},
                            outcome.steps)
        tracker.end("FINISHED")
        _say(progress, f"registered {finished['artifact']}")
        return TuneResult(run["id"], recipe.method, served, before["metrics"], after["metrics"], recipe.eval.primary,
                          output_dir, checkpoint_dir, artifact=finished["artifact"])
    except BaseException as exc:
        registry.finish_run(p, actor, run["id"], status="failed", error=f"{type(exc).__name__}: {exc}")
        tracker.end("FAILED")
        raise
    finally:
        impl.cleanup()


def _resume_point(resume_from: Path | None, checkpoint_dir: Path, job_id: str | None) -> Path | None:
    if resume_from is not None:
        resume_from = Path(resume_from)
        if (resume_from / "trainer_state.json").exists():
            return resume_from
        for folder in (resume_from / "checkpoints", resume_from, resume_from.parent):
            found = latest_checkpoint(folder) if folder.is_dir() else None
            if found:
                return found
        # A checkpoint killed half-written has no trainer_state.json: fall back to the newest complete one.
        return latest_checkpoint(checkpoint_dir)
    # A factory job restarted in the same output folder continues where it was killed.
    return latest_checkpoint(checkpoint_dir) if job_id is not None else None


def _tracker(recipe: Recipe, p: Platform, ts: Any) -> Any:
    from aikojo.tracking import make_tracker

    return make_tracker(recipe.tracking.backend or ts.tracker, home=p.settings.home, tracking_uri=ts.tracking_uri,
                        wandb_project=ts.wandb_project, wandb_mode=ts.wandb_mode)


def _cached_eval(path: Path, compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The before-evaluation of a resumed job is read back, not recomputed on a half-trained model."""
    if path.exists():
        return json.loads(path.read_text())
    value = compute()
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2))
    return value


def _publish(p: Platform, recipe: Recipe, run_id: str, base_name: str, artifact: Artifact, ds: dict[str, Any],
             env: dict[str, Any], before: dict[str, float], after: dict[str, float], actor: Actor,
             train_info: dict[str, Any]) -> tuple[registry.ArtifactRecord, str | None]:
    """Write the model card, publish an adapter into the adapter store (once per run, even across restarts)
    and describe what to register."""
    from aikojo.serving.adapter_store import AdapterStore

    kind = {"adapter": "dora" if artifact.dora else "lora", "model": "full", "prompt": "prompt"}[artifact.kind]
    (artifact.path / RUN_MARKER).write_text(json.dumps({"run_id": run_id}))
    store = AdapterStore(p.settings.adapters_dir)
    version: int | None = None
    if kind in ("lora", "dora"):
        version = _already_published(store, recipe.name, run_id) or (store.versions(recipe.name) or [0])[-1] + 1
    params = {"method": recipe.method, "seed": recipe.seed, **{f"train.{k}": v for k, v in recipe.train.model_dump()
              .items() if v is not None}, **({f"lora.{k}": v for k, v in recipe.lora.model_dump().items()}
                                            if recipe.method in ("lora", "qlora") else {}), **train_info}

    def card(v: int | None) -> str:
        return provenance.model_card(name=recipe.name, version=v, method=recipe.method, base_model=base_name,
                                     run_id=run_id, dataset=ds, params=params, before=before, after=after,
                                     primary=recipe.eval.primary, env=env, trainable=artifact.trainable_params,
                                     total=artifact.total_params, actor=actor.principal, dora=artifact.dora)

    # The card sits beside the adapter; it is written before publishing so the published version holds it.
    (artifact.path / "README.md").write_text(card(version), encoding="utf-8")
    path, served = artifact.path, None
    if version is not None:
        if _already_published(store, recipe.name, run_id) is None:
            ref = store.publish(recipe.name, artifact.path, base_model=base_name)
            if ref.version != version:  # another run published meanwhile: the card must name the real version
                version = ref.version
                (Path(ref.path) / "README.md").write_text(card(version), encoding="utf-8")
        path, served = store.root / recipe.name / f"v{version}", f"{recipe.name}@{version}"
    record = registry.ArtifactRecord(kind=kind, name=recipe.name, version=version, base_model=base_name,
                                     path=str(path), size_bytes=folder_size(path),
                                     trainable_params=artifact.trainable_params, total_params=artifact.total_params,
                                     template=artifact.prompt)
    return record, served


def _already_published(store: Any, name: str, run_id: str) -> int | None:
    for v in store.versions(name):
        marker = store.root / name / f"v{v}" / RUN_MARKER
        if marker.exists() and json.loads(marker.read_text()).get("run_id") == run_id:
            return v
    return None


def _fmt(metrics: dict[str, float]) -> str:
    return ", ".join(f"{k}={v:.3f}" for k, v in metrics.items() if "." not in k)


__all__ = ["TuneResult", "load_recipe", "run_recipe"]
