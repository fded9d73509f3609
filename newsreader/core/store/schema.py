"""The store's schema, as the migrations that build it: ``PRAGMA user_version`` holds
how many have run, and opening an older file runs the rest, each in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from newsreader.core.store.bodies import pack
from newsreader.core.wordcount import count_words

# Words are matched whole, after English stemming ("harbours" finds "harbour"); a word
# ending in * is a prefix.  Prefixes of every word, as before, made a 3-letter word cost a
# merge of hundreds of terms' lists: seconds at a million items.
FTS = ("CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='',"
       " tokenize='porter unicode61 remove_diacritics 2')")


def _compact(db: sqlite3.Connection) -> None:
    """3: bodies compressed in a table of their own, a contentless search index, the
    columns rules and saved searches need, and tombstones for items a clean-up removed."""
    for statement in (
        "ALTER TABLE items ADD COLUMN words INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE items ADD COLUMN tags TEXT NOT NULL DEFAULT ''",  # tags rules gave the item
        "ALTER TABLE items ADD COLUMN rule TEXT",  # the rule that last acted on it
        "ALTER TABLE items ADD COLUMN by_hand INTEGER NOT NULL DEFAULT 0",  # triaged by the person
        """CREATE TABLE bodies (item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
                                article BLOB, feed_content BLOB)""",
        """CREATE TABLE gone (feed_id INTEGER NOT NULL, guid TEXT NOT NULL, removed REAL NOT NULL,
                              PRIMARY KEY (feed_id, guid)) WITHOUT ROWID""",
        "DROP TRIGGER items_ai", "DROP TRIGGER items_ad", "DROP TRIGGER items_au", "DROP TABLE items_fts",
        FTS,
        "CREATE INDEX feed_items_feed ON feed_items(feed_id, item_id)",
        "UPDATE items SET published = added WHERE published IS NULL",
    ):
        db.execute(statement)
    states = [row[1] for row in db.execute("PRAGMA table_info(items)") if row[1].endswith("_at")
              and row[1] not in {"extracted_at"}]
    hand = " OR ".join(f"{c} IS NOT NULL" for c in states) or "0"
    rows = db.execute(f"SELECT id, title, text, article, feed_content, ({hand}) FROM items")
    for item_id, title, text, article, feed_content, by_hand in rows.fetchall():
        db.execute("INSERT INTO items_fts(rowid, title, text) VALUES (?, ?, ?)", (item_id, title, text or ""))
        if article or feed_content:
            db.execute("INSERT INTO bodies (item_id, article, feed_content) VALUES (?, ?, ?)",
                       (item_id, pack(article), pack(feed_content)))
        db.execute("UPDATE items SET words = ?, by_hand = ? WHERE id = ?",
                   (count_words(text or ""), int(bool(by_hand)), item_id))
    for column in ("article", "feed_content", "text"):
        try:
            db.execute(f"ALTER TABLE items DROP COLUMN {column}")
        except sqlite3.OperationalError:  # SQLite before 3.35: leave it, empty
            db.execute(f"UPDATE items SET {column} = NULL" if column == "article"
                       else f"UPDATE items SET {column} = ''")


Migration = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: tuple[Migration, ...] = (
    # 1: the first schema
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        site_url TEXT,
        tags TEXT NOT NULL DEFAULT '',
        full_text INTEGER NOT NULL DEFAULT 1,
        refresh_minutes INTEGER,
        etag TEXT,
        last_modified TEXT,
        last_ok REAL,
        last_error TEXT,
        last_error_at REAL,
        added REAL NOT NULL
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT NOT NULL,
        published REAL,
        added REAL NOT NULL,
        author TEXT,
        feed_content TEXT NOT NULL DEFAULT '',
        article TEXT,
        text TEXT NOT NULL DEFAULT '',
        language TEXT,
        extract_error TEXT,
        extracted_at REAL,
        read_at REAL,
        starred_at REAL,
        later_at REAL,
        dismissed_at REAL
    );
    CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        PRIMARY KEY (feed_id, guid)
    );
    CREATE INDEX feed_items_item ON feed_items(item_id);
    CREATE INDEX items_order ON items(dismissed_at, published DESC, id DESC);
    CREATE INDEX items_pending ON items(extracted_at) WHERE extracted_at IS NULL;
    CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='items', content_rowid='id',
                                               tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
        INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """,
    # 2: the summary and publisher beside each item, so the list can preview without parsing articles
    """
    ALTER TABLE items ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN publisher TEXT;
    """,
    _compact,
)
SCHEMA_VERSION = len(MIGRATIONS)


def run(db: sqlite3.Connection, migration: Migration) -> None:
    if callable(migration):
        migration(db)
        return
    for statement in statements(migration):
        db.execute(statement)


def statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
