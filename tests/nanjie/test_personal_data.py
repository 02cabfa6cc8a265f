"""The personal-data check, case by case: every spelling in LEAKING is found (the whole secret inside one passage
of the right kind), and nothing in HARMLESS is. A new spelling seen in the field is one more line here."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from nanjie.personal_data import (
    MASK,
    find,
    mask,
    name_candidates,
    refusal,
    refuse_personal_data,
    segments,
)

KNOWN = ("张三丰", "赵桂兰", "Zhang Wei")  # the names a caller passes in: residents, household contacts, persons

# (text, the secret that must lie inside one passage, its kind)
LEAKING = [
    # mobile phones, in every spelling residents and staff use
    ("联系电话13912345678", "13912345678", "mobile"),
    ("电话139 1234 5678", "139 1234 5678", "mobile"),
    ("电话139-1234-5678", "139-1234-5678", "mobile"),
    ("电话139/1234/5678", "139/1234/5678", "mobile"),
    ("电话139.1234.5678", "139.1234.5678", "mobile"),
    ("手机（139）1234 5678", "139）1234 5678", "mobile"),
    ("+86 139 1234 5678", "+86 139 1234 5678", "mobile"),
    ("+86-13912345678", "+86-13912345678", "mobile"),
    ("0086 13912345678", "0086 13912345678", "mobile"),
    ("手机１３９１２３４５６７８", "１３９１２３４５６７８", "mobile"),
    ("手机一三九一二三四五六七八", "一三九一二三四五六七八", "mobile"),
    ("打幺三九幺二三四五六七八", "幺三九幺二三四五六七八", "mobile"),
    ("电话139一二三四5678", "139一二三四5678", "mobile"),
    ("号码 1 3 9 1 2 3 4 5 6 7 8", "1 3 9 1 2 3 4 5 6 7 8", "mobile"),
    ("电话139—1234—5678", "139—1234—5678", "mobile"),
    ("电话：１３９－１２３４－５６７８", "１３９－１２３４－５６７８", "mobile"),
    ("2025-07-03联系13912345678", "13912345678", "mobile"),
    ("已于2025-07-03 13912345678回访", "13912345678", "mobile"),
    # landlines
    ("座机0878-5712345", "0878-5712345", "landline"),
    ("座机(0878)5712345", "(0878)5712345", "landline"),
    ("座机（0878）5712345", "（0878）5712345", "landline"),
    ("座机0878 571 2345", "0878 571 2345", "landline"),
    ("北京010-12345678", "010-12345678", "landline"),
    ("本地号码5712345", "5712345", "long_number"),
    # ID-card and card numbers
    ("身份证532325199001011234", "532325199001011234", "id_card"),
    ("身份证53232519900101123X", "53232519900101123X", "id_card"),
    ("老身份证532325900101123", "532325900101123", "id_card"),
    ("银行卡6222 0212 3456 7890 123", "6222 0212 3456 7890 123", "long_number"),
    # e-mail, QQ, WeChat
    ("邮箱zhangsan@163.com", "zhangsan@163.com", "email"),
    ("发到zhang.san_88@qq.com即可", "zhang.san_88@qq.com", "email"),
    ("邮箱zhangsan＠163.com", "zhangsan＠163.com", "email"),
    ("QQ：12345678", "12345678", "im"),
    ("qq号 987654321", "987654321", "im"),
    ("微信号：zsf_1990", "zsf_1990", "im"),
    ("微信 zhangsanfeng88", "zhangsanfeng88", "im"),
    ("VX: zsf1990", "zsf1990", "im"),
    ("加wx zsf1990联系", "zsf1990", "im"),
    # house, building, entrance and room numbers
    ("已更换3栋2单元401室门口的灯", "3栋2单元401室", "address"),
    ("住3栋2单元401", "3栋2单元401", "address"),
    ("3幢2单元401已上门", "3幢2单元401", "address"),
    ("三幢二单元门口", "三幢二单元", "address"),
    ("为二单元更换门禁", "二单元", "address"),
    ("3号楼楼道灯", "3号楼", "address"),
    ("三号楼", "三号楼", "address"),
    ("A座1203", "A座1203", "address"),
    ("B座门口", "B座", "address"),
    ("3#楼401", "3#楼401", "address"),
    ("3#401", "3#401", "address"),
    ("3栋楼道灯坏了", "3栋", "address"),
    ("已更换3栋1至6层楼道灯", "3栋", "address"),
    ("住在3-2-401", "3-2-401", "address"),
    ("住在3/2/401", "3/2/401", "address"),
    ("住在2-401", "2-401", "address"),
    ("住3—2—401", "3—2—401", "address"),
    ("401户已上门", "401户", "address"),
    ("1203室漏水", "1203室", "address"),
    ("401房间", "401房", "address"),
    ("12层1203", "12层1203", "address"),
    ("12楼1203", "12楼1203", "address"),
    ("南街12号", "12号", "address"),
    ("南街128号", "128号", "address"),
    ("南街居民3组12号", "12号", "address"),
    ("３栋２单元４０１室", "３栋２单元４０１室", "address"),
    ("住三栋二单元四〇一", "三栋二单元四〇一", "address"),
    ("门牌号12", "门牌号12", "address"),
    ("房号1203", "房号1203", "address"),
    ("5号院", "5号院", "address"),
    # names: the ones the portal knows, and ones a label or a form of address gives away
    ("联系人张三丰在家", "张三丰", "name"),
    ("赵桂兰已签收", "赵桂兰", "name"),
    ("交给zhang wei本人", "zhang wei", "name"),
    ("联系人：李春华", "李春华", "name"),
    ("户主王建国不在家", "王建国", "name"),
    ("张大爷家的水管", "张大爷", "name"),
    ("给李阿姨送去慰问品", "李阿姨", "name"),
    ("王师傅上门维修", "王师傅", "name"),
]

HARMLESS = [
    "已更换楼道灯",
    "3楼楼道灯已修好",
    "已更换1至6层楼道灯",
    "1-6层楼道灯已更换",
    "一楼大厅的灯",
    "已于2025年7月3日完成",
    "2025-07-03完成",
    "2025/07/03完成",
    "2025.7.3上门",
    "20250703已回访",
    "2025-07-03至2025-07-05",
    "2025-07-03 2025-07-05两次上门",
    "2025-07-03 10:30上门",
    "7月12号上门",
    "12号上门维修",
    "每月7号是社区活动日",
    "上午9:30到场",
    "14:00-16:00开展活动",
    "发放慰问金1200元",
    "补贴3.5万元",
    "￥1,200",
    "发放资金1200000元",
    "100-200元不等",
    "100-120人参加",
    "共走访120户",
    "惠及12户居民",
    "帮扶3户困难家庭",
    "共走访105户",
    "走访了401户",
    "与NJ-2026-000123重复",
    "第3网格第5微网格",
    "NJ-01-01微网格",
    "拨打12345政务热线",
    "紧急情况请拨打110",
    "电话尾号5678",
    "电话139****5678",
    "张**反映",
    "张某反映的问题",
    "联系人张某",
    "为独居老人送去米面油",
    "两栋楼之间的路灯",
    "一栋楼的住户",
    "三幢房屋已检查",
    "三室一厅",
    "会议室已布置",
    "感谢师傅们的辛苦",
    "园林师傅修剪了树木",
    "照顾阿姨们的生活",
    "业主委员会已协调",
    "已加入社区微信群",
    "微信公众号已发布",
    "PM2.5监测",
    "7-8月开展",
    "2024-2025年度",
    "12/2025完成",
    "3天内完成",
    "48小时内回复",
    "修好了一座凉亭",
    "南街居民3组",
    "金色政策宣讲",
    "一对一帮扶",
    "5G信号已覆盖",
    "已联系保洁人员清理完毕，并增加了清运频次。",
    "<script>alert(1)</script>",
]


def covered(text, secret, kind, names=KNOWN):
    start = text.lower().index(secret.lower())
    end = start + len(secret)
    return [p.kind for p in find(text, names) if p.start <= start and end <= p.end] == [kind]


@pytest.mark.parametrize(("text", "secret", "kind"), LEAKING, ids=[case[0] for case in LEAKING])
def test_each_leaking_spelling_is_found(text, secret, kind):
    assert covered(text, secret, kind)


@pytest.mark.parametrize("text", HARMLESS)
def test_each_harmless_text_passes(text):
    assert find(text, KNOWN) == []


def test_the_table_has_at_least_sixty_spellings():
    assert len(LEAKING) >= 60
    assert len(HARMLESS) >= 60


def test_masking_leaves_no_secret_of_the_table():
    assert [text for text, secret, _kind in LEAKING if secret.lower() in mask(text, find(text, KNOWN)).lower()] == []


def test_masking_a_harmless_text_changes_nothing():
    assert [text for text in HARMLESS if mask(text) != text] == []


def test_every_passage_says_why_in_words():
    passage = find("电话13912345678")[0]
    assert (passage.kind, str(passage.reason)) == ("mobile", "手机号码")


def test_passages_are_in_order_and_do_not_overlap():
    passages = find("QQ12345678，3栋2单元401室，13912345678")
    assert all(a.end <= b.start for a, b in zip(passages, passages[1:], strict=False))
    assert len(passages) == 3


def test_a_name_shorter_than_two_characters_is_not_looked_for():
    assert find("王", ["王"]) == []
    assert find("已修好", ["", None, "张**"]) == []


def test_every_occurrence_of_a_known_name_is_found():
    assert len(find("张三丰说张三丰不在", ["张三丰"])) == 2


def test_segments_cover_the_whole_text_and_mark_the_passages():
    text = "已上门，电话13912345678。"
    pieces = segments(text, find(text))
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in pieces if p.reason] == ["13912345678"]


def test_name_candidates_are_two_to_four_chinese_characters_in_a_row():
    candidates = name_candidates("联系人张三丰在家")
    assert {"张三", "张三丰", "三丰在家"} <= candidates
    assert "联" not in candidates
    assert "联系人张三" not in candidates


def test_name_candidates_are_one_to_three_latin_words_as_written_lower_case_and_capitalised():
    assert {"zhang wei", "Zhang Wei", "ZHANG WEI"} <= name_candidates("交给ZHANG WEI本人")


def test_the_refusal_names_each_passage_in_chinese():
    text = "电话13912345678，住3栋2单元401"
    error = refusal(text, find(text))
    assert error.code == "personal_data"
    assert "“13912345678”（手机号码）" in error.messages[0]


def test_refuse_personal_data_raises_for_a_leak_and_not_for_a_harmless_text():
    refuse_personal_data("已更换楼道灯", KNOWN)
    with pytest.raises(ValidationError) as refused:
        refuse_personal_data("交给赵桂兰", KNOWN)
    assert refused.value.code == "personal_data"


def test_the_mask_is_three_stars():
    assert mask("电话13912345678") == f"电话{MASK}" == "电话***"


@pytest.mark.parametrize("text", ["", None, "\x00", "9" * 5000, "张" * 3000, "1 " * 2000, "-" * 100, "🙂" * 50])
def test_odd_input_never_raises(text):
    assert isinstance(find(text, KNOWN), list)
    assert isinstance(mask(text or ""), str)


# Digits, separators, address and name words, and anything else: the pieces the patterns are made of.
ALPHABET = "0123456789０１一三九幺 -/.()+#@xX栋单元室户号楼层座街张三丰阿姨微信qQ:：，"
PIECES = st.text(alphabet=st.sampled_from(list(ALPHABET)), max_size=80)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.one_of(PIECES, st.text(max_size=200)))
def test_any_text_gives_ordered_passages_inside_it_and_a_mask_without_them(text):
    passages = find(text, KNOWN)
    assert all(0 <= p.start < p.end <= len(text) for p in passages)
    assert all(a.end <= b.start for a, b in zip(passages, passages[1:], strict=False))
    assert mask(text, passages).count(MASK) >= len(passages)
