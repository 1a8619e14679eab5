"""`kojo demo`, the README's first command, end to end in a fresh directory: tuned, registered, deployed,
served through the gateway and its guardrails, attacked, audited — with the facts it reports checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_kojo_demo_runs_end_to_end(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    env.update(HF_HUB_OFFLINE="1", COLUMNS="160")
    proc = subprocess.run([sys.executable, "-m", "aikojo.cli.main", "demo", "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    result = facts["result"]
    primary = result["primary_metric"]
    assert result["metrics_after"][primary] - result["metrics_before"][primary] >= 0.2
    assert result["metrics_after"]["loss"] < result["metrics_before"]["loss"]
    assert facts["deployed"] == result["adapter"]
    assert facts["chat"]["tokens"] > 0 and "input:pseudonymize" in facts["chat"]["guardrails"]
    assert facts["redteam"]["attacks"] > 0 and facts["redteam"]["errors"] == 0
    assert facts["audit"]["ok"] is True
    assert "key" not in facts  # the demo's API key is never printed in the JSON facts
    assert (tmp_path / ".kojo" / "tracking").exists()
