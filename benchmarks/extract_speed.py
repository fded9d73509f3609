"""Time the whole extract pipeline (summaries on) against readability-lxml alone.

    python benchmarks/extract_speed.py [--rounds 3]

Both run over the 181 pages of ../shared/corpus/extraction in the same process
and the same run, alternating, best of N rounds; the ratio is what counts on a
noisy machine.  Also times summarising one article of 50 and of 600 sentences.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import statistics
import time
from pathlib import Path

from readability import Document as Readability

from newsreader.core.models import Block, Document
from newsreader.core.pipeline import SummarySettings, process_document
from newsreader.core.summarise.algorithms import ALGORITHMS, summarise

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def load_pages() -> list[bytes]:
    folder = SHARED / "corpus" / "extraction" / "scrapinghub" / "html"
    return [gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("*.html.gz"))]


def time_readability(pages: list[bytes]) -> float:
    started = time.perf_counter()
    for page in pages:
        Readability(page.decode("utf-8", "replace")).summary(html_partial=True)
    return time.perf_counter() - started


def time_pipeline(pages: list[bytes]) -> float:
    settings = SummarySettings()
    started = time.perf_counter()
    for i, page in enumerate(pages):
        # an error is a result too; its time counts
        with contextlib.suppress(Exception):
            process_document(Document(f"p{i}.html", page, path=f"p{i}.html"), settings)
    return time.perf_counter() - started


def summary_ms(sentences: int, algorithm: str, repeats: int = 5) -> float:
    words = ["council", "budget", "school", "road", "river", "police", "hospital", "market", "tax", "election", "storm", "bridge", "museum", "harbour", "factory"]
    blocks = [Block("paragraph", " ".join(
        f"The {words[(i + j) % 15]} report number {i * 4 + j} said officials would review the {words[(i * 3 + j) % 15]} plan."
        for j in range(4))) for i in range(sentences // 4)]
    summarise(blocks, algorithm=algorithm)  # warm caches and imports
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        summarise(blocks, algorithm=algorithm)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = load_pages()
    time_pipeline(pages[:5])  # imports and model loading are not per-page costs
    base, ours = [], []
    for _ in range(args.rounds):
        base.append(time_readability(pages))
        ours.append(time_pipeline(pages))
    b, o = min(base), min(ours)
    print(f"pages: {len(pages)}  rounds: {args.rounds} (best of)")
    print(f"readability-lxml alone : {b:6.2f} s  {b / len(pages) * 1000:6.1f} ms/page")
    print(f"newsreader extract     : {o:6.2f} s  {o / len(pages) * 1000:6.1f} ms/page (summaries on)")
    print(f"ratio                  : {o / b:6.2f}x  (target <= 1.5x)")
    print()
    print(f"{'algorithm':<10} {'50 sentences':>14} {'600 sentences':>14}")
    for name in ALGORITHMS:
        print(f"{name:<10} {summary_ms(50, name):11.1f} ms {summary_ms(600, name, 3):11.1f} ms")


if __name__ == "__main__":
    main()
