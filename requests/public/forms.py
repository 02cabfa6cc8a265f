"""The resident's forms: the micro-wish and the rating. They validate and convert; the model acts."""

import unicodedata

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from grid.territory.models import GridNode
from nanjie.once import OnceOnlyForm
from nanjie.phones import PhoneFormField
from nanjie.photos import MAX_PHOTOS, clean_photo
from partners.units.models import Category
from requests.lifecycle.models import Request
from requests.lifecycle.resident import TEXT_LIMIT


def micro_grid_choices():
    """Micro-grids grouped by their grid, in tree order: one query."""
    groups, current, options = [], None, None
    nodes = (GridNode.objects.of_community().filter(kind=GridNode.Kind.MICRO_GRID).select_related("parent")
             .only("code", "name", "parent__name").order_by("tree_id", "lft"))
    for node in nodes:
        if node.parent_id != current:
            current, options = node.parent_id, []
            groups.append((node.parent.name if node.parent else "", options))
        options.append((node.code, node.name))
    return [("", _("— choose where —"))] + groups


class PlaceField(forms.ChoiceField):
    def valid_value(self, value):
        return True  # the form's clean_micro_grid looks the code up: any micro-grid of the community


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """The uploads, counted and size-checked only: WishForm decodes them once every other field is valid."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*", "multiple": True}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [upload for upload in (data if isinstance(data, (list, tuple)) else [data]) if upload]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(_("Attach at most %(count)d photos."), code="too_many", params={"count": MAX_PHOTOS})
        return files


def decoded_photos(files):
    """CleanPhotos of the uploads, or a ValidationError naming every photo refused."""
    errors, photos = [], []
    for upload in files:
        try:
            photos.append(clean_photo(upload))
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError(errors)
    return photos


class WishForm(OnceOnlyForm, forms.Form):
    once_key = "submission"  # bench/wrk and the posters' clients post this name
    expired_message = _("This page had expired. Everything you typed is kept: check it and press "
                        "“Send my micro-wish” again.")

    category = forms.ModelChoiceField(
        label=_("What is it about?"), queryset=Category.objects.filter(active=True), empty_label=_("— choose —"),
        error_messages={"required": _("Choose what it is about."),
                        "invalid_choice": _("Choose one of the categories in the list.")},
    )
    text = forms.CharField(
        label=_("What do you need?"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In your own words, up to 1000 characters: what, where exactly, since when."),
        error_messages={"required": _("Tell us what you need."),
                        "max_length": _("Please keep it under 1000 characters (you wrote %(show_value)d).")},
    )
    micro_grid = PlaceField(
        label=_("Where?"),
        help_text=_("Your building or compound: search for it above, or find your grid, then your micro-grid."),
        error_messages={"required": _("Choose where it is."),
                        "invalid_choice": _("Choose a place from the list.")},
    )
    resident_name = forms.CharField(
        label=_("Your name (optional)"), max_length=50, required=False,
        help_text=_("Shown only as 张** on public pages."),
        error_messages={"max_length": _("A name has at most 50 characters (you wrote %(show_value)d).")},
    )
    resident_phone = PhoneFormField(
        label=_("Your phone (optional)"), required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("So the person who helps you can call you. Never shown in public."),
    )
    photos = PhotosField(label=_("Photos (optional)"), required=False,
                         help_text=_("Up to 3 photos, each under 5 MB."))
    from_wall = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, places=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The list is for the page; a posted code is looked up by clean_micro_grid (a quarter of a POST's
        # time went into building 247 choices nobody saw). Re-rendering an invalid form builds it then.
        # After a place search (requests/public/places.py) only the places found are offered, by their names.
        if places:  # a few big radio buttons, each named by compound and building, instead of a long list
            self.fields["micro_grid"].widget = forms.RadioSelect(attrs={"class": "place-choice"})
            self.fields["micro_grid"].choices = [(place.code, place.label) for place in places]
        else:
            self.fields["micro_grid"].choices = micro_grid_choices if self.is_bound else micro_grid_choices()
        self.fields["text"].widget.attrs["maxlength"] = TEXT_LIMIT
        self.fields["category"].widget.attrs["class"] = "big"

    def clean(self):
        cleaned = super().clean()
        # Decoding is the costly part of an anonymous POST: only for a form that is otherwise valid, so a page of
        # junk with three huge photos costs a lookup, not seconds of a worker (issue 17).
        if not self.errors and cleaned.get("photos"):
            try:
                cleaned["photos"] = decoded_photos(cleaned["photos"])
            except ValidationError as error:
                self.add_error("photos", error)
        return cleaned

    def clean_micro_grid(self):
        code = self.cleaned_data["micro_grid"]
        node = GridNode.objects.micro_grid_of_community(code)
        if node is None:
            raise ValidationError(_("Choose a place from the list."), code="unknown_grid")
        return node


class LookupForm(forms.Form):
    """查进度: the reference and the phone number given with the wish."""

    reference = forms.CharField(
        label=_("Reference"), max_length=24, help_text=_("As on your slip or your tracking page, e.g. NJ-2026-000123."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("Enter the reference of your micro-wish."),
                        "max_length": _("A reference has at most 24 characters (you wrote %(show_value)d).")},
    )
    phone = PhoneFormField(
        label=_("The phone number you gave"), required=True,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"required": _("Enter the phone number you gave with your micro-wish.")},
    )

    def clean_reference(self):
        return unicodedata.normalize("NFKC", self.cleaned_data["reference"]).strip().upper().replace(" ", "")


class RatingForm(forms.Form):
    rating = forms.ChoiceField(label=_("Are you satisfied with how it was handled?"), choices=Request.Rating.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": _("Choose one of the three answers.")})
    comment = forms.CharField(
        label=_("Anything to add? (needed if you are not satisfied)"), required=False, max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Please keep it under 1000 characters (you wrote %(show_value)d).")},
    )

    def clean(self):
        data = super().clean()
        if data.get("rating") == Request.Rating.UNSATISFIED and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Tell us what is still wrong, so it can be put right."))
        return data


class BoardFilter(django_filters.FilterSet):
    """The closure board's filters: a grid (with all its micro-grids) and a category, both by code."""

    grid = django_filters.ModelChoiceFilter(
        label=_("Grid"), queryset=lambda request: GridNode.objects.of_community().filter(kind=GridNode.Kind.GRID)
        .order_by("tree_id", "lft"),
        to_field_name="code", method="in_grid", empty_label=_("All grids"),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=Category.objects.all(), to_field_name="code", empty_label=_("All categories"),
    )

    class Meta:
        model = Request
        fields = ["grid", "category"]

    def in_grid(self, queryset, name, value):
        return queryset.filter(micro_grid__in=GridNode.objects.subtree_of([value]))
