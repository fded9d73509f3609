"""The TUI driven as a person would, with Pilot."""

from __future__ import annotations

from pathlib import Path

from conftest import case_page
from rich.text import Text
from textual.widgets import OptionList, Static

from newsreader.core.config import Config
from newsreader.core.models import Article, Block
from newsreader.tui import text
from newsreader.tui.app import HelpScreen, InboxScreen, NewsreaderApp, ReaderScreen, reader_ready


async def wait_for(pilot, predicate, tries: int = 200) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not reached")


async def test_read_opens_one_article_and_q_quits() -> None:
    app = NewsreaderApp(Config(), source=str(case_page("02")))
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        screen = app.screen
        assert screen.query_one("#summary-pane").border_title == "Summary"
        assert not screen.has_class("narrow")  # wide: summary beside the story
        blurbs = screen.query_one("#blurbs", OptionList)
        assert blurbs.option_count == 5
        await pilot.press("h")
        assert screen.highlighting
        await pilot.press("t")
        assert screen.query_one("#summary-pane").has_focus
        await pilot.press("b")
        assert blurbs.has_focus
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_narrow_terminal_stacks_panes() -> None:
    app = NewsreaderApp(Config(), source=str(case_page("05")))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        await pilot.pause()
        assert app.screen.has_class("narrow")


async def test_inbox_shows_welcome_articles_and_triage_moves_on() -> None:
    app = NewsreaderApp(Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: len(app.items) == 3)
        screen = app.screen
        assert isinstance(screen, InboxScreen)
        items = screen.query_one("#items", OptionList)
        assert items.option_count == 3
        await pilot.press("r")  # mark read, move to the next unread
        assert app.items[0].read and items.highlighted == 1
        await pilot.press("s")
        assert app.items[1].starred
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.items[1].read
        await pilot.press("q")
        assert isinstance(app.screen, InboxScreen)


async def test_bad_input_is_reported_not_raised(tmp_path: Path) -> None:
    app = NewsreaderApp(Config(), source=str(tmp_path / "missing.html"))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: "no such file" in str(app.screen.query_one(Static).render()))


def test_article_text_is_never_markup() -> None:
    hostile = "[bold]x[/bold] \x1b[31mred\x1b[0m \x1b]0;pwned\x07 [link=http://evil]y[/link]"
    article = Article(title=hostile, blocks=(Block("paragraph", hostile),))
    rendered = text.story(article)
    assert isinstance(rendered, Text)
    assert "[bold]x[/bold]" in rendered.plain and "\x1b" not in rendered.plain
    assert rendered.spans == [] or all(s.style != "bold" for s in rendered.spans)
    assert "[bold]x[/bold]" in text.headline(article).plain
