"""LoRA (and DoRA): freeze the base model, train low-rank adapters with TRL's SFTTrainer, save a PEFT folder
that the gateway's local engine and vLLM's ``--lora-modules`` both load.

Read top to bottom: setup → evaluate → train → save → cleanup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aikojo.tuning.evaluate import EvalReport, evaluate
from aikojo.tuning.models import count_parameters, load_model
from aikojo.tuning.recipes import Artifact, RunContext, TrainOutcome
from aikojo.tuning.recipes.sft import train_sft


class LoraRecipe:
    method = "lora"

    def __init__(self) -> None:
        self.model: Any = None
        self.tokenizer: Any = None

    def load_base(self, ctx: RunContext) -> Any:
        """The frozen base model the adapters wrap (QLoRA overrides this to load it in 4-bit)."""
        base, self.tokenizer = load_model(ctx.base_path, settings=ctx.settings, device=ctx.device,
                                          revision=ctx.recipe.base_revision)
        return base

    def setup(self, ctx: RunContext) -> None:
        from peft import LoraConfig, get_peft_model

        base = self.load_base(ctx)
        lc = ctx.recipe.lora
        # LoRA's B matrix starts at zero, so the wrapped model answers exactly like the base model until
        # trained: the "before" evaluation may run on it.
        self.model = get_peft_model(base, LoraConfig(r=lc.r, lora_alpha=lc.alpha, lora_dropout=lc.dropout,
                                                     target_modules=lc.target_modules, use_dora=lc.dora,
                                                     task_type="CAUSAL_LM"))

    def evaluate(self, ctx: RunContext) -> EvalReport:
        e = ctx.recipe.eval
        return evaluate(self.model, self.tokenizer, ctx.eval, metrics=e.metrics, custom=e.custom,
                        max_new_tokens=e.max_new_tokens, batch_size=e.batch_size, max_length=ctx.recipe.data.max_length)

    def train(self, ctx: RunContext) -> TrainOutcome:
        return train_sft(ctx, self.model, self.tokenizer)

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        self.model.save_pretrained(str(dest))
        self.tokenizer.save_pretrained(str(dest))  # the adapter carries the chat template it was trained with
        trainable, total = count_parameters(self.model)
        return Artifact("adapter", dest, trainable, total, dora=ctx.recipe.lora.dora)

    def cleanup(self) -> None:
        self.model = self.tokenizer = None
