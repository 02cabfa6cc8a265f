"""Residents' photos: checked by content (not by name), re-encoded to JPEG, stripped of EXIF/GPS.

Re-encoding from pixels drops every metadata block (EXIF with GPS, XMP, comments) and any payload hidden
after the image data; the orientation is applied first so the photo still shows the right way up.
"""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
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
