"""The OpenAI wire format, as pydantic models. Handlers live in ``pipeline.py``; routes in ``openai_api.py``.

Requests accept the fields clients send today; fields we do not interpret (tools, tool_choice,
response_format, logprobs, user, …) are kept and passed through to upstreams that understand them."""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Fields the gateway itself consumes; everything else in a request body is passthrough.
_OWN_FIELDS = {"model", "messages", "prompt", "max_tokens", "max_completion_tokens", "temperature", "top_p",
               "stop", "seed", "n", "stream", "stream_options"}


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        """Text content; for multi-part content, the text parts joined."""
        if isinstance(self.content, list):
            return "".join(p.get("text", "") for p in self.content if p.get("type") == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    include_usage: bool = False


class _Sampling(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str = Field(min_length=1, max_length=256)
    max_tokens: int | None = Field(None, ge=1, le=1_000_000)
    temperature: float = Field(1.0, ge=0.0, le=2.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    stop: str | list[str] | None = None
    seed: int | None = None
    n: int = Field(1, ge=1, le=1)
    stream: bool = False
    stream_options: StreamOptions | None = None

    @field_validator("stop")
    @classmethod
    def _stop_list(cls, v: str | list[str] | None) -> list[str] | None:
        if v is None:
            return None
        stops = [v] if isinstance(v, str) else v
        if len(stops) > 4:
            raise ValueError("at most 4 stop sequences")
        return [s for s in stops if s]

    def passthrough(self) -> dict[str, Any]:
        return {k: v for k, v in (self.model_extra or {}).items() if k not in _OWN_FIELDS}


class ChatCompletionRequest(_Sampling):
    messages: list[ChatMessage] = Field(min_length=1)
    max_completion_tokens: int | None = Field(None, ge=1, le=1_000_000)

    @property
    def requested_max_tokens(self) -> int | None:
        return self.max_completion_tokens or self.max_tokens


class CompletionRequest(_Sampling):
    prompt: str | list[str]

    @field_validator("prompt")
    @classmethod
    def _one_prompt(cls, v: str | list[str]) -> str:
        if isinstance(v, list):
            if len(v) != 1:
                raise ValueError("exactly one prompt is supported per request")
            return v[0]
        return v

    @property
    def requested_max_tokens(self) -> int | None:
        return self.max_tokens


# ---- responses (built as plain dicts on the hot path; these document the shape) --------------------------
def usage_dict(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    return {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens}


def chat_response(rid: str, model: str, text: str, finish_reason: str, usage: dict, extra: dict | None = None
                  ) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if extra:
        message.update(extra)
    return {"id": f"chatcmpl-{rid}", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}],
            "usage": usage}


def chat_chunk(rid: str, model: str, created: int, delta: dict[str, Any], finish_reason: str | None = None
               ) -> dict[str, Any]:
    return {"id": f"chatcmpl-{rid}", "object": "chat.completion.chunk", "created": created, "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}]}


def completion_response(rid: str, model: str, text: str, finish_reason: str, usage: dict) -> dict[str, Any]:
    return {"id": f"cmpl-{rid}", "object": "text_completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "text": text, "finish_reason": finish_reason, "logprobs": None}],
            "usage": usage}


def completion_chunk(rid: str, model: str, created: int, text: str, finish_reason: str | None = None
                     ) -> dict[str, Any]:
    return {"id": f"cmpl-{rid}", "object": "text_completion", "created": created, "model": model,
            "choices": [{"index": 0, "text": text, "finish_reason": finish_reason, "logprobs": None}]}


def usage_chunk(rid: str, model: str, created: int, usage: dict, *, chat: bool) -> dict[str, Any]:
    return {"id": f"{'chatcmpl' if chat else 'cmpl'}-{rid}",
            "object": "chat.completion.chunk" if chat else "text_completion", "created": created, "model": model,
            "choices": [], "usage": usage}


def model_card(name: str, owner: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": 0, "owned_by": owner}
