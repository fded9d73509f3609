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


def test_cells_whose_text_an_editor_wrapped_in_a_div_or_p_are_still_one_line() -> None:
    """Google Docs writes every cell as <td><div><span>…</span></div></td>, and editors
    <td><p>…</p></td>: the row is still one line, its linked name and all."""
    assert lines("<div><table>"
                 "<tr><td><div>App</div></td><td><div>Patch size</div><div>(% vs original)</div></td></tr>"
                 "<tr><td><div><a href='/maps'><span>Maps</span></a></div></td><td><p>9.6 MB (-71%)</p></td></tr>"
                 "</table></div>") == [
        ("tr", "App | Patch size (% vs original)"), ("tr", "Maps | 9.6 MB (-71%)")]


def test_a_layout_table_keeps_its_paragraphs() -> None:
    """Old sites set the whole story in a table cell: its paragraphs stay paragraphs."""
    assert lines("<div><table><tr><td><p>First paragraph.</p><p>Second one.</p></td>"
                 "<td>Sidebar</td></tr></table></div>") == [
        ("p", "First paragraph."), ("p", "Second one."), ("td", "Sidebar")]
    prose = "The harbour wall was finished on Friday after two years of work by the town. " * 3
    assert lines(f"<div><table><tr><td><p>{prose}</p><p>{prose}</p></td><td>Sidebar</td></tr>"
                 "<tr><td>Footer</td><td>Links</td></tr></table></div>") == [
        ("p", prose.strip()), ("p", prose.strip()), ("td", "Sidebar"), ("tr", "Footer | Links")]


def test_comments_between_cells_do_not_make_an_empty_cell() -> None:
    assert lines("<div><table><tr><!-- x --><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></div>") == [
        ("tr", "a | b"), ("tr", "c | d")]


def test_a_story_set_in_a_cell_beside_a_menu_is_not_a_table_row() -> None:
    """Pages of the 2000s: a menu in one cell, the story in the next, lines broken by <br>."""
    story = "The harbour wall was finished on Friday after two years of work by the town. " * 3
    assert lines(f"<div><table><tr><td><a href='/'>Home</a> <a href='/news'>News</a></td>"
                 f"<td>{story}<br><br>Second paragraph here.</td></tr>"
                 f"<tr><td colspan=2>Footer</td></tr></table></div>") == [
        ("td", "Home News"), ("td", story.strip()), ("td", "Second paragraph here."), ("td", "Footer")]


def test_a_lone_row_is_layout_not_data() -> None:
    assert lines("<div><table><tr><td>Left</td><td>Right</td></tr></table></div>") == [
        ("td", "Left"), ("td", "Right")]


def test_preformatted_text_keeps_its_lines_and_loses_its_margin() -> None:
    assert lines("<div><pre>\n    def f(x):\n        return x   \n\n    print(f(1))\n</pre></div>") == [
        ("pre", "def f(x):\n    return x\n\nprint(f(1))")]
