import os

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from grid import dashboard, views_floor
from grid import views as grid_views

handler500 = "grid.views.server_error"

admin.site.site_header = _("Nanjie Grid administration")
admin.site.site_title = _("Nanjie Grid")
admin.site.index_title = _("Rosters and records")

urlpatterns = [
    path("healthz", grid_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("me/", dashboard.me, name="me"),
    path("grid/", include("grid.urls")),
    path("field/", include("grid.field_urls")),
    path("partners/", include("partners.urls")),
    path("volunteers/", include("volunteers.urls")),
    path("", include("requests.urls")),
]
if os.environ.get("NANJIE_BENCH_FLOOR") == "1":  # bench/: a no-query page to compare against
    urlpatterns.insert(0, path("_floor/", views_floor.floor, name="bench_floor"))
