"""The spaCy pipeline: a Vietnamese language object with kg's own components.

Each component reads the text (and its tone-independent key) and adds what it finds
to ``doc._.kg_mentions`` / ``doc._.kg_links``, so the next component sees what the
previous ones found, in one direction:

    kg_normalise → kg_places → kg_organizations → kg_resolutions → kg_people → kg_events

Only this package imports spaCy. ``extract`` turns a Doc into an ``Extraction`` record.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.events import find_events, find_occasions, organisers_and_chairs
from kg.extract.gazetteer import find_places
from kg.extract.organizations import find_organizations, org_mention, parse_org
from kg.extract.people import byline_mentions, find_people, post_body_mention, standalone_post
from kg.extract.resolutions import find_implements, find_plenums, find_resolutions
from kg.extract.sentences import split_sentences
from kg.records import ORGANIZATION, PERSON, Article, Extraction, Fact, Mention
from kg.textnorm import match_key

PIPELINE_VERSION = "1"
COMPONENTS = ("kg_normalise", "kg_places", "kg_organizations", "kg_resolutions", "kg_people", "kg_events")

for _name in ("kg_text", "kg_key", "kg_sentences", "kg_mentions", "kg_links"):
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
    doc._.kg_mentions.extend(find_organizations(doc._.kg_text, doc._.kg_key))
    return doc


def _org_at(doc: Doc, start: int, end: int) -> Mention | None:
    """The organisation mention covering exactly [start, end), made if missing."""
    for m in doc._.kg_mentions:
        if m.kind == ORGANIZATION and m.start == start and m.end == end:
            return m
    parsed = parse_org(doc._.kg_text, doc._.kg_key, start, allow_generic=True)
    if parsed is None or parsed.end != end:
        return None
    mention = org_mention(doc._.kg_text, parsed)
    doc._.kg_mentions.append(mention)
    return mention


@Language.component("kg_resolutions", assigns=["doc._.kg_mentions", "doc._.kg_links"])
def kg_resolutions(doc: Doc) -> Doc:
    text, key = doc._.kg_text, doc._.kg_key
    found = find_resolutions(text, key)
    for i, j in find_implements(text, key, found):
        doc._.kg_links.append(("implements", found[i], found[j], {}))
    for res in found:
        span = res.attrs.pop("issuer_span", None)
        if span:
            issuer = _org_at(doc, *span)
            if issuer is not None:
                doc._.kg_links.append(("issued_by", res, issuer, {}))
        res.attrs.pop("tail_end", None)
    # "BCH Trung ương (khóa XIII) ban hành Kết luận số 21-KL/TW"
    for res in found:
        window = key[max(0, res.start - 60) : res.start]
        idx = window.rfind("ban hành")
        if idx < 0 or window[idx:].strip() != "ban hành":
            continue
        for org in doc._.kg_mentions:
            if org.kind == ORGANIZATION and res.start - 60 <= org.start and org.end <= res.start - (len(window) - idx):
                doc._.kg_links.append(("issued_by", res, org, {}))
    doc._.kg_mentions.extend(found)
    doc._.kg_mentions.extend(find_plenums(text, key))
    return doc


@Language.component("kg_people", assigns=["doc._.kg_mentions", "doc._.kg_links"])
def kg_people(doc: Doc) -> Doc:
    taken = [(m.start, m.end) for m in doc._.kg_mentions]
    people, posts = find_people(doc._.kg_text, doc._.kg_key, taken)
    doc._.kg_mentions.extend(people)
    for person, title, org, title_start in posts:
        if org is None:  # "Thủ tướng Phạm Minh Chính": the title names the whole post
            full = standalone_post(title)
            if full:
                doc._.kg_links.append(("holds_standalone", person, person, {"post": full}))
                body = post_body_mention(doc._.kg_text, doc._.kg_key, title, title_start)
                if body is not None and not any(
                    m.kind == ORGANIZATION and m.start < body.end and body.start < m.end for m in doc._.kg_mentions
                ):
                    doc._.kg_mentions.append(body)  # "UV BCT" names Bộ Chính trị
            continue
        # an organisation read inside the post title ("Phó Bí thư [Thường trực Tỉnh ủy]") was misread
        doc._.kg_mentions = [
            m for m in doc._.kg_mentions if not (m.kind == ORGANIZATION and title_start <= m.start < org.start)
        ]
        if org.attrs.get("derived"):  # "Bí thư Đảng ủy, Cục trưởng Cục X": the mention "Đảng ủy" is Đảng ủy Cục X
            doc._.kg_mentions.append(org)
            doc._.kg_links.append(("holds", person, org, {"title": title}))
            continue
        org = _org_at(doc, org.start, org.end) or org
        if org not in doc._.kg_mentions:
            doc._.kg_mentions.append(org)
        doc._.kg_links.append(("holds", person, org, {"title": title}))
    return doc


@Language.component("kg_events", assigns=["doc._.kg_mentions", "doc._.kg_links"])
def kg_events(doc: Doc) -> Doc:
    sentences = doc._.kg_sentences
    events = [
        e
        for e in find_events(doc._.kg_text, doc._.kg_key, sentences)
        if not any(m.start <= e.start < m.end for m in doc._.kg_mentions if m.kind == "Event")
    ]
    orgs = [m for m in doc._.kg_mentions if m.kind == ORGANIZATION]
    taken = [(m.start, m.end) for m in doc._.kg_mentions if m.kind == "Event"] + [(e.start, e.end) for e in events]
    for occasion in find_occasions(doc._.kg_text, doc._.kg_key, orgs):
        if not any(s < occasion.end and occasion.start < e for s, e in taken):
            events.append(occasion)
            taken.append((occasion.start, occasion.end))
    doc._.kg_mentions.extend(events)
    people = [m for m in doc._.kg_mentions if m.kind == PERSON]
    for relation, event, agent in organisers_and_chairs(doc._.kg_key, sentences, events, orgs, people):
        doc._.kg_links.append((relation, event, agent, {}))
    return doc


@cache
def nlp() -> Language:
    """spaCy's Vietnamese language class, syllable tokens without pyvi word segmentation.

    The components match characters of the text and its key, so they need no word
    segmentation; pyvi would cost ten times the whole extraction.
    """
    pipeline = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
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
    rebuilt from the tokens.
    """
    pipeline = nlp()
    for article in articles:
        doc = pipeline.make_doc(article.text)
        doc._.kg_text = article.text
        for _, component in pipeline.pipeline:
            doc = component(doc)
        yield to_extraction(doc, article)
