import pytest


@pytest.mark.parametrize("text,value", [
    ("マイナンバーは123456789018です", "123456789018"),
    ("個人番号：1234 5678 9018", "1234 5678 9018"),
    ("番号は１２３４－５６７８－９０１８", "１２３４－５６７８－９０１８"),
    ("マイナンバー　１２３４　５６７８　９０１８", "１２３４　５６７８　９０１８"),
])
def test_my_number_found_in_every_format(guard, found, text, value) -> None:
    assert found(guard, text, "MY_NUMBER") == [value]


@pytest.mark.parametrize("text", [
    "マイナンバーは123456789012です",          # check digit fails
    "注文番号 123456789018 の配送状況",          # valid check digit but an order number
    "売上は1234567890123456円",               # longer digit run
])
def test_my_number_lookalikes_survive(guard, found, text) -> None:
    assert found(guard, text, "MY_NUMBER") == []


def test_corporate_number_plain_and_t_prefixed(guard, found) -> None:
    assert found(guard, "法人番号 7000012050002", "CORPORATE_NUMBER") == ["7000012050002"]
    assert found(guard, "登録番号T1180301018771", "CORPORATE_NUMBER") == ["T1180301018771"]
    assert found(guard, "法人番号 7000012050003", "CORPORATE_NUMBER") == []


@pytest.mark.parametrize("phone", [
    "090-1234-5678", "08012345678", "070 1234 5678", "03-1234-5678", "045-123-4567", "0466-12-3456",
    "01267-2-3456", "03(1234)5678", "(03)1234-5678", "0120-123-456", "0800-123-4567", "+81-3-1234-5678",
    "+81 90 1234 5678", "０９０－１２３４－５６７８", "090ー1234ー5678",
])
def test_japanese_phone_formats_found(guard, found, phone) -> None:
    assert found(guard, f"電話番号は{phone}です", "PHONE") == [phone]


@pytest.mark.parametrize("text", [
    "2024-01-15に契約しました", "お見積りは1,234,567円です", "バージョン 1.2.3.4", "部品番号 123-4567",
    "012-3456-7890", "注文番号0312345678の件",
])
def test_phone_lookalikes_survive(guard, found, text) -> None:
    assert found(guard, text, "PHONE") == []


def test_postal_code_needs_mark_or_address_context(guard, found) -> None:
    assert found(guard, "〒100-0001 東京都千代田区", "POSTAL_CODE") == ["〒100-0001"]
    assert found(guard, "送付先 530-0001 大阪府大阪市北区", "POSTAL_CODE") == ["530-0001"]
    assert found(guard, "品番 530-0001 を2個", "POSTAL_CODE") == []


def test_bank_account_needs_account_context(guard, found) -> None:
    assert found(guard, "普通預金 口座番号 1234567", "BANK_ACCOUNT") == ["1234567"]
    assert found(guard, "在庫数は1234567個です", "BANK_ACCOUNT") == []


def test_passport_and_licence_need_context(guard, found) -> None:
    assert found(guard, "旅券番号：TK1234567", "PASSPORT") == ["TK1234567"]
    assert found(guard, "商品コード TK1234567", "PASSPORT") == []
    assert found(guard, "運転免許証番号 第123456789012号", "DRIVERS_LICENSE") == ["123456789012"]


def test_a_spaced_card_number_is_not_also_a_my_number():
    from aikojo.guardrails import Guardrails

    findings = Guardrails().scan_text("card 4111 1111 1111 1111 please").findings
    assert [f.type for f in findings] == ["CREDIT_CARD"]
