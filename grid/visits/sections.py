"""Blocks an upper floor adds to a household's or a visit's page (the requests raised from them), registered in
the upper app's AppConfig.ready(): the ground floor shows them without importing that app."""

from nanjie.registry import Registry

record_sections = Registry("household or visit page section")


def sections_for(record, user, kind):
    """The registered sections' contexts for this record ("household" or "visit"), in order."""
    return [section.for_record(record, user, kind=kind) for section in record_sections]
