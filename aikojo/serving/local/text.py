"""Token ids → text for one streamed answer: incremental decoding that never emits half a character, and
stop strings that are cut out before anything of them reaches the client.

Pure Python over a tokenizer; the engine's worker thread owns one tracker per request."""

from __future__ import annotations

import threading
from typing import Any

REPLACEMENT = "\ufffd"  # what a byte-level tokenizer decodes an incomplete UTF-8 sequence to


class TextTracker:
    """Feed generated token ids one by one; get back the text that is safe to send.

    Decoding uses a short window of recent ids (the approach of transformers' TextStreamer and vLLM), so
    each step costs O(window), not O(answer). A character split over several tokens (common for Japanese
    in byte-level BPE) is held back until its last byte arrives. Text that could be the beginning of a
    stop string is held back until it is clear that it is not.
    """

    def __init__(self, tokenizer: Any, stop: list[str] | None, lock: threading.Lock) -> None:
        self._tokenizer = tokenizer
        self._lock = lock  # the engine's tokenizer lock: the Rust tokenizer is shared with the event loop
        self._stop = [s for s in (stop or []) if s]
        self._ids: list[int] = []
        self._prefix_offset = 0  # start of the decode window
        self._read_offset = 0  # ids before this are already part of self.text
        self.text = ""  # complete characters decoded so far
        self._sent = 0  # characters of self.text already handed out
        self.stopped = False  # a stop string was found; the answer ends before it

    def _decode(self, ids: list[int]) -> str:
        with self._lock:
            return self._tokenizer.decode(ids, skip_special_tokens=True)

    def add(self, token_id: int) -> str:
        """Take one generated id; return the newly safe text ("" when it must wait for more)."""
        self._ids.append(token_id)
        prefix = self._decode(self._ids[self._prefix_offset : self._read_offset])
        full = self._decode(self._ids[self._prefix_offset :])
        if len(full) > len(prefix) and not full.endswith(REPLACEMENT):
            self.text += full[len(prefix) :]
            self._prefix_offset, self._read_offset = self._read_offset, len(self._ids)
        return self._release(final=False)

    def finish(self) -> str:
        """The answer is over (end token or length): release whatever is left, incomplete bytes included."""
        prefix = self._decode(self._ids[self._prefix_offset : self._read_offset])
        full = self._decode(self._ids[self._prefix_offset :])
        if len(full) > len(prefix):
            self.text += full[len(prefix) :]
        self._read_offset = self._prefix_offset = len(self._ids)
        return self._release(final=True)

    def _release(self, *, final: bool) -> str:
        if self.stopped:
            return ""
        # A stop string cannot start before self._sent: its beginning would have been held back.
        hits = [i for i in (self.text.find(s, self._sent) for s in self._stop) if i >= 0]
        if hits:
            self.stopped = True
            end = min(hits)
            self.text = self.text[:end]
        elif final or not self._stop:
            end = len(self.text)
        else:
            end = len(self.text) - self._held_back()
        out = self.text[self._sent : end]
        self._sent = max(self._sent, end)
        return out

    def _held_back(self) -> int:
        """Length of the longest unsent suffix that is a proper prefix of some stop string."""
        room = len(self.text) - self._sent
        best = 0
        for stop in self._stop:
            for k in range(min(len(stop) - 1, room), best, -1):
                if self.text.endswith(stop[:k]):
                    best = k
                    break
        return best
