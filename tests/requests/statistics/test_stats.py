import pytest
from django.core.cache import cache
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_the_figures_page_counts_the_seeded_community(client):
    call_command("seed", stdout=open("/dev/null", "w"))
    page = client.get("/stats/").content.decode()
    assert "1 / 27 / 247" in page
    assert "14 / 6" in page


def test_the_figures_page_shows_no_phone_number(client):
    call_command("seed", stdout=open("/dev/null", "w"))
    page = client.get("/stats/").content.decode()
    import re

    assert not re.search(r"1[3-9]\d{9}", page)


def test_the_figures_page_answers_on_an_empty_database(client):
    assert client.get("/stats/").status_code == 200
