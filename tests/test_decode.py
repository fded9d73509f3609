import codecs

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.core.io.decode import decode, detect_encoding, looks_binary
from newsreader.core.models import Document

PAGE = "<html><head>{meta}</head><body><p>Café déjà vu — “quoted”</p></body></html>"


def test_bom_wins_over_everything() -> None:
    body = codecs.BOM_UTF8 + PAGE.format(meta='<meta charset="iso-8859-1">').encode()
    assert detect_encoding(body, "iso-8859-1") == "utf-8"
    body16 = codecs.BOM_UTF16_LE + PAGE.format(meta="").encode("utf-16-le")
    assert "Café" in decode(Document("x", body16)).text


def test_header_then_meta() -> None:
    body = PAGE.format(meta='<meta charset="koi8-r">').encode("cp1251", errors="replace")
    assert detect_encoding(body, "windows-1251") == "cp1251"
    assert detect_encoding(body, None) == "koi8-r"


def test_wrong_latin1_label_on_utf8_bytes() -> None:
    body = PAGE.format(meta="").encode("utf-8")
    assert "Café déjà" in decode(Document("x", body, charset="iso-8859-1")).text


def test_missing_charset_latin1_bytes_detected() -> None:
    body = PAGE.format(meta="").encode("cp1252")
    text = decode(Document("x", body)).text
    assert "Café" in text and "\ufffd" not in text


def test_broken_bytes_never_raise() -> None:
    body = b"<p>ok \xff\xfe\xc3 broken \xe2\x82</p>" * 10
    text = decode(Document("x", body, charset="utf-8")).text
    assert "ok" in text


def test_binary_refused_with_one_line() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert looks_binary(png)
    with pytest.raises(NewsreaderError, match="not a text document"):
        decode(Document("x", png))
    with pytest.raises(NewsreaderError, match="image/png"):
        decode(Document("x", b"hello", content_type="image/png"))


def test_empty_refused() -> None:
    with pytest.raises(NewsreaderError, match="empty"):
        decode(Document("x", b"   \n"))


def test_kind_from_type_name_and_sniffing() -> None:
    assert decode(Document("a.txt", b"<p>not html really</p>", path="a.txt")).kind == "text"
    assert decode(Document("a", b"<!DOCTYPE html><p>x</p>")).kind == "html"
    assert decode(Document("a", b"Just words.\n\nMore words.")).kind == "text"


def test_a_page_with_a_stray_nul_is_still_a_page() -> None:
    """A CMS's slip leaves a NUL byte in a page; browsers show the page, and so do we.
    Binary files are known by their signature or by many NULs and control bytes."""
    page = b"<html><head><title>Pier\x00 repairs</title></head><body><p>" + b"The pier reopens in May. " * 20 + b"</p></body></html>"
    decoded = decode(Document("x", page, content_type="text/html"))
    assert "The pier reopens in May." in decoded.text
    assert not looks_binary(b"BMW recalls 40,000 cars over a faulty airbag sensor, the company said.")
    for signature in (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"GIF89a\x01\x00\x01\x00", b"PK\x03\x04\x14\x00"):
        assert looks_binary(signature + b"x" * 200), signature
    assert looks_binary(b"\x00\x01\x02text" * 300)


def test_utf16_saved_without_a_bom_is_text() -> None:
    """Old Windows editors save "Unicode" with no BOM: every other byte is NUL, and it is
    text, in either byte order, page or plain text."""
    page = ("<?xml version='1.0' encoding='UTF-16'?><html><head><title>Le café</title></head><body>"
            "<p>Le café du port rouvre ses portes après deux ans de travaux.</p></body></html>")
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = decode(Document("x", page.encode(codec), content_type="text/html"))
        assert "Le café du port rouvre" in decoded.text and decoded.kind == "html"
        plain = decode(Document("x.txt", "Harbour news: the ferry keeps its winter timetable.".encode(codec)))
        assert plain.text.startswith("Harbour news")


@pytest.mark.parametrize(("label", "text", "written_as"), [
    ("gb2312", "朱镕基总理访问了上海。", "gbk"),  # 镕 is GBK, not GB 2312
    ("GB2312", "体育新闻：中国队获胜", "gb18030"),
    ("euc-kr", "똠방각하 서울 뉴스", "cp949"),  # 똠 is one of windows-949's extra syllables
    ("ks_c_5601-1987", "오늘의 뉴스", "cp949"),
    ("shift_jis", "①髙橋さんが東京で", "cp932"),  # NEC and IBM extensions
    ("x-sjis", "東京のニュース", "cp932"),
    ("iso-8859-9", "“Türkiye” haberleri", "cp1254"),  # curly quotes in the C1 range
    ("tis-620", "“ข่าว” วันนี้", "cp874"),
    ("big5", "香港新聞 — 今日", "big5hkscs"),
    ("windows-1251", "Новости дня", "cp1251"),
], ids=lambda value: value if value.isascii() else None)
def test_a_charset_label_is_read_as_a_browser_reads_it(label: str, text: str, written_as: str) -> None:
    """Sites write the larger Windows sets under the older, smaller names; browsers follow
    the WHATWG table, and so do we."""
    body = f"<html><head><meta charset='{label}'><title>t</title></head><body><p>{text}</p></body></html>"
    decoded = decode(Document("p.html", body.encode(written_as), content_type="text/html"))
    assert text in decoded.text and "\ufffd" not in decoded.text


@pytest.mark.parametrize("label", ["x-user-defined", "iso-2022-cn", "no-such-charset", "utf-8\x00", "ü" * 3, "utf-8\udc80"])
def test_a_label_that_names_no_text_encoding_leaves_it_to_the_bytes(label: str) -> None:
    body = f"<html><head><meta charset='{label}'></head><body><p>Zoë’s café</p></body></html>"
    assert decode(Document("p.html", body.encode("utf-8", "surrogateescape"), content_type="text/html")).encoding == "utf-8"
    assert decode(Document("p.html", body.encode("utf-8", "surrogateescape"), content_type="text/html", charset=label)).encoding == "utf-8"


@pytest.mark.parametrize(("source", "content_type"), [("story.html", None), ("http://x.example/a", "text/html")])
def test_html_by_name_or_type_with_no_markup_at_all_is_read_as_text(source: str, content_type: str | None) -> None:
    """A story saved, or served, as HTML without one tag: its blank lines are paragraphs."""
    body = b"Ferry fares to rise\n\nThe company said on Monday that fares would rise.\n\nSeason tickets keep the old price.\n"
    doc = Document(source, body, path=source if content_type is None else None,
                   url=source if content_type else None, content_type=content_type)
    assert decode(doc).kind == "text"
    assert decode(Document(source, b"<p>One tag is enough.</p>\n\nMore.", path=doc.path, url=doc.url,
                           content_type=content_type)).kind == "html"
