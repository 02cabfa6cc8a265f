"""The branch's login forms: they validate and convert; grid/people/logins/models.py acts."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from grid.forms import PlainLength
from grid.people.logins.models import grantable_choices, post_grids
from grid.people.models import GridPost


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Roles"))
        kwargs.setdefault("required", False)
        super().__init__(choices=grantable_choices, **kwargs)
        self.error_messages["invalid_choice"] = _("Only grid worker, joint-meeting member and unit party member "
                                                  "can be given here.")
        self.error_messages["invalid_list"] = self.error_messages["invalid_choice"]


class CreateLoginForm(PlainLength, forms.Form):
    username = forms.CharField(
        label=_("Login name"), max_length=get_user_model()._meta.get_field("username").max_length,
        help_text=_("Letters, digits and @ . + - _ only, e.g. worker05."),
        validators=[UnicodeUsernameValidator(message=_("Use only letters, digits and @ . + - _ in a login name."))],
        error_messages={"required": _("Please enter a login name.")})
    roles = RolesField()


class RolesForm(forms.Form):
    roles = RolesField()


class PostForm(forms.Form):
    grid = forms.ModelChoiceField(label=_("Grid"), queryset=None, empty_label=_("Choose a grid"),
                                  error_messages={"required": _("Please choose a grid."),
                                                  "invalid_choice": _("You can only give posts on the grids you "
                                                                      "manage.")})
    role = forms.ChoiceField(label=_("Post"), choices=[("", _("Choose a post")), *GridPost.Role.choices],
                             error_messages={"required": _("Please choose a post."),
                                             "invalid_choice": _("Please choose a post from the list.")})

    def __init__(self, *args, manager, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grid"].queryset = post_grids(manager)
