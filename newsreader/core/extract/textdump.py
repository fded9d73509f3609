"""Stage 3 for plain text: read a page saved or pasted as text (or Markdown).

Dumps come in three shapes: one paragraph per line (aggregator apps), blank-line
separated paragraphs, and hard-wrapped paragraphs (w3m/lynx).  After splitting
into units the cascade is:
  1. find where the story starts: the first run of prose after the headline;
  2. find where it ends: a teaser-section heading or a run of non-prose lines;
  3. read title, publisher, byline and date from the lines above the story;
  4. inside the story, drop chrome and take inline plugs as blurbs;
  5. after it, parse each teaser section into blurbs (title, text, source).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from newsreader.core.extract.dates import parse_date
from newsreader.core.extract.markers import (
    DATE_LABEL,
    byline_name,
    copyright_holder,
    drop_closing_lines,
    is_bio_label,
    is_blurb_heading,
    is_chrome_line,
    is_credit,
    is_relative_time,
    looks_like_name,
    normalise_phrase,
    plug_blurb,
    plug_title,
)
from newsreader.core.models import Article, Block, BlockKind, Blurb, DecodedDocument, Link
from newsreader.core.sanitize import normalise_text

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*+-]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^>\s?")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"”»]$")
# Each optional part owns its spaces, and a run of spaces is entered only at its start:
# "\s*[·]?\s*(?:time)?\s*" was cubic on a long run of spaces.
_TIME_TAIL = re.compile(r"(?<!\s)\s*(?:[·•|,-]\s*)?(?:time\s*)?(?:(?<!\d)\d+\s*[^\W\d]\w*\s+ago|\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|gmt|utc|cet|bst|est))?)\s*$", re.IGNORECASE)
_DATELINE_LABEL = re.compile(DATE_LABEL, re.IGNORECASE | re.VERBOSE)
_SITE_SPLIT = re.compile(r"\s{3,}|(?<!\s)\s+\|\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph-sized piece of the dump."""

    text: str
    raw: str = ""  # the line as typed, spacing kept (mastheads align items with it)
    bullet: bool = False
    heading: int = 0  # Markdown heading level
    quote: bool = False
    links: tuple[tuple[str, str], ...] = ()  # Markdown [text](url) links, as (text, url)


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(\s*(<?[^)\s]+>?)(?:\s+\"[^\"]*\")?\s*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")


def _inline_markdown(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Plain text and links from a line that may carry Markdown inline markup."""
    if "[" not in text and "*" not in text and "`" not in text and "__" not in text:
        return text, ()
    text = _MD_IMAGE.sub("", text)
    links: list[tuple[str, str]] = []

    def link(match: re.Match[str]) -> str:
        links.append((match.group(1), match.group(2).strip("<>")))
        return match.group(1)

    text = _MD_LINK.sub(link, text)
    for _ in range(2):  # **bold *italic*** nests one level
        text = _MD_EMPHASIS.sub(lambda m: m.group(2), text)
    return text, tuple(links)


def _wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text: long lines cluster under a fixed width and continue."""
    long = [len(ln) for ln in lines if len(ln.strip()) >= 40]
    if len(long) < 4:
        return False
    width = sorted(long)[int(len(long) * 0.95) - 1]
    if width > 110:
        return False
    continued = sum(
        1 for a, b in itertools.pairwise(lines)
        if len(a.strip()) >= 0.6 * width and b.strip() and not _BULLET.match(b)
    )
    # A sentence that goes on in lower case on the next line is wrapped, however short the
    # text (a two-paragraph e-mail has too few lines to show a width).
    mid_sentence = sum(
        1 for a, b in itertools.pairwise(lines)
        if len(a.strip()) >= 0.6 * width and not _SENTENCE_END.search(a.strip()) and b.strip()[:1].islower()
    )
    return continued >= 3 or mid_sentence >= 2


def split_units(text: str) -> list[Unit]:
    lines = [ln.rstrip() for ln in text.split("\n")]
    wrapped = _wrapped(lines)
    units: list[Unit] = []
    buf: list[str] = []

    def add(text: str, **kind: Any) -> None:
        plain, links = _inline_markdown(text)
        units.append(Unit(" ".join(plain.split()), links=links, **kind))

    def flush() -> None:
        if buf:
            add(" ".join(buf), raw=buf[0])
            buf.clear()

    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        md = _MD_HEADING.match(line)
        if md:
            flush()
            add(md.group(2), heading=len(md.group(1)))
            continue
        if not re.search(r"\w", line):
            flush()
            units.append(Unit(line))
            continue
        if _BULLET.match(line):
            flush()
            add(_BULLET.sub("", line, count=1).strip(), bullet=True)
            continue
        if _MD_QUOTE.match(line):
            line = _MD_QUOTE.sub("", line)
            if not wrapped:
                add(line, quote=True)
                continue
        if wrapped:
            buf.append(line)
        else:
            add(line, raw=line)
    flush()
    return units


def _words(text: str) -> int:
    return len(text.split())


def is_prose(text: str) -> bool:
    """A sentence of running text, not a label, headline or menu item."""
    n = _words(text)
    if n > 30:
        return True
    if n < 4 or not _SENTENCE_END.search(text) or is_chrome_line(text):
        return False
    return not (text.endswith("?") and n <= 14 and text[0] not in "\"“„«'")


def _is_headline(text: str) -> bool:
    """A line that could be a headline or subheading: a few words, not a sentence, not chrome."""
    n = _words(text)
    return 2 <= n <= 25 and not is_prose(text) and not is_chrome_line(text) and "   " not in text


def is_subheading(text: str, following: str) -> bool:
    """A short line that is no sentence, over a paragraph of prose."""
    return _is_headline(text) and is_prose(following)


def _is_source_name(text: str) -> bool:
    return looks_like_name(text) and not _SENTENCE_END.search(text)


_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")


def _paragraph_follows(units: list[Unit], i: int) -> bool:
    """A paragraph of two sentences or more right under a heading: the heading is the
    story's own ("More about the plan"), however much it reads like a teaser section,
    whose first line is a title."""
    if i + 1 >= len(units):
        return False
    text = units[i + 1].text
    return is_prose(text) and _words(text) >= 25 and len(_SENTENCE.findall(text)) >= 2


def _story_bounds(units: list[Unit]) -> tuple[int, int]:
    """[start, end) of the story: prose after the headline, up to a section or chrome run."""
    start = next((i for i, u in enumerate(units) if is_prose(u.text) and _words(u.text) >= 12
                  and not plug_title(u.text)), None)
    if start is None:
        start = next((i for i, u in enumerate(units) if is_prose(u.text)), 0)
    end = start
    gap = 0
    for i in range(start, len(units)):
        text = units[i].text
        if is_blurb_heading(text) and not is_prose(text) and not _paragraph_follows(units, i):
            break
        if is_prose(text) or plug_title(text) or (units[i].bullet and _words(text) >= 3):
            end = i + 1
            gap = 0
        elif is_chrome_line(text):
            gap += 1
        else:
            # A subheading is one short line followed by prose; two in a row end the story.
            gap += 1
            if gap >= 2:
                break
        if gap >= 3:
            break
    return start, end


def _split_source_line(text: str) -> tuple[str | None, bool]:
    """'Meridian Wire14-03-2025' / 'Source • 3 hrs' -> ('Meridian Wire', True)."""
    date = parse_date(text)
    rest = text
    if date:
        rest = re.split(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}", text)[0]
    elif "•" in text or "·" in text:
        rest = re.split(r"[•·]", text, maxsplit=1)[0]
    else:
        return None, False
    rest = _TIME_TAIL.sub("", rest).strip(" ,|•·-–—")
    if _DATELINE_LABEL.match(rest):
        return None, True
    return (rest if rest and _is_source_name(rest) else None), True


def _site_name(units: list[Unit], limit: int) -> str | None:
    """A site name from the masthead lines at the top of the dump."""
    for unit in units[:min(limit, 6)]:
        text = re.sub(r"^\[?logo\]?\s*", "", unit.raw or unit.text, flags=re.IGNORECASE)
        first = _SITE_SPLIT.split(text)[0].strip()
        if first and not is_chrome_line(first) and _is_source_name(first) and _words(first) >= 2:
            return first
    return None


def _split_title_suffix(title: str, publisher: str | None, units: list[Unit]) -> tuple[str, str | None]:
    """'Headline | Site' -> ('Headline', 'Site'), as saved pages and reader dumps write titles.

    A ' - ' or ' – ' tail is cut only when it names the publisher or recurs on the page,
    so headlines like 'Storm Petra – what we know' keep their words.
    """
    match = re.match(r"^(?P<head>.+?)\s+(?P<sep>[|–—-])\s+(?P<tail>[^|–—]+)$", title)
    if not match or not looks_like_name(match["tail"], 6) or len(match["head"].split()) < 3:
        return title, None
    tail = match["tail"].strip()
    recurs = any(u.text.strip() == tail for u in units)
    if match["sep"] == "|" or tail == publisher or recurs:
        return match["head"].strip(), tail
    return title, None


def _head_meta(units: list[Unit], start: int) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, publisher, byline, date text) from the lines above the story."""
    head = units[:start]
    title_i = None
    best = 0
    for i, unit in enumerate(head):
        text = unit.text
        if (not _is_headline(text) or byline_name(text) or parse_date(text)
                or is_blurb_heading(text) or is_credit(text)):
            continue
        if _words(text) >= best and not (_is_source_name(text) and _words(text) <= 3):
            best, title_i = _words(text), i
    title = head[title_i].text if title_i is not None else None
    publisher = byline = date_text = None
    for unit in head[(title_i or 0):]:
        text = unit.text
        name = byline_name(text)
        if name and byline is None:
            byline = name
            if parse_date(text):
                date_text = text
            # "By A. Writer · 6 May 2024 · The Chronicle": a name after the byline is the publisher.
            for part in re.split(r"\s*[|·•]\s*", text)[1:]:
                if publisher is None and _is_source_name(part) and not parse_date(part) and not is_chrome_line(part):
                    publisher = part
            continue
        source, is_meta = _split_source_line(text)
        if is_meta:
            publisher = publisher or source
            if parse_date(text) and date_text is None:
                date_text = text
    if publisher is None:
        publisher = _site_name(units, title_i if title_i is not None else start)
    if title:
        title, tail = _split_title_suffix(title, publisher, units)
        publisher = publisher or tail
    if publisher is None:
        # Last resort: the footer's copyright line names the publisher.
        publisher = next((h for h in map(copyright_holder, (u.text for u in reversed(units))) if h), None)
    return title, publisher, byline, date_text


def _story_blocks(units: list[Unit], title: str | None) -> tuple[list[Block], list[Blurb]]:
    blocks: list[Block] = []
    plugs: list[Blurb] = []
    title_key = normalise_phrase(title or "")
    for i, unit in enumerate(units):
        text = unit.text
        plug = plug_blurb(text, unit.links[-1][1] if unit.links else None)
        if plug:
            plugs.append(plug)
            continue
        if is_chrome_line(text) or is_relative_time(text) or normalise_phrase(text) == title_key:
            continue
        if blocks and blocks[-1].text == text:
            continue  # dumps repeat a paragraph when a page renders it twice
        kind: BlockKind = "paragraph"
        level = 0
        if unit.heading:
            kind, level = "heading", max(2, unit.heading)
        elif unit.bullet:
            kind = "list_item"
        elif unit.quote:
            kind = "quote"
        elif not is_prose(text):
            nxt = units[i + 1].text if i + 1 < len(units) else ""
            if not is_subheading(text, nxt) and not is_bio_label(text):
                continue  # (a bio's label stays, for drop_closing_lines to know the bio by)
            kind, level = "heading", 2
        blocks.append(Block(kind, text, level, tuple(Link(t, u) for t, u in unit.links)))
    return drop_closing_lines(blocks), plugs


def _section_blurbs(units: list[Unit]) -> list[Blurb]:
    """Items of one teaser section: title, text and source, in the shapes aggregators use."""
    items: list[dict[str, str | None]] = []
    pending: str | None = None

    def current() -> dict[str, str | None] | None:
        return items[-1] if items else None

    for unit in units:
        text = unit.text
        if is_relative_time(text):
            continue
        item = current()
        parts = [p.strip() for p in re.split(r"\s*[·•|]\s*", text) if p.strip()]
        if (len(parts) > 1 and is_relative_time(parts[-1]) and _is_source_name(parts[0])) or (
            unit.bullet and ("·" in text or "•" in text)
        ):
            # "  • Source · time3 days ago" or "Source · 3 hours ago": the item's publisher.
            name = parts[0] if parts else ""
            if item is not None and not item["source"] and _is_source_name(name):
                item["source"] = name
            elif item is None or item["text"] or item["source"]:
                pending = name if _is_source_name(name) else pending
            continue
        if unit.bullet and _is_source_name(text) and _words(text) <= 4 and item and (
            item["source"] in (None, text)
        ):
            item["source"] = text
            continue
        if _is_source_name(text) and _words(text) <= 5 and not unit.bullet:
            if item is not None and item["title"] and not item["text"] and not item["source"]:
                item["source"] = text
            else:
                pending = text
            continue
        if is_prose(text) and not unit.bullet:
            if item is not None and not item["text"]:
                item["text"] = text
            continue
        if _is_headline(text):
            if item is not None and normalise_phrase(item["title"] or "") == normalise_phrase(text):
                continue
            items.append({"title": text, "text": "", "source": pending,
                          "url": unit.links[0][1] if unit.links else None})
            pending = None
    return [Blurb(title=i["title"] or "", text=i["text"] or "", publisher=i["source"], url=i["url"])
            for i in items]


def _tail_blurbs(units: list[Unit]) -> list[Blurb]:
    """Blurbs from every teaser section after the story."""
    blurbs: list[Blurb] = []
    i = 0
    while i < len(units):
        if not is_blurb_heading(units[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(units):
            text = units[j].text
            if is_blurb_heading(text) or is_chrome_line(text) or not re.search(r"\w", text):
                break
            j += 1
        blurbs.extend(_section_blurbs(units[i + 1:j]))
        i = j
    return blurbs


def extract_text(doc: DecodedDocument) -> Article:
    units = split_units(normalise_text(doc.text))
    start, end = _story_bounds(units)
    title, publisher, byline, date_text = _head_meta(units, start)
    blocks, plugs = _story_blocks(units[start:end], title)
    blurbs = plugs + _tail_blurbs(units[end:])
    return Article(
        title=title,
        blocks=tuple(blocks),
        blurbs=tuple(blurbs),
        url=doc.url,
        publisher=publisher,
        byline=byline,
        published=parse_date(date_text),
    )
