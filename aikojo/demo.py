"""``kojo demo``: the whole platform end to end on the embedded defaults, in one command.

init → demo model → tenant, project, key → data check → LoRA job through the queue and a worker → evaluation
before/after → registration → deployment → a chat call with the official ``openai`` client through the
gateway and its guardrails → a short red-team run → a summary table."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from aikojo.settings import Settings

REPO = Path(__file__).resolve().parents[1]
TENANT, PROJECT = "demo-corp", "claims"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the gateway exited with code {proc.returncode}; see its log")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"the gateway did not answer at {url} within {timeout:.0f}s")


class Demo:
    def __init__(self, settings: Settings, recipe: Path, console: Console, overrides: list[str]) -> None:
        self.settings = settings
        self.recipe = recipe
        self.console = console
        self.overrides = overrides
        self.facts: dict[str, Any] = {}
        self.timings: dict[str, float] = {}

    def step(self, progress: Progress, task, label: str, fn: Callable[[], Any]) -> Any:
        progress.update(task, description=label)
        t0 = time.perf_counter()
        result = fn()
        self.timings[label] = time.perf_counter() - t0
        progress.advance(task)
        return result

    # ---- steps --------------------------------------------------------------------------------------
    def init(self) -> None:
        from aikojo.bootstrap import initialise

        result = initialise(self.settings)
        self.facts["home"] = result["home"]
        self.facts["demo_model"] = result.get("demo_model")

    def tenancy(self) -> None:
        from aikojo.errors import Conflict
        from aikojo.platform import open_platform
        from aikojo.tenancy import key_service, service
        from aikojo.tenancy.roles import Actor
        from aikojo.tenancy.views import KeyCreate, ProjectCreate

        p, admin = open_platform(self.settings), Actor.local()
        try:
            for fn in (lambda: service.create_tenant(p, admin, TENANT),
                       lambda: service.create_project(p, admin, ProjectCreate(tenant=TENANT, name=PROJECT, rpm=600))):
                try:
                    fn()
                except Conflict:
                    pass  # a second demo run reuses them
            self.facts["key"] = key_service.create_key(p, admin, KeyCreate(project=f"{TENANT}/{PROJECT}",
                                                                            name="kojo demo", expires="1d")).key
        finally:
            p.close()

    def data_check(self) -> None:
        from aikojo.tuning.check import check_dataset

        report = check_dataset(REPO / "examples" / "datasets" / "claims_ja.jsonl")
        self.facts["dataset"] = {"version": report["version"], "split": report["split"],
                                 "pii_samples": report["pii"].get("samples_with_pii"),
                                 "poisoning_findings": len(report["poisoning"])}

    def tune(self) -> None:
        from aikojo.factory import recipe_for_queue, service
        from aikojo.factory.service import Submission
        from aikojo.factory.worker import LocalWorker
        from aikojo.platform import open_platform
        from aikojo.tenancy.roles import Actor

        text, name, method = recipe_for_queue(self.recipe, self.overrides)
        p = open_platform(self.settings)
        try:
            job = service.submit(p, Actor.local(), Submission(project=f"{TENANT}/{PROJECT}", recipe_yaml=text,
                                                              name=name, method=method))
            LocalWorker(p, slots=1).run(poll_s=0.5, until_idle=True)
            done = service.get_job(p, Actor.local(), job.id)
        finally:
            p.close()
        if done.status != "succeeded":
            raise RuntimeError(f"the tuning job {done.id} {done.status}: {done.detail}; log: {done.log_path}")
        self.facts["job"] = done.id
        self.facts["result"] = done.result

    def deploy(self) -> None:
        from aikojo.factory.deploy import deploy_adapter
        from aikojo.platform import open_platform
        from aikojo.tenancy.roles import Actor

        p = open_platform(self.settings)
        try:
            view = deploy_adapter(p, Actor.local(), self.facts["result"]["adapter"], f"{TENANT}/{PROJECT}")
        finally:
            p.close()
        self.facts["deployed"] = view.served_name

    def chat(self) -> None:
        import openai

        port = _free_port()
        log = open(Path(self.settings.home) / "logs" / "demo-gateway.log", "ab")  # noqa: SIM115 - closed below
        env = {**os.environ, "KOJO_HOME": str(self.settings.home), "KOJO_ENGINE_CPU_THREADS": "1"}
        proc = subprocess.Popen([sys.executable, "-m", "aikojo.cli.main", "serve", "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        self.facts["gateway"] = f"http://127.0.0.1:{port}/v1"
        try:
            _wait(f"http://127.0.0.1:{port}/healthz", proc)
            client = openai.OpenAI(base_url=self.facts["gateway"], api_key=self.facts["key"], max_retries=0)
            adapter = self.facts["result"]["adapter"].split("@")[0]
            raw = client.chat.completions.with_raw_response.create(
                model=adapter, max_tokens=48, temperature=0,
                messages=[{"role": "user", "content": "事故日は2024年5月12日、連絡先は090-1234-5678です。"
                                                      "車両の修理費は45万円でした。請求内容をJSONで。"}])
            answer = raw.parse()
            self.facts["chat"] = {"model": adapter, "answer": answer.choices[0].message.content,
                                  "guardrails": raw.headers.get("x-kojo-guardrails", ""),
                                  "tokens": answer.usage.total_tokens}
            self.redteam(port)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            log.close()

    def redteam(self, port: int) -> None:
        """A short run: the Japanese cases of three categories, through the same gateway and guardrails."""
        import asyncio

        from aikojo.redteam import session
        from aikojo.redteam.report import build_report, run_meta, write_reports

        results, info = asyncio.run(session.run(
            f"http://127.0.0.1:{port}/v1", self.facts["key"], "demo", languages=["ja"], concurrency=2,
            categories=["direct_injection", "prompt_extraction", "pii_exfiltration"], progress=False))
        report = build_report(results, run_meta(info))
        paths = write_reports(report, Path(self.settings.home) / "redteam" / "demo")
        s = report["summary"]
        self.facts["redteam"] = {"attacks": s["successes"] + s["defended"], "succeeded": s["successes"],
                                 "defended": s["defended"], "errors": s["errors"], "report": str(paths["html"])}

    def verify_audit(self) -> None:
        from aikojo.audit.chain import verify
        from aikojo.audit.signing import load_verifier
        from aikojo.platform import open_platform

        p = open_platform(self.settings)
        try:
            with p.store.read() as s:
                report = verify(s, load_verifier(self.settings.signing_key_path), self.settings.checkpoint_log_path)
        finally:
            p.close()
        self.facts["audit"] = {"ok": report.ok, "records": report.records}

    # ---- run ----------------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        steps = [("initialise the home and the demo model", self.init),
                 ("tenant, project and key", self.tenancy),
                 ("check the example dataset", self.data_check),
                 ("LoRA job through the queue and a worker", self.tune),
                 ("deploy the adapter to the project", self.deploy),
                 ("chat through the gateway + red team", self.chat),
                 ("verify the audit chain", self.verify_audit)]
        started = time.perf_counter()
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
        with Progress(*columns, console=self.console) as progress:
            task = progress.add_task("kojo demo", total=len(steps))
            for label, fn in steps:
                self.step(progress, task, label, fn)
        self.facts["total_s"] = time.perf_counter() - started
        self.facts["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.facts["peak_child_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        self.facts["timings_s"] = {k: round(v, 1) for k, v in self.timings.items()}
        return self.facts

    def summary(self) -> Table:
        r = self.facts.get("result") or {}
        t = Table(title="kojo demo — summary")
        t.add_column("what")
        t.add_column("value", overflow="fold")
        primary = r.get("primary_metric")
        before, after = (r.get("metrics_before") or {}), (r.get("metrics_after") or {})

        def fmt(v: Any) -> str:
            return f"{v:.3f}" if isinstance(v, float) else str(v)

        t.add_row("primary metric", f"{primary}: {fmt(before.get(primary))} → {fmt(after.get(primary))}")
        for name in sorted(set(before) | set(after)):
            if name != primary and "." not in name:
                t.add_row(f"  {name}", f"{fmt(before.get(name))} → {fmt(after.get(name))}")
        t.add_row("  (note)", "a model of ~3M parameters learns the answer format before it copies values: "
                              "exact match and field F1 stay low")
        t.add_row("adapter deployed", str(self.facts.get("deployed")))
        chat = self.facts.get("chat", {})
        t.add_row("chat answer", str(chat.get("answer"))[:200])
        t.add_row("guardrails on the call", chat.get("guardrails") or "none")
        t.add_row("red team", json.dumps(self.facts.get("redteam"), ensure_ascii=False, default=str)[:300])
        t.add_row("audit chain", f"{self.facts.get('audit')}  (kojo audit list)")
        t.add_row("MLflow runs", str(Path(self.settings.home) / "tracking"))
        stages = ", ".join(f"{k.split()[0]} {v}s" for k, v in self.facts["timings_s"].items())
        t.add_row("total time", f"{self.facts['total_s']:.0f} s ({stages})")
        t.add_row("peak memory", f"{self.facts['peak_rss_mb']:.0f} MB here, {self.facts['peak_child_rss_mb']:.0f} MB "
                                 "in the training job")
        return t
