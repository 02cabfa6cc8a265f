"""The branch's staff logins: who may manage whose login, what a manager may give, and the audit row of every
change (LoginChange). Views call the functions here; nothing else changes a login from the portal's pages.

A manager reaches the people of their scope (Person.objects.visible_to) whose login holds no more than a manager
may give: no superuser, no staff status, no group beyond the grantable roles, no permission of its own. Posts go
on the grids of the manager's own working area, and a person posted outside it is not the manager's. Anything
else is answered as if it did not exist (404).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from grid.people.models import GridPost, Person, people_in_scope
from grid.territory.scoping import ScopedQuerySet
from nanjie.roles import GRID_WORKER, JOINT_MEETING, ROLE_NAMES, UNIT_PARTY_MEMBER

MANAGE = "grid.manage_logins"
# What a manager may give; never the branch admin's role, staff status or superuser powers.
GRANTABLE = (GRID_WORKER, JOINT_MEETING, UNIT_PARTY_MEMBER)


def grantable_choices():
    return [(role, ROLE_NAMES[role]) for role in GRANTABLE]


class LoginChangeQuerySet(ScopedQuerySet):
    reach = {"person": people_in_scope}  # a change about a person is seen by whoever reaches that person


class LoginChange(models.Model):
    """One change to a staff login made in the portal: who, whose, what, when."""

    class What(models.TextChoices):
        CREATED = "created", _("Login created")
        ROLES = "roles", _("Roles changed")
        POST = "post", _("Post given")
        RESET = "reset", _("Password reset link made")
        DEACTIVATED = "deactivated", _("Deactivated")
        REACTIVATED = "reactivated", _("Reactivated")

    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="login_changes", verbose_name=_("person"))
    login = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("login"))
    username = models.CharField(_("login name"), max_length=150)  # kept if the login is deleted
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+", verbose_name=_("changed by"))
    what = models.CharField(_("change"), max_length=12, choices=What)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = LoginChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("login change")
        verbose_name_plural = _("login changes")
        ordering = ["-at", "-pk"]
        permissions = [("manage_logins", _("Can manage the staff logins of the community"))]

    def __str__(self):
        return f"{self.username} {self.get_what_display()}"


def manageable_people(manager):
    """The people whose login `manager` may change (or give one): see the module's docstring. Someone who also
    holds a post outside the manager's working area (another grid, another community) is not theirs alone."""
    from grid.territory.models import GridNode

    if not manager.has_perm(MANAGE):
        return Person.objects.none()
    beyond = Group.objects.exclude(name__in=GRANTABLE)
    posted_elsewhere = GridPost.objects.exclude(
        node_id__in=GridNode.objects.working_area(manager).values("pk")).values("person_id")
    return (Person.objects.visible_to(manager).exclude(user=manager)
            .exclude(user__is_superuser=True).exclude(user__is_staff=True)
            .exclude(user__groups__in=beyond).exclude(user__user_permissions__isnull=False)
            .exclude(pk__in=posted_elsewhere))


def post_grids(manager):
    """The grids a manager may post someone to: those of their own working area."""
    from grid.territory.models import GridNode

    return GridNode.objects.working_area(manager).filter(kind=GridNode.Kind.GRID).order_by("code")


def _log(person, login, what, by, detail=""):
    LoginChange.objects.create(person=person, login=login, username=login.get_username(), what=what, by=by,
                               detail=detail[:200])


def _role_labels(roles):
    return "、".join(str(ROLE_NAMES[role]) for role in GRANTABLE if role in roles) or "—"


def role_labels(user):
    """The login's roles in words, from its prefetched groups."""
    return "、".join(str(ROLE_NAMES.get(group.name, group.name)) for group in user.groups.all())


def _check_roles(roles):
    if not set(roles) <= set(GRANTABLE):
        raise ValidationError(_("Only grid worker, joint-meeting member and unit party member can be given here."),
                              code="not_grantable")


@transaction.atomic
def create_login(person, username, roles, *, by):
    """A new login for a roster person without one, with no usable password (the branch makes a set-password
    link next). Of two managers racing for one login name, or one person, exactly one wins."""
    _check_roles(roles)
    User = get_user_model()
    username = User.normalize_username(username.strip())
    taken = ValidationError(_("The login name %(username)s is already taken; choose another.")
                            % {"username": username}, code="taken")
    if User.objects.filter(username__iexact=username).exists():
        raise taken
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.user_id:
        raise ValidationError(_("%(name)s already has a login.") % {"name": person.name}, code="has_login")
    try:
        with transaction.atomic():  # the unique index decides a race; a savepoint keeps the transaction usable
            user = User.objects.create_user(username=username)  # no password: an unusable one
    except IntegrityError:
        raise taken from None
    user.groups.set(Group.objects.filter(name__in=roles))
    person.user = user
    person.save(update_fields=["user"])
    _log(person, user, LoginChange.What.CREATED, by, _role_labels(roles))
    return user


def _login_of(person):
    if person.user_id is None:
        raise ValidationError(_("%(name)s has no login yet.") % {"name": person.name}, code="no_login")
    return person.user


@transaction.atomic
def set_roles(person, roles, *, by):
    """Give exactly these grantable roles; groups beyond them are not the manager's to touch."""
    _check_roles(roles)
    user = _login_of(person)
    before = set(user.groups.filter(name__in=GRANTABLE).values_list("name", flat=True))
    if before == set(roles):
        raise ValidationError(_("Nothing changed: the login already has these roles."), code="unchanged")
    user.groups.remove(*Group.objects.filter(name__in=before - set(roles)))
    user.groups.add(*Group.objects.filter(name__in=set(roles) - before))
    _log(person, user, LoginChange.What.ROLES, by, f"{_role_labels(before)} → {_role_labels(roles)}")


@transaction.atomic
def give_post(person, grid, role, *, by):
    """A "1+1+N" post on a grid of the manager's own working area."""
    user = _login_of(person)
    if not post_grids(by).filter(pk=grid.pk).exists():
        raise ValidationError(_("You can only give posts on the grids you manage."), code="grid_elsewhere")
    post = GridPost(node=grid, person=person, role=role)
    post.full_clean()  # one leader a grid, one post per person and role: their Chinese messages
    try:
        with transaction.atomic():
            post.save()
    except IntegrityError:  # a racing manager gave the same post first
        raise ValidationError(_("This post was just given to someone else; reload the page."),
                              code="post_taken") from None
    _log(person, user, LoginChange.What.POST, by, str(post))
    return post


@transaction.atomic
def reset_password(person, *, by):
    """Make the password unusable and return (uidb64, token) of a one-time set-password link.

    The token covers the password hash, so it stops working once the new password is set; the old password and
    every session of the login stop at once. No password is ever shown or sent.
    """
    user = _login_of(person)
    if not user.is_active:
        raise ValidationError(_("This login is deactivated; reactivate it first."), code="inactive")
    user.set_unusable_password()
    user.save(update_fields=["password"])
    _log(person, user, LoginChange.What.RESET, by)
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


@transaction.atomic
def set_active(person, active, *, by):
    """Deactivate or reactivate a login (never one's own); a conditional UPDATE, so a repeat changes nothing."""
    user = _login_of(person)
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own login."), code="self")
    won = get_user_model().objects.filter(pk=user.pk, is_active=not active).update(is_active=active)
    if not won:
        raise ValidationError(_("This login is already active.") if active else
                              _("This login is already deactivated."), code="unchanged")
    user.is_active = active
    _log(person, user, LoginChange.What.REACTIVATED if active else LoginChange.What.DEACTIVATED, by)
