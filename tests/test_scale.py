"""A store of any size: keyset pages that reach every item, the hot queries on their
indexes (EXPLAIN QUERY PLAN), compact bodies, migration of an older store, retention."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import wait_for

from newsreader.core.config import FeedConfig, Retention
from newsreader.core.feeds.parse import FeedEntry
from newsreader.core.models import Article, Block
from newsreader.core.retention import cleanup
from newsreader.core.store import listing
from newsreader.core.store.db import Store
from newsreader.core.store.listing import ItemFilter
from newsreader.core.store.schema import MIGRATIONS, statements


def fill(store: Store, feeds: int, per_feed: int, start: float | None = None) -> list[int]:
    start = start or time.time()
    ids: list[int] = []
    for f in range(feeds):
        feed, _ = store.add_feed(f"https://f{f}.example/rss", title=f"Feed {f}")
        # Some items share a date: pages must still neither skip nor repeat them.
        entries = [FeedEntry(f"{f}-{i}", f"https://f{f}.example/{i}", f"Story {f}-{i} harbour",
                             start - (i // 3) * 60, "") for i in range(per_feed)]
        ids += store.store_entries(feed, entries, title=None, site_url=None, etag=None, last_modified=None)
    return ids


def all_pages(store: Store, chosen: ItemFilter, size: int) -> list[int]:
    seen: list[int] = []
    cursor = None
    while True:
        page = store.items(chosen, after=cursor, limit=size)
        seen += [r.id for r in page]
        if len(page) < size:
            return seen
        cursor = (page[-1].published or 0.0, page[-1].id)


@pytest.mark.parametrize("chosen", [ItemFilter(), ItemFilter(state="unread"), ItemFilter(feed_id=2),
                                    ItemFilter(query="harbour"), ItemFilter(query="harbour feed:f1"),
                                    ItemFilter(state="starred")])
def test_pages_reach_every_item_once(tmp_path: Path, chosen: ItemFilter) -> None:
    with Store(tmp_path / "p.db") as store:
        ids = fill(store, 3, 70)
        store.set_states(ids[::2], "read", True)
        store.set_states(ids[::5], "starred", True)
        whole = [r.id for r in store.items(chosen, limit=-1)]
        paged = all_pages(store, chosen, 17)
        assert paged == whole and len(set(paged)) == len(paged) and paged
        assert store.count(chosen)[0] == len(whole)


def plan(store: Store, sql: str, params: tuple[object, ...] | list[object]) -> str:
    return " | ".join(row[3] for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_hot_queries_use_their_indexes(tmp_path: Path) -> None:
    """What a refresh and the first screen run must not scan the items table, or their
    cost would grow with the store."""
    with Store(tmp_path / "x.db") as store:
        fill(store, 2, 30)
        # A refresh: is this entry known to this feed, removed by a clean-up, or known by URL?
        assert "USING INDEX sqlite_autoindex_feed_items_1" in plan(
            store, "SELECT item_id FROM feed_items WHERE feed_id = ? AND guid = ?", (1, "g"))
        assert "USING PRIMARY KEY" in plan(store, "SELECT 1 FROM gone WHERE feed_id = ? AND guid = ?", (1, "g"))
        assert "USING COVERING INDEX sqlite_autoindex_items_1" in plan(
            store, "SELECT id FROM items WHERE key = ?", ("k",))
        # A refresh: the pages still to read.
        pending = plan(store, "SELECT i.id FROM items i INDEXED BY items_pending WHERE i.extracted_at IS NULL"
                              " ORDER BY i.id", ())
        assert "items_pending" in pending
        # The first screen: a page of each view, read in order from an index.
        for chosen, index in ((ItemFilter(), "items_order"), (ItemFilter(state="unread"), "items_unread"),
                              (ItemFilter(state="starred"), "items_starred"),
                              (ItemFilter(state="later"), "items_later"),
                              (ItemFilter(state="dismissed"), "items_dismissed")):
            chosen_plan = listing.plan(chosen)
            text = plan(store, f"SELECT i.id FROM {chosen_plan.source} WHERE {chosen_plan.where}"
                               f" ORDER BY {chosen_plan.order} LIMIT 200", chosen_plan.params)
            assert index in text and "TEMP B-TREE" not in text, (chosen, text)
            assert not re.search(r"SCAN i(?! USING)", text), text  # never the whole table
        # A search is driven by the index in its own order: no sort of every match.
        searched = listing.plan(ItemFilter(query="harbour is:unread"))
        text = plan(store, f"SELECT i.id FROM {searched.source} WHERE {searched.where}"
                           f" ORDER BY {searched.order} LIMIT 200", searched.params)
        assert text.startswith("SCAN items_fts VIRTUAL TABLE") and "TEMP B-TREE" not in text, text
        # The feeds pane's unread counts read the unread index, not every item.
        text = plan(store, "SELECT fi.feed_id, COUNT(*) FROM items i INDEXED BY items_unread"
                           " JOIN feed_items fi ON fi.item_id = i.id WHERE i.read_at IS NULL"
                           " AND i.dismissed_at IS NULL GROUP BY fi.feed_id", ())
        assert "items_unread" in text


def test_bodies_are_compressed_and_searchable(tmp_path: Path) -> None:
    text = "The harbour wall will be repaired over the winter, the council said. " * 40
    with Store(tmp_path / "c.db") as store:
        item = store.add_article(Article(title="Wall", blocks=(Block("paragraph", text),)), "wall")
        (blob,) = store._db.execute("SELECT article FROM bodies WHERE item_id = ?", (item,)).fetchone()
        assert isinstance(blob, bytes) and len(blob) < len(text) / 5
        assert store.article(item).text == text.strip() or store.article(item).text == text  # type: ignore[union-attr]
        assert [r.id for r in store.items(query="repaired council")] == [item]
        store.remove_items([item])
        assert store.items(query="repaired") == []
        assert store._db.execute("SELECT COUNT(*) FROM bodies").fetchone()[0] == 0


def test_store_of_schema_2_moves_its_bodies_and_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:2]:
        for statement in statements(str(migration)):
            db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO feeds (id, url, added) VALUES (1, 'https://a.example/feed', 0)")
    db.execute("INSERT INTO items (id, key, title, added, published, read_at, text, article, feed_content)"
               " VALUES (1, 'k', 'Old story', 0, 5, 7, 'ferry timetable changes',"
               " '{\"title\":\"Old story\",\"blocks\":[[\"paragraph\",\"ferry timetable changes\",0,[]]]}', '<p>x</p>')")
    db.execute("INSERT INTO feed_items VALUES (1, 'g', 1)")
    db.commit()
    db.close()
    with Store(path) as store:
        (item,) = store.items(query="ferry")
        assert item.title == "Old story" and item.read
        assert store.article(1).text == "ferry timetable changes"  # type: ignore[union-attr]
        assert store.item_detail(1)["feed_content"] == "<p>x</p>"  # type: ignore[index]
        assert store.items(query="is:read ferry") and store.items(query="words:3")
        assert store.integrity_ok()


def test_retention_keeps_what_the_person_kept(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as store:
        ids = fill(store, 2, 10, start=time.time() - 100 * 86400)  # every item 100 days old
        saved = store.add_article(Article(title="Saved page", blocks=(Block("paragraph", "x"),)), "page")
        store._db.execute("UPDATE items SET published = 0 WHERE id = ?", (saved,))
        store.set_states(ids, "read", True)
        store.set_state(ids[0], "starred", True)
        store.set_state(ids[1], "later", True)
        store.set_state(ids[2], "read", False)  # unread
        keep = Retention(max_age_days=30)
        would = cleanup(store, keep, dry_run=True)
        assert {r.item_id for r in would} == set(ids) - {ids[0], ids[1], ids[2]}
        assert all("older than 30 days" in r.why for r in would)
        assert store.count(ItemFilter(include_hidden=True))[0] == 21  # a dry run removes nothing
        removed = cleanup(store, keep)
        assert len(removed) == 17
        left = {r.id for r in store.items(limit=-1)}
        assert left == {ids[0], ids[1], ids[2], saved}
        # The feed still lists the removed items: they do not come back.
        feed_id = store.feed_id("https://f0.example/rss")
        again = [FeedEntry(f"0-{i}", f"https://f0.example/{i}", "again", None, "") for i in range(10)]
        assert store.store_entries(feed_id, again, title=None, site_url=None, etag=None,  # type: ignore[arg-type]
                                   last_modified=None) == []
        # Unread items go too when asked.
        assert [r.item_id for r in cleanup(store, Retention(max_age_days=30, keep_unread=False))] == [ids[2]]


def test_retention_by_count_per_feed_and_shared_items(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        ids = fill(store, 2, 10)
        store.set_states(ids, "read", True)
        # Item 0-9 (the oldest of feed 0) is also in feed 1's newest: it stays.
        shared = ids[9]
        store._db.execute("INSERT INTO feed_items VALUES (2, 'shared', ?)", (shared,))
        store._db.execute("UPDATE items SET published = ? WHERE id = ?", (time.time() - 10 * 86400, shared))
        feeds = (FeedConfig("https://f1.example/rss", max_items=20),)
        feed_0 = [r.id for r in store.items(feed_id=1, limit=-1)]
        removed = {r.item_id for r in cleanup(store, Retention(feed_max_items=4), feeds)}
        assert removed == set(feed_0[4:]) - {shared}  # feed 0 keeps its newest 4; feed 1 its own 20
        assert shared not in removed
        beyond_5 = {r.id for r in store.items(limit=-1)[5:]}
        assert {r.item_id for r in cleanup(store, Retention(max_items=5), feeds)} == beyond_5


def test_cleanup_command(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    config = tmp_path / "c.toml"
    with Store(db) as store:
        ids = fill(store, 1, 5, start=time.time() - 90 * 86400)
        store.set_states(ids, "read", True)
    run = [sys.executable, "-m", "newsreader", "--db", str(db), "--config", str(config), "cleanup"]
    config.write_text("")
    no_limits = subprocess.run(run, capture_output=True, text=True)
    assert no_limits.returncode == 2 and "no limits set" in no_limits.stderr
    config.write_text("[retention]\nmax_age_days = 30\n")
    dry = subprocess.run([*run, "--dry-run", "--format", "json"], capture_output=True, text=True)
    assert dry.returncode == 0 and len(dry.stdout.splitlines()) == 5 and '"dry_run": true' in dry.stdout
    done = subprocess.run(run, capture_output=True, text=True)
    assert done.returncode == 0 and "removed 5 items" in done.stderr
    with Store(db) as store:
        assert store.items() == []




async def test_the_list_pages_as_the_cursor_moves(tmp_path: Path) -> None:
    """The first screen loads one page; moving down loads the next before the cursor gets
    there; every item is reachable; A reads the whole list, not only the rows loaded."""
    from textual.widgets import OptionList

    from newsreader.core.config import Config
    from newsreader.tui.app import MainScreen, NewsreaderApp

    with Store(tmp_path / "t.db") as store:
        fill(store, 1, 450)
        app = NewsreaderApp(Config(refresh_minutes=0), store=store)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and app.rows)
            assert len(app.rows) == app.PAGE < 450
            status = app.screen.query_one("#status")
            await wait_for(pilot, lambda: "450 items, 450 unread" in str(status.render()))
            options = app.screen.query_one("#items", OptionList)
            options.highlighted = app.PAGE - 50  # within LOAD_AHEAD rows of the end
            await pilot.press("j")
            await wait_for(pilot, lambda: len(app.rows) == 2 * app.PAGE, note=lambda: (len(app.rows), options.highlighted))
            assert options.option_count == len(app.rows)
            options.highlighted = len(app.rows) - 10
            await pilot.press("j")
            await wait_for(pilot, lambda: len(app.rows) == 450)
            assert len({r.id for r in app.rows}) == 450
            await pilot.press("r")  # triage on a later page: the counts follow without a recount
            await wait_for(pilot, lambda: "450 items, 449 unread" in str(status.render()))
            await pilot.press("A")
            await wait_for(pilot, lambda: store.count(ItemFilter())[1] == 0)
            await pilot.press("u")
            await wait_for(pilot, lambda: store.count(ItemFilter())[1] == 449)
