"""One-time form tokens: a double tap or a resent POST finds the record the first press saved, not a second one.

The form carries a fresh UUID in a hidden field; the record keeps it in a unique column. A second press finds
the first record by token (and owner); two presses racing are settled by the unique index.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _


def token_field():
    return forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


def _as_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def earlier(request, model, **owner):
    """The record an earlier press of this form saved (its token in the POST), or None."""
    token = _as_uuid(request.POST.get("token"))
    return model.objects.filter(token=token, **owner).first() if token else None


def create_once(create, model, token, **owner):
    """(record, True) from create(), which saves a record with this token; (the first record, False) if the
    same token won a race a moment ago. Any other integrity error is not ours to hide."""
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        first = model.objects.filter(token=token, **owner).first()
        if first is not None:
            return first, False
        if model.objects.filter(token=token).exists():  # someone else's record: a copied form, not a 500
            raise ValidationError(_("This form was already used; open it again."), code="token_used") from None
        raise


def save_once(record, **owner):
    """create_once for a record a ModelForm built, its token set: save it as it is."""
    def save():
        record.save()
        return record

    return create_once(save, type(record), record.token, **owner)
