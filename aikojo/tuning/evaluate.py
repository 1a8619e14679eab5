"""Evaluate a model (optionally with an adapter, or with a prompt template) on held-out samples.

Generation uses the model's chat template exactly as the gateway does (``apply_chat_template(messages,
add_generation_prompt=True)``, tokenised without extra special tokens), greedy decoding, so the numbers are
what a caller of the gateway would see. Loss/perplexity is the mean cross-entropy over the answer tokens only.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from aikojo.tuning.data import Sample, encode_chat
from aikojo.tuning.metrics import score


@dataclass
class EvalReport:
    metrics: dict[str, float]
    examples: list[dict[str, str]] = field(default_factory=list)  # a few (prompt, reference, prediction)

    def to_dict(self) -> dict[str, Any]:
        return {"metrics": self.metrics, "examples": self.examples}


def generate(model: Any, tokenizer: Any, conversations: list[list[dict[str, str]]], *, max_new_tokens: int,
             batch_size: int = 16) -> tuple[list[str], dict[str, float]]:
    """Greedy answers for chat ``conversations`` (each ends before the answer); returns texts and timing."""
    import torch

    old_side = tokenizer.padding_side
    tokenizer.padding_side = "left"  # batched generation continues every row from its last real token
    texts: list[str] = []
    new_tokens = 0
    started = time.perf_counter()
    was_training = model.training
    model.eval()
    try:
        for i in range(0, len(conversations), batch_size):
            prompts = [tokenizer.apply_chat_template(c, add_generation_prompt=True, tokenize=False)
                       for c in conversations[i:i + batch_size]]
            enc = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False).to(model.device)
            with torch.no_grad():
                out = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False,
                                     pad_token_id=tokenizer.pad_token_id)
            gen = out[:, enc["input_ids"].shape[1]:]
            for row in gen:
                ids = [t for t in row.tolist() if t != tokenizer.pad_token_id]
                new_tokens += len(ids)
                texts.append(tokenizer.decode(ids, skip_special_tokens=True))
    finally:
        tokenizer.padding_side = old_side
        model.train(was_training)
    seconds = time.perf_counter() - started
    return texts, {"latency_s_per_sample": seconds / max(1, len(conversations)),
                   "tokens_per_s": new_tokens / seconds if seconds > 0 else 0.0}


def answer_loss(model: Any, tokenizer: Any, samples: list[Sample], *, max_length: int = 512,
                batch_size: int = 8) -> float:
    """Mean cross-entropy per answer token (the tokens training learns), summed over all samples."""
    import torch

    total, count = 0.0, 0
    was_training = model.training
    model.eval()
    try:
        for i in range(0, len(samples), batch_size):
            rows = [encode_chat(tokenizer, s.messages) for s in samples[i:i + batch_size]]
            rows = [(ids[:max_length], mask[:max_length]) for ids, mask in rows]
            width = max(len(ids) for ids, _ in rows)
            pad = tokenizer.pad_token_id or 0
            input_ids = torch.tensor([ids + [pad] * (width - len(ids)) for ids, _ in rows], device=model.device)
            attn = torch.tensor([[1] * len(ids) + [0] * (width - len(ids)) for ids, _ in rows], device=model.device)
            labels = torch.tensor([[t if m else -100 for t, m in zip(ids, mask, strict=True)]
                                   + [-100] * (width - len(ids)) for ids, mask in rows], device=model.device)
            with torch.no_grad():
                logits = model(input_ids=input_ids, attention_mask=attn).logits.float()
            shift_logits, shift_labels = logits[:, :-1], labels[:, 1:]
            loss = torch.nn.functional.cross_entropy(shift_logits.reshape(-1, shift_logits.size(-1)),
                                                     shift_labels.reshape(-1), ignore_index=-100, reduction="sum")
            total += float(loss)
            count += int((shift_labels != -100).sum())
    finally:
        model.train(was_training)
    return total / max(1, count)


def evaluate(model: Any, tokenizer: Any, samples: list[Sample], *, metrics: list[str], custom: list[str] | None = None,
             max_new_tokens: int = 64, batch_size: int = 16, max_length: int = 512,
             conversations: list[list[dict[str, str]]] | None = None, n_examples: int = 3) -> EvalReport:
    """Score ``model`` on ``samples``. ``conversations`` replaces each sample's prompt messages (the prompt
    method evaluates templates this way); references are always the samples' answers."""
    refs = [s.answer for s in samples]
    convs = conversations if conversations is not None else [s.prompt_messages for s in samples]
    out: dict[str, float] = {}
    needs_text = [m for m in metrics if m not in ("loss", "perplexity", "latency")] or custom or "latency" in metrics
    preds: list[str] = []
    if needs_text:
        preds, timing = generate(model, tokenizer, convs, max_new_tokens=max_new_tokens, batch_size=batch_size)
        out.update(score(metrics, custom or [], preds, refs))
        if "latency" in metrics:
            out.update(timing)
    if "loss" in metrics or "perplexity" in metrics:
        loss = answer_loss(model, tokenizer, samples, max_length=max_length)
        out["loss"] = loss
        out["perplexity"] = math.exp(min(loss, 50.0))
    examples = [{"prompt": convs[i][-1]["content"][:300], "reference": refs[i], "prediction": preds[i]}
                for i in range(min(n_examples, len(preds)))]
    return EvalReport(out, examples)


def metric_better(name: str, after: float, before: float) -> bool:
    lower_is_better = name in ("loss", "perplexity", "latency_s_per_sample")
    return after < before if lower_is_better else after > before
