"""The TUI and the store at 10k, 100k and 1M items, each figure against a baseline
measured in the same run.

    python benchmarks/tui.py                      # 10k, 100k and 1M (stores built once: big_store.py)
    python benchmarks/tui.py --sizes 10000        # one size

For each size, in a fresh process (so memory is the app's own):

1. First screen: from App.run_test() entry until the item list paints with rows,
   against a bare Textual app with one Static (best of 3 each).
2. `j` with the summary shown: from the key press until the preview has painted the
   next item's summary, over 250 moves (past the first page, so page loads are in it);
   a bare OptionList's press until its highlight has painted is the Pilot's and
   Textual's own cost, and the difference is the app's own work.
3. Search: the first page of results (store.items, as the TUI asks for it) for a word
   in about 1.6% of items, a rarer word, two words, a phrase, and filters with words.
4. Memory: the process's peak RSS after all of that, against a bare app's.

Figures print as a Markdown table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import big_store
from textual.app import App, ComposeResult
from textual.widgets import OptionList, Static

from newsreader.core.config import Config
from newsreader.core.store.db import Store
from newsreader.core.store.listing import ItemFilter
from newsreader.tui.app import MainScreen, NewsreaderApp

MOVES = 250


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bare")


class BareList(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*(f"row {i}" for i in range(20)))


async def first_screen_bare() -> float:
    started = time.perf_counter()
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def first_screen_app(db: Path) -> float:
    started = time.perf_counter()
    app = NewsreaderApp(Config(refresh_minutes=0), db=str(db))
    async with app.run_test(size=(120, 40)):
        # Plain sleeps: Pilot.pause would also wait for the counts that follow the paint.
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
        return painted[0] - started


async def moves_app(db: Path) -> tuple[list[float], int]:
    app = NewsreaderApp(Config(refresh_minutes=0), db=str(db))
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.rows:
            await pilot.pause(0.005)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        preview = screen.query_one("#preview-text")
        painted = watch_paints(preview)
        for _ in range(MOVES):
            # Each update hands the preview a new Text; the move is done when the preview
            # has painted it (two items may share a summary: the words alone can't tell).
            before = preview._content  # type: ignore[attr-defined]
            started = time.perf_counter()
            await pilot.press("j")
            while preview._content is before or not painted or painted[-1] is not preview._content:  # type: ignore[attr-defined]
                await asyncio.sleep(0.0005)
            times.append(time.perf_counter() - started)
        return times, len(app.rows)


def watch_paints(widget) -> list[object]:  # type: ignore[no-untyped-def]
    """What the widget showed each time it painted (its content, or its highlight)."""
    painted: list[object] = []
    draw = widget.render_lines

    def render_lines(crop):  # type: ignore[no-untyped-def]
        painted.append(getattr(widget, "_content", None) or getattr(widget, "highlighted", None))
        return draw(crop)

    widget.render_lines = render_lines
    return painted


async def moves_bare() -> list[float]:
    """A bare OptionList: the key press and the repaint of the moved highlight."""
    times = []
    async with BareList().run_test(size=(120, 40)) as pilot:
        options = pilot.app.query_one(OptionList)
        painted = watch_paints(options)
        for n in range(MOVES):
            started = time.perf_counter()
            await pilot.press("down" if n % 38 < 19 else "up")  # back and forth over its 20 rows
            wanted = options.highlighted
            while not painted or painted[-1] != wanted:
                await asyncio.sleep(0.0005)
            times.append(time.perf_counter() - started)
    return times


def searches(db: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    with Store(db) as store:
        titles = [t for (t,) in store._db.execute("SELECT title FROM items WHERE id <= 50")]
        common, rare = titles[0].split()[0].lower(), titles[7].split()[-1].lower()
        queries = {
            f"word ({common})": common,
            f"rarer word ({rare})": rare,
            "two words": f"{common} {rare}",
            "phrase": '"' + " ".join(titles[3].split()[:2]) + '"',
            "words + filters": f"{common} is:unread age:<400d feed:bench",
            "filters only": "tag:news is:starred words:>300",
        }
        for label, query in queries.items():
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                store.items(ItemFilter(query=query), limit=200)
                best = min(best, time.perf_counter() - started)
            out[label] = best
    return out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def one_size(items: int) -> dict[str, object]:
    db = big_store.build(items)
    bare = min([await first_screen_bare() for _ in range(3)])
    ours = min([await first_screen_app(db) for _ in range(3)])
    app_moves, rows_loaded = await moves_app(db)
    bare_moves = await moves_bare()
    own = [t - statistics.median(bare_moves) for t in app_moves]
    return {
        "items": items, "bare_ms": bare * 1000, "first_ms": ours * 1000, "over_ms": (ours - bare) * 1000,
        "j_median_ms": statistics.median(app_moves) * 1000, "bare_j_ms": statistics.median(bare_moves) * 1000,
        "own_median_ms": statistics.median(own) * 1000, "own_p90_ms": sorted(own)[int(len(own) * 0.9)] * 1000,
        "rows_loaded": rows_loaded, "search_ms": {k: v * 1000 for k, v in searches(db).items()},
        "rss_mb": rss_mb(), "db_mb": db.stat().st_size / 1e6,
    }


def bare_rss() -> float:
    async def run() -> None:
        await first_screen_bare()
        await moves_bare()

    asyncio.run(run())
    return rss_mb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare-rss", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(one_size(args.one))))
        return
    if args.bare_rss:
        print(json.dumps(bare_rss()))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        big_store.build(size)  # built (or found) before anything is timed
    base_rss = json.loads(subprocess.run([sys.executable, __file__, "--bare-rss"], capture_output=True,
                                         text=True, check=True).stdout)
    results = [json.loads(subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True,
                                         text=True, check=True).stdout) for size in sizes]
    print("| items | store | first screen: bare / newsreader / over bare | j: median, bare press, own work"
          " median (p90) | rows loaded after 250 j | peak RSS (bare app) |")
    print("|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['items']:,} | {r['db_mb']:,.0f} MB | {r['bare_ms']:.0f} / {r['first_ms']:.0f} / "
              f"**+{r['over_ms']:.0f} ms** | {r['j_median_ms']:.1f}, {r['bare_j_ms']:.1f}, "
              f"**{r['own_median_ms']:.1f} ms** ({r['own_p90_ms']:.1f}) | {r['rows_loaded']} | "
              f"**{r['rss_mb']:.0f} MB** ({base_rss:.0f} MB) |")
    print()
    labels = list(results[0]["search_ms"])  # type: ignore[call-overload]
    print("| search, first page of 200 | " + " | ".join(f"{r['items']:,}" for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for label in labels:
        print(f"| {label} | " + " | ".join(f"{r['search_ms'][label]:.1f} ms" for r in results) + " |")  # type: ignore[index]


if __name__ == "__main__":
    main()
