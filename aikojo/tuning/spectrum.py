"""The spectrum report: run prompt, LoRA, QLoRA and full tuning on the same data and evaluation, optionally
ask a generalist model through the gateway, and write Markdown + JSON + a PNG chart of what each rung buys
(the business metric) and costs (wall time, peak memory, trainable share, artifact size), with a plain-language
recommendation — the seed's slide 4, measured on the user's own data.

Each method runs in its own child process (a clean slate: no model or allocator state left from the previous
method); peak memory is the highest RSS sampled while the method trains (or scores prompts).
"""

from __future__ import annotations

import json
import multiprocessing
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from aikojo.errors import InvalidInput

METHODS = ("prompt", "lora", "qlora", "full")
# A cheaper method "meets the need" when its primary metric is within this distance of the best.
GOOD_ENOUGH = 0.02


@dataclass
class Rung:
    method: str
    primary: float | None
    before: float | None
    wall_s: float
    peak_rss_mb: float
    trainable_share: float
    artifact_mb: float
    artifact: str | None
    run_id: str | None
    metrics: dict[str, float]
    error: str | None = None


def _child(recipe_data: dict[str, Any], settings_kw: dict[str, Any], out_dir: str, queue: Any) -> None:
    """Runs in a fresh process: one method, reported back through ``queue``."""
    import os
    import sys

    # The run's progress lines are for people: send them to stderr, so that the parent's stdout (`kojo spectrum
    # --json`) carries the report alone. dup2 covers what native code writes to fd 1 too.
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())

    from aikojo.platform import open_platform
    from aikojo.registry import service
    from aikojo.settings import load_settings
    from aikojo.tenancy.roles import Actor
    from aikojo.tuning.runner import load_recipe, run_recipe

    started = time.perf_counter()
    try:
        p = open_platform(load_settings(**settings_kw))
        try:
            recipe = load_recipe(recipe_data)
            result = run_recipe(recipe, platform=p, actor=Actor.local(), output_dir=Path(out_dir), progress=False)
            run = service.show(p, Actor.local(), result.run_id)
            artifact = _artifact_info(p, result.artifact)
        finally:
            p.close()
        queue.put({"ok": True, "summary": result.summary(), "artifact": result.artifact, "run": run["id"],
                   "train": (run["metrics"] or {}).get("train", {}), "info": artifact,
                   "wall_s": time.perf_counter() - started})
    except Exception as exc:  # reported in the table; the other rungs still run
        queue.put({"ok": False, "error": f"{type(exc).__name__}: {exc}", "wall_s": time.perf_counter() - started})


def _artifact_info(p: Any, ref: str | None) -> dict[str, Any]:
    from aikojo.registry import service
    from aikojo.tenancy.roles import Actor

    if not ref:
        return {}
    item = service.show(p, Actor.local(), ref.removeprefix("prompt:"))
    if item["kind"] == "prompt":
        return {"size_bytes": len(json.dumps(item["template"], ensure_ascii=False).encode()), "trainable": 0,
                "total": 1}
    return {"size_bytes": item["size_bytes"], "trainable": item["trainable_params"], "total": item["total_params"]}


# When the recipe names no prompt templates, the prompt rung tries these (zero-, one- and two-shot).
DEFAULT_TEMPLATES = [{"name": "dataset"}, {"name": "one-shot", "few_shot": 1}, {"name": "two-shot", "few_shot": 2}]


def method_recipe(recipe_data: dict[str, Any], method: str, overrides: dict[str, list[str]]) -> dict[str, Any]:
    """The recipe for one rung: same data and evaluation, this method, and the ``method:key=value`` overrides
    given for it (each method has its own good learning rate)."""
    from aikojo.tuning.recipes.config import apply_overrides

    data = json.loads(json.dumps(recipe_data))
    data.update(method=method, name=f"{recipe_data['name']}-{method}")
    if method == "prompt" and data.get("prompt", {}).get("templates", [{"name": "dataset"}]) == [{"name": "dataset"}]:
        data["prompt"] = {"templates": DEFAULT_TEMPLATES}
    return apply_overrides(data, overrides.get(method, []))


def run_spectrum(recipe_data: dict[str, Any], *, settings_kw: dict[str, Any], out_dir: Path,
                 methods: tuple[str, ...] = METHODS, generalist: str | None = None, settings: Any = None,
                 method_overrides: dict[str, list[str]] | None = None) -> dict:
    for m in methods:
        if m not in METHODS:
            raise InvalidInput(f"unknown method {m!r}: use {', '.join(METHODS)}", param="methods")
    if generalist:  # before any rung trains: a missing setting is a clear error now, not after an hour
        _gateway(settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    ctx = multiprocessing.get_context("spawn")
    rungs: list[Rung] = []
    primary = recipe_data.get("eval", {}).get("primary", "char_rouge_l")
    for method in methods:
        data = method_recipe(recipe_data, method, method_overrides or {})
        queue = ctx.Queue()
        proc = ctx.Process(target=_child, args=(data, settings_kw, str(out_dir / method), queue))
        proc.start()
        msg = queue.get()
        proc.join()
        rungs.append(_rung(method, primary, msg))
    if generalist:
        rungs.append(_generalist_rung(recipe_data, generalist, primary, settings))
    report = {"primary_metric": primary, "dataset": str(recipe_data["data"]["path"]),
              "method_overrides": method_overrides or {},
              "rungs": [asdict(r) for r in rungs], "recommendation": recommend(rungs, primary)}
    (out_dir / "spectrum.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    chart(rungs, primary, out_dir / "spectrum.png")
    (out_dir / "spectrum.md").write_text(markdown(report, rungs), encoding="utf-8")
    return report


def _rung(method: str, primary: str, msg: dict[str, Any]) -> Rung:
    if not msg["ok"]:
        return Rung(method, None, None, msg["wall_s"], 0.0, 0.0, 0.0, None, None, {}, error=msg["error"])
    s, info = msg["summary"], msg["info"]
    return Rung(method, s["metrics_after"].get(primary), s["metrics_before"].get(primary), msg["wall_s"],
                float(msg["train"].get("peak_rss_mb", 0.0)), info.get("trainable", 0) / max(1, info.get("total", 1)),
                info.get("size_bytes", 0) / 1e6, msg["artifact"], msg["run"], s["metrics_after"])


def _gateway(settings: Any) -> tuple[str, str]:
    if settings is None or not settings.url or not settings.api_key:
        raise InvalidInput("--generalist asks a model through the gateway: set KOJO_URL and KOJO_API_KEY",
                           param="generalist")
    return settings.url.rstrip("/"), settings.api_key


def _generalist_rung(recipe_data: dict[str, Any], model: str, primary: str, settings: Any) -> Rung:
    """Prompt a large upstream model through the gateway (KOJO_URL + KOJO_API_KEY) on the same held-out split,
    prepared exactly as for the tuned rungs (format, dedupe, PII masking, max_eval_samples), with the same answer
    budget (``eval.max_new_tokens``) and metrics. A refused or failed request is reported in the table."""
    import httpx

    from aikojo.tuning.metrics import score
    from aikojo.tuning.runner import load_recipe, prepare_data

    url, key = _gateway(settings)
    recipe = load_recipe(recipe_data)
    samples = prepare_data(recipe).eval
    name = f"generalist:{model}"
    started = time.perf_counter()
    preds = []
    try:
        with httpx.Client(base_url=url, timeout=120, headers={"Authorization": f"Bearer {key}"}) as client:
            for s in samples:
                r = client.post("/v1/chat/completions", json={
                    "model": model, "messages": s.prompt_messages, "temperature": 0,
                    "max_tokens": recipe.eval.max_new_tokens})
                if r.status_code >= 400:
                    return Rung(name, None, None, time.perf_counter() - started, 0.0, 0.0, 0.0, None, None, {},
                                error=f"HTTP {r.status_code} from {url}: {_error_message(r)}")
                preds.append(r.json()["choices"][0]["message"]["content"] or "")
    except httpx.HTTPError as exc:
        return Rung(name, None, None, time.perf_counter() - started, 0.0, 0.0, 0.0, None, None, {},
                    error=f"{type(exc).__name__}: {exc}")
    metrics = score(recipe.eval.metrics, recipe.eval.custom, preds, [s.answer for s in samples])
    return Rung(name, metrics.get(primary), None, time.perf_counter() - started, 0.0, 0.0, 0.0, None, None,
                metrics)


def _error_message(r: Any) -> str:
    try:
        return str(r.json()["error"]["message"])
    except Exception:  # not the OpenAI error envelope
        return r.text[:200]


def recommend(rungs: list[Rung], primary: str) -> str:
    done = [r for r in rungs if r.primary is not None]
    if not done:
        return "No method completed; see the errors in the table."
    lower_better = primary in ("loss", "perplexity")
    best = min(done, key=lambda r: r.primary) if lower_better else max(done, key=lambda r: r.primary)  # type: ignore[arg-type,return-value]
    good = [r for r in done if abs(r.primary - best.primary) <= GOOD_ENOUGH]  # type: ignore[operator]
    order = {m: i for i, m in enumerate(METHODS)}
    cheapest = min(good, key=lambda r: (order.get(r.method, -1), r.wall_s))
    if cheapest.method.startswith("generalist"):
        return (f"The generalist model already reaches {primary}={cheapest.primary:.3f}, as good as any tuned "
                "model here: keep prompting it, unless cost, latency or data residency call for a small model.")
    if cheapest.method == "prompt":
        return (f"Prompting alone reaches {primary}={cheapest.primary:.3f}, within {GOOD_ENOUGH} of the best: "
                "no tuning is needed; register the prompt and revisit if the data changes.")
    note = ""
    if best.method != cheapest.method:
        note = f" {best.method} scores {best.primary:.3f} but costs more for no meaningful gain."
    return (f"Use {cheapest.method}: {primary}={cheapest.primary:.3f} in {cheapest.wall_s:.0f} s with "
            f"{100 * cheapest.trainable_share:.2f} % of the parameters trained and a {cheapest.artifact_mb:.1f} MB "
            f"artifact — the cheapest rung within {GOOD_ENOUGH} of the best.{note}")


def chart(rungs: list[Rung], primary: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    import matplotlib.pyplot as plt

    done = [r for r in rungs if r.primary is not None]
    names = [r.method for r in done]
    fig, axes = plt.subplots(2, 2, figsize=(10, 7))
    ax = axes[0][0]
    for r in done:
        ax.scatter(r.wall_s, r.primary, s=60)
        ax.annotate(r.method, (r.wall_s, r.primary), textcoords="offset points", xytext=(5, 5))
    ax.set(xlabel="wall time (s)", ylabel=primary, title=f"{primary} against wall time")
    for ax, values, title in ((axes[0][1], [r.peak_rss_mb for r in done], "peak memory (RSS, MB)"),
                              (axes[1][0], [100 * r.trainable_share for r in done], "trainable parameters (%)"),
                              (axes[1][1], [r.artifact_mb for r in done], "artifact size (MB)")):
        ax.bar(names, values, color="tab:blue")
        ax.set_title(title)
    fig.suptitle("aikojo tuning spectrum")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def markdown(report: dict[str, Any], rungs: list[Rung]) -> str:
    p = report["primary_metric"]
    rows = "\n".join(
        f"| {r.method} | {_n(r.before)} | {_n(r.primary)} | {r.wall_s:.0f} | {r.peak_rss_mb:.0f} | "
        f"{100 * r.trainable_share:.2f} | {r.artifact_mb:.2f} | {r.artifact or '-'} | {r.error or ''} |"
        for r in rungs)
    return f"""# Tuning spectrum

Dataset `{report['dataset']}`; primary metric **{p}** on the held-out split (same split and settings for
every method).

| method | {p} before | {p} after | wall time (s) | peak RSS (MB) | trainable (%) | artifact (MB) | registered | error |
|---|---|---|---|---|---|---|---|---|
{rows}

**Recommendation.** {report['recommendation']}

![spectrum](spectrum.png)

Small models learn the answer *format* (JSON validity, character ROUGE-L) long before they learn to copy
values (exact match, field F1); judge the rungs on the metric your business needs.
"""


def _n(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"
