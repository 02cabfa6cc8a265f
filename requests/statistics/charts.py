"""Server-side SVG charts (pygal), inlined in the page: no JavaScript, no inline style (CSP `default-src 'self'`).

pygal writes a <style> and a <script> into each chart; both are cut out here. The chart's look comes from the
static stylesheet css/requests-charts.css, made once from pygal's own CSS by `chart_css()` (each selector
under `.pygal-chart`, so nothing leaks onto the page): regenerate it if pygal or STYLE changes
(tests/requests/statistics/test_charts.py compares the two). Every chart has its numbers in a table beside it.
"""

import html
import re

import pygal
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from pygal.style import Style

# Large type and high contrast (house style: readable by an 80-year-old on a phone).
STYLE = Style(font_family="'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", background="white",
              plot_background="white", foreground="#111", foreground_strong="#000", foreground_subtle="#333",
              label_font_size=14, major_label_font_size=14, legend_font_size=16, title_font_size=18,
              value_font_size=14, tooltip_font_size=14,
              colors=("#b71c1c", "#0d47a1", "#1b5e20", "#e65100", "#4a148c", "#006064", "#3e2723", "#263238"))
_CUT = re.compile(r"<style[^>]*>.*?</style>|<script[^>]*>.*?</script>|<!--.*?-->|\sstyle=\"[^\"]*\"", re.S)
_LONG_DECIMAL = re.compile(r"(\d+\.\d{2})\d+")
# Fits the phone's width; the tooltips need JavaScript, which the page does not run.
_EXTRA = ".pygal-chart{width:100%;height:auto;max-width:640px}\n.pygal-chart .tooltip{display:none}\n"


def _config(kind, width=480, height=400, **options):
    # A phone's width: drawn at 480 and scaled to 390 px the type stays large.
    return kind(style=STYLE, no_prefix=True, disable_xml_declaration=True, js=[], width=width, height=height,
                legend_at_bottom=True, legend_at_bottom_columns=1, print_values=False,
                no_data_text=str(_("No records in this period")), **options)


def _svg(chart, title):
    # pygal builds the SVG with an XML library: labels and titles arrive escaped.
    svg = _CUT.sub("", chart.render(is_unicode=True))
    # Coordinates to two decimals: a long run of digits (153.84615384) must not read as a phone number.
    svg = _LONG_DECIMAL.sub(r"\1", svg)
    svg = svg.replace('id=""', 'role="img"', 1).replace(">", f' aria-label="{_attr(title)}">', 1)
    return mark_safe(svg)  # noqa: S308 - built by pygal from escaped text, styles and scripts removed


def _attr(text):
    return str(text).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def bars(title, labels, series, horizontal=False):
    """A bar chart: labels along the axis, series = [(name, [value per label])]."""
    if horizontal:  # one row per label (27 grids): as tall as they need
        chart = _config(pygal.HorizontalBar, height=max(400, 28 * len(labels) + 40 * len(series) + 120))
    else:
        chart = _config(pygal.Bar, height=400 + 30 * len(series), x_label_rotation=45)
    chart.title = str(title)
    # pygal draws a horizontal chart's first label at the bottom: reversed, the first grid reads first.
    order = slice(None, None, -1) if horizontal else slice(None)
    chart.x_labels = [str(label) for label in labels][order]
    for name, values in series:
        chart.add(str(name), list(values)[order])
    return _svg(chart, title)


def chart_css():
    """pygal's stylesheet for STYLE, every selector under .pygal-chart (static/css/requests-charts.css)."""
    chart = _config(pygal.Bar)
    for _colour in STYLE.colors:  # pygal writes a colour rule per series drawn
        chart.add("", [1])
    css = html.unescape("".join(re.findall(r"<style[^>]*>(.*?)</style>", chart.render(is_unicode=True), re.S)))
    rules = []
    for selectors, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css):
        scoped = ", ".join(f".pygal-chart {s.strip()}".rstrip() for s in selectors.split(",")) \
            if selectors.strip() else ".pygal-chart"
        rules.append(f"{scoped}{{{body}}}")
    return "\n".join(rules) + "\n" + _EXTRA
