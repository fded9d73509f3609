"""Score feed parsers on feedparser's own file-based test suite, on the fields we keep.

    pip download --no-deps --no-binary :all: feedparser==6.0.14 && tar xzf feedparser-6.0.14.tar.gz
    python benchmarks/feed_suite.py feedparser-6.0.14/tests [--parser newsreader|feedparser|feedparser-rs|fastfeedparser] [--fails N]

Each test file states what a correct parse gives (``Expect: …``).  The cases kept are those
whose expectation reads only the fields we store: the feed's title and link, and each
entry's id, link, title, date, author and body.  Titles and bodies are compared as the text
a reader sees (tags dropped, entities decoded, spaces folded), dates as UTC.  The suite is
read from where it was unpacked; nothing of it is copied into the project.
"""

from __future__ import annotations

import argparse
import calendar
import html
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

FEED_KEPT = {"title", "link"}
ENTRY_KEPT = {"title", "link", "id", "guid", "published_parsed", "updated_parsed", "author", "summary",
              "description", "content", "value"}
FEED_KEYS = re.compile(r"feed\[\s*'([A-Za-z_]+)'\s*\]")
ENTRY_KEYS = re.compile(r"entries\[\d+\]\[\s*'([A-Za-z_]+)'\s*\](?:\[\d+\]\[\s*'([A-Za-z_]+)'\s*\])?")
EXPECT = re.compile(r"^Expect:\s*(.*?)\s*$", re.MULTILINE)
_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?(?:-->|$)", re.DOTALL | re.IGNORECASE)


def seen_text(value: str) -> str:
    """What a reader sees of a title or body: no scripts, styles, comments or tags,
    entities decoded, spaces folded."""
    return " ".join(html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", value))).split())


class Plain(str):
    """A title already turned into plain text: equal to what a reader sees of the other."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and " ".join(self.split()) == seen_text(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__


class Seen(str):
    """A string that equals another when a reader would see the same text."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and seen_text(self) == seen_text(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = str.__hash__


def cases(suite: Path) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(suite.rglob("*.xml")):
        if "http" in path.parts or "compression" in path.parts or path.name.startswith("http_"):
            continue  # these need an HTTP server (headers) in the loop
        head = path.read_bytes()[:3000].decode("utf-8", "replace")
        match = EXPECT.search(head)
        if not match:
            continue
        expect = re.sub(r"\bnot bozo and\b|\bbozo and\b|\band not bozo\b|\band bozo\b", "", match.group(1)).strip()
        feed_keys = set(FEED_KEYS.findall(expect))
        entry_keys = {k for pair in ENTRY_KEYS.findall(expect) for k in pair if k}
        if not (feed_keys or entry_keys) or not feed_keys <= FEED_KEPT or not entry_keys <= ENTRY_KEPT:
            continue
        if "bozo" in expect or "len(" in expect:
            continue
        if not re.match(r"^(feed|entries\[\d\])\[", expect):
            continue
        found.append((path, expect))
    return found


def struct(ts: float | None) -> Any:
    return time.gmtime(ts) if ts is not None else None


def view_newsreader(records: dict[str, Any]) -> dict[str, Any]:
    """`newsreader parse-feed --format json` as the dict the expectations read."""
    entries = []
    for e in records.get("entries", []):
        ts = None
        if e.get("published"):
            ts = calendar.timegm(time.strptime(e["published"][:19], "%Y-%m-%dT%H:%M:%S"))
        body = Seen(e.get("content") or "")
        entries.append({"title": Plain(e.get("title") or ""), "link": e.get("url") or "", "id": e.get("guid") or "",
                        "guid": e.get("guid") or "", "published_parsed": struct(ts), "updated_parsed": struct(ts),
                        "author": Seen(e.get("author") or ""), "summary": body, "description": body,
                        "content": [{"value": body}]})
    return {"feed": {"title": Plain(records.get("title") or ""), "link": records.get("site_url") or ""},
            "entries": entries}


def run_newsreader(paths: list[Path]) -> dict[Path, dict[str, Any]]:
    done = subprocess.run([sys.executable, "-m", "newsreader", "parse-feed", "--format", "json", *map(str, paths)],
                          capture_output=True, text=True, timeout=600)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    if len(records) != len(paths):
        raise SystemExit(f"parse-feed gave {len(records)} records for {len(paths)} inputs: {done.stderr[-500:]}")
    return {p: view_newsreader(r) for p, r in zip(paths, records, strict=True)}


def view_library(parsed: Any) -> dict[str, Any]:
    def get(obj: Any, key: str) -> Any:
        try:
            return obj.get(key) if hasattr(obj, "get") else getattr(obj, key, None)
        except Exception:
            return None

    def text(obj: Any, key: str) -> Seen:
        return Seen(str(get(obj, key) or ""))

    entries = []
    for e in get(parsed, "entries") or []:
        content = get(e, "content") or []
        body = get(content[0], "value") if content else None
        body = Seen(str(body or get(e, "summary") or get(e, "description") or ""))
        entries.append({"title": text(e, "title"), "link": str(get(e, "link") or ""), "id": str(get(e, "id") or ""),
                        "guid": str(get(e, "id") or ""), "published_parsed": get(e, "published_parsed") or get(e, "updated_parsed"),
                        "updated_parsed": get(e, "updated_parsed") or get(e, "published_parsed"),
                        "author": text(e, "author"), "summary": body, "description": body, "content": [{"value": body}]})
    feed = get(parsed, "feed") or {}
    return {"feed": {"title": text(feed, "title"), "link": str(get(feed, "link") or "")}, "entries": entries}


def run_library(name: str, paths: list[Path]) -> dict[Path, dict[str, Any]]:
    if name == "feedparser":
        import feedparser as lib
    elif name == "feedparser-rs":
        import feedparser_rs as lib  # type: ignore[no-redef]
    else:
        import fastfeedparser as lib  # type: ignore[no-redef]
    out = {}
    for path in paths:
        try:
            out[path] = view_library(lib.parse(path.read_bytes()))
        except Exception:
            out[path] = {"feed": {}, "entries": []}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suite", type=Path)
    parser.add_argument("--parser", default="newsreader")
    parser.add_argument("--fails", type=int, default=0, help="print this many failing cases")
    args = parser.parse_args()
    found = cases(args.suite)
    paths = [p for p, _ in found]
    views = run_newsreader(paths) if args.parser == "newsreader" else run_library(args.parser, paths)
    passed = Counter()
    total = Counter()
    failures = []
    for path, expect in found:
        group = path.relative_to(args.suite).parts[0]
        area = "entities" if "entit" in path.name else "dates" if re.search(r"date|time|modified|issued|created|updated|published", path.name) else group
        total[area] += 1
        view = views[path]
        try:
            # the suite's own expressions, evaluated with no builtins
            ok = bool(eval(expect, {"__builtins__": {}, "u": "", "time": time}, {"feed": view["feed"], "entries": view["entries"]}))
        except Exception:
            ok = False
        passed[area] += ok
        if not ok:
            failures.append((path.relative_to(args.suite), expect))
    print(f"parser: {args.parser}")
    for area in sorted(total):
        print(f"  {area:18} {passed[area]:5} / {total[area]:<5} {passed[area] / total[area]:.1%}")
    print(f"  {'all':18} {sum(passed.values()):5} / {sum(total.values()):<5} {sum(passed.values()) / sum(total.values()):.1%}")
    for path, expect in failures[: args.fails]:
        print(f"FAIL {path}: {expect}")


if __name__ == "__main__":
    main()
