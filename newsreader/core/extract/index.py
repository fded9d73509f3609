"""A page of teasers (a site's front, a section, a tag page) read as an index.

On such a page readability still picks the block that scores best, and that block is one
of the teasers: the reader got a stray standfirst ("… a factor that explains the gap.")
under the site's name, and no blurb at all, since no heading says "Related".  The page is
read as what it is instead: its stories in page order, each a linked heading over its
standfirst, and each one a blurb of its own to triage.

It is an index only when all three hold, so a short story above a grid of related cards
stays a story:
  1. eight or more cards, each under a heading that is one link to another page;
  2. the cards' standfirsts are half the page's running prose or more;
  3. what was kept as the story lies inside those cards (readability picked a teaser).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from newsreader.core.extract.domtext import prose_words, text_of, words
from newsreader.core.extract.teasers import blurb_from_card, card_for, names_a_story
from newsreader.core.models import Block, Blurb, Link

_MIN_CARDS = 8
_PROSE_SHARE = 0.5  # of the page's running prose in the cards' standfirsts
_INSIDE_SHARE = 0.8  # of the kept story's words found in the cards
_SKIPPED = ("#", "javascript:", "mailto:")


@dataclass(frozen=True, slots=True)
class Index:
    """A section front's cards as blurbs, and the text of every element in them (kickers,
    credits, bylines too), spaces squashed: where a stray teaser kept as the story is
    looked for, line by line."""

    cards: tuple[Blurb, ...] = ()
    lines: frozenset[str] = frozenset()


def _headline_links(scope: HtmlElement) -> dict[str, tuple[HtmlElement, str]]:
    """Each page a heading links to, with the link and the heading's text: headings that
    are one link (their text at least four fifths link), or that sit inside one (a card
    that is a link as a whole), the first for each page."""
    found: dict[str, tuple[HtmlElement, str]] = {}
    for heading in scope.iter("h2", "h3", "h4"):
        links = [a for a in heading.iter("a") if a.get("href") and not a.get("href", "").startswith(_SKIPPED)]
        title = text_of(heading)
        if not links and (outer := next(heading.iterancestors("a"), None)) is not None:
            links = [outer] if outer.get("href") and not outer.get("href", "").startswith(_SKIPPED) else []
            # (a card that is a link may hold a kicker heading over its headline: the
            # longest heading in it is the headline)
            title = max((text_of(h) for h in outer.iter("h2", "h3", "h4")), key=len, default=title)
        if len(links) != 1:
            continue
        href = links[0].get("href", "")
        if title and len(text_of(links[0])) >= 0.8 * len(title) and href not in found:
            found[href] = (links[0], title)
    return found


def index_cards(root: HtmlElement, base: str | None) -> Index:
    """The page's cards when the first two tests hold (eight cards or more, whose
    standfirsts are half the page's running prose), else an empty Index.  Read before
    our clean-up takes cards apart: ``root`` is the page with code and forms dropped.

    Most pages stop early and cheaply: fewer than eight headings that are links (a story
    with a few related cards), or cards whose every word falls short of half the prose."""
    body = root.find("body")
    scope = body if body is not None else root
    headlines = _headline_links(scope)
    if len(headlines) < _MIN_CARDS:
        return Index()
    seen: dict[HtmlElement, set[str]] = {}
    boxes = [(href, title, card_for(link, scope, href, seen)) for href, (link, title) in headlines.items()]
    floor = _PROSE_SHARE * prose_words(root)
    if sum(words(text_of(card)) for _, _, card in boxes) < floor:
        return Index()
    found: list[Blurb] = []
    lines: set[str] = set()
    for href, title, card in boxes:
        # (the heading that is the link is the headline; a kicker above it, "Opinion" or
        # "Guest essay", is not)
        blurb = blurb_from_card(card, href, base, title)
        if blurb is not None and names_a_story(blurb, base):
            found.append(blurb)
            lines.update(" ".join(text_of(el).split()) for el in card.iter() if isinstance(el.tag, str))
    if len(found) < _MIN_CARDS or sum(words(card.text) for card in found) < floor:
        return Index()
    return Index(tuple(found), frozenset(lines))


def story_is_a_teaser(story: list[Block], index: Index) -> bool:
    """The third test: what was kept as the story lies inside the cards (by its
    paragraphs, where it has any: a video page's two sentences of story above a list
    of other videos are the story, and the list is not)."""
    prose_blocks = [block for block in story if block.kind == "paragraph"] or story
    kept = sum(words(block.text) for block in prose_blocks)
    inside = sum(words(block.text) for block in prose_blocks if " ".join(block.text.split()) in index.lines)
    return bool(index.cards) and inside >= _INSIDE_SHARE * kept


def index_blocks(cards: tuple[Blurb, ...]) -> list[Block]:
    """Each story of the index: its headline, linked, over its standfirst."""
    blocks: list[Block] = []
    for card in cards:
        links = (Link(card.title, card.url),) if card.url else ()
        blocks.append(Block("heading", card.title, 3, links))
        if card.text:
            blocks.append(Block("paragraph", card.text))
    return blocks
