"""Japanese place gazetteer shared by the PII detectors: the 47 prefectures and the shape of a street address.

Kept separate from the optional GiNZA detector (``names_ja``) because the postal-code detector in ``pii_ja``
uses the prefectures too and must not depend on an optional extra.
"""

from __future__ import annotations

import re

from aikojo.guardrails.context import DASH

PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)
# Stems (東京, 大阪, 神奈川…): people often drop 都/府/県 in running text ("大阪市", "神奈川の支店").
PREFECTURE_STEMS = "|".join(p if p == "北海道" else p[:-1] for p in PREFECTURES)
PREFECTURE = "|".join(sorted(PREFECTURES, key=len, reverse=True))

# After NFKC: Arabic digits, or kanji numerals as in 丸の内一丁目.
_NUM = r"(?:\d{1,5}|[一二三四五六七八九十百千〇]{1,4})"
# A street address ends in block numbers: 1-2-3, 3丁目1番1号, 123番地の4, 北1条西2丁目3. At least one marker or
# dash is required, so a bare number after a place name ("東京2店") is not an address.
_MARK = rf"(?:丁目|番地の?|番の?|号|条[東西南北]?|[{DASH}]|の)"
# Counters and units after the numbers mean a quantity or a range (2-3月, 2-3件, 1-2名), not a block number.
_NOT_ADDRESS_AFTER = (
    rf"[\d月日年時分秒%円万億件人名回個台本点枚社店歳才位割倍週期行列章節]|[ヶヵケか箇]月|ページ|営業日|議席|ポイント|[{DASH}]\d")
_END = r"(?:丁目|番地|番|号)"
# A particle right before the number means running text (関東地区は1-2営業日, 都市部で2-3ポイント, 港区の1-2の方針).
BLOCK = rf"(?<![はがでにをともへやのか]){_NUM}(?:(?:{_MARK}{_NUM}){{1,4}}{_END}?|{_END})(?!{_NOT_ADDRESS_AFTER})"
# An optional building and room: 丸の内ビル5階, コーポ山田203号室.
# No particles but の in the building name: 「4-2-8から徒歩5分の3F」 is directions, not a building.
_ROOM = r"(?:[ \t]?[^\s、。,，:：;；()（）「」『』【】<>はがでにをともへやからまで]{1,20}?\d{1,4}(?:号室|階|F))?"
# Place characters between the municipality and the block: kanji, kana, and the 東西南北 of Sapporo blocks.
_PLACE = r"[^\s\d、。,，.:：;；()（）「」『』【】\[\]<>＜＞\"'!?！？・]"

# A full address anchored on a prefecture (the gazetteer) with a municipality (市区町村郡) before the block:
# 東京都千代田区丸の内1-2-3. A particle right after the prefecture (愛知県の2-3月) is running text, not an address.
PREFECTURE_ADDRESS = re.compile(
    rf"(?:{PREFECTURE})(?![のはがでにをともへや]){_PLACE}{{0,10}}?[市区町村郡]{_PLACE}{{0,16}}?{BLOCK}{_ROOM}")
# An address that starts at a city, ward or county name the tokenizer did not tag as a place (名古屋市中村区名駅
# is one proper noun to Sudachi): kanji + 市/区/郡, then place characters and a block number.
MUNICIPALITY_ADDRESS = re.compile(rf"(?<![一-龥々])[一-龥々]{{1,5}}[市区郡]{_PLACE}{{0,16}}?{BLOCK}{_ROOM}")
# The tail of an address from a place name a tagger found (千代田区丸の内 → 1-2-3): matched at that place's start.
PLACE_ADDRESS = re.compile(rf"{_PLACE}{{1,24}}?{BLOCK}{_ROOM}")
