"""A worker (and its job process) killed with SIGKILL mid-training: a new worker notices the stale heartbeat,
requeues the job, resumes it from its last checkpoint, and the adapter is registered exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.factory.support import submit_to_fresh_home

FAST = ["train.max_steps=6", "train.save_steps=2", "data.max_eval_samples=2", "eval.max_new_tokens=4",
        "eval.metrics=[char_rouge_l,loss]"]


def _worker(home: Path, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOJO_")}
    env.update(HF_HUB_OFFLINE="1")
    return subprocess.Popen([sys.executable, "-m", "aikojo.cli.main", "--home", str(home), "worker", "--poll", "0.3",
                             "--stale-after", "4", "--slots", "1", *extra], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def test_sigkill_of_a_worker_resumes_from_the_checkpoint_without_a_duplicate_adapter(tmp_path):
    from aikojo.factory import service
    from aikojo.factory.models import Job
    from aikojo.serving.adapter_store import AdapterStore

    p, admin, job = submit_to_fresh_home(tmp_path / "home", "examples/recipes/lora-demo.yaml", FAST)
    settings = p.settings
    jobs_dir = settings.home / "jobs" / job.id

    first = _worker(settings.home)
    deadline = time.time() + 420
    while not list(jobs_dir.glob("**/checkpoint-*")) and time.time() < deadline:
        assert first.poll() is None, first.stdout.read().decode()[-2000:]
        time.sleep(0.5)
    assert list(jobs_dir.glob("**/checkpoint-*")), "no checkpoint was written in time"
    with p.store.read() as s:
        pid = s.get(Job, job.id).pid
    os.killpg(first.pid, signal.SIGKILL)  # the worker dies…
    os.killpg(pid, signal.SIGKILL)  # …and so does its job (the machine went down)
    first.wait()

    second = _worker(settings.home, "--until-idle")
    try:
        second.wait(timeout=600)
    finally:
        if second.poll() is None:
            os.killpg(second.pid, signal.SIGKILL)
    done = service.get_job(p, admin, job.id)
    log = Path(done.log_path).read_text(errors="replace")
    assert done.status == "succeeded", f"{done.detail}\n{log[-3000:]}"
    assert done.attempts == 2
    assert "resume from" in log and "checkpoint-" in log.split("resume from")[-1].splitlines()[0]
    adapter = done.result["adapter"]
    assert AdapterStore(settings.adapters_dir).versions(adapter.split("@")[0]) == [1]  # registered once
    p.close()
