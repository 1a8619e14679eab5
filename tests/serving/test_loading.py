"""load_causal_lm: one loading path, safe by default, with errors that say what to do."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aikojo.errors import KojoError
from aikojo.serving import loading
from aikojo.serving.loading import DEMO_FILES, ModelLoadError, install_demo_model, load_causal_lm


def _copy_demo(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in DEMO_FILES:
        shutil.copyfile(src / name, dest / name)
    return dest


def test_missing_folder_says_how_to_get_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="does not exist") as info:
        load_causal_lm(str(tmp_path / "no-such-model"))
    assert "kojo models init-demo" in info.value.message
    assert isinstance(info.value, KojoError)  # so the CLI and gateway map it like every other error


def test_folder_without_config_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match=r"no config\.json"):
        load_causal_lm(str(tmp_path))


def test_pickle_only_weights_are_refused_with_a_way_out(tmp_path: Path, demo_model_dir: Path) -> None:
    folder = _copy_demo(demo_model_dir, tmp_path / "m")
    (folder / "model.safetensors").unlink()
    (folder / "pytorch_model.bin").write_bytes(b"never unpickled")
    with pytest.raises(ModelLoadError, match="pickle") as info:
        load_causal_lm(str(folder))
    assert "safetensors" in info.value.message and "KOJO_ALLOW_PICKLE_WEIGHTS" in info.value.message


def test_pickle_weights_load_when_explicitly_allowed(tmp_path: Path, demo_model: Any, demo_model_dir: Path) -> None:
    import torch

    model, _ = demo_model
    folder = _copy_demo(demo_model_dir, tmp_path / "m")
    (folder / "model.safetensors").unlink()
    torch.save(model.state_dict(), folder / "pytorch_model.bin")
    loaded, _ = load_causal_lm(str(folder), device="cpu", allow_pickle_weights=True)
    assert torch.equal(loaded.lm_head.weight, model.lm_head.weight)


def test_folder_without_weights_is_reported(tmp_path: Path, demo_model_dir: Path) -> None:
    folder = _copy_demo(demo_model_dir, tmp_path / "m")
    (folder / "model.safetensors").unlink()
    with pytest.raises(ModelLoadError, match="no model weights"):
        load_causal_lm(str(folder))


def test_folder_without_tokenizer_files_is_reported(tmp_path: Path, demo_model_dir: Path) -> None:
    folder = _copy_demo(demo_model_dir, tmp_path / "m")
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        (folder / name).unlink()
    with pytest.raises(ModelLoadError, match="tokenizer"):
        load_causal_lm(str(folder))


def test_model_code_is_not_run_without_trust_remote_code(tmp_path: Path, demo_model_dir: Path) -> None:
    folder = _copy_demo(demo_model_dir, tmp_path / "m")
    config = json.loads((folder / "config.json").read_text())
    config.update(
        model_type="kojo-custom",
        auto_map={"AutoConfig": "configuration_custom.CustomConfig", "AutoModelForCausalLM": "modeling_custom.M"},
    )
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "configuration_custom.py").write_text("raise SystemExit('remote code ran')\n")
    with pytest.raises(ModelLoadError, match="KOJO_TRUST_REMOTE_CODE"):
        load_causal_lm(str(folder))


def test_uncached_hub_id_offline_explains_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache
    with pytest.raises(ModelLoadError, match="Could not fetch aikojo-tests/no-such-model"):
        load_causal_lm("aikojo-tests/no-such-model", local_files_only=True)


def test_asking_for_cuda_without_a_gpu_is_a_clear_error(demo_model_dir: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("needs a machine without CUDA")
    with pytest.raises(ModelLoadError, match="no CUDA device"):
        load_causal_lm(str(demo_model_dir), device="cuda")


def test_auto_device_and_dtype_on_cpu(demo_model: Any) -> None:
    import torch

    model, tokenizer = demo_model
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert model.device.type == expected and model.dtype == torch.float32
    assert tokenizer.pad_token_id is not None and model.generation_config.pad_token_id == tokenizer.pad_token_id


def test_missing_pad_token_falls_back_to_eos(tmp_path: Path, demo_model_dir: Path) -> None:
    folder = _copy_demo(demo_model_dir, tmp_path / "m")
    config = json.loads((folder / "tokenizer_config.json").read_text())
    del config["pad_token"]
    config["padding_side"] = "right"
    (folder / "tokenizer_config.json").write_text(json.dumps(config))
    _, tokenizer = load_causal_lm(str(folder), device="cpu")
    assert tokenizer.pad_token == tokenizer.eos_token and tokenizer.padding_side == "left"


def test_install_demo_model_copies_the_committed_assets(tmp_path: Path, demo_model_dir: Path) -> None:
    if loading.resolve_demo_assets() is None:
        pytest.skip("demo assets are not committed in this checkout")
    dest = install_demo_model(tmp_path / "home" / "models" / "demo")
    assert all((dest / name).read_bytes() == (demo_model_dir / name).read_bytes() for name in DEMO_FILES)
    _model, tokenizer = load_causal_lm(str(dest), device="cpu")
    assert tokenizer.chat_template


def test_install_demo_model_builds_when_assets_are_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import aikojo.serving.demo_model as demo

    calls: list[Path] = []
    monkeypatch.setattr(loading, "resolve_demo_assets", lambda: None)
    monkeypatch.setattr(demo, "build_demo_model", lambda out, **kw: calls.append(Path(out)))
    assert install_demo_model(tmp_path / "demo") == tmp_path / "demo"
    assert calls == [tmp_path / "demo"]
    with pytest.raises(ModelLoadError, match="kojo models init-demo"):
        install_demo_model(tmp_path / "other", build_if_missing=False)


def test_models_cli_module_does_not_import_torch() -> None:
    code = "import sys, aikojo.cli.models; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_models_show_prints_size_vocab_and_chat_template(demo_model_dir: Path) -> None:
    from typer.testing import CliRunner

    from aikojo.cli.models import app

    result = CliRunner().invoke(app, ["show", str(demo_model_dir)])
    assert result.exit_code == 0, result.output
    assert "parameters" in result.output and "vocabulary" in result.output
    assert "chat template  yes" in result.output
