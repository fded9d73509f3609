"""Nothing lost, nothing crashes: kept items survive unsubscribing, untrusted text is never
markup (toasts included, with notifications on), a failed save or worker is reported and
rolled back, and the exit codes mean what the README says."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import STORY_HTML, page, respond
from test_tui import QUIET, items_list, wait_for

from newsreader.core import library
from newsreader.core.config import parse_config
from newsreader.core.errors import StoreError
from newsreader.core.io.fetch import FetchSettings
from newsreader.core.models import Article, Block, Blurb
from newsreader.core.settings import SummarySettings
from newsreader.core.store.db import Store
from newsreader.tui.app import MainScreen, NewsreaderApp, ReaderScreen, reader_ready

HOSTILE = "Storm [/b] warning [@click=app.quit]quit[/] [VIDEO] \x1b[31mred"


def story(title: str, words: int = 40) -> Article:
    return Article(title=title, blocks=(Block("paragraph", "The harbour council met again. " * (words // 5)),))


def feed_with_items(store: Store, url: str, guids: list[str]) -> int:
    from newsreader.core.feeds.parse import FeedEntry

    feed_id, _ = store.add_feed(url)
    entries = [FeedEntry(guid=g, url=f"{url}/{g}", title=f"Item {g}", published=None, author=None, content="")
               for g in guids]
    store.store_entries(feed_id, entries, title=None, site_url=None, etag=None, last_modified=None)
    return feed_id


# ---------------------------------------------------------------- data loss


def test_removing_a_feed_keeps_kept_items_and_never_touches_another_feed(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        saved = store.add_article(story("A saved blurb"), "blurb")  # no feed carries it
        welcome = store.add_article(story("Welcome"), "welcome")
        store.set_state(welcome, "read", True)
        feed_with_items(store, "https://a.example/rss", ["a1", "a2", "a3"])
        feed_with_items(store, "https://b.example/rss", ["b1", "b2"])
        by_title = {r.title: r.id for r in store.items()}
        store.set_state(by_title["Item a1"], "starred", True)
        store.set_state(by_title["Item a2"], "later", True)
        assert store.remove_feed("https://b.example/rss")  # an unrelated feed
        left = {r.title for r in store.items(include_dismissed=True)}
        assert {"A saved blurb", "Welcome", "Item a1", "Item a2", "Item a3"} <= left
        assert not {"Item b1", "Item b2"} & left  # its own unkept items go
        assert store.remove_feed("https://a.example/rss")
        left = {r.id for r in store.items(include_dismissed=True)}
        assert {saved, welcome, by_title["Item a1"], by_title["Item a2"]} == left


def test_an_item_two_feeds_carry_stays_with_the_other(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        feed_with_items(store, "https://a.example/rss", ["x"])
        from newsreader.core.feeds.parse import FeedEntry

        feed_id, _ = store.add_feed("https://b.example/rss")
        same = FeedEntry(guid="other", url="https://a.example/rss/x", title="Item x", published=None,
                         author=None, content="")
        store.store_entries(feed_id, [same], title=None, site_url=None, etag=None, last_modified=None)
        store.remove_feed("https://a.example/rss")
        assert [r.title for r in store.items()] == ["Item x"]


def test_saving_a_blurb_whose_page_fails_keeps_its_title_and_text(tmp_path: Path, local_server) -> None:  # type: ignore[no-untyped-def]
    base, routes = local_server
    routes["/gone"] = respond(b"gone", status=404)
    blurb = Blurb("Ferry fares rise in May", "Fares go up by ten per cent on the island route.",
                  "Harbour Post", f"{base}/gone")
    with Store(tmp_path / "b.db") as store:
        item_id, problem = library.save_blurb(store, blurb, SummarySettings(), FetchSettings(timeout=5))
        assert problem and "404" in problem
        article = store.article(item_id)
        assert article is not None and article.title == blurb.title
        assert blurb.text in article.text and article.publisher == "Harbour Post"


# ---------------------------------------------------------------- markup and crashes


async def test_hostile_titles_and_errors_in_toasts_are_shown_literally(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        store.add_article(story(HOSTILE), "x")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)
            app.say(f"Could not open {HOSTILE}", severity="error")
            app.on_open_link(type("M", (), {"url": None})())  # type: ignore[arg-type]
            await pilot.pause(0.2)
            shown = [n.message for n in app._notifications]
            assert any("[/b]" in m and "[@click=app.quit]" in m and "[VIDEO]" in m for m in shown)
            assert all("\x1b" not in m for m in shown)
            await pilot.press("enter")
            await wait_for(pilot, lambda: reader_ready(app))
            assert "[VIDEO]" in str(app.screen.query_one("#headline").render())
            assert app.is_running  # no MarkupError, and [@click=app.quit] did nothing


async def test_a_missing_page_with_markup_in_its_name_is_reported(tmp_path: Path) -> None:
    app = NewsreaderApp(QUIET, source=str(tmp_path / "missing[/b]page.html"))
    async with app.run_test(notifications=True) as pilot:
        await wait_for(pilot, lambda: any("missing[/b]page.html" in n.message for n in app._notifications))
        assert app.is_running


async def test_a_failed_save_is_reported_and_the_row_goes_back(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "f.db") as store:
        store.add_article(story("Only item"), "x")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)

            def locked(*args: object) -> None:
                raise StoreError("store s.db: database is locked")

            monkeypatch.setattr(store, "set_states", locked)
            await pilot.press("s")
            await wait_for(pilot, lambda: any("database is locked" in n.message for n in app._notifications))
            await wait_for(pilot, lambda: not app.rows[0].starred)  # the store's truth, shown again
            assert app.undo_stack == []


async def test_an_unexpected_worker_error_is_a_toast_not_a_crash(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    with Store(tmp_path / "w.db") as store:
        store.add_article(story("Only item"), "x")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)

            def full(*args: object, **kwargs: object) -> None:
                raise sqlite3.OperationalError("database or disk is full")

            monkeypatch.setattr(store, "items", full)
            await pilot.press("slash", *"harbour", "enter")
            await wait_for(pilot, lambda: any("disk is full" in n.message for n in app._notifications))
            assert app.is_running and isinstance(app.screen, MainScreen)


async def test_an_older_list_never_replaces_a_newer_one(tmp_path: Path) -> None:
    from newsreader.tui.messages import ItemsLoaded

    with Store(tmp_path / "o.db") as store:
        store.add_article(story("Only item"), "x")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)
            app.post_message(ItemsLoaded([], [], None, [], generation=app._items_asked - 1))
            await pilot.pause(0.2)
            assert len(app.rows) == 1


# ---------------------------------------------------------------- behaviour


async def test_r_in_the_reader_means_done_and_moves_on(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        for n in range(3):
            store.add_article(story(f"Story {n}"), f"s{n}")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 3)
            await pilot.press("enter")
            await wait_for(pilot, lambda: reader_ready(app))
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            first = reader.item_id
            await wait_for(pilot, lambda: app.rows[0].read)  # opening marked it read
            await pilot.press("r")
            await wait_for(pilot, lambda: reader.item_id != first)
            assert app.rows[0].read  # still read: r never toggles back to unread here
            await pilot.press("q")
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
            await pilot.pause(0.3)
        rows = {r.id: r for r in store.items()}
        assert rows[first].read  # type: ignore[index]


async def test_o_with_no_browser_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import webbrowser

    def none(name: str | None = None) -> None:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr("newsreader.tui.app.webbrowser.get", none)
    with Store(tmp_path / "o.db") as store:
        store.add_article(dataclasses.replace(story("Linked"), url="https://x.example/a"), "x")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 1)
            await pilot.press("o")
            await wait_for(pilot, lambda: any("No browser found" in n.message for n in app._notifications))


async def test_a_to_mark_all_read_and_u_to_undo(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        for n in range(4):
            store.add_article(story(f"Story {n}"), f"s{n}")
        app = NewsreaderApp(dataclasses.replace(QUIET, feeds=()), store=store)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: len(app.rows) == 4)
            await pilot.press("A")
            await wait_for(pilot, lambda: all(r.read for r in app.rows))
            assert "Marked read 4 items" in str(app.screen.query_one("#status").render())
            await pilot.press("u")
            await wait_for(pilot, lambda: not any(r.read for r in app.rows))
            assert items_list(app).option_count == 4


def test_interval_zero_means_never() -> None:
    assert parse_config({"refresh": {"interval_minutes": 0}}).refresh_minutes == 0
    assert parse_config({}).refresh_minutes == 60
    from newsreader.core.errors import ConfigError

    with pytest.raises(ConfigError, match=r"fetch\.concurrency must be at least 1"):
        parse_config({"fetch": {"concurrency": 0}})


# ---------------------------------------------------------------- the command line


def cli(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSREADER_DB": str(db), "HOME": str(db.parent),
           "XDG_CONFIG_HOME": str(db.parent / "cfg")}
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, text=True,
                          env=env, timeout=120, input=stdin)


def test_read_of_a_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    done = cli("read", str(tmp_path / "nonexistent.html"), db=tmp_path / "r.db")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "no such file" in done.stderr
    assert done.stderr.count("nonexistent.html") == 1 and done.stdout == ""


def test_exit_codes(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    added = cli("add", "http://127.0.0.1:9/feed.xml", db=db)  # nothing listens on port 9
    assert added.returncode == 1 and added.stderr.count("\n") == 1
    assert cli("add", "--no-such-flag", db=db).returncode == 2
    with Store(db) as store:
        store.add_feed("http://127.0.0.1:9/a.xml")
    refreshed = cli("refresh", "--feeds-only", "--json", db=db)
    assert refreshed.returncode == 1  # every feed failed
    assert json.loads(refreshed.stdout.strip().splitlines()[-1])["feed_errors"] == 1
    assert cli("remove", "http://nowhere.example/rss", db=db).returncode == 1
    bad = tmp_path / "bad.toml"
    bad.write_text("[fetch]\nconcurrency = 0\n")
    assert cli("--config", str(bad), "feeds", db=db).returncode == 2


def test_extract_keeps_going_past_a_page_that_breaks_a_library(tmp_path: Path) -> None:
    """A page whose head never closes its <title> once made readability raise
    AssertionError and killed the batch; any exception is now that input's record."""
    broken = tmp_path / "runaway-title.html"
    broken.write_text("<html><head><title>Harbour news\n<meta charset=utf-8></head><body><article>"
                      + "<p>The council met on Monday night and agreed to keep the library open.</p>" * 6
                      + "</article></body></html>")
    done = cli("extract", "--format", "json", str(page("en-herons-no-blurbs.txt")), str(broken),
               str(page(STORY_HTML)), db=tmp_path / "x.db")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 3 and all(r["error"] is None for r in records), done.stderr
    assert records[1]["title"] == "Harbour news"


def test_items_and_mark_commands(tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    with Store(db) as store:
        feed_with_items(store, "https://a.example/rss", ["a1", "a2", "a3"])
        store.add_article(story("Saved page"), "saved")
    out = cli("items", "--format", "json", db=db)
    assert out.returncode == 0
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) == 4
    assert set(records[0]) == {"id", "feed_url", "feed_title", "url", "title", "published", "read",
                               "starred", "later", "dismissed"}
    a1 = next(r for r in records if r["title"] == "Item a1")
    assert a1["feed_url"] == "https://a.example/rss"
    assert cli("mark", "--star", str(a1["id"]), db=db).returncode == 0
    a2 = next(r for r in records if r["title"] == "Item a2")
    assert cli("mark", "--dismiss", str(a2["id"]), "999999", db=db).returncode == 1  # one id unknown
    starred = [json.loads(line) for line in cli("items", "--view", "starred", "--format", "json", db=db).stdout.splitlines()]
    assert [r["id"] for r in starred] == [a1["id"]]
    dismissed = [json.loads(line) for line in cli("items", "--view", "dismissed", "--format", "json", db=db).stdout.splitlines()]
    assert [r["id"] for r in dismissed] == [a2["id"]] and dismissed[0]["dismissed"]
    assert cli("mark", "--read", "--all", "--feed", "https://a.example/rss", db=db).returncode == 0
    unread = [json.loads(line) for line in cli("items", "--view", "unread", "--format", "json", db=db).stdout.splitlines()]
    assert [r["title"] for r in unread] == ["Saved page"]  # a2 is dismissed, the rest read
    assert cli("mark", "--star", "--all", db=db).returncode == 2
    search = cli("items", "--search", "saved", "--format", "json", db=db).stdout.splitlines()
    assert len(search) == 1
