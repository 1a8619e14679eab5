# ruff: noqa: E501  (pattern and data tables: one entry per line reads better than wrapped fragments)
"""PII evaluation items: handwritten contexts per type, random valid values, and look-alikes that must
survive (order/invoice numbers, dates, prices, versions, numbers failing a check digit, bare part numbers)."""

from __future__ import annotations

import random

import pii_values as v

# (type, lang, template, value-maker). "{v}" is the value; several templates per type in different registers.
POSITIVE: list[tuple[str, str, str, object]] = []


def _add(kind: str, lang: str, maker: object, *templates: str) -> None:
    for t in templates:
        POSITIVE.append((kind, lang, t, maker))


_add("MY_NUMBER", "ja", lambda r: v.fmt_my_number(r, v.my_number(r)),
     "マイナンバーは{v}です。", "個人番号：{v}", "お客様の個人番号（{v}）を確認しました。",
     "申請書の番号欄に{v}と記入されています。", "【本人確認】通知カード記載の番号 {v}", "私のマイナンバー {v} で登録できますか？",
     "番号カードの12桁は{v}でした")
_add("MY_NUMBER", "en", lambda r: v.fmt_my_number(r, v.my_number(r)),
     "My Number: {v}", "The customer's individual number is {v}.", "ID on file {v}, please verify")
_add("CORPORATE_NUMBER", "ja", lambda r: v.fmt_corporate(r, v.corporate_number(r)),
     "法人番号 {v} の登記情報を確認してください。", "取引先（法人番号：{v}）との契約", "適格請求書発行事業者の登録番号は{v}です。")
_add("CORPORATE_NUMBER", "en", lambda r: v.fmt_corporate(r, v.corporate_number(r)),
     "Corporate number {v} belongs to our supplier.", "Vendor record: corp no. {v}")
_add("PHONE", "ja", v.jp_phone,
     "電話番号は{v}です。", "折り返しは{v}までお願いします。", "携帯：{v}", "TEL {v}（平日9時〜17時）",
     "緊急連絡先 {v} 山田", "ご不明点は{v}へお問い合わせください。", "FAX: {v}", "連絡先を{v}に変更したいです",
     "お客様から{v}に電話がありました", "| 氏名 | 電話 |\n| 佐藤 | {v} |")
_add("PHONE", "en", v.jp_phone, "Call me at {v} after 6pm.", "Contact: {v}", "The Osaka office number is {v}.")
_add("PHONE", "en", v.en_phone,
     "Call me at {v} after 6pm.", "Our London desk: {v}", "Phone {v}", "You can reach the client on {v} tomorrow.",
     "name,phone\nJohn,{v}", "Please text {v} once the transfer clears.")
_add("POSTAL_CODE", "ja", v.postal,
     "〒{v} 東京都千代田区丸の内1-1-1", "郵便番号 {v}", "送付先：{v} 大阪府大阪市北区梅田2丁目", "住所は{v} 神奈川県横浜市です",
     "{v} 福岡県福岡市中央区天神")
_add("POSTAL_CODE", "en", v.postal, "Ship to 〒{v}, Sapporo.", "Postal code {v}, Minato-ku, Tokyo")
_add("BANK_ACCOUNT", "ja", lambda r: v.digits(r, 7),
     "普通預金 {v}", "口座番号：{v}", "振込先は当座 {v} です", "〇〇銀行 新宿支店 普通 {v} ヤマダ タロウ", "口座番号は{v}でお願いします。",
     "引き落とし口座（普通）{v}")
_add("BANK_ACCOUNT", "en", lambda r: v.digits(r, 7), "Account number: {v}", "Please transfer to account no. {v} at Shibuya branch.")
_add("PASSPORT", "ja", lambda r: "".join(r.choice("TKMZRE") for _ in range(2)) + v.digits(r, 7),
     "旅券番号：{v}", "パスポート番号は{v}です", "パスポート（{v}）の写しを添付します。")
_add("PASSPORT", "en", lambda r: "".join(r.choice("TKMZ") for _ in range(2)) + v.digits(r, 7), "Passport no. {v}, expires 2030.")
_add("DRIVERS_LICENSE", "ja", lambda r: v.digits(r, 12),
     "運転免許証番号 第{v}号", "免許証の番号は{v}です。", "本人確認書類：運転免許証（{v}）")
_add("DRIVERS_LICENSE", "en", lambda r: v.digits(r, 12), "Driver's license number {v}")
_add("EMAIL", "ja", v.email, "メールアドレスは{v}です。", "{v}宛に送付してください", "連絡先：{v}（担当 鈴木）")
_add("EMAIL", "en", v.email, "Email me at {v}.", "From: {v}\nSubject: loan", "cc {v} on the reply", "<{v}>")
_add("CREDIT_CARD", "ja", lambda r: v.fmt_card(r, v.card(r)), "クレジットカード番号 {v}", "カード番号は{v}、有効期限は12/27です。",
     "お支払いに使ったカード {v} が止まっています")
_add("CREDIT_CARD", "en", lambda r: v.fmt_card(r, v.card(r)), "Card number: {v}", "Charge it to {v}, exp 08/28.",
     "My Visa {v} was declined", "cc: {v}")
_add("IBAN", "en", v.iban, "IBAN: {v}", "Please wire the funds to {v} (BIC DEUTDEFF).", "Beneficiary account {v}")
_add("IBAN", "ja", v.iban, "海外送金先のIBANは{v}です。")
_add("US_SSN", "en", v.ssn, "SSN: {v}", "My social security number is {v}.", "Applicant SSN {v} for the W-9.", "ssn={v}")
_add("IP_ADDRESS", "en", v.ipv4, "The login came from {v}.", "Block IP {v} at the firewall.", "host={v} port=443")
_add("IP_ADDRESS", "ja", v.ipv4, "不審なアクセス元は{v}です。", "接続元IP：{v}")
_add("IP_ADDRESS", "en", v.ipv6, "IPv6 address {v} tried to log in.", "client_ip: {v}")
_add("AWS_ACCESS_KEY", "en", v.aws_key, "aws_access_key_id = {v}", "The leaked key was {v}.")
_add("BEARER_TOKEN", "en", lambda r: "Bearer " + v.token(r, 40), "Authorization: {v}", "curl -H 'Authorization: {v}' https://api")
_add("PASSWORD", "ja", lambda r: v.token(r, 10), "パスワード：{v}", "仮パスワードは {v} です")
_add("PASSWORD", "en", lambda r: v.token(r, 12), "password={v}", "Your temporary password: {v}")

# Look-alikes: nothing in these texts may be masked.
LOOKALIKE: list[tuple[str, str, object]] = [
    ("ja", "注文番号 {v} の配送状況を教えてください。", lambda r: v.my_number(r, valid=r.random() < 0.5)),
    ("ja", "受付番号{v}でお問い合わせいただいた件", lambda r: v.digits(r, 12)),
    ("en", "Order #{v} has shipped.", lambda r: v.digits(r, 12)),
    ("en", "Tracking number {v}", lambda r: v.fmt_my_number(r, v.my_number(r))),
    ("ja", "個人番号の欄に{v}と書かれていましたが、桁が誤っています。", lambda r: v.my_number(r, valid=False)),
    ("ja", "法人番号{v}は存在しないようです（チェックデジット不一致）。", lambda r: v.corporate_number(r, valid=False)),
    ("en", "Card {v} failed the Luhn check, please re-enter.", lambda r: v.fmt_card(r, v.card(r, valid=False))),
    ("en", "The IBAN {v} is invalid.", lambda r: v.iban(r, valid=False)),
    ("ja", "請求書番号 INV-{v} のお支払期限は月末です。", lambda r: f"{r.randint(2019, 2025)}-{v.digits(r, 6)}"),
    ("en", "Invoice {v} is overdue.", lambda r: f"INV{v.digits(r, 10)}"),
    ("ja", "{v}に契約を更新しました。", lambda r: f"{r.randint(2000, 2030)}年{r.randint(1, 12)}月{r.randint(1, 28)}日"),
    ("en", "The meeting is on {v}.", lambda r: f"{r.randint(2000, 2030)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"),
    ("ja", "締め日は{v}です。", lambda r: f"{r.randint(2000, 2030)}/{r.randint(1, 12):02d}/{r.randint(1, 28):02d}"),
    ("en", "Timestamp {v} in the log.", lambda r: f"{r.randint(2000, 2030)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
     f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}"),
    ("ja", "お見積り金額は{v}です。", lambda r: f"{r.randint(1, 999)},{v.digits(r, 3)},{v.digits(r, 3)}円"),
    ("en", "Total due: {v}", lambda r: f"${r.randint(1, 999)},{v.digits(r, 3)}.{v.digits(r, 2)}"),
    ("ja", "売上高は{v}円でした。", lambda r: v.digits(r, 1).replace("0", "1") + v.digits(r, 9)),
    ("en", "Upgrade to version {v} before Friday.", lambda r: f"{r.randint(1, 20)}.{r.randint(0, 30)}.{r.randint(0, 99)}.{r.randint(0, 255)}"),
    ("en", "Release v{v} fixes the bug.", lambda r: f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 20)}"),
    ("ja", "バージョン {v} にアップデートしてください。", lambda r: f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(0, 99)}"),
    ("ja", "部品番号 {v} の在庫はありますか？", v.postal),
    ("ja", "品番{v}を2個注文します。", lambda r: f"{r.randint(100, 999)}-{v.digits(r, 4)}"),
    ("ja", "在庫数は{v}個です。", lambda r: v.digits(r, 7)),
    ("ja", "今月の来店者数は{v}人でした。", lambda r: f"{r.randint(1, 9)}{v.digits(r, 6)}"),
    ("en", "ISBN {v}", lambda r: f"978-4-{v.digits(r, 4)}-{v.digits(r, 4)}-{r.randint(0, 9)}"),
    ("en", "The job finished at {v}.", lambda r: f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"),
    ("ja", "会員番号 {v} のポイント残高", lambda r: v.digits(r, 10)),
    ("en", "Policy number {v} renews in April.", lambda r: f"PL-{v.digits(r, 8)}"),
    ("ja", "証券番号 {v} の契約内容", lambda r: f"{v.digits(r, 3)}-{v.digits(r, 7)}"),
    ("en", "Reference {v}", lambda r: f"REF-{v.digits(r, 4)}-{v.digits(r, 4)}"),
    ("ja", "金利は年{v}%に改定されます。", lambda r: f"{r.randint(0, 9)}.{v.digits(r, 3)}"),
    ("en", "Coordinates {v}", lambda r: f"{r.randint(20, 45)}.{v.digits(r, 4)}, {r.randint(120, 150)}.{v.digits(r, 4)}"),
    ("ja", "JANコード {v}", lambda r: "49" + v.digits(r, 11)),
    ("en", "Build 1.{v} deployed", lambda r: f"{r.randint(0, 9)}.{r.randint(0, 9)}.{r.randint(300, 9999)}"),
    ("ja", "管理番号：{v}", lambda r: f"A{v.digits(r, 3)}-{v.digits(r, 4)}-{v.digits(r, 3)}"),
    ("en", "The ticket ID is {v}.", lambda r: v.digits(r, 9)),
    ("ja", "{v}の期間限定キャンペーン", lambda r: f"{r.randint(1, 12)}/{r.randint(1, 28)}〜{r.randint(1, 12)}/{r.randint(1, 28)}"),
    ("en", "Ratio was {v}.", lambda r: f"{r.randint(1, 999)}:{r.randint(1, 999)}"),
    ("ja", "電話番号の桁数は通常10桁か11桁です。例：{v}", lambda r: "0" * r.randint(10, 11)),
    ("en", "Use the placeholder {v} in docs.", lambda r: "xxx-xxx-xxxx"),
]

# Sentences placed around an item so the same value appears in varied surroundings.
PREFIX = {
    "ja": ["", "", "お世話になっております。", "確認させてください。", "以下、お客様からの問い合わせです。\n", "メモ：", "【至急】",
           "先日の件ですが、"],
    "en": ["", "", "Hi team, ", "Quick note: ", "Customer message below.\n", "FYI - ", "Re: your request. "],
}
SUFFIX = {
    "ja": ["", "", "よろしくお願いいたします。", "ご確認ください。", "（本日中）", "以上です。"],
    "en": ["", "", " Thanks!", " Let me know.", " Regards, Ops", " (urgent)"],
}


def build(seed: int = 20250101) -> list[dict[str, object]]:
    r = random.Random(seed)
    items: list[dict[str, object]] = []
    for i in range(9):
        for kind, lang, tmpl, maker in POSITIVE:
            if i >= 4 and r.random() < 0.5:
                continue
            value = maker(r)  # type: ignore[operator]
            pre, suf = r.choice(PREFIX[lang]), r.choice(SUFFIX[lang])
            head, tail = tmpl.split("{v}")
            text = pre + head + value + tail + suf
            start = len(pre + head)
            ents = [{"type": kind, "start": start, "end": start + len(value)}]
            # One item in four also carries a look-alike in the same text: precision in mixed documents.
            if r.random() < 0.25:
                _, l_tmpl, l_maker = r.choice(LOOKALIKE)
                text += (" " if lang == "en" else "") + l_tmpl.replace("{v}", l_maker(r))  # type: ignore[operator]
            items.append({"lang": lang, "kind": "positive", "text": text, "entities": ents})
    for _ in range(11):
        for lang, tmpl, maker in LOOKALIKE:
            value = maker(r)  # type: ignore[operator]
            text = r.choice(PREFIX[lang]) + tmpl.replace("{v}", value) + r.choice(SUFFIX[lang])
            items.append({"lang": lang, "kind": "lookalike", "text": text, "entities": []})
    r.shuffle(items)
    for n, it in enumerate(items):
        it["id"] = f"pii-{n:04d}"
    return items
