"""The portal's photos (a resident's wish, a unit's delivery, a grid worker's visit): checked by content (not by
name), re-encoded to JPEG, stripped of EXIF/GPS, stored in the media storage (settings.STORAGES["default"]: the
shared folder or the private bucket) under a random name, and served only by a view that checked access.

Re-encoding from pixels drops every metadata block (EXIF with GPS, XMP, comments) and any payload hidden
after the image data; the orientation is applied first so the photo still shows the right way up.
"""

import io
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTOS = 3
MAX_BYTES = 5 * 1024 * 1024
# A phone's photo is 12 MP at most; anything larger is refused from its header, before a pixel is decoded (a
# 40 MP PNG took two seconds and 160 MB of a worker to decode, and anyone may send three).
MAX_PIXELS = 12_500_000
MAX_SIDE = 2000  # enough to see a broken lamp; keeps files small for phones
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "BMP", "MPO"}


@dataclass(frozen=True)
class CleanPhoto:
    content: bytes
    width: int
    height: int

    @property
    def file_name(self):
        return f"{uuid.uuid4().hex}.jpg"


def clean_photo(upload):
    """Return a CleanPhoto from an uploaded file, or raise ValidationError with a message for the resident."""
    name = getattr(upload, "name", "") or ""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The photo %(name)s is larger than 5 MB. Choose a smaller photo."), code="too_large",
            params={"name": name},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise UnidentifiedImageError(probe.format)
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(
                    _("The photo %(name)s has too many pixels (at most 12 megapixels). Choose a smaller photo, or "
                      "take it again at a lower resolution."), code="too_many_pixels", params={"name": name})
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # a JPEG is decoded at the smallest scale that is still enough
            image.load()
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=85, optimize=True)
            return CleanPhoto(out.getvalue(), image.width, image.height)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file %(name)s is not a photo we can read. Choose a JPEG or PNG photo."), code="not_an_image",
            params={"name": name},
        ) from None


class PhotoField(forms.FileField):
    """One optional photo on a staff form, decoded as it is cleaned: its value is a CleanPhoto (or None). On a phone
    the input offers the camera and the gallery (accept="image/*"); its tap target is the field's full width."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("One photo, under 5 MB. Where and when it was taken is removed."))
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "image/*", "class": "photo-input"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return clean_photo(upload) if upload else None


def as_file(photo):
    """A CleanPhoto as a file to assign to a model's FileField: the model's save writes it (inside
    removed_on_failure)."""
    return ContentFile(photo.content, name=photo.file_name)


def store(field_file, photo):
    """Write a CleanPhoto into the media storage, in its field's folder under a random name; the stored name."""
    field_file.save(photo.file_name, ContentFile(photo.content), save=False)
    return field_file.name


@contextmanager
def removed_on_failure(field_file):
    """A photo is kept only with the row that names it: a file written for `field_file` inside the block (by the
    model's save, or store()) is deleted again when the block fails, so nothing is half-saved."""
    before = field_file.name if field_file._committed else None
    try:
        yield
    except BaseException:
        if field_file and field_file._committed and field_file.name != before:
            field_file.storage.delete(field_file.name)
        raise


def serve(field_file):
    """The photo, to whoever the calling view let through, never cached by a shared cache; 404 without a file."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def preview(url):
    """A thumbnail for admin, through the view that checks access (media/ is never served by URL)."""
    return format_html('<a href="{0}"><img src="{0}" alt="{1}" width="120" loading="lazy"></a>', url, _("Photo"))
