"""Full fine-tuning sharded across 2 processes on CPU (gloo) with FSDP2 under torchrun: every parameter is a
DTensor shard (each rank holds half), the loss goes down, the gathered model loads, and a run resumes from
its sharded checkpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.factory.support import REPO, submit_to_fresh_home


def _torchrun(out: Path, steps: int) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    env.update(HF_HUB_OFFLINE="1", KOJO_HOME=str(out.parent / "home"))
    return subprocess.run([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
                           "-m", "aikojo.tuning.fsdp", "--data", str(REPO / "examples/datasets/claims_ja.jsonl"),
                           "--out", str(out), "--steps", str(steps), "--save-steps", "2", "--lr", "3e-4"],
                          env=env, capture_output=True, text=True, timeout=600)


def test_two_process_fsdp_really_shards_and_resumes(tmp_path):
    out = tmp_path / "run"
    proc = _torchrun(out, steps=4)
    assert proc.returncode == 0, proc.stderr[-3000:]
    ranks = [json.loads((out / f"rank{r}.json").read_text()) for r in (0, 1)]
    for report in ranks:
        assert report["world_size"] == 2
        assert report["dtensor_parameters"] == report["parameters"] > 0
        assert report["placements"] == ["(Shard(dim=0),)"]
        assert report["local_numel"] * 2 == report["full_numel"]  # each rank holds half of every parameter
    losses = ranks[0]["losses"]
    assert losses == ranks[1]["losses"] and losses[-1] < losses[0]
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(out / "model")
    assert sum(p.numel() for p in model.parameters()) == ranks[0]["full_numel"]

    resumed = _torchrun(out, steps=6)  # picks up checkpoint-4, trains 2 more steps
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    report = json.loads((out / "rank0.json").read_text())
    assert report["steps"] == 6 and len(report["losses"]) == 2
    assert "step 5/6" in resumed.stdout and "step 1/6" not in resumed.stdout


def test_a_two_process_full_job_runs_sharded_through_the_queue(tmp_path):
    """kojo worker launches a processes=2 full job under torchrun; each rank trains its FSDP2 shard."""
    from aikojo.factory import service
    from aikojo.factory.worker import LocalWorker

    p, admin, job = submit_to_fresh_home(tmp_path / "home", "examples/recipes/full-demo.yaml",
                                         ["train.max_steps=2", "train.save_steps=1", "train.batch_size=2"],
                                         processes=2)
    settings = p.settings
    LocalWorker(p, slots=2).run(poll_s=0.5, until_idle=True, max_s=600)
    done = service.get_job(p, admin, job.id)
    assert done.status == "succeeded", (done.detail, Path(done.log_path).read_text()[-3000:])
    reports = [json.loads(f.read_text()) for f in sorted((settings.home / "jobs" / job.id / "fsdp").glob("rank*.json"))]
    assert [r["rank"] for r in reports] == [0, 1]
    assert all(r["local_numel"] * 2 == r["full_numel"] for r in reports)
    assert done.result["method"] == "full"
    p.close()
