import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.mark.django_db
def test_the_figures_page_answers_on_an_empty_database(client):
    # First in the file: before the module's seed below.
    assert client.get("/stats/").status_code == 200


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The whole seed once for the module (a minute), rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", stdout=open("/dev/null", "w"))
        yield
        transaction.set_rollback(True)


def test_the_figures_page_counts_the_seeded_community(seeded, db, client):
    page = client.get("/stats/").content.decode()
    assert "1 / 27 / 247" in page
    assert "14 / 6" in page


def test_the_figures_page_shows_none_of_the_seeded_residents_names_or_phones(seeded, db, client):
    # The seeded values themselves, not a phone pattern: a page of aggregates would pass any pattern.
    from grid.models import Household
    from requests.models import Request

    page = client.get("/stats/").content.decode()
    personal = {value for pair in Request.objects.values_list("resident_name", "resident_phone") for value in pair}
    personal |= {value for pair in Household.objects.values_list("contact_name", "contact_phone") for value in pair}
    personal = {value for value in personal if value and len(value) >= 2}
    assert len(personal) > 100  # the seed gave the page something to leak
    assert sorted(value for value in personal if value in page) == []
