"""Tuning recipes: one readable module per method behind one small Protocol.

Like torchtune's recipe interface, :class:`TuningRecipe` gives every method the same shape so the runner can
drive it; it is *not* a vehicle for code reuse. Recipes share functions (``sft.train_sft``, evaluation,
loading), never base classes; copying a few lines to keep a recipe readable top to bottom is fine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from aikojo.settings import Settings
from aikojo.tuning.data import Sample
from aikojo.tuning.evaluate import EvalReport
from aikojo.tuning.recipes.config import Recipe


@dataclass
class RunContext:
    """Everything a recipe needs, prepared (and validated) by the runner before any training starts."""

    recipe: Recipe
    settings: Settings
    device: str
    base_name: str  # the served name (e.g. "demo"): what published adapters name as their base model
    base_path: str
    train: list[Sample]
    eval: list[Sample]
    output_dir: Path
    checkpoint_dir: Path
    resume_from: Path | None = None  # a checkpoint-N folder to continue from
    progress: bool = True
    should_stop: Callable[[], bool] = lambda: False
    on_metrics: Callable[[dict[str, float], int], None] = lambda metrics, step: None


@dataclass
class TrainOutcome:
    steps: int = 0
    stopped: bool = False  # should_stop() asked to stop: a checkpoint was saved, the run can resume
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    history: list[dict[str, float]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # method-specific results (the prompt method's choice)


@dataclass
class Artifact:
    """What a recipe produced: ``kind`` is ``adapter`` (PEFT folder), ``model`` (full weights) or ``prompt``."""

    kind: str
    path: Path
    trainable_params: int
    total_params: int
    dora: bool = False
    prompt: dict[str, Any] | None = None


class TuningRecipe(Protocol):
    method: str

    def setup(self, ctx: RunContext) -> None:
        """Load the base model (and wrap it for the method); the model must then answer like the base model."""

    def evaluate(self, ctx: RunContext) -> EvalReport:
        """Evaluate the current model on ``ctx.eval`` with the recipe's metrics."""

    def train(self, ctx: RunContext) -> TrainOutcome:
        """Train, checkpointing under ``ctx.checkpoint_dir``; continue from
        ``ctx.resume_from`` when set; stop cleanly (checkpoint saved) once ``ctx.should_stop()`` is true."""

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        """Write the final artifact into ``dest``."""

    def cleanup(self) -> None:
        """Release the model."""


def get_recipe(method: str) -> TuningRecipe:
    from aikojo.tuning.recipes import full, lora, prompt, qlora

    recipes: dict[str, Callable[[], TuningRecipe]] = {
        "lora": lora.LoraRecipe, "qlora": qlora.QloraRecipe, "full": full.FullRecipe, "prompt": prompt.PromptRecipe,
    }
    return recipes[method]()
