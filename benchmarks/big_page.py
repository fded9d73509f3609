"""Time one large page through the whole pipeline against readability-lxml alone, in the same run.

    python benchmarks/big_page.py [--cards 3000] [--boxes 5000] [--rounds 3]

The page is built here: a short story, a sidebar of "Recent posts" cards (linked headline
over a standfirst, named "entry" like the story's box) and thousands of small boxes of prose.
It is the shape that made a per-candidate test quadratic once (listing each candidate's
parent's children): the ratio shows such a cost at once, where the corpora's pages are
too small to.  Prints wall times (best of the rounds) and the ratio.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from readability import Document as Readability

from newsreader.core.models import Document
from newsreader.core.pipeline import process_one
from newsreader.core.settings import SummarySettings

PARAGRAPH = ("<p>The council met on Monday night and agreed the budget for the coming year, "
             "with a rise in harbour fees and a new ferry timetable.</p>")


def build(cards: int, boxes: int) -> str:
    sidebar = "".join(f"<div class='entry'><h5><a href='/p/{i}'>Story number {i} about the harbour</a></h5>"
                      f"<p class='summary'>{PARAGRAPH}</p></div>" for i in range(cards))
    prose = "".join(f"<div class='x'><div><div>{PARAGRAPH}</div></div></div>" for _ in range(boxes))
    return ("<html><head><title>Budget agreed</title></head><body><div id='content'><div class='post entry'>"
            f"<h1>Budget agreed</h1><div class='entry-content'>{PARAGRAPH * 40}</div></div></div>"
            f"<div id='side'>{sidebar}</div>{prose}</body></html>")


def best_of(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cards", type=int, default=3000)
    parser.add_argument("--boxes", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    page = build(args.cards, args.boxes)
    body = page.encode()
    off = SummarySettings(enabled=False)
    ours = best_of(args.rounds, lambda: process_one(Document("big.html", body, content_type="text/html"), off))
    alone = best_of(args.rounds, lambda: Readability(page).summary(html_partial=True))
    print(f"page: {len(body) // 1024} KB, {args.cards} cards, {args.boxes} boxes; best of {args.rounds}")
    print(f"readability-lxml alone : {alone:6.2f} s")
    print(f"newsreader (no summary): {ours:6.2f} s")
    print(f"ratio                  : {ours / alone:6.2f}x")


if __name__ == "__main__":
    main()
