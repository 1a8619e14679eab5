# ruff: noqa: E501  (pattern and data tables: one entry per line reads better than wrapped fragments)
"""Random but valid (or deliberately invalid) values for the PII evaluation set.

Valid values pass their check digit; "mutated" ones differ in one digit so they fail it and must survive.
"""

from __future__ import annotations

import random
import string

from aikojo.guardrails.checksums import (
    IBAN_LENGTHS,
    corporate_number_check_digit,
    luhn_ok,
    my_number_check_digit,
)

FW = str.maketrans("0123456789-", "０１２３４５６７８９－")


def digits(r: random.Random, n: int) -> str:
    return "".join(r.choice(string.digits) for _ in range(n))


def my_number(r: random.Random, valid: bool = True) -> str:
    base = str(r.randint(1, 9)) + digits(r, 10)
    cd = my_number_check_digit(base)
    return base + str(cd if valid else (cd + r.randint(1, 9)) % 10)


def fmt_my_number(r: random.Random, n: str) -> str:
    style = r.choice(["plain", "space", "hyphen", "fw", "fw_space"])
    if style == "plain":
        return n
    if style == "space":
        return f"{n[:4]} {n[4:8]} {n[8:]}"
    if style == "hyphen":
        return f"{n[:4]}-{n[4:8]}-{n[8:]}"
    if style == "fw":
        return n.translate(FW)
    return f"{n[:4]}　{n[4:8]}　{n[8:]}".translate(FW)


def corporate_number(r: random.Random, valid: bool = True) -> str:
    base = digits(r, 12)
    cd = corporate_number_check_digit(base)
    return str(cd if valid else (cd % 9) + 1 if cd != 9 else 1) + base


def fmt_corporate(r: random.Random, n: str) -> str:
    return r.choice([n, "T" + n, f"{n[0]}-{n[1:5]}-{n[5:9]}-{n[9:]}", n.translate(FW)])


AREA = ["03", "06", "045", "052", "011", "092", "075", "0466", "0555", "0467", "01267", "04992", "0977", "099"]


def jp_phone(r: random.Random) -> str:
    kind = r.choice(["mobile", "mobile", "land", "land", "free", "intl", "ip"])
    if kind in ("mobile", "ip"):
        p = r.choice(["070", "080", "090"]) if kind == "mobile" else "050"
        a, b = digits(r, 4), digits(r, 4)
        return r.choice([f"{p}-{a}-{b}", f"{p}{a}{b}", f"{p} {a} {b}", f"{p}-{a}-{b}".translate(FW), f"{p}ー{a}ー{b}"])
    if kind == "free":
        return r.choice([f"0120-{digits(r, 3)}-{digits(r, 3)}", f"0800-{digits(r, 3)}-{digits(r, 4)}",
                         f"0120{digits(r, 6)}", f"0570-{digits(r, 3)}-{digits(r, 3)}"])
    area = r.choice(AREA)
    ex = str(r.randint(1, 9)) + digits(r, 6 - len(area) - 1)
    sub = digits(r, 4)
    if kind == "intl":
        if r.random() < 0.5:
            return f"+81-{area[1:]}-{ex}-{sub}"
        return f"+81 {r.choice(['90', '80', '70'])} {digits(r, 4)} {digits(r, 4)}"
    return r.choice([f"{area}-{ex}-{sub}", f"{area}({ex}){sub}", f"({area}){ex}-{sub}", f"{area}-{ex}-{sub}".translate(FW),
                     f"{area}{ex}{sub}", f"{area}−{ex}−{sub}"])


def postal(r: random.Random) -> str:
    return f"{r.randint(100, 999)}-{digits(r, 4)}"


def card(r: random.Random, valid: bool = True) -> str:
    prefix, length = r.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("35", 16), ("3528", 16),
                               ("34", 15), ("37", 15), ("36", 14), ("6011", 16)])
    body = prefix + digits(r, length - len(prefix) - 1)
    for cd in range(10):
        if luhn_ok(body + str(cd)) == valid:
            return body + str(cd)
    return body + "0"


def fmt_card(r: random.Random, n: str) -> str:
    sep = r.choice([" ", "-", ""])
    if len(n) == 15:
        return sep.join([n[:4], n[4:10], n[10:]])
    if len(n) == 14:
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join(n[i : i + 4] for i in range(0, len(n), 4))


def iban(r: random.Random, valid: bool = True) -> str:
    cc = r.choice(["DE", "GB", "FR", "NL", "CH", "ES", "IT", "BE"])
    n = IBAN_LENGTHS[cc] - 4
    if cc == "GB" or cc == "NL":
        bban = "".join(r.choice(string.ascii_uppercase) for _ in range(4)) + digits(r, n - 4)
    elif cc == "IT":
        bban = r.choice(string.ascii_uppercase) + digits(r, n - 1)
    else:
        bban = digits(r, n)
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    check = 98 - int(num) % 97
    if not valid:
        check = (check + r.randint(1, 50)) % 97 + 2
    s = f"{cc}{check:02d}{bban}"
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if r.random() < 0.5 else s


def ssn(r: random.Random) -> str:
    area = r.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"


def en_phone(r: random.Random) -> str:
    npa, nxx, line = r.randint(201, 989), r.randint(200, 999), digits(r, 4)
    return r.choice([f"({npa}) {nxx}-{line}", f"{npa}-{nxx}-{line}", f"+1 {npa} {nxx} {line}", f"+1-{npa}-{nxx}-{line}",
                     f"+44 20 {digits(r, 4)} {digits(r, 4)}", f"+49 30 {digits(r, 8)}", f"+33 1 {digits(r, 2)} {digits(r, 2)} "
                     f"{digits(r, 2)} {digits(r, 2)}", f"+65 6{digits(r, 3)} {digits(r, 4)}", f"{npa}.{nxx}.{line}"])


def email(r: random.Random) -> str:
    first = r.choice(["taro", "hanako", "k.suzuki", "yamada.ichiro", "j.smith", "m-tanaka", "sato_k", "info", "aiko+bank"])
    num = r.choice(["", str(r.randint(1, 99)), str(r.randint(1970, 2005))])
    dom = r.choice(["example.co.jp", "mail.example.com", "example.ne.jp", "corp.example.jp", "example.org", "ex-bank.co.jp"])
    return f"{first}{num}@{dom}"


def ipv4(r: random.Random) -> str:
    return r.choice([f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                     f"{r.randint(11, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"])


def ipv6(r: random.Random) -> str:
    groups = [f"{r.randint(0, 65535):x}" for _ in range(8)]
    return r.choice([":".join(groups), f"2001:db8::{groups[6]}:{groups[7]}", f"fe80::{groups[5]}:{groups[6]}:{groups[7]}"])


def aws_key(r: random.Random) -> str:
    return "AKIA" + "".join(r.choice(string.ascii_uppercase + "234567") for _ in range(16))


def token(r: random.Random, n: int = 32) -> str:
    return "".join(r.choice(string.ascii_letters + string.digits) for _ in range(n))
