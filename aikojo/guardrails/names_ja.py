"""Japanese person names and street addresses: GiNZA's named entities, Sudachi's name dictionary and the
prefecture gazetteer. Optional: ``pip install 'aikojo[ja-names]'`` (spaCy + GiNZA + the ``ja_ginza`` model, all
from PyPI and offline once installed); a policy turns it on with ``input.names.enabled: true``.

Why three sources: GiNZA's NER finds names in context but its spans are loose ("営業部 佐々木" is one Person), so a
Person entity is trimmed to the tokens Sudachi's dictionary calls proper nouns; Sudachi alone also knows surnames
and given names (名詞-固有名詞-人名-姓/名), which catches "田中一郎" or "鈴木様" where the NER stays silent, but only
inside a Person entity or next to a given name or an honorific, since 山田 in 株式会社山田製作所 is a company.
Addresses need a block number (1-2-3, 3丁目1番1号): a prefecture or city alone identifies nobody.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

from aikojo.guardrails.gazetteer import MUNICIPALITY_ADDRESS, PLACE_ADDRESS, PREFECTURE_ADDRESS
from aikojo.guardrails.normalise import Normalised
from aikojo.guardrails.types import Finding

DEFAULT_MODEL = "ja_ginza"
INSTALL_HINT = "pip install 'aikojo[ja-names]'"
# Only the tokenizer (Sudachi) and the NER are needed: the parser and morphologizer triple the cost.
_EXCLUDE = ("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")
_PLACE_LABELS = {"Province", "City", "County", "GPE_Other"}
_ORG_LABELS = {"Company", "Corporation_Other", "Organization_Other", "Political_Party", "School", "Government",
               "International_Organization", "Military", "Sports_Organization", "Product_Other", "Facility_Other"}
# A name right after a department is a member of staff (営業部 斎藤), even where the NER calls both one organisation.
_DEPARTMENTS = ("部", "課", "室", "係", "担当", "窓口", "センター", "支店", "チーム")
_HONORIFICS = ("様", "さま", "さん", "氏", "殿", "君", "くん", "ちゃん", "先生")
# An honorific as a whole word: 様式, 様子, 氏名 and さんま start like one but are not.
_HONORIFIC = r"(?:様(?![式子態相])|さま|さん(?!ま)|氏(?!名)|殿(?!堂))"
# A surname followed by one of these names a business, not a person (鈴木商店, 山崎建設, 工藤製作所), unless a
# title follows (佐藤グループ長, 鈴木事務所長).
_ORG_AFTER = re.compile(
    r"[ \t]?(?:商店|商事|建設|工務店|製作所|工業|産業|興業|物産|電機|電器|食品|製薬|薬品|銀行|証券|生命|損保|病院|医院|"
    r"クリニック|記念|会計事務所|法律事務所|事務所|不動産|運輸|商会|組|屋|グループ|ホールディングス|株式会社|\(株\)|㈱)"
    r"(?!長|リーダー|マネージャー|員)")
# Foreign names in katakana, parts joined by ・ or a space, before an honorific: ワン・ウェイ様.
_KATAKANA_NAME = re.compile(rf"[ァ-ヺー]{{2,}}(?:[・ ][ァ-ヺー]{{1,}})*(?=[ \t]?{_HONORIFIC})")
# Katakana roles that take an honorific but name nobody: ユーザー様, クライアント様, パートさん.
_KATAKANA_ROLES = frozenset({
    "ユーザー", "ユーザ", "クライアント", "カスタマー", "パート", "アルバイト", "バイト",
    "マネージャー", "リーダー", "ゲスト", "オーナー", "メンバー", "スタッフ", "ドライバー",
    "ドクター", "ファン", "ホスト", "ベンダー", "パートナー", "オペレーター", "エンジニア",
    "デザイナー", "トレーナー", "コーチ", "サポーター", "ママ", "パパ", "プロ",
    "ベテラン", "ルーキー",
})
_JOINERS = " \t・"
# Characters of NER windows per text; beyond it, dictionary rules only (see JapaneseNames._piece).
NER_BUDGET_CHARS = 4000
_MAX_PIECE = 4000  # characters: at most 12 KB of UTF-8, well under Sudachi's 48 KB limit
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?\n]*|[。！？!?\n]+")
JAPANESE = re.compile("[\u3040-\u9fff]")  # kana and kanji
# The NER budget left for the current request (see request_budget); None: each text gets its own.
_REQUEST_BUDGET: ContextVar[list[int] | None] = ContextVar("names_ner_budget", default=None)


@contextlib.contextmanager
def request_budget(chars: int = NER_BUDGET_CHARS) -> Iterator[None]:
    """Share one NER budget across every text scanned inside the block (all messages of one request), so
    splitting a long document over many messages does not multiply its cost."""
    token = _REQUEST_BUDGET.set([chars])
    try:
        yield
    finally:
        _REQUEST_BUDGET.reset(token)


def model_available(model: str) -> bool:
    """True when ``model`` is an installed spaCy model package or a model directory (it has a ``config.cfg`` or a
    ``meta.json``); imports nothing."""
    if importlib.util.find_spec("spacy") is None:
        return False
    path = Path(model)
    if not path.is_dir():
        if not model.isidentifier():  # a dotted name would import its parent package to look it up
            return False
        spec = importlib.util.find_spec(model)
        if spec is None or not spec.submodule_search_locations:
            return False
        path = Path(next(iter(spec.submodule_search_locations)))
    return (path / "config.cfg").is_file() or (path / "meta.json").is_file()


# Every new token string (an ID, a number, a foreign word) is interned in the pipeline's string table for the
# pipeline's life; a gateway sees unboundedly many, so the pipeline is reloaded after this many new strings.
MAX_NEW_STRINGS = 1_000_000


class Pipeline:
    """A loaded spaCy pipeline and the lock that serialises calls to it. Sudachi's tokenizer is not re-entrant
    (concurrent calls fail with "Already borrowed") and gateway requests arrive on several threads."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.lock = threading.Lock()
        self.reloads = 0
        self._load()

    def _load(self) -> None:
        import spacy

        self.nlp = spacy.load(self.model, exclude=list(_EXCLUDE))
        self._strings_at_load = len(self.nlp.vocab.strings)

    def fresh(self) -> Any:
        """The pipeline, reloaded first when its string table has grown too much. Call while holding ``lock``."""
        if len(self.nlp.vocab.strings) - self._strings_at_load > MAX_NEW_STRINGS:
            self._load()
            self.reloads += 1
        return self.nlp


@lru_cache(maxsize=2)
def pipeline(model: str) -> Pipeline:
    """One pipeline per model per process (loading takes about 3 s), shared by names and topics."""
    return Pipeline(model)


class JapaneseNames:
    """Detector for PERSON and ADDRESS in Japanese text. ``types`` limits what is reported."""

    name = "names_ja"

    def __init__(self, model: str = DEFAULT_MODEL, types: tuple[str, ...] = ("PERSON", "ADDRESS"),
                 ner_budget_chars: int = NER_BUDGET_CHARS) -> None:
        if not model_available(model):
            raise RuntimeError(f"the Japanese names detector needs the spaCy model {model!r}: {INSTALL_HINT}")
        self._pipe = pipeline(model)
        self.types = frozenset(types)
        self.ner_budget_chars = ner_budget_chars

    def detect(self, norm: Normalised) -> list[Finding]:
        text = norm.text
        if not JAPANESE.search(text):  # no kana or kanji: nothing for a Japanese model
            return []
        out = []
        budget = _REQUEST_BUDGET.get() or [self.ner_budget_chars]
        for start, piece in pieces(text):
            for kind, s, e, score in self._piece(piece, budget):
                os_, oe = norm.to_original(start + s, start + e)
                out.append(Finding(kind, os_, oe, score, self.name))
        return out

    def _piece(self, text: str, budget: list[int]) -> list[tuple[str, int, int, float]]:
        # Sudachi alone costs ~2 ms per KB, the NER ~70× that, so the NER runs only on short windows around
        # tokens the dictionary calls a person's name or honorifics: a name the NER would trim, confirm or rule
        # out as a company is always next to one of those. Addresses need no NER: a prefecture or a 地名 token
        # anchors them. Past the per-text budget (a list of thousands of names would otherwise cost seconds),
        # windows get the dictionary rules only: full names and names before an honorific are still found.
        with self._pipe.lock:
            nlp = self._pipe.fresh()
            doc = nlp.make_doc(text)
            addresses = _addresses(doc, text)
            persons: list[tuple[str, int, int, float]] = []
            if "PERSON" in self.types:
                gates = [t.i for t in doc if _is_name(t) or t.text in _HONORIFICS]
                for a, b in _windows(gates, len(doc)):
                    offset, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
                    budget[0] -= end - offset
                    window = nlp(text[offset:end]) if budget[0] >= 0 else doc[a:b].as_doc()
                    persons += [(k, s + offset, e + offset, sc) for k, s, e, sc in _persons(window, window.text)]
        if "ADDRESS" not in self.types:
            return persons  # a name inside an address span must not vanish when addresses are not masked
        inside = [(s, e) for _, s, e, _ in addresses]
        return [p for p in persons if not any(s <= p[1] and p[2] <= e for s, e in inside)] + addresses


def pieces(text: str) -> list[tuple[int, str]]:
    """Sentences, with any longer than ``_MAX_PIECE`` cut after a comma, else after a space (Sudachi refuses input
    over 48 KB; a comma never stands inside a name, a space can: 田中 一郎)."""
    out: list[tuple[int, str]] = []
    for m in _SENTENCE.finditer(text):
        start, sentence = m.start(), m.group(0)
        while len(sentence) > _MAX_PIECE:
            cut = (max(sentence.rfind(c, 0, _MAX_PIECE) for c in "、，,") + 1
                   or max(sentence.rfind(c, 0, _MAX_PIECE) for c in " \t") + 1 or _MAX_PIECE)
            out.append((start, sentence[:cut]))
            start, sentence = start + cut, sentence[cut:]
        out.append((start, sentence))
    return out


def _windows(centres: list[int], n: int, radius: int = 8) -> list[tuple[int, int]]:
    """Merged [start, end) token windows of ``radius`` tokens around each centre."""
    out: list[list[int]] = []
    for c in centres:
        a, b = max(0, c - radius), min(n, c + radius + 1)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


_KATAKANA_WORD = re.compile(r"[ァ-ヺー]{2,}")


def _is_name(token: Any) -> bool:
    return "人名" in token.tag_


def _persons(doc: Any, text: str) -> list[tuple[str, int, int, float]]:
    """Person spans: the NER's, trimmed; dictionary names it missed; katakana names before an honorific. Adjacent
    parts merge (松田 + 悠真 → 松田悠真, グエン・ヴァン・アン); a name right before 商店/建設/製作所… is a business."""
    katakana = [(m.start(), m.end(), 0.75) for m in _KATAKANA_NAME.finditer(text)
                if m.group(0).replace("・", " ").split()[-1] not in _KATAKANA_ROLES]
    spans = sorted(_person_parts(doc) + katakana)
    merged: list[list[float]] = []
    for s, e, score in spans:
        if merged and s <= merged[-1][1] + 1 and all(c in _JOINERS for c in text[int(merged[-1][1]) : s]):
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2] = max(merged[-1][2], score)
        else:
            merged.append([s, e, score])
    return [("PERSON", int(s), int(e), score) for s, e, score in merged if not _ORG_AFTER.match(text, int(e))]


def _extend(doc: Any, ent: Any, token: Any, step: int) -> Any:
    """The farthest token of ``ent`` reachable from ``token`` in direction ``step`` across ・ or a space to a
    katakana word."""
    while True:
        nxt_i = token.i + step
        if not ent.start <= nxt_i < ent.end:
            return token
        nxt, beyond = doc[nxt_i], nxt_i + step
        if nxt.text == "・" and ent.start <= beyond < ent.end and _KATAKANA_WORD.fullmatch(doc[beyond].text):
            token = doc[beyond]
        elif _KATAKANA_WORD.fullmatch(nxt.text) and (token if step > 0 else nxt).whitespace_:
            token = nxt
        else:
            return token


def _person_parts(doc: Any) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    taken: set[int] = set()
    in_org = {t.i for ent in doc.ents if ent.label_ in _ORG_LABELS for t in ent}
    for ent in doc.ents:
        if ent.label_ != "Person":
            continue
        # Trim the entity to its proper nouns ("営業部 佐々木" → 佐々木), then extend over katakana words joined to
        # them by ・ or a space, which the dictionary does not know as names (リー・ミンホ, ゴトウ ダイスケ) — but
        # not over a katakana word written flush against them (佐藤グループ長, コーポ山田).
        proper = [t for t in ent if "固有名詞" in t.tag_]
        if not proper:
            continue
        first, last = _extend(doc, ent, proper[0], -1), _extend(doc, ent, proper[-1], 1)
        out.append((first.idx, last.idx + len(last.text), 0.9))
        taken.update(range(first.i, last.i + 1))
    # Dictionary names the NER missed: surname + given name, or a surname/given name before an honorific.
    i, tokens = 0, list(doc)
    while i < len(tokens):
        t = tokens[i]
        after_dept = i > 0 and tokens[i - 1].text.endswith(_DEPARTMENTS)
        # 株式会社山田 山田太郎: a surname the NER put in a company still names a person when a given name follows.
        given_next = i + 1 < len(tokens) and tokens[i + 1].tag_.endswith("人名-名") and tokens[i + 1].i not in in_org
        if t.i in taken or (t.i in in_org and not (after_dept or given_next)) or not _is_name(t):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and _is_name(tokens[j + 1]) and tokens[j + 1].i not in taken:
            j += 1
        nxt = tokens[j + 1].text if j + 1 < len(tokens) else ""
        if j > i or nxt in _HONORIFICS or after_dept or given_next:
            end = tokens[j]
            out.append((t.idx, end.idx + len(end.text), 0.8 if j > i else 0.75))
        i = j + 1
    return out


def _addresses(doc: Any, text: str) -> list[tuple[str, int, int, float]]:
    out = [("ADDRESS", m.start(), m.end(), 0.95) for m in PREFECTURE_ADDRESS.finditer(text)]
    covered = [(s, e) for _, s, e, _ in out]
    # Addresses without a prefecture start at a place the tagger found (a place entity or a 地名 token), or at a
    # city/ward/county name.
    starts = sorted({e.start_char for e in doc.ents if e.label_ in _PLACE_LABELS}
                    | {t.idx for t in doc if "地名" in t.tag_})
    for s in starts:
        if any(cs <= s < ce for cs, ce in covered):
            continue
        m = PLACE_ADDRESS.match(text, s)
        if m and (any(c in "市区町村郡" for c in m.group(0)) or "丁目" in m.group(0)):
            out.append(("ADDRESS", s, m.end(), 0.85))
            covered.append((s, m.end()))
    for m in MUNICIPALITY_ADDRESS.finditer(text):
        if not any(cs < m.end() and m.start() < ce for cs, ce in covered):
            out.append(("ADDRESS", m.start(), m.end(), 0.8))
    return out
