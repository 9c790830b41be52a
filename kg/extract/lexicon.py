"""The extractor's vocabulary: data files in ``kg/data`` turned into compiled patterns.

Patterns run over ``match_key(text)`` (lower case, tone-placement independent, same
length as the text), so offsets found there are offsets in the text itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kg.places import admin_map
from kg.textnorm import UPPER, match_key


def load_json(name: str) -> dict:
    """A data file shipped in the package."""
    return json.loads(resources.files("kg.data").joinpath(name).read_text(encoding="utf-8"))


def alternation(phrases: list[str], not_after: str = "") -> str:
    r"""A regex alternation of key-normalised phrases, spaces flexible, that prefers the longest
    phrase matching at a position (and, should what follows refuse it, the next longest).

    Written as a trie ("bộ (?:y tế|công an)", not "bộ y tế|bộ công an"): Python's regex engine
    tries the branches of an alternation one after the other at every position, so a list of a
    thousand names costs a thousand tries per character; the trie costs one per letter matched.
    The phrases that match at one position are prefixes of one another, so preferring to go on
    in the trie before stopping is preferring the longest, as a longest-first list does.

    With ``not_after`` (a set of characters, ``r"\w"``), a phrase matches only where the character
    before it is not one of them, as ``(?<!\w)`` written before the alternation says (see
    :func:`not_after_first`).
    """
    root: dict = {}
    for key in {match_key(p) for p in phrases}:
        node = root
        for c in key:
            node = node.setdefault(r"\s+" if c == " " else re.escape(c), {})
        node[""] = {}  # a phrase ends here
    if not_after and (r"\s+" in root or "" in root):
        raise ValueError("a phrase that opens with a space, or an empty one, has no first letter to look behind")
    return _trie_regex(root, not_after_first(not_after) if not_after else "")


def not_after_first(chars: str) -> str:
    r"""The look-behind to write after the first letter of a match, for ``(?<!chars)`` before it.

    Python's regex engine skips quickly to where a pattern can start only when the pattern opens
    with a letter, a set of letters or an alternation of words; one that opens with a look-behind
    is tried at every position of the text, at many times the cost. Written after the first letter
    (which is never a line break), the look-behind covers that letter and the character before it:
    ``b(?<!\w.)ộ`` matches where ``(?<!\w)bộ`` does.
    """
    return f"(?<!{chars}.)"


def word_start(words: list[str], not_after: str = r"\w") -> str:
    r"""``(?<!\w)(?:w1|w2|…)`` for words as written (not key-normalised), in their order, with the
    look-behind after each word's first letter (:func:`not_after_first`)."""
    behind = not_after_first(not_after)
    return "(?:" + "|".join(re.escape(w[:1]) + behind + re.escape(w[1:]) for w in words) + ")"


def _trie_regex(node: dict, after_first: str = "") -> str:
    branches = []
    for token in sorted(t for t in node if t):
        child = node[token]
        token += after_first  # (at the root only)
        while len(child) == 1 and "" not in child:  # a run of single letters needs no group
            ((nxt, child),) = child.items()
            token += nxt
        branches.append(token + _trie_regex(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # a phrase may end here: after trying to go on


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
    name_stopwords: frozenset[str]
    famous: dict[str, dict]
    place_names: dict[str, str]  # place_key(name) → name, provinces and districts
    place_max_words: int
    instruments: list[dict]


def _short_committee_names(raw: dict) -> None:
    """Writers shorten "Ủy ban" to "UB" in any committee's name ("UB Quốc phòng và An ninh", "UB
    Trung ương MTTQ Việt Nam", "UB MTTQ Việt Nam TP Hà Nội"): each such name gets its short form."""

    def short(name: str) -> str | None:
        return "UB " + name[len("Ủy ban ") :] if name.startswith("Ủy ban ") else None

    for entry in raw["central_bodies"]:
        entry["names"] += [s for n in entry["names"] if (s := short(n)) and s not in entry["names"]]
    for section in ("level_bodies", "departments"):
        known = {a for a, _ in raw[section]}
        raw[section] += [[s, canonical] for a, canonical in raw[section] if (s := short(a)) and s not in known]


@cache
def lexicon() -> Lexicon:
    raw = load_json("lexicon.json")
    _short_committee_names(raw)

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
    place_names |= {"Huế", "Sài Gòn", "TPHCM", "Thừa Thiên - Huế"}
    names = {place_key(n): n for n in sorted(place_names)}
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
        post_titles={match_key(t): t for t in raw["post_titles"]}
        | {match_key(a): t for a, t in raw["post_title_aliases"].items() if a != "_about"},
        honorifics={match_key(h): h for h in raw["honorifics"]},
        surnames=frozenset(raw["surnames"]) | frozenset(raw["foreign_surnames"]),
        event_types=table(raw["event_types"]),
        name_stopwords=frozenset(raw["name_stopwords"]),
        famous=famous,
        place_names=names,
        place_max_words=max(len(_WORD_IN_RUN.findall(n)) for n in names),  # "Bà Rịa-Vũng Tàu": four words
        instruments=load_json("central_instruments.json")["instruments"],
    )


_UPPER = UPPER
_CAP_RUN = re.compile(
    r"[" + _UPPER + r"]" + not_after_first(r"\w") + r"[\w'’]*(?:(?:[ \t]|\s?-\s?)[" + _UPPER + r"][\w'’]*)*"
)
_WORD_IN_RUN = re.compile(r"[\w'’]+")


@lru_cache(maxsize=65536)
def place_key(name: str) -> str:
    """Matching key of a place name: spacing around hyphens and case ignored, and the Central Highlands' spellings
    ("Đăk"/"Đak" for "Đắk", "Đắk G'Long" for "Đăk Glong", "Ia H' Drai")."""
    key = re.sub(r"\s*-\s*", "-", re.sub(r"\s+", " ", match_key(name.strip())))
    if "ăk" in key or "đak" in key or "pắc" in key:
        key = _HIGHLAND.sub(lambda m: _HIGHLAND_SPELLING[m.group()], key)
    if "'" in key or "’" in key:
        key = _APOSTROPHE.sub("", key)
    return key


# "Đăk Lăk", "Đak", "Krông Pắk" / "Krông Pắc": one spelling of each syllable
_HIGHLAND_SPELLING = {"ăk": "ắk", "đak": "đắk", "pắc": "pắk"}
_HIGHLAND = re.compile(r"(?<=\w)ăk(?!\w)|(?<!\w)(?:đak|pắc)(?!\w)")
_APOSTROPHE = re.compile(r"['’]\s*")


@cache
def _place_first_words() -> frozenset[str]:
    """The first words of the place names' keys."""
    return frozenset(_WORD_IN_RUN.match(k).group() for k in lexicon().place_names)


def place_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Capitalised province or district names in ``text[start:end]``, longest first, not overlapping.

    Only runs of capitalised words are looked at, so this is a dictionary lookup per
    run rather than one regular expression with seven hundred alternatives.
    """
    out: list[tuple[int, int]] = []
    for run in _CAP_RUN.finditer(text, start, len(text) if end is None else end):
        found = _places_in_run(run.group())
        if found:
            out.extend((run.start() + s, run.start() + e) for s, e in found)
    return out


@lru_cache(maxsize=65536)
def _places_in_run(run: str) -> tuple[tuple[int, int], ...]:
    """The place names in a run of capitalised words, as offsets in the run (runs recur: "Việt Nam", "Hà Nội")."""
    lex = lexicon()
    first_words = _place_first_words()
    out: list[tuple[int, int]] = []
    words = [(w.start(), w.end()) for w in _WORD_IN_RUN.finditer(run)]
    i = 0
    while i < len(words):
        if place_key(run[words[i][0] : words[i][1]]) not in first_words:
            i += 1  # no place name starts with this word
            continue
        for n in range(min(lex.place_max_words, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            if place_key(run[s:e]) in lex.place_names:
                out.append((s, e))
                i += n
                break
        else:
            i += 1
    return tuple(out)


def place_at(text: str, pos: int) -> tuple[str, int] | None:
    """The longest capitalised place name starting exactly at ``pos``: (name, end)."""
    run = _CAP_RUN.match(text, pos)
    if not run:
        return None
    for s, e in place_spans(text, pos, run.end()):
        if s == pos:
            return " ".join(text[s:e].split()), e
        break
    return None
