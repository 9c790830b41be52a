"""The extractor's vocabulary: data files in ``kg/data`` turned into compiled patterns.

Patterns run over ``match_key(text)`` (lower case, tone-placement independent, same
length as the text), so offsets found there are offsets in the text itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.places import admin_map
from kg.textnorm import match_key


def load_json(name: str) -> dict:
    """A data file shipped in the package."""
    return json.loads(resources.files("kg.data").joinpath(name).read_text(encoding="utf-8"))


def alternation(phrases: list[str]) -> str:
    """A regex alternation of key-normalised phrases, longest first, spaces flexible."""
    keys = sorted({match_key(p) for p in phrases}, key=lambda k: (-len(k), k))
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    departments: dict[str, str]  # key → canonical
    committees: dict[str, str]  # key → level kind
    level_bodies: dict[str, str]
    levels: dict[str, str]
    central_suffixes: dict[str, str]
    central_bodies: dict[str, dict]  # key of any name → entry
    central_departments: dict[str, str]
    instrument_types: dict[str, str]  # key → canonical type word
    symbol_codes: dict[str, str]
    post_titles: dict[str, str]
    honorifics: dict[str, str]
    surnames: frozenset[str]
    event_types: dict[str, str]
    famous: dict[str, dict]
    place_re: re.Pattern  # province and district names
    instruments: list[dict]


@cache
def lexicon() -> Lexicon:
    raw = load_json("lexicon.json")

    def table(pairs) -> dict[str, str]:
        return {match_key(a): b for a, b in pairs}

    central = {}
    for entry in raw["central_bodies"]:
        for name in entry["names"]:
            central[match_key(name)] = entry
    famous = {}
    for entry in raw["famous_people"]:
        for name in entry["names"]:
            famous[match_key(name)] = entry
    amap = admin_map()
    place_names = {p.name for p in amap.provinces.values()} | {d.name for d in amap.districts.values()}
    place_names |= {"Huế", "Sài Gòn"}
    place_re = re.compile(r"(?<!\w)(?:" + alternation(sorted(place_names)) + r")(?!\w)")
    return Lexicon(
        raw=raw,
        departments=table(raw["departments"]),
        committees={match_key(k): v for k, v in raw["party_committees"].items()},
        level_bodies=table(raw["level_bodies"]),
        levels=table(raw["levels"]),
        central_suffixes=table(raw["central_suffixes"]),
        central_bodies=central,
        central_departments={match_key(k): v for k, v in raw["central_departments"].items()},
        instrument_types={match_key(k): k for k in raw["instrument_types"]},
        symbol_codes={k.upper(): v for k, v in raw["symbol_codes"].items()},
        post_titles={match_key(t): t for t in raw["post_titles"]},
        honorifics={match_key(h): h for h in raw["honorifics"]},
        surnames=frozenset(raw["surnames"]),
        event_types=table(raw["event_types"]),
        famous=famous,
        place_re=place_re,
        instruments=load_json("central_instruments.json")["instruments"],
    )
