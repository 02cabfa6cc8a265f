"""Masking of personal data (PIPL, see domain.md): one module for what public pages, feeds, exports and logs hide.

- `mask_name`: 张** for a resident's or a party member's name on a public page;
- `mask_phone`: 138****5678, a landline keeps only its area code;
- `mask_note`: text staff typed (a closure note often says whom they called and at which door:
  "联系电话13900001111", "3幢2单元401室"), with phones and house numbers masked. The board, its feed and the
  tracking page show it so, and the request page shows the branch admin the same text before they publicise;
- `PHONE`: every mainland mobile or landline written in free text, as the log filter (nanjie/logging.py) finds it.
"""

import re

from django.core.exceptions import ValidationError

from nanjie.phones import MOBILE, normalise_phone

MASK = "*"
# 1[3-9] + 9 digits, optionally +86/0086/86 in front and spaces or hyphens between the groups (138-1234-5678).
_MOBILE = r"(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}"
# 010, 02x or 0xxx, then 7 or 8 digits, optionally separated: 0878-5712345, (0878)5712345.
_LANDLINE = r"\(?0(?:10|2\d|[3-9]\d{2})\)?[\s-]?\d{7,8}"
PHONE = re.compile(rf"(?<![\d%])(?:{_MOBILE}|{_LANDLINE})(?!\d)")

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


def mask_phone(phone):
    """138****5678 for public pages; landlines keep only their area code."""
    if not phone:
        return ""
    if MOBILE.match(phone):
        return f"{phone[:3]}****{phone[-4:]}"
    return phone.split("-")[0] + "-" + "*" * 4


def mask_name(name):
    """张** : the family name and one star per remaining character (at least two)."""
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(2, len(name) - 1)


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
