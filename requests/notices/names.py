"""The names of people the portal knows that occur in a text: what nanjie.personal_data is given to look for.

Looked up by the text's own two-to-four-character runs (nanjie.personal_data.name_candidates), so the cost does
not grow with the rosters: one indexed IN per table.
"""

from nanjie.personal_data import name_candidates


def known_names(wish, text):
    """The request's resident, household contacts, people helped by pairs and services, residents of the
    micro-grid's requests, and every person on the rosters, when their name occurs in `text`."""
    from grid.models import AssistancePair, Household, Person, ServiceRecord

    names = {wish.resident_name}
    candidates = sorted(name_candidates(text))
    if not candidates:
        return names
    names.update(Person.objects.filter(name__in=candidates).values_list("name", flat=True))
    names.update(Household.objects.filter(contact_name__in=candidates).values_list("contact_name", flat=True))
    names.update(AssistancePair.objects.filter(member_name__in=candidates).values_list("member_name", flat=True))
    names.update(ServiceRecord.objects.filter(person_name__in=candidates).values_list("person_name", flat=True))
    names.update(type(wish).objects.filter(micro_grid_id=wish.micro_grid_id, resident_name__in=candidates)
                 .values_list("resident_name", flat=True))
    return names
