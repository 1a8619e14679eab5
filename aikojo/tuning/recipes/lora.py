"""LoRA (and DoRA): freeze the base model, train low-rank adapters with TRL's SFTTrainer, save a PEFT folder
that the gateway's local engine and vLLM's ``--lora-modules`` both load.

Read top to bottom: setup → evaluate → train → save → cleanup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aikojo.tuning.models import count_parameters, load_model
from aikojo.tuning.recipes import Artifact, RunContext
from aikojo.tuning.recipes.sft import SftRecipe


class LoraRecipe(SftRecipe):
    method = "lora"

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

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        self.model.save_pretrained(str(dest))
        self.tokenizer.save_pretrained(str(dest))  # the adapter carries the chat template it was trained with
        trainable, total = count_parameters(self.model)
        return Artifact("adapter", dest, trainable, total, dora=ctx.recipe.lora.dora)
