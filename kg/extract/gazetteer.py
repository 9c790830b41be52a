"""Province and district names, with the word before them deciding which is meant.

"tỉnh Lạng Sơn" / "Tỉnh ủy Lạng Sơn" / a bare "Lạng Sơn" name the province;
"TP. Lạng Sơn" / "Thành ủy Lạng Sơn" name the provincial city (a district-level unit);
"huyện Châu Thành" / "Huyện ủy Châu Thành" name a district, which the resolver finds in
the article's province (there are eleven Châu Thành districts).
"""

from __future__ import annotations

import re

from kg.extract.lexicon import place_spans
from kg.places import admin_map
from kg.records import DISTRICT, PROVINCE, Mention
from kg.textnorm import match_key

_BEFORE = re.compile(r"(tỉnh ủy|thành ủy|huyện ủy|thị ủy|quận ủy|tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.)\s*$")
_DISTRICT_WORDS = {
    "thành ủy": "thành phố",
    "huyện ủy": "huyện",
    "thị ủy": "thị xã",
    "quận ủy": "quận",
    "huyện": "huyện",
    "quận": "quận",
    "thị xã": "thị xã",
    "tx.": "thị xã",
    "thành phố": "thành phố",
    "tp.": "thành phố",
    "tp": "thành phố",
}
_PERSON_ONLY = {match_key("Hồ Chí Minh")}  # bare, it is the person; the city needs "Thành phố"/"TP."


def find_places(text: str, key: str) -> list[Mention]:
    amap = admin_map()
    out: list[Mention] = []
    for start, end in place_spans(text):
        words = text[start:end].split()
        name_key = match_key(" ".join(words))
        before = _BEFORE.search(key, max(0, start - 12), start)
        word = before.group(1) if before else ""
        province = amap.province_by_name.get(name_key)
        central_city = province is not None and province.type_word == "thành phố"
        surface = text[start:end]
        if (
            word in ("tỉnh", "tỉnh ủy")
            or (not word and province is not None)
            or (central_city and word in _DISTRICT_WORDS and word.startswith(("thành", "tp")))
        ):
            if province is None or (not word and name_key in _PERSON_ONLY):
                continue
            out.append(Mention(PROVINCE, surface, start, end, province.label, attrs={"code": province.code}))
        elif word in _DISTRICT_WORDS:
            type_word = _DISTRICT_WORDS[word]
            if name_key not in amap.districts_by_name:
                continue
            out.append(
                Mention(
                    DISTRICT,
                    surface,
                    start,
                    end,
                    " ".join(words),
                    scope="province",
                    attrs={"name": " ".join(words), "type_word": type_word},
                )
            )
    return out
