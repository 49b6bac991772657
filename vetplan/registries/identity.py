"""Identity numbers and how personal data is shown. Pure, no Django.

- 身份证号 (GB 11643-1999): 17 digits and a check character; the 7th–14th give the birth date.
- 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check.
- Masking: 110************1234 for an identity number, 138****1234 for a phone number.
"""

from __future__ import annotations

import datetime as dt
import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECKS = "10X98765432"
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalise_id(value: str) -> str:
    return re.sub(r"\s+", "", str(value or "")).upper()


def id_number_error(value: str) -> str | None:
    """Why a 身份证号 is invalid, in Chinese, or None when it is valid."""
    number = normalise_id(value)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "应为18位（前17位数字，末位数字或X）"
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return f"出生日期 {number[6:14]} 无效"
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECKS[total % 11] != number[17]:
        return f"校验位应为 {_ID_CHECKS[total % 11]}"
    return None


def birth_date_of(value: str) -> dt.date:
    number = normalise_id(value)
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def gender_of(value: str) -> str:
    """M or F from the 17th digit (odd: male)."""
    return "M" if int(normalise_id(value)[16]) % 2 else "F"


def credit_code_error(value: str) -> str | None:
    """Why a 统一社会信用代码 is invalid, in Chinese, or None when it is valid."""
    code = normalise_id(value)
    if len(code) != 18 or any(char not in _CREDIT_ALPHABET for char in code):
        return "应为18位，由数字和大写字母组成（不含I、O、Z、S、V）"
    total = sum(_CREDIT_ALPHABET.index(char) * weight for char, weight in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    check = (31 - total % 31) % 31
    if _CREDIT_ALPHABET[check] != code[17]:
        return f"校验位应为 {_CREDIT_ALPHABET[check]}"
    return None


def with_check_digit(first17: str) -> str:
    """The full 身份证号 for 17 digits (for demo and test data)."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return first17 + _ID_CHECKS[total % 11]


def credit_with_check(first17: str) -> str:
    """The full 统一社会信用代码 for its first 17 characters (for demo and test data)."""
    total = sum(_CREDIT_ALPHABET.index(char) * weight for char, weight in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return first17 + _CREDIT_ALPHABET[(31 - total % 31) % 31]


def mask_id(value: str) -> str:
    """110************1234: the region and the last four stay, the birth date never shows."""
    number = normalise_id(value)
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_phone(value: str) -> str:
    digits = re.sub(r"\s+", "", str(value or ""))
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
