"""Long documents for injection training: pasted e-mails, minutes and reports, with a benign request or an attack
buried inside.

Every prompt in the hand-written corpora is under ~500 characters, and there attacks run longer than benign
prompts. Trained on that alone, stage 2 learned "longer ⇒ attack" from the length input: the model before these
documents flagged 39 of the 50 benign documents of examples/guardrails/documents_heldout.jsonl (and caught 0.975
of the injected ones — it flagged almost every long text). Twin documents — the same pasted text with a benign
request and with an attack at the same spot — take the shortcut away and give stage 2 a weight set for documents;
with the sentence model (``sentence_corpus``), on the same held-out set 5 of 50 benign documents are flagged and
0.625 of the injected caught (examples/guardrails/README.md).

Documents are made only from training-side text: the business text (``extra_benign`` and the documents of
``document_sources``), the training attacks and benign prompts, each pair from one cross-validation fold's texts
(see ``long_documents``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from aikojo.guardrails.injection import model_view
from aikojo.guardrails.injection_features import chunk_bounds, prepare
from aikojo.guardrails.injection_rules import prepared_views
from aikojo.guardrails.normalise import normalise

JAPANESE = re.compile(r"[\u3040-\u30ff]")
# Where an attack can be slipped in: after a sentence or a line.
_BREAK = re.compile(r"[。！？\n]|[.!?] ")

# The document tasks users hand the model; "{doc}" is the pasted text. Some documents come with no instruction
# (a retrieved context, a pasted thread), so an instruction is not the only sign of a document.
TASKS_JA = (
    "次の文書を要約してください。\n---\n{doc}\n---",
    "以下のメールを読んで、対応が必要な点を箇条書きにしてください。\n\n{doc}",
    "この報告の内容を分類し、緊急度を判定してください：\n{doc}",
    "下記の問い合わせ履歴から、お客様の要望を3行でまとめて。\n「{doc}」",
    "{doc}",
)
TASKS_EN = (
    "Summarise the following document for the branch manager.\n---\n{doc}\n---",
    "Read the messages below and list every action we owe the customer.\n\n{doc}",
    "Classify each of these messages by topic and urgency:\n{doc}",
    'Extract the dates, amounts and names from this thread:\n"""{doc}"""',
    "{doc}",
)
_JOINERS = ("\n", "\n\n", " ", "\n---\n")


def _document(r: random.Random, texts: Sequence[str], lo: int, hi: int) -> str:
    target = r.randint(lo, hi)
    joiner = r.choice(_JOINERS)
    parts: list[str] = []
    while sum(len(p) for p in parts) < target:
        parts.append(r.choice(texts))
    return joiner.join(parts)


def _spot(r: random.Random, doc: str) -> int:
    """Where to slip a sentence in: after any sentence or line, or at the very start or end."""
    return r.choice([m.end() for m in _BREAK.finditer(doc)] + [0, len(doc)])


Tagged = Sequence[tuple[str, str]]  # (text, seed group)


def _pools(items: Tagged, fold_of: Callable[[str], int]) -> dict[tuple[str, int], list[tuple[str, str]]]:
    pools: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for text, group in items:
        if not text.strip():
            continue  # an empty text could never fill a document
        pools.setdefault(("ja" if JAPANESE.search(text) else "en", fold_of(group)), []).append((text, group))
    return pools


def long_documents(business: Tagged, attacks: Tagged, requests: Tagged, n: int,
                   fold_of: Callable[[str], int] = lambda _group: 0, folds: int = 1, seed: int = 20261128,
                   min_chars: int = 500, max_chars: int = 2500) -> list[tuple[str, int, str]]:
    """Up to ``n`` pairs of twin documents, as ``(text, label, group)``: one with a benign request buried, one
    with an attack buried at the same spot. Every input is ``(text, seed group)``: ``business`` the text pasted
    together, ``attacks`` the training attacks, ``requests`` benign prompts (look-alikes among them).

    Each pair is built from one fold's texts only (``fold_of(group)`` in ``range(folds)``, the folds training
    cross-validates with) and takes its attack's group, so it lands in that fold: the out-of-fold model that
    scores a document has seen none of its texts (``business_group``: one template with other numbers is one
    text; templates that differ by a prefix can still leak). Built from texts it had memorised as benign, documents
    looked cleaner in cross-validation than real ones do, stage 2 learnt to trust the chunk maximum too much,
    and a meeting minute it had never seen scored 0.94. Japanese and English documents are built apart."""
    r = random.Random(seed)
    text_pools, attack_pools, request_pools = (_pools(x, fold_of) for x in (business, attacks, requests))
    cells = [(lang, k) for k in range(folds) for lang in ("ja", "en")
             if text_pools.get((lang, k)) and attack_pools.get((lang, k)) and request_pools.get((lang, k))]
    out: list[tuple[str, int, str]] = []
    for i in range(n if cells else 0):
        lang, k = cells[i % len(cells)]
        doc = _document(r, [t for t, _ in text_pools[lang, k]], min_chars, max_chars)
        task = r.choice(TASKS_JA if lang == "ja" else TASKS_EN)
        attack, group = r.choice(attack_pools[lang, k])
        request, _ = r.choice(request_pools[lang, k])
        # Twins that differ only in the buried sentence. Against a clean document the model learnt that any
        # request in a document is an attack ("教えて", "方法": 「口座の開設方法を教えて」 scored 0.96); against a
        # document with a benign request slipped in, only what the attack says tells them apart.
        cut = _spot(r, doc)
        out += [(task.format(doc=doc[:cut] + request + doc[cut:]), 0, group),
                (task.format(doc=doc[:cut] + attack + doc[cut:]), 1, group)]
    return out


def sentence_corpus(pasted: Sequence[str],
                    prompts: Sequence[tuple[str, int, str]]) -> tuple[list[str], list[int], list[str]]:
    """The sentence model's corpus, as ``(texts, labels, groups)``: short prompts (``(text, label, group)``:
    single instructions and benign requests) and the sentences of the business documents, benign, grouped by
    their document. Stage 1 had never seen a sentence of meeting minutes as such, so in a document of ten chunks
    one plain business sentence could be the maximum; this model scores chunks of long texts only, so short
    prompts keep stage 1's weights (fitting stage 1 on these sentences raised 「方法を教えて」 0.32 → 0.8+)."""
    texts, labels, groups = [t for t, _, _ in prompts], [lab for _, lab, _ in prompts], [g for _, _, g in prompts]
    for doc in pasted:
        # Cut the view inference cuts (lower-cased, whitespace collapsed), so the chunks are the same ones.
        view = prepare(model_view(prepared_views(normalise(doc).text)))
        pieces = [view[start:end] for start, end in chunk_bounds(view)]
        texts += pieces
        labels += [0] * len(pieces)
        groups += [business_group(doc)] * len(pieces)
    return texts, labels, groups


_DIGITS = re.compile(r"\d+")


def business_group(text: str) -> str:
    """The group (so the fold) of a business text: its wording with the numbers taken out, so texts made from one
    template with other amounts, dates and IDs share a fold. (Templates that differ by a prefix still split.)"""
    return _DIGITS.sub("0", text)


__all__ = ["TASKS_EN", "TASKS_JA", "business_group", "long_documents", "sentence_corpus"]
