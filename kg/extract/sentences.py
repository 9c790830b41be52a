"""Sentence boundaries by rule: end punctuation before a capital, or a line break.

Abbreviations that end in a full stop ("TP. Lạng Sơn", "ThS. Lê") do not end a sentence.
"""

from __future__ import annotations

import re

from kg.textnorm import UPPER

# closing quotes or brackets and spaces after end punctuation, before a capital or a digit (maybe after an opening
# quote); or line breaks. Written to open with the set of characters a boundary opens with, and to look behind from
# after it (the regex engine skips fast to where such a character stands; a pattern that opens with a look-behind,
# r"(?<=[.!?…])[”\"’)\]]*[ \t]+(?=…)|\n+", is tried at every character)
_NEXT = r"(?=[“\"(\[]?[" + UPPER + r"0-9])"
_BOUNDARY = re.compile(
    r"[”\"’)\] \t\n](?:(?<=[.!?…][”\"’)\]])[”\"’)\]]*[ \t]+"
    + _NEXT
    + r"|(?<=[.!?…][ \t])[ \t]*"
    + _NEXT
    + r"|(?<=\n)\n*)"
)
_ABBREV = re.compile(r"(?:^|\W)(?:TP|Tp|TX|ThS|TS|PGS|GS|BS|KS|Q|P|St|Mr|Mrs|Dr|tr|Th|[A-ZĐ])\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().strip() and _ABBREV.search(text, max(0, m.start() - 6), m.start()):
            continue
        if not m.group().startswith("\n") and _ABBREV.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        _add(text, start, m.start(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
