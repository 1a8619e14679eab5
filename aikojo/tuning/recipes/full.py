"""Full fine-tuning: every parameter trains. With several processes (torchrun, CUDA) ``train.fsdp`` shards
the model with FSDP; on one CPU process it is plain data-parallel-of-one.

The artifact is a complete Hugging Face model folder (not an adapter): serve it as a base model
(``settings.models``) or through vLLM."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aikojo.tuning.evaluate import EvalReport, evaluate
from aikojo.tuning.models import count_parameters, load_model
from aikojo.tuning.recipes import Artifact, RunContext, TrainOutcome
from aikojo.tuning.recipes.sft import train_sft


class FullRecipe:
    method = "full"

    def __init__(self) -> None:
        self.model: Any = None
        self.tokenizer: Any = None

    def setup(self, ctx: RunContext) -> None:
        self.model, self.tokenizer = load_model(ctx.base_path, settings=ctx.settings, device=ctx.device,
                                                revision=ctx.recipe.base_revision)
        self.model.train()
        for p in self.model.parameters():
            p.requires_grad_(True)

    def evaluate(self, ctx: RunContext) -> EvalReport:
        e = ctx.recipe.eval
        return evaluate(self.model, self.tokenizer, ctx.eval, metrics=e.metrics, custom=e.custom,
                        max_new_tokens=e.max_new_tokens, batch_size=e.batch_size, max_length=ctx.recipe.data.max_length)

    def train(self, ctx: RunContext) -> TrainOutcome:
        return train_sft(ctx, self.model, self.tokenizer)

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        self.model.save_pretrained(str(dest), safe_serialization=True)
        self.tokenizer.save_pretrained(str(dest))
        trainable, total = count_parameters(self.model)
        return Artifact("model", dest, trainable, total)

    def cleanup(self) -> None:
        self.model = self.tokenizer = None
