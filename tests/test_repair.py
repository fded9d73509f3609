"""Markup repairs before parsing: one element left open must not empty a page."""

from __future__ import annotations

import pytest

from newsreader.core.extract.repair import close_runaway_raw_text, repair
from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings

STORY = ("<article><h1>Footbridge to be rebuilt</h1>"
         "<p>The town council approved a plan on Monday to rebuild the old footbridge that was washed "
         "away in the spring floods, after months of debate.</p>"
         "<p>Residents who spoke at the meeting welcomed the decision, though several asked why the "
         "work would take until next autumn to finish.</p></article>")


@pytest.mark.parametrize("head, before", [
    ("<title>Footbridge to be rebuilt</title><style>p { color: #333 }", ""),
    ("<title>Footbridge to be rebuilt</title><script>var ads = [];", ""),
    ("<title>Footbridge to be rebuilt</title><!-- old header, never closed", ""),
    ("<title>Footbridge to be rebuilt</title>", "<form><textarea name='q'></form>"),
    ("<title>Footbridge to be rebuilt</title>", "<iframe src='/ad'>"),
    ("<title>Footbridge to be rebuilt", ""),
    ("<title>Footbridge to be rebuilt</title>", "<script>var ads = [];"),
], ids=["style", "script", "comment", "textarea", "iframe", "title", "script in body"])
def test_an_element_left_open_does_not_swallow_the_story(head: str, before: str) -> None:
    html = f"<html><head>{head}</head><body>{before}{STORY}</body></html>"
    outcome = process_one(Document("p.html", html.encode(), content_type="text/html"),
                          SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    assert outcome.article.title == "Footbridge to be rebuilt"
    assert "washed away in the spring floods" in outcome.article.text
    assert "next autumn to finish" in outcome.article.text


@pytest.mark.parametrize("html", [
    "<head><script>var a = '<!--'; document.write('<style>');</script></head><body>x",
    "<head><!--[if IE]><script>x</script><![endif]--></head><body>y",
    "<head><style-guide>a</head><body>b",  # a custom element, not a style
    "<body><p>the end<!-- a footer comment never closed",  # nothing after it to save
    "<body><script>var late = 1;",  # a script at the end: no body start after it
])
def test_closed_or_harmless_markup_is_left_as_it_is(html: str) -> None:
    assert close_runaway_raw_text(html) == html


def test_repairs_leave_a_well_formed_page_alone() -> None:
    html = f"<!DOCTYPE html><html><head><title>Footbridge</title><script>a()</script></head><body>{STORY}</body></html>"
    assert repair(html) == html
