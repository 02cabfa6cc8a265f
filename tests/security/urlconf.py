"""Walk the URLconf: every route, with its full name ("namespace:name", or its pattern when it has none)."""

from django.urls import URLPattern, URLResolver, get_resolver


def walk(patterns=None, prefix="", namespace=None):
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if pattern.name:
                key = f"{namespace}:{pattern.name}" if namespace else pattern.name
            else:
                key = route  # an unnamed route is keyed by its pattern, so it still needs an entry
            yield key, route, namespace


def route_keys():
    seen = []
    for key, _route, _namespace in walk():
        if key not in seen:
            seen.append(key)
    return seen
