"""Stage 1: load inputs (file paths, ``-`` for stdin, http(s) URLs) as bytes."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import sys
import zlib
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from newsreader.core.errors import FetchError, NewsreaderError
from newsreader.core.io.fetch import FetchSettings, fetch_all
from newsreader.core.models import Document


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


# An address with a scheme other than http(s) or file ("ftp:", "mailto:"); not a drive
# letter ("C:\\news.html").
_OTHER_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):")
# What a web address typed without its scheme looks like: "www.example.com/story", a host
# and a path ("notes.txt" is a file name).
_BARE_HOST = re.compile(r"^(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?/)", re.IGNORECASE)


def _local_path(source: str) -> Path:
    """The file a source names: a path, or a file:// address as a browser copies it."""
    if source.lower().startswith("file://"):
        return Path(url2pathname(unquote(urlsplit(source).path)))
    if (scheme := _OTHER_SCHEME.match(source)) is not None and not Path(source).exists():
        raise FetchError(f"{source}: cannot read {scheme.group(1)}: addresses (http, https and files only)")
    return Path(source).expanduser()


def load_file(source: str, max_bytes: int) -> Document:
    if source == "-":
        body = sys.stdin.buffer.read(max_bytes + 1)
        path = None
    elif not source.strip():
        # (an empty argument, from a shell variable that was never set: the path "" is
        # the current folder, and "is a directory" said nothing of what went wrong)
        raise FetchError("an empty input: give a file, an address, or - for standard input")
    else:
        try:  # (a name too long for the file system, or with a NUL in it, is this input's error)
            file = _local_path(source)
            if file.is_dir():
                raise FetchError(f"{source}: is a directory")
            with file.open("rb") as handle:
                body = handle.read(max_bytes + 1)
        except FileNotFoundError:
            hint = f" (for a web page, give its full address: https://{source})" if _BARE_HOST.match(source) else ""
            raise FetchError(f"{source}: no such file{hint}") from None
        except OSError as exc:
            raise FetchError(f"{source}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise FetchError(f"{source}: not a file name ({exc})") from None
        path = str(file)
    if len(body) > max_bytes:
        raise FetchError(f"{source}: too large (over the cap of {max_bytes} bytes)")
    if body.startswith(_GZIP_MAGIC):
        body = _gunzip(body, source, max_bytes)
        if path and path.lower().endswith(".gz"):
            path = path[:-3]  # page.html.gz is read as page.html
    return Document(source=source, body=body, path=path)


_GZIP_MAGIC = b"\x1f\x8b"


def _gunzip(body: bytes, source: str, max_bytes: int) -> bytes:
    """A saved page may be gzip-compressed: ``page.html.gz``, or a body saved as it came
    over the wire (``curl`` without ``--compressed``).  The cap holds after inflating."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise FetchError(f"{source}: damaged gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise FetchError(f"{source}: too large once unpacked (over the cap of {max_bytes} bytes)")
    return out


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
