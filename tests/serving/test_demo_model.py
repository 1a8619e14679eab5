"""The demo model: committed, small, fast to load, speaks the chat format, and can be rebuilt."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from aikojo.serving.demo_model import DemoBuildReport, build_demo_model
from aikojo.serving.loading import DEMO_ASSETS_DIR, DEMO_FILES, load_causal_lm, resolve_demo_assets

CONVERSATION = [
    {"role": "system", "content": "あなたは丁寧なアシスタントです。"},
    {"role": "user", "content": "続きを書いて:\n保険金の請求は、事故が発生した日から三年以内に行う必要があります。"},
    {"role": "assistant", "content": "事故が起きたら、まず身の安全を確保してください。"},
]


def test_committed_demo_assets_are_complete_and_small() -> None:
    assert resolve_demo_assets() == DEMO_ASSETS_DIR, "demo model missing: run scripts/build_demo_model.py"
    size = sum((DEMO_ASSETS_DIR / name).stat().st_size for name in DEMO_FILES)
    assert size <= 20_000_000
    assert not [p.name for p in DEMO_ASSETS_DIR.iterdir() if p.suffix in (".bin", ".pt", ".pth", ".pkl")]


def test_demo_model_loads_in_about_a_second(demo_model_dir: Path, demo_model: Any) -> None:
    started = time.perf_counter()  # the session fixture already paid for importing torch/transformers
    model, _tokenizer = load_causal_lm(str(demo_model_dir), device="cpu")
    assert time.perf_counter() - started < 3.0
    assert model.config.model_type == "llama"
    assert 1_000_000 < sum(p.numel() for p in model.parameters()) < 6_000_000
    assert not model.training


def test_chat_template_renders_chatml(demo_model: Any) -> None:
    _, tokenizer = demo_model
    text = tokenizer.apply_chat_template(CONVERSATION[:2], tokenize=False, add_generation_prompt=True)
    assert text == (
        "<|im_start|>system\nあなたは丁寧なアシスタントです。<|im_end|>\n"
        f"<|im_start|>user\n{CONVERSATION[1]['content']}<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    closed = tokenizer.apply_chat_template(CONVERSATION, tokenize=False)
    assert closed.endswith("<|im_start|>assistant\n事故が起きたら、まず身の安全を確保してください。<|im_end|>\n")


def test_chat_template_tokenises_markers_as_single_special_tokens(demo_model: Any) -> None:
    _, tokenizer = demo_model
    ids = tokenizer.apply_chat_template(CONVERSATION, tokenize=True, return_dict=True)["input_ids"]
    start, end = tokenizer.convert_tokens_to_ids(["<|im_start|>", "<|im_end|>"])
    assert ids.count(start) == 3 and ids.count(end) == 3
    # Rendering then tokenising gives the same ids: training and serving see one token stream.
    text = tokenizer.apply_chat_template(CONVERSATION, tokenize=False)
    assert tokenizer(text, add_special_tokens=True)["input_ids"] == ids
    assert tokenizer.decode(ids, skip_special_tokens=False) == text


def test_chat_template_marks_assistant_tokens_for_completion_only_loss(demo_model: Any) -> None:
    _, tokenizer = demo_model
    out = tokenizer.apply_chat_template(
        CONVERSATION, tokenize=True, return_dict=True, return_assistant_tokens_mask=True
    )
    masked = [i for i, m in zip(out["input_ids"], out["assistant_masks"], strict=True) if m]
    assert tokenizer.decode(masked) == CONVERSATION[2]["content"] + "<|im_end|>"


def test_tokenizer_round_trips_japanese_and_english(demo_model: Any) -> None:
    _, tokenizer = demo_model
    text = "証券番号はKJ-AB-123456です。Policy number KJ-AB-123456, amount ¥48,000 🚗"
    assert tokenizer.decode(tokenizer(text)["input_ids"]) == text
    assert tokenizer.padding_side == "left" and tokenizer.pad_token == "<|pad|>"


def test_demo_model_generates_text(demo_model: Any) -> None:
    import torch

    model, tokenizer = demo_model
    prompt = tokenizer.apply_chat_template(CONVERSATION[:2], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, max_new_tokens=40, do_sample=False)
    reply = tokenizer.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)
    assert len(reply.strip()) > 5


def test_batched_generation_with_left_padding_matches_single(demo_model: Any) -> None:
    import torch

    model, tokenizer = demo_model
    prompts = ["損害保険の保険金請求について", "Insurance claims: how the process works\n\nWhen an insured event"]
    batch = tokenizer(prompts, return_tensors="pt", padding=True)
    with torch.no_grad():
        together = model.generate(**batch, max_new_tokens=8, do_sample=False)
        for row, prompt in enumerate(prompts):
            single = tokenizer(prompt, return_tensors="pt")
            alone = model.generate(**single, max_new_tokens=8, do_sample=False)
            assert together[row, -8:].tolist() == alone[0, -8:].tolist()


def test_demo_model_is_better_than_chance_on_its_corpus(demo_model: Any) -> None:
    import math

    import torch

    model, tokenizer = demo_model
    text = (Path(__file__).resolve().parents[2] / "examples" / "corpus" / "insurance_ja.txt").read_text()[:400]
    ids = tokenizer(text, return_tensors="pt")["input_ids"]
    with torch.no_grad():
        loss = model(input_ids=ids, labels=ids).loss.item()
    assert loss < math.log(len(tokenizer)) - 1.0


@pytest.fixture(scope="module")
def quick_build(tmp_path_factory: pytest.TempPathFactory) -> DemoBuildReport:
    return build_demo_model(tmp_path_factory.mktemp("quick") / "demo", steps=2, seed=5, progress=False)


def test_quick_build_produces_a_loadable_model(quick_build: DemoBuildReport) -> None:
    assert {p.name for p in quick_build.out_dir.iterdir()} >= set(DEMO_FILES)
    assert quick_build.steps == 2 and quick_build.final_loss > 0 and quick_build.size_bytes < 20_000_000
    model, tokenizer = load_causal_lm(str(quick_build.out_dir), device="cpu")
    assert tokenizer.chat_template and model.config.vocab_size == len(tokenizer)


def test_build_is_deterministic_for_a_seed(quick_build: DemoBuildReport, tmp_path: Path) -> None:
    again = build_demo_model(tmp_path / "again", steps=2, seed=5, progress=False)
    assert again.final_loss == quick_build.final_loss
    for name in ("tokenizer.json", "model.safetensors"):
        assert (again.out_dir / name).read_bytes() == (quick_build.out_dir / name).read_bytes()
