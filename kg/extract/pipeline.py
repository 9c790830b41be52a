"""The spaCy pipeline: a Vietnamese language object with kg's own components.

Each component reads the text (and its tone-independent key) and adds what it finds
to ``doc._.kg_mentions`` / ``doc._.kg_links``, so the next component sees what the
previous ones found, in one direction:

    kg_normalise → kg_places → kg_organizations → kg_resolutions → kg_people → kg_events

Only this package imports spaCy. ``extract`` turns a Doc into an ``Extraction`` record.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract import PIPELINE_VERSION  # noqa: F401  (the package holds it, to be read without spaCy)
from kg.extract.events import find_events, find_occasions, organisers_and_chairs
from kg.extract.gazetteer import find_places
from kg.extract.lexicon import lexicon
from kg.extract.organizations import (
    find_companies,
    find_organizations,
    org_mention,
    parse_org,
    share_places,
    vietnamese_syllable,
)
from kg.extract.people import (
    BOARD_TITLES,
    byline_mentions,
    credited_names,
    find_people,
    post_body_mention,
    standalone_post,
)
from kg.extract.resolutions import find_implements, find_plenums, find_resolutions
from kg.extract.sentences import split_sentences
from kg.records import ORGANIZATION, PERSON, Article, Extraction, Fact, Mention
from kg.textnorm import match_key

COMPONENTS = ("kg_normalise", "kg_places", "kg_organizations", "kg_resolutions", "kg_people", "kg_events")

for _name in ("kg_text", "kg_key", "kg_sentences", "kg_mentions", "kg_links", "kg_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("kg_normalise", assigns=["doc._.kg_key", "doc._.kg_sentences"])
def kg_normalise(doc: Doc) -> Doc:
    """The text (``Doc.text`` is rebuilt from tokens at every access), its matching key
    (same length) and sentence boundaries."""
    if doc._.kg_text is None:
        doc._.kg_text = doc.text
    doc._.kg_key = match_key(doc._.kg_text)
    doc._.kg_sentences = split_sentences(doc._.kg_text)
    doc._.kg_mentions = []
    doc._.kg_links = []
    return doc


@Language.component("kg_places", assigns=["doc._.kg_mentions"])
def kg_places(doc: Doc) -> Doc:
    doc._.kg_mentions.extend(find_places(doc._.kg_text, doc._.kg_key))
    return doc


@Language.component("kg_organizations", assigns=["doc._.kg_mentions"])
def kg_organizations(doc: Doc) -> Doc:
    text = doc._.kg_text
    orgs = find_organizations(text, doc._.kg_key)
    spans = [(m.start, m.end) for m in orgs]
    companies = find_companies(text, spans)  # "Huawei", "Giám đốc Viettel Hậu Giang"
    orgs.extend(companies)
    spans += [(m.start, m.end) for m in companies]
    for kind, start, end, label in credited_names(text):  # "(Ảnh: AFP)", "Theo Reuters": the outlet
        if kind == ORGANIZATION and not any(s < end and start < e for s, e in spans):
            base = {"kind": "central", "label": label, "parent": None, "press": True}
            orgs.append(Mention.at(text, ORGANIZATION, start, end, label, attrs={"departments": [], "base": base}))
    doc._.kg_mentions.extend(orgs)
    return doc


class _Orgs:
    """A list of mentions with its organisation mentions indexed by start offset, so that
    finding one by its span, or dropping those that start in a stretch, costs nothing like a
    scan of them all (a long article has thousands). :meth:`result` is the list as it would be
    had each drop filtered it at once."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.by_start: dict[int, list[tuple[int, Mention]]] = {}  # start → (position in the list, org)
        self.dropped: set[int] = set()  # positions dropped
        self.longest = 0
        for i, m in enumerate(mentions):
            self._note(i, m)

    def _note(self, i: int, m: Mention) -> None:
        if m.kind == ORGANIZATION:
            self.by_start.setdefault(m.start, []).append((i, m))
            self.longest = max(self.longest, m.end - m.start)

    def append(self, m: Mention) -> None:
        self.mentions.append(m)
        self._note(len(self.mentions) - 1, m)

    def at(self, start: int, end: int) -> Mention | None:
        """The first organisation mention of exactly [start, end) still in the list."""
        return next((m for _, m in self.by_start.get(start, ()) if m.end == end), None)

    def has_equal(self, mention: Mention) -> bool:
        """Whether an organisation mention equal to ``mention`` is in the list."""
        return any(m == mention for _, m in self.by_start.get(mention.start, ()))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether an organisation mention in the list overlaps [start, end)."""
        for pos in range(max(0, start - self.longest), end):
            if any(start < m.end and m.start < end for _, m in self.by_start.get(pos, ())):
                return True
        return False

    def drop_starting_in(self, start: int, end: int) -> None:
        """Drop the organisation mentions that start in [start, end)."""
        for pos in range(start, end):
            for i, _ in self.by_start.pop(pos, ()):
                self.dropped.add(i)

    def result(self) -> list[Mention]:
        if not self.dropped:
            return self.mentions
        return [m for i, m in enumerate(self.mentions) if i not in self.dropped]


def _org_at(doc: Doc, start: int, end: int, orgs: _Orgs | None = None) -> Mention | None:
    """The organisation mention covering exactly [start, end), made if missing."""
    orgs = orgs or _Orgs(doc._.kg_mentions)
    found = orgs.at(start, end)
    if found is not None:
        return found
    parsed = parse_org(doc._.kg_text, doc._.kg_key, start, allow_generic=True)
    if parsed is None or parsed.end != end:
        return None
    mention = org_mention(doc._.kg_text, parsed)
    orgs.append(mention)
    return mention


@Language.component("kg_resolutions", assigns=["doc._.kg_mentions", "doc._.kg_links"])
def kg_resolutions(doc: Doc) -> Doc:
    text, key = doc._.kg_text, doc._.kg_key
    found = find_resolutions(text, key)
    for i, j in find_implements(text, key, found):
        doc._.kg_links.append(("implements", found[i], found[j], {}))
    orgs = _Orgs(doc._.kg_mentions)
    for res in found:
        span = res.attrs.pop("issuer_span", None)
        if span:
            issuer = _org_at(doc, *span, orgs=orgs)
            if issuer is not None:
                doc._.kg_links.append(("issued_by", res, issuer, {}))
        res.attrs.pop("tail_end", None)
    # "BCH Trung ương (khóa XIII) ban hành Kết luận số 21-KL/TW"
    by_start: list[tuple[int, int, Mention]] | None = None  # (start, list position, org), made when needed
    for res in found:
        window = key[max(0, res.start - 60) : res.start]
        idx = window.rfind("ban hành")
        if idx < 0 or window[idx:].strip() != "ban hành":
            continue
        if by_start is None:
            by_start = sorted((m.start, i, m) for i, m in enumerate(doc._.kg_mentions) if m.kind == ORGANIZATION)
        limit = res.start - (len(window) - idx)
        lo = bisect.bisect_left(by_start, (res.start - 60, -1))
        hi = bisect.bisect_left(by_start, (res.start, -1))
        # the organisations before "ban hành", in the order they were found
        for _, org in sorted((i, m) for _, i, m in by_start[lo:hi] if m.end <= limit):
            doc._.kg_links.append(("issued_by", res, org, {}))
    doc._.kg_mentions.extend(found)
    doc._.kg_mentions.extend(find_plenums(text, key))
    return doc


@Language.component("kg_people", assigns=["doc._.kg_mentions", "doc._.kg_links"])
def kg_people(doc: Doc) -> Doc:
    taken = [(m.start, m.end) for m in doc._.kg_mentions]
    people, posts = find_people(doc._.kg_text, doc._.kg_key, taken, date=doc._.kg_date)
    doc._.kg_mentions.extend(people)
    orgs = _Orgs(doc._.kg_mentions)
    # "Thủ tướng Singapore Lý Hiển Long" … "Thủ tướng Lý Hiển Long": the bare title is his foreign post
    # again, not the Vietnamese one; so for a foreign family name ("Thủ tướng Hun Sen")
    abroad = {(p.label, t) for p, t, o, _ in posts if o is not None and o.attrs.get("post_label")}
    foreign_names = frozenset(lexicon().raw["foreign_surnames"])
    short = _short_names(doc._.kg_text, doc._.kg_mentions) if posts else {}
    companies = [m for m in doc._.kg_mentions if _company(m)] if any(p[1] in BOARD_TITLES for p in posts) else []
    for person, title, org, title_start in posts:
        if short and org is not None and (org.attrs.get("base") or {}).get("brand"):
            org = _by_short_name(doc._.kg_text, org, short)
        if org is None and ((person.label, title) in abroad or person.label.split()[0] in foreign_names):
            continue
        if org is None and title in BOARD_TITLES:  # "ông Hứa Ngọc Nghĩa là Trưởng Ban Kiểm soát"
            org = _company_before(doc._.kg_text, companies, short, title_start)
            # not a body the person's list of posts already named ("Giám đốc Công ty A rồi Phó Chủ tịch HĐQT …")
            if org is None or any(o is not None and o.start == org.start for p, _, o, _ in posts if p is person):
                continue
        if org is None:  # "Thủ tướng Phạm Minh Chính": the title names the whole post
            full = standalone_post(title)
            if full:
                doc._.kg_links.append(("holds_standalone", person, person, {"post": full}))
                body = post_body_mention(doc._.kg_text, doc._.kg_key, title, title_start)
                if body is not None and not orgs.overlaps(body.start, body.end):
                    orgs.append(body)  # "UV BCT" names Bộ Chính trị
            continue
        # an organisation read inside the post title ("Phó Bí thư [Thường trực Tỉnh ủy]") was misread
        orgs.drop_starting_in(title_start, org.start)
        if org.attrs.get("implied"):  # "Phó Bí thư Thường trực, Chủ tịch HĐND tỉnh": the title only implies its body
            implied = {"title": title, "base": org.attrs["base"]}
            if org.attrs.get("post_label"):  # "Thủ tướng Singapore"
                implied["post_label"] = org.attrs["post_label"]
            doc._.kg_links.append(("holds_implied", person, person, implied))
            continue
        if org.attrs.get("derived"):  # "Bí thư Đảng ủy, Cục trưởng Cục X": the mention "Đảng ủy" is Đảng ủy Cục X
            if org.attrs["base"].get("unit_of") is not None:  # "Khoa X" of the school its chain names: not alone
                orgs.drop_starting_in(org.start, org.attrs["base"]["unit_of"])
            same = orgs.at(org.start, org.end) if org.attrs.get("replaces") else None
            if same is not None and same.label == org.label:  # Singapore's ministry held by two people
                org = same
            else:
                if org.attrs.get("replaces"):  # "Bộ Giáo dục" of Singapore: not the Vietnamese ministry read there
                    orgs.drop_starting_in(org.start, org.end)
                orgs.append(org)
            held = (
                {"title": title, "post_label": org.attrs["post_label"]}
                if "post_label" in org.attrs
                else {"title": title}
            )
            doc._.kg_links.append(("holds", person, org, held))  # ("Ủy viên Quốc vụ Trung Quốc" of Quốc vụ viện)
            continue
        unit_of = org.attrs["base"].get("unit_of")
        if unit_of is not None:  # "Vụ Pháp luật, Văn phòng Quốc hội": the unit is named with its body
            orgs.drop_starting_in(org.start, unit_of)
        org = _org_at(doc, org.start, org.end, orgs) or org
        if not orgs.has_equal(org):
            orgs.append(org)
        doc._.kg_links.append(("holds", person, org, {"title": title}))
    doc._.kg_mentions = orgs.result()
    _same_post_same_place(doc._.kg_links)
    return doc


_COMPANY_HEADS = frozenset({"Ngân hàng", "Công ty", "Tập đoàn", "Tổng công ty"})


def _company(m: Mention) -> bool:
    base = m.attrs.get("base") or {}
    return m.kind == ORGANIZATION and (base.get("brand") or base.get("head") in _COMPANY_HEADS)


def _company_before(text: str, companies: list[Mention], short: dict[str, Mention], pos: int) -> Mention | None:
    """The company a board title without its body belongs to ("Hội đồng quản trị VietBank thống nhất bầu …;
    ông X là Trưởng Ban Kiểm soát"): the last one named earlier in its sentence, by name or by the short name
    the article gave it; None if the sentence names none."""
    opening = max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1)
    found = [(m.start, m) for m in companies if opening <= m.start < pos]
    lowered = text[opening:pos].lower()
    for name, body in short.items():
        at = lowered.rfind(name)
        if at >= 0:
            found.append((opening + at, body))
    if found:
        return max(found, key=lambda f: f[0])[1]
    # "… VietBank …. Thành viên Ban kiểm soát nhiệm kỳ 2021 - 2025 gồm ông A, …": the company the article is
    # about, named most often before (by name or short name), when one is
    counts: dict[str, list] = {}
    for m in companies:
        if m.start < pos:
            counts.setdefault(m.label, [0, m])[0] += 1
    before = text[:pos].lower()
    for name, body in short.items():
        if body.label in counts:
            counts[body.label][0] += before.count(name) - 1
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    if ranked and ranked[0][0] >= 5 and (len(ranked) == 1 or ranked[0][0] > 2 * ranked[1][0]):
        return ranked[0][1]
    return None


_SHORT_NAME = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]{2,})\)")


def _short_names(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Bodies given a short name in brackets: "Ngân hàng TMCP Việt Nam Thương Tín (VietBank)"."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == ORGANIZATION:
            short = _SHORT_NAME.match(text, m.end)
            if short:
                out.setdefault(short.group(1).lower(), m)
    return out


def _by_short_name(text: str, org: Mention, short: dict[str, Mention]) -> Mention:
    """A brand after a title that is the short name the article gave a body ("Chủ tịch HĐQT VietBank"), or that
    short name with a word glued to it ("VietBankthay"): that body, over the short name."""
    name = org.label.lower()
    body = short.get(name)
    if body is None:
        cut = next((k for k in short if name.startswith(k) and vietnamese_syllable(org.label[len(k) :])), None)
        if cut is None or not org.label[len(cut) :].islower():
            return org
        body, name = short[cut], cut
    attrs = copy.deepcopy(body.attrs)
    return Mention.at(text, ORGANIZATION, org.start, org.start + len(name), body.label, scope=body.scope, attrs=attrs)


def _same_post_same_place(links: list) -> None:
    """ "Ông Phạm Quang Ngọc, Chủ tịch UBND tỉnh, …" in a paragraph on Ninh Bình of a Hà Nam article, and
    "Ông Phạm Quang Ngọc, Chủ tịch UBND tỉnh Ninh Bình" later: a post whose body is left without its
    place is the same post the person holds where the place is written, not one of the article's place."""
    held: dict[tuple[str, str], list[Mention]] = {}
    for relation, person, org, attrs in links:
        if relation == "holds" and org.kind == ORGANIZATION:
            held.setdefault((person.label, attrs["title"]), []).append(org)

    def kind(m: Mention) -> tuple:
        base = m.attrs.get("base") or {}
        return base.get("kind"), base.get("head"), base.get("level"), tuple(m.attrs.get("departments") or ())

    for orgs in held.values():
        placed = [o for o in orgs if not o.scope and (o.attrs.get("base") or {}).get("place")]
        for o in orgs:
            base = o.attrs.get("base") or {}
            if not o.scope or base.get("place") or base.get("commune"):
                continue
            places = {p.attrs["base"]["place"] for p in placed if kind(p) == kind(o)}
            if len(places) == 1:
                o.attrs["base"] = dict(base, place=places.pop())
                o.scope = ""


class _Spans:
    """Spans of a text of ``size`` characters, and whether a span overlaps one of them, in time
    proportional to the span's length (not to how many there are)."""

    def __init__(self, size: int) -> None:
        self.covered = bytearray(size + 1)
        self.spans: list[tuple[int, int]] = []
        self.empty: list[tuple[int, int]] = []  # spans that cover no character (never seen; kept exact)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
        if end > start:
            self.covered[max(0, start) : end] = b"\x01" * (end - max(0, start))
        else:
            self.empty.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span (s, e) has s < end and start < e."""
        if end <= start:
            return any(s < end and start < e for s, e in self.spans)
        return self.covered.find(1, max(0, start), end) >= 0 or any(s < end and start < e for s, e in self.empty)


@Language.component("kg_events", assigns=["doc._.kg_mentions", "doc._.kg_links"])
def kg_events(doc: Doc) -> Doc:
    sentences = doc._.kg_sentences
    known = sorted((m.start, m.end) for m in doc._.kg_mentions if m.kind == "Event")
    known_starts = [s for s, _ in known]
    reach = list(itertools.accumulate((e for _, e in known), max))  # furthest end of the first i+1

    def inside_known(pos: int) -> bool:
        i = bisect.bisect_right(known_starts, pos) - 1
        return i >= 0 and reach[i] > pos

    events = [e for e in find_events(doc._.kg_text, doc._.kg_key, sentences) if not inside_known(e.start)]
    orgs = [m for m in doc._.kg_mentions if m.kind == ORGANIZATION]
    taken = _Spans(len(doc._.kg_text))
    for s, e in known + [(e.start, e.end) for e in events]:
        taken.add(s, e)
    for occasion in find_occasions(doc._.kg_text, doc._.kg_key, orgs):
        if not taken.overlaps(occasion.start, occasion.end):
            events.append(occasion)
            taken.add(occasion.start, occasion.end)
    doc._.kg_mentions.extend(events)
    people = [m for m in doc._.kg_mentions if m.kind == PERSON]
    for relation, event, agent in organisers_and_chairs(doc._.kg_key, sentences, events, orgs, people):
        doc._.kg_links.append((relation, event, agent, {}))
    return doc


def make_doc(text: str) -> Doc:
    """The Doc that carries ``text`` through the components: one token holding the whole text,
    in a vocabulary of its own.

    No component reads a token: they match characters of the text and of its key
    (``doc._.kg_text``, ``doc._.kg_key``), so they need no tokenization. Syllable tokens cost a
    fifth of the extraction (two million lexeme look-ups for vi-news-unc), and one token in the
    pipeline's vocabulary would keep every article's text in its string store for the life of
    the process; this one goes with the Doc. ``doc.text`` is the text. (``nlp()(text)`` still
    tokenizes, for whoever wants syllable tokens; the components give the same mentions.)
    """
    return Doc(Vocab(), words=[text] if text else [], spaces=[False] if text else [])


@cache
def nlp() -> Language:
    """spaCy's Vietnamese language class, syllable tokens without pyvi word segmentation.

    The components match characters of the text and its key, so they need no word
    segmentation; pyvi would cost ten times the whole extraction.
    """
    pipeline = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    # spaCy refuses texts over a million characters for the memory of its parser and tagger;
    # this pipeline has neither, and ingest bounds the size of a file (kg.ingest.MAX_FILE_BYTES).
    pipeline.max_length = 1 << 31
    for name in COMPONENTS:
        pipeline.add_pipe(name)
    return pipeline


def to_extraction(doc: Doc, article: Article) -> Extraction:
    """Collect a processed Doc into an Extraction with sentence offsets and fact indices."""
    mentions: list[Mention] = list(doc._.kg_mentions)
    bylines = byline_mentions(article.text, article.authors)
    # a pen name in the byline ("Trường Thịnh", "Khoa Nam") is not a body named "Trường …"
    mentions = [m for m in mentions if not any(b.start < m.end and m.start < b.end for b in bylines)] + bylines
    if article.publisher:
        at = article.text.find(article.publisher)
        if at >= 0:  # "Điện Biên TV - Qua 5 năm…", "(TUAG)- Quán triệt…"
            mentions.append(
                Mention.at(
                    article.text,
                    ORGANIZATION,
                    at,
                    at + len(article.publisher),
                    article.publisher,
                    attrs={"publisher": True},
                )
            )
    text = article.text
    for m in mentions:  # evidence is exactly text[start:end], without surrounding spaces
        while m.end > m.start and text[m.end - 1].isspace():
            m.end -= 1
        while m.start < m.end and text[m.start].isspace():
            m.start += 1
        m.text = text[m.start : m.end]
    mentions.sort(key=lambda m: (m.start, m.end, m.kind, m.label))
    sentences = doc._.kg_sentences
    share_places(mentions, sentences, text)
    starts = [s for s, _ in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            m.sentence_start, m.sentence_end = sentences[i]
            if m.end > m.sentence_end:  # a mention across a boundary keeps the whole stretch
                j = bisect.bisect_left(starts, m.end) - 1
                m.sentence_end = sentences[max(i, j)][1]
        else:
            m.sentence_start, m.sentence_end = m.start, m.end
    index = {id(m): i for i, m in enumerate(mentions)}
    facts = [
        Fact(rel, index[id(s)], index[id(o)], attrs)
        for rel, s, o, attrs in doc._.kg_links
        if id(s) in index and id(o) in index
    ]
    facts.sort(key=lambda f: (f.subject, f.relation, f.object, sorted(f.attrs.items())))
    return Extraction(article, mentions, facts)


def extract(articles: Iterable[Article]) -> Iterator[Extraction]:
    """Run the pipeline over articles, in order.

    The article text is handed to the components directly: ``Doc.text`` would be
    rebuilt from the tokens. An article on which a component fails keeps its place with no
    mentions, the failure in ``Extraction.problems`` and one warning on the ``kg`` logger:
    one odd article never stops a build.
    """
    pipeline = nlp()
    for article in articles:
        try:
            doc = make_doc(article.text)
            doc._.kg_text = article.text
            doc._.kg_date = article.date  # (the Quốc hội a sitting deputy sits in)
            for _, component in pipeline.pipeline:
                doc = component(doc)
            yield to_extraction(doc, article)
        except Exception as exc:  # noqa: BLE001 - reported, and the build goes on
            problem = f"extraction failed: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
            logging.getLogger("kg").warning("kg: %s: %s", article.path, problem)
            yield Extraction(article, problems=[problem])
