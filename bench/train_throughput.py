"""Training benchmark on the demo model and the example datasets.

    python bench/train_throughput.py [--smoke] [--runs N] [--steps S] [--threads 1]

1. LoRA tokens/s: our SFT path (TRL SFTTrainer, ``aikojo.tuning.recipes.sft.make_trainer``) against a plain
   transformers + peft loop replaying the very batches the trainer collated (same model, LoRA config, samples,
   order, padding, optimiser, clipping; ``use_cache=False``).
   Goal ≥1.0×.
2. Packing: effective (non-padding) tokens/s of SFTTrainer with padding-free packing (per-device batch 2,
   flattened into one row) against the same trainer without packing (batch 4), on variable-length data (the
   three example datasets, some conversations joined into 2–4 exchanges: 46–256 tokens). Goal ≥1.3×.
3. QLoRA: bytes of the frozen linear-layer weights in 4-bit NF4 + double quantisation against fp32 (goal ≥6×
   smaller) and the median held-out answer loss after S steps against LoRA's (goal: within 3 %).
4. Peak RSS of each method, each in its own process (skipped with --smoke).

Sides run interleaved (A B A B …) so drift on a shared machine hits both; the table shows medians and the
spread (min–max) of the per-run ratios. Every timed trial asserts a gradient norm > 0. Writes
bench/results/train_throughput.json (train_throughput_smoke.json with --smoke).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

RESULTS = ROOT / "bench" / "results"
DATASETS = [ROOT / "examples" / "datasets" / f for f in ("claims_ja.jsonl", "incidents_ja.jsonl", "emails.jsonl")]
WARMUP = 1  # the first step allocates and warms caches: not timed


def _ctx(samples: list[Any], tmp: Path, **train: Any) -> Any:
    from aikojo.settings import load_settings
    from aikojo.tuning.recipes import RunContext
    from aikojo.tuning.runner import load_recipe

    # logging_steps is large: per-step logging syncs and formats numbers, which the plain loop does not do
    recipe = load_recipe({"name": "bench", "method": "lora", "data": {"path": str(DATASETS[0]), "max_length": 256},
                          "lora": {"r": 16, "alpha": 32}, "train": {"learning_rate": 1e-3, "save_steps": 10_000,
                                                                    "logging_steps": 10_000, **train}})
    return RunContext(recipe=recipe, settings=load_settings(home=tmp), device="cpu", base_name="demo", base_path="",
                      train=samples, eval=[], output_dir=tmp, checkpoint_dir=tmp / "ck", progress=False)


def _lora(quant: bool = False) -> tuple[Any, Any]:
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

    from aikojo.settings import load_settings
    from aikojo.tuning.models import load_model
    from aikojo.tuning.recipes.config import QuantConfig

    base_path = str(ROOT / "aikojo" / "assets" / "demo-model")
    model, tok = load_model(base_path, settings=load_settings(), device="cpu", quant=QuantConfig() if quant else None)
    if quant:
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
    return get_peft_model(model, LoraConfig(r=16, lora_alpha=32, target_modules="all-linear",
                                            task_type="CAUSAL_LM")), tok


def trl_trial(samples: list[Any], steps: int, batch: int, packing: bool = False,
              record: list[dict[str, Any]] | None = None) -> dict[str, float]:
    """Tokens/s of SFTTrainer over the steps after warm-up. Tokens are the non-padding tokens of each batch
    (counted on the collator's output); time runs from the end of the warm-up step to the end of the last.
    ``record`` receives the collated batches, in order, for the plain loop to replay."""
    import torch
    from transformers import TrainerCallback

    from aikojo.tuning.recipes.sft import make_trainer

    ends: list[float] = []
    norms: list[float] = []
    counts: list[int] = []
    model, tok = _lora()
    trainable = [p for p in model.parameters() if p.requires_grad]

    class Clock(TrainerCallback):
        def on_pre_optimizer_step(self, args, state, control, **kw):  # type: ignore[override]
            # one fused op over the trainable tensors: the check must not cost the side it measures a step's
            # worth of module walks (model.parameters() recurses through every PEFT wrapper)
            grads = [p.grad for p in trainable if p.grad is not None]
            norms.append(float(torch.stack(torch._foreach_norm(grads)).norm()) if grads else 0.0)

        def on_step_end(self, args, state, control, **kw):  # type: ignore[override]
            ends.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        ctx = _ctx(samples, Path(tmp), max_steps=steps + WARMUP, batch_size=batch, packing=packing)
        trainer = make_trainer(ctx, model, tok, [Clock()])
        collate = trainer.data_collator

        def counting(features: list[Any]) -> Any:
            out = collate(features)
            mask = out.get("attention_mask")
            counts.append(int(mask.sum()) if mask is not None else int(out["input_ids"].numel()))
            if record is not None:
                record.append({k: v.clone() for k, v in out.items() if isinstance(v, torch.Tensor)})
            return out

        trainer.data_collator = counting
        trainer.train()
    assert norms and all(n > 0 for n in norms), "a step had zero gradient norm"
    tokens = sum(counts[WARMUP:WARMUP + steps])  # batch i feeds step i (the loader may fetch one ahead)
    return {"tokens_per_s": tokens / (ends[-1] - ends[WARMUP - 1]), "seconds": ends[-1] - ends[WARMUP - 1]}


def collated_batches(samples: list[Any], n: int, batch: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` batches collated by TRL's own collator (right padding, answer-only labels) without a model: the
    plain loop's input when no trainer ran in the process (the peak-RSS subprocess)."""
    import random

    from transformers import AutoTokenizer
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    from aikojo.tuning.recipes.sft import tokenised

    tok = AutoTokenizer.from_pretrained(str(ROOT / "aikojo" / "assets" / "demo-model"))
    rows = list(tokenised(tok, samples, 256))
    random.Random(seed).shuffle(rows)
    collate = DataCollatorForLanguageModeling(pad_token_id=tok.pad_token_id or 0)
    return [collate(rows[i * batch:(i + 1) * batch]) for i in range(n)]


def plain_trial(batches: list[dict[str, Any]], steps: int) -> dict[str, float]:
    """The same LoRA training as a hand-written loop over the very batches SFTTrainer collated (same samples,
    order, padding and answer-only labels), with the trainer's defaults: AdamW, grad-norm clipping at 1.0."""
    import torch

    model, _ = _lora()
    model.train()
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    tokens, started = 0.0, 0.0
    for step, batch in enumerate(batches[:steps + WARMUP]):
        if step == WARMUP:
            started = time.perf_counter()
        loss = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=batch["labels"],
                     use_cache=False).loss
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        assert float(norm) > 0, "zero gradient norm"
        opt.step()
        opt.zero_grad()
        if step >= WARMUP:
            tokens += float(batch["attention_mask"].sum())
    seconds = time.perf_counter() - started
    return {"tokens_per_s": tokens / seconds, "seconds": seconds}


def heldout_loss(quant: bool, train: list[Any], held_out: list[Any], steps: int, seed: int) -> float:
    import torch

    from aikojo.tuning.evaluate import answer_loss
    from aikojo.tuning.recipes.sft import make_trainer

    torch.manual_seed(seed)
    model, tok = _lora(quant)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = _ctx(train, Path(tmp), max_steps=steps, batch_size=4, learning_rate=5e-3)
        ctx.recipe.seed = seed
        make_trainer(ctx, model, tok).train()
    return answer_loss(model, tok, held_out, max_length=256)


def linear_bytes() -> dict[str, float]:
    from aikojo.tuning.recipes.qlora import quantised_linear_bytes

    q, _ = _lora(quant=True)
    fp32 = sum(m.weight.numel() * 2 * 4 for m in q.modules()
               if getattr(m, "weight", None) is not None and m.weight.__class__.__name__ == "Params4bit")
    packed = quantised_linear_bytes(q)
    return {"fp32_bytes": fp32, "nf4_bytes": packed, "ratio": fp32 / packed}


def peak_rss(method: str, steps: int) -> dict[str, float]:
    """Peak RSS (MB) while a fresh process loads and trains one method for `steps` steps, and its rise above
    the RSS before loading (ru_maxrss alone is set by the imports and cannot tell methods apart)."""
    code = f"""
import json, sys, tempfile
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from bench.train_throughput import _samples, collated_batches, plain_trial, _ctx, _lora
from aikojo.tuning.memory import PeakRss
from aikojo.tuning.recipes import get_recipe
import trl, peft, bitsandbytes  # imported before measuring: their import cost is not the method's
samples = _samples()[0][:64]
batches = collated_batches(samples, {steps}, 4)
with PeakRss() as m:
    if {method!r} == "plain":
        plain_trial(batches, {steps})
    else:
        with tempfile.TemporaryDirectory() as tmp:
            ctx = _ctx(samples, Path(tmp), max_steps={steps}, batch_size=4)
            ctx.recipe.method = {method!r}
            ctx.base_path = {str(ROOT / "aikojo" / "assets" / "demo-model")!r}
            r = get_recipe({method!r}); r.setup(ctx); r.train(ctx)
print(json.dumps({{"peak_mb": m.peak_mb, "rise_mb": m.rise_mb}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _samples() -> tuple[list[Any], list[Any], list[Any]]:
    """(claims train, claims held-out, variable-length mix of all three datasets)."""
    from aikojo.tuning.data import Sample, load_dataset, split

    claims = load_dataset(DATASETS[0]).samples
    train, held_out = split(claims, 0.1, seed=0)
    singles = [s for path in DATASETS for s in load_dataset(path).samples]
    import random

    r = random.Random(0)
    r.shuffle(singles)
    # Variable-length data, as real chat traffic is: the single-turn examples (46–104 tokens) and conversations
    # of 2–4 of them back to back (earlier exchanges become context, the last answer is learned), up to
    # max_length. The shipped datasets alone are too uniform for padding to matter.
    mixed, i = [], 0
    while i < len(singles):
        k = r.choice((1, 1, 2, 3, 4))
        turns = [m for s in singles[i:i + k] for m in s.messages if m["role"] != "system"]
        system = [m for m in singles[i].messages if m["role"] == "system"]
        mixed.append(Sample(singles[i].line, system + turns))
        i += k
    return train, held_out[:16], mixed


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help="tiny settings: checks the script, not the goals")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--steps", type=int, default=None)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    torch.set_num_threads(args.threads)
    runs = args.runs or (2 if args.smoke else 5)
    steps = args.steps or (3 if args.smoke else 20)
    train, held_out, mixed = _samples()

    lora_ratios, trl_tps, plain_tps, pack_ratios, pack_tps, nopack_tps = [], [], [], [], [], []
    batches: list[dict[str, Any]] = []
    for i in range(runs):  # interleaved, and the order alternates (A B, B A, …) so neither side always goes first
        if i % 2 == 0 or not batches:
            batches = []
            a = trl_trial(train, steps, 4, record=batches)
            b = plain_trial(batches, steps)  # the very batches the trainer just trained on
        else:
            b = plain_trial(batches, steps)  # the batches the trainer collated last time (same seed: same batches)
            a = trl_trial(train, steps, 4)
        trl_tps.append(a["tokens_per_s"])
        plain_tps.append(b["tokens_per_s"])
        lora_ratios.append(a["tokens_per_s"] / b["tokens_per_s"])
        p = trl_trial(mixed, steps, 2, packing=True)
        n = trl_trial(mixed, steps, 4)
        pack_tps.append(p["tokens_per_s"])
        nopack_tps.append(n["tokens_per_s"])
        pack_ratios.append(p["tokens_per_s"] / n["tokens_per_s"])

    mem = linear_bytes()
    loss_steps = 4 if args.smoke else 20
    seeds = range(2 if args.smoke else 5)
    lora_losses = [heldout_loss(False, train, held_out, loss_steps, s) for s in seeds]
    qlora_losses = [heldout_loss(True, train, held_out, loss_steps, s) for s in seeds]
    loss_gap = statistics.median(qlora_losses) / statistics.median(lora_losses) - 1
    rss = {} if args.smoke else {m: peak_rss(m, 3) for m in ("plain", "lora", "qlora", "full")}

    rows = [
        ("LoRA tokens/s: SFTTrainer ÷ plain loop", statistics.median(lora_ratios), spread(lora_ratios), "≥1.0×",
         statistics.median(lora_ratios) >= 1.0),
        ("packing effective tokens/s ÷ no packing", statistics.median(pack_ratios), spread(pack_ratios), "≥1.3×",
         statistics.median(pack_ratios) >= 1.3),
        ("QLoRA linear weights: fp32 ÷ NF4", mem["ratio"], "-", "≥6×", mem["ratio"] >= 6),
        ("QLoRA held-out loss vs LoRA (median)", loss_gap, f"{min(qlora_losses):.3f}–{max(qlora_losses):.3f}",
         "within 3 %", abs(loss_gap) <= 0.03),
    ]
    print(f"\ntrain_throughput ({'smoke' if args.smoke else 'full'}; runs={runs}, steps={steps}, "
          f"threads={args.threads}, {platform.machine()})")
    print(f"{'measure':44} {'median':>9} {'spread':>14} {'goal':>10}  met")
    for name, value, sp, goal, met in rows:
        shown = f"{100 * value:+.1f} %" if "loss" in name else f"{value:.2f}×"
        print(f"{name:44} {shown:>9} {sp:>14} {goal:>10}  {'yes' if met else 'NO'}")
    print(f"tokens/s medians: SFTTrainer {statistics.median(trl_tps):.0f}, plain {statistics.median(plain_tps):.0f}, "
          f"packed {statistics.median(pack_tps):.0f}, unpacked {statistics.median(nopack_tps):.0f}")
    if rss:
        print("peak RSS while loading + training (MB), rise in brackets: "
              + ", ".join(f"{k} {v['peak_mb']:.0f} (+{v['rise_mb']:.0f})" for k, v in rss.items()))
    result = {
        "smoke": args.smoke, "runs": runs, "steps": steps, "threads": args.threads, "machine": platform.machine(),
        "python": platform.python_version(), "torch": torch.__version__,
        "lora_ratio": {"median": statistics.median(lora_ratios), "all": lora_ratios, "goal": 1.0},
        "tokens_per_s": {"sfttrainer": trl_tps, "plain": plain_tps, "packed": pack_tps, "unpacked": nopack_tps},
        "packing_ratio": {"median": statistics.median(pack_ratios), "all": pack_ratios, "goal": 1.3},
        "qlora_linear_memory": {**mem, "goal": 6.0},
        "heldout_loss": {"lora": lora_losses, "qlora": qlora_losses, "gap": loss_gap, "goal": 0.03,
                         "steps": loss_steps},
        "peak_rss_mb": rss,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / ("train_throughput_smoke.json" if args.smoke else "train_throughput.json")
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
