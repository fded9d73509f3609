"""The TUI driven as a person would, with Pilot."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from conftest import STORY_HTML, page, wait_for
from newsweb import serve
from rich.text import Text
from textual.widgets import Input, OptionList, Static

from newsreader.core.config import Config
from newsreader.core.models import Article, Block
from newsreader.core.store.db import Store
from newsreader.tui import text
from newsreader.tui.app import HelpScreen, MainScreen, NewsreaderApp, ReaderScreen, reader_ready

QUIET = Config(refresh_minutes=0)




async def test_read_opens_one_article_and_q_quits() -> None:
    app = NewsreaderApp(QUIET, source=str(page(STORY_HTML)))
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
    app = NewsreaderApp(QUIET, source=str(page("fr-dump-sur-le-meme-sujet.txt")))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        await pilot.pause()
        assert app.screen.has_class("narrow")


async def test_bad_input_is_reported_not_raised(tmp_path: Path) -> None:
    app = NewsreaderApp(QUIET, source=str(tmp_path / "missing.html"))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: "no such file" in str(app.screen.query_one(Static).render()))


def items_list(app: NewsreaderApp) -> OptionList:
    return app.screen.query_one("#items", OptionList)


async def test_first_run_welcome_and_triage_keys(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    app = NewsreaderApp(QUIET, db=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: len(app.rows) == 3)
        assert isinstance(app.screen, MainScreen)
        assert len(app.feed_rows) == 3  # the starter feeds, waiting for the network
        first, second, third = (r.id for r in app.rows)
        assert "•" in str(app.screen.query_one("#preview-text").render())
        await pilot.press("r")  # read: saved, and the cursor moves to the next unread
        await wait_for(pilot, lambda: items_list(app).highlighted == 1)
        await pilot.press("s")  # every triage key saves and moves on
        assert app.rows[1].starred
        await wait_for(pilot, lambda: items_list(app).highlighted == 2)
        await pilot.press("l")
        assert app.rows[2].later
        await pilot.press("d")  # dismissed items leave the list ...
        await wait_for(pilot, lambda: len(app.rows) == 2)
        await pilot.press("u")  # ... and come back with undo
        await wait_for(pilot, lambda: len(app.rows) == 3)
        await pilot.press("k", "k", "n")
        await wait_for(pilot, lambda: items_list(app).highlighted is not None)
        await pilot.press("enter")
        await wait_for(pilot, lambda: reader_ready(app))
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        opened = reader.item_id
        await pilot.press("n")  # next unread, without leaving the reader
        await wait_for(pilot, lambda: reader.item_id != opened)
        await pilot.press("q")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        assert search.has_focus
        await pilot.press(*"title:keys", "enter")  # the query language: a word in the title
        await wait_for(pilot, lambda: [r.title for r in app.rows] == ["Keys that clear an inbox with one hand"])
        await pilot.press("escape")
        await wait_for(pilot, lambda: len(app.rows) == 3)
        await pilot.pause(0.3)  # let the save workers finish
    with Store(db) as store:  # nothing shown as done was lost
        rows = {r.id: r for r in store.items(include_dismissed=True)}
        assert rows[first].read
        assert rows[second].starred and rows[third].later and not rows[third].dismissed
        assert store.integrity_ok()


async def test_refresh_arrives_while_reading(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with serve(feeds=2, items=3) as web, Store(db) as store:
        for url in web.feed_urls():
            store.add_feed(url)
        store.add_article(Article(title="Already here", blocks=(Block("paragraph", "Some text to read."),)), "x")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(160, 48)) as pilot:
            await wait_for(pilot, lambda: len(app.rows) >= 1)
            await pilot.press("enter")
            await wait_for(pilot, lambda: reader_ready(app))
            app.start_refresh()  # as if R were pressed from the list; the reader stays open
            await wait_for(pilot, lambda: not app.refreshing and len(app.rows) == 7, tries=600)
            assert isinstance(app.screen, ReaderScreen)
            await pilot.press("q")
            await wait_for(pilot, lambda: items_list(app).option_count == 7)


def test_article_text_is_never_markup() -> None:
    hostile = "[bold]x[/bold] \x1b[31mred\x1b[0m \x1b]0;pwned\x07 [link=http://evil]y[/link]"
    article = Article(title=hostile, blocks=(Block("paragraph", hostile),))
    rendered = text.story(article)
    assert isinstance(rendered, Text)
    assert "[bold]x[/bold]" in rendered.plain and "\x1b" not in rendered.plain
    assert all(s.style != "bold" for s in rendered.spans)
    assert "[bold]x[/bold]" in text.headline(article).plain


def test_code_keeps_its_lines_set_in_in_the_reader_and_in_plain_text() -> None:
    from newsreader.core.render import article_text

    article = Article(title="t", blocks=(Block("paragraph", "Run this:"),
                                         Block("code", "def f(x):\n\n    return x[0]"), Block("paragraph", "Done.")))
    assert "Run this:\n\n    def f(x):\n\n        return x[0]\n\nDone." in text.story(article).plain
    assert "Run this:\n\n    def f(x):\n\n        return x[0]\n\nDone." in article_text(article)




async def test_keys_can_be_remapped(tmp_path: Path) -> None:
    app = NewsreaderApp(dataclasses.replace(QUIET, keys={"star": "x"}), db=str(tmp_path / "k.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: len(app.rows) == 3)
        await pilot.press("x")
        assert app.rows[0].starred


async def test_palette_browser_copy_and_paging_keys(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    copied: list[str] = []
    app = NewsreaderApp(QUIET, source=str(page(STORY_HTML)))

    class Browser:
        def open(self, url: str) -> bool:
            opened.append(url)
            return True

    monkeypatch.setattr("newsreader.tui.app.webbrowser.get", lambda name=None: Browser())
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: copied.append(text))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Highlight", "Blurbs", "Browser", "Copy URL", "Summary/story"} <= set(commands)
        await pilot.press("o", "y")
        await wait_for(pilot, lambda: bool(opened))
        assert opened == copied and opened[0].startswith("https://")
        story = app.screen.query_one("#story-pane")
        await pilot.press("space")
        await wait_for(pilot, lambda: story.scroll_y > 0)
        await pilot.press("tab")
        assert not story.has_focus
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: "CommandPalette" in type(app.screen).__name__)
        await pilot.press(*"highlight", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.highlighting)


async def test_a_missing_browser_is_reported_not_raised() -> None:
    app = NewsreaderApp(dataclasses.replace(QUIET, browser="no-such-browser-here"), source=str(page(STORY_HTML)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: any("no-such-browser-here" in n.message for n in app._notifications))
        assert reader_ready(app)  # still reading


def test_due_feeds_only(tmp_path: Path) -> None:
    import asyncio
    import time

    from newsreader.core.feeds.refresh import refresh

    with Store(tmp_path / "d.db") as store:
        store.add_feed("http://127.0.0.1:9/never", refresh_minutes=30)
        feed_id, _ = store.add_feed("http://127.0.0.1:9/fresh")
        store.record_not_modified([(feed_id, None, None)])  # just refreshed
        totals = asyncio.run(refresh(store, full_text=False, due_minutes=60))
        assert totals.feeds == 1  # only the never-fetched feed was due
        never = next(f for f in store.feeds() if f.url.endswith("never"))
        assert never.last_error and time.time() - never.last_attempt < 60
        again = asyncio.run(refresh(store, full_text=False, due_minutes=60))
        assert again.feeds == 0  # a failing feed waits its interval too


async def test_blurbs_open_in_the_reader_and_save_as_items(tmp_path: Path, local_server) -> None:  # type: ignore[no-untyped-def]
    from conftest import respond

    from newsreader.core.models import Blurb

    base, routes = local_server
    para = "<p>The harbour authority said on Tuesday that repairs to the pier would take until spring.</p>"
    routes["/other"] = respond(f"<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>{para * 4}</article></body></html>".encode())
    article = Article(title="Pier repairs", blocks=(Block("paragraph", "Repairs will take until the spring."),),
                      blurbs=(Blurb("Ferry fares rise", "Fares go up in May.", None, f"{base}/other"),))
    with Store(tmp_path / "b.db") as store:
        store.add_article(article, "pier")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: len(app.rows) >= 1)
            await pilot.press("enter")
            await wait_for(pilot, lambda: reader_ready(app))
            await pilot.press("b", "a")  # save the blurb as an item of its own
            await wait_for(pilot, lambda: len(app.rows) == 2)
            await pilot.press("enter")  # open the blurb in the reader
            await wait_for(pilot, lambda: reader_ready(app) and app.screen.article.title == "Ferry fares rise")


async def test_summary_sentence_is_found_in_the_story() -> None:
    from newsreader.core.models import SummarySentence

    blocks = tuple(Block("paragraph", f"Paragraph {i} says something about the harbour budget and the vote.")
                   for i in range(60))
    target = blocks[45].text
    article = Article(title="Long story", blocks=blocks,
                      summary=(SummarySentence(target, 45, 0, len(target)),))
    app = NewsreaderApp(QUIET, source="unused")

    async def opened(pilot) -> None:  # type: ignore[no-untyped-def]
        await app.push_screen(ReaderScreen(article, quit_on_back=True))
        await wait_for(pilot, lambda: reader_ready(app))

    async with app.run_test(size=(160, 40)) as pilot:
        await opened(pilot)
        reader = app.screen
        story = reader.query_one("#story-pane")
        assert story.scroll_y == 0
        await pilot.press("t")
        assert reader.query_one("#summary-pane").has_focus
        await pilot.press("enter")
        await wait_for(pilot, lambda: story.scroll_y > 0)
        assert reader.highlighting and story.has_focus
        line = 45 * 2  # each block is a line and a blank line at this width
        assert story.scroll_y <= line < story.scroll_y + story.size.height  # the sentence is in view


async def test_feed_errors_show_when_the_feed_is_highlighted(tmp_path: Path) -> None:
    with Store(tmp_path / "e.db") as store:
        feed_id, _ = store.add_feed("https://broken.example/rss", title="Broken feed")
        store.record_feed_error(feed_id, "HTTP 500 Internal Server Error from https://broken.example/rss")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.screen.query_one("#feeds", OptionList).option_count == 6)
            feeds = app.screen.query_one("#feeds", OptionList)
            feeds.focus()
            feeds.highlighted = 5
            await wait_for(pilot, lambda: "HTTP 500" in str(app.screen.query_one("#status", Static).render()))


async def test_an_index_page_says_why_it_has_no_summary() -> None:
    """A section front read as an index: its stories in the story pane, each also a blurb,
    and the summary pane says why there is no summary rather than "No summary."."""
    from newsreader.core.models import Blurb, Link

    cards = [Blurb(f"Story {i} of the front page", f"Standfirst {i}.", url=f"https://x.example/{i}") for i in range(9)]
    blocks = tuple(b for c in cards for b in (Block("heading", c.title, 3, (Link(c.title, c.url or ""),)),
                                               Block("paragraph", c.text)))
    article = Article(title="The Lindenfeld Courier", blocks=blocks, blurbs=tuple(cards), kind="index")
    app = NewsreaderApp(QUIET, source="unused")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(ReaderScreen(article, quit_on_back=True))
        await wait_for(pilot, lambda: reader_ready(app))
        summary = app.screen.query_one("#summary-pane", OptionList)
        note = str(summary.get_option_at_index(0).prompt)
        assert note == "No summary: a page of 9 other stories, each a blurb below."
        assert app.screen.query_one("#blurbs", OptionList).option_count == 9
