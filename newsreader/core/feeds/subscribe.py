"""Subscribing: a feed URL, or a web page whose <link rel="alternate"> names its feed."""

from __future__ import annotations

import asyncio

from newsreader.core.errors import FetchError, NewsreaderError
from newsreader.core.feeds.parse import discover_feeds, parse_feed
from newsreader.core.io.decode import decode
from newsreader.core.io.fetch import FEED_ACCEPT, Fetcher, FetchSettings
from newsreader.core.io.urls import normalise_url, web_address
from newsreader.core.store.db import Store


async def find_feed(url: str, settings: FetchSettings = FetchSettings()) -> tuple[str, str | None]:
    """(feed URL, title) for ``url``: itself if it is a feed, else the feed its page announces."""
    async with Fetcher(settings) as fetcher:
        result = await fetcher.fetch(url, accept=FEED_ACCEPT)
        if result.document is None:
            raise FetchError(f"{url}: no body")
        final = result.document.url or url
        try:
            parsed = parse_feed(result.document.body, final, result.document.charset)
            return final, parsed.title
        except NewsreaderError as not_feed:
            try:
                page = decode(result.document).text
            except NewsreaderError:
                raise not_feed from None
            candidates = discover_feeds(page, final)
            if not candidates:
                raise FetchError(f"{url}: not a feed, and the page names no feed") from None
            for candidate in candidates:
                try:
                    found = await fetcher.fetch(candidate, accept=FEED_ACCEPT)
                    if found.document is None:
                        continue
                    return candidate, parse_feed(found.document.body, candidate, found.document.charset).title
                except NewsreaderError:
                    continue
            raise FetchError(f"{url}: the feeds the page names could not be read") from None


def known_feed(store: Store, *urls: str) -> str | None:
    """The subscribed feed that any of ``urls`` names already, tracking parameters, ``www.``,
    ``m.`` and a trailing slash aside (the same feed behind a variant or a redirect)."""
    wanted = {normalise_url(u) for u in urls if u}
    return next((f.url for f in store.feeds(counts=False) if normalise_url(f.url) in wanted), None)


def subscribe(store: Store, url: str, settings: FetchSettings = FetchSettings(),
              tags: tuple[str, ...] = (), fetch_now: bool = True) -> tuple[str, bool, int]:
    """Find and add a feed, and fetch it at once; returns (feed URL, whether it is new, how
    many items it brought).  A feed already subscribed under another URL is not added twice."""
    url = web_address(url)
    existing = known_feed(store, url)
    if existing is not None:
        return existing, False, 0
    feed_url, title = asyncio.run(find_feed(url, settings))
    existing = known_feed(store, feed_url)  # the page named a feed we have, or it redirected to one
    if existing is not None:
        return existing, False, 0
    feed_id, new = store.add_feed(feed_url, title=title, tags=tags)
    items = 0
    if new and fetch_now:
        from newsreader.core.feeds.refresh import refresh

        items = asyncio.run(refresh(store, fetch=settings, full_text=False, feed_ids={feed_id})).new_items
    return feed_url, new, items
