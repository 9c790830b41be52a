"""Resolution: mentions become entities with canonical labels and deterministic keys.

Within an article, context qualifies what the text leaves implicit ("Tỉnh ủy" in a
Lạng Sơn article is "Tỉnh ủy Lạng Sơn"; "Huyện ủy Châu Thành" in an An Giang article is
An Giang's). Across articles, one key per real-world thing (21-KL/TW is one node).
Keys are paths under the id namespace, built only from the text and reference data, so
the same input always gives the same keys.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kg.extract.lexicon import lexicon
from kg.places import Place, admin_map, current_province, find_district
from kg.records import (
    DISTRICT,
    EVENT,
    ORGANIZATION,
    PERSON,
    PROVINCE,
    RESOLUTION,
    Entity,
    Extraction,
    Mention,
    ResolvedArticle,
    ResolvedMention,
)
from kg.textnorm import fold, key_slug, match_key, modern_tone

_LOCAL_SUFFIXES = ("TU", "HU", "ĐU", "QU", "TXU", "ĐUK", "BCS", "BCSĐ", "ĐĐ", "UBND", "HĐND")


@dataclass
class Context:
    """What an article says about where it stands."""

    province: Place | None = None
    district: Place | None = None
    by_type: dict[str, Place] = field(default_factory=dict)  # most mentioned district of each kind

    def district_of_type(self, type_word: str | None) -> Place | None:
        """The district an implicit "Huyện ủy", "Thị ủy", "UBND thị xã" means: one of that kind."""
        if type_word is None:
            return self.district
        if self.district is not None and self.district.type_word == type_word:
            return self.district
        return self.by_type.get(type_word)


@dataclass
class Resolved:
    """All entities (by key) and the per-article results."""

    entities: dict[str, Entity] = field(default_factory=dict)
    articles: list[ResolvedArticle] = field(default_factory=list)


_SPACES = re.compile(r"\s+")


def clean_label(text: str) -> str:
    """Whitespace collapsed, modern tone placement: the form labels are kept in."""
    return modern_tone(_SPACES.sub(" ", text).strip())


# ---------------------------------------------------------------- context


def _publisher_province(publisher: str | None) -> Place | None:
    """ "TUAG" (Tỉnh ủy An Giang), "Điện Biên TV", "Báo Lạng Sơn" → the province."""
    if not publisher:
        return None
    amap = admin_map()
    acronym = re.fullmatch(r"(?:TU|BĐT|B)([A-ZĐ]{2,4})", publisher.strip("() "))
    if acronym:
        initials = fold(acronym.group(1))
        matches = [p for p in amap.provinces.values() if "".join(fold(w)[0] for w in p.name.split()) == initials]
        if len(matches) == 1:
            return matches[0]
    for name_key, province in amap.province_by_name.items():
        if re.search(r"(?<!\w)" + re.escape(name_key) + r"(?!\w)", match_key(publisher)):
            return province
    return None


def article_context(ex: Extraction) -> Context:
    """The article's province (votes of its place mentions; title counts triple) and district."""
    amap = admin_map()
    votes: Counter[str] = Counter()
    title_end = len(ex.article.title or "")
    for m in ex.mentions:
        weight = 3 if m.start < title_end else 1
        if m.kind == PROVINCE:
            votes[m.attrs["code"]] += weight
        elif m.kind == DISTRICT and not m.attrs.get("in_name"):  # not a route's end ("cao tốc Bến Lức - Long Thành")
            candidates = amap.districts_by_name.get(match_key(m.attrs["name"]), ())
            if len(candidates) == 1:
                votes[candidates[0].province_code] += weight
    pub = _publisher_province(ex.article.publisher)
    if pub:
        votes[pub.code] += 3
    province = None
    if votes:
        code = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        province = amap.provinces[code]
    district = None
    if province:
        dvotes: Counter[str] = Counter()
        in_title: set[str] = set()
        for m in ex.mentions:
            if m.kind == DISTRICT and not m.attrs.get("in_name"):
                d = _district_for(m, province)
                if d:
                    dvotes[d.code] += 1
                    if m.start < title_end:
                        in_title.add(d.code)
        if in_title:
            district = amap.districts[sorted(in_title)[0]]
        elif dvotes:
            (code, n), *rest = sorted(dvotes.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= 3 and (not rest or rest[0][1] < n):
                district = amap.districts[code]
        by_type: dict[str, Place] = {}
        for code, _ in sorted(dvotes.items(), key=lambda kv: (-kv[1], kv[0])):
            by_type.setdefault(amap.districts[code].type_word, amap.districts[code])
        return Context(province, district, by_type)
    return Context(province, district)


def _district_for(m: Mention, province: Place | None) -> Place | None:
    amap = admin_map()
    name = m.attrs["name"]
    if province:
        cands = [d for d in amap.districts_by_name.get(match_key(name), ()) if d.province_code == province.code]
        same_type = [d for d in cands if d.type_word == m.attrs.get("type_word")]
        if same_type or cands:
            return (same_type or cands)[0]
    return find_district(name, None)


# ---------------------------------------------------------------- organisations


@dataclass(frozen=True)
class OrgName:
    label: str
    province: str | None = None  # GSO code
    district: str | None = None
    parent: OrgName | None = None


def _place_label(place: Place) -> str:
    return place.name


def _base_name(base: dict, ctx: Context) -> OrgName | None:
    """The fully qualified name of a base body, or None when context cannot qualify it."""
    amap = admin_map()
    kind = base["kind"]
    if kind == "central":
        parent = OrgName(base["parent"]) if base.get("parent") else None
        return OrgName(base["label"], parent=parent)
    explicit = base.get("place")
    province = amap.province_by_name.get(match_key(explicit)) if explicit else None
    head = base.get("head", "")
    if kind == "named":
        return _named_name(base, province, ctx)
    if kind == "press":
        return OrgName(f"{head} {explicit}", province=province.code) if province else None
    level = base.get("level")
    if kind == "committee":
        youth = match_key(head).lower().endswith("đoàn")  # "Tỉnh Đoàn", "Huyện đoàn": the Youth Union's
        if level == "province":
            p = province or (None if explicit else ctx.province)
            return OrgName(f"{head if youth else 'Tỉnh ủy'} {p.name}", province=p.code) if p else None
        if level == "city" and (province and province.type_word == "thành phố"):
            return OrgName(f"{head if youth else 'Thành ủy'} {city_name(province)}", province=province.code)
        if (
            level == "city"
            and not explicit
            and ctx.province
            and ctx.province.type_word == "thành phố"
            and (not ctx.district or ctx.district_of_type("thành phố") is None)  # not a city within it
        ):
            return OrgName(f"{head if youth else 'Thành ủy'} {city_name(ctx.province)}", province=ctx.province.code)
        kind_of = {"huyện": "huyện", "thị": "thị xã", "quận": "quận", "thành": "thành phố"}.get(
            match_key(head).lower().split()[0]
        )
        district = _district_named(explicit, ctx, kind_of) if explicit else ctx.district_of_type(kind_of)
        if district is None:
            return None
        p = amap.provinces[district.province_code]
        above = ("Thành đoàn" if p.type_word == "thành phố" else "Tỉnh đoàn") if youth else None
        above = above or ("Thành ủy" if p.type_word == "thành phố" else "Tỉnh ủy")
        parent = OrgName(f"{above} {p.name}", province=p.code)
        return OrgName(f"{head} {district.name}", province=p.code, district=district.code, parent=parent)
    if base.get("commune"):  # "Ủy ban nhân dân phường Bắc Sơn"
        p, d = ctx.province, ctx.district
        return OrgName(
            f"{head} {level} {base['commune']}", province=p.code if p else None, district=d.code if d else None
        )
    # level bodies: HĐND / UBND / Đảng bộ / Ủy ban MTTQ … + level + place
    central_city = (province is not None and province.type_word == "thành phố") or (
        not explicit
        and ctx.province is not None
        and ctx.province.type_word == "thành phố"
        # "UBND TP" in a TPHCM article about huyện Cần Giờ is the city's (not TP Thủ Đức's, named in passing)
        and (not ctx.district or ctx.district.type_word != "thành phố")
    )
    if level in (None, "tỉnh") or (level == "thành phố" and central_city):
        p = province or (None if explicit else ctx.province)
        if p is None or level == "tỉnh" and not explicit and p.type_word == "thành phố":
            return None  # "UBND tỉnh" in an article placed in Hà Nội: some province's, not the city's
        word = "thành phố" if p.type_word == "thành phố" else "tỉnh"
        return OrgName(f"{head} {word} {p.name}", province=p.code)
    district = _district_named(explicit, ctx, level) if explicit else ctx.district_of_type(level)
    if district is None:
        return None
    return OrgName(
        f"{head} {district.type_word} {district.name}", province=district.province_code, district=district.code
    )


def city_name(p: Place) -> str:
    """How a committee names its province: "Hà Nội", but "Thành phố Hồ Chí Minh" (not the person)."""
    return p.label if p.code == "79" else p.name


def _named_name(base: dict, province: Place | None, ctx: Context) -> OrgName | None:
    """A named body ("Sở Y tế", "Trường Đại học Đồng Nai") with the place the text gives or implies."""
    amap = admin_map()
    label, level = base["label"], base.get("level")
    explicit = base.get("place")
    if explicit:
        if province and (level in (None, "tỉnh") or province.type_word == "thành phố"):
            word = "thành phố" if province.type_word == "thành phố" else "tỉnh"
            return OrgName(f"{label} {word} {province.name}", province=province.code)  # not "thành phố Thành phố …"
        district = _district_named(explicit, ctx, level)
        if district is None:
            return None
        return OrgName(
            f"{label} {district.type_word} {district.name}", province=district.province_code, district=district.code
        )
    if base.get("commune"):
        code = ctx.province.code if ctx.province else None
        district = ctx.district.code if ctx.district else None
        return OrgName(f"{label} {level} {base['commune']}", province=code, district=district)
    trailing = next((p for k, p in amap.province_by_name.items() if match_key(label).endswith(" " + k)), None)
    if trailing:  # "Sở Quy hoạch - Kiến trúc Hà Nội"; "Sở GD&ĐT Lào Cai" → "Sở Giáo dục và Đào tạo tỉnh Lào Cai"
        if base["head"] in lexicon().raw["province_scoped_heads"]:  # "Sở Y tế Hà Nội" → "… thành phố Hà Nội"
            stem = label[: len(label) - len(trailing.name)].rstrip()
            word = "thành phố" if trailing.type_word == "thành phố" else "tỉnh"
            if not match_key(stem).lower().endswith((" tỉnh", " thành phố")):
                label = f"{stem} {word} {trailing.name}"
        return OrgName(label, province=trailing.code)
    if (
        level in ("huyện", "quận", "thị xã")
        or level == "thành phố"
        and not (ctx.province and ctx.province.type_word == level)
    ):
        district = ctx.district_of_type(level)  # "Phòng GD-ĐT quận" in a Liên Chiểu article
        if district is None:
            return None
        return OrgName(
            f"{label} {district.type_word} {district.name}", province=district.province_code, district=district.code
        )
    scoped = base["head"] in lexicon().raw["province_scoped_heads"] or level in ("tỉnh", "thành phố")
    if scoped:
        if (
            ctx.province is None
            or level == "tỉnh"
            and ctx.province.type_word == "thành phố"
            and not base.get("level_implied")
        ):
            return None if level == "tỉnh" else OrgName(label)  # "Sở GDĐT tỉnh" is no city's department
        word = "thành phố" if ctx.province.type_word == "thành phố" else "tỉnh"
        return OrgName(f"{label} {word} {ctx.province.name}", province=ctx.province.code)
    return OrgName(label)


def _district_named(name: str, ctx: Context, type_word: str | None = None) -> Place | None:
    amap = admin_map()
    cands = amap.districts_by_name.get(match_key(name), ())
    if ctx.province:
        local = [d for d in cands if d.province_code == ctx.province.code]
        if local:
            typed = [d for d in local if d.type_word == type_word]
            return (typed or local)[0]
    return cands[0] if len(cands) == 1 else None


@cache
def _central_labels() -> frozenset[str]:
    return frozenset(e["label"] for e in lexicon().raw["central_bodies"])


def org_name(m: Mention, ctx: Context) -> OrgName | None:
    """Departments over the qualified base: "Ban Tổ chức" + "Tỉnh ủy Lạng Sơn"."""
    base = _base_name(m.attrs["base"], ctx)
    if base is None:
        return None
    if m.attrs["base"].get("prefix"):  # "Đảng ủy" + "Trường Đại học Đồng Nai"
        base = OrgName(f"{m.attrs['base']['prefix']} {base.label}", province=base.province, district=base.district)
    name = base
    for dept in reversed(m.attrs["departments"]):
        name = OrgName(f"{dept} {name.label}", province=name.province, district=name.district, parent=name)
    return name


# ---------------------------------------------------------------- resolutions


@cache
def _central_table() -> dict:
    by_symbol, by_plenum = {}, {}
    for entry in lexicon().instruments:
        by_symbol[entry["symbol"]] = entry
        if "plenum" in entry:
            by_plenum[(entry["type"], entry["plenum"], entry["term"])] = entry
    return {"symbol": by_symbol, "plenum": by_plenum}


def _is_local(symbol: str) -> bool:
    issuer = symbol.rsplit("/", 1)[-1]
    return any(part in _LOCAL_SUFFIXES for part in re.split(r"[-/]", issuer))


def _fix_truncated(m: Mention, numbered: list[Mention]) -> str:
    """ "21-KL/T" → "21-KL/TW" when the article (or the central table) names the full symbol."""
    symbol = m.attrs["symbol"]
    suffix = m.attrs["issuer_code"]
    if suffix in lexicon().raw["party_issuer_suffixes"] or m.attrs.get("state"):
        return symbol
    prefix = symbol.rsplit("/", 1)[0] + "/"
    fuller = sorted(
        {
            o.attrs["symbol"]
            for o in numbered
            if o.attrs["symbol"].startswith(prefix)
            and o.attrs["issuer_code"].startswith(suffix)
            and o.attrs["issuer_code"] != suffix
        }
    )
    if fuller:
        return fuller[0]
    table = [s for s in _central_table()["symbol"] if s.startswith(prefix) and s.rsplit("/", 1)[1].startswith(suffix)]
    return table[0] if len(table) == 1 else symbol


def _resolution_entity(
    m: Mention, ctx: Context, numbered: list[Mention], article_id: str
) -> tuple[str, str, dict] | None:
    """(key, label, attrs) for a resolution mention."""
    attrs = dict(m.attrs)
    entry = None
    if attrs.get("short"):
        same = sorted(
            {
                o.attrs["symbol"]
                for o in numbered
                if o.attrs.get("number") == attrs["number"] and o.attrs["type"] == attrs["type"]
            }
        )
        if not same:
            if not attrs.get("numbered"):
                return None  # "Chỉ thị 39" with no symbol to tie it to
            # "kế hoạch số 22": a numbered instrument of this article whose symbol it never gives
            label = f"{attrs['type']} số {attrs['number']}"
            return f"resolution/article-{article_id}/{key_slug(label)}", label, attrs
        attrs["symbol"] = same[0]
    elif "symbol" in attrs:
        attrs["symbol"] = _fix_truncated(m, numbered)
    elif "plenum" in attrs:
        entry = _central_table()["plenum"].get((attrs["type"], attrs["plenum"], attrs["term"]))
        if entry:
            attrs["symbol"] = entry["symbol"]
    symbol = attrs.get("symbol")
    if symbol:
        entry = entry or _central_table()["symbol"].get(symbol)
        if entry:  # the reference table is the authority on central instruments
            attrs.update(type=entry["type"], issued=entry["issued"], title=entry["title"])
            attrs.setdefault("issuer_label", entry["issuer"])
            if "term" in entry:
                attrs.setdefault("term", entry["term"])
        type_word = entry["type"] if entry else attrs["type"]
        label = f"{type_word} số {symbol}"
        if _is_local(symbol):
            scope = ctx.province.code if ctx.province else f"article-{article_id}"
            key = f"resolution/{scope}/{key_slug(symbol)}"
        else:
            key = f"resolution/{key_slug(symbol)}"
        return key, label, attrs
    inner = attrs.pop("inner_congress", None)
    name = inner and org_name(inner["org"], ctx)
    if name is not None:  # "Chương trình hành động … Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ nhiệm kỳ 2020-2025"
        label = " ".join(
            filter(None, [inner["before"], "Nghị quyết Đại hội", name.label, inner["tenure"], inner["after"]])
        )
        return f"resolution/{key_slug(label)}", label, attrs
    if "congress_org" in attrs:  # "Nghị quyết Đại hội XVII Đảng bộ thành phố Hà Nội"
        name = org_name(attrs.pop("congress_org"), ctx)
        if name is None:
            return None
        label = f"{m.label} {name.label}"
        if "congress_tenure" in attrs:  # "Nghị quyết Đại hội Đảng bộ thành phố Cần Thơ nhiệm kỳ 2020-2025"
            label = f"{label} {attrs.pop('congress_tenure')}"
        return f"resolution/{key_slug(label)}", label, attrs
    return f"resolution/{key_slug(m.label)}", m.label, attrs


# ---------------------------------------------------------------- posts

# colloquial titles and the full ones: "Phó phòng Nội vụ" is a Phó Trưởng phòng
_TITLE_FULL = {"Phó phòng": "Phó Trưởng phòng"}


def _place_stem(words: list[str]) -> list[str] | None:
    """ "… Covid-19 của tỉnh" → "… Covid-19 tỉnh": a name that ends on a level with its place left out."""
    for level in (["tỉnh"], ["thành", "phố"]):
        n = len(level)
        if words[-n:] == level and len(words) > n + 2:
            return words[: -n - 1] + level if words[-n - 1] == "của" else words
    return None


_ANNIVERSARY_YEARS = re.compile(r"(?:lễ\s+)?kỷ niệm\s+(\d+)\s+năm\s")


def _near_same_names(a: list[str], b: list[str]) -> int:
    """Whether two written forms (as words) are one name, and which to keep: 0 when not, 1 to keep
    ``a``, 2 to keep ``b``. One name: equal but for spaces and punctuation ("côngvà" / "công và", keep
    the spaced one; "phòng, chống" / "phòng chống"); the place left out ("Hội nghị Ban Chỉ đạo … của
    tỉnh" / "… tỉnh Ninh Bình", keep the place); six words or more but for one or two left out inside
    ("học" / "học tập", "Hội thảo “…”" / "Hội thảo khoa học “…”": keep ``a``, the first)."""
    if "".join(a) == "".join(b):
        return 2 if len(b) > len(a) else 1
    for x, y, keep in ((a, b, 2), (b, a, 1)):
        stem = _place_stem(x)
        if stem and "".join(y[: len(stem)]) == "".join(stem) and 0 < len(y) - len(stem) <= 3:
            return keep
    short, long_ = sorted((a, b), key=len)
    extra = len(long_) - len(short)
    if len(short) < 6 or not 1 <= extra <= 2:
        return 0
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return 1 if i < len(short) and short[i:] == long_[i + extra :] else 0  # words added at the end: a longer name


def _same_body(label: str, others: list[str]) -> str | None:
    """The other name of the article that is the same body as ``label``, written fuller: "Đại học Tôn
    Đức Thắng" is the "Trường Đại học Tôn Đức Thắng" of the same article; "Nhà máy thép Hòa Phát Dung
    Quất" the "Nhà máy gang thép Hòa Phát Dung Quất" (a lower-case word more before the same proper name
    of two words or more, not a place). None if there is none, or more than one."""
    words = label.split()
    found = set()
    for other in others:
        more = other.split()
        if words[:2] == ["Đại", "học"] and more == ["Trường", *words]:
            found.add(other)
        elif len(more) == len(words) + 1 and len(words) >= 4:
            i = next((k for k in range(len(words)) if words[k] != more[k]), len(words))
            tail = words[i:]
            if (
                0 < i
                and more[i].islower()
                and tail == more[i + 1 :]
                and len(tail) >= 3
                and sum(w[:1].isupper() for w in tail) >= 2
                and not any(w in ("tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường") for w in tail)
            ):
                found.add(other)
    return next(iter(found)) if len(found) == 1 else None


def post_label(title: str, org_label: str) -> str:
    """The post a title names in a body: the title and the body's name, the head word said once.

    A title that ends with the body's head word names the body with it, as writers do:
    "Trưởng phòng" + "Phòng Nội vụ thị xã Bỉm Sơn" → "Trưởng phòng Nội vụ thị xã Bỉm Sơn",
    "Trưởng đoàn" + "Đoàn đại biểu Quốc hội …", "Chánh Văn phòng" + "Văn phòng Tỉnh ủy …";
    "Hiệu trưởng Trường …", "Bộ trưởng Bộ …" keep both (the title's own word differs).
    """
    title = _TITLE_FULL.get(title, title)
    raw = lexicon().raw
    full = raw["standalone_posts"].get(title)
    if full and raw["standalone_post_orgs"].get(full) == org_label:  # "Tổng Bí thư" of the Ban Chấp hành Trung ương
        return full
    words, org_words = title.split(), org_label.split()
    if title.endswith(" Hội đồng trường"):  # "Chủ tịch Hội đồng trường" + "Trường Đại học …": the council's name
        return f"{title} {org_label}"
    for n in (2, 1):
        if (
            len(words) > n
            and len(org_words) > n
            and match_key(" ".join(words[-n:])).lower() == match_key(" ".join(org_words[:n])).lower()
        ):
            return " ".join(words + org_words[n:])
    return f"{title} {org_label}"


# ---------------------------------------------------------------- the resolver


class Resolver:
    """Resolves one article (``add``), collecting the entities it names in ``result``."""

    def __init__(self) -> None:
        self.result = Resolved()
        self._date: dt.date | None = None  # the date of the article being resolved
        self._span_keys: dict[tuple[int, int], str] = {}  # its organisations, by span
        self._org_spans: list[tuple[int, int]] | None = None

    def _entity(self, kind: str, key: str, label: str, surface: str | None = None, **attrs) -> Entity:
        ent = self.result.entities.get(key)
        if ent is None:
            ent = self.result.entities[key] = Entity(kind, key, label)
        if surface:
            alt = clean_label(surface)
            if alt != ent.label:
                ent.alt_labels.add(alt)
        for k, v in attrs.items():
            if v is not None and k not in ent.attrs:
                ent.attrs[k] = v
        return ent

    def _org(self, name: OrgName, surface: str | None = None) -> str:
        key = f"org/{key_slug(name.label)}"
        parent_key = self._org(name.parent) if name.parent else None
        province_key = self._province(name.province) if name.province else None
        district_key = self._district(name.district) if name.district else None
        self._entity(
            ORGANIZATION, key, name.label, surface, province=province_key, district=district_key, parent=parent_key
        )
        return key

    def _province(self, code: str, surface: str | None = None) -> str:
        """The province (as it was on the article's date) with that pre-2025 code."""
        p = current_province(admin_map().provinces[code], self._date)
        self._entity(PROVINCE, p.key, p.label, surface, code=p.code, type_word=p.type_word)
        return p.key

    def _district(self, code: str, surface: str | None = None) -> str:
        d = admin_map().districts[code]
        old = admin_map().provinces[d.province_code]  # districts belong to the pre-2025 map
        self._entity(PROVINCE, old.key, old.label, None, code=old.code, type_word=old.type_word)
        self._entity(DISTRICT, d.key, d.label, surface, code=d.code, type_word=d.type_word, province=old.key)
        return d.key

    def add(self, ex: Extraction) -> ResolvedArticle:
        ctx = article_context(ex)
        article = ex.article
        self._date = article.date
        out = ResolvedArticle(article, self._province(ctx.province.code) if ctx.province else None)
        numbered = [m for m in ex.mentions if m.kind == RESOLUTION and "symbol" in m.attrs]
        keys: list[str | None] = [None] * len(ex.mentions)
        # events last: an event named after a body ("Kỳ họp thứ 6 của …") takes the body's full name
        order = sorted(range(len(ex.mentions)), key=lambda i: ex.mentions[i].kind == EVENT)
        self._span_keys: dict[tuple[int, int], str] = {}
        self._org_spans: list[tuple[int, int]] | None = None  # sorted, made when the first event needs it
        for i in order:
            m = ex.mentions[i]
            keys[i] = self._resolve_mention(m, ctx, numbered, article)
            if keys[i] and m.kind == ORGANIZATION:
                self._span_keys[(m.start, m.end)] = keys[i]
        keys = self._merge_event_names(keys, [m.start for m in ex.mentions], out.province_key)
        for m, key in zip(ex.mentions, keys, strict=True):
            if key:
                out.mentions.append(ResolvedMention(m, key))
        post_orgs = lexicon().raw["standalone_post_orgs"]
        for f in ex.facts:
            s, o = keys[f.subject], keys[f.object]
            if f.relation == "holds_standalone" and s:
                post = f.attrs["post"]
                body = post_orgs.get(post) or post_orgs[re.sub(r" khóa [IVXL]+$", "", post)]  # "… khóa XIV"
                org = self._org(OrgName(body, parent=None))
                out.facts.append((s, "holds", org, {"title": post, "post_label": post}))
            elif f.relation == "holds_implied" and s:  # a body the title implies: no mention of it
                name = _base_name(f.attrs["base"], ctx)
                if name is not None:
                    title = f.attrs["title"]
                    org = self._org(name)
                    label = f.attrs.get("post_label") or post_label(title, name.label)
                    out.facts.append((s, "holds", org, {"title": title, "post_label": label}))
            elif s and o and s != o:
                attrs = dict(f.attrs)
                if f.relation == "holds" and "post_label" not in attrs:
                    attrs["post_label"] = post_label(attrs["title"], self.result.entities[o].label)
                out.facts.append((s, f.relation, o, attrs))
        for rm in out.mentions:
            ent = self.result.entities[rm.entity_key]
            if ent.kind == RESOLUTION and ent.attrs.get("issuer_label"):
                out.facts.append((ent.key, "issued_by", self._org(OrgName(ent.attrs["issuer_label"])), {}))
            if ent.kind == ORGANIZATION and ent.attrs.get("parent"):
                out.facts.append((ent.key, "sub_organization_of", ent.attrs["parent"], {}))
        for author in article.authors:
            key = f"person/{key_slug(author)}"
            self._entity(PERSON, key, author)
            out.facts.append(("", "creator", key, {}))
        if article.publisher:
            out.facts.append(("", "publisher", self._publisher(article.publisher), {}))
        out.facts = sorted({(s, r, o, tuple(sorted(a.items()))) for s, r, o, a in out.facts})
        out.facts = [(s, r, o, dict(a)) for s, r, o, a in out.facts]
        self.result.articles.append(out)
        return out

    def _merge_event_names(
        self, keys: list[str | None], starts: list[int], province: str | None = None
    ) -> list[str | None]:
        """Within one article, "Lễ hội Hoa phượng đỏ" is the "Lễ hội Hoa phượng đỏ 2021" it named
        before: an event whose name begins another's (three words or more) is that event.
        Likewise a named body cut short ("Ủy ban Thường vụ" after "Ủy ban Thường vụ Quốc hội") is
        the one longer body of the article it begins, when there is only one."""
        alias: dict[str, str] = {}
        first: dict[str, int] = {}
        for i, k in enumerate(keys):
            if k and k.startswith("event/") and (k not in first or starts[i] < first[k]):
                first[k] = starts[i]
        events = sorted(first, key=lambda k: (first[k], k))  # in the order the article names them
        # one event written twice with a slip ("côngvà", "phòng, chống" / "phòng chống", a word left out):
        # the name the article gives first
        words = {k: re.findall(r"\w+", match_key(self.result.entities[k].label)) for k in events}
        local = [k for k in events if k.count("/") > 1]  # central events ("event/<label>") keep their canonical names
        for i, later in enumerate(local):
            for k in local[:i]:
                keep = 0 if k in alias else _near_same_names(words[k], words[later])
                if keep:
                    alias[later if keep == 1 else k] = k if keep == 1 else later
                    break
        marked: dict[str, str] = {}  # "Kỷ niệm 46 năm Ngày toàn thắng 30/4/1975" / "… 46 năm Ngày giải phóng miền Nam":
        for k in local:  # one anniversary of one article, the name it gives first
            years = k not in alias and _ANNIVERSARY_YEARS.match(match_key(self.result.entities[k].label))
            if years:
                if years.group(1) in marked:
                    alias[k] = marked[years.group(1)]
                else:
                    marked[years.group(1)] = k
        events = sorted(k for k in events if k not in alias)
        labels = {k: match_key(self.result.entities[k].label) for k in events}
        for short in events:
            longer = [k for k in events if k != short and labels[k].startswith(labels[short] + " ")]
            if longer and len(labels[short].split()) >= 3:
                alias[short] = sorted(longer, key=lambda k: (len(labels[k]), k))[0]
        orgs = sorted({k for k in keys if k and k.startswith("org/")})
        ents = self.result.entities
        labels = {k: match_key(ents[k].label).lower() for k in orgs}
        central = _central_labels()
        for short in orgs:
            if len(labels[short].split()) < 2 or ents[short].attrs.get("province") or ents[short].attrs.get("district"):
                continue
            if ents[short].label in central:  # "Bộ Quốc phòng" is not "Bộ Quốc phòng Trung Quốc"
                continue
            longer = [k for k in orgs if k != short and labels[k].startswith(labels[short] + " ")]
            if len(longer) > 1:  # "Hội Khuyến học" beside "… TP Cần Thơ" and "… Việt Nam": the article's place's
                local = [k for k in longer if province and ents[k].attrs.get("province") == province]
                # "Ban Chỉ đạo 24" beside "… tỉnh Thanh Hóa" and "… huyện Quảng Xương": the province's
                longer = [k for k in local if not ents[k].attrs.get("district")] if len(local) > 1 else local
            if len(longer) == 1 and ents[longer[0]].attrs.get("parent") != short:
                alias[short] = longer[0]
        for k in orgs:
            if k not in alias and (same := _same_body(ents[k].label, [ents[o].label for o in orgs if o != k])):
                alias[k] = next(o for o in orgs if ents[o].label == same)
        for k in list(alias):  # an alias of an alias: the last one
            while alias[k] in alias:
                alias[k] = alias[alias[k]]
        return [alias.get(k, k) if k else k for k in keys]

    def _publisher(self, publisher: str) -> str:
        outlet = lexicon().raw["press_hosts"].get(publisher.lower().removeprefix("www."))
        if outlet:  # "dantri.com.vn" → "Báo Dân trí"
            return self._org(OrgName(outlet), publisher)
        province = _publisher_province(publisher)
        if province and re.fullmatch(r"TU[A-ZĐ]+", publisher.strip("() ")):
            return self._org(OrgName(f"Tỉnh ủy {province.name}", province=province.code), publisher)
        tv = re.fullmatch(r"(.+?)\s*TV", publisher)
        if province and tv:
            return self._org(
                OrgName(f"Đài Phát thanh và Truyền hình {province.name}", province=province.code), publisher
            )
        return self._org(OrgName(clean_label(publisher), province=province.code if province else None))

    def _resolve_mention(self, m: Mention, ctx: Context, numbered: list[Mention], article) -> str | None:
        if m.kind == PROVINCE:
            return self._province(m.attrs["code"], m.text)
        if m.kind == DISTRICT:
            d = _district_for(m, ctx.province)
            return self._district(d.code, m.text) if d else None
        if m.kind == ORGANIZATION and m.attrs.get("publisher"):
            return self._publisher(m.label)
        if m.kind == ORGANIZATION:
            name = org_name(m, ctx)
            return self._org(name, m.text) if name else None
        if m.kind == PERSON:
            honorific = m.attrs.get("honorific")
            return self._entity(PERSON, f"person/{key_slug(m.label)}", m.label, m.text, honorific=honorific).key
        if m.kind == RESOLUTION:
            found = _resolution_entity(m, ctx, numbered, article.article_id)
            if not found:
                return None
            key, label, attrs = found
            keep = {k: attrs.get(k) for k in ("symbol", "type", "issued", "title", "term", "issuer_label")}
            named = m.label if m.attrs.get("named") and m.label != label else None
            several = m.attrs.get("named") and "," in m.text  # "… 4 (khóa XI, XII)" names two
            ent = self._entity(RESOLUTION, key, label, None if several else m.text, **keep)
            if named:
                ent.alt_labels.add(named)
            return key
        if m.kind == EVENT:
            return self._event(m, ctx, article)
        return None

    def _qualified(self, label: str, m: Mention, text: str) -> str:
        """An event named with a body the article leaves unqualified takes the body's full name:
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5" → "… Đảng bộ tỉnh Bắc Giang lần thứ 5"."""
        if self._org_spans is None:
            self._org_spans = sorted(self._span_keys)
        spans = self._org_spans
        k = bisect.bisect_left(spans, (m.start, -1))
        while k < len(spans) and spans[k][0] < m.end:
            start, end = spans[k]
            k += 1
            surface = " ".join(text[start:end].split())
            full = self.result.entities[self._span_keys[(start, end)]].label
            if end <= m.end and len(full) > len(surface) and match_key(full).startswith(match_key(surface) + " "):
                place = full[len(surface) + 1 :]  # only a place the article left out: "Bắc Giang", "tỉnh Hà Nam"
                if place[:1].isupper() or re.match(r"(?:tỉnh|thành phố|huyện|quận|thị xã) [A-ZĐ]", place):
                    label = label.replace(surface, full, 1)
        return label

    def _event(self, m: Mention, ctx: Context, article) -> str | None:
        attrs = m.attrs
        date = None
        if "date_parts" in attrs:
            y, mo, d = attrs["date_parts"]
            y = y or (article.date.year if article.date else None)
            if y:
                try:
                    date = dt.date(y, mo, d).isoformat()
                except ValueError:
                    date = None
        label = m.label
        if "org_span" in attrs:  # named after a body: use the body's full name
            org_key = self._span_keys.get(tuple(attrs["org_span"]))
            if org_key is None:
                return None
            org_label = self.result.entities[org_key].label
            if attrs.get("plenum_of"):  # "BCH Đảng bộ tỉnh X tổ chức Hội nghị lần thứ 5 (khóa XX)"
                label = f"{m.label} {org_label}" + (f" khóa {attrs['term']}" if attrs.get("term") else "")
            elif attrs.get("session"):
                of = " của " if " của " in m.text or attrs.get("of") else " "
                number = attrs["number"] if attrs["number"].startswith("lần") else f"thứ {attrs['number']}"
                label = f"{attrs['event_type']} {number}{of}{org_label}"
                label += f" khóa {attrs['term']}" if attrs.get("term") else ""
            else:
                head = "Đại hội đại biểu" if "đại biểu" in m.text[:20].lower() else "Đại hội"
                label = f"{head} {org_label}" + (f" {attrs['suffix']}" if attrs.get("suffix") else "")
                label = label.replace(" ,", ",")
        else:
            label = self._qualified(label, m, article.text)
        if attrs.get("central"):
            key = f"event/{key_slug(label)}"
            province = None
        else:
            key = f"event/{article.article_id}/{key_slug(label)[:80].rstrip('-')}"
            province = self._province(ctx.province.code) if ctx.province else None
        self._entity(
            EVENT,
            key,
            label,
            None,
            date=date,
            event_type=attrs.get("event_type"),
            term=attrs.get("term"),
            province=province,
        )
        return key


def resolve_article(ex: Extraction) -> tuple[ResolvedArticle, dict[str, Entity]]:
    """One article resolved on its own: its mentions and facts, and the entities it names as
    this article names them. It depends on nothing but the article (and reference data), so it
    can run in any process, in any order, and be kept between builds."""
    resolver = Resolver()
    return resolver.add(ex), resolver.result.entities


def merge_entities(into: dict[str, Entity], found: dict[str, Entity]) -> None:
    """Add one article's entities to the corpus-wide ones: the first article (in build order)
    to name an entity gives its label, and each attribute its first stated value; every other
    form seen becomes an alternative label (see :func:`finish_entities`)."""
    for key, ent in found.items():
        have = into.get(key)
        if have is None:
            into[key] = Entity(ent.kind, key, ent.label, set(ent.alt_labels), dict(ent.attrs))
            continue
        have.alt_labels |= ent.alt_labels
        if ent.label != have.label:
            have.alt_labels.add(ent.label)
        for k, v in ent.attrs.items():
            if k not in have.attrs:
                have.attrs[k] = v


def finish_entities(entities: dict[str, Entity]) -> dict[str, Entity]:
    """No entity lists its own label among its other names."""
    for ent in entities.values():
        ent.alt_labels.discard(ent.label)
    return entities


def merge(resolved: Iterable[tuple[ResolvedArticle, dict[str, Entity]]]) -> Resolved:
    """Articles resolved on their own (:func:`resolve_article`), in build order, as one set of
    entities (:func:`merge_entities`) and the articles."""
    result = Resolved()
    for ra, found in resolved:
        merge_entities(result.entities, found)
        result.articles.append(ra)
    finish_entities(result.entities)
    return result


def resolve(extractions: Iterable[Extraction]) -> Resolved:
    """Resolve every extraction on its own, in order, and merge the entities they name."""
    return merge(resolve_article(ex) for ex in extractions)
