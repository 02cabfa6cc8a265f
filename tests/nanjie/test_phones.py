"""Phone numbers: mainland mobiles and landlines, validated and stored in one normal form."""

import pytest
from django.core.exceptions import ValidationError

from nanjie.masking import mask_name, mask_phone
from nanjie.phones import normalise_phone
from tests.factories import make_person


@pytest.mark.parametrize("raw, stored", [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("+86 138-1234-5678", "13812345678"),
    ("008613812345678", "13812345678"),
    ("0878-5712345", "0878-5712345"),
    ("(0878)57123456", "0878-57123456"),
    ("010 12345678", "010-12345678"),
])
def test_phone_numbers_are_stored_in_one_normal_form(raw, stored):
    assert normalise_phone(raw) == stored


@pytest.mark.parametrize("raw", ["12345", "12812345678", "1381234567", "abc", "5712345", "138123456789"])
def test_bad_phone_numbers_are_refused(raw):
    with pytest.raises(ValidationError) as refused:
        normalise_phone(raw)
    assert refused.value.code == "invalid_phone"


@pytest.mark.django_db
def test_a_person_is_saved_with_the_normal_form():
    assert make_person(phone="+86 139 0000 1111").phone == "13900001111"


@pytest.mark.django_db
def test_a_person_with_a_bad_phone_fails_validation_on_the_phone_field():
    person = make_person()
    person.phone = "12345"
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert list(error.value.message_dict) == ["phone"]


def test_public_pages_mask_phones_and_names():
    assert (mask_phone("13812345678"), mask_name("张三丰")) == ("138****5678", "张**")


@pytest.mark.django_db
def test_admin_finds_a_person_by_a_phone_typed_with_spaces(admin_client):
    make_person(name="电话甲", phone="13812345678")
    response = admin_client.get("/admin/grid/person/", {"q": "138 1234 5678"})
    assert "电话甲" in response.content.decode()


def test_the_model_field_normalises_what_full_clean_is_given(db):
    from grid.models import Person

    person = Person(name="王芳", phone="+86 138-1234-5678")
    person.full_clean()
    assert person.phone == "13812345678"


def test_the_model_field_refuses_a_wrong_phone_with_its_code(db):
    from grid.models import Person

    with pytest.raises(ValidationError) as refused:
        Person(name="王芳", phone="12345").full_clean()
    assert refused.value.error_dict["phone"][0].code == "invalid_phone"


def test_every_phone_we_keep_is_the_one_field():
    from django.apps import apps

    from nanjie.phones import PhoneField

    other = [f"{model._meta.label}.{field.name}" for model in apps.get_models() for field in model._meta.fields
             if "phone" in field.name and not model.__name__.startswith("Historical")
             and not isinstance(field, PhoneField)]
    assert other == []


def test_a_form_built_from_the_model_normalises_the_phone(db):
    from django import forms

    from grid.models import Person

    form = forms.modelform_factory(Person, fields=["name", "phone"])({"name": "王芳", "phone": "0878 5712345"})
    assert form.is_valid()
    assert form.cleaned_data["phone"] == "0878-5712345"
