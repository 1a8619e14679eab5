"""QLoRA: the base model's linear weights in bitsandbytes 4-bit NF4 with double quantisation, LoRA adapters
trained on top in higher precision. bitsandbytes ≥0.47 runs this on the CPU; the same code runs on CUDA.

The saved adapter is a plain PEFT LoRA folder: it is served on the unquantised base model (the gateway loads
base weights in full precision), and ``kojo export --merge`` de-quantises before merging."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aikojo.tuning.evaluate import EvalReport, evaluate
from aikojo.tuning.models import count_parameters, load_model
from aikojo.tuning.recipes import Artifact, RunContext, TrainOutcome
from aikojo.tuning.recipes.sft import train_sft


class QloraRecipe:
    method = "qlora"

    def __init__(self) -> None:
        self.model: Any = None
        self.tokenizer: Any = None

    def setup(self, ctx: RunContext) -> None:
        from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

        base, self.tokenizer = load_model(ctx.base_path, settings=ctx.settings, device=ctx.device,
                                          revision=ctx.recipe.base_revision, quant=ctx.recipe.quant)
        # Casts norms/head to float32 and enables input grads so gradients flow through the frozen 4-bit layers.
        base = prepare_model_for_kbit_training(base, use_gradient_checkpointing=ctx.recipe.train.gradient_checkpointing)
        lc = ctx.recipe.lora
        self.model = get_peft_model(base, LoraConfig(r=lc.r, lora_alpha=lc.alpha, lora_dropout=lc.dropout,
                                                     target_modules=lc.target_modules, use_dora=lc.dora,
                                                     task_type="CAUSAL_LM"))

    def evaluate(self, ctx: RunContext) -> EvalReport:
        e = ctx.recipe.eval
        return evaluate(self.model, self.tokenizer, ctx.eval, metrics=e.metrics, custom=e.custom,
                        max_new_tokens=e.max_new_tokens, batch_size=e.batch_size, max_length=ctx.recipe.data.max_length)

    def train(self, ctx: RunContext) -> TrainOutcome:
        outcome = train_sft(ctx, self.model, self.tokenizer)
        outcome.extra["linear_weight_bytes"] = quantised_linear_bytes(self.model)
        return outcome

    def save(self, ctx: RunContext, dest: Path) -> Artifact:
        self.model.save_pretrained(str(dest))
        self.tokenizer.save_pretrained(str(dest))
        trainable, total = count_parameters(self.model)
        return Artifact("adapter", dest, trainable, total, dora=ctx.recipe.lora.dora)

    def cleanup(self) -> None:
        self.model = self.tokenizer = None


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
