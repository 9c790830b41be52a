"""Bad input never costs a user their graph: real bad files, made here, through ingest and `kg build`.

Each kind of file gets either a correct result (its article, decoded and normalised) or one
line on stderr naming it with the reason, and a place in report.json's "rejected"; the other
files are built. When nothing can be built, `kg build` exits 1 and the previous graph stays.
"""

from __future__ import annotations

import json
import os
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import SEEDS, kg

from kg.htmltext import html_to_text
from kg.ingest import MAX_FILE_BYTES, decode_bytes, ingest, normalize_text, read_article
from kg.legacy_encodings import convert_legacy

GOOD_SEEDS = sorted(SEEDS.glob("*.txt"))[:2]
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0

PROVINCES = ["Lạng Sơn", "Cao Bằng", "Hà Giang", "Điện Biên", "Sơn La", "Yên Bái", "Lào Cai", "Bắc Kạn",
             "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Quảng Ninh", "Hòa Bình", "Bắc Giang"]  # fmt: skip


def article(i: int) -> str:
    """A distinct short Party news article (title, three paragraphs, byline)."""
    p = PROVINCES[i % len(PROVINCES)]
    n = 10 + i
    return (
        f"Tỉnh ủy {p} triển khai Kết luận số {n}-KL/TW của Bộ Chính trị\n\n"
        f"Ngày 15/11/2019, Ban Thường vụ Tỉnh ủy {p} tổ chức Hội nghị quán triệt, triển khai Kết luận số {n}-KL/TW "
        f"ngày 25/10/2019 của Bộ Chính trị về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị.\n\n"
        f"Đồng chí Nguyễn Văn Thắng, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy {p} chủ trì hội nghị. "
        "Các đại biểu đã thảo luận, đề ra nhiệm vụ, giải pháp để thực hiện có hiệu quả kết luận trong thời gian tới, "
        "gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n\n"
        "Phát biểu kết luận hội nghị, đồng chí Bí thư Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng trong toàn tỉnh "
        "xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ trách nhiệm; thường xuyên kiểm tra, giám sát "
        "việc thực hiện của cán bộ, đảng viên, nhất là người đứng đầu. Kết quả thực hiện được báo cáo "
        f"Ban Thường vụ Tỉnh ủy trước ngày {n % 28 + 1}/12/2019.\n\n"
        "Thanh Mai\n"
    )


ENGLISH = (
    "Vietnam’s provinces review the “Resolution 21” campaign\n\n"
    "HANOI – The Party committees of the northern provinces met on Friday to review the campaign, a résumé of "
    "which was sent to the Central Committee’s Organisation Commission. Delegates said the “rectification” of "
    "Party building must go on – with regular inspections, open reports and a café-style dialogue with voters.\n\n"
    "The conference agreed on a plan for 2020 and asked each district to report before the end of December.\n"
)


# ------------------------------------------------------------------ real files, as other programs write them


def pdf_bytes() -> bytes:
    """A minimal but complete one-page PDF with a text object, its xref table and trailer."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,  # the content stream, below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 24 Tf 72 720 Td (Nghi quyet so 21-NQ/TW) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A real RGB PNG: signature, IHDR, zlib-compressed IDAT, IEND, each chunk with its CRC."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes([200, 30, 30]) * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def zip_file(path: Path) -> Path:
    """A real zip archive holding an article (as people send a folder of articles)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bai-viet.txt", article(40))
    return path


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letters plus combining tone marks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258")
    return bytes(out)


# The old font encodings, written independently of kg's decoder: (vowel with its marks) → bytes.
_TCVN3_LOWER = dict(
    zip(
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
        "\xb5\xb8\xb6\xb7\xb9\xa8\xbb\xbe\xbc\xbd\xc6\xa9\xc7\xca\xc8\xc9\xcb\xae\xcc\xd0\xce\xcf\xd1\xaa\xd2\xd5"
        "\xd3\xd4\xd6\xd7\xdd\xd8\xdc\xde\xdf\xe3\xe1\xe2\xe4\xab\xe5\xe8\xe6\xe7\xe9\xac\xea\xed\xeb\xec\xee\xef"
        "\xf3\xf1\xf2\xf4\xad\xf5\xf8\xf6\xf7\xf9\xfa\xfd\xfb\xfc\xfe",
        strict=True,
    )
)
_TCVN3_UPPER = dict(zip("ĂÂÊÔƠƯĐ", "\xa1\xa2\xa3\xa4\xa5\xa6\xa7", strict=True))


def to_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC, .VnTime fonts): one byte a letter; toned capitals are written lower case."""
    out = []
    for ch in text:
        if ch in _TCVN3_UPPER:
            out.append(_TCVN3_UPPER[ch])
        elif ch.lower() in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch.lower()])
        else:
            out.append(ch)
    return "".join(out).encode("latin-1")


_VNI_TONE = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> bytes:
    """VNI-Windows: a base letter and a mark byte (capital marks after capitals)."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in TONES), "")
        shape = next((m for m in marks if m not in TONES), "")
        upper = base.isupper()
        low = base.lower()
        if ch in "đĐ":
            code = "ñ"
        elif shape == "\u031b":  # horn: ơ ư
            code = {"o": "ô", "u": "ö"}[low] + (_VNI_TONE[tone] if tone else "")
        elif shape == "\u0302":  # circumflex: â ê ô
            code = low + _VNI_HAT_TONE[tone]
        elif shape == "\u0306":  # breve: ă
            code = low + _VNI_BREVE_TONE[tone]
        elif low == "i" and tone:
            code = _VNI_I[tone]
        elif low == "y" and tone == "\u0323":
            code = "î"
        elif tone and low in "aeouy":
            code = low + _VNI_TONE[tone]
        else:
            out.append(ch)
            continue
        out.append(code.upper() if upper else code)
    return "".join(out).encode("cp1252")


HTML_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0052)https://baolangson.vn/xay-dung-dang/ket-luan-21.html -->
<html lang="vi"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Tỉnh ủy Hòa Bình quán triệt Kết luận 21-KL/TW | Báo Hòa Bình điện tử</title>
<meta property="og:title" content="Tỉnh ủy Hòa Bình quán triệt Kết luận 21-KL/TW">
<meta property="article:published_time" content="2021-11-20T08:30:00+07:00">
<link rel="stylesheet" href="./ket-luan-21_files/style.css">
<style>.menu { color: red } body::after { content: "Quảng cáo trong CSS" }</style>
<script>var tracking = "Google Analytics"; document.write("<p>Quảng cáo script</p>");</script>
</head><body>
<header class="site-header"><a href="/">Báo Hòa Bình</a>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/xay-dung-dang">Xây dựng Đảng</a></li></ul></nav>
<form action="/search"><input name="q" placeholder="Tìm kiếm"><button>Tìm</button></form></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/xay-dung-dang">Xây dựng Đảng</a></div>
<main><article>
<h1 class="title">Tỉnh ủy Hòa Bình quán triệt Kết luận 21-KL/TW</h1>
<div class="meta">Thứ bảy, 20/11/2021 08:30</div>
<p class="sapo"><strong>Ngày 19/11, Ban Thường vụ Tỉnh ủy Hòa Bình tổ chức hội nghị quán triệt Kết luận số
21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng, chỉnh đốn Đảng.</strong></p>
<figure><img src="./ket-luan-21_files/anh.jpg" alt="Quang cảnh hội nghị"><figcaption>Quang cảnh hội nghị
(Ảnh: Minh Thu)</figcaption></figure>
<p>Đồng chí Bùi Văn Khánh, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy Hòa Bình chủ trì hội nghị.
Hội nghị đã nghe báo cáo viên quán triệt những nội dung cơ bản của Kết luận&nbsp;21-KL/TW &amp; kế hoạch
thực hiện của Tỉnh ủy.</p>
<p>Các cấp ủy, tổ chức đảng trong tỉnh xây dựng kế hoạch cụ thể, kiểm tra, giám sát việc thực hiện.</p>
<div class="share-buttons"><a href="#">Chia sẻ Facebook</a><a href="#">Zalo</a></div>
<p class="author">Minh Thu</p>
</article></main>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Bài viết trong thanh bên</a></li></ul></aside>
<footer><p>Bản quyền thuộc Báo Hòa Bình điện tử. Giấy phép số 123/GP-BTTTT.</p></footer>
<script src="./ket-luan-21_files/app.js"></script>
</body></html>
"""


def make_inputs(folder: Path) -> dict[str, str]:
    """Every kind of file of the issue in ``folder``; returns {file name: the reason word its rejection
    must carry} for the files that must be rejected (the others must be built)."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in GOOD_SEEDS:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "utf16-le.txt").write_bytes(b"\xff\xfe" + article(1).encode("utf-16-le"))
    (folder / "utf16-be.txt").write_bytes(b"\xfe\xff" + article(2).encode("utf-16-be"))
    (folder / "windows-1258.txt").write_bytes(to_cp1258(article(3)))
    (folder / "windows-1252.txt").write_bytes(ENGLISH.encode("cp1252"))
    (folder / "nfd.txt").write_bytes(unicodedata.normalize("NFD", article(4)).encode("utf-8"))
    (folder / "vni.txt").write_bytes(to_vni(article(5)))
    (folder / "tcvn3.txt").write_bytes(to_tcvn3(article(6)))
    (folder / "trang-web.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "Bài viết số 7 về Tỉnh ủy.txt").write_text(article(7), encoding="utf-8")
    rejected = {
        "empty.txt": "empty",
        "scan.pdf": "PDF",
        "image.png": "PNG",
        "articles.zip": "ZIP",
        "huge.txt": "too large",
        "loop.txt": "loop",
        "copy of seed.txt": "duplicate",
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.pdf").write_bytes(pdf_bytes())
    (folder / "image.png").write_bytes(png_bytes())
    zip_file(folder / "articles.zip")
    block = (article(8) * 40).encode("utf-8")  # 100 MB of a repeated article, written a block at a time
    with open(folder / "huge.txt", "wb") as out:
        for _ in range(100 * 1024 * 1024 // len(block) + 1):
            out.write(block)
    os.symlink("loop.txt", folder / "loop.txt")  # a link to itself
    (folder / "copy of seed.txt").write_bytes(GOOD_SEEDS[0].read_bytes())  # the same article, another name
    locked = folder / "locked.txt"
    locked.write_text(article(9), encoding="utf-8")
    locked.chmod(0)
    if not ROOT_USER:  # root reads it all the same: then it is built
        rejected["locked.txt"] = "Permission denied"
    return rejected


# --------------------------------------------------------------------------------------- each kind alone


def test_binary_files_are_refused_with_their_kind(tmp_path: Path) -> None:
    for name, data, kind in (
        ("scan.txt", pdf_bytes(), "PDF"),
        ("image.txt", png_bytes(), "PNG"),
        ("articles.txt", zip_file(tmp_path / "a.zip").read_bytes(), "ZIP"),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValueError, match=rf"^binary file \({kind}\)$"):
            read_article(path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bom-only.txt").write_bytes(b"\xff\xfe")
    for name in ("empty.txt", "bom-only.txt"):
        with pytest.raises(ValueError, match="^empty file$"):
            read_article(tmp_path / name)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    path = tmp_path / "a.txt"
    path.write_bytes(bom + article(1).replace("\n", "\r\n").encode(encoding))
    art = read_article(path)
    assert art.text == normalize_text(article(1))
    assert art.title == article(1).split("\n")[0]


def test_windows_1258_comes_back_nfc(tmp_path: Path) -> None:
    data = to_cp1258(article(3))
    assert data.decode("cp1258") != article(3)  # combining tone marks in the file
    text, encoding = decode_bytes(data)
    assert encoding == "cp1258"
    assert unicodedata.is_normalized("NFC", normalize_text(text))
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_article(path).text == normalize_text(article(3))


def test_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ENGLISH.encode("cp1252"))
    art = read_article(path)
    assert art.text == normalize_text(ENGLISH)
    assert "“Resolution 21”" in art.text and "résumé" in art.text


def test_decomposed_unicode_is_composed(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", article(4))
    assert nfd != article(4)
    path = tmp_path / "a.txt"
    path.write_bytes(nfd.encode("utf-8"))
    art = read_article(path)
    assert art.text == normalize_text(article(4))
    assert "Tỉnh ủy Sơn La" in art.text


def test_vni_and_tcvn3_are_recognised_and_converted(tmp_path: Path) -> None:
    vni = to_vni(article(5))
    assert "Tænh uûy Yeân Baùi".encode("cp1252") in vni  # "Tỉnh ủy Yên Bái" in a VNI font
    assert "Ñoàng chí Nguyeãn Vaên Thaéng".encode("cp1252") in vni  # what the VNI font file holds
    path = tmp_path / "vni.txt"
    path.write_bytes(vni)
    assert read_article(path).text == normalize_text(article(5))
    _, encoding = decode_bytes(vni)
    assert encoding.endswith("+vni")

    tcvn3 = to_tcvn3(article(6))
    assert "§ång chÝ NguyÔn V¨n Th¾ng".encode("latin-1") in tcvn3
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(tcvn3)
    art = read_article(path)
    # TCVN3 has no toned capitals: "Ủy" was typed in the lower-case code, and reads "ủy"
    assert art.text == normalize_text(article(6)).replace("Ủy", "ủy")
    assert decode_bytes(tcvn3)[1].endswith("+tcvn3")

    # copied out of a document, the same characters arrive as UTF-8: converted all the same
    path = tmp_path / "vni-utf8.txt"
    path.write_text(vni.decode("cp1252"), encoding="utf-8")
    assert read_article(path).text == normalize_text(article(5))


def test_legacy_detection_leaves_other_text_alone() -> None:
    assert convert_legacy(article(0)) is None  # Unicode Vietnamese
    assert convert_legacy(ENGLISH) is None
    french = "Le président de la République a déclaré à Hà Nội que la réunion était très importante. " * 5
    assert convert_legacy(french) is None
    assert convert_legacy(to_cp1258(article(3)).decode("cp1252")) is None  # Windows-1258 is not VNI


def test_html_page_gives_the_article_without_the_page(tmp_path: Path) -> None:
    path = tmp_path / "trang web.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    art = read_article(path)
    assert art.title == "Tỉnh ủy Hòa Bình quán triệt Kết luận 21-KL/TW"
    assert art.text.startswith(art.title + "\n")
    assert art.date is not None and art.date.isoformat() == "2021-11-20"
    assert "Đồng chí Bùi Văn Khánh, Ủy viên Ban Chấp hành Trung ương Đảng" in art.text
    assert "Kết luận 21-KL/TW & kế hoạch" in art.text  # entities decoded
    assert "Các cấp ủy, tổ chức đảng trong tỉnh" in art.text
    for chrome in (
        "Trang chủ", "Thời sự", "Tìm kiếm", "Google Analytics", "Quảng cáo", "color: red", "Chia sẻ",
        "Bài viết trong thanh bên", "Tin liên quan", "Bản quyền", "Giấy phép", "<", "Quang cảnh",
    ):  # fmt: skip
        assert chrome not in art.text, chrome
    assert art.text.count(art.title) == 1
    assert art.authors == ("Minh Thu",)
    # the same page in Windows-1258 with its charset declared, read from a .htm name
    page = HTML_PAGE.replace("charset=UTF-8", "charset=windows-1258")
    other = tmp_path / "trang.htm"
    other.write_bytes(to_cp1258(page))
    assert read_article(other).text == art.text
    # a page saved without a .html name is known by its start
    (tmp_path / "saved.txt").write_text(HTML_PAGE, encoding="utf-8")
    assert read_article(tmp_path / "saved.txt").text == art.text


def test_html_without_article_element_uses_the_body() -> None:
    page = (
        "<html><head><title>Hội nghị Ban Chấp hành Đảng bộ tỉnh</title></head><body>"
        "<nav>Trang chủ</nav><div id='content'><p>Sáng nay, Tỉnh ủy Lạng Sơn họp.</p><p>Hai đoạn.</p></div>"
        "<footer>Bản quyền</footer></body></html>"
    )
    text = html_to_text(page)
    assert text.split("\n")[:2] == ["# format = html", "Hội nghị Ban Chấp hành Đảng bộ tỉnh"]
    assert "Sáng nay, Tỉnh ủy Lạng Sơn họp." in text and "Trang chủ" not in text and "Bản quyền" not in text


def test_a_100_mb_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    block = (article(8) * 40).encode("utf-8")
    with open(path, "wb") as out:
        for _ in range(100 * 1024 * 1024 // len(block) + 1):
            out.write(block)
    assert path.stat().st_size > 100 * 1024 * 1024 > MAX_FILE_BYTES
    with pytest.raises(ValueError) as info:
        read_article(path)
    assert str(info.value) == f"file too large (100.0 MB; the limit is {MAX_FILE_BYTES / 1048576:.1f} MB)"


def test_names_with_spaces_and_vietnamese_letters(tmp_path: Path) -> None:
    path = tmp_path / "Thư mục tin tức" / "Bài viết số 7 về Tỉnh ủy.txt"
    path.parent.mkdir()
    path.write_text(article(7), encoding="utf-8")
    [art], rejected = ingest([tmp_path])
    assert rejected == []
    assert art.source_file == "Bài viết số 7 về Tỉnh ủy.txt"
    assert art.article_id == "bai-viet-so-7-ve-tinh-uy"


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(article(9), encoding="utf-8")
    path.chmod(0)
    try:
        if ROOT_USER:
            assert read_article(path).text == normalize_text(article(9))  # root reads it anyway
        else:
            with pytest.raises(ValueError, match=r"^cannot read file \(Permission denied\)$"):
                read_article(path)
    finally:
        path.chmod(0o644)


def test_symlink_loops(tmp_path: Path) -> None:
    os.symlink("self.txt", tmp_path / "self.txt")
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # a folder loop: walked once
    (tmp_path / "sub" / "ok.txt").write_text(article(10), encoding="utf-8")
    articles, rejected = ingest([tmp_path])
    assert [a.source_file for a in articles] == ["ok.txt"]
    assert {Path(r.path).name: r.reason for r in rejected} == {
        "self.txt": "symbolic link loop (the link points back to itself)",
        "a.txt": "symbolic link loop (the link points back to itself)",
        "b.txt": "symbolic link loop (the link points back to itself)",
        "dangling.txt": "broken symbolic link (its target does not exist)",
    }


def test_the_same_article_under_two_names_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article(11), encoding="utf-8")
    (tmp_path / "b copy.txt").write_bytes(b"\xff\xfe" + article(11).replace("\n", "\r\n").encode("utf-16-le"))
    articles, rejected = ingest([tmp_path])
    assert [a.source_file for a in articles] == ["a.txt"]
    assert [(Path(r.path).name, r.reason) for r in rejected] == [
        ("b copy.txt", f"duplicate: the same article text as {tmp_path / 'a.txt'}")
    ]


# ------------------------------------------------------------------------------------------ kg build


def test_build_a_folder_of_every_kind_of_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    must_reject = make_inputs(src)
    out = tmp_path / "out"
    try:
        run = kg("build", str(src), "-o", str(out), "--no-progress")
    finally:
        (src / "locked.txt").chmod(0o644)
    assert run.returncode == 0, run.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rejected = {Path(r["file"]).name: r["reason"] for r in report["rejected"]}
    assert set(rejected) == set(must_reject), rejected
    for name, word in must_reject.items():
        assert word.lower() in rejected[name].lower(), (name, rejected[name])
    # one line on stderr per rejected file, naming it with its reason; nothing else
    lines = run.stderr.splitlines()
    assert len(lines) == len(must_reject), run.stderr
    for name in must_reject:
        [line] = [line for line in lines if f"/{name}:" in line]
        assert rejected[name] in line
    assert "Traceback" not in run.stderr

    trig = (out / "graph.trig").read_text(encoding="utf-8")
    built = [seed.name for seed in GOOD_SEEDS] + [
        "utf16-le.txt", "utf16-be.txt", "windows-1258.txt", "windows-1252.txt", "nfd.txt", "vni.txt", "tcvn3.txt",
        "trang-web.html", "Bài viết số 7 về Tỉnh ủy.txt",
    ]  # fmt: skip
    if ROOT_USER:
        built.append("locked.txt")
    for name in built:
        assert f'"{name}"' in trig, name
    assert report["counts"]["articles"] == len(built)
    assert report["counts"]["rejected"] == len(must_reject)
    # the decoded articles carry their entities: the provinces of the VNI, TCVN3 and HTML articles
    for province in ("Cao Bằng", "Hà Giang", "Điện Biên", "Sơn La", "Yên Bái", "Lào Cai", "Hòa Bình"):
        assert f'"Tỉnh ủy {province}"@vi' in trig, province


def test_nothing_readable_exits_1_and_keeps_the_previous_graph(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = kg("build", *map(str, GOOD_SEEDS), "-o", str(out), "-q")
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scan.pdf").write_bytes(pdf_bytes())
    (bad / "image.png").write_bytes(png_bytes())
    (bad / "empty.txt").write_bytes(b"")
    os.symlink("loop.txt", bad / "loop.txt")
    run = kg("build", str(bad), "-o", str(out))
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert len(lines) == 5 and lines[-1].startswith("kg: nothing built"), run.stderr
    for name in ("scan.pdf", "image.png", "empty.txt", "loop.txt"):
        assert sum(f"/{name}:" in line for line in lines[:-1]) == 1, name
    assert "Traceback" not in run.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
