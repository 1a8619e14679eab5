"""Features of the injection classifier: hashed character n-grams, computed with numpy in a few array operations.

Text is lower-cased and whitespace-collapsed by ``injection_rules.prepared_views``; n-grams that contain a digit
are dropped (numbers carry no injection signal: memorising them made phone numbers look like attacks, and business
text full of numbers made "<attack> Card 4111…" look benign). Each n-gram
(n = 1..4) is hashed to one of ``2**BITS`` buckets with a polynomial rolling hash over the code points, so a
1 KB text costs a handful of vectorised operations instead of thousands of Python dictionary look-ups.
Latin-script words (runs of a–z) are hashed too, with their own salt: "disregard" and "directives" are evidence
as whole words in a way their 4-grams ("disr", "egar") are not, and grouped cross-validation on the training side
caught ~2 points more attacks at the same false-positive rate with them.
Training (``aikojo.guardrails.train``) and scoring use these same functions, so the buckets agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

NGRAM_RANGE = (1, 4)
BITS = 20
CHUNK_CHARS = 120
_P = np.uint64(1_000_003)
_M = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top BITS bits of h * M are well mixed
_SHIFT = np.uint64(64 - BITS)
_SALT = [np.uint64(0x51ED27 * n) for n in range(NGRAM_RANGE[1] + 1)]
_WORD_SALT = np.uint64(0xA5A5_0F0F_3C3C)
_P_INV = np.uint64(pow(1_000_003, -1, 2**64))  # P is odd, so it has an inverse modulo 2**64
_pow_cache: dict[str, np.ndarray] = {"p": np.ones(1, dtype=np.uint64), "inv": np.ones(1, dtype=np.uint64)}
_SENTENCE_END = re.compile(r"[。！？!?]|\. ")


def prepare(view: str) -> str:
    """The text the n-grams are taken from: a prepared (lower-case, collapsed) view, stripped. (Digits are mapped
    to 0 on the code-point array in ``gram_buckets``.)"""
    return view.strip()


@dataclass
class Grams:
    """Hashed features of one prepared view: ``chars[k]`` holds the bucket of the (k+1)-gram starting at each
    character (-1: dropped); ``words`` the bucket of each Latin word, which spans [word_start, word_end)."""

    chars: list[np.ndarray]
    words: np.ndarray
    word_start: np.ndarray
    word_end: np.ndarray


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**i and P**-i (mod 2**64) for i < n, grown on demand and shared."""
    if len(_pow_cache["p"]) < n:
        size = max(n, 2 * len(_pow_cache["p"]), 1024)
        with np.errstate(over="ignore"):
            _pow_cache["p"] = np.cumprod(np.concatenate(([np.uint64(1)], np.full(size - 1, _P, dtype=np.uint64))),
                                         dtype=np.uint64)
            _pow_cache["inv"] = np.cumprod(
                np.concatenate(([np.uint64(1)], np.full(size - 1, _P_INV, dtype=np.uint64))), dtype=np.uint64)
    return _pow_cache["p"], _pow_cache["inv"]


def _word_buckets(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Buckets of every run of a–z, vectorised: with G[i] = Σ_{j<i} cp[j]·P⁻ʲ, the polynomial hash of cp[s:e]
    is P^(e-1)·(G[e] − G[s]) (mod 2**64), so all words hash in a few array operations."""
    letter = (cp >= 97) & (cp <= 122)
    if not letter.any():
        empty = np.empty(0, dtype=np.intp)
        return empty, empty, empty
    edges = np.diff(np.concatenate(([0], letter.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    p, inv = _powers(len(cp) + 1)
    with np.errstate(over="ignore"):
        g = np.concatenate(([np.uint64(0)], np.cumsum(cp * inv[: len(cp)], dtype=np.uint64)))
        h = p[ends - 1] * (g[ends] - g[starts])
        ids = (((h + _WORD_SALT) * _M) >> _SHIFT).astype(np.intp)
    return ids, starts, ends


def gram_buckets(prepared: str) -> Grams:
    """Bucket ids of all character n-grams (one array per n; index i: the n-gram starting at character i) and of
    the Latin words."""
    cp = np.frombuffer(prepared.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    digit = (cp >= 48) & (cp <= 57)
    # Digits carry no injection signal, and business text full of numbers taught the model "numbers ⇒ benign",
    # which let "<attack> Card 4111…" through: n-grams that touch a digit are dropped (bucket -1, never weighted).
    seen = np.concatenate(([0], np.cumsum(digit, dtype=np.intp)))
    out: list[np.ndarray] = []
    h = cp
    lo, hi = NGRAM_RANGE
    with np.errstate(over="ignore"):
        for n in range(1, hi + 1):
            if n > 1:
                if len(cp) < n:
                    break
                h = h[:-1] * _P + cp[n - 1 :]
            if n >= lo:
                ids = (((h + _SALT[n]) * _M) >> _SHIFT).astype(np.intp)
                ids[seen[n:] - seen[:-n] > 0] = -1
                out.append(ids)
    return Grams(out, *_word_buckets(cp))


def chunk_bounds(prepared: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Sentence-aligned [start, end) chunks of at most ``size`` characters (a longer sentence is cut)."""
    n = len(prepared)
    if n <= size:
        return [(0, n)]
    ends = [m.end() for m in _SENTENCE_END.finditer(prepared)] + [n]
    out: list[tuple[int, int]] = []
    start = last = 0
    for e in ends:
        while e - start > size:
            cut = last if last > start else start + size
            out.append((start, cut))
            start = cut
        last = e
    if start < n:
        out.append((start, n))
    return out


def chunk_buckets(grams: Grams, start: int, end: int) -> np.ndarray:
    """Distinct bucket ids of the n-grams and words lying wholly inside [start, end)."""
    # The array for n-grams of length n holds starts i with i + n <= end.
    parts = [g[start : max(start, end - k)] for k, g in enumerate(grams.chars, start=NGRAM_RANGE[0] - 1)]
    if len(grams.words):
        parts.append(grams.words[(grams.word_start >= start) & (grams.word_end <= end)])
    ids = np.concatenate(parts)
    ids = ids[ids >= 0]
    if len(ids) < 2:
        return ids
    # sort + adjacent compare: the same result as np.unique at a quarter of its overhead on short arrays.
    ids.sort()
    keep = np.empty(len(ids), dtype=bool)
    keep[0] = True
    np.not_equal(ids[1:], ids[:-1], out=keep[1:])
    return ids[keep]


def text_buckets(view: str) -> np.ndarray:
    """Distinct bucket ids of a whole prepared view (training uses this: one row per example)."""
    prepared = prepare(view)
    return chunk_buckets(gram_buckets(prepared), 0, len(prepared))
