"""People and their posts.

A person is introduced by a trigger ("Đồng chí", "ông", an honorific such as
"Tiến sĩ", or a post title) followed by a capitalised name, and often by an
apposition chain of posts: "Đồng chí Nguyễn Quốc Khánh, Ủy viên Ban Thường vụ Tỉnh ủy,
Trưởng Ban Tổ chức Tỉnh ủy". Upper-case bylines are turned into proper names.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from functools import cache, lru_cache

from kg.extract.lexicon import alternation, lexicon, not_after_first, place_at, word_start
from kg.extract.organizations import (
    OrgParse,
    body_of_title,
    country_after,
    earlier_body,
    org_mention,
    parse_org,
    post_org,
    vietnamese_syllable,
)
from kg.records import ORGANIZATION, PERSON, Fact, Mention
from kg.textnorm import LOWER, UPPER, fold, match_key

# a capitalised word of a name; "H'Yim", "Y'Ngọc": the Ê Đê and Gia Rai name prefixes
_WORD = re.compile(r"(?:[HY]'(?=[" + UPPER + r"]))?[" + UPPER + r"][" + LOWER + r"]*(?:-[" + LOWER + r"]+)?(?!\w)")
_SEP = re.compile(r"\s*(?:,|;|–|—|-|:)\s*|\s+")
# words that end a name even when capitalised (sentence-initial verbs, places)
_NOT_NAME = frozenset(
    {"Phó", "Bí", "Chủ", "Ủy", "Uỷ", "Tỉnh", "Huyện", "Ban", "Tại", "Cùng", "Và", "Đồng", "Thường", "Viện", "Giám"}
)


_WITHHELD = re.compile(r"\.\s*(?:\(|[" + LOWER + r"])")
_HOUSE_NUMBER = re.compile(r"\d+[a-z]?(?:/\d+[a-z]?)*")
_BARE_NAME = re.compile(r"[" + UPPER + r"]" + not_after_first(r"[\w.]") + r"\w*(?: [" + UPPER + r"]\w*){2,4}(?!\w)")
# words after which a capitalised name is a street, school, prize… named after a person
_NOT_BEFORE_NAME = frozenset(
    {
        "đường",
        "phố",
        "trường",
        "thpt",
        "thcs",
        "học",
        "cầu",
        "quỹ",
        "giải",
        "viện",
        "xã",
        "phường",
        "quận",
        "huyện",
        "tỉnh",
        "bệnh",
        "công",
        "khu",
        "làng",
        "chợ",
        "bến",
        "hẻm",
        "ngõ",
        "lăng",
        "đền",
        "tượng",
        "tên",
        "hiệu",
        "thôn",
        "ấp",
        "bản",
        "trại",
        "mộ",
        "nhà",
        "số",
        "tuyến",
        "đại",
        "tiểu",
        "dự",
        "tại",
        "trận",
        "sông",
        "núi",
        "đảo",
    }
)


def _title(key_text: str) -> str:
    """The post title as written in the lexicon ("ủy viên" → "Ủy viên", "uv bct" → "UV BCT")."""
    k = re.sub(r"\s+", " ", key_text)
    lex = lexicon()
    if k in lex.post_titles:
        return lex.post_titles[k]
    return next(t for t in lex.raw["standalone_posts"] if match_key(t) == k)


def standalone_post(title: str) -> str | None:
    """The full post a title names by itself ("Thủ tướng" → "Thủ tướng Chính phủ"), if it does."""
    if title.startswith(_DEPUTY_OF_TERM):  # "Đại biểu Quốc hội khóa XIV"
        return title
    return lexicon().raw["standalone_posts"].get(title)


_DEPUTY_OF_TERM = "Đại biểu Quốc hội khóa "
_BELONGS = re.compile(r"thuộc\s+(?=\S)")
# (standing again: "2 ứng viên là đại biểu Quốc hội đương nhiệm tái cử tại đơn vị bầu cử này là bà A và ông B")
_SITTING = re.compile(
    r" đương nhiệm(?!\s+kh[óo]a)(?: tái cử| tái ứng cử| tự ứng cử| ứng cử)?(?: tại đơn vị bầu cử (?:này|số \d+))?(?!\w)"
)
# the terms of the Quốc hội, from the first sitting of each (its deputies sit until the next one's)
_TERMS = ((dt.date(2011, 7, 21), "XIII"), (dt.date(2016, 7, 20), "XIV"), (dt.date(2021, 7, 20), "XV"))


def _term_sitting(date: dt.date | None) -> str | None:
    """The term of the Quốc hội sitting on ``date`` (None before 2011 and after the XVI's election in 2026)."""
    if date is None or date < _TERMS[0][0] or date >= dt.date(2026, 3, 15):
        return None
    return [term for start, term in _TERMS if start <= date][-1]


_TERM = re.compile(r"\s+(?:đương nhiệm\s+)?kh[óo]a\s+([ivxl]+)(?!\w)")


_IN_CHARGE = re.compile(r"\s+phụ trách(?=\s+\S)")


def _in_charge(title: str, end: int, key: str) -> tuple[str, int]:
    """ "Phó Giám đốc phụ trách Sở Xây dựng": a deputy in charge of the body; the title says so.
    "Thứ trưởng thường trực Bộ Công Thương": the standing deputy, written in the title."""
    m = _IN_CHARGE.match(key, end) if title.startswith(("Phó", "Quyền")) else None
    if m is None and (title.endswith("trưởng") or title in _STANDING_TITLES):
        m = _STANDING.match(key, end)
        return (f"{title} Thường trực", m.end()) if m else (title, end)
    return (f"{title} phụ trách", m.end()) if m else (title, end)


# titles a standing deputy's "thường trực" follows ("Thứ trưởng thường trực", "Phó Thủ tướng Thường trực"),
# besides those the lexicon has ("Phó Bí thư Thường trực"); not "Thường trực HĐND", an organ
_STANDING_TITLES = frozenset({"Thành viên", "Phó Thủ tướng", "Phó Giám đốc", "Phó Tổng Giám đốc"})
_STANDING = re.compile(r"\s+thường trực(?=\s+(?!hđnd|hội đồng nhân dân|ban bí thư|tỉnh ủy|thành ủy|huyện ủy)\S)")


def _with_term(title: str, key: str, end: int) -> tuple[str, int]:
    """ "đại biểu Quốc hội (đương nhiệm) khóa XIV": the deputy's post is in that term's Quốc hội."""
    term = _TERM.match(key, end) if title == "Đại biểu Quốc hội" else None
    return (_DEPUTY_OF_TERM + term.group(1).upper(), term.end()) if term else (title, end)


def post_body_mention(text: str, key: str, title: str, start: int) -> Mention | None:
    """The body a standalone post title names in its own words ("Ủy viên Bộ Chính trị", "UV BCT",
    "Chủ tịch Quốc hội"), as an organisation mention over the title; None for titles that only
    imply their body ("Thủ tướng", "Tổng Bí thư")."""
    lex = lexicon().raw
    if title not in lex["standalone_posts_naming_body"]:
        return None
    m = _triggers()[1].match(key, start)
    if m is None:
        return None
    label = lex["standalone_post_orgs"][lex["standalone_posts"][title]]
    base = {"kind": "central", "label": label, "parent": None}
    return Mention.at(
        text, ORGANIZATION, start, m.end(), label, attrs={"departments": [], "base": base, "in_post": True}
    )


@cache
def _triggers() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    honor = alternation(list(lex.raw["honorifics"]))
    trig = alternation(lex.raw["person_triggers"])
    posts = alternation(list(lex.post_titles) + list(lex.raw["standalone_posts"]))
    return (
        re.compile(r"(?<!\w)(?:(" + trig + r")\s+(?:(" + honor + r")\s+)?|(" + honor + r")\s+)"),
        re.compile(r"(?:" + posts + r")(?!\w)"),
        re.compile(r"(?<!\w)(?:" + honor + r")(?=\s)"),
    )


def _name_at(
    text: str, pos: int, surnames: frozenset[str], need_surname: bool, foreign_ok: bool = False
) -> tuple[str, int] | None:
    """Two to five capitalised syllables starting at ``pos``; with ``foreign_ok``, a name with a
    word no Vietnamese syllable spells ("ông Jens Lottner", "bà Winnie Wong") needs no family name."""
    words: list[str] = []
    end = pos
    cur = pos
    while len(words) < 5:
        m = _WORD.match(text, cur)
        glued = _GLUED_NAME.match(text, cur) if not m and words else None
        if glued and not glued.group().isascii() and all(map(vietnamese_syllable, glued.groups())):
            words.extend(glued.groups())  # "TS. Nguyễn DanhNguyên": a space left out inside the name
            end = glued.end()
            break
        if not m or m.group() in _NOT_NAME and words and not _name_word_here(text, words, m):
            break
        cut = _glued(m.group()) if words else None
        if cut:  # "Bùi Xuân Khuđược bổ nhiệm": a space left out after the name
            words.append(m.group()[:cut])
            end = m.start() + cut
            break
        words.append(m.group())
        end = m.end()
        if foreign_ok and len(words) > 1 and len(m.group()) == 1 and _INITIAL_GOES_ON.match(text, end):
            words[-1] += "."  # "George W. Bush": a foreign middle initial
            end += 1
        if text[end : end + 1] != " ":
            break
        cur = end + 1
    if len(words) < 2 or len(words[-1]) == 1 and _WITHHELD.match(text, end):
        return None  # "giáo viên Nguyễn Thanh Q. của trường": a name the paper withholds (not "Trần Đông A")
    if words[0] in _REGION_FIRST:
        region = _region_at(words)
        if region is not None:
            return None  # "Hoa hậu Châu Á Thái Bình Dương", "Hoa hậu Hàn Quốc Thái Bình Dương": a title's region
    family = words[0][:2] if words[0][1:2] == "'" else words[0]  # "H'Yim Kđoh": the family name is "H'"
    rare = family in _RARE_FAMILY and len(words) > 2 and words[1] in _MIDDLE  # "Đồng Văn Thanh"
    if need_surname and family not in surnames and not rare and not (foreign_ok and any(map(_foreign_word, words))):
        return None
    if words[0] in _NOT_NAME and not rare:
        return None  # "Đồng Văn Thanh" is a name; "Đồng Tháp" is not
    return " ".join(words), end


# continents, oceans and regions of the world, whose first word is also a family name ("Châu", "Thái", "Đông")
_REGIONS = frozenset(
    {"Châu Á", "Châu Âu", "Châu Phi", "Châu Mỹ", "Châu Úc", "Thái Bình Dương", "Đông Nam Á", "Đông Á", "Đông Âu"}
)


@cache
def _regions_and_countries() -> frozenset[str]:
    """Regions, and countries of two or more words ("Hàn Quốc", "Thái Lan"), that a name cannot open with
    when a region follows them ("Hàn Quốc Thái Bình Dương")."""
    return _REGIONS | frozenset(c for c in lexicon().raw["countries"] if " " in c)


_REGION_FIRST = frozenset(r.split()[0] for r in _REGIONS) | {"Hàn", "Trung", "Nhật", "Ấn"}


def _region_at(words: list[str]) -> int | None:
    """How many words a region takes at the start of ``words`` ("Châu Á …"), or a country when a region comes
    right after it ("Hàn Quốc Thái Bình Dương"); None when the words open with neither."""
    for n in (3, 2):
        if " ".join(words[:n]) in _REGIONS:
            return n
        if " ".join(words[:n]) in _regions_and_countries() and len(words) > n and _region_at(words[n:]) is not None:
            return n
    return None


_GLUED_NAME = re.compile(r"([" + UPPER + r"][" + LOWER + r"]+)([" + UPPER + r"][" + LOWER + r"]+)(?!\w)")


def _glued(word: str) -> int | None:
    """Where a lower-case word glued to a name's last word starts ("Khuđược", "Trọngmong": a space left
    out), when the word is no Vietnamese syllable but two; None otherwise (foreign names are ASCII)."""
    if len(word) < 6 or word.isascii() or vietnamese_syllable(word):
        return None  # (a syllable has at most seven letters: "nghiêng"; "Thuầnvà" has seven)
    for k in range(2, len(word) - 1):
        if word[k:].islower() and vietnamese_syllable(word[:k]) and vietnamese_syllable(word[k:]):
            return k
    return None


# middle names, after which a word that often ends a name ("Thường", "Tỉnh") is the given name
_MIDDLE = frozenset({"Văn", "Thị", "Đức", "Minh", "Ngọc", "Quang", "Xuân", "Hữu", "Công", "Thanh", "Phi", "Đình", "Bá"})
# family names that are also common words of places or titles: a name only before a middle name
_RARE_FAMILY = frozenset({"Đồng", "Phó"})  # "Phó Thị Nguyệt Hằng"
_TITLE_AFTER = re.compile(r" +(?:trực|vụ|ủy|ủy|đoàn|ban|tịch|thư)(?!\w)")


def _name_word_here(text: str, words: list[str], m: re.Match) -> bool:
    """ "Nguyễn Phi Thường (sinh năm 1971)", "Hoàng Văn Tỉnh": after a middle name such a word is the given
    name, unless a title goes on with it ("Nguyễn Văn| Thường trực …")."""
    return len(words) >= 2 and words[-1] in _MIDDLE and not _TITLE_AFTER.match(text, m.end())


def _foreign_word(word: str) -> bool:
    """A capitalised word that is not one Vietnamese syllable: "Jens", "Lottner", "Saitoh"; or one that
    only looks like one but breaks Vietnamese spelling ("Sing", "Kung", "Yong", "Ye": Chan Chun Sing,
    Ong Ye Kung, Gan Kim Yong)."""
    if any(c in word for c in "ĐđƠơƯưĂăÂâÊêÔô"):
        return False
    if len(word) > 2 and not vietnamese_syllable(word):
        return True
    return word.isascii() and _NOT_VIETNAMESE_SPELLING.search(word.lower()) is not None


# spellings no Vietnamese syllable has: "k" before a, o, u ("Kung"; Vietnamese writes "c"), "c" before e, i, y,
# "gh" before a, o, u, "y" before a, o, u ("Yong"), "ing" ("Sing"; Vietnamese writes "inh"), "ea", "ee", "ou",
# "ei", and "ye" with nothing after it ("Ye"; Vietnamese "yê" ends in a consonant or "u")
_NOT_VIETNAMESE_SPELLING = re.compile(r"^(?:k[aou]|c[eiy]|gh[aou]|y[aou])|ing$|ea|ee|ou|ei|^ye$")


# "- cựu chủ tịch xã Thạnh An": a former post in lower case, in a body named by its level and place
_FORMER_LEVEL = re.compile(r"(?<!\w)(?:cựu|nguyên) $")
_LEVEL_AFTER = re.compile(r" (?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh) (?=\S)")
_CHAIN_SEP = re.compile(
    r"(?:\s*\((?:[^()\n]{0,25}[-–,]\s*)?(?:sinh|sn)[^)]{0,30}\)|\s*\(\d{1,3} tuổi\))?"  # "(60 tuổi)"
    # where a photo shows the person: "(bên trái)", "(thứ hai từ phải sang)"
    r"(?:\s*\((?:[\w ]{0,16} )?(?:trái|phải|giữa)(?: sang| qua)?\))?(?:\s*(?:,|;|–|—|-|:|\()\s*|\s+)"
    r"(?:(?:và|kiêm|hiện là|hiện|đồng thời là|nguyên|cựu|là|cũng là|từng là|từng giữ chức|từng|giữ chức(?: vụ)?|"
    r"giữ cương vị|đảm nhiệm(?: chức(?: vụ)?)?|làm|rồi|sau đó là|trước đó là|trở thành|sẽ|người|tân)\s+)*",
    re.IGNORECASE,
)
_ADDRESSED = re.compile(r"(?<!\w)(?:với|của|cho|tới|lên|trước|gửi)\s+$")
_CHAIN_BEFORE = re.compile(r"\s*(?:,|;|và)\s*(?:kiêm\s+)?$")


@cache
def _rank_re() -> re.Pattern:
    """A rank or degree standing alone between the posts of a chain ("…, Đại tá, Phó Tham mưu
    trưởng …", "(Sinh năm 1982), Bác sĩ, Trưởng khoa …", "Bác sĩ y khoa, Phó giám đốc …")."""
    honor = alternation(list(lexicon().raw["honorifics"]))
    return re.compile(r"(?:" + honor + r")(?!\w)")


_RANK_END = re.compile(r"(?:\s+[" + LOWER + r"]+){0,2}(?=\s*[,;])")


def _rank_at(text: str, key: str, pos: int) -> int | None:
    """End of a rank or degree written at ``pos`` and closed by a comma, if there is one."""
    m = _rank_re().match(key, pos) if text[pos : pos + 1].isupper() else None
    end = _RANK_END.match(text, m.end()) if m else None
    return end.end() if end else None


# the head of a body that writers leave in lower case after a lower-case title
_LOWER_HEAD = re.compile(r" +(?:trường|bệnh viện|công ty|tập đoàn|ngân hàng|học viện|viện|trung tâm) +(?=\S)")


def _followed_by_name(text: str, end: int) -> bool:
    """Whether a body's name (a capital) follows a lower-case title: "ủy viên Bộ Chính trị"."""
    nxt = re.compile(r"\s+").match(text, end)
    return bool(nxt) and text[nxt.end() : nxt.end() + 1].isupper()


_PARTY_TITLES = frozenset({"Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực"})
_COMMITTEES = {"tỉnh": ("Tỉnh ủy", "province"), "thành phố": ("Thành ủy", "city"), "huyện": ("Huyện ủy", "district")}
_COMMITTEES |= {"quận": ("Quận ủy", "district"), "thị xã": ("Thị ủy", "district")}


def _committee_of(text: str, org: Mention):
    """For a Party title with no body before a post in a local State body ("Phó Bí thư Thường
    trực, Chủ tịch HĐND tỉnh Kiên Giang"): a maker of the mention of that level's Party committee
    (Tỉnh ủy Kiên Giang; Đảng ủy of a commune), or None when the body is not a local one."""
    base = org.attrs["base"]
    if base.get("kind") != "level_body" or base.get("head") not in ("Hội đồng nhân dân", "Ủy ban nhân dân"):
        return None
    level = base.get("level", "tỉnh")
    if base.get("commune"):
        party = {"kind": "level_body", "head": "Đảng ủy", "level": level, "commune": base["commune"]}
        label = "Đảng ủy"
    elif level in _COMMITTEES:
        label, kind = _COMMITTEES[level]
        party = {"kind": "committee", "head": label, "level": kind}
        if base.get("place"):
            party["place"] = base["place"]
    else:
        return None

    def make(start: int, end: int) -> Mention:
        attrs = {"base": dict(party), "departments": [], "derived": True, "implied": True}
        return Mention.at(
            text, ORGANIZATION, start, end, label, scope="" if "place" in party else org.scope, attrs=attrs
        )

    return make


_FOREIGN_BODIES = {"Nhà nước": "Nhà nước", "Chính phủ": "Chính phủ", "Quốc hội": "Quốc hội"}


def _foreign_post(text: str, title: str, start: int, end: int) -> tuple[Mention, int] | None:
    """ "Thủ tướng Singapore Lý Hiển Long", "Chủ tịch nước Cuba": a standalone title followed by a
    foreign country is that country's post ("Thủ tướng Singapore"), in that country's body, which
    the title only implies (no mention of it); (the body's mention, where the country ends)."""
    foreign = lexicon().raw["foreign_post_titles"].get(title)
    if foreign:  # "Ngoại trưởng Australia": Bộ trưởng Ngoại giao Australia; "Chủ tịch Trung Quốc": Chủ tịch nước
        word, post_title = foreign
    else:
        full = standalone_post(title)
        body = lexicon().raw["standalone_post_orgs"].get(full or "", "")
        word, post_title = next((w for k, w in _FOREIGN_BODIES.items() if body.startswith(k)), None), title
    country = (country_after(text, end) or _state_after(text, end)) if word else None
    if country is None:
        return None
    name, country_end = country
    return _foreign_body_mention(text, title, word, post_title, name, start, country_end), country_end


# foreign titles that write their body out: "Ủy viên Quốc vụ" (of the Quốc vụ viện, China's State Council)
_TITLES_NAMING_BODY = frozenset({"Ủy viên Quốc vụ"})


_CAPITAL_AT = re.compile(r" (?=[" + UPPER + r"])")


def _without_foreign_name(text: str, key: str, parsed: OrgParse, title: str) -> OrgParse | None:
    """ "Bộ trưởng Giao thông Ong Ye Kung sẽ …": a body the lexicon does not know, read on into the foreign
    name of its head, ends before the name."""
    label = parsed.base.get("label", "").split()
    if parsed.base.get("kind") != "named" or label[:1] != ["Bộ"] or not label[1:2] or not label[1][0].isupper():
        return parsed  # (not "Công ty Cổ phần Tập đoàn Thai Group", "Bộ phận ẩm thực Khách sạn Mia Luxury Saigon")
    if parsed.departments:
        return parsed
    countries = lexicon().raw["countries"]
    for m in _CAPITAL_AT.finditer(text, parsed.start, parsed.end):
        name = _name_at(text, m.end(), lexicon().surnames, need_surname=True, foreign_ok=True)
        if name and name[0].startswith(tuple(c + " " for c in countries)):
            continue  # "Bộ trưởng Giao thông Singapore Ong Ye Kung": the country ends the ministry's name
        if name and name[1] == parsed.end and any(map(_foreign_word, name[0].split())):
            cut = post_org(text[: m.start()], key[: m.start()], parsed.start, title)
            return cut if cut is not None and cut.end == m.start() else parsed
    return parsed


def _foreign_body_mention(text: str, title: str, word: str, post_title: str, country: str, start: int, end: int):
    """The mention of a foreign country's body a title names or implies ("Thủ tướng Singapore": Chính phủ
    Singapore, implied; "Ủy viên Quốc vụ Trung Quốc": Quốc vụ viện Trung Quốc, written in the title)."""
    base = {"kind": "central", "label": f"{word} {country}", "parent": None}
    attrs = {"base": base, "departments": [], "derived": True, "post_label": f"{post_title} {country}"}
    if title not in _TITLES_NAMING_BODY:
        attrs["implied"] = True
    return Mention.at(text, ORGANIZATION, start, end, base["label"], attrs=attrs)


def _country_post(text: str, title: str, org: Mention | None, country: str) -> Mention | None:
    """A post a foreign person holds in a body the title names without its country, in the country the
    article is about ("Bộ trưởng Công thương Chan Chung Sing", "Phó thủ tướng Heng Swee Keat" in an article
    about Singapore): the mention of that country's body ("Bộ Công thương Singapore"; for a title that names
    the whole post, the body it implies, as ``_foreign_post``); None for bodies that are not the State's."""
    if org is None:
        body = lexicon().raw["standalone_post_orgs"].get(standalone_post(title) or "", "")
        word = next((w for k, w in _FOREIGN_BODIES.items() if body.startswith(k)), None)
        if word is None:
            return None
        base = {"kind": "central", "label": f"{word} {country}", "parent": None}
        attrs = {"base": base, "departments": [], "derived": True, "implied": True, "post_label": f"{title} {country}"}
        return Mention.at(text, ORGANIZATION, 0, 0, base["label"], attrs=attrs)
    if not _ministry(org) or _foreign_body(org):
        return None
    written = " ".join(text[org.start : org.end].split())
    if not written.startswith("Bộ "):
        if not title.endswith("Bộ trưởng"):  # "Bộ trưởng Công thương": the ministry of that field
            return None
        written = "Bộ " + written
    label = f"{written} {country}"
    attrs = {"base": {"kind": "central", "label": label, "parent": None}, "departments": [], "derived": True}
    attrs["replaces"] = True  # the mention of the Vietnamese body read at the same place gives way
    return Mention.at(text, ORGANIZATION, org.start, org.end, label, attrs=attrs)


@cache
def _country_re() -> re.Pattern:
    names = sorted(["Việt Nam", *lexicon().raw["countries"]], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


_WORD_BEFORE = re.compile(r"(\S+) $")


def _article_country(text: str) -> str | None:
    """The foreign country an article is about: named at least twice, more often than Việt Nam and more than
    twice as often as any other (a country word next to a capitalised word is part of a name: "Lê Anh
    Tuấn", "Thủ tướng Singapore Lý Hiển Long" are not counted)."""
    counts: dict[str, int] = {}
    for m in _country_re().finditer(text):
        if text[m.end() : m.end() + 1] == " " and text[m.end() + 1 : m.end() + 2].isupper():
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before and before.group(1)[0].isupper() and before.group(1)[-1].isalpha():
            continue
        counts[m.group()] = counts.get(m.group(), 0) + 1
    ranked = sorted(counts.items(), key=lambda c: -c[1])
    if not ranked or ranked[0][0] == "Việt Nam" or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] <= 2 * ranked[1][1]:
        return None
    return ranked[0][0]


def _country_before(text: str, pos: int, country: str) -> str:
    """The country a foreign post at ``pos`` is of, in an article about ``country``: the last other foreign country
    its paragraph names before it ("… Bộ trưởng Tư pháp Mỹ Merrick Garland, và Bộ trưởng An ninh Nội địa
    Alejandro Mayorkas" in an article about Nga: Mỹ's), else the article's."""
    named = [m.group() for m in _country_re().finditer(text, text.rfind("\n", 0, pos) + 1, pos)]
    named = [c for c in named if c != "Việt Nam"]
    return named[-1] if named else country


def _foreign_person(label: str) -> bool:
    """A person whose name is not Vietnamese: a family name no Vietnamese has, or a word no Vietnamese
    syllable spells ("Chan Chun Sing", "Heng Swee Keat")."""
    words = label.split()
    lex = lexicon()
    return words[0] not in lex.surnames or words[0] in lex.raw["foreign_surnames"] or any(map(_foreign_word, words))


def _ministry(org: Mention | None) -> bool:
    """A body of the State ("Bộ Tài chính"), or a ministry the lexicon does not know ("Bộ Phát triển Quốc gia")."""
    base = (org.attrs.get("base") or {}) if org is not None else {}
    if org is None or org.attrs.get("departments") or base.get("brand") or "prefix" in base:
        return False
    return base.get("kind") == "central" or base.get("kind") == "named" and base.get("head") == "Bộ"


def _state_post(org: Mention | None) -> bool:
    """Whether a post is one of the Vietnamese State ("Thủ tướng", "Bộ trưởng Bộ Tài chính"), not a
    company's ("Tổng Giám đốc Techcombank")."""
    base = (org.attrs.get("base") or {}) if org is not None else {}
    return org is None or base.get("kind") == "central" and not base.get("brand")


def _foreign_body(org: Mention | None) -> bool:
    """A known body of a foreign country: "Bộ Quốc phòng Anh" (Bộ trưởng Quốc phòng Anh Ben Wallace)."""
    if org is None or (org.attrs.get("base") or {}).get("kind") not in ("central", "named"):
        return False
    words = org.label.split()
    return any(" ".join(words[-n:]) in _countries() for n in (1, 2, 3, 4) if len(words) > n)


@cache
def _countries() -> frozenset[str]:
    return frozenset(lexicon().raw["countries"])


_STATE = re.compile(r"\s+(bang\s+[" + UPPER + r"]\w+)(?=\s+[" + UPPER + r"])")


def _state_after(text: str, pos: int) -> tuple[str, int] | None:
    """A foreign federal state named after a governor's title: "Thủ hiến| bang Victoria Daniel Andrews"."""
    m = _STATE.match(text, pos)
    return (m.group(1), m.end(1)) if m else None


def _next_person(text: str, end: int, foreign_ok: bool = False) -> bool:
    """Whether a full personal name follows a post right after one space: the post is that person's;
    with ``foreign_ok``, a foreign name of two words too ("…, Giám đốc điều hành Apple Tim Cook")."""
    if text[end : end + 1] == " ":
        end += 1
    elif not (end and text[end - 1].islower() and text[end : end + 1].isupper()):  # "Trung QuốcNgụy Phượng Hòa"
        return False
    name = _name_at(text, end, lexicon().surnames, need_surname=True, foreign_ok=foreign_ok)
    return name is not None and (len(name[0].split()) >= 3 or foreign_ok)


_INITIAL_GOES_ON = re.compile(r"\. [A-Z][a-z]")
_NEW_OR_FORMER = re.compile(r"(?<!\w)(?:tân|nguyên|cựu)\s+$")
_SCHOOL_UNIT_NAMES = {"công đoàn": "Công đoàn", "hội sinh viên": "Hội Sinh viên", "đảng ủy": "Đảng ủy", "đoàn": "Đoàn"}
# a union of the school, the word "trường" standing for the school named ("Công đoàn Trường", not "Đoàn Trường THPT")
_SCHOOLS_UNIT = re.compile(
    r"(công đoàn|hội sinh viên|đảng ủy|đoàn)\s+trường(?=\s*(?:[,;.\n]|$|\s+(?:và|kiêm|nhiệm kỳ|đã|được)\s))"
)
_OUR_SCHOOL = re.compile(r"\s+nhà trường(?!\w)")
_CENTRAL_LEVEL = re.compile(r"trung ương\s+(?=hội\s)")


def _central_level(key: str, pos: int) -> int:
    """Where the body starts after "Trung ương" naming an association's central level: "Phó Chủ tịch Trung
    ương Hội Khuyến học Việt Nam" is a post of Hội Khuyến học Việt Nam."""
    m = _CENTRAL_LEVEL.match(key, pos)
    return m.end() if m else pos


# (or nothing, where the space was left out: "Bộ trưởng Quốc phòng Trung QuốcNgụy Phượng Hòa")
_BEFORE_NAME = re.compile(r"\s+(?:[-–]\s+)?|(?<=[" + LOWER + r"])(?=[" + UPPER + r"][" + LOWER + r"])")


def _skip_space(text: str, pos: int) -> int:
    while text[pos : pos + 1] == " ":
        pos += 1
    return pos


# "được bầu làm", "được đại hội bầu giữ chức vụ", "đã được bổ nhiệm giữ chức": the post follows
_ELECTED = re.compile(
    r"\s*(?:,|\s[-–])?\s*(?:người\s+)?(?:(?:đã|cũng|tiếp tục|vừa)\s+)*được(?:\s+[" + LOWER + r"]+){0,3}?\s+"
    r"(?:bầu|bầu lại|bổ nhiệm|tái bổ nhiệm|chỉ định|phân công)\s+(?:giữ\s+chức(?:\s+vụ|\s+danh)?|làm)\s+(?:tân\s+)?"
)
_COMMA = re.compile(r"\s*,\s+(?=[" + UPPER + r"])")
_BOARD_DASH = re.compile(r"\s+[-–]\s+(?=(?:Phó )?(?:Tổng Giám đốc|Giám đốc|Tổng giám đốc|Giám đốc điều hành)\s)")
_KIEM = re.compile(r"\s+(?:kiêm|trở thành)\s+")  # "nguyên Phó Hiệu trưởng trở thành Hiệu trưởng nhà trường"
_AFTER_POST = re.compile(r"(?:\s+nhiệm kỳ\s+\d{4}\s*-\s*\d{4}|\s+khóa\s+[ivxl]+(?!\w))+")
_BARE_PARTY = re.compile(
    r"\s+((?:ban thường vụ|ban chấp hành|ủy ban kiểm tra|văn phòng)\s+)?"
    r"(đảng ủy cơ quan|đảng ủy|đảng đoàn|ban cán sự đảng|chi bộ)"
    r"(?=\s*(?:,|;|\s+nhiệm|\s+và|\s+kiêm|$)|[ \t]*\n|\s+(?:(?:đã|cũng|tiếp tục|vừa)\s+)*được\s)"
)
_BARE_ORGANS = {
    "đảng ủy cơ quan": "Đảng ủy cơ quan",
    "đảng ủy": "Đảng ủy",
    "đảng đoàn": "Đảng đoàn",
    "ban cán sự đảng": "Ban Cán sự Đảng",
    "chi bộ": "Chi bộ",
    "ban thường vụ": "Ban Thường vụ",
    "ban chấp hành": "Ban Chấp hành",
    "ủy ban kiểm tra": "Ủy ban Kiểm tra",
    "văn phòng": "Văn phòng",
}


# the Party committee of a body of the chain written short: "Đảng ủy Kho bạc" after "Kho bạc Nhà nước tỉnh Phú Yên"
_PARTY_OF_SHORT = re.compile(
    r" (Đảng ủy|Chi bộ) ([" + UPPER + r"][" + LOWER + r"]*(?: [" + LOWER + r"]+)?)(?=\s+nhiệm kỳ|\s*[,;.]|\s*$)"
)


# a body the parser cannot read (a head word, up to four words) between a title and the next post of a chain
_UNREAD_BODY = re.compile(
    r" (?:Đảng|Chi|Ban|Phòng|Hội|Công|Trung|Văn|Tỉnh|Huyện|Thành|Quận|Bộ|Sở|Cục|Vụ|Viện|Trường|Khoa|Đoàn)"
    r"(?: [" + UPPER + LOWER + r"][" + LOWER + r"]*){1,4}, (?=[" + UPPER + r"])"
)


# the organs of a company, whose titles name no body when the article is about one company
BOARD_TITLES = frozenset(
    {
        "Chủ tịch Hội đồng quản trị",
        "Phó Chủ tịch Hội đồng quản trị",
        "Thành viên Hội đồng quản trị",
        "Thành viên Thường trực Hội đồng quản trị",
        "Phó Chủ tịch Thường trực Hội đồng quản trị",
        "Trưởng Ban Kiểm soát",
        "Thành viên Ban Kiểm soát",
    }
)
_GIVEN_NAME = re.compile(
    word_start(["Ông", "Bà", "ông", "bà"])
    + r" (["
    + UPPER
    + r"]["
    + LOWER
    + r"]+)(?= (?:là|từng là|nguyên là|hiện là|giữ chức|từng giữ chức) )"
)
_DEPUTY_HEAD = re.compile(r"Phó(?= Ban [" + LOWER + UPPER + r"])")
_LIST_GOES_ON = re.compile(r"\s*[,;]\s*(?=[" + UPPER + r"])")
# a list of the posts someone has held: "với các vị trí …", "trải qua nhiều vị trí quan trọng như …", "như làm …"
# the rest of an item of a career list separated by semicolons, up to the next one
_ITEM_REST = re.compile(r"[^;.\n]{1,60}(?=;)")
_CAREER = re.compile(
    r"(?:vị trí|chức vụ|cương vị|nhiệm vụ)(?: quan trọng| lãnh đạo| công tác)?(?:(?: trong ["
    + LOWER
    + r" ]{3,20}?)? như)?"
    r"(?::(?= \w)|(?= [" + UPPER + r"]))|như làm(?= [" + UPPER + r"])"
)
_CAREER_VERB = re.compile(r"(?<!\w)(?:với|trải qua|từng giữ|nắm giữ|đảm nhận|đảm nhiệm|kinh qua)(?: nhiều| các)? $")
# "…, ông Đạo từng kinh qua các nhiệm vụ: …": the holder named again by the given name before the verb
_GIVEN_BEFORE = re.compile(r"(?<!\w)(?:[Ôô]ng|[Bb]à) ([" + UPPER + r"][" + LOWER + r"]+)(?: [" + LOWER + r"]+){0,2} $")
_SUBJECT = re.compile(r"(?:Ông|Bà) (?:([" + UPPER + r"][" + LOWER + r"]+)(?! [" + UPPER + r"])|(?=[" + LOWER + r"]))")


def _career_holder(text: str, people: list[Mention], pos: int) -> Mention | None:
    """Whose career a list at ``pos`` is: the last person named before it in its sentence, or the one the
    sentence opens with ("Ông Thắng có 18 năm …": the one person so named before; "Ông từng …": the last one)."""
    opening = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1)
    before = [p for p in people if p.start < pos]
    inside = [p for p in before if p.start >= opening]
    if inside:
        return max(inside, key=lambda p: p.start)
    given = _GIVEN_BEFORE.search(text, opening, pos)
    if given:
        named = {p.label: p for p in before if p.label.split()[-1] == given.group(1)}
        return next(iter(named.values())) if len(named) == 1 else None
    if before and text.endswith((" ông ", " bà "), 0, pos):  # "Từ năm 2013 đến nay, ông trải qua các vị trí …"
        return max(before, key=lambda p: p.start)
    subject = _SUBJECT.match(text, opening)
    if subject is None or not before:
        return None
    if subject.group(1) is None:
        return max(before, key=lambda p: p.start)
    named = {p.label: p for p in before if p.label.split()[-1] == subject.group(1)}
    return next(iter(named.values())) if len(named) == 1 else None


def _posts_after(
    text: str, key: str, pos: int, named_before: bool = False, career: bool = False, home: OrgParse | None = None
) -> tuple[list[tuple[str, Mention | None, int, int]], int]:
    """The chain of posts after a name: [(title, org mention or None, start, end)].

    "ông X - Phó Bí thư Đảng ủy nhiệm kỳ 2015-2020 và hiện là Hiệu trưởng Trường Đại học Đồng Nai";
    "Ông Y (Sinh năm 1972), Bí thư Đảng ủy, Cục trưởng Cục Thi hành án dân sự tỉnh Thanh Hóa": a bare
    "Đảng ủy" is the Party committee of the body named next in the chain. In a ``career`` list ("với
    các vị trí Thành viên HĐQT, Phó Tổng giám đốc Tập đoàn") a title without its body has the next one's.
    """
    _, post_re, _ = _triggers()
    posts: list[tuple[str, Mention | None, int, int]] = []
    # (title, "Ban Thường vụ" or None, "Đảng ủy", start, end): a Party organ waiting for its body
    pending: list[tuple[str, str | None, str, int, int]] = []
    shared: list[tuple[str, int]] = []  # titles waiting for the body of the title after "kiêm"
    party_titles: list[tuple[str, int, int]] = []  # a Party title with no body, before a State post
    abroad: list[tuple[str, int, int]] = []  # a foreign title with no country, before a post in a foreign body
    cur = pos
    while True:
        elected = _ELECTED.match(text, cur)  # "…, được bầu làm Chủ tịch Hội"
        sep = elected or _CHAIN_SEP.match(text, cur)
        if not sep or sep.end() == cur and cur != pos:
            break
        start = sep.end()
        rank = _rank_at(text, key, start)
        if rank:  # "…, Đại tướng, Chủ nhiệm Tổng cục Chính trị": a rank between posts
            cur = rank
            continue
        m = post_re.match(key, start)
        # after a name and a separator, a title in lower case is still a title ("- nguyên ủy viên …")
        deputy = None if m else _DEPUTY_HEAD.match(text, start)
        if not m and not deputy:
            item = _ITEM_REST.match(text, cur) if career and posts and sep.end() > cur else None
            if item:  # "…; Trưởng phòng Khoa học Công nghệ, Hợp tác và Sau đại học; Viện trưởng …": the next item
                cur = item.end()
                continue
            break
        # "Phó Ban chỉ đạo …": the deputy head of the Ban, whose name begins at "Ban"
        title = _title(key[m.start() : m.end()]) if m else "Phó Trưởng"
        title, after_title = _with_term(title, key, m.end()) if m else (title, deputy.end())
        title, after_title = _in_charge(title, after_title, key)
        written_upper = text[start : start + 1].isupper()
        if not (
            written_upper
            or standalone_post(title)
            and " " in title
            or _followed_by_name(text, m.end())
            or _LOWER_HEAD.match(key, m.end())  # "- giảng viên trường ĐH Tôn Đức Thắng"
            or title.endswith(" Hội đồng trường")  # "…, thành viên Hội đồng trường": the title names its body
            or _FORMER_LEVEL.search(text, max(0, start - 8), start)
            and _LEVEL_AFTER.match(key, after_title)
        ):
            break
        after = after_title
        org = None
        bare = _BARE_PARTY.match(key, after)
        if bare:
            dept = _BARE_ORGANS[re.sub(r"\s+", " ", bare.group(1).strip())] if bare.group(1) else None
            organ = _BARE_ORGANS[re.sub(r"\s+", " ", bare.group(2))]
            pending.append((title, dept, organ, bare.start(1) if dept else bare.start(2), bare.end()))
            cur = bare.end()
            tail = _AFTER_POST.match(key, cur)
            cur = tail.end() if tail else cur
            continue
        nxt = re.compile(r"\s+").match(key, after)
        ours = _OUR_SCHOOL.match(key, after) if nxt and title.endswith(("Hiệu trưởng", "Hội đồng trường")) else None
        if ours:  # "Phó Hiệu trưởng nhà trường": of the school the article has named
            school = body_of_title(text, key, start, ours.end(), title, school=True)
            if school is not None:
                org, after, nxt = org_mention(text, school), ours.end(), None
        unit = _SCHOOLS_UNIT.match(key, nxt.end()) if nxt and org is None else None
        if unit:  # "Chủ tịch Công đoàn Trường", "Phó Chủ tịch Hội Sinh viên trường": the school's union
            school = home or body_of_title(text, key, start, unit.end(), title, school=True)
            if school is not None:
                body = org_mention(text, school)
                name = _SCHOOL_UNIT_NAMES[re.sub(r"\s+", " ", unit.group(1))]
                if name == "Đảng ủy":
                    org = _party_of(text, name, None, nxt.end(), unit.end(), body)
                else:
                    attrs = {
                        "departments": [name],
                        "base": dict(body.attrs["base"], unit_of=unit.end()),
                        "derived": True,
                    }
                    org = Mention.at(text, ORGANIZATION, nxt.end(), unit.end(), f"{name} {body.label}", attrs=attrs)
                after, nxt = unit.end(), None
        if nxt:
            at_body = _central_level(key, nxt.end())
            belongs = _BELONGS.match(key, at_body) if title.endswith(" chuyên trách") else None
            at_body = belongs.end() if belongs else at_body  # "Đại biểu Quốc hội chuyên trách thuộc Đoàn …"
            parsed = post_org(text, key, at_body, title) or earlier_body(text, key, at_body)
            if parsed:
                org = org_mention(text, parsed)
                after = parsed.end
            else:
                org = _university(text, at_body, title)
                after = org.end if org is not None else after
        short = _PARTY_OF_SHORT.match(text, after) if org is None and posts else None
        if short:  # "…, Phó Giám đốc Kho bạc Nhà nước tỉnh Phú Yên; nguyên Đảng ủy viên Đảng ủy Kho bạc nhiệm kỳ …"
            body = next(
                (o for _, o, _, _ in reversed(posts) if o is not None and o.label.startswith(short.group(2))), None
            )
            if body is not None:
                org = _party_of(text, _BARE_ORGANS[short.group(1).lower()], None, short.start(1), short.end(2), body)
                after = short.end(2)
        foreign = _foreign_post(text, title, start, after) if org is None else None
        if foreign is not None:
            org, after = foreign
        if org is None and standalone_post(title) is None:
            earlier = body_of_title(text, key, start, after, title)
            if earlier is not None:  # "… tại Trường Đại học Đồng Nai, … ông X - nguyên Phó Hiệu trưởng"
                org = org_mention(text, earlier)
        if (posts or named_before) and _next_person(text, after, foreign_ok=named_before):
            break  # "…, đại biểu Quốc hội khóa XIV, Trưởng ban Công tác đại biểu Nguyễn Thị Thanh": hers
        if org is None and standalone_post(title) is None:
            # "Chủ tịch HĐQT kiêm Tổng Giám đốc Tập đoàn …", "Chủ tịch HĐQT - Tổng Giám đốc Công ty …": both posts there
            if _KIEM.match(key, after) or title in BOARD_TITLES and _BOARD_DASH.match(text, after):
                shared.append((title, start))
                cur = after
                continue
            if title in _TITLES_NAMING_BODY and re.match(r"\s*,", text[after : after + 3]):
                abroad.append((title, start, after))  # "Ủy viên Quốc vụ, Bộ trưởng Bộ Quốc phòng Trung Quốc"
                cur = after
                continue
            if title in _PARTY_TITLES and re.match(r"\s*,", text[after : after + 3]):
                party_titles.append((title, start, after))  # "Phó bí thư thường trực, Chủ tịch HĐND tỉnh"
                cur = after
                continue
            if career and _LIST_GOES_ON.match(text, after):
                shared.append((title, start))
                cur = after
                continue
            if title in BOARD_TITLES:  # "ông Hứa Ngọc Nghĩa là Trưởng Ban Kiểm soát": of the company (pipeline)
                posts.append((title, None, start, after))
                cur = after
                continue
            if home is not None and _HOME_TITLE.match(key, start) and _ALONE.match(text, after):
                # a row of a list of a school's members: "Đảng ủy viên", "Phó Bí thư", "Hiệu trưởng" are the school's
                body = org_mention(text, home)
                party = title == "Đảng ủy viên" or title in _PARTY_TITLES
                held = _party_of(text, "Đảng ủy", None, start, after, body) if party else body
                posts.append((title, held, start, after))
                cur = after
                continue
            unread = _UNREAD_BODY.match(text, after)
            if unread and (_rank_at(text, key, unread.end()) or post_re.match(key, unread.end())):
                cur = unread.end() - 2  # "Bí thư Đảng ủy Bộ tham mưu, Đại tá, Phó Tham mưu trưởng Quân khu 4"
                named_before = True  # a post after it followed by a name is that name's
                continue
            more = _COMMA.match(text, after)
            if more and post_re.match(key, more.end()):  # "…, Phó Chủ tịch, Ủy viên Ban Thường vụ Tỉnh ủy X"
                cur = after  # a title whose body the text leaves unsaid: the chain goes on
                continue
            break
        if org is not None and shared:
            posts.extend((s_title, org, s_start, after) for s_title, s_start in shared)
            shared = []
        if org is not None and abroad:
            country = next((c for c in lexicon().raw["countries"] if org.label.endswith(" " + c)), None)
            if country is None or not _foreign_body(org):
                break  # "Ủy viên Quốc vụ, Bộ trưởng Bộ Quốc phòng làm Trưởng đoàn": China's, not our ministry
            for a_title, a_start, a_end in abroad:
                word, post_title = lexicon().raw["foreign_post_titles"][a_title]
                held = _foreign_body_mention(text, a_title, word, post_title, country, a_start, a_end)
                posts.append((a_title, held, a_start, after))
            abroad = []
        if org is not None and party_titles:
            committee = _committee_of(text, org)
            if committee is not None:
                posts.extend(
                    (p_title, committee(p_start, p_end), p_start, after) for p_title, p_start, p_end in party_titles
                )
            party_titles = []
        if org is not None and pending:
            body = org_mention(text, home) if home is not None else _council_of(text, org) or org
            for p_title, dept, organ, o_start, o_end in pending:
                posts.append((p_title, _party_of(text, organ, dept, o_start, o_end, body), o_start, after))
            pending = []
        posts.append((title, org, start, after))
        cur = after
        tail = _AFTER_POST.match(key, cur)
        cur = tail.end() if tail else cur
    posts.extend((s_title, None, s_start, cur) for s_title, s_start in shared if s_title in BOARD_TITLES)
    if pending and home is not None:  # "Phó Bí thư Đảng ủy" in a row of the school's council: the school's
        body = org_mention(text, home)
        for p_title, dept, organ, a, b in pending:
            posts.append((p_title, _party_of(text, organ, dept, a, b, body), a, cur))
    return _units_of_school(text, posts, home), cur


_UNIVERSITY_COUNCIL = re.compile(r"Hội đồng ((?:Đại học|Học viện) [" + UPPER + r"].*)")


def _council_of(text: str, org: Mention) -> Mention | None:
    """ "Bí thư Đảng ủy, Chủ tịch Hội đồng Đại học Huế": the Party committee is the university's, not its
    council's; None for other bodies."""
    base = org.attrs.get("base") or {}
    council = _UNIVERSITY_COUNCIL.fullmatch(base.get("label", "")) if base.get("kind") == "named" else None
    if council is None or org.attrs.get("departments"):
        return None
    name = council.group(1)
    attrs = {"departments": [], "base": {"kind": "named", "label": name, "head": " ".join(name.split()[:2])}}
    return Mention.at(text, ORGANIZATION, org.start, org.end, name, scope=org.scope, attrs=attrs)


# a university of member schools, headed by a Giám đốc: "Đại học Huế", "Đại học Quốc gia Hà Nội"
_UNIVERSITY = re.compile(r"Đại học(?: Quốc gia)?(?: [" + UPPER + r"][" + LOWER + r"]*){1,3}(?![\w.])")


def _university(text: str, pos: int, title: str) -> Mention | None:
    """ "Phó Giám đốc Đại học Huế": the university a director's title names, which is no "Trường"."""
    m = _UNIVERSITY.match(text, pos) if title in ("Giám đốc", "Phó Giám đốc") else None
    if m is None:
        return None
    attrs = {"departments": [], "base": {"kind": "named", "label": m.group(), "head": "Đại học"}}
    return Mention.at(text, ORGANIZATION, m.start(), m.end(), m.group(), scope="", attrs=attrs)


def _party_of(text: str, organ: str, dept: str | None, start: int, end: int, body: Mention) -> Mention:
    """The Party organ ("Đảng ủy", "Ban Thường vụ Đảng ủy") of ``body``, over [start, end)."""
    attrs = {
        "base": dict(
            body.attrs["base"],
            prefix=" ".join(filter(None, [organ, body.attrs["base"].get("prefix", "")] + body.attrs["departments"])),
        ),
        "departments": [dept] if dept else [],
        "derived": True,  # "Đảng ủy" here is the Party committee of the body named next
    }
    label = f"{dept} {organ}" if dept else organ
    return Mention.at(text, ORGANIZATION, start, end, label, scope=body.scope, attrs=attrs)


# titles that, alone in a row of a list of a school's members, are posts in the school or its Party committee
_HOME_TITLE = re.compile(r"(?:phó |quyền )?hiệu trưởng|đảng ủy viên|(?:phó )?bí thư|giảng viên")
_ALONE = re.compile(r"[ \t]*(?:[,;\n]|[-–]|$)")
_SCHOOL_UNITS = frozenset({"Khoa", "Phòng", "Viện", "Bộ môn", "Trung tâm"})


def _school(org: Mention | None) -> bool:
    base = (org.attrs.get("base") or {}) if org is not None else {}
    return (
        base.get("kind") == "named"
        and base.get("head") == "Trường"
        and not org.attrs.get("departments")
        and not org.attrs.get("derived")
        and "prefix" not in base
    )


def _units_of_school(
    text: str, posts: list[tuple[str, Mention | None, int, int]], home: OrgParse | None
) -> list[tuple[str, Mention | None, int, int]]:
    """ "Trưởng Khoa Quản trị kinh doanh, thành viên Hội đồng trường [Trường ĐH Tôn Đức Thắng]": a faculty,
    office or institute written alone in a chain that names one school (or in a row of its council's list)
    is that school's."""
    schools = {o.label: o for _, o, _, _ in posts if _school(o)}
    if home is not None and not schools:
        school = org_mention(text, home)
        schools = {school.label: school} if _school(school) else {}
    if len(schools) != 1 or not any(o is not None and _lone_unit(o) for _, o, _, _ in posts):
        return posts
    (school,) = schools.values()
    out = []
    for title, org, start, end in posts:
        if org is not None and _lone_unit(org):
            # (unit_of: the unit's own mention, found alone, gives way to this one)
            attrs = {"departments": [org.label], "base": dict(school.attrs["base"], unit_of=org.end), "derived": True}
            org = Mention.at(text, ORGANIZATION, org.start, org.end, f"{org.label} {school.label}", attrs=attrs)
        out.append((title, org, start, end))
    return out


def _lone_unit(org: Mention) -> bool:
    base = org.attrs.get("base") or {}
    return (
        base.get("kind") == "named"
        and base.get("head") in _SCHOOL_UNITS
        and not org.attrs.get("departments")
        and not org.attrs.get("derived")
        and not any(k in base for k in ("place", "level", "commune", "prefix", "unit_of"))
    )


def find_people(
    text: str, key: str, taken: list[tuple[int, int]], date: dt.date | None = None
) -> tuple[list[Mention], list[tuple[Mention, str, Mention | None, int]]]:
    """Person mentions and (person, post title, organisation, where the title starts).

    ``taken`` are spans already claimed by organisations and places: a name inside
    them ("Học viện Chính trị quốc gia Hồ Chí Minh") is not a person.
    """
    lex = lexicon()
    trig_re, _, _ = _triggers()
    people: list[Mention] = []
    posts: list[tuple[Mention, str, Mention | None, int]] = []

    spans = sorted(taken)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end so far

    def free(s: int, e: int) -> bool:
        """No taken span overlaps [s, e): of the spans starting before e, none ends after s."""
        k = bisect.bisect_left(starts, e)
        return k == 0 or reach[k - 1] <= s

    at: dict[int, Mention] = {}  # people by start
    person_starts: list[int] = []
    person_ends: list[int] = []

    def inside_person(pos: int) -> bool:
        k = bisect.bisect_right(person_starts, pos) - 1
        return k >= 0 and pos < person_ends[k]

    def add_person(person: Mention) -> None:
        people.append(person)
        at.setdefault(person.start, person)
        k = bisect.bisect_right(person_starts, person.start)
        person_starts.insert(k, person.start)
        person_ends.insert(k, person.end)

    homes = _member_rows(text, key) if "danh sách" in key else {}

    def home_of(start: int) -> OrgParse | None:
        row = homes.get(text.rfind("\n", 0, start) + 1) if homes else None
        return row[0] if row else None

    memo: list[str | None] = []  # the country the article is about, once asked for

    def article_country() -> str | None:
        if not memo:
            memo.append(_article_country(text))
        return memo[0]

    pos = 0
    for m in trig_re.finditer(key):
        if m.end() < pos or not text[m.end() : m.end() + 1].isupper():
            continue
        trigger, honor = m.group(1), m.group(2) or m.group(3)
        honorific = lex.honorifics.get(re.sub(r"\s+", " ", honor)) if honor else None
        name = _name_at(text, m.end(), lex.surnames, need_surname=trigger in (None, "ông", "bà"), foreign_ok=True)
        if not name or not free(m.end(), name[1]):
            continue
        label, end = name
        person = Mention.at(text, PERSON, m.end(), end, label, attrs={"honorific": honorific} if honorific else {})
        add_person(person)
        chain, pos = _posts_after(text, key, end, home=home_of(person.start))
        for title, org, title_start, _ in chain:
            posts.append((person, title, org, title_start))
    # a trigger with the space after it left out: "ÔngTrần Văn Bình (60 tuổi) - cựu chủ tịch xã Thạnh An"
    for m in _GLUED_TRIGGER.finditer(text):
        name = _name_at(text, m.end(), lex.surnames, need_surname=True)
        if not name or inside_person(m.end()) or not free(m.end(), name[1]) or len(name[0].split()) < 3:
            continue
        person = Mention.at(text, PERSON, m.end(), name[1], name[0])
        add_person(person)
        chain, _ = _posts_after(text, key, name[1])
        posts.extend((person, c_title, c_org, c_start) for c_title, c_org, c_start, _ in chain)
    # a post before the name: "Bí thư Tỉnh ủy Nguyễn Văn A", "Thủ tướng Phạm Minh Chính"
    _, post_re, honor_re = _triggers()
    ended: dict[int, tuple[str, Mention | None, int]] = {}  # posts by where they end: (title, org, start)
    for m in post_re.finditer(key):
        if m.start() and key[m.start() - 1].isalpha():
            continue
        # a title in lower case only after "tân", "nguyên": "tân hiệu trưởng trường ĐH Mở Hà Nội Nguyễn Thị Nhung"
        lower = not text[m.start() : m.start() + 1].isupper()
        if lower and not _NEW_OR_FORMER.search(key, max(0, m.start() - 12), m.start()):
            continue
        title, cur = _in_charge(*_with_term(_title(key[m.start() : m.end()]), key, m.end()), key=key)
        org = None
        nxt = re.compile(r"\s+").match(key, cur)
        if nxt:
            parsed = post_org(text, key, _central_level(key, nxt.end()), title)
            parsed = _without_foreign_name(text, key, parsed, title) if parsed else None
            if parsed:
                org, cur = org_mention(text, parsed), parsed.end
        elif key.startswith(", ", cur) and standalone_post(title) is None:
            # "Phó tổng cục trưởng, Tổng cục Tiêu chuẩn Đo lường Chất lượng Nguyễn Hoàng Linh": the body after
            # a comma, when the holder's name follows it
            parsed = post_org(text, key, cur + 2, title)
            if parsed and _next_person(text, parsed.end):
                org, cur = org_mention(text, parsed), parsed.end
        foreign = _foreign_post(text, title, m.start(), cur) if org is None else None
        if foreign is not None:
            org, cur = foreign
        leader = title in lex.raw["foreign_post_titles"]  # "Quốc vương Haji Hassanal Bolkiah": a person, no post
        if org is None and standalone_post(title) is None and not leader:
            org = _led_by(text, key, title, m.start()) or _post_named_before(text, title, m.start(), cur, ended, posts)
            if org is None:
                continue
        ended[cur] = (title, org, m.start())
        gap = _BEFORE_NAME.match(text, cur)  # "Chủ tịch UBND tỉnh Hưng Yên - Đỗ Quốc Văn"
        if not gap:
            continue
        begin = gap.end()
        degree = honor_re.match(key, begin)  # "Thứ trưởng Bộ GD&ĐT PGS.TS Nguyễn Văn Phúc": a degree between
        if degree is not None:
            begin = _skip_space(text, degree.end())
        # after a foreign country ("Chủ tịch Trung Quốc Tập Cận Bình") any full name is the leader's
        name = _name_at(text, begin, lex.surnames, need_surname=foreign is None or degree is not None, foreign_ok=True)
        if not name or not free(begin, name[1]):
            continue
        person = at.get(begin)
        if person is None:
            person = Mention.at(text, PERSON, begin, name[1], name[0])
            add_person(person)
            # "Phó Thủ tướng Vũ Đức Đam, Trưởng Ban Chỉ đạo Nhà nước về Du lịch": the chain after a Vietnamese
            # name (a foreign leader's is more often a list of leaders: "Tổng thống Mỹ Joe Biden, Thủ tướng …")
            # ("Thư ký của Thủ tướng Lý Hiển Long, Bộ trưởng Bộ Giáo dục": the chain is the secretary's)
            if foreign is None and name[0].split()[0] in lex.surnames and not key.endswith("của ", 0, m.start()):
                chain, _ = _posts_after(text, key, name[1], named_before=True)
                posts.extend((person, c_title, c_org, c_start) for c_title, c_org, c_start, _ in chain)
        if org is None and standalone_post(title) is None:
            continue
        if (
            foreign is None
            and not _foreign_body(org)
            and (_state_post(org) or _ministry(org))
            and _foreign_person(name[0])
        ):
            # "Bộ trưởng Công thương Chan Chung Sing" in an article about Singapore: Singapore's minister
            country = _country_before(text, m.start(), article_country()) if article_country() else None
            abroad = _country_post(text, title, org, country) if country else None
            if abroad is not None:
                org = abroad
                chain, _ = _posts_after(text, key, name[1], named_before=True)
                # (not "… Mao Ayuth và Phó cục trưởng Bộ Giao thông Uy Sovannarith": a body that took a name in)
                chain = [c for c in chain if c[1] is None or not any(map(_foreign_word, c[1].label.split()))]
                posts.extend((person, c_title, c_org, c_start) for c_title, c_org, c_start, _ in chain)
            elif _state_post(org) and name[0].split()[0] not in lex.surnames:
                continue  # "Thủ tướng Narendra Modi", "Bộ trưởng Tài chính Janet Yellen": a foreign leader, not ours
        posts.append((person, title, org, m.start()))
        # "Bí thư Trung ương Đảng, Trưởng ban Tuyên giáo Trung ương Nguyễn Trọng Nghĩa": every post of
        # the chain before the name is the person's
        start = m.start()
        for _ in range(6):
            sep = _CHAIN_BEFORE.search(text, max(0, start - 8), start)
            earlier = ended.get(sep.start()) if sep else None
            if earlier is None or _ADDRESSED.search(key, max(0, earlier[2] - 12), earlier[2]):
                break  # "báo cáo với Thủ tướng, Bộ trưởng Y tế Nguyễn Thanh Long": the minister reports to him
            held = earlier[1]
            if held is None and earlier[0] in _TITLES_NAMING_BODY and _foreign_body(org):
                # "Ủy viên Quốc vụ, Bộ trưởng Quốc phòng Trung Quốc Ngụy Phượng Hòa": China's State Councillor
                country = next(c for c in lexicon().raw["countries"] if org.label.endswith(" " + c))
                word, post_title = lexicon().raw["foreign_post_titles"][earlier[0]]
                held = _foreign_body_mention(text, earlier[0], word, post_title, country, earlier[2], sep.start())
            posts.append((person, earlier[0], held, earlier[2]))
            start = earlier[2]
    # full names without a trigger: three to five capitalised syllables that open with a family
    # name ("… do Phan Ngọc Hiển lãnh đạo", "Vũ Tiến Lộc - Chủ tịch …", "Ngô Thị Lục (sinh năm 1979)")
    for m in _BARE_NAME.finditer(text):
        if inside_person(m.start()) or not free(m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 16) : m.start()].lower().split()
        address = before[-2:-1] == ["số"] and _HOUSE_NUMBER.fullmatch(before[-1])  # "số 7 Nguyễn Tri Phương"
        if before and (before[-1] in _NOT_BEFORE_NAME or address):
            continue
        name = _name_at(text, m.start(), lex.surnames, need_surname=True)
        if not name or len(name[0].split()) < 3 or not free(m.start(), name[1]):
            continue
        if place_at(text, m.start()):  # "Nông Cống, Như Thanh…": a list of places
            continue
        label, end = name
        person = Mention.at(text, PERSON, m.start(), end, label)
        add_person(person)
        chain, _ = _posts_after(text, key, end, home=home_of(person.start))
        for title, org, title_start, _ in chain:
            posts.append((person, title, org, title_start))
    # a name opening a sentence in apposition with what the person is: "Chen Hong, chuyên gia nghiên cứu …",
    # "Frances Adamson, người hiện là Tổng Thư ký …"
    if ", " in text:
        countries = frozenset(lex.raw["countries"])
        for m in _APPOSED.finditer(text):
            start, end = m.start(1), m.end(1)
            if inside_person(start) or not free(start, end) or m.group(1) in countries or place_at(text, start):
                continue
            words = m.group(1).split()
            if any(w in _NOT_NAME or w in lex.raw["press_agencies"]["anywhere"] for w in words):
                continue
            if (
                words[0] in _NOT_FIRST
                or lex.honorifics.get(match_key(words[0]))
                or any(len(w) > 1 and any(c.isupper() for c in w[1:]) for w in words)
            ):
                continue  # "Ông Justin Chiah", "TS Cấn Văn Lực", "HLV Solskjaer", "Theo Bryan Clark"
            if text[start - 2 : start] == ", " and not any(map(_foreign_word, words)):
                continue  # "…, Frances Adamson, người hiện là …": inside a sentence only a foreign name
            person = Mention.at(text, PERSON, start, end, m.group(1))
            add_person(person)
            # "Frances Adamson, người hiện là Tổng Thư ký Bộ Ngoại giao và Thương mại Australia": her post
            chain, _ = _posts_after(text, key, end, named_before=True)
            posts.extend((person, c_title, c_org, c_start) for c_title, c_org, c_start, _ in chain)
    # photographers in a credit: "(Ảnh: Như Phong)"
    for kind, start, end, label in credited_names(text):
        if kind == PERSON and free(start, end) and not inside_person(start):
            add_person(Mention.at(text, PERSON, start, end, label, attrs={"credit": True}))
    # famous names without a trigger: "tư tưởng … Hồ Chí Minh"
    for m in _famous_re().finditer(key):
        if free(m.start(), m.end()) and not inside_person(m.start()) and not _named_after(key, m.start()):
            entry = lex.famous[re.sub(r"\s+", " ", key[m.start() : m.end()])]
            add_person(Mention.at(text, PERSON, m.start(), m.end(), entry["label"]))
    # "chủ nghĩa Mác - Lênin": a doctrine named after its founders names them, as "tư tưởng Hồ Chí Minh" does
    for m in _DOCTRINE.finditer(text) if "Mác" in text or "Lênin" in text else ():
        for w in re.finditer(_FOUNDER, m.group(1)):
            start = m.start(1) + w.start()
            if free(start, start + len(w.group())) and not inside_person(start):
                add_person(Mention.at(text, PERSON, start, start + len(w.group()), w.group()))
    people.sort(key=lambda p: p.start)
    for m in _SHARED.finditer(key) if people and (" là " in key or " gồm " in key) else ():
        shared = _post_ending_at(text, key, m.start(), _term_sitting(date))
        if shared is None:
            continue
        title, org, title_start = shared
        last = m.end()
        for person in people:
            if person.start < m.end():
                continue
            between = key[last : person.start]
            if (
                "\n" in between
                or ". " in between
                or not _LIST_ITEM.search(between if last > m.end() else ", " + between)
            ):
                break
            last = person.end
            if not _holds_in_organ(posts, person, title):
                posts.append((person, title, org, title_start))
    careers = "vị trí" in text or "chức vụ" in text or "như làm" in text or "nhiệm vụ:" in text
    for m in _CAREER.finditer(text) if careers else ():
        verb = None if m.group().startswith("như làm") else _CAREER_VERB.search(text, max(0, m.start() - 25), m.start())
        if verb is None and not m.group().startswith("như làm"):
            continue
        holder = _career_holder(text, people, verb.start() if verb else m.start())
        if holder is not None:
            chain, _ = _posts_after(text, key, m.end(), named_before=True, career=True)
            seen = set()
            for c_title, c_org, c_start, _ in chain:  # "Phó Tổng giám đốc kiêm …, … kiêm Phó Tổng giám đốc": once
                if (c_title, c_org.start if c_org else -1) not in seen:
                    seen.add((c_title, c_org.start if c_org else -1))
                    posts.append((holder, c_title, c_org, c_start))
    # "Ông Tâm là đại biểu Quốc hội khóa XIII": a person named again by the given name alone
    for m in _GIVEN_NAME.finditer(text) if people else ():
        named = {p.label for p in people if p.start < m.start() and p.label.split()[-1] == m.group(1)}
        if len(named) == 1:
            holder = next(p for p in people if p.label in named)
            chain, _ = _posts_after(text, key, m.end(1), named_before=True)
            posts.extend((holder, c_title, c_org, c_start) for c_title, c_org, c_start, _ in chain)
    for person in people if homes else ():  # every person in a row of the list is a member
        row = homes.get(text.rfind("\n", 0, person.start) + 1)
        if row is not None:
            home, title, start = row
            posts.append((person, title, org_mention(text, home), start))
    # "X sẽ trở thành Bộ trưởng Y tế thay cho ông Gan Kim Yong": the one replaced held the post
    for person in people if "thay cho" in text else ():
        replaced = _REPLACED.search(text, max(0, person.start - 30), person.start)
        held = _post_ending_at(text, key, replaced.start()) if replaced else None
        if held is not None:
            posts.append((person, held[0], held[1], held[2]))
    _same_name_slipped(people)
    _lower_last_word(text, people)
    if any(_abroad_candidate(post) for post in posts) and article_country() is not None:
        posts = [_abroad(text, post, _country_before(text, post[3], article_country())) for post in posts]
    return people, posts


def _abroad_candidate(post: tuple[Mention, str, Mention | None, int]) -> bool:
    """Whether a post is a foreign person's in a body of the State written without its country."""
    person, _, org, _ = post
    if org is not None and (org.attrs.get("post_label") or _foreign_body(org)):
        return False
    return (_state_post(org) or _ministry(org)) and _foreign_person(person.label)


def _abroad(text: str, post: tuple[Mention, str, Mention | None, int], country: str):
    """A foreign person's post in a body of the State written without its country, in an article about one
    country ("Ông cũng từng kinh qua nhiều vị trí công tác như Bộ trưởng Bộ Giáo dục, …" of Lawrence Wong,
    about Singapore): that country's body."""
    if not _abroad_candidate(post):
        return post
    person, title, org, start = post
    abroad = _country_post(text, title, org, country)
    return post if abroad is None else (person, title, abroad, start)


# a post shared by the people listed after it: "2 ứng viên khác cũng là đại biểu Quốc hội khóa XIV, là ông A - …
# và ông B - …", "Thành viên Ban kiểm soát nhiệm kỳ 2021 - 2025 gồm ông A, ông B và bà C"
_SHARED = re.compile(r",?\s+(?:là|gồm có|gồm)\s+(?=(?:các\s+)?(?:ông|bà|đồng chí)\s)")
_LIST_ITEM = re.compile(r"(?:,|;|(?<!\w)và)\s+(?:các\s+)?(?:(?:ông|bà|đồng chí)\s+)?$")


_REPLACED = re.compile(r",?\s*thay cho (?:ông|bà|đồng chí) $")
_MEMBER = re.compile(r"(?:Thành viên|Ủy viên) (.+)")


def _holds_in_organ(posts: list, person: Mention, title: str) -> bool:
    """Whether ``person`` already holds a higher post in the organ a membership names ("Trưởng Ban Kiểm soát"
    before "Thành viên Ban kiểm soát … gồm ông A, ông B"): the list restates it."""
    member = _MEMBER.fullmatch(title)
    return member is not None and any(
        p.label == person.label and t != title and t.endswith(" " + member.group(1)) for p, t, _, _ in posts
    )


def _post_ending_at(
    text: str, key: str, pos: int, sitting: str | None = None
) -> tuple[str, Mention | None, int] | None:
    """The post written right before ``pos`` (a term or "nhiệm kỳ …" after it), as (title, body, start); with
    ``sitting``, the term of the Quốc hội sitting when the article was written, "đại biểu Quốc hội đương nhiệm" is
    a deputy of that term."""
    post_re = _triggers()[1]
    for m in post_re.finditer(key, max(0, pos - 150), pos):
        if m.start() and key[m.start() - 1].isalpha():
            continue
        title, cur = _in_charge(*_with_term(_title(key[m.start() : m.end()]), key, m.end()), key=key)
        sits = _SITTING.match(key, cur) if sitting and title == "Đại biểu Quốc hội" else None
        if sits:  # "3 trong số 4 ứng viên … là đại biểu Quốc hội đương nhiệm, là các ông A, B và C"
            title, cur = _DEPUTY_OF_TERM + sitting, sits.end()
        org = None
        nxt = re.compile(r"\s+").match(key, cur)
        if nxt and cur < pos:
            parsed = post_org(text, key, nxt.end(), title)
            if parsed and parsed.end <= pos:
                org, cur = org_mention(text, parsed), parsed.end
        tail = _AFTER_POST.match(key, cur)
        cur = tail.end() if tail else cur
        if cur != pos:
            continue
        written_upper = text[m.start()].isupper()
        if (
            org is None
            and not (standalone_post(title) and (written_upper or " " in title))
            and title not in BOARD_TITLES
        ):
            continue
        if org is not None and not written_upper:
            continue
        return title, org, m.start()
    return None


_FOUNDER = r"(?:Mác|Ăngghen|Ăng-ghen|Lênin|Lê-nin)"
_DOCTRINE = re.compile(
    r"(?<!\w)(?:[Cc]hủ nghĩa|[Hh]ọc thuyết)\s+(" + _FOUNDER + r"(?:\s*[-–,]\s*" + _FOUNDER + r")*)(?!\w)"
)
_MEMBER_LIST = re.compile(r"danh sách (?:các |\d+ )?(?=thành viên|ủy viên)")
_ROW_NUMBER = re.compile(r"^\d{1,3}\n", re.MULTILINE)


def _member_rows(text: str, key: str) -> dict[int, tuple[OrgParse, str, int]]:
    """A table of a body's members ("Danh sách thành viên Hội đồng trường ĐH Bách khoa Hà Nội như sau:", then
    rows of a number, a name and the member's posts, each on its line): where each row's name line starts,
    and the body, the members' post ("Thành viên Hội đồng trường") and where the heading writes it."""
    out: dict[int, tuple[OrgParse, str, int]] = {}
    post_re = _triggers()[1]
    for m in _MEMBER_LIST.finditer(key):
        title_m = post_re.match(key, m.end())
        if title_m is None:
            continue
        title = _title(key[title_m.start() : title_m.end()])
        nxt = re.compile(r"\s+").match(key, title_m.end())
        parsed = post_org(text, key, nxt.end(), title) if nxt and title.startswith(("Thành viên", "Ủy viên")) else None
        if parsed is None:
            continue
        end = text.find("\n", parsed.end)
        for row in _ROW_NUMBER.finditer(text, end + 1 if end >= 0 else len(text)):
            line_end = text.find("\n", row.end())
            if line_end - row.end() > 80:  # a paragraph: the table is over
                break
            # (where the title starts: at the body, which other posts may name from the heading's "trường")
            out.setdefault(row.end(), (parsed, title, parsed.start))
    return out


# "Theo báo cáo của Bộ GTVT do Bộ trưởng Nguyễn Văn Thể trình bày", "Đoàn công tác của Bộ Giáo dục và Đào tạo
# (GD&ĐT) do Thứ trưởng Phạm Ngọc Thưởng làm trưởng đoàn": a body, then "do" and the title of its head
_LED_BY = re.compile(r"(?:\s*\([^()\n]{1,12}\))?\s+do\s+$")
_HEAD_OF = {"Bộ trưởng": "Bộ ", "Thứ trưởng": "Bộ ", "Cục trưởng": "Cục ", "Phó Cục trưởng": "Cục "}


def _led_by(text: str, key: str, title: str, start: int) -> Mention | None:
    """The body a bare head's title belongs to when "do" ties it to the body written right before it."""
    head = _HEAD_OF.get(title)
    if head is None or not key.endswith("do ", 0, start):
        return None
    at = text.rfind(head, max(0, start - 80), start)
    parsed = parse_org(text, key, at, allow_generic=True) if at >= 0 else None
    if parsed is None or parsed.departments or not _LED_BY.fullmatch(text, parsed.end, start):
        return None
    return org_mention(text, parsed)


_GLUED_TRIGGER = re.compile(r"(?<!\w)(?:Ông|ông|Bà|bà)(?=[" + UPPER + r"][" + LOWER + r"])")
_PART_OF_TITLE = re.compile(r"(?:Phó|Quyền|kiêm) $")
_BARE_BEFORE_NAME = re.compile(r" (?:[" + UPPER + r"][" + LOWER + r"]+ ){2,3}[" + UPPER + r"][" + LOWER + r"]*(?!\w)")


def _post_named_before(text: str, title: str, start: int, end: int, ended: dict, posts: list) -> Mention | None:
    """ "Bí thư Tỉnh ủy Thừa Thiên Huế và đoàn công tác đã đến thăm …; Bí thư Lê Trường Lưu biểu dương …": a
    title written alone before a full name is the post the article gave earlier, in full, to no one named,
    when it gave that title one body only."""
    if not ended or not _BARE_BEFORE_NAME.match(text, end) or _PART_OF_TITLE.search(text, max(0, start - 8), start):
        return None  # (not "Phó| Chánh Thanh tra", "người sáng lập ByteDance kiêm| Giám đốc điều hành")
    if text[end + 1 : end + 12].split(" ", 1)[0] not in lexicon().surnames:  # a Vietnamese full name follows
        return None
    held = {p[3] for p in posts}
    earlier = [e for e in ended.values() if e[0] == title and e[1] is not None and e[2] < start]
    if not earlier or len({e[1].label for e in earlier}) != 1 or any(e[2] in held for e in earlier):
        return None
    return earlier[-1][1]


def _same_name_slipped(people: list[Mention]) -> None:
    """ "Vũ Đức Đam" four times, then "Vũ Đưc Đam": a name written with an accent slipped is the person the
    article names more often so; two names written equally often are two people ("Nguyễn Thanh Phong",
    "Nguyễn Thành Phong")."""
    counts: dict[str, dict[str, int]] = {}
    for person in people:
        forms = counts.setdefault(fold(person.label), {})
        forms[person.label] = forms.get(person.label, 0) + 1
    _foreign_slips(counts)
    for forms in counts.values():
        if len(forms) < 2:
            continue
        (best, n), (_, m) = sorted(forms.items(), key=lambda f: -f[1])[:2]
        if n > m:
            for person in people:
                if person.label in forms:
                    person.label = best


_NEXT_WORD = re.compile(r" ([" + LOWER + r"]+)(?!\w)")


def _lower_last_word(text: str, people: list[Mention]) -> None:
    """ "Thủ tướng Phạm Minh chính và …": a name whose last word was written in lower case is the person the
    article names in full elsewhere ("Phạm Minh Chính"); the mention takes the word in."""
    labels = {p.label for p in people}
    for person in people:
        nxt = _NEXT_WORD.match(text, person.end) if len(person.label.split()) == 2 else None
        if nxt and f"{person.label} {nxt.group(1).capitalize()}" in labels:
            person.label = f"{person.label} {nxt.group(1).capitalize()}"
            person.end = nxt.end()
            person.text = text[person.start : person.end]


def _foreign_slips(counts: dict[str, dict[str, int]]) -> None:
    """ "Chan Chung Sing" once, "Chan Chun Sing" twice: a foreign name with one letter slipped in one word is
    the same person (Vietnamese names differing so are not: "Ngô Duy Bảo", "Ngô Duy Hảo")."""
    groups: dict[tuple[str, int], list[str]] = {}  # the forms of one family name and length
    for k in counts:
        words = k.split()
        groups.setdefault((words[0], len(words)), []).append(k)
    pairs = (pair for group in groups.values() if len(group) > 1 for pair in itertools.combinations(group, 2))
    for a, b in pairs:
        wa, wb = a.split(), b.split()
        if a not in counts or b not in counts or not any(_foreign_word(w) for w in next(iter(counts[a])).split()):
            continue
        diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
        if len(diff) == 1 and min(map(len, diff[0])) >= 3 and _one_letter(*diff[0]):
            counts[a].update(counts.pop(b))


def _one_letter(x: str, y: str) -> bool:
    """Whether ``x`` and ``y`` differ by one letter added, dropped or changed."""
    if len(x) > len(y):
        x, y = y, x
    if len(y) - len(x) > 1:
        return False
    i = next((k for k in range(len(x)) if x[k] != y[k]), len(x))
    return x[i + (len(x) == len(y)) :] == y[i + 1 :]


# capitalised words that open a sentence before a name, not part of it
_NOT_FIRST = frozenset(
    "Ông Bà Anh Chị Em Cô Thầy Theo Ngoài Trên Tại Với Còn Cháu Bé Cụ Chú Bác Sau Trước Khi Cùng Đó Nhưng".split()
)
# (at a line's start or after a punctuation mark and a space: looked behind from after the capital, which the
# regex engine then finds fast, see lexicon.not_after_first)
_APPOSED = re.compile(
    r"([" + UPPER + r"](?:(?<![^\n].)|(?<=[.;:!?\"“”,]\s.))[\w'’-]+(?: [" + UPPER + r"][\w'’-]+){1,3}),\s+"
    r"(?=(?:chuyên gia|người hiện|người từng|nhà báo|nhà nghiên cứu|nhà phân tích|giáo sư|tiến sĩ|cựu|"
    r"phó giáo sư|phát ngôn viên|giám đốc|chủ tịch|giáo viên|sinh viên|học sinh)\s)"
)
# a photo, video or source credit: "(Ảnh: Như Phong)", "Ảnh: Trọng Đức - TTXVN", "(ảnh: Hà Nam TV)", "Theo Reuters,"
_CREDIT = re.compile(
    word_start(["Ảnh", "ảnh", "ẢNH", "Video", "Clip", "Nguồn", "Đồ họa", "Đồ hoạ"])
    + r"\s*:\s*([^\n()]{1,60}?)\s*(?=\)|\n|$|\.(?:\s|$))"
)
# a credit without its colon: "(ảnh Phú Lộc)", "Ảnh VGP/Đình Nam"
_CREDIT_PAREN = re.compile(r"\([Ảả]nh (?=[" + UPPER + r"])([^\n():]{1,40}?)\s*\)")
_CREDIT_SLASH = re.compile(r"[Ảả]nh ([A-Z][A-Za-z]+/[^\n()/]{1,40}?)\s*(?=\n|$|\.(?:\s|$))")
_CREDIT_PART = re.compile(r"\s*(?:[-–/,;]|\svà\s)\s*")
# a credited person: "Như Phong", "M.Quân", "Bùi Thanh Trung" (one syllable each, every word capitalised)
_CREDIT_PERSON = re.compile(
    r"(?:[" + UPPER + r"]\.\s?)?[" + UPPER + r"][" + LOWER + r"]+(?: [" + UPPER + r"][" + LOWER + r"]+){0,3}"
)
_INITIAL = re.compile(r"[" + UPPER + r"]\.\s?[" + UPPER + r"]")
# a newspaper or page named in lower case after its first word: "Giáo dục thời đại", "Nông nghiệp Việt Nam"
_CREDIT_OUTLET = re.compile(r"[" + UPPER + r"][" + LOWER + r"]+(?: [" + UPPER + LOWER + r"][" + LOWER + r"]*){1,4}")
_LOCAL_TV = re.compile(r"[" + UPPER + r"][\w -]{1,25}? TV(?!\w)")
_SOURCE = re.compile(word_start(["Theo"]) + r"\s+(?:hãng tin\s+|báo\s+)?")


@cache
def _agencies() -> tuple[frozenset[str], frozenset[str], re.Pattern]:
    raw = lexicon().raw["press_agencies"]
    anywhere = frozenset(raw["anywhere"])
    names = sorted(anywhere, key=len, reverse=True)
    pattern = re.compile(word_start(names, not_after=r"[\w.@/]") + r"(?![\w.@/])")
    return anywhere, anywhere | frozenset(raw["credit_only"]), pattern


_SOURCE_NAME = re.compile(r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?")


@lru_cache(maxsize=2)  # asked for by the organisations component and then by the people one
def credited_names(text: str) -> tuple[tuple[str, int, int, str], ...]:
    """People and outlets named as the source of a photo or a report, as (kind, start, end, label).

    A credit names its photographers, who count as people like byline authors ("(Ảnh: Như
    Phong)", "Ảnh: Trọng Đức - TTXVN"), and the agencies or outlets it comes from ("Ảnh: AFP",
    "(ảnh: Hà Nam TV)", "Ảnh: Giáo dục thời đại"); a known agency is an outlet anywhere in a text
    ("Theo Reuters, …"). Generic credits ("Sưu tầm", "NVCC", "Internet") and websites name no one.
    """
    _, agencies, agency_re = _agencies()
    skip = lexicon().raw["credit_words"]
    out: list[tuple[str, int, int, str]] = []
    seen: set[int] = set()
    colon = "nh:" in text or "nh :" in text or "Video" in text or "Clip" in text or "Nguồn" in text or "Đồ h" in text
    bare = _CREDIT_PAREN.finditer(text) if "(Ảnh " in text or "(ảnh " in text else ()
    slash = _CREDIT_SLASH.finditer(text) if "Ảnh " in text or "ảnh " in text else ()
    for m in itertools.chain(_CREDIT.finditer(text) if colon else (), bare, slash):
        if m.re is _CREDIT_SLASH and m.start() and text[m.start() - 1].isalpha():
            continue
        pos = m.start(m.lastindex)
        for part in _CREDIT_PART.split(m.group(m.lastindex)):
            start = text.find(part, pos)
            pos = start + len(part)
            if not part or start < 0 or any(w in part for w in skip) or "@" in part:
                continue
            if "." in part and not _INITIAL.match(part):  # "toquoc.vn"; not "M.Quân"
                continue
            end = start + len(part)
            if part in agencies:
                out.append((ORGANIZATION, start, end, part))
            elif _LOCAL_TV.fullmatch(part) and place_at(text, start):
                out.append((ORGANIZATION, start, end, part))
            elif _CREDIT_PERSON.fullmatch(part) and (" " in part or "." in part):
                words = part.replace(".", ". ").split()
                if all(vietnamese_syllable(w) for w in words if len(w) > 2) and not place_at(text, start):
                    out.append((PERSON, start, end, part))
            elif _CREDIT_OUTLET.fullmatch(part) and not part.split()[1][:1].isupper():
                out.append((ORGANIZATION, start, end, part))
            seen.add(start)
    for m in agency_re.finditer(text):  # (opening with the names' letters, it costs less than a look for each name)
        if m.start() not in seen:
            out.append((ORGANIZATION, m.start(), m.end(), m.group()))
            seen.add(m.start())
    if "Theo" in text:
        for m in _SOURCE.finditer(text):
            w = _SOURCE_NAME.match(text, m.end())
            if w and w.group() in agencies and w.start() not in seen:
                out.append((ORGANIZATION, w.start(), w.end(), w.group()))
    return tuple(out)


# the end of a name given after a famous person: "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ
# Chí Minh", "Đội Thiếu niên Tiền phong Hồ Chí Minh", "chiến dịch Hồ Chí Minh"
_NAMED_AFTER = re.compile(r"(?:cộng sản|tncs|tiền phong|chiến dịch|lăng|bảo tàng|khu di tích|giải thưởng|tp\.?)\s+$")


def _named_after(key: str, pos: int) -> bool:
    """Whether the famous name at ``pos`` ends the name of a body, place or campaign named after the person."""
    before = key[max(0, pos - 20) : pos]
    words = before.split()
    return bool(_NAMED_AFTER.search(before)) or bool(words) and words[-1] in _NOT_BEFORE_NAME - _AGE_WORDS


_AGE_WORDS = frozenset({"đại", "tiểu", "dự"})  # "thời đại Hồ Chí Minh": the person's age, not a name


@cache
def _famous_re() -> re.Pattern:
    return re.compile(alternation(list(lexicon().famous), not_after=r"\w") + r"(?!\w)")


def proper_case(name: str) -> str:
    """'HỒ HƯƠNG' → 'Hồ Hương'."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def byline_mentions(text: str, authors: tuple[str, ...]) -> list[Mention]:
    """Mentions for the byline's authors, found where the byline stands (last occurrence)."""
    out = []
    for author in authors:
        idx = -1
        for variant in (author.upper(), author):
            idx = text.rfind(variant)
            if idx >= 0:
                break
        if idx >= 0:
            out.append(Mention.at(text, PERSON, idx, idx + len(author), author, attrs={"byline": True}))
    return out


__all__ = ["find_people", "byline_mentions", "proper_case", "Fact"]
