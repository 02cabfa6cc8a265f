"""Who may do what on the lists: fetch within the scope (404 outside), then the permission (403)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from partners.lists.claims import Claim
from partners.lists.forms import units_for
from partners.lists.models import Need, Project
from partners.units.models import unit_ids_of

RELATED = {Need: ["category", "grid", "created_by"], Project: ["lead_unit", "created_by"]}


def item_for(request, model, pk):
    return get_object_or_404(model.objects.visible_to(request.user).select_related(*RELATED[model]), pk=pk)


def may_claim(user, item):
    return item.is_open and user.has_perm("partners.claim_item") and units_for(user).exists()


def allowed(user, claim, action):
    """Who: verify is the branch's; deliver and withdraw the claiming unit's party members' (and the branch's)."""
    if action == "verify":
        return user.has_perm("partners.verify_claim")
    return user.has_perm("partners.claim_item") and units_for(user).filter(pk=claim.unit_id).exists()


def may(user, claim, action):
    """Who and when: the buttons a claim shows this user (the model refuses a move its state does not allow)."""
    wanted = Claim.State.DELIVERED if action == "verify" else Claim.State.CLAIMED
    return claim.state == wanted and allowed(user, claim, action)


def may_see_photo(user, claim, units=None):
    """A delivery's evidence photo: the branch (who verifies) and the claiming unit's own members, no one else (the
    grid's staff and other units see the claim, not the photo; the public lists never show one). `units`: the
    user's unit ids, when a page asks for many claims."""
    if not claim.delivery_photo:
        return False
    if user.has_perm("partners.verify_claim"):
        return True
    return claim.unit_id in (set(unit_ids_of(user)) if units is None else units)


def require(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied
