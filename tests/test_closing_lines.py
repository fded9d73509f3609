"""Closing lines that leaked into stories on unseen pages, in every language the lexicon has:
an author bio, a newsletter prompt and a closing notice after the last paragraph, in an
HTML page and in a plain-text dump (tests/data/closing/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core import lexicon
from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings

CLOSING = Path(__file__).parent / "data" / "closing"


def test_every_language_has_its_fixtures() -> None:
    assert {p.stem for p in CLOSING.glob("*.html")} == set(lexicon.lexicons())


@pytest.mark.parametrize("name", sorted(p.name for p in CLOSING.iterdir()))
def test_closing_lines_are_not_the_story(name: str) -> None:
    outcome = process_one(Document(name, (CLOSING / name).read_bytes(), path=str(CLOSING / name)),
                          SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    paragraphs = outcome.article.text.split("\n\n")
    assert len(paragraphs) == 3, paragraphs  # the story, and only the story
    dump = (CLOSING / name.replace(".html", ".txt")).read_text().split("\n\n")
    assert paragraphs == dump[1:4]


@pytest.mark.parametrize("suffix", ["html", "txt"])
def test_a_read_more_heading_over_a_read_more_title_keeps_its_teasers(suffix: str) -> None:
    """"Read more on this story" introduces teasers, even when the first teaser's own title
    begins "Read More …": the three become blurbs, and the story stays whole."""
    path = Path(__file__).parent / "data" / f"en-read-more-on-this-story.{suffix}"
    outcome = process_one(Document(path.name, path.read_bytes(), path=str(path)), SummarySettings(enabled=False))
    assert outcome.article is not None
    assert [b.title for b in outcome.article.blurbs] == [
        "Read More Than Ever: why the town is borrowing books again",
        "New children's reading room opens at the library",
        "Council weighs longer Sunday hours for libraries",
    ]
    assert len(outcome.article.text.split("\n\n")) == 3
