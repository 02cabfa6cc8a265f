"""The one yes/no filter of every list: 全部 / 是 / 否, not Django's 未知 / 是 / 否 (a "not filtered" choice is
not an unknown answer). Empty choices of the other filters read 全部 (FILTERS_EMPTY_CHOICE_LABEL in settings)."""

import django_filters
from django.forms import NullBooleanSelect
from django.utils.translation import gettext_lazy as _


class AllYesNoSelect(NullBooleanSelect):
    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", _("All")), ("true", _("Yes")), ("false", _("No")))


class YesNoFilter(django_filters.BooleanFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", AllYesNoSelect)
        super().__init__(*args, **kwargs)
