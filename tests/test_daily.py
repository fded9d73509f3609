"""The daily driver, driven as a person would (Pilot, notifications on where they matter):
feeds managed in the TUI, tags, everything marked read and undone, small terminals, the
story's numbered links, help and palette with the keys in force."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from conftest import respond
from newsweb import serve
from test_tui import QUIET, wait_for
from textual.widgets import Input, OptionList, Static

from newsreader.core.models import Article, Block, Link
from newsreader.core.store import db
from newsreader.tui.app import MainScreen, NewsreaderApp, reader_ready
from newsreader.tui.screens.help import HelpScreen
from newsreader.tui.screens.prompt import PromptScreen

Store = db.Store


def story(title: str, links: tuple[Link, ...] = ()) -> Article:
    text = "The harbour council met again on Monday to discuss the ferry timetable. " * 3
    return Article(title=title, blocks=(Block("paragraph", text, links=links),))


def status(app: NewsreaderApp) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def answer(pilot, app: NewsreaderApp, text: str) -> None:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen))
    app.screen.query_one("#answer", Input).value = text
    await pilot.press("enter")


async def test_feeds_are_added_renamed_tagged_and_removed_in_the_tui(tmp_path: Path) -> None:
    with serve(feeds=2, items=3) as web, Store(tmp_path / "f.db") as store:
        store.add_article(story("Kept by hand"), "kept")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)
            await pilot.press("a")  # add: the page names its feed, which is fetched at once
            await answer(pilot, app, f"{web.base}/articles/f0000/index.html")
            await wait_for(pilot, lambda: len(app.rows) == 4 and len(app.feed_rows) == 1, tries=400)
            assert any("Subscribed to" in n.message and "3 items" in n.message for n in app._notifications)
            await pilot.press("a")  # the same feed again is caught
            await answer(pilot, app, f"{web.base}/feeds/f0000.rss?utm_source=x")
            await wait_for(pilot, lambda: any("Already subscribed" in n.message for n in app._notifications))
            feeds = app.screen.query_one("#feeds", OptionList)
            feeds.focus()
            feeds.highlighted = feeds.option_count - 1  # the feed
            await pilot.press("e")
            await answer(pilot, app, "Harbour feed")
            await wait_for(pilot, lambda: app.feed_rows[0].title == "Harbour feed")
            await pilot.press("T")
            await answer(pilot, app, "local, ferries")
            await wait_for(pilot, lambda: app.feed_rows[0].tags == ("local", "ferries"))
            tag_entry = next(i for i in range(feeds.option_count)
                             if feeds.get_option_at_index(i).id == "tag:ferries")
            feeds.highlighted = tag_entry
            await pilot.press("enter")  # the tags view
            await wait_for(pilot, lambda: len(app.rows) == 3 and "# ferries" in status(app))
            feeds.focus()
            feeds.highlighted = feeds.option_count - 1
            await pilot.press("x")
            await answer(pilot, app, "y")
            await wait_for(pilot, lambda: not app.feed_rows)
        assert [r.title for r in store.items()] == ["Kept by hand"]


async def test_everything_marked_read_and_undone(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        for n in range(5):
            store.add_article(story(f"Story {n}"), f"s{n}")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 5)
            await pilot.press("C")
            await wait_for(pilot, lambda: all(r.read for r in app.rows))
            assert "Marked read 5 items · u to undo" in status(app)
            await pilot.press("u")
            await wait_for(pilot, lambda: not any(r.read for r in app.rows))


async def test_a_small_terminal_folds_the_panes_and_keeps_help_in_the_footer() -> None:
    app = NewsreaderApp(QUIET, article=story("Folded", (Link("one", "http://127.0.0.1:9/x"),)))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        reader = app.screen
        assert reader.has_class("folded")
        assert reader.query_one("#story-pane").size.height >= 10
        footer = " ".join(str(c.render()) for c in reader.query("FooterKey"))
        assert "Help" in footer
        await pilot.press("z")
        assert not reader.has_class("folded")


async def test_numbered_links_open_in_the_reader(tmp_path: Path, local_server) -> None:  # type: ignore[no-untyped-def]
    base, routes = local_server
    para = "<p>The harbour authority said on Tuesday that repairs to the pier would take until spring.</p>"
    routes["/linked"] = respond(f"<html><head><title>Linked story</title></head><body><article><h1>Linked story</h1>{para * 4}</article></body></html>".encode())
    with Store(tmp_path / "l.db") as store:
        store.add_article(story("With links", (Link("a picture", "mailto:x@y"), Link("the story", f"{base}/linked"))), "l")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)
            await pilot.press("enter")
            await wait_for(pilot, lambda: reader_ready(app))
            await pilot.press("1")
            await wait_for(pilot, lambda: any("not a web page" in n.message for n in app._notifications))
            await pilot.press("2")
            await wait_for(pilot, lambda: reader_ready(app) and app.screen.article.title == "Linked story")


async def test_help_and_palette_show_the_keys_in_force(tmp_path: Path) -> None:
    app = NewsreaderApp(dataclasses.replace(QUIET, keys={"star": "x", "search": "f"}), db=str(tmp_path / "h.db"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and len(app.rows) == 3)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict((d, k) for k, d in app.screen.rows)
        assert rows["Star"] == "x" and rows["Search"] == "f" and rows["Help"] == "?"
        assert "enter" in {k for k, _ in app.screen.rows} and "tab" in {k for k, _ in app.screen.rows}
        await pilot.press("escape")
        titles = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert titles["Star"] == "key: x"
        assert {"Mark all read (this list)", "Mark everything read", "Add feed", "Remove feed"} <= set(titles)


async def test_a_timed_refresh_offline_never_covers_the_screen(tmp_path: Path) -> None:
    with Store(tmp_path / "o.db") as store:
        for n in range(3):
            store.add_feed(f"http://127.0.0.1:9/feed{n}.xml")  # nothing listens: as offline
        store.add_article(story("Reading offline"), "r")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)
            app.start_refresh(due_minutes=60)
            await wait_for(pilot, lambda: not app.refreshing and "3 feeds failed" in status(app), tries=400)
            assert not app._notifications  # no toasts
            assert "Errno" not in str(app.feed_rows[0].last_error)
            assert isinstance(app.screen, MainScreen)


async def test_a_quote_keeps_its_bar_on_every_wrapped_line() -> None:
    quote = ("We have waited a very long time for this decision, and the families on the island have "
             "waited longer still; today we can tell them the winter timetable is safe.")
    article = Article(title="Quote", blocks=(Block("paragraph", "The harbour master spoke on Monday."),
                                             Block("quote", quote)))
    app = NewsreaderApp(QUIET, article=article)
    async with app.run_test(size=(60, 30)) as pilot:
        await wait_for(pilot, lambda: reader_ready(app))
        await pilot.pause(0.2)
        lines = [ln for ln in app.screen._story.plain.splitlines() if ln.strip()]
        quoted = [ln for ln in lines if "▌" in ln]
        assert len(quoted) >= 3 and all(ln.startswith("  ▌ ") for ln in quoted)
        assert " ".join(ln[4:].strip() for ln in quoted) == quote
