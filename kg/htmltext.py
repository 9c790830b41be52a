"""The article in a web page saved from a browser: its text without the page around it.

:func:`html_to_text` keeps the article — the first ``<article>`` element (or an element
marked ``itemprop="articleBody"``), else ``<main>``, else ``<body>`` — and drops what is
never article text: ``<head>``, scripts, styles, navigation, page headers and footers,
sidebars, forms, buttons, embedded frames and pictures. Block elements become lines. The
title is the article's ``<h1>``, else the ``og:title`` or ``<title>`` of the page; the date
and address come from the page's metadata (``article:published_time``, ``<time datetime>``,
the canonical link, or the ``<!-- saved from url=… -->`` note browsers write).

The result starts with ``# key = value`` lines (``date``, ``url``) and the title, the layout
:func:`kg.ingest.build_article` reads, so the rest of ingest (chrome lines, bylines) applies.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_charset", "html_to_text", "looks_like_html"]

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# Never article text, wherever they are.
_DROP = {
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
    "nav", "aside", "form", "button", "select", "textarea", "input", "label", "menu", "dialog", "figure",
    "picture", "video", "audio", "map",
}  # fmt: skip
# Page furniture outside the article (inside it, a <header> holds the title and date).
_DROP_OUTSIDE = {"header", "footer"}
_BLOCK = {
    "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
    "section", "article", "main", "blockquote", "pre", "address", "header", "footer", "figcaption", "body", "td",
    "th", "caption", "center",
}  # fmt: skip
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_CLASS_CHROME = re.compile(
    r"(?:^|[\s_-])(?:comments?|share|social|related|breadcrumbs?|sidebar|advert|ads|banner|menu|navbar|footer|"
    r"tags?|rating|subscribe|newsletter|cookie)(?:$|[\s_-])",
    re.IGNORECASE,
)


def looks_like_html(text: str, name: str = "") -> bool:
    """Whether a file is a web page: by its name (.html, .htm…) or by how it starts."""
    return name.lower().endswith(HTML_SUFFIXES) or _HTML_START.match(text[:4096]) is not None


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` of its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


class _Collector(HTMLParser):
    """Text of the page by region: the article (if marked), ``<main>``, the body; plus metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, opened a dropped region, opened the article)
        self.drop = 0
        self.in_article = 0
        self.in_main = 0
        self.article_done = False
        self.article: list[str] = []
        self.main: list[str] = []
        self.body: list[str] = []
        self.title = ""
        self.in_title = False
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None
        self.meta: dict[str, str] = {}
        self.time: str | None = None
        self.url: str | None = None

    # -- structure

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.url = self.url or a["href"].strip()
            return
        if tag == "title" and not self.title:
            self.in_title = True
        if tag == "time" and a.get("datetime") and self.time is None:
            self.time = a["datetime"]
        if tag in _VOID:
            if tag in _BLOCK:
                self._newline()
            return
        dropped = bool(
            tag in _DROP
            or (tag in _DROP_OUTSIDE and not self.in_article)
            or ("hidden" in a and tag != "input")
            or (tag in ("div", "ul", "section") and _CLASS_CHROME.search(a.get("class", "") + " " + a.get("id", "")))
            or a.get("aria-hidden") == "true"
            or a.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search")
        )
        is_article = (tag == "article" or a.get("itemprop") == "articleBody") and not self.article_done
        self.stack.append((tag, dropped, is_article))
        if dropped:
            self.drop += 1
        if is_article:
            self.in_article += 1
        if tag == "main":
            self.in_main += 1
        if tag == "h1" and self.h1 is None and not self.drop:
            self.h1_parts = []
        if tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _VOID:
            return
        # close up to the matching open tag (pages often leave tags unclosed)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for open_tag, dropped, is_article in reversed(self.stack[i:]):
                    self._close(open_tag, dropped, is_article)
                del self.stack[i:]
                break

    def _close(self, tag: str, dropped: bool, is_article: bool) -> None:
        if tag in _BLOCK:
            self._newline()
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = " ".join("".join(self.h1_parts).split())
            self.h1_parts = None
        if dropped:
            self.drop -= 1
        if is_article:
            self.in_article -= 1
            if not self.in_article:
                self.article_done = True
        if tag == "main":
            self.in_main -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.drop:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        self.body.append(data)
        if self.in_main:
            self.main.append(data)
        if self.in_article:
            self.article.append(data)

    def handle_comment(self, data: str) -> None:
        m = _SAVED_FROM.match(f"<!--{data}-->")
        if m and self.url is None:
            self.url = m.group(1)

    def _newline(self) -> None:
        for part in (self.body, self.main, self.article) if not self.drop else ():
            if part and part[-1] != "\n":
                part.append("\n")


def _lines(parts: list[str]) -> list[str]:
    text = "".join(parts)
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


_ISO_DATE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def html_to_text(page: str) -> str:
    """The article text of an HTML page: metadata lines, the title, then one line per paragraph."""
    parser = _Collector()
    parser.feed(page)
    parser.close()
    lines = _lines(parser.article) or _lines(parser.main) or _lines(parser.body)
    title = parser.h1 or parser.meta.get("og:title") or " ".join(parser.title.split())
    if title and title in lines[:3]:
        lines.remove(title)
    meta: list[str] = ["# format = html"]
    stamp = parser.meta.get("article:published_time") or parser.meta.get("datepublished") or parser.time or ""
    date = _ISO_DATE.search(stamp)
    if date:
        meta.append(f"# date = {''.join(date.groups())}")
    url = parser.url or parser.meta.get("og:url")
    if url:
        meta.append(f"# url = {url}")
    body = [title] if title else []
    # paragraphs apart, as the plain-text articles have them
    for line in lines:
        body.extend((line, ""))
    return "\n".join(meta + body).rstrip("\n") + "\n"
