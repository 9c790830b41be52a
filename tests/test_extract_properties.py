"""Properties of ingest → extract → resolve on any text (hypothesis), and linear time on a long line.

For arbitrary Unicode, and for text built from Vietnamese syllables, trigger words ("Tỉnh ủy",
"Nghị quyết số", "ông", "Bí thư"…), digits, slashes, hyphens, quotes and newlines: nothing
raises, every mention lies inside the text, its text is the slice its offsets name, and its
sentence contains it.
"""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.extract.pipeline import nlp
from kg.ingest import IngestError, build_article
from kg.resolve import resolve

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PROPERTY = settings(
    max_examples=int(os.environ.get("KG_HYPOTHESIS_EXAMPLES", "120")),  # more for a longer hunt
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TRIGGERS = [
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy", "Ban Thường vụ", "Ban Tổ chức", "Ban Chấp hành Trung ương",
    "Bộ Chính trị", "Nghị quyết số", "Kết luận số", "Chỉ thị", "Quyết định số", "Kế hoạch số", "ông", "bà",
    "Ông", "Bà", "đồng chí", "Đồng chí", "Bí thư", "Phó Bí thư", "Chủ tịch", "UBND", "HĐND", "tỉnh", "huyện",
    "Hội nghị", "hội thảo", "chủ trì", "tổ chức", "ban hành", "thực hiện", "khóa XIII", "Trung ương",
    "Lạng Sơn", "Châu Thành", "Hồ Chí Minh", "Thành phố Hồ Chí Minh", "tư tưởng", "TP.", "TW", "T.Ư", "21-KL/TW",
    "100 - KL/TW", "07-QĐi/TW", "06-HD/UBKTTW", "Nguyễn", "Văn", "Thị", "Trần", "Lê", "Phạm", "Quốc", "Khánh",
]  # fmt: skip
PIECES = [
    *TRIGGERS, "số", "ngày", "tháng", "năm", "của", "và", "về", "các", "được", "Đảng", "nhân dân",
    "0", "1", "21", "2021", "25/10/2021", "/", "-", "–", "—", "/TW", "-KL", "(", ")", ",", ".", ";", ":", "…",
    '"', "“", "”", "'", "«", "»", "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u200b", "ủ", "ỷ", "Ủ", "Đ", "đ",
    "a\u0301", "o\u0309", "ǅ", "ß", "İ", "ﬁ", "\u0301", "𝔸", "😀", "\ufeff", "\r\n", "#", "# date = 20211025",
]  # fmt: skip

vietnamese = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map(lambda parts: " ".join(parts))
vietnamese_tight = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map("".join)
unicode_text = st.text(max_size=400)
mixed = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=60).map(" ".join)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    nlp()  # load spaCy once, outside the deadlines
    list(extract([build_article("Tỉnh ủy Lạng Sơn họp.", "warm.txt")]))


def check(raw: str) -> None:
    """ingest → extract → resolve on ``raw``; the properties of every mention."""
    try:
        article = build_article(raw, "bài viết.txt")
    except IngestError:
        return  # nothing left after chrome: a clean refusal, not a crash
    text = article.text
    [extraction] = list(extract([article]))
    assert extraction.problems == []
    resolved = resolve([extraction])
    for m in extraction.mentions:
        assert 0 <= m.start <= m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert 0 <= m.sentence_start <= m.start and m.end <= m.sentence_end <= len(text), m
    for fact in extraction.facts:
        assert 0 <= fact.subject < len(extraction.mentions) and 0 <= fact.object < len(extraction.mentions)
    for ra in resolved.articles:
        for rm in ra.mentions:
            assert text[rm.mention.start : rm.mention.end] == rm.mention.text
            assert rm.entity_key in resolved.entities


@PROPERTY
@given(unicode_text)
def test_any_unicode(raw: str) -> None:
    check(raw)


@PROPERTY
@given(vietnamese)
def test_vietnamese_with_triggers(raw: str) -> None:
    check(raw)


@PROPERTY
@given(vietnamese_tight)
def test_vietnamese_pieces_run_together(raw: str) -> None:
    check(raw)


@PROPERTY
@given(mixed)
def test_triggers_among_arbitrary_unicode(raw: str) -> None:
    check(raw)


def _extract_seconds(text: str) -> float:
    article = build_article(text, "long.txt")
    started = time.perf_counter()
    [extraction] = list(extract([article]))
    resolve([extraction])
    elapsed = time.perf_counter() - started
    assert extraction.problems == [] and extraction.mentions
    for m in extraction.mentions[:: max(1, len(extraction.mentions) // 200)]:
        assert article.text[m.start : m.end] == m.text
    return elapsed


def test_a_1_mb_single_line_article_takes_linear_time() -> None:
    line = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in sorted(SEEDS.glob("*.txt")))

    def article(size: int) -> str:
        return (line + " ") * (size // (len(line) + 1)) + line[: size % (len(line) + 1)]

    big = article(1 << 20)  # 1,048,576 characters on one line (over spaCy's default max_length)
    assert len(big) == 1 << 20 and "\n" not in big
    small = article(1 << 18)
    t_small = _extract_seconds(small)
    t_big = _extract_seconds(big)
    assert t_big / t_small < 8, (t_small, t_big)  # 4× the text: linear is 4×, quadratic 16×


def _fail_on_boom(monkeypatch, message: str) -> None:
    """Make the extractor raise ``RuntimeError(message)`` on any article holding "BOOM"."""
    import kg.extract.pipeline as pipeline

    real = pipeline.find_people

    def fails_on_boom(text, key, taken, **kwargs):
        if "BOOM" in text:
            raise RuntimeError(message)
        return real(text, key, taken, **kwargs)

    monkeypatch.setattr(pipeline, "find_people", fails_on_boom)


def test_an_article_the_extractor_fails_on_keeps_its_place(monkeypatch, caplog) -> None:
    _fail_on_boom(monkeypatch, "a bug\nover two lines")
    good = build_article("Tỉnh ủy Lạng Sơn họp\n\nĐồng chí Nguyễn Văn A chủ trì.", "a.txt")
    bad = build_article("Tỉnh ủy Cao Bằng họp BOOM\n\nNội dung.", "b.txt")
    first, second, third = extract([good, bad, good])
    assert second.article is bad and second.mentions == [] and second.facts == []
    assert second.problems == ["extraction failed: RuntimeError: a bug over two lines"]
    assert first.mentions and third.mentions and not first.problems
    assert "b.txt: extraction failed" in caplog.text


def test_report_lists_the_articles_the_extractor_failed_on(monkeypatch, tmp_path) -> None:
    import json

    from kg.builder import build

    _fail_on_boom(monkeypatch, "a bug")
    (tmp_path / "good.txt").write_text("Tỉnh ủy Lạng Sơn họp\n\nĐồng chí Nguyễn Văn A chủ trì.", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Tỉnh ủy Cao Bằng họp BOOM\n\nNội dung.", encoding="utf-8")
    result = build([tmp_path], tmp_path / "out", show_progress=False, workers=1)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["problems"] == [
        {"file": str(tmp_path / "bad.txt"), "reason": "extraction failed: RuntimeError: a bug"}
    ]
    assert report["counts"]["articles"] == 2 and result.report["problems"] == report["problems"]


def test_text_dense_with_names_posts_and_events_takes_linear_time() -> None:
    one = (
        "Đồng chí Nguyễn Văn Nam, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy Lạng Sơn chủ trì "
        "Hội nghị triển khai Nghị quyết số 21-NQ/TW ngày 25/10/2021 của Bộ Chính trị tại huyện Châu Thành. "
    )

    def article(size: int) -> str:
        return (one * (size // len(one) + 1))[:size]

    t_small = _extract_seconds(article(1 << 17))
    t_big = _extract_seconds(article(1 << 19))
    assert t_big / t_small < 8, (t_small, t_big)  # 4× the text: linear is 4×, quadratic 16×


@given(mixed)
@PROPERTY
def test_the_spacy_pipeline_on_a_text_finds_what_extract_finds(raw: str) -> None:
    """``extract`` hands the components an untokenized Doc; ``nlp()(text)`` tokenizes: the same
    mentions and facts either way."""
    from kg.extract.pipeline import to_extraction

    try:
        article = build_article(raw, "a.txt")
    except IngestError:
        return
    ours = next(extract([article]))
    doc = nlp()(article.text)
    assert len(doc) > 0 or not article.text.strip()
    theirs = to_extraction(doc, article)
    assert (theirs.mentions, theirs.facts) == (ours.mentions, ours.facts)


def test_the_spacy_pipeline_on_the_seeds_finds_what_extract_finds() -> None:
    from kg.extract.pipeline import to_extraction

    for path in sorted(SEEDS.glob("*.txt")):
        article = build_article(path.read_text(encoding="utf-8"), path.name)
        ours = next(extract([article]))
        theirs = to_extraction(nlp()(article.text), article)
        assert ours.mentions and (theirs.mentions, theirs.facts) == (ours.mentions, ours.facts), path.name
