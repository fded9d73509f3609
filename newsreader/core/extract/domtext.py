"""Text out of lxml elements: inline runs, block pieces, link density."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from newsreader.core.wordcount import count_words as words  # (the cleaning rules' name for it)

# Tags that flow inside a line of text; everything else breaks it.
INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr", "del", "ins", "strike", "tt", "big", "nobr", "label",
})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Inline tags that still mark a separate piece of a teaser card (title link, date).
CARD_SPLIT = frozenset({"a", "time", "span", "br"})


def squash(text: str) -> str:
    return " ".join(text.split())


_WORDISH = re.compile(r"\w")


def in_running_text(el: HtmlElement) -> bool:
    """An inline element with words right beside it is a part of a sentence ("a <a
    class="popup">rather elderly</a> man"), whatever its class says: dropping it would cut
    words out of the sentence."""
    if el.tag not in INLINE:
        return False
    parent = el.getparent()
    if parent is None:
        return False
    before = el.getprevious()
    text = before.tail if before is not None else parent.text
    return bool(_WORDISH.search(text or "") or _WORDISH.search(el.tail or ""))


def class_and_id(el: HtmlElement) -> str:
    """What a box's markup calls it: its class and id, the words the chrome rules read."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def text_of(el: HtmlElement) -> str:
    return squash(el.text_content() or "")


def link_text_length(el: HtmlElement) -> int:
    return sum(len(squash(a.text_content() or "")) for a in el.iter("a"))


def link_density(el: HtmlElement) -> float:
    total = len(text_of(el))
    return link_text_length(el) / total if total else 0.0


def pieces(el: HtmlElement, split: frozenset[str] = CARD_SPLIT) -> list[str]:
    """Text split wherever a block tag, or a tag in ``split``, begins or ends."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = squash("".join(buf))
        if text:
            out.append(text)
        buf.clear()

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        breaks = tag not in INLINE or tag in split
        if breaks:
            flush()
        if node.text and tag:
            buf.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if breaks:
            flush()

    walk(el)
    flush()
    return out


def iter_blocks(root: HtmlElement) -> Iterator[tuple[HtmlElement, str, list[tuple[str, str]]]]:
    """(block element, its inline text, its links) in document order.

    A block's text is the inline content directly under it; nested blocks are
    yielded on their own, so a <div> holding text and <p>s yields its loose
    text and then each paragraph.  ``<br><br>`` splits a paragraph.
    """
    buf: list[str] = []
    links: list[tuple[str, str]] = []
    stack: list[HtmlElement] = []

    def emit(owner: HtmlElement) -> Iterator[tuple[HtmlElement, str, list[tuple[str, str]]]]:
        text = squash("".join(buf))
        if text:
            yield owner, text, list(links)
        buf.clear()
        links.clear()

    def walk(node: HtmlElement, in_row: bool = False,
             in_cell: bool = False) -> Iterator[tuple[HtmlElement, str, list[tuple[str, str]]]]:
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag:
            return
        cell = in_row and tag in _CELLS
        if cell:
            # A cell of a row of plain cells flows in the row's line, after a bar.
            if any(isinstance(sibling.tag, str) for sibling in node.itersiblings(preceding=True)):
                buf.append(" | ")
            block = False
        else:
            # (inside such a cell, a <div> or <p> around its text is no block: a space)
            block = not in_cell and tag not in INLINE and tag != "br"
            if in_cell and tag in _CELL_WRAPPERS:
                buf.append(" ")
        row = tag == "tr" and _plain_row(node)
        if tag == "pre":
            # Preformatted text keeps its lines: code, a poem, a plain-text table.
            yield from emit(stack[-1] if stack else node)
            text = preformatted(node)
            if text:
                yield node, text, [(squash(a.text_content() or ""), a.get("href", ""))
                                   for a in node.iter("a") if a.get("href")]
            return
        if block:
            yield from emit(stack[-1] if stack else node)
            stack.append(node)
        if tag == "br":
            # One <br> is a line break; two in a row end the paragraph.
            nxt = node.getnext()
            if nxt is not None and nxt.tag == "br" and not (node.tail or "").strip():
                yield from emit(stack[-1] if stack else node)
            else:
                buf.append(" ")
        if tag == "a" and node.get("href"):
            label = squash(node.text_content() or "")
            if label:
                links.append((label, node.get("href", "")))
        if node.text:
            buf.append(node.text)
        for child in node:
            yield from walk(child, row, in_cell or cell)
            if child.tail and not row:
                buf.append(child.tail)
        if block:
            yield from emit(node)
            stack.pop()

    yield from walk(root)


def preformatted(el: HtmlElement) -> str:
    """The text of a <pre>, line by line: trailing spaces and blank lines at either end
    go, the common indent goes, tabs become spaces."""
    lines = [line.rstrip() for line in (el.text_content() or "").expandtabs(4).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    indent = min((len(line) - len(line.lstrip()) for line in lines if line), default=0)
    return "\n".join(line[indent:] for line in lines)


_CELLS = frozenset({"td", "th"})


def _plain_row(row: HtmlElement) -> bool:
    """A row of a data table: two or more cells, each holding a few words of inline text (no line
    breaks), and it has a sibling row.  One line of the table, then, not a layout row:
    old sites set a whole story, or a menu beside it, in one cell.  (A 400,000-cell table is
    20,000 lines, not 400,000 paragraphs; a date in a cell is the table's, not a dateline.)"""
    if row.getprevious() is None and row.getnext() is None:
        return False
    if sum(1 for cell in row if cell.tag in _CELLS) < 2:
        return False
    for cell in row:
        if not isinstance(cell.tag, str):
            continue
        if cell.tag not in _CELLS:
            return False
        blocks = [el.tag for el in cell.iterdescendants() if isinstance(el.tag, str) and el.tag not in INLINE]
        # (a <br> is not INLINE here: it breaks a layout cell's lines; a <div> or <p>
        # around a cell's text is how editors and Google Docs write every cell)
        if any(tag not in _CELL_WRAPPERS for tag in blocks):
            return False
        if words(text_of(cell)) > _CELL_WORDS:
            return False
    return True


_CELL_WRAPPERS = frozenset({"div", "p"})


_CELL_WORDS = 60


def prose_words(root: HtmlElement, leaving: frozenset[HtmlElement] = frozenset()) -> int:
    """Words in the page's running prose: paragraphs of ten words or more that are not
    mostly links.  What a story on the page can hardly be much shorter than.  ``leaving``:
    boxes whose paragraphs do not count (a photo essay's captions, weighed against the rest)."""
    total = 0
    for p in root.iter("p"):
        if leaving and (p in leaving or any(box in leaving for box in p.iterancestors())):
            continue
        n = words(text_of(p))
        if n >= 10 and link_density(p) < 0.3:
            total += n
    return total


def is_hidden(el: HtmlElement) -> bool:
    """Hidden from the reader: the hidden attribute, a style that hides it, or a short
    box hidden from screen readers (a long one is a page that reveals itself by script)."""
    style = (el.get("style") or "").replace(" ", "").lower()
    return (
        el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style
        or (el.get("aria-hidden") == "true" and words(text_of(el)) < 40)
    )
