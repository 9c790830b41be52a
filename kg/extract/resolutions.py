"""Party and State instruments: numbered symbols and named references.

Numbered: ``Kết luận số 21-KL/TW ngày 25-10-2021 của Bộ Chính trị về “…”``,
``100 - KL/TW``, ``07-QĐi/TW``, ``80/2015/QH13``, ``24/2014/NĐ-CP``.
Named: ``Nghị quyết (Hội nghị) Trung ương 4 (khóa XI, XII)`` (one per term),
``Nghị quyết Đại hội XIII`` / ``Đại hội 12``. Short forms (``Chỉ thị 39``) are kept
as candidates for the resolver, which ties them to a symbol the article gave.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.lexicon import alternation, lexicon, load_json, not_after_first, place_at, word_start
from kg.extract.organizations import _name_tokens, org_mention, parse_org
from kg.records import EVENT, RESOLUTION, Mention
from kg.textnorm import UPPER, match_key

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman(n: int) -> str:
    vals = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def term_number(token: str) -> str:
    """'12' or 'xii' → 'XII'."""
    token = token.strip().lower()
    if token.isdigit():
        return roman(int(token))
    return token.upper()


_PARTY_SYMBOL = re.compile(
    r"(\d"
    + not_after_first(r"[\w/-]")
    + r"\d{0,3})\s?-\s?([A-ZĐ][A-Za-zĐđ]{0,3})\s?/\s?(T\.Ư|[A-ZĐ][A-ZĐƯa-z0-9]{0,9}(?:-[A-ZĐ0-9]+)?)(?![\w-])"
)
# the codes that alone made the symbols of the Government, the Prime Minister and the Council of Ministers
# before 2000 ("Nghị định 64/CP", "Quyết định 178/TTg", "Nghị định 12-HĐBT")
_OLD_ISSUERS = {"CP": "CP", "TTG": "TTg", "HĐBT": "HĐBT"}
# "24/2014/NĐ-CP", "80/2015/QH13", written also "116/2020/NĐ - CP", "1179/ QĐ BGDĐT" (spaced, or a space
# for the hyphen before an all-capital issuer)
_STATE_SYMBOL = re.compile(
    r"(\d" + not_after_first(r"[\w/-]") + r"\d{0,4})/ ?(?:(\d{4}) ?/ ?)?([A-ZĐ][A-Za-zĐđ]{0,7})"
    r"(?:(\d{1,2})|(?: ?- ?| (?=[A-ZĐ]{2}[A-ZĐ0-9]*(?![\w-])))"
    r"([A-ZĐ][A-Za-zĐđ0-9]{0,9}(?:-[A-ZĐ][A-ZĐƯ0-9]{1,11}){0,3}))?(?![\w-])"
)
# joint instruments of several issuers: "Thông tư liên tịch số 01/2015/TTLT-BGDĐT-BNV"
_JOINT = {"TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch"}
# instruments numbered "N/ISSUER-OFFICE" without a type code in the symbol
_ISSUER_FIRST = frozenset({"Công văn", "Công điện", "Thông báo", "Tờ trình"})
# a central Party symbol written the state way round: "29/NQ-TƯ", "29-NQ-TƯ"
_SWAPPED_PARTY = re.compile(
    r"(?<![\w/-])(\d{1,4})\s?[/-]\s?(NQ|CT|KL|QĐi|QĐ|HD|KH|CTr|TB|BC)\s?[-/]\s?(TW|TƯ|T\.Ư)(?![\w-])"
)
# "Nghị định số 131/2018", "Thông tư 08/2017 của Bộ LĐ-TB&XH", "Quyết định số 4168/2006 của UBND thành phố":
# a number and year without the type and issuer codes the symbol holds
_BY_YEAR = re.compile(
    r"(?<!\w)(nghị định|thông tư|quyết định|nghị quyết|chỉ thị)\s+(?:số\s+)?(\d{1,4})\s*[/-]\s*((?:19|20)\d\d)"
    r"(?![\w/-])"
)
_BY_YEAR_ISSUER = re.compile(r"\s*,?\s*(?:ngày\s+[\d/.-]+\s+)?(?:của|do)\s+")
# the Prime Minister's decisions, directives and dispatches, the Government's resolutions and decrees
_GOVERNMENT_CODES = {
    ("thủ tướng", "Quyết định"): "QĐ-TTg",
    ("thủ tướng", "Chỉ thị"): "CT-TTg",
    ("thủ tướng", "Công điện"): "CĐ-TTg",
    ("chính phủ", "Nghị quyết"): "NQ-CP",
    ("chính phủ", "Nghị định"): "NĐ-CP",
}
# the codes the issuers give their instruments: "… của Thủ tướng" → QĐ-TTg; a ministry's circulars, TT-<ministry>
_YEAR_CODES = {
    **_GOVERNMENT_CODES,
    ("ubnd", "Quyết định"): "QĐ-UBND",
    ("ubnd", "Chỉ thị"): "CT-UBND",
    ("hđnd", "Nghị quyết"): "NQ-HĐND",
}
_DATED_BY_YEAR = frozenset({"QĐ-UBND", "CT-UBND"})
_DISPATCH_BEFORE = re.compile(r"(?<!\w)văn bản\s+(?:(?:khẩn|hỏa tốc|thượng khẩn)\s+)?(?:số\s+)?$")
_DATE = re.compile(r"\s*,?\s*(?:ban hành\s+)?ngày\s+(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_DATE_WORDS = re.compile(r"\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_TERM = re.compile(r"\s*[,(]?\s*khóa\s+([ivxl]+|\d+)((?:\s*(?:,|và)\s*(?:khóa\s+)?(?:[ivxl]+|\d+)(?!\w))*)\s*\)?")
_TERM_ITEM = re.compile(r"[ivxl]+|\d+")
_SO = re.compile(r"\s+(?:số\s+)?")


def _legislature(year: int) -> int | None:
    """The National Assembly (khóa) that sat through the whole year: 2017 → 14 (2016-2021); None
    for a year two of them shared (2016, 2021) or one before 2003."""
    if 2003 <= year <= 2006:
        return 11
    if 2008 <= year <= 2010:
        return 12
    if year >= 2012 and year % 5 != 1:
        return (year - 2012) // 5 + 13
    return None


def _year_codes(key: str, pos: int, type_word: str, year: int) -> str | None:
    """The type and issuer codes of "<type> N/YYYY" from the issuer named after it ("của Quốc hội")."""
    m = _BY_YEAR_ISSUER.match(key, pos)
    if not m:
        return None
    issuer = _issuer_of_year_re().match(key, m.end())
    if not issuer:
        return None
    body = issuer.group(1)
    if body.startswith(("ủy ban nhân dân", "ubnd")):
        body = "ubnd"
    elif body.startswith(("hội đồng nhân dân", "hđnd")):
        body = "hđnd"
    elif body.startswith("thủ tướng"):
        body = "thủ tướng"
    if body == "quốc hội":
        course = _legislature(year)
        return f"QH{course}" if type_word == "Nghị quyết" and course else None
    if (body, type_word) in _YEAR_CODES:
        return _YEAR_CODES[body, type_word]
    ministry = _ministry_codes().get(re.sub(r"\s+", " ", body))
    return f"TT-{ministry}" if ministry and type_word == "Thông tư" else None


@cache
def _ministry_codes() -> dict[str, str]:
    """key of a ministry's written name → the code its circulars bear (central_instruments.json)."""
    return {
        match_key(name): code
        for code, names in load_json("central_instruments.json")["issuer_codes"].items()
        for name in names
    }


@cache
def _issuer_of_year_re() -> re.Pattern:
    bodies = r"thủ tướng(?:\s+chính phủ)?|chính phủ|quốc hội|ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân"
    return re.compile(r"(" + bodies + "|" + alternation(list(_ministry_codes())) + r")(?!\w)")


def canonical_party_symbol(num: str, code: str, issuer: str) -> str:
    code_up = code.upper()
    spelled = lexicon().raw["symbol_code_spelling"].get(code_up, code_up)
    return f"{int(num):02d}-{spelled}/{issuer.upper().replace('T.Ư', 'TW').replace('TƯ', 'TW')}"


@cache
def _type_word_re() -> re.Pattern:
    return re.compile(
        r"(" + alternation(list(lexicon().raw["instrument_types"])) + r")(?:\s+(?:khẩn|hỏa tốc|thượng khẩn))?"
        r"(?:\s+số)?\s*$"
    )


def _type_before(key: str, start: int) -> tuple[str | None, int]:
    """An instrument type word ("kết luận số") ending just before ``start``; "thông báo kết luận" is a
    Thông báo (a notice of the conclusions of a meeting)."""
    window = key[max(0, start - 40) : start]
    m = _type_word_re().search(window)
    if not m:
        return None, start
    type_word = lexicon().instrument_types[re.sub(r"\s+", " ", m.group(1))]
    begin = start - (len(window) - m.start())
    notice = _NOTICE_OF.search(key, max(0, begin - 12), begin)
    if type_word == "Kết luận" and notice:
        return "Thông báo", notice.start()
    return type_word, begin


_NOTICE_OF = re.compile(r"(?<!\w)thông báo\s+$")


def _tail(text: str, key: str, pos: int, attrs: dict) -> int:
    """Date, issuer and quoted title that follow a reference; returns the new end."""
    m = _DATE.match(key, pos) or _DATE_WORDS.match(key, pos)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        if 1 <= d <= 31 and 1 <= mo <= 12:
            attrs["issued"] = f"{y:04d}-{mo:02d}-{d:02d}"
            pos = m.end()
    m = re.compile(r"\s*,?\s*của\s+").match(key, pos)
    plenum = re.compile(r"\s*,?\s*của\s+hội nghị\s+(?:lần thứ\s+\S+\s+)?(?:ban chấp hành\s+)?trung ương").match(
        key, pos
    )
    if plenum:  # "của Hội nghị Trung ương 4 (khóa XIII)": the Central Committee issued it
        attrs["issuer_label"] = "Ban Chấp hành Trung ương"
    elif m:
        org = parse_org(text, key, m.end(), allow_generic=True)
        if org:
            attrs["issuer_span"] = (org.start, org.end)
            pos = org.end
            t = _TERM.match(key, pos)
            if t:
                pos = t.end()
    attrs["head_end"] = pos  # where the date and issuer end: a link to the next instrument may follow
    m = re.compile(r"\s*,?\s*(?:về\s+(?:việc\s+)?)?[“\"]").match(key, pos)
    if m:
        title, end = _quoted(text, m.end() - 1)
        if title:
            attrs["title"] = title
            return end
    m = _ABOUT.match(key, pos)
    if m:  # an unquoted subject: "về đẩy mạnh …, Thành ủy đã …" runs to a clause that starts with a capital
        stop = _ABOUT_END.search(text, m.end(), min(len(text), m.end() + 300))
        end = stop.start() if stop else -1
        title = text[m.start(1) : end].strip() if end > 0 else ""
        if len(title.split()) >= 3:
            attrs["title"] = title[:1].upper() + title[1:]
            pos = end
    return pos


_ABOUT = re.compile(r"\s*,?\s*(về\s+\S)")
_ABOUT_END = re.compile(r"[;\n(“\"]|\.(?:\s|$)|,\s+(?=[" + UPPER + r"])|\s+(?:của|do|tại|đã|và đã)\s")


def _quoted(text: str, open_pos: int, unclosed_ok: bool = False) -> tuple[str | None, int]:
    """Text inside “…” starting at ``open_pos``, allowing nested quotes, within one line.

    With ``unclosed_ok`` a quote left open runs to the end of its line (writers forget it).
    """
    depth = 0
    for i in range(open_pos, min(len(text), open_pos + 400)):
        ch = text[i]
        if ch == "“":
            depth += 1
        elif ch in '”"':
            if ch == '"' and i == open_pos:
                depth += 1
                continue
            depth -= 1
            if depth == 0:
                return text[open_pos + 1 : i].strip(), i + 1
        elif ch == "\n":
            if unclosed_ok:
                return text[open_pos + 1 : i].strip().rstrip("."), i
            break
    return None, open_pos


def find_resolutions(text: str, key: str) -> list[Mention]:
    """Numbered, named and short-form references to instruments, in text order."""
    lex = lexicon()
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _PARTY_SYMBOL.finditer(text):
        num, code, issuer = m.groups()
        kind = lex.symbol_codes.get(code.upper())
        if kind is None:
            continue
        type_word, start = _type_before(key, m.start())
        attrs = {
            "symbol": canonical_party_symbol(num, code, issuer),
            "number": int(num),
            "code": code.upper(),
            "issuer_code": issuer.upper(),
            "type": type_word or kind,
        }
        end = _tail(text, key, m.end(), attrs)
        label = f"{attrs['type']} số {attrs['symbol']}"
        found.append(Mention.at(text, RESOLUTION, start, m.end(), label, attrs=attrs | {"tail_end": end}))
        taken.append((start, m.end()))
    for m in _STATE_SYMBOL.finditer(text):
        num, year, code, course, issuer = m.groups()
        code_up = code.upper()
        if not year and issuer and issuer.upper() in ("TW", "TƯ", "T.Ư") and _SWAPPED_PARTY.match(text, m.start()):
            continue  # "Nghị quyết số 35/NQ-TW": the Party's 35-NQ/TW written the state way round, below
        if course:  # 80/2015/QH13
            kind = "Luật" if code_up == "QH" else None
        else:
            kind = lex.symbol_codes.get(code_up) or _JOINT.get(code_up)
        type_word, start = _type_before(key, m.start())
        if kind is None and type_word is None and issuer and code.isupper() and not year and not course:
            dispatch = _DISPATCH_BEFORE.search(key, max(0, m.start() - 20), m.start())
            if dispatch:  # "văn bản số 3370/BGTVT-ĐTCT": an official dispatch, by its issuer and office
                type_word, start = "Công văn", dispatch.start()
        if kind is None and type_word in _ISSUER_FIRST and code.isupper() and not year and not course:
            kind = type_word  # "công văn số 1159/UBND-VX3": the issuer and its office, no type code
        if kind is None and type_word and lex.raw["instrument_types"].get(type_word, "").upper() == code_up:
            kind = type_word  # "Pháp lệnh số 06/2008/PL-UBTVQH12": the code the type word names
        old_style = kind is None and type_word and not (year or issuer or course) and code_up in _OLD_ISSUERS
        if old_style:  # "Nghị định số 64/CP" (1993), "Quyết định 178/TTg": the issuer's code alone, as written
            kind, code = type_word, _OLD_ISSUERS[code_up]
        if kind is None or (not year and not issuer and not course and not old_style):
            continue
        if type_word is None and not (year or issuer):
            continue
        if issuer and issuer.upper() == "TTG":
            issuer = "TTg"  # "100/QĐ-TTG": the Prime Minister's code is written "TTg"
        symbol = f"{num}/{year + '/' if year else ''}{code}{course or ''}{'-' + issuer if issuer else ''}"
        attrs = {
            "symbol": symbol,
            "number": int(num),
            "code": code_up,
            "issuer_code": (issuer or code + (course or "")).upper(),
            "type": type_word or kind,
            "state": True,
        }
        end = _tail(text, key, m.end(), attrs)
        found.append(
            Mention.at(
                text,
                RESOLUTION,
                start,
                m.end(),
                f"{attrs['type']} số {symbol}",
                attrs=attrs | {"tail_end": end},
            )
        )
        taken.append((start, m.end()))
    swapped = "TW" in text or "TƯ" in text or "T.Ư" in text
    for m in _SWAPPED_PARTY.finditer(text) if swapped else ():  # "Nghị quyết 29/NQ-TƯ": 29-NQ/TW written state-style
        if _overlaps(taken, m.start(), m.end()):
            continue
        num, code, _ = m.groups()
        type_word, start = _type_before(key, m.start())
        attrs = {
            "symbol": canonical_party_symbol(num, code, "TW"),
            "number": int(num),
            "code": code.upper(),
            "issuer_code": "TW",
            "type": type_word or lex.symbol_codes[code.upper()],
        }
        end = _tail(text, key, m.end(), attrs)
        label = f"{attrs['type']} số {attrs['symbol']}"
        found.append(Mention.at(text, RESOLUTION, start, m.end(), label, attrs=attrs | {"tail_end": end}))
        taken.append((start, m.end()))
    by_year = any(w in key for w in ("nghị định", "thông tư", "quyết định", "nghị quyết", "chỉ thị"))
    for m in _BY_YEAR.finditer(key) if by_year else ():  # "Nghị định số 131/2018": every decree is N/YYYY/NĐ-CP
        if _overlaps(taken, m.start(), m.end()):
            continue
        type_word = lex.instrument_types[m.group(1)]
        codes = "NĐ-CP" if type_word == "Nghị định" else _year_codes(key, m.end(), type_word, int(m.group(3)))
        if codes is None:
            continue  # "Thông tư 18/2019" with no issuer: its symbol cannot be told
        # "Quyết định số 4168/2006 của UBND thành phố": a people's committee's decision is numbered N/QĐ-UBND, the
        # year the writer adds is its date's (only its few normative ones carry the year, and are cited in full)
        dated = codes in _DATED_BY_YEAR
        symbol = f"{m.group(2)}/{codes}" if dated else f"{m.group(2)}/{m.group(3)}/{codes}"
        code, _, issuer = codes.partition("-")
        attrs = {
            "symbol": symbol,
            "number": int(m.group(2)),
            "code": code.upper(),
            "issuer_code": (issuer or code).upper(),
        }
        attrs |= {"type": type_word, "state": True}
        end = _tail(text, key, m.end(), attrs)
        label = f"{type_word} số {symbol}"
        found.append(Mention.at(text, RESOLUTION, m.start(), m.end(), label, attrs=attrs | {"tail_end": end}))
        taken.append((m.start(), m.end()))
    found += _named(text, key, taken)
    congresses = [f for f in found if "congress_tenure" in f.attrs]
    found += _programmes(text, key, taken + [(f.start, f.end) for f in found])
    for p in found if congresses else ():
        inner = next((c for c in congresses if p.start < c.start and c.end <= p.end), None)
        if inner is not None and p.attrs.get("type") in ("Chương trình", "Kế hoạch", "Đề án", "Chiến lược"):
            # the congress in a programme's title is written as the resolver names it: "… Nghị quyết Đại hội Đảng
            # bộ thành phố Cần Thơ nhiệm kỳ 2020-2025"
            p.attrs["inner_congress"] = {
                "before": " ".join(text[p.start : inner.start].split()),
                "org": inner.attrs["congress_org"],
                "tenure": inner.attrs["congress_tenure"],
                "after": " ".join(text[inner.end : p.end].split()),
            }
    found += _laws_and_charters(text, key, taken)
    found += _short_forms(text, key, taken)
    notices = _government_office_notices(text, key)
    if notices:  # "Thông báo số 125" found as a short form: the notice with its symbol instead
        found = [f for f in found if not _overlaps([(n.start, n.end) for n in notices], f.start, f.end)] + notices
    found.sort(key=lambda mm: (mm.start, mm.end))
    return found


# a plenum's number after "Trung ương" ("Hội nghị Trung ương 4", "Hội nghị BCH Trung ương Đảng lần thứ 4"), or
# its ordinal, in figures or words, before "Ban Chấp hành Trung ương" ("Hội nghị lần thứ tư Ban Chấp hành
# Trung ương Đảng khóa XIII")
_WORD_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_TENS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "lăm": 5, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_ORDINAL_WORDS = (
    r"\d{1,2}|[ivx]+|mười(?:\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín)(?!\w))?|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín"
)
_PLENUM_NUMBER = (
    r"(?:(?:lần thứ\s+)?(?:ban chấp hành\s+)?trung ương\s+(?:đảng\s+)?"
    r"(?:(?P<num>\d{1,2}|[ivx]+)|lần thứ\s+(?P<after>" + _ORDINAL_WORDS + r"))(?!\w)"
    r"|lần thứ\s+(?P<ord>" + _ORDINAL_WORDS + r")\s+(?:của\s+)?ban chấp hành trung ương"
    r"(?:\s+đảng(?:\s+cộng sản việt nam)?)?(?!\w))"
    r"(?:\s*\(?lần\s+(?P<part>\d)\)?)?"
)
_NAMED_TW = re.compile(r"(?<!\w)(?P<kind>nghị quyết|kết luận)\s+(?:của\s+)?(?:hội nghị\s+)?" + _PLENUM_NUMBER)
_NAMED_CONGRESS = re.compile(
    r"(?<!\w)nghị quyết\s+đại hội\s+(?:đại biểu\s+)?(?:đảng\s+)?(?:toàn quốc\s+)?(?:lần thứ\s+)?"
    r"([ivxl]+|\d{1,2})(?!\w)(?:\s+của\s+đảng(?!\s+bộ))?"
)
_PLENUM = re.compile(r"(?<!\w)hội nghị\s+" + _PLENUM_NUMBER)


def _plenum_number(m: re.Match) -> int:
    """4 from "4", "iv", "tư"; 12 from "mười hai"."""
    written = m.group("num") or " ".join((m.group("ord") or m.group("after")).split())
    if written.isdigit():
        return int(written)
    if written in _WORD_ORDINALS:
        return _WORD_ORDINALS[written]
    if written.startswith("mười "):
        return 10 + _TENS[written.split()[1]]
    return _roman_value(written)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _terms(key: str, pos: int) -> tuple[list[str], int]:
    t = _TERM.match(key, pos)
    if not t:
        return [], pos
    terms = [term_number(t.group(1))] + [term_number(x) for x in _TERM_ITEM.findall(t.group(2) or "")]
    return terms, t.end()


@cache
def _plenum_table() -> frozenset[tuple[str, int, str]]:
    """(type, plenum, term) of the instruments the reference table names by their plenum."""
    return frozenset((e["type"], e["plenum"], e["term"]) for e in lexicon().instruments if "plenum" in e)


def _named(text: str, key: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _NAMED_TW.finditer(key) if "nghị quyết" in key or "kết luận" in key else ():
        plenum = _plenum_number(m)
        terms, end = _terms(key, m.end())
        kind = "Kết luận" if m.group("kind") == "kết luận" else "Nghị quyết"
        if kind == "Kết luận":  # "Kết luận Hội nghị Trung ương 4 khóa XIII": only one the reference table numbers
            terms = [t for t in terms if (kind, plenum, t) in _plenum_table()]
        if not terms:
            continue
        for term in terms:
            label = f"{kind} Trung ương {plenum}{' lần ' + m.group('part') if m.group('part') else ''} khóa {term}"
            attrs = {"type": kind, "plenum": plenum, "term": term, "named": True}
            tail: dict = {}
            _tail(text, key, end, tail)
            if "title" in tail and len(terms) == 1:
                attrs["title"] = tail["title"]
            out.append(Mention.at(text, RESOLUTION, m.start(), end, label, attrs=attrs))
        taken.append((m.start(), end))
    for m in _NAMED_CONGRESS.finditer(key) if "nghị quyết" in key else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        term = term_number(m.group(1))
        attrs = {"type": "Nghị quyết", "congress": term, "term": term, "named": True}
        end = m.end()
        local = re.compile(r"\s+(?:của\s+)?(?=đảng bộ)").match(key, m.end())
        if local:  # "Nghị quyết Đại hội XVII (của) Đảng bộ thành phố": a local congress's resolution
            org = parse_org(text, key, local.end(), allow_generic=True)
            if org is None:
                continue
            attrs["congress_org"] = org_mention(text, org)
            end = org.end
        label = f"Nghị quyết Đại hội {term}"
        out.append(Mention.at(text, RESOLUTION, m.start(), end, label, attrs=attrs))
        taken.append((m.start(), end))
    for m in _NAMED_LOCAL_CONGRESS.finditer(key) if "nghị quyết" in key else ():
        # "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020-2025": the body before the number
        if _overlaps(taken, m.start(), m.end()):
            continue
        org = parse_org(text, key, m.end(), allow_generic=True)
        number = org and _CONGRESS_NUMBER.match(key, org.end)
        tenure = org and not number and _CONGRESS_TENURE.match(key, org.end)
        if tenure:  # "Nghị quyết Đại hội Đảng bộ TP Cần Thơ nhiệm kỳ 2020-2025": the congress named by its tenure
            attrs = {"type": "Nghị quyết", "named": True, "congress_org": org_mention(text, org)}
            attrs["congress_tenure"] = f"nhiệm kỳ {tenure.group(1)}-{tenure.group(2)}"
            out.append(Mention.at(text, RESOLUTION, m.start(), tenure.end(), "Nghị quyết Đại hội", attrs=attrs))
            taken.append((m.start(), tenure.end()))
            continue
        if not number:
            continue
        term = term_number(number.group(1))
        attrs = {"type": "Nghị quyết", "congress": term, "term": term, "named": True}
        attrs["congress_org"] = org_mention(text, org)
        label = f"Nghị quyết Đại hội {term}"
        out.append(Mention.at(text, RESOLUTION, m.start(), number.end(), label, attrs=attrs))
        taken.append((m.start(), number.end()))
    return out


_NAMED_LOCAL_CONGRESS = re.compile(r"(?<!\w)nghị quyết\s+đại hội\s+(?:đại biểu\s+)?(?=đảng bộ)")
_CONGRESS_TENURE = re.compile(r"\s*,?\s*\(?nhiệm kỳ\s*(\d{4})\s*[-–]\s*(\d{4})(?!\d)\)?")
_CONGRESS_NUMBER = re.compile(
    r"\s*,?\s*lần thứ\s+([ivxl]+|\d{1,2})(?!\w)(?:\s*,?\s*\(?nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}\)?)?"
)


def _roman_value(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.lower()):
        v = _ROMAN.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


_SHORT = re.compile(
    r"(?<!\w)("
    + "|".join(
        [
            "chỉ thị",
            "nghị quyết",
            "kết luận",
            "quy định",
            "quyết định",
            "kế hoạch",
            "hướng dẫn",
            "đề án",
            "nghị định",
            "thông tư",
            "thông báo",
            "công điện",
            "công văn",
            "luật",
            "văn bản",
        ]
    )
    + r")\s+(số\s+)?(\d{1,4})(?![\d/\-\w])"
)
# "Luật số 34", "văn bản số 1123 của Bộ Công an": a law or a dispatch counts only numbered with "số"
_NUMBERED_ONLY = {"luật": "Luật", "văn bản": "Văn bản"}


_CENTRAL_ISSUER = re.compile(
    r"\s*,?\s*(?:ngày\s+[\d/.-]+\s+)?(?:năm\s+\d{4}\s+)?của\s+"
    r"(bộ chính trị|ban bí thư|ban chấp hành trung ương|bch trung ương|trung ương|thủ tướng chính phủ|thủ tướng"
    r"|chính phủ)(?!\w)"
)
# a company's board or shareholders: "Nghị quyết số 156, HĐQT Eximbank đã thông qua …" is no public instrument
_COMPANY = re.compile(r"(?<!\w)(?:hđqt|hội đồng quản trị|cổ đông|công ty|ngân hàng|tập đoàn)(?!\w)")
# "(Thủ tướng) Chính phủ phê duyệt tại Quyết định số 649": the Prime Minister's decision
_GOVERNMENT_APPROVED = re.compile(r"(?:thủ tướng|chính phủ)(?:\s+đã)?\s+phê duyệt\s+(?:tại|theo|bằng)\s+$")
_PARTY_CODES = {
    "Nghị quyết": "NQ",
    "Chỉ thị": "CT",
    "Kết luận": "KL",
    "Quy định": "QĐi",
    "Quyết định": "QĐ",
    "Hướng dẫn": "HD",
    "Kế hoạch": "KH",
}


_PEOPLES_COMMITTEE_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:ngày[^,.;]{0,25}\s+)?của\s+(?:chủ tịch\s+)?(?:ubnd|ủy ban nhân dân)(?!\w)"
)
_COUNCIL_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:ngày[^,.;]{0,25}\s+)?của\s+(?:thường trực\s+)?(?:hđnd|hội đồng nhân dân)(?!\w)"
)
_MINISTRY_AFTER = re.compile(r"\s*(?:,\s*)?(?:ngày[^,.;]{0,25}\s+)?của\s+(?:bộ trưởng\s+|thống đốc\s+)?")


def _ministry_after(key: str, pos: int) -> str | None:
    """The code of the ministry named after a number ("… của Bộ trưởng Bộ Y tế" → BYT)."""
    m = _MINISTRY_AFTER.match(key, pos)
    body = m and _issuer_of_year_re().match(key, m.end())
    return _ministry_codes().get(re.sub(r"\s+", " ", body.group(1))) if body else None


_PEOPLES_COMMITTEE_BEFORE = re.compile(r"(?:ubnd|ủy ban nhân dân)[^.;]{0,40}\s(?:ban hành|có|ra)\s+$")


_PROGRAMME = re.compile(
    r"(" + word_start(["Đề án", "đề án", "Chương trình", "Chiến lược", "Quy hoạch", "Kế hoạch"]) + r")\s+(?=\w)"
)
# a scheme or programme with its title in quotes: 'phê duyệt Đề án “Giáo dục hướng nghiệp … giai đoạn 2018-2025”'
_QUOTED_PROGRAMME = re.compile(
    r"("
    + word_start(["Đề án", "đề án", "Chương trình", "chương trình", "Chiến lược", "chiến lược", "Kế hoạch"])
    + r")\s?(?=[“\"])"
)
_HORIZON = r"(?:\s*,?\s*(?:và\s+)?(?:(?:với\s+)?tầm nhìn|định hướng)\s+đến\s+(?:năm\s+)?\d{4})"
# "giai đoạn 2021 - 2025", "thời kỳ 2021-2030, tầm nhìn đến năm 2050", "đến năm 2025, định hướng đến năm 2030"
_PERIOD = re.compile(
    r"\s+(?:giai đoạn|thời kỳ|nhiệm kỳ)\s*\d{4}\s*[-–]\s*\d{4}" + _HORIZON + "?"
    r"|\s+đến\s+năm\s+\d{4}(?!\d)" + _HORIZON + "?" + r"|" + _HORIZON
)
# the two programmes the National Assembly (or a council) adopts for each year
_ANNUAL_PROGRAMME = re.compile(
    r"(?<!\w)chương trình\s+(?:xây dựng luật\s*,?\s*(?:và\s+)?pháp lệnh|giám sát"
    r"(?:\s+của\s+(?:quốc hội|hđnd|hội đồng nhân dân)"
    r"(?:\s+(?:tỉnh|thành phố|huyện|quận|thị xã)(?:\s+[^\s,.;:()]+){1,3}?)?)?)"
    r"\s+năm\s+\d{4}(?!\d)"
)


_EXPLAINED = re.compile(r"\s*\([A-ZĐ][A-ZĐ&-]{1,8}\)(?=\s)")
_COUNTED = re.compile(r"(?:(?<!\w)\d+|(?<!\w)(?:các|những|nhiều|mỗi|hai|ba|bốn|năm))\s+$")
# a title that runs to "đến năm 2025" holds no clause ("Kế hoạch … của ABBank là đến năm 2025")
_CLAUSE_IN_TITLE = re.compile(r",(?!\s*chống)|(?<!\w)(?:là|có|được|sẽ|đã|phải|nhằm|để|đặt|mục tiêu|từ)(?!\w)")
_PLACE_AFTER = re.compile(r"\s+(?:tỉnh|thành phố|huyện|quận|thị xã)\s+")


# what a scheme written as an object is being done to: "xây dựng Đề án …", "phê duyệt Đề án …" (on the key)
_SCHEME_OBJECT = re.compile(
    r"(?<!\w)(?:xây dựng|hoàn thành|hoàn thiện|phê duyệt|ban hành|triển khai|thực hiện|theo|trình|lập|thông qua)\s+$"
)
# where its title ends: punctuation, a clause after a comma, or a word that opens a clause
_SCHEME_TITLE_END = re.compile(
    r"[.;:()\n“”\"!?]|,\s+(?:trong đó|đồng thời|nhằm|để|với|theo|sau|trước|khi|nhưng|song|còn|và|từ|đến|tuy|đã|sẽ)\s"
    r"|\s(?:đối với|được|là|làm căn cứ|trình|nhằm|đã|sẽ|đang|vừa|cũng|thì|mà|với|tại|vào|từ|đến|theo|cho|của|nêu trên"
    r"|này|bao gồm|gồm)(?!\w)"
)
# a scheme each of several bodies has of its own is a kind of scheme, not one (on the key)
_EACH_ONE = re.compile(r"(?<!\w)(?:cho|của) (?:từng|mỗi)(?!\w)")
_MANY_ISSUERS = re.compile(
    r"(?<!\w)(?:các|những) (?:địa phương|tỉnh|trường|cơ sở|đơn vị|bộ|ngành|sở)(?!\w)[^.;:]{0,40}"
    r"(?:ban hành|xây dựng|lập|phê duyệt|trình|thực hiện|triển khai)\s+$"
)
_SCHEME_NOT_A_TITLE = re.compile(r"(?:và|hoặc|này|đó|trên|mới|của|cho|với|các|những)(?!\w)")


def _named_mention(text: str, start: int, end: int, label: str, kind: str) -> Mention:
    """An instrument named without a number: a law, a charter, a scheme, a strategy."""
    return Mention.at(text, RESOLUTION, start, end, label, attrs={"type": kind, "named": True})


def _programmes(text: str, key: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Schemes and programmes named without a number: "Đề án Phát triển du lịch tỉnh Đồng Tháp giai
    đoạn 2015 - 2020", "đề án Công viên địa chất toàn cầu Lý Sơn - Sa Huỳnh", "Đề án đào tạo … giai
    đoạn 2011 - 2015 và định hướng đến năm 2020". A scheme (đề án) counts with a proper name or its
    period; a programme, strategy or plan only with its period ("Chương trình Học bổng Tài năng" is
    not a Party or State instrument)."""
    out = []
    programmes = any(w in key for w in ("đề án", "chương trình", "chiến lược", "quy hoạch", "kế hoạch"))
    for m in _PROGRAMME.finditer(text) if programmes else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        pos = m.end()
        before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 20) : m.start()])
        if before and before.group(1)[:1].isupper() or not text[pos].isalpha():
            continue  # "Viện Quy hoạch Xây dựng Hà Nội": part of a body's name; "Đề án 89)"
        if text[pos].isupper() and parse_org(text, key, pos) is not None:
            continue  # "Đề án Chính phủ trình": the body that presents it
        if _COUNTED.search(key, max(0, m.start() - 12), m.start()):
            continue  # "10 Chương trình công tác của Thành ủy …": several, not one named
        period = next(_PERIOD.finditer(text, pos, min(len(text), pos + 160)), None)
        # "Chiến lược phát triển giao thông vận tải (GTVT) đường sắt …": an abbreviation the title explains is no part
        title = _EXPLAINED.sub("", text[pos : period.start()]) if period is not None else ""
        if (
            period is not None
            and (
                not title.strip()  # "Đề án định hướng đến năm 2015": no title
                or any(c in title for c in '.;:!?()\n"“”')
                or re.search(r"(?:sang|trong|cho|của|và)$", text[pos : period.start()])
                or not re.match(r"\s*(?:giai|thời|nhiệm)", key[period.start() : period.end()])
                and (m.group(1) == "Quy hoạch" or _CLAUSE_IN_TITLE.search(key, pos, period.start()))
            )
        ):
            period = None
        is_scheme = m.group(1).lower() == "đề án"
        if m.group(1) == "Kế hoạch" and (period is None or _CLAUSE_IN_TITLE.search(key, pos, period.start())):
            continue  # a plan counts only with its title and period: "Kế hoạch hướng nghiệp … giai đoạn 2018 - 2025"
        annual = _ANNUAL_PROGRAMME.match(key, m.start())
        if annual:  # "Chương trình giám sát của Quốc hội năm 2022"
            end = annual.end()
        elif period is not None and (text[pos].isupper() or m.group(1)[0].isupper()):
            end = period.end()  # a title with its period: "… giai đoạn 2015 - 2020"
        elif is_scheme and m.group(1) == "Đề án" and _SCHEME_OBJECT.search(key, max(0, m.start() - 24), m.start()):
            # a capitalised scheme with the title it is written with: "hoàn thành Đề án đầu tư xây dựng huyện
            # thành quận đối với 5 huyện", "triển khai xây dựng Đề án quản lý, sử dụng tài sản … do Nhà nước đầu tư"
            stop = _SCHEME_TITLE_END.search(key, pos - 1, min(len(key), pos + 240))  # from the space before it
            end = stop.start() if stop else -1
            if end < 0 or not 4 <= len(key[pos:end].split()) <= 30 or _SCHEME_NOT_A_TITLE.match(key, pos):
                continue
            if _EACH_ONE.search(key[end : end + 80].split(".")[0]) or _MANY_ISSUERS.search(
                key, max(0, m.start() - 60), m.start()
            ):
                continue  # one of each: "Đề án … phê duyệt cho từng cơ sở", "các địa phương ban hành Đề án …"
        elif is_scheme and text[pos].isupper():  # a proper name: "đề án Công viên địa chất toàn cầu …"
            end = _name_tokens(text, pos, limit=16)
            place = _PLACE_AFTER.match(text, end)
            if place and place_at(text, place.end()):
                end = place.end() + len(place_at(text, place.end())[0])
            elif (
                re.match(r" [a-zà-ỹđ]", text[end : end + 2])
                and not _SCHEME_TITLE_END.match(key, end)
                and len(text[pos:end].split()) >= 2
                and "\n" not in text[m.start() : pos]
            ):
                # a title in sentence case goes on in lower case: "đề án Thí điểm đào tạo Chương trình song bằng
                # THCS Việt Nam và chứng chỉ IGCSE Cambridge tại …"
                stop = _SCHEME_TITLE_END.search(key, end, min(len(key), pos + 240))
                end = stop.start() if stop and len(key[pos : stop.start()].split()) <= 30 else end
        else:
            continue
        if len(text[pos:end].split()) < 2:
            continue
        kind = m.group(1)[0].upper() + m.group(1)[1:]
        label = f"{kind} {' '.join(_EXPLAINED.sub('', text[pos:end]).split())}"
        out.append(_named_mention(text, m.start(), end, label, kind))
    for m in _QUOTED_PROGRAMME.finditer(text) if programmes else ():
        # a scheme's quoted title is its name; a programme, strategy or plan is one of the State's with its period
        # ("chương trình “Tiếp sức mùa thi”" is a campaign, "kế hoạch “Nam tiến”" a company's)
        title, end = _quoted(text, m.end())
        if not title or not title[0].isupper() or not 2 <= len(title.split()) <= 40 or _overlaps(taken, m.start(), end):
            continue
        before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 20) : m.start()])
        if before and before.group(1)[:1].isupper() or _COUNTED.search(key, max(0, m.start() - 12), m.start()):
            continue  # "Ban Quản lý Chương trình “…”": a body's name; "2 đề án “…”"
        if m.group(1).lower() != "đề án" and not re.search(_PERIOD.pattern + r"$", " " + title):
            continue
        kind = m.group(1)[0].upper() + m.group(1)[1:]
        out.append(_named_mention(text, m.start(), end, f"{kind} {' '.join(title.split())}", kind))
    return out


def _short_forms(text: str, key: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """ "Chỉ thị 39" (the resolver ties it to a symbol the article gave), and short forms whose
    issuer makes the symbol: "Nghị quyết số 37 của Bộ Chính trị" = 37-NQ/TW,
    "Quyết định 281 của Thủ tướng" = 281/QĐ-TTg."""
    out = []
    companies: set[tuple[str, int]] = set()  # (type, number) of a company's board or shareholders
    for m in _SHORT.finditer(key):
        if _overlaps(taken, m.start(), m.end()):
            continue
        written = re.sub(r"\s+", " ", m.group(1))
        if written in _NUMBERED_ONLY and not m.group(2):
            continue  # "luật 2019", "văn bản 5 trang"
        type_word = _NUMBERED_ONLY.get(written) or lexicon().instrument_types[written]
        number = int(m.group(3))
        attrs = {"type": type_word, "number": number, "short": True}
        issuer = _CENTRAL_ISSUER.match(key, m.end())
        body = issuer.group(1) if issuer else ""
        government = "thủ tướng" if body.startswith("thủ tướng") else body if body == "chính phủ" else None
        approved = _GOVERNMENT_APPROVED.search(key, max(0, m.start() - 60), m.start())
        if government is None and type_word == "Quyết định" and approved:
            government = "thủ tướng"
        if government and (government, type_word) in _GOVERNMENT_CODES:
            symbol = f"{m.group(3)}/{_GOVERNMENT_CODES[government, type_word]}"  # state symbols keep "08"
            attrs.update(symbol=symbol, short=False, issuer_code=symbol.rsplit("-", 1)[1].upper(), state=True)
        elif issuer and not government and type_word in _PARTY_CODES:
            attrs.update(symbol=f"{number:02d}-{_PARTY_CODES[type_word]}/TW", short=False, issuer_code="TW")
        elif type_word in ("Quyết định", "Chỉ thị") and (
            _PEOPLES_COMMITTEE_AFTER.match(key, m.end())
            or _PEOPLES_COMMITTEE_BEFORE.search(key, max(0, m.start() - 80), m.start())
        ):  # "UBND tỉnh Thái Nguyên ban hành Quyết định số 1266" = 1266/QĐ-UBND
            # (a committee's công văn bears its office's code too, "1159/UBND-VX3": "công văn số 1017 … của UBND
            # tỉnh" makes no symbol, and stays the numbered "Công văn số 1017")
            code = {"Quyết định": "QĐ", "Chỉ thị": "CT"}[type_word]
            attrs.update(symbol=f"{number}/{code}-UBND", short=False, issuer_code="UBND", state=True)
        elif type_word == "Nghị quyết" and _COUNCIL_AFTER.match(key, m.end()):
            # "Nghị quyết số 15 của HĐND tỉnh" = 15/NQ-HĐND
            attrs.update(symbol=f"{number}/NQ-HĐND", short=False, issuer_code="HĐND", state=True)
        elif type_word in ("Quyết định", "Chỉ thị") and (ministry := _ministry_after(key, m.end())):
            # "Quyết định số 1879 của Bộ trưởng Bộ Y tế" = 1879/QĐ-BYT
            symbol = f"{number}/{_PARTY_CODES[type_word]}-{ministry}"
            attrs.update(symbol=symbol, short=False, issuer_code=ministry, state=True)
        elif m.group(2):
            attrs["numbered"] = True  # "kế hoạch số 22": numbered, though the article never gives its symbol
            if _COMPANY.search(key, max(0, m.start() - 60), min(len(key), m.end() + 60)):
                companies.add((type_word, number))
        label = f"{type_word} số {attrs['symbol']}" if "symbol" in attrs else f"{type_word} {m.group(3)}"
        out.append(Mention.at(text, RESOLUTION, m.start(), m.end(), label, attrs=attrs))
    for mention in out:  # "Nghị quyết số 156, HĐQT Eximbank …" once: each mention of it is the company's
        if (mention.attrs["type"], mention.attrs["number"]) in companies:
            mention.attrs.pop("numbered", None)
    return out


# "Văn phòng Chính phủ vừa có văn bản số 81 thông báo kết luận của Thủ tướng", "Văn phòng Chính phủ ban hành Thông
# báo số 125": the Government Office's notice, whose symbol is N/TB-VPCP (on the key)
_OFFICE_NOTICE = re.compile(
    r"(?<!\w)văn phòng chính phủ(?:\s+(?:vừa|đã|mới))?\s+(?:có|ban hành|ra|phát hành)\s+"
    r"(?:thông báo\s+(?:số\s+)?(\d{1,4})(?![\d/\w])|văn bản\s+(?:số\s+)?(\d{1,4})(?![\d/\w])(?=\s+thông báo\s))"
)


def _government_office_notices(text: str, key: str) -> list[Mention]:
    out = []
    for m in _OFFICE_NOTICE.finditer(key) if "văn phòng chính phủ" in key else ():
        group = 1 if m.group(1) else 2
        number = m.group(group)
        start = key.index("thông báo" if group == 1 else "văn bản", m.start() + len("văn phòng chính phủ"))
        symbol = f"{number}/TB-VPCP"
        attrs = {"symbol": symbol, "number": int(number), "code": "TB", "issuer_code": "VPCP", "type": "Thông báo"}
        attrs["state"] = True
        out.append(Mention.at(text, RESOLUTION, start, m.end(group), f"Thông báo số {symbol}", attrs=attrs))
    return out


_LAW_STOP = frozenset(
    "của đã là có được cho với tại về trong để sẽ này vừa cũng đang khi theo từ đến năm số ngày thì mà do bị vì "
    "quy định và hoặc hay nên như các những một sửa đổi bổ sung hiện hành mới nhằm nhưng khi nếu bởi vào".split()
)
_LAW_IN_A_NAME = re.compile(
    r"(?<!\w)(?:công ty|đại học|trường|khoa|văn phòng|đoàn|hãng|viện|tạp chí|ngành|học viện)\s+$"
)
_IN_A_CONVENTION = re.compile(r"(?<!\w)công ước\b[^.;,]*\svề\s+$")
_LAW_FIRM = re.compile(r"\s*(?:TNHH|[Ss]ư)(?!\w)")
_NOT_A_LAW = re.compile(r"(?<!\w)(?:kỷ|pháp)\s+$")
_FIRST_PLATFORM = re.compile(r"\s+(?:chính trị\s+)?(?:đầu tiên|năm\s+1930|tháng\s+2)")
# a law, a code, or an ordinance of the Standing Committee of the National Assembly ("Pháp lệnh Công an xã")
_LAW = re.compile(r"(?<!\w)(Bộ luật|Luật|Pháp lệnh)\s+(?=[" + UPPER + r"])")
# the Ministry of Education's regulations and guidance for an exam or an admission, named by it
_EXAM_RULES = re.compile(
    r"(?<!\w)(?P<first>Quy chế|Hướng dẫn)(?:\s*(?:,|và)\s*(?P<second>Quy chế|Hướng dẫn))?\s+(?P<title>(?:tổ chức\s+)?"
    r"(?:thi|tuyển sinh)\s+(?:tốt nghiệp\s+(?:THPT|trung học phổ thông)|(?:trình độ\s+)?(?:đại học|cao đẳng|thạc sĩ"
    r"|tiến sĩ)(?:\s+(?:hệ\s+)?chính quy)?|vào lớp 10)(?:\s+(?:năm\s+)?(?:19|20)\d\d(?!\d))?)(?![\w-])"
)
_STRATEGY = re.compile(r"(?<!\w)chiến lược phát triển kinh tế\s*-\s*xã hội\s+(?:\d+\s+năm\s+)?\d{4}\s*-\s*\d{4}")


@cache
def _law_labels() -> dict[str, str]:
    return {match_key(name): entry["label"] for entry in lexicon().raw["laws"] for name in entry["names"]}


@cache
@cache
def _law_names_re() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + alternation(list(_law_labels())) + r")(?!\w)")


@cache
def _named_instruments() -> tuple[re.Pattern, dict[str, dict]]:
    """One pattern for every name of the named instruments (the Statute, the Platform …)."""
    entries = {match_key(name): entry for entry in lexicon().raw["named_instruments"] for name in entry["names"]}
    names = sorted(entries, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"), entries


_LAW_YEAR = re.compile(r"\s+(?:năm\s+)?((?:19|20)\d\d)(?![\d/])")
_LABEL_YEAR = re.compile(r"\s+((?:19|20)\d\d)$")


def _versions(text: str, laws: list[Mention]) -> None:
    """A law's year names its version: "Luật Giáo dục 2019" (also written "năm 2019"), and "Luật Giáo dục" in the
    same article is that version; where the article cites two versions ("Luật Giáo dục năm 2005" beside "Luật
    Giáo dục 2019") each keeps its own, and a mention without a year is the law without one."""
    years: dict[str, set[str]] = {}
    seen = []
    for m in laws:
        written = _LABEL_YEAR.search(m.label)
        base = m.label[: written.start()] if written else m.label
        after = _LAW_YEAR.match(text, m.end) if not written else None
        year = written.group(1) if written else after.group(1) if after else None
        same = " ".join(re.findall(r"\w+", match_key(base)))  # "Luật Phòng chống …" is "Luật phòng, chống …"
        years.setdefault(same, set()).update([year] if year else [])
        seen.append((m, base, same, year))
    for m, base, same, year in seen:
        year = year or (next(iter(years[same])) if len(years[same]) == 1 else None)
        m.label = f"{base} {year}" if year else base


def _laws_and_charters(text: str, key: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Laws and ordinances named without a number ("Luật Tổ chức chính quyền địa phương", "Luật Phòng,
    chống tham nhũng", "Pháp lệnh Công an xã"), the Party's Statute and Platform, the Constitution, the
    ten-year strategy."""
    out = []
    # the laws' names all hold "luật" (or "bộ luật"): most articles name none, and skip both scans
    law_names = list(_law_names_re().finditer(key)) if "luật" in key else []
    known = {}  # start → end of the known laws' names: they win over the capitalised run that starts with them
    for m in law_names:
        known[m.start()] = max(known.get(m.start(), 0), m.end())
    for m in _LAW.finditer(text) if "luật" in key or "pháp lệnh" in key else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        if _LAW_IN_A_NAME.search(key, max(0, m.start() - 14), m.start()) or _LAW_FIRM.match(text, m.end()):
            continue  # "Công ty Luật TNHH …", "Trường Đại học Luật Hà Nội", "Luật sư"
        if _IN_A_CONVENTION.search(key, max(0, m.start() - 40), m.start()):
            continue  # "Công ước Liên hợp quốc về Luật Biển năm 1982": a treaty's title
        end, count, prev = m.end(), 0, m.end()
        for w in re.finditer(r"\w+|,", text[m.end() : m.end() + 120]):
            token, start = w.group(), m.end() + w.start()
            if text[prev:start].strip():  # any other punctuation ends the name
                break
            if token == ",":
                if not re.match(r",\s*chống\b", text[start : start + 12]):
                    break
            elif count and (token in _LAW_STOP or token[:1].isupper() and token in ("Luật", "Nghị", "Bộ", "Pháp")):
                break
            prev = m.end() + w.end()
            if token != ",":
                end, count = prev, count + 1
            if count >= 10:
                break
        if not count or m.start() in known and (known[m.start()] >= end or text[m.end() : end].isupper()):
            continue  # "Luật Khám bệnh, chữa bệnh", "Luật GDĐH": the known law's name
        place = place_at(text, m.end())
        if text[m.end() : end] in lexicon().raw["countries"] or place and place[1] >= end:
            continue  # "Luật Trung Quốc", "Luật Hà Nội": a country's laws, a law school
        label = f"{m.group(1)} " + re.sub(r"\s+,", ",", " ".join(text[m.end() : end].split()))
        out.append(_named_mention(text, m.start(), end, label, m.group(1)))
    for m in law_names:  # "Luật đất đai", "luật Bầu cử": known laws however written
        if _NOT_A_LAW.search(key, max(0, m.start() - 6), m.start()):
            continue  # "kỷ luật viên chức" (disciplining civil servants), "pháp luật đất đai" (land law in general)
        if not _overlaps(taken + [(o.start, o.end) for o in out], m.start(), m.end()):
            label = _law_labels()[re.sub(r"\s+", " ", m.group())]
            kind = label.rsplit(" ", 1)[0] if label.startswith("Bộ luật") else "Luật"
            out.append(_named_mention(text, m.start(), m.end(), label, kind))
    _versions(text, out)
    amending, numbered = [], set()
    for m in _AMENDING.finditer(text) if "sửa đổi" in key else ():
        # "Luật sửa đổi bổ sung một số điều của Luật Giáo dục Đại học": the amending law, named by the law it amends
        # (not where its number stands beside it, "Luật số 34, Luật sửa đổi …": that one names it, in each mention)
        amended = next((o for o in out if o.start == m.end() and o.attrs["type"] == "Luật"), None)
        if amended is None or _overlaps(taken, m.start(), m.end()):
            continue
        label = f"Luật sửa đổi, bổ sung một số điều của {amended.label}"
        if _NUMBER_BESIDE.search(text, max(0, m.start() - 16), m.start()) or _NUMBER_AFTER.match(text, amended.end):
            numbered.add(label)
        amending.append(_named_mention(text, m.start(), amended.end, label, "Luật"))
    out += [a for a in amending if a.label not in numbered]
    pattern, entries = _named_instruments()
    for m in pattern.finditer(key) if any(name in key for name in entries) else ():  # (most name none)
        entry = entries[m.group()]
        if entry["label"].startswith("Cương lĩnh") and _FIRST_PLATFORM.match(key, m.end()):
            continue  # "Cương lĩnh chính trị đầu tiên" (1930) is not the Platform of 1991/2011
        if text[m.start()].isupper() and not _overlaps(taken + [(o.start, o.end) for o in out], m.start(), m.end()):
            out.append(_named_mention(text, m.start(), m.end(), entry["label"], entry["label"].split()[0]))
    exams = ("quy chế" in key or "hướng dẫn" in key) and ("thi " in key or "tuyển sinh" in key)
    for m in _EXAM_RULES.finditer(text) if exams else ():
        # "Quy chế thi tốt nghiệp THPT", "Quy chế, Hướng dẫn tổ chức thi tốt nghiệp THPT năm 2021": one title
        title = " ".join(m.group("title").split())
        for kind in filter(None, (m.group("first"), m.group("second"))):
            if not _overlaps(taken, m.start(), m.end()):
                out.append(_named_mention(text, m.start(), m.end(), f"{kind} {title}", kind))
    for m in _STRATEGY.finditer(key) if "chiến lược" in key else ():
        label = (
            "Chiến lược phát triển kinh tế - xã hội "
            + " ".join(text[m.start() : m.end()].split()).split("hội", 1)[1].strip()
        )
        out.append(_named_mention(text, m.start(), m.end(), label, "Chiến lược"))
    for m in _ASSEMBLY_RESOLUTION.finditer(text) if "quốc hội" in key else ():
        # "trình Quốc hội ban hành Nghị quyết về tổ chức chính quyền đô thị tại TPHCM", "dự thảo Nghị quyết của
        # Quốc hội về …": a resolution of the National Assembly cited by its title, as laws are
        of = _OF_ASSEMBLY.match(key, m.end())
        if not of.group(1) and not _BY_ASSEMBLY.search(key, max(0, m.start() - 40), m.start()):
            continue
        if _COUNTED.search(key, max(0, m.start() - 12), m.start()):
            continue  # "các Nghị quyết của Quốc hội về …"
        pos = of.end()
        stop = _ASSEMBLY_TITLE_END.search(key, pos - 1, min(len(key), pos + 200))
        end = stop.start() if stop else -1
        if end < 0 or not 3 <= len(key[pos:end].split()) <= 25 or _overlaps(taken, m.start(), end):
            continue
        label = "Nghị quyết về " + " ".join(text[pos:end].split())
        out.append(_named_mention(text, m.start(), end, label, "Nghị quyết"))
    return out


_AMENDING = re.compile(r"(?<!\w)Luật sửa đổi\s*(?:,|và)?\s*bổ sung\s+(?:một số|các)\s+điều\s+(?:của\s+)?(?=Luật\s)")
_NUMBER_BESIDE = re.compile(r"Luật số \d+\s*,\s*$")
_NUMBER_AFTER = re.compile(r"\s*\((?:Luật\s+)?số \d+")
_ASSEMBLY_RESOLUTION = re.compile(r"(?<=[a-zà-ỹđ] )Nghị quyết\s+(?=về\s|của Quốc hội về\s)")
_OF_ASSEMBLY = re.compile(r"(của quốc hội\s+)?về\s+")
# "(trình) Quốc hội ban hành / thông qua", not its Standing Committee's ("UB Thường vụ Quốc hội ban hành")
_BY_ASSEMBLY = re.compile(r"(?<!thường vụ )quốc hội\s+(?:xem xét,?\s+)?(?:ban hành|thông qua)\s+$")
_ASSEMBLY_TITLE_END = re.compile(
    r"[.;:()\n“”\"!?]|,\s|\s(?:là|được|đang|đã|sẽ|để|nhằm|thì|mà|và|với|theo|do|cho|trình|của|này)(?!\w)"
)


def find_plenums(text: str, key: str) -> list[Mention]:
    """Central Committee plenums ("Hội nghị Trung ương 4 khóa XIII"): one event per term."""
    out = []
    for m in _PLENUM.finditer(key) if "hội nghị" in key else ():
        of = re.search(r"(nghị quyết|kết luận)(?:\s+của)?\s*$", key[max(0, m.start() - 16) : m.start()])
        plenum = _plenum_number(m)
        terms, end = _terms(key, m.end())
        for term in terms:
            if of and (of.group(1) == "nghị quyết" or ("Kết luận", plenum, term) in _plenum_table()):
                continue  # the plenum's resolution or (numbered) conclusions, not the plenum
            label = f"Hội nghị Trung ương {plenum}{' lần ' + m.group('part') if m.group('part') else ''} khóa {term}"
            out.append(
                Mention.at(
                    text,
                    EVENT,
                    m.start(),
                    end,
                    label,
                    attrs={"event_type": "Hội nghị", "plenum": plenum, "term": term, "central": True},
                )
            )
    return out


# "… thực hiện", "… về triển khai thực hiện", "Nghị định 137/2015 hướng dẫn Luật …", "… quy định chi tiết một
# số điều của Luật …": the words that say the first instrument carries out the next
# the articles of a law that an instrument carries out or details: "(quy định tại) khoản 1 Điều 29 (của)"
_ARTICLES = r"(?:(?:điểm\s+\w\s*,?\s*)?(?:khoản\s+\d+\s*,?\s*)?điều\s+\d+\w?\s+(?:của\s+)?)"
# "(quy định chi tiết) một số điều và biện pháp thi hành (Luật …)", "(hướng dẫn thi hành) một số điều của", "Điều 29"
_SOME_ARTICLES = (
    r"(?:(?:một số|các)\s+điều(?:\s+và biện pháp\s+(?:thi hành|thực hiện))?\s+(?:của\s+)?|" + _ARTICLES + ")?"
)
_IMPLEMENTS_LINK = re.compile(
    r"\s*,?\s*(?:(?:về|nhằm|để)\s+(?:việc\s+)?)?(?:tiếp tục\s+)?(?:tổ chức\s+)?"
    # "Nghị quyết số 50/NQ-CP về Chương trình hành động của Chính phủ thực hiện …": the programme it adopts
    r"(?:(?:ban hành\s+)?(?:chương trình hành động|chương trình|kế hoạch)(?:\s+của\s+[^,.;:]{1,40}?)?\s+)?"
    r"(?:(?:nghiên cứu|học tập|quán triệt|tuyên truyền|triển khai)\s*(?:,\s*|\s+và\s+|\s+)){0,5}"
    r"(?:thực hiện|cụ thể hóa|triển khai|hướng dẫn(?:\s+thi hành|\s+thực hiện|\s+chi tiết)?"
    r"|quy định chi tiết(?:\s+(?:và hướng dẫn\s+)?thi hành)?(?:\s+và hướng dẫn thi hành)?)\s+" + _SOME_ARTICLES + "$"
)
# "Đây là lần đầu tiên Chính phủ ban hành một Nghị định để hướng dẫn chi tiết Điều 29 Luật Khoáng sản": the
# decree the article has just named, taken up again by "đây" or "<type> này" (on the key)
_TAKEN_UP = re.compile(
    r"(?:^|[.!?\n]\s*)"
    r"(?:đây là|đó là|(?P<this>nghị định|thông tư|quyết định|nghị quyết|chỉ thị)\s+(?:này|nêu trên|trên))"
    r"[^.;!?\n]{0,80}?(?:(?:một|các)\s+)?(?P<type>nghị định|thông tư|quyết định|nghị quyết|chỉ thị)?"
    r"\s+(?:(?:để|nhằm)\s+)?(?:hướng dẫn(?:\s+chi tiết|\s+thi hành)?|quy định chi tiết|cụ thể hóa)\s+"
    + _ARTICLES
    + "?$"
)


# "Thực hiện Nghị quyết số 12-NQ/TW …, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 45-KH/TU": the plan after
_CARRYING_OUT = re.compile(
    r"(?:^|[.;:\n]|,)\s*(?:để\s+)?(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|cụ thể hóa)\s+"
    r"(?:(?:các\s+)?quy định\s+(?:tại|của)\s+)?" + _ARTICLES + "?$"
)
_THEN_ISSUED = re.compile(r"\s*,\s*[^.;:\n]{0,100}?\s(?:ban hành|xây dựng|có)\s+$")
# "Thực hiện quy định tại Điều 29 Luật Khoáng sản, trên cơ sở … theo Chiến lược …, Bộ … trình Thủ tướng Chính
# phủ ban hành Quyết định 645/QĐ-TTg": the instrument issued later in the sentence, other instruments between
# a programme whose title says what it carries out: "… triển khai thực hiện khâu đột phá thứ 3 <resolution>"
_CARRIED_OUT_IN_TITLE = re.compile(r"(?<!\w)(?:thực hiện|cụ thể hóa)\s+(?:[^\s,.;:]+\s+){0,5}$")
_LATER_ISSUED = re.compile(r"\s*,[^.;:\n]{0,300}?\sban hành\s+$")


def find_implements(text: str, key: str, resolutions: list[Mention]) -> list[tuple[int, int]]:
    """(plan index, implemented index) pairs: "Kế hoạch số 83-KH/TU … thực hiện Kết luận số 21-KL/TW",
    "Nghị định 137/2015 hướng dẫn Luật Căn cước công dân". The link words follow the plan's date and
    issuer (an unquoted subject may hold them: "Kế hoạch số 10 … về triển khai thực hiện Chỉ thị 05")."""
    pairs = []
    for i, m in enumerate(resolutions[:-1]):
        nxt = resolutions[i + 1]
        for end in (m.attrs.get("tail_end", m.end), m.attrs.get("head_end", m.end)):
            if nxt.start >= end and nxt.start - end < 120 and _IMPLEMENTS_LINK.match(key[end : nxt.start]):
                pairs.append((i, i + 1))
                break
        else:
            if not _CARRYING_OUT.search(key, max(0, m.start - 70), m.start):
                continue
            for end in (m.attrs.get("tail_end", m.end), m.attrs.get("head_end", m.end)):
                if nxt.start >= end and _THEN_ISSUED.fullmatch(key, end, nxt.start):
                    pairs.append((i + 1, i))
                    break
            else:
                end = m.attrs.get("tail_end", m.end)
                later = next(
                    (
                        j
                        for j in range(i + 1, len(resolutions))
                        if _LATER_ISSUED.fullmatch(key, end, resolutions[j].start)
                    ),
                    None,
                )
                if later is not None:
                    pairs.append((later, i))
    for i, m in enumerate(resolutions):  # "Chương trình hành động triển khai thực hiện khâu đột phá thứ 3 Nghị quyết …"
        for j in range(i + 1, len(resolutions)):
            inner = resolutions[j]
            if inner.start >= m.end:
                break
            if inner.end <= m.end and _CARRIED_OUT_IN_TITLE.search(key, m.start, inner.start):
                pairs.append((i, j))
    for j, m in enumerate(resolutions):
        if j == 0:
            continue
        taken_up = _TAKEN_UP.search(key, max(0, m.start - 160), m.start)
        kind = taken_up and (taken_up.group("this") or taken_up.group("type"))
        if not kind:
            continue
        before = [i for i in range(j) if resolutions[i].end <= taken_up.start() + 1]
        same = [i for i in before if resolutions[i].attrs.get("type", "").lower() == kind]
        if same and same[-1] == before[-1]:  # the last instrument named before is of that type
            pairs.append((same[-1], j))
    return sorted(set(pairs))


__all__ = ["find_resolutions", "find_plenums", "find_implements", "canonical_party_symbol", "term_number", "match_key"]
