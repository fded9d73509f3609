"""Blocks out of markup: what one line of the story is."""

from __future__ import annotations

import lxml.html

from newsreader.core.extract.domtext import iter_blocks


def lines(html: str) -> list[tuple[str, str]]:
    return [(el.tag, text) for el, text, _ in iter_blocks(lxml.html.fromstring(html))]


def test_a_row_of_plain_cells_is_one_line() -> None:
    assert lines("<div><table><tr><th>City</th><th>Rain</th></tr>"
                 "<tr><td>Cork <a href='/c'>(map)</a></td><td>1,200 mm</td></tr></table></div>") == [
        ("tr", "City | Rain"), ("tr", "Cork (map) | 1,200 mm")]


def test_a_layout_table_keeps_its_paragraphs() -> None:
    """Old sites set the whole story in a table cell: its paragraphs stay paragraphs."""
    assert lines("<div><table><tr><td><p>First paragraph.</p><p>Second one.</p></td>"
                 "<td>Sidebar</td></tr></table></div>") == [
        ("p", "First paragraph."), ("p", "Second one."), ("td", "Sidebar")]


def test_comments_between_cells_do_not_make_an_empty_cell() -> None:
    assert lines("<div><table><tr><!-- x --><td>a</td><td>b</td></tr></table></div>") == [("tr", "a | b")]
