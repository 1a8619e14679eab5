"""Supervised fine-tuning on TRL's SFTTrainer, shared by the lora, qlora and full recipes (a function, not a
base class).

Samples are tokenised here with :func:`aikojo.tuning.data.encode_chat` — the chat template exactly as the
gateway applies it — and handed to TRL pre-tokenised with a ``completion_mask``, so the loss covers the
assistant answer only and training sees the very token ids the gateway will send at inference.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from aikojo.tuning.data import Sample, encode_chat
from aikojo.tuning.evaluate import EvalReport, evaluate
from aikojo.tuning.memory import PeakRss
from aikojo.tuning.recipes import RunContext, TrainOutcome


def tokenised(tokenizer: Any, samples: list[Sample], max_length: int) -> Any:
    from datasets import Dataset

    rows = []
    for s in samples:
        ids, mask = encode_chat(tokenizer, s.messages)
        rows.append({"input_ids": ids[:max_length], "completion_mask": mask[:max_length]})
    return Dataset.from_list(rows)


def latest_checkpoint(checkpoint_dir: Path) -> Path | None:
    found = [p for p in checkpoint_dir.glob("checkpoint-*") if p.name.split("-")[-1].isdigit()
             and (p / "trainer_state.json").exists()]
    return max(found, key=lambda p: int(p.name.split("-")[-1])) if found else None


class SftRecipe:
    """What the SFT recipes (lora, qlora, full) share: evaluation with the recipe's settings, training on TRL, and
    letting the model go. Each subclass loads its model in ``setup`` and writes its artifact in ``save``."""

    method = ""

    def __init__(self) -> None:
        self.model: Any = None
        self.tokenizer: Any = None

    def evaluate(self, ctx: RunContext) -> EvalReport:
        e = ctx.recipe.eval
        return evaluate(self.model, self.tokenizer, ctx.eval, metrics=e.metrics, custom=e.custom,
                        max_new_tokens=e.max_new_tokens, batch_size=e.batch_size, max_length=ctx.recipe.data.max_length)

    def train(self, ctx: RunContext) -> TrainOutcome:
        return train_sft(ctx, self.model, self.tokenizer)

    def cleanup(self) -> None:
        self.model = self.tokenizer = None


def _lean_trainer_class() -> type:
    import torch
    from accelerate.utils import DistributedType
    from transformers import Trainer
    from trl import SFTTrainer

    class LeanSFTTrainer(SFTTrainer):
        """SFTTrainer with the model's own loss. TRL's default loss runs a chunked fused LM head that also
        computes entropy and top-1 accuracy for its logs; on small models (where the LM head dominates) that
        made a step ~2× slower than a plain transformers + peft loop (bench/train_throughput.py). The loss is
        the same token-mean cross-entropy over the answer tokens."""

        _flops_per_token: int | None = None
        _trainable: list[Any] | None = None

        def _clip_grad_norm(self, model):  # type: ignore[override]
            # One process, no fp16 loss scaler: clip just the trainable tensors in one fused call. accelerate's
            # path walks every module and re-checks installed packages each step, ~3 ms of a ~100 ms CPU step.
            # Sharded, distributed or scaled runs keep accelerate's path, which knows how to reduce and unscale.
            acc = self.accelerator
            if acc.distributed_type != DistributedType.NO or acc.scaler is not None or self.is_fsdp_enabled:
                return super()._clip_grad_norm(model)
            if self._trainable is None:
                self._trainable = [p for p in model.parameters() if p.requires_grad]
            return torch.nn.utils.clip_grad_norm_(self._trainable, self.args.max_grad_norm, foreach=True)

        def floating_point_ops(self, inputs):  # type: ignore[override]
            # Trainer recounts the model's parameters (a walk over every module) on every step for its FLOs
            # estimate; the count cannot change during training, so take it once.
            if self._flops_per_token is None:
                counter = getattr(self.model, "num_parameters", None)
                self._flops_per_token = 6 * counter(exclude_embeddings=True) if counter else 0
            ids = inputs.get("input_ids")
            return self._flops_per_token * ids.numel() if ids is not None else 0

        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # type: ignore[override]
            inputs["use_cache"] = False
            loss_and_outputs = Trainer.compute_loss(self, model, inputs, return_outputs=return_outputs,
                                                   num_items_in_batch=num_items_in_batch)
            if self.model.training:
                mask = inputs.get("attention_mask")
                n = int(mask.sum()) if mask is not None else int(inputs["input_ids"].numel())
                self._total_train_tokens += n
                self._metrics["train"]["num_tokens"] = [self._total_train_tokens]
            return loss_and_outputs

    return LeanSFTTrainer


def make_trainer(ctx: RunContext, model: Any, tokenizer: Any, callbacks: list[Any] | None = None) -> Any:
    """The SFTTrainer every SFT recipe uses (exposed so tests can inspect exactly what it trains on)."""
    from trl import SFTConfig

    _LeanSFTTrainer = _lean_trainer_class()
    cfg = ctx.recipe.train
    args = SFTConfig(
        output_dir=str(ctx.checkpoint_dir),
        max_steps=cfg.max_steps,
        learning_rate=cfg.learning_rate,
        per_device_train_batch_size=cfg.batch_size,
        gradient_accumulation_steps=cfg.grad_accum,
        lr_scheduler_type=cfg.lr_scheduler,
        warmup_steps=cfg.warmup_steps,
        weight_decay=cfg.weight_decay,
        activation_checkpointing=cfg.gradient_checkpointing,
        save_strategy="steps",
        save_steps=cfg.save_steps,
        save_total_limit=2,
        logging_steps=cfg.logging_steps,
        seed=ctx.recipe.seed,
        data_seed=ctx.recipe.seed,
        use_cpu=ctx.device == "cpu",
        bf16=cfg.bf16,
        fp16=cfg.fp16,
        max_length=ctx.recipe.data.max_length,
        completion_only_loss=True,
        packing=cfg.packing,
        report_to="none",
        disable_tqdm=not ctx.progress,
        eval_strategy="no",
        dataloader_num_workers=0,
        # Full fine-tunes under torchrun shard parameters, gradients and optimizer state (check_device refuses
        # this on CPU before anything starts).
        fsdp="full_shard auto_wrap" if cfg.fsdp else "",
    )
    trainer = _LeanSFTTrainer(model=model, args=args, processing_class=tokenizer,
                              train_dataset=tokenised(tokenizer, ctx.train, ctx.recipe.data.max_length),
                              callbacks=callbacks or [])
    if not ctx.progress:
        from transformers.trainer_callback import PrinterCallback

        # Without a progress bar the trainer prints every log dict on stdout, where `kojo tune --json`
        # promises one JSON line; the tracker and the eval report keep those numbers.
        trainer.remove_callback(PrinterCallback)
    return trainer


def train_sft(ctx: RunContext, model: Any, tokenizer: Any) -> TrainOutcome:
    """Train ``model`` (a PeftModel or a plain model) on ``ctx.train``; checkpoints every ``save_steps``."""
    import torch
    from transformers import TrainerCallback

    cfg = ctx.recipe.train
    if cfg.num_threads:
        torch.set_num_threads(cfg.num_threads)
    outcome = TrainOutcome()

    class Hooks(TrainerCallback):
        """Per-step metrics to the tracker, and a clean stop (checkpoint first) when the job is cancelled."""

        def on_log(self, args, state, control, logs=None, **kw):  # type: ignore[override]
            numbers = {k: float(v) for k, v in (logs or {}).items() if isinstance(v, int | float)}
            if numbers:
                outcome.history.append({"step": state.global_step, **numbers})
                ctx.on_metrics(numbers, state.global_step)

        def on_step_end(self, args, state, control, **kw):  # type: ignore[override]
            if ctx.should_stop():
                outcome.stopped = True
                control.should_save = True
                control.should_training_stop = True
            return control

    trainer = make_trainer(ctx, model, tokenizer, [Hooks()])
    started = time.perf_counter()
    with PeakRss() as memory:
        trainer.train(resume_from_checkpoint=str(ctx.resume_from) if ctx.resume_from else None)
    outcome.seconds = time.perf_counter() - started
    outcome.steps = trainer.state.global_step
    outcome.peak_rss_mb = memory.peak_mb
    outcome.extra["rss_rise_mb"] = round(memory.rise_mb, 1)
    if torch.cuda.is_available() and ctx.device == "cuda":
        outcome.extra["peak_gpu_mb"] = torch.cuda.max_memory_allocated() / 2**20
    # A stop request set control.should_save in on_step_end, so the trainer has already written a full
    # checkpoint (weights, optimizer, scheduler, RNG) for this step: resuming continues exactly here.
    return outcome
