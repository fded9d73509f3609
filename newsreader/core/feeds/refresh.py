"""Refresh: every feed at once over one client, then every new item's page, cleaned in worker processes.

1. fetch all feeds concurrently (global and per-host limits, conditional GET);
   a slow or hanging feed holds up only itself;
2. parse each feed and store its entries in one transaction per feed;
3. fetch each new item's page, concurrently on the same client;
4. extract, separate and summarise in a process pool so both cores work;
5. store the articles in batches; errors are recorded per feed and per item;
6. run the rules over the new items (after their pages are read, so ``text:`` and
   ``words:`` see the story), then, when limits are set, the clean-up (retention.py).

Items whose page was never processed (a refresh killed mid-way) are picked up
by the next refresh, so nothing is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsreader.core.errors import FetchError, NewsreaderError
from newsreader.core.io.fetch import FEED_ACCEPT, Fetcher, FetchSettings
from newsreader.core.models import Article, Document
from newsreader.core.store.db import FeedRow, Store

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from newsreader.core.config import FeedConfig, Retention
    from newsreader.core.extract.site import SiteRules
    from newsreader.core.rules import Rule
    from newsreader.core.settings import SummarySettings

@dataclass
class RefreshTotals:
    feeds: int = 0
    feeds_ok: int = 0
    not_modified: int = 0
    feed_errors: int = 0
    new_items: int = 0
    articles: int = 0
    article_errors: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)
    ruled: int = 0  # changes the rules made
    removed: int = 0  # items the clean-up removed

    def as_dict(self) -> dict[str, object]:
        return {
            "feeds": self.feeds, "feeds_ok": self.feeds_ok, "not_modified": self.not_modified,
            "feed_errors": self.feed_errors, "new_items": self.new_items, "articles": self.articles,
            "article_errors": self.article_errors, "ruled": self.ruled, "removed": self.removed,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True, slots=True)
class Progress:
    """What a refresh reports as it goes: phase, done, total, and the latest event."""

    phase: str  # "feeds" | "articles"
    done: int
    total: int
    message: str = ""


ProgressCallback = Callable[[Progress], None]


def _process_pool(workers: int) -> ProcessPoolExecutor:
    """Workers forked from a clean server process, not from this one: the TUI calls us
    from a thread, and forking a threaded process can copy a held lock into the child.
    The server imports the pipeline once, so each worker starts warm."""
    import multiprocessing  # only a full-text refresh needs these
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsreader.core.pipeline"])
    return ProcessPoolExecutor(max_workers=max(1, workers), mp_context=context)


def _process_page(
    args: tuple[int, Document, SummarySettings, SiteRules | None],
) -> tuple[int, Article | None, str | None]:
    """Runs in a worker process: the CPU part of the pipeline for one page."""
    from newsreader.core.pipeline import (
        process_one,  # readability, sumy and numpy load only where pages are cleaned
    )

    item_id, doc, summary, site = args
    outcome = process_one(doc, summary, site)
    return item_id, outcome.article, outcome.error


async def _refresh_feed(
    fetcher: Fetcher, store: Store, feed: FeedRow, totals: RefreshTotals,
    unchanged: list[tuple[int, str | None, str | None]],
) -> None:
    try:
        result = await fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified,
                                     accept=FEED_ACCEPT)
        if result.not_modified:
            unchanged.append((feed.id, result.etag, result.last_modified))  # saved in one batch
            totals.not_modified += 1
            return
        from newsreader.core.feeds.parse import (  # lxml loads on the first changed feed
            ParsedFeed,
            parse_feed,
        )

        doc = result.document
        if doc is None:
            raise FetchError(f"no body from {feed.url}")

        def parse_and_store() -> tuple[ParsedFeed, list[int]]:
            # Off the event loop: lxml parses without the GIL while other fetches go on.
            parsed = parse_feed(doc.body, doc.url or feed.url, doc.charset)
            return parsed, store.store_entries(
                feed.id, parsed.entries, title=parsed.title, site_url=parsed.site_url,
                etag=result.etag, last_modified=result.last_modified, warning=parsed.warning)

        parsed, new = await asyncio.to_thread(parse_and_store)
    except Exception as exc:  # one feed's failure, whatever raised it, is that feed's error line
        message = str(exc) if isinstance(exc, NewsreaderError) else f"{type(exc).__name__}: {exc}"
        totals.feed_errors += 1
        totals.errors.append(f"{feed.url}: {message}")
        with contextlib.suppress(NewsreaderError):
            await asyncio.to_thread(store.record_feed_error, feed.id, message)
        return
    totals.feeds_ok += 1
    if parsed.warning:
        totals.errors.append(f"{feed.url}: {parsed.warning}")
    totals.new_items += len(new)
    totals.new_ids += new


async def refresh(
    store: Store,
    *,
    fetch: FetchSettings = FetchSettings(),
    summary: SummarySettings | None = None,
    full_text: bool = True,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    executor: Executor | None = None,
    due_minutes: int | None = None,
    feed_ids: set[int] | None = None,
    rules: Sequence[Rule] = (),
    sites: Mapping[str, SiteRules] | None = None,
    retention: Retention | None = None,
    feed_configs: Sequence[FeedConfig] = (),
) -> RefreshTotals:
    """Refresh every feed, or with ``due_minutes`` only those whose interval has passed
    (a feed's own ``refresh_minutes`` from the config wins over ``due_minutes``).
    ``sites``: extraction rules by feed URL; ``rules`` run over the new items;
    ``retention`` (with ``feed_configs``' own limits) cleans up after."""
    started = time.perf_counter()
    totals = RefreshTotals()
    feeds = store.feeds(counts=False)
    if feed_ids is not None:
        feeds = [f for f in feeds if f.id in feed_ids]
    if due_minutes is not None:
        now = time.time()
        feeds = [f for f in feeds if now - f.last_attempt >= 60 * (f.refresh_minutes or due_minutes)]
    totals.feeds = len(feeds)
    report = progress or (lambda p: None)
    unchanged: list[tuple[int, str | None, str | None]] = []
    async with Fetcher(fetch) as fetcher:
        done = 0

        async def one_feed(feed: FeedRow) -> None:
            nonlocal done
            await _refresh_feed(fetcher, store, feed, totals, unchanged)
            done += 1
            report(Progress("feeds", done, len(feeds), feed.title or feed.url))

        await asyncio.gather(*(one_feed(f) for f in feeds))
        await asyncio.to_thread(store.record_not_modified, unchanged)
        if full_text:
            from newsreader.core.settings import SummarySettings

            await _refresh_articles(store, fetcher, summary or SummarySettings(), workers, totals,
                                    report, executor, sites or {})
    if rules and totals.new_ids:
        from newsreader.core.rules import apply_rules

        hits = await asyncio.to_thread(apply_rules, store, rules, totals.new_ids)
        totals.ruled = len(hits)
    from newsreader.core.retention import cleanup, has_limits

    if retention is not None and retention.after_refresh and has_limits(retention, feed_configs):

        totals.removed = len(await asyncio.to_thread(cleanup, store, retention, feed_configs))
    if totals.new_items or totals.articles:
        store.optimize()
    totals.seconds = time.perf_counter() - started
    return totals


async def _refresh_articles(
    store: Store, fetcher: Fetcher, summary: SummarySettings, workers: int,
    totals: RefreshTotals, report: ProgressCallback, executor: Executor | None,
    sites: Mapping[str, SiteRules],
) -> None:
    pending = await asyncio.to_thread(store.pending_articles)
    if not pending:
        return
    loop = asyncio.get_running_loop()
    own = executor is None
    pool: Executor = executor or _process_pool(workers)
    results: list[tuple[int, Article | None, str | None]] = []
    done = 0

    async def flush(force: bool = False) -> None:
        if results and (force or len(results) >= 50):
            batch = results[:]
            results.clear()
            await asyncio.to_thread(store.store_articles, batch)

    async def one(item_id: int, url: str, feed_url: str) -> None:
        nonlocal done
        try:
            fetched = await fetcher.fetch(url)
            if fetched.document is None:
                raise FetchError(f"no body from {url}")
            work = (item_id, fetched.document, summary, sites.get(feed_url))
            outcome = await loop.run_in_executor(pool, _process_page, work)
        except NewsreaderError as exc:
            outcome = (item_id, None, str(exc))
        except Exception as exc:  # a crashed worker must not stop the others
            outcome = (item_id, None, f"{type(exc).__name__}: {exc}")
        if outcome[1] is None:
            totals.article_errors += 1
        else:
            totals.articles += 1
        results.append(outcome)
        done += 1
        report(Progress("articles", done, len(pending), url))
        await flush()

    try:
        await asyncio.gather(*(one(*p) for p in pending))
        await flush(force=True)
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def refresh_sync(store: Store, **kwargs: Any) -> RefreshTotals:
    return asyncio.run(refresh(store, **kwargs))
