"""Once-only submissions: a double tap, a resent POST or two presses racing save one record, never two.

Every form that creates a record (a micro-wish, a request recorded for a resident, a visit, a pair contact, a
three-ways service, a dispute, a whistle) carries a fresh UUID in a hidden field (`OnceOnlyForm`); the record
keeps it in a unique column (`SubmissionKeyField`). `save_once` finds the record an earlier press saved, or
saves it; two presses at the same moment are settled by the unique index. A page whose key was lost or
mangled (an old page, a copy) gets a fresh key and says so, keeping what was typed: refused as it came, it
could never be sent. Tests: tests/nanjie/test_once.py.

A key comes back with other content when a page is reused: the back button restores an earlier resident's
form on a shared phone, or a browser restores a tab. That is not a repeat (it would open the earlier
resident's record): `save_once(..., content={...})` treats a used key as a repeat only when the record holds
that content (a staff form's record is also found by its owner, which binds the key to the user), and
otherwise refuses with code "key_reused"; the form then gets a fresh key and keeps what was typed.
"""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class SubmissionKeyField(models.UUIDField):
    """The record's submission key: unique, empty for records made elsewhere (admin, seed, imports)."""

    def __init__(self, *args, **kwargs):
        kwargs.update(null=True, blank=True, unique=True, editable=False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.UUIDField", args, kwargs  # the column is a plain unique UUID


def key_field(model):
    """The name of the model's SubmissionKeyField."""
    return next(field.name for field in model._meta.concrete_fields if isinstance(field, SubmissionKeyField))


def as_uuid(value):
    """The UUID a form sent, or None for anything else (empty, mangled, another type)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


class OnceOnlyForm:
    """Form mixin: the hidden key field `once_key` (a name clients already post); renewed when broken."""

    once_key = "token"
    expired_message = gettext_lazy("This page had expired. Everything you typed is kept: check it and send it again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.once_key] = forms.UUIDField(widget=forms.HiddenInput)
        if not self.is_bound:
            self.initial.setdefault(self.once_key, uuid.uuid4())  # a fresh key for every page shown
        self.renewed = self.is_bound and as_uuid(self.data.get(self.once_key)) is None
        if self.renewed:
            self.data = self.data.copy()
            self.data[self.once_key] = str(uuid.uuid4())

    reused_message = gettext_lazy("This page was already used to send something else (an earlier page on this "
                                  "device?). Everything you typed is kept: check it and send it again.")

    def renew_key(self):
        self.data = self.data.copy()
        self.data[self.once_key] = str(uuid.uuid4())

    def add_error(self, field, error):
        # A key used for other content (save_once's "key_reused") can never be sent again: show a fresh one.
        if isinstance(error, ValidationError) and getattr(error, "code", None) == "key_reused":
            self.renew_key()
        super().add_error(field, error)

    def clean(self):
        cleaned = super().clean()
        if self.renewed:
            raise ValidationError(self.expired_message, code="renewed")
        return cleaned

    @property
    def submission_key(self):
        return as_uuid(self.data.get(self.once_key)) if self.is_bound else None


def earlier(model, key, **owner):
    """The record saved with this key (by this owner), or None."""
    return model.objects.filter(**{key_field(model): key}, **owner).first() if key else None


def matches(record, content):
    """True when the record holds this content ({field name: value}; None: nothing to compare)."""
    return content is None or all(getattr(record, name) == value for name, value in content.items())


def _repeat_of(first, content):
    if not matches(first, content):
        raise ValidationError(OnceOnlyForm.reused_message, code="key_reused")
    return first, False


def save_once(model, key, create, *, content=None, **owner):
    """(record, True) from create(), which saves a record with this key; (the first record, False) when this key
    was saved before or won a race a moment ago, and the first record holds `content` (when given). A key used
    for other content, or another owner's key (a copied form), is refused with a message; any other integrity
    error is not ours to hide."""
    first = earlier(model, key, **owner)
    if first is not None:
        return _repeat_of(first, content)
    try:
        with transaction.atomic():
            return create(), True
    except IntegrityError:
        first = earlier(model, key, **owner)
        if first is not None:
            return _repeat_of(first, content)
        if key and earlier(model, key) is not None:
            raise ValidationError(_("This form was already used; open it again."), code="token_used") from None
        raise


def post_once(request, form, *, owner, done, go_to, again=None, **fields):
    """The POST of a once-only ModelForm: the first press saves (message `done`), a repeat finds that record.

    `owner` (e.g. {"recorded_by": user}) is set on the record and finds it again; `fields` are set too;
    go_to(record) gives the redirect's arguments. Returns the redirect, or None to show the form with its errors.
    """
    model = form._meta.model
    key = form.submission_key
    first = earlier(model, key, **owner)
    if first is None and form.is_valid():
        record = form.save(commit=False)
        for name, value in {**owner, **fields, key_field(model): key}.items():
            setattr(record, name, value)
        try:
            first, created = save_once(model, key, lambda: _saved(record), **owner)
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


def _saved(record):
    record.save()
    return record
