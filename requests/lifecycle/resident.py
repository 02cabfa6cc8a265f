"""What residents (and staff on their behalf) do to a request: order it, rate the result.

`order` is the one way a request comes into being: the online form, the wish wall and the staff
recording page all call it. `rate` is the resident's last word, and 不满意 sends the request back to work.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grid.territory.community import community_code_of
from nanjie import once
from nanjie.phones import normalise_phone
from requests.lifecycle.transitions import default_deadline

TEXT_LIMIT = 1000
MAX_PHOTOS = 3


class ResidentActions:
    @classmethod
    def order(cls, *, category, text, micro_grid, channel, resident_name="", resident_phone="", received_by=None,
              visit=None, household=None, idempotency_key=None, photos=(), decision=None):
        """Create a request in state ordered with its reference, first transition and photos: all or nothing.

        `photos` are nanjie.photos.CleanPhoto (already re-encoded). A used `idempotency_key` (the
        form's submission key, nanjie/once.py) returns the request it made the first time instead of a second
        one, also when both arrive at the same moment; the same key with other content is refused (key_reused).
        """
        text = (text or "").strip()
        if not text:
            raise ValidationError(_("Say what you need."), code="empty_text")
        if len(text) > TEXT_LIMIT:
            raise ValidationError(_("Keep it under %(limit)d characters.") % {"limit": TEXT_LIMIT}, code="long_text")
        if micro_grid is None or micro_grid.kind != micro_grid.Kind.MICRO_GRID:
            raise ValidationError(_("Choose a micro-grid."), code="not_micro_grid")
        if category is None or not category.active:
            raise ValidationError(_("Choose one of the categories in use."), code="inactive_category")
        if channel not in cls.Channel.values:
            raise ValidationError(_("Unknown channel."), code="channel")
        if len(photos) > MAX_PHOTOS:
            raise ValidationError(_("At most %(count)d photos.") % {"count": MAX_PHOTOS}, code="too_many_photos")
        resident_phone = normalise_phone(resident_phone) if (resident_phone or "").strip() else ""
        resident_name = (resident_name or "").strip()
        if len(resident_name) > 50:
            raise ValidationError(_("A name has at most 50 characters."), code="long_name")

        def create():
            return cls._create_ordered(category=category, text=text, micro_grid=micro_grid, channel=channel,
                                       resident_name=resident_name, resident_phone=resident_phone,
                                       received_by=received_by, visit=visit, household=household,
                                       idempotency_key=idempotency_key, photos=photos, decision=decision)

        # A used key is a repeat only for the same wish: a restored page with another resident's words is not.
        content = {"category_id": category.pk, "micro_grid_id": micro_grid.pk, "text": text,
                   "resident_name": resident_name, "resident_phone": resident_phone}
        request, created = once.save_once(cls, idempotency_key, create, content=content)
        request.repeated = not created  # a resend found the first one: the wish view counts only new wishes
        return request

    @classmethod
    def _create_ordered(cls, *, photos, **fields):
        """The request, its reference, its first transition and its photos, in one transaction."""
        from requests.statistics.rollups import track

        saved_files = []
        try:
            # No savepoint of its own: order() calls this inside save_once's atomic block, which rolls it all back.
            with transaction.atomic(savepoint=False):
                request = cls.objects.create(**fields)
                # The primary key is unique and race-free, so the reference built from it is too.
                year = timezone.localtime(request.ordered_at).year
                request.reference = f"{community_code_of(request.micro_grid)}-{year}-{request.pk:06d}"
                request.save(update_fields=["reference"])
                with track(request.pk, new=True):  # the roll-ups count it from its first transaction
                    request.transitions.create(old_state="", new_state=cls.State.ORDERED,
                                               by=fields["received_by"], at=request.ordered_at)
                for photo in photos:
                    row = request.photos.model(request=request, width=photo.width, height=photo.height)
                    row.image.save(photo.file_name, ContentFile(photo.content), save=False)
                    saved_files.append(row.image.name)
                    row.save()
        except BaseException:
            # The rows are rolled back; remove the files written for them too.
            from django.core.files.storage import default_storage

            for name in saved_files:
                default_storage.delete(name)
            raise
        return request

    @transaction.atomic
    def rate(self, rating, comment="", *, channel="online"):
        """The resident rates a closed or publicised request, once per closure; 不满意 reopens it. `channel` is how
        the rating reached us (a Request.Channel: online by the resident, through the chairman…), kept on its row."""
        comment = (comment or "").strip()
        if channel not in self.Channel.values:
            raise ValidationError(_("Say how the rating reached us."), code="rating_channel")
        if rating not in self.Rating.values:
            raise ValidationError(_("Choose 满意, 基本满意 or 不满意."), code="rating")
        if len(comment) > TEXT_LIMIT:
            raise ValidationError(_("Keep it under %(limit)d characters.") % {"limit": TEXT_LIMIT}, code="long_text")
        if rating == self.Rating.UNSATISFIED and not comment:
            raise ValidationError(_("Tell us what is still wrong, so it can be put right."), code="no_comment")
        from requests.statistics.rollups import track

        now = timezone.now()
        # Decide on the locked row: a double click or two tabs rate once.
        current = self._locked()
        if not current.is_rateable:
            raise ValidationError(_("This request cannot be rated now: it is not finished, or you have "
                                    "already rated it."), code="not_rateable")
        fields = {"rating": rating, "rating_comment": comment, "rated_at": now}
        if rating == self.Rating.UNSATISFIED:
            # Back to work, with the resident's words as the reason, and a new deadline: the old one has
            # usually passed, and the request would be overdue the moment it reopened.
            fields["deadline"] = default_deadline(current.category, now)
            self._move([current.state], self.State.ACCEPTED, None, comment, at=now, rating_channel=channel,
                       **fields)
        else:
            # No state changes, but the rating is on record like every other step: the resident, when, what.
            with track(self.pk):
                self.__class__.objects.filter(pk=self.pk).update(**fields)
                self.transitions.create(old_state=current.state, new_state=current.state, by=None, at=now,
                                        note=comment, rating=rating, rating_channel=channel)
            self.refresh_from_db(fields=list(fields))
