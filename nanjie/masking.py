"""Masking of personal data (PIPL, see domain.md): one module for what public pages, feeds, exports and logs hide.

- `mask_name`: 张** for a resident's or a party member's name on a public page;
- `mask_phone`: 138****5678, a landline keeps only its area code;
- free text staff typed is not masked here: `nanjie/personal_data.py` finds personal data in it, refuses it on
  its way to a public page and masks it on display (`personal_data.mask`), with one set of patterns;
- `PHONE`: every mainland mobile or landline written in free text, as the log filter (nanjie/logging.py) finds it.
"""

import re

from nanjie.phones import MOBILE

# 1[3-9] + 9 digits, optionally +86/0086/86 in front and spaces or hyphens between the groups (138-1234-5678).
_MOBILE = r"(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}"
# 010, 02x or 0xxx, then 7 or 8 digits, optionally separated: 0878-5712345, (0878)5712345.
_LANDLINE = r"\(?0(?:10|2\d|[3-9]\d{2})\)?[\s-]?\d{7,8}"
PHONE = re.compile(rf"(?<![\d%])(?:{_MOBILE}|{_LANDLINE})(?!\d)")


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
