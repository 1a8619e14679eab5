"""Base models for tuning: resolve a recipe's ``base_model`` the way the gateway names it, and load it through
:mod:`aikojo.serving.loading` (the one loading path: safetensors only, no remote code unless allowed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aikojo.errors import InvalidInput
from aikojo.serving.loading import ModelLoadError, load_causal_lm, resolve_demo_assets
from aikojo.settings import Settings


class BaseModelMissing(InvalidInput):
    """The recipe's base model cannot be found; raised before any training starts."""


def resolve_base_model(name: str, settings: Settings) -> tuple[str, str]:
    """``(served name, path or hub id)``. ``demo`` is KOJO_HOME/models/demo or the packaged demo assets; a
    name configured in ``settings.models`` maps to its path; anything else is a folder or a Hugging Face id."""
    if name == "demo":
        for candidate in (settings.demo_model_path, settings.models_dir / "demo"):
            if candidate is not None and (Path(candidate) / "config.json").is_file():
                return "demo", str(candidate)
        assets = resolve_demo_assets()
        if assets is None:
            raise BaseModelMissing("the demo model is not installed; run `kojo models init-demo`", param="base_model")
        return "demo", str(assets)
    if name in settings.models:
        return name, settings.models[name]
    path = Path(name).expanduser()
    looks_local = name.startswith(("/", ".", "~")) or path.exists() or name.count("/") > 1
    if looks_local:
        if not (path / "config.json").is_file():
            raise BaseModelMissing(f"base_model {name!r}: folder not found or has no config.json; give a folder "
                                   "written by save_pretrained(), 'demo', or a Hugging Face id", param="base_model")
        return path.name, str(path.resolve())
    return name, name


def check_device(device: str, *, fp16: bool = False, fsdp: bool = False, quant_compute: str | None = None) -> str:
    """Refuse CUDA-only options on a machine without CUDA, before anything is trained or stored."""
    import torch

    cuda = torch.cuda.is_available()
    if device == "cuda" and not cuda:
        raise InvalidInput("train.device=cuda but no CUDA device is available; use train.device=auto or cpu",
                           param="train.device")
    resolved = "cuda" if device == "cuda" or (device == "auto" and cuda) else "cpu"
    if resolved == "cpu":
        if fp16:
            raise InvalidInput("train.fp16 needs a CUDA device (mixed precision float16 is GPU-only); remove it or "
                               "use train.bf16 on CPU", param="train.fp16")
        if fsdp:
            raise InvalidInput("train.fsdp shards over several GPUs (torchrun); it needs CUDA — remove it on CPU",
                               param="train.fsdp")
        if quant_compute == "float16":
            raise InvalidInput("quant.compute_dtype=float16 is for CUDA; use float32 or bfloat16 on CPU",
                               param="quant.compute_dtype")
    return resolved


def load_model(path: str, *, settings: Settings, device: str, revision: str | None = None,
               quant: Any | None = None) -> tuple[Any, Any]:
    """Load for training. ``quant`` (a QuantConfig) loads linear weights as bitsandbytes 4-bit."""
    if quant is None:
        model, tok = load_causal_lm(path, revision=revision, device=device, dtype="float32",
                                    trust_remote_code=settings.trust_remote_code,
                                    allow_pickle_weights=settings.allow_pickle_weights)
        return model, tok
    # The shared loader has no quantisation hook yet: run it for its safety checks and tokenizer, then reload
    # the weights quantised with the same safe options (safetensors only, remote code as configured).
    import torch
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    _, tok = load_causal_lm(path, revision=revision, device="cpu", trust_remote_code=settings.trust_remote_code,
                            allow_pickle_weights=False)
    bnb = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type=quant.quant_type,
                             bnb_4bit_use_double_quant=quant.double_quant,
                             bnb_4bit_compute_dtype=getattr(torch, quant.compute_dtype),
                             bnb_4bit_quant_storage=torch.uint8)
    try:
        model = AutoModelForCausalLM.from_pretrained(path, revision=None if Path(path).is_dir() else revision,
                                                     quantization_config=bnb, use_safetensors=True,
                                                     trust_remote_code=settings.trust_remote_code,
                                                     device_map={"": device}, dtype=getattr(torch, quant.compute_dtype))
    except (ValueError, OSError, ImportError) as exc:
        raise ModelLoadError(f"could not load {path} in 4-bit: {exc}", param="base_model") from exc
    return model, tok


def count_parameters(model: Any) -> tuple[int, int]:
    """(trainable, total) — 4-bit weights are packed two per byte, so count them as their logical size."""
    trainable = total = 0
    for p in model.parameters():
        n = p.numel()
        if p.__class__.__name__ == "Params4bit":
            n *= 2
        total += n
        if p.requires_grad:
            trainable += n
    return trainable, total


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())
