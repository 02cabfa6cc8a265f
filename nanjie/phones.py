"""Mainland China phone numbers: one normal form, one model field and one form field for every phone we keep.

Stored as "13812345678" or "0878-5712345"; typed in any of the ways people write them (+86 138 1234 5678,
(0878)5712345, 138-1234-5678). Masking for public pages is nanjie/masking.py.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area codes: 010, 02x (3 digits) or 0xxx (4 digits); local numbers 7 or 8 digits.
LANDLINE = re.compile(r"^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$")
INVALID = _("Enter a mainland mobile number (11 digits, starting with 1) or a landline with its area code.")


def normalise_phone(raw):
    """Return the stored form ("13812345678" or "0878-5712345") or raise ValidationError (code invalid_phone)."""
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
    raise ValidationError(INVALID, code="invalid_phone")


class PhoneFormField(forms.CharField):
    """A form's phone: optional unless required=True, cleaned to the stored form (a message, never a 500)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        return normalise_phone(value) if value else ""


class PhoneField(models.CharField):
    """A model's phone: blank allowed, normalised by full_clean() and again on save (code that skips forms).

    It deconstructs as the CharField it is in the database, so migrations need no change for it.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs

    def clean(self, value, model_instance):
        # Not to_python: lookups call that too, and a search for any text would raise.
        value = super().clean(value, model_instance)
        return normalise_phone(value) if value and value.strip() else ""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value and value.strip():
            value = normalise_phone(value)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhoneFormField, **kwargs})
