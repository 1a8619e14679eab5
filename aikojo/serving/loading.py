"""The one way aikojo loads a causal language model: the demo model, a local folder or a Hugging Face id.

Safe by default: weights are read from safetensors only (pickle-based `.bin`/`.pt` files can run code when
unpickled) and model code shipped inside a repository is not run unless `trust_remote_code` is asked for.
Both switches are parameters here; the settings that turn them on belong to the caller (gateway, tuning).

Heavy libraries (torch, transformers) are imported inside the functions so importing this module is cheap.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikojo.errors import KojoError

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

DEMO_ASSETS_DIR = Path(__file__).resolve().parents[1] / "assets" / "demo-model"
# Files that make the demo folder a complete model; install_demo_model copies exactly these.
DEMO_FILES = (
    "config.json",
    "generation_config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "chat_template.jinja",
)
PICKLE_SUFFIXES = (".bin", ".pt", ".pth", ".ckpt", ".pkl")
ALLOW_PICKLE_HINT = "set KOJO_ALLOW_PICKLE_WEIGHTS=true (setting allow_pickle_weights) only if you trust the file"
TRUST_CODE_HINT = "set KOJO_TRUST_REMOTE_CODE=true (setting trust_remote_code) after reviewing the model's code"


class ModelLoadError(KojoError):
    """A model or tokenizer could not be loaded; the message says what to do about it."""

    status, code, type = 503, "model_load_error", "service_unavailable"


def _looks_like_path(name: str) -> bool:
    """A Hugging Face id is `name` or `org/name`; anything else that names a file-system location is a path."""
    return name.startswith(("/", ".", "~")) or name.count("/") > 1 or name.endswith("/") or "\\" in name


def _check_local_weights(path: Path, allow_pickle_weights: bool) -> None:
    files = [p.name for p in path.iterdir() if p.is_file()]
    if any(f.endswith(".safetensors") for f in files):
        return
    pickled = sorted(f for f in files if f.endswith(PICKLE_SUFFIXES))
    if pickled and not allow_pickle_weights:
        raise ModelLoadError(
            f"{path} holds only pickle-format weights ({', '.join(pickled)}), which can run arbitrary code when "
            "loaded, so aikojo refuses them. Convert them to safetensors (load once in a trusted environment "
            f"and call save_pretrained(), which writes safetensors), or {ALLOW_PICKLE_HINT}.",
            param="model",
        )
    if not pickled:
        raise ModelLoadError(
            f"{path} has no model weights (*.safetensors). Point at a folder written by save_pretrained(), "
            "or at a Hugging Face model id.",
            param="model",
        )


def _resolve_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelLoadError(f"device={device!r} was asked for but no CUDA device is available; use 'cpu' or 'auto'.")
    return device


def _resolve_dtype(dtype: Any, device: str, config: Any) -> Any:
    """'auto' keeps the checkpoint's dtype, except that half precision on CPU becomes float32 (float16
    matmuls are slow or missing on most CPUs)."""
    import torch

    if dtype != "auto":
        return getattr(torch, dtype) if isinstance(dtype, str) else dtype
    stored = getattr(config, "dtype", None) or getattr(config, "torch_dtype", None)
    if isinstance(stored, str):
        stored = getattr(torch, stored, None)
    if stored is None:
        return torch.float32
    if device == "cpu" and stored == torch.float16:
        return torch.float32
    return stored


def load_causal_lm(
    name_or_path: str | os.PathLike[str],
    *,
    revision: str | None = None,
    device: str = "auto",
    dtype: Any = "auto",
    trust_remote_code: bool = False,
    local_files_only: bool | None = None,
    allow_pickle_weights: bool = False,
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """Load a causal LM and its tokenizer, ready for batched generation, in eval mode on `device`.

    `name_or_path` is a local folder (save_pretrained layout) or a Hugging Face id (`org/name`, fetched
    through the local cache; `revision` pins a branch, tag or commit and is ignored for local folders).
    `device="auto"` picks CUDA when present, else CPU; `dtype="auto"` keeps the checkpoint's dtype (float32
    instead of float16 on CPU); `local_files_only=None` follows HF_HUB_OFFLINE. The tokenizer pads on the
    left and always has a pad token (the EOS token when the model defines none).

    Raises ModelLoadError, whose message says what to do, for a missing folder, pickle-only weights (unless
    `allow_pickle_weights`), model code that needs `trust_remote_code`, or a model that is not a causal LM.
    """
    name = os.fspath(name_or_path)
    path = Path(name).expanduser()
    local = path.is_dir()
    if not local and (path.exists() or _looks_like_path(name)):
        raise ModelLoadError(
            f"Model folder {name} does not exist"
            + (" (it is a file; point at the folder that holds config.json)" if path.exists() else "")
            + ". For the demo model run `kojo models init-demo`; otherwise give a folder written by "
            "save_pretrained() or a Hugging Face id such as org/name.",
            param="model",
        )
    if local:
        if not (path / "config.json").is_file():
            raise ModelLoadError(f"{path} has no config.json; it is not a Hugging Face model folder.", param="model")
        _check_local_weights(path, allow_pickle_weights)
        source, revision = str(path), None
    else:
        source = name
    common: dict[str, Any] = {"revision": revision, "trust_remote_code": trust_remote_code}
    if local_files_only is not None:
        common["local_files_only"] = local_files_only

    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    try:
        config = AutoConfig.from_pretrained(source, **common)
        tokenizer = AutoTokenizer.from_pretrained(source, **common)
    except ValueError as exc:
        raise _explain(exc, name) from exc
    except OSError as exc:  # local: no tokenizer files; hub: missing from the cache, unknown id, no network
        if local:
            raise ModelLoadError(
                f"Could not load the config or tokenizer in {path}: {exc}. The folder needs the files "
                "save_pretrained() writes for both the model and its tokenizer.",
                param="model",
            ) from exc
        raise ModelLoadError(
            f"Could not fetch {name}{f'@{revision}' if revision else ''}: {exc}. Check the id, or download it "
            "first (`hf download ID`) and point at the folder; at run time aikojo works offline.",
            param="model",
        ) from exc

    resolved_device = _resolve_device(device)
    try:
        model = AutoModelForCausalLM.from_pretrained(
            source,
            config=config,
            dtype=_resolve_dtype(dtype, resolved_device, config),
            # None lets transformers fall back to pickle weights; only when the caller allowed it.
            use_safetensors=None if allow_pickle_weights else True,
            **common,
        )
    except ValueError as exc:
        raise _explain(exc, name) from exc
    except OSError as exc:
        hint = f"if the repository has only pickle-format weights, {ALLOW_PICKLE_HINT}" if not local else ""
        raise ModelLoadError(f"Could not load the weights of {name}: {exc}. {hint}".strip(), param="model") from exc
    model.to(resolved_device)
    model.eval()
    _prepare_tokenizer(tokenizer, model)
    return model, tokenizer


def _explain(exc: ValueError, name: str) -> ModelLoadError:
    text = str(exc)
    if "trust_remote_code" in text:
        return ModelLoadError(
            f"{name} ships its own model code, which aikojo does not run by default; {TRUST_CODE_HINT}."
        )
    return ModelLoadError(
        f"{name} could not be loaded as a causal language model: {text}. aikojo serves decoder-only models "
        "(AutoModelForCausalLM); check the model id or folder.",
        param="model",
    )


def _prepare_tokenizer(tokenizer: PreTrainedTokenizerBase, model: PreTrainedModel) -> None:
    """Left padding with a pad token, mirrored into the generation config, so batched generate() works."""
    tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token if tokenizer.eos_token is not None else tokenizer.unk_token
    generation_config = getattr(model, "generation_config", None)
    if generation_config is not None and generation_config.pad_token_id is None:
        generation_config.pad_token_id = tokenizer.pad_token_id


def resolve_demo_assets() -> Path | None:
    """The committed demo-model folder inside the package, or None when it is absent or incomplete (for
    example in a checkout where the weights were not committed)."""
    if all((DEMO_ASSETS_DIR / f).is_file() for f in DEMO_FILES):
        return DEMO_ASSETS_DIR
    return None


def install_demo_model(
    dest_dir: str | os.PathLike[str], *, build_if_missing: bool = True, progress: bool = False
) -> Path:
    """Put the demo model in `dest_dir` (e.g. KOJO_HOME/models/demo) and return that path.

    Copies the committed assets at once; when they are absent, builds the model from the repository's
    corpus instead (minutes on a CPU), or with `build_if_missing=False` raises ModelLoadError. Files already
    in `dest_dir` are replaced, other files are left alone.
    """
    dest = Path(dest_dir).expanduser()
    assets = resolve_demo_assets()
    if assets is None:
        if not build_if_missing:
            raise ModelLoadError(
                f"The demo model is not bundled with this installation (looked in {DEMO_ASSETS_DIR}). "
                "Build it with `kojo models init-demo` (a few minutes on a CPU)."
            )
        from aikojo.serving.demo_model import build_demo_model

        build_demo_model(dest, progress=progress)
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    for name in DEMO_FILES:
        shutil.copyfile(assets / name, dest / name)
    return dest
