"""Vietnamese written in the old font encodings VNI-Windows and TCVN3 (ABC), recognised and converted.

Before Unicode, Vietnamese text was typed with fonts that drew Vietnamese letters in the
places of Western-European ones: in **TCVN3** (the ".VnTime" fonts) each letter is one byte
("ViÖt Nam" is "Việt Nam"), in **VNI-Windows** (the "VNI-Times" fonts) a letter is a base
letter followed by a mark byte ("Vieät Nam"). Such files decode as Windows-1252 (or, copied
out of a document, are UTF-8 holding the same characters) and read as gibberish.

:func:`convert_legacy` tries both conversions and keeps one only when it turns the text
into Vietnamese: when common Vietnamese words with diacritics ("của", "được", "tỉnh"…)
appear in it and did not before. Text that already holds Vietnamese letters of Unicode is
never touched. TCVN3 has no upper-case toned letters (the ".VnTimeH" fonts draw the lower-case
codes as capitals); a word typed in capitals is given back in capitals.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["convert_legacy", "tcvn3_to_unicode", "vni_to_unicode", "vietnamese_score"]

# TCVN3 (TCVN 5712:1993, VN3): one byte per letter, read as Latin-1/Windows-1252 characters.
_TCVN3 = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ",
    "¨": "ă", "»": "ằ", "¾": "ắ", "¼": "ẳ", "½": "ẵ", "Æ": "ặ",
    "©": "â", "Ç": "ầ", "Ê": "ấ", "È": "ẩ", "É": "ẫ", "Ë": "ậ",
    "®": "đ",
    "Ì": "è", "Ð": "é", "Î": "ẻ", "Ï": "ẽ", "Ñ": "ẹ",
    "ª": "ê", "Ò": "ề", "Õ": "ế", "Ó": "ể", "Ô": "ễ", "Ö": "ệ",
    "×": "ì", "Ý": "í", "Ø": "ỉ", "Ü": "ĩ", "Þ": "ị",
    "ß": "ò", "ã": "ó", "á": "ỏ", "â": "õ", "ä": "ọ",
    "«": "ô", "å": "ồ", "è": "ố", "æ": "ổ", "ç": "ỗ", "é": "ộ",
    "¬": "ơ", "ê": "ờ", "í": "ớ", "ë": "ở", "ì": "ỡ", "î": "ợ",
    "ï": "ù", "ó": "ú", "ñ": "ủ", "ò": "ũ", "ô": "ụ",
    "\xad": "ư", "õ": "ừ", "ø": "ứ", "ö": "ử", "÷": "ữ", "ù": "ự",
    "ú": "ỳ", "ý": "ý", "û": "ỷ", "ü": "ỹ", "þ": "ỵ",
    "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
}  # fmt: skip
_TCVN3_TABLE = str.maketrans(_TCVN3)

# VNI-Windows: a base letter, then a mark character (lower-case marks after lower-case letters).
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_TONES_UPPER = {"Ø": "\u0300", "Ù": "\u0301", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
# circumflex (â ê ô) with a tone: â, à, á, å, ã, ä; breve (ă) with a tone: ê, è, é, ú, ü, ë
_VNI_HAT = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_HAT_UPPER = {"Â": "", "À": "\u0300", "Á": "\u0301", "Å": "\u0309", "Ã": "\u0303", "Ä": "\u0323"}
_VNI_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_BREVE_UPPER = {"Ê": "", "È": "\u0300", "É": "\u0301", "Ú": "\u0309", "Ü": "\u0303", "Ë": "\u0323"}
# letters that are one character of their own
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for lower, tones, hats, breves in (
        (True, _VNI_TONES, _VNI_HAT, _VNI_BREVE),
        (False, _VNI_TONES_UPPER, _VNI_HAT_UPPER, _VNI_BREVE_UPPER),
    ):
        vowels = "aeiouy" if lower else "AEIOUY"
        for v in vowels:
            for mark, tone in tones.items():
                pairs[v + mark] = unicodedata.normalize("NFC", v + tone)
        for v in vowels[:2] + vowels[3]:  # a e o take a circumflex
            for mark, tone in hats.items():
                pairs[v + mark] = unicodedata.normalize("NFC", v + "\u0302" + tone)
        a = vowels[0]
        for mark, tone in breves.items():
            pairs[a + mark] = unicodedata.normalize("NFC", a + "\u0306" + tone)
        for horn, base in (("ô", "ơ"), ("ö", "ư")) if lower else (("Ô", "Ơ"), ("Ö", "Ư")):
            for mark, tone in tones.items():
                pairs[horn + mark] = unicodedata.normalize("NFC", base + tone)
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(_VNI_PAIRS, key=len, reverse=True))
    + "|["
    + re.escape("".join(_VNI_SINGLE))
    + "]"
)

# Code points that only Unicode Vietnamese uses (ă â đ ê ô ơ ư with their tones, ĩ ũ…):
# text holding them is Unicode already.
_UNICODE_VI = re.compile(
    "[\u0300\u0301\u0303\u0309\u0323\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169"
    "\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
_LATIN1_HIGH = re.compile("[\xa0-\xff]")
_WORD = re.compile(r"\w+")
# Frequent words of Party and State news that carry diacritics: their share of the words
# tells Vietnamese from gibberish.
_COMMON = frozenset(
    """của và các được là với đã có những người trong này một để về đến từ trên theo
    tỉnh ủy đảng nhân dân cán bộ công tác thực hiện phát triển xã hội việt nam ngày tháng năm
    hội nghị quyết chỉ đạo đồng chí tổ chức chính trị ban thường vụ huyện thành phố kế hoạch
    lãnh đạo nhiệm vụ kinh tế văn hóa hoá năng lực đề ra quốc gia trung ương bí thư chủ tịch
    cũng như đó khi nhiều mới còn sẽ đang không vào cho""".split()
)
_ASCII_COMMON = frozenset(w for w in _COMMON if w.isascii())
_MIN_HITS = 3
_MIN_SHARE = 0.04


def tcvn3_to_unicode(text: str) -> str:
    """TCVN3 (ABC) characters to Unicode Vietnamese (NFC); words typed in capitals stay capitals."""
    out = text.translate(_TCVN3_TABLE)
    return _WORD.sub(_recapitalise, out) if out != text else out


def _recapitalise(m: re.Match[str]) -> str:
    word = m.group()
    ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
    if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters) and not word.isupper():
        return word.upper()
    return word


def vni_to_unicode(text: str) -> str:
    """VNI-Windows sequences to Unicode Vietnamese (NFC)."""
    return _VNI_RE.sub(lambda m: _VNI_PAIRS.get(m.group()) or _VNI_SINGLE[m.group()], text)


def vietnamese_score(text: str) -> tuple[int, float]:
    """(hits, share): how many words are common Vietnamese words with diacritics, and their share of all words."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0, 0.0
    hits = sum(1 for w in words if w in _COMMON and w not in _ASCII_COMMON)
    return hits, hits / len(words)


def convert_legacy(text: str) -> tuple[str, str] | None:
    """(converted text, "vni" or "tcvn3") when ``text`` is Vietnamese in one of the old font
    encodings, else None. Cheap for ordinary Unicode text: it stops at the first Unicode
    Vietnamese letter."""
    if _UNICODE_VI.search(text) or not _LATIN1_HIGH.search(text):
        return None
    before = vietnamese_score(text)[0]
    best: tuple[int, float, str, str] | None = None
    for name, convert in (("vni", vni_to_unicode), ("tcvn3", tcvn3_to_unicode)):
        converted = convert(text)
        hits, share = vietnamese_score(converted)
        if hits >= _MIN_HITS and share >= _MIN_SHARE and hits > 2 * before and (best is None or hits > best[0]):
            best = (hits, share, name, converted)
    if best is None:
        return None
    return unicodedata.normalize("NFC", best[3]), best[2]
