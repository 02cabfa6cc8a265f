"""The portal's URLs. Apps are included by name, so this module imports none of them (nanjie/ is below every floor)."""

import os

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from nanjie import admin as portal_admin  # noqa: F401 (the admin site's titles)
from nanjie import dashboard, elderly, lockouts, views

handler500 = "nanjie.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("elderly/", elderly.switch, name="elderly_mode"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/lockouts/", lockouts.lockout_list, name="lockouts"),
    path("accounts/lockouts/unlock/", lockouts.lockout_unlock, name="lockouts_unlock"),
    # The one-time set-password link the branch makes on /logins/ (grid/people/logins); no reset by e-mail.
    path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("admin/", admin.site.urls),
    path("me/", dashboard.me, name="me"),
    path("grid/", include("grid.territory.urls")),
    path("field/", include("grid.urls")),
    path("logins/", include("grid.people.logins.urls")),
    path("partners/", include("partners.urls")),
    path("volunteers/", include("volunteers.urls")),
    path("", include("requests.urls")),
]
if os.environ.get("NANJIE_BENCH_FLOOR") == "1":  # bench/: a no-query page to compare against
    urlpatterns.insert(0, path("_floor/", views.floor, name="bench_floor"))
