"""Stores of 10k, 100k and 1M items with realistic articles, built once and cached.

    python benchmarks/big_store.py 100000        # build (or find) it; print its size

Each item goes in through the store's own paths (``store_entries``, ``store_articles``),
so sizes and indexes are what a real refresh makes: 200 feeds, an article of about 600
words in 12 paragraphs with links, a 3-sentence summary and 4 blurbs, dates spread over
three years, and the states of a heavy reader (97% read, 1% starred, 0.5% later, 1%
dismissed).  Words follow Zipf's law over a 30,000-word vocabulary, so compression and
the search index see text shaped like prose.

Stores are cached as ``$TMPDIR/newsreader-stores/store-N.db`` (N items); delete to rebuild.
"""

from __future__ import annotations

import itertools
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.core.feeds.parse import FeedEntry
from newsreader.core.models import Article, Block, Blurb, Link, SummarySentence
from newsreader.core.store.db import Store

FEEDS = 200
SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "to", "shi", "ven", "dor", "al", "ber", "cus", "en", "ti",
             "mar", "pol", "sa", "qui", "har", "bo", "ul", "fen", "gri", "zo"]
SEED = 20261202


def cache_dir() -> Path:
    folder = Path(os.environ.get("TMPDIR") or tempfile.gettempdir()) / "newsreader-stores"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Prose:
    """Sentences of Zipf-distributed words; paragraphs drawn from a pool of them, fast
    enough for a store of any size."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
                 for _ in range(40_000)}
        self.vocabulary = sorted(words)[:30_000]
        rng.shuffle(self.vocabulary)
        self.weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.vocabulary))))
        self.pool = [self.sentence(rng.randint(8, 22)) for _ in range(50_000)]

    def sentence(self, n: int) -> str:
        words = self.rng.choices(self.vocabulary, cum_weights=self.weights, k=n)
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.rng.choices(self.pool, k=self.rng.randint(2, 5)))


def _article(prose: Prose, rng: random.Random, title: str, url: str) -> Article:
    blocks = []
    for n in range(12):
        text = prose.paragraph()
        links = (Link(text.split()[0], f"{url}/link{n}"),) if n % 4 == 0 else ()
        blocks.append(Block("heading" if n == 6 else "paragraph", text if n != 6 else prose.pool[n][:50],
                            2 if n == 6 else 0, links))
    summary = tuple(SummarySentence(blocks[b].text.split(". ")[0] + ".", b, 0, 0) for b in (0, 3, 8))
    blurbs = tuple(Blurb(rng.choice(prose.pool)[:60], rng.choice(prose.pool), None, f"{url}/related{n}")
                   for n in range(4))
    return Article(title=title, blocks=tuple(blocks), blurbs=blurbs, url=url, publisher="Bench News",
                   byline="By A Writer", language="en", summary=summary)


BASE = 20_000  # items built one by one through the store; larger stores repeat them


def build(items: int, path: Path | None = None, quiet: bool = False) -> Path:
    """A store of ``items`` items.  Up to 20,000 go in one by one through the store's own
    paths; a larger store is that one repeated, each copy a new item (its own key, guid,
    date, compressed body and search-index entry) with the same shape."""
    path = path or cache_dir() / f"store-{items}.db"
    if path.exists():
        return path
    if items > BASE:
        return _repeat(build(BASE, quiet=quiet), items, path, quiet)
    return _build(items, path, quiet)


def _repeat(base: Path, items: int, path: Path, quiet: bool) -> Path:
    import shutil
    import sqlite3

    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    shutil.copyfile(base, partial)
    with Store(partial):
        pass  # the schema of this newsreader
    db = sqlite3.connect(partial, isolation_level=None)
    from newsreader.core.store import bodies

    bodies.register(db)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    # The search index merges its segments as it grows, as in a store filled by refreshes
    # (a store left with dozens of unmerged segments would make the app's first write pay
    # for merging them all); a large in-memory buffer makes fewer, larger segments.  Its
    # settings go back to SQLite's defaults after.
    db.execute("INSERT INTO items_fts(items_fts, rank) VALUES('hashsize', 268435456)")
    span = 3 * 365 * 86400
    columns = [r[1] for r in db.execute("PRAGMA table_info(items)") if r[1] not in {"id", "key", "published"}]
    copies = (items + BASE - 1) // BASE
    for copy in range(1, copies):
        count = min(BASE, items - copy * BASE)
        shift = copy * BASE
        # Copy k sits between copy k-1's items in time, so the whole store spans three years.
        offset = copy * span / items
        db.execute("BEGIN")
        db.execute(f"INSERT INTO items (id, key, published, {', '.join(columns)})"
                   f" SELECT id + ?, key || '#' || ?, published - ?, {', '.join(columns)}"
                   " FROM items WHERE id <= ?", (shift, copy, offset, count))
        db.execute("INSERT INTO bodies (item_id, article, feed_content) SELECT item_id + ?, article, feed_content"
                   " FROM bodies WHERE item_id <= ?", (shift, count))
        db.execute("INSERT INTO feed_items (feed_id, guid, item_id) SELECT feed_id, guid || '#' || ?, item_id + ?"
                   " FROM feed_items WHERE item_id <= ?", (copy, shift, count))
        db.execute("INSERT INTO items_fts (rowid, title, text) SELECT i.id + ?, i.title, item_text(b.article)"
                   " FROM items i LEFT JOIN bodies b ON b.item_id = i.id WHERE i.id <= ?", (shift, count))
        db.execute("COMMIT")
        if not quiet and copy % 10 == 0:
            print(f"  {shift + count:,} items, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    db.execute("INSERT INTO items_fts(items_fts, rank) VALUES('hashsize', 1048576)")
    db.execute("ANALYZE")
    db.close()
    partial.rename(path)
    if not quiet:
        print(f"built {items:,} items in {time.perf_counter() - started:.0f} s: {path}", file=sys.stderr)
    return path


def _build(items: int, path: Path, quiet: bool) -> Path:
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    rng = random.Random(SEED)
    prose = Prose(rng)
    started = time.perf_counter()
    now = time.time()
    span = 3 * 365 * 86400
    with Store(partial) as store:
        feed_ids = [store.add_feed(f"https://feed{n}.bench.example/rss", title=f"Bench feed {n}",
                                   tags=("news",) if n % 4 == 0 else ())[0] for n in range(FEEDS)]
        batch = 2_000
        for start in range(0, items, batch):
            count = min(batch, items - start)
            per_feed: dict[int, list[FeedEntry]] = {}
            for n in range(start, start + count):
                feed = feed_ids[n % FEEDS]
                # Oldest first, as years of refreshes would add them.
                published = now - span + span * n / items + rng.random()
                title = rng.choice(prose.pool)[:-1][:90]
                per_feed.setdefault(feed, []).append(
                    FeedEntry(f"g{n}", f"https://feed{feed}.bench.example/story/{n}", title, published, ""))
            new: list[int] = []
            for feed, entries in per_feed.items():
                new += store.store_entries(feed, entries, title=None, site_url=None, etag=None,
                                           last_modified=None)
            store.store_articles([(item_id, _article(prose, rng, f"Story {item_id}",
                                                     f"https://bench.example/story/{item_id}"), None)
                                  for item_id in new])
            recent = start + count > items * 0.97  # a heavy reader has read all but the newest
            marks: dict[str, list[int]] = {"read": [], "starred": [], "later": [], "dismissed": []}
            for item_id in new:
                roll = rng.random()
                if not recent or roll < 0.3:
                    marks["read"].append(item_id)
                if roll < 0.01:
                    marks["starred"].append(item_id)
                elif roll < 0.015:
                    marks["later"].append(item_id)
                elif roll < 0.025:
                    marks["dismissed"].append(item_id)
            for name, ids in marks.items():
                store.set_states(ids, name, True)
            if not quiet and (start // batch) % 25 == 0:
                rate = (start + count) / (time.perf_counter() - started)
                print(f"  {start + count:,} items, {rate:,.0f} items/s", file=sys.stderr)
        store.optimize()
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    if not quiet:
        print(f"built {items:,} items in {time.perf_counter() - started:.0f} s: {path}", file=sys.stderr)
    return path


def size_report(path: Path) -> str:
    import sqlite3

    db = sqlite3.connect(path)
    items = db.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    try:
        rows = db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:
        rows = []
    db.close()
    total = path.stat().st_size
    parts: dict[str, int] = {}
    for name, size in rows:
        group = ("search index" if name.startswith("items_fts") else
                 "bodies (compressed article, blurbs, summary)" if name.startswith(("bodies", "sqlite_autoindex_bodies")) else
                 "items (list rows)" if name == "items" else
                 "indexes" if name.startswith(("items_", "sqlite_autoindex_items", "feed_items_")) else
                 "feed links" if name.startswith(("feed_items", "sqlite_autoindex_feed_items")) else "other")
        parts[group] = parts.get(group, 0) + int(size)
    lines = [f"{items:,} items, {total / 1e6:,.0f} MB on disk, {total / max(items, 1):,.0f} bytes an item"]
    lines += [f"  {name}: {size / max(items, 1):,.0f} bytes an item" for name, size in
              sorted(parts.items(), key=lambda kv: -kv[1])]
    return "\n".join(lines)


if __name__ == "__main__":
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(size_report(build(wanted)))
