"""Saved e-mail (tests/data/mail/, written here): a list post, a newsletter, a legacy charset,
a page saved as MHTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsreader.core.extract.mail import read_mail
from newsreader.core.models import DecodedDocument, Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings

MAIL = Path(__file__).parent / "data" / "mail"


def article(name: str):  # type: ignore[no-untyped-def]
    outcome = process_one(Document(name, (MAIL / name).read_bytes(), path=str(MAIL / name)),
                          SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    return outcome.article


def test_a_list_post_its_headers_name_the_story() -> None:
    """Subject, sender and date come from the headers; the hard-wrapped body is two
    paragraphs, even though two paragraphs are too few lines to show the wrap width."""
    a = article("list-post-wrapped.eml")
    assert (a.title, a.byline, a.published) == ("Footbridge to be rebuilt after floods", "Town Crier", dt.date(2020, 3, 3))
    assert a.text.split("\n\n") == [
        "The town council approved a plan on Monday to rebuild the old footbridge that was washed "
        "away in the spring floods, after months of debate.",
        "Residents who spoke at the meeting welcomed the decision, though several asked why the work "
        "would take until next autumn to finish.",
    ]


def test_a_newsletter_is_read_from_its_html_part_with_its_teasers_as_blurbs() -> None:
    a = article("newsletter-multipart.eml")
    assert a.title == "Ferry keeps its winter timetable — and more"
    assert a.byline == "Courier Morning Briefing" and a.published == dt.date(2020, 3, 5)
    assert len(a.text.split("\n\n")) == 3 and "operator’s fuel costs" in a.text  # quoted-printable, decoded
    assert "browser" not in a.text and "Unsubscribe" not in a.text
    assert [b.title for b in a.blurbs] == ["Library has its busiest year", "Footbridge to be rebuilt after floods",
                                           "Saturday market moves to the harbour"]


def test_a_post_in_latin1_and_base64_after_an_mbox_line() -> None:
    a = article("list-post-latin1.eml")
    assert (a.title, a.byline) == ("Le café du port rouvre", "Zoë Müller")
    assert a.text.startswith("Le café du port rouvre ses portes") and a.language == "fr"


@pytest.mark.parametrize("text", [
    "Note: the ferry runs four times a day.\n\nThe council voted on Tuesday.",  # a label, no mail
    "Subject: ferries\nDate: today\n\nNo sender, so no e-mail.",
    "<html><body><p>From: a page</p></body></html>",
    "From the archive: the ferry in 1921\n\nThe first crossing took an hour.",
])
def test_text_that_only_looks_like_headers_is_not_mail(text: str) -> None:
    assert read_mail(DecodedDocument("x", text, "text")) is None


def test_a_page_a_browser_saved_as_mhtml_is_read_at_its_address() -> None:
    """MHTML is mail: the page is its quoted-printable HTML part, and the headers tell of
    the saving ("Saved by Blink", the day it was saved), so the page's own metadata stands."""
    a = article("saved-page.mhtml")
    assert a.url == "https://crier.example/news/footbridge"
    assert (a.title, a.publisher, a.byline, a.published) == ("Footbridge to be rebuilt after floods", "Town Crier",
                                                             "Jane Doe", None)
    assert len(a.text.split("\n\n")) == 3 and "Home" not in a.text
