"""Province and district names, with the word before them deciding which is meant.

"tỉnh Lạng Sơn" / "Tỉnh ủy Lạng Sơn" / a bare "Lạng Sơn" name the province;
"TP. Lạng Sơn" / "Thành ủy Lạng Sơn" name the provincial city (a district-level unit);
"huyện Châu Thành" / "Huyện ủy Châu Thành" name a district, which the resolver finds in
the article's province (there are eleven Châu Thành districts).
"""

from __future__ import annotations

import re

from kg.extract.lexicon import lexicon, not_after_first, place_key, place_spans
from kg.places import admin_map
from kg.records import DISTRICT, PROVINCE, Mention
from kg.textnorm import UPPER, match_key

_BEFORE = re.compile(
    r"(tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|tỉnh|thành phố|tp\.?|nội thành|ngoại thành|huyện đảo|huyện"
    r"|quận|q\.|thị xã|tx\.|(?<!bán )đảo)"
    r"\s*:?\s*$"
)
_DISTRICT_WORDS = {
    "thành ủy": "thành phố",
    "huyện ủy": "huyện",
    "thị ủy": "thị xã",
    "quận ủy": "quận",
    "huyện": "huyện",
    "huyện đảo": "huyện",
    "quận": "quận",
    "thị xã": "thị xã",
    "tx.": "thị xã",
    "q.": "quận",
    "thành phố": "thành phố",
    "tp.": "thành phố",
    "tp": "thành phố",
}
_PERSON_ONLY = {match_key("Hồ Chí Minh")}  # bare, it is the person; the city needs "Thành phố"/"TP."


_LIST_OPENER = re.compile(
    r"(?:các|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(huyện|quận|thị xã|thành phố)"
    r"(?:\s+[^\W\d_]+){0,3}?\s*(?:như|gồm|là|:)\s*$"
)
# "Sầm Sơn (Thanh Hóa)": a district with its province in brackets
_PAREN_PROVINCE = re.compile(r"\s*\((?:tỉnh\s+|thành phố\s+|TP\.?\s*)?([^,()\n]{2,25}?)\)")
# "thành phố Đông Hưng (tỉnh Quảng Tây, Trung Quốc)": a foreign place named like one of ours
_PAREN_ABROAD = re.compile(r"\s*\([^()\n]{0,40}?,\s*([^,()\n]{2,20})\)")
_PREV_WORD = re.compile(r"(\w+) $")
# a dish or a produce named after its place (on the key): "bún bò Huế", "bánh bèo Hải Phòng", "nước mắm Phú Quốc"
_DISH_BEFORE = re.compile(
    r"(?<!\w)(?:bún(?:\s+(?:bò|chả|riêu|cá|mắm))?|phở|bánh\s+[^\W\d]+|cơm\s+[^\W\d]+|mì|mỳ|chè|nem|chả"
    r"|nước mắm|hủ tiếu|cao lầu|cháo|gỏi|lẩu)\s+$"
)
# "Thái Bình Dương" (the Pacific), also written with a soft hyphen: not the province
_OCEAN = re.compile(r"[ \t]+Dư\u00ad?ơng(?!\w)")
# names listed after a commune word are communes: "4 xã (Hương Thọ, Hương Phong, Hải Dương)", "các xã A, B và C"
_COMMUNE_LIST = re.compile(
    r"(?:(?<!\w)(?:các|những|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:xã|phường|thị trấn)\s*[(:]?"
    r"|(?<!\w)(?<!thị )(?:xã|phường|thị trấn)\s*[(:])\s*(?:[" + UPPER + r"][\w'’]*(?:[ \t]+[" + UPPER + r"][\w'’]*)*"
    r"\s*(?:,|;|và|,\s*và)\s*)+$"
)
# "TP.HCM", "TP HCM", "TP. HCM": Ho Chi Minh City by its abbreviation ("TPHCM", one word, is a place name)
_HCM = re.compile(r"(?<!\w)(?:TP|Tp)(?:\.\s?|\s)HCM(?!\w)")
# "Quận 1", "quận 10": the numbered districts of a city
_NUMBERED_DISTRICT = re.compile(r"[Qq]" + not_after_first(r"\w") + r"(?:uận\s+|(?<=Q)\.\s?)(\d{1,2})(?![\d\w/]|[.,]\d)")
# a district and its province side by side: "Văn Giang, Hưng Yên", "Cẩm Xuyên - Hà Tĩnh", "Kiên Giang - Phú Quốc"
_NEXT_TO = re.compile(r"\s*(?:,|-|–)\s*")
_REGION_BEFORE = re.compile(r"(?<!\w)(?:vùng|vùng đất|miền|xứ|đất|bán đảo)\s+$", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|;|và|,\s*và)?\s*")


def find_places(text: str, key: str) -> list[Mention]:
    """Province and district mentions; a list after a district word ("các huyện: Quảng Xương,
    Nông Cống và Như Xuân", "3 quận: Hoàn Kiếm, Ba Đình, Tây Hồ") names districts throughout."""
    amap = admin_map()
    out: list[Mention] = []
    list_type, list_end = None, -1  # the district list being read, and where its last name ended
    bare: list[tuple[int, int, str]] = []  # names with no word before them that says what they are
    surnames = lexicon().surnames
    for start, end in place_spans(text):
        prev = _PREV_WORD.search(text, max(0, start - 12), start)
        if prev and prev.group(1) in surnames:
            continue  # "Trương Hòa Bình", "Đinh La Thăng": the end of a personal name
        if _DISH_BEFORE.search(key, max(0, start - 16), start):
            continue  # "bún bò Huế", "nước mắm Phú Quốc": a dish or a produce named after a place, not the place
        window = text[max(0, start - 120) : start]
        communes = ("xã" in window or "phường" in window or "thị trấn" in window) and _COMMUNE_LIST.search(window)
        if communes or _OCEAN.match(text, end):
            continue  # "Thái Bình Dương"; "4 xã (Hương Thọ, …, Hải Dương)": a commune named like a province
        words = text[start:end].split()
        official = lexicon().place_names[place_key(text[start:end])]  # "Đắk G'Long" is written for "Đăk Glong"
        name_key = match_key(official)
        before = _BEFORE.search(key, max(0, start - 14), start)
        word = before.group(1).rstrip(":").strip() if before else ""
        if word.startswith(("nội", "ngoại")):  # "nội thành Quy Nhơn", "ngoại thành Hà Nội": a city's core or outskirts
            word = "thành phố"
        if not word:  # "các huyện giáp ranh như Ngọc Lặc, …", "3 thành phố là Thủ Dầu Một, …"
            opener = _LIST_OPENER.search(key, max(0, start - 50), start)
            word = opener.group(1) if opener else ""
        province = amap.province_by_name.get(name_key)
        central_city = province is not None and province.type_word == "thành phố"
        abroad = _PAREN_ABROAD.match(text, end) if text[end : end + 2].strip()[:1] == "(" else None
        if abroad and abroad.group(1).strip() in lexicon().raw["countries"]:
            continue
        if word == "đảo" and name_key in amap.districts_by_name:  # "đảo Cô Tô": the island district
            word = "huyện"
        if not word and province is None and text[end : end + 2].strip()[:1] == "(":
            paren = _PAREN_PROVINCE.match(text, end)
            around = amap.province_by_name.get(match_key(paren.group(1).strip())) if paren else None
            own = [d for d in amap.districts_by_name.get(name_key, ()) if around and d.province_code == around.code]
            if own:  # "Sầm Sơn (Thanh Hóa)", "Bát Xát (Lào Cai)"
                word = next(w for w, t in _DISTRICT_WORDS.items() if t == own[0].type_word)
        in_list = list_type is not None and not word and _LIST_GAP.fullmatch(key, list_end, start) is not None
        if in_list and province is not None and _in_province(out[-1], province.code):
            in_list = False  # "(thị xã Bỉm Sơn, Thanh Hóa)": the listed district's own province, not its city
        if in_list and name_key in amap.districts_by_name:
            word = next(w for w, t in _DISTRICT_WORDS.items() if t == list_type)
        if (
            word in ("tỉnh", "tỉnh ủy")
            or (not word and province is not None)
            or (central_city and word in _DISTRICT_WORDS and word.startswith(("thành", "tp")))
        ):
            list_type = None
            if province is None or (not word and name_key in _PERSON_ONLY):
                continue
            out.append(Mention.at(text, PROVINCE, start, end, province.label, attrs={"code": province.code}))
            city = not word and name_key != match_key(province.name) and _capital_named(name_key, province.code)
            if city and not _UNIVERSITY_BEFORE.search(key, max(0, start - 10), start):
                # "Huế" is the city of Huế in the province of Thừa Thiên Huế: both are named ("Festival … Huế")
                attrs = {"name": city.name, "type_word": city.type_word}
                out.append(Mention.at(text, DISTRICT, start, end, city.name, scope="province", attrs=attrs))
        elif word in _DISTRICT_WORDS:
            type_word = _DISTRICT_WORDS[word]
            if name_key not in amap.districts_by_name:
                list_type = None
                continue
            list_type, list_end = type_word, end
            name = " ".join(words)
            out.append(
                Mention.at(
                    text, DISTRICT, start, end, name, scope="province", attrs={"name": official, "type_word": type_word}
                )
            )
        else:
            list_type = None
            if (
                name_key in amap.districts_by_name
                and _FACILITY_BEFORE.search(key, max(0, start - 32), start)
                and not _NAME_GOES_ON.match(text, end)  # "sân bay Tân Sơn Nhất" is not in Tân Sơn
            ):
                # "Khu kinh tế Năm Căn", "Cảng hàng không Thọ Xuân": a zone or port named after its district
                name = " ".join(words)
                attrs = {"name": official, "type_word": amap.districts_by_name[name_key][0].type_word}
                out.append(Mention.at(text, DISTRICT, start, end, name, scope="province", attrs=attrs))
                continue
            if name_key in amap.districts_by_name and _on_route(text, start, end):
                # "đường sắt Cát Linh - Hà Đông", "cao tốc Bến Lức - Long Thành": a route named by the districts it
                # joins (which say nothing of the article's own province)
                attrs = {"name": official, "type_word": amap.districts_by_name[name_key][0].type_word, "in_name": True}
                out.append(Mention.at(text, DISTRICT, start, end, " ".join(words), scope="province", attrs=attrs))
                continue
            bare.append((start, end, name_key))
    if len(bare) > 1:
        out += _bare_districts(text, bare, out)
    out += _beside_province(text, bare, out)
    for m in _HCM.finditer(text) if "HCM" in text else ():
        city = amap.provinces["79"]
        out.append(Mention.at(text, PROVINCE, m.start(), m.end(), city.label, attrs={"code": city.code}))
    for m in _NUMBERED_DISTRICT.finditer(text) if "uận" in text or "Q." in text else ():
        # "Quận 1, TPHCM": a numbered district, which the resolver finds in the article's province
        name = m.group(1).lstrip("0") or "0"
        if name in amap.districts_by_name:
            attrs = {"name": name, "type_word": "quận"}
            out.append(Mention.at(text, DISTRICT, m.start(), m.end(), f"Quận {name}", scope="province", attrs=attrs))
    return out


# an economic zone, an airport or a seaport named after its district (not its management board's name)
_FACILITY_BEFORE = re.compile(
    r"(?<!ban quản lý )(?<!\w)(?:khu kinh tế|cảng hàng không(?: quốc tế)?|sân bay(?: quốc tế)?"
    r"|cảng biển(?: nước sâu)?)\s+$"
)
_NAME_GOES_ON = re.compile(r"[ \t]*-?[ \t]*[" + UPPER + r"]")
_UNIVERSITY_BEFORE = re.compile(r"(?<!\w)đại học\s+$")
# the ends of a route: "đường sắt Cát Linh - Hà Đông", "cao tốc TPHCM - Long Thành - Dầu Giây", "quốc lộ 2 đoạn Nội
# Bài - Vĩnh Yên", and a list of a project's segments in brackets: "(QL45 - Nghi Sơn, Diễn Châu - Bãi Vọt, …)"
_ROUTE_END = r"(?:[" + UPPER + r"][\w'’.]*|QL\s?\d+[A-Z]?)(?:[ \t]+[" + UPPER + r"][\w'’]*){0,3}"
_ROUTE_BEFORE = re.compile(
    r"(?<!\w)(?i:đường sắt(?: đô thị)?|(?:đường )?cao tốc|tuyến|đoạn|đại lộ)[ \t]+"
    r"(?:" + _ROUTE_END + r"[ \t]+[-–][ \t]+)*$"
)
_ROUTE_AFTER = re.compile(r"[ \t]+[-–][ \t]+" + _ROUTE_END)
_SEGMENT = _ROUTE_END + r"[ \t]+[-–][ \t]+" + _ROUTE_END
_SEGMENT_LIST = re.compile(r"\(\s*" + _SEGMENT + r"(?:\s*,\s*" + _SEGMENT + r")+\s*\)")


def _on_route(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is an end of a route named by its two ends (see _ROUTE_BEFORE)."""
    route = _ROUTE_BEFORE.search(text, max(0, start - 80), start)
    if route:  # the first end, with the other after it, or a later one
        return route.group().rstrip()[-1] in "-–" or _ROUTE_AFTER.match(text, end) is not None
    opening = text.rfind("(", max(0, start - 120), start)
    return opening >= 0 and ")" not in text[opening:start] and bool(_SEGMENT_LIST.match(text, opening))


def _in_province(m: Mention, province_code: str) -> bool:
    """Whether the district mention ``m`` may be one of the province's."""
    districts = admin_map().districts_by_name.get(match_key(m.attrs["name"]), ())
    return any(d.province_code == province_code for d in districts)


def _capital_named(name_key: str, province_code: str):
    """The district (a city) of the province that a short name of the province is the name of: "Huế"."""
    return next((d for d in admin_map().districts_by_name.get(name_key, ()) if d.province_code == province_code), None)


def _beside_province(text: str, bare: list[tuple[int, int, str]], found: list[Mention]) -> list[Mention]:
    """A bare district name written next to the name of its own province, before or after it: "tại Văn Giang,
    Hưng Yên", "quê quán Cẩm Xuyên - Hà Tĩnh", "Kiên Giang - Phú Quốc" (not a commune: "xã Văn Giang, …")."""
    amap = admin_map()
    starts = {m.start: m.attrs["code"] for m in found if m.kind == PROVINCE}
    ends = {m.end: m.attrs["code"] for m in found if m.kind == PROVINCE}
    taken = {m.start for m in found if m.kind == DISTRICT}
    out = []
    for start, end, name_key in bare if starts else ():
        after = _NEXT_TO.match(text, end)
        around = {starts[after.end()]} if after and after.end() in starts and "\n" not in after.group() else set()
        around |= {ends[p] for p in range(max(0, start - 4), start) if p in ends and _NEXT_TO.fullmatch(text, p, start)}
        districts = amap.districts_by_name.get(name_key) if around else None
        if not districts or start in taken or _COMMUNE_BEFORE.search(text, max(0, start - 12), start):
            continue
        if _REGION_BEFORE.search(text, max(0, start - 12), start):
            continue  # "vùng đất Biên Hòa - Đồng Nai": the historical land, not the city
        own = [d for d in districts if d.province_code in around]
        if len(own) == 1:
            name = " ".join(text[start:end].split())
            attrs = {"name": own[0].name, "type_word": own[0].type_word}
            out.append(Mention.at(text, DISTRICT, start, end, name, scope="province", attrs=attrs))
    return out


# "tại Yên Mô và thành phố Tam Điệp"; "từ Hà Tiên về TP Rạch Giá": a journey between two districts
_AND_TYPED = re.compile(r"\s+(và|về|đến|tới|sang)\s+(?:huyện|quận|thị xã|thành phố|TP\.?)\s+")
_FROM = re.compile(r"(?<!\w)từ\s+$")
_COMMUNE_BEFORE = re.compile(r"(?:xã|phường|thị trấn|khu|thôn|ấp|làng)\s+$")


def _bare_districts(text: str, bare: list[tuple[int, int, str]], found: list[Mention]) -> list[Mention]:
    """Bare district names that only their company makes districts: a list of three or more (or two after
    a colon) all in one province ("các đơn vị: Bình Lục, Thanh Liêm, Duy Tiên"), or one coordinated
    with a district of that province named with its word ("tại Yên Mô và thành phố Tam Điệp")."""
    amap = admin_map()
    typed = {m.start: m for m in found if m.kind == DISTRICT}
    out: list[Mention] = []
    groups: list[list[tuple[int, int, str]]] = []
    for span in bare:
        if groups and _LIST_GAP.fullmatch(text, groups[-1][-1][1], span[0]):
            groups[-1].append(span)
        else:
            groups.append([span])
    for group in groups:
        if any(k in amap.province_by_name or k not in amap.districts_by_name for _, _, k in group):
            continue
        provinces = set.intersection(*({d.province_code for d in amap.districts_by_name[k]} for _, _, k in group))
        colon = text[max(0, group[0][0] - 3) : group[0][0]].strip().endswith(":")
        if not (len(group) >= 3 or len(group) == 2 and colon):
            start = group[0][0]
            after = _AND_TYPED.match(text, group[-1][1])
            if after and after.group(1) != "và" and not _FROM.search(text, max(0, start - 4), start):
                after = None
            other = typed.get(after.end()) if after and len(group) == 1 else None
            commune = _COMMUNE_BEFORE.search(text, max(0, start - 12), start)
            if other is None or match_key(other.attrs["name"]) == group[0][2] or commune:
                continue  # not "xã Đồng Văn và huyện Đồng Văn": a commune and its district
            provinces &= {d.province_code for d in amap.districts_by_name.get(match_key(other.attrs["name"]), ())}
        if len(provinces) != 1:
            continue
        code = provinces.pop()
        for start, end, k in group:
            district = next(d for d in amap.districts_by_name[k] if d.province_code == code)
            name = " ".join(text[start:end].split())
            attrs = {"name": district.name, "type_word": district.type_word}
            out.append(Mention.at(text, DISTRICT, start, end, name, scope="province", attrs=attrs))
    return out
