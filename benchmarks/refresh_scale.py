"""Refresh against store size: the same refreshes into an empty store and into a copy of
the million-item store (benchmarks/big_store.py), in one run.

    python benchmarks/refresh_scale.py [--items 1000000] [--rounds 8]

A local news web (tests/newsweb.py: 200 feeds of 20 items, 50 ms a request, 16 in
flight) serves a new set of items each round, so every refresh stores 4,000 new items,
as a refresh after a few hours away would.  Feeds only: pages are the same work at any
store size (timed by `FULL_TEXT=1 benchmarks/refresh.sh`).  Prints each round, and the
median and mean, for both stores; the copy's own 200 feeds are left out of the refresh.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "tests")]

import big_store  # noqa: E402
from newsweb import serve  # noqa: E402

from newsreader.core.feeds.refresh import refresh_sync  # noqa: E402
from newsreader.core.io.fetch import FetchSettings  # noqa: E402
from newsreader.core.store.db import Store  # noqa: E402


def rounds(db: Path, count: int) -> list[float]:
    times = []
    with serve(feeds=200, items=20, latency_ms=50) as web, Store(db) as store:
        ids = {store.add_feed(url)[0] for url in web.feed_urls()}
        for n in range(count):
            web.first = (n + 1) * 20  # twenty new items in every feed
            totals = refresh_sync(store, full_text=False, feed_ids=ids,
                                  fetch=FetchSettings(concurrency=16, per_host=16))
            assert totals.new_items == 4000, totals.as_dict()
            times.append(totals.seconds)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    source = big_store.build(args.items)
    with tempfile.TemporaryDirectory(dir=big_store.cache_dir()) as tmp:
        empty = rounds(Path(tmp) / "empty.db", args.rounds)
        copy = Path(tmp) / "big.db"
        shutil.copyfile(source, copy)
        big = rounds(copy, args.rounds)
    print("| store | " + " | ".join(f"refresh {n + 1}" for n in range(args.rounds)) + " | median | mean |")
    print("|---|" + "---|" * (args.rounds + 2))
    for label, times in (("empty", empty), (f"{args.items:,} items", big)):
        print(f"| {label} | " + " | ".join(f"{t:.2f}" for t in times)
              + f" | **{statistics.median(times):.2f} s** | {statistics.mean(times):.2f} s |")
    print(f"\nmedian ratio {statistics.median(big) / statistics.median(empty):.2f}x, "
          f"mean ratio {statistics.mean(big) / statistics.mean(empty):.2f}x")


if __name__ == "__main__":
    main()
