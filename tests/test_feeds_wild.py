"""Feeds as they are in the wild, one fixture per class (tests/data/feeds/, written here):
entities, bare ampersands, every Atom text construct, wrong and missing charsets, old and
odd dialects, the fields a reader relies on, and dates in the forms feeds write them."""

from __future__ import annotations

import calendar
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import respond

from newsreader.core.errors import ParseError
from newsreader.core.feeds.parse import ParsedFeed, parse_feed
from newsreader.core.feeds.timestamps import parse_timestamp

FEEDS = Path(__file__).parent / "data" / "feeds"


def feed(name: str, charset: str | None = None, url: str = "http://doc.example/feed") -> ParsedFeed:
    return parse_feed((FEEDS / name).read_bytes(), url, charset)


def utc(*parts: int) -> float:
    return float(calendar.timegm((*parts, 0, 0, 0)))


def test_html_entities_and_bare_ampersands() -> None:
    parsed = feed("entities.rss")
    assert parsed.title == "Café Society — Daily"
    first, second = parsed.entries
    assert first.title == "Café opens on the quay"
    assert first.url == "https://cafe.example/a?id=1&page=2"
    assert "Open\u00a0daily from seven … says the owner, Zoë." in first.content
    assert first.published == utc(2024, 3, 5, 7, 30, 0)  # +01:00 honoured
    assert second.title == "AT&T and the &unknownentity; test"  # unknown: shown as written


def test_atom_text_constructs() -> None:
    parsed = feed("atom-text-constructs.atom")
    assert parsed.title == "Harbour Notes" and parsed.site_url == "https://atom.example/"
    xhtml, html_title, inline = parsed.entries
    assert xhtml.title == "The new ferry"
    assert xhtml.url == "https://atom.example/blog/posts/ferry"  # xml:base
    assert "<b>Monday</b>" in xhtml.content  # an xhtml summary kept as HTML
    assert xhtml.published == utc(2024, 3, 5, 13, 30, 0)
    assert html_title.title == "Fares & timetables"
    assert html_title.content == "Fares go up in <b>May</b>."  # base64 content decoded
    assert html_title.published == utc(2024, 3, 1, 0, 0, 0)  # a partial date: its start
    assert inline.title == "Text with inline markup"  # not cut at the first child tag
    assert inline.author == "Ana Costa (ana@atom.example)"


def test_cp1252_in_a_latin1_feed_and_the_http_charset() -> None:
    assert feed("rss091.rss").entries[0].title == "Don’t miss the “fair”"
    parsed = feed("cyrillic-http-charset.rss", charset="windows-1251")
    assert parsed.title == "Новости" and parsed.entries[0].title == "Паром отменён"


def test_a_feed_declared_gb2312_is_read_as_gbk() -> None:
    """Chinese feeds declare gb2312 and write GBK (镕 is not in GB 2312), as pages do."""
    body = ('<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>新闻</title>'
            "<item><title>朱镕基访问上海</title><link>http://zh.example/1</link></item></channel></rss>")
    parsed = parse_feed(body.encode("gbk"), "http://zh.example/feed", None)
    assert parsed.entries[0].title == "朱镕基访问上海"


@pytest.mark.parametrize(("name", "title", "first_title", "first_url"), [
    ("rss091.rss", "Old school", "Don’t miss the “fair”", "http://old.example/fair"),
    ("rdf.rdf", "RDF news", "First", "http://rdf.example/1"),
    ("atom03.atom", "Atom 0.3", "Old Atom entry", "http://a03.example/1"),
    ("no-namespace.atom", "Plain feed", "No namespace", "http://plain.example/1"),
    ("items-without-channel.rss", None, "Lonely item", "http://lonely.example/1"),
])
def test_old_and_odd_dialects(name: str, title: str | None, first_title: str, first_url: str) -> None:
    parsed = feed(name)
    assert parsed.title == title
    assert parsed.entries[0].title == first_title and parsed.entries[0].url == first_url


def test_dialect_details() -> None:
    rdf = feed("rdf.rdf")
    assert rdf.entries[0].published == utc(2003, 12, 31, 10, 14, 55) and rdf.entries[0].author == "Jo Bloggs"
    assert rdf.entries[1].title == "Second, titled by Dublin Core"
    atom03 = feed("atom03.atom")
    assert atom03.entries[0].content == "<p>Hello <b>world</b></p>"  # mode="base64"
    assert atom03.entries[0].published == utc(2004, 1, 1, 19, 48, 21)


def test_the_fields_a_reader_relies_on() -> None:
    parsed = feed("wrong-fields.rss")
    assert parsed.site_url == "http://fields.example/"  # xml:base
    media, dc, permalink = parsed.entries
    assert media.title == "The real title"  # media:title never beats <title>
    assert media.url == "http://fields.example/news/stories/1"
    assert dc.title == "Titled by dc"
    assert dc.url is None and dc.guid == "tag:fields.example,2024:item-2"  # isPermaLink="false"; DTD entity
    assert permalink.url == "http://fields.example/news/stories/3"


def test_a_truncated_feed_is_refused_whole() -> None:
    with pytest.raises(ParseError, match="truncated"):
        feed("truncated.rss")


def test_dates_in_the_forms_feeds_write_them() -> None:
    got = [e.published for e in feed("dates.rss").entries]
    assert got == [
        utc(2024, 3, 5, 8, 30, 0), utc(2024, 3, 5, 7, 30, 0), utc(2024, 3, 5, 13, 30, 0),
        utc(2024, 3, 5, 16, 30, 0), utc(2024, 3, 5, 8, 30, 0), utc(2024, 3, 5, 8, 30, 0),
        utc(2024, 3, 5, 0, 0, 0), utc(2024, 3, 5, 3, 0, 0), utc(2024, 3, 5, 8, 30, 0),
        utc(2024, 3, 5, 0, 0, 0), utc(2024, 3, 1, 0, 0, 0), utc(2024, 1, 1, 0, 0, 0),
        utc(2024, 3, 5, 7, 30, 0), utc(2024, 3, 5, 6, 30, 0), None,
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thu, 01 Jan 04 19:48:21 GMT", (2004, 1, 1, 19, 48, 21)),
    ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", (2012, 2, 19, 23, 41, 0)),
    ("Mon, 13 Feb, 2012 06:28:00 UTC", (2012, 2, 13, 6, 28, 0)),
    ("Sun Jan  4 16:29:06 2004", (2004, 1, 4, 16, 29, 6)),
    ("2004-07-08 23:56:58 -00:20", (2004, 7, 9, 0, 16, 58)),
    ("2003-12-31T10:14:55.1234Z", (2003, 12, 31, 10, 14, 55)),
    ("Fri, 2006/09/15 08:19:53 EDT", (2006, 9, 15, 12, 19, 53)),
    ("Sun, 16 Dec 2012 1:2:3:4 GMT", None), ("2013-01-28T09:xx:00Z", None), ("someday", None),
])
def test_timestamps(text: str, expected: tuple[int, ...] | None) -> None:
    assert parse_timestamp(text) == (utc(*expected) if expected else None)


def test_parse_feed_command(tmp_path: Path, local_server) -> None:  # type: ignore[no-untyped-def]
    base, routes = local_server
    routes["/ru.rss"] = respond((FEEDS / "cyrillic-http-charset.rss").read_bytes(),
                                "application/rss+xml; charset=windows-1251")
    inputs = [str(FEEDS / "entities.rss"), str(FEEDS / "truncated.rss"), f"{base}/ru.rss",
              str(tmp_path / "missing.rss")]
    done = subprocess.run([sys.executable, "-m", "newsreader", "parse-feed", "--format", "json", *inputs],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["input"] for r in records] == inputs
    assert all(set(r) == {"input", "title", "site_url", "warning", "error", "entries"} for r in records)
    good = records[0]
    assert good["error"] is None and good["entries"][0]["published"] == "2024-03-05T07:30:00+00:00"
    assert set(good["entries"][0]) == {"guid", "url", "title", "published", "author", "content"}
    assert "truncated" in records[1]["error"] and records[1]["entries"] == []
    assert records[2]["entries"][0]["title"] == "Паром отменён"  # the HTTP charset
    assert "no such file" in records[3]["error"]
