"""Events: conferences, workshops, meetings, ceremonies, congresses, anniversaries and
elections, with date, organisers and chairs.

A name is a head ("Hội nghị", "buổi họp mặt", "lễ đặt tên", "Giao lưu … lần thứ 6") with a
stated subject, a quoted title, an ordinal ("lần thứ N"), a term ("khóa XV", "nhiệm kỳ
2021-2026") or a body, cut before the clauses of place, time and participants ("tại", "vào",
"với sự tham dự", "do … chủ trì", dates). The words are in kg/data/events.json.

"Chiều 27/5, Ban Tổ chức Tỉnh ủy phối hợp với … tổ chức hội thảo khoa học cấp tỉnh “…”"
gives the event, its organisers (the bodies before "tổ chức") and a partial date the
resolver completes with the article's year; "… đồng chủ trì hội thảo" gives its chairs.
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

from kg.extract.lexicon import alternation, lexicon, load_json, place_at
from kg.extract.resolutions import _PLENUM, _TENS, _WORD_ORDINALS, _quoted, _roman_value
from kg.records import EVENT, Mention
from kg.textnorm import UPPER, match_key

_DATE = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa)\s+(?:nay\s+)?(?:ngày\s+)?|ngày\s+)(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?!\d)"
)
_ORDINAL = r"lần\s+thứ\s+(?:\d{1,3}|[ivxlc]+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+[a-zà-ỹđ]+)?)(?!\w)"


@cache
def vocabulary() -> dict:
    """kg/data/events.json: the words that make and end event names."""
    return load_json("events.json")


def _words(name: str) -> str:
    return alternation(vocabulary()[name])


@cache
def _heads() -> dict[str, tuple[str, bool]]:
    """key → (label, ceremony): the lexicon's event types, gatherings and "lễ <verb>" ceremonies."""
    heads = {match_key(a): (b, False) for a, b in lexicon().raw["event_types"]}
    heads.update({match_key(a): (b, False) for a, b in vocabulary()["heads"]})
    for verb in vocabulary()["ceremonies"]:
        heads.setdefault(match_key("lễ " + verb), ("Lễ " + verb, True))
    return heads


@cache
def _event_head_re() -> re.Pattern:
    return re.compile(r"(" + alternation(list(_heads()), not_after=r"\w") + r")(?!\w)")


@cache
def _res() -> dict[str, re.Pattern]:
    """The vocabulary's patterns, compiled once."""
    return {
        "starter": re.compile(r"\s+(?:" + _words("name_starters") + r")(?!\w)"),
        "qualifiers": re.compile(r"(?:\s+(?:" + _words("qualifiers") + r")(?!\w))*"),
        "venue": re.compile(r"(?<!\w)(?:" + _words("venues") + r")\s+$"),
        "plural": re.compile(r"(?:(?<!\w)(?:" + _words("plural") + r")|\d)\s+$"),
        "opener": re.compile(r"(?<!\w)(?:" + _words("openers") + r")\s+$"),
        "bodies": re.compile(r"\s*(?:" + _words("bodies") + r")\s*"),
        # a clause of place, time, participants or predicate: where a name ends (on the key)
        "stop": re.compile(
            r"\s+(?:(?:" + _words("clause_stops") + r")(?!\w)"
            r"|(?:sáng|chiều|tối|trưa|đêm)\s+(?:nay|qua|mai|\d|ngày|thứ|chủ nhật|hôm)|có\s+\d"
            r"|ngày\s+\d|từ\s+\d|(?:trong|vào)\s+(?:\d|hai|ba)\s+ngày)"
            r"|,\s+(?:" + _words("comma_clauses") + r")(?!\w)"
        ),
        "compound": re.compile(r"(?<!\w)(?:" + _words("compounds") + r")(?!\w)"),
        "ordinal_head": re.compile(r"(?<!\w)(" + _words("ordinal_heads") + r")(?!\w)"),
    }


# a subject after the meeting's body: "cuộc họp Thường trực Chính phủ về dự thảo báo cáo …" (on the key)
_SUBJECT_OF_ITS_OWN = re.compile(r"\s(?:về|bàn về)\s+(?:\S+\s+){2}")
_REGULAR = re.compile(r"(?<!\w)(?:thường kỳ|định kỳ|thường niên)(?!\w)")
_PERIOD_OF = re.compile(r"(?:\s+(?:tháng|quý)\s+[\divx]+(?:\s*/\s*\d{4})?)?(?:\s+của(?=\s))?")
_AFTER_LOWER = re.compile(r"(?<![" + UPPER + r"])[a-zà-ỹđ]\s+$")
# an abbreviation in brackets, after which the name goes on with its ordinal, year or term
# or a foreign name: "Hội thảo Băng thông rộng di động & cố định (World Mobile Broadband & ICT) năm 2021"
_ABBREVIATED_GOES_ON = re.compile(
    r"\s*\((?P<alias>[A-ZĐ][A-ZĐ0-9&\-]{1,9}|[A-Z][A-Za-z0-9\-]*(?:\s+(?:&\s+)?[A-Z][A-Za-z0-9&\-]*){1,6})\)"
    r"\s*(lần thứ\s+\w+|năm\s+(?:19|20)\d\d(?!\d)|(?:19|20)\d\d(?!\d)|khóa\s+\w+)"
)
# a head joined to the event just named: "tổ chức lễ công bố nghị quyết … và lễ khai mạc lễ hội …"
_COORDINATED = re.compile(r"\s*,?\s*(?:và|cùng)\s+")
# punctuation, and a comma before a capitalised clause, end a name (on the text)
# (not the dot of "TP. Đà Nẵng"; a comma after a year: "Lễ trao giải thưởng Sao Khuê 2021, ứng dụng … được vinh danh")
_LABEL_STOP = re.compile(
    r"[;“\"”\n(:]|(?<![\s(]TP)(?<![\s(]Tp)(?<![\s(]TX)\.(?:\s|$)|,\s+(?=[" + UPPER + r"])|(?<=(?:19|20)\d\d),"
    r"|\s+có\s+(?=[" + UPPER + r"])"
)
_TRAILING = re.compile(r"(?:\s+(?:về|của|tại|với|và|cho|giữa|trong|ở)|(?<!thứ)\s+năm|\s*[,\-–])+$")  # not "lần thứ năm"


def _clause_stop(key: str, start: int, limit: int) -> int | None:
    """The first clause stop in key[start:limit], not counting the syllables of compounds
    ("tự do", "chỉ đạo", "đối với")."""
    masked = _res()["compound"].sub(lambda c: re.sub(r"\s", "_", c.group()), key[start:limit])
    clause = _res()["stop"].search(masked)
    return start + clause.start() if clause else None


def _name_end(text: str, key: str, start: int, limit: int) -> int:
    """Where the name that runs on from ``start`` ends: before the first clause of place, time,
    participants or predicate, or the punctuation that closes it; never on a joining word."""
    ends = [limit]
    stop = _LABEL_STOP.search(text, start, limit)
    if stop:
        ends.append(stop.start())
    clause = _clause_stop(key, start, limit)
    if clause is not None:
        ends.append(clause)
    end = min(ends)
    while end > start and (text[end - 1] in " ,.…" or _TRAILING.search(key, start, end)):
        trail = _TRAILING.search(key, start, end)
        end = trail.start() if trail else end - 1
    return end


# a project or a building whose proper name comes after a few words ("Lễ khởi công dự án đường cao tốc Bắc - Nam")
_FACILITY = re.compile(r"(?:dự án|công trình|nhà máy|tuyến đường|đường|cầu|trụ sở|khu)(?!\w)")
_NESTED_OCCASION = re.compile(
    r"(?:lễ hội|hội chợ|tuần lễ|ngày hội|liên hoan|festival|năm du lịch|hội nghị|hội thảo|đại hội|hội thi"
    r"|cuộc thi)(?!\w)"
)


# a purpose that states a gathering's subject ("… để kiểm điểm …", "… nhằm đánh giá …"), on the key
_PURPOSE = re.compile(r"\s+(?:để|nhằm)\s+(?=[a-zà-ỹđ]+\s+[a-zà-ỹđ])")
_BETWEEN = re.compile(r"\s*(?:giữa|với)\s+(?!kỳ|nhiệm kỳ)")
# the participants after a gathering's name ("… giữa Bộ Y tế hai nước"); a signing names them in its object
_PARTICIPANTS = re.compile(r"\s+giữa\s+(?!kỳ|nhiệm kỳ)")


# what a ceremony hands over or announces, when an instrument: "lễ công bố quyết định", "lễ trao nghị quyết"
_INSTRUMENT_OBJECT = re.compile(r"(?:quyết định|nghị quyết|nghị định)(?!\w)")
# a predicate after a ceremony, not its object: "(người dân tham dự) Lễ khai mạc thực hiện nghiêm túc …"
_PREDICATE_START = re.compile(r"(?:thực hiện|đảm bảo|bảo đảm|tuân thủ|phải|cần|được|đã|sẽ|đang|vẫn|cũng)(?!\w)")
# an act that alone says what a meeting is for: "hội nghị bàn giao" (between the outgoing and the new head)
_ACT_SUBJECT = re.compile(r"(?:bàn giao|chuyển giao)(?:\s+công việc|\s+nhiệm vụ)?")


def _subject_ok(text: str, key: str, head_end: int, label_end: int, ceremony: bool, titled: bool = False) -> bool:
    """A stated subject, not only qualifiers ("hội nghị trực tuyến"), a bare body ("Hội nghị
    Thành ủy") or words before a comma that opens a clause ("Lễ ký kết, đại diện …")."""
    rest = key[head_end:label_end]
    q = _res()["qualifiers"].match(rest)
    if rest[q.end() :].lstrip().startswith(",") or _BETWEEN.match(rest, q.end()):
        return False  # "hội nghị trực tuyến giữa Bộ Y tế hai nước": who met, not what about
    if re.search(r"\d|" + _ORDINAL, rest):
        return True
    rest = rest[q.end() :]
    if _res()["bodies"].fullmatch(rest):
        return False
    if ceremony and titled and len(rest.split()) >= 3 and not _PREDICATE_START.match(rest.lstrip()):
        return True  # "chia sẻ tại Lễ ra mắt phần mềm ứng dụng trí tuệ nhân tạo …": the capital says it is a title
    if ceremony and _INSTRUMENT_OBJECT.match(rest.lstrip()):
        return True  # "lễ công bố quyết định", "lễ trao quyết định bổ nhiệm": the instrument it hands over
    if not ceremony and _ACT_SUBJECT.fullmatch(rest.strip()):
        return True  # "hội nghị bàn giao": the act the meeting is held for
    if ceremony:  # "Lễ khánh thành Nhà văn hóa xã …", not "lễ khai mạc thực hiện nghiêm túc …"
        # the object may itself be a named occasion: "Lễ khai mạc lễ hội du lịch biển Hải Tiến"
        reach = 7 if _NESTED_OCCASION.match(rest.lstrip()) or _FACILITY.match(rest.lstrip()) else 4
        first = text[label_end - len(rest) : label_end].split()[:reach]
        if len(first) == 1:  # "Lễ trao giải Oscar": one foreign name (no Vietnamese letters) names it
            return bool(re.fullmatch(r"[A-Z][A-Za-z0-9&'’-]{2,}", first[0]))
        return any(w[:1].isupper() or w[:1] in '“"' for w in first)
    return len(rest.split()) >= 3


_TITLE_QUALIFIERS = re.compile(
    r"((?:\s+(?:khoa học|cấp tỉnh|cấp huyện|cấp quốc gia|quốc tế|trực tuyến|toàn quốc))*)\s*(:?)\s*[“\"]"
)


def _quoted_title(text: str, key: str, m: re.Match, s_start: int, head: str) -> Mention | None:
    """ "tổ chức hội thảo khoa học cấp tỉnh “…”", "Hội thảo “…”", "cuộc thi “Những tấm gương …”": the head
    with its quoted title names the event wherever it stands."""
    q = _TITLE_QUALIFIERS.match(key, m.end())
    if not q or text[m.start() - 1 : m.start()] in ('"', "“"):
        return None  # kêu gọi "đối thoại" với Nga: the head is the quoted word
    title, end = _quoted(text, q.end() - 1, unclosed_ok=True)
    if not title or not title[0].isalnum():
        return None
    if q.group(2) and (not title[0].isupper() or re.search(r"[.!?…]", title) or len(title.split()) > 30):
        return None  # "tại hội nghị: “Chúng ta phải …”": a speech quoted after the colon, not the title
    qual = text[m.end() : m.end() + len(q.group(1))].strip()
    label = " ".join(filter(None, [head, qual])) + f" “{title}”"
    attrs = {"event_type": head, "title": title, **_date_in(key, s_start, m.start())}
    return Mention.at(text, EVENT, m.start(), end, label, attrs=attrs)


def find_events(text: str, key: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """Named events in text order (central plenums are found with the resolutions).

    A head ("Hội nghị", "buổi họp mặt", "lễ đặt tên") names an event when a title in quotes
    follows it, or a stated subject: a name starter ("sơ kết", "kỷ niệm"), a capitalised name
    or, after a ceremony verb, any words. A lower-case head needs an opener before it ("tổ
    chức", "tại"); a count or a plural before it ("3 Hội nghị", "các hội nghị") names no one
    event. The name is cut before clauses of place, time, participants or predicate.
    """
    head_re = _event_head_re()
    heads = _heads()
    res = _res()
    out: list[Mention] = []
    seen: set[str] = set()
    for s_start, s_end in sentences:
        for m in head_re.finditer(key, s_start, s_end):
            again = False
            head, ceremony = heads[re.sub(r"\s+", " ", m.group(1))]
            after = key[m.end() : s_end]
            before = key[s_start : m.start()]
            if head == "Giao lưu" and not text[m.start()].isupper():
                continue  # "giao lưu với …": the verb; the gathering is written with a capital
            if _PLENUM.match(key, m.start()) or _COMMITTEE_PLENUM.match(key, m.start()):
                continue  # a plenum ("Hội nghị Trung ương 4", "Hội nghị lần thứ tư Ban Chấp hành Trung ương"), below
            if head == "Phiên họp" and re.match(r"\s+(?:thứ|lần thứ|đhđcđ|đại hội)\s", after):
                continue  # "phiên họp thứ 55" (named with its body elsewhere), "phiên họp ĐHĐCĐ …" (the meeting's)
            if res["plural"].search(before) or res["venue"].search(before):
                continue  # "3 Hội nghị Thành ủy", "Trung tâm Hội nghị quốc gia"
            titled = _quoted_title(text, key, m, s_start, head)
            if titled is not None:
                out.append(titled)
                continue
            if after.startswith(" về ") and _ADDRESSED.search(key, max(s_start, m.start() - 24), m.start()):
                continue  # "trình bày với Hội nghị về …": the gathering spoken to, and what was said
            if not text[m.start()].isupper():
                opener = res["opener"].search(before)
                if not opener and out and _COORDINATED.fullmatch(key, out[-1].end, m.start()):
                    opener = _COORDINATED.fullmatch(key, out[-1].end, m.start())  # "lễ công bố … và lễ khai mạc …"
                if not opener:
                    continue
                # "tại cuộc họp báo …": the one introduced before, unless it states a subject of its own ("Tại cuộc
                # họp Thường trực Chính phủ về dự thảo báo cáo …" after "cuộc họp Thường trực Chính phủ về tình hình …")
                again = head in seen and not re.match(r"tổ chức|khai mạc", opener.group())
            # a capitalised name after the qualifiers ("cuộc họp báo thường kỳ Bộ Tài nguyên và Môi trường"),
            # or, after a capitalised head, within three words ("Hội nghị các nhà Lãnh đạo ASEAN")
            named_at = res["qualifiers"].match(key, m.end()).end()
            # a regular meeting's period and "của": "cuộc họp báo thường kỳ quý I/2021 của Bộ Công Thương"
            if _REGULAR.search(key, m.end(), named_at):
                named_at = _PERIOD_OF.match(key, named_at).end()
            reach = 3 if text[m.start()].isupper() else 1
            capital = re.match(
                r"(?:\s+[^\s,.;:()" + UPPER + r"]+){0," + str(reach - 1) + r"}\s+[" + UPPER + "]", text[named_at:s_end]
            )
            # a head written with a capital inside a sentence is a title: "tổ chức Hội nghị phòng chống thiên tai …"
            titled = text[m.start()].isupper() and _AFTER_LOWER.search(text, max(s_start, m.start() - 3), m.start())
            # a field and the national scope: "tại hội nghị giáo dục toàn quốc"
            national = not text[m.start()].isupper() and _NATIONAL_FIELD.match(key, m.end())
            if not (ceremony or capital or titled or national or res["starter"].match(after)):
                continue
            end = _name_end(text, key, m.end(), s_end)
            purpose = _PURPOSE.match(key, end)
            if purpose and not ceremony and res["qualifiers"].match(key, m.end()).end() >= end:
                # "Hội nghị giao ban trực tuyến toàn quốc để kiểm điểm kết quả …": the purpose states the subject
                end = max(end, _name_end(text, key, purpose.end(), s_end))
            between = None if ceremony else _PARTICIPANTS.search(key, m.end(), end)
            if between and _subject_ok(text, key, m.end(), between.start(), ceremony):
                end = between.start()  # "Đối thoại chiến lược … lần thứ 7 giữa Bộ Quốc phòng hai nước": who took part
            if end <= m.end() or not _subject_ok(text, key, m.end(), end, ceremony, bool(titled)):
                continue
            if again and not _SUBJECT_OF_ITS_OWN.search(key, m.end(), end):
                continue
            written = " ".join(text[m.start() : end].split())
            abbreviated = _ABBREVIATED_GOES_ON.match(text, end)
            attrs = {"event_type": head, **_date_in(key, s_start, m.start())}
            if abbreviated:  # "Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM) lần thứ 54": the name goes on
                written, end = f"{written} {' '.join(abbreviated.group(2).split())}", abbreviated.end()
                attrs["alias"] = (" ".join(abbreviated.group("alias").split()), abbreviated.group(2))
            out.append(Mention.at(text, EVENT, m.start(), end, written[:1].upper() + written[1:], attrs=attrs))
            seen.add(head)
    if "họp" in key or "làm việc" in key or "buổi kiểm tra" in key:
        out.extend(_meetings_about(text, key, sentences))
        out.sort(key=lambda e: e.start)
    for named in [e for e in out if "alias" in e.attrs]:
        _by_alias(named, out)
        del named.attrs["alias"]
    return out


def _by_alias(named: Mention, events: list[Mention]) -> None:
    """ "Hội thảo World Mobile Broadband 2021" after "Hội thảo Băng thông rộng … (World Mobile Broadband & ICT) năm
    2021": the event named again by (the start of) the name it was given in brackets, with its year or ordinal."""
    alias, tail = named.attrs["alias"]
    alias_words = match_key(alias).split()
    year = re.search(r"\d+|\w+$", tail).group()
    head = match_key(named.attrs["event_type"])
    for e in events:
        label = match_key(e.label)
        if e is named or e.start < named.end or e.attrs.get("event_type") != named.attrs["event_type"]:
            continue
        words = label[len(head) :].split() if label.startswith(head + " ") else []
        if len(words) >= 2 and words[-1] == year and 2 <= len(words[:-1]) <= len(alias_words):
            if alias_words[: len(words) - 1] == words[:-1]:
                e.label = named.label


# a meeting noun with the subject it is about, a place or its participants maybe between: "tại cuộc họp về công
# tác chuẩn bị Kỳ thi …", "có buổi làm việc tại TP Cần Thơ về công tác phòng chống dịch Covid-19"; an inspection
# visit with its subject: "tại buổi kiểm tra công tác phòng chống dịch Covid-19" (on the key)
# the field a meeting is about, written without "về": "buổi họp phòng chống dịch bệnh" (on the key)
_EPIDEMIC = r"(?:công tác\s+)?phòng,?\s+chống\s+(?:dịch|covid)"
_MEETING_ABOUT = re.compile(
    # no look-behind: it would be tried at every position (checked below)
    r"(cuộc (?:họp|làm việc)|buổi (?:họp|làm việc|kiểm tra))"
    r"(?P<place>\s+(?:tại|ở|với)\s+[^,.;:()“”\"]{1,50}?)?(?P<about>\s+về\s+(?=\w)|\s+(?=" + _EPIDEMIC + "))"
)
_ADDRESSED = re.compile(r"(?<!\w)(?:trình bày|báo cáo|phát biểu|chia sẻ|thông tin|thông báo|giải trình)\s+với\s+$")
_NATIONAL_FIELD = re.compile(r"(?:\s+(?!của|và|các|với|tại|về)[a-zà-ỹđ]+){1,3}\s+toàn quốc(?!\w)")


def _meetings_about(text: str, key: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """ "cuộc họp về …", "buổi làm việc tại … về …": a meeting named by its stated subject, the place left out.
    A meeting with no subject ("tại buổi làm việc", "cuộc làm việc với nhiều bên") names none."""
    out = []
    plural = _res()["plural"]
    for m in _MEETING_ABOUT.finditer(key):
        s_start, s_end = _sentence_of(sentences, m.start())
        if m.end() > s_end or m.start() and key[m.start() - 1].isalnum():
            continue
        if not text[m.start()].islower() or plural.search(key, max(s_start, m.start() - 12), m.start()):
            continue  # "các cuộc họp về …": a class of meetings
        if m.group("place") and _clause_stop(key, key.index(" ", m.start("place") + 2), m.end("place") + 1) is not None:
            continue  # "cuộc họp tại tòa nhà chính phủ để thảo luận về …": a clause, not a place
        end = _name_end(text, key, m.end(), s_end)
        if len(key[m.end() : end].split()) < 2:
            continue
        subject = " ".join(text[m.end() : end].split())
        about = " về " if m.group("about").strip() else " "
        if m.group("place") and not about.strip():
            continue  # "cuộc họp tại X phòng chống dịch": no subject said
        label = f"{m.group(1)[:1].upper()}{m.group(1)[1:]}{about}{subject}"
        attrs = {"event_type": m.group(1)[:1].upper() + m.group(1)[1:], **_date_in(key, s_start, m.start())}
        out.append(Mention.at(text, EVENT, m.start(), end, label, attrs=attrs))
    return out


def _date_in(key: str, start: int, end: int) -> dict:
    m = _DATE.search(key, start, end)
    if not m:
        return {}
    d, mo, y = m.groups()
    return {"date_parts": (int(y) if y else None, int(mo), int(d))}


def organisers_and_chairs(
    key: str, sentences: list[tuple[int, int]], events: list[Mention], orgs: list[Mention], people: list[Mention]
) -> list[tuple[str, Mention, Mention]]:
    """(relation, event, agent) links from the sentence that introduces each event."""
    links: list[tuple[str, Mention, Mention]] = []
    orgs = sorted((o for o in orgs if not o.attrs.get("qualifier")), key=lambda o: o.start)
    org_starts = [o.start for o in orgs]
    for ev in events:
        s_start, _ = _sentence_of(sentences, ev.start)
        between = key[s_start : ev.start]
        if re.search(r"tổ chức\s*$", between.rstrip() + " ") or "tổ chức" in between[-40:]:
            for org in orgs[bisect.bisect_left(org_starts, s_start) : bisect.bisect_left(org_starts, ev.start)]:
                if org.end <= ev.start and "tổ chức" in key[org.end : ev.start]:
                    links.append(("organized_by", ev, org))
    ordered = sorted(people, key=lambda p: p.start)
    person_starts = [p.start for p in ordered]
    find_event = _EventFinder(events)
    for s_start, s_end in sentences if "chủ trì" in key else ():  # (most articles have no chair)
        chair = _chair_re().search(key, s_start, s_end)
        if not chair:
            continue
        pos = chair.start()
        target = find_event(key[chair.start(1) : chair.end(1)], pos)
        if target is None:
            continue
        for person in ordered[bisect.bisect_left(person_starts, s_start) : bisect.bisect_left(person_starts, pos)]:
            if person.end <= pos:
                links.append(("chaired_by", target, person))
    return links


@cache
def _chair_re() -> re.Pattern:
    return re.compile(r"(?:đồng\s+)?chủ trì\s+(" + alternation([a for a, _ in lexicon().raw["event_types"]]) + r")")


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence holding ``pos`` (sentences are sorted and do not overlap), or (0, 0)."""
    k = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    if k >= 0 and sentences[k][0] <= pos < sentences[k][1]:
        return sentences[k]
    return 0, 0


class _EventFinder:
    """The event that a later "hội thảo" refers to: of the events of that kind, the last one (in
    the order found) that starts before the phrase, else the first one."""

    def __init__(self, events: list[Mention]) -> None:
        self.events = events
        self._kinds: dict[str, tuple[list[int], list[int], int | None]] = {}

    def _kind(self, head: str) -> tuple[list[int], list[int], int | None]:
        if head not in self._kinds:
            same = [
                (e.start, i)
                for i, e in enumerate(self.events)
                if e.attrs.get("event_type", "").lower().startswith(head)
            ]
            first = same[0][1] if same else None
            same.sort()
            starts = [st for st, _ in same]
            latest = list(itertools.accumulate((i for _, i in same), max))  # the latest found so far
            self._kinds[head] = (starts, latest, first)
        return self._kinds[head]

    def __call__(self, head_key: str, pos: int) -> Mention | None:
        starts, latest, first = self._kind(" ".join(head_key.split()))
        k = bisect.bisect_left(starts, pos)
        if k:
            return self.events[latest[k - 1]]
        return None if first is None else self.events[first]


# ---------------------------------------------------------------- named occasions
# Sessions, elections, congresses, anniversaries and festivals: the forms Party and State
# news uses for its occasions, beyond "hội nghị …" and "hội thảo …".

_SESSION = re.compile(r"(?<!\w)(kỳ họp|phiên họp)\s+(?:(?:lần\s+)?thứ\s+)?((?<=thứ )[a-zà-ỹ]+|\d{1,3})(?!\w)")
_HELD_BY = re.compile(
    r"\s*(?:\(?\s*khóa\s+([ivxl]+)\s*\)?\s*)?,?\s*(?:đã\s+|vừa\s+)?(?:tổ chức|tiến hành|khai mạc|bế mạc|triệu tập)\s+$"
)
_THEN_TIME = re.compile(r"\s*,\s*(?:sáng|chiều|tối|trưa|ngày|hôm)\s+[^,.;]{1,25},\s*")
_TERM = r"khóa\s+(?:[ivxl]+|\d{1,2})(?!\w)"
_TENURE = r"nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}"
_LEVEL = r"(?:các cấp|cấp tỉnh|cấp huyện|cấp xã|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?!\w)"
# "bầu cử đại biểu Quốc hội khóa XV", "bầu Quốc hội, HĐND các cấp", "ứng cử đại biểu HĐND phường"
_ELECTION = re.compile(r"(?<!\w)(?:bầu cử\s+|(?:ứng|tái) cử\s+(?=đại biểu)|bầu\s+(?=quốc hội|hđnd|hội đồng nhân dân))")
_ASSEMBLY_OF_TERM = re.compile(r"^Bầu cử Quốc hội (khóa [IVXL]+)$")
_CANDIDATE = re.compile(r"(?<!\w)(?:người|những người|danh sách)\s+$")
_ELECTED_BODY = re.compile(r"(?:đại biểu\s+)?(quốc hội|hđnd|hội đồng nhân dân)(?!\w)")
_CANDIDACY = re.compile(
    r"(?<!\w)ứng cử\s+(?:đại biểu quốc hội|đbqh)(?:\s+khóa mới)?\s*\(?\s*khóa\s+([ivxl]+)(?!\w)\s*\)?"
)
_BARE_CANDIDACY = re.compile(r"(?<!\w)ứng cử\s+(?:đại biểu quốc hội|đbqh)(?!\w)(?!\s*(?:khóa|\())")
_NATIONAL_CONGRESS = re.compile(
    r"(?<!\w)đại hội\s+(?:đại biểu\s+)?(?:toàn quốc\s+)?(?:lần thứ\s+)?([ivxl]+|\d{1,2})\s+(?:của\s+)?đảng(?!\s+bộ)"
    r"(?!\s+(?:cộng sản|nhân dân|lao động)(?!\s+việt nam))"
    r"(?:\s+cộng sản việt nam)?|(?<!\w)đại hội\s+(?:đại biểu\s+)?(?:toàn quốc\s+)?(?:của\s+)?đảng"
    r"(?:\s+cộng sản việt nam)?(?:\s+toàn quốc)?\s+lần thứ\s+([ivxl]+|\d{1,2})(?!\w)"
)


# "Đại hội XII" with nothing after it that names a body ("Đại hội XVII Đảng bộ thành phố", "Đại hội XII của Đảng")
_BARE_CONGRESS = re.compile(
    r"(?<!\w)Đại hội\s+([IVX]+)(?![\w-])(?!\s*(?:của\s+)?[" + UPPER + r"(])(?!\s+(?:đại biểu|của)\s)"
)


@cache
def _foreign_congress_re() -> tuple[re.Pattern, re.Pattern]:
    """The congress of a foreign ruling party, its ordinal before or after the party (on the key)."""
    countries = alternation(lexicon().raw["countries"])
    party = r"(đảng\s+(?:cộng sản|nhân dân cách mạng|nhân dân|lao động)\s+(?:" + countries + r"))(?!\w)"
    head = r"(?<!\w)đại hội\s+(?:đại biểu\s+)?(?:toàn quốc\s+)?"
    return (
        re.compile(head + r"(?:lần thứ\s+)?([ivxl]+|\d{1,2})\s+(?:của\s+)?" + party),
        re.compile(head + r"(?:của\s+)?" + party + r"(?:\s+toàn quốc)?\s+lần thứ\s+([ivxl]+|\d{1,2})(?!\w)"),
    )


_ORG_CONGRESS = re.compile(r"(?<!\w)đại hội\s+(?:đại biểu\s+)?(?=\S)")
_PLACE_AFTER_BODY = re.compile(
    r"\s+(?:tỉnh|thành phố|huyện|quận|thị xã)(?:\s+[" + UPPER + r"][\w'’-]*){1,4}(?=\s*,?\s*(?:lần thứ|nhiệm kỳ))"
)
_CONGRESS_TAIL = re.compile(r"(?:\s*,?\s*lần thứ\s+(?:[ivxl]+|\d{1,2}))?(?:\s*,?\s*nhiệm kỳ\s+\d{4}\s*-\s*\d{4})?")
# "kỷ niệm 66 năm Ngày giải phóng Hải Phòng", "kỷ niệm 100 năm ngày thành lập Đảng Cộng sản Trung Quốc"
_ANNIVERSARY = re.compile(r"(?<!\w)(?:(?:buổi\s+)?lễ\s+)?kỷ niệm\s+\d{1,4}\s+năm\s+")
# what is marked: a public occasion, or a historical fact told with its subject ("60 năm Bác Hồ ra thăm đảo Cô Tô")
_ANNIVERSARY_OBJECT = re.compile(
    r"ngày(?!\s+(?:cưới|mất|yêu|quen|gặp))|thành lập|chiến thắng|giải phóng|khởi nghĩa|cách mạng|truyền thống"
    r"|quốc khánh|chiến dịch|phong trào|thiết lập quan hệ"
)
_TARGET = re.compile(
    r"(?<!\w)(?:đến|tới|hướng tới|tiến tới)(?:\s+dịp|\s+năm\s+\d{4}\s*[-–,]?)?\s+$"
)  # "đến dịp kỷ niệm 100 năm …": a horizon
# "lễ hội", "festival" name one festival in lower case too when a proper name follows ("lễ hội Tràng An 2021")
_FESTIVAL_HEADS = r"Lễ hội|Liên hoan|Năm Du lịch|Lễ khai mạc|Tuần lễ|Ngày hội|Hội chợ|Hội diễn|Festival|lễ hội|festival"
# a word of each head (on the key): an article with none has no festival
_FESTIVAL_WORDS = ("lễ", "liên hoan", "năm du lịch", "ngày hội", "hội chợ", "hội diễn", "festival")
_PROPER_RUN = re.compile(
    r"[" + UPPER + r"][\w'’]*(?:(?:\s+|\s*-\s*)[" + UPPER + r"][\w'’]*)*"
    r"(?:\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)|\s+lần thứ\s+\w+)?"
)
_FESTIVAL = re.compile(r"(?<!\w)(" + _FESTIVAL_HEADS + r")((?:\s+[a-zà-ỹđ]+){0,3})\s+(?=[" + UPPER + r"“\"])")
_FESTIVAL_YEAR = re.compile(
    r"(?<!\w)(" + _FESTIVAL_HEADS + r"|Hội thi|Triển lãm|Diễn đàn)(?: [a-zà-ỹđ&-]+){1,7}"
    r"(?: [" + UPPER + r"][\w&-]*| [a-zà-ỹđ&-]+){0,3},? (?:năm )?(?:19|20)\d\d(?!\d)"
)
# "Khai mạc du lịch Cát Bà 2021" named in a list: an opening named by its place and year
_OPENING = re.compile(r"(K(?<=[\w,;] K)hai (?:mạc|trương))\s+((?:[^\s,.;:()“”\"]+\s+){1,6}?)((?:19|20)\d\d)(?!\d)")


@cache
def _foreign_election_re() -> re.Pattern:
    """A foreign election named by its office and country, or its country and year (on the text)."""
    countries = "|".join(sorted(map(re.escape, lexicon().raw["countries"]), key=len, reverse=True))
    return re.compile(
        r"(?<!\w)[Bb]ầu cử\s+(?:giữa kỳ\s+)?(?:([Tt]ổng thống|[Qq]uốc hội|[Hh]ạ viện|[Tt]hượng viện)\s+)?"
        r"(?:(?:ở|tại)\s+)?(" + countries + r")(?!\w)(?:\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d))?"
    )


_SHAREHOLDERS = re.compile(
    r"(?<!\w)(?:đại hội đồng cổ đông|đại hội cổ đông|đhđcđ)(?:\s*\((?:đhđcđ|đhcđ)\))?\s+(thường niên|bất thường)"
    r"(?:\s*\((?:đhđcđ|đhcđ)\))?\s+(?:năm\s+)?(?:tài chính\s+)?((?:19|20)\d\d)(?!\d)"
    r"(?:\s+lần\s+(?:thứ\s+)?(\d|nhất|hai|ba)(?!\w))?"
)
# the opening of a tourist season, named by its year: "khai trương mùa du lịch biển, đảo năm 2021"
_SEASON_OPENING = re.compile(
    r"(?<!\w)khai trương\s+(mùa du lịch(?:\s+(?:biển\s*,\s*đảo|biển đảo|biển|hè))?)\s+(?:năm\s+)?((?:19|20)\d\d)(?!\d)"
)
# an occasion named only by a quoted title that opens with its kind: “Ngày hội việc làm 2021”
_QUOTED_OCCASION = re.compile(
    r"[“\"](Tuần lễ|Lễ hội|Ngày hội|Hội nghị|Hội thảo|Liên hoan|Festival|Hội chợ|Diễn đàn|Tọa đàm|Hội thi|Cuộc thi"
    r"|Năm [Dd]u lịch|Đại hội|Lễ kỷ niệm)(?!\w)"
)
_ABBREV = (
    ("HĐND", "Hội đồng nhân dân"),
    ("UBND", "Ủy ban nhân dân"),
    ("ĐBQH", "đại biểu Quốc hội"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),  # the bodies' names keep their capitals
    ("quốc hội", "Quốc hội"),
)


def _expand(label: str, capital: bool = True) -> str:
    for short, full in _ABBREV:
        label = re.sub(rf"(?<!\w){short}(?!\w)", full, label)
    return label[:1].upper() + label[1:] if capital else label


_FESTIVAL_STOP = re.compile(
    r"[,.;:()\n“”\"]|\s+[-–]\s+|\s+(?:và|của|tại|với|được|đã|sẽ|là|cho|diễn|năm nay|vào|để|cũng|nhằm|có|với chủ đề"
    r"|nên|do|khi|thì|mà)\s"
)
# a committee's plenum named by its ordinal alone, its body the organiser before it (events named so in
# full, "Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh …", are found by find_events)
_COMMITTEE_PLENUM = re.compile(
    r"(?<!\w)hội nghị\s+(lần thứ\s+(?:\d{1,2}|[ivxl]+|mười(?:\s+(?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?|nhất|hai|ba"
    r"|tư|năm|sáu|bảy|tám|chín))(?!\w)(?=\s*(?:\(\s*khóa|,\s*khóa|[,.;:]|\s+(?:để|nhằm|vào|tại|với|và|ngày|sáng|chiều)\s))"
)
_COUNCIL_TERM_PLACE = re.compile(
    r"\s*,?\s*(?:của\s+)?(?:HĐND|Hội đồng nhân dân)\s+kh(?:óa|oá)\s+([IVXL]+)\s+"
    r"(tỉnh|thành phố|TP\.?|huyện|quận|thị xã)\s*"
)
_NAMED_SESSION = re.compile(r"(?<!\w)kỳ họp\s+(?=[" + UPPER + r"])")
_SESSION_NAME = re.compile(r"[" + UPPER + r"][\w'’]*(?:\s+[^\s,.;:()“”\"]+){0,2}(?=\s*[,.;:()\n]|$)")
_CONSULTATION = re.compile(r"(?<!\w)hội nghị hiệp thương\s+lần\s+(?:thứ\s+)?(\d+|nhất|hai|ba)(?!\w)")


_DESCRIBED = re.compile(r"\s+(?:truyền thống|thường niên)$")


def _festival_end(text: str, key: str, start: int) -> int:
    stop = _FESTIVAL_STOP.search(text, start, start + 100)
    end = stop.start() if stop else start
    # the clause may start before the stop word: "… Ban Mê chính thức được tạm dừng"
    return min(end, _name_end(text, key, start, min(len(text), end + 30))) if end > start else end


def _clause_start(text: str, pos: int) -> int:
    """Start of the sentence around ``pos`` (after a line break or a full stop)."""
    return max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos) + 1) + 1


def _election(text: str, key: str, start: int) -> tuple[int, bool] | None:
    """End of "đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026" from ``start``, and
    whether it includes the National Assembly; None when no term, tenure or level names it."""
    pos, marked, central = start, False, False
    while body := _ELECTED_BODY.match(key, pos):
        end = body.end()
        if body.group(1) == "quốc hội":
            central = True
            term = re.compile(r"\s+(?:khóa mới\s*\(\s*)?" + _TERM + r"\)?").match(key, end)
        else:
            term = re.compile(r"\s+" + _LEVEL).match(key, end)
            if term:  # the place of the council: "HĐND phường Bắc Sơn"
                place = re.compile(r"(?:\s+[" + UPPER + r"][^\s,.;:()]*){1,4}").match(text, term.end())
                if place and not re.search(r"\s(?:HĐND|UBND|Hội|Ủy|Ban)\b", place.group()):
                    term = place
        if term:
            marked, end = True, term.end()
        tenure = re.compile(r"\s*,?\s*\(?\s*" + _TENURE + r"\s*\)?").match(key, end)
        if tenure:
            marked, end = True, tenure.end()
        pos = end
        joint = re.compile(r"(?:\s*,\s*|\s+và\s+)(?:bầu cử\s+)?").match(key, pos)  # "… khóa XV và bầu cử HĐND …"
        if not (joint and _ELECTED_BODY.match(key, joint.end())):
            break
        pos = joint.end()
    if not marked:
        return None
    return pos, central


_COUNCIL_LEVEL = re.compile(r"(Hội đồng nhân dân (phường|xã|thị trấn|huyện|quận|thị xã))(?= nhiệm kỳ|$)")


def _council_place(text: str, start: int, elected: str) -> str:
    """ "Chủ tịch UBND phường Bắc Sơn … tái cử đại biểu HĐND phường nhiệm kỳ 2021-2026": a council
    named by its level alone is the one of that level's place the sentence named just before."""
    m = _COUNCIL_LEVEL.search(elected)
    if m is None:
        return elected
    before = text[_clause_start(text, start) : start]
    named = list(re.finditer(r"(?<!\w)" + m.group(2) + r"((?:\s+[" + UPPER + r"][\w']*){1,3})", before))
    if not named:
        return elected
    place = " ".join(named[-1].group(1).split())
    return elected[: m.end()] + " " + place + elected[m.end() :]


def _national_election(text: str, start: int, end: int, term: str) -> Mention:
    """The election of the National Assembly of a term ("xv"), one event for the whole country."""
    label = f"Bầu cử đại biểu Quốc hội khóa {term.upper()}"
    return Mention.at(text, EVENT, start, end, label, attrs={"event_type": "Bầu cử", "central": True})


def _ordinal(number: str) -> str:
    """ "thứ 6", or "lần thứ 14" as written."""
    return number if number.startswith("lần") else f"thứ {number}"


def find_occasions(text: str, key: str, orgs: list[Mention]) -> list[Mention]:
    """Sessions ("kỳ họp thứ 6 của UBKT Tỉnh ủy Phú Yên"), elections, Party congresses,
    congresses of bodies, anniversaries, festivals and events named with an ordinal."""
    out: list[Mention] = []
    # each scan below is skipped when the article lacks its head word (most lack most of them)
    by_start = {o.start: o for o in orgs}
    by_end = {o.end: o for o in orgs}
    for m in _SESSION.finditer(key) if "họp" in key else ():
        after = re.compile(r"\s*(?:,\s*|của\s+|\(\s*)?").match(key, m.end()).end()
        org = by_start.get(after)
        timed = _THEN_TIME.match(key, m.end())
        if org is None and timed and timed.end() in by_start:
            # "Tiếp tục phiên họp thứ 55, chiều 27/4, UB Thường vụ Quốc hội đã …": the session of the subject
            org = by_start[timed.end()]
        held = None if org is not None else _HELD_BY.search(key, max(0, m.start() - 40), m.start())
        if held is not None and held.start() in by_end:
            # "Ban Chỉ đạo Cải cách tư pháp Trung ương đã tổ chức Phiên họp thứ 12": the session of its organiser
            org = by_end[held.start()]
        else:
            held = None
        attrs = {"event_type": text[m.start(1) : m.end(1)].capitalize(), "number": text[m.start(2) : m.end(2)]}
        if re.search(r"lần\s+thứ\s+\S+$", key[m.start() : m.end()]):  # "Phiên họp lần thứ 14": as written
            attrs["number"] = "lần thứ " + attrs["number"]
        end = m.end()
        label = f"{attrs['event_type']} {_ordinal(attrs['number'])}"
        if org is not None:
            attrs["org_span"] = (org.start, org.end)
            if timed and org.start == timed.end() or held:
                attrs["of"] = True
            if held and held.group(1):  # "HĐND tỉnh Hà Nam khóa XVIII tổ chức kỳ họp thứ 17"
                attrs["term"] = held.group(1).upper()
            end = max(org.end, m.end())  # the organiser may stand before the session
            term = re.compile(r"\s*\(?\s*khóa\s+([ivxl]+)\s*\)?").match(key, end)
            if term:
                attrs["term"] = term.group(1).upper()
                end = term.end()
            elif "term" not in attrs and (
                inside := re.search(r"(?<!\w)khóa\s+([ivxl]+)(?!\w)", key[org.start : org.end])
            ):
                attrs["term"] = inside.group(1).upper()  # "kỳ họp 12, HĐND khóa IX thành phố …": the body holds it
        elif (
            text[m.start()].isupper()
            and text[m.end() :].lstrip()[:1].isupper()
            and (named := re.compile(r"\s+(?:[^\s,.;:()]+\s+){1,4}?" + _TERM).match(key, m.end()))
        ):
            # "Kỳ họp thứ tư Lưỡng hội khóa 13": a session named by its assembly and term
            end = named.end()
            label = " ".join(text[m.start() : end].split())
        elif term := re.compile(r"\s*\(?\s*khóa\s+([ivxl]+)(?!\w)\s*\)?").match(key, m.end()):
            # "tại kỳ họp thứ 10 khóa XIV": a session named by its term
            attrs["term"] = term.group(1).upper()
            end = term.end()
            label = f"{attrs['event_type']} {_ordinal(attrs['number'])} khóa {attrs['term']}"
        elif (council := _COUNCIL_TERM_PLACE.match(text, m.end())) and (place := place_at(text, council.end())):
            # "kỳ họp 12, HĐND khóa IX thành phố Hồ Chí Minh": the council's term written before its place
            level = "thành phố" if council.group(2).startswith("TP") else council.group(2)
            attrs["term"], end = council.group(1), place[1]
            label = f"{label} Hội đồng nhân dân {level} {place[0]} khóa {council.group(1)}"
        elif not re.match(r"\s+(?:của\s+)?(?:hđnd|hội đồng|quốc hội|ủy ban|ubkt)", key[m.end() : m.end() + 20]):
            continue  # "tại kỳ họp thứ 5" with no body named: not enough to name it
        out.append(Mention.at(text, EVENT, m.start(), end, label, attrs=attrs | {"session": "org_span" in attrs}))
    for m in _NAMED_SESSION.finditer(text) if "họp" in key else ():
        # "kỳ họp Lưỡng hội": a session named by its own proper name (not a body's: "kỳ họp Quốc hội" is unnamed)
        run = _SESSION_NAME.match(text, m.end())
        if (
            m.end() in by_start
            or not run
            or run.group().isupper()
            or re.match(r"\s+(?:khóa|thứ|lần)\s", key[run.end() :])
        ):
            continue
        label = "Kỳ họp " + " ".join(run.group().split())
        out.append(Mention.at(text, EVENT, m.start(), run.end(), label, attrs={"event_type": "Kỳ họp"}))
    for m in (
        _CONSULTATION.finditer(key) if "hiệp thương" in key else ()
    ):  # "hội nghị hiệp thương lần thứ 2": candidate lists for elections
        number = {"nhất": "1", "hai": "2", "ba": "3"}.get(m.group(1), m.group(1))
        out.append(
            Mention.at(
                text,
                EVENT,
                m.start(),
                m.end(),
                f"Hội nghị hiệp thương lần thứ {number}",
                attrs={"event_type": "Hội nghị"},
            )
        )
    for m in (
        _CANDIDACY.finditer(key) if "ứng cử" in key else ()
    ):  # "ứng cử đại biểu Quốc hội khóa mới (khóa XV)": that election
        out.append(_national_election(text, m.start(), m.end(), m.group(1)))
    for m in (
        _BARE_CANDIDACY.finditer(key) if "ứng cử" in key else ()
    ):  # "Khóa XIV, Bộ trưởng … ứng cử đại biểu Quốc hội tại Thanh Hóa"
        topic = re.compile(r"\s*khóa\s+([ivxl]+)\s*,").match(key, _clause_start(text, m.start()))
        if topic:
            out.append(_national_election(text, m.start(), m.end(), topic.group(1)))
    for m in _ELECTION.finditer(key) if "cử" in key or "bầu" in key else ():
        if key.startswith("ứng", m.start()) and _CANDIDATE.search(key, max(0, m.start() - 12), m.start()):
            continue  # "Người ứng cử đại biểu HĐND các cấp phải …": the candidates in general, not an election
        found = _election(text, key, m.end())
        if found is None:
            continue
        end, central = found
        elected = _expand(" ".join(text[m.end() : end].split()), capital=False).rstrip(" ,")
        elected = _council_place(text, m.start(), elected)
        label = "Bầu cử " + re.sub(r"^Đại biểu", "đại biểu", elected)
        # "cuộc bầu cử Quốc hội khóa XV" is the election of its deputies, as "ứng cử đại biểu Quốc hội khóa XV" says
        label = _ASSEMBLY_OF_TERM.sub(r"Bầu cử đại biểu Quốc hội \1", label)
        out.append(Mention.at(text, EVENT, m.start(), end, label, attrs={"event_type": "Bầu cử", "central": central}))
    congresses = list(_NATIONAL_CONGRESS.finditer(key)) if "đại hội" in key else []
    if "đại hội" in key and "đảng bộ" not in key:
        # "nhiệm vụ đặt ra từ Đại hội XII": a congress named by its number alone is the Party's, in an article that
        # names no Party committee's congress
        congresses += [m for m in _BARE_CONGRESS.finditer(text) if _roman_value(m.group(1)) <= 14]
    for m in congresses:
        if key[max(0, m.start() - 12) : m.start()].rstrip().endswith(("nghị quyết", "văn kiện")):
            continue  # the congress's resolution or documents, not the congress
        from kg.extract.resolutions import term_number

        term = term_number(m.group(1) or m.group(2))
        label = f"Đại hội {term} của Đảng"  # as GUIDELINES.md names it, not "Đại hội đại biểu toàn quốc lần thứ …"
        out.append(
            Mention.at(
                text,
                EVENT,
                m.start(),
                m.end(),
                label,
                attrs={"event_type": "Đại hội", "term": term, "central": True},
            )
        )
    before, after = _foreign_congress_re()
    congresses = itertools.chain(before.finditer(key), after.finditer(key)) if "đại hội" in key else ()
    for m in congresses:  # "Đại hội VIII Đảng Cộng sản Cuba"
        party, number = (2, 1) if m.re is before else (1, 2)  # the groups; the number as written
        written = " ".join(text[m.start(party) : m.end(party)].split())
        label = f"Đại hội {written} lần thứ {text[m.start(number) : m.end(number)]}"
        out.append(Mention.at(text, EVENT, m.start(), m.end(), label, attrs={"event_type": "Đại hội"}))
    for m in _ORG_CONGRESS.finditer(key) if "đại hội" in key else ():
        if not text[m.start()].isupper() or key[max(0, m.start() - 12) : m.start()].rstrip().endswith("nghị quyết"):
            continue
        org = by_start.get(m.end())
        if org is None or org.attrs.get("base", {}).get("head") == "Đảng bộ" and "place" not in org.attrs["base"]:
            continue
        place = _PLACE_AFTER_BODY.match(text, org.end)  # "Đoàn TNCS Hồ Chí Minh tỉnh Lào Cai lần thứ XVI"
        tail = _CONGRESS_TAIL.match(key, place.end() if place else org.end)
        if place and tail.end() == place.end():
            tail = _CONGRESS_TAIL.match(key, org.end)  # a place but no ordinal or tenure after it: not ours
        end = tail.end() if tail else org.end
        named = _placed_org(text, org, orgs)
        out.append(
            Mention.at(
                text,
                EVENT,
                m.start(),
                end,
                _expand(" ".join(text[m.start() : end].split())),
                attrs={
                    "event_type": "Đại hội",
                    "org_span": (named.start, named.end),
                    "suffix": " ".join(text[org.end : end].split()),
                },
            )
        )
    out.extend(_anniversaries(text, key))
    for m in _foreign_election_re().finditer(text) if "bầu cử" in key else ():  # "bầu cử tổng thống Mỹ"
        office, country, year = m.group(1), m.group(2), m.group(3)
        if office:
            label = f"Bầu cử {office.lower()} {country}"  # the year, if any, is left to a longer form
        elif year:
            label = " ".join(("Bầu cử " + text[m.start(2) : m.end()]).split())
        else:
            continue  # "bầu cử Mỹ rất nhạy cảm": the elections in general
        out.append(Mention.at(text, EVENT, m.start(), m.end(), label, attrs={"event_type": "Bầu cử"}))
    for m in (
        _SHAREHOLDERS.finditer(key) if "đại hội" in key or "đhđcđ" in key else ()
    ):  # "ĐHĐCĐ thường niên năm 2021": a company's general meeting of a year
        number = {"nhất": "1", "hai": "2", "ba": "3"}.get(m.group(3), m.group(3))
        label = f"Đại hội đồng cổ đông {m.group(1)} năm {m.group(2)}" + (f" lần thứ {number}" if number else "")
        out.append(Mention.at(text, EVENT, m.start(), m.end(), label, attrs={"event_type": "Đại hội"}))
    for m in (
        _SEASON_OPENING.finditer(key) if "khai trương" in key else ()
    ):  # "Khai trương mùa du lịch biển, đảo năm 2021"
        season = re.sub(r"\s*,\s*", ", ", " ".join(text[m.start(1) : m.end(1)].split())).lower()
        label = f"Khai trương {season} năm {m.group(2)}"
        out.append(Mention.at(text, EVENT, m.start(), m.end(), label, attrs={"event_type": "Khai trương"}))
    for m in _QUOTED_OCCASION.finditer(text):  # hưởng ứng “Tuần lễ du lịch biển, đảo 2021”
        title, end = _quoted(text, m.start())
        if (
            title
            and 3 <= len(title.split()) <= 16
            and not re.search(r"[.…!?;:]", title)
            and _clause_stop(key, m.start() + 1, end - 1) is None
        ):  # a name, not a quoted sentence ("“Đại hội chỉ là mở đầu… ”")
            out.append(Mention.at(text, EVENT, m.start() + 1, end - 1, title, attrs={"event_type": m.group(1)}))
    festivals = any(w in key for w in _FESTIVAL_WORDS)
    for m in _FESTIVAL.finditer(text) if festivals else ():
        if m.group(1).islower() and _res()["plural"].search(key, max(0, m.start() - 12), m.start()):
            continue  # "các lễ hội Tết": a class of festivals
        head = m.group(1)[:1].upper() + m.group(1)[1:] + (" " + " ".join(m.group(2).split()) if m.group(2) else "")
        if text[m.end()] in '“"':
            title, end = _quoted(text, m.end())
            if not title:
                continue
            label = f"{head} “{title}”"
        elif m.group(2) and (
            _FESTIVAL_STOP.search(text, m.end(1), m.end() + 1) or _clause_stop(key, m.end(1), m.end()) is not None
        ):
            continue  # "Lễ khai mạc có ông …", "Ngày hội do Khoa …": a clause, not a name, before the capital
        else:  # "Lễ hội Hoa phượng đỏ 2021", "Liên hoan phim quốc tế Cannes", "Lễ hội vía Bà Chúa Xứ núi Sam"
            end = _festival_end(text, key, m.end())
            if m.group(1).islower():  # a lower-case head: the name is the proper name and its year or ordinal
                run = _PROPER_RUN.match(text, m.end())
                end = min(end, run.end()) if run else m.end()
            described = _DESCRIBED.search(text, m.end(), end)
            end = described.start() if described else end  # "Lễ hội Tràng An truyền thống hàng năm": a description
            label = " ".join(text[m.start() : end].split())
            label = label[:1].upper() + label[1:]
        if len(label.split()) >= 3:
            out.append(Mention.at(text, EVENT, m.start(), end, label, attrs={"event_type": m.group(1)}))
    festivals = festivals or "hội thi" in key or "triển lãm" in key or "diễn đàn" in key
    for m in _FESTIVAL_YEAR.finditer(text) if festivals else ():  # "Ngày hội tư vấn tuyển sinh hướng nghiệp 2021"
        if _clause_stop(key, m.end(1), m.end()) is None and not (
            m.group(1).islower() and _res()["plural"].search(key, max(0, m.start() - 12), m.start())
        ):
            label = m.group()[:1].upper() + m.group()[1:]
            out.append(Mention.at(text, EVENT, m.start(), m.end(), label, attrs={"event_type": m.group(1)}))
    for m in _OPENING.finditer(text) if "khai" in key else ():
        if _LABEL_STOP.search(text, m.start(), m.end()) or _clause_stop(key, m.end(1), m.start(3)) is not None:
            continue
        if not re.search(r"\s[" + UPPER + "]", text[m.end(1) : m.start(3)]):
            continue  # the place is named: "du lịch Cát Bà"
        label = " ".join(text[m.start() : m.end()].split())
        out.append(Mention.at(text, EVENT, m.start(), m.end(), label, attrs={"event_type": m.group(1)}))
    for m in _COMMITTEE_PLENUM.finditer(key) if "lần thứ" in key else ():
        # "Ban Chấp hành Đảng bộ tỉnh Yên Bái tổ chức Hội nghị lần thứ 5 (khóa XX)": the plenum of its organiser
        held = _HELD_BY.search(key, max(0, m.start() - 40), m.start())
        org = by_end.get(held.start()) if held else None
        attrs = {"event_type": "Hội nghị"}
        end = m.end()
        if org is not None:
            attrs |= {"org_span": (org.start, org.end), "plenum_of": True}
            if held.group(1):
                attrs["term"] = held.group(1).upper()
            term = re.compile(r"\s*[,(]?\s*khóa\s+([ivxl]+)(?!\w)\s*\)?").match(key, end)
            if term:
                attrs["term"], end = term.group(1).upper(), term.end()
        written = " ".join(key[m.start(1) : m.end()].split()).removeprefix("lần thứ ")
        number = str(_WORD_ORDINALS[written]) if written in _WORD_ORDINALS else None
        if written.startswith("mười "):
            number = str(10 + _TENS[written.split()[1]])
        label = f"Hội nghị lần thứ {number or ' '.join(text[m.start(1) : m.end()].split()[2:])}"
        out.append(Mention.at(text, EVENT, m.start(), end, label, attrs=attrs))
    out.extend(_ordinal_names(text, key, by_start))
    return out


def _placed_org(text: str, org: Mention, orgs: list[Mention]) -> Mention:
    """ "Hội Khuyến học tỉnh Sóc Trăng tổ chức Đại hội Hội Khuyến học tỉnh …": a body written
    with its level but no place is the one named in full earlier in the same sentence."""
    base = org.attrs.get("base", {})
    if not base.get("level") or base.get("place"):
        return org
    start = _clause_start(text, org.start)
    earlier = [
        o
        for o in orgs
        if start <= o.start < org.start
        and o.attrs.get("base", {}).get("label") == base.get("label")
        and o.attrs.get("base", {}).get("level") == base["level"]
        and o.attrs["base"].get("place")
        and not o.attrs.get("departments")
    ]
    return earlier[-1] if earlier else org


def _anniversaries(text: str, key: str) -> list[Mention]:
    """ "kỷ niệm 66 năm Ngày giải phóng Hải Phòng": an anniversary being marked, not one aimed
    at ("đến dịp kỷ niệm 100 năm thành lập Đảng")."""
    out = []
    for m in _ANNIVERSARY.finditer(key) if "kỷ niệm" in key else ():
        if _TARGET.search(key, max(0, m.start() - 20), m.start()):
            continue
        if not (_ANNIVERSARY_OBJECT.match(key, m.end()) or text[m.end()].isupper()):
            continue  # "kỷ niệm 3 năm có mặt tại Việt Nam": a firm's birthday
        line_end = text.find("\n", m.end())
        end = _name_end(text, key, m.end(), line_end if line_end >= 0 else len(text))
        both = re.compile(r"\s+và\s").search(key, m.end(), end)  # "… Ngày Giải phóng và 135 năm Ngày Quốc tế Lao động"
        end = _name_end(text, key, m.end(), both.start()) if both else end
        if len(key[m.end() : end].split()) < 2 or not re.search(r"\s[" + UPPER + "]", text[m.end() - 1 : end]):
            continue  # a public occasion is named: "Ngày Giải phóng", "Đảng Cộng sản Trung Quốc"
        start, kind = m.start(), "Kỷ niệm"
        gathering = _GATHERING_FOR.search(key, max(0, start - 40), start)
        if gathering:  # "tổ chức gặp mặt nhân kỷ niệm 46 năm …": the gathering held for the anniversary
            start, kind = gathering.start(1), text[gathering.start(1) : gathering.end(1)].capitalize()
        written = " ".join(text[start:end].split())
        out.append(Mention.at(text, EVENT, start, end, written[:1].upper() + written[1:], attrs={"event_type": kind}))
    return out


# a gathering held on an anniversary, introduced by its organiser: "(… tổ chức) gặp mặt nhân kỷ niệm …" (on the key)
_GATHERING_FOR = re.compile(
    r"(?<!\w)(?:tổ chức|dự|tham dự)\s+((?:buổi\s+|cuộc\s+)?(?:gặp mặt|họp mặt|gặp gỡ|mít tinh))\s+nhân\s+(?:dịp\s+)?$"
)


def _ordinal_names(text: str, key: str, by_start: dict[int, Mention]) -> list[Mention]:
    """ "Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 6", "Đại hội Thi đua
    yêu nước ngành tư pháp lần thứ V": a capitalised gathering whose name runs, with no clause
    between, to an ordinal."""
    out = []
    ordinal = re.compile(_ORDINAL)
    # each name runs to "lần thứ …": most articles have none, and skip the scan
    for m in _res()["ordinal_head"].finditer(key) if re.search(r"lần\s+thứ", key) else ():
        if (
            not text[m.start()].isupper()
            or re.search(r"(?:nghị quyết|văn kiện)\s+$", key[max(0, m.start() - 12) : m.start()])
            or _res()["venue"].search(key, max(0, m.start() - 14), m.start())
        ):
            continue  # "Nghị quyết Đại hội … lần thứ XIII" is a resolution, "Trung tâm Hội nghị …" a place
        if (
            m.group(1).startswith("đại hội")
            and re.compile(r"\s*(?:đại biểu\s+)?").match(key, m.end()).end() in by_start
        ):
            continue  # a congress of a body: named after the body above
        line_end = text.find("\n", m.end())
        limit = min(line_end if line_end >= 0 else len(text), m.end() + 140)
        o = ordinal.search(key, m.end(), limit)
        if not o or o.start() == m.end() or len(key[m.end() : o.start()].split()) > 14:
            continue
        if _LABEL_STOP.search(text, m.end(), o.start()) or _clause_stop(key, m.end(), o.end()) is not None:
            continue
        end = o.end()
        tail = re.compile(r"\s*,?\s*(?:" + _TENURE + "|" + _TERM + r"|năm\s+(?:19|20)\d\d(?!\d))").match(key, end)
        end = tail.end() if tail else end
        label = " ".join(text[m.start() : end].split())
        out.append(Mention.at(text, EVENT, m.start(), end, label, attrs={"event_type": text[m.start() : m.end()]}))
    return out
