"""Command-line entry point: thin argument parsing over newsreader.core."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .core import __version__
from .core.errors import NewsreaderError
from .core.summarise import ALGORITHMS


def _summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sentences", type=int, metavar="N", help="summary length in sentences")
    parser.add_argument("--ratio", type=float, metavar="R",
                        help="summary length as a share of the story (0-1)")
    parser.add_argument("--algorithm", choices=ALGORITHMS, help="summariser (default: news)")
    parser.add_argument("--language", metavar="CODE", help="override the detected language")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A keyboard-driven terminal newsreader. With no command, opens the reader.",
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
    _summary_options(extract)

    summ = sub.add_parser("summarise", aliases=["summarize"], help="summarise each input")
    summ.add_argument("inputs", nargs="+", metavar="INPUT", help="file, - (stdin) or URL")
    summ.add_argument("--format", choices=("json", "text"), default="text")
    _summary_options(summ)

    read = sub.add_parser("read", help="open one article in the reader")
    read.add_argument("input", metavar="INPUT", help="file, - (stdin) or URL")
    return parser


def _summary_settings(args: argparse.Namespace, base: object) -> object:
    import dataclasses

    changes: dict[str, object] = {}
    if getattr(args, "sentences", None) is not None:
        changes["sentences"] = args.sentences
        changes["ratio"] = None
    if getattr(args, "ratio", None) is not None:
        if not 0 < args.ratio <= 1:
            raise NewsreaderError("--ratio must be between 0 and 1")
        changes["ratio"] = args.ratio
    if getattr(args, "algorithm", None):
        changes["algorithm"] = args.algorithm
    if getattr(args, "language", None):
        changes["language"] = args.language
    if getattr(args, "no_summary", False):
        changes["enabled"] = False
    return dataclasses.replace(base, **changes)  # type: ignore[type-var]


def _write(line: str) -> None:
    sys.stdout.write(line)
    sys.stdout.flush()


def cmd_extract(args: argparse.Namespace) -> int:
    from .core.config import load_config
    from .core.pipeline import process_sources
    from .core.render import article_json, article_text

    config = load_config(args.config)
    summary = _summary_settings(args, config.summary)
    failed = False
    outcomes = process_sources(args.inputs, summary, config.fetch)  # type: ignore[arg-type]
    for outcome in outcomes:
        failed |= outcome.error is not None
        if args.format == "json":
            _write(json.dumps(article_json(outcome), ensure_ascii=False) + "\n")
        elif outcome.article is not None:
            _write(article_text(outcome.article) + ("\n" if len(outcomes) > 1 else ""))
        else:
            print(f"newsreader: {outcome.source}: {outcome.error}", file=sys.stderr)
    return 1 if failed else 0


def cmd_summarise(args: argparse.Namespace) -> int:
    from .core.config import load_config
    from .core.pipeline import process_sources

    config = load_config(args.config)
    summary = _summary_settings(args, config.summary)
    failed = False
    for outcome in process_sources(args.inputs, summary, config.fetch):  # type: ignore[arg-type]
        failed |= outcome.error is not None
        sentences = [s.text for s in outcome.article.summary] if outcome.article else []
        if args.format == "json":
            record = {"input": outcome.source, "summary": sentences, "error": outcome.error}
            _write(json.dumps(record, ensure_ascii=False) + "\n")
        elif outcome.error:
            print(f"newsreader: {outcome.source}: {outcome.error}", file=sys.stderr)
        else:
            _write("".join(f"* {s}\n" for s in sentences) + ("\n" if len(args.inputs) > 1 else ""))
    return 1 if failed else 0


def cmd_read(args: argparse.Namespace) -> int:
    from .core.config import load_config
    from .tui.app import run_reader

    return run_reader(load_config(args.config), source=args.input)


def cmd_tui(args: argparse.Namespace) -> int:
    from .core.config import load_config
    from .tui.app import run_reader

    return run_reader(load_config(args.config), db=args.db)


COMMANDS = {
    "extract": cmd_extract,
    "summarise": cmd_summarise,
    "summarize": cmd_summarise,
    "read": cmd_read,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command or "", cmd_tui)
    try:
        return handler(args)
    except NewsreaderError as exc:
        if args.debug:
            raise
        print(f"newsreader: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if args.debug:
            raise
        print(f"newsreader: internal error: {type(exc).__name__}: {exc} (run with --debug)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
