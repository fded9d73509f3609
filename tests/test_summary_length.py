"""A summary follows the article: about a fifth of its sentences (at least one, at most five),
and none for a short story, where it would repeat most of it; --sentences forces a count."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import STORY_HTML, page

from newsreader.core.models import Article, Block, Document
from newsreader.core.pipeline import add_summary, process_one
from newsreader.core.settings import SummarySettings
from newsreader.core.summarise.algorithms import summary_length

SENTENCE = "The council met on {n} March and voted to keep the harbour ferry running through the winter."


def story(sentences: int) -> Article:
    return Article(title="Ferry", blocks=tuple(Block("paragraph", SENTENCE.format(n=i + 1)) for i in range(sentences)))


def test_the_length_follows_the_article() -> None:
    assert summary_length(10, None, 0.2, 5) == 2
    assert summary_length(3, None, 0.2, 5) == 1  # at least one
    assert summary_length(100, None, 0.2, 5) == 5  # at most five
    assert summary_length(100, 7, 0.2, 5) == 7  # forced
    assert len(add_summary(story(30), SummarySettings()).summary) == 5
    assert len(add_summary(story(15), SummarySettings()).summary) == 3


def test_a_short_story_has_no_summary_unless_one_is_forced() -> None:
    short = story(6)  # about 100 words
    assert short.word_count < 150
    assert add_summary(short, SummarySettings()).summary == ()
    assert len(add_summary(short, SummarySettings(sentences=2)).summary) == 2


def test_extract_and_summarise_follow_the_rule() -> None:
    short = b"<html><body><article><h1>Short</h1><p>" + b"A short note about the ferry timetable. " * 8 + b"</p></article></body></html>"
    outcome = process_one(Document("short.html", short, path="short.html"))
    assert outcome.error is None and outcome.article is not None and outcome.article.summary == ()
    run = [sys.executable, "-m", "newsreader"]
    done = subprocess.run([*run, "summarise", "--format", "json", "-"], input=short.decode(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout) == {"input": "-", "summary": [], "error": None}
    forced = subprocess.run([*run, "summarise", "--format", "json", "--sentences", "4", str(page(STORY_HTML))],
                            capture_output=True, text=True, timeout=60)
    assert len(json.loads(forced.stdout)["summary"]) == 4
