"""Build the Japanese names/addresses evaluation set for the optional GiNZA detector (``names_ja``).

    python examples/guardrails/build_names.py          # writes names_dev.jsonl and, once, names_heldout.jsonl

Items follow the PII set's shape: ``{"id", "lang", "kind", "text", "entities": [{"type", "start", "end"}]}`` with
``kind`` "positive" (PERSON / ADDRESS spans) or "lookalike" (company names that contain a surname, places without
a street number, ranges and quantities next to place names: nothing may be masked). The split is by template, so
no sentence shape is on both sides; names and addresses are drawn from lists that include rare surnames and
katakana names the tokenizer's dictionary may not know. The held-out file is frozen in HELDOUT.sha256 like the
other held-out splits and is for the benchmark only.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from freeze import dump, freeze_once  # noqa: E402

SURNAMES = (
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
    "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島",
    "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "斉藤", "福田",
    "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "中川", "松田", "竹内", "小野", "田村",
    "中山", "和田", "石田", "森田", "上田", "原", "柴田", "酒井", "工藤", "横山", "宮崎", "宮本", "内田", "高木",
    "勅使河原", "小鳥遊", "五十嵐", "東海林", "長宗我部", "一ノ瀬", "御手洗", "百目鬼",
)
GIVEN = (
    "太郎", "一郎", "健太", "翔太", "大輔", "拓也", "直樹", "誠", "博之", "隆", "浩二", "修", "和也", "達也",
    "亮", "裕子", "花子", "美咲", "陽子", "恵子", "由美", "真由美", "愛", "さくら", "結衣", "彩", "舞", "智子",
    "直子", "明美", "優子", "里美", "奈々", "千尋", "翼", "蓮", "悠真", "陽菜", "凛", "葵", "湊", "樹",
    "陸", "ひかり", "美月",
)
KATAKANA_NAMES = (
    "マイケル・ジョンソン", "エミリー・ブラウン", "グエン・ヴァン・アン", "キム・ミンジュ",
    "ジョン・スミス", "マリア・ガルシア", "ワン・ウェイ", "アハメド・カーン",
)
PLACES = (  # (prefecture, municipality, town)
    ("東京都", "千代田区", "丸の内"), ("東京都", "港区", "芝公園"),
    ("東京都", "新宿区", "西新宿"), ("東京都", "世田谷区", "三軒茶屋"),
    ("東京都", "八王子市", "明神町"), ("東京都", "中央区", "日本橋本町"),
    ("大阪府", "大阪市北区", "梅田"), ("大阪府", "堺市堺区", "南瓦町"),
    ("大阪府", "豊中市", "中桜塚"), ("神奈川県", "横浜市西区", "みなとみらい"),
    ("神奈川県", "川崎市中原区", "小杉町"), ("愛知県", "名古屋市中村区", "名駅"),
    ("愛知県", "豊田市", "西町"), ("北海道", "札幌市中央区", "北一条西"),
    ("福岡県", "福岡市博多区", "博多駅前"), ("宮城県", "仙台市青葉区", "本町"),
    ("広島県", "広島市中区", "基町"), ("京都府", "京都市左京区", "吉田本町"),
    ("兵庫県", "神戸市中央区", "加納町"), ("埼玉県", "さいたま市浦和区", "高砂"),
    ("千葉県", "千葉市中央区", "市場町"), ("静岡県", "浜松市中央区", "元城町"),
    ("新潟県", "新潟市中央区", "学校町通"), ("沖縄県", "那覇市", "泉崎"),
    ("長野県", "北佐久郡軽井沢町", "大字軽井沢"), ("鹿児島県", "鹿児島市", "山下町"),
)
BUILDINGS = ("", "", "", " 丸の内ビル5階", " コーポ山田203号室", " グランドタワー12F", "メゾン桜101号室")
KANJI = "〇一二三四五六七八九"


def _block(rng: random.Random) -> str:
    a, b, c = rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 20)
    return rng.choice((f"{a}-{b}-{c}", f"{a}丁目{b}番{c}号", f"{KANJI[a]}丁目{b}番{c}号", f"{a * 100 + b}番地",
                       f"{a * 10 + b}番地の{c}", f"{a}丁目{b}-{c}", f"{a}−{b}−{c}"))


def _address(rng: random.Random) -> str:
    pref, muni, town = rng.choice(PLACES)
    head = pref + muni if rng.random() < 0.7 or "郡" in muni else muni
    return head + town + _block(rng) + rng.choice(BUILDINGS)


def _person(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.1:
        return rng.choice(KATAKANA_NAMES)
    if r < 0.6:
        return rng.choice(SURNAMES) + rng.choice(GIVEN)
    return rng.choice(SURNAMES)  # surname alone: the templates put an honorific or a role after it


# {P}: a person, {A}: an address. Surname-alone persons only appear where a template gives them an honorific.
TEMPLATES = (
    "{P}様のご住所は{A}です。",
    "送付先：{A}（{P}様宛）",
    "担当の{P}さんから連絡がありました。明日折り返します。",
    "契約者 {P} 様、住所 {A}。",
    "{P}様、いつもお世話になっております。",
    "お届け先を{A}に変更してください。",
    "本日、{P}様より住所変更の届出がありました。新住所は{A}です。",
    "【顧客メモ】{P}様 / {A} / 来店予約あり",
    "請求書は{A}の{P}様宛にお送りください。",
    "{P}氏が{A}に転居されたため、登録情報を更新します。",
    "ご依頼主：{P}様　ご住所：{A}",
    "{P}さんの自宅（{A}）へ書類を郵送しました。",
    "被保険者 {P} 様の事故現場は{A}付近とのことです。",
    "{P}様から電話があり、{A}への訪問を希望されています。",
    "営業部の{P}さんにこの件を引き継いでください。",
    "口座名義人 {P} 様の届出住所（{A}）に通知書を送付済み。",
    "差出人：{P}様（{A}）からお問い合わせ。",
    "配送ドライバーより：{A}にて{P}様不在のため持ち戻り。",
    "面談記録：{P}様、{A}在住、住宅ローンのご相談。",
    "{P}殿　下記の通り通知いたします。",
)
LOOKALIKES = (
    "株式会社山田製作所の第3四半期決算について要約してください。",
    "鈴木商店と高橋工業の取引条件を比較して。",
    "本田技研工業と松下電器の沿革をまとめてください。",
    "トヨタ自動車の2-3月の販売台数は？",
    "東京都の人口は約1400万人です。",
    "大阪府大阪市の明日の天気を教えて。",
    "横浜支店と名古屋支店の売上を比べてください。",
    "東京都港区の2-3件の案件について進捗を報告します。",
    "愛知県の1-2月の出荷実績をまとめて。",
    "渋谷駅から新宿駅までの所要時間は？",
    "第2営業部1課の予算は3-4百万円の見込みです。",
    "佐藤食品工業の新製品の評判を調べて。",
    "北海道の観光客数は前年比12%増でした。",
    "京都府の3-5日の宿泊予約状況を確認してください。",
    "中村屋のカレーと森永製菓のお菓子を比較して。",
    "千代田区の区役所の開庁時間は？",
    "田中貴金属の金価格の推移をグラフにして。",
    "福岡県内の支店数は2-3店舗増える予定です。",
    "松本城と姫路城の歴史を簡単に説明して。",
    "林業と漁業の就業者数の推移を教えてください。",
    "ver 1-2-3 の変更点をリリースノートにまとめて。",
    "会議室A-3-2で15時からミーティングです。",
    "東京都千代田区に本社を置く企業を5社挙げて。",
    "大阪市北区の再開発計画について教えて。",
    "山本山の海苔の賞味期限は？",
    "小林製薬の決算短信を要約して。",
)


# Generated look-alikes: {S} a surname inside a company or shop name, {M} a municipality with no street number,
# {R} a range or quantity that a block-number pattern could mistake for 1-2-3.
LOOKALIKE_TEMPLATES = (
    "株式会社{S}製作所との取引実績を一覧にしてください。",
    "{S}商事の与信枠を{R}見直す予定です。",
    "{M}の地価の推移を教えて。",
    "{M}にある支店の営業時間は？",
    "{M}で{R}のイベントが開催されます。",
    "{S}建設と{S}工務店の見積もりを比較して。",
    "{S}記念病院の診療科目を教えて。",
    "{M}の人口と世帯数を表にまとめて。",
)
RANGES = ("2-3件", "1-2名", "3-4月", "5-6日", "10-12%", "2-3社", "1-2回", "7-8割")


def _lookalike(template: str, rng: random.Random) -> str:
    pref, muni, _ = rng.choice(PLACES)
    return (template.replace("{S}", rng.choice(SURNAMES), 1).replace("{S}", rng.choice(SURNAMES))
            .replace("{M}", pref + muni).replace("{R}", rng.choice(RANGES)))


def _in_heldout(group: str) -> bool:
    return int(hashlib.sha256(f"names:{group}".encode()).hexdigest()[:8], 16) % 2 == 0


def _fill(template: str, rng: random.Random) -> tuple[str, list[dict[str, object]]]:
    text, entities, pos = "", [], 0
    while True:
        i = template.find("{", pos)
        if i < 0:
            return text + template[pos:], entities
        text += template[pos:i]
        kind = template[i + 1]
        value = _address(rng) if kind == "A" else _person(rng)
        if kind == "P" and value in SURNAMES and not template.startswith(("様", "さん", "氏", "殿"), i + 3):
            value += rng.choice(GIVEN)  # a bare surname with no honorific after it is not a name to anyone
        entities.append({"type": "ADDRESS" if kind == "A" else "PERSON", "start": len(text),
                         "end": len(text) + len(value.rstrip())})
        text += value
        pos = i + 3


def build(seed: int = 20261128, per_template: int = 10) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    rng = random.Random(seed)
    dev: list[dict[str, object]] = []
    heldout: list[dict[str, object]] = []
    for t_i, template in enumerate(TEMPLATES):
        for _ in range(per_template):
            text, entities = _fill(template, rng)
            item = {"lang": "ja", "kind": "positive", "text": text, "entities": entities}
            (heldout if _in_heldout(f"t{t_i}") else dev).append(item)
    for l_i, text in enumerate(LOOKALIKES):
        item = {"lang": "ja", "kind": "lookalike", "text": text, "entities": []}
        (heldout if _in_heldout(f"l{l_i}") else dev).append(item)
    for l_i, template in enumerate(LOOKALIKE_TEMPLATES):
        for _ in range(per_template):
            item = {"lang": "ja", "kind": "lookalike", "text": _lookalike(template, rng), "entities": []}
            (heldout if _in_heldout(f"lt{l_i}") else dev).append(item)
    for split, rows in (("dev", dev), ("heldout", heldout)):
        for n, row in enumerate(rows):
            row["id"] = f"names-{split}-{n:04d}"
    return dev, heldout


def main() -> int:
    dev, heldout = build()
    dump(HERE / "names_dev.jsonl", dev)
    freeze_once(HERE / "names_heldout.jsonl", heldout)
    print(f"names: dev {len(dev)} items, held-out {len(heldout)} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
