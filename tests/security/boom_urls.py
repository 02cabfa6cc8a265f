"""The real URLconf plus one view that fails with a resident's name and phone in its exception (for log tests)."""

from django.urls import include, path


def boom(request, phone):
    raise RuntimeError(f"could not save resident_name=张三丰 with phone {phone}")


urlpatterns = [
    path("boom/<str:phone>/", boom),
    path("", include("nanjie.urls")),
]
