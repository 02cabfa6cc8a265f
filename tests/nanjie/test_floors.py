"""The floors depend one way (grid ← partners ← volunteers ← requests, all on nanjie/), by strings too.

Imports are checked by import-linter (pyproject.toml, `make lint`, .ci/run). What it cannot see is a floor
naming one above it in a string: a dotted module path, a model label or permission ("requests.view_request"),
a URL name ("requests:record") or an upper app's template. Those are found here in every module (string
literals, parsed with ast) and every template ({% url %}, {% include %}, {% extends %}); only the wiring
(nanjie/settings.py, nanjie/urls.py), which names every app by design, is exempt.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ["nanjie", "grid", "partners", "volunteers", "requests"]
NAMESPACES = {"grid": "grid", "field": "grid", "partners": "partners", "volunteers": "volunteers",
              "requests": "requests"}
WIRING = {"nanjie/settings.py", "nanjie/urls.py"}
DOTTED = re.compile(r"^(grid|partners|volunteers|requests)\.[A-Za-z_][\w.]*$")
URL_NAME = re.compile(r"^(grid|field|partners|volunteers|requests):[\w-]+$")
TEMPLATE = re.compile(r"^(grid|partners|volunteers|requests)/[\w/.-]+\.html$")
TEMPLATE_TAG = re.compile(r"{%\s*(?:url|include|extends)\s+['\"]([^'\"]+)['\"]")


def floor_of(path):
    """The floor a file stands on: its app, or nanjie for the portal's own code and shared templates."""
    parts = Path(path).parts
    if parts[0] == "templates":
        return parts[1] if len(parts) > 2 and parts[1] in FLOORS else "nanjie"
    return parts[0]


def floor_named(text):
    """The floor a string names, or None when it names none of ours."""
    if DOTTED.match(text) or TEMPLATE.match(text):
        return re.split(r"[./]", text, maxsplit=1)[0]
    if URL_NAME.match(text):
        return NAMESPACES[text.split(":")[0]]
    return None


def python_strings(source):
    return [node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)
            and isinstance(node.value, str)]


def upward_strings(path, source):
    """(string, floor) for every string in the file that names a floor above the file's own."""
    strings = python_strings(source) if str(path).endswith(".py") else TEMPLATE_TAG.findall(source)
    own = FLOORS.index(floor_of(path))
    return [(text, floor) for text in strings if (floor := floor_named(text)) and FLOORS.index(floor) > own]


def project_files():
    for floor in FLOORS:
        for path in sorted((ROOT / floor).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and relative not in WIRING:
                yield relative
    for path in sorted((ROOT / "templates").rglob("*.html")):
        yield path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", list(project_files()))
def test_no_file_names_a_floor_above_its_own(path):
    assert upward_strings(path, (ROOT / path).read_text(encoding="utf-8")) == []


def test_a_permission_of_an_upper_floor_in_a_lower_one_is_found():
    source = 'user.has_perm("requests.record_request")'
    assert upward_strings("grid/visits/views.py", source) == [("requests.record_request", "requests")]


def test_a_dotted_module_path_of_an_upper_floor_is_found():
    assert upward_strings("grid/apps.py", 'STEPS = ["partners.units.seed"]') == [("partners.units.seed", "partners")]


def test_an_upper_floors_url_name_in_a_lower_template_is_found():
    source = '<a href="{% url \'requests:record\' %}">'
    assert upward_strings("templates/grid/visits/visit_detail.html", source) == [("requests:record", "requests")]


def test_an_upper_floors_template_included_by_a_lower_one_is_found():
    source = '{% include "requests/staff/_panel.html" %}'
    assert upward_strings("templates/me.html", source) == [("requests/staff/_panel.html", "requests")]


def test_a_string_naming_a_lower_floor_is_allowed():
    assert upward_strings("requests/apps.py", 'roles.grant(x, "grid.view_gridnode")') == []
