"""Error paths of the fetcher, driven by httpx.MockTransport (the happy path runs on a real server)."""

from __future__ import annotations

import httpx
import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.core.io.fetch import Fetcher, FetchSettings


async def fetch_with(handler, settings: FetchSettings = FetchSettings(), **kw):  # type: ignore[no-untyped-def]
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=True,
                               max_redirects=settings.max_redirects)
    async with Fetcher(settings, client) as fetcher:
        result = await fetcher.fetch("http://feeds.test/x", **kw)
    await client.aclose()
    return result


async def test_timeouts_become_one_line() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(NewsreaderError, match="timed out reading"):
        await fetch_with(handler)

    def connect(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("slow", request=request)

    with pytest.raises(NewsreaderError, match=r"timed out connecting to feeds\.test"):
        await fetch_with(connect)


async def test_size_cap_by_header_and_by_stream() -> None:
    settings = FetchSettings(max_bytes=1000)
    with pytest.raises(NewsreaderError, match="too large"):
        await fetch_with(lambda r: httpx.Response(200, content=b"x" * 5000), settings)

    def no_length(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b"y" * 5000), headers={})

    with pytest.raises(NewsreaderError, match="too large"):
        await fetch_with(no_length, settings)


async def test_conditional_get_sends_validators_and_reads_304() -> None:
    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return httpx.Response(304, headers={"ETag": '"v2"'})

    result = await fetch_with(handler, etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert result.not_modified and result.etag == '"v2"'
    assert seen["if-none-match"] == '"v1"' and seen["if-modified-since"].startswith("Mon")


async def test_connection_reset_and_tls_error() -> None:
    def reset(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("Connection reset by peer", request=request)

    with pytest.raises(NewsreaderError, match="connection broken"):
        await fetch_with(reset)

    def tls(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", request=request)

    with pytest.raises(NewsreaderError, match="TLS error"):
        await fetch_with(tls)


async def test_server_errors_name_the_status() -> None:
    with pytest.raises(NewsreaderError, match="HTTP 503"):
        await fetch_with(lambda r: httpx.Response(503))


async def test_pool_shards_give_back_every_slot(local_server) -> None:  # type: ignore[no-untyped-def]
    """The client's connections live in pools of four; every request, whether read to the
    end, refused with a 404, or cut off by the size cap, gives its pool slot back."""
    import asyncio

    from conftest import respond

    from newsreader.core.io.fetch import make_client

    base, routes = local_server
    routes["/ok"] = respond(b"<p>fine</p>")
    routes["/big"] = respond(b"x" * 50_000)
    settings = FetchSettings(concurrency=16, per_host=16, max_bytes=10_000)
    client = make_client(settings)
    shards = client._transport
    async with Fetcher(settings, client) as fetcher:
        async def one(path: str) -> bool:
            try:
                await fetcher.fetch(base + path)
            except NewsreaderError:
                return False
            return True

        done = await asyncio.gather(*(one(p) for p in ["/ok", "/missing", "/big"] * 20))
    assert done == [True, False, False] * 20
    assert len(shards._shards) == 4 and shards._open == [0, 0, 0, 0]
    await client.aclose()
