"""Mainland China phone numbers: validated and stored in one normal form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area codes: 010, 02x (3 digits) or 0xxx (4 digits); local numbers 7 or 8 digits.
LANDLINE = re.compile(r"^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$")


def normalise_phone(raw):
    """Return the stored form ("13812345678" or "0878-5712345") or raise ValidationError."""
    digits = re.sub(r"[\s\-()（）]", "", raw or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if MOBILE.match(digits):
        return digits
    landline = LANDLINE.match(digits)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    raise ValidationError(
        _("Enter a mainland mobile number (11 digits, starting with 1) or a landline with its area code."),
        code="invalid_phone",
    )


def validate_phone(value):
    normalise_phone(value)


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
