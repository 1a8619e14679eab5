from aikojo.guardrails.checksums import (
    iban_ok,
    is_valid_corporate_number,
    is_valid_my_number,
    luhn_ok,
    my_number_check_digit,
)


def mutate(number: str, pos: int) -> str:
    return number[:pos] + str((int(number[pos]) + 1) % 10) + number[pos + 1 :]


def test_my_number_known_valid_passes() -> None:
    assert is_valid_my_number("123456789018")
    assert is_valid_my_number("1234 5678 9018")


def test_my_number_any_single_digit_mutation_fails() -> None:
    for pos in range(12):
        assert not is_valid_my_number(mutate("123456789018", pos)), pos


def test_my_number_check_digit_zero_when_remainder_le_one() -> None:
    for base in ("00000000000", "10000000001"):
        total = sum(int(c) * (n + 1 if n <= 6 else n - 5) for n, c in enumerate(reversed(base), start=1))
        if total % 11 <= 1:
            assert my_number_check_digit(base) == 0


def test_corporate_number_known_valid_passes() -> None:
    # National Tax Agency and Toyota Motor Corporation, from the public 法人番号 register.
    assert is_valid_corporate_number("7000012050002")
    assert is_valid_corporate_number("1180301018771")


def test_corporate_number_mutations_fail() -> None:
    for pos in range(13):
        assert not is_valid_corporate_number(mutate("7000012050002", pos)), pos


def test_luhn_valid_and_mutated() -> None:
    assert luhn_ok("4111 1111 1111 1111")
    assert luhn_ok("3530111333300000")
    assert not luhn_ok("4111 1111 1111 1112")


def test_iban_valid_and_mutated() -> None:
    assert iban_ok("GB82 WEST 1234 5698 7654 32")
    assert iban_ok("DE89370400440532013000")
    assert not iban_ok("GB82 WEST 1234 5698 7654 33")
    assert not iban_ok("DE8937040044053201300")  # wrong length for DE
