"""Untrained LoRA adapters with random, non-zero weights, for tests and demos of adapter serving.

A freshly initialised LoRA adapter has lora_B = 0 and changes nothing; these change the model's output
visibly, which is what a test of "two adapters on one base give different answers" needs. They are built on
a randomly initialised copy of the base architecture (only module names and shapes matter to an adapter),
so the base weights are never loaded or touched.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

LLAMA_TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


def make_random_lora_adapter(
    base_model_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    seed: int,
    rank: int = 4,
    scale: float = 0.5,
    dora: bool = False,
    target_modules: list[str] | None = None,
) -> Path:
    """Write a PEFT LoRA (or DoRA) adapter for the model in `base_model_dir` into `out_dir`; return it."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(str(base_model_dir))
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config)
    lora = LoraConfig(
        r=rank, lora_alpha=2 * rank, lora_dropout=0.0, target_modules=target_modules or LLAMA_TARGETS, use_dora=dora
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # PEFT reads a transformers attribute deprecated in v5
        peft_model = get_peft_model(model, lora)
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(0.0, scale)
    out = Path(out_dir)
    peft_model.save_pretrained(str(out))
    return out
