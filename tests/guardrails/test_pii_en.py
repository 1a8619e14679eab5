import pytest


def test_email_found_next_to_japanese(guard, found) -> None:
    assert found(guard, "連絡はtaro.yamada+bank@example.co.jpまで", "EMAIL") == ["taro.yamada+bank@example.co.jp"]


@pytest.mark.parametrize("card", ["4111 1111 1111 1111", "4111-1111-1111-1111", "3530111333300000",
                                  "3782 822463 10005"])
def test_credit_cards_grouped_or_not(guard, found, card) -> None:
    assert found(guard, f"card {card} exp 12/27", "CREDIT_CARD") == [card]


@pytest.mark.parametrize("text", ["card 4111 1111 1111 1112", "order 4111111111111111", "total 1,234,567.89"])
def test_card_lookalikes_survive(guard, found, text) -> None:
    assert found(guard, text, "CREDIT_CARD") == []


def test_iban_checksum(guard, found) -> None:
    assert found(guard, "IBAN GB82 WEST 1234 5698 7654 32", "IBAN") == ["GB82 WEST 1234 5698 7654 32"]
    assert found(guard, "IBAN GB82 WEST 1234 5698 7654 33", "IBAN") == []


def test_us_ssn_valid_areas_only(guard, found) -> None:
    assert found(guard, "SSN 123-45-6789", "US_SSN") == ["123-45-6789"]
    assert found(guard, "SSN 666-45-6789", "US_SSN") == []
    assert found(guard, "SSN 123-00-6789", "US_SSN") == []


@pytest.mark.parametrize("phone", ["(212) 555-1234", "+1 415 555 2671", "+44 20 7946 0958"])
def test_international_phones(guard, found, phone) -> None:
    assert found(guard, f"Call {phone} today", "PHONE") == [phone]


def test_ip_addresses_but_not_versions_or_times(guard, found) -> None:
    assert found(guard, "login from 192.168.1.10", "IP_ADDRESS") == ["192.168.1.10"]
    assert found(guard, "from fe80::1ff:fe23:4567:890a", "IP_ADDRESS") == ["fe80::1ff:fe23:4567:890a"]
    assert found(guard, "upgrade to version 1.2.3.4 at 10:30:45", "IP_ADDRESS") == []
    assert found(guard, "address 999.1.1.1", "IP_ADDRESS") == []
