"""Full fine-tuning sharded across 2 processes on CPU (gloo) with FSDP2 under torchrun: every parameter is a
DTensor shard (each rank holds half), the loss goes down, the gathered model loads, and a run resumes from
its sharded checkpoint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


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
