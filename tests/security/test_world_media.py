"""tests/security/world.py builds its world before any test's MEDIA_ROOT applies: it must leave media/ alone.

(Its foreign request's photo used to land in the project's media/, one more foreign_*.jpg per run.)
"""

import pytest
from django.core.files.storage import default_storage

from tests.requests.staff_world import fast_passwords  # noqa: F401 (fixture)
from tests.security.world import build_world

pytestmark = pytest.mark.django_db


def _files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def test_building_the_world_writes_nothing_into_the_media_root_of_the_moment(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "project-media"
    build_world()
    assert _files(tmp_path) == []


def test_a_test_that_needs_the_photo_file_gets_it_in_its_own_media_root(settings, tmp_path):
    world = build_world()
    settings.MEDIA_ROOT = tmp_path / "this-test"
    photo = world.ensure_photo_file()
    assert default_storage.exists(photo.image.name)
    assert _files(tmp_path / "this-test")
