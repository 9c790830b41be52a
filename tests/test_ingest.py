"""Tests for kg.textnorm and kg.ingest: the real seeds in, exact expectations out."""

from __future__ import annotations

import datetime as dt
import os
import random
import unicodedata
from pathlib import Path

import pytest

from kg.ingest import (
    IngestError,
    build_article,
    decode_bytes,
    ingest,
    iter_files,
    make_article_id,
    normalize_text,
    parse_byline,
    parse_date_line,
    read_article,
)
from kg.records import Article, Rejected
from kg.textnorm import fold, match_key, modern_tone, nfc, slug

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _corpus_dir() -> Path | None:
    for base in (ROOT.parent / "shared", ROOT / "shared", Path("/work/shared")):
        folder = base / "corpora" / "vi-news-unc"
        if folder.is_dir():
            return folder
    return None


CORPUS = _corpus_dir()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="shared/corpora/vi-news-unc not present")


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    articles, rejected = ingest([SEEDS])
    assert rejected == []
    return {a.article_id[:3]: a for a in articles}


# ----------------------------------------------------------------------- textnorm


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoá", "hóa"),
        ("uỷ", "ủy"),
        ("Thuý", "Thúy"),
        ("khoá", "khóa"),
        ("Hoà", "Hòa"),
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("chuyển hoá", "chuyển hóa"),
        ("khoẻ", "khỏe"),
        ("hoạ sĩ", "họa sĩ"),
        ("tuỳ", "tùy"),
        ("Uỷ ban", "Ủy ban"),
        ("HOÁ", "HÓA"),
        ("qủy", "quỷ"),  # after q the mark belongs on y
        ("(hoá)", "(hóa)"),
    ],
)
def test_modern_tone_moves_mark_to_first_vowel(old: str, new: str) -> None:
    assert modern_tone(old) == new
    assert len(modern_tone(old)) == len(old)
    assert match_key(old) == match_key(new) == new.lower()


@pytest.mark.parametrize(
    "word",
    [
        "chuyển",
        "thuyết",
        "khuya",
        "ngoài",
        "xoáy",
        "hoàng",
        "toán",
        "huyện",
        "khuỵu",
        "quý",
        "Quỳnh",
        "hóa",
        "ủy",
        "thủy",
        "Chloé",
        "hoặc",
        "thuở",
    ],
)
def test_modern_tone_leaves_fixed_placements(word: str) -> None:
    assert modern_tone(word) == word
    assert match_key(word) == word.lower()


def test_match_key_same_length_and_placement_independent(seeds: dict[str, Article]) -> None:
    assert match_key("Tỉnh uỷ Lạng Sơn") == match_key("TỈNH ỦY LẠNG SƠN") == "tỉnh ủy lạng sơn"
    for art in seeds.values():
        key = match_key(art.text)
        assert len(key) == len(art.text)
        assert key == match_key(modern_tone(art.text))
    # Characters whose lowercase is longer are kept, so offsets stay valid.
    assert len(match_key("İstanbul ΣΟΦΟΣ")) == len("İstanbul ΣΟΦΟΣ")
    text = "Ban Tổ chức Tỉnh uỷ"
    start = match_key(text).index("tỉnh ủy")
    assert text[start:] == "Tỉnh uỷ"


def test_fold_slug_nfc() -> None:
    assert nfc("Tỉnh u\u0309y") == "Tỉnh ủy"
    assert fold("Đảng bộ TỈNH Điện Biên") == "dang bo tinh dien bien"
    assert slug("Ban Tổ chức Tỉnh ủy — Lạng Sơn!") == "ban-to-chuc-tinh-uy-lang-son"
    assert slug("  21-KL/TW ") == "21-kl-tw"
    assert slug("Thuý") == slug("Thúy") == "thuy"
    assert slug("漢字") == ""


# ------------------------------------------------------------------------- seeds

TITLES = {
    "000": "Nâng cao hiệu quả nhận diện, đấu tranh, phòng ngừa các biểu hiện “tự diễn biến”, “tự chuyển hoá”",
    "001": "Đảng bộ TP. Lạng Sơn phát huy vai trò của người đứng đầu cấp ủy, tổ chức đảng trong nhận diện, "
    "đấu tranh, phòng ngừa “tự diễn biến”, “tự chuyển hóa”",
    "002": "MỘT SỐ GIẢI PHÁP ĐỂ NÂNG CAO HIỆU QUẢ CÔNG TÁC QUẢN LÝ, BẢO VỆ ĐỘI NGŨ CÁN BỘ, ĐẢNG VIÊN "
    "TRONG BỐI CẢNH HỘI NHẬP QUỐC TẾ",
    "003": "Điện Biên tăng cường công tác bảo vệ chính trị nội bộ trong tình hình hiện nay",
    "004": "Tổ chức tốt đợt sinh hoạt chính trị về xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
}
DATES = {
    "000": dt.date(2022, 6, 25),
    "001": None,
    "002": dt.date(2025, 1, 10),
    "003": dt.date(2019, 11, 15),
    "004": None,
}
# The last real line of each article (sentence or byline) ends the text.
ENDINGS = {
    "000": "tiêu cực…\n\nHỒ HƯƠNG – THANH MAI",
    "001": "niềm tin của cán bộ, đảng viên đối với Đảng và tương lai của đất nước, dân tộc.",
    "002": "đáp ứng các yêu cầu, nhiệm vụ trong tình hình mới./.",
    "003": "vào sự nghiệp xây dựng và bảo vệ Tổ quốc trước yêu cầu mới./.\n\n\nTử Long/DIENBIENTV.VN",
    "004": "giải pháp đột phá trong thực tiễn ở địa phương, cơ quan, đơn vị.\n\nTTCTTT số 7-2022",
}


def test_seed_records(seeds: dict[str, Article]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    a = seeds["000"]
    assert a.article_id == "000_002c34a5c64d9462"
    assert a.source_file == "000_002c34a5c64d9462.txt"
    assert a.path == str(SEEDS / "000_002c34a5c64d9462.txt")
    for art in seeds.values():
        assert art.content_hash == __import__("hashlib").sha256(art.text.encode()).hexdigest()


@pytest.mark.parametrize("seed", sorted(TITLES))
def test_seed_title_date_and_ending(seeds: dict[str, Article], seed: str) -> None:
    art = seeds[seed]
    assert art.title == TITLES[seed]
    assert art.text.split("\n", 1)[0] == TITLES[seed]  # the title opens the text
    assert art.date == DATES[seed]
    assert art.text.endswith(ENDINGS[seed])
    assert unicodedata.is_normalized("NFC", art.text)
    assert "\xa0" not in art.text and "\r" not in art.text
    assert "\n\n\n\n" not in art.text
    assert all(line == line.strip() for line in art.text.split("\n"))


def test_seed_bylines_and_publishers(seeds: dict[str, Article]) -> None:
    assert seeds["000"].authors == ("Hồ Hương", "Thanh Mai")
    assert seeds["003"].authors == ("Tử Long",)
    assert seeds["003"].publisher == "Điện Biên TV"
    assert seeds["004"].publisher == "TUAG"
    assert seeds["004"].authors == ()
    assert seeds["001"].authors == () and seeds["002"].authors == ()
    for art in seeds.values():
        assert not any(a.isupper() or "." in a for a in art.authors)


def test_seed_chrome_removed(seeds: dict[str, Article]) -> None:
    everything = "\n".join(a.text for a in seeds.values())
    for chrome in (
        "Truy cập hiện tại",
        "Đang có 154",
        "Phản hồi",
        "Các tin khác",
        "Mới nhất",
        "Xem nhiều nhất",
        "Không có nhận xét nào",
        "Đăng nhận xét",
        "Số lần xem các bài viết",
        "31406519",
        "Tiến tới đại hội đảng",
        "Giải phóng miền Nam",
    ):
        assert chrome not in everything, chrome
    lines = everything.split("\n")
    assert "Xây dựng Đảng" not in lines  # section label of seed 004
    assert "f" not in lines and "." not in lines  # stray lines of seed 003
    # Real content next to the chrome is kept.
    assert "(TUAG)- Quán triệt tinh thần chỉ đạo" in seeds["004"].text
    assert "Điện Biên TV - Qua 5 năm" in seeds["003"].text
    assert "Hội nghị Sơ kết 5 năm thực hiện Chỉ thị số 39-CT/TW" in seeds["003"].text
    assert "Thứ bảy, 25/06/2022" not in seeds["000"].text  # header above the title
    assert "Thứ Sáu, 15/11/2019, 10:08 [GMT+7]" in seeds["003"].text  # below the title: kept


def test_seed_paragraph_count_kept(seeds: dict[str, Article]) -> None:
    # Every long line of the source files survives.
    for art in seeds.values():
        raw = normalize_text((SEEDS / art.source_file).read_text(encoding="utf-8"))
        long_lines = [line for line in raw.split("\n") if len(line) > 120]
        assert long_lines and all(line in art.text for line in long_lines)


# ------------------------------------------------------------------------- corpus


@needs_corpus
def test_corpus_file() -> None:
    assert CORPUS is not None
    art = read_article(CORPUS / "news_business_001.txt")
    assert art.title == "Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á"
    assert art.date == dt.date(2020, 10, 1)
    assert art.article_id == "news_business_001"
    assert art.publisher == "dantri.com.vn"
    assert art.text.startswith("Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á\nNăm 2020, Vinamilk")
    assert "# doc_id" not in art.text and "# url" not in art.text and "# date" not in art.text


@needs_corpus
def test_corpus_bylines() -> None:
    assert CORPUS is not None
    world = read_article(CORPUS / "news_world_022.txt")  # "Theo Vân Thiêng, Đặng Thùy" / "VOV"
    assert world.authors == ("Vân Thiêng", "Đặng Thùy")
    assert world.publisher == "dantri.com.vn"
    ent = read_article(CORPUS / "news_entertainment_028.txt")  # "Vĩnh Ngọc" / "Theo DM"
    assert ent.authors == ("Vĩnh Ngọc",)
    edu = read_article(CORPUS / "news_education_111.txt")  # byline above "* Mọi ý kiến … hộp thư: …@…"
    assert edu.authors == ("Nguyễn Hành",)
    assert "Mọi ý kiến" not in edu.text


@needs_corpus
def test_corpus_whole() -> None:
    assert CORPUS is not None
    articles, rejected = ingest([CORPUS])
    assert rejected == []
    assert len(articles) == 2653
    assert len({a.article_id for a in articles}) == 2653
    assert all(a.title and a.date and a.text.startswith(a.title) for a in articles)
    assert all(not a.text.startswith("#") for a in articles)


# ---------------------------------------------------------------------- pieces


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Thứ bảy,  25/06/2022", dt.date(2022, 6, 25)),
        ("Thứ Sáu, 10 tháng 1, 2025", dt.date(2025, 1, 10)),
        ("Thứ Sáu, 15/11/2019, 10:08 [GMT+7]", dt.date(2019, 11, 15)),
        ("ngày 25/6/2022", dt.date(2022, 6, 25)),
        ("25-06-2022", dt.date(2022, 6, 25)),
        ("2022-06-25", dt.date(2022, 6, 25)),
        ("2022-06-25T08:30:00+07:00", dt.date(2022, 6, 25)),
        ("Cập nhật: 10:30 ngày 05/01/2023", dt.date(2023, 1, 5)),
        ("Chủ nhật, ngày 10 tháng 01 năm 2021", dt.date(2021, 1, 10)),
        ("31/02/2022", None),
        ("Chính phủ họp ngày 25/6/2022 về kinh tế vĩ mô", None),
        ("Kết luận số 21-KL/TW ngày 25-10-2021 về đẩy mạnh xây dựng, chỉnh đốn Đảng", None),
        ("Hội nghị", None),
    ],
)
def test_parse_date_line(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == date


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("HỒ HƯƠNG – THANH MAI", ("Hồ Hương", "Thanh Mai"), None),
        ("Tử Long/DIENBIENTV.VN", ("Tử Long",), "DIENBIENTV.VN"),
        ("Hồ Hương (TTXVN)", ("Hồ Hương",), "TTXVN"),
        ("Nhật Hồng (ghi)", ("Nhật Hồng",), None),
        ("H.Long", ("H.Long",), None),
        ("Theo Vân Thiêng- Đặng Thùy", ("Vân Thiêng", "Đặng Thùy"), None),
        ("Theo Science Alert", (), None),
        ("Khánh Thuý", ("Khánh Thúy",), None),
    ],
)
def test_parse_byline(line: str, authors: tuple[str, ...], agency: str | None) -> None:
    parsed = parse_byline(line)
    assert parsed is not None
    assert parsed[0] == authors
    assert parsed[1] == agency


@pytest.mark.parametrize(
    "line",
    ["TTCTTT số 7-2022", "Giải phóng miền Nam", "Hình minh họa.", "Xin cảm ơn ông!", "Đội hình xuất phát:"],
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_make_article_id() -> None:
    assert make_article_id("000_002c34a5c64d9462") == "000_002c34a5c64d9462"
    assert make_article_id("Bài viết số 1") == "bai-viet-so-1"
    assert make_article_id("Tỉnh Uỷ (bản in)") == "tinh-uy-ban-in"
    assert make_article_id("漢字").startswith("doc-")


def test_generic_chrome_patterns() -> None:
    raw = (
        "Trang chủ\nLượt truy cập\n123456\nThời sự\n"
        "Hà Nội họp bàn về kế hoạch phát triển kinh tế xã hội năm 2023\n"
        "Cập nhật: 10:30 ngày 05/01/2023\nChia sẻ\nIn bài\nBình luận\n"
        "(PLO) - Sáng 5-1, UBND thành phố Hà Nội đã tổ chức hội nghị triển khai nhiệm vụ năm 2023.\n"
        "Tin liên quan\nHà Nội đặt mục tiêu tăng trưởng 7%\nThủ tướng làm việc với Hà Nội\n"
        "Phát biểu tại hội nghị, Chủ tịch UBND thành phố nhấn mạnh nhiệm vụ phục hồi kinh tế.\n"
        "f\nLượt xem: 1.234\nNGUYỄN VĂN AN (TTXVN)\nTừ khoá: Hà Nội, kinh tế\n"
        "Gửi bình luận\nBài viết rất hay, cảm ơn tác giả nhiều lắm.\n"
    ).replace("\n", "\r\n")
    art = build_article(raw, "x/Bài viết số 1.txt")
    assert art.article_id == "bai-viet-so-1"
    assert art.source_file == "Bài viết số 1.txt"
    assert art.title == "Hà Nội họp bàn về kế hoạch phát triển kinh tế xã hội năm 2023"
    assert art.date == dt.date(2023, 1, 5)
    assert art.publisher == "PLO"
    assert art.authors == ("Nguyễn Văn An",)
    assert art.text == (
        "Hà Nội họp bàn về kế hoạch phát triển kinh tế xã hội năm 2023\n"
        "Cập nhật: 10:30 ngày 05/01/2023\n"
        "(PLO) - Sáng 5-1, UBND thành phố Hà Nội đã tổ chức hội nghị triển khai nhiệm vụ năm 2023.\n"
        "Phát biểu tại hội nghị, Chủ tịch UBND thành phố nhấn mạnh nhiệm vụ phục hồi kinh tế.\n"
        "NGUYỄN VĂN AN (TTXVN)"
    )


def test_sentences_are_never_chrome() -> None:
    raw = (
        "Bình luận của bạn đọc về dự thảo luật\n\n"
        "Nhiều ý kiến bình luận cho rằng cần xem thêm các quy định về chia sẻ dữ liệu.\n\n"
        "Mới nhất, Bộ Tư pháp đã tiếp thu và chỉnh sửa dự thảo theo góp ý của bạn đọc."
    )
    art = build_article(raw, "a.txt")
    assert art.text == raw
    assert art.title == "Bình luận của bạn đọc về dự thảo luật"


def test_normalize_text() -> None:
    raw = "\ufeffA\u00a0 b\u200b \r\nc\t\td  \r\n\r\n\r\n\r\n\r\n\r\ne\u2028f"
    assert normalize_text(raw) == "A b\nc d\n\n\ne\nf"
    assert normalize_text("Tỉnh u\u0309y") == "Tỉnh ủy"


# --------------------------------------------------------------------- bad files


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


SAMPLE = (SEEDS / "003_a8df968c534587e9.txt").read_text(encoding="utf-8")


def _to_cp1258(text: str) -> bytes:
    """Encode Vietnamese in Windows-1258: base letters plus combining tone marks."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t ", "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "binary file (PNG)"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "binary file (ZIP)"),
        ("Tỉnh ủy Lạng Sơn\x00\x00\x01 họp".encode(), "binary file (contains NUL bytes)"),
    ],
)
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(data)
    assert info.value.reason == reason
    assert isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("low", [0x01, 0x80])
def test_decode_rejects_unknown_bytes(low: int) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(low, 0x100) for _ in range(4000)).replace(b"%PDF", b"%%%%")
    with pytest.raises(IngestError, match="^(unknown text encoding|binary file)"):
        decode_bytes(data)
    with pytest.raises(IngestError, match="^unknown text encoding"):
        decode_bytes(b"\xd2" * 4000)  # one high byte repeated: "valid" in many code pages


def test_decode_encodings() -> None:
    expected = normalize_text(SAMPLE)
    for data in (
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with BOM
        b"\xfe\xff" + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-16-le"),  # no BOM: told by the NUL high bytes
        SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-32"),
    ):
        assert normalize_text(decode_bytes(data)[0]) == expected
    text, encoding = decode_bytes(_to_cp1258(SAMPLE))
    assert encoding == "cp1258"
    assert normalize_text(text) == expected
    french = (
        "Le président de la République a déclaré mercredi que la réunion des ministres européens était "
        "très importante pour l'économie française. Selon lui, les négociations sur le budget de l'année "
        "prochaine doivent aboutir avant la fin du mois, où les décisions seront prises à Bruxelles. Les "
        "syndicats ont réagi avec prudence à cette annonce, estimant que les mesures proposées ne "
        "répondent pas à leurs préoccupations.\n"
    )
    text, encoding = decode_bytes(french.encode("cp1252"))
    assert (text, encoding) == (french, "cp1252")


def test_ingest_mixed_folder(tmp_path: Path) -> None:
    good = _write(tmp_path / "docs" / "good.txt", SAMPLE.encode("utf-8"))
    _write(tmp_path / "docs" / "utf16.txt", SAMPLE.encode("utf-16"))
    _write(tmp_path / "docs" / "cp1258.txt", _to_cp1258(SAMPLE))
    _write(tmp_path / "docs" / "empty.txt", b"")
    _write(tmp_path / "docs" / "fake.txt", b"%PDF-1.4\n1 0 obj\n")
    _write(tmp_path / "docs" / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(tmp_path / "docs" / "nul.txt", b"abc\x00def")
    _write(tmp_path / "docs" / "sub" / "deeper.TXT", SAMPLE.encode("utf-8"))
    _write(tmp_path / "docs" / "notes.md", b"# not an article")  # not .txt: skipped in folders
    _write(tmp_path / "docs" / ".hidden.txt", b"hidden")
    _write(tmp_path / "docs" / ".git" / "x.txt", b"hidden")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "sub" / "loop")  # directory loop
    os.symlink(good, tmp_path / "docs" / "alias.txt")  # same file twice

    files = iter_files([tmp_path / "docs", good, tmp_path / "docs" / "notes.md"])
    assert [p.relative_to(tmp_path / "docs").as_posix() for p in files] == [
        "cp1258.txt",
        "empty.txt",
        "fake.txt",
        "good.txt",
        "image.txt",
        "notes.md",
        "nul.txt",
        "sub/deeper.TXT",
        "utf16.txt",
    ]  # sorted; the alias of good.txt and the looping link are not listed again
    assert iter_files([tmp_path / "docs"]) == [f for f in files if f.name != "notes.md"]
    assert iter_files(str(good)) == [good]

    articles, rejected = ingest([tmp_path / "docs", tmp_path / "missing.txt"])
    reasons = {Path(r.path).name: r.reason for r in rejected}
    first = str(tmp_path / "docs" / "cp1258.txt")
    assert reasons == {
        "empty.txt": "empty file",
        "fake.txt": "binary file (PDF)",
        "image.txt": "binary file (PNG)",
        "nul.txt": "binary file (contains NUL bytes)",
        "missing.txt": "no such file or folder",
        "notes.md": "not an article file (.md): folders are read for .txt and .html articles only",
        # utf-8, utf-16, cp1258 and the sub-folder copy hold one text: read once, in sorted order
        "good.txt": f"duplicate: the same article text as {first}",
        "deeper.TXT": f"duplicate: the same article text as {first}",
        "utf16.txt": f"duplicate: the same article text as {first}",
    }
    assert all(isinstance(r, Rejected) for r in rejected)
    assert [r.path for r in rejected] == sorted(r.path for r in rejected)
    assert len(articles) == 1 and articles[0].path == first
    assert all(a.title == TITLES["003"] and a.date == dt.date(2019, 11, 15) for a in articles)


def test_duplicate_ids_made_unique(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "same.txt", SAMPLE.encode())
    _write(tmp_path / "b" / "same.txt", (SAMPLE + "\nMột đoạn khác.").encode())
    _write(tmp_path / "b" / "Same.txt", (SAMPLE + "\nĐoạn thứ ba.").encode())
    articles, rejected = ingest([tmp_path])
    assert rejected == []
    ids = [a.article_id for a in articles]
    assert len(set(ids)) == 3
    assert ids.count("same") == 1
    assert all(i == "same" or (i.startswith("same-") and len(i) == len("same-") + 8) for i in ids)
    again, _ = ingest([tmp_path])
    assert [a.article_id for a in again] == ids  # deterministic


def test_explicit_file_any_suffix_and_chrome_only(tmp_path: Path) -> None:
    page = _write(tmp_path / "page.html.bak", "Tiêu đề bài viết thử nghiệm\n\nNội dung chính của bài viết.".encode())
    art = read_article(page)
    assert art.title == "Tiêu đề bài viết thử nghiệm"
    assert art.article_id == "page-html"
    only_chrome = _write(tmp_path / "chrome.txt", "Chia sẻ\nIn bài\nf\n".encode())
    with pytest.raises(IngestError, match="no article text"):
        read_article(only_chrome)
    with pytest.raises(IngestError, match="is a directory"):
        read_article(tmp_path)
