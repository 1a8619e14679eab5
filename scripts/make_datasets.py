"""Generate the example tuning datasets in examples/datasets/ (seeded, byte-for-byte reproducible).

    python scripts/make_datasets.py [--out examples/datasets] [--seed 7]

Every record is OpenAI chat format: {"messages": [{"role", "content"}, ...]}.
  claims_ja.jsonl     insurance claim text (Japanese) -> JSON {"policy_no", "date", "amount", "category"}
  incidents_ja.jsonl  manufacturing incident report (Japanese) -> short re-plan summary
  emails.jsonl        customer e-mail (Japanese or English) -> one category label

All people, policies and orders are invented. Policy and order numbers use formats no real issuer uses
(letters + hyphens), and no record holds anything shaped like an individual number (My Number), a card
number or a phone number, so nothing here can be mistaken for real personal data.

Run from the repository root; dataset_phrases.py beside this file holds the phrase banks.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from dataset_phrases import (
    ACTIONS,
    CLAIM_EVENTS,
    CLAIM_SYSTEM,
    EMAIL_EN,
    EMAIL_JA,
    EMAIL_LABELS,
    EMAIL_SYSTEM,
    EN_NAMES,
    INCIDENT_SYSTEM,
    INCIDENTS,
    LINES,
    MACHINES,
    PARTS,
    PLACES,
    SURNAMES,
)

KANJI_DIGITS = "〇一二三四五六七八九"


def _kanji_number(n: int) -> str:
    """1..31 in the style used in formal Japanese letters (十五, 二十三)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else KANJI_DIGITS[tens]) + "十") + (
        KANJI_DIGITS[ones] if ones else ""
    )


def _date_phrase(rng: random.Random, d: date) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"{d.year}年{d.month}月{d.day}日"
    if style == 1:
        return f"令和{d.year - 2018}年{d.month}月{d.day}日"
    if style == 2:
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if style == 3:
        return f"{d.year}年{_kanji_number(d.month)}月{_kanji_number(d.day)}日"
    return f"{d.year}-{d.month:02d}-{d.day:02d}"


def _amount_phrase(rng: random.Random, amount: int) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{amount:,}円"
    if style == 1:
        return f"{amount}円"
    man, rest = divmod(amount, 10_000)
    if style == 2 and rest == 0:
        return f"{man}万円"
    return f"{man}万{rest}円" if rest else f"{man}万円"


def _policy_no(rng: random.Random) -> str:
    return f"KJ-{rng.choice('ABCDEFGH')}{rng.choice('KLMNPRST')}-{rng.randrange(100000, 999999)}"


def make_claim(rng: random.Random) -> dict:
    category = rng.choice(list(CLAIM_EVENTS))
    event = rng.choice(CLAIM_EVENTS[category]).format(place=rng.choice(PLACES))
    day = date(2023, 4, 1) + timedelta(days=rng.randrange(700))
    amount: int | None = rng.choice([rng.randrange(3, 400) * 1000, rng.randrange(5, 300) * 10_000])
    policy: str | None = _policy_no(rng)
    parts: list[str] = []
    name = rng.choice(SURNAMES)
    parts.append(
        rng.choice(
            [
                f"{name}と申します。",
                f"契約者の{name}です。",
                "お世話になっております。",
                "",
                f"{name}の家族です。",
            ]
        )
    )
    if rng.random() < 0.9:
        parts.append(
            rng.choice(
                [
                    "証券番号は{p}です。",
                    "(証券番号:{p})",
                    "契約番号 {p} の件で連絡しました。",
                    "保険証券の番号は{p}になります。",
                ]
            ).format(p=policy)
        )
    else:
        policy = None
        parts.append(
            rng.choice(["証券番号は手元にないため、後ほどお知らせします。", "証券が見つからず番号がわかりません。"])
        )
    parts.append(
        rng.choice(["{d}、{e}", "{d}のことです。{e}", "{e}日付は{d}です。", "事故日:{d}。{e}"]).format(
            d=_date_phrase(rng, day), e=event
        )
    )
    if rng.random() < 0.88:
        parts.append(
            rng.choice(
                [
                    "修理の見積もりは{a}でした。",
                    "請求額は{a}です。",
                    "かかった費用は合計{a}です。",
                    "損害額はおよそ{a}と聞いています。",
                    "{a}の保険金を請求したいと考えています。",
                ]
            ).format(a=_amount_phrase(rng, amount))
        )
    else:
        amount = None
        parts.append(rng.choice(["金額はまだ確定していません。", "見積もりは現在依頼中です。"]))
    parts.append(
        rng.choice(
            [
                "必要な書類を教えてください。",
                "手続きをお願いします。",
                "よろしくお願いいたします。",
                "",
                "写真は後日送ります。",
            ]
        )
    )
    text = "".join(p for p in parts if p)
    answer = {"policy_no": policy, "date": day.isoformat(), "amount": amount, "category": category}
    return {
        "messages": [
            {"role": "system", "content": rng.choice(CLAIM_SYSTEM)},
            {"role": "user", "content": text},
            {"role": "assistant", "content": json.dumps(answer, ensure_ascii=False)},
        ]
    }


def make_incident(rng: random.Random) -> dict:
    kind, descriptions, cause = rng.choice(INCIDENTS)
    slots = {"line": rng.choice(LINES), "machine": rng.choice(MACHINES), "part": rng.choice(PARTS)}
    hours = rng.choice([2, 3, 4, 6, 8, 12, 24, 48])
    units = rng.randrange(2, 60) * 10
    action = rng.choice(ACTIONS[kind])
    slip = rng.choice([0, 0, 1, 2, 3, 5])
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(500))
    what = rng.choice(descriptions).format(**slots)
    impact = f"停止時間は約{hours}時間、影響台数は約{units}台の見込み。"
    todo = f"{action}を行う。"
    outlook = "納期への影響はない。" if slip == 0 else f"一部の納期が{slip}日遅れる見込み。"
    style = rng.randrange(3)
    if style == 0:  # the formal report layout used in the corpus
        text = (
            f"件名:{kind}の発生について\n発生日:{day.month}月{day.day}日\n内容:{what}\n影響:{impact}\n対応:{todo}\n"
            f"見通し:{outlook}"
        )
    elif style == 1:  # a line leader's quick message
        text = (
            f"{rng.choice(['お疲れさまです。', '至急の報告です。', '現場から報告します。'])}{what}"
            f"{rng.choice(['たぶん', 'おそらく', ''])}{hours}時間くらい止まります。"
            f"{units}台ほど影響が出そうです。"
            f"とりあえず{action}します。{outlook}"
        )
    else:  # a narrative paragraph with the facts in another order
        text = (
            f"{day.month}月{day.day}日、{what}現在、{action}の準備を進めている。生産への影響は{units}台程度で、"
            f"復旧まで{hours}時間ほどかかる見通し。{outlook}"
        )
    summary = (
        f"原因:{cause.format(**slots)}(約{hours}時間停止、約{units}台に影響)\n対応:{action}\n"
        f"計画変更:{'納期への影響なし' if slip == 0 else f'一部納期を{slip}日後ろ倒し'}"
    )
    return {
        "messages": [
            {"role": "system", "content": rng.choice(INCIDENT_SYSTEM)},
            {"role": "user", "content": text},
            {"role": "assistant", "content": summary},
        ]
    }


def make_email(rng: random.Random) -> dict:
    label = rng.choice(EMAIL_LABELS)
    if rng.random() < 0.6:
        name = rng.choice(SURNAMES)
        opener = rng.choice(
            [
                "お世話になっております。",
                f"{name}と申します。",
                "いつもありがとうございます。",
                "突然のご連絡失礼いたします。",
                "",
            ]
        )
        closer = rng.choice(
            [
                "よろしくお願いいたします。",
                "ご確認をお願いします。",
                "お返事をお待ちしております。",
                f"{name}",
                "",
            ]
        )
        body = "".join(rng.sample(EMAIL_JA[label], k=rng.choice([1, 1, 2])))
        ref = rng.choice(
            [
                "",
                f"(注文番号:ORD-{rng.randrange(10000, 99999)})",
                f"会員番号はM-{rng.randrange(1000, 9999)}です。",
            ]
        )
        text = "\n".join(p for p in [opener, body + ref, closer] if p)
    else:
        name = rng.choice(EN_NAMES)
        opener = rng.choice(["Hello,", "Hi there,", "Dear customer service,", "Good morning,", ""])
        closer = rng.choice(
            [
                "Thanks,",
                "Kind regards,",
                f"Best wishes,\n{rng.choice('AJMPS')}. {name}",
                "Thank you in advance.",
                "",
            ]
        )
        body = " ".join(rng.sample(EMAIL_EN[label], k=rng.choice([1, 1, 2])))
        ref = rng.choice(
            [
                "",
                f" (order ORD-{rng.randrange(10000, 99999)})",
                f" My member ID is M-{rng.randrange(1000, 9999)}.",
            ]
        )
        text = "\n".join(p for p in [opener, body + ref, closer] if p)
    return {
        "messages": [
            {"role": "system", "content": rng.choice(EMAIL_SYSTEM)},
            {"role": "user", "content": text},
            {"role": "assistant", "content": label},
        ]
    }


DATASETS: dict[str, tuple[Callable[[random.Random], dict], int]] = {
    "claims_ja.jsonl": (make_claim, 300),
    "incidents_ja.jsonl": (make_incident, 200),
    "emails.jsonl": (make_email, 300),
}


def make_datasets(out_dir: Path, seed: int = 7) -> dict[str, int]:
    """Write every dataset into out_dir; returns {file name: record count}. Duplicate texts are skipped so
    that a train/eval split never leaks a prompt into both halves."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for i, (name, (make, n)) in enumerate(DATASETS.items()):
        rng = random.Random(seed * 1000 + i)  # one stream per file, so changing one file leaves the others alone
        seen: set[str] = set()
        lines: list[str] = []
        attempts = 0
        while len(lines) < n and attempts < n * 20:
            attempts += 1
            record = make(rng)
            key = record["messages"][1]["content"]
            if key in seen:
                continue
            seen.add(key)
            lines.append(json.dumps(record, ensure_ascii=False))
        (out_dir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        counts[name] = len(lines)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "examples" / "datasets")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for name, count in make_datasets(args.out, args.seed).items():
        print(f"{args.out / name}: {count} records")


if __name__ == "__main__":
    main()
