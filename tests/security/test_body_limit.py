"""Request bodies are bounded before anything reads them (nanjie.middleware.BodyLimitMiddleware), and the NUL
check reads a form body only for a routed view (issue 17, hole 6)."""

from unittest import mock

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http.multipartparser import MultiPartParser
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

LIMIT = 1024 * 1024


def big_post(url, size=LIMIT + 1):
    return Client().post(url, {"file": SimpleUploadedFile("a.bin", b"x" * size)})


@override_settings(MAX_REQUEST_BYTES=LIMIT)
def test_a_body_above_the_limit_is_a_413_with_a_chinese_page():
    response = big_post("/nowhere/")
    assert response.status_code == 413
    assert "太大" in response.content.decode()


@override_settings(MAX_REQUEST_BYTES=LIMIT)
def test_a_body_above_the_limit_is_never_parsed():
    with mock.patch.object(MultiPartParser, "parse", side_effect=AssertionError("parsed")) as parse:
        big_post("/wish/")
    assert not parse.called


@override_settings(MAX_REQUEST_BYTES=LIMIT)
def test_a_declared_length_above_the_limit_is_refused_whatever_was_sent():
    response = Client().post("/wish/", b"", content_type="text/plain", CONTENT_LENGTH=str(LIMIT * 50))
    assert response.status_code == 413


@override_settings(MAX_REQUEST_BYTES=LIMIT)
def test_a_body_under_the_limit_goes_through():
    assert big_post("/nowhere/", size=1000).status_code == 404


def test_the_limit_matches_the_proxys_client_max_body_size():
    nginx = (settings.BASE_DIR / "bench" / "nginx.conf").read_text()
    assert f"client_max_body_size {settings.MAX_REQUEST_BYTES // (1024 * 1024)}m;" in nginx


def test_the_readme_documents_the_limit_in_production():
    readme = (settings.BASE_DIR / "README.md").read_text()
    production = readme[readme.index("## Production"):]
    assert "NANJIE_MAX_REQUEST_BYTES" in production
    assert "client_max_body_size" in production


def test_a_multipart_post_to_an_unknown_address_reads_no_file_part():
    with mock.patch.object(MultiPartParser, "parse", side_effect=AssertionError("parsed")) as parse:
        response = big_post("/nowhere/", size=1000)
    assert (response.status_code, parse.called) == (404, False)


def test_a_nul_in_a_multipart_field_of_a_routed_form_is_still_a_400():
    response = Client().post("/wish/", {"text": "a\x00b", "photos": SimpleUploadedFile("a.jpg", b"x")})
    assert response.status_code == 400
