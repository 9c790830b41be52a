"""Score a built graph against a gold file: precision, recall and F1 per type.

The gold format and its conventions are described in ``tests/gold/GUIDELINES.md``. For
each article (matched by file name) the entities the graph says the article mentions are
compared with the gold entities of the same type: provinces and districts by GSO code,
resolutions by symbol (or canonical name when unnumbered), everything else by label, all
ignoring case and tone-mark placement. Posts (person, post label) and ``implements``
links are scored the same way. ``baseline_underthesea`` scores underthesea's shipped NER
model on the same gold, for comparison.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.records import DISTRICT, EVENT, KINDS, ORGANIZATION, PERSON, PROVINCE, RESOLUTION
from kg.textnorm import match_key

RELATIONS = ("posts", "implements")
CATEGORIES = KINDS + RELATIONS


class GoldError(ValueError):
    """A gold file that cannot be read or does not follow the format."""


def norm(text: str) -> str:
    """Comparison form: tone-placement-independent lower case, plain quotes, single spaces."""
    text = re.sub(r"[“”„‟\"«»]", '"', text)
    text = re.sub(r"\s+", " ", text).strip(' .,;:"')
    return match_key(text)


@dataclass(frozen=True)
class GoldItem:
    """One gold entity or relation: the accepted forms, normalised."""

    shown: str
    forms: frozenset[str]


@dataclass
class GoldArticle:
    file: str
    items: dict[str, list[GoldItem]] = field(default_factory=dict)


def _item(value) -> GoldItem:
    if isinstance(value, str):
        return GoldItem(value, frozenset({norm(value)}))
    if isinstance(value, dict) and isinstance(value.get("label"), str):
        forms = {norm(value["label"])} | {norm(a) for a in value.get("alt", [])}
        return GoldItem(value["label"], frozenset(forms))
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return GoldItem(" → ".join(value), frozenset({norm(value[0]) + " → " + norm(value[1])}))
    raise GoldError(f"bad gold entry {value!r}")


def load_gold(paths: Iterable[str | Path]) -> dict[str, GoldArticle]:
    """Gold articles by file name, from one or more gold files."""
    out: dict[str, GoldArticle] = {}
    for path in paths:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise GoldError(f"cannot read gold file {path}: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
            raise GoldError(f"{path}: expected an object with an 'articles' list")
        for art in data["articles"]:
            name = art.get("file")
            if not isinstance(name, str):
                raise GoldError(f"{path}: an article has no 'file'")
            missing = [k for k in CATEGORIES if k not in art]
            if missing:
                raise GoldError(f"{path}: {name} lacks {', '.join(missing)}")
            out[name] = GoldArticle(name, {k: [_item(v) for v in art[k]] for k in CATEGORIES})
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (file, gold item)
    false_hits: list[tuple[str, str]] = field(default_factory=list)  # (file, predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _matches(category: str, gold: GoldItem, predicted: str) -> bool:
    if predicted in gold.forms:
        return True
    if category == EVENT:  # event names are cut at different places: a prefix of 4+ words is the same name
        for form in gold.forms:
            short, long_ = sorted((form, predicted), key=len)
            if len(short.split()) >= 4 and long_.startswith(short):
                return True
    return False


def score(gold: dict[str, GoldArticle], predicted: dict[str, dict[str, set[str]]]) -> dict[str, Score]:
    """Compare per article and category; ``predicted[file][category]`` holds normalised forms."""
    scores = {c: Score() for c in CATEGORIES}
    for name in sorted(gold):
        g = gold[name]
        pred = predicted.get(name, {})
        for category in CATEGORIES:
            s = scores[category]
            left = sorted(pred.get(category, set()))
            for item in g.items.get(category, []):
                hit = next((p for p in left if _matches(category, item, p)), None)
                if hit is None:
                    s.fn += 1
                    s.misses.append((name, item.shown))
                else:
                    s.tp += 1
                    left.remove(hit)
            s.fp += len(left)
            s.false_hits.extend((name, p) for p in left)
    return scores


# ------------------------------------------------------------------ predictions from a graph

_ENTITIES = """
SELECT ?file ?type ?label ?symbol ?code WHERE {
  ?doc a vnkg:Document ; vnkg:sourceFile ?file ; vnkg:mentions ?e .
  ?e a ?type ; rdfs:label ?label .
  OPTIONAL { ?e vnkg:symbol ?symbol }
  OPTIONAL { ?e vnkg:gsoCode ?code }
}"""
_POSTS = """
SELECT ?file ?name ?post WHERE {
  GRAPH ?g { ?doc vnkg:sourceFile ?file . ?p org:holds ?x . }
  ?p rdfs:label ?name . ?x rdfs:label ?post .
}"""
_IMPLEMENTS = """
SELECT ?file ?a ?b WHERE {
  GRAPH ?g { ?doc vnkg:sourceFile ?file . ?r1 vnkg:implements ?r2 . }
  ?r1 rdfs:label ?la . ?r2 rdfs:label ?lb .
  OPTIONAL { ?r1 vnkg:symbol ?sa } OPTIONAL { ?r2 vnkg:symbol ?sb }
  BIND(COALESCE(?sa, ?la) AS ?a) BIND(COALESCE(?sb, ?lb) AS ?b)
}"""


def predictions_from_store(store: ox.Store) -> dict[str, dict[str, set[str]]]:
    """What the graph says each article contains, in comparison form."""
    from kg.sparql import run_query, term_text

    out: dict[str, dict[str, set[str]]] = {}
    kinds = {f"https://w3id.org/vnkg/ontology#{k}": k for k in KINDS}
    for row in run_query(store, _ENTITIES).rows:
        file, type_, label, symbol, code = (term_text(t) for t in row)
        kind = kinds.get(type_)
        if kind is None:
            continue
        value = code if kind in (PROVINCE, DISTRICT) and code else symbol if kind == RESOLUTION and symbol else label
        out.setdefault(file, {}).setdefault(kind, set()).add(norm(value))
    for row in run_query(store, _POSTS).rows:
        file, name, post = (term_text(t) for t in row)
        out.setdefault(file, {}).setdefault("posts", set()).add(f"{norm(name)} → {norm(post)}")
    for row in run_query(store, _IMPLEMENTS).rows:
        file, a, b = (term_text(t) for t in row)
        out.setdefault(file, {}).setdefault("implements", set()).add(f"{norm(a)} → {norm(b)}")
    return out


# ------------------------------------------------------------------ baseline: underthesea NER


def baseline_underthesea(article_paths: dict[str, Path]) -> dict[str, dict[str, set[str]]]:
    """underthesea's shipped NER model on the same articles: PER → Person, ORG → Organization,
    LOC → Province (GSO code when the name is a province) or District (code when unique)."""
    try:
        from underthesea import ner
    except ImportError as exc:  # an optional dependency
        raise GoldError("the baseline needs underthesea: pip install 'kg[eval]'") from exc
    from kg.ingest import read_article
    from kg.places import admin_map

    amap = admin_map()
    out: dict[str, dict[str, set[str]]] = {}
    for name, path in sorted(article_paths.items()):
        text = read_article(path).text
        found = out.setdefault(name, {})
        for line in text.splitlines():
            if not line.strip():
                continue
            for kind, value in _ner_spans(ner(line)):
                if kind == "PER":
                    found.setdefault(PERSON, set()).add(norm(value))
                elif kind == "ORG":
                    found.setdefault(ORGANIZATION, set()).add(norm(value))
                elif kind == "LOC":
                    province = amap.province_by_name.get(match_key(value))
                    districts = amap.districts_by_name.get(match_key(value), ())
                    if province:
                        found.setdefault(PROVINCE, set()).add(province.code)
                    elif len(districts) == 1:
                        found.setdefault(DISTRICT, set()).add(districts[0].code)
                    else:
                        found.setdefault(PROVINCE, set()).add(norm(value))
    return out


def _ner_spans(tagged) -> list[tuple[str, str]]:
    spans: list[tuple[str, str]] = []
    kind, words = None, []
    for word, *_, tag in tagged:
        if tag.startswith("B-") or (tag.startswith("I-") and kind != tag[2:]):
            if kind:
                spans.append((kind, " ".join(words)))
            kind, words = tag[2:], [word]
        elif tag.startswith("I-"):
            words.append(word)
        else:
            if kind:
                spans.append((kind, " ".join(words)))
            kind, words = None, []
    if kind:
        spans.append((kind, " ".join(words)))
    return spans


# ------------------------------------------------------------------ report


def format_report(scores: dict[str, Score], baseline: dict[str, Score] | None = None, details: bool = True) -> str:
    """A table of P/R/F1 per type (and the baseline's beside it), then misses and false hits."""
    from tabulate import tabulate

    headers = ["type", "gold", "found", "P", "R", "F1"]
    if baseline:
        headers += ["baseline P", "baseline R", "baseline F1"]
    rows = []
    for c in CATEGORIES:
        s = scores[c]
        row = [c, s.tp + s.fn, s.tp + s.fp, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
        if baseline:
            b = baseline[c]
            row += [f"{b.precision:.3f}", f"{b.recall:.3f}", f"{b.f1:.3f}"]
        rows.append(row)
    lines = [tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)]
    if details:
        for c in CATEGORIES:
            s = scores[c]
            if s.misses:
                lines.append(f"\nmissed {c} ({len(s.misses)}):")
                lines += [f"  {f}: {item}" for f, item in s.misses]
            if s.false_hits:
                lines.append(f"\nfalse {c} ({len(s.false_hits)}):")
                lines += [f"  {f}: {item}" for f, item in s.false_hits]
    return "\n".join(lines)


def scores_json(scores: dict[str, Score]) -> dict:
    return {
        c: {
            "gold": s.tp + s.fn,
            "found": s.tp + s.fp,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
            "misses": s.misses,
            "false_hits": s.false_hits,
        }
        for c, s in scores.items()
    }
