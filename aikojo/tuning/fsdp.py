"""Full fine-tuning sharded across processes with PyTorch FSDP2 (``fully_shard``), under ``torchrun``.

Why raw FSDP2 and not Trainer/accelerate: on CPU they silently fall back to DDP (every rank holds the whole
model); ``fully_shard`` really shards parameters, gradients and optimizer state as DTensors on CPU (gloo) and
on CUDA (nccl) alike, so the same code is tested here and runs on GPUs.

    torchrun --standalone --nproc_per_node=2 -m aikojo.tuning.fsdp --model demo \\
        --data examples/datasets/claims_ja.jsonl --steps 10 --out runs/full-fsdp

Each rank writes ``rank<N>.json`` (what it holds: DTensor placements, local vs full sizes, losses); rank 0
gathers the full state dict at the end and saves a Hugging Face model folder that loads anywhere. Checkpoints
(``checkpoint-<step>``, torch.distributed.checkpoint: each rank writes its own shards) make a stopped or killed
run resumable with the same number of processes."""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import time
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist


def _setup() -> tuple[int, int, torch.device]:
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend)
    rank, world = dist.get_rank(), dist.get_world_size()
    if backend == "nccl":
        local = int(os.environ.get("LOCAL_RANK", "0"))
        torch.cuda.set_device(local)
        return rank, world, torch.device("cuda", local)
    torch.set_num_threads(1)  # several ranks share the cores
    return rank, world, torch.device("cpu")


def _batches(examples: list[tuple[list[int], list[int]]], rank: int, world: int, batch_size: int, seed: int,
             pad_id: int):
    """Each rank reads its own slice of an epoch-wise shuffled order (same order on every rank)."""
    epoch = 0
    while True:
        order = list(range(len(examples)))
        random.Random(seed + epoch).shuffle(order)
        mine = order[rank::world]
        for i in range(0, len(mine) - batch_size + 1, batch_size):
            rows = [examples[j] for j in mine[i:i + batch_size]]
            width = max(len(ids) for ids, _ in rows)
            ids = torch.full((len(rows), width), pad_id)
            labels = torch.full((len(rows), width), -100)
            attn = torch.zeros((len(rows), width), dtype=torch.long)
            for r, (tok, mask) in enumerate(rows):
                ids[r, :len(tok)] = torch.tensor(tok)
                attn[r, :len(tok)] = 1
                labels[r, :len(tok)] = torch.tensor([t if m else -100 for t, m in zip(tok, mask, strict=True)])
            yield ids, attn, labels
        epoch += 1


def shard(model: torch.nn.Module) -> torch.nn.Module:
    """Each decoder layer is its own FSDP unit (all-gathered only while it runs), then the root."""
    from torch.distributed.fsdp import fully_shard

    for layer in model.model.layers:
        fully_shard(layer)
    fully_shard(model)
    return model


def describe_sharding(model: torch.nn.Module) -> dict[str, Any]:
    from torch.distributed.tensor import DTensor

    params = list(model.named_parameters())
    dtensors = [(n, p) for n, p in params if isinstance(p, DTensor)]
    return {"parameters": len(params), "dtensor_parameters": len(dtensors),
            "placements": sorted({str(p.placements) for _, p in dtensors}),
            "local_numel": sum(p.to_local().numel() for _, p in dtensors),
            "full_numel": sum(p.numel() for _, p in dtensors)}


def train(args: argparse.Namespace) -> dict[str, Any]:
    import torch.distributed.checkpoint as dcp
    from torch.distributed.checkpoint.state_dict import (
        StateDictOptions,
        get_model_state_dict,
        get_state_dict,
        set_state_dict,
    )

    from aikojo.serving.loading import load_causal_lm
    from aikojo.settings import load_settings
    from aikojo.tuning.data import encode_chat, load_dataset

    rank, world, device = _setup()
    stop = {"flag": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(flag=True))
    torch.manual_seed(args.seed)
    settings = load_settings()
    path = str(settings.models_dir / "demo") if args.model == "demo" and (settings.models_dir / "demo").exists() \
        else args.model
    if args.model == "demo" and not Path(path).exists():
        from aikojo.serving.loading import resolve_demo_assets

        path = str(resolve_demo_assets())
    model, tokenizer = load_causal_lm(path, device=str(device), dtype="float32")
    model.config.use_cache = False
    examples = [encode_chat(tokenizer, s.messages) for s in load_dataset(args.data).samples]
    examples = [(ids[:args.max_length], mask[:args.max_length]) for ids, mask in examples]
    shard(model)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr)
    out = Path(args.out)
    start = 0
    ckpts = sorted(out.glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[1]))
    if ckpts:  # resume: every rank loads its own shards of model and optimizer
        state = {"model": get_state_dict(model, optim)[0], "optim": get_state_dict(model, optim)[1]}
        dcp.load(state, checkpoint_id=str(ckpts[-1]))
        set_state_dict(model, optim, model_state_dict=state["model"], optim_state_dict=state["optim"])
        start = int(ckpts[-1].name.split("-")[1])
    batches = _batches(examples, rank, world, args.batch_size, args.seed, tokenizer.pad_token_id or 0)
    for _ in range(start):
        next(batches)  # the same data order after a resume
    losses: list[float] = []
    t0 = time.perf_counter()
    step = start
    while step < args.steps and not stop["flag"]:
        ids, attn, labels = (t.to(device) for t in next(batches))
        loss = model(input_ids=ids, attention_mask=attn, labels=labels).loss
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
        optim.zero_grad(set_to_none=True)
        step += 1
        reduced = loss.detach().clone()
        dist.all_reduce(reduced, op=dist.ReduceOp.AVG)
        losses.append(round(float(reduced), 5))
        if rank == 0:
            print(f"[fsdp] step {step}/{args.steps} loss {losses[-1]:.4f} grad_norm {float(grad_norm):.3f}",
                  flush=True)
        if step % args.save_steps == 0 or stop["flag"] or step == args.steps:
            msd, osd = get_state_dict(model, optim)
            dcp.save({"model": msd, "optim": osd}, checkpoint_id=str(out / f"checkpoint-{step}"))
    report = {"rank": rank, "world_size": world, "device": str(device), "steps": step, "losses": losses,
              "seconds": round(time.perf_counter() - t0, 2), "stopped": stop["flag"], **describe_sharding(model)}
    (out / f"rank{rank}.json").write_text(json.dumps(report))
    full = get_model_state_dict(model, options=StateDictOptions(full_state_dict=True, cpu_offload=True))
    if rank == 0 and not stop["flag"]:
        from transformers import AutoModelForCausalLM

        plain = AutoModelForCausalLM.from_config(model.config)
        plain.load_state_dict(full)
        plain.save_pretrained(out / "model", safe_serialization=True)
        tokenizer.save_pretrained(out / "model")
    dist.barrier()
    dist.destroy_process_group()
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="demo", help="demo, a Hugging Face id or a local folder")
    ap.add_argument("--data", required=True, help="JSONL (chat, alpaca or prompt/completion)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=2)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--save-steps", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    Path(args.out).mkdir(parents=True, exist_ok=True)
    train(args)


if __name__ == "__main__":
    main()
