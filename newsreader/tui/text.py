"""Untrusted article text to Rich ``Text``: never parsed as markup, escapes stripped."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from newsreader.core.models import Article, Blurb
from newsreader.core.render import meta_line
from newsreader.core.sanitize import clean_line, strip_escapes

SUMMARY_STYLE = "bold underline yellow"  # readable in place, unlike reverse video across wraps


def plain(text: str, style: str = "") -> Text:
    """A ``Text`` built from characters, not markup: ``[bold]`` shows as typed."""
    return Text(strip_escapes(text), style=style)


def headline(article: Article, when: float | None = None) -> Text:
    text = plain(clean_line(article.title or "Untitled"), "bold")
    text.append("\n")
    text.append(plain(clean_line(meta_line(article, when)), "dim"))
    return text


def story(article: Article, highlight: bool = False) -> Text:
    return render_story(article, highlight)[0]


def _quote(body: Text, console: Console | None, width: int | None) -> Text:
    """A quote with its bar on every line it wraps to (given the width it is drawn at)."""
    bar = Text("  ▌ ", style="dim")
    if console is None or not width or width <= 12:
        return bar + body
    lines = body.wrap(console, width - len(bar))
    out = Text()
    for i, line in enumerate(lines):
        out.append_text(bar)
        out.append_text(line)
        if i + 1 < len(lines):
            out.append("\n")
    return out


def render_story(article: Article, highlight: bool = False, console: Console | None = None,
                 width: int | None = None) -> tuple[Text, list[int]]:
    """The story with numbered links, and where each block starts in it (for jumping
    to a summary sentence).  Summary sentences are styled when ``highlight``.  With the
    console and the width it is drawn at, quotes keep their bar on every wrapped line."""
    spans: dict[int, list[tuple[int, int]]] = {}
    if highlight:
        for sentence in article.summary:
            spans.setdefault(sentence.block, []).append((sentence.start, sentence.end))
    out = Text()
    starts: list[int] = []
    link_no = 0
    for index, block in enumerate(article.blocks):
        starts.append(len(out))
        body = plain(block.text)
        for start, end in spans.get(index, []):
            body.stylize(SUMMARY_STYLE, start, end)
        if block.kind == "heading":
            body.stylize("bold")
        elif block.kind == "list_item":
            body = Text("  • ").append_text(body)
        elif block.kind == "quote":
            body.stylize("italic")
            body = _quote(body, console, width)
        elif block.kind == "code":  # (never summarised: no spans to keep in place)
            body = Text("\n").join((Text("    ") if line.plain else Text()) + line
                                   for line in body.split("\n", allow_blank=True))
        if block.links:  # links are numbered through the story, as in the Links list below
            numbers = range(link_no + 1, link_no + len(block.links) + 1)
            link_no += len(block.links)
            body.append(" " + " ".join(f"[{n}]" for n in numbers), style="dim")
        out.append_text(body)
        following = article.blocks[index + 1] if index + 1 < len(article.blocks) else None
        tight = block.kind == "list_item" and following is not None and following.kind == "list_item"
        out.append("\n" if tight else "\n\n")
    if article.links:
        out.append("Links\n", style="bold")
        for n, link in enumerate(article.links, 1):
            out.append(f"[{n}] ", style="dim")
            out.append_text(plain(clean_line(link.text)))
            out.append(f" {clean_line(link.url)}\n", style="dim underline")
    out.rstrip()
    return out, starts


def summary_items(article: Article) -> list[Text]:
    """One entry per summary sentence, for the Summary list."""
    items = []
    for sentence in article.summary:
        item = Text("• ")
        item.append_text(plain(sentence.text))
        items.append(item)
    return items


def blurb_label(blurb: Blurb) -> Text:
    label = plain(clean_line(blurb.title), "bold")
    if blurb.publisher:
        label.append(f"  {clean_line(blurb.publisher)}", style="dim")
    if blurb.text:
        label.append("\n")
        label.append_text(plain(clean_line(blurb.text), "dim not bold"))
    return label
