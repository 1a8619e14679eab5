"""Full fine-tuning: every parameter trains. With several processes (torchrun, CUDA) ``train.fsdp`` shards
the model with FSDP; on one CPU process it is plain data-parallel-of-one.

The artifact is a complete Hugging Face model folder (not an adapter): serve it as a base model
(``settings.models``) or through vLLM."""

from __future__ import annotations

from pathlib import Path

from aikojo.tuning.models import count_parameters, load_model
from aikojo.tuning.recipes import Artifact, RunContext
from aikojo.tuning.recipes.sft import SftRecipe


class FullRecipe(SftRecipe):
    method = "full"

    def setup(self, ctx: RunContext) -> None:
        self.model, self.tokenizer = load_model(ctx.base_path, settings=ctx.settings, device=ctx.device,
                                                revision=ctx.recipe.base_revision)
        self.model.train()
        for p in self.model.parameters():
            p.requires_grad_(True)

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        self.model.save_pretrained(str(dest), safe_serialization=True)
        self.tokenizer.save_pretrained(str(dest))
        trainable, total = count_parameters(self.model)
        return Artifact("model", dest, trainable, total)
