"""QLoRA: the base model's linear weights in bitsandbytes 4-bit NF4 with double quantisation, LoRA adapters
trained on top in higher precision. bitsandbytes ≥0.47 runs this on the CPU; the same code runs on CUDA.

The saved adapter is a plain PEFT LoRA folder: it is served on the unquantised base model (the gateway loads
base weights in full precision), and ``kojo export --merge`` de-quantises before merging."""

from __future__ import annotations

from typing import Any

from aikojo.tuning.models import load_model
from aikojo.tuning.recipes import RunContext, TrainOutcome
from aikojo.tuning.recipes.lora import LoraRecipe


class QloraRecipe(LoraRecipe):
    """LoRA on a 4-bit base: only loading the base and the memory report differ."""

    method = "qlora"

    def load_base(self, ctx: RunContext) -> Any:
        from peft import prepare_model_for_kbit_training

        base, self.tokenizer = load_model(ctx.base_path, settings=ctx.settings, device=ctx.device,
                                          revision=ctx.recipe.base_revision, quant=ctx.recipe.quant)
        # Casts norms/head to float32 and enables input grads so gradients flow through the frozen 4-bit layers.
        return prepare_model_for_kbit_training(base, use_gradient_checkpointing=ctx.recipe.train.gradient_checkpointing)

    def train(self, ctx: RunContext) -> TrainOutcome:
        outcome = super().train(ctx)
        outcome.extra["linear_weight_bytes"] = quantised_linear_bytes(self.model)
        return outcome


def quantised_linear_bytes(model: Any) -> int:
    """Bytes held by the frozen 4-bit linear weights (packed data + quantisation state)."""
    total = 0
    for module in model.modules():
        weight = getattr(module, "weight", None)
        if weight is not None and weight.__class__.__name__ == "Params4bit":
            total += weight.numel() * weight.element_size()
            state = getattr(weight, "quant_state", None)
            if state is not None:
                for t in (state.absmax, getattr(state, "code", None)):
                    if t is not None:
                        total += t.numel() * t.element_size()
                nested = getattr(state, "state2", None)
                if nested is not None:
                    total += nested.absmax.numel() * nested.absmax.element_size()
    return total
