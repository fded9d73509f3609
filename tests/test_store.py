"""Store: migrations, concurrent writers, states, search."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.core.feeds.parse import FeedEntry
from newsreader.core.query import QueryError
from newsreader.core.store.db import Store
from newsreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION, statements


def test_older_schema_migrates_forward_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in statements(str(MIGRATIONS[0])):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO feeds (url, added) VALUES ('https://a.example/feed', 0)")
    db.execute("INSERT INTO items (key, title, added, read_at) VALUES ('k', 'Old item', 0, 5)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        (item,) = store.items()
        assert item.title == "Old item" and item.read and item.summary == ""
        assert store.feeds()[0].url == "https://a.example/feed"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    import pytest

    from newsreader.core.errors import NewsreaderError

    path = tmp_path / "new.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}").connection.close()
    with pytest.raises(NewsreaderError, match="newer"):
        Store(path)


WRITER = """
import sys, time
from newsreader.core.store.db import Store
from newsreader.core.feeds.parse import FeedEntry
store = Store(sys.argv[1])
feed, _ = store.add_feed('https://w%s.example/feed' % sys.argv[2])
for batch in range(20):
    store.store_entries(feed, [FeedEntry(f'{sys.argv[2]}-{batch}-{i}', f'https://w.example/{sys.argv[2]}/{batch}/{i}', 't', None, '') for i in range(50)],
                        title=None, site_url=None, etag=None, last_modified=None)
print('ok')
"""


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    Store(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(n)], stdout=subprocess.PIPE, text=True)
             for n in range(2)]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert outputs == ["ok", "ok"]
    with Store(path) as store:
        assert store.counts()["items"] == 2000 and store.integrity_ok()


def test_states_and_search(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        feed, _ = store.add_feed("https://f.example/rss")
        ids = store.store_entries(feed, [FeedEntry("1", "https://f.example/1", "Harbour café reopens", None, ""),
                                         FeedEntry("2", "https://f.example/2", "Budget vote delayed", None, "")],
                                  title="F", site_url=None, etag=None, last_modified=None)
        store.set_state(ids[0], "starred", True)
        store.set_state(ids[1], "dismissed", True)
        assert [i.id for i in store.items(state="starred")] == [ids[0]]
        assert [i.id for i in store.items()] == [ids[0]]
        assert [i.id for i in store.items(query="cafe")] == [ids[0]]  # diacritics folded
        assert [i.id for i in store.items(query='harb* "*"')] == [ids[0]]  # quotes cannot break FTS syntax
        assert [i.id for i in store.items(query="harbours")] == [ids[0]]  # stemmed
        assert store.items(query="harb") == []  # whole words, unless a * asks for a prefix
        with pytest.raises(QueryError, match="unclosed quote"):
            store.items(query='harb "')
        store.set_state(ids[1], "dismissed", False)
        assert len(store.items()) == 2
        store.set_state(ids[1], "read", True)
        (counted,) = store.feeds()
        (bare,) = store.feeds(counts=False)  # what a refresh reads: no count join
        assert (counted.items, counted.unread) == (2, 1)
        assert (bare.items, bare.unread) == (0, 0) and bare.url == counted.url and bare.id == counted.id
