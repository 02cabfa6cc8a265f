"""Our 404 page for a view's Http404 also with DEBUG on: a scope-denied object looks like a missing one in
development too (Django's debug page would print the queryset, i.e. what the user may not see, and the
pages' authors would not see what users get). Unknown URLs still get Django's debug list of patterns."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render


class NotFoundPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG and isinstance(exception, Http404):
            return render(request, "404.html", status=404)
        return None  # DEBUG off: Django's handler404 renders the same template
