"""Export a registered adapter for other servers.

* adapter-only: the PEFT folder (``adapter_config.json`` + ``adapter_model.safetensors`` + tokenizer) that
  vLLM loads with ``--lora-modules name=DIR``;
* ``merge=True``: the adapter merged into its base model, saved as a plain Hugging Face model (safetensors)
  that vLLM serves as a model. A QLoRA adapter was trained against 4-bit weights, so its base is loaded in
  4-bit, de-quantised to float32 and the adapter merged in that precision — the weights it actually learned on.
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
    """A registered adapter by ``name``, ``name@N`` or ``name@alias``, with its run's method."""
    from aikojo.registry import service

    item = service.show(p, actor, ref)
    if item["kind"] != "adapter":
        raise InvalidInput(f"'{ref}' is a {item['kind']}, not an adapter; see `kojo registry list adapters`",
                           param="adapter")
    run = service.show(p, actor, item["run_id"])
    return {**item, "method": run["method"]}


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
    merged, tokenizer = merge_adapter(base_path, src, settings=p.settings, dequantise=dequantised)
    merged.save_pretrained(str(out_dir), safe_serialization=True)
    tokenizer.save_pretrained(str(out_dir))
    if (src / "README.md").exists():
        shutil.copy2(src / "README.md", out_dir / "README.md")
    return ExportResult(out_dir, True, dequantised, folder_size(out_dir))


def merge_adapter(base_path: str, adapter_dir: Path, *, settings: Any, dequantise: bool = False) -> tuple[Any, Any]:
    """The base model with the adapter merged in (float32), ready for ``save_pretrained``."""
    from peft import PeftModel

    from aikojo.tuning.models import load_model
    from aikojo.tuning.recipes.config import QuantConfig

    if dequantise:
        base, tokenizer = load_model(base_path, settings=settings, device="cpu", quant=QuantConfig())
        base = base.dequantize()  # 4-bit → float32: the weights the QLoRA adapter was trained against
    else:
        base, tokenizer = load_model(base_path, settings=settings, device="cpu")
    model = PeftModel.from_pretrained(base, str(adapter_dir))
    merged = model.merge_and_unload()
    merged.config.quantization_config = None  # the saved model is plain float weights
    if hasattr(merged, "hf_quantizer"):
        merged.hf_quantizer = None
    merged.is_quantized = False
    return merged, tokenizer
