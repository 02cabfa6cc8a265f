"""Blocks an upper floor adds to a need's page (the residents' requests it was promoted from), registered in the
upper app's AppConfig.ready(): partners shows them without importing or naming that app."""

from nanjie.registry import Registry

need_sections = Registry("need page section")


def sections_for(need, user):
    return [section.for_record(need, user, kind="need") for section in need_sections]
