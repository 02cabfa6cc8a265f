"""Personal data in a text bound for a public page: found, so that the page can refuse it (PIPL).

`find(text, names)` returns the passages that must not be published, each as (start, end, kind, reason):
phones in any spelling (spaces, slashes, dashes, brackets, +86, full-width digits, Chinese numerals),
landlines, ID-card and other long numbers, e-mail addresses, QQ/WeChat ids, house, building, entrance and
room numbers in the ways addresses are written, and people's names: the `names` the caller knows (the
portal's residents and persons; this module imports no app) and names marked by a label or a form of address.
Dates, times, amounts, counts, floors ("3楼楼道灯") and the portal's references are left alone.
Pure functions: the tables of cases live in tests/nanjie/test_personal_data.py.
"""

import re
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MASK = "***"
REASONS = {
    "mobile": _("a mobile phone number"),
    "landline": _("a landline number"),
    "id_card": _("an ID card number"),
    "long_number": _("a long number (a phone, ID or card number)"),
    "email": _("an e-mail address"),
    "im": _("a QQ or WeChat account"),
    "address": _("a house, building or room number"),
    "name": _("a person's name"),
}


class Passage(NamedTuple):
    start: int
    end: int
    kind: str
    reason: str


class Piece(NamedTuple):
    text: str
    reason: str  # "" outside a passage


# One character in, one out, so that offsets in the folded text are offsets in the original. Full-width forms
# and the Chinese digits people spell phone numbers with (幺 for 1) become ASCII; 两 and 十 are counts, not digits.
_CHINESE_DIGITS = "零〇○一幺二三四五六七八九"
_FOLD = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    **dict(zip(_CHINESE_DIGITS, "0001123456789", strict=True)),
    "－": "-", "—": "-", "–": "-", "‐": "-", "／": "/", "（": "(", "）": ")", "＋": "+", "＃": "#", "＠": "@",
    "．": ".", "：": ":", "\u3000": " ", "＿": "_", "Ｘ": "X",
})
# The portal's own references (NJ-2026-000123) are public; blanked before numbers are looked at.
_REFERENCE = re.compile(r"[A-Z][A-Z0-9]*-\d{4}-\d{6,}")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0(?:10|2\d|[3-9]\d{2})\d{7,8}")
# Digits with at most two separators between them: 139 1234 5678, 139/1234/5678, (0878)5712345, +86-139….
_RUN = re.compile(r"\+?\(?\d(?:[ \t\-_/.()]{1,2}(?=\d)|\d)*")
_DATE = re.compile(r"(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])(?:\1(?:0?[1-9]|[12]\d|3[01]))?"
                   r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d\d-(?:19|20)\d\d")
# What follows a number that is an amount, a count or a duration.
_QUANTITY = re.compile(r"\s?(?:元|块|角|万|亿|圆|人|名|位|次|件|个|份|台|盏|米|公里|平|斤|公斤|克|吨|升|天|日|年|月|"
                       r"小时|分钟|秒|岁|%|度|℃|只|条|张|本|箱|袋|瓶|桶|辆|户次)")
_CURRENCY_BEFORE = re.compile(r"(?:￥|¥|\$|RMB|rmb)\s*$")

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_IM = re.compile(r"(?<![A-Za-z])(?:qq|扣扣|微信|wechat|weixin|vx|wx|v信)\s?(?:号码|号|id|账号)?\s?:?\s?(?:是|为)?\s?"
                 r"(?:[A-Za-z][A-Za-z0-9_\-]{5,19}|\d{5,12})(?![A-Za-z0-9_\-])", re.IGNORECASE)

# Addresses: a building (3栋 3幢 3号楼 3#楼 A座) or an entrance (2单元) starts one; floors, rooms and bare numbers
# after it belong to it: 3栋2单元401室, 住3栋2单元401, A座1203, 3#楼401.
_BUILDING = r"(?:[A-Za-z]\s?座|\d+\s?(?:号楼|號樓|#\s?楼|#|栋|幢|棟)|\d+\s?座(?=\s?-?\s?\d))"
_ENTRANCE = r"\d+\s?(?:单元|單元)"
_FLOOR = r"\d+\s?(?:层|層|楼|樓)"
# A bare number after them is a room only with three or four digits: 3栋1至6层 is a range of floors.
_ADDRESS = re.compile(rf"(?<![A-Za-z\d])(?:{_BUILDING}|{_ENTRANCE})"
                      rf"(?:\s?-?\s?(?:{_ENTRANCE}|{_FLOOR}|\d+\s?(?:室|号房|房|户|号|號)|\d{{3,4}}(?!\d)))*")
_FIRST_PART = re.compile(rf"{_BUILDING}|{_ENTRANCE}")
_FLOOR_ROOM = re.compile(rf"(?<!\d){_FLOOR}\s?-?\s?\d{{3,4}}(?!\d)")  # 12层1203
_ROOM = re.compile(r"(?<![\d.])\d{3,4}\s?(?:室|号房|房间|房)")  # 1203室, 401房间 (三室一厅 is a flat's layout)
_DOOR = re.compile(r"(?<![\d.])(\d{1,2})(\d{2})\s?户(?!次)")  # 401户 is a door; 120户 and 共105户 are counts
_COUNTING = re.compile(r"(?:共|计|约|近|余|超|有|了|走访|惠及|覆盖|服务|涉及|帮扶|全部|所有)\s*$")
_SHORTHAND = re.compile(r"(?<![\dA-Za-z\-/.:])\d{1,3}([-/])(?:\d{1,2}\1)?(\d{3,4})(?![\d\-/.:])")  # 3-2-401
_STREET = re.compile(r"(?:街|路|巷|弄|村|组|胡同|大道)\s?(\d+(?:-\d+)?\s?(?:号|號)(?!线|文))")  # 南街12号
_BIG_NUMBER = re.compile(r"(?<![\d第])(?:3[2-9]|[4-9]\d|\d{3,})\s?(?:号|號)(?!线|楼|樓|文|房)|\d+\s?号院")  # no day
_LABELLED = re.compile(r"(?:门牌号?|房号|房间号|楼号)\s?:?\s?[A-Za-z]?\d+")

# Names: a label, or a family name with a form of address (张大爷, 李阿姨). Family names that end common words
# before such a title (感谢师傅, 园林师傅, 照顾阿姨, 班主任老师) are left out; the caller's `names` still catch them.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高罗郑梁宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶苏魏吕丁沈姚卢"
             "姜崔钟谭陆汪廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯陶黎毛郝龚邵覃戴莫孔汤普鲁施殷")
_TITLES = "先生|女士|小姐|阿姨|大爷|大妈|大娘|大伯|大叔|大哥|大姐|奶奶|爷爷|婆婆|老师|师傅"
_TITLED = re.compile(rf"[{_SURNAMES}](?:{_TITLES})")
_LABELS = "联系人|户主|户名|姓名|当事人|申请人|求助人"
_NAME_LABEL = re.compile(rf"(?:{_LABELS})\s?[:：]?\s?([{_SURNAMES}][\u4e00-\u9fff]{{1,2}})")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _passage(start, end, kind):
    return Passage(start, end, kind, REASONS[kind])


def _number_kind(digits, x_after=False):
    for prefix in ("0086", "86", ""):
        if digits.startswith(prefix) and _MOBILE.fullmatch(digits[len(prefix):]):
            return "mobile"
    if _LANDLINE.fullmatch(digits):
        return "landline"
    return "id_card" if x_after and len(digits) == 17 or len(digits) in (15, 18) else None


def _is_quantity(folded, start, end):
    return bool(_QUANTITY.match(folded, end) or _CURRENCY_BEFORE.search(folded[max(0, start - 4):start]))


def _is_date(folded, group):
    return bool(_DATE.fullmatch(folded[group[0]:group[1]].strip("+()")))


def _phone_at(groups, index, x_after):
    """(kind, last) of the longest phone or ID card made of groups[index:last], or (None, index)."""
    joined, found = "", (None, index)
    for last in range(index + 1, len(groups) + 1):
        joined += groups[last - 1][2]
        if len(joined) > 18:  # 0086 + a mobile is 15 digits, an ID card 18: nothing longer is a phone
            break
        kind = _number_kind(joined, x_after and last == len(groups))
        if kind:
            found = (kind, last)
    return found


def _numbers(folded):
    """Phones, ID-card and other long numbers: each run of digits, whole or by its space-separated groups."""
    for run in _RUN.finditer(folded):
        groups = [(m.start() + run.start(), m.end() + run.start(), re.sub(r"\D", "", m.group()))
                  for m in re.finditer(r"\S+", run.group())]
        x_after = folded[run.end():run.end() + 1] in ("X", "x")  # an ID card's check digit
        index = 0
        while index < len(groups):
            if _is_date(folded, groups[index]):
                index += 1
                continue
            kind, last = _phone_at(groups, index, x_after)
            if kind:
                tail = 1 if kind == "id_card" and x_after and last == len(groups) else 0
                yield _passage(groups[index][0], groups[last - 1][1] + tail, kind)
                index = last
                continue
            # Not a phone: the groups up to the next date as one number (a bank card written 6222 0212 …).
            # An amount (1200000元) is long without being anyone's number.
            last = next((i for i in range(index + 1, len(groups)) if _is_date(folded, groups[i])), len(groups))
            start, end = groups[index][0], groups[last - 1][1]
            if sum(len(group[2]) for group in groups[index:last]) >= 7 and not _is_quantity(folded, start, end):
                yield _passage(start, end, "long_number")
            index = last


def _addresses(text, folded):
    for match in _ADDRESS.finditer(folded):
        first = _FIRST_PART.match(folded, match.start())
        # 一栋楼, 三幢房子: a Chinese numeral before 栋/幢 alone counts buildings; 三栋二单元 is an address.
        counted = (first.end() == match.end() and text[match.start()] in _CHINESE_DIGITS
                   and folded[first.end() - 1] in "栋幢棟")
        if not counted:
            yield _passage(match.start(), match.end(), "address")
    for pattern in (_FLOOR_ROOM, _ROOM, _SHORTHAND, _BIG_NUMBER, _LABELLED):
        for match in pattern.finditer(folded):
            if pattern in (_FLOOR_ROOM, _SHORTHAND) and _is_quantity(folded, match.start(), match.end()):
                continue
            if pattern is _SHORTHAND and re.fullmatch(r"(?:19|20)\d\d", match.group(2)):
                continue  # 12/2025: a month and its year
            yield _passage(match.start(), match.end(), "address")
    for match in _DOOR.finditer(folded):
        floor, room = int(match.group(1)), int(match.group(2))
        if floor and 1 <= room <= 12 and not _COUNTING.search(folded[max(0, match.start() - 4):match.start()]):
            yield _passage(match.start(), match.end(), "address")
    for match in _STREET.finditer(folded):
        yield _passage(match.start(1), match.end(1), "address")


def _names(text, names):
    lowered = text.lower()
    for name in {(name or "").strip().lower() for name in names}:
        if len(name) < 2 or "*" in name:
            continue
        start = lowered.find(name)
        while start != -1:
            yield _passage(start, start + len(name), "name")
            start = lowered.find(name, start + len(name))
    for match in _TITLED.finditer(text):
        yield _passage(match.start(), match.end(), "name")
    for match in _NAME_LABEL.finditer(text):
        if "某" not in match.group(1):  # 张某: already anonymised
            yield _passage(match.start(1), match.end(1), "name")


def find(text, names=()):
    """The passages of `text` that are personal data, in order, overlapping ones merged."""
    if not text:
        return []
    folded = text.translate(_FOLD)
    numbers = _REFERENCE.sub(lambda match: "x" * len(match.group()), folded)
    found = [*_numbers(numbers), *_addresses(text, numbers), *_names(text, names)]
    for pattern, kind in ((_EMAIL, "email"), (_IM, "im")):
        found += [_passage(match.start(), match.end(), kind) for match in pattern.finditer(folded)]
    merged = []
    for passage in sorted(found, key=lambda passage: (passage.start, -passage.end)):
        if merged and passage.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = last._replace(end=max(last.end, passage.end))
        else:
            merged.append(passage)
    return merged


def name_candidates(text):
    """What a caller looks up among the names it knows: every two to four Chinese characters in a row, and one to
    three Latin words in a row (zhang wei, as written, lower-case and capitalised: a database compares exactly)."""
    candidates = set()
    for run in _HAN.finditer(text or ""):
        word = run.group()
        candidates.update(word[i:i + size] for size in (2, 3, 4) for i in range(len(word) - size + 1))
    words = _LATIN_WORD.findall(text or "")
    for size in (1, 2, 3):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size])
            candidates.update((phrase, phrase.lower(), phrase.title()))
    return candidates


def mask(text, passages=None):
    """The text with each passage replaced by ***: the second guard on display, after the refusal."""
    passages = find(text) if passages is None else passages
    out, at = [], 0
    for passage in passages:
        out += [text[at:passage.start], MASK]
        at = passage.end
    return "".join(out) + (text or "")[at:]


def segments(text, passages):
    """[Piece(text, reason)] covering the whole text, reason "" outside the passages: what a page highlights."""
    out, at = [], 0
    for passage in passages:
        out += [Piece(text[at:passage.start], ""), Piece(text[passage.start:passage.end], str(passage.reason))]
        at = passage.end
    return [piece for piece in [*out, Piece(text[at:], "")] if piece.text]


def refusal(text, passages):
    """The ValidationError (code "personal_data") that names each passage to remove and why."""
    items = [gettext("“%(text)s” (%(reason)s)") % {"text": text[p.start:p.end], "reason": p.reason}
             for p in passages]
    return ValidationError(
        gettext("This text contains personal data and cannot be made public. Remove %(passages)s, then try again.")
        % {"passages": gettext("; ").join(items)}, code="personal_data")


def refuse_personal_data(text, names=()):
    """Raise refusal(…) when `text` has any passage of personal data."""
    passages = find(text, names)
    if passages:
        raise refusal(text, passages)
