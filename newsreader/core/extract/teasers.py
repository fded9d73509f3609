"""Find teaser sections and inline plugs in a page's DOM and turn them into blurbs.

Signals, none keyed to a site: a heading phrase that introduces other stories
("Related", "Most read", "Mehr zum Thema" …), a run of sibling "cards" that
each hold one link with a headline-shaped text, and plug lines ("READ MORE: …")
that are mostly one link.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsreader.core import lexicon
from newsreader.core.extract.dates import has_date
from newsreader.core.extract.domtext import HEADINGS, INLINE, link_density, pieces, text_of, words
from newsreader.core.extract.markers import (
    is_blurb_heading,
    is_chrome_line,
    is_relative_time,
    looks_like_name,
    normalise_phrase,
    plug_blurb,
)
from newsreader.core.io.urls import join_url, split_url
from newsreader.core.models import Blurb

_RANK = re.compile(r"^\W*\d{1,2}\W*$")
_READ_MORE_TAIL = re.compile(rf"(?<!\s)\s*{lexicon.alternation('read_more_tails')}\s*[»›>→…]*\s*$",
                             re.IGNORECASE | re.VERBOSE)


def _is_headline_text(text: str) -> bool:
    n = words(text)
    return 2 <= n <= 30 and len(text) <= 220


def _is_noise_piece(text: str) -> bool:
    return (
        is_relative_time(text) or bool(_RANK.match(text)) or is_chrome_line(text)
        or normalise_phrase(_READ_MORE_TAIL.sub("", text)) == ""
    )


def card_for(
    link: HtmlElement, section: HtmlElement, url: str, seen: dict[HtmlElement, set[str]] | None = None
) -> HtmlElement:
    """The widest ancestor of ``link`` inside ``section`` whose links all go to ``url``.
    ``seen``: the targets under each box already looked at, for a caller that finds the
    cards of a whole grid (each card's climb stops at the grid: read its links once)."""
    card = link
    while card is not section:
        parent = card.getparent()
        if parent is None:
            return card
        hrefs = seen.get(parent) if seen is not None else None
        if hrefs is None:
            hrefs = {a.get("href", "") for a in parent.iter("a") if a.get("href")}
            if seen is not None:
                seen[parent] = hrefs
        if len(hrefs) > 1 or (hrefs and url not in hrefs):
            return card  # (a link to another page is under it)
        card = parent
    return card


_PIECE_ENDS = tuple(".:!?|–—-»›>•·")
_TITLE_WORDS = 25


def blurb_from_card(card: HtmlElement, url: str, base: str | None, title: str | None = None) -> Blurb | None:
    """The card's blurb: its headline (``title`` when the caller knows it, else the first
    heading or headline-shaped link), a name beside a time stamp as the source, and the
    rest of its words as the standfirst."""
    if title is None:
        title = next((text_of(el) for el in card.iter() if isinstance(el.tag, str) and el.tag in HEADINGS), None)
    every = pieces(card)
    parts = [p for p in every if not _is_noise_piece(p)]
    if title is None:
        link_texts = [text_of(a) for a in card.iter("a") if a.get("href") == url]
        link_texts = [t for t in link_texts if _is_headline_text(t) and not _is_noise_piece(t)]
        # A link wrapping the whole card: its first headline-shaped piece is the title.
        if link_texts and any(t == p for p in parts for t in link_texts):
            title = next(p for p in parts if p in link_texts)
        elif parts:
            title = next((p for p in parts if _is_headline_text(p)), None)
    if title and title[:1].islower() and title in parts:
        # A headline linked in part ("The strange life and <a>mysterious death of a
        # virtuoso coder</a>"): the words before the link begin it.
        i = parts.index(title)
        if i and not parts[i - 1].endswith(_PIECE_ENDS) and words(parts[i - 1] + " " + title) <= _TITLE_WORDS:
            title = f"{parts[i - 1]} {parts[i]}"
            del parts[i - 1:i + 1]
    if not title or not _is_headline_text(title):
        return None
    publisher = None
    for i, piece in enumerate(every):
        # A short name next to a time stamp ("Lindenfeld Observer · 17 hours ago") is the source.
        near = every[max(0, i - 2):i] + every[i + 1:i + 3]
        if piece != title and looks_like_name(piece, 4) and any(is_relative_time(n) for n in near):
            publisher = piece
            break
    rest = [_READ_MORE_TAIL.sub("", p) for p in parts if p not in (title, publisher)]
    rest = [p for p in rest if p and not p.startswith(title)]
    text = " ".join(p for p in rest if words(p) >= 4)
    return Blurb(title=title, text=text, publisher=publisher,
                 url=join_url(base, url) if url else None)


def blurbs_in(section: list[HtmlElement], base: str | None) -> list[Blurb]:
    """One blurb per card: the content around each distinct link target."""
    found: list[Blurb] = []
    seen: set[str] = set()
    for root in section:
        links = [root] if root.tag == "a" else []
        links += [a for a in root.iter("a") if a is not root]
        for link in links:
            href = link.get("href")
            if not href or href.startswith(("#", "javascript:", "mailto:")) or href in seen:
                continue
            seen.add(href)
            card = card_for(link, root, href) if link is not root else root
            blurb = blurb_from_card(card, href, base)
            if blurb and all(b.title != blurb.title for b in found):
                found.append(blurb)
    if not found:
        # A list of bare titles with no links ("Related coverage" in a text dump).
        for root in section:
            for li in root.iter("li"):
                title = text_of(li)
                if _is_headline_text(title):
                    found.append(Blurb(title=title))
    return found


def _outermost_alone(el: HtmlElement) -> HtmlElement:
    """Climb through wrappers that hold nothing but ``el``'s text."""
    own = text_of(el)
    while True:
        parent = el.getparent()
        if parent is None or parent.tag in {"body", "html"} or text_of(parent) != own:
            return el
        el = parent


def _is_prose(el: HtmlElement) -> bool:
    """A paragraph of the story rather than part of a teaser list."""
    text = text_of(el)
    return (
        words(text) >= 25 and link_density(el) < 0.25 and bool(re.search(r"[.!?…][\"”’»)]?$", text))
        and not el.findall(".//h1") + el.findall(".//h2") + el.findall(".//h3")
    )


def _section_after(heading: HtmlElement) -> list[HtmlElement]:
    """The heading's wrapper and the teaser-shaped siblings that follow it."""
    start = _outermost_alone(heading)
    section = [start]
    sibling = start.getnext()
    while sibling is not None:
        if not isinstance(sibling.tag, str):
            sibling = sibling.getnext()
            continue
        text = text_of(sibling)
        if _is_prose(sibling) or (sibling.tag in HEADINGS and not is_blurb_heading(text)):
            break
        if is_blurb_heading(text) and words(text) <= 6:
            break
        section.append(sibling)
        sibling = sibling.getnext()
    return section


def _drop(el: HtmlElement) -> None:
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def _plug_blurb(el: HtmlElement, base: str | None) -> Blurb | None:
    text = text_of(el)
    links = [a for a in el.iter("a") if a.get("href")]
    if not links and words(text) > 25:
        return None
    return plug_blurb(text, join_url(base, links[-1].get("href", "")) if links else None)


def take_blurbs(root: HtmlElement, base: str | None) -> list[Blurb]:
    """Remove teaser sections and plugs from ``root``; return them as blurbs in page order."""
    found: list[tuple[float, Blurb]] = []
    order = {el: i for i, el in enumerate(root.iter())}
    body = root.find("body")
    scope = body if body is not None else root
    # 1. Sections under a marker heading.
    heads = []
    for el in scope.iter():
        if not isinstance(el.tag, str) or (el.tag in INLINE and el.tag != "span"):
            continue
        if len(el) > 2:
            continue
        text = text_of(el)
        if text and words(text) <= 8 and is_blurb_heading(text) and link_density(el) < 0.9:
            heads.append(el)
    taken: set[HtmlElement] = set()
    for head in heads:
        if head in taken or any(a in taken for a in head.iterancestors()):
            continue
        section = _section_after(head)
        blurbs = blurbs_in(section[1:], base) if len(section) > 1 else []
        if not blurbs:
            # The marker may sit in a box whose cards are its own siblings' children.
            continue
        pos = order.get(head, 0)
        found.extend((pos + i / 1000, b) for i, b in enumerate(blurbs))
        for el in section:
            taken.add(el)
    for el in taken:
        _drop(el)
    # 2. Inline plugs: short blocks that are a marker and one link.
    for el in list(scope.iter("p", "div", "li", "aside", "section", "strong", "b")):
        if el.getparent() is None or len(text_of(el)) > 220:
            continue
        if any(isinstance(c.tag, str) and c.tag not in INLINE for c in el):
            continue
        blurb = _plug_blurb(el, base)
        if blurb:
            found.append((order.get(el, 0), blurb))
            _drop(_outermost_alone(el))
    # 3. Unmarked plugs: a paragraph that is nothing but one headline-shaped link
    #    ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES…"), with its all-caps kicker if any.
    for el in list(scope.iter("p")):
        if el.getparent() is None:
            continue
        blurb = _linked_headline(el, base)
        if blurb is None:
            continue
        found.append((order.get(el, 0), blurb))
        kicker = el.getprevious()
        if kicker is not None and _is_kicker(kicker):
            kicker.drop_tree()
        el.drop_tree()
    found.sort(key=lambda item: item[0])
    return merge_duplicates([b for _, b in found if names_a_story(b, base)])


_COMMENTS_ANCHOR = re.compile(r"comment|respond|reply|disqus", re.IGNORECASE)


def _same_page(url: str, page: str) -> bool:
    a, b = split_url(url), split_url(page)
    return (a.netloc.lower(), a.path.rstrip("/")) == (b.netloc.lower(), b.path.rstrip("/"))


def _is_front_or_section(url: str) -> bool:
    """A site's front page or a section of it (/, /tech, /about, /mortgage-rates/):
    one short path segment with no number in it, where a story has a slug or an id."""
    segments = [s for s in split_url(url).path.split("/") if s]
    if not segments:
        return True
    return (len(segments) == 1 and not any(c.isdigit() for c in segments[0])
            and "." not in segments[0] and len(re.split(r"[-_+]", segments[0])) <= 2)


def names_a_story(blurb: Blurb, page: str | None) -> bool:
    """A blurb stands for another story: not a box's own label ("Most popular"), not a
    count of the page's comments ("43 Responses") or a date ("Nov. 5"), not a link to
    the page itself or to a story's comments, and not a bare link to a site's front or
    section page under a label of a few words ("About us", "IT Jobs")."""
    title = blurb.title
    if is_blurb_heading(title) or is_chrome_line(title) or (words(title) <= 4 and has_date(title)):
        return False
    if blurb.url and (_COMMENTS_ANCHOR.search(split_url(blurb.url).fragment)
                      or (page and _same_page(blurb.url, page))):
        return False
    if _URL_AS_TITLE.match(title) or not any(c.isalpha() for c in title):
        return False  # a bare address, or a score ("0 - 2")
    if blurb.url and _is_social_profile(blurb.url):
        return False  # "Sky Football on Twitter"
    # A short label with nothing under it, linking to a front or section page, is navigation;
    # so is a label linking to a topic, tag or author page ("Los Angeles" -> /topics/…).
    return not (blurb.url and not blurb.text and (
        (words(title) <= 3 and _is_front_or_section(blurb.url)) or _is_taxonomy(blurb.url)))


_URL_AS_TITLE = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
_SOCIAL_HOSTS = ("twitter.com", "x.com", "facebook.com", "instagram.com", "linkedin.com",
                 "pinterest.com", "tiktok.com", "youtube.com", "threads.net", "bsky.app")
# Folders whose pages list stories (a topic, tag, author or section), in every language.
_LISTING_FOLDERS = frozenset(lexicon.union("listing_folders"))


def _is_social_profile(url: str) -> bool:
    """A link to an account on a social network: a follow button, not a story."""
    parts = split_url(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    if not any(host == h or host.endswith("." + h) for h in _SOCIAL_HOSTS):
        return False
    # /SkyFootball, not /user/status/123 or /watch?v=…
    return len([s for s in parts.path.split("/") if s]) <= 1 and not parts.query


def _is_taxonomy(url: str) -> bool:
    """/topics/news/los-angeles.htm, /tag/ferries/: a list of stories.  A story's own
    address under such a folder carries a date or an id (four digits or more)."""
    segments = [s.lower() for s in split_url(url).path.split("/") if s]
    return (any(s in _LISTING_FOLDERS for s in segments[:-1])
            and not any(re.search(r"\d{4}", s) for s in segments))


def _linked_headline(el: HtmlElement, base: str | None) -> Blurb | None:
    links = [a for a in el.iter("a") if a.get("href")]
    if len(links) != 1 or any(isinstance(c.tag, str) and c.tag not in INLINE for c in el):
        return None
    text = text_of(el)
    if not 3 <= words(text) <= 25 or text.endswith((".", ":")) or link_density(el) < 0.9:
        return None
    href = links[0].get("href", "")
    if href.startswith(("#", "mailto:", "javascript:")) or split_url(join_url(base, href) or "").path in ("", "/"):
        return None
    # Only between paragraphs of running text: a linked line in a masthead is not a plug.
    neighbours = [n for n in (el.getprevious(), el.getnext()) if n is not None]
    if not any(n.tag == "p" and words(text_of(n)) >= 20 for n in neighbours):
        return None
    return Blurb(title=text_of(links[0]), url=join_url(base, href))


def _is_kicker(el: HtmlElement) -> bool:
    text = text_of(el)
    return isinstance(el.tag, str) and 1 <= words(text) <= 6 and text.upper() == text and any(c.isalpha() for c in text)


def merge_duplicates(blurbs: list[Blurb]) -> list[Blurb]:
    """One blurb per story: the same link or headline in a plug, a card grid and a
    "Most read" box is kept once, where it first appears, with the fullest fields."""
    kept: list[Blurb] = []
    # (where each link and each headline was first kept: a section front's thousands of
    # cards are merged in one pass, not each against all kept before it)
    by_url: dict[str, int] = {}
    by_title: dict[str, int] = {}
    for blurb in blurbs:
        key = normalise_phrase(blurb.title)
        twins = [i for i in (by_url.get(blurb.url) if blurb.url else None, by_title.get(key)) if i is not None]
        if not twins:
            by_title[key] = len(kept)
            if blurb.url:
                by_url[blurb.url] = len(kept)
            kept.append(blurb)
            continue
        twin = min(twins)
        first = kept[twin]
        url = first.url or blurb.url
        kept[twin] = Blurb(first.title, first.text or blurb.text, first.publisher or blurb.publisher, url)
        if url:
            by_url.setdefault(url, twin)
    return kept
