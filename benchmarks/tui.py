"""TUI speed with a store of 10,000 items, against a bare Textual app measured the same way.

    python benchmarks/tui.py [--items 10000] [--moves 60]

1. Time to the first screen: from App.run_test() entry until the item list shows its rows,
   against a bare App with one Static, in the same run (best of 3 each).
2. `j` with the summary shown: the time from pressing j until the preview shows the next
   item's summary, median and worst over N moves; and a bare app's press of the same key
   (the Pilot's own cost), so the difference is the app's own work.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from newsreader.core.config import Config
from newsreader.core.feeds.parse import FeedEntry
from newsreader.core.models import Article, Block, SummarySentence
from newsreader.core.store.db import Store
from newsreader.tui.app import MainScreen, NewsreaderApp


def build_store(path: Path, items: int) -> None:
    words = ["council", "harbour", "budget", "school", "river", "market", "storm", "museum", "bridge", "election"]
    with Store(path) as store:
        for feed_no in range(50):
            feed_id, _ = store.add_feed(f"https://feed{feed_no}.example/rss", title=f"Feed {feed_no}")
            entries = [FeedEntry(f"g{feed_no}-{i}", f"https://feed{feed_no}.example/a/{i}",
                                 f"{random.choice(words).title()} story {feed_no}-{i}", time.time() - i * 60, "")
                       for i in range(items // 50)]
            ids = store.store_entries(feed_id, entries, title=None, site_url=None, etag=None, last_modified=None)
            results = []
            for item_id in ids:
                text = f"The {random.choice(words)} report {item_id} was published today. Officials responded."
                article = Article(title=f"Story {item_id}", blocks=(Block("paragraph", text),),
                                  summary=(SummarySentence(text.split(". ")[0] + ".", 0, 0, len(text.split(". ")[0]) + 1),))
                results.append((item_id, article, None))
            store.store_articles(results)


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare")


async def first_screen_bare() -> float:
    started = time.perf_counter()
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def first_screen_app(db: Path, items: int) -> tuple[float, float]:
    """(first rows on screen, every row in the list)."""
    started = time.perf_counter()
    app = NewsreaderApp(Config(refresh_minutes=0), db=str(db))
    async with app.run_test(size=(120, 40)):
        # Poll with plain sleeps: Pilot.pause also waits for the app to go idle,
        # which would count the background filling of the list as time to first screen.
        while not isinstance(app.screen, MainScreen) or not app.screen.is_mounted:
            await asyncio.sleep(0.002)
        options = app.screen.query_one("#items", OptionList)
        painted: list[float] = []
        draw = options.render_lines

        def render_lines(crop):  # type: ignore[no-untyped-def]
            if options.option_count and not painted:
                painted.append(time.perf_counter())  # the first paint that has rows in it
            return draw(crop)

        options.render_lines = render_lines  # type: ignore[method-assign]
        while not painted:
            await asyncio.sleep(0.002)
        first = painted[0] - started
        while options.option_count < items:
            await asyncio.sleep(0.002)
        return first, time.perf_counter() - started


async def moves_app(db: Path, items: int, moves: int) -> list[float]:
    app = NewsreaderApp(Config(refresh_minutes=0), db=str(db))
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        while len(app.rows) < items or app.screen.query_one("#items", OptionList).option_count < items:
            await pilot.pause(0.005)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        preview = screen.query_one("#preview-text")
        for _ in range(moves):
            before = str(preview.render())
            started = time.perf_counter()
            await pilot.press("j")
            while str(preview.render()) == before:
                await pilot.pause(0.001)
            times.append(time.perf_counter() - started)
    return times


class BareList(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*(f"row {i}" for i in range(20)))


async def moves_bare(moves: int) -> list[float]:
    times = []
    async with BareList().run_test(size=(120, 40)) as pilot:
        for _ in range(moves):
            started = time.perf_counter()
            await pilot.press("down")
            times.append(time.perf_counter() - started)
    return times


async def main(items: int, moves: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_store(db, items)
        bare = min([await first_screen_bare() for _ in range(3)])
        runs = [await first_screen_app(db, items) for _ in range(3)]
        ours, full = min(r[0] for r in runs), min(r[1] for r in runs)
        print(f"items: {items}")
        print(f"first screen: bare app {bare * 1000:.0f} ms, newsreader {ours * 1000:.0f} ms, "
              f"difference {(ours - bare) * 1000:.0f} ms (target: within 500 ms); "
              f"all {items} rows in the list at {full * 1000:.0f} ms")
        ours_moves = await moves_app(db, items, moves)
        bare_moves = await moves_bare(moves)
        own = [o - statistics.median(bare_moves) for o in ours_moves]
        print(f"j with summary shown: median {statistics.median(ours_moves) * 1000:.1f} ms, "
              f"worst {max(ours_moves) * 1000:.1f} ms; bare press median "
              f"{statistics.median(bare_moves) * 1000:.1f} ms")
        print(f"app's own work per move: median {statistics.median(own) * 1000:.1f} ms, "
              f"worst {max(own) * 1000:.1f} ms (target: 30 ms median)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args()
    asyncio.run(main(args.items, args.moves))
