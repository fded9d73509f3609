"""Stage 1: load inputs (file paths, ``-`` for stdin, http(s) URLs) as bytes."""

from __future__ import annotations

import asyncio
import dataclasses
import sys
from pathlib import Path

from newsreader.core.errors import FetchError, NewsreaderError
from newsreader.core.io.fetch import FetchSettings, fetch_all
from newsreader.core.models import Document


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def load_file(source: str, max_bytes: int) -> Document:
    if source == "-":
        body = sys.stdin.buffer.read(max_bytes + 1)
        path = None
    else:
        file = Path(source).expanduser()
        if file.is_dir():
            raise FetchError(f"{source}: is a directory")
        try:
            with file.open("rb") as handle:
                body = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise FetchError(f"{source}: no such file") from None
        except OSError as exc:
            raise FetchError(f"{source}: {exc.strerror or exc}") from None
        path = str(file)
    if len(body) > max_bytes:
        raise FetchError(f"{source}: too large (over the cap of {max_bytes} bytes)")
    return Document(source=source, body=body, path=path)


def load_all(sources: list[str], settings: FetchSettings = FetchSettings()) -> list[Document | NewsreaderError]:
    """Load every input, fetching URLs concurrently; keep input order."""
    urls = [s for s in sources if is_url(s)]
    fetched = {}
    if urls:
        for outcome in asyncio.run(fetch_all(urls, settings)):
            fetched[outcome.url] = outcome
    results: list[Document | NewsreaderError] = []
    for source in sources:
        if is_url(source):
            outcome = fetched[source]
            if outcome.error is not None or outcome.result is None or outcome.result.document is None:
                results.append(FetchError(outcome.error or f"nothing fetched from {source}"))
            else:
                results.append(dataclasses.replace(outcome.result.document, source=source))
        else:
            try:
                results.append(load_file(source, settings.max_bytes))
            except NewsreaderError as exc:
                results.append(exc)
    return results
