"""One small community for the security tests, and the personas who try to see what is not theirs.

Grid NJ-01 is "ours" (the grid worker works there, the resident lives there, unit A is ours); everything the
personas must not reach lives in grid NJ-02 and was dispatched to unit B. Each foreign record carries a marker
text, so a list page that leaks it can be caught by searching the page for the marker.
"""

import datetime
import io
import tempfile
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.utils import timezone
from PIL import Image

from grid.models import AssistancePair, Dispute, GridNode, Household, ServiceRecord, Visit, Whistle
from requests.models import Photo, Request
from tests.factories import (
    make_branch_admin,
    make_category,
    make_chairman,
    make_grid_worker,
    make_person,
    make_tree,
    make_unit,
    make_unit_member,
    make_user,
)
from volunteers.models import (
    Activity,
    ActivityDay,
    Booking,
    Certificate,
    DutyShift,
    Inspection,
    MobileMember,
    Position,
    ServiceRule,
    SignUp,
    StudySession,
    Team,
    TeamMember,
)

PERSONAS = ("anonymous", "resident", "worker", "member", "chairman", "branch")
# Marker texts of the foreign records (NJ-02, unit B): a page shown to an outsider must not contain them.
FOREIGN_NAME = "欧阳外格"
FOREIGN_TEXT = "外网格的秘密诉求"


def jpeg_bytes():
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


FOREIGN_PHONE = "13900009999"


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    own_token: str = ""
    _clients: dict = field(default_factory=dict)

    def log_in_everyone(self):
        """One session per persona, made once: a test's client only carries the cookie (no login per test)."""
        for persona, user in self.users.items():
            client = Client()
            client.force_login(user)
            self.sessions[persona] = client.cookies[settings.SESSION_COOKIE_NAME].value

    def client(self, persona, enforce_csrf_checks=False):
        """A client as `persona`, with no cookie but its session. Clients are reused: building one loads the
        middleware, and WhiteNoise then scans every static file (a tenth of a second each time)."""
        key = (persona, enforce_csrf_checks)
        if key not in self._clients:
            self._clients[key] = Client(enforce_csrf_checks=enforce_csrf_checks)
        client = self._clients[key]
        client.cookies.clear()
        if persona in self.sessions:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[persona]
        elif persona in self.users:
            client.force_login(self.users[persona])
        return client

    def user(self, persona):
        return self.users.get(persona) or AnonymousUser()

    def ensure_photo_file(self):
        return self.ensure_file("photo", "image")

    def ensure_file(self, key, field):
        """Photos live in MEDIA_ROOT, which every test points at its own folder: put the file where it looks.
        The record is read again (the world's foreign visit and claim got their photo's name by an update)."""
        record = type(self.objects[key]).objects.get(pk=self.objects[key].pk)
        name = getattr(record, field).name
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(jpeg_bytes()))
        return record


def build_world():
    make_tree(grids=2, micro_per_grid=2)
    ours, theirs = GridNode.objects.get(code="NJ-01-01"), GridNode.objects.get(code="NJ-02-01")
    category = make_category(code="env", name="环境卫生")
    unit_a = make_unit(name="县人民医院", duties=[category])
    unit_b = make_unit(name="县住建局", duties=[category])
    world = World()
    world.users = {
        "worker": make_grid_worker("NJ-01", "sec_worker"),
        "member": make_unit_member(unit_a, "sec_member"),
        "chairman": make_chairman("sec_chairman"),
        "branch": make_branch_admin("sec_branch"),
    }
    world.users["superuser"] = make_user("sec_superuser", is_staff=True, is_superuser=True)  # not a persona
    their_worker = make_grid_worker("NJ-02", "sec_their_worker")
    their_member = make_unit_member(unit_b, "sec_their_member")

    own = Request.order(category=category, text="楼道灯坏了", micro_grid=ours, channel=Request.Channel.ONLINE,
                        resident_name="李春华", resident_phone="13800001111")
    world.own_token = own.token
    # A closed request of ours, for the rating form (put in that state directly: transitions are tested elsewhere).
    closed = Request.order(category=category, text="路灯不亮", micro_grid=ours, channel=Request.Channel.ONLINE)
    now = timezone.now()
    Request.objects.filter(pk=closed.pk).update(
        state=Request.State.CLOSED, unit=unit_a, acceptor=world.users["member"].person, deadline=now,
        dispatched_at=now, accepted_at=now, closed_at=now, closure_note="已修好")

    household = Household.objects.create(micro_grid=theirs, building="9", room="901", contact_name=FOREIGN_NAME,
                                         contact_phone=FOREIGN_PHONE)
    visit = Visit.objects.create(household=household, worker=their_worker.person, recorded_by=their_worker,
                                 visited_on=timezone.localdate(), asked=FOREIGN_TEXT)
    pair = AssistancePair.objects.create(helper=their_worker.person, helper_kind="staff", household=household,
                                         member_name=FOREIGN_NAME,
                                         started_on=timezone.localdate() - datetime.timedelta(days=3))
    service = ServiceRecord.objects.create(way="proxy", what=FOREIGN_TEXT, household=household,
                                           helper=their_worker.person, recorded_by=their_worker)
    dispute = Dispute.objects.create(micro_grid=theirs, kind=Dispute.Kind.NEIGHBOURS, parties=FOREIGN_NAME,
                                     summary=FOREIGN_TEXT, registered_by=their_worker)
    whistle = Whistle.objects.create(grid=theirs.parent, what=FOREIGN_TEXT, where="9幢", when=timezone.now(),
                                     blown_by=world.users["branch"])
    request = Request.order(category=category, text=FOREIGN_TEXT, micro_grid=theirs, channel=Request.Channel.ONLINE,
                            resident_name=FOREIGN_NAME, resident_phone=FOREIGN_PHONE)
    request.dispatch(unit_b, by=world.users["chairman"])
    # The world is built before any test's MEDIA_ROOT (tests/conftest.py) applies: write the file into a
    # folder of its own that goes away at once, never into the project's media/. The row keeps the file's
    # name; ensure_photo_file puts a file there in the test's own MEDIA_ROOT when a test needs it.
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        photo = Photo.objects.create(request=request, image=ContentFile(jpeg_bytes(), name="foreign.jpg"),
                                     width=32, height=24)
    # A foreign request that reached the public board, so the board, home and feed have a name and phone to
    # mask: the leak checks on public pages prove nothing while nothing foreign is publicised.
    public = Request.order(category=category, text=FOREIGN_TEXT, micro_grid=theirs, channel=Request.Channel.ONLINE,
                           resident_name=FOREIGN_NAME, resident_phone=FOREIGN_PHONE)
    public.dispatch(unit_b, by=world.users["chairman"])
    public.accept(their_member.person, by=their_member)
    public.close(f"已电话联系{FOREIGN_PHONE}，上门清理了楼道", by=their_member)
    public.publicise("已上门清理了楼道", by=world.users["branch"])
    # A foreign request accepted and past its deadline (dispatched "ten days ago" through the same method), so the
    # overdue and mine-to-close queues have something foreign to leak.
    overdue = Request.order(category=category, text=FOREIGN_TEXT, micro_grid=theirs, channel=Request.Channel.ONLINE,
                            resident_name=FOREIGN_NAME, resident_phone=FOREIGN_PHONE)
    then = now - datetime.timedelta(days=10)
    overdue.dispatch(unit_b, now - datetime.timedelta(days=1), by=world.users["chairman"], at=then)
    overdue.accept(their_member.person, by=their_member, at=then)
    team = Team.objects.create(colour=Team.Colour.RED, name="红色志愿服务队")
    TeamMember.objects.create(team=team, person=make_person(name=FOREIGN_NAME, phone=FOREIGN_PHONE))
    positions = build_positions(theirs, unit_b, world.users["branch"])
    positions.update(build_lists(theirs.parent, unit_b, category))
    # The foreign visit's and unit B's claim's photos: names only, like the request's (ensure_file writes them).
    Visit.objects.filter(pk=visit.pk).update(photo="visit-photos/foreign.jpg")
    type(positions["claim"]).objects.filter(pk=positions["claim"].pk).update(delivery_photo="claim-photos/foreign.jpg")
    study = build_study(positions["station"], their_worker, world.users["branch"])
    meetings = build_meeting(unit_b, world.users["chairman"])
    activities = build_activities(their_worker, team, world.users["branch"])
    world.objects = {**positions, **study, **meetings, **activities,
        "household": household, "visit": visit, "pair": pair, "service": service, "dispute": dispute,
        "whistle": whistle, "request": request, "photo": photo, "own_request": own,
        "their_member": their_member, "their_worker": their_worker, "team": team, "closed_request": closed,
        "public_request": public, "overdue_request": overdue,
    }
    world.log_in_everyone()
    return world


def build_positions(theirs, unit_b, branch):
    """A red station in the foreign grid, hosted by unit B, with its duty roster, an open inspection, a service
    of unit B and a resident's booking of next week's session (the markers: names and phones must not show)."""
    station = Position(kind=Position.Kind.RED_STATION, name=f"{FOREIGN_TEXT}驿站", micro_grid=theirs,
                       host_unit=unit_b, opens_at=datetime.time(8), closes_at=datetime.time(20))
    station.full_clean()
    station.save()
    DutyShift.objects.create(position=station, weekday=0, person=make_person(name=FOREIGN_NAME, phone=FOREIGN_PHONE))
    inspection = Inspection.record(station, by=branch, inspected_on=timezone.localdate(), checked="座椅",
                                   missing="雨伞少了")
    day = timezone.localdate() + datetime.timedelta(days=3)
    rule = ServiceRule(position=station, kind=ServiceRule.Kind.LEGAL, title=f"{FOREIGN_TEXT}咨询", unit=unit_b,
                       frequency=ServiceRule.Frequency.WEEKLY, weekday=day.weekday(), starts_at=datetime.time(9),
                       ends_at=datetime.time(10), starts_on=timezone.localdate() - datetime.timedelta(days=14),
                       slot_minutes=20)
    rule.full_clean()
    rule.save()
    rule.schedule_through(day)
    session = rule.sessions.get(on=day)
    booking = Booking.book(session, datetime.time(9), name=FOREIGN_NAME, phone=FOREIGN_PHONE, topic=FOREIGN_TEXT)
    return {"station": station, "inspection": inspection, "rule": rule, "station_session": session,
            "booking": booking}


def build_study(station, their_worker, branch):
    """volunteers/study: a study session at the foreign station (planned, next week), a held one that a party
    member named with the marker missed, and a mobile member of the foreign grid whose tutor is its worker."""
    from grid.models import Person

    now = timezone.now()
    party = Person.PoliticalStatus.PARTY_MEMBER
    make_person(name=FOREIGN_NAME, phone=FOREIGN_PHONE, political_status=party)  # on the branch's roster
    held = StudySession.plan(by=branch, topic=f"{FOREIGN_TEXT}学习", position=station, organiser=their_worker.person,
                             starts_at=now - datetime.timedelta(days=2, hours=1),
                             ends_at=now - datetime.timedelta(days=2), materials=FOREIGN_TEXT)
    held.close(by=branch)
    planned = StudySession.plan(by=branch, topic=f"{FOREIGN_TEXT}学习", position=station,
                                organiser=their_worker.person, starts_at=now + datetime.timedelta(days=7),
                                ends_at=now + datetime.timedelta(days=7, hours=1), materials=FOREIGN_TEXT)
    member = MobileMember(person=make_person(name=f"{FOREIGN_NAME}流动", political_status=party),
                          grid=station.micro_grid.parent, works_in=FOREIGN_TEXT, phone=FOREIGN_PHONE,
                          tutor=their_worker.person, since=timezone.localdate() - datetime.timedelta(days=60))
    member.full_clean()
    member.save()
    # Contacted 40 days ago: a contact row for the admin matrix, and the member still overdue (30 days).
    from volunteers.study.models import TutorContact

    member.log_contact(on=timezone.localdate() - datetime.timedelta(days=40), how=TutorContact.How.values[0],
                       studied=FOREIGN_TEXT, by=their_worker)
    return {"study_session": planned, "held_study_session": held, "mobile_member": member}


def build_meeting(unit_b, chairman):
    """Today's joint meeting with an item and unit B's decision on it (the marker text), and next month's."""
    from partners.models import Decision, Meeting

    today = timezone.localdate()
    meeting = Meeting.plan(held_on=today, place="党群服务中心", by=chairman)
    item = meeting.add_item("楼道照明改造", by=chairman)
    decision = Decision.decide(item, text=f"{FOREIGN_TEXT}的决定", unit=unit_b,
                               deadline=today + datetime.timedelta(days=10), by=chairman)
    later = Meeting.plan(held_on=today + datetime.timedelta(days=30), place="党群服务中心", by=chairman)
    return {"meeting": meeting, "agenda_item": item, "decision": decision, "later_meeting": later,
            "unit_b": unit_b}


def build_activities(their_worker, team, branch):
    """This month's published plan with an item for grid NJ-02 organised by its worker (NJ-01 has a reason), a foreign
    volunteer signed up for it and one waiting; a past activity held with the foreign volunteer's confirmed hours
    (their name allowed on the public page: it must show masked) and their certificate."""
    plan = ActivityDay.for_month(timezone.localdate())
    starts = timezone.now() + datetime.timedelta(days=3)
    item = Activity.objects.create(plan=plan, title="河道巡查", capacity=1, starts=starts,
                                   ends=starts + datetime.timedelta(hours=2), place="栋川河", colour="",
                                   organiser=their_worker.person)
    item.grids.set(GridNode.objects.filter(code="NJ-02"))
    plan.give_reason(GridNode.objects.get(code="NJ-01"), "本月轮空", by=branch)
    plan.publish(by=branch)
    foreign = make_person(name=FOREIGN_NAME, phone=FOREIGN_PHONE)
    signup = SignUp.sign_up(item, foreign, by=branch, show_name=True)
    SignUp.sign_up(item, make_person(name=f"{FOREIGN_NAME}二", phone=FOREIGN_PHONE), by=branch)  # waiting
    past_start = timezone.now() - datetime.timedelta(days=10)
    past = Activity.objects.create(title="义诊", capacity=5, starts=past_start, place="党群服务中心",
                                   ends=past_start + datetime.timedelta(hours=2), organiser=their_worker.person)
    past.grids.set(GridNode.objects.filter(code="NJ-02"))
    served = SignUp.sign_up(past, foreign, by=branch, show_name=True, now=past_start - datetime.timedelta(days=1))
    served.enter_late(120, "忘记签到", by=their_worker, now=past.ends)
    served.approve_late(by=branch, now=past.ends)
    past.record(30, "量血压", by=branch, now=past.ends)
    return {"plan": plan, "activity": item, "signup": signup, "past_activity": past,
            "certificate": Certificate.issue(foreign, by=branch)}


def build_lists(their_grid, unit_b, category):
    """The three lists' foreign rows: a need of grid NJ-02 claimed by unit B, a project there led by unit B with a
    milestone, and unit B's resource for NJ-02 (their titles carry the marker text; no names or phones)."""
    from partners.models import Claim, Milestone, Need, Project, Resource

    need = Need.raise_need(title=FOREIGN_TEXT, category=category, grid=their_grid)
    claim = Claim.make(need, unit_b, 1, by=None)
    project = Project.objects.create(title=f"{FOREIGN_TEXT}项目", goal="楼道灯改造", lead_unit=unit_b)
    project.grids.set([their_grid])
    milestone = Milestone.objects.create(project=project, title="施工", due_on=timezone.localdate())
    resource = Resource.objects.create(unit=unit_b, kind=Resource.Kind.SERVICE, title=f"{FOREIGN_TEXT}资源")
    resource.grids.set([their_grid])
    return {"need": need, "claim": claim, "project": project, "milestone": milestone, "resource": resource,
            "unit_b": unit_b}
