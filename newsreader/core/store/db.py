"""The embedded SQLite store: feeds, items, extracted articles, reading state, full-text search.

WAL mode so a reader and a cron refresh can work at once (the second writer
waits on ``busy_timeout``); ``PRAGMA user_version`` holds the schema version and
``schema.MIGRATIONS`` carries an older file forward.  Every write is one transaction.

Items are narrow rows (what the lists need); article bodies sit compressed in
``bodies`` (bodies.py), and the search index ``items_fts`` is contentless: the store
adds and removes each item's words itself (``_index``, ``_unindex``).
"""

from __future__ import annotations

import dataclasses
import json
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
from newsreader.core.store import bodies, listing, schema
from newsreader.core.store.listing import Cursor, ItemFilter
from newsreader.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from newsreader.core.store.serialize import article_from_json, article_to_json
from newsreader.core.wordcount import count_words

if TYPE_CHECKING:
    from newsreader.core.config import FeedConfig
    from newsreader.core.feeds.parse import FeedEntry  # lxml loads only when a feed body is parsed

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
            bodies.register(self._db)
            # 16 KiB pages (before the first table; an existing file keeps its own): a
            # compressed body of 2-3 KiB would have a 4 KiB page to itself.
            self._db.execute("PRAGMA page_size=16384")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._lock = threading.RLock()
            self._reader: sqlite3.Connection | None = None
            self._reader_lock = threading.Lock()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"store {self.path}: {exc}") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()
        with self._reader_lock:
            if self._reader is not None:
                self._reader.close()

    def _reading(self) -> sqlite3.Connection:
        """A second connection for counts that read many rows: WAL lets it read while the
        main one reads and writes, so a count over a million items holds up no page load,
        no article and no triage.  Call with ``_reader_lock`` held."""
        if self._reader is None:
            reader = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            bodies.register(reader)
            reader.execute("PRAGMA query_only=1")
            self._reader = reader
        return self._reader

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
                schema.run(db, MIGRATIONS[number])
                db.execute(f"PRAGMA user_version = {number + 1}")
        self._ensure_state_columns()
        if version < SCHEMA_VERSION:
            self._db.execute("PRAGMA analysis_limit=400")
            self._db.execute("ANALYZE")

    def _ensure_state_columns(self) -> None:
        """A ``<name>_at`` column for every triage state: a state added to core/states.py
        gets its column in an existing store on the next open."""
        have = {row[1] for row in self._db.execute("PRAGMA table_info(items)")}
        indexes = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        wanted = {f"items_{s.name}": f"{s.name}_at IS NOT NULL" for s in STATES if s.name != "read"}
        hiding = " AND ".join(f"{s.name}_at IS NULL" for s in STATES if s.hides)
        # Each view's list in its own order, so a page of it reads only that page.
        wanted["items_unread"] = " AND ".join(filter(None, ("read_at IS NULL", hiding)))
        missing = [c for c in STATE_COLUMNS if c not in have]
        if missing or wanted.keys() - indexes:
            with self.transaction() as db:
                for column in missing:
                    db.execute(f"ALTER TABLE items ADD COLUMN {column} REAL")
                for name, condition in wanted.items():
                    db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON items(published DESC, id DESC)"
                               f" WHERE {condition}")

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
            # A bounded sample per index, so a million-item store is analysed in
            # milliseconds, not seconds (SQLite's advice for PRAGMA optimize).
            self._db.execute("PRAGMA analysis_limit=400")
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
            db.execute("DELETE FROM gone WHERE feed_id = ?", (feed_id,))
            self._delete_items(db, only_here)
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

    def feeds(self, *, counts: bool = True, totals: bool = True) -> list[FeedRow]:
        """Every feed, by name.  ``counts``: with each feed's unread items (read through
        the unread index, so they cost what the unread items number, not the store);
        ``totals``: with all its items too (one pass over ``feed_items``).  A refresh
        needs neither."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM feeds ORDER BY COALESCE(title, url) COLLATE NOCASE").fetchall()
            unread: dict[int, int] = {}
            items: dict[int, int] = {}
            if counts:
                hiding = "".join(f" AND i.{s.name}_at IS NULL" for s in STATES if s.hides)
                unread = dict(self._db.execute(
                    "SELECT fi.feed_id, COUNT(*) FROM items i INDEXED BY items_unread"
                    " JOIN feed_items fi ON fi.item_id = i.id"
                    f" WHERE i.read_at IS NULL{hiding} GROUP BY fi.feed_id").fetchall())
                if totals:
                    items = dict(self._db.execute(
                        "SELECT feed_id, COUNT(*) FROM feed_items GROUP BY feed_id").fetchall())
        return [
            FeedRow(r["id"], r["url"], r["title"], r["site_url"],
                    tuple(t for t in r["tags"].split(",") if t), bool(r["full_text"]),
                    r["refresh_minutes"], r["etag"], r["last_modified"], r["last_ok"],
                    r["last_error"], items.get(r["id"], 0), unread.get(r["id"], 0),
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
                if known or db.execute("SELECT 1 FROM gone WHERE feed_id = ? AND guid = ?",
                                       (feed_id, entry.guid)).fetchone():
                    continue  # known, or removed by a clean-up: never back from the dead
                key = normalise_url(entry.url) if entry.url else f"guid:{entry.guid}"
                row = db.execute("SELECT id FROM items WHERE key = ?", (key,)).fetchone()
                if row:
                    item_id = int(row[0])
                else:
                    item_title = entry.title or entry.url or "Untitled"
                    cursor = db.execute(
                        "INSERT INTO items (key, url, title, published, added, author) VALUES (?, ?, ?, ?, ?, ?)",
                        (key, entry.url, item_title, entry.published or now, now, entry.author),
                    )
                    item_id = int(cursor.lastrowid or 0)
                    if entry.content:
                        db.execute("INSERT INTO bodies (item_id, feed_content) VALUES (?, ?)",
                                   (item_id, bodies.pack(entry.content)))
                    self._index(db, item_id, item_title, "")
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

    # ------------------------------------------------------------------ search index
    @staticmethod
    def _index(db: sqlite3.Connection, item_id: int, title: str, text: str) -> None:
        db.execute("INSERT INTO items_fts(rowid, title, text) VALUES (?, ?, ?)", (item_id, title, text))

    @staticmethod
    def _unindex(db: sqlite3.Connection, item_ids: Iterable[int]) -> dict[int, str]:
        """Take items' words out of the contentless index: it needs the very words it was
        given, which are the title and the stored article's text.  Returns the titles of
        the items found (an item removed meanwhile is not)."""
        found: dict[int, str] = {}
        for item_id in item_ids:
            row = db.execute("SELECT i.title, b.article FROM items i LEFT JOIN bodies b ON b.item_id = i.id"
                             " WHERE i.id = ?", (item_id,)).fetchone()
            if row is not None:
                db.execute("INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                           (item_id, row[0], bodies.article_text(row[1])))
                found[item_id] = row[0]
        return found

    def _delete_items(self, db: sqlite3.Connection, item_ids: list[int]) -> None:
        self._unindex(db, item_ids)
        db.executemany("DELETE FROM items WHERE id = ?", [(i,) for i in item_ids])

    # ------------------------------------------------------------------ items
    def pending_articles(self, limit: int = 100_000) -> list[tuple[int, str, str]]:
        """Items whose page has not been extracted yet, whose feed wants full text:
        (item id, page URL, the feed's URL, whose extraction rules apply)."""
        with self._lock:
            rows = self._db.execute(
                """SELECT i.id, i.url,
                          (SELECT f.url FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id
                           WHERE fi.item_id = i.id AND f.full_text = 1 LIMIT 1) AS feed_url
                   FROM items i INDEXED BY items_pending
                   WHERE i.extracted_at IS NULL AND i.url IS NOT NULL AND feed_url IS NOT NULL
                   ORDER BY i.id LIMIT ?""", (limit,)).fetchall()
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

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
                        self._delete_items(db, [item_id])
                        continue
                title = self._unindex(db, [item_id]).get(item_id)
                if title is None:
                    continue  # removed while its page was being fetched
                text = article.text
                db.execute(
                    "UPDATE items SET language = ?, extract_error = NULL, extracted_at = ?, summary = ?,"
                    " publisher = COALESCE(?, publisher), author = COALESCE(author, ?), words = ?"
                    " WHERE id = ?",
                    (article.language, now, summary_lines(article), article.publisher, article.byline,
                     count_words(text), item_id),
                )
                db.execute("INSERT INTO bodies (item_id, article) VALUES (?, ?) ON CONFLICT(item_id)"
                           " DO UPDATE SET article = excluded.article",
                           (item_id, bodies.pack(article_to_json(article))))
                self._index(db, item_id, title, text)

    def article(self, item_id: int) -> Article | None:
        with self._lock:
            row = self._db.execute("SELECT article FROM bodies WHERE item_id = ?", (item_id,)).fetchone()
        raw = bodies.unpack(row[0]) if row else None
        return article_from_json(raw) if raw else None

    def item_detail(self, item_id: int) -> dict[str, object] | None:
        """Every column of an item, with its feed's copy of the story (``feed_content``)."""
        with self._lock:
            row = self._db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
            body = self._db.execute("SELECT feed_content FROM bodies WHERE item_id = ?", (item_id,)).fetchone()
        if not row:
            return None
        return {**dict(row), "feed_content": (bodies.unpack(body[0]) if body else None) or ""}

    def items(self, chosen: ItemFilter | None = None, *, after: Cursor | None = None,
              limit: int = 200, feed_id: int | None = None, include_dismissed: bool = False,
              state: str | None = None, query: str | None = None, tag: str | None = None,
              now: float | None = None) -> list[ItemRow]:
        """A page of rows, newest first: the first ``limit`` after ``after`` (the last row
        of the page before).  ``state``: "unread" or a triage state's name; items in a
        hiding state (dismissed) show only in that state's own view, when the query asks
        for them (``is:dismissed``), or with ``include_dismissed``.  A query that cannot
        be read raises ``QueryError``."""
        chosen = chosen or ItemFilter(state=state, feed_id=feed_id, tag=tag, query=query,
                                      include_hidden=include_dismissed)
        plan = listing.plan(chosen, now)
        keyset, keyset_params = plan.after(after)
        sql = f"""SELECT i.id, i.title, i.url, i.published, {", ".join(f"i.{c}" for c in STATE_COLUMNS)},
                         i.extracted_at, i.extract_error, i.summary, i.publisher,
                         f.title AS feed_title, f.url AS feed_url
                  FROM {plan.source}
                  LEFT JOIN feeds f ON f.id = (SELECT fi.feed_id FROM feed_items fi
                                               WHERE fi.item_id = i.id LIMIT 1)
                  WHERE {plan.where} AND {keyset}
                  ORDER BY {plan.order} LIMIT ?"""
        with self._lock:
            rows = self._run(sql, [*plan.params, *keyset_params, limit])
        return [
            ItemRow(r["id"], r["title"], r["url"], r["published"], r["feed_title"],
                    frozenset(s.name for s in STATES if r[f"{s.name}_at"] is not None),
                    r["extracted_at"] is not None, r["extract_error"],
                    r["summary"], r["publisher"] or r["feed_title"], r["feed_url"])
            for r in rows
        ]

    def count(self, chosen: ItemFilter, now: float | None = None) -> tuple[int, int]:
        """(items, unread items) in a list."""
        plan = listing.plan(chosen, now)
        with self._reader_lock:
            try:
                row = self._reading().execute(
                    f"SELECT COUNT(*), SUM(i.read_at IS NULL) FROM {plan.source} WHERE {plan.where}",
                    plan.params).fetchone()
            except sqlite3.Error as exc:
                raise StoreError(f"search: {exc}") from None
        return int(row[0] or 0), int(row[1] or 0)

    def item_ids(self, chosen: ItemFilter, *, unread: bool = False, among: Iterable[int] | None = None,
                 untouched: bool = False, older_than: float | None = None,
                 now: float | None = None) -> list[int]:
        """Every item in a list (``unread`` ones only; ``among`` given ids; ``untouched``:
        none the person triaged by hand; published before ``older_than``), for bulk
        changes and rules.  A whole list is read as the list itself is (its index, or
        the search index); given ids, the search index reads only their id range."""
        wanted = list(among) if among is not None else None
        if wanted is not None and not wanted:
            return []
        if wanted is None:
            plan = listing.plan(chosen, now)
            source, condition, params = plan.source, plan.where, list(plan.params)
        else:
            source = "items i"
            condition, params = listing.where(chosen, now, ids=(min(wanted), max(wanted)))
            condition += " AND i.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(wanted))
        if unread:
            condition += " AND i.read_at IS NULL"
        if untouched:
            condition += " AND i.by_hand = 0"
        if older_than is not None:
            condition += " AND i.published < ?"
            params.append(older_than)
        with self._lock:
            rows = self._run(f"SELECT i.id FROM {source} WHERE {condition} ORDER BY i.id DESC", params)
        return [int(r[0]) for r in rows]

    def _run(self, sql: str, params: list[object]) -> list[sqlite3.Row]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:  # an FTS5 expression it cannot read, say
            raise StoreError(f"search: {exc}") from None

    def set_state(self, item_id: int, state: str, on: bool) -> None:
        """Set or clear read/starred/later/dismissed; committed before this returns."""
        self.set_states([item_id], state, on)

    def set_states(self, item_ids: Iterable[int], state: str, on: bool, *, rule: str | None = None) -> None:
        """Set or clear one state on many items in one transaction.  A change by hand
        (``rule`` None) marks the items as triaged by the person, which rules then leave
        alone; a rule's change records the rule's name."""
        try:
            state_named(state)
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        column = f"{state}_at"
        stamp = time.time() if on else None
        with self.transaction() as db:
            if rule is None:
                db.executemany(f"UPDATE items SET {column} = ?, by_hand = 1 WHERE id = ?",
                               [(stamp, i) for i in item_ids])
            else:
                db.executemany(f"UPDATE items SET {column} = ?, rule = {_ADD_RULE} WHERE id = ?",
                               [(stamp, rule, rule, rule, i) for i in item_ids])

    def add_item_tag(self, item_ids: Iterable[int], tag: str, *, rule: str | None = None) -> None:
        with self.transaction() as db:
            db.executemany(
                "UPDATE items SET tags = CASE WHEN tags = '' THEN ? ELSE tags || ',' || ? END,"
                f" rule = CASE WHEN ? IS NULL THEN rule ELSE {_ADD_RULE} END"
                " WHERE id = ? AND instr(',' || tags || ',', ',' || ? || ',') = 0",
                [(tag, tag, rule, rule, rule, rule, i, tag) for i in item_ids])

    def titles(self, item_ids: Iterable[int]) -> dict[int, str]:
        wanted = json.dumps(list(item_ids))
        with self._lock:
            rows = self._db.execute("SELECT id, title FROM items WHERE id IN (SELECT value FROM json_each(?))",
                                    (wanted,)).fetchall()
        return {int(r[0]): str(r[1]) for r in rows}

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
        matching a query): what a bulk "mark read" changes, so it can be undone."""
        return self.item_ids(ItemFilter(state="unread", feed_id=feed_id, query=query), older_than=older_than)

    def add_article(self, article: Article, source: str) -> int:
        """Save an article opened directly (or a blurb saved as an item)."""
        url = article.canonical_url or article.url
        key = normalise_url(url) if url else f"source:{source}"
        now = time.time()
        title = article.title or source
        with self.transaction() as db:
            row = db.execute("SELECT id FROM items WHERE key = ?", (key,)).fetchone()
            if row:
                return int(row[0])
            text = article.text
            cursor = db.execute(
                "INSERT INTO items (key, url, title, published, added, language, extracted_at, summary,"
                " publisher, author, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, url, title, now, now, article.language, now, summary_lines(article), article.publisher,
                 article.byline, count_words(text)),
            )
            item_id = int(cursor.lastrowid or 0)
            db.execute("INSERT INTO bodies (item_id, article) VALUES (?, ?)",
                       (item_id, bodies.pack(article_to_json(article))))
            self._index(db, item_id, title, text)
            return item_id

    # ------------------------------------------------------------------ retention
    def removable_among(self, item_ids: Iterable[int], *, keep_unread: bool,
                        in_feed: bool = False) -> list[int]:
        """Those of ``item_ids`` a clean-up may remove: in no state that keeps them
        (starred, later), read unless ``keep_unread`` is off, and (``in_feed``) carried by
        a feed, so pages and blurbs saved by hand stay."""
        kept = " AND ".join(f"i.{s.name}_at IS NULL" for s in STATES if s.keeps) or "1 = 1"
        unread = " AND i.read_at IS NOT NULL" if keep_unread else ""
        fed = " AND EXISTS (SELECT 1 FROM feed_items fi WHERE fi.item_id = i.id)" if in_feed else ""
        return self._ids(f"SELECT i.id FROM items i WHERE i.id IN (SELECT value FROM json_each(?))"
                         f" AND {kept}{unread}{fed}", json.dumps(list(item_ids)))

    def feed_items_beyond(self, feed_id: int, keep: int) -> list[int]:
        """A feed's items past its newest ``keep``."""
        return self._ids("SELECT i.id FROM feed_items fi JOIN items i ON i.id = fi.item_id WHERE fi.feed_id = ?"
                         " ORDER BY i.published DESC, i.id DESC LIMIT -1 OFFSET ?", feed_id, keep)

    def feed_items_older(self, feed_id: int, before: float) -> list[int]:
        return self._ids("SELECT i.id FROM feed_items fi JOIN items i ON i.id = fi.item_id"
                         " WHERE fi.feed_id = ? AND i.published < ?", feed_id, before)

    def items_beyond(self, keep: int) -> list[int]:
        """Items past the newest ``keep`` of the whole store."""
        return self._ids("SELECT id FROM items ORDER BY published DESC, id DESC LIMIT -1 OFFSET ?", keep)

    def items_older(self, before: float) -> list[int]:
        return self._ids("SELECT id FROM items WHERE published < ?", before)

    def _ids(self, sql: str, *params: object) -> list[int]:
        """The first column of a query, as item ids."""
        with self._lock:
            return [int(r[0]) for r in self._db.execute(sql, params).fetchall()]

    def feed_links(self, item_ids: Iterable[int]) -> list[tuple[int, int]]:
        """(feed id, item id) for every feed that carries one of ``item_ids``."""
        with self._lock:
            rows = self._db.execute(
                "SELECT feed_id, item_id FROM feed_items WHERE item_id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(item_ids)),)).fetchall()
        return [(int(r[0]), int(r[1])) for r in rows]

    def remove_items(self, item_ids: list[int]) -> None:
        """Remove items for good, leaving a tombstone per feed so no refresh adds them again."""
        now = time.time()
        with self.transaction() as db:
            for chunk in range(0, len(item_ids), 5_000):
                ids = json.dumps(item_ids[chunk:chunk + 5_000])
                db.execute("INSERT OR IGNORE INTO gone (feed_id, guid, removed) SELECT feed_id, guid, ?"
                           " FROM feed_items WHERE item_id IN (SELECT value FROM json_each(?))", (now, ids))
            self._delete_items(db, item_ids)

    def compact(self) -> None:
        """After a large clean-up: some merging of the search index's segments (bounded:
        a full merge of a million items takes many minutes), the free pages given back
        to the file system, and the planner's statistics refreshed."""
        with self._lock:
            self._db.execute("INSERT INTO items_fts(items_fts, rank) VALUES('merge', 500)")
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA optimize")

    def free_share(self) -> float:
        """The share of the file's pages that are free (what VACUUM would give back)."""
        with self._lock:
            free = self._db.execute("PRAGMA freelist_count").fetchone()[0]
            pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        return free / pages if pages else 0.0

    def has_items(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT EXISTS (SELECT 1 FROM items)").fetchone()[0] == 1

    def counts(self) -> dict[str, int]:
        """Whole-store totals (they read every row: for `newsreader stats`-like reports, not lists)."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*), SUM(read_at IS NULL AND dismissed_at IS NULL),"
                " SUM(extracted_at IS NOT NULL AND extract_error IS NULL), SUM(extract_error IS NOT NULL) FROM items"
            ).fetchone()
        return {"items": row[0] or 0, "unread": row[1] or 0, "articles": row[2] or 0, "article_errors": row[3] or 0}


# The rules that acted on an item, each named once: "no sport, long reads".
_ADD_RULE = ("CASE WHEN rule IS NULL OR rule = '' THEN ? WHEN instr(', ' || rule || ', ', ', ' || ? || ', ') > 0"
             " THEN rule ELSE rule || ', ' || ? END")


def summary_lines(article: Article) -> str:
    return "\n".join(s.text for s in article.summary)
