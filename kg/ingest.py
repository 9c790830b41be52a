"""Read article files into :class:`~kg.records.Article` records.

Steps: find the files (in folders: ``.txt`` articles and ``.html`` pages saved from a
browser), decode them (UTF-8, UTF-16/32 with BOM, the charset a web page declares, else a
confident charset-normalizer guess; binaries are refused; Vietnamese in the old VNI and
TCVN3 font encodings is converted), take the article out of a web page, normalise the text (NFC, ``\\n``
newlines, plain spaces, trimmed lines, at most two blank lines in a row), strip
web-page chrome (visitor counters, section labels above the title, comment boxes,
"Các tin khác" lists, share/print buttons, tag lists, stray one-character lines,
menu links after the end of the article) and read the metadata: title, date
(from a header line near the top, or a ``# date = YYYYMMDD`` line), byline
authors and publisher.

Files may start with ``# key = value`` lines (the vi-news-unc corpus); they are
read as metadata and removed from the text. The title is always the first line
of ``Article.text``; header lines above it (dates, counters, section labels) are
dropped, their content kept in the metadata.

Files over :data:`MAX_FILE_BYTES` are refused unread; the same article text found in two
files is read once, the later file reported as a duplicate.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import html
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from .htmltext import HTML_SUFFIXES, html_charset, html_to_text, looks_like_html
from .legacy_encodings import convert_legacy
from .records import Article, Rejected
from .textnorm import fold, match_key, modern_tone

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "IngestError",
    "build_article",
    "decode_bytes",
    "ingest",
    "iter_files",
    "drop_duplicates",
    "make_article_id",
    "normalize_text",
    "parse_byline",
    "parse_date_line",
    "read_article",
]


class IngestError(ValueError):
    """A file that cannot be made into an article; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- files


ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)


def iter_files(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files named by ``paths``: folders are walked (``.txt`` and ``.html``/``.htm`` files),
    files taken as given.

    Hidden files and folders below a given folder are skipped, symbolic links are
    followed but every folder is visited once (no loop runs forever), the same
    file reached twice is listed once, and the result is sorted. A path that does
    not exist is kept, so that reading it reports the problem.
    """
    return walk(paths)[0]


def walk(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[Path]]:
    """(article files as :func:`iter_files` lists them, the other files met in the folders).

    The other files (not hidden, not ``.txt`` or ``.html``) are not read as articles; a
    build reports them, so that a PDF or a zip left in a folder is named, not silently passed over.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    # One path per file: the real file before a symbolic link, then the first in order.
    found: dict[tuple[int, int] | str, tuple[bool, str, str]] = {}
    others: dict[tuple[int, int] | str, tuple[bool, str, str]] = {}

    def add(path: str, key: tuple[int, int] | None = None, link: bool | None = None, into=found) -> None:
        if link is None:
            link = os.path.islink(path)
        if key is None:
            try:
                st = os.stat(path)
                key = (st.st_dev, st.st_ino)
            except OSError:
                key = os.path.abspath(path)
        rank = (link, path.lower(), path)
        if key not in into or rank < into[key]:
            into[key] = rank

    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        root = os.fspath(given)
        if not os.path.isdir(root):
            add(root)
            continue
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            try:
                with os.scandir(folder) as it:
                    entries = list(it)
            except OSError:
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()  # follows symbolic links
                    is_link = entry.is_symlink()
                except OSError:  # a link that loops: listed, so that reading it says so
                    is_dir, is_link = False, True
                if is_dir:
                    stack.append(entry.path)
                    continue
                key = None if is_link else (st.st_dev, entry.inode())
                if entry.name.lower().endswith(ARTICLE_SUFFIXES):
                    add(entry.path, key, is_link)
                else:
                    add(entry.path, key, is_link, into=others)
    for key in set(others) & set(found):
        del others[key]  # a file named on the command line and met again in a folder

    def ordered(table: dict) -> list[Path]:
        return [Path(p) for _, _, p in sorted(table.values(), key=lambda r: (r[1], r[2]))]

    return ordered(found), ordered(others)


# ------------------------------------------------------------------------ decoding

_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2/MS Office"),
    (b"\x7fELF", "ELF"),
    (b"BZh91AY&SY", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"SQLite format 3\x00", "SQLite"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0/C1 control characters other than tab, newline, vertical tab, form feed, CR.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CHAOS = 0.2


def _looks_like_text(text: str) -> bool:
    """No stray control characters, and words separated by spaces (as written
    Vietnamese always is) when the text is long enough to tell."""
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        return False
    return len(text) < 100 or sum(text.count(ch) for ch in " \n\t") >= len(text) // 50


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: NULs as the high byte of ASCII letters."""
    if len(data) % 2:
        return None
    for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if high.count(0) * 2 > len(high):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _looks_like_text(text):
                return text, encoding
    return None


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file ``data`` starts like ("PDF", "PNG", "ZIP"…), or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text; return (text, encoding name). Raise IngestError.

    Vietnamese in the old VNI or TCVN3 font encodings comes back as Unicode, its
    encoding named "vni" or "tcvn3" (after the encoding of the bytes: "cp1252+vni").
    """
    text, encoding = _decode(data)
    legacy = convert_legacy(text)
    if legacy is not None:
        return legacy[0], f"{encoding}+{legacy[1]}"
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {encoding} after byte-order mark at byte {exc.start}") from None
            if not text.strip():
                raise IngestError("empty file")
            return text, encoding
    kind = binary_kind(data)
    if kind:
        raise IngestError(f"binary file ({kind})")
    if b"\x00" in data:
        decoded = _utf16_without_bom(data)
        if decoded is None:
            raise IngestError("binary file (contains NUL bytes)")
        return decoded
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = html_charset(data) if data.lstrip()[:1] == b"<" else None
    if declared:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes  # imported only when needed

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > _MAX_CHAOS:
        legacy = _legacy_bytes(data)
        if legacy:
            return legacy
        raise IngestError("unknown text encoding (not UTF-8, and no confident guess)")
    text = str(best)
    if not _looks_like_text(text):
        raise IngestError(f"unknown text encoding (best guess {best.encoding} gives no readable text)")
    if best.encoding not in ("cp1252", "latin_1", "iso8859_15") and (legacy := _legacy_bytes(data)):
        return legacy  # VNI or TCVN3 read as another code page: decode as Windows-1252 for the fonts
    return text, best.encoding


def _legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """The bytes as Windows-1252 when that gives VNI or TCVN3 Vietnamese (the fonts' code page)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return (text, "cp1252") if convert_legacy(text) is not None and _looks_like_text(text) else None


# --------------------------------------------------------------------- normalising

_SPACES = re.compile(r"[ \t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u2060\ufeff\xad]")
_LINE_EDGES = re.compile(r" *\n *")
_MANY_BLANKS = re.compile(r"\n{4,}")
_ODD_NEWLINES = "\u2028\u2029\x0b\x0c\x85"
_INVISIBLES = "\u200b\u200e\u200f\u2060\ufeff\xad"
_ODD_SPACES = "\t\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});?")


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` newlines, one plain space for any run of spaces, trimmed lines,
    no zero-width characters, at most two blank lines in a row, no blank edges."""
    # Each regular expression runs only when a cheap test says it has work to do:
    # most files need none of them, and the corpus must ingest fast.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(ch in text for ch in _ODD_NEWLINES):
        text = _NEWLINES.sub("\n", text)
    if any(ch in text for ch in _INVISIBLES):
        text = _INVISIBLE.sub("", text)
    if "&" in text and _ENTITY.search(text):  # "T&ampT", "&quot;": HTML entities left by a scraper
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    if "  " in text or any(ch in text for ch in _ODD_SPACES):
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGES.sub("\n", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\n\n\n\n" in text:
        text = _MANY_BLANKS.sub("\n\n\n", text)
    return text.strip("\n ")


# ----------------------------------------------------------------------- chrome


def _keys(*phrases: str) -> frozenset[str]:
    return frozenset(match_key(p) for p in phrases)


# Whole lines that end the article: everything from them on is page furniture.
_HARD_END = _keys(
    "phản hồi",
    "gửi phản hồi",
    "ý kiến phản hồi",
    "không có nhận xét nào",
    "đăng nhận xét",
    "bình luận",
    "gửi bình luận",
    "viết bình luận",
    "các bình luận",
    "bình luận của bạn",
    "ý kiến bạn đọc",
    "ý kiến của bạn",
    "gửi ý kiến",
    "các tin khác",
    "tin khác",
    "các bài khác",
    "bài khác",
    "các bài viết khác",
    "bài viết khác",
    "tin cùng chuyên mục",
    "cùng chuyên mục",
    "tin bài khác",
    "các tin đã đưa",
    "mới nhất",
    "tin mới nhất",
    "tin mới",
    "bài mới nhất",
    "xem nhiều nhất",
    "xem nhiều",
    "đọc nhiều nhất",
    "đọc nhiều",
    "tin đọc nhiều",
    "tin xem nhiều",
    "tin nổi bật",
    "số lần xem các bài viết",
    "thống kê truy cập",
    "lượt truy cập",
    "tổng lượt truy cập",
    "tags",
    "tag",
    "từ khóa",
)
# "3 nhận xét:", "12 bình luận": the head of a comment box.
_COMMENT_COUNT = re.compile(r"[\d.,]+ (?:nhận xét|bình luận|ý kiến|phản hồi)")
# Whole lines that open a box of related links inside or after the article.
_RELATED = _keys(
    "tin liên quan",
    "bài liên quan",
    "các tin liên quan",
    "bài viết liên quan",
    "tin bài liên quan",
    "xem thêm",
    "đọc thêm",
    "có thể bạn quan tâm",
    "bạn có thể quan tâm",
)
# Whole lines that are buttons or labels, dropped wherever they are.
_BUTTONS = _keys(
    "chia sẻ",
    "chia sẻ bài viết",
    "chia sẻ bài",
    "in bài",
    "in bài viết",
    "bản in",
    "gửi bài",
    "gửi bài viết",
    "gửi email",
    "lưu bài",
    "lưu bài viết",
    "lưu",
    "email",
    "facebook",
    "twitter",
    "zalo",
    "tweet",
    "like",
    "share",
    "print",
    "quay lại",
    "trở về",
    "trở lại",
    "về đầu trang",
    "lên đầu trang",
    "đầu trang",
    "cỡ chữ",
    "font size",
    "nghe bài",
    "nghe đọc bài",
    "nghe bài viết",
    "theo dõi",
    "bình chọn",
    "đánh giá",
    "truy cập hiện tại",
    "đang truy cập",
    "đang online",
    "trực tuyến",
    "trang chủ",
    "trang nhất",
    "đăng nhập",
    "đăng ký",
    "tìm kiếm",
    "menu",
    "home",
)
# Tag lists with their content on the same line: "Tags: a, b", "Từ khóa: …".
_TAG_LINE = re.compile(r"(?:tags?|từ khóa|thẻ)\s*:")
# Visitor counters and view counts, matched against match_key(line).
_COUNTER = re.compile(
    r"(?:đang có [\d.,]+ khách(?: và (?:không|[\d.,]+) thành viên)?(?: đang (?:online|trực tuyến))?"
    r"|(?:lượt xem|số lượt xem|lượt đọc|lượt truy cập|số lượt truy cập|tổng lượt truy cập"
    r"|đang truy cập|đang online|trực tuyến|hôm nay|hôm qua|tuần này|tháng này|tất cả|tổng cộng"
    r"|online|khách|thành viên|truy cập)\s*:?\s*[\d.,]+"
    r"|[\d.,]+ (?:lượt xem|lượt đọc|lượt truy cập|người đang xem|khách)"
    r"|(?:số lần xem các bài viết|lượt truy cập|tổng lượt truy cập|thống kê truy cập|truy cập hiện tại)"
    r")\.?"
)
_NUMBER_LINE = re.compile(r"[\d.,\s]+")
_COUNTER_LABELS = _keys(
    "số lần xem các bài viết",
    "lượt truy cập",
    "tổng lượt truy cập",
    "truy cập hiện tại",
    "đang truy cập",
    "đang online",
    "trực tuyến",
    "lượt xem",
)
_SHORT = 60  # chrome lines are short; longer lines are never tested against the lists

_SENTENCE_END = ".!?…:;\"'”»)]"
_HAS_DIGIT = re.compile(r"\d")


def _line_key(line: str) -> str:
    return match_key(line).rstrip(" :.").strip()


def _is_counter(key: str) -> bool:
    return _COUNTER.fullmatch(key) is not None


def _is_menu_link(line: str) -> bool:
    """A short sentence-case link text such as "Tiến tới đại hội đảng"."""
    words = line.split()
    if not 1 <= len(words) <= 7 or len(line) > 60:
        return False
    if line[-1] in _SENTENCE_END or _HAS_DIGIT.search(line):
        return False
    if not line[0].isupper():
        return False
    # A byline capitalises every word ("Thanh Mai", "HỒ HƯƠNG"): not a link.
    return not all(w[0].isupper() for w in words)


def _is_sentence(line: str) -> bool:
    words = line.count(" ") + 1
    return words >= 40 or (words >= 6 and line[-1] in ".!?…:;")


# ----------------------------------------------------------------------- dates

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn|t[2-7])"
_DATE_PATTERNS = (
    # 25/06/2022, 25-6-2022, 25.06.2022 (day first, as Vietnamese writes it)
    (re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)"), "dmy"),
    # 2022-06-25, 2022/06/25 (ISO order)
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    # 10 tháng 1, 2025 / ngày 10 tháng 01 năm 2025
    (re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm|/)?\s*((?:19|20)\d\d)(?!\d)"), "dmy"),
)
_DATE_NOISE = re.compile(
    rf"\b(?:{_WEEKDAY}|ngày|đăng|cập nhật|lúc|giờ|thời gian|xuất bản|gmt\s*[+-]\s*\d+|utc\s*[+-]?\s*\d*"
    r"|\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?|\d{1,2}\s*(?:giờ|h)|am|pm)\b"
    r"|[\[\]\(\),|:\-–—/.+]"
)
_COMPACT_DATE = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")


def _make_date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def parse_date_line(line: str) -> dt.date | None:
    """The date of a header line such as "Thứ bảy, 25/06/2022" or
    "Thứ Sáu, 15/11/2019, 10:08 [GMT+7]"; None if the line is not a date line.

    The line must be mostly the date: at most two words besides the weekday,
    the time, and words such as "ngày", "cập nhật", "lúc".
    """
    if len(line) > 80:
        return None
    low = line.lower()
    iso = re.fullmatch(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[t ][\d:.]+(?:z|[+-]\d\d:?\d\d)?)?\s*", low)
    if iso:
        return _make_date(iso.group(1), iso.group(2), iso.group(3))
    for pattern, order in _DATE_PATTERNS:
        m = pattern.search(low)
        if not m:
            continue
        a, b, c = m.groups()
        date = _make_date(c, b, a) if order == "dmy" else _make_date(a, b, c)
        if date is None:
            continue
        rest = _DATE_NOISE.sub(" ", low[: m.start()] + " " + low[m.end() :])
        if len(rest.split()) <= 2:
            return date
    return None


# ---------------------------------------------------------------------- bylines

_KNOWN_OUTLETS = _keys(
    "dân trí",
    "dân việt",
    "vnexpress",
    "tuổi trẻ",
    "thanh niên",
    "tiền phong",
    "lao động",
    "người lao động",
    "nhân dân",
    "quân đội nhân dân",
    "công an nhân dân",
    "hà nội mới",
    "sài gòn giải phóng",
    "vietnamplus",
    "vietnam plus",
    "zing",
    "zing news",
    "kênh 14",
    "vietnamnet",
    "infonet",
    "soha",
    "cafef",
    "cafebiz",
    "vtc news",
    "vov",
    "vtv",
    "vnews",
    "báo điện tử đảng cộng sản việt nam",
    "đảng cộng sản",
    "chính phủ",
    "tin tức",
    "giáo dục việt nam",
    "giáo dục và thời đại",
    "pháp luật",
    "pháp luật việt nam",
    "đài tiếng nói việt nam",
    "thông tấn xã việt nam",
    "tân hoa xã",
    "reuters",
    "sputnik",
    "bloomberg",
    "xinhua",
    "kyodo",
    "yonhap",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "nhk",
    "internet",
)
_CREDIT = re.compile(r"^(?i:bài|bài và ảnh|bài, ảnh|thực hiện|tác giả|phóng viên)\s*:\s*")
# Notes that may stand in a byline without naming anyone: "Tổng hợp", "(ghi)".
_BYLINE_NOTES = _keys("tổng hợp", "ghi", "dịch", "lược dịch", "biên dịch", "tổng hợp và dịch", "pv", "nhóm pv")
# Outlet names end with such a word ("Điện Biên TV") or start with such a prefix.
_AGENCY_LAST = {
    "tv",
    "online",
    "news",
    "radio",
    "plus",
    "ttxvn",
    "vov",
    "vtv",
    "vtc",
    "vna",
    "ttx",
    "times",
    "daily",
    "post",
    "net",
    "media",
}
_AGENCY_FIRST = ("báo ", "đài ", "tạp chí ", "cổng thông tin ", "truyền hình ", "phát thanh ")
# "Theo" (as in "according to") introduces the source; "Ảnh:"/"Nguồn:" credit one.
_SOURCE_MARK = re.compile(
    r"(?:^|(?<=\s)|(?<=[a-zđà-ỹ]))(?:Theo|THEO)\s+|^(?i:theo|nguồn|ảnh|video|đồ họa|đồ hoạ)\s*:?\s+"
)
_NAME_SEP = re.compile(r"\s*(?:[,;&–—/|+]|\s-|-\s|\bvà\b)\s*")
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:vn|com|net|org|gov|edu|info|tv|io|co|uk|us|cn|jp|kr|fr|de|ru|au|biz|news|online)(?:/\S*)?",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&.]{1,9}")
_INITIAL = re.compile(r"[A-ZĐ]\.")  # "M. Hà"
_INITIALS = re.compile(r"(?:[A-ZĐ]\.\s?)+[A-ZĐ]\w*\.?")
# One Vietnamese syllable, folded to ASCII: onset, one to three vowels, coda.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
_TRAILING_PAREN = re.compile(r"\s*\(([^()]{1,40})\)\s*$")


def _is_name_word(word: str) -> bool:
    """A capitalised or upper-case Vietnamese syllable: "Hương", "HƯƠNG"."""
    if not (word.isalpha() and word[0].isupper()):
        return False
    if len(word) > 1 and not (word[1:].islower() or word.isupper()):
        return False
    return _SYLLABLE.fullmatch(fold(word)) is not None


def _is_initials(word: str) -> bool:
    """Abbreviated names: "H.Long", "M.P", "T.Đ", "Đ.Chính"."""
    if not _INITIALS.fullmatch(word):
        return False
    parts = [p for p in word.split(".") if p]
    return all((len(p) == 1 and p.isupper()) or _is_name_word(p) for p in parts)


def _proper_case(name: str) -> str:
    words = []
    for word in name.split():
        if word.isupper() and not _is_initials(word):
            word = word[0] + word[1:].lower()
        words.append(word)
    return modern_tone(" ".join(words))


def _classify(part: str) -> tuple[str, str] | None:
    """("name", proper-cased name) or ("agency", text) or None for anything else."""
    part = part.strip(" .:")
    if not part:
        return None
    if _DOMAIN.fullmatch(part):
        return ("agency", part)
    if _line_key(part) in _KNOWN_OUTLETS:
        return ("agency", part)
    words = part.split()
    if len(words) == 1:
        if _is_initials(part):
            return ("name", part)
        if _ACRONYM.fullmatch(part):
            return ("agency", part)
        return None
    if len(words) > 5:
        return None
    if words[-1].lower() in _AGENCY_LAST or part.lower().startswith(_AGENCY_FIRST):
        return ("agency", part)
    if not all(_is_name_word(w) or _is_initials(w) or _INITIAL.fullmatch(w) for w in words):
        return None
    if all(_INITIAL.fullmatch(w) for w in words):
        return None
    return ("name", _proper_case(part))


def _parse_names(text: str) -> tuple[list[str], str | None] | None:
    """Names and an agency from "HỒ HƯƠNG – THANH MAI", "Tử Long/DIENBIENTV.VN"…"""
    authors: list[str] = []
    agency: str | None = None
    for part in _NAME_SEP.split(text):
        if not part.strip():
            continue
        kind = _classify(part)
        if kind is None:
            return None
        if kind[0] == "name":
            if kind[1] not in authors:
                authors.append(kind[1])
        elif agency is None:
            agency = kind[1]
    return authors, agency


def parse_byline(line: str) -> tuple[tuple[str, ...], str | None, bool] | None:
    """Read a byline such as "HỒ HƯƠNG – THANH MAI", "Tử Long/DIENBIENTV.VN" or
    "Vĩnh Ngọc Theo Reuters".

    Return (authors in proper case, agency or domain of the byline itself, whether
    the line is only a source note such as "Theo Reuters" or "Ảnh: TTXVN"), or
    None when the line is not a byline. Names after "Theo" count as authors; the
    outlets after it are the original source, not the publisher.
    """
    line = line.strip()
    if not line or len(line) > 80 or _HAS_DIGIT.search(line) or line[-1] in '!?…:;"”':
        return None
    agency: str | None = None
    paren = _TRAILING_PAREN.search(line)
    if paren:
        inner = paren.group(1).strip()
        if _ACRONYM.fullmatch(inner) or _DOMAIN.fullmatch(inner) or _line_key(inner) in _KNOWN_OUTLETS:
            agency = inner
        line = line[: paren.start()].strip()  # "(ghi)", "(tổng hợp)", "(TTXVN)"
        if not line:
            return ((), agency, True) if agency or _line_key(inner) in _BYLINE_NOTES else None
    if _line_key(line) in _BYLINE_NOTES:
        return (), agency, True
    line = _CREDIT.sub("", line)
    own, *sources = _SOURCE_MARK.split(line)
    authors: list[str] = []
    if own.strip():
        parsed = _parse_names(own)
        if parsed is None:
            return None
        authors, own_agency = parsed
        agency = agency or own_agency
    for source in sources:
        if len(source.split()) > 6:
            return None
        parsed = _parse_names(source)
        if parsed:
            authors.extend(n for n in parsed[0] if n not in authors)
    if not authors and agency is None and not sources:
        return None
    return tuple(authors), agency, not own.strip()


_LEAD_PAREN = re.compile(r"\(([^()\n]{2,40})\)\s*[-–—]+\s*\S")
_LEAD_NAME = re.compile(r"([^\s()–—-][^()\n–—]{0,38}?)\s+[-–—]+\s+\S")
_NOT_OUTLETS = {"tp", "hcm", "tphcm", "tp.hcm", "ubnd", "hđnd", "ts", "pgs", "gs", "ths", "đh", "thpt"}


def _lead_publisher(line: str) -> str | None:
    """Outlet named at the start of the lead: "(TUAG)- …", "Điện Biên TV - …"."""
    m = _LEAD_PAREN.match(line)
    if m:
        inner = m.group(1).strip()
        if ":" in inner or match_key(inner).startswith(("ảnh", "video", "clip")):
            return None  # "(Ảnh: TTXVN) – …" is a caption, not an outlet
        if (len(inner.split()) <= 5 and inner[0].isupper()) or _DOMAIN.fullmatch(inner):
            return inner
        return None
    m = _LEAD_NAME.match(line)
    if not m:
        return None
    name = m.group(1).strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(w[0].isupper() for w in words):
        return None
    if _DOMAIN.fullmatch(name) or _line_key(name) in _KNOWN_OUTLETS:
        return name
    low = [w.lower() for w in words]
    if name.lower().startswith(_AGENCY_FIRST) or low[-1] in _AGENCY_LAST:
        return name
    if len(words) == 1 and _ACRONYM.fullmatch(name) and low[0] not in _NOT_OUTLETS:
        return name
    return None


# ----------------------------------------------------------------------- articles

_META = re.compile(r"#\s*([A-Za-z_][\w.-]*)\s*=\s*(.*)")
_URL_HOST = re.compile(r"[a-z][a-z0-9+.-]*://(?:[^/@?#]*@)?([^/:?#\s]+)", re.IGNORECASE)
_HEADER_LINES = 10  # non-empty lines examined for the title
_DATE_AFTER_TITLE = 3  # non-empty lines after the title that may carry the date


def _clean_lines(lines: list[str]) -> list[str]:
    """Drop buttons, counters (with the number under a counter label) and stray
    one-character lines, wherever they are. End-of-article markers are kept for
    :func:`_cut_footer`."""
    out: list[str] = []
    drop_number = False
    dropped = False
    for line in lines:
        if not line:
            if not (dropped and out and not out[-1]):
                out.append(line)
            dropped = False
            continue
        if drop_number and _NUMBER_LINE.fullmatch(line):
            drop_number = False
            dropped = True
            continue
        drop_number = False
        dropped = False
        if len(line) == 1 and not line.isdigit():
            dropped = True
            continue
        if len(line) <= _SHORT:
            key = _line_key(line)
            if key not in _HARD_END and key not in _RELATED and (key in _BUTTONS or _is_counter(key)):
                drop_number = key in _COUNTER_LABELS
                dropped = True
                continue
        out.append(line)
    return out


def _skip_in_header(line: str) -> bool:
    """Chrome or a bare number: never a title."""
    if _NUMBER_LINE.fullmatch(line):
        return True
    return len(line) <= _SHORT and (
        (key := _line_key(line)) in _HARD_END or key in _RELATED or key in _BUTTONS or _is_counter(key)
    )


def _is_short_label(line: str) -> bool:
    return len(line) <= 40 and line.count(" ") < 4 and line[-1] not in _SENTENCE_END


def _is_section_label(line: str, following: list[str]) -> bool:
    """A short line such as "Xây dựng Đảng" (or a run of them: a breadcrumb or a
    menu) directly above a longer headline."""
    if not _is_short_label(line):
        return False
    words = len(line.split())
    for nxt in following:
        if _is_short_label(nxt):
            continue
        return nxt[-1] not in ".…:;" and words + 2 <= len(nxt.split()) <= 40 and not _LEAD_PAREN.match(nxt)
    return False


def _find_title(lines: list[str]) -> tuple[int | None, dt.date | None]:
    """Index of the title line and the header date.

    Skipped above the title: date lines, chrome, and section labels. The date is
    read from a date line above the title or among the few lines just below it.
    """
    date: dt.date | None = None
    nonempty = [i for i, line in enumerate(lines) if line][: _HEADER_LINES + _DATE_AFTER_TITLE]
    title: int | None = None
    after = 0
    for n, i in enumerate(nonempty):
        line = lines[i]
        d = parse_date_line(line)
        if d is not None:
            date = date or d
            if title is not None:
                break
            continue
        if title is not None:
            after += 1
            if after >= _DATE_AFTER_TITLE:
                break
            continue
        if n >= _HEADER_LINES or _skip_in_header(line):
            continue
        following = [
            lines[j]
            for j in nonempty[n + 1 : _HEADER_LINES]
            if parse_date_line(lines[j]) is None and not _skip_in_header(lines[j])
        ]
        if _is_section_label(line, following):
            continue
        title = i
    return title, date


# a note to readers after the byline: "* Mọi ý kiến đóng góp … độc giả gửi tin, bài về hộp thư: x@y.vn"
_READERS_NOTE = re.compile(r"\*\s*\S.{0,200}\b[\w.-]+@[\w-]+\.[\w.]+")


def _cut_footer(lines: list[str]) -> list[str]:
    """The lines up to the first end-of-article marker, without related-link boxes
    and without the menu links left just above the marker.

    A marker seen before any body sentence (a button row under the title) is
    dropped alone, so a page whose furniture comes first keeps its article.
    """
    out: list[str] = []
    skipping = False
    cut = False
    seen_body = False
    for line in lines:
        if not line:
            if not skipping:
                out.append(line)
            continue
        key = _line_key(line) if len(line) <= _SHORT else ""
        if seen_body and _READERS_NOTE.match(line):  # "* Mọi ý kiến đóng góp … gửi về hộp thư: …@…"
            cut = True
            break
        if (
            key in _HARD_END
            or (key and key[0].isdigit() and _COMMENT_COUNT.fullmatch(key))
            or (line[0] in "TtĐđ" and _TAG_LINE.match(match_key(line[:12])))
        ):
            if seen_body:
                cut = True
                break
            continue
        if key in _RELATED:
            skipping = True
            continue
        if skipping:
            if not _is_sentence(line):
                continue
            skipping = False
        seen_body = seen_body or _is_sentence(line)
        out.append(line)
    if cut or skipping:
        while len(out) > 1 and (not out[-1] or _is_menu_link(out[-1])):
            out.pop()
    return out


def _byline(lines: list[str]) -> tuple[tuple[str, ...], str | None]:
    """Authors and agency from the last (up to three) non-empty lines."""
    authors: list[str] = []
    agency: str | None = None
    tail = [line for line in lines[-8:] if line][-3:]
    for line in reversed(tail):
        parsed = parse_byline(line)
        if parsed is None:
            break
        names, ag, via = parsed
        authors[:0] = [n for n in names if n not in authors]
        if ag and not via and agency is None:
            agency = ag
    return tuple(authors), agency


def make_article_id(stem: str) -> str:
    """IRI-safe id from a file stem: ASCII, lowercase, [a-z0-9_-] only.

    "000_002c34a5c64d9462" stays as is; "Bài viết số 1" → "bai-viet-so-1".
    """
    ident = re.sub(r"[^a-z0-9_-]+", "-", fold(stem)).strip("-_")
    ident = re.sub(r"-{2,}", "-", ident)
    if not ident:
        ident = "doc-" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:10]
    return ident


def build_article(raw: str, path: str | os.PathLike[str]) -> Article:
    """Make an Article from the decoded text ``raw`` of the file ``path``."""
    name = os.path.basename(os.fspath(path))
    lines = normalize_text(raw).split("\n")
    meta: dict[str, str] = {}
    start = 0
    while start < len(lines) and start < 30 and (m := _META.fullmatch(lines[start])):
        meta.setdefault(m.group(1).lower(), m.group(2).strip())
        start += 1
    lines = lines[start:]
    while lines and not lines[0]:
        lines.pop(0)

    date: dt.date | None = None
    if "date" in meta:
        m = _COMPACT_DATE.fullmatch(meta["date"])
        date = _make_date(*m.groups()) if m else parse_date_line(meta["date"])
    title: str | None = None
    if meta and lines:
        # Corpus layout: the title is the line after the metadata, as it is.
        title = lines[0]
        body = [title, *_clean_lines(lines[1:])]
        if date is None:
            date = _find_title(body)[1]
    else:
        lines = _clean_lines(lines)
        title_at, header_date = _find_title(lines)
        date = date or header_date
        if title_at is not None:
            title = lines[title_at]
            lines = lines[title_at:]
        body = lines
    body = _cut_footer(body)
    text = "\n".join(body).strip("\n ")
    if "\n\n\n\n" in text:
        text = _MANY_BLANKS.sub("\n\n\n", text)
    if not text:
        raise IngestError("no article text (empty after removing page chrome)")

    after_title = body[1:] if title is not None else body
    publisher: str | None = None
    for line in [line for line in after_title if line][:3]:
        if parse_date_line(line) is None and (publisher := _lead_publisher(line)):
            break
    authors, agency = _byline(after_title)
    if publisher is None and (host := _URL_HOST.match(meta.get("url", ""))):
        publisher = host.group(1).lower().removeprefix("www.")
    if publisher is None:
        publisher = agency

    return Article(
        article_id=make_article_id(os.path.splitext(name)[0] if not name.startswith(".") else name),
        source_file=name,
        path=str(path),
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        date=date,
        authors=authors,
        publisher=publisher,
    )


MAX_FILE_BYTES = 10 * 1024 * 1024
"""Files larger than this are refused unread: a news article is a few kilobytes to a few
hundred; a web page with its scripts a few megabytes. The limit bounds the memory and time
one file can take (extraction needs about 60 MB and 17 s per million characters)."""


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_file(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; IngestError with a one-line reason."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IngestError("is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise IngestError("not a regular file")  # a FIFO would block a read
        if st.st_size > limit:
            raise IngestError(f"file too large ({_size(st.st_size)}; the limit is {_size(limit)})")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        if os.path.islink(path):
            raise IngestError("broken symbolic link (its target does not exist)") from None
        raise IngestError("no such file or folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError("symbolic link loop (the link points back to itself)") from None
        raise IngestError(f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > limit:  # grew while being read
        raise IngestError(f"file too large (over {_size(limit)}, the limit)")
    return data


def read_article(path: str | os.PathLike[str], data: bytes | None = None) -> Article:
    """Read one file into an Article (``data``: its bytes, when already read); raise IngestError
    with a one-line reason.

    A web page (``.html``/``.htm``, or a file that starts like one) gives the article it holds.
    """
    if data is None:
        data = read_file(path)
    raw, _encoding = decode_bytes(data)
    if looks_like_html(raw, os.fspath(path)):
        raw = html_to_text(raw)
    return build_article(raw, path)


def other_file_reason(path: str | os.PathLike[str]) -> str:
    """Why a file met in a folder that is neither ``.txt`` nor ``.html`` is not read."""
    suffix = os.path.splitext(os.fspath(path))[1].lower() or "no suffix"
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself)"
        return f"cannot read file ({exc.strerror or exc})"
    kind = binary_kind(head)
    what = f"binary file ({kind})" if kind else f"not an article file ({suffix})"
    return f"{what}: folders are read for .txt and .html articles only"


def drop_duplicates(articles: list[Article]) -> tuple[list[Article], list[Rejected]]:
    """Keep the first article of each text (files in sorted order); report the others as duplicates."""
    first: dict[str, Article] = {}
    kept: list[Article] = []
    dropped: list[Rejected] = []
    for art in articles:
        seen = first.get(art.content_hash)
        if seen is None:
            first[art.content_hash] = art
            kept.append(art)
        else:
            dropped.append(Rejected(path=art.path, reason=f"duplicate: the same article text as {seen.path}"))
    return kept, dropped


def _dedupe_ids(articles: list[Article]) -> list[Article]:
    """Keep ids unique: the first article keeps its id, later ones get a path hash."""
    taken: set[str] = set()
    out: list[Article] = []
    for art in articles:
        ident = art.article_id
        if ident in taken:
            digest = hashlib.sha1(art.path.encode("utf-8")).hexdigest()
            n = 8
            ident = f"{art.article_id}-{digest[:n]}"
            while ident in taken and n < len(digest):
                n += 2
                ident = f"{art.article_id}-{digest[:n]}"
            art = replace(art, article_id=ident)
        taken.add(ident)
        out.append(art)
    return out


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    progress: Callable[[list[Path]], Iterable[Path]] | None = None,
) -> tuple[list[Article], list[Rejected]]:
    """Read every file under ``paths``; return the articles and the rejected files.

    One bad file never stops the run. Files in the folders that are not articles
    (neither ``.txt`` nor ``.html``) are rejected unread; the same article text in
    two files is kept once (the first in sorted order), the other rejected as a
    duplicate. Duplicate article ids are made unique deterministically (files are
    read in sorted order). ``progress`` may wrap the list of files (a progress bar).
    """
    articles: list[Article] = []
    rejected: list[Rejected] = []
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files, others = walk(list(paths))
    for path in progress(files) if progress else files:
        found = read_or_reject(path)
        (articles if isinstance(found, Article) else rejected).append(found)
    return finish_ingest(articles, rejected, others)


def read_or_reject(path: str | os.PathLike[str], data: bytes | None = None) -> Article | Rejected:
    """The article in one file (``data``: its bytes, when already read), or why there is none
    (one bad file never stops a run)."""
    try:
        return read_article(path, data)
    except IngestError as exc:
        return Rejected(path=str(path), reason=exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        message = " ".join(str(exc).split())[:200]
        return Rejected(path=str(path), reason=f"unexpected error: {type(exc).__name__}: {message}")


def finish_ingest(
    articles: list[Article], rejected: list[Rejected], others: Iterable[Path] = ()
) -> tuple[list[Article], list[Rejected]]:
    """The articles read (in file order) less the duplicates, with unique ids; and every file
    rejected (the unreadable, the non-article files met in folders, the duplicates), sorted."""
    rejected = [*rejected, *(Rejected(path=str(p), reason=other_file_reason(p)) for p in others)]
    articles, duplicates = drop_duplicates(articles)
    rejected.extend(duplicates)
    rejected.sort(key=lambda r: r.path)
    return _dedupe_ids(articles), rejected
