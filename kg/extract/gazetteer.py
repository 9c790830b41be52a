"""Province and district names, with the word before them deciding which is meant.

"tỉnh Lạng Sơn" / "Tỉnh ủy Lạng Sơn" / a bare "Lạng Sơn" name the province;
"TP. Lạng Sơn" / "Thành ủy Lạng Sơn" name the provincial city (a district-level unit);
"huyện Châu Thành" / "Huyện ủy Châu Thành" name a district, which the resolver finds in
the article's province (there are eleven Châu Thành districts).
"""

from __future__ import annotations

import re

from kg.extract.lexicon import lexicon
from kg.places import admin_map
from kg.records import DISTRICT, PROVINCE, Mention
from kg.textnorm import match_key

_BEFORE = re.compile(
    r"(tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.)\s*$"
)
_DISTRICT_WORDS = {"thành ủy": "thành phố", "huyện ủy": "huyện", "thị ủy": "thị xã", "quận ủy": "quận",
                   "huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "tx.": "thị xã",
                   "thành phố": "thành phố", "tp.": "thành phố", "tp": "thành phố"}
_PERSON_ONLY = {match_key("Hồ Chí Minh")}  # bare, it is the person; the city needs "Thành phố"/"TP."


def find_places(text: str, key: str) -> list[Mention]:
    amap = admin_map()
    out: list[Mention] = []
    for m in lexicon().place_re.finditer(key):
        words = text[m.start() : m.end()].split()
        if not all(w[:1].isupper() for w in words):
            continue
        name_key = re.sub(r"\s+", " ", m.group())
        before = _BEFORE.search(key, max(0, m.start() - 12), m.start())
        word = before.group(1) if before else ""
        province = amap.province_by_name.get(name_key)
        central_city = province is not None and province.type_word == "thành phố"
        surface = text[m.start() : m.end()]
        if word in ("tỉnh", "tỉnh ủy") or (not word and province is not None) or (central_city and word in _DISTRICT_WORDS and word.startswith(("thành", "tp"))):
            if province is None or (not word and name_key in _PERSON_ONLY):
                continue
            out.append(Mention(PROVINCE, surface, m.start(), m.end(), province.label, attrs={"code": province.code}))
        elif word in _DISTRICT_WORDS:
            type_word = _DISTRICT_WORDS[word]
            if name_key not in amap.districts_by_name:
                continue
            out.append(Mention(DISTRICT, surface, m.start(), m.end(), " ".join(words), scope="province",
                               attrs={"name": " ".join(words), "type_word": type_word}))
    return out
