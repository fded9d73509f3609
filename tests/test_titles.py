"""Which line names the story, and who wrote it: pages with several <h1>s, logos, sections
and site names, and bylines in the forms sites set them,
each written here in a shape the corpora showed (over 280 of their pages were titled with
the site's name or a section's before)."""

from __future__ import annotations

import pytest

from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings

STORY = "".join(f"<p>{p}</p>" for p in (
    "The town council approved a plan on Monday to rebuild the old footbridge that was washed away in "
    "the spring floods, after months of debate.",
    "Residents who spoke at the meeting welcomed the decision, though several asked why the work would "
    "take until next autumn to finish.",
))
HEADLINE = "Footbridge to be rebuilt after floods"


@pytest.mark.parametrize(("head", "body"), [
    # the logo is an <h1> linking to the front page; the headline an <h2>
    (f"<title>{HEADLINE} | Town Crier</title>",
     f"<header><h1><a href='/'>Town Crier</a></h1></header><article><h2>{HEADLINE}</h2>{STORY}</article>"),
    # the logo <h1> is the site's name as og:site_name gives it
    (f"<title>{HEADLINE}</title><meta property='og:site_name' content='Town Crier'>",
     f"<h1>Town Crier</h1><article><h1>{HEADLINE}</h1>{STORY}</article>"),
    # a section's <h1> comes first; the metadata names the story
    (f"<title>Town Crier - Local - {HEADLINE}</title><meta property='og:title' content='{HEADLINE}'>",
     f"<aside><h1>Local</h1></aside><article><h1>{HEADLINE}</h1>{STORY}</article>"),
    # an <h1> for screen readers only
    (f"<title>{HEADLINE} | Town Crier</title>",
     f"<h1 class='screen-reader-text'>Main menu</h1><article><h1>{HEADLINE}</h1>{STORY}</article>"),
    # the <h1> carries the date after the headline
    (f"<title>{HEADLINE} | Town Crier</title>",
     f"<article><h1>{HEADLINE} <span class='date'>3 March 2024</span></h1>{STORY}</article>"),
    # "Site: Headline", the site named by its logo
    ("<title>Town Crier: Footbridge to be rebuilt after floods</title>",
     f"<h1><a href='https://crier.example/'>Town Crier</a></h1><article>{STORY}</article>"),
    # WordPress's "Site » Blog Archive » Post"
    (f"<title>Town Crier &raquo; Blog Archive &raquo; {HEADLINE}</title>",
     f"<h1><a href='/'>Town Crier</a></h1><article>{STORY}</article>"),
    # a permalink mark in the headline
    (f"<title>{HEADLINE}</title>", f"<article><h1>{HEADLINE} <a href='#top'>¶</a></h1>{STORY}</article>"),
    # only microdata names it
    ("", f"<article><span itemprop='headline'>{HEADLINE}</span>{STORY}</article>"),
], ids=["logo-link", "logo-site-name", "section-first", "screen-reader", "h1-with-date", "site-colon",
        "blog-archive", "permalink-mark", "itemprop"])
def test_the_title_is_the_story_s_headline(head: str, body: str) -> None:
    html = f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    outcome = process_one(Document("p.html", html.encode(), content_type="text/html"), SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    assert outcome.article.title == HEADLINE
    assert "washed away in the spring floods" in outcome.article.text


@pytest.mark.parametrize(("head", "line", "byline"), [
    ("", "<p>BY JANE DOE</p>", "Jane Doe"),
    ("", "<p>Author: Jane Doe</p>", "Jane Doe"),
    ("", "<p>Autorin: Anna Schmidt</p>", "Anna Schmidt"),
    ("", "<p>Auteur : Marie Dupont</p>", "Marie Dupont"),
    ("", "<p>By Lance Whitney July 23, 2012 4:18 AM PDT</p>", "Lance Whitney"),
    ("", "<p><a rel='author' href='/people/jane'>Jane Doe</a></p>", "Jane Doe"),
    ("", "<p><a rel='author' href='/people/jane'>View Profile</a></p><p>By Jane Doe</p>", "Jane Doe"),
    ("", "<span class='author-name'>By Jane Doe</span>", "Jane Doe"),
    ("", "<span itemprop='author' itemscope><span itemprop='name'>Jane Doe</span></span>", "Jane Doe"),
    ("", "<p>Written by Jane Doe - 4 Comments</p>", "Jane Doe"),
    ("", "<p>By Anne-Marie Doe - Staff writer</p>", "Anne-Marie Doe"),
], ids=["capitals", "author-label", "autorin", "auteur", "month-after", "rel-author", "rel-author-label",
        "author-class", "microdata", "spaced-hyphen", "hyphenated-name"])
def test_the_byline_is_the_author_s_name_and_leaves_the_story(head: str, line: str, byline: str) -> None:
    html = (f"<html><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head><body>"
            f"<article><h1>{HEADLINE}</h1>{line}{STORY}</article></body></html>")
    outcome = process_one(Document("p.html", html.encode(), content_type="text/html"), SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    assert outcome.article.byline == byline
    assert byline.split()[0] not in outcome.article.text and "Profile" not in outcome.article.text


@pytest.mark.parametrize("line", ["By the numbers", "By changesets", "By midweek"])
def test_a_line_that_starts_with_by_and_goes_on_in_lower_case_is_the_story_s(line: str) -> None:
    """A byline names someone; "By the numbers" (a section heading) or a table's "By
    changesets" column does not, and stays."""
    html = (f"<html><head><meta charset='utf-8'><title>{HEADLINE}</title></head><body>"
            f"<article><h1>{HEADLINE}</h1>{STORY}<h3>{line}</h3>{STORY}</article></body></html>")
    outcome = process_one(Document("p.html", html.encode(), content_type="text/html"), SummarySettings(enabled=False))
    assert outcome.article is not None, outcome.error
    assert line in outcome.article.text and outcome.article.byline is None
