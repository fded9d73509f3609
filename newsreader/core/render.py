"""Plain-text and JSON renderings of articles, for the headless commands."""

from __future__ import annotations

import datetime as dt
import textwrap
import time
from typing import Any

from newsreader.core.models import Article
from newsreader.core.pipeline import Outcome


def article_json(outcome: Outcome) -> dict[str, Any]:
    """The ``extract --format json`` record: a contract other tools rely on."""
    a = outcome.article
    if a is None:
        return {
            "input": outcome.source, "url": None, "title": None, "publisher": None,
            "byline": None, "published": None, "language": None, "kind": None, "text": "",
            "blurbs": [], "summary": [], "error": outcome.error,
        }
    return {
        "input": outcome.source,
        "url": a.canonical_url or a.url,
        "title": a.title,
        "publisher": a.publisher,
        "byline": a.byline,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "kind": a.kind,
        "text": a.text,
        "blurbs": [
            {"title": b.title, "text": b.text, "publisher": b.publisher, "url": b.url}
            for b in a.blurbs
        ],
        "summary": [s.text for s in a.summary],
        "error": None,
    }


def age(ts: float | None, now: float | None = None) -> str:
    """How long ago, in the largest whole unit: "3d", "5h", "12m", "now"."""
    if not ts:
        return ""
    seconds = max(0, (now or time.time()) - ts)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit}"
    return "now"


def meta_line(a: Article, when: float | None = None) -> str:
    """Publisher, byline, date and length.  ``when`` is the stored item's time (the one the
    item list shows, with its age); without it, the date the page gives."""
    date: str | None = a.published.isoformat() if a.published else None
    if when:
        date = f"{dt.datetime.fromtimestamp(when, dt.UTC):%d %b %Y} ({age(when)} ago)"
    parts = [a.publisher, a.byline, date, f"{a.word_count} words, {a.reading_minutes} min read"]
    return " · ".join(p for p in parts if p)


def article_text(a: Article, width: int = 78, summary: bool = True) -> str:
    """A layout to read in a terminal or a pager: headline, meta, summary, story, blurbs."""
    wrap = textwrap.TextWrapper(width=width, break_long_words=False, break_on_hyphens=False)
    out: list[str] = []
    if a.title:
        out += [*wrap.wrap(a.title), "=" * min(width, len(a.title))]
    out += [meta_line(a), ""]
    if summary and a.summary:
        out.append("Summary")
        for s in a.summary:
            out += textwrap.wrap(s.text, width, initial_indent="  * ", subsequent_indent="    ")
        out.append("")
    for block in a.blocks:
        if block.kind == "heading":
            out += [*wrap.wrap(block.text.upper() if block.level <= 2 else block.text), ""]
        elif block.kind == "list_item":
            out += [*textwrap.wrap(block.text, width, initial_indent="  - ", subsequent_indent="    "), ""]
        elif block.kind == "quote":
            out += [*textwrap.wrap(block.text, width, initial_indent="  > ", subsequent_indent="  > "), ""]
        elif block.kind == "code":  # its own lines, set in by four spaces, never wrapped
            out += [f"    {line}".rstrip() for line in block.text.split("\n")] + [""]
        else:
            out += [*wrap.wrap(block.text), ""]
    if a.links:
        out.append("Links")
        out += [f"  [{i}] {link.text} <{link.url}>" for i, link in enumerate(a.links, 1)]
        out.append("")
    if a.blurbs:
        out.append("Blurbs")
        for b in a.blurbs:
            head = f"  * {b.title}" + (f" ({b.publisher})" if b.publisher else "")
            out += textwrap.wrap(head, width, subsequent_indent="    ")
            if b.text:
                out += textwrap.wrap(b.text, width, initial_indent="    ", subsequent_indent="    ")
            if b.url:
                out.append(f"    <{b.url}>")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
