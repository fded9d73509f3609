"""Retention: how much of the past the store keeps (newsboat's max-items and
keep-articles-days, Miniflux's cleanup), by age and by count, per feed and overall.

What is never removed: starred and later items (every state that ``keeps``), items no
feed carries (pages and blurbs saved by hand), and, with ``keep_unread``, unread items.
An item several feeds carry goes only when every one of them is past its limit.  A
removed item leaves a tombstone, so its feed never brings it back.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsreader.core.config import FeedConfig, Retention
    from newsreader.core.store.db import Store


def has_limits(retention: Retention, feeds: Sequence[FeedConfig] = ()) -> bool:
    return retention.limited or any(f.max_items is not None or f.max_age_days is not None for f in feeds)


@dataclass(frozen=True, slots=True)
class Removal:
    item_id: int
    title: str
    why: str  # "older than 365 days", "past the newest 2000 of its feed", "past the newest 200000"


def cleanup(store: Store, retention: Retention, feeds: Sequence[FeedConfig] = (), *,
            dry_run: bool = False, now: float | None = None) -> list[Removal]:
    """Remove (or with ``dry_run`` list) what the limits no longer keep.  It reads only
    the items past a limit: once a store is within its limits, each clean-up sees only
    what aged out since the last one."""
    now = time.time() if now is None else now
    by_url = {f.url: f for f in feeds}
    past: dict[int, dict[int, str]] = {}  # feed id -> {item id past the feed's limits: why}
    global_age = retention.max_age_days
    for feed in store.feeds(counts=False):
        own = by_url.get(feed.url)
        days = own.max_age_days if own and own.max_age_days is not None else global_age
        count = own.max_items if own and own.max_items is not None else retention.feed_max_items
        reasons: dict[int, str] = {}
        if count is not None:
            reasons.update((i, f"past the newest {count} of its feed") for i in store.feed_items_beyond(feed.id, count))
        if days is not None and days != global_age:
            for item_id in store.feed_items_older(feed.id, now - days * 86400):
                reasons.setdefault(item_id, f"older than {days:g} days")
        past[feed.id] = reasons
    if global_age is not None:  # one pass over the store for every feed that has no age of its own
        own_age = {f.id for f in store.feeds(counts=False)
                   if (c := by_url.get(f.url)) is not None and c.max_age_days is not None}
        old = store.items_older(now - global_age * 86400)
        for feed_id, item_id in store.feed_links(old):
            if feed_id not in own_age:
                past.setdefault(feed_id, {}).setdefault(item_id, f"older than {global_age:g} days")
    candidates = {i for reasons in past.values() for i in reasons}
    chosen: dict[int, str] = {}
    if candidates:
        carriers: dict[int, list[int]] = {}
        for feed_id, item_id in store.feed_links(candidates):
            carriers.setdefault(item_id, []).append(feed_id)
        for item_id in store.removable_among(candidates, keep_unread=retention.keep_unread):
            feeds_of_item = carriers.get(item_id, [])
            if feeds_of_item and all(item_id in past.get(f, {}) for f in feeds_of_item):
                chosen[item_id] = past[feeds_of_item[0]][item_id]
    if retention.max_items is not None:
        beyond = store.items_beyond(retention.max_items)
        for item_id in store.removable_among(beyond, keep_unread=retention.keep_unread, in_feed=True):
            chosen.setdefault(item_id, f"past the newest {retention.max_items}")
    titles = store.titles(chosen)
    removals = [Removal(i, titles.get(i, ""), why) for i, why in chosen.items()]
    if not dry_run and removals:
        store.remove_items([r.item_id for r in removals])
    return removals
