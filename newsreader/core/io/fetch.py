"""HTTP fetching with httpx: timeouts, a redirect limit, a size cap, conditional GET.

One ``AsyncClient`` is shared by every request of a run so connections are
reused; a global semaphore bounds the work and a per-host one keeps a single
slow site from taking every slot.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib.util
import re
import ssl
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsreader.core import __version__
from newsreader.core.errors import FetchError, NewsreaderError
from newsreader.core.io._httpx import httpx
from newsreader.core.models import Document

USER_AGENT = f"newsreader/{__version__} (+https://github.com/newsreader; terminal news reader)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 20.0  # seconds for connect, and between bytes of a body
    total_timeout: float = 60.0  # a drip-feeding server cannot hold us longer
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 8
    concurrency: int = 16
    per_host: int = 4
    user_agent: str = USER_AGENT
    http2: bool = True


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched body, or ``not_modified`` for a 304 to a conditional GET."""

    document: Document | None
    status: int
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _http2_available() -> bool:
    return importlib.util.find_spec("h2") is not None  # found, not imported: start-up stays short


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One set of CA certificates for every https pool of the process."""
    return httpx.create_ssl_context()


class _LazyTLSTransport(httpx.AsyncBaseTransport):
    """Builds the https transport on first use: loading CA certificates costs ~30 ms,
    which a refresh of plain-http feeds (or a 304-only cron run) need not pay."""

    def __init__(self, **options: object) -> None:
        self._options = options
        self._inner: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._inner is None:
            self._inner = httpx.AsyncHTTPTransport(verify=_tls_context(), **self._options)  # type: ignore[arg-type]
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        if self._inner is not None:
            await self._inner.aclose()


class _Release(httpx.AsyncByteStream):
    """A response body that tells its shard when it is done with its connection."""

    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._inner = inner
        self._release: Callable[[], None] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if self._release is not None:
                self._release()
                self._release = None


class _ShardedTransport(httpx.AsyncBaseTransport):
    """Several small connection pools in place of one large one.

    httpcore's pool, each time it hands out a connection, checks every connection it
    holds (a poll() and a getpeername() each) and counts the idle ones once per
    connection.  At 16 connections that bookkeeping was half the main process's CPU in
    a full-text refresh.  Pools of four do the same work at a fraction of the cost; each
    request goes to the pool with the fewest requests open.
    """

    def __init__(self, make: Callable[[int], httpx.AsyncBaseTransport], connections: int,
                 shard_size: int = 4) -> None:
        count = max(1, -(-connections // shard_size))
        self._shards = [make(-(-connections // count)) for _ in range(count)]
        self._open = [0] * count

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = min(range(len(self._open)), key=self._open.__getitem__)
        self._open[index] += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self._open[index] -= 1

        try:
            response = await self._shards[index].handle_async_request(request)
        except BaseException:
            release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Release(response.stream, release)
        return response

    async def aclose(self) -> None:
        for shard in self._shards:
            await shard.aclose()


def make_client(settings: FetchSettings = FetchSettings()) -> httpx.AsyncClient:
    def limits(connections: int) -> httpx.Limits:
        return httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    http2 = settings.http2 and _http2_available()
    plain = _ShardedTransport(
        lambda n: httpx.AsyncHTTPTransport(limits=limits(n), verify=False), settings.concurrency)
    return httpx.AsyncClient(
        # Given a transport, the client builds no default one (and loads no CA bundle for it).
        transport=plain,
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        timeout=httpx.Timeout(settings.timeout),
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": _accept_encoding()},
        mounts={
            # Plain http never negotiates TLS, so its transport needs no CA bundle.
            "http://": plain,
            "https://": _ShardedTransport(
                lambda n: _LazyTLSTransport(limits=limits(n), http2=http2), settings.concurrency),
        },
    )


def _accept_encoding() -> str:
    has_brotli = importlib.util.find_spec("brotli") or importlib.util.find_spec("brotlicffi")
    return "gzip, deflate, br" if has_brotli else "gzip, deflate"


# What the operating system's socket errors mean, in words ("[Errno -2] Name or service not
# known" is what a first run with no network shows for every feed).
_OS_REASONS = (
    (("name or service not known", "nodename nor servname", "temporary failure in name resolution",
      "no address associated", "getaddrinfo failed", "errno -2", "errno -3", "errno -5"),
     "the host name could not be looked up (offline?)"),
    (("connection refused", "errno 111"), "the server refused the connection"),
    (("network is unreachable", "errno 101", "no route to host", "errno 113"), "no network route (offline?)"),
    (("connection reset", "errno 104"), "the connection was reset"),
)


def plain_reason(reason: str) -> str:
    low = reason.lower()
    for needles, words in _OS_REASONS:
        if any(n in low for n in needles):
            return words
    return re.sub(r"^\[Errno -?\d+\]\s*", "", reason)


def describe_error(exc: BaseException, url: str) -> str:
    """One line that says what went wrong, for the user and the store."""
    if isinstance(exc, NewsreaderError):
        return str(exc)
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (a loop?) fetching {url}"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting to {urlsplit(url).netloc}"
    if isinstance(exc, httpx.TimeoutException | asyncio.TimeoutError | TimeoutError):
        return f"timed out reading {url}"
    if isinstance(exc, httpx.ConnectError):
        reason = str(exc) or "connection failed"
        if "CERTIFICATE" in reason.upper() or "SSL" in reason.upper():
            return f"TLS error for {urlsplit(url).netloc}: {reason.splitlines()[0]}"
        return f"cannot connect to {urlsplit(url).netloc}: {plain_reason(reason.splitlines()[0])}"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"connection broken while reading {url}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not a fetchable URL: {url}"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"{type(exc).__name__}: {text}"


class Fetcher:
    """Bounded, per-host-fair fetching over one shared client."""

    def __init__(
        self, settings: FetchSettings = FetchSettings(), client: httpx.AsyncClient | None = None
    ) -> None:
        self.settings = settings
        self._client = client
        self._own_client = client is None
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Fetcher:
        if self._client is None:
            self._client = make_client(self.settings)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._own_client and self._client is not None:
            await self._client.aclose()

    @contextlib.asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        host = urlsplit(url).netloc
        host_slot = self._hosts.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        async with host_slot, self._slots:
            yield

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None,
        accept: str | None = None,
    ) -> FetchResult:
        """GET ``url``; raise ``NewsreaderError`` with a one-line message on failure."""
        if self._client is None:
            raise RuntimeError("use Fetcher as an async context manager")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        try:
            async with self._slot(url), asyncio.timeout(self.settings.total_timeout):
                return await self._get(url, headers)
        except NewsreaderError:
            raise
        except (httpx.HTTPError, TimeoutError, OSError, ValueError) as exc:
            raise FetchError(describe_error(exc, url)) from exc

    async def _get(self, url: str, headers: dict[str, str]) -> FetchResult:
        if self._client is None:
            raise RuntimeError("use Fetcher as an async context manager")
        async with self._client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                await response.aread()  # an unread response is not put back in the pool
                return FetchResult(None, 304, response.headers.get("etag"),
                                   response.headers.get("last-modified"))
            if response.status_code >= 400:
                raise FetchError(
                    f"HTTP {response.status_code} {response.reason_phrase or ''} from {url}".strip()
                )
            length = response.headers.get("content-length")
            cap = self.settings.max_bytes
            if length and length.isdigit() and int(length) > cap:
                raise FetchError(f"too large: {int(length)} bytes > cap of {cap} ({url})")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"too large: over the cap of {cap} bytes ({url})")
                chunks.append(chunk)
            ctype = response.headers.get("content-type", "")
            media, _, params = ctype.partition(";")
            charset = None
            for param in params.split(";"):
                key, _, value = param.partition("=")
                if key.strip().lower() == "charset":
                    charset = value.strip().strip("\"'") or None
            document = Document(
                source=url, body=b"".join(chunks), url=str(response.url),
                content_type=media.strip().lower() or None, charset=charset,
            )
            return FetchResult(document, response.status_code, response.headers.get("etag"),
                               response.headers.get("last-modified"))


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    """Per-URL result of ``fetch_all``: a document or an error line."""

    url: str
    result: FetchResult | None = None
    error: str | None = None


async def fetch_all(urls: list[str], settings: FetchSettings = FetchSettings(),
                    accept: str | None = None) -> list[FetchOutcome]:
    """Fetch every URL concurrently; failures become error lines, in input order."""
    async with Fetcher(settings) as fetcher:

        async def one(url: str) -> FetchOutcome:
            try:
                return FetchOutcome(url, result=await fetcher.fetch(url, accept=accept))
            except NewsreaderError as exc:
                return FetchOutcome(url, error=str(exc))

        return list(await asyncio.gather(*(one(u) for u in urls)))
