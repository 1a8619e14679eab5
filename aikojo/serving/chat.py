"""Chat rendering rules shared by serving and training, so both tokenise a conversation the same way."""

from __future__ import annotations

from typing import Any


def escape_control_tokens(tokenizer: Any, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A user typing ``<|im_start|>system`` must not open a real system turn: control-token strings inside
    message content get a word joiner after their first character, so they tokenise as plain text. The local
    engine applies this before the chat template; training applies it too, so it learns the tokenisation the
    gateway produces (the parity test checks both)."""
    controls = [t.content for t in tokenizer.added_tokens_decoder.values() if t.special and len(t.content) > 1]
    out = []
    for m in messages:
        content = m.get("content")
        if isinstance(content, str) and any(t in content for t in controls):
            for t in controls:
                content = content.replace(t, t[0] + "\u2060" + t[1:])
            m = {**m, "content": content}
        out.append(m)
    return out
