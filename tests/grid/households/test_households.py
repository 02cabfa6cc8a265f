from django.urls import reverse

from grid.models import Household, SpecialGroup
from tests.grid.factories import make_household, make_visit, queries_for


def test_a_worker_sees_the_households_of_their_grid(client3, household):
    response = client3.get(reverse("field:households"))
    assert household.contact_name in response.content.decode()


def test_households_filter_by_special_group(client3, tree):
    make_household(contact_name="王独居", groups=[SpecialGroup.ELDERLY_ALONE])
    make_household(contact_name="赵普通")
    page = client3.get(reverse("field:households"), {"group": "elderly_alone"}).content.decode()
    assert "王独居" in page
    assert "赵普通" not in page


def test_never_visited_households_are_listed_first(client3, worker3):
    visited = make_household(contact_name="甲已走访", room="101")
    make_visit(visited, worker3)
    make_household(contact_name="乙未走访", room="102")
    page = client3.get(reverse("field:households")).content.decode()
    assert page.index("乙未走访") < page.index("甲已走访")


def test_the_household_list_runs_a_constant_number_of_queries(client3, tree):
    make_household(room="500", groups=[SpecialGroup.DISABLED])
    few = queries_for(client3, reverse("field:households"))
    for number in range(12):
        make_household(room=str(600 + number), groups=[SpecialGroup.DISABLED, SpecialGroup.ELDERLY_ALONE])
    assert queries_for(client3, reverse("field:households")) == few


def test_a_worker_adds_a_household_with_tags(client3, tree):
    micro = tree.get_descendants().get(code="NJ-03-02")
    client3.post(reverse("field:household_new"), {
        "micro_grid": micro.pk, "building": "5", "unit_number": "2", "room": "301", "people": 2,
        "contact_name": "周建国", "contact_phone": "138 1234 5678", "special_groups": ["disabled"]})
    household = Household.objects.get(contact_name="周建国")
    assert (household.contact_phone, household.special_groups) == ("13812345678", ["残障人士"])


def test_a_bad_phone_number_is_refused_with_a_message(client3, tree):
    micro = tree.get_descendants().get(code="NJ-03-02")
    response = client3.post(reverse("field:household_new"), {
        "micro_grid": micro.pk, "people": 1, "contact_name": "周建国", "contact_phone": "12345"})
    assert not Household.objects.exists()
    assert "请填写大陆手机号" in response.content.decode()


def test_a_household_cannot_be_added_to_another_grid(client3, tree):
    micro = tree.get_descendants().get(code="NJ-04-01")
    client3.post(reverse("field:household_new"), {"micro_grid": micro.pk, "people": 1, "contact_name": "外人"})
    assert not Household.objects.exists()


def test_households_are_never_on_a_public_page(client, household):
    response = client.get(reverse("field:household", args=[household.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_model_normalises_a_phone_typed_in_admin(tree):
    from grid.models import GridNode

    household = Household(micro_grid=GridNode.objects.get(code="NJ-03-01"), contact_name="周建国",
                          contact_phone="+86 138-1234-5678")
    household.full_clean()
    assert household.contact_phone == "13812345678"
