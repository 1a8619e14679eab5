"""PEFT LoRA adapters on one base model: loaded on demand, kept in a bounded LRU, applied per row.

The base model is wrapped in a PeftModel when the first adapter arrives. Plain LoRA adapters can share a
batch: PEFT's `adapter_names=[...]` (one name per row, "__base__" for the bare model, eval mode only) routes
each row through its own adapter inside one forward pass. DoRA adapters cannot: PEFT refuses `adapter_names`
when a named adapter uses DoRA (its magnitude vector rescales the whole weight, not a per-row low-rank
update), so a DoRA adapter runs as the model's single active adapter, in a batch of its own.

Only the engine's worker thread calls into this class: loading mutates the model, which must never happen
while a forward pass runs.
"""

from __future__ import annotations

import warnings
from collections import OrderedDict
from pathlib import Path
from typing import Any

import torch

from aikojo.errors import KojoError

BASE = "__base__"  # PEFT's name for "no adapter" in adapter_names
MIXED = "mixed"  # batch key for rows that PEFT can mix (base + any plain LoRA adapters)


class AdapterLoadError(KojoError):
    """An adapter could not be loaded: missing folder, unsafe weights, or a kind the engine cannot serve."""

    status, code, type = 503, "adapter_load_error", "service_unavailable"


class AdapterCacheFull(Exception):
    """Every cached adapter is in use by the running batch; the request waits for the batch to end."""


class AdapterCache:
    """LRU of loaded adapters (by served name, e.g. "claims-extractor@3"), bounded by `capacity`."""

    def __init__(self, model: Any, capacity: int, *, allow_pickle_weights: bool = False) -> None:
        if capacity < 1:
            raise ValueError("adapter_cache_size must be at least 1")
        self._base = model
        self._peft: Any = None  # the PeftModel around self._base, once an adapter was loaded
        self._capacity = capacity
        self._allow_pickle = allow_pickle_weights
        self._lru: OrderedDict[str, tuple[str, str]] = OrderedDict()  # name → (path, batch key)
        self.loads = 0
        self.evictions = 0
        self._cache_kwarg = _cache_kwarg(model)

    @property
    def names(self) -> list[str]:
        """Loaded adapters, least recently used first."""
        return list(self._lru)

    def batch_key(self, name: str | None, path: str | None, in_use: set[str]) -> str:
        """Make sure adapter `name` is loaded (from `path` if it is not) and return the key of the batches it
        may join. Raises AdapterCacheFull when a slot is needed but all are in use, AdapterLoadError else."""
        if name is None or name == BASE:
            return MIXED
        if name in self._lru:
            self._lru.move_to_end(name)
            return self._lru[name][1]
        if not path:
            raise AdapterLoadError(f"Adapter {name!r} is not loaded and the request names no path to load it from.")
        self.load(name, path, in_use)
        return self._lru[name][1]

    def load(self, name: str, path: str, in_use: set[str]) -> None:
        if name in self._lru:
            self._lru.move_to_end(name)
            return
        config = self._read_config(name, path)
        while len(self._lru) >= self._capacity:
            victim = next((n for n in self._lru if n not in in_use), None)
            if victim is None:
                raise AdapterCacheFull(name)
            self.unload(victim)
            self.evictions += 1
        try:
            with warnings.catch_warnings():
                # PEFT warns about deprecated transformers attributes it reads and adapter names that happen to
                # be substrings of "lora_"; neither is actionable for an operator.
                warnings.simplefilter("ignore", FutureWarning)
                warnings.simplefilter("ignore", UserWarning)
                if self._peft is None:
                    from peft import PeftModel

                    self._peft = PeftModel.from_pretrained(self._base, path, adapter_name=name, is_trainable=False)
                else:
                    self._peft.load_adapter(path, adapter_name=name, is_trainable=False)
        except Exception as exc:  # PEFT raises many kinds (shape mismatch, missing target modules…)
            raise AdapterLoadError(
                f"Adapter {name!r} at {path} does not fit this base model: {exc}. Check that it was trained on "
                "the model this backend serves."
            ) from exc
        self._peft.eval()
        if self._peft.active_adapter not in self._peft.peft_config:
            # Deleting the last adapter leaves PEFT pointing at a name that is gone.
            self._peft.set_adapter(name)
        key = f"dora:{name}" if getattr(config, "use_dora", False) else MIXED
        self._lru[name] = (path, key)
        self.loads += 1

    def unload(self, name: str) -> bool:
        if self._lru.pop(name, None) is None:
            return False
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "adapter X was active…": we pick the adapter per batch
            self._peft.delete_adapter(name)
        return True

    def _read_config(self, name: str, path: str) -> Any:
        folder = Path(path).expanduser()
        if not (folder / "adapter_config.json").is_file():
            raise AdapterLoadError(
                f"Adapter {name!r}: {path} is not an adapter folder (no adapter_config.json). Point at the folder "
                "written by save_pretrained() of a PEFT model."
            )
        if not (folder / "adapter_model.safetensors").is_file() and not self._allow_pickle:
            raise AdapterLoadError(
                f"Adapter {name!r}: {path} has no adapter_model.safetensors; pickle-format weights can run code when "
                "loaded and are refused. Re-save it with save_pretrained() (which writes safetensors), or set "
                "KOJO_ALLOW_PICKLE_WEIGHTS=true only if you trust the file."
            )
        from peft import PeftConfig, PeftType

        try:
            config = PeftConfig.from_pretrained(str(folder))
        except Exception as exc:
            raise AdapterLoadError(f"Adapter {name!r}: cannot read {folder / 'adapter_config.json'}: {exc}") from exc
        if config.peft_type != PeftType.LORA:
            raise AdapterLoadError(
                f"Adapter {name!r} is a {config.peft_type} adapter; the local engine serves LoRA/DoRA adapters only."
            )
        return config

    def forward(
        self,
        key: str,
        adapters: list[str],
        *,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        position_ids: torch.Tensor,
        cache: Any,
    ) -> torch.Tensor:
        """Logits of the last position, (batch, vocab), each row through its own adapter."""
        inputs: dict[str, Any] = {
            "input_ids": input_ids,
            "attention_mask": attention_mask,
            "position_ids": position_ids,
            self._cache_kwarg: cache,
            "use_cache": True,
            "logits_to_keep": 1,
        }
        if self._peft is None or not self._lru:
            # No adapter loaded: the injected LoRA layers (if any) hold none and pass through.
            return self._base(**inputs).logits[:, -1, :]
        if key != MIXED:  # a DoRA adapter, alone in its batch
            self._peft.set_adapter(adapters[0])
            return self._peft(**inputs).logits[:, -1, :]
        if all(a == BASE for a in adapters):
            with self._peft.disable_adapter():
                return self._peft(**inputs).logits[:, -1, :]
        try:
            return self._peft(**inputs, adapter_names=adapters).logits[:, -1, :]
        except Exception:
            self._drop_leaked_hooks()
            raise

    def _drop_leaked_hooks(self) -> None:
        """PEFT registers per-row adapter hooks around a forward pass and removes them only when it returns
        normally; after an exception (e.g. out of memory) they would stay and inject stale adapter names into
        every later pass, so remove them here."""
        try:
            from peft.tuners.lora.model import _adapter_names_pre_forward_hook
        except ImportError:  # a PEFT version that organises this differently
            return
        for module in self._peft.modules():
            for hook_id, hook in list(module._forward_pre_hooks.items()):
                if getattr(hook, "func", None) is _adapter_names_pre_forward_hook:
                    del module._forward_pre_hooks[hook_id]
                    module._forward_pre_hooks_with_kwargs.pop(hook_id, None)


def _cache_kwarg(model: Any) -> str:
    """transformers 5.x renamed `past_key_values` to `cache` (the old name still works, with a warning)."""
    import inspect

    try:
        params = inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return "past_key_values"
    return "cache" if "cache" in params else "past_key_values"
