from aikojo.guardrails.normalise import normalise


def test_fullwidth_and_zero_width_map_back_to_original_offsets() -> None:
    text = "電話は０９０\u200b－１２３４－５６７８です"
    n = normalise(text)
    assert "090-1234-5678" in n.text
    i = n.text.index("090")
    s, e = n.to_original(i, i + len("090-1234-5678"))
    assert text[s:e] == "０９０\u200b－１２３４－５６７８"


def test_ascii_text_takes_the_identity_fast_path() -> None:
    n = normalise("plain ascii")
    assert n.starts is None and n.to_original(2, 5) == (2, 5)


def test_half_width_kana_voicing_marks_compose_and_map_back() -> None:
    text = "名義人 ｺﾞﾄｳ ﾀﾞｲｽｹ ﾊﾟｽﾎﾟｰﾄ"
    n = normalise(text)
    assert n.text == "名義人 ゴトウ ダイスケ パスポート"
    start = n.text.index("ダイスケ")
    s, e = n.to_original(start, start + 4)
    assert text[s:e] == "ﾀﾞｲｽｹ"


def test_a_lone_surrogate_becomes_a_replacement_character_in_place() -> None:
    n = normalise("電話\ud800は090-1234-5678")
    assert n.text == "電話\ufffdは090-1234-5678"
    assert n.to_original(4, 17) == (4, 17)
