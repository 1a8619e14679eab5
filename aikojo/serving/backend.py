"""The inference Backend protocol: the local transformers engine and any OpenAI-compatible upstream
(vLLM, KServe, another kojo) implement these verbs and nothing else. The engine knows nothing of HTTP;
the gateway knows nothing of how tokens are produced."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass
class Usage:
    prompt_tokens: int
    completion_tokens: int

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class GenerationRequest:
    """One request, already authorised, admitted and guarded. Exactly one of ``messages`` / ``prompt``."""

    model: str  # the base model name the router picked this backend for
    max_tokens: int
    messages: list[dict[str, Any]] | None = None
    prompt: str | None = None
    adapter: str | None = None  # served name of the adapter version, e.g. "claims-extractor@3"
    adapter_path: str | None = None  # where the local engine loads it from
    temperature: float = 1.0
    top_p: float = 1.0
    stop: list[str] | None = None
    seed: int | None = None
    # OpenAI fields only upstreams understand (tools, tool_choice, response_format, logprobs, user…):
    passthrough: dict[str, Any] = field(default_factory=dict)
    request_id: str = ""
    # W3C trace context of the gateway's backend span (``traceparent``…), set only when tracing is on;
    # OpenAI-compatible upstreams forward it so their spans join the request's trace.
    trace_headers: dict[str, str] | None = None


@dataclass
class GenerationResult:
    text: str
    finish_reason: str  # "stop" | "length" | "tool_calls" | "content_filter"
    usage: Usage
    message_extra: dict[str, Any] = field(default_factory=dict)  # e.g. tool_calls from an upstream


@dataclass
class StreamDelta:
    """A piece of a streamed answer. The last one carries ``finish_reason`` and ``usage``."""

    text: str = ""
    finish_reason: str | None = None
    usage: Usage | None = None
    message_extra: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class Backend(Protocol):
    name: str

    async def generate(self, req: GenerationRequest) -> GenerationResult: ...

    def stream(self, req: GenerationRequest) -> AsyncIterator[StreamDelta]:
        """Async iterator of deltas; closing it early (client gone) cancels the generation."""
        ...

    def count_tokens(self, req: GenerationRequest) -> int | None:
        """Prompt tokens with the model's own tokenizer, or None when unknown (the gateway estimates)."""
        ...

    async def load_adapter(self, name: str, path: str) -> None: ...

    async def unload_adapter(self, name: str) -> None: ...

    async def health(self) -> bool: ...

    async def close(self) -> None: ...
