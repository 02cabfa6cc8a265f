"""The once-only mechanism itself (nanjie/once.py), and that every form creating a record uses it."""

import uuid

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import QueryDict

from grid.models import Dispute, GridNode
from nanjie import once
from tests.factories import make_user

pytestmark = pytest.mark.django_db
KEYED = {"grid.Visit", "grid.PairContact", "grid.ServiceRecord", "grid.Dispute", "grid.Whistle", "requests.Request",
         "volunteers.Inspection", "volunteers.Session", "volunteers.Booking", "volunteers.Activity",
         "volunteers.StudySession", "volunteers.TutorContact"}


class NoteForm(once.OnceOnlyForm, forms.Form):
    note = forms.CharField()


def bound(**data):
    return NoteForm(QueryDict(mutable=True) | data)


def dispute(user, key, **fields):
    return Dispute.objects.create(micro_grid=GridNode.objects.get(code="NJ-03-01"), kind="family", parties="甲",
                                  summary="x", registered_by=user, token=key, **fields)


def test_the_models_with_a_submission_key_are_the_records_forms_create():
    keyed = {model._meta.label for model in apps.get_models()
             if any(isinstance(field, once.SubmissionKeyField) for field in model._meta.fields)}
    assert keyed == KEYED


def test_a_submission_key_deconstructs_as_the_unique_uuid_column_it_is():
    _name, path, _args, kwargs = Dispute._meta.get_field("token").deconstruct()
    assert (path, kwargs["unique"], kwargs["null"]) == ("django.db.models.UUIDField", True, True)


def test_an_unbound_form_carries_a_fresh_key_each_time():
    assert NoteForm().initial["token"] != NoteForm().initial["token"]


@pytest.mark.parametrize("bad", ["", "not-a-uuid", "<script>"])
def test_a_broken_key_is_renewed_and_the_form_says_the_page_expired(bad):
    form = bound(note="x", token=bad)
    assert not form.is_valid()
    assert form.errors.as_data()["__all__"][0].code == "renewed"


def test_a_renewed_form_keeps_what_was_typed_and_carries_a_valid_key():
    form = bound(note="typed", token="")
    assert (form["note"].value(), once.as_uuid(form["token"].value()) is not None) == ("typed", True)


def test_a_valid_key_is_kept():
    key = str(uuid.uuid4())
    assert bound(note="x", token=key).submission_key == uuid.UUID(key)


def test_save_once_saves_the_first_time(tree, worker3):
    key = uuid.uuid4()
    _record, created = once.save_once(Dispute, key, lambda: dispute(worker3, key), registered_by=worker3)
    assert created


def test_save_once_finds_the_first_record_the_second_time(tree, worker3):
    key = uuid.uuid4()
    first, _ = once.save_once(Dispute, key, lambda: dispute(worker3, key), registered_by=worker3)
    again, created = once.save_once(Dispute, key, lambda: dispute(worker3, key), registered_by=worker3)
    assert (again, created, Dispute.objects.count()) == (first, False, 1)


def test_save_once_refuses_another_owners_key_with_a_message(tree, worker3):
    key = uuid.uuid4()
    dispute(worker3, key)
    other = make_user()
    with pytest.raises(ValidationError) as refused:
        once.save_once(Dispute, key, lambda: dispute(other, key), registered_by=other)
    assert refused.value.code == "token_used"


def test_save_once_does_not_hide_another_integrity_error(tree, worker3):
    def broken():
        raise IntegrityError("not about the key")

    with pytest.raises(IntegrityError):
        once.save_once(Dispute, uuid.uuid4(), broken, registered_by=worker3)


def test_without_a_key_save_once_saves_every_time(tree, worker3):
    once.save_once(Dispute, None, lambda: dispute(worker3, None))
    once.save_once(Dispute, None, lambda: dispute(worker3, None))
    assert Dispute.objects.count() == 2
