"""Organisation names: the grammar of Party, State and Front bodies.

A name is a chain of departments over a base body, optionally followed by a place:
``Ban Tổ chức`` + ``Tỉnh ủy`` (+ ``Lạng Sơn``); ``Ban Chấp hành`` + ``Đảng bộ tỉnh``;
``Ban Tổ chức`` + ``Trung ương``; or a known central body (``Bộ Chính trị``). When the
place is left implicit, the mention carries a ``scope`` and the resolver qualifies it
with the article's province or district.
"""

from __future__ import annotations

import bisect
import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from kg.extract.lexicon import alternation, lexicon, place_at, place_key, word_start
from kg.records import ORGANIZATION, Mention
from kg.textnorm import LOWER, UPPER, fold, key_slug, match_key

_WS = re.compile(r"\s+")
_GENERIC_BEFORE = re.compile(r"(?:các|những|mỗi|từng|(?<!cao )cấp)\s+$")  # not "Cố vấn cao cấp Trung tâm …"


@dataclass
class OrgParse:
    """A parsed organisation name at [start, end)."""

    start: int
    end: int
    departments: list[str] = field(default_factory=list)
    base: dict = field(default_factory=dict)
    qualifier: OrgParse | None = None  # a parent named after the name, in apposition
    inner_start: int | None = None  # where the body this one belongs to starts ("Đảng ủy [Sở Y tế]")


@dataclass(frozen=True)
class _Patterns:
    central_body: re.Pattern
    department: re.Pattern
    central_suffix: re.Pattern
    committee: re.Pattern
    level_body: re.Pattern
    level: re.Pattern
    press: re.Pattern
    named_head: re.Pattern
    start: re.Pattern
    within: re.Pattern  # starts that break a name: not a university its units name ("… - Đại học Quốc gia Hà Nội")


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    raw = lex.raw

    def anchored(phrases: list[str]) -> re.Pattern:
        return re.compile(r"(?:" + alternation(phrases) + r")(?!\w)")

    central_names = [n for e in raw["central_bodies"] for n in e["names"]]
    in_names = {n for e in raw["central_bodies"] if e.get("in_names") for n in e["names"]}
    departments = [a for a, _ in raw["departments"]]
    committees = list(raw["party_committees"])
    level_bodies = [a for a, _ in raw["level_bodies"]]
    press = raw["press_heads"]
    named = raw["named_heads"]
    starts = central_names + departments + committees + level_bodies + press + named + raw["party_organ_starts"]
    starts += ["Ban Chỉ đạo", "BCĐ"]  # steering committees, named by their remit
    starts += list(_MISSIONS)  # embassies and consulates, named by their country
    return _Patterns(
        central_body=anchored(central_names),
        department=anchored(departments),
        central_suffix=anchored([a for a, _ in raw["central_suffixes"]]),
        committee=anchored(committees),
        level_body=anchored(level_bodies),
        level=re.compile(r"(?:" + alternation([a for a, _ in raw["levels"]]) + r")(?!\w)|tp\.|tx\."),
        press=anchored(press),
        named_head=anchored(named),
        start=re.compile(r"(?<!\w)(?:" + alternation(starts) + r")(?!\w)"),
        # (not "Đại học", which goes on a name: "Hội đồng Đại học Huế", "Trường Đại học …")
        within=re.compile(
            r"(?<!\w)(?:" + alternation([n for n in starts if n not in in_names and n != "Đại học"]) + r")(?!\w)"
        ),
    )


_LOWER_AGENCY = re.compile(r"cơ quan (?:CSĐT|Cảnh sát điều tra|An ninh điều tra) (?:[-–] )?Công an")


def _skip_ws(key: str, pos: int) -> int:
    """Past the spaces at ``pos``; a name does not go on across a line break ("Công đoàn Trường\n4")."""
    m = _WS.match(key, pos)
    return m.end() if m and "\n" not in m.group() else pos


_ABBR_AFTER = re.compile(r"\s*\(\s*[A-ZĐ][A-ZĐ&-]{1,9}\s*\)(?=\s)")


def _skip_abbreviation(text: str, pos: int) -> int:
    """Past an abbreviation in brackets: "Ủy ban Kiểm tra (UBKT) Tỉnh ủy", "Kho bạc Nhà nước (KBNN) tỉnh"."""
    m = _ABBR_AFTER.match(text, pos)
    return m.end() if m else pos


def _capitalised(text: str, start: int) -> bool:
    return text[start : start + 1].isupper()


def _place_at(text: str, key: str, pos: int) -> tuple[str, int] | None:
    """A capitalised province or district name starting at ``pos``; also the city written "TP.HCM",
    "TP. HCM", "Tp HCM" (and "HCM" right after such a "TP."), which the place names do not spell."""
    found = place_at(text, pos)
    if found is None and text[pos : pos + 1] in "TH.":
        m = _HCM.match(text, pos)
        if m and (m.group(1) or re.search(r"T[Pp]\.?\s?$", text[max(0, pos - 4) : pos])):
            return "TP.HCM", m.end()
    return found


_HCM = re.compile(r"(T[Pp]\.?\s?)?\.?HCM(?![\w.]\w)")


def _central_body(text: str, key: str, pos: int) -> OrgParse | None:
    m = _patterns().central_body.match(key, pos)
    if not m:
        return None
    entry = lexicon().central_bodies[match_key(_WS.sub(" ", text[m.start() : m.end()]))]
    end = m.end()
    parent = entry.get("parent")
    if parent:  # "Viện Khoa học tổ chức, cán bộ, Ban Tổ chức Trung ương" / "(Ban Tổ chức Trung ương)"
        q = re.compile(r"\s*[,(]\s*").match(key, end)
        if q:
            inner = parse_org(text, key, q.end(), allow_generic=True)
            if inner and _base_label(inner) == parent:
                end = inner.end
                if key[end : end + 1] == ")" and "(" in key[m.end() : q.end()]:
                    end += 1
    label = entry["label"]
    country = _COUNTRY_AFTER().match(text, end) if end == m.end() else None
    ministry = entry["label"].startswith("Bộ ")
    field = _AND_FIELD.match(text, end) if ministry and end == m.end() and country is None else None
    if field and not _patterns().start.match(key, field.start(1) + 1):
        # "Bộ Ngoại giao và Thương mại Australia": a foreign ministry of two fields (not "Bộ Tài chính và
        # Ngân hàng Trung ương Anh": two bodies)
        country = _COUNTRY_AFTER().match(text, field.end())
        if country and "Việt Nam" not in country.group(1):
            label = " ".join(text[m.start() : field.end()].split())
        else:
            country = None
    if country:  # "Bộ Quốc phòng Trung Quốc" is China's; "Bộ Quốc phòng Việt Nam" is the one in the lexicon
        if not country.group(1).endswith("Việt Nam"):
            tail = country.group(1)
            tail = f"Đảng {tail}" if tail.startswith("Cộng sản") else tail  # "… Trung ương Đảng| Cộng sản Cuba"
            label, parent = f"{label} {tail}", None
        end = country.end()
    org = OrgParse(m.start(), end, [], {"kind": "central", "label": label, "parent": parent})
    if end > m.end() and not country:
        org.qualifier = inner  # "…, Ban Tổ chức Trung ương": a mention of the parent too
    elif parent and not country and (at := _parent_written(text, m.start(), m.end(), entry)) is not None:
        # "Tổng cục Chính trị Quân đội nhân dân Việt Nam", "Ủy ban Pháp luật của Quốc hội": the parent is
        # written in the unit's name (not "Ủy ban Thường vụ Quốc hội", one of the body's own organs)
        org.qualifier = OrgParse(at, m.end(), [], {"kind": "central", "label": parent, "parent": None})
    return org


def _parent_written(text: str, start: int, end: int, entry: dict) -> int | None:
    """Where the parent's name starts at the end of a central body's written name: any of the parent's
    names for a body that names it ("UB Trung ương MTTQ Việt Nam"), else only after "của" ("… của Quốc
    hội"); None if it is not written there."""
    written = match_key(_WS.sub(" ", text[start:end]))
    parent = _central_by_label().get(entry["parent"])
    names = parent["names"] if parent else [entry["parent"]]
    for name in sorted(names, key=len, reverse=True):
        tail = (" " if entry.get("names_parent") else " của ") + match_key(name)
        if written.endswith(tail):
            return end - len(name)
    return None


@cache
def _central_by_label() -> dict[str, dict]:
    return {e["label"]: e for e in lexicon().raw["central_bodies"]}


_AND_FIELD = re.compile(r"\s+và((?:\s+[" + UPPER + r"]\w*(?:\s+[" + LOWER + r"]+)?){1,3}?)(?=\s+[" + UPPER + r"])")


@cache
def _COUNTRY_AFTER() -> re.Pattern:  # noqa: N802
    countries = ["Việt Nam", *lexicon().raw["countries"]]
    names = "|".join(sorted(map(re.escape, countries), key=len, reverse=True))
    # "Bộ Quốc phòng Trung Quốc", "Ban Chấp hành Trung ương Đảng Cộng sản Cuba"
    # (a name glued after it: "Bộ trưởng Quốc phòng Trung QuốcNgụy Phượng Hòa")
    return re.compile(r"\s+((?:(?:Đảng\s+)?Cộng sản\s+)?(?:" + names + r"))(?:(?!\w)|(?=[" + UPPER + r"]))")


@cache
def _central_by_slug() -> dict[str, dict]:
    """Central bodies by the slug of each of their names (punctuation and case aside)."""
    return {key_slug(n): e for e in lexicon().raw["central_bodies"] for n in e["names"]}


@cache
def _COUNTRY_IN() -> re.Pattern:  # noqa: N802
    """A foreign country's name inside a name, with a capitalised word after it."""
    names = "|".join(sorted(map(re.escape, lexicon().raw["countries"]), key=len, reverse=True))
    return re.compile(r"(?<=\s)(?:" + names + r")(?= [" + UPPER + r"])")


def country_after(text: str, pos: int) -> tuple[str, int] | None:
    """A foreign country named right after ``pos`` ("Thủ tướng| Singapore Lý Hiển Long"): (name, end)."""
    m = _COUNTRY_AFTER().match(text, pos)
    if m is None or "Việt Nam" in m.group(1) or "Cộng sản" in m.group(1):
        return None
    return m.group(1), m.end()


def _base_label(org: OrgParse) -> str | None:
    """The label of a parse that needs no context (central bodies), else None."""
    if org.base.get("kind") == "central" and not org.departments:
        return org.base["label"]
    return None


def parse_org(text: str, key: str, pos: int, allow_generic: bool = False, after_post: bool = False) -> OrgParse | None:
    """Parse the longest organisation name starting exactly at ``pos``.

    ``after_post``: the name follows a post title ("Giám đốc điều hành công ty TNHH nhôm
    Namsung Việt Nam", "Trưởng ban Công tác đại biểu"), where writers often leave the head
    word in lower case, so a lower-case head is read as the start of a name.
    """
    lower_department = False  # "Trưởng ban Tuyên giáo Trung ương": a department in lower case after the title
    if not _capitalised(text, pos):
        if _LOWER_AGENCY.match(text, pos):  # "cơ quan CSĐT Công an huyện Vĩnh Thuận"
            after_post = True
        if not after_post or not text[pos : pos + 1].isalpha():
            return None
        lower = _central_body(text, key, pos) or _named(text, key, pos, after_post=True)
        if lower is not None:
            return lower
        if _patterns().department.match(key, pos) is None:
            return None
        lower_department, after_post = True, False
    if not allow_generic and _GENERIC_BEFORE.search(key, max(0, pos - 8), pos):
        return None
    pats = _patterns()
    lex = lexicon()
    central = _central_body(text, key, pos)
    departments: list[str] = []
    cur = pos
    while True:
        m = pats.department.match(key, cur)
        if not m or not (_capitalised(text, cur) or lower_department and cur == pos):
            break
        departments.append(lex.departments[match_key(_WS.sub(" ", key[m.start() : m.end()]))])
        cur = _skip_ws(key, _skip_abbreviation(text, m.end()))
        if departments[-1].startswith("Cơ quan"):  # "Cơ quan Cảnh sát điều tra - Công an quận Hoàng Mai"
            dash = re.compile(r"[-–]\s+(?=Công an)").match(text, cur)
            cur = dash.end() if dash else cur
    base: OrgParse | None = None
    if departments:
        inner = _central_body(text, key, cur) if _capitalised(text, cur) else None
        steering = _steering(text, key, cur) if _capitalised(text, cur) else None
        if steering is not None and (inner is None or steering.end > inner.end):
            inner = None  # "Văn phòng Ban chỉ đạo quốc gia hội nhập quốc tế về kinh tế"
        if inner and departments == ["Thường trực"] and not _standing_government(key, pos, inner):
            return None  # "Thường trực Ban Bí thư", "Thường trực Quốc hội": a post or a plural body
        if inner:
            base = inner
        else:
            m = pats.central_suffix.match(key, cur)
            assoc = _association_after(text, key, m.end()) if m and _capitalised(text, cur) else None
            if assoc is not None and departments[-1] in ("Ban Chấp hành", "Ban Thường vụ"):
                # "BCH Trung ương Hội Khuyến học Việt Nam": the association's central committee
                departments[-1] += " Trung ương"
                base = assoc
            elif m and _capitalised(text, cur):
                last = departments.pop()
                label = lex.central_departments.get(match_key(last))
                if label:
                    parent = "Ban Chấp hành Trung ương" if label != "Ban Chấp hành Trung ương" else None
                    base = OrgParse(cur, m.end(), [], {"kind": "central", "label": label, "parent": parent})
                else:
                    departments.append(last)
    if base is None and _capitalised(text, cur):
        base = _party_organ(text, key, cur)
    if base is None and _capitalised(text, cur):
        base = (
            _steering(text, key, cur)
            or _mission(text, key, cur)
            or _committee(text, key, cur)
            or _level_body(text, key, cur)
            or _press(text, key, cur)
        )
        if base is None and not (central and not departments):
            base = _named(text, key, cur, after_post=after_post and cur == pos)
    if base is None:
        if central and not departments:
            return central
        if departments and central:
            return central
        return _level_body(text, key, pos) if departments else None  # "Trường Chính trị tỉnh Cà Mau"
    org = OrgParse(pos, base.end, departments + base.departments, base.base)
    if central and central.end >= org.end:
        return central
    if not departments:
        org.qualifier = base.qualifier  # "Trạm ra đa 595 Vùng 5 Hải quân": the unit it belongs to
    named_body = base.base.get("kind") in ("named", "central") and "prefix" not in base.base
    if departments and base.start > pos and (named_body or departments[0].startswith("Cơ quan")):
        # "Ban Chấp hành [Tổng Liên đoàn Lao động Việt Nam]"; a Party committee's own departments
        # ("Ban Tổ chức Tỉnh ủy", "Ban Thường vụ Đảng ủy …") are read as one name
        org.inner_start = base.start
    elif base.inner_start is not None:
        org.inner_start = base.inner_start
    return org


_DEPUTY_PM_BEFORE = re.compile(r"thủ tướng\s+$")


def _standing_government(key: str, pos: int, inner: OrgParse) -> bool:
    """ "cuộc họp Thường trực Chính phủ": the Prime Minister and his deputies, a body that meets and decides
    (not "Phó Thủ tướng Thường trực Chính phủ", the first deputy's title)."""
    return _base_label(inner) == "Chính phủ" and not _DEPUTY_PM_BEFORE.search(key, max(0, pos - 16), pos)


_MISSIONS = {"Đại sứ quán": "Đại sứ quán", "Tổng Lãnh sự quán": "Tổng Lãnh sự quán", "Lãnh sự quán": "Lãnh sự quán"}
_MISSION = re.compile(r"(tổng lãnh sự quán|lãnh sự quán|đại sứ quán)(?=\s)")
_HOST = re.compile(r"\s+(?:tại|ở)\s+(?=[" + UPPER + r"])")


def _mission(text: str, key: str, pos: int) -> OrgParse | None:
    """A state's embassy or consulate, named by its country: "Đại sứ quán Hàn Quốc (tại Việt Nam)"; Việt
    Nam's, and a consulate, with the host written after it: "Đại sứ quán Việt Nam tại Singapore"."""
    m = _MISSION.match(key, pos)
    country = _COUNTRY_AFTER().match(text, m.end()) if m else None
    if country is None or "Cộng sản" in country.group(1):
        return None  # "Đại sứ quán các nước": no one mission
    head = {match_key(k).lower(): v for k, v in _MISSIONS.items()}[_WS.sub(" ", m.group(1))]
    label, end = f"{head} {country.group(1)}", country.end()
    host = _HOST.match(text, end)
    at = host and (
        _COUNTRY_AFTER().match(text, host.end() - 1) or _place_at(text, key, host.end()) or _city(text, host.end())
    )
    if at is not None and at is not False:
        name, host_end = (at.group(1), at.end()) if isinstance(at, re.Match) else at
        if country.group(1) == "Việt Nam" or head != "Đại sứ quán" or name not in ("Việt Nam", "Hà Nội"):
            label = f"{label} tại {name}"
        end = host_end
    return OrgParse(pos, end, [], {"kind": "central", "label": label, "parent": None})


def _city(text: str, pos: int) -> tuple[str, int] | None:
    """A foreign city at ``pos``, its words no Vietnamese syllables: "Moscow", "New Delhi"."""
    m = _FOREIGN_NAME.match(text, pos)
    if m is None or any(vietnamese_syllable(w) for w in m.group().split()):
        return None
    return " ".join(m.group().split()), m.end()


_ASSOCIATION = re.compile(r"(?:hội|tổng hội|hiệp hội|liên hiệp)(?!\w)")


def _association_after(text: str, key: str, end: int) -> OrgParse | None:
    """A national association named right after "Trung ương" ("Hội Khuyến học Việt Nam", "Hội Nông dân
    Việt Nam"), whose central committee the name is."""
    at = _skip_ws(key, end)
    if at == end or not _capitalised(text, at) or not _ASSOCIATION.match(key, at):
        return None
    org = parse_org(text, key, at, allow_generic=True)
    if org is None or org.departments or not (org.base.get("label") or "").endswith("Việt Nam"):
        return None
    return org


def _committee(text: str, key: str, pos: int) -> OrgParse | None:
    m = _patterns().committee.match(key, pos)
    if not m:
        return None
    head = text[m.start() : m.end()]
    base = {"kind": "committee", "head": _title_head(head), "level": lexicon().committees[match_key(head)]}
    end = m.end()
    nxt = _skip_ws(key, end)
    own_level = _OWN_LEVEL.get(base["level"])
    if own_level and nxt > end and own_level.match(key, nxt):  # "Tỉnh ủy tỉnh Hà Nam": the level said twice
        after = _skip_ws(key, own_level.match(key, nxt).end())
        if _place_at(text, key, after):
            nxt = after
    place = _place_at(text, key, nxt) if nxt > end else None
    if place:
        base["place"], end = place
    elif nxt > end and (foreign := _FOREIGN_NAME.match(text, nxt)):
        words = foreign.group().split()
        if not any(vietnamese_syllable(w) or w.isupper() for w in words):
            # "Bí thư Thứ nhất Tỉnh ủy Villa Clara": a foreign province's committee, named as written
            return OrgParse(pos, foreign.end(), [], {"kind": "central", "label": f"{base['head']} {' '.join(words)}"})
    return OrgParse(pos, end, [], base)


_FOREIGN_NAME = re.compile(r"[" + UPPER + r"][a-z]+(?:[ \t]+[" + UPPER + r"][a-z]+){0,2}(?![\w-])")
_OWN_LEVEL = {"province": re.compile(r"tỉnh(?=\s)"), "city": re.compile(r"(?:thành phố|tp\.?)(?=\s)")}


def _title_head(head: str) -> str:
    from kg.textnorm import modern_tone

    return modern_tone(_WS.sub(" ", head))


def _level_body(text: str, key: str, pos: int) -> OrgParse | None:
    pats = _patterns()
    m = pats.level_body.match(key, pos)
    if not m:
        return None
    head = lexicon().level_bodies[match_key(_WS.sub(" ", key[m.start() : m.end()]))]
    end = m.end()
    nxt = _skip_ws(key, _skip_abbreviation(text, end))
    if head == "Đảng ủy" and (bloc := _bloc(text, key, nxt)):  # "Đảng ủy Khối ĐH, CĐ TP.HCM"
        head, end = bloc
        nxt = _skip_ws(key, end)
    term = _TERM_BEFORE_LEVEL.match(key, nxt)
    if term and pats.level.match(key, term.end()):  # "HĐND khóa IX thành phố Hồ Chí Minh": the council's term
        nxt = term.end()
    lv = pats.level.match(key, nxt)
    base = {"kind": "level_body", "head": head}
    if lv:
        word = key[lv.start() : lv.end()]
        base["level"] = lexicon().levels.get(word, "thành phố" if word.startswith("tp") else "thị xã")
        end = lv.end()
        nxt = _skip_ws(key, end)
        if base["level"] in ("xã", "phường", "thị trấn"):  # "UBND phường Bắc Sơn": communes have no code
            commune_end = _proper_name_end(text, nxt) if nxt > end else nxt
            if commune_end <= nxt:
                return None  # "HĐND phường": which one?
            base["commune"] = " ".join(text[nxt:commune_end].split())
            return OrgParse(pos, commune_end, [], base)
        place = _place_at(text, key, nxt)
        number = _DISTRICT_NUMBER.match(text, nxt) if place is None and base["level"] == "quận" else None
        if number and nxt > end:  # "UBND Quận 1 (TPHCM)": a numbered district, not the article's
            if place_key(number.group(1)) not in lexicon().place_names:
                return None  # "Quận 2", since merged into another: no body of the map
            place = number.group(1), number.end()
        if place:
            base["place"], end = place
    else:
        place = _place_at(text, key, nxt) if nxt > end else None
        if place:  # "Công an Lạng Sơn"
            base["place"], end = place
        elif head == "Đảng bộ" and (region := _REGION.match(text, nxt)) and nxt > end:
            # "nhiệm vụ chính trị của Đảng bộ miền Nam": the Party organisation of a region (in the war)
            label = f"Đảng bộ {region.group()}"
            return OrgParse(pos, region.end(), [], {"kind": "central", "label": label, "parent": None})
        elif head in ("Đảng ủy", "Đảng bộ", "Công an"):
            return None  # "Đảng ủy các phường", bare "Đảng bộ": not a named body
        elif head.startswith("Đảng ủy Khối"):
            pass
        elif head.startswith("Hội ") and nxt > end and text.startswith("Việt Nam", nxt):
            # "Hội luật Gia Việt Nam": the national association, named as the lexicon spells it
            label = f"{head} Việt Nam"
            return OrgParse(pos, nxt + len("Việt Nam"), [], {"kind": "central", "label": label, "parent": None})
        else:
            return None  # "UBND" alone is too vague to name one body
    if head.startswith("Đảng ủy Khối") and "level" not in base:
        return None
    return OrgParse(pos, end, [], base)


_REGION = re.compile(r"miền (?:Nam|Bắc|Trung)(?!\w)(?! [" + UPPER + r"])")
_TERM_BEFORE_LEVEL = re.compile(r"khóa\s+[ivxl]+\s+")
_DISTRICT_NUMBER = re.compile(r"0?(\d{1,2})(?![\d\w/]|[.,]\d)")
_BLOC_WORD = re.compile(r"(?:\s*,\s*|\s+(?:và\s+|[-–]\s+)?)([\w&]+)")
_BLOC_LEVEL = re.compile(r"(?:tỉnh|thành phố|tp|huyện|quận|thị xã)(?!\w)")


def _bloc(text: str, key: str, pos: int) -> tuple[str, int] | None:
    """A Party committee of a bloc named by its sector, before the level or place it serves: "Đảng ủy
    Khối ĐH, CĐ TP.HCM" → ("Đảng ủy Khối Đại học, Cao đẳng", end), "Đảng ủy khối đại học, cao đẳng
    TP.HCM", "Đảng ủy Khối Doanh nghiệp tỉnh"; the sector runs to the first level word or place."""
    if not key.startswith("khối", pos):
        return None
    cur, n = pos + len("khối"), 0
    while n < 8:
        w = _BLOC_WORD.match(key, cur)
        if w is None or "\n" in key[cur : w.start(1)]:
            return None
        if n and (_BLOC_LEVEL.match(key, w.start(1)) or _place_at(text, key, w.start(1))):
            break
        if w.group(1) in lexicon().name_stopwords and w.group(1) != "và":
            return None
        cur, n = w.end(), n + 1
    else:
        return None
    abbreviation, expanded = _abbreviations()
    sector = " ".join(text[pos + len("khối") : cur].split())
    return "Đảng ủy Khối " + abbreviation.sub(lambda a: expanded[a.group()], sector), cur


_PARTY_ORGAN = re.compile(r"(ban cán sự đảng|đảng đoàn|đảng ủy cơ quan|đảng ủy|đảng bộ|chi bộ|công đoàn|quân ủy)\s+")


def _party_organ(text: str, key: str, pos: int) -> OrgParse | None:
    """A Party organ (or trade union) of another body: "Đảng ủy Trường Đại học Đồng Nai",
    "Ban Cán sự Đảng Bộ Y tế", "Đảng đoàn Liên đoàn Lao động tỉnh Thanh Hóa"."""
    m = _PARTY_ORGAN.match(key, pos)
    if not m or not _capitalised(text, m.end()):
        return None
    sector = _SECTOR_UNION.match(text, m.end()) if m.group(1) == "công đoàn" else None
    if sector:  # "Công đoàn Giáo dục Việt Nam": the national union of a sector
        label = "Công đoàn " + " ".join(sector.group().split())
        return OrgParse(pos, sector.end(), [], {"kind": "central", "label": label, "parent": None})
    inner = parse_org(text, key, m.end(), allow_generic=True)
    if inner is None or inner.base.get("kind") == "committee":
        return None
    prefix = {
        "ban cán sự đảng": "Ban Cán sự Đảng",
        "đảng đoàn": "Đảng đoàn",
        "đảng ủy cơ quan": "Đảng ủy cơ quan",
        "đảng ủy": "Đảng ủy",
        "đảng bộ": "Đảng bộ",
        "chi bộ": "Chi bộ",
        "công đoàn": "Công đoàn",
        "quân ủy": "Quân ủy",
    }[_WS.sub(" ", m.group(1))]
    base = dict(inner.base)
    base["prefix"] = " ".join(filter(None, [prefix, base.get("prefix", "")] + inner.departments))
    return OrgParse(pos, inner.end, [], base, inner_start=inner.start)


# a sector named by one or two capitalised words (each with its second syllable), then "Việt Nam"
_SECTOR_UNION = re.compile(
    r"(?:[" + UPPER + r"]\w*(?:[ \t]+[" + LOWER + r"]+)?[ \t]+){1,2}Việt Nam(?!\w)(?![ \t]*[-–][ \t]*[" + UPPER + r"])"
)


_STEERING = re.compile(r"(?:ban\s+chỉ\s+đạo|bcđ)(?=\s)")
_STEER_TOKEN = re.compile(r"\s*(,|[-–](?=\s)|[^\W_][\w/]*(?:-\d+)?|\d+)")
# words that go on after a steering committee's remit: "Ban Chỉ đạo 389 Quốc gia| về công tác …"
_STEER_STOP = frozenset(
    "về của gồm đã đang sẽ có chủ họp để tại trong với cho là được vừa cũng do đề yêu khẳng nhấn và nhằm theo "
    "thông kiểm ban tổ giao chỉ phải cần tiếp từ đến ngày năm trên này đó hết thống điện khảo xử thực báo gửi "
    "đánh nhận quán rà kết tăng đẩy siết họp".split()
)
_STEER_AFTER_COMMA = frozenset({"chống", "phát", "cứu", "chữa"})


def _comma_inside_remit(text: str, comma: re.Match) -> bool:
    """ "phòng, chống", "xây dựng, phát triển": a comma inside a remit or field; not "…, số ca"."""
    nxt = _STEER_TOKEN.match(text, comma.end())
    return nxt is not None and nxt.group(1) in _STEER_AFTER_COMMA


@cache
def _steer_stop() -> frozenset[str]:
    """Words that end a remit: "Ban Chỉ đạo quốc gia phòng, chống dịch Covid-19| cùng đoàn công tác"."""
    return _STEER_STOP | (lexicon().name_stopwords - _SECOND_SYLLABLES) | {"cấp", "các"}


_EVERY_LEVEL = re.compile(
    r"\s+từ\s+(?:tỉnh|thành phố|tp|huyện|quận|trung ương|tw)(?!\w)\.?\s+(?:đến|tới|xuống)\s+(?:cơ sở|địa phương|"
    r"huyện|xã|phường|thôn|các)(?!\w)"
)
_NATIONAL = re.compile(r"(?<!\w)(?:quốc gia|trung ương|nhà nước|chính phủ|tw)(?!\w)")
_STEER_LEVEL = re.compile(r"(?:của\s+)?(tỉnh|thành phố|tp\.?|huyện|quận|thị xã)(?!\w)")


def _steering(text: str, key: str, pos: int, after_post: bool = False) -> OrgParse | None:
    """A steering committee named by its remit: "Ban Chỉ đạo 389 Quốc gia", "Ban chỉ đạo quốc gia hội
    nhập quốc tế về kinh tế", "Ban Chỉ đạo xây dựng, phát triển 5 huyện thành quận của thành phố", "Ban
    Chỉ đạo phòng, chống dịch Covid-19 tỉnh Ninh Bình", "Ban Chỉ đạo Năm Du lịch Quốc gia - Ninh Bình 2021".

    The remit runs over lower-case words, numbers, capitalised words and inner commas, to a word that
    goes on the sentence ("về" only before a short closing field: "… về kinh tế,"), punctuation or a
    place; a local committee ("của tỉnh", "tỉnh Ninh Bình", or a remit naming no national body) is the
    province's or district's."""
    m = _STEERING.match(key, pos)
    if m is None or not (text[pos : pos + 1].isupper() or after_post):
        return None
    end = cur = m.end()
    words: list[str] = []
    level = place = None
    while len(words) < 14:
        lv = _STEER_LEVEL.match(key, _skip_ws(key, cur))
        if lv and not words:
            return None  # "Ban chỉ đạo tỉnh": which one?
        if lv and not (words[-1].isdigit() and len(words) > 1):  # not "5 huyện thành quận": a count
            after = _skip_ws(key, lv.end())
            found = _place_at(text, key, after) if after > lv.end() else None
            word = lexicon().levels.get(lv.group(1), "thành phố" if lv.group(1).startswith("tp") else lv.group(1))
            if found:  # "… tỉnh Ninh Bình", "… của thành phố Hà Nội"
                level, place, end = word, found[0], found[1]
                break
            if key.startswith("của", _skip_ws(key, cur)):
                level, end = word, lv.end()  # "… của tỉnh": the article's
                break
            nxt = _STEER_TOKEN.match(text, lv.end())
            if (
                nxt is None
                or nxt.group(1) == ","
                or nxt.group(1)[:1].isupper()
                or nxt.group(1) in _steer_stop()
                and nxt.group(1) != "của"
            ):
                level, end = word, lv.end()  # "… Covid-19 tỉnh yêu cầu", "BCĐ PCD tỉnh Trần Xuân Dưỡng"
                break  # (not "… 5 huyện thành quận của thành phố": a remit's words)
        t = _STEER_TOKEN.match(text, cur)
        if t is None or "\n" in text[cur : t.start(1)]:
            break
        w = t.group(1)
        if w == ",":
            if not words or not _comma_inside_remit(text, t):
                break
            words.append(",")
            cur = t.end()
            continue
        if w in ("-", "–"):
            nxt = _STEER_TOKEN.match(text, t.end())
            if not words or nxt is None or not nxt.group(1)[:1].isupper():
                break
            words.append("-")
            cur = t.end()
            continue
        if w == "về" and words:  # "… hội nhập quốc tế về kinh tế,": a short field closes the remit
            field, c = _steer_field(text, t.end())
            n = len(field) - field.count(",")
            after = _STEER_TOKEN.match(text, c)
            if 0 < n <= 4 and (after is None or after.group(1) == "," or after.group(1) in _steer_stop()):
                words += ["về", *field]
                end = cur = c
            break
        if w[:1].islower() and w in _steer_stop():
            break
        if w[:1].isupper() and not words and head_is_surname(text, t.start(1)):
            break
        if w[:1].isupper() and words and _name_at_person(text, t.start(1)):
            break  # "Trưởng Ban Chỉ đạo Nguyễn Văn A"
        if w[:1].isupper() and words and words[-1] != "-":
            found = _place_at(text, key, t.start(1))
            if found:  # "Ban Chỉ đạo phòng, chống dịch Covid-19 TPHCM", "… Covid-19 Bắc Giang"
                place, end = found
                break
        words.append(w)
        end = cur = t.end()
        if words[-1] != w or len(words) > 1 and re.search(r"\d", w) and not w.isdigit():
            closing = _STEER_TOKEN.match(text, cur)  # "… Covid-19| thống nhất": a remit ends after such a name
            if closing is None or closing.group(1) != "của" and not _STEER_LEVEL.match(key, _skip_ws(key, cur)):
                break
    while words and words[-1] in (",", "-"):
        words.pop()
    if not words or _EVERY_LEVEL.match(key, end):
        return None  # "Ban chỉ đạo xây dựng XHHT từ TP đến cơ sở": the committees of every level
    remit = " ".join(words).replace(" ,", ",")
    for pattern, canonical in _steering_remits():  # "phòng chống dịch bệnh Covid-19" → "phòng, chống dịch Covid-19"
        remit = pattern.sub(canonical, remit)
    national = re.match(r"quốc gia ", remit, re.IGNORECASE)  # "(quốc gia) phòng, chống dịch": the Covid-19 one
    rest = remit[national.end() :] if national else remit
    rest = lexicon().raw["steering_remits"]["_whole"].get(rest.lower(), rest)
    remit = remit[: national.end()] + rest if national else rest
    head = "Ban Chỉ đạo"
    base = {"kind": "named", "label": f"{head} {remit}", "head": head}
    if place:
        base.update(level=level, place=place)
    elif level:
        base["level"] = level
    elif not _NATIONAL.search(match_key(remit)) and not remit[:1].isdigit():
        base.update(
            level="tỉnh", level_implied=True
        )  # "Ban Chỉ đạo phòng, chống dịch Covid-19" in a provincial article
    return OrgParse(pos, end, [], base)


@cache
def _steering_remits() -> list[tuple[re.Pattern, str]]:
    out = []
    for canonical, variants in lexicon().raw["steering_remits"].items():
        if not canonical.startswith("_"):
            alts = "|".join(map(re.escape, sorted(variants, key=len, reverse=True)))
            out.append((re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)", re.IGNORECASE), canonical))
    return out


def _steer_field(text: str, pos: int) -> tuple[list[str], int]:
    """The lower-case words of a field after "về" ("phòng, chống tham nhũng"), and where they end."""
    field: list[str] = []
    cur = pos
    while len(field) < 6:
        t = _STEER_TOKEN.match(text, cur)
        if t is None or "\n" in text[cur : t.start(1)]:
            break
        w = t.group(1)
        if w == ",":
            if not field or not _comma_inside_remit(text, t):
                break
        elif not (w[:1].isalpha() and w[:1].islower()) or w in _steer_stop():
            break
        field.append(w)
        cur = t.end()
    return field, cur


def _name_at_person(text: str, pos: int) -> bool:
    """A full personal name (a family name and two more capitalised words) at ``pos``."""
    return head_is_surname(text, pos)


def _press(text: str, key: str, pos: int) -> OrgParse | None:
    m = _patterns().press.match(key, pos)
    if not m:
        return None
    known = _known_press()[0].match(key, pos)
    if known:  # "Báo Quân đội nhân dân", "Báo Công an nhân dân": a national paper whose name goes on in lower case
        label = _known_press()[1][_WS.sub(" ", known.group())]
        return OrgParse(pos, known.end(), [], {"kind": "central", "label": label, "parent": None, "press": True})
    nxt = _skip_ws(key, m.end())
    place = _place_at(text, key, nxt)
    head = _WS.sub(" ", text[m.start() : m.end()])
    if place:
        return OrgParse(pos, place[1], [], {"kind": "press", "head": head, "place": place[0]})
    # "Tạp chí Thất Sơn": a capitalised name of one to four words, with a lower-case syllable between two
    # ("Báo Bưu điện Việt Nam"); a central body's name ("Báo Chính phủ", "Báo Quân đội nhân dân")
    body = _central_body(text, key, nxt) if nxt > m.end() and head in ("Báo", "Tạp chí") else None
    words = body or _PRESS_NAME.match(text, m.end())
    if words and head in ("Báo", "Tạp chí"):
        end = words.end if body else words.end()
        if head == "Tạp chí" and not body:
            end = _journal_field_end(text, words.start(), end)
        name = " ".join(text[m.start() : end].split())
        return OrgParse(pos, end, [], {"kind": "central", "label": name, "parent": None, "press": True})
    return None


_FIELD_AND = re.compile(r"[ \t]+và((?:[ \t]+[" + LOWER + r"]+){1,2})(?=\s*[),;.])")


def _journal_field_end(text: str, start: int, end: int) -> int:
    """A journal named by its field, the capitalised word's second syllable and a field after "và" with it:
    "Tạp chí Kinh tế và dự báo)" (not "Tạp chí Forbes| cho biết", "Tạp chí Time| từng")."""
    last = text[start:end].split()[-1]
    second = _LOWER_WORD.match(text, end)
    if second is None or not vietnamese_syllable(last) or not vietnamese_syllable(second.group(1)):
        return end
    if second.group(1) in lexicon().name_stopwords or _COUNTRY_IN().match(text, end - len(last)):
        return end
    end = second.end()
    field = _FIELD_AND.match(text, end)
    if field and not any(w in _CLAUSE_LOWER for w in field.group(1).split()):
        end = field.end()
    return end


@cache
def _known_press() -> tuple[re.Pattern, dict[str, str]]:
    """The newspapers and journals the lexicon knows by their web address, by their names' keys."""
    names = {match_key(n): n for n in lexicon().raw["press_hosts"].values() if n.startswith(("Báo ", "Tạp chí "))}
    return re.compile(r"(?:" + alternation(list(names)) + r")(?!\w)"), names


_PRESS_NAME = re.compile(
    r"(?:[ \t]+[" + UPPER + r"]\w*(?:[ \t]+(?!và |của )[" + LOWER + r"]+(?=[ \t]+[" + UPPER + r"]))?){1,4}"
)


_PARTY_AND_PEOPLE = re.compile(
    r"(?<!\w)(đảng bộ)\s*,\s*(?:chính quyền\s*(?:,|và)\s*(?:các tầng lớp\s+)?nhân dân|quân\s+và\s+dân)\s+"
    r"(?:các dân tộc\s+)?((?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+)?"
)


def _party_of_people(text: str, key: str) -> list[Mention]:
    """ "Đảng bộ, chính quyền và nhân dân tỉnh Ninh Bình", "Đảng bộ, quân và dân tỉnh Cà Mau": the Đảng bộ
    is that of the place named."""
    out = []
    for m in _PARTY_AND_PEOPLE.finditer(key) if "đảng bộ" in key else ():
        if not _capitalised(text, m.end()):
            continue
        place = _place_at(text, key, m.end())
        if place is None:
            continue
        base = {"kind": "level_body", "head": "Đảng bộ", "place": place[0]}
        if m.group(2):
            level = match_key(m.group(2).strip())
            base["level"] = lexicon().levels.get(level, "thành phố" if level.startswith("tp") else level)
        out.append(org_mention(text, OrgParse(m.start(1), m.end(1), [], base)))
    return out


_LEVEL_WORD = r"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)"
# "UBND các tỉnh, thành phố: Hà Nam, Hà Nội", "UBND các huyện, thành phố Long Khánh, thành phố Biên Hòa"
_OF_EACH = re.compile(r"\s+các\s+" + _LEVEL_WORD + r"(?:\s*[,/]\s*" + _LEVEL_WORD + r")*\s*:?\s+")
_EACH_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:(" + _LEVEL_WORD + r")\s+)?")


def _bodies_of_places(text: str, key: str, pos: int) -> list[OrgParse]:
    """A local body named once for each of the places listed after it: "UBND các tỉnh, thành phố: Hà
    Nam, Hà Nội, Đà Nẵng, TPHCM" is four people's committees; "UBND các huyện, thành phố Long Khánh,
    thành phố Biên Hòa" two (the districts left unnamed are no body). [] when no place is listed."""
    m = _patterns().level_body.match(key, pos)
    if m is None or not _capitalised(text, pos):
        return []
    head = lexicon().level_bodies[match_key(_WS.sub(" ", key[m.start() : m.end()]))]
    each = _OF_EACH.match(key, m.end())
    if each is None or head.startswith("Đảng"):
        return []
    out: list[OrgParse] = []
    cur, level = each.end(), None
    if ":" not in each.group():  # "các huyện, thành phố Long Khánh": the last level word is the first place's
        level = re.findall(_LEVEL_WORD, each.group())[-1]
    while len(out) < 12:
        place = _place_at(text, key, cur)
        if place is None:
            break
        base = {"kind": "level_body", "head": head, "place": place[0]}
        if level:
            base["level"] = lexicon().levels.get(level, "thành phố" if level.startswith("tp") else level)
        out.append(OrgParse(pos if not out else cur, place[1], [], base))
        gap = _EACH_GAP.match(key, place[1])
        if gap is None or gap.end() == place[1]:
            break
        cur, level = gap.end(), gap.group(1)
    return out


@cache
def _ministry_fields() -> re.Pattern:
    """The fields of the ministries the lexicon knows ("y tế", "giao thông vận tải"), after "Bộ"."""
    names = [n[3:] for e in lexicon().raw["central_bodies"] for n in e["names"] if n.startswith("Bộ ")]
    return re.compile(r"(?:" + alternation(names) + r")(?!\w)")


_LIST_GAP = re.compile(r"\s*,\s*(?:và\s+)?(?:Bộ\s+)?|\s+và\s+(?:Bộ\s+)?")


def _ministries_listed(text: str, key: str, pos: int) -> list[OrgParse]:
    """ "các Bộ Ngoại giao, Quốc phòng, Công an, Y tế, Giao thông vận tải": each ministry, its head said once."""
    if not (key.startswith("bộ ", pos) and key[max(0, pos - 4) : pos] == "các " and _capitalised(text, pos)):
        return []
    out: list[OrgParse] = []
    cur = pos + 3
    while len(out) < 12 and _capitalised(text, cur):
        m = _ministry_fields().match(key, cur)
        if m is None:
            break
        known = _central_by_slug().get(key_slug("Bộ " + text[cur : m.end()]))
        if known is None:
            break
        out.append(OrgParse(pos if not out else cur, m.end(), [], {"kind": "central", "label": known["label"]}))
        gap = _LIST_GAP.match(key, m.end())
        if gap is None:
            break
        cur = gap.end()
    return out


_BODY_GAP = re.compile(r"\s*[-–,]\s*|\s+và\s+")


def _body_listed_before(text: str, key: str, pos: int) -> OrgParse | None:
    """A local body written bare before another one of the same place, which the last one's place
    qualifies: "HĐND" in "Thành ủy-HĐND-UBND thành phố", in "Tỉnh ủy, HĐND, UBND tỉnh Nghệ An"."""
    m = _patterns().level_body.match(key, pos)
    if m is None or not _capitalised(text, pos):
        return None
    head = lexicon().level_bodies[match_key(_WS.sub(" ", key[m.start() : m.end()]))]
    gap = _BODY_GAP.match(key, m.end())
    if gap is None or head.startswith("Đảng") and "và" not in gap.group() or head == "Công an":
        return None  # (but "Nghị quyết Đảng bộ và HĐND tỉnh": the province's Đảng bộ)
    nxt = parse_org(text, key, gap.end()) or _body_listed_before(text, key, gap.end())
    if nxt is None or nxt.departments or nxt.base.get("kind") != "level_body" or nxt.base.get("commune"):
        return None
    if not (nxt.base.get("level") or nxt.base.get("place")) or nxt.base["head"].startswith("Đảng"):
        return None
    base = {k: v for k, v in nxt.base.items() if k in ("level", "place")}
    return OrgParse(pos, m.end(), [], {"kind": "level_body", "head": head, **base})


@cache
def _companies() -> tuple[re.Pattern, frozenset[str]]:
    raw = lexicon().raw["companies"]
    names = sorted(raw["names"], key=lambda n: len(re.escape(n)), reverse=True)
    return re.compile(word_start(names, not_after=r"[\w.@/-]") + r"(?![\w@-]|\.\w)"), frozenset(raw["branches"])


def find_companies(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Companies named by their brand ("Huawei", "Viettel"), and a branch named by its province after
    the brand ("Giám đốc Viettel Hậu Giang": Viettel Hậu Giang, a branch of Viettel)."""
    out: list[Mention] = []
    for m in _companies()[0].finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        org = company_at(text, m.start())
        if org is not None:
            out.append(org_mention(text, org))
            if org.qualifier is not None:
                parent = org_mention(text, org.qualifier)
                parent.attrs["qualifier"] = True
                out.append(parent)
    return out


def company_at(text: str, pos: int) -> OrgParse | None:
    """The company whose brand is written at ``pos``, or its branch in the province named after it."""
    pattern, branched = _companies()
    m = pattern.match(text, pos)
    if m is None:
        return None
    brand = m.group()
    base = {"kind": "central", "label": brand, "parent": None, "brand": True}
    place = _place_at(text, "", m.end() + 1) if brand in branched and text[m.end() : m.end() + 1] == " " else None
    if place is None:
        return OrgParse(pos, m.end(), [], base)
    branch = {"kind": "central", "label": f"{brand} {place[0]}", "parent": brand, "brand": True}
    return OrgParse(pos, place[1], [], branch, qualifier=OrgParse(pos, m.end(), [], base))


def _listed(text: str, key: str, pos: int) -> list[OrgParse]:
    """The bodies a list at ``pos`` names, where no one name parses there: a body listed before another
    one's place, a body for each place listed, or ministries listed after one head."""
    if _patterns().level_body.match(key, pos):
        before = _body_listed_before(text, key, pos)
        return [before] if before else _bodies_of_places(text, key, pos)
    return _ministries_listed(text, key, pos) if key.startswith("bộ ", pos) else []


def find_organizations(text: str, key: str) -> list[Mention]:
    """All organisation mentions, longest first at each position, not overlapping."""
    mentions: list[Mention] = _party_of_people(text, key)
    pos = 0
    start_re = _patterns().start
    while True:
        m = start_re.search(key, pos)
        if not m:
            break
        start = m.start()
        org = parse_org(text, key, start) or _lower_head(text, key, start) or _lower_standing(text, key, start)
        if org is None:
            listed = _listed(text, key, start)  # "Thành ủy-HĐND-UBND thành phố", "UBND các tỉnh: …"
            if not listed:
                pos = start + 1
                continue
            if len(listed) > 1:
                mentions.extend([org_mention(text, o) for o in listed])
                pos = listed[-1].end
                continue
            org = listed[0]
        if org.departments[:1] == ["Thường trực"] and _STANDING_TITLE.search(key, max(0, org.start - 24), org.start):
            # "Phó Chủ tịch Thường trực UBND tỉnh": the word is the title's, the body is the UBND
            rest = _skip_ws(key, org.start + len("thường trực"))
            org = parse_org(text, key, rest) or org
        if _status_phrase(key, org):
            pos = m.start() + 1
            continue
        if _GENERIC_AFTER.match(key, org.end):  # "HĐND tỉnh, thành phố trực thuộc trung ương"
            pos = org.end
            continue
        if _UNIT_BRACKET.match(text, org.end) and org.base.get("head") in _UNIT_HEADS | {"Thanh tra"}:
            whole = with_parent(text, key, org)  # "Thanh tra Quốc phòng - Bộ CHQS tỉnh Thanh Hóa", "Cục … (Bộ Y tế)"
            head_of_parent = text[whole.base.get("unit_of", 0) : whole.end].split()[:1]
            if whole is org or head_of_parent[0] not in org.base["label"].split()[1:]:
                org = whole  # (not "Thanh tra Sở TT-TT Bình Dương (Sở TT-TT)": the body it names, abbreviated)
        if org.base.get("implied"):  # a body only a post names ("Hội đồng Đại học Huế")
            pos = org.end
            continue
        mentions.append(org_mention(text, org))
        if org.qualifier is not None:
            parent = org_mention(text, org.qualifier)
            parent.attrs["qualifier"] = True  # names the body above, not an actor of the sentence
            mentions.append(parent)
        mentions.extend(_bodies_within(text, key, org))
        pos = org.end
    mentions.extend(_units_after_titles(text, key, mentions))
    mentions.extend(_elected_organs(text, key, mentions))
    return _home_organs(text, key, mentions)


# "Hội Khuyến học tỉnh Bạc Liêu đã bầu ra 27 người vào Ban chấp hành nhiệm kỳ 2020 - 2025, 9 người vào Ban
# thường vụ": a body's own organs written bare after the body, in one sentence
_BARE_ORGAN = re.compile(r"(ban chấp hành|ban thường vụ)(?=\s*(?:nhiệm kỳ|khóa|gồm|[,.;(]|$))")
_SENTENCE_START = re.compile(r"[.!?\n][^.!?\n]*$")


def _word_matches(pattern: re.Pattern, text: str, key: str, capital_at_end: bool) -> Iterator[re.Match]:
    """The matches of ``pattern`` in ``key`` that begin a word, with a capital at their start or end."""
    for m in pattern.finditer(key):
        if _capitalised(text, m.end() if capital_at_end else m.start()) and not (
            m.start() and key[m.start() - 1].isalpha()
        ):
            yield m


def _elected_organs(text: str, key: str, mentions: list[Mention]) -> list[Mention]:
    """The Ban Chấp hành or Ban Thường vụ written bare of the body named before it in the sentence."""
    out = []
    for m in _word_matches(_BARE_ORGAN, text, key, capital_at_end=False):
        if any(o.start <= m.start() < o.end for o in mentions):
            continue
        cut = _SENTENCE_START.search(key, max(0, m.start() - 300), m.start())
        begin = cut.start() if cut else max(0, m.start() - 300)
        before = [
            o
            for o in mentions
            if begin <= o.start and o.end <= m.start() and not o.attrs.get("qualifier") and o.kind == ORGANIZATION
        ]
        if not before:
            continue
        body = max(before, key=lambda o: o.start)
        base = body.attrs.get("base") or {}
        if body.attrs.get("departments") or base.get("kind") not in ("named", "level_body", "committee"):
            continue
        dept = "Ban Chấp hành" if m.group(1) == "ban chấp hành" else "Ban Thường vụ"
        organ = Mention.at(
            text,
            ORGANIZATION,
            m.start(),
            m.end(),
            dept,
            scope=body.scope,
            attrs={"departments": [dept], "base": dict(base)},
        )
        out.append(organ)
    return out


# the bodies of a school written without its name, the school being the article's ("Đảng ủy Trường,",
# "Chủ tịch Công đoàn Trường", "Chi bộ nhà trường", "Bí thư Đảng ủy,", "Ủy viên Ban thường vụ Đảng ủy⏎",
# "BCH ĐoànTNCS HCM Trường")
_HOME_ORGAN = re.compile(
    r"(?<!\w)(?:(ban thường vụ|ban chấp hành|bch|btv)\s*)?"
    r"(đảng ủy|công đoàn|chi bộ|đoàn\s*thanh niên cộng sản hồ chí minh|đoàn\s*tncs\s*hcm)"
    r"(?:\s+((?:nhà\s+)?trường)(?!\w)(?!\s+[" + UPPER + r"])|(?=\s*(?:[,;.)]|\n|$)))"
)
_HOME_TITLE = re.compile(r"(?:bí thư(?: thường trực)?|ủy viên|chủ tịch|phó chủ tịch|đại diện|thường vụ)\s*$")
_HOME_HEADS = ("Trường ", "Đại học ", "Học viện ")
_HOME_ORGANS = {"đảng ủy": "Đảng ủy", "công đoàn": "Công đoàn", "chi bộ": "Chi bộ"}
_HOME_DEPTS = {
    "ban thường vụ": "Ban Thường vụ",
    "btv": "Ban Thường vụ",
    "ban chấp hành": "Ban Chấp hành",
    "bch": "Ban Chấp hành",
}


def _home_body(mentions: list[Mention]) -> dict | None:
    """The base of the school the article is about: the one named most (twice or more), alone."""
    counts: dict[str, int] = {}
    bases: dict[str, dict] = {}
    for m in mentions:
        base = m.attrs.get("base") or {}
        label = base.get("label") or ""
        if m.attrs.get("departments") or base.get("prefix") or not label.startswith(_HOME_HEADS):
            continue
        if len(label.split()) < 3 or base.get("kind") not in ("named", "central"):
            continue
        short = label.removeprefix("Trường ")
        counts[short] = counts.get(short, 0) + 1
        if short not in bases or label.startswith("Trường "):
            bases[short] = base
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return bases[ranked[0][0]]


def _home_units(mentions: list[Mention], home: dict) -> None:
    """ "Viện KH&CN Nhiệt lạnh", "Phòng Đào tạo", "Khoa Quản trị kinh doanh" written alone in an article
    about one school: the school's units, named with it (the unit convention)."""
    for m in mentions:
        base = m.attrs.get("base") or {}
        if base.get("kind") != "named" or base.get("head") not in _HOME_UNITS or m.attrs.get("departments"):
            continue
        if {"place", "level", "commune", "prefix", "unit_of"} & base.keys() or m.attrs.get("qualifier"):
            continue
        label = base["label"]
        if label.endswith(("Việt Nam", "Trung ương")) or place_at_end(label, 0, len(label)):
            continue  # "Viện Hàn lâm Khoa học xã hội Việt Nam": a body of its own
        if not all(map(_vietnamese_word, label.split())) or _COUNTRY_IN().search(label + " X"):
            continue  # "Viện … Leipzig", "Viện Sức khỏe quốc gia Mỹ": a foreign body
        m.attrs["departments"] = [label]
        m.attrs["base"] = dict(home)
        m.label = f"{label} {home.get('label', '')}"


_HOME_UNITS = frozenset({"Phòng", "Khoa", "Bộ môn", "Viện"})
_HIGHER_SCHOOL = re.compile(r"(?:Đại học|Học viện|Cao đẳng)(?!\w)")


def _vietnamese_word(word: str) -> bool:
    """A Vietnamese syllable, a number, punctuation or an abbreviation in capitals ("KH&CN")."""
    return not word[:1].isalpha() or word.isupper() or vietnamese_syllable(word.strip(",.-").lower())


def _home_organs(text: str, key: str, mentions: list[Mention]) -> list[Mention]:
    """The Party committee, union or youth union of the article's school written without its name, and
    its units."""
    home = _home_body(mentions)
    if not home:
        return mentions
    # a university's or college's units (not a school's: "Phòng GD&ĐT" there is the district's)
    if _HIGHER_SCHOOL.search(home.get("label", "")) and all(map(_vietnamese_word, home["label"].split())):
        _home_units(mentions, home)
    out = mentions
    organs = "đoàn" in key or "đảng ủy" in key or "chi bộ" in key  # (in every organ's name)
    for m in _HOME_ORGAN.finditer(key) if organs else ():
        dept, organ, word = m.group(1), _WS.sub(" ", m.group(2)), m.group(3)
        if not word and not dept and not _HOME_TITLE.search(key, max(0, m.start() - 24), m.start()):
            continue  # a bare "Đảng ủy" only after a title: "Bí thư Đảng ủy,", "Chủ tịch Công đoàn,"
        if not word and organ == "chi bộ":
            continue
        if not home:
            return out
        end = m.end(3) if word else m.end(2)
        same = [o for o in out if o.start < end and m.start() < o.end]
        if any(
            (o.attrs.get("base") or {}).get("place") or (o.attrs.get("base") or {}).get("level") or o.end > end
            for o in same
        ):
            continue  # "Đảng ủy Trường Đại học …", "Công đoàn tỉnh": a body named in full
        base = dict(home, prefix=_HOME_ORGANS.get(organ, "Đoàn Thanh niên Cộng sản Hồ Chí Minh"))
        departments = [_HOME_DEPTS[_WS.sub(" ", dept)]] if dept else []
        if organ.startswith("đoàn") and not word and not dept:
            continue
        if out is mentions:
            out = list(mentions)
        out = [o for o in out if o not in same]
        mention = org_mention(text, OrgParse(m.start(), end, departments, base))
        out.append(mention)
        if departments:  # "Ban Thường vụ Đảng ủy" names the Đảng ủy too
            inner = org_mention(text, OrgParse(m.start(2), end, [], base))
            inner.attrs["qualifier"] = True
            out.append(inner)
    return out


# "Trưởng phòng Đào tạo", "Phó trưởng khoa Nội", "Trưởngphòng Tổ chức cán bộ": a title that ends with its
# unit's head word, the unit's name after it
_UNIT_TITLE = re.compile(r"trưởng\s*(phòng|khoa|bộ môn)[ \t]+")


_SOME_PLACE = re.compile(r"\s+(?:một|các|mỗi|những|nhiều)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|địa phương)")


def _units_after_titles(text: str, key: str, mentions: list[Mention]) -> list[Mention]:
    """The units named after a title that says their head word, where no other name was read there."""
    out = []
    for m in _word_matches(_UNIT_TITLE, text, key, capital_at_end=True):
        if any(o.start <= m.end() < o.end for o in mentions) or key.startswith(m.group(1), m.end()):
            continue  # a body is already read there; "Trưởng phòng Phòng, chống …": the name says its head
        org = _shifted(text, m.end(), {"phòng": "Phòng", "khoa": "Khoa", "bộ môn": "Bộ môn"}[_WS.sub(" ", m.group(1))])
        if org is None or org.base.get("kind") != "named" or _SOME_PLACE.match(key, org.end):
            continue  # "Trưởng Phòng GD&ĐT một quận": some district's, no one body
        out.append(org_mention(text, with_parent(text, key, org)))
    return out


_LOWER_STANDING = re.compile(r"thường trực[ \t]+(?=[" + UPPER + r"])")
_TITLE_BEFORE = re.compile(r"(?:chủ tịch|bí thư|chủ nhiệm|trưởng ban|ủy viên|thủ tướng|cơ quan|trưởng|giám đốc)\s+$")


def _lower_standing(text: str, key: str, pos: int) -> OrgParse | None:
    """ "thường trực Tỉnh ủy đã có quyết định", "thường trực UBND TP có nắm …": the standing members of a
    Party committee or a people's council or committee, the word in lower case (not after a title: "Phó Chủ
    tịch thường trực UBND", "Ủy viên thường trực Ủy ban …")."""
    m = _LOWER_STANDING.match(text, pos)
    if m is None or _TITLE_BEFORE.search(key, max(0, pos - 16), pos):
        return None
    inner = parse_org(text, key, m.end())
    if inner is None or inner.departments or inner.base.get("kind") not in ("committee", "level_body"):
        return None
    return OrgParse(pos, inner.end, ["Thường trực"], inner.base)


_TRUONG_COMPOUNDS = frozenset(
    {"hội", "quảng", "thị", "môi", "hiện", "chiến", "nông", "lập", "thương", "sân", "đấu", "công", "súng", "đồng"}
)
_LOWER_HEAD = re.compile(r"(?:trường|bệnh viện|(công ty))\s+(?=[" + UPPER + r"])")


_HEAD_OF_BOARD = re.compile(r"(?<!\w)trưởng\s+$")


def _lower_head(text: str, key: str, pos: int) -> OrgParse | None:
    """A school or hospital whose head the writer left in lower case: "trường ĐH Bách khoa Hà Nội",
    "bệnh viện Rajiv Gandhi" — only with a proper name past its type words ("trường THPT chuyên" is
    no one school); a board after the title of its head: "Trưởng ban Quản lý Khu kinh tế Quảng Ninh"."""
    if key.startswith("ban ", pos) and _HEAD_OF_BOARD.search(key, max(0, pos - 10), pos):
        board = parse_org(text, key, pos, allow_generic=True, after_post=True)
        named = board is not None and not board.departments and board.base.get("kind") == "named"
        return board if named and board.base.get("head", "").startswith("Ban ") else None
    head = _LOWER_HEAD.match(text, pos)
    if not head or _GENERIC_BEFORE.search(key, max(0, pos - 8), pos):
        return None  # "các trường …"
    if _patterns().start.match(key, head.end()) and not key.startswith("đại học", head.end()):
        return None  # "hội trường UBND phường": another body follows (not "trường Đại học Hàng hải")
    before = re.search(r"(\w+)\s+$", text[max(0, pos - 12) : pos])
    if head.group(1):  # "phối hợp công ty Bắc Đuống"; not "tổng công ty …", "công ty Trung Quốc" (a country's)
        if before and before.group(1).lower() == "tổng" or _COUNTRY_AFTER().match(text, head.end() - 1):
            return None
        if place_at(text, head.end()):
            return None
    elif before and before.group(1).lower() in _TRUONG_COMPOUNDS:
        return None  # "hội trường", "thị trường", "môi trường": not a school
    org = parse_org(text, key, pos, allow_generic=True, after_post=True)
    if org is None or org.base.get("kind") not in ("named", "central") or org.departments:
        return None
    if head.group(1):  # a Vietnamese proper name of one to three words, no more: "công ty Bắc Đuống| cắt bỏ"
        name = text[head.end() : org.end].split()
        vietnamese = all(w[:1].isupper() and vietnamese_syllable(w) for w in name) and not name[-1].isascii()
        return org if 0 < len(name) <= 3 and vietnamese and not any(w.isascii() for w in name[:1]) else None
    words = text[pos : org.end].split()[1:]
    proper = [w for w in words if w[:1].isupper() and match_key(w).lower() not in _TYPE_WORDS and w != "Đảng"]
    return org if proper else None


# what makes a body's name stand for every body of its kind: "Sở Lao động - Thương binh và Xã hội tỉnh, thành
# phố trực thuộc Trung ương", "Bộ chỉ huy Bộ đội Biên phòng các tỉnh"
_GENERIC_AFTER = re.compile(r"(?<=tỉnh)\s*[,/]\s*thành phố(?!\w)|\s+(?:các|mỗi|những)\s+(?:tỉnh|địa phương|cấp)(?!\w)")
# (not "Công an phường Lam Hạ, thành phố Phủ Lý", "Sở Y tế Hà Nội, thành phố có …")
_STATUS_BEFORE = re.compile(r"(?:đại biểu|bầu cử|ứng cử)\s+$")


_STANDING_TITLE = re.compile(r"(?:phó chủ tịch|phó bí thư|phó chủ nhiệm|phó trưởng ban|ủy viên|cơ quan)\s+$")
# a centre that is a building, named as the place where something happens ("tổ chức tại Trung tâm Hội nghị
# …", "bệnh viện dã chiến tại Trung tâm văn hóa TP Hà Tiên"); not "Giám đốc Trung tâm Văn hóa tỉnh"
_VENUE = re.compile(r"trung tâm\s+(?:văn hóa|hội nghị|triển lãm|hội chợ)(?!\w)")
_AT_VENUE = re.compile(r"(?<!\w)(?:tại|ở|khu)\s+$")
_DOCUMENT_BEFORE = re.compile(r"(?:công ước|hiến chương)\s+$")


def _status_phrase(key: str, org: OrgParse) -> bool:
    """ "đại biểu Quốc hội", "bầu cử Quốc hội khóa XV": a status or an election, not the body acting;
    "Công ước Liên hợp quốc về Luật Biển": a treaty named after the body."""
    if _DOCUMENT_BEFORE.search(key, max(0, org.start - 14), org.start):
        return True
    if _VENUE.match(key, org.start) and _AT_VENUE.search(key, max(0, org.start - 8), org.start):
        return True  # "tại Trung tâm văn hóa TP Hà Tiên": the building where something happens
    return (
        org.base.get("label") == "Quốc hội"
        and not org.departments
        and bool(_STATUS_BEFORE.search(key, max(0, org.start - 12), org.start))
    )


def _bodies_within(text: str, key: str, org: OrgParse) -> list[Mention]:
    """The bodies a name names inside itself: "Ban Thường vụ Đảng ủy Trường Đại học Đồng Nai" also
    names Đảng ủy Trường Đại học Đồng Nai and Trường Đại học Đồng Nai."""
    out = []
    while org.inner_start is not None and len(out) < 3:
        inner = parse_org(text, key, org.inner_start, allow_generic=True)
        if inner is None or inner.end != org.end:
            break
        if _base_label(inner) and inner.base["label"].startswith("Trung ương ") and inner.base.get("parent"):
            # "Ban Chấp hành Trung ương Đoàn": the central committee of the Youth Union names the Union
            inner = OrgParse(inner.start, inner.end, [], {"kind": "central", "label": inner.base["parent"]})
        mention = org_mention(text, inner)
        mention.attrs["qualifier"] = True
        out.append(mention)
        org = inner
    return out


_DEFINED = re.compile(r"[ \t]*\([ \t]*([A-ZĐ][A-ZĐ&-]{1,9})[ \t]*\)")


def _abbreviations_defined(orgs: list[Mention], text: str) -> None:
    """ "Cục Đường sắt Việt Nam (ĐSVN)", "Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)": the abbreviation the
    article defines after a body's full name is that body wherever it is written, alone ("VNPT") or after the
    body's head ("Cục ĐSVN")."""
    defined: dict[str, Mention] = {}
    for m in orgs:
        d = _DEFINED.match(text, m.end)
        if d and not m.attrs.get("qualifier") and m.label.split()[0][:1].isupper():
            defined.setdefault(d.group(1), m)
    for m in orgs if defined else ():
        words = m.label.split()
        full = defined.get(words[-1]) if len(words) <= 2 else None
        if full is None or full is m or len(words) == 2 and full.label.split()[0] != words[0]:
            continue
        m.label, m.scope = full.label, full.scope
        m.attrs = {k: copy.deepcopy(v) for k, v in full.attrs.items() if k != "qualifier"}


_LEAD_PLACE_END = re.compile(r"[ \t]*,")


def _lead_place(text: str, pos: int) -> str | None:
    """The province a paragraph of a round-up opens with ("Quảng Ninh, UBND tỉnh cũng đã quyết định …",
    "Khánh Hòa, chiều 28/4, UBND tỉnh …"), for the paragraph at ``pos``; None if it opens otherwise."""
    line = text.rfind("\n", 0, pos) + 1
    place = place_at(text, line)
    if place is None or not _LEAD_PLACE_END.match(text, place[1]) or place_at(text, _skip_ws(text, place[1] + 1)):
        return None  # (not "Thanh Hóa, Nghệ An, Hà Tĩnh …": a list of places)
    return place[0]


def share_places(mentions: list[Mention], sentences: list[tuple[int, int]], text: str = "") -> None:
    """ "… Chủ tịch Hội Khuyến học tỉnh Sóc Trăng; Hội Khuyến học tỉnh cảm ơn …": a body written
    without its place is the same body written in full earlier in the sentence, not the article's;
    in a round-up, one written in a paragraph that opens with a province's name is that province's.
    """
    orgs = sorted((m for m in mentions if m.kind == ORGANIZATION), key=lambda m: m.start)
    if text and "(" in text:
        _abbreviations_defined(orgs, text)
    for m in orgs if text else ():
        base = m.attrs.get("base") or {}
        if m.scope != "province" or {"place", "commune", "prefix"} & base.keys():
            continue
        if base.get("kind") not in ("committee", "level_body") or base.get("level") not in (None, "tỉnh", "province"):
            continue
        lead = _lead_place(text, m.start)
        if lead is not None:
            m.attrs["base"] = dict(base, place=lead)
            m.scope = ""
    starts = [s for s, _ in sentences]
    for i, m in enumerate(orgs):
        base = m.attrs.get("base") or {}
        if not m.scope or base.get("place") or base.get("commune") or not base.get("level"):
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k < 0 or m.start >= sentences[k][1]:
            continue
        sentence_start = starts[k]
        for j in range(i - 1, max(-1, i - 50), -1):
            earlier = orgs[j]
            if earlier.start < sentence_start:
                break
            other = earlier.attrs.get("base") or {}
            same = (other.get("head"), other.get("level"), other.get("kind")) == (
                base.get("head"),
                base["level"],
                base.get("kind"),
            )
            if same and other.get("place") and earlier.attrs.get("departments") == m.attrs.get("departments"):
                m.attrs["base"] = dict(base, place=other["place"])
                m.scope = ""
                break
    # a steering committee's remit names it: "Ban chỉ đạo phòng, chống dịch Covid-19 tỉnh Ninh Bình" once,
    # then "Ban Chỉ đạo phòng, chống dịch Covid-19 của tỉnh" in a Hà Nam article is still Ninh Bình's
    places: dict[str, set[str]] = {}
    for m in orgs:
        base = m.attrs.get("base") or {}
        if base.get("head") == "Ban Chỉ đạo" and base.get("place"):
            places.setdefault(base["label"], set()).add(base["place"])
    for m in orgs if places else ():
        base = m.attrs.get("base") or {}
        if base.get("head") == "Ban Chỉ đạo" and m.scope and len(places.get(base["label"], ())) == 1:
            m.attrs["base"] = dict(base, place=next(iter(places[base["label"]])))
            m.scope = ""


def org_mention(text: str, org: OrgParse) -> Mention:
    """The mention record for a parsed organisation; the resolver finishes its label."""
    attrs = {"departments": list(org.departments), "base": dict(org.base)}
    if attrs["base"].pop("implied", False):
        attrs.update(derived=True, implied=True)
    scope = ""
    if org.base["kind"] != "central" and "place" not in org.base:
        scope = (
            "district"
            if org.base.get("level") in ("city", "district", "thành phố", "huyện", "quận", "thị xã")
            else "province"
        )
    label = " ".join(org.departments + [org.base.get("label") or org.base.get("head", "")])
    return Mention.at(text, ORGANIZATION, org.start, org.end, label, scope=scope, attrs=attrs)


# an abbreviation glued to the next words by a missing space ("Bộ GD-ĐTsẽtổng hợp", "Sở GD-ĐTchỉ"): the
# capitals are a token of their own when Vietnamese lower-case letters follow (not "VPBank", "PVcomBank")
_GLUED = r"[" + UPPER + r"]{2,}(?=[" + LOWER + r"]*[" + "".join(c for c in LOWER if ord(c) > 0x7F) + r"])"
_TOKEN = re.compile(_GLUED + r"|[\w&'’.]+(?<!\.)|[^\w\s]")
_LEVEL_AFTER = re.compile(r"\s+(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)(?!\w)")


# bodies often named after a person: "Trường THPT Hoàng Văn Thụ", "Công ty TNHH Trần Liên Hưng"
# the words of a body's type, before the person it is named after: "Trường THPT chuyên …",
# "Trường Đại học …", "Công ty TNHH một thành viên …"
_TYPE_WORDS = frozenset(
    match_key(w).lower()
    for w in "THPT THCS TH ĐH CĐ MN PTDTNT PTDTBT Tiểu Trung Đại Cao học đẳng cơ sở Phổ thông Mầm non chuyên "
    "cấp TNHH CP cổ phần một thành viên MTV tư thục dân lập Quốc tế nghề Dân tộc nội trú bán trú".split()
)
_NAMED_AFTER_PEOPLE = frozenset(
    {"Trường", "Đại học", "Công ty", "Cty", "Tổng công ty", "Tập đoàn", "Quỹ", "Bệnh viện", "Nhà máy"}
)
# heads whose names are proper names, whole at two capitalised syllables: "Bệnh viện Chợ Rẫy| khảo sát",
# "Đồn Biên phòng Thông Thụ| tuần tra"
_PROPER_NAMED = _NAMED_AFTER_PEOPLE | {"Đồn Biên phòng"}
# units of a ministry named by their field of work: "Cục Xúc tiến thương mại", "Vụ Thị trường ngoài nước"
_FIELD_HEADS = frozenset({"Cục", "Tổng cục", "Vụ"})
# lower-case syllables that complete a capitalised one even after another: "Trung ương", "Hàng không"
_COMPLETIONS = frozenset({"ương", "không", "đới", "tế", "gia", "hóa", "hoá", "học", "dân", "nghiệp", "phố"})
_LEVEL_WORDS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "thị", "thành"})
_NAME_FINAL = frozenset({"việt nam", "trung ương", "quốc hội", "miền nam", "miền bắc", "miền trung"})


@cache
def _degree_re() -> re.Pattern:
    return re.compile(r"(?:" + alternation(list(lexicon().raw["honorifics"])) + r") +")


def _degree_before_name(text: str, pos: int) -> bool:
    """Whether a degree or rank and then a personal name stand at ``pos`` ("PGS.TS Nguyễn Mai Hương")."""
    m = _degree_re().match(match_key(text[pos : pos + 40]))
    if m is None:
        return False
    name = re.match(r"(\w+) [" + UPPER + r"]", text[pos + m.end() : pos + m.end() + 20])
    return name is not None and name.group(1) in lexicon().surnames


def _name_tokens(text: str, pos: int, limit: int = 14, head: str = "") -> int:
    """End of a proper name that starts at ``pos``.

    Vietnamese names capitalise the first syllable of each word ("Hội Khuyến học", "Sở Giáo dục
    và Đào tạo"), so a lower-case syllable belongs to the name right after a capitalised one, or
    in a short run that a capitalised word (or "của Quốc hội") closes ("Viện Văn hóa nghệ thuật
    quốc gia Việt Nam"). A place name or "Việt Nam" ends a name when lower case follows, and a
    full personal name after it is the next thing in the sentence, not part of the name
    ("Chủ tịch Hội Khuyến học Việt Nam Nguyễn Thị Doan").
    """
    lex = lexicon()
    stop = lex.name_stopwords | _LEVEL_WORDS
    if head == "Trường":  # a school's name spells its levels out: "Trường Phổ thông Dân tộc bán trú Trung học …"
        limit = max(limit, 20)
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, pos, min(len(text), pos + 240))]
    end, i, after_cap = pos, 0, False

    def cap(j: int) -> bool:
        return j < len(toks) and (toks[j][2][:1].isupper() or toks[j][2][:1].isdigit())

    def _line_between(j: int) -> bool:
        """Whether a line break stands between toks[j - 1] and toks[j]."""
        return "\n" in text[toks[j - 1][1] : toks[j][0]]

    def person_at(j: int) -> bool:
        """A full personal name at toks[j]; in "Trường THCS Chu Văn An", "Công ty TNHH Trần Liên Hưng"
        (a body named after a person, nothing but its type before) it is the body's name."""
        n = 0
        while cap(j + n) and toks[j + n][2][:1].isupper() and not (n and _line_between(j + n)):
            n += 1
        if n < 3 or toks[j][2] not in lex.surnames or place_at(text, toks[j + 1][0]) or place_at(text, toks[j][0]):
            return False  # "Trường Đại học Y Hà Nội": "Y" then a place is no person; "Mở Hà Nội Nguyễn …": a place
        typed = all(match_key(t[2]).lower() in _TYPE_WORDS for t in toks[:j])
        return not (head in _NAMED_AFTER_PEOPLE and (typed or field_namesake(j, n)))

    def field_namesake(j: int, n: int) -> bool:
        """ "Đại học Y khoa Phạm Ngọc Thạch…": a school of a field named after a person, the name last."""
        return (
            head in ("Trường", "Đại học")
            and 3 <= n <= 4
            and j > 0
            and toks[j - 1][2][:1].islower()
            and (j + n >= len(toks) or not toks[j + n][2][:1].isalnum())
            # not after a post title: "Viện trưởng Viện … - Trường ĐH Xây dựng Doãn Minh Khôi," is his name
            and not _title_at().search(match_key(text[max(0, pos - 90) : pos]).lower())
        )

    def _person_len(j: int) -> int:
        """How many words the personal name a body is named after has at toks[j] (0: none there)."""
        n = 0
        while cap(j + n) and toks[j + n][2][:1].isupper() and n < 6 and not (n and _line_between(j + n)):
            n += 1
        if n < 3 or toks[j][2] not in lex.surnames or head not in _NAMED_AFTER_PEOPLE or place_at(text, toks[j + 1][0]):
            return 0
        if not all(match_key(t[2]).lower() in _TYPE_WORDS for t in toks[:j]) and not field_namesake(j, n):
            return 0
        # "Bệnh viện Bạch Mai| Nguyễn Quang Tuấn": a second full name after the first two words
        second = next((p for p in range(2, n - 1) if toks[j + p][2] in lex.surnames), None)
        return second or min(n, 4)

    def key_of(s: int) -> str:
        return match_key(text[s : s + 40]).lower()

    field = head in _FIELD_HEADS
    while i < len(toks) and i < limit:
        s, e, w = toks[i]
        if "\n" in text[(toks[i - 1][1] if i else pos) : s]:
            break
        if cap(i):
            if i and (person_at(i) or _degree_before_name(text, s)):
                break  # "… Trường ĐH Mở Hà Nội| PGS.TS Nguyễn Mai Hương": the holder's degree and name
            named_for = _person_len(i)
            if named_for:  # "Trường THPT chuyên Lê Hồng Phong| khai giảng": the person's name ends the name
                end = toks[i + named_for - 1][1]
                break
            if i and _LEVEL_BEFORE_PLACE.match(key_of(s)):  # "Phòng Nội vụ Thị xã Bỉm Sơn": the place follows
                break
            if i and w == "TP":  # "Sở Xây dựng TP -": the level, not a word of the name
                break
            end, i = e, i + 1
            words = match_key(text[pos:end])
            after_cap = (
                _SYLLABLE.match(fold(w)) is not None  # not "GD-ĐT", "Viettel", "Group": no second syllable
                and not (len(w) > 1 and w.isupper())
                and not any(words.endswith(f) for f in _NAME_FINAL)
                and not place_at_end(text, pos, end)
                and not (i == 1 and place_key(w) in lex.place_names)  # "Đại học Huế| thời gian qua"
                # "Công ty Hòa Phát| kiểm tra": a proper name of two capitalised syllables is whole
                and not (
                    head in _PROPER_NAMED
                    and i >= 2
                    and _proper_word(toks[i - 2][2])
                    and _proper_word(w)
                    and (i >= len(toks) or toks[i][2] not in _COMPLETIONS)  # "Nhi Trung ương", "Cảng Hàng không"
                )
            )
            continue
        if w in ("-", "–") and cap(i + 1):
            if _another_body(key_of(toks[i + 1][0]), head) or toks[i + 1][2] in ("Ông", "Bà") or person_at(i + 1):
                break  # "Vụ Pháp chế - Bộ GDĐT": the body it belongs to; "Tập đoàn Vingroup - Ông Phạm …"
            i += 1
            continue
        if w == "&" and i and cap(i + 1) and _acronym(toks[i - 1][2]) and _acronym(toks[i + 1][2]):
            i += 1  # "Sở TN & MT": the abbreviation "TN&MT" written spaced
            continue
        if w in ("và", "&") and cap(i + 1) and toks[i + 1][2][:1].isupper():  # not "… Việt Bắc và 5 trường"
            if i + 1 < len(toks) and _another_body(key_of(toks[i + 1][0])):
                break  # "Trạm ra đa 595 và Trạm Hải đăng Hòn Khoai", "T&T Group và UBND TP Cần Thơ": two bodies
            if toks[i + 1][2] in ("Ông", "Bà") or person_at(i + 1):
                break  # "… Trường Đại học Y-Dược Huế và Ông Trương Quốc Hùng": a person
            if _acronym(toks[i + 1][2]) and match_key(toks[i + 1][2]).lower() not in _TYPE_WORDS:
                break  # "Sở Y tế và CDC Hà Nội": another body (not "Trường Tiểu học và THCS …")
            i += 1
            continue
        if after_cap and w in _SECOND_SYLLABLES and not (i > 1 and _proper_word(toks[i - 2][2])):  # "Hội nghị"
            end, after_cap, i = e, False, i + 1  # (not after a proper name: "Trường Tiểu học Gio Châu thông tin")
            continue
        if (
            w == ","
            and i > 1
            and end == toks[i - 1][1]
            and toks[i - 1][2][:1].islower()
            and (toks[i - 2][2][:1].islower() or head == "Trường")
        ):
            # "Viện Nghiên cứu xã hội, kinh tế và môi trường"; a school's fields before its place: "Trường
            # Trung cấp Văn hóa, nghệ thuật và du lịch Quảng Nam"
            place_next = text if head == "Trường" else None
            listed = _lower_list_end(toks, i + 1, place_next)
            if listed:
                end, i = toks[listed - 1][1], listed
                continue
        if w == "," and i and end == toks[i - 1][1]:
            fields = _capital_fields_end(text, toks, i + 1, head)  # "Sở Văn hóa, Thể thao và Du lịch"
            if fields:
                end, i = toks[fields - 1][1], fields
                after_cap = toks[fields - 1][2][
                    :1
                ].isupper()  # "…, Thể thao và Du lịch| chỉ đạo": "lịch" was its syllable
                continue
        if w == "một" and text.startswith("một thành viên", s):  # "Công ty TNHH một thành viên …": a legal form
            end, i = toks[i + 2][1] if i + 2 < len(toks) else end, i + 3
            continue
        hyphen_run = w in ("-", "–") and i + 1 < len(toks) and toks[i + 1][2][:1].islower()
        compound = w[:1].islower() and _compound_at(toks, i)  # "hành chính", "Văn hóa thông tin"
        if (
            not hyphen_run
            and not compound
            and (not w[:1].isalpha() or w in stop and w != "và" and not _level_is_word(toks, i))
        ):
            break
        if after_cap and w != "và" and w[:1].isalpha():  # second syllable of a capitalised word
            end, after_cap, i = e, False, i + 1
            continue
        if (
            any(match_key(text[pos:end]).lower().endswith(f) for f in _NAME_FINAL)
            or place_at_end(text, pos, end)
            or i == 1
            and place_key(toks[0][2]) in lex.place_names
        ):
            break  # "Bộ Tư lệnh Bộ đội Biên phòng Việt Nam| nghiên cứu …", "Đại học Huế| và toàn thể …"
        j = i  # a lower-case run (maybe with "và") that a capitalised word, a level word or a short end closes
        compounds = False  # a word of the run is a stop word but for the word it makes with the next one
        named_compound = False
        while j < len(toks) and j - i < 9:
            t = toks[j][2]
            if t[:1].islower() and _compound_at(toks, j):
                # "An toàn thông tin" is a name wherever it ends; "hành chính …" where a place closes it
                named = _LOWER_COMPOUNDS[(t.lower(), toks[j + 1][2])] is not None
                j, compounds, named_compound = j + 2, compounds or not named, named_compound or named
                continue
            if t == "và" or t[:1].isalpha() and t[:1].islower() and (t not in stop or _level_is_word(toks, j)):
                j += 1
                continue
            if j > i and t in _SECOND_SYLLABLES and toks[j - 1][2][:1].islower():  # "phát triển"
                j += 1
                continue
            if t in ("-", "–") and j + 1 < len(toks) and toks[j + 1][2][:1].islower():
                j += 1  # "Ủy ban Tài chính - ngân sách của Quốc hội", "kinh tế - xã hội"
                continue
            break
        k = j
        while k > i and toks[k - 1][2] == "và":
            k -= 1
        nxt = toks[j][2] if j < len(toks) else ""
        if j > i and j < len(toks) and "\n" in text[toks[j - 1][1] : toks[j][0]]:
            nxt = ""  # "Trưởngphòng Tổ chức cán bộ" at the end of a line: the line ends the name
        level_closed = nxt in ("tỉnh", "huyện", "quận", "thị", "thành") and (cap(j + 1) or cap(j + 2))
        closed = (
            k > i
            and (
                compounds  # "Trung tâm Phục vụ hành chính công tỉnh Hậu Giang": only where a place closes it
                and level_closed
                or not compounds
                and named_compound
                and k == j
                or not compounds
                and j < len(toks)
                and toks[j][2][:1].isupper()
                and not _patterns().within.match(key_of(toks[j][0]))  # "… phối hợp Bộ Y tế"
                and not _title_at().match(key_of(toks[j][0]))  # "Bộ GDĐT điều chỉnh chỉ Chánh Thanh tra …"
                and not person_at(j)  # "Trường ĐH Văn Lang phản ánh tác giả Hoàng Xuân Phương"
                # "Sở TN-MT giao VPĐKĐĐ": another body's abbreviation
                and not (_acronym(toks[j][2]) and head not in _BRAND_HEADS and not _name_word(toks[j][2]))
                or text.startswith(" của Quốc hội", toks[k - 1][1])
                # "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên": a field, a dash, the next field
                or not compounds
                and k == j
                and nxt in ("-", "–")
                and j + 1 < len(toks)
                and toks[j + 1][2][:1].isupper()
                and not _another_body(key_of(toks[j + 1][0]), head)
                and not place_at(text, toks[j + 1][0])
                and not person_at(j + 1)
                or not compounds
                and level_closed
                or not compounds
                and k == j
                and (k - i <= 2 or k - i == 3 and toks[i][2] == "và")  # "Sở Văn hóa và thể thao,"
                and (nxt in (";", ",", ".", ")", "") or _ABBR_AFTER.match(text, toks[k - 1][1]))  # "… bệnh tật (CDC)"
                and (i == 0 or _SYLLABLE.match(fold(toks[i - 1][2])) is not None)  # not "Sun Group đầu tư."
                and not (head in _PROPER_NAMED and i >= 2 and all(_proper_word(t[2]) for t in toks[i - 2 : i]))
                or not compounds
                and nxt == ","
                and k == j
                and k - i >= 2
                and _lower_list_end(toks, j + 1) is not None
                # a ministry's unit is named by its field, lower case after the first word, up to
                # punctuation or the name of its head: "Vụ Chính sách thương mại đa biên,", "Cục Quản
                # lý xuất nhập cảnh (Bộ Công an)", "Phó Cục trưởng Cục Quản lý chất lượng Phạm Quốc Khánh"
                or field
                and not compounds
                and k == j
                and k - i <= 6
                and (nxt in (";", ",", ".", ")", "(", "") or k - i <= 4 and person_at(j))
            )
        )
        if closed and "\n" not in text[toks[i - 1][1] if i else pos : toks[k - 1][1]]:
            end, i = toks[k - 1][1], k
            continue
        if field and not compounds:  # "Vụ Thị trường ngoài nước| và đơn vị liên quan": the field ends at "và"
            va = next((x for x in range(i, k) if toks[x][2] == "và"), None)
            if va is not None and 0 < va - i <= 4 and "\n" not in text[toks[i - 1][1] if i else pos : toks[va - 1][1]]:
                end = toks[va - 1][1]
        break
    return end


def _another_body(key: str, head: str = "Đại học") -> bool:
    """Whether another body starts at ``key`` after "và" or a dash ("… và Đại học Yale", "Đại học Cambridge-Đại
    học Oxford", "… - Bộ GDĐT"; not "Khoa Quốc tế - Đại học Quốc gia Hà Nội", the unit's university)."""
    return (
        bool(_patterns().within.match(key) or _TEAM_HEAD.match(key)) or head == "Đại học" and key.startswith("đại học ")
    )


# heads of bodies the lexicon does not start names with, which "và" does not join to a name: "Thanh tra Sở Du
# lịch| và Đội thanh tra liên ngành", "… và Tổ công tác"
_TEAM_HEAD = re.compile(r"(?:đội|tổ|nhóm|lực lượng)(?!\w)")


@cache
def _title_at() -> re.Pattern:
    """A post title ("Chánh Thanh tra", "Giám đốc"): a capital after a lower-case run that starts one
    does not close a name."""
    return re.compile(r"(?:" + alternation(list(lexicon().post_titles)) + r")(?!\w)")


_PROPER_NAME = re.compile(r"[" + UPPER + r"0-9][\w'’]*(?:(?:[ \t]|\s?-\s?)[" + UPPER + r"0-9][\w'’]*){0,3}(?!\w)")


def _proper_name_end(text: str, pos: int) -> int:
    """End of a commune's name at ``pos``: capitalised words only, on one line ("Quảng Yên", "Ia O",
    "Phường 2"), not the lower-case words after it ("xã Quảng Yên| lựa chọn làm …"); ``pos`` if none."""
    m = _PROPER_NAME.match(text, pos)
    return m.end() if m else pos


def _capital_fields_end(text: str, toks: list[tuple[int, int, str]], i: int, head: str = "") -> int | None:
    """End index of ", Thể thao và Du lịch": the fields of a body named as a list, each a
    capitalised word (with its lower-case syllable), the last one after "và", with no other body
    or place among them; None if there is none. A unit of a school or institute is named so whatever
    its fields ("Viện Hợp tác, Nghiên cứu và Đào tạo quốc tế", "Phòng Khoa học Công nghệ, Hợp tác và
    Sau đại học"); a department or ministry only by the lists the lexicon knows ("Sở Nội vụ, Tư pháp
    và Y tế" is three departments)."""
    j = i
    while j < len(toks) and j - i < 8:
        t = toks[j][2]
        if t in ("và", "&") and j > i:
            k = j + 1  # the last field: a capitalised word and its lower-case syllable
            if k >= len(toks) or not toks[k][2][:1].isupper() or _starts_other(text, toks[k][0]):
                return None
            k += 1
            if k < len(toks) and toks[k][2][:1].islower() and toks[k][2][:1].isalpha():
                k += 1
            # only the fields of a body known by such a name: "Sở Nội vụ, Tư pháp và Y tế" is three bodies
            if head in _FIELD_LIST_HEADS:
                return k
            written = match_key(text[max(0, toks[k - 1][1] - 60) : toks[k - 1][1]]).lower().replace(" & ", " và ")
            return k if any(written.endswith(c) for c in _compound_fields()) else None
        if t[:1].isupper():
            if _starts_other(text, toks[j][0]):
                return None  # "Sở Y tế, Sở Giáo dục …", "…, Hà Nội và …": a list of bodies or places
        elif not (t[:1].isalpha() and toks[j - 1][2][:1].isupper()):
            return None  # a lower-case syllable only right after a capitalised one: "Thể thao"
        j += 1
    return None


_FIELD_LIST_HEADS = frozenset({"Viện", "Phòng", "Khoa", "Trung tâm", "Bộ môn", "Học viện"})


@cache
def _compound_fields() -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", match_key(c).lower()) for c in lexicon().raw["compound_fields"])


def _starts_other(text: str, pos: int) -> bool:
    """Whether a place or another body starts at ``pos``."""
    return bool(place_at(text, pos) or _patterns().start.match(match_key(text[pos : pos + 40]).lower()))


def _lower_list_end(toks: list[tuple[int, int, str]], i: int, text: str | None = None) -> int | None:
    """End index of "kinh tế và môi trường" (lower-case words, one "và" before the last item, then
    punctuation, or with ``text`` a place) that closes a name's list of fields after a comma; None if
    there is none."""
    j = i
    while j < len(toks) and j - i < 6 and toks[j][2][:1].isalpha() and toks[j][2][:1].islower():
        j += 1
    words = [t[2] for t in toks[i:j]]
    if any(w in lexicon().name_stopwords and w != "và" for w in words):
        return None
    if "và" not in words or words.count("và") != 1 or words[0] == "và" or words[-1] == "và":
        return None
    if j < len(toks) and toks[j][2] not in (",", ".", ";", ")") and not (text and place_at(text, toks[j][0])):
        return None
    return j


# a Vietnamese syllable, folded to ASCII: onset, one to three vowels, coda
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")


# heads whose names often hold a brand in capitals: "Công ty cổ phần VTC"
_BRAND_HEADS = frozenset({"Công ty", "Cty", "Tổng công ty", "Tập đoàn", "Ngân hàng"})


def _name_word(word: str) -> bool:
    """An abbreviation that is a word of names ("ĐH", "THCS", "GD&ĐT"), not another body's."""
    return match_key(word).lower() in _TYPE_WORDS or word in lexicon().raw["name_abbreviations"]


_SPACED_AMPERSAND = re.compile(r"(?<=\w) & (?=\w)")
# a dash between two abbreviations in capitals ("GD - ĐT", "TN - MT"), not between words of a name
_SPACED_DASH = re.compile(r"(?<=(?<!\w)[A-ZĐ]{2}) [-–] (?=[A-ZĐ]{2}(?!\w))")


def _and_written_out(name: str) -> str:
    """ "Bộ Nông nghiệp & Phát triển nông thôn" → "… và …"; "Sở TN & MT" → "Sở TN&MT" (which the
    abbreviations then expand)."""
    if " & " not in name:
        return name

    def joined(m: re.Match) -> str:
        before = name[: m.start()].rsplit(" ", 1)[-1]
        after = name[m.end() :].split(" ", 1)[0]
        if _acronym(before) and _acronym(after):
            return "&"
        # Vietnamese words on both sides; a foreign name keeps its sign ("Ernst & Young")
        return " và " if vietnamese_syllable(before) and vietnamese_syllable(after) else m.group()

    return _SPACED_AMPERSAND.sub(joined, name)


@cache
def _abbreviations() -> tuple[re.Pattern, dict[str, str]]:
    """The abbreviations written out in a body's name, as one pattern (longest first) and their
    full forms."""
    table = lexicon().raw["name_abbreviations"]
    shorts = sorted(table, key=lambda a: (-len(a), a))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, shorts)) + r")(?!\w)"), table


def _acronym(word: str) -> bool:
    """An abbreviation in capitals ("CDC", "VPĐKĐĐ", "TN-MT"); not a Roman numeral ("Trung tâm … III")."""
    return (
        len(word) > 1
        and word.isupper()
        and re.fullmatch(r"[IVXL]+", word) is None
        and word not in ("TP", "TX", "TPHCM", "HCM")  # a level or a place, not a body
    )


def _proper_word(word: str) -> bool:
    """A capitalised Vietnamese syllable ("Phong", "Khê"), as in a proper name; not "ĐH", "GD&ĐT", "5"."""
    return word[:1].isupper() and word[1:].islower() and _SYLLABLE.match(fold(word)) is not None


# second syllables that are stop words on their own but continue a capitalised word
_SECOND_SYLLABLES = frozenset(
    {"nghị", "triển", "quyết", "thiệu", "chức", "giới", "thông", "tiến", "nhận", "định", "hành", "làm", "ứng"}
)
# two-syllable words in lower case whose first syllable is a stop word on its own, with the words
# they follow in a name (None: any): "hành chính công", "Văn hóa thông tin", "An toàn thông tin",
# "Công nghệ thông tin" ("Sở Y tế thông tin …" is the verb)
_LOWER_COMPOUNDS: dict[tuple[str, str], frozenset[str] | None] = {
    ("hành", "chính"): None,
    ("thông", "tin"): frozenset({"hóa", "hoá", "toàn", "nghệ"}),
    # "Khoa … và Toán ứng dụng", "Vật lý ứng dụng"
    ("ứng", "dụng"): frozenset({"toán", "học", "lý", "nghệ", "sinh", "thuật", "tin"}),
    ("tiếp", "thị"): frozenset(),  # "… du lịch và tiếp thị giao thông vận tải Việt Nam": after any word
}


def _compound_at(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Whether toks[j] and toks[j + 1] are one of those words, where a name may hold it."""
    if j + 1 >= len(toks):
        return False
    key = (toks[j][2].lower(), toks[j + 1][2])
    if key not in _LOWER_COMPOUNDS:
        return False
    before = _LOWER_COMPOUNDS[key]
    return before is None or not before or j > 0 and toks[j - 1][2].lower() in before


_LEVEL_BEFORE_PLACE = re.compile(r"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+[^\W\d_]")
_LEVEL_COMPOUNDS = frozenset({("xã", "hội"), ("tỉnh", "táo"), ("tỉnh", "lộ"), ("tỉnh", "thành"), ("huyện", "lộ")})


def _level_is_word(toks: list[tuple[int, int, str]], j: int) -> bool:
    """A level word that is part of an ordinary word here: "xã hội", "thành công", "thị trường"."""
    w = toks[j][2]
    if w not in _LEVEL_WORDS or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1][2]
    if w in ("thị", "thành"):
        return nxt not in ("xã", "trấn", "phố")
    return (w, nxt) in _LEVEL_COMPOUNDS


def place_at_end(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends with a province or district name."""
    words = text[start:end].split()
    for n in (1, 2, 3, 4):
        if len(words) > n and place_key(" ".join(words[-n:])) in lexicon().place_names:
            return True
    return False


_COMMITTEE_OF_LEVEL = {
    "tỉnh": "Tỉnh ủy",
    "thành phố": "Thành ủy",
    "tp.": "Thành ủy",
    "tp": "Thành ủy",
    "huyện": "Huyện ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
}
_LEVEL_AT = re.compile(r"(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?=\S)")
# a title that names the head of its body: "Phó phòng Nội vụ" is a deputy head of Phòng Nội vụ
_TITLE_HEADS = {
    "trưởng phòng": "Phòng",
    "phó trưởng phòng": "Phòng",
    "phó phòng": "Phòng",
    "bộ trưởng": "Bộ",
    "thứ trưởng": "Bộ",
    "quyền bộ trưởng": "Bộ",
    "viện trưởng": "Viện",
    "phó viện trưởng": "Viện",
    "quyền viện trưởng": "Viện",
    "quyền vụ trưởng": "Vụ",
    "quyền cục trưởng": "Cục",
    "quyền hiệu trưởng": "Trường",
    "cục trưởng": "Cục",
    "phó cục trưởng": "Cục",
    "vụ trưởng": "Vụ",
    "phó vụ trưởng": "Vụ",
    "trưởng khoa": "Khoa",
    "phó trưởng khoa": "Khoa",
    "hiệu trưởng": "Trường",
    "phó hiệu trưởng": "Trường",
    "trưởng đoàn": "Đoàn",
    "phó trưởng đoàn": "Đoàn",
}


def _shifted(text: str, pos: int, prefix: str) -> OrgParse | None:
    """Parse ``prefix`` + the text at ``pos`` as one name and map it back onto the text."""
    synth = prefix + " " + text[pos : pos + 240]
    org = parse_org(synth, match_key(synth), 0, allow_generic=True)
    shift = len(prefix) + 1
    if org is None or org.end <= shift:
        return None
    org.start, org.end, org.qualifier = pos, pos + org.end - shift, None
    return org


_SCHOOL_TYPE = re.compile(r"(?:đh|đại học|cđ|cao đẳng|thpt|thcs|tiểu học|trung học|phổ thông|mầm non|học viện)(?!\w)")


def _only_implied(org: OrgParse | None) -> OrgParse | None:
    """A body the title implies but the text never writes ("Bí thư phường Điện Dương"): the post's, no
    mention of it (GUIDELINES: bodies in post titles)."""
    if org is not None:
        org.base["implied"] = True
    return org


def implied_org(text: str, key: str, pos: int, title: str) -> OrgParse | None:
    """A body the post title implies together with what follows it:
    "Bí thư phường Bắc Sơn" → Đảng ủy phường Bắc Sơn; "Bí thư tỉnh Lạng Sơn" → Tỉnh ủy Lạng Sơn;
    "Chủ tịch tỉnh Điện Biên" → Ủy ban nhân dân tỉnh Điện Biên; "Phó phòng Nội vụ thị xã Bỉm Sơn"
    → Phòng Nội vụ thị xã Bỉm Sơn; "Bộ trưởng Công an" → Bộ Công an."""
    t = match_key(title).lower()
    lv = _LEVEL_AT.match(key, pos)
    if lv and t in ("bí thư", "phó bí thư", "phó bí thư thường trực"):
        level = lv.group(1)
        if level in _COMMITTEE_OF_LEVEL:
            org = _shifted(text, lv.end(), _COMMITTEE_OF_LEVEL[level])
            if org is not None:
                org.start = pos
            return _only_implied(org)
        return _only_implied(_shifted(text, pos, "Đảng ủy"))
    if lv and t in ("chủ tịch", "phó chủ tịch"):
        return _only_implied(_shifted(text, pos, "Ủy ban nhân dân"))
    if t.endswith(" hội đồng trường") and _SCHOOL_TYPE.match(key, pos):  # "Chủ tịch Hội đồng trường ĐH Tôn Đức Thắng"
        return _shifted(text, pos, "Trường")
    head = _TITLE_HEADS.get(t)
    first = re.match(r"(\w+) [" + UPPER + r"]", text[pos : pos + 20])
    if first and first.group(1) in lexicon().raw["surnames"]:
        return None  # "Bộ trưởng Ngụy Phượng Hòa": the name follows the title (not "Trưởng phòng Đào tạo")
    if (
        head
        and _capitalised(text, pos)
        and not match_key(text[pos : pos + 10]).lower().startswith(match_key(head).lower())
    ):
        return _shifted(text, pos, head)
    return None


# heads whose name often goes on in lower case until a proper name: "Trung tâm dạy nghề Thanh Phúc"
_LOWER_RUN_HEADS = frozenset(
    {
        "Trung tâm",
        "Viện",
        "Công ty",
        "Tổng công ty",
        "Tổng Công ty",
        "Bệnh viện",
        "Hạt Kiểm lâm",
        "Trạm",
        "Ban Quản lý",
        "Học viện",
        "Trường",
        "Nhà máy",
        "Cảng vụ",
    }
)
_LOWER_NAME_HEADS = frozenset(
    {"Cục", "Chi cục", "Tổng cục", "Trung tâm", "Viện", "Sở", "Ban Quản lý", "Hạt Kiểm lâm", "Vụ", "Phòng", "Bệnh viện"}
)
# the words of a hospital's kind: "Bệnh viện đa khoa", "… sản nhi", "… y học cổ truyền", "… lao và bệnh phổi"
_HOSPITAL_WORDS = frozenset(
    "đa khoa sản nhi phổi lao bệnh mắt da liễu y học cổ truyền tâm thần ung bướu nội tiết phục hồi chức năng "
    "điều dưỡng phụ lão khu vực quân dân và chấn thương chỉnh hình răng hàm mặt tai mũi họng".split()
)
_LOWER_NAME = re.compile(
    r"(?!trưởng|phó|việc)((?:[" + LOWER + r"0-9-]+,?\s+){1,7}?)(?=(?:tỉnh|huyện|quận|thị xã|thành phố|[tT][pP]\.?)\s+)"
    r"(?:tỉnh|huyện|quận|thị xã|thành phố|[tT][pP]\.?)\s+()"
)


# "Trung tâm phát triển quỹ đất quận,": a name in lower case, then its level alone before punctuation
_LOWER_LEVEL_NAME = re.compile(r"((?:[" + LOWER + r"]+[ \t]+){2,6}?)(tỉnh|huyện|quận|thị xã|thành phố)(?=[ \t]*[,.;)])")


def _lower_name_of_level(text: str, key: str, pos: int, nxt: int, head: str) -> OrgParse | None:
    """A centre or department named in lower case with its level and no place, the article's: "Trung tâm
    phát triển quỹ đất quận," in an article on quận Bắc Từ Liêm."""
    m = _LOWER_LEVEL_NAME.match(text, nxt) if head in ("Trung tâm", "Chi cục", "Ban Quản lý") else None
    if m is None:
        return None
    words = m.group(1).split()
    stop = (lexicon().name_stopwords - _SECOND_SYLLABLES) | _CLAUSE_LOWER | _LEVEL_WORDS  # "phát triển"
    if words[0] in _SECOND_SYLLABLES or any(w in stop for w in words):
        return None
    base = {"kind": "named", "label": " ".join([head, *words]), "head": head, "level": m.group(2)}
    return OrgParse(pos, m.end(2), [], base)


# words of a clause, never of a name in lower case before its place ("Vụ tai nạn ở TP Hồ Chí Minh", "Trung
# tâm y tế các huyện Lý Nhân"; not "Trung tâm y tế dự phòng tỉnh Quảng Nam")
_CLAUSE_LOWER = frozenset("ở tại các những của cho với là đã được đang sẽ".split())
_BEFORE_COMMUNE = re.compile(r"((?:[" + LOWER + r"]+\s+){1,4}?)(?<!thị )(?=(?:xã|phường|thị trấn)\s+[" + UPPER + r"])")
_WORD_AFTER = re.compile(r"\s+(\w+)")
_PLACE_BEFORE = frozenset({"xã", "phường", "trấn", "thôn", "ấp", "làng", "khu", "đường", "huyện", "quận"})
# words before a personal name: "ông", "đồng chí", a rank or degree ("Đại tá Đoàn Xuân Bộ", "TS Đoàn …")
_PERSON_BEFORE = frozenset(
    {"ông", "bà", "Ông", "Bà", "chí", "anh", "chị", "tá", "tướng", "úy", "sĩ", "sư", "TS", "PGS", "GS", "ThS", "BS"}
)


def head_is_surname(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is a family name followed by at least two capitalised words."""
    m = re.compile(r"(\w+)((?:\s+[" + UPPER + r"]\w*){2,4})(?!\w)").match(text, pos)
    return bool(m) and m.group(1) in lexicon().surnames


@cache
def _ministry_units() -> tuple[re.Pattern, dict[str, str]]:
    """The units of the ministries the lexicon knows: a pattern over their names and their labels."""
    labels: dict[str, str] = {}
    for ministry, units in lexicon().raw["ministry_units"].items():
        if ministry.startswith("_"):
            continue
        for unit in units:
            names = [unit] if isinstance(unit, str) else unit
            for name in names:
                labels[_WS.sub(" ", match_key(name))] = names[0]
    return re.compile(r"(?:" + alternation(list(labels)) + r")(?!\w)"), labels


def _ministry_unit(key: str, pos: int) -> tuple[str, int] | None:
    """(label, end) of a known unit of a ministry written at ``pos``."""
    pattern, labels = _ministry_units()
    m = pattern.match(key, pos)
    return (labels[_WS.sub(" ", key[m.start() : m.end()])], m.end()) if m else None


_AD_HOC_TEAM = re.compile(r"(?:thanh tra|kiểm tra|công tác|giám sát|khảo sát|liên ngành|kiểm toán|công tác)(?!\w)")


@cache
def _joint_remit() -> tuple[re.Pattern, re.Pattern]:
    countries = "|".join(sorted(map(re.escape, ["Việt Nam", *lexicon().raw["countries"]]), key=len, reverse=True))
    pair = r"(?:" + countries + r")\s?[-–]\s?(?:" + countries + r")(?!\w)"
    # "về hợp tác Kinh tế Khoa học và Kỹ thuật Việt Nam-Malaysia": a remit up to the pair of countries
    remit = re.compile(r"(?:\s+về)?((?:\s+(?!lần\b|và Ủy ban)[\w,]+){0,10}?)\s+" + pair)
    # "Ủy ban Hỗn hợp thương mại| lần thứ 4": a field before the session's number
    field = re.compile(r"((?:\s+[" + LOWER + r"]+){1,3})(?=\s+lần\s+thứ)")
    return remit, field


def _joint_committee_end(text: str, end: int) -> int:
    """End of a joint committee's name: its remit and the two countries, or its field before "lần thứ"."""
    remit, field = _joint_remit()
    m = remit.match(text, end)
    if m and "." not in m.group():
        return m.end()
    m = field.match(text, end)
    return m.end(1) if m else end


_CLAUSE_BEFORE = re.compile(r"(?:^|[\n.;:!?\"“(–-])\s*$")
# words that open a sentence before a body's name: "Với Cục Xuất nhập khẩu, …", "Còn Vụ …", "Đối với …"
_CLAUSE_WORDS = frozenset(
    "Với Còn Đối Từ Sau Trước Khi Nhưng Ngoài Cùng Trong Do Để Nhờ Riêng Qua Tuy Nếu Hiện Thay Giữa Đến Tới Vì Song "
    "Tuy nhiên".split()
)


def _opens_clause(text: str, start: int, word: str) -> bool:
    """Whether the capitalised ``word`` at ``start`` is a preposition or conjunction opening a sentence:
    "Với| Cục Xuất nhập khẩu, …" (not "Lê| Trường Lưu", "Dãy| Trường Sơn")."""
    return word in _CLAUSE_WORDS and _CLAUSE_BEFORE.search(text, max(0, start - 4), start) is not None


# numbered military units: the head, the arm in lower case, the number ("Lữ đoàn xe tăng 203", "Sư đoàn
# phòng không 673", "Quân đoàn 2"), and for a naval region its service after it ("Vùng 5 Hải quân"); the
# name ends at the number ("Quân đoàn 1| phụ trách hướng Bắc")
_MILITARY_HEADS = frozenset(
    {"Lữ đoàn", "Sư đoàn", "Trung đoàn", "Tiểu đoàn", "Quân đoàn", "Quân khu", "Vùng", "Hải đội"}
)
_MILITARY_UNIT = re.compile(
    r"((?:[ \t]+[" + LOWER + r"]+){0,3})[ \t]+(\d+)(?![\w/.,]\d|[\w-])((?:[ \t]+Hải[ \t]+[qQ]uân)?)"
)
_PLURAL_NUMBER = re.compile(r"\s*(?:,|và|-|–)\s*\d")  # "Lữ đoàn 1 và 4", "Sư đoàn 304, 325": several units


def _named(text: str, key: str, pos: int, after_post: bool = False) -> OrgParse | None:
    """A body with a head and a proper name: "Trường Đại học Đồng Nai", "Sở Y tế tỉnh Hà Nam",
    "Ủy ban Pháp luật của Quốc hội", "Hội Khuyến học tỉnh Bạc Liêu"; after a post title also
    "trung tâm dạy nghề Thanh Phúc", "Trường mầm non Đại Mỗ A" (a lower-case run that a
    proper name closes)."""
    m = _patterns().named_head.match(key, pos)
    if not m:
        return None
    written = _WS.sub(" ", text[m.start() : m.end()])
    short = lexicon().raw["name_abbreviations"].get(written)  # "BV Chợ Rẫy": the head abbreviated
    if written.isupper():
        after = _WORD_AFTER.match(text, m.end())
        if short is None or after and len(after.group(1)) > 1 and after.group(1).isupper():
            return None  # "HỘI NHẬP QUỐC TẾ", "BV ĐA KHOA TỈNH …": a title in capitals
    before = re.search(r"(\w+)[ \t]+$", text[max(0, pos - 20) : pos])  # not across a line break
    if (
        not after_post
        and before
        and before.group(1)[:1].isupper()
        and before.group(1) not in ("Tại", "Theo", "Của", "Và")
        and not (before.group(1) == "Trưởng" and written.startswith("Ban "))  # "Trưởng Ban Liên lạc …": a title
        and not _opens_clause(text, max(0, pos - 20) + before.start(1), before.group(1))
    ):
        return None  # "Lê Trường Lưu": a head word inside a personal name
    if before and before.group(1) in _PERSON_BEFORE and head_is_surname(text, pos):
        return None  # "ông Đoàn Tấn Bửu": a family name after "ông", not the head "Đoàn"
    if before and before.group(1) in _PLACE_BEFORE and not after_post:
        return None  # "xã Trường Yên", "khu Phòng Thành", "huyện Vụ Bản": a place named like a body
    nxt = _skip_ws(key, m.end())
    head = short or written[:1].upper() + written[1:]
    if nxt == m.end():
        return None
    if head == "Đoàn" and _AD_HOC_TEAM.match(key, nxt):
        return None  # "Đoàn Thanh tra sẽ thực hiện …", "Đoàn công tác": a team sent for a task, not a body
    unit = _ministry_unit(key, pos) if head in _FIELD_HEADS or head == "Ủy ban" else None
    if unit is not None:  # "Tổng cục Quản lý thị trường| quán triệt …": a known unit ends with its field
        return OrgParse(pos, unit[1], [], {"kind": "named", "label": unit[0], "head": head})
    if head in _MILITARY_HEADS or head == "Trạm":
        unit = _MILITARY_UNIT.match(text, m.end())
        if unit is not None:  # "Sư đoàn 304", "Lữ đoàn xe tăng 203", "Vùng 5 Hải quân"; not "Lữ đoàn 1 và 4"
            arm = unit.group(1).split()
            words = " ".join(arm).replace("ra đa", "").split()  # "Trạm ra đa 595": "ra" is no verb there
            if _PLURAL_NUMBER.match(text, unit.end(2)) or any(w in lexicon().name_stopwords for w in words):
                return None
            label = " ".join([head, *arm, unit.group(2), *unit.group(3).split()])
            org = OrgParse(pos, unit.end(), [], {"kind": "named", "label": label, "head": head})
            at = _skip_ws(key, unit.end())
            parent = _named(text, key, at) if at > unit.end() and _capitalised(text, at) else None
            if parent is not None and parent.base.get("head") in _MILITARY_HEADS and head not in _MILITARY_HEADS:
                # "Trạm ra đa 595 Vùng 5 Hải quân": a station named with the unit it belongs to
                return OrgParse(pos, parent.end, [label], dict(parent.base), qualifier=parent)
            return org
    lower_run = text[nxt : nxt + 1].islower() and (after_post or head in _LOWER_RUN_HEADS)
    lower_run_end = _name_tokens(text, nxt, head=head) if lower_run else nxt
    closing = next((w for w in text[nxt:lower_run_end].split() if w[:1].isupper() or w[:1].isdigit()), None)
    commune = _BEFORE_COMMUNE.match(text, nxt) if lower_run else None
    if commune and not any(w in lexicon().name_stopwords for w in commune.group(1).split()):
        lower_run_end = nxt + len(commune.group(1).rstrip())  # "Trường mầm non| xã Quang Hưng"
    else:
        commune = None
    if (
        after_post
        and lower_run_end > nxt
        or commune
        or closing
        and not _patterns().within.match(key, text.index(closing, nxt))
    ):
        # "Hạt Kiểm lâm rừng cụm đảo Hòn Khoai", "Trường mầm non| xã Quang Hưng"; not "Trường hợp Bộ Y tế …"
        end = lower_run_end
    elif not (_capitalised(text, nxt) or text[nxt : nxt + 1].isdigit()):
        # "Cục thi hành án dân sự tỉnh Thanh Hóa": a lower-case name only where a place closes it
        lower = _LOWER_NAME.match(text, nxt) if head in _LOWER_NAME_HEADS else None
        if lower is None or not _place_at(text, key, lower.end(2)):
            return _lower_name_of_level(text, key, pos, nxt, head)
        if any(w in _CLAUSE_LOWER for w in lower.group(1).replace(",", " ").split()):
            return None  # "Vụ tai nạn ở TP Hồ Chí Minh": a clause, not a name
        if head == "Bệnh viện" and not set(lower.group(1).replace(",", " ").split()) <= _HOSPITAL_WORDS:
            return None  # "Bệnh viện đa khoa tỉnh X", not "Bệnh viện cũng thống nhất … với tỉnh X"
        end = lower.start(1) + len(lower.group(1).rstrip())
    else:
        end = _name_tokens(text, nxt, head=head)
        country = _COUNTRY_IN().search(text, nxt, end)
        if country and country.end() < end:  # "Bộ Thương mại Australia| Steven Ciobo": a country ends a name
            after = re.compile(r" (\w+)").match(text, country.end())
            word = after.group(1) if after else ""
            foreign = not vietnamese_syllable(word) and not re.search("[ĐđƠơƯưĂăÂâÊêÔô]", word)
            person = word in lexicon().surnames or foreign
            if person and not place_at(text, country.end() + 1):
                end = country.end()  # (not "Sở Giáo dục và Đào tạo Lào Cai", "Trung tâm Hội nghị quốc gia Mỹ Đình")
    if end <= nxt:
        return None
    if head == "Ủy ban" and key.startswith(("hỗn hợp", "liên chính phủ"), nxt):
        end = _joint_committee_end(text, end)  # "Ủy ban Hỗn hợp về hợp tác … Việt Nam-Malaysia"
    q = _OF_ASSEMBLY.match(text, end)
    if q:
        end = q.end()
    if head == "Ban Quản lý" and (parks := _AND_PARKS.match(key, end)):
        end = parks.end()  # "Ban Quản lý khu kinh tế Nghi Sơn và các khu công nghiệp": one board, named so
        place = _place_at(text, key, _skip_ws(key, end)) if _skip_ws(key, end) > end else None
        end = place[1] if place else end  # "… và các Khu công nghiệp Quảng Ngãi"
    name = _and_written_out(" ".join([head] + text[m.end() : end].split()))
    if " - " in name:  # "Sở GD - ĐT tỉnh Đồng Tháp": the abbreviation "GD-ĐT" written spaced
        name = _SPACED_DASH.sub("-", name)
    if name in lexicon().raw["not_organizations"] or place_key(name) in lexicon().place_names:
        return None  # "Đài Loan", "Hội An": a place whose name starts like a body
    if _proper_start(name) in lexicon().raw["not_organizations"]:
        return None  # "xẻ dọc Trường Sơn đi cứu nước": the place, then the words of the sentence
    abbreviation, expanded = _abbreviations()
    name = abbreviation.sub(lambda a: expanded[a.group()], name)  # "Phòng GD-ĐT" → "Phòng Giáo dục và Đào tạo"
    if head == "Sở":  # "Sở Văn hóa Thể thao" → "Sở Văn hóa và Thể thao"
        name = _department_written_out(name)
    known = _central_by_slug().get(key_slug(name))
    if known is not None:  # "Bộ Văn hóa Thể thao và Du lịch": a central body written without its commas
        return OrgParse(pos, end, [], {"kind": "central", "label": known["label"], "parent": known.get("parent")})
    if head == "Hội" and _COUNCIL_OF_SCHOOL.match(name):
        implied = True  # "Hội đồng Đại học Huế": a university's board; its posts count, it is no body (GUIDELINES)
    else:
        implied = False
    if head == "Đại học" and _RECTOR_BEFORE.search(key, max(0, pos - 24), pos):
        name = "Trường " + name  # "Phó Hiệu trưởng Đại học Kinh tế quốc dân": the rector's is a Trường
    base = {"kind": "named", "label": name, "head": head}
    if implied:
        base["implied"] = True
    lv = _LEVEL_AFTER.match(key, _skip_abbreviation(text, end))
    if lv:
        after = _skip_ws(key, lv.end())
        place = _place_at(text, key, after)
        word = lexicon().levels.get(lv.group(1), "thành phố")
        if place and word not in ("xã", "phường", "thị trấn"):  # "Trạm y tế xã Quảng Hòa": a commune's name
            base.update(level=word, place=place[0])
            end = place[1]
        elif word in ("xã", "phường", "thị trấn"):
            commune_end = _proper_name_end(text, after)
            if commune_end > after:
                base.update(level=word, commune=" ".join(text[after:commune_end].split()))
                end = commune_end
            elif not re.compile(r"xã\s+hội(?!\w)").match(key, lv.start(1)):
                return None  # "Trạm Y tế xã.": which commune's? (not "Trường Khoa học xã hội …")
        elif word in ("tỉnh", "huyện", "quận", "thị xã", "thành phố"):  # "Sở Y tế tỉnh", "Phòng GD-ĐT quận"
            base.update(level=word)
            end = lv.end()
    elif _skip_abbreviation(text, end) > end:  # "Trung tâm Kiểm soát bệnh tật (CDC) Hà Nam"
        after = _skip_ws(key, _skip_abbreviation(text, end))
        place = _place_at(text, key, after) if after > end else None
        if place and not place_at_end(text, pos, end):
            base["place"], end = place
    rest = match_key(" ".join(name.split()[len(head.split()) :])).lower().replace("đa khoa", "").split()
    kind_only = all(w in _KIND_WORDS for w in rest)
    if head == "Đại học" and (kind_only or rest == ["quốc", "gia"]):
        return None  # "lên Đại học Quốc gia": a status, no one university
    if head in _NAMED_AFTER_PEOPLE and kind_only and not {"place", "level", "commune"} & base.keys():
        return None  # "các Viện, Trường Đại học trên địa bàn", "Bệnh viện Đa khoa": a kind of body, no name
    university = _university_in(text, key, m.end(), end)
    if university is not None:  # the unit convention: "Trường Đại học Kinh tế Đại học Quốc gia Hà Nội"
        unit = _DASH.split(base["label"])[0]
        base["label"] = f"{unit} {university.base['label']}"
    if university is None and q and end == q.end() and not _COUNTRY_AFTER().match(text, end):
        # "Ủy ban Văn hóa xã hội của Quốc hội": the committee's, and the Assembly named besides (GUIDELINES:
        # committees "của Quốc hội"; not a foreign parliament's: "… của Quốc hội Australia")
        assembly = OrgParse(q.end() - len("Quốc hội"), q.end(), [], {"kind": "central", "label": "Quốc hội"})
        return OrgParse(pos, end, [], base, qualifier=assembly)
    return OrgParse(pos, end, [], base, qualifier=university)


def _proper_start(name: str) -> str:
    """The head and the capitalised words right after it: "Trường Sơn" of "Trường Sơn đi"."""
    words = name.split()
    n = 1
    while n < len(words) and words[n][:1].isupper():
        n += 1
    return " ".join(words[:n])


_FIELD_WORD = re.compile(r"[^\W_]+")


@cache
def _department_fields() -> list[tuple[tuple[str, ...], str]]:
    """A province's departments' fields of several words, by their words without "và" (longest first)."""
    out = [(_field_words(f), f) for f in lexicon().raw["department_fields"]]
    return sorted(out, key=lambda kv: -len(kv[0]))


def _field_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _FIELD_WORD.findall(match_key(text).lower()) if w != "và")


def _department_written_out(name: str) -> str:
    """A department's fields as its official name writes them, whatever commas, dashes and "và" the text
    gave: "Sở Văn hóa Thể thao Du lịch" → "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động, Thương binh và
    Xã hội" → "Sở Lao động - Thương binh và Xã hội"; what follows the fields (a place) is kept."""
    rest = name[len("Sở ") :]
    words = [(m.end(), w) for m in _FIELD_WORD.finditer(rest) if (w := match_key(m.group()).lower()) != "và"]
    if len(words) < 2:
        return name
    written = tuple(w for _, w in words)
    for fields, canonical in _department_fields():
        if written[: len(fields)] == fields:
            return f"Sở {canonical}{rest[words[len(fields) - 1][0] :]}"
    return name


_COUNCIL_OF_SCHOOL = re.compile(r"Hội đồng (?:Đại học|Học viện) [" + UPPER + r"]")
_OF_ASSEMBLY = re.compile(r"\s+của\s+Quốc hội(?!\w)")
_DASH = re.compile(r"\s[-–]\s+")


def _university_in(text: str, key: str, start: int, end: int) -> OrgParse | None:
    """The university a school's name ends with after a dash ("Trường Đại học Kinh tế - Đại học Quốc gia Hà
    Nội"): the body it belongs to, named inside its name."""
    for dash in _DASH.finditer(text, start, end):
        inner = _central_body(text, key, dash.end()) if _capitalised(text, dash.end()) else None
        if inner is not None and inner.end == end and not inner.departments:
            return OrgParse(inner.start, inner.end, [], dict(inner.base))
    return None


_AND_PARKS = re.compile(r"\s+và\s+các\s+khu\s+(?:công nghiệp|chế xuất)(?!\w)")
_RECTOR_BEFORE = re.compile(r"hiệu trưởng\s+$")


# the words of a body's kind alone ("Trường Đại học", "Trường Trung học phổ thông", "Công ty cổ phần"); not
# "Quốc tế", "TH", which name bodies ("Trường Đại học Quốc tế", "Tập đoàn TH")
_KIND_WORDS = frozenset(
    match_key(w).lower() for w in "đại học cao đẳng trung phổ thông cơ sở tiểu mầm non cổ phần tnhh và nghề".split()
)


# a unit of another body ("Phòng …", "Khoa …", "Vụ …") is named with the body it belongs to:
# "Trưởng khoa Tim mạch - Lồng ngực, Bệnh viện Nhi Thanh Hóa", "Phó Vụ trưởng Vụ Pháp luật, Văn
# phòng Quốc hội", "Trưởng phòng Chính trị tư tưởng Sở GDĐT TPHCM"
_UNIT_HEADS = frozenset({"Phòng", "Khoa", "Vụ", "Trung tâm", "Bộ môn", "Cục", "Viện"})
_UNIT_BRACKET = re.compile(r"[ \t]+[-–][ \t]+|[ \t]*\(")  # a unit's body after a dash or in brackets
_UNIT_PARENTS = {
    "Cục": frozenset({"Tổng cục", "Văn phòng"}),
    "Viện": frozenset({"Học viện", "Trường Đại", "Đại học", "Viện Hàn", "Trường ĐH", "Tổng cục", "Tập đoàn"}),
}
_UNIT_SEP = re.compile(r"\s*(?:,|\(|[-–](?=\s)|\bthuộc\b)?\s*")
_LOWER_WORD = re.compile(r"\s+([" + LOWER + r"]+)(?!\w)")


def _parent_body(org: OrgParse, unit_head: str) -> bool:
    """Whether ``org`` can be the body a unit belongs to: a ministry, department, hospital, school,
    institute, association, company, or a local State body — not a Party committee, not a place."""
    base = org.base
    if org.departments or base.get("prefix"):
        return False
    if unit_head in _UNIT_PARENTS:  # a Cục belongs to a ministry, an institute to a university …
        first = (base.get("label") or base.get("head") or "").split()
        return bool(first) and " ".join(first[:2]) in _UNIT_PARENTS[unit_head] or first[:1] == ["Bộ"]
    if base.get("kind") == "named":
        return base.get("head") not in (unit_head, "Phòng", "Khoa", "Bộ môn", "Đoàn", "Quỹ", "Trạm", "Vùng")
    if base.get("kind") == "level_body":
        return base.get("head") not in ("Đảng bộ", "Đảng ủy") and not base.get("commune")
    if base.get("kind") == "central":
        first = base["label"].split()[0]
        return first in ("Bộ", "Văn", "Học", "Viện", "Ủy", "Tổng", "Đài", "Thông") and not base.get("press")
    return False


def with_parent(text: str, key: str, unit: OrgParse) -> OrgParse:
    """The unit named with the body it belongs to, as one name over both (the body is its
    ``qualifier``); the unit alone when no body follows it."""
    base = unit.base
    head = base.get("head")
    if (
        base.get("kind") != "named"
        or head not in _UNIT_HEADS | {"Thanh tra"}
        or unit.departments
        or any(k in base for k in ("place", "level", "commune", "prefix"))
    ):
        return unit
    return _unit_of(text, key, unit.start, base["label"], unit.end, head) or unit


def _lower_run(text: str, pos: int, limit: int = 6) -> int:
    """End of the lower-case words (no stop words; hyphens between them) that go on a unit's
    name at ``pos``: "Phòng Chính trị| tư tưởng", "phòng| quản lý giáo dục - nuôi dưỡng"."""
    stop = lexicon().name_stopwords | _LEVEL_WORDS
    end, n = pos, 0
    while n < limit:
        w = _LOWER_WORD.match(text, end)
        if w is None:
            dash = re.compile(r"\s+[-–](?=\s+[" + LOWER + r"])").match(text, end) if n else None
            if dash is None:
                break
            w = _LOWER_WORD.match(text, dash.end())
            if w is None:
                break
        if w.group(1) in stop:
            break
        end, n = w.end(), n + 1
    return end


def _unit_of(text: str, key: str, start: int, label: str, end: int, head: str) -> OrgParse | None:
    """The unit ``label`` at [start, end) with the body it belongs to, named right after it."""
    more = _lower_run(text, end)
    for stop, extra in ((more, text[end:more]), (end, "")) if more > end else ((end, ""),):
        sep = _UNIT_SEP.match(text, stop)
        at = sep.end()
        school = text.startswith("trường ", at) and at > stop  # "Trưởng Phòng Đào tạo, trường ĐH Dược Hà Nội"
        if at == stop and text[stop : stop + 1] != " " or not (school or _capitalised(text, at)):
            continue
        parent = parse_org(text, key, at, allow_generic=True, after_post=school)
        if parent is None or not _parent_body(parent, head):
            continue
        finish = parent.end
        if "(" in text[stop:at]:
            close = re.compile(r"\s*\)").match(text, finish)
            if close is None:
                continue
            finish = close.end()
        name = " ".join((label + extra).split())
        whole = OrgParse(start, finish, [name], dict(parent.base), qualifier=parent)
        whole.base["unit_of"] = parent.start  # where the body it belongs to is named
        return whole
    return None


def post_org(text: str, key: str, pos: int, title: str) -> OrgParse | None:
    """The body named after a post title at ``pos``, with the body it belongs to if it is a unit."""
    parsed = parse_org(text, key, pos, allow_generic=True, after_post=True)
    if parsed is not None and key.startswith("khoa học", pos):  # "Trưởng phòng Khoa học Công nghệ": a field
        parsed = None
    parsed = parsed or implied_org(text, key, pos, title)
    if parsed is not None:
        return with_parent(text, key, parsed)
    if title in _CORPORATE_TITLES:
        return company_at(text, pos) or _brand(text, pos)
    head = _TITLE_HEADS.get(match_key(title).lower())
    if head in _UNIT_HEADS and text[pos : pos + 1].islower():  # "Phó trưởng phòng quản lý giáo dục, Trung tâm …"
        end = _lower_run(text, pos - 1)
        if end > pos:
            label = head + " " + " ".join(text[pos:end].split())
            return _unit_of(text, key, pos, label, end, head)
    return None


def vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` spells one Vietnamese syllable ("Hòa", "Nguyễn"; not "Techcombank", "FPT")."""
    return _SYLLABLE.match(fold(word)) is not None


# titles of a company's officers, after which a company may be named by its brand alone
_CORPORATE_TITLES = frozenset(
    {
        "Chủ tịch",
        "Phó Chủ tịch",
        "Chủ tịch Hội đồng quản trị",
        "Phó Chủ tịch Hội đồng quản trị",
        "Thành viên Hội đồng quản trị",
        "Chủ tịch Hội đồng thành viên",
        "Tổng Giám đốc",
        "Phó Tổng Giám đốc",
        "Giám đốc",
        "Phó Giám đốc",
        "Giám đốc điều hành",
    }
)
# "Techcombank", "LienVietPostBank", "FPT", "VPBank", "Huawei Việt Nam": Latin words that are not
# Vietnamese syllables, then punctuation or a lower-case word
_BRAND = re.compile(
    r"([A-Z][A-Za-z0-9&]*(?:[ -][A-Z][A-Za-z0-9&]*){0,2})(?: Việt Nam)?"
    r"(?=\s*[,.;:()–-]|\s+(?!(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường)(?!\w))[" + LOWER + r"])"
)


@cache
def _known_abbreviations() -> frozenset[str]:
    """Words after a title that are no brand: upper-case words the lexicon knows as parts of names
    ("UBND", "TP", "MTTQ", "THPT") and English names of a field of work ("Giám đốc Marketing")."""
    raw = lexicon().raw
    words: set[str] = set()
    phrases = [a for a, _ in raw["departments"] + raw["level_bodies"] + raw["levels"] + raw["central_suffixes"]]
    phrases += [n for e in raw["central_bodies"] for n in e["names"]] + list(raw["name_abbreviations"])
    phrases += list(raw["post_title_aliases"]) + list(raw["standalone_posts"]) + raw["party_issuer_suffixes"]
    for phrase in phrases:
        words.update(w.strip(".") for w in phrase.split() if w.isupper())
    return frozenset(
        words
        | {
            "TP",
            "TX",
            "TPHCM",
            "MTTQ",
            "CLB",
            "UB",
            "QH",
            "THPT",
            "THCS",
            "ĐH",
            "CĐ",
            "HĐQT",
            "CA",
            "CDC",
            "TNHH",
            "CP",
            "CTCP",
        }
        | {"Marketing", "Sales", "IT", "HR", "Digital", "Product", "Operations", "Finance", "Brand", "PR"}
    )


def _brand(text: str, pos: int) -> OrgParse | None:
    """A company named by its brand after an officer's title: "Tổng Giám đốc Techcombank"."""
    m = _BRAND.match(text, pos)
    if m is None:
        return None
    words = m.group(1).replace("-", " ").split()
    if any(w in _known_abbreviations() or vietnamese_syllable(w) and not w.isupper() for w in words):
        return None  # "Chủ tịch UBND", "Chủ tịch Hoà Phát": a Vietnamese name, not a brand
    if any(len(w) < 2 for w in words) or place_at(text, pos):
        return None
    end = m.end()
    first = re.compile(r"[A-Z][A-Za-z0-9&]*").match(text, pos)
    if (
        " " in m.group(1)
        and words[-1] not in _BRAND_SUFFIXES
        and not any(w.isupper() or any(c.isupper() for c in w[1:]) for w in words[1:])
        and not text.startswith(" Việt Nam", m.end(1))
    ):
        end = first.end()  # "Giám đốc điều hành Google| Sundar Pichai": a name after the brand
    name = " ".join(text[pos:end].split())
    return OrgParse(pos, end, [], {"kind": "central", "label": name, "parent": None, "brand": True})


# last words of a brand of several words: "T&T Group", "Bamboo Airways", "Viettel Telecom"
_BRAND_SUFFIXES = frozenset(
    "Group Bank Corp Corporation Holdings Airways Airlines Motors Pharma Capital Land Tech Telecom Post Energy "
    "Global Solutions Software Systems Entertainment Media Studio Foods Steel Logistics Securities Insurance "
    "League Club Association Foundation Institute University Company Inc Ltd Fund Council Agency Times News".split()
)


_TITLE_ALONE = re.compile(r"\s*(?:[,;.)]|và\s|[-–]\s|$)")
# titles that name their body's head and are written alone once the body has been named
_TITLE_ALONE_HEADS = frozenset({"Trường", "Viện", "Cục", "Vụ", "Khoa"})


def body_of_title(text: str, key: str, start: int, end: int, title: str, school: bool = False) -> OrgParse | None:
    """The body a title written alone stands in ("Phó Hiệu trưởng," after "Trường Đại học Đồng Nai"
    was named): the last one of its head named in full in the 2,000 characters before; its own span."""
    head = _TITLE_HEADS.get(match_key(title).lower())
    # "thành viên Hội đồng trường", "Phó Hiệu trưởng nhà trường" (``school``): of the school named before
    council = school or title.endswith(" Hội đồng trường")
    if council:
        head = "Trường"
    elif head not in _TITLE_ALONE_HEADS or not _TITLE_ALONE.match(text, end):
        return None
    window = 0 if council else max(0, start - 2000)
    written = "[Tt]rường" if council else head  # "Hội đồng trường trường ĐH Mở Hà Nội"
    starts = [h.start() for h in re.finditer(r"(?<!\w)" + written + r"(?=\s)", text[window:start])]
    for at in reversed(starts[-6:]):
        full = parse_org(text, key, window + at, allow_generic=True, after_post=council)
        if full is None or full.departments or full.end > start or full.base.get("kind") not in ("named", "central"):
            continue
        label = full.base.get("label") or ""
        if label.split()[:1] == [head] and (full.base.get("place") or len(label.split()) > 2):
            return full
    return None


# heads a body is called by alone once its full name has been given: "… được bầu làm Chủ tịch Hội."
_SHORT_HEADS = ("Hội", "Sở", "Trường", "Công ty", "Tập đoàn", "Bệnh viện", "Ngân hàng", "Viện", "Trung tâm")
_SHORT_AT = re.compile(r"(" + "|".join(_SHORT_HEADS) + r")(?=\s*(?:[.,;)]|$))")


def earlier_body(text: str, key: str, pos: int) -> OrgParse | None:
    """The body a bare head at ``pos`` stands for ("Chủ tịch Hội."): the last one of that head named
    in full in the 3,000 characters before, over the bare head's own span; None if there is none."""
    m = _SHORT_AT.match(text, pos)
    if m is None:
        return None
    head = m.group(1)
    window = max(0, pos - 3000)
    starts = [h.start() for h in re.finditer(r"(?<!\w)" + head + r"(?=\s)", text[window:pos])]
    for start in reversed(starts[-8:]):
        full = parse_org(text, key, window + start, allow_generic=True)
        if full is None or full.departments or full.end > pos:
            continue
        label = full.base.get("label") or full.base.get("head", "")
        if label.split()[0] == head.split()[0] and (
            full.base.get("place") or len(label.split()) > len(head.split()) + 1
        ):
            return OrgParse(pos, m.end(), [], dict(full.base))
    return None
