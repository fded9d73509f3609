"""Command-line entry point: thin argument parsing over newsreader.core."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsreader.core.errors import InputError, NewsreaderError, UsageError
from newsreader.core.library import VIEWS
from newsreader.core.sanitize import clean_line
from newsreader.core.settings import ALGORITHMS, SummarySettings
from newsreader.core.states import STATES

from .core import __version__

if TYPE_CHECKING:
    from newsreader.core.config import Config
    from newsreader.core.store.db import Store


# mark's flags, from the state definitions: (flag, state, on)
MARKS: tuple[tuple[str, str, bool], ...] = tuple(
    pair for s in STATES for pair in ((s.flag, s.name, True), (s.clear_flag, s.name, False)))


def _summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sentences", type=int, metavar="N",
                        help="force N summary sentences (default: follow the article's length)")
    parser.add_argument("--ratio", type=float, metavar="R",
                        help="summary length as a share of the story's sentences (default 0.2)")
    parser.add_argument("--algorithm", choices=ALGORITHMS, help="summariser (default: news)")
    parser.add_argument("--language", metavar="CODE", help="override the detected language")


def build_parser() -> argparse.ArgumentParser:
    from newsreader.core.config import config_dir, data_dir

    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A keyboard-driven terminal newsreader. With no command, opens the reader.",
        epilog=f"config file: {config_dir() / 'config.toml'} (or --config, NEWSREADER_CONFIG); "
               f"store: {data_dir() / 'newsreader.db'} (or --db, NEWSREADER_DB)",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument("--config", metavar="FILE", help="config file (TOML)")
    parser.add_argument("--db", metavar="FILE", help="store file (default: platform data dir)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    extract = sub.add_parser("extract", help="clean articles: story, metadata, blurbs, summary")
    extract.add_argument("inputs", nargs="+", metavar="INPUT", help="file, - (stdin) or URL")
    extract.add_argument("--format", choices=("json", "text"), default="text")
    extract.add_argument("--no-summary", action="store_true", help="skip the summary")
    extract.add_argument("--selector", metavar="CSS", help="the story is what this CSS selector matches"
                         " (try a feed's `selector` before putting it in the config)")
    extract.add_argument("--drop", metavar="CSS", action="append", default=[],
                         help="remove what this CSS selector matches first (repeatable)")
    _summary_options(extract)

    summ = sub.add_parser("summarise", aliases=["summarize"], help="summarise each input")
    summ.add_argument("inputs", nargs="+", metavar="INPUT", help="file, - (stdin) or URL")
    summ.add_argument("--format", choices=("json", "text"), default="text")
    _summary_options(summ)

    pf = sub.add_parser("parse-feed", help="parse feeds as refresh does, for debugging a feed")
    pf.add_argument("inputs", nargs="+", metavar="INPUT", help="feed file or URL")
    pf.add_argument("--format", choices=("json", "text"), default="text")

    read = sub.add_parser("read", help="open one article in the reader")
    read.add_argument("input", metavar="INPUT", help="file, - (stdin) or URL")

    add = sub.add_parser("add", help="subscribe to a feed (or the feed a page names)")
    add.add_argument("url")
    add.add_argument("--tag", action="append", default=[], help="tag the feed (repeatable)")

    remove = sub.add_parser("remove", help="unsubscribe (by URL or id)")
    remove.add_argument("feed")

    feeds = sub.add_parser("feeds", help="list feeds with unread counts and errors")
    feeds.add_argument("--format", choices=("json", "text"), default="text")

    imp = sub.add_parser("import-opml", help="subscribe to every feed in an OPML file")
    imp.add_argument("file")

    exp = sub.add_parser("export-opml", help="write subscriptions as OPML (stdout or FILE)")
    exp.add_argument("file", nargs="?")

    items = sub.add_parser("items", help="list stored items (one JSON object per line with --format json)")
    items.add_argument("--view", choices=[name for name, _ in VIEWS], default="all")
    items.add_argument("--feed", metavar="URL|ID", help="only this feed's items")
    items.add_argument("--query", "--search", dest="query", metavar="QUERY",
                       help="a query: words, feed:, tag:, is:, age:<3d, words:>800 … (see the README)")
    items.add_argument("--limit", type=int, default=None, metavar="N", help="at most N items")
    items.add_argument("--format", choices=("json", "text"), default="text")

    mark = sub.add_parser("mark", help="triage items by id, or mark many read at once")
    how = mark.add_mutually_exclusive_group(required=True)
    for flag, _state, _on in MARKS:
        how.add_argument(f"--{flag}", dest="mark", action="store_const", const=flag)
    mark.add_argument("ids", nargs="*", type=int, metavar="ID")
    mark.add_argument("--all", action="store_true", help="every unread item (with --read)")
    mark.add_argument("--feed", metavar="URL|ID", help="with --all: only this feed's items")
    mark.add_argument("--older-than", type=float, metavar="DAYS", help="only items older than DAYS")

    rules = sub.add_parser("apply-rules", help="run the config's [[rules]] over the whole store")
    rules.add_argument("--dry-run", action="store_true", help="list what would change; change nothing")
    rules.add_argument("--format", choices=("json", "text"), default="text")

    clean = sub.add_parser("cleanup", help="remove what [retention] no longer keeps")
    clean.add_argument("--dry-run", action="store_true", help="list what would go; remove nothing")
    clean.add_argument("--vacuum", action="store_true", help="give the space back to the disk even after a small clean-up")
    clean.add_argument("--format", choices=("json", "text"), default="text")

    ref = sub.add_parser("refresh", help="fetch all feeds and their new articles (for cron)")
    ref.add_argument("--feeds-only", action="store_true", help="skip fetching article pages")
    ref.add_argument("--due", action="store_true",
                     help="only feeds whose interval has passed (their refresh_minutes, else [refresh]"
                          " interval_minutes): run it from cron every few minutes")
    ref.add_argument("--json", action="store_true", help="print one JSON line of totals")
    ref.add_argument("--workers", type=int, help="processes for cleaning articles")
    ref.add_argument("--concurrency", type=int, help="requests in flight at once")
    ref.add_argument("--per-host", type=int, help="requests in flight at once to one host")
    return parser


def _summary_settings(args: argparse.Namespace, base: SummarySettings) -> SummarySettings:
    import dataclasses

    changes: dict[str, object] = {}
    if getattr(args, "sentences", None) is not None:
        if args.sentences < 1:
            raise UsageError("--sentences must be at least 1")
        changes["sentences"] = args.sentences  # forced, whatever the article's length
    if getattr(args, "ratio", None) is not None:
        if not 0 < args.ratio <= 1:
            raise UsageError("--ratio must be between 0 and 1")
        changes["ratio"] = args.ratio
        changes["sentences"] = None
    if getattr(args, "algorithm", None):
        changes["algorithm"] = args.algorithm
    if getattr(args, "language", None):
        changes["language"] = args.language
    if getattr(args, "no_summary", False):
        changes["enabled"] = False
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _write(line: str) -> None:
    sys.stdout.write(line)
    sys.stdout.flush()


def cmd_extract(args: argparse.Namespace) -> int:
    from newsreader.core.config import load_config
    from newsreader.core.extract.site import make_site_rules
    from newsreader.core.pipeline import process_sources
    from newsreader.core.render import article_json, article_text

    config = load_config(args.config)
    summary = _summary_settings(args, config.summary)
    failed = False
    try:
        site = make_site_rules(args.selector, tuple(args.drop))
    except NewsreaderError as exc:
        raise UsageError(str(exc).removeprefix("config: ")) from None
    outcomes = process_sources(args.inputs, summary, config.fetch, site)
    for outcome in outcomes:
        failed |= outcome.error is not None
        if args.debug and outcome.traceback:
            print(outcome.traceback, file=sys.stderr)
        if args.format == "json":
            _write(json.dumps(article_json(outcome), ensure_ascii=False) + "\n")
        elif outcome.article is not None:
            _write(article_text(outcome.article) + ("\n" if len(outcomes) > 1 else ""))
        else:
            print(_error_line(outcome.source, outcome.error), file=sys.stderr)
    return 1 if failed else 0


def _error_line(source: str, error: str | None) -> str:
    """One line on stderr for an input that failed: its name once (errors that name it
    already start with it), with no escape a file name or a page could smuggle in."""
    error = error or "failed"
    line = error if not source.strip() or error.startswith(f"{source}:") else f"{source}: {error}"
    return f"newsreader: {clean_line(line)}"


def cmd_summarise(args: argparse.Namespace) -> int:
    from newsreader.core.config import load_config
    from newsreader.core.pipeline import process_sources

    config = load_config(args.config)
    summary = _summary_settings(args, config.summary)
    failed = False
    for outcome in process_sources(args.inputs, summary, config.fetch):
        failed |= outcome.error is not None
        sentences = [s.text for s in outcome.article.summary] if outcome.article else []
        if args.format == "json":
            record = {"input": outcome.source, "summary": sentences, "error": outcome.error}
            _write(json.dumps(record, ensure_ascii=False) + "\n")
        elif outcome.error:
            print(_error_line(outcome.source, outcome.error), file=sys.stderr)
        else:
            _write("".join(f"* {s}\n" for s in sentences) + ("\n" if len(args.inputs) > 1 else ""))
    return 1 if failed else 0


def cmd_parse_feed(args: argparse.Namespace) -> int:
    """Exactly the parser refresh uses, on files or URLs: one record per input."""
    from newsreader.core.config import load_config
    from newsreader.core.feeds.parse import parse_feed
    from newsreader.core.io.fetch import FEED_ACCEPT, fetch_all
    from newsreader.core.io.load import is_url, load_file

    config = load_config(args.config)
    urls = [s for s in args.inputs if is_url(s)]
    import asyncio

    fetched = {o.url: o for o in asyncio.run(fetch_all(urls, config.fetch, accept=FEED_ACCEPT))} if urls else {}
    failed = False
    for source in args.inputs:
        record: dict[str, object] = {"input": source, "title": None, "site_url": None, "warning": None,
                                     "error": None, "entries": []}
        try:
            if is_url(source):
                outcome = fetched[source]
                if outcome.error or outcome.result is None or outcome.result.document is None:
                    raise InputError(outcome.error or f"nothing fetched from {source}")
                doc = outcome.result.document
            else:
                doc = load_file(source, config.fetch.max_bytes)
            feed = parse_feed(doc.body, doc.url or source, doc.charset)
            record.update(title=feed.title, site_url=feed.site_url, warning=feed.warning, entries=[
                {"guid": e.guid, "url": e.url, "title": e.title, "published": _when(e.published),
                 "author": e.author, "content": e.content} for e in feed.entries])
        except NewsreaderError as exc:
            record["error"] = str(exc)
        except Exception as exc:  # one bad feed never stops the others
            if args.debug:
                raise
            record["error"] = f"could not read the feed ({type(exc).__name__}: {exc})"
        failed |= record["error"] is not None
        if args.format == "json":
            _write(json.dumps(record, ensure_ascii=False) + "\n")
        elif record["error"]:
            print(_error_line(source, str(record["error"])), file=sys.stderr)
        else:
            entries = record["entries"] if isinstance(record["entries"], list) else []
            lines = [f"{clean_line(str(record['title'] or source))}  <{record['site_url'] or ''}>"]
            if record["warning"]:
                lines.append(f"  warning: {record['warning']}")
            for e in entries:
                lines.append(f"  {(e['published'] or '')[:19]:<19}  {clean_line(e['title'])}  <{e['url'] or ''}>")
            _write("\n".join(lines) + "\n")
    return 1 if failed else 0


def cmd_read(args: argparse.Namespace) -> int:
    """Like less: the page is read first, and a missing or unreadable one is one line on
    stderr and exit 1, with no screen opened."""
    import os

    from newsreader.core.config import load_config
    from newsreader.core.models import Document
    from newsreader.core.pipeline import process_one, process_sources

    from .tui.app import run_reader

    config = load_config(args.config)
    if args.input == "-":
        # The page comes down the pipe; the keys must come from the terminal.
        body = sys.stdin.buffer.read(config.fetch.max_bytes + 1)
        try:
            tty = os.open("/dev/tty", os.O_RDONLY)
        except OSError:
            raise UsageError("read -: no terminal to read keys from") from None
        os.dup2(tty, 0)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 outlives this function
        outcome = process_one(Document("-", body), config.summary)
    else:
        outcome = process_sources([args.input], config.summary, config.fetch)[0]
    if outcome.article is None:
        if args.debug and outcome.traceback:
            print(outcome.traceback, file=sys.stderr)
        print(_error_line(args.input, outcome.error), file=sys.stderr)
        return 1
    return run_reader(config, article=outcome.article)


def cmd_tui(args: argparse.Namespace) -> int:
    from newsreader.core.config import load_config

    from .tui.app import run_reader

    return run_reader(load_config(args.config), db=args.db)


def _store(args: argparse.Namespace) -> tuple[Config, Store]:
    from newsreader.core.config import load_config
    from newsreader.core.store.db import Store, resolve_db_path

    config = load_config(args.config)
    store = Store(resolve_db_path(args.db, config.db))
    store.add_configured(config.feeds)
    return config, store


def cmd_add(args: argparse.Namespace) -> int:
    from newsreader.core.feeds.subscribe import subscribe

    config, store = _store(args)
    with store:
        url, new, items = subscribe(store, args.url, config.fetch, tuple(args.tag))
    if new:
        print(f"subscribed to {url} ({items} item{'' if items == 1 else 's'}; refresh fetches their pages)")
    else:
        print(f"already subscribed to {url}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    _, store = _store(args)
    with store:
        if not store.remove_feed(args.feed):
            raise InputError(f"no feed {args.feed}")
    print(f"unsubscribed from {args.feed} (starred, later and saved items are kept)")
    return 0


def _feed_id(store: Store, feed: str | None) -> int | None:
    if feed is None:
        return None
    found = store.feed_id(feed)
    if found is None:
        raise InputError(f"no feed {feed}")
    return found


def cmd_items(args: argparse.Namespace) -> int:
    from newsreader.core.library import view_filter

    state = view_filter(args.view)
    _, store = _store(args)
    with store:
        rows = store.items(feed_id=_feed_id(store, args.feed), state=state, query=args.query,
                           limit=args.limit if args.limit is not None else -1)
    for row in rows:
        if args.format == "json":
            record = {"id": row.id, "feed_url": row.feed_url, "feed_title": row.feed_title,
                      "url": row.url, "title": row.title, "published": _when(row.published),
                      **{s.name: row.has(s.name) for s in STATES}}
            _write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            marks = ("N" if not row.read else ".") + "".join(
                s.flag[0].upper() if row.has(s.name) else "." for s in STATES if s.name != "read")
            when = (_when(row.published) or "")[:10]
            _write(f"{row.id:>7} {marks} {when:<10} {clean_line(row.title)}\n")
    return 0


def cmd_mark(args: argparse.Namespace) -> int:
    from newsreader.core.library import Change, apply, mark_all_read

    state, on = next((state, on) for flag, state, on in MARKS if flag == args.mark)
    _, store = _store(args)
    with store:
        if args.all or args.older_than is not None:
            if args.ids or (state, on) != ("read", True):
                raise UsageError("--all and --older-than go with --read and no ids")
            change = mark_all_read(store, feed_id=_feed_id(store, args.feed),
                                   older_than_days=args.older_than)
            print(f"{change.describe()}: {len(change.item_ids)} items")
            return 0
        if args.feed:
            raise UsageError("--feed goes with --all")
        if not args.ids:
            raise UsageError("mark: name item ids, or --all")
        known = store.existing_ids(args.ids)
        change = Change(tuple(i for i in args.ids if i in known), state, on)
        apply(store, change)
    for missing in (i for i in args.ids if i not in known):
        print(f"newsreader: no item {missing}", file=sys.stderr)
    print(f"{change.describe()}: {len(change.item_ids)} items")
    return 0 if len(change.item_ids) == len(args.ids) else 1


def _when(ts: float | None) -> str | None:
    import datetime as dt

    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds") if ts else None


def cmd_feeds(args: argparse.Namespace) -> int:
    _, store = _store(args)
    with store:
        rows = store.feeds()
    if args.format == "json":
        print(json.dumps([{"url": f.url, "title": f.title, "items": f.items, "unread": f.unread,
                           "last_ok": _when(f.last_ok), "last_error": f.last_error} for f in rows],
                         ensure_ascii=False))
        return 0

    def short(ts: float | None) -> str:
        import datetime as dt

        return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d %H:%M") if ts else "never"

    width = max([len(str(f.id)) for f in rows] + [2])
    indent = " " * (width + 2 + 6 + 1 + 6 + 2 + 16 + 2)
    print(f"{'ID':>{width}}  {'unread':>6} {'items':>6}  {'last ok (UTC)':<16}  feed")
    for f in rows:
        tags = f"  [{', '.join(f.tags)}]" if f.tags else ""
        print(f"{f.id:>{width}}  {f.unread:>6} {f.items:>6}  {short(f.last_ok):<16}  "
              f"{clean_line(f.title or f.url)}{tags}")
        print(f"{indent}{clean_line(f.url)}")
        if f.last_error:
            print(f"{indent}! {clean_line(f.last_error)}")
    return 0


def cmd_import_opml(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newsreader.core.feeds.opml import parse_opml

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise InputError(f"{args.file}: {exc.strerror or exc}") from None
    subs = parse_opml(data)
    _, store = _store(args)
    added = 0
    with store:
        for sub in subs:
            added += store.add_feed(sub.url, title=sub.title, tags=sub.tags)[1]
    print(f"imported {len(subs)} feeds ({added} new)")
    return 0


def cmd_export_opml(args: argparse.Namespace) -> int:
    from pathlib import Path

    from newsreader.core.feeds.opml import export_opml

    _, store = _store(args)
    with store:
        text = export_opml(store.feeds())
    if args.file:
        Path(args.file).write_text(text, encoding="utf-8")
    else:
        _write(text)
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    import dataclasses

    from newsreader.core.feeds.refresh import Progress, refresh_sync

    config, store = _store(args)
    fetch = config.fetch
    if args.concurrency:
        fetch = dataclasses.replace(fetch, concurrency=args.concurrency)
    if args.per_host:
        fetch = dataclasses.replace(fetch, per_host=args.per_host)
    tty = sys.stderr.isatty()

    def progress(p: Progress) -> None:
        if tty:
            sys.stderr.write(f"\r\x1b[K{p.phase}: {p.done}/{p.total}")
            sys.stderr.flush()

    from newsreader.core.library import refresh_settings

    with store:
        totals = refresh_sync(store, fetch=fetch, summary=config.summary,
                              full_text=config.full_text and not args.feeds_only,
                              workers=args.workers or config.workers, progress=progress,
                              due_minutes=(config.refresh_minutes or 60) if args.due else None,
                              **refresh_settings(config))
    if tty:
        sys.stderr.write("\r\x1b[K")
    for error in totals.errors:
        print(f"newsreader: {clean_line(error)}", file=sys.stderr)
    if args.json:
        print(json.dumps(totals.as_dict()))
    else:
        t = totals
        extra = "".join((f", {t.ruled} changed by rules" if t.ruled else "",
                         f", {t.removed} removed by retention" if t.removed else ""))
        print(f"{t.feeds} feeds ({t.feeds_ok} ok, {t.not_modified} unchanged, {t.feed_errors} failed), "
              f"{t.new_items} new items, {t.articles} articles ({t.article_errors} failed){extra}"
              f" in {t.seconds:.1f}s")
    # A feed is an input: any that failed makes the run's status 1.  An article page that
    # could not be cleaned is not (the item is stored and readable from the feed's copy).
    return 1 if totals.feed_errors else 0


def cmd_apply_rules(args: argparse.Namespace) -> int:
    from newsreader.core.rules import apply_rules

    config, store = _store(args)
    if not config.rules:
        raise UsageError("no [[rules]] in the config" + (f" ({config.path})" if config.path else ""))
    with store:
        hits = apply_rules(store, config.rules, dry_run=args.dry_run)
    for hit in hits:
        if args.format == "json":
            _write(json.dumps({"rule": hit.rule, "action": hit.action, "id": hit.item_id,
                               "title": hit.title, "dry_run": args.dry_run}, ensure_ascii=False) + "\n")
        else:
            _write(f"{hit.item_id:>7}  {clean_line(hit.action):<10} {clean_line(hit.rule):<16} {clean_line(hit.title)}\n")
    if args.format == "text":
        verb = "would change" if args.dry_run else "changed"
        print(f"{len(config.rules)} rules {verb} {len(hits)} items", file=sys.stderr)
    return 0


def cmd_cleanup(args: argparse.Namespace) -> int:
    from newsreader.core.retention import cleanup, has_limits

    config, store = _store(args)
    if not has_limits(config.retention, config.feeds):
        raise UsageError("no limits set: see [retention] (max_age_days, max_items, feed_max_items)"
                         " and the feeds' max_items / max_age_days in config.example.toml")
    with store:
        removals = cleanup(store, config.retention, config.feeds, dry_run=args.dry_run)
        compacted = False
        if not args.dry_run and (args.vacuum or store.free_share() > 0.25):
            store.compact()  # only when a quarter of the file is free: VACUUM rewrites it all
            compacted = True
        else:
            store.optimize()
    for r in removals:
        if args.format == "json":
            _write(json.dumps({"id": r.item_id, "title": r.title, "why": r.why, "dry_run": args.dry_run},
                              ensure_ascii=False) + "\n")
        else:
            _write(f"{r.item_id:>7}  {clean_line(r.title)}  ({r.why})\n")
    if args.format == "text":
        verb = "would remove" if args.dry_run else "removed"
        print(f"{verb} {len(removals)} items" + ("; the store was compacted" if compacted else ""),
              file=sys.stderr)
    return 0


COMMANDS = {
    "extract": cmd_extract,
    "apply-rules": cmd_apply_rules,
    "cleanup": cmd_cleanup,
    "summarise": cmd_summarise,
    "summarize": cmd_summarise,
    "read": cmd_read,
    "add": cmd_add,
    "remove": cmd_remove,
    "feeds": cmd_feeds,
    "import-opml": cmd_import_opml,
    "export-opml": cmd_export_opml,
    "refresh": cmd_refresh,
    "items": cmd_items,
    "parse-feed": cmd_parse_feed,
    "mark": cmd_mark,
}


def main(argv: Sequence[str] | None = None) -> int:
    import os

    # The process's own setting, made where the process starts (never on import of the core):
    # LSA's SVD on a busy 2-core machine is 20-50x slower with threaded BLAS.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command or "", cmd_tui)
    try:
        return handler(args)
    except NewsreaderError as exc:
        if args.debug:
            raise
        print(f"newsreader: {clean_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if args.debug:
            raise
        print(f"newsreader: internal error: {type(exc).__name__}: {exc} (run with --debug)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
