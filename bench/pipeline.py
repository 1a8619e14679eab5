"""The factory pipeline on the demo model: queue → worker → train N steps → evaluate before/after → register,
timed end to end with each stage's share (stages read from the job's log and the run's records).

    python bench/pipeline.py            # 20 steps, goal < 5 minutes on 2 cores
    python bench/pipeline.py --smoke    # 2 steps
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import print_table, write_result

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--steps", type=int, default=20)
    args = ap.parse_args()
    steps = 2 if args.smoke else args.steps

    from aikojo.bootstrap import initialise
    from aikojo.factory import recipe_for_queue, service
    from aikojo.factory.service import Submission
    from aikojo.factory.worker import LocalWorker
    from aikojo.platform import open_platform
    from aikojo.settings import load_settings
    from aikojo.tenancy import service as tenancy
    from aikojo.tenancy.roles import Actor
    from aikojo.tenancy.views import ProjectCreate

    home = Path(tempfile.mkdtemp(prefix="kojo-pipeline-")) / "home"
    t0 = time.perf_counter()
    settings = load_settings(home=home)
    initialise(settings)
    p = open_platform(settings)
    admin = Actor.local()
    tenancy.create_tenant(p, admin, "bench")
    tenancy.create_project(p, admin, ProjectCreate(tenant="bench", name="p"))
    t_setup = time.perf_counter()
    text, name, method = recipe_for_queue(REPO / "examples/recipes/lora-demo.yaml", [f"train.max_steps={steps}"])
    job = service.submit(p, admin, Submission(project="bench/p", recipe_yaml=text, name=name, method=method))
    t_queued, wall_queued = time.perf_counter(), time.time()
    LocalWorker(p, slots=1).run(poll_s=0.2, until_idle=True, max_s=900)
    t_done, wall_done = time.perf_counter(), time.time()
    done = service.get_job(p, admin, job.id)
    p.close()
    log = Path(done.log_path).read_text(errors="replace") if done.log_path else ""
    # the runner's timestamped milestones in the job log: run start, "before:", "after:", "registered"
    marks = [(float(m.group(1)), m.group(2)) for m in re.finditer(r"\[kojo\] t=([\d.]+) (\S+)", log)]
    names = {"run": "load model + data", "before:": "evaluate before", "after:": "train + evaluate after",
             "registered": "register + publish"}
    stages = {"job process start, imports, tracking": marks[0][0] - wall_queued} if marks else {}
    for (t_prev, _), (t_next, word) in itertools.pairwise(marks):
        stages[names.get(word, word)] = t_next - t_prev
    if marks:
        stages["record result, worker notices"] = wall_done - marks[-1][0]
    total = t_done - t0
    job_s = t_done - t_queued
    rows = [["setup (init, tenant, project)", t_setup - t0, (t_setup - t0) / total],
            ["validate + queue", t_queued - t_setup, (t_queued - t_setup) / total],
            ["job (process start → registered)", job_s, job_s / total]]
    rows += [[f"  {k}", v, v / total] for k, v in stages.items()]
    print_table(f"factory pipeline, {steps} steps, job {done.status}", ["stage", "seconds", "share"],
                [[r[0], r[1], f"{r[2]:.0%}"] for r in rows])
    result = {"steps": steps, "status": done.status, "total_s": total, "goal_s": 300, "met": total < 300,
              "stages": {r[0].strip(): r[1] for r in rows}, "result": done.result}
    print(f"total {total:.1f} s (goal < 300 s) · results: "
          f"{write_result('pipeline_smoke' if args.smoke else 'pipeline', result)}")
    if done.status != "succeeded":
        raise SystemExit(f"job {done.status}: {done.detail}")


if __name__ == "__main__":
    main()
