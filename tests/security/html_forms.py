"""Read a rendered HTML form back into POST data, the way a browser would submit it unchanged."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.data.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs)
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select[0], attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea[0], self._textarea[1].lstrip("\n")))
            self._textarea = None


def form_data(html, form_id=None):
    """{name: value or [values]} of the form with `form_id` (or every form), as the page shows it."""
    reader = _FormReader(form_id)
    reader.feed(html)
    merged = {}
    for name, value in reader.data:
        merged.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in merged.items()}


class _QueryFieldReader(HTMLParser):
    """Names of the fields of every GET form on a page (the filters of a list)."""

    def __init__(self):
        super().__init__()
        self.inside, self.names = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = (attrs.get("method") or "get").lower() == "get"
        elif self.inside and tag in ("input", "select", "textarea") and attrs.get("name"):
            if attrs.get("type") not in ("submit", "button", "reset") and attrs["name"] not in self.names:
                self.names.append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def query_fields(html):
    reader = _QueryFieldReader()
    reader.feed(html)
    return reader.names
