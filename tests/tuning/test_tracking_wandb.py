"""Weights & Biases tracking in offline mode: no account, no network. What the tracker logged is read back from
the offline run's transaction log (``run-ID.wandb``) with wandb's own protobuf schema — the file ``wandb sync``
uploads — so these tests see exactly what would reach a W&B server."""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.tuning.helpers import make_recipe

wandb = pytest.importorskip("wandb", minversion="0.19.10",
                            reason="wandb is not installed: pip install 'aikojo[wandb]'")


# ---- reading an offline run ---------------------------------------------------------------------------------

_BLOCK = 32 * 1024  # the transaction log is a LevelDB-style log: 32 KiB blocks of chunks
_FULL, _FIRST, _MIDDLE, _LAST = 1, 2, 3, 4


def _records(path: Path) -> Iterator[bytes]:
    data = path.read_bytes()
    assert data[:4] == b":W&B", f"{path} is not a W&B transaction log"
    pos, pending = 7, b""  # 7-byte file header: ':W&B', magic, version
    while pos + 7 <= len(data):
        left = _BLOCK - pos % _BLOCK
        if left < 7:  # a block's tail too short for a chunk header is zero padding
            pos += left
            continue
        _crc, length, kind = struct.unpack("<IHB", data[pos:pos + 7])
        if kind == 0:  # zero padding up to the end of the block
            pos += left
            continue
        chunk, pos = data[pos + 7:pos + 7 + length], pos + 7 + length
        if kind == _FULL:
            yield chunk
        elif kind == _FIRST:
            pending = chunk
        elif kind == _MIDDLE:
            pending += chunk
        elif kind == _LAST:
            yield pending + chunk
        else:
            raise AssertionError(f"{path}: unknown chunk type {kind} at byte {pos}")


def _key(item: Any) -> str:
    return item.key or ".".join(item.nested_key)


def read_offline_run(run_dir: Path) -> dict[str, Any]:
    """The run, config, history rows, final summary, artifacts and exit code of one offline run folder."""
    from wandb.proto import wandb_internal_pb2 as pb

    (log,) = run_dir.glob("run-*.wandb")
    out: dict[str, Any] = {"run": None, "config": {}, "history": [], "summary": {}, "artifacts": {}, "exit": None}
    for raw in _records(log):
        rec = pb.Record()
        rec.ParseFromString(raw)
        kind = rec.WhichOneof("record_type")
        if kind == "run":
            out["run"] = rec.run
        elif kind == "config":
            out["config"].update({_key(i): json.loads(i.value_json) for i in rec.config.update})
        elif kind == "history":
            out["history"].append({_key(i): json.loads(i.value_json) for i in rec.history.item})
        elif kind == "summary":
            out["summary"].update({_key(i): json.loads(i.value_json) for i in rec.summary.update})
        elif kind == "artifact":
            a = rec.artifact
            out["artifacts"][a.name] = {"type": a.type, "files": {
                c.path: {"digest": c.digest, "size": c.size, "local_path": c.local_path}
                for c in a.manifest.contents}}
        elif kind == "exit":
            out["exit"] = rec.exit.exit_code
    return out


def offline_run_dir(directory: Path, run_id: str) -> Path:
    (found,) = (directory / "wandb").glob(f"offline-run-*-{run_id}")
    return found


def md5_b64(path: Path) -> str:
    return base64.b64encode(hashlib.md5(path.read_bytes()).digest()).decode()


# ---- an offline, network-less wandb -------------------------------------------------------------------------

@pytest.fixture
def offline_wandb(tmp_path, monkeypatch) -> Iterator[list[str]]:
    """wandb offline with its own folders in tmp and its API URL pointed at a local listener that records any
    connection: a test fails if wandb tried to reach a server, or if a wandb process outlives the tracked runs
    (the tracker's end() stops wandb's service)."""
    import psutil

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    connections: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, addr = listener.accept()
            except OSError:
                continue
            connections.append(f"{addr}")
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    for name in ("WANDB_API_KEY", "WANDB_ENTITY", "WANDB_PROJECT", "WANDB_RUN_ID", "WANDB_RESUME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WANDB_MODE", "offline")
    monkeypatch.setenv("WANDB_SILENT", "true")
    monkeypatch.setenv("WANDB_DIR", str(tmp_path / "wandb-dir"))
    monkeypatch.setenv("WANDB_CACHE_DIR", str(tmp_path / "wandb-cache"))
    monkeypatch.setenv("WANDB_CONFIG_DIR", str(tmp_path / "wandb-config"))
    monkeypatch.setenv("WANDB_BASE_URL", f"http://127.0.0.1:{listener.getsockname()[1]}")
    monkeypatch.setenv("WANDB_ERROR_REPORTING", "false")
    # Unset, so the tracker's own default (inside its directory) applies; set-then-delete so that monkeypatch
    # also removes the value the tracker sets.
    monkeypatch.setenv("WANDB_DATA_DIR", "")
    monkeypatch.delenv("WANDB_DATA_DIR")
    left: list[str] = []
    try:
        yield connections
        for child in psutil.Process().children(recursive=True):
            try:
                if "wandb" in child.name():
                    left.append(child.name())
            except psutil.NoSuchProcess:  # exited while we looked: not left behind
                pass
    finally:
        wandb.teardown()  # a safety net for a failed test; the tracker has already stopped the service
        stop.set()
        thread.join(timeout=2)
        listener.close()
    assert left == [], f"wandb processes outlived the tracked runs: {left}"
    assert connections == [], f"offline wandb connected to its API URL: {connections}"


# ---- (a) the tracker itself ---------------------------------------------------------------------------------

def test_offline_run_holds_params_metrics_and_artifacts(offline_wandb, tmp_path):
    from aikojo.tracking import make_tracker
    from aikojo.tracking.wandb import WandbTracker

    home = tmp_path / "home"
    tracker = make_tracker("wandb", home=home, wandb_project="kojo-tests", wandb_mode="offline")
    assert isinstance(tracker, WandbTracker)
    run_id = tracker.start(experiment="claims", run_name="claims-abc", tags={"kojo.run_id": "abc",
                                                                             "kojo.method": "lora"})
    assert run_id and tracker.run_id == run_id
    tracker.log_params({"recipe": {"name": "claims", "train": {"max_steps": 3, "learning_rate": 5e-3},
                                   "lora": {"target_modules": ["q_proj", "v_proj"]}}, "environment": {"torch": "2.x"}})
    tracker.log_metrics({"before.char_rouge_l": 0.07}, 0)
    for step, loss in ((1, 9.5), (2, 7.25), (3, 5.0)):
        tracker.log_metrics({"train.loss": loss}, step)
    tracker.log_metrics({"after.char_rouge_l": 0.38, "after.loss": 3.7}, 3)
    report = tmp_path / "eval_report.json"
    report.write_text(json.dumps({"primary_metric": "char_rouge_l", "after": 0.38}))
    adapter = tmp_path / "final"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text('{"r": 8}')
    (adapter / "README.md").write_text("# claims v1\n")
    tracker.log_artifact(report)
    tracker.log_artifact(adapter, "adapter")
    tracker.end("FINISHED")
    assert tracker.run is None

    run_dir = offline_run_dir(home / "tracking" / "wandb", run_id)
    got = read_offline_run(run_dir)
    assert got["run"].run_id == run_id and got["run"].project == "kojo-tests"
    assert got["run"].run_group == "claims" and got["run"].display_name == "claims-abc"
    assert set(got["run"].tags) == {"kojo.run_id:abc", "kojo.method:lora"}
    # params: flat keys, values with their types
    config = got["config"]
    assert config["recipe.name"] == "claims" and config["recipe.train.max_steps"] == 3
    assert config["recipe.train.learning_rate"] == 5e-3
    assert config["recipe.lora.target_modules"] == ["q_proj", "v_proj"] and config["environment.torch"] == "2.x"
    # per-step metrics, and the final values in the summary
    losses = {row["_step"]: row["train.loss"] for row in got["history"] if "train.loss" in row}
    assert losses == {1: 9.5, 2: 7.25, 3: 5.0}
    assert [row["_step"] for row in got["history"] if "before.char_rouge_l" in row] == [0]
    summary = got["summary"]
    assert summary["train.loss"] == 5.0 and summary["after.char_rouge_l"] == 0.38 and summary["after.loss"] == 3.7
    assert summary["before.char_rouge_l"] == 0.07
    # artifacts: a file and a folder, their content staged inside the tracker's directory (syncable later)
    arts = got["artifacts"]
    assert set(arts) == {"eval_report.json", "adapter"}
    staged = arts["eval_report.json"]["files"]["eval_report.json"]
    assert staged["digest"] == md5_b64(report) and staged["size"] == report.stat().st_size
    assert Path(staged["local_path"]).is_relative_to(home / "tracking" / "wandb")
    assert Path(staged["local_path"]).read_bytes() == report.read_bytes()
    assert set(arts["adapter"]["files"]) == {"adapter_config.json", "README.md"}
    assert arts["adapter"]["files"]["adapter_config.json"]["digest"] == md5_b64(adapter / "adapter_config.json")
    assert got["exit"] == 0


def test_a_failed_run_exits_non_zero_and_a_second_run_gets_its_own_folder(offline_wandb, tmp_path):
    from aikojo.tracking import make_tracker

    home = tmp_path / "home"
    first = make_tracker("wandb", home=home, wandb_mode="offline")
    first_id = first.start(experiment="e", run_name="one")
    first.log_metrics({"train.loss": 1.0}, 1)
    first.end("FAILED")
    second = make_tracker("wandb", home=home, wandb_mode="offline")
    second_id = second.start(experiment="e", run_name="two")
    second.end("FINISHED")
    assert first_id != second_id
    directory = home / "tracking" / "wandb"
    assert read_offline_run(offline_run_dir(directory, first_id))["exit"] == 1
    assert read_offline_run(offline_run_dir(directory, second_id))["exit"] == 0


# ---- (b) a LoRA recipe tracked with wandb, end to end --------------------------------------------------------

def test_a_lora_run_tracked_offline_holds_the_recipe_and_metrics_before_and_after(offline_wandb, tune_platform,
                                                                                  claims_small, tmp_path, admin):
    from aikojo.registry import service as registry
    from aikojo.tuning.runner import load_recipe, run_recipe

    recipe = load_recipe(make_recipe(claims_small, name="wandb-lora", train={"max_steps": 3, "save_steps": 10},
                                     data={"max_eval_samples": 2}, eval={"max_new_tokens": 4},
                                     tracking={"backend": "wandb", "experiment": "wandb-tests"}))
    result = run_recipe(recipe, platform=tune_platform, actor=admin, output_dir=tmp_path / "out", progress=False)
    run = registry.show(tune_platform, admin, result.run_id)
    assert run["status"] == "completed" and run["tracking_run_id"]

    got = read_offline_run(offline_run_dir(tune_platform.settings.home / "tracking" / "wandb",
                                           run["tracking_run_id"]))
    assert got["run"].run_group == "wandb-tests" and f"kojo.run_id:{result.run_id}" in got["run"].tags
    config = got["config"]
    assert config["recipe.name"] == "wandb-lora" and config["recipe.method"] == "lora"
    assert config["recipe.train.max_steps"] == 3 and config["recipe.lora.r"] == recipe.lora.r
    assert config["dataset.name"] == "claims_small" and config["environment.torch"]
    steps = sorted(row["_step"] for row in got["history"] if "train.loss" in row)
    assert steps == [1, 2, 3]
    summary = got["summary"]
    for name in ("char_rouge_l", "loss"):
        assert summary[f"before.{name}"] == pytest.approx(result.metrics_before[name])
        assert summary[f"after.{name}"] == pytest.approx(result.metrics_after[name])
    assert summary["after.loss"] < summary["before.loss"]
    adapter_files = set(got["artifacts"]["adapter"]["files"])
    assert {"adapter_config.json", "adapter_model.safetensors", "README.md"} <= adapter_files
    assert "eval_report.json" in got["artifacts"]
    assert got["exit"] == 0
