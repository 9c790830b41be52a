"""Typed records passed between the stages: ingest → extract → resolve → graph.

They are plain dataclasses so that every stage can be tested alone and the NLP can
change without touching RDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Entity kinds; each maps to one class of the vocabulary (vnkg:<Kind>).
PERSON = "Person"
ORGANIZATION = "Organization"
PROVINCE = "Province"
DISTRICT = "District"
RESOLUTION = "Resolution"
EVENT = "Event"
KINDS = (PERSON, ORGANIZATION, PROVINCE, DISTRICT, RESOLUTION, EVENT)


@dataclass(frozen=True)
class Article:
    """One source article after ingest: normalised text and its metadata.

    ``text`` is NFC-normalised with the web-page chrome removed; every character
    offset in later stages refers to it.
    """

    article_id: str  # stable, IRI-safe id derived from the file name
    source_file: str  # the file name, as in vnkg:sourceFile
    path: str  # the path the file was read from
    text: str
    content_hash: str  # sha256 of ``text``
    title: str | None = None
    date: dt.date | None = None
    authors: tuple[str, ...] = ()  # proper-case names from the byline
    publisher: str | None = None  # publisher as written ("Điện Biên TV", "TUAG"…)


@dataclass(frozen=True)
class Rejected:
    """A file that could not be ingested, and why."""

    path: str
    reason: str


@dataclass
class Mention:
    """A span of an article's text that names an entity.

    ``label`` is the canonical name as far as the extractor can tell from the
    span alone; ``attrs`` holds kind-specific data (symbol, instrument type,
    post titles, codes…). ``scope`` says which context the resolver must add to
    qualify the name: "province" ("Tỉnh ủy" → "Tỉnh ủy Lạng Sơn"), "district",
    or "" when the name is already fully qualified.
    """

    kind: str
    text: str
    start: int
    end: int
    label: str
    sentence_start: int = 0
    sentence_end: int = 0
    scope: str = ""
    attrs: dict = field(default_factory=dict)

    @classmethod
    def at(cls, text: str, kind: str, start: int, end: int, label: str, **fields) -> Mention:
        """The mention of ``text[start:end]``: its text is always the slice its offsets name."""
        return cls(kind, text[start:end], start, end, label, **fields)


@dataclass
class Fact:
    """A relation between two mentions of one article (indices into its mentions).

    ``relation`` is one of: holds (person → organization, with ``attrs['post']``),
    issued_by (resolution → organization), implements (resolution → resolution),
    organized_by (event → organization), chaired_by (event → person),
    sub_organization_of (organization → organization), located_in (any → place).
    """

    relation: str
    subject: int
    object: int
    attrs: dict = field(default_factory=dict)


@dataclass
class Extraction:
    """What the extractor found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why the extractor found nothing, when it failed


@dataclass
class Entity:
    """A real-world thing with a deterministic IRI (relative to the id namespace)."""

    kind: str
    key: str  # path under https://w3id.org/vnkg/id/, e.g. "resolution/21-kl-tw"
    label: str
    alt_labels: set[str] = field(default_factory=set)
    attrs: dict = field(default_factory=dict)


@dataclass
class ResolvedMention:
    """A mention tied to its entity."""

    mention: Mention
    entity_key: str


@dataclass
class ResolvedArticle:
    """One article's mentions and facts after resolution, ready for the graph."""

    article: Article
    province_key: str | None
    mentions: list[ResolvedMention] = field(default_factory=list)
    # (subject entity key, relation, object entity key, attrs)
    facts: list[tuple[str, str, str, dict]] = field(default_factory=list)
