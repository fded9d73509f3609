"""The reading rules both front ends share: what triage means, opening an item, saving a
blurb, the first run.  The TUI and the CLI call these; neither decides them itself.
"""

from __future__ import annotations

import dataclasses
import time
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from newsreader.core.errors import UsageError
from newsreader.core.models import Article, Block, Blurb, Document
from newsreader.core.states import STATES, state

if TYPE_CHECKING:
    from newsreader.core.config import Config
    from newsreader.core.io.fetch import FetchSettings
    from newsreader.core.settings import SummarySettings
    from newsreader.core.store.db import ItemRow, Store

# The views of the store, in the order the feeds pane lists them: (name, label).  Every
# triage state but "read" has one (read items are all items less the unread ones).
VIEWS: tuple[tuple[str, str], ...] = (
    ("all", "All items"), ("unread", "Unread"),
    *((s.name, s.view) for s in STATES if s.name != "read"),
)


@dataclass(frozen=True, slots=True)
class Change:
    """One triage step: ``state`` set to ``on`` for ``item_ids``; undone by its inverse."""

    item_ids: tuple[int, ...]
    state: str
    on: bool

    def inverse(self) -> Change:
        return Change(self.item_ids, self.state, not self.on)

    def describe(self) -> str:
        n = len(self.item_ids)
        what = "" if n == 1 else f" {n} items"
        defined = state(self.state)
        return (defined.set_word if self.on else defined.clear_word) + what


def apply(store: Store, change: Change) -> None:
    """Save a change; raises ``StoreError`` when the store refuses it (nothing is half-done)."""
    store.set_states(change.item_ids, change.state, change.on)


def toggle(row: ItemRow, name: str) -> Change:
    """The main list's triage keys flip the state the row has."""
    return Change((row.id,), name, not row.has(name))


def done_reading(row: ItemRow, name: str) -> Change:
    """In the reader, r and d mean "done with this" (read, dismissed), never their undo:
    opening the item already marked it read.  s and l still toggle."""
    if state(name).done:
        return Change((row.id,), name, True)
    return toggle(row, name)


def mark_all_read(store: Store, *, feed_id: int | None = None, older_than_days: float | None = None,
                  query: str | None = None) -> Change:
    """Every unread item (of a feed, older than some days, matching a search) marked read."""
    older_than = time.time() - older_than_days * 86400 if older_than_days is not None else None
    change = Change(tuple(store.unread_ids(feed_id=feed_id, older_than=older_than, query=query)),
                    "read", True)
    if change.item_ids:
        apply(store, change)
    return change


def view_filter(view: str) -> str | None:
    """The state filter for a view name (None for all items)."""
    names = [name for name, _ in VIEWS]
    if view not in names:
        raise UsageError(f"unknown view {view!r}; views: {', '.join(names)}")
    return None if view == "all" else view


def item_article(store: Store, item_id: int, summary: SummarySettings) -> tuple[Article | None, str | None]:
    """The item's cleaned article; when its page was never fetched (or failed), the feed's
    own copy of the story; else the reason there is nothing to read."""
    from newsreader.core.pipeline import process_feed_content

    article = store.article(item_id)
    if article is not None:
        return article, None
    detail = store.item_detail(item_id) or {}
    content = str(detail.get("feed_content") or "")
    if content.strip():
        url = str(detail["url"]) if detail.get("url") else None
        outcome = process_feed_content(str(detail.get("title") or ""), content, url, summary)
        return outcome.article, outcome.error
    return None, str(detail.get("extract_error") or "no text stored for this item")


def blurb_article(blurb: Blurb) -> Article:
    """A blurb as an article of its own: its title, and its teaser text as the story."""
    blocks = (Block("paragraph", blurb.text),) if blurb.text.strip() else ()
    return Article(title=blurb.title, url=blurb.url, publisher=blurb.publisher, blocks=blocks)


def save_blurb(store: Store, blurb: Blurb, summary: SummarySettings,
               fetch: FetchSettings) -> tuple[int, str | None]:
    """Save a blurb as an item: its page, cleaned, when it can be fetched; else the blurb's
    own title and teaser, so nothing the user chose to keep is lost.  Returns the item id
    and, when the page could not be used, why."""
    from newsreader.core.pipeline import process_sources

    problem: str | None = None
    article = blurb_article(blurb)
    if blurb.url:
        outcome = process_sources([blurb.url], summary, fetch)[0]
        if outcome.article is not None:
            article = outcome.article
            if not article.title:
                article = dataclasses.replace(article, title=blurb.title)
        else:
            problem = outcome.error or "the page could not be fetched"
    else:
        problem = "the blurb has no link"
    return store.add_article(article, blurb.url or blurb.title), problem


def first_run(store: Store, config: Config) -> bool:
    """On an empty store: the welcome articles, newest first, and the starter feeds.
    Returns whether this was the first run."""
    from newsreader.core.config import parse_config
    from newsreader.core.pipeline import process_one

    if store.feeds(counts=False) or store.has_items():
        return False
    folder = resources.files("newsreader") / "data"
    # The list shows newest first, so add them last to first: "Welcome" ends up on top.
    for entry in sorted((folder / "welcome").iterdir(), key=lambda e: e.name, reverse=True):
        outcome = process_one(Document(entry.name, entry.read_bytes(), path=entry.name), config.summary)
        if outcome.article is not None:
            store.add_article(outcome.article, entry.name)
    starter = tomllib.loads((folder / "starter_feeds.toml").read_text(encoding="utf-8"))
    store.add_configured(parse_config(starter).feeds)
    return True


def refresh_settings(config: Config) -> dict[str, Any]:
    """What a refresh takes from the config beyond fetching: the rules, each feed's
    extraction rules, and retention."""
    return {
        "rules": config.rules,
        "sites": {f.url: f.site for f in config.feeds if f.site},
        "retention": config.retention,
        "feed_configs": config.feeds,
    }
