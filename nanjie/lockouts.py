"""Login lockouts beyond django-axes' per-address count: a cap per account across addresses, and the branch's
page to unlock an account before its hour is over.

Axes locks a (username, address) pair after AXES_FAILURE_LIMIT wrong passwords; someone guessing from many
addresses (a botnet, a mobile network's changing addresses) was never stopped. ACCOUNT_FAILURE_LIMIT wrong
passwords for one account within AXES_COOLOFF_TIME, from anywhere, lock the account too. That limit is high, so
a stranger cannot lock a worker out with a few tries; when it happens, the branch unlocks it here.
"""

import logging
from datetime import timedelta

import django_filters
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Max, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from nanjie.paging import paginate, query_without_page

log = logging.getLogger(__name__)
UNLOCK_PERMISSION = "axes.delete_accessattempt"


def _since():
    return timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)


def account_failures(username):
    """Wrong passwords for this account, from every address, within the cool-off window."""
    return AccessAttempt.objects.filter(username=username, attempt_time__gte=_since()).aggregate(
        total=Sum("failures_since_start"))["total"] or 0


class AccountCappedHandler(AxesDatabaseHandler):
    """Axes' database handler, also locked once the account as a whole has too many failures."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or self._account_capped(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # Axes flags the request for its lockout page only from the (username, address) count.
        if request is not None and self._account_capped(request, credentials):
            request.axes_locked_out = True

    @staticmethod
    def _account_capped(request, credentials):
        username = get_client_username(request, credentials)
        return bool(username) and account_failures(username) >= settings.ACCOUNT_FAILURE_LIMIT


def accounts_with_failures():
    """One row per existing account with failures in the window: username, failures, worst (per address)."""
    usernames = get_user_model().objects.values("username")
    return (AccessAttempt.objects.filter(attempt_time__gte=_since(), username__in=usernames)
            .values("username").annotate(failures=Sum("failures_since_start"), worst=Max("failures_since_start"),
                                         last=Max("attempt_time")).order_by("-last", "username"))


class LockoutFilter(django_filters.FilterSet):
    username = django_filters.CharFilter(label=gettext_lazy("Login name"), lookup_expr="icontains")

    class Meta:
        model = AccessAttempt
        fields = ["username"]


@require_GET
@login_required
@permission_required(UNLOCK_PERMISSION, raise_exception=True)
def lockout_list(request):
    found = LockoutFilter(request.GET, queryset=accounts_with_failures())
    page = paginate(request, found.qs)
    for row in page:
        row["locked"] = (row["failures"] >= settings.ACCOUNT_FAILURE_LIMIT
                         or row["worst"] >= settings.AXES_FAILURE_LIMIT)
    return render(request, "registration/lockout_list.html", {
        "filter": found, "page": page, "query": query_without_page(request),
        "account_limit": settings.ACCOUNT_FAILURE_LIMIT, "address_limit": settings.AXES_FAILURE_LIMIT,
    })


@require_POST
@login_required
@permission_required(UNLOCK_PERMISSION, raise_exception=True)
def lockout_unlock(request):
    username = request.POST.get("username", "")
    if not accounts_with_failures().filter(username=username).exists():
        raise Http404  # the same answer for an account that is not locked and one that does not exist
    reset(username=username)
    log.info("login lockout of account %s lifted by user %s", username, request.user.pk)
    messages.success(request, _("%(username)s can log in again.") % {"username": username})
    return redirect("lockouts")
