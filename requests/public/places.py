"""Finding one's place by compound and building: "栋川花园 3幢" → 第3网格第2微网格.

Nobody knows their micro-grid's number, everybody knows their compound and building. The names come from what
the grid pages already hold: the compounds and buildings of the registered households, and each micro-grid's
"what it covers" (栋川花园3幢、15幢). Only those place names are shown, never a household, a room or a person.
"""

import re
import unicodedata
from dataclasses import dataclass

from grid.households.filters import ADDRESS_TOKEN, NAME_SEPARATORS
from grid.households.models import Household
from grid.territory.models import GridNode

QUERY_LIMIT = 50  # characters of a search that are read
MAX_PLACES = 30  # places listed for one search: more means "type more of the name"
BUILDING_MARKERS = {None, "幢", "栋", "号楼", "楼"}  # a number with one of these (or none) is a building
GRID_NAME = re.compile(r"第\s*\d+\s*(?:微网格|网格)")


@dataclass(frozen=True)
class Place:
    code: str  # the micro-grid's code, the value the forms post
    label: str  # "栋川花园 3幢 → 第3网格第2微网格"


def parse(text):
    """(words of the compound's name, building numbers) of what a resident typed; NFKC, so ３幢 is 3幢."""
    text = unicodedata.normalize("NFKC", text or "")[:QUERY_LIMIT].strip()
    # "第3网格", "第3网格第2微网格": a grid's or micro-grid's own name is a word, its number no building number.
    grid_names = [re.sub(r"\s+", "", name) for name in GRID_NAME.findall(text)]
    text = GRID_NAME.sub(" ", text)
    words, buildings, last = grid_names, [], 0
    for token in ADDRESS_TOKEN.finditer(text):
        words.append(text[last:token.start()])
        last = token.end()
        if token["dashed"]:
            buildings.append(token["dashed"].split("-")[0])
        elif token["marker"] in BUILDING_MARKERS:
            buildings.append(token["number"])
    words.append(text[last:])
    return [word for chunk in words for word in NAME_SEPARATORS.split(chunk) if word], buildings


def _covers(micro_grid, words, buildings):
    """Whether a micro-grid's own texts (its name, its grid's, what it covers) name every word and building."""
    haystack = f"{micro_grid.name} {micro_grid.parent.name if micro_grid.parent else ''} {micro_grid.description}"
    if not all(word.casefold() in haystack.casefold() for word in words):
        return False
    return all(re.search(rf"(?<!\d){number}\s*(?:幢|栋|号楼|楼)", micro_grid.description) for number in buildings)


def find(text, among=None):
    """The places matching a search, at most MAX_PLACES (then `more` is True): two queries whatever the size.

    `among` narrows to a queryset of micro-grids (a worker's working area); by default the community's.
    """
    words, buildings = parse(text)
    if not words and not buildings:
        return [], False
    micro_grids = among if among is not None else GridNode.objects.of_community()
    micro_grids = micro_grids.filter(kind=GridNode.Kind.MICRO_GRID)
    nodes = {node.pk: node for node in micro_grids.select_related("parent").only(
        "code", "name", "description", "parent__name").order_by("tree_id", "lft")}
    households = Household.objects.filter(micro_grid__in=micro_grids)
    for word in words:
        households = households.filter(compound__icontains=word)
    if buildings:
        households = households.filter(building__in=buildings)
    pairs = (households.exclude(compound="").values_list("compound", "building", "micro_grid_id").distinct()
             .order_by("compound", "building", "micro_grid_id")[:MAX_PLACES + 1])
    places, seen = [], set()
    for compound, building, node_id in sorted(pairs, key=lambda pair: (pair[0], len(pair[1]), pair[1], pair[2])):
        node = nodes.get(node_id)
        if node is None:
            continue
        where = f"{compound} {building}幢" if building else compound
        places.append(Place(node.code, f"{where} → {node.name}"))
        seen.add(node.pk)
    for node in nodes.values():
        if node.pk not in seen and _covers(node, words, buildings):
            places.append(Place(node.code, f"{node.description[:40]} → {node.name}" if node.description else node.name))
    return places[:MAX_PLACES], len(places) > MAX_PLACES
