"""`kojo export ADAPTER --merge` for a QLoRA adapter: the base is quantised with the run's own 4-bit settings,
de-quantised to float32, the adapter merged in that precision and the result saved as a plain Hugging Face
model (no quantization_config, no 4-bit tensors) that transformers — and so vLLM — load without peft.

The run uses FP4 without double quantisation (not the NF4 defaults) so that an export ignoring the recipe's
``quant`` section would merge into different weights than the adapter learned on, and fail here."""

from __future__ import annotations

import json

import pytest

from aikojo.tuning.runner import load_recipe, run_recipe
from tests.tuning.helpers import make_recipe

QUANT = {"quant_type": "fp4", "double_quant": False, "compute_dtype": "float32"}


@pytest.fixture(scope="module")
def qlora_adapter(tune_platform, claims_small, tmp_path_factory):
    pytest.importorskip("bitsandbytes", reason="QLoRA needs bitsandbytes")
    from aikojo.tenancy.roles import Actor

    recipe = load_recipe(make_recipe(claims_small, method="qlora", name="q-export", quant=QUANT,
                                     train={"max_steps": 4, "save_steps": 10, "learning_rate": 1e-2},
                                     data={"max_eval_samples": 2}, eval={"metrics": ["loss"], "primary": "loss"}))
    result = run_recipe(recipe, platform=tune_platform, actor=Actor.local(),
                        output_dir=tmp_path_factory.mktemp("qlora-run"), progress=False)
    assert result.adapter == "q-export@1"
    return result.adapter


def _four_bit_base(path: str):
    """The base quantised as the run was (FP4, no double quantisation) — with transformers and bitsandbytes
    directly, not with aikojo's loader."""
    import torch
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    bnb = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="fp4", bnb_4bit_use_double_quant=False,
                             bnb_4bit_compute_dtype=torch.float32)
    return AutoModelForCausalLM.from_pretrained(path, quantization_config=bnb, dtype=torch.float32,
                                                device_map={"": "cpu"})


def test_merged_qlora_export_is_a_plain_float_model_that_answers_like_the_adapter(qlora_adapter, tune_platform,
                                                                                   admin, tmp_path):
    import copy

    import torch
    from peft import PeftModel
    from safetensors import safe_open
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from aikojo.registry import service as registry
    from aikojo.tuning.export import export_adapter
    from aikojo.tuning.models import resolve_base_model

    result = export_adapter(tune_platform, admin, qlora_adapter, tmp_path / "merged", merge=True)
    assert result.merged and result.dequantised
    out = result.out_dir

    # A plain Hugging Face float32 model: no quantisation left anywhere.
    config = json.loads((out / "config.json").read_text())
    assert "quantization_config" not in config
    with safe_open(str(out / "model.safetensors"), "pt") as f:
        tensors = {k: f.get_tensor(k) for k in f.keys()}  # noqa: SIM118 (safe_open is not a mapping)
    assert {t.dtype for t in tensors.values()} == {torch.float32}
    assert not any(k.endswith(("absmax", "quant_map", "quant_state.bitsandbytes__fp4", "nested_absmax"))
                   or "lora_" in k for k in tensors)
    hidden = config["hidden_size"]
    assert tensors["model.layers.0.self_attn.q_proj.weight"].shape == (hidden, hidden)  # not packed 4-bit bytes

    # Loads with transformers alone (what vLLM reads), and answers like base-as-trained + adapter.
    merged = AutoModelForCausalLM.from_pretrained(str(out), dtype=torch.float32)
    assert getattr(merged, "hf_quantizer", None) is None and merged.dtype == torch.float32
    tok = AutoTokenizer.from_pretrained(str(out))
    ids = torch.tensor([tok("証券番号はKJ-AB-123456です。")["input_ids"]])
    base_path = resolve_base_model("demo", tune_platform.settings)[1]
    adapter_dir = registry.show(tune_platform, admin, qlora_adapter)["path"]
    four_bit = _four_bit_base(base_path)
    dequantised = _four_bit_base(base_path).dequantize().to(torch.float32)  # in place: a model of its own
    assert type(four_bit.model.layers[0].self_attn.q_proj.weight).__name__ == "Params4bit"
    plain = AutoModelForCausalLM.from_pretrained(base_path, dtype=torch.float32)
    with torch.no_grad():
        bare_dequantised = dequantised(ids).logits
        with_adapter = PeftModel.from_pretrained(copy.deepcopy(dequantised), adapter_dir)(ids).logits
        got = merged(ids).logits
        on_4bit = PeftModel.from_pretrained(four_bit, adapter_dir)(ids).logits.float()
        bare_plain = plain(ids).logits
    assert torch.allclose(got, with_adapter, atol=1e-4), (got - with_adapter).abs().max()
    # The adapter really is merged in (not only the quantisation noise), and the model is not the plain base.
    assert (got - bare_dequantised).abs().max() > 1e-2
    assert (got - bare_plain).abs().max() > 1e-2
    # The 4-bit model the adapter trained on: bitsandbytes' CPU 4-bit matmul is not bit-exact with a float32
    # matmul on the de-quantised weights (~0.05 here); merging into NF4 weights instead misses by ~0.9.
    assert (got - on_4bit).abs().max() < 0.3
