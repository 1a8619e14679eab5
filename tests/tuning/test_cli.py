"""The tuning commands as a user runs them: real `kojo` subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tuning.helpers import make_recipe


def kojo(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    return subprocess.run([sys.executable, "-m", "aikojo.cli.main", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    cwd = tmp_path_factory.mktemp("cli-tune")
    assert kojo(cwd, "init").returncode == 0
    return cwd


def test_data_check_names_bad_lines_and_exits_2(home):
    bad = home / "bad.jsonl"
    bad.write_text('{"prompt": "p", "completion": "c"}\n{oops\n{"prompt": "p"}\n')
    proc = kojo(home, "data", "check", str(bad), "--tokenizer", "none")
    assert proc.returncode == 2
    assert "bad.jsonl:2: not valid JSON" in proc.stderr and "bad.jsonl:3: field 'completion' is missing" in proc.stderr


def test_tune_now_json_ends_with_one_summary_line_and_lineage_shows_it(home, claims_small):
    import yaml

    recipe = make_recipe(claims_small, method="prompt", name="cli-prompt",
                         prompt={"templates": [{"name": "dataset"}]}, data={"max_eval_samples": 2})
    path = home / "recipe.yaml"
    path.write_text(yaml.safe_dump(recipe, allow_unicode=True))
    proc = kojo(home, "tune", str(path), "--now", "--json", "eval.max_new_tokens=4")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(summary) == {"run_id", "method", "adapter", "metrics_before", "metrics_after", "primary_metric"}
    assert summary["method"] == "prompt" and summary["primary_metric"] == "char_rouge_l"
    lineage = kojo(home, "registry", "lineage", "cli-prompt@1")
    assert lineage.returncode == 0, lineage.stderr
    assert "dataset" in lineage.stdout and summary["run_id"] in lineage.stdout
    assert "prompt cli-prompt@1" in lineage.stdout


def test_tune_with_a_typo_suggests_the_key_and_exits_2(home):
    proc = kojo(home, "tune", str(Path(__file__).resolve().parents[2] / "examples/recipes/lora-demo.yaml"), "--now",
                "lora.rr=4")
    assert proc.returncode == 2 and "override 'lora.rr': unknown key; did you mean 'lora.r'?" in proc.stderr
