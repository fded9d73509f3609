"""Time feed parsing on the bench's feeds: newsreader's parser against feedparser (and the
fast parsers, when installed), in one run, so the ratio holds on any machine.

    python benchmarks/feed_parse.py [--feeds 200] [--items 20] [--rounds 3]

The feeds come from ../shared/bench/gen_feeds.py (RSS 2.0 and Atom, as news sites write
them), cached under $TMPDIR.  Prints the best of --rounds for each parser.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def corpus(feeds: int, items: int) -> list[bytes]:
    out = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / f"newsreader-feeds-{feeds}x{items}"
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, str(BENCH / "gen_feeds.py"), "--out", str(out), "-n", str(feeds),
                        "-m", str(items), "--seed", "7"], check=True, capture_output=True)
    # As served: the generator writes @@BASE@@ where serve.py puts the server's address.
    return [p.read_bytes().replace(b"@@BASE@@", b"http://127.0.0.1:8080") for p in sorted((out / "feeds").iterdir())]


def best(parse: Callable[[bytes], object], bodies: list[bytes], rounds: int) -> tuple[float, int]:
    times = []
    count = 0
    for _ in range(rounds):
        started = time.perf_counter()
        count = 0
        for body in bodies:
            parsed = parse(body)
            count += len(getattr(parsed, "entries", None) or parsed["entries"])  # type: ignore[index]
        times.append(time.perf_counter() - started)
    return min(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not BENCH.exists():
        raise SystemExit("needs ../shared/bench (gen_feeds.py)")
    bodies = corpus(args.feeds, args.items)
    sys.path.insert(0, str(ROOT))
    from newsreader.core.feeds.parse import parse_feed

    parsers: dict[str, Callable[[bytes], object]] = {
        "newsreader": lambda body: parse_feed(body, "http://127.0.0.1/feed"),
    }
    for name, module in (("feedparser 6", "feedparser"), ("fastfeedparser", "fastfeedparser"),
                         ("feedparser-rs", "feedparser_rs")):
        if importlib.util.find_spec(module):
            lib = importlib.import_module(module)
            parsers[name] = lib.parse
    results = {name: best(parse, bodies, args.rounds) for name, parse in parsers.items()}
    base = results.get("feedparser 6", (None, 0))[0]
    print(f"{len(bodies)} feeds, best of {args.rounds} rounds")
    print(f"{'parser':16} {'seconds':>8} {'entries':>8} {'vs feedparser':>14}")
    for name, (seconds, count) in results.items():
        ratio = f"{seconds / base:.3f}x" if base else "-"
        print(f"{name:16} {seconds:8.3f} {count:8} {ratio:>14}")


if __name__ == "__main__":
    main()
