import datetime as dt

import pytest

from newsreader.core.extract.dates import parse_date
from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wire Service07-05-2024", dt.date(2024, 5, 7)),
        ("2023-12-01T08:00:00Z", dt.date(2023, 12, 1)),
        ("By A. Writer | June 3, 2022 | Updated 9 a.m.", dt.date(2022, 6, 3)),
        ("Tue 4 Mar 2025 10.00 GMT", dt.date(2025, 3, 4)),
        ("Published 28/02/2021", dt.date(2021, 2, 28)),
        ("12/31/2020", dt.date(2020, 12, 31)),
        ("5. Januar 2024, 16:42 Uhr", dt.date(2024, 1, 5)),
        ("3 de junio de 2023", dt.date(2023, 6, 3)),
        ("no date here", None),
        ("Source • 3 hrs", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_month_names_of_every_language_read_whole() -> None:
    """Dutch writes "maart" (not a prefix of "mrt"), Austrian German "Jänner"."""
    assert parse_date("Door Eva de Vries, 4 maart 2024") == dt.date(2024, 3, 4)
    assert parse_date("Wien, 12. Jänner 2024") == dt.date(2024, 1, 12)


@pytest.mark.parametrize(("head", "line", "url"), [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "dateCreated": "2024-03-04"}</script>', "", None),
    ("", "<span itemprop='datePublished' content='2024-03-04'>yesterday</span>", None),
    ("", "", "https://crier.example/2024/03/04/footbridge"),
    ("<link rel='canonical' href='https://crier.example/news/2024-03-04/footbridge'>", "", None),
    ("", "<p>posted on <abbr class='published' title='2024-03-04T13:38:45+0000'>yesterday</abbr></p>", None),
], ids=["json-ld-dateCreated", "microdata", "address", "canonical-address", "hatom"])
def test_a_page_s_date_from_wherever_it_states_it(head: str, line: str, url: str | None) -> None:
    story = "".join(f"<p>{p} The council met on Monday and the decision was welcomed by residents.</p>" for p in "ABC")
    html = f"<html><head><title>Footbridge</title>{head}</head><body><article><h1>Footbridge</h1>{line}{story}</article></body></html>"
    outcome = process_one(Document("x.html", html.encode(), url=url, content_type="text/html"), SummarySettings(enabled=False))
    assert outcome.article is not None and outcome.article.published == dt.date(2024, 3, 4)


def test_an_american_page_writes_month_first() -> None:
    """"9/10/2012" is 10 September on a page that says it is en-US, and 9 October elsewhere;
    a date with dots is day-first either way, and 11/19 can only be month-first."""
    assert parse_date("posted on 9/10/2012 at 1:38 pm", month_first=True) == dt.date(2012, 9, 10)
    assert parse_date("posted on 9/10/2012 at 1:38 pm") == dt.date(2012, 10, 9)
    assert parse_date("04.03.2024", month_first=True) == dt.date(2024, 3, 4)
    assert parse_date("11/19/2024") == dt.date(2024, 11, 19)
    story = "".join(f"<p>{p} The council met on Monday and the decision was welcomed by residents.</p>" for p in "ABC")
    for lang, day in (("en-US", dt.date(2012, 9, 10)), ("en-GB", dt.date(2012, 10, 9))):
        html = (f"<html lang='{lang}'><head><title>Footbridge</title></head><body><article><h1>Footbridge</h1>"
                f"<p>Posted 9/10/2012 by Jane</p>{story}</article></body></html>")
        outcome = process_one(Document("x.html", html.encode(), content_type="text/html"), SummarySettings(enabled=False))
        assert outcome.article is not None and outcome.article.published == day, lang
