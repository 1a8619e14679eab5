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
