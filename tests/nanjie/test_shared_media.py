"""Residents' photos on a storage every app server shares: a folder (a shared mount) or an S3-compatible bucket.

Nothing in the photo path may assume a local file: the photo saved by one server is read back through the
storage alone (Django's InMemoryStorage has no .path()). The bucket is private and never overwritten.
"""

import pytest
from django.core.files.storage import InMemoryStorage, default_storage

from nanjie.settings import media_storage
from requests.models import Request
from tests.requests.public_helpers import community, upload, wish_post


@pytest.fixture
def no_local_files(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.mark.django_db
def test_a_photo_is_sent_and_shown_through_a_storage_that_has_no_local_path(no_local_files, client):
    client.post("/wish/", {**wish_post(community()[0]), "photos": [upload()]})
    wish = Request.objects.get()
    response = client.get(f"/requests/photo/{wish.photos.get().pk}/", {"t": wish.token})
    assert isinstance(default_storage._wrapped, InMemoryStorage)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_without_a_bucket_photos_go_to_the_media_folder(monkeypatch):
    monkeypatch.delenv("DJANGO_MEDIA_S3_BUCKET", raising=False)
    assert media_storage()["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_bucket_is_private_signed_and_never_overwritten(monkeypatch):
    from storages.backends.s3 import S3Storage

    monkeypatch.setenv("DJANGO_MEDIA_S3_BUCKET", "nanjie-photos")
    monkeypatch.setenv("DJANGO_MEDIA_S3_ENDPOINT", "https://oss-cn-kunming.example.cn")
    storage = S3Storage(**media_storage()["OPTIONS"])  # built, not connected: no request leaves the machine
    assert (storage.bucket_name, storage.endpoint_url, storage.location) == (
        "nanjie-photos", "https://oss-cn-kunming.example.cn", "media")
    assert (storage.default_acl, storage.querystring_auth, storage.file_overwrite) == (None, True, False)
