"""Property tests (hypothesis) for the text-dump reader, the separator and the feed mapping."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.core.errors import NewsreaderError
from newsreader.core.feeds.parse import parse_feed
from newsreader.core.models import DecodedDocument
from newsreader.core.pipeline import SummarySettings, add_summary, extract_document

WORDS = st.sampled_from(["the", "council", "harbour", "vote", "Monday", "said", "Related", "READ", "MORE:", "You", "may", "also", "like", "time3", "minutes", "ago", "•", "Share", "logo", "14-03-2025", '"quoted"', "café", "Zoë", "[bold]", "\x1b[31m"])
LINE = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
DUMP = st.lists(st.one_of(LINE, st.just(""), st.just("Related Articles"), st.just("  • Source · time2 hours ago")),
                min_size=1, max_size=60).map("\n".join)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _check(doc: DecodedDocument) -> None:
    try:
        article = extract_document(doc)
    except NewsreaderError:
        return
    article = add_summary(article, SummarySettings(sentences=2))
    # text only ever shrinks: every story word was in the input
    source = _tokens(doc.text)
    for token in set(_tokens(article.text)):
        assert source.count(token) >= 1
    for sentence in article.summary:
        assert article.blocks[sentence.block].text[sentence.start:sentence.end] == sentence.text
        assert sentence.text in article.text


def check_dump(dump: str) -> None:
    _check(DecodedDocument("d.txt", dump, "text"))


@FAST
@given(DUMP)
def test_text_dump_reader_never_raises(dump: str) -> None:
    check_dump(dump)


HTML_PART = st.one_of(
    LINE.map(lambda t: f"<p>{t}</p>"), LINE.map(lambda t: f"<h2>{t}</h2>"),
    LINE.map(lambda t: f"<li><a href='/x'>{t}</a></li>"), st.just("<aside><h3>Related</h3>"),
    st.just("</aside>"), st.just("<div class='share'>Share</div>"), LINE.map(lambda t: f"<p>READ MORE: <a href='/y'>{t}</a></p>"),
    st.just("<table>"), LINE.map(lambda t: f"<tr><td>{t}</td><th><a href='/z'>{t}</a></th></tr>"), st.just("</table>"),
    st.tuples(LINE, LINE).map(lambda t: f"<pre>\n  {t[0]}\n\n  {t[1]}\n</pre>"),
    LINE.map(lambda t: f"<h3 id='s'><a href='#s'>{t}</a> <a href='#s'>¶</a></h3>"), LINE.map(lambda t: f"<header>{t}</header>"),
)


HTML = st.lists(HTML_PART, min_size=1, max_size=40)


def check_html(parts: list[str]) -> None:
    html = "<html><body><article>" + "".join(parts) + "</article></body></html>"
    _check(DecodedDocument("p.html", html, "html"))


@FAST
@given(HTML)
def test_separator_never_raises(parts: list[str]) -> None:
    check_html(parts)


@FAST
@given(HTML, st.floats(min_value=0.0, max_value=1.0))
def test_a_page_cut_off_anywhere_never_raises(parts: list[str], share: float) -> None:
    """A download cut short: its head may be all there is (readability then hands back a
    document with no body)."""
    html = ("<html><head><title>Ferry timetable</title><meta name='description' content='x'>"
            "<script>var s = 1;</script></head><body><article>" + "".join(parts) + "</article></body></html>")
    _check(DecodedDocument("p.html", html[: int(len(html) * share)], "html"))


ITEM = st.fixed_dictionaries({
    "title": st.text(max_size=40), "link": st.sampled_from(["/a", "http://x.example/b", "", "javascript:x", "../c"]),
    "guid": st.sampled_from(["1", "1", "2", ""]), "date": st.sampled_from(["", "garbage", "Tue, 10 Jun 2098 04:00:00 GMT", "2024-01-01"]),
})


ITEMS = st.lists(ITEM, max_size=15)


@FAST
@given(ITEMS)
def test_feed_mapping_never_raises(items: list[dict[str, str]]) -> None:
    check_feed(items)


def check_feed(items: list[dict[str, str]]) -> None:
    from xml.sax.saxutils import escape

    body = "".join(f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
                   f"<guid>{escape(i['guid'])}</guid><pubDate>{escape(i['date'])}</pubDate></item>" for i in items)
    xml = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'
    try:
        feed = parse_feed(xml.encode("utf-8", "surrogatepass"), "https://f.example/feed")
    except (NewsreaderError, UnicodeEncodeError):
        return
    assert len({e.guid for e in feed.entries}) == len(feed.entries)
    for entry in feed.entries:
        assert entry.url is None or entry.url.startswith(("https://", "http://", "javascript:"))
