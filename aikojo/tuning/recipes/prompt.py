"""Prompt engineering as a recipe: evaluate N prompt templates / few-shot sets on the eval split with the
base model, keep the best by the primary metric and register it as a versioned prompt. Nothing is trained;
this is the cheapest rung of the spectrum and the baseline every tuned method must beat."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from aikojo.tuning.evaluate import EvalReport, evaluate, metric_better
from aikojo.tuning.memory import PeakRss
from aikojo.tuning.models import count_parameters, load_model
from aikojo.tuning.recipes import Artifact, RunContext, TrainOutcome
from aikojo.tuning.recipes.config import PromptTemplate


def render(template: PromptTemplate, prompt_messages: list[dict[str, str]], shots: list[Any]) -> list[dict[str, str]]:
    """The conversation the gateway would receive: system replaced if the template says so, then few-shot
    turns, then the sample's own turns."""
    system = [m for m in prompt_messages if m["role"] == "system"]
    rest = [m for m in prompt_messages if m["role"] != "system"]
    if template.system is not None:
        system = [{"role": "system", "content": template.system}]
    turns = [t for s in shots[: template.few_shot] for t in ({"role": "user", "content": s.user_text},
                                                             {"role": "assistant", "content": s.answer})]
    return [*system, *turns, *rest]


class PromptRecipe:
    method = "prompt"

    def __init__(self) -> None:
        self.model: Any = None
        self.tokenizer: Any = None
        self.best: PromptTemplate | None = None

    def setup(self, ctx: RunContext) -> None:
        self.model, self.tokenizer = load_model(ctx.base_path, settings=ctx.settings, device=ctx.device,
                                                revision=ctx.recipe.base_revision)

    def _evaluate(self, ctx: RunContext, template: PromptTemplate | None) -> EvalReport:
        e = ctx.recipe.eval
        convs = None if template is None else [render(template, s.prompt_messages, ctx.train) for s in ctx.eval]
        return evaluate(self.model, self.tokenizer, ctx.eval, metrics=e.metrics, custom=e.custom,
                        max_new_tokens=e.max_new_tokens, batch_size=e.batch_size,
                        max_length=ctx.recipe.data.max_length, conversations=convs)

    def evaluate(self, ctx: RunContext) -> EvalReport:
        return self._evaluate(ctx, self.best)  # before train(): the dataset's own prompts

    def train(self, ctx: RunContext) -> TrainOutcome:
        started = time.perf_counter()
        primary = ctx.recipe.eval.primary
        outcome = TrainOutcome()
        best_score: float | None = None
        with PeakRss() as memory:
            for step, template in enumerate(ctx.recipe.prompt.templates, start=1):
                if ctx.should_stop():
                    outcome.stopped = True
                    break
                metrics = self._evaluate(ctx, template).metrics
                ctx.on_metrics({f"prompt.{k}": v for k, v in metrics.items()}, step)
                outcome.history.append({"step": step, "template": template.name, **metrics})  # type: ignore[dict-item]
                value = metrics.get(primary)
                if value is not None and (best_score is None or metric_better(primary, value, best_score)):
                    best_score, self.best = value, template
                outcome.steps = step
        outcome.seconds = time.perf_counter() - started
        outcome.peak_rss_mb = memory.peak_mb
        outcome.extra["chosen"] = self.best.name if self.best else None
        return outcome

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        template = self.best or PromptTemplate(name="dataset")
        shots = [{"user": s.user_text, "assistant": s.answer} for s in ctx.train[: template.few_shot]]
        prompt = {"name": template.name, "system": template.system, "few_shot": shots,
                  "base_model": ctx.base_name}
        dest.mkdir(parents=True, exist_ok=True)
        (dest / "prompt.json").write_text(json.dumps(prompt, ensure_ascii=False, indent=2), encoding="utf-8")
        _, total = count_parameters(self.model)
        return Artifact("prompt", dest, 0, total, prompt=prompt)

    def cleanup(self) -> None:
        self.model = self.tokenizer = None
