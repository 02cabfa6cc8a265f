"""Photo bytes for the tests of every floor: a small JPEG (or PNG), optionally carrying EXIF with GPS, as an upload."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def gps_exif():
    """EXIF as a phone writes it: maker, time and where the photo was taken (25°30' N, 101°14' E: Yao'an)."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:05:01 10:00:00"  # DateTime
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (25.0, 30.0, 0.0), 3: "E", 4: (101.0, 14.0, 0.0)})
    return exif


def jpeg_bytes(size=(64, 48), exif=None, fmt="JPEG"):
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def upload(content=None, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content if content is not None else jpeg_bytes(), content_type=content_type)


def has_gps(content):
    return bool(Image.open(io.BytesIO(content)).getexif().get_ifd(GPS_IFD))


def exif_of(content):
    return dict(Image.open(io.BytesIO(content)).getexif())
