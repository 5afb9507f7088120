"""Numbers as Chinese reports print them (docs/domain.md#numbers).

Arabic digits (thousands separators, decimals), Chinese numerals (〇零一二两三四五六七八九十百千万亿),
scale words 万 (10⁴) and 亿 (10⁸), and approximation markers: prefixes 近/约/大约/超过/超/逾/将近 and
suffixes 余/多/以上/左右/上下. Percentages, ratios (倍), ordinals (第一, 一是, 二、) and names such as
三安全一稳定 are not quantities; the regular expressions below exclude them.

`NUMBER` is a regular-expression fragment (no capturing groups of its own) that the pattern
tables embed as ``{N}``; `read_quantity` turns the matched text into a value and an
approximate flag. `read_number` reads a bare numeral and never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

CHINESE_DIGITS = "〇零一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百千万亿"
APPROX_PREFIXES: tuple[str, ...] = ("将近", "大约", "超过", "近", "约", "超", "逾")
APPROX_SUFFIXES: tuple[str, ...] = ("以上", "左右", "上下", "余", "多")
_DIGIT_VALUE: dict[str, int] = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
SCALES: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = rf"[{CHINESE_DIGITS}十][{CHINESE_NUMERAL_CHARS}]*"  # never a bare 万/亿/百/千 (上万条, 百姓)
_PREFIX = "|".join(APPROX_PREFIXES)
_SUFFIX = "|".join(APPROX_SUFFIXES)

#: One quantity: optional approximation prefix, a numeral, optional 余/多 before or after a
#: scale word, optional trailing approximation marker. Not preceded by 第 or a digit, not
#: followed by a percent sign, a decimal point or another digit.
NUMBER = (
    rf"(?<![第\d.])(?:{_PREFIX})?(?:(?:{_ARABIC})(?![\d.%％])|(?<![{CHINESE_NUMERAL_CHARS}])(?:{_CHINESE}))"
    rf"(?:(?:余|多)?[万亿])?(?:{_SUFFIX})?"
)
NUMBER_RE = re.compile(NUMBER)

_SPLIT_RE = re.compile(
    rf"^(?P<pre>{_PREFIX})?(?P<num>{_ARABIC}|(?:{_CHINESE})?)(?P<mid>余|多)?(?P<scale>[万亿])?(?P<suf>{_SUFFIX})?$"
)


@dataclass(frozen=True)
class Quantity:
    """A number read from text: its value, whether the text marks it approximate, and its span."""

    value: Decimal
    approximate: bool
    start: int = 0
    end: int = 0


def read_number(text: str) -> Decimal | None:
    """The value of a bare numeral (`"1,365"`, `"15.8"`, `"二十"`, `"两千"`, `"二〇一五"`), or None.

    Never raises. A run of Chinese digits without 十/百/千 (``二〇一五``) is read digit by digit.
    """
    text = text.strip()
    if not text:
        return None
    if text[0].isdigit():
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    if any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in CHINESE_DIGITS for ch in text):
        return Decimal("".join(str(_DIGIT_VALUE[ch]) for ch in text))
    try:
        value = cn2an.cn2an(text.replace("两", "二").replace("〇", "零"), "strict")
    except Exception:  # cn2an raises ValueError and others on malformed numerals
        return None
    return Decimal(str(value))


def read_quantity(text: str, start: int = 0) -> Quantity | None:
    """Read a `NUMBER` match (`"1365余"`, `"近94"`, `"5万多"`, `"约703.73万"`) into a Quantity."""
    match = _SPLIT_RE.match(text.strip())
    if not match or not match.group("num"):
        return None
    value = read_number(match.group("num"))
    if value is None:
        return None
    approximate = bool(match.group("pre") or match.group("mid") or match.group("suf"))
    if match.group("scale"):
        value *= SCALES[match.group("scale")]
        if "." in match.group("num"):
            approximate = True  # 15.8万 is a rounded figure
    if value == value.to_integral_value():
        try:
            value = value.quantize(Decimal(1))
        except InvalidOperation:  # more than 28 digits: kept as it is (the loader flags such numbers)
            value = value.to_integral_value()
    return Quantity(value, approximate, start, start + len(text))


def format_chinese(value: int) -> str:
    """Write a non-negative integer in Chinese numerals (used by tests and fixtures)."""
    return str(cn2an.an2cn(value, "low"))
