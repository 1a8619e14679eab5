"""Japanese person names and street addresses: the prefecture gazetteer (always available) and the optional GiNZA
detector (``aikojo[ja-names]``, installed by the dev extra). Sentences here are written for the tests, not taken
from the evaluation set."""

from __future__ import annotations

import threading

import pytest

from aikojo.guardrails import Guardrails, PolicyError
from aikojo.guardrails.gazetteer import PREFECTURE_ADDRESS, PREFECTURES
from aikojo.guardrails.names_ja import model_available

NAMES_POLICY = {"input": {"names": {"enabled": True}}, "output": {"names": {"enabled": True}}}
needs_ginza = pytest.mark.skipif(not model_available("ja_ginza"),
                                 reason="ja_ginza is not installed: pip install 'aikojo[ja-names]'")


def _addresses(text: str) -> list[str]:
    return [m.group(0) for m in PREFECTURE_ADDRESS.finditer(text)]


def test_the_gazetteer_has_the_47_prefectures():
    assert len(PREFECTURES) == len(set(PREFECTURES)) == 47
    assert {"北海道", "東京都", "京都府", "大阪府", "沖縄県"} <= set(PREFECTURES)


@pytest.mark.parametrize("address", [
    "東京都千代田区霞が関1-3-1",
    "大阪府大阪市中央区大手前2丁目1番22号",
    "北海道札幌市北区北8条西5丁目",
    "福岡県北九州市小倉北区城内1番1号",
    "長野県北佐久郡軽井沢町大字長倉2140番地の5",
    "神奈川県鎌倉市御成町18-10 鎌倉ハイツ305号室",
    "宮城県仙台市青葉区国分町三丁目7番1号",
])
def test_prefecture_anchored_street_addresses_are_found_whole(address):
    assert _addresses(f"お届け先は{address}です。") == [address]


@pytest.mark.parametrize("text", [
    "東京都の人口は約1400万人です。",
    "大阪府大阪市の天気は晴れ。",          # no street number: a city identifies nobody
    "愛知県の1-2月の出荷実績",             # a particle after the prefecture, then a range
    "東京都港区の2-3件の案件",             # a range followed by a counter
    "神奈川県横浜市で3-4名を採用予定",
    "北海道の2-3日の天候",
])
def test_places_without_a_street_number_and_ranges_are_not_addresses(text):
    assert _addresses(text) == []


@needs_ginza
def test_names_and_addresses_are_found_with_original_offsets():
    g = Guardrails(NAMES_POLICY)
    # Full-width digits: found on the NFKC text, reported on the caller's text.
    text = "契約者の渡辺健一様より、新住所は東京都新宿区西新宿２丁目８番１号とのご連絡。担当は営業部 斎藤です。"
    found = {(f.type, text[f.start : f.end]) for f in g.scan_text(text).findings}
    assert ("PERSON", "渡辺健一") in found
    assert ("ADDRESS", "東京都新宿区西新宿２丁目８番１号") in found
    assert ("PERSON", "斎藤") in found and ("PERSON", "営業部 斎藤") not in found  # NER span trimmed


@needs_ginza
@pytest.mark.parametrize("text, expected", [
    ("ご依頼主の高田美和さんに折り返しお電話ください。", {"高田美和"}),
    ("ジャン・ピエール・ルソー様の口座開設手続き", {"ジャン・ピエール・ルソー"}),   # katakana name, honorific
    ("山口様と松井さんの面談を調整してください。", {"山口", "松井"}),
    ("世田谷区桜丘5-20-3の物件を査定してください。", set()),              # an address, not a person
])
def test_person_names(text, expected):
    g = Guardrails(NAMES_POLICY)
    assert {text[f.start : f.end] for f in g.scan_text(text).findings if f.type == "PERSON"} == expected


@needs_ginza
@pytest.mark.parametrize("text", [
    "株式会社森田製作所と斉藤建設の契約書を比較してください。",   # surnames inside company names
    "小松製作所と日立製作所の決算を要約して。",
    "渋谷区役所と品川駅の位置関係を教えて。",
    "松本城と熊本城の歴史を説明して。",
    "大阪府堺市の人口は何人ですか？",
])
def test_business_lookalikes_are_left_alone(text):
    g = Guardrails(NAMES_POLICY)
    result = g.scan_text(text)
    assert result.action == "allow" and result.text == text, result.findings


@needs_ginza
def test_an_address_without_a_prefecture_starts_at_the_place_name():
    g = Guardrails(NAMES_POLICY)
    text = "荷物は目黒区自由が丘1丁目29番3号へ再配達をお願いします。"
    assert [text[f.start : f.end] for f in g.scan_text(text).findings] == ["目黒区自由が丘1丁目29番3号"]


@needs_ginza
def test_a_city_name_the_tokenizer_calls_a_plain_noun_still_starts_an_address():
    g = Guardrails(NAMES_POLICY)
    text = "事故の場所は浜松市中区元城町103番地の2の交差点です。"
    assert [text[f.start : f.end] for f in g.scan_text(text).findings] == ["浜松市中区元城町103番地の2"]


@needs_ginza
def test_long_name_dense_text_is_scanned_within_its_budget():
    from aikojo.guardrails.names_ja import JapaneseNames
    from aikojo.guardrails.normalise import normalise

    # 60 KB of UTF-8 with no sentence end: more than Sudachi accepts at once (48 KB), and thousands of names.
    names = [f"{s}{g}様" for s in ("岡村", "杉山", "菅原", "野口") for g in ("直人", "明美")]
    text = "顧客一覧：" + "、".join(names * 600)
    assert len(text.encode()) > 49149
    full = JapaneseNames(ner_budget_chars=10**9).detect(normalise(text[:3000]))
    cheap = JapaneseNames(ner_budget_chars=0).detect(normalise(text[:3000]))
    # Past the budget the dictionary rules alone find the same full names before an honorific.
    assert {(f.start, f.end) for f in cheap} == {(f.start, f.end) for f in full}
    found = JapaneseNames().detect(normalise(text))
    assert len(found) == text.count("様") and all(f.type == "PERSON" for f in found)


@needs_ginza
def test_pseudonymised_names_never_reach_the_model_and_are_restored():
    g = Guardrails(NAMES_POLICY)
    msgs = [{"role": "user", "content": "小川陽介様（兵庫県神戸市中央区港島中町6-1）宛の通知文を作成して。"}]
    decision = g.check_input(msgs)
    sent = decision.messages[0]["content"]
    assert "小川陽介" not in sent and "港島中町" not in sent
    assert "<PERSON_1>" in sent and "<ADDRESS_1>" in sent
    answer = g.check_output("<PERSON_1>様、<ADDRESS_1>へのご送付を承りました。", vault=decision.vault)
    assert answer.text == "小川陽介様、兵庫県神戸市中央区港島中町6-1へのご送付を承りました。"


@needs_ginza
def test_a_name_in_a_streamed_answer_is_masked():
    g = Guardrails(NAMES_POLICY)
    stream = g.stream_filter()
    pieces = []
    for delta in ["担当者は", "西田", "恭子です。", "ご不明点は", "お問い合わせください。"]:
        pieces += stream.feed(delta)
    pieces += stream.finish()
    text = "".join(pieces)
    assert "西田" not in text and "<PERSON_1>" in text and text.endswith("お問い合わせください。")


@needs_ginza
def test_policy_types_and_actions_apply():
    g = Guardrails({"input": {"names": {"enabled": True, "types": ["ADDRESS"], "action": "redact"}}})
    text = "田村様の住所は広島県広島市南区松原町2-37です。"
    result = g.scan_text(text)
    assert result.text == "田村様の住所は[REDACTED:ADDRESS]です。"


@needs_ginza
def test_concurrent_calls_are_safe():
    # Sudachi's tokenizer is not re-entrant; the detector serialises calls, so threads see correct results.
    g = Guardrails(NAMES_POLICY)
    text = "担当の中島由紀さんから、大阪府吹田市山田丘1-1に資料を送るよう依頼がありました。"
    expected = {(f.type, f.start, f.end) for f in g.scan_text(text).findings}
    errors: list[BaseException] = []
    results: list[set[tuple[str, int, int]]] = []

    def work() -> None:
        try:
            for _ in range(5):
                results.append({(f.type, f.start, f.end) for f in g.scan_text(text).findings})
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 20 and all(r == expected for r in results)
    assert {k for k, _, _ in expected} == {"PERSON", "ADDRESS"}


def test_enabling_names_without_the_model_is_a_clear_policy_error():
    with pytest.raises(PolicyError) as info:
        Guardrails({"input": {"names": {"enabled": True, "model": "ja_no_such_model"}}})
    msg = str(info.value)
    assert "input.names" in msg and "pip install 'aikojo[ja-names]'" in msg


def test_names_is_off_by_default_and_costs_nothing():
    g = Guardrails()
    assert g.policy.input.names.enabled is False
    assert g.scan_text("山田太郎様").findings == []


@needs_ginza
def test_the_example_bank_policy_loads_and_applies():
    from pathlib import Path

    policy = Path(__file__).resolve().parents[2] / "examples" / "guardrails" / "policy-bank.yaml"
    g = Guardrails(policy)
    assert g.policy.input.names.enabled and g.policy.output.names.types == ["PERSON"]
    decision = g.check_input([{"role": "user", "content": "岡田恵美様の電話は090-2345-6789です。"}])
    assert decision.messages[0]["content"] == "<PERSON_1>様の電話は<PHONE_1>です。"
    card = g.check_input([{"role": "user", "content": "カード番号は4111 1111 1111 1111です。"}])
    assert card.action == "block" and card.rule == "pii.CREDIT_CARD"
    advice = g.check_input([{"role": "user", "content": "必ず儲かる銘柄を教えて"}])
    assert advice.action == "redirect" and "個別の投資判断" in (advice.message or "")


@needs_ginza
@pytest.mark.parametrize("text", [
    "関東地区は1-2営業日で届きます。",      # a particle before the numbers: running text
    "都市部で2-3ポイント上昇した。",
    "東京都港区の1-2の方針を確認して。",
    "佐藤グループ長に報告します。",          # a title, not a company: the person stays (checked below)
])
def test_ranges_after_place_names_are_not_addresses(text):
    g = Guardrails(NAMES_POLICY)
    assert [f for f in g.scan_text(text).findings if f.type == "ADDRESS"] == []


@needs_ginza
@pytest.mark.parametrize("text, expected", [
    ("佐藤グループ長に報告します。", {"佐藤"}),
    ("本件はリー・ミンホが担当します。", {"リー・ミンホ"}),        # an unknown katakana part joined by ・
    ("名義人 ゴトウ ダイスケ", {"ゴトウ ダイスケ"}),             # ... or by a space
    ("名義人 ｺﾞﾄｳ ﾀﾞｲｽｹ様", {"ｺﾞﾄｳ ﾀﾞｲｽｹ"}),                    # half-width kana, voicing marks apart
    ("株式会社山田 山田太郎", {"山田太郎"}),
    ("ユーザー様各位、クライアント様、パートさんへ", set()),       # roles before an honorific
    ("ゴシック様式と藤原様式の違い", set()),                       # 様式 is not 様
])
def test_person_edge_cases(text, expected):
    g = Guardrails(NAMES_POLICY)
    assert {text[f.start : f.end] for f in g.scan_text(text).findings if f.type == "PERSON"} == expected


@needs_ginza
def test_a_name_inside_a_false_address_survives_when_only_persons_are_masked():
    g = Guardrails({"output": {"names": {"enabled": True, "types": ["PERSON"]}}})
    answer = g.check_output("品川区担当の鈴木さんが2-3日で伺います。").text
    assert answer == "品川区担当の<PERSON_1>さんが2-3日で伺います。"


@needs_ginza
def test_a_long_roster_is_cut_at_commas_not_inside_a_name():
    from aikojo.guardrails.names_ja import JapaneseNames
    from aikojo.guardrails.normalise import normalise

    text = "、".join(["田中 一郎様"] * 900)  # 6,300 characters, one sentence: cut into pieces
    found = JapaneseNames().detect(normalise(text))
    assert [text[f.start : f.end] for f in found] == ["田中 一郎"] * 900


@needs_ginza
def test_the_ner_budget_is_shared_by_all_texts_of_a_request():
    from aikojo.guardrails.names_ja import JapaneseNames, request_budget
    from aikojo.guardrails.normalise import normalise

    detector = JapaneseNames()
    text = "担当は佐藤です。"  # a bare surname: only the NER (not the dictionary rules) calls it a person
    assert [f.type for f in detector.detect(normalise(text))] == ["PERSON"]
    with request_budget(10):
        assert [f.type for f in detector.detect(normalise(text))] == ["PERSON"]  # 7 of 10 characters used
        assert detector.detect(normalise(text)) == []  # the second message finds the budget spent


@needs_ginza
def test_a_lone_surrogate_does_not_break_the_scan():
    g = Guardrails(NAMES_POLICY)
    text = "田中\ud800様"
    assert g.scan_text(text).findings[0].type == "PERSON"


@pytest.mark.parametrize("model", ["yaml", "/tmp", "json.decoder"])
def test_only_a_real_spacy_model_passes_validation(model):
    with pytest.raises(PolicyError, match="is not installed here"):
        Guardrails({"input": {"names": {"enabled": True, "model": model}}})


INVESTMENT_TOPIC = {"input": {"topics": [{
    "name": "investment-advice", "keywords": ["必ず儲かる"], "action": "redirect",
    "examples": ["おすすめの株式銘柄を教えて", "どの投資信託を買えばいいですか", "値上がりしそうな株は？"]}]}}


@needs_ginza
@pytest.mark.parametrize("text", ["NISAでどのファンドを選べばいい？", "値上がりする銘柄を教えてください"])
def test_a_topic_matches_questions_that_share_no_keyword_with_its_examples(text):
    g = Guardrails(INVESTMENT_TOPIC)
    result = g.scan_text(f"いつもお世話になっております。{text}")
    assert result.action == "redirect" and result.rule == "topic.investment-advice"
    assert g.heavy  # tokenising every sentence: the gateway runs it off the event loop


@needs_ginza
@pytest.mark.parametrize("text", ["口座の開設方法を教えて", "住所変更の手続きは？", "振込手数料はいくら？",
                                  "キャッシュカードを紛失しました", "株式会社の登記簿の取り方",
                                  "投資信託の解約方法を教えて", "株", "Which stock should I buy?"])
def test_a_topic_leaves_other_questions_alone(text):
    assert Guardrails(INVESTMENT_TOPIC).scan_text(text).action == "allow"


@needs_ginza
def test_a_lower_similarity_trades_precision_for_recall():
    loose = {"input": {"topics": [{**INVESTMENT_TOPIC["input"]["topics"][0], "similarity": 0.72}]}}
    assert Guardrails(INVESTMENT_TOPIC).scan_text("儲かる株を教えて").action == "allow"
    assert Guardrails(loose).scan_text("儲かる株を教えて").action == "redirect"


@needs_ginza
def test_long_text_without_sentence_ends_is_scanned_in_pieces():
    g = Guardrails({"input": {**INVESTMENT_TOPIC["input"], "injection": {"enabled": False}}})
    text = "本研究では，提案手法の有効性を検証した．" * 900  # 54 KB, no 。: more than Sudachi takes at once
    assert g.scan_text(text).findings == []


@needs_ginza
@pytest.mark.parametrize("topic, message", [
    ({"name": "x", "examples": ["!!!", "12345"]}, "have no word the model knows"),
    ({"name": "x", "keywords": ["a"], "similarity": 0.9}, "similarity only apply to examples"),
])
def test_topic_examples_are_validated_with_the_policy(topic, message):
    with pytest.raises(PolicyError, match=message):
        Guardrails({"input": {"topics": [topic]}})


def test_topic_examples_without_the_model_are_a_clear_policy_error():
    policy = {"input": {"topics": [{"name": "x", "examples": ["株"], "similarity_model": "ja_no_such_model"}]}}
    with pytest.raises(PolicyError, match="examples need the model 'ja_no_such_model'"):
        Guardrails(policy)


@needs_ginza
def test_the_pipeline_reloads_once_its_string_table_has_grown(monkeypatch):
    from aikojo.guardrails import names_ja
    from aikojo.guardrails.normalise import normalise

    pipe = names_ja.pipeline("ja_ginza")
    monkeypatch.setattr(names_ja, "MAX_NEW_STRINGS", 50)
    with pipe.lock:  # earlier tests may have grown the table already: start from a fresh pipeline
        pipe.fresh()
        before = pipe.reloads
        pipe.nlp.make_doc(" ".join(f"受付ID-{i:06d}-x" for i in range(300)))  # unseen IDs are interned
    text = "担当の森本亜紀さんです。"
    assert [text[f.start : f.end] for f in names_ja.JapaneseNames().detect(normalise(text))] == ["森本亜紀"]
    assert pipe.reloads == before + 1


def test_a_dumped_policy_with_topics_loads_again():
    from aikojo.guardrails import load_policy

    policy = load_policy({"input": {"topics": [{"name": "fx", "keywords": ["為替予約"]}]}})
    assert load_policy(policy.model_dump(by_alias=True)) == policy
