"""One-time form tokens: a double tap or a resent POST finds the record the first press saved, not a second one.

The form carries a fresh UUID in a hidden field; the record keeps it in a unique column. A second press finds
the first record by token (and owner); two presses racing are settled by the unique index.
"""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def token_field():
    return forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


def as_uuid(value):
    """The UUID a form sent, or None for anything else (empty, mangled, another type)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def earlier(request, model, **owner):
    """The record an earlier press of this form saved (its token in the POST), or None."""
    token = as_uuid(request.POST.get("token"))
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


def post_once(request, form, *, owner, done, go_to, again=None, **fields):
    """The POST of a one-time ModelForm: the first press saves (message `done`), a repeat finds that record.

    `owner` (e.g. {"recorded_by": user}) is set on the record and finds it again; `fields` are set too;
    go_to(record) gives the redirect's arguments. Returns the redirect, or None to show the form with its errors.
    """
    model = form._meta.model
    first = earlier(request, model, **owner)
    if first is None and form.is_valid():
        record = form.save(commit=False)
        for name, value in {**owner, **fields, "token": form.cleaned_data["token"]}.items():
            setattr(record, name, value)
        try:
            first, created = save_once(record, **owner)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(request, done)
                return redirect(*go_to(record))
    if first is not None:
        messages.info(request, again or _("This was already saved; it was not saved twice."))
        return redirect(*go_to(first))
    return None
