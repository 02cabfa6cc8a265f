from tests.partners.meeting.fixtures import (  # noqa: F401
    branch,
    chairman,
    hospital,
    hospital_member,
    housing,
    meeting,
    members,
    tree,
)
