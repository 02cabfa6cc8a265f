"""What public pages show of text staff typed: phones and house numbers masked (PIPL, see domain.md).

A closure note is written by a party member for the branch; it often says whom they called and at which
door ("联系电话13900001111", "3幢2单元401室"). The board, its feed and the tracking page show it through
`mask_note`, and the request page shows the branch admin the same masked text before they publicise.
"""

import re

from django.core.exceptions import ValidationError

from grid.logging import PHONE
from grid.phones import mask_phone, normalise_phone

MASK = "*"
_DIGITS = "0-9０-９"
# A number before a building word: 3幢 2单元 401室 12号 5楼 (also full-width digits). "7月12号" is a date;
# a floor ("1至6层") names no door.
_HOUSE = re.compile(rf"(?<![{_DIGITS}月])[{_DIGITS}]+(?=\s*(?:幢|栋|棟|单元|單元|号楼|號樓|室|号|號|楼|樓))")
# Chinese numerals only before the words that name a building or entrance: 三幢, 二单元, 一号楼.
_HOUSE_WORDS = re.compile(r"[一二三四五六七八九十百零〇两]+(?=\s*(?:幢|栋|棟|单元|單元|号楼|號樓))")
# 3-2-401 or 2-401: building-entrance-room shorthand (a date's year has four digits and is left alone;
# a reference NJ-2026-000123 is preceded by a letter or a hyphen).
_SHORTHAND = re.compile(r"(?<![0-9A-Za-z-])\d{1,3}(?:-\d{1,2})?-\d{3,4}(?![0-9A-Za-z-])")
# Whatever long number is left (a local number without its area code, an ID card number ending in X).
_LONG_NUMBER = re.compile(rf"(?<![{_DIGITS}A-Za-z-])[{_DIGITS}]{{7,}}[Xx]?(?![{_DIGITS}A-Za-z-])")


def _phone(match):
    try:
        return mask_phone(normalise_phone(match.group()))
    except ValidationError:
        return MASK * 4


def mask_note(text):
    """The text with phones as 139****1111 and house, entrance and room numbers as *."""
    if not text:
        return ""
    text = PHONE.sub(_phone, text)
    text = _SHORTHAND.sub(lambda match: re.sub(r"\d+", MASK, match.group()), text)
    text = _HOUSE.sub(MASK, text)
    text = _HOUSE_WORDS.sub(MASK, text)
    return _LONG_NUMBER.sub(MASK * 4, text)
