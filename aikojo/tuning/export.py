"""Export a registered adapter for other servers.

* adapter-only: the PEFT folder (``adapter_config.json`` + ``adapter_model.safetensors`` + tokenizer) that
  vLLM loads with ``--lora-modules name=DIR``;
* ``merge=True``: the adapter merged into its base model, saved as a plain Hugging Face model (safetensors)
  that vLLM serves as a model. A QLoRA adapter was trained against 4-bit weights, so its base is loaded in
  4-bit with the run's own ``quant`` settings (NF4/FP4, double quantisation), de-quantised to float32 and the
  adapter merged in that precision — the weights it actually learned on. The saved model carries no
  ``quantization_config``: it is a plain float32 model.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aikojo.errors import InvalidInput
from aikojo.platform import Platform
from aikojo.tenancy.roles import Actor

PEFT_FILES = ("adapter_config.json", "adapter_model.safetensors")


@dataclass
class ExportResult:
    out_dir: Path
    merged: bool
    dequantised: bool
    size_bytes: int


def find_adapter(p: Platform, actor: Actor, ref: str) -> dict[str, Any]:
    """A registered adapter by ``name``, ``name@N`` or ``name@alias``, with its run's method, base revision and
    quantisation settings (``quant``, from the run's recipe)."""
    from aikojo.registry import service

    item = service.show(p, actor, ref)
    if item["kind"] != "adapter":
        raise InvalidInput(f"'{ref}' is a {item['kind']}, not an adapter; see `kojo registry list adapters`",
                           param="adapter")
    run = service.show(p, actor, item["run_id"])
    return {**item, "method": run["method"], "base_revision": run.get("base_revision"),
            "quant": (run.get("recipe") or {}).get("quant")}


def export_adapter(p: Platform, actor: Actor, ref: str, out_dir: Path, *, merge: bool = False) -> ExportResult:
    from aikojo.tuning.models import folder_size, resolve_base_model

    adapter = find_adapter(p, actor, ref)
    src = Path(adapter["path"])
    if adapter["type"] == "full":
        raise InvalidInput(f"'{ref}' is a full fine-tune: its folder {src} already is a Hugging Face model",
                           param="adapter")
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise InvalidInput(f"{out_dir} is not empty; choose a new folder", param="out")
    out_dir.mkdir(parents=True, exist_ok=True)
    if not merge:
        for f in src.iterdir():
            if f.is_file() and f.name != "kojo-adapter.json":
                shutil.copy2(f, out_dir / f.name)
        return ExportResult(out_dir, False, False, folder_size(out_dir))
    _, base_path = resolve_base_model(adapter["base_model"], p.settings)
    dequantised = adapter["method"] == "qlora"
    merged, tokenizer = merge_adapter(base_path, src, settings=p.settings, dequantise=dequantised,
                                      quant=adapter["quant"], revision=adapter["base_revision"])
    merged.save_pretrained(str(out_dir), safe_serialization=True)
    tokenizer.save_pretrained(str(out_dir))
    if (src / "README.md").exists():
        shutil.copy2(src / "README.md", out_dir / "README.md")
    return ExportResult(out_dir, True, dequantised, folder_size(out_dir))


def merge_adapter(base_path: str, adapter_dir: Path, *, settings: Any, dequantise: bool = False,
                  quant: dict[str, Any] | None = None, revision: str | None = None) -> tuple[Any, Any]:
    """The base model with the adapter merged in (float32), ready for ``save_pretrained``. ``dequantise``: the
    adapter is a QLoRA one; its base is quantised with ``quant`` (the run's recipe section; defaults when
    absent) exactly as for training, then de-quantised to float32 before the merge."""
    import torch
    from peft import PeftModel

    from aikojo.tuning.models import load_model
    from aikojo.tuning.recipes.config import QuantConfig

    if dequantise:
        # The 4-bit codes depend on quant_type and double_quant only; computing in float32 (whatever the
        # training compute dtype was) de-quantises them without a bfloat16/float16 rounding on top.
        q = QuantConfig(**{**(quant or {}), "compute_dtype": "float32"})
        base, tokenizer = load_model(base_path, settings=settings, device="cpu", revision=revision, quant=q)
        base = base.dequantize().to(torch.float32)  # 4-bit → float32: the weights the adapter was trained against
    else:
        base, tokenizer = load_model(base_path, settings=settings, device="cpu", revision=revision)
    model = PeftModel.from_pretrained(base, str(adapter_dir))
    merged = model.merge_and_unload()
    # A plain float model: no quantizer, and no quantization_config key in config.json (vLLM and transformers
    # would otherwise look for a quantisation method).
    if hasattr(merged.config, "quantization_config"):
        del merged.config.quantization_config
    if hasattr(merged, "hf_quantizer"):
        merged.hf_quantizer = None
    merged.is_quantized = False
    return merged, tokenizer
