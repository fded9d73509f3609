"""The embedded SQLite store: feeds, items, extracted articles, reading state, full-text search.

WAL mode so a reader and a cron refresh can work at once (the second writer
waits on ``busy_timeout``); ``PRAGMA user_version`` holds the schema version and
``MIGRATIONS`` carries an older file forward.  Every write is one transaction.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.core.errors import StoreError
from newsreader.core.io.urls import normalise_url
from newsreader.core.models import Article
from newsreader.core.states import STATES
from newsreader.core.states import state as state_named
from newsreader.core.store.serialize import article_from_json, article_to_json

if TYPE_CHECKING:
    from newsreader.core.config import FeedConfig
    from newsreader.core.feeds.parse import FeedEntry  # lxml loads only when a feed body is parsed

MIGRATIONS: tuple[str, ...] = (
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
)
SCHEMA_VERSION = len(MIGRATIONS)
STATE_COLUMNS = tuple(f"{s.name}_at" for s in STATES)


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    title: str | None
    site_url: str | None
    tags: tuple[str, ...]
    full_text: bool
    refresh_minutes: int | None
    etag: str | None
    last_modified: str | None
    last_ok: float | None
    last_error: str | None
    items: int = 0
    unread: int = 0
    last_error_at: float | None = None

    @property
    def last_attempt(self) -> float:
        return max(self.last_ok or 0.0, self.last_error_at or 0.0)


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One line of the item list: enough to draw it without loading the article."""

    id: int
    title: str
    url: str | None
    published: float | None
    feed_title: str | None
    states: frozenset[str]  # the triage states it is in (core/states.py)
    extracted: bool
    error: str | None
    summary: str = ""  # summary sentences, one per line
    publisher: str | None = None
    feed_url: str | None = None

    def has(self, state: str) -> bool:
        return state in self.states

    def with_state(self, state: str, on: bool) -> ItemRow:
        return dataclasses.replace(self, states=self.states | {state} if on else self.states - {state})

    # The states every front end asks about by name.
    @property
    def read(self) -> bool:
        return "read" in self.states

    @property
    def starred(self) -> bool:
        return "starred" in self.states

    @property
    def later(self) -> bool:
        return "later" in self.states

    @property
    def dismissed(self) -> bool:
        return "dismissed" in self.states


def default_db_path() -> Path:
    from newsreader.core.config import data_dir

    return data_dir() / "newsreader.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None, configured: Path | None = None) -> Path:
    """--db, then NEWSREADER_DB, then the config's db, then the platform data dir."""
    chosen = explicit or os.environ.get("NEWSREADER_DB") or configured or default_db_path()
    return Path(chosen).expanduser()


class Store:
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                       check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._lock = threading.RLock()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"store {self.path}: {exc}") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: take the write lock up front, so two writers queue instead of deadlocking."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:  # locked past busy_timeout, read-only, disk full
                raise StoreError(f"store {self.path}: {exc}") from None
            try:
                yield self._db
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"store {self.path}: {exc}") from None
                raise
            else:
                try:
                    self._db.execute("COMMIT")
                except sqlite3.Error as exc:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise StoreError(f"store {self.path}: {exc}") from None

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema {version}, newer than this newsreader ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction() as db:
                for statement in _statements(MIGRATIONS[number]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
        self._ensure_state_columns()
        if version < SCHEMA_VERSION:
            self._db.execute("ANALYZE")

    def _ensure_state_columns(self) -> None:
        """A ``<name>_at`` column for every triage state: a state added to core/states.py
        gets its column in an existing store on the next open."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(items)")}
        missing = [c for c in STATE_COLUMNS if c not in have]
        if missing:
            with self.transaction() as db:
                for column in missing:
                    db.execute(f"ALTER TABLE items ADD COLUMN {column} REAL")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        with self._lock:
            return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def optimize(self) -> None:
        """Refresh the query planner's statistics where they have drifted (SQLite's own
        advice after a batch of writes); cheap when nothing changed."""
        with self._lock:
            self._db.execute("PRAGMA optimize")

    # ------------------------------------------------------------------ feeds
    def add_configured(self, feeds: Iterable[FeedConfig]) -> None:
        """Subscribe to feeds named in a config (or the starter list), with their settings."""
        for feed in feeds:
            self.add_feed(feed.url, title=feed.title, tags=feed.tags, full_text=feed.full_text,
                          refresh_minutes=feed.refresh_minutes)

    def add_feed(self, url: str, title: str | None = None, tags: Iterable[str] = (),
                 full_text: bool = True, refresh_minutes: int | None = None) -> tuple[int, bool]:
        """Subscribe; returns (feed id, whether it is new).  Existing feeds keep their state."""
        with self.transaction() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row:
                if title or tags:
                    db.execute(
                        "UPDATE feeds SET title = COALESCE(?, title), tags = CASE WHEN ? = '' THEN tags ELSE ? END,"
                        " full_text = ?, refresh_minutes = ? WHERE id = ?",
                        (title, ",".join(tags), ",".join(tags), int(full_text), refresh_minutes, row[0]),
                    )
                return int(row[0]), False
            cursor = db.execute(
                "INSERT INTO feeds (url, title, tags, full_text, refresh_minutes, added) VALUES (?, ?, ?, ?, ?, ?)",
                (url, title, ",".join(tags), int(full_text), refresh_minutes, time.time()),
            )
            return int(cursor.lastrowid or 0), True

    def remove_feed(self, url_or_id: str) -> bool:
        """Unsubscribe.  Items that this feed alone brought go too, unless starred or kept
        for later; items another feed also carries, and items saved by hand (opened pages,
        saved blurbs, which no feed carries), are never touched."""
        with self.transaction() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ? OR CAST(id AS TEXT) = ?",
                             (url_or_id, url_or_id)).fetchone()
            if not row:
                return False
            feed_id = int(row[0])
            unkept = " AND ".join(f"i.{s.name}_at IS NULL" for s in STATES if s.keeps) or "1 = 1"
            only_here = [int(r[0]) for r in db.execute(
                f"""SELECT fi.item_id FROM feed_items fi JOIN items i ON i.id = fi.item_id
                   WHERE fi.feed_id = ? AND {unkept}
                     AND NOT EXISTS (SELECT 1 FROM feed_items other
                                     WHERE other.item_id = fi.item_id AND other.feed_id != ?)""",
                (feed_id, feed_id))]
            db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
            db.executemany("DELETE FROM items WHERE id = ?", [(i,) for i in only_here])
            return True

    def rename_feed(self, feed_id: int, title: str | None) -> None:
        with self.transaction() as db:
            db.execute("UPDATE feeds SET title = ? WHERE id = ?", (title or None, feed_id))

    def set_tags(self, feed_id: int, tags: Iterable[str]) -> None:
        clean = ",".join(dict.fromkeys(t.strip() for t in tags if t.strip() and "," not in t))
        with self.transaction() as db:
            db.execute("UPDATE feeds SET tags = ? WHERE id = ?", (clean, feed_id))

    def tags(self) -> list[str]:
        """Every tag a feed has, sorted."""
        with self._lock:
            rows = self._db.execute("SELECT tags FROM feeds WHERE tags != ''").fetchall()
        return sorted({t for (value,) in rows for t in value.split(",") if t}, key=str.lower)

    def feed_id(self, url_or_id: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT id FROM feeds WHERE url = ? OR CAST(id AS TEXT) = ?",
                                   (url_or_id, url_or_id)).fetchone()
        return int(row[0]) if row else None

    def feeds(self, *, counts: bool = True) -> list[FeedRow]:
        """Every feed; ``counts=False`` skips the item and unread counts, whose join
        grows with the store (a refresh needs only URLs and validators)."""
        query = (
            """SELECT f.*, COUNT(i.id) AS n_items,
                      SUM(CASE WHEN i.id IS NOT NULL AND i.read_at IS NULL AND i.dismissed_at IS NULL THEN 1 ELSE 0 END) AS n_unread
               FROM feeds f LEFT JOIN feed_items fi ON fi.feed_id = f.id
               LEFT JOIN items i ON i.id = fi.item_id
               GROUP BY f.id ORDER BY COALESCE(f.title, f.url) COLLATE NOCASE"""
            if counts else
            """SELECT f.*, 0 AS n_items, 0 AS n_unread FROM feeds f
               ORDER BY COALESCE(f.title, f.url) COLLATE NOCASE"""
        )
        with self._lock:
            rows = self._db.execute(query).fetchall()
        return [
            FeedRow(r["id"], r["url"], r["title"], r["site_url"],
                    tuple(t for t in r["tags"].split(",") if t), bool(r["full_text"]),
                    r["refresh_minutes"], r["etag"], r["last_modified"], r["last_ok"],
                    r["last_error"], int(r["n_items"] or 0), int(r["n_unread"] or 0),
                    r["last_error_at"])
            for r in rows
        ]

    def record_feed_error(self, feed_id: int, error: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE feeds SET last_error = ?, last_error_at = ? WHERE id = ?",
                       (error, time.time(), feed_id))

    def record_not_modified(self, feeds: list[tuple[int, str | None, str | None]]) -> None:
        """Feeds that answered 304: (id, etag, last_modified), in one transaction."""
        if not feeds:
            return
        now = time.time()
        with self.transaction() as db:
            db.executemany(
                "UPDATE feeds SET last_ok = ?, last_error = NULL, etag = COALESCE(?, etag),"
                " last_modified = COALESCE(?, last_modified) WHERE id = ?",
                [(now, etag, modified, feed_id) for feed_id, etag, modified in feeds],
            )

    def store_entries(
        self, feed_id: int, entries: Iterable[FeedEntry], *, title: str | None, site_url: str | None,
        etag: str | None, last_modified: str | None, warning: str | None = None,
    ) -> list[int]:
        """One transaction per feed: new items in, links to known ones, validators saved.

        Returns the ids of items that are new to the store.
        """
        now = time.time()
        new_ids: list[int] = []
        with self.transaction() as db:
            for entry in entries:
                known = db.execute("SELECT item_id FROM feed_items WHERE feed_id = ? AND guid = ?",
                                   (feed_id, entry.guid)).fetchone()
                if known:
                    continue
                key = normalise_url(entry.url) if entry.url else f"guid:{entry.guid}"
                row = db.execute("SELECT id FROM items WHERE key = ?", (key,)).fetchone()
                if row:
                    item_id = int(row[0])
                else:
                    cursor = db.execute(
                        "INSERT INTO items (key, url, title, published, added, author, feed_content, text)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (key, entry.url, entry.title or entry.url or "Untitled", entry.published or now, now, entry.author,
                         entry.content, ""),
                    )
                    item_id = int(cursor.lastrowid or 0)
                    new_ids.append(item_id)
                db.execute("INSERT OR IGNORE INTO feed_items (feed_id, guid, item_id) VALUES (?, ?, ?)",
                           (feed_id, entry.guid, item_id))
            db.execute(
                "UPDATE feeds SET title = COALESCE(title, ?), site_url = COALESCE(?, site_url),"
                " etag = ?, last_modified = ?, last_ok = ?, last_error = ?, last_error_at = ?"
                " WHERE id = ?",
                (title, site_url, etag, last_modified, now, warning, now if warning else None, feed_id),
            )
        return new_ids

    # ------------------------------------------------------------------ items
    def pending_articles(self, limit: int = 100_000) -> list[tuple[int, str]]:
        """Items whose page has not been extracted yet, whose feed wants full text."""
        with self._lock:
            rows = self._db.execute(
                """SELECT i.id, i.url FROM items i
                   WHERE i.extracted_at IS NULL AND i.url IS NOT NULL
                     AND EXISTS (SELECT 1 FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
                                 WHERE fi.item_id = i.id AND f.full_text = 1)
                   ORDER BY i.id LIMIT ?""", (limit,)).fetchall()
        return [(int(r[0]), str(r[1])) for r in rows]

    def store_articles(self, results: Iterable[tuple[int, Article | None, str | None]]) -> None:
        """Save extracted articles (or their errors) in one transaction, merging duplicates."""
        now = time.time()
        with self.transaction() as db:
            for item_id, article, error in results:
                if article is None:
                    db.execute("UPDATE items SET extract_error = ?, extracted_at = ? WHERE id = ?",
                               (error, now, item_id))
                    continue
                canonical = article.canonical_url
                if canonical:
                    key = normalise_url(canonical)
                    twin = db.execute("SELECT id FROM items WHERE key = ? AND id != ?", (key, item_id)).fetchone()
                    if twin:
                        # The page names another item's URL as canonical: the same story.
                        db.execute("UPDATE OR IGNORE feed_items SET item_id = ? WHERE item_id = ?", (twin[0], item_id))
                        db.execute("DELETE FROM items WHERE id = ?", (item_id,))
                        continue
                db.execute(
                    "UPDATE items SET article = ?, text = ?, language = ?, extract_error = NULL,"
                    " extracted_at = ?, summary = ?, publisher = COALESCE(?, publisher) WHERE id = ?",
                    (article_to_json(article), article.text, article.language, now,
                     summary_lines(article), article.publisher, item_id),
                )

    def article(self, item_id: int) -> Article | None:
        with self._lock:
            row = self._db.execute("SELECT article FROM items WHERE id = ?", (item_id,)).fetchone()
        return article_from_json(row[0]) if row and row[0] else None

    def item_detail(self, item_id: int) -> dict[str, object] | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        return dict(row) if row else None

    def items(self, *, feed_id: int | None = None, include_dismissed: bool = False,
              state: str | None = None, query: str | None = None, limit: int = 50_000,
              tag: str | None = None) -> list[ItemRow]:
        """Rows newest first.  ``state``: "unread" or a triage state's name; items in a
        hiding state (dismissed) show only in that state's own view or with
        ``include_dismissed``."""
        where = ["1 = 1"]
        params: list[object] = []
        for hidden in STATES:
            if hidden.hides and not include_dismissed and state != hidden.name:
                where.append(f"i.{hidden.name}_at IS NULL")
        if feed_id is not None:
            where.append("i.id IN (SELECT item_id FROM feed_items WHERE feed_id = ?)")
            params.append(feed_id)
        if tag is not None:
            where.append("i.id IN (SELECT fi.item_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id"
                         " WHERE ',' || f.tags || ',' LIKE ?)")
            params.append(f"%,{tag},%")
        if state == "unread":
            where.append("i.read_at IS NULL")
        elif state is not None:
            where.append(f"i.{state_named(state).name}_at IS NOT NULL")
        if query:
            where.append("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            params.append(fts_query(query))
        sql = f"""SELECT i.id, i.title, i.url, i.published, {", ".join(f"i.{c}" for c in STATE_COLUMNS)},
                         i.extracted_at, i.extract_error, i.summary, i.publisher,
                         f.title AS feed_title, f.url AS feed_url
                  FROM items i
                  LEFT JOIN feeds f ON f.id = (SELECT fi.feed_id FROM feed_items fi
                                               WHERE fi.item_id = i.id LIMIT 1) WHERE {' AND '.join(where)}
                  ORDER BY i.published DESC, i.id DESC LIMIT ?"""
        params.append(limit)
        with self._lock:
            try:
                rows = self._db.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                raise StoreError(f"search: {exc}") from None
        return [
            ItemRow(r["id"], r["title"], r["url"], r["published"], r["feed_title"],
                    frozenset(s.name for s in STATES if r[f"{s.name}_at"] is not None),
                    r["extracted_at"] is not None, r["extract_error"],
                    r["summary"], r["publisher"] or r["feed_title"], r["feed_url"])
            for r in rows
        ]

    def set_state(self, item_id: int, state: str, on: bool) -> None:
        """Set or clear read/starred/later/dismissed; committed before this returns."""
        self.set_states([item_id], state, on)

    def set_states(self, item_ids: Iterable[int], state: str, on: bool) -> None:
        """Set or clear one state on many items in one transaction."""
        try:
            state_named(state)
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        column = f"{state}_at"
        stamp = time.time() if on else None
        with self.transaction() as db:
            db.executemany(f"UPDATE items SET {column} = ? WHERE id = ?", [(stamp, i) for i in item_ids])

    def existing_ids(self, item_ids: Iterable[int]) -> set[int]:
        wanted = list(item_ids)
        with self._lock:
            rows = self._db.execute(
                f"SELECT id FROM items WHERE id IN ({','.join('?' * len(wanted))})", wanted
            ).fetchall() if wanted else []
        return {int(r[0]) for r in rows}

    def unread_ids(self, *, feed_id: int | None = None, older_than: float | None = None,
                   query: str | None = None) -> list[int]:
        """Unread, undismissed items (of one feed, published before ``older_than``,
        matching a search): what a bulk "mark read" changes, so it can be undone."""
        where = ["i.read_at IS NULL", "i.dismissed_at IS NULL"]
        params: list[object] = []
        if feed_id is not None:
            where.append("i.id IN (SELECT item_id FROM feed_items WHERE feed_id = ?)")
            params.append(feed_id)
        if older_than is not None:
            where.append("COALESCE(i.published, i.added) < ?")
            params.append(older_than)
        if query:
            where.append("i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            params.append(fts_query(query))
        with self._lock:
            rows = self._db.execute(f"SELECT i.id FROM items i WHERE {' AND '.join(where)}", params).fetchall()
        return [int(r[0]) for r in rows]

    def add_article(self, article: Article, source: str) -> int:
        """Save an article opened directly (or a blurb saved as an item)."""
        url = article.canonical_url or article.url
        key = normalise_url(url) if url else f"source:{source}"
        now = time.time()
        with self.transaction() as db:
            row = db.execute("SELECT id FROM items WHERE key = ?", (key,)).fetchone()
            if row:
                return int(row[0])
            cursor = db.execute(
                "INSERT INTO items (key, url, title, published, added, article, text, language,"
                " extracted_at, summary, publisher) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, url, article.title or source, now, now, article_to_json(article), article.text,
                 article.language, now, summary_lines(article), article.publisher),
            )
            return int(cursor.lastrowid or 0)

    def counts(self) -> dict[str, int]:
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*), SUM(read_at IS NULL AND dismissed_at IS NULL), SUM(extracted_at IS NOT NULL AND article IS NOT NULL),"
                " SUM(extract_error IS NOT NULL) FROM items"
            ).fetchone()
        return {"items": row[0] or 0, "unread": row[1] or 0, "articles": row[2] or 0, "article_errors": row[3] or 0}


def summary_lines(article: Article) -> str:
    return "\n".join(s.text for s in article.summary)


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buf: list[str] = []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            buf = []
    if "\n".join(buf).strip():
        statements.append("\n".join(buf))
    return statements


def fts_query(text: str) -> str:
    """User words to an FTS5 query: each word a quoted prefix term, all required."""
    words = [w.replace('"', '""') for w in text.split() if w.strip()]
    return " ".join(f'"{w}"*' for w in words) or '""'
