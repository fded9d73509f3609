"""A small local news web for the tests: feeds, article pages and fault paths on 127.0.0.1.

Written here so that the feed and refresh tests run in a plain clone.  Every feed and
page is made from its number, so runs are repeatable.  The server keeps ETag and
Last-Modified validators (304 on a match), counts requests, and serves faults:

    /fault/status/CODE/...        that status
    /fault/500/PATH               HTTP 500
    /fault/loop/X                 a redirect to itself
    /fault/hang?s=N               headers, then nothing for N seconds
    /fault/drip/PATH?chunk=&interval=   PATH a few bytes at a time
    /fault/malformed/KIND/PATH    PATH spoiled: truncated, binary or html
"""

from __future__ import annotations

import email.utils
import hashlib
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, urlsplit

from conftest import Server, respond

TOPICS = (
    ("harbour", "Harbour wall repairs", "the harbour wall"),
    ("library", "Library opening hours", "the central library"),
    ("ferry", "Island ferry timetable", "the island ferry"),
    ("market", "Farmers' market move", "the farmers' market"),
    ("school", "School roof repairs", "the primary school roof"),
    ("bridge", "Footbridge closure", "the river footbridge"),
    ("park", "New park plans", "the new northern park"),
    ("bus", "Night bus trial", "the night bus trial"),
)
SOURCES = ("The Harbour Post", "Westport Gazette", "Coastline Today")


@dataclass
class NewsWeb:
    feeds: int
    items: int
    latency_ms: int = 0
    first: int = 0  # the number of each feed's first item: raise it for a round of new items
    base: str = ""
    requests: int = 0
    conditional: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    # ------------------------------------------------------------ content
    def feed_path(self, f: int) -> str:
        return f"/feeds/f{f:04d}.{'atom' if f % 2 else 'rss'}"

    def feed_urls(self) -> list[str]:
        return [self.base + self.feed_path(f) for f in range(self.feeds)]

    def opml(self) -> str:
        outlines = "".join(f'<outline type="rss" text="Feed {f}" xmlUrl="{escape(url)}"/>'
                           for f, url in enumerate(self.feed_urls()))
        return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'

    def _title(self, f: int, i: int) -> str:
        _, topic, _ = TOPICS[(f * 3 + i) % len(TOPICS)]
        return f"{topic}: update {f}.{i}"

    def _article_url(self, f: int, i: int) -> str:
        return f"{self.base}/articles/f{f:04d}/i{i:02d}.html"

    def feed(self, f: int) -> bytes:
        stamp = 1_700_000_000 + f * 1000
        if f % 2:
            entries = "".join(
                f"<entry><title>{escape(self._title(f, i))}</title><id>urn:f{f}:i{i}</id>"
                f'<link href="{escape(self._article_url(f, i))}"/>'
                f"<updated>{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(stamp + i * 60))}</updated>"
                f"<summary>Short summary of item {i}.</summary></entry>"
                for i in range(self.first, self.first + self.items))
            return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>Feed {f}</title><id>urn:f{f}</id>"
                    f'<link href="{self.base}/articles/f{f:04d}/index.html"/>{entries}</feed>').encode()
        entries = "".join(
            f"<item><title>{escape(self._title(f, i))}</title><link>{escape(self._article_url(f, i))}</link>"
            f"<guid>{escape(self._article_url(f, i))}</guid>"
            f"<pubDate>{email.utils.formatdate(stamp + i * 60, usegmt=True)}</pubDate>"
            f"<description>Short summary of item {i}.</description></item>"
            for i in range(self.first, self.first + self.items))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {f}</title>'
                f"<link>{self.base}/articles/f{f:04d}/index.html</link>{entries}</channel></rss>").encode()

    def index(self, f: int) -> bytes:
        kind = "atom+xml" if f % 2 else "rss+xml"
        return (f'<html><head><title>Feed {f}</title><link rel="alternate" type="application/{kind}" '
                f'href="{self.feed_path(f)}"></head><body><p>Front page</p></body></html>').encode()

    def article(self, f: int, i: int) -> bytes:
        _, _, subject = TOPICS[(f * 3 + i) % len(TOPICS)]
        others = [TOPICS[(f * 3 + i + k) % len(TOPICS)] for k in (1, 2, 3)]
        paragraphs = "".join(
            f"<p>{sentence}</p>" for sentence in (
                f"Work on {subject} will start next month, the council confirmed on Tuesday, after a long delay.",
                f"Residents had asked for {subject} to be dealt with for years, and many came to the meeting.",
                "The cost of the scheme is expected to be about 1.2 million, most of it from a national fund.",
                "Councillor Mary Walsh said the delay had been frustrating but the plan was now fully funded.",
                "Contractors will work on weekdays only, and access will be kept open for emergency vehicles.",
                f"A public meeting about {subject} will be held in the town hall on Thursday evening at 7 p.m.",
                "Local businesses said they hoped the work would be finished before the busy summer season.",
                "The council will publish a detailed timetable for each phase of the work on its website.",
                "Several residents asked whether the work would cause noise at night, which officials ruled out.",
                "Officials said they would write to every household affected before the work begins next month.",
            ))
        plug = (f'<p><strong>READ MORE:</strong> <a href="/articles/related/{others[0][0]}.html">'
                f"{escape(others[0][1])} explained</a></p>")
        cards = "".join(
            f'<div class="card"><a href="/articles/related/{s}.html"><h4>{escape(t)} explained</h4></a>'
            f'<p>What the plans mean for residents and when the work will be finished.</p>'
            f'<p><span class="source">{SOURCES[n % len(SOURCES)]}</span> · <time>{n + 2} hours ago</time></p></div>'
            for n, (s, t, _) in enumerate(others))
        most_read = "".join(f'<li><a href="/articles/related/{s}.html">{escape(t)} explained</a></li>'
                            for s, t, _ in others[:2])
        return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(self._title(f, i))} | Feed {f}</title>
<meta property="og:site_name" content="Feed {f}"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{escape(self._title(f, i))}</h1><p class="byline">By Sam Keane</p>
{paragraphs[:len(paragraphs) // 2]}{plug}{paragraphs[len(paragraphs) // 2:]}
<section class="related"><h3>Related articles</h3>{cards}</section></article>
<aside class="most-read"><h3>Most read</h3><ol>{most_read}</ol></aside>
<div class="newsletter"><h3>Get our newsletter</h3><form><input type="email"><button>Sign up</button></form></div>
<footer>© Feed {f} Media</footer></body></html>""".encode()

    def resolve(self, path: str) -> tuple[bytes, str] | None:
        parts = path.strip("/").split("/")
        try:
            if parts[0] == "feeds" and len(parts) == 2:
                f = int(parts[1][1:5])
                kind = "application/atom+xml" if parts[1].endswith(".atom") else "application/rss+xml"
                return (self.feed(f), kind) if f < self.feeds else None
            if parts[0] == "articles" and parts[1] == "related":
                return b"<html><body><article><h1>Related</h1><p>" + b"A related story. " * 30 + b"</p></article></body></html>", "text/html"
            if parts[0] == "articles" and len(parts) == 3:
                f = int(parts[1][1:])
                if parts[2] == "index.html":
                    return self.index(f), "text/html; charset=utf-8"
                return self.article(f, int(parts[2][1:].split(".")[0])), "text/html; charset=utf-8"
        except (ValueError, IndexError):
            return None
        return None

    # ------------------------------------------------------------ serving
    def handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        web = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def send(self, status: int, body: bytes = b"", ctype: str = "text/plain",
                     headers: dict[str, str] | None = None) -> None:
                respond(body, ctype, status, headers)(self)

            def do_GET(self) -> None:
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                with web.lock:
                    web.requests += 1
                if web.latency_ms:
                    time.sleep(web.latency_ms / 1000)
                if url.path.startswith("/fault/"):
                    self.fault(url.path.split("/")[2:], query)
                    return
                found = web.resolve(url.path)
                if found is None:
                    self.send(404, b"not found")
                    return
                body, ctype = found
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                # A new round of items (``first``) is a new modification time.
                modified = email.utils.formatdate(1_700_000_000 + web.first * 3600, usegmt=True)
                if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
                    with web.lock:
                        web.conditional += 1
                    self.send(304, headers={"ETag": etag, "Last-Modified": modified})
                    return
                self.send(200, body, ctype, {"ETag": etag, "Last-Modified": modified})

            def fault(self, parts: list[str], query: dict[str, str]) -> None:
                kind, rest = parts[0], "/" + "/".join(parts[1:])
                if kind == "status":
                    self.send(int(parts[1]), b"fault")
                elif kind == "500":
                    self.send(500, b"server error")
                elif kind == "loop":
                    self.send(302, headers={"Location": "/fault/loop/" + parts[1]})
                elif kind == "hang":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    time.sleep(float(query.get("s", "30")))
                elif kind == "drip":
                    body = (web.resolve(rest) or (b"x" * 4096, ""))[0]
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    chunk, interval = int(query.get("chunk", "64")), float(query.get("interval", "1"))
                    try:
                        for start in range(0, len(body), chunk):
                            self.wfile.write(body[start:start + chunk])
                            self.wfile.flush()
                            time.sleep(interval)
                    except OSError:
                        pass
                elif kind == "malformed":
                    body = (web.resolve("/" + "/".join(parts[2:])) or (b"", ""))[0]
                    spoiled = {"truncated": body[: len(body) * 2 // 3],
                               "binary": bytes(range(256)) * 20,
                               "html": b"<html><body><p>Not a feed at all.</p></body></html>"}[parts[1]]
                    self.send(200, spoiled, "application/rss+xml")
                else:
                    self.send(404, b"no such fault")

        return Handler

    def reset(self) -> None:
        with self.lock:
            self.requests = self.conditional = 0


@contextmanager
def serve(feeds: int, items: int, latency_ms: int = 0) -> Iterator[NewsWeb]:
    """Serve a news web of ``feeds`` feeds of ``items`` items on 127.0.0.1; stop after."""
    web = NewsWeb(feeds, items, latency_ms)
    server = Server(("127.0.0.1", 0), web.handler())
    web.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield web
    finally:
        server.shutdown()
        server.server_close()
