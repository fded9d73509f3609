from __future__ import annotations

import http.server
import socketserver
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"  # pages and feeds written here: the tests need nothing beside the project

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def local_server() -> Iterator[tuple[str, dict[str, Route]]]:
    """An HTTP server on 127.0.0.1 whose paths the test fills in; stopped after the test."""
    routes: dict[str, Route] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            route = routes.get(self.path.split("?")[0])
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route(self)

        def log_message(self, *args: object) -> None:
            pass

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()


def respond(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict[str, str] | None = None) -> Route:
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(body)

    return route


def page(name: str) -> Path:
    """A fixture page from tests/data."""
    path = DATA / name
    assert path.exists(), path
    return path


STORY_HTML = "en-ferry-related.html"  # an HTML story with an inline plug and four related cards
STORY_TITLE = "Island ferry to keep its winter timetable after council vote"


async def wait_for(pilot, predicate, tries: int = 400, note=None) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``predicate()`` holds (20 s at most); ``note()`` says what it saw."""
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"condition not reached {note() if note else ''}".strip())
