"""Events: conferences, workshops and meetings, with date, organisers and chairs.

"Chiều 27/5, Ban Tổ chức Tỉnh ủy phối hợp với … tổ chức hội thảo khoa học cấp tỉnh “…”"
gives the event, its organisers (the bodies before "tổ chức") and a partial date the
resolver completes with the article's year; "… đồng chủ trì hội thảo" gives its chairs.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import alternation, lexicon
from kg.extract.resolutions import _quoted
from kg.records import EVENT, Mention
from kg.textnorm import UPPER

_NAME_STARTERS = (
    "triển khai|sơ kết|tổng kết|quán triệt|học tập|nghiên cứu|giao ban|đối thoại|báo cáo viên|biểu dương|tuyên dương|"
    "trực tuyến|toàn quốc|công bố|lấy ý kiến|phổ biến|chuyên đề|khoa học|gặp mặt|tiếp xúc|thông tin|góp ý|đánh giá|"
    "lần thứ|cán bộ chủ chốt|cấp tỉnh|cấp quốc gia|quốc tế"
)
_DATE = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa)\s+(?:nay\s+)?(?:ngày\s+)?|ngày\s+)(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?!\d)"
)


@cache
def _event_head_re() -> re.Pattern:
    types = alternation([a for a, _ in lexicon().raw["event_types"]])
    return re.compile(r"(?<!\w)(" + types + r")(?!\w)")


def find_events(text: str, key: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """Named events in text order (central plenums are found with the resolutions)."""
    head_re = _event_head_re()
    lex = lexicon()
    out: list[Mention] = []
    for s_start, s_end in sentences:
        for m in head_re.finditer(key, s_start, s_end):
            head = lex.event_types[re.sub(r"\s+", " ", m.group(1))]
            after = key[m.end() : s_end]
            if re.match(r"\s+(?:lần thứ\s+)?(?:ban chấp hành\s+)?trung ương\s+(?:\d|[ivx])", after):
                continue  # a plenum
            # qualifiers: "hội thảo khoa học cấp tỉnh"
            q = re.match(
                r"((?:\s+(?:khoa học|cấp tỉnh|cấp huyện|cấp quốc gia|quốc tế|trực tuyến|toàn quốc))*)\s*[“\"]", after
            )
            if q and key[max(s_start, m.start() - 20) : m.start()].rstrip().endswith(
                ("tổ chức", "khai mạc", "diễn ra", "chủ trì")
            ):
                title, end = _quoted(text, m.end() + q.end() - 1, unclosed_ok=True)
                if title:
                    qual = text[m.end() : m.end() + len(q.group(1))].strip()
                    label = " ".join(filter(None, [head, qual])) + f" “{title}”"
                    out.append(
                        Mention.at(
                            text,
                            EVENT,
                            m.start(),
                            end,
                            label,
                            attrs={"event_type": head, "title": title, **_date_in(key, s_start, m.start())},
                        )
                    )
                    continue
            if not text[m.start()].isupper():
                continue
            if not (
                re.match(r"\s+(?:" + _NAME_STARTERS + r")(?!\w)", after)
                or re.match(r"\s+[" + UPPER + "]", text[m.end() : s_end])
            ):
                continue
            stop = _LABEL_STOP.search(text[m.end() : s_end])
            end = m.end() + (stop.start() if stop else len(text[m.end() : s_end]))
            label = re.sub(r"\s+(?:về|của|tại|với|và)$", "", text[m.start() : end].strip(" ,.…"))
            if len(label.split()) < 4:
                continue
            end = m.start() + len(label)
            out.append(
                Mention.at(
                    text,
                    EVENT,
                    m.start(),
                    end,
                    label,
                    attrs={"event_type": head, **_date_in(key, s_start, m.start())},
                )
            )
    return out


_LABEL_STOP = re.compile(
    r"[;“\"\n(:]|\.(?:\s|$)|,\s+(?=[" + UPPER + r"])|,\s+(?:tại|do|với|vào|đồng chí|các đồng chí)\s"
    r"|\s+(?:để|nhằm|sẽ|đã|tại|do|vào|với sự)\s"
)


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
    for ev in events:
        s_start, _ = _sentence_of(sentences, ev.start)
        between = key[s_start : ev.start]
        if re.search(r"tổ chức\s*$", between.rstrip() + " ") or "tổ chức" in between[-40:]:
            for org in orgs:
                if org.attrs.get("qualifier"):
                    continue
                if s_start <= org.start and org.end <= ev.start and "tổ chức" in key[org.end : ev.start]:
                    links.append(("organized_by", ev, org))
    for s_start, s_end in sentences:
        chair = _chair_re().search(key, s_start, s_end)
        if not chair:
            continue
        pos = chair.start()
        target = _event_for(events, key[chair.start(1) : chair.end(1)], pos)
        if target is None:
            continue
        for person in people:
            if s_start <= person.start and person.end <= pos:
                links.append(("chaired_by", target, person))
    return links


@cache
def _chair_re() -> re.Pattern:
    return re.compile(r"(?:đồng\s+)?chủ trì\s+(" + alternation([a for a, _ in lexicon().raw["event_types"]]) + r")")


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= pos < e:
            return s, e
    return 0, 0


def _event_for(events: list[Mention], head_key: str, pos: int) -> Mention | None:
    """The event that a later "hội thảo" refers to: the nearest earlier one of that kind, else the first."""
    same = [e for e in events if e.attrs.get("event_type", "").lower().startswith(" ".join(head_key.split()))]
    before = [e for e in same if e.start < pos]
    if before:
        return before[-1]
    return same[0] if same else None


# ---------------------------------------------------------------- named occasions
# Sessions, elections, congresses, anniversaries and festivals: the forms Party and State
# news uses for its occasions, beyond "hội nghị …" and "hội thảo …".

_SESSION = re.compile(r"(?<!\w)(kỳ họp|phiên họp)\s+thứ\s+(\d{1,3}|[a-zà-ỹ]+)(?!\w)")
_ELECTION = re.compile(
    r"(?<!\w)bầu cử\s+(?:đại biểu\s+)?(?:quốc hội|hội đồng nhân dân|hđnd)[^.;\n]{0,60}?"
    r"(?:khóa\s+[ivxl]+|nhiệm kỳ\s+\d{4}\s*-\s*\d{4})"
    r"(?:\s+và\s+(?:đại biểu\s+)?(?:hội đồng nhân dân|hđnd)(?:\s+các cấp)?(?:\s+nhiệm kỳ\s+\d{4}\s*-\s*\d{4})?)?"
)
_CANDIDACY = re.compile(
    r"(?<!\w)ứng cử\s+(?:đại biểu quốc hội|đbqh)(?:\s+khóa mới)?\s*\(?\s*khóa\s+([ivxl]+)(?!\w)\s*\)?"
)
_NATIONAL_CONGRESS = re.compile(
    r"(?<!\w)đại hội\s+(?:đại biểu\s+)?(?:toàn quốc\s+)?(?:lần thứ\s+)?([ivxl]+|\d{1,2})\s+(?:của\s+)?đảng(?!\s+bộ)"
    r"(?:\s+cộng sản việt nam)?|(?<!\w)đại hội\s+(?:đại biểu toàn quốc\s+)?(?:của\s+)?đảng cộng sản việt nam"
    r"\s+lần thứ\s+([ivxl]+|\d{1,2})"
)
_ORG_CONGRESS = re.compile(r"(?<!\w)đại hội\s+(?:đại biểu\s+)?(?=\S)")
_CONGRESS_TAIL = re.compile(r"(?:\s*,?\s*lần thứ\s+(?:[ivxl]+|\d{1,2}))?(?:\s*,?\s*nhiệm kỳ\s+\d{4}\s*-\s*\d{4})?")
_FESTIVAL = re.compile(r"(?<!\w)(Lễ hội|Liên hoan|Năm Du lịch|Lễ khai mạc|Tuần lễ|Ngày hội)\s+(?=[" + UPPER + r"“\"])")
_ABBREV = (("HĐND", "Hội đồng nhân dân"), ("UBND", "Ủy ban nhân dân"), ("ĐBQH", "đại biểu Quốc hội"))


def _expand(label: str) -> str:
    for short, full in _ABBREV:
        label = re.sub(rf"(?<!\w){short}(?!\w)", full, label)
    return label[:1].upper() + label[1:]


_FESTIVAL_STOP = re.compile(
    r"[,.;:()\n“”\"]|\s+[-–]\s+|\s+(?:và|của|tại|với|được|đã|sẽ|là|cho|diễn|năm nay|vào|để|cũng|nhằm|có|với chủ đề)\s"
)
_CONSULTATION = re.compile(r"(?<!\w)hội nghị hiệp thương\s+lần\s+(?:thứ\s+)?(\d+|nhất|hai|ba)(?!\w)")


def _festival_end(text: str, start: int) -> int:
    stop = _FESTIVAL_STOP.search(text, start, start + 100)
    return stop.start() if stop else start


def find_occasions(text: str, key: str, orgs: list[Mention]) -> list[Mention]:
    """Sessions ("kỳ họp thứ 6 của UBKT Tỉnh ủy Phú Yên"), elections, Party congresses,
    congresses of bodies, anniversaries and festivals."""
    out: list[Mention] = []
    by_start = {o.start: o for o in orgs}
    for m in _SESSION.finditer(key):
        after = re.compile(r"\s*(?:,\s*|của\s+|\(\s*)?").match(key, m.end()).end()
        org = by_start.get(after)
        attrs = {"event_type": text[m.start(1) : m.end(1)].capitalize(), "number": text[m.start(2) : m.end(2)]}
        end = m.end()
        if org is not None:
            attrs["org_span"] = (org.start, org.end)
            end = org.end
            term = re.compile(r"\s*\(?\s*khóa\s+([ivxl]+)\s*\)?").match(key, end)
            if term:
                attrs["term"] = term.group(1).upper()
                end = term.end()
        elif not re.match(r"\s+(?:của\s+)?(?:hđnd|hội đồng|quốc hội|ủy ban|ubkt)", key[m.end() : m.end() + 20]):
            continue  # "tại kỳ họp thứ 5" with no body named: not enough to name it
        label = f"{attrs['event_type']} thứ {attrs['number']}"
        out.append(Mention.at(text, EVENT, m.start(), end, label, attrs=attrs | {"session": True}))
    for m in _CONSULTATION.finditer(key):  # "hội nghị hiệp thương lần thứ 2": candidate lists for elections
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
    for m in _CANDIDACY.finditer(key):  # "ứng cử đại biểu Quốc hội khóa mới (khóa XV)": that election
        term = m.group(1).upper()
        out.append(
            Mention.at(
                text,
                EVENT,
                m.start(),
                m.end(),
                f"Bầu cử đại biểu Quốc hội khóa {term}",
                attrs={"event_type": "Bầu cử", "central": True},
            )
        )
    for m in _ELECTION.finditer(key):
        label = _expand(" ".join(text[m.start() : m.end()].split()))
        out.append(
            Mention.at(
                text,
                EVENT,
                m.start(),
                m.end(),
                label,
                attrs={"event_type": "Bầu cử", "central": "quốc hội" in m.group()},
            )
        )
    for m in _NATIONAL_CONGRESS.finditer(key):
        if key[max(0, m.start() - 12) : m.start()].rstrip().endswith("nghị quyết"):
            continue
        from kg.extract.resolutions import term_number

        term = term_number(m.group(1) or m.group(2))
        label = f"Đại hội đại biểu toàn quốc lần thứ {term} của Đảng"
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
    for m in _ORG_CONGRESS.finditer(key):
        if not text[m.start()].isupper() or key[max(0, m.start() - 12) : m.start()].rstrip().endswith("nghị quyết"):
            continue
        org = by_start.get(m.end())
        if org is None or org.attrs.get("base", {}).get("head") == "Đảng bộ" and "place" not in org.attrs["base"]:
            continue
        tail = _CONGRESS_TAIL.match(key, org.end)
        end = tail.end() if tail else org.end
        out.append(
            Mention.at(
                text,
                EVENT,
                m.start(),
                end,
                _expand(" ".join(text[m.start() : end].split())),
                attrs={
                    "event_type": "Đại hội",
                    "org_span": (org.start, org.end),
                    "suffix": " ".join(text[org.end : end].split()),
                },
            )
        )
    for m in _FESTIVAL.finditer(text):
        if text[m.end()] in '“"':
            from kg.extract.resolutions import _quoted

            title, end = _quoted(text, m.end())
            if not title:
                continue
        else:
            end = _festival_end(text, m.end())
        label = " ".join(text[m.start() : end].split()).strip('“”"')
        if len(label.split()) >= 3:
            out.append(Mention.at(text, EVENT, m.start(), end, label, attrs={"event_type": m.group(1)}))
    return out
