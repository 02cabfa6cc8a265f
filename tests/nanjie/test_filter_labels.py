"""Every list's filters read 全部 / 是 / 否: no Django "---------" and no 未知 (an unfiltered list is not an unknown
answer); radio lists offer only real answers."""

import django_filters
import pytest
from django.conf import settings
from django.urls import get_resolver, reverse

from nanjie.filtering import YesNoFilter


def _filtersets():
    get_resolver().url_patterns  # noqa: B018 - importing every view imports every FilterSet
    found, todo = [], [django_filters.FilterSet]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] in ("grid", "partners", "volunteers", "requests", "nanjie"):
                found.append(sub)
    return found


FILTERS = [(f"{fs.__module__}.{fs.__name__}.{name}", f) for fs in _filtersets() for name, f in fs.base_filters.items()]
CHOICES = (django_filters.ChoiceFilter, django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)


def test_the_project_has_filtersets_to_check():
    assert len(FILTERS) > 20


@pytest.mark.parametrize("where,f", [item for item in FILTERS if isinstance(item[1], django_filters.BooleanFilter)])
def test_every_yes_no_filter_reads_all_yes_no(where, f):
    assert isinstance(f, YesNoFilter), where


@pytest.mark.parametrize("where,f", [item for item in FILTERS if isinstance(item[1], CHOICES)])
def test_no_choice_filter_offers_dashes(where, f):
    assert str(f.extra.get("empty_label", settings.FILTERS_EMPTY_CHOICE_LABEL)) != "---------", where


def test_the_yes_no_select_reads_all_yes_no():
    assert [str(label) for _value, label in YesNoFilter().field.widget.choices] == ["全部", "是", "否"]


def test_the_households_page_has_no_dashes_or_unknown(client, db):
    from tests.factories import make_grid_worker, make_tree

    make_tree(grids=1, micro_per_grid=2)
    client.force_login(make_grid_worker("NJ-01", "worker1"))
    page = client.get(reverse("field:households")).content.decode()
    assert "---------" not in page
    assert "未知" not in page


def test_the_three_ways_radio_list_has_only_the_three_ways(db):
    from grid.assistance.forms import ServiceForm
    from grid.assistance.models import ServiceRecord
    from tests.factories import make_grid_worker, make_tree
    from tests.grid.factories import make_household

    make_tree(grids=3, micro_per_grid=2)
    form = ServiceForm(household=make_household("NJ-03-01"), user=make_grid_worker("NJ-03", "worker3"))
    assert [value for value, _label in form.fields["way"].choices] == ServiceRecord.Way.values
