"""Small, pure text helpers shared by every stage.

Vietnamese writes the tone mark of the open diphthongs *oa*, *oe* and *uy* in two
ways: on the first vowel ("hóa", "khỏe", "ủy" — the form the project keeps in
labels) or on the second ("hoá", "khoẻ", "uỷ"). Both occur in one article, so
matching must ignore the difference:

* :func:`match_key` — lowercase, placement-independent key of the *same length* as
  its input, so a match found in the key has valid offsets in the original text;
* :func:`modern_tone` — the text with the mark on the first vowel, case kept;
* :func:`fold` / :func:`slug` — ASCII forms for identifiers.

Only open syllables move: when a letter follows the second vowel ("hoàng",
"toán", "chuyển", "ngoài", "xoáy", "khuỵu") the placement is fixed and left alone.
After *q* the *u* belongs to the consonant, so "qúy" is rewritten "quý".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "match_key", "modern_tone", "nfc", "slug"]

# Combining tone marks: grave, acute, tilde, hook above, dot below.
_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def _toned(base: str) -> dict[str, tuple[str, str]]:
    """Map each toned form of the vowels in ``base`` to (vowel, tone)."""
    table: dict[str, tuple[str, str]] = {}
    for vowel in base:
        for tone in _TONES:
            table[unicodedata.normalize("NFC", vowel + tone)] = (vowel, tone)
    return table


_TONED = _toned("aeouyAEOUY")  # plain vowels only: not â ê ô ă ơ ư


def _put(vowel: str, tone: str) -> str:
    return unicodedata.normalize("NFC", vowel + tone)


def _chars(vowels: str) -> str:
    return "".join(ch for ch, (v, _) in _TONED.items() if v in vowels)


# Candidates: o + toned a/e, u + toned y, or q + toned u + y. Whether the pair
# really is an open oa/oe/uy syllable is checked on the surrounding letters. The pattern opens
# with one set of first letters (the engine then skips to them) and looks back at which it was.
_CANDIDATE = re.compile(
    rf"[oOuUqQ](?:(?<=[oO])[{_chars('aeAE')}]|(?<=[uU])[{_chars('yY')}]|(?<=[qQ])[{_chars('uU')}][yY])"
)
# Vietnamese onsets; foreign words ("Chloé") have none of them and stay as written.
_ONSETS = frozenset(
    [
        "",
        "b",
        "c",
        "d",
        "đ",
        "g",
        "h",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "x",
        "ch",
        "gh",
        "gi",
        "kh",
        "ng",
        "nh",
        "ph",
        "th",
        "tr",
        "ngh",
    ]
)


def _retone(m: re.Match[str]) -> str:
    text, start, end = m.string, m.start(), m.end()
    found = m.group()
    if end < len(text) and text[end].isalpha():
        return found  # closed syllable or longer vowel run: placement is fixed
    if found[0] in "qQ":
        if start > 0 and text[start - 1].isalpha():
            return found
        vowel, tone = _TONED[found[1]]
        return found[0] + vowel + _put(found[2], tone)
    begin = start
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
        if start - begin > 3:
            return found
    if text[begin:start].lower() not in _ONSETS:
        return found
    vowel, tone = _TONED[found[1]]
    return _put(found[0], tone) + vowel


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def modern_tone(text: str) -> str:
    """Put the tone mark of open oa/oe/uy on the first vowel, keeping case.

    "Tỉnh uỷ" → "Tỉnh ủy", "chuyển hoá" → "chuyển hóa", "Thuý" → "Thúy";
    "chuyển", "ngoài", "xoáy", "khuya", "hoàng" are unchanged. Same length as the
    input when the input is NFC.
    """
    if not text:
        return text
    return _CANDIDATE.sub(_retone, text)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    # str.lower never shrinks a character; equal length means one char per char.
    # Final sigma is the one context-dependent mapping: go char by char then too.
    if len(low) == len(text) and "Σ" not in text:
        return low
    out = []
    for ch in text:
        lc = ch.lower()
        out.append(lc if len(lc) == 1 else ch)
    return "".join(out)


def match_key(text: str) -> str:
    """Lowercase, tone-placement-independent key with ``len(key) == len(text)``.

    ``match_key("Tỉnh uỷ") == match_key("tỉnh ủy")``; character offsets in the key
    are offsets in ``text``. Apply to NFC text.
    """
    return modern_tone(_lower_same_length(text))


_COMBINING = re.compile(r"[\u0300-\u036f]")
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"})


def fold(text: str) -> str:
    """ASCII, lowercase, diacritic-free form: "Tỉnh ủy Lạng Sơn" → "tinh uy lang son".

    Characters with no ASCII base (CJK, symbols…) are dropped.
    """
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    text = _COMBINING.sub("", text)
    return text.encode("ascii", "ignore").decode("ascii").lower()


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """IRI-safe deterministic slug: "Ban Tổ chức Tỉnh ủy" → "ban-to-chuc-tinh-uy"."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=1 << 16)  # posts and labels are slugged again for every article naming them
def key_slug(text: str) -> str:
    """Path segment of an entity IRI: lower case, modern tone placement, diacritics kept.

    "Nguyễn Thanh Phong" and "Nguyễn Thành Phong" are two people, so keys keep the
    Vietnamese letters (IRIs may): "Ban Tổ chức Tỉnh uỷ" → "ban-tổ-chức-tỉnh-ủy".
    """
    return _NON_WORD.sub("-", match_key(nfc(text))).strip("-")


# Upper-case letters of Latin scripts (Vietnamese included), for regular expressions:
# a range such as "À-Ỹ" would also take the lower-case letters between them.
UPPER = "".join(chr(c) for c in range(0x41, 0x1EFF) if chr(c).isupper() and chr(c).isalpha())
LOWER = "".join(chr(c) for c in range(0x61, 0x1EFF) if chr(c).islower() and chr(c).isalpha())
