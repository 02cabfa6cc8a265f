"""Helpers for the resident-side tests: a small community, a wish ordered through the model, photo bytes."""

import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from grid.models import GridNode
from requests.models import Request
from tests.factories import make_category, make_person, make_tree, make_unit


def community():
    """Two grids of two micro-grids (NJ-01-01 …), a category and a unit handling it."""
    make_tree(grids=2, micro_per_grid=2)
    category = make_category(code="env", name="环境卫生")
    unit = make_unit(name="县人民医院", duties=[category])
    return category, unit


def micro(code="NJ-01-01"):
    return GridNode.objects.get(code=code)


def order(category, code="NJ-01-01", **fields):
    fields.setdefault("text", "楼道灯坏了")
    fields.setdefault("channel", Request.Channel.ONLINE)
    return Request.order(category=category, micro_grid=micro(code), **fields)


def publicise(wish, unit, note="已更换楼道灯", name="王建国"):
    """Put a request on the board directly (the staff transitions are tested on their own)."""
    acceptor = make_person(name=name)
    now = timezone.now()
    Request.objects.filter(pk=wish.pk).update(
        state=Request.State.PUBLICISED, unit=unit, acceptor=acceptor, deadline=now, dispatched_at=now,
        accepted_at=now, closed_at=now, publicised_at=now, closure_note=note,
    )
    wish.refresh_from_db()
    return wish


def close(wish, unit, note="已更换楼道灯"):
    publicise(wish, unit, note)
    Request.objects.filter(pk=wish.pk).update(state=Request.State.CLOSED, publicised_at=None)
    wish.refresh_from_db()
    return wish


def jpeg_bytes(size=(64, 48), exif=None, fmt="JPEG"):
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def upload(content=None, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content if content is not None else jpeg_bytes(), content_type=content_type)


def wish_post(category, code="NJ-01-01", **fields):
    data = {
        "category": category.pk, "text": "楼道灯坏了，晚上看不见", "micro_grid": code,
        "resident_name": "", "resident_phone": "", "submission": str(uuid.uuid4()),
    }
    data.update(fields)
    return data
