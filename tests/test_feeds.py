"""Feeds, store and refresh against a local news web (tests/newsweb.py) on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from conftest import respond
from newsweb import NewsWeb, serve

from newsreader.core.feeds.opml import export_opml, parse_opml
from newsreader.core.feeds.parse import discover_feeds, parse_feed
from newsreader.core.feeds.refresh import refresh_sync
from newsreader.core.io.fetch import FetchSettings
from newsreader.core.io.urls import normalise_url
from newsreader.core.store.db import Store


@pytest.fixture(scope="module")
def web() -> Iterator[NewsWeb]:
    with serve(feeds=6, items=4) as news:
        yield news


def subscribed(tmp_path: Path, urls: list[str]) -> Store:
    store = Store(tmp_path / "s.db")
    for url in urls:
        store.add_feed(url)
    return store


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSREADER_DB": str(db), "HOME": str(db.parent), "XDG_CONFIG_HOME": str(db.parent / "cfg")}
    return subprocess.run([sys.executable, "-m", "newsreader", *args], capture_output=True, text=True,
                          env=env, timeout=300)


def test_cold_then_conditional_refresh(tmp_path: Path, web: NewsWeb) -> None:
    urls = web.feed_urls()
    with subscribed(tmp_path, urls) as store:
        web.reset()
        totals = refresh_sync(store, full_text=True, workers=2)
        assert totals.feeds_ok == 6 and totals.new_items == 24 and totals.feed_errors == 0
        assert totals.articles == 24 and totals.article_errors == 0
        # validators are kept from the first fetch, so the very next refresh is all 304s
        assert all(f.etag or f.last_modified for f in store.feeds())
        items = store.items()
        assert len(items) == 24 and all(i.extracted for i in items)
        article = store.article(items[0].id)
        assert article is not None and article.blocks and article.summary
        assert article.blurbs, "the bench's related-article cards are set apart"
        assert not any(b.title in article.text for b in article.blurbs)
        titles = [b.title for b in article.blurbs]
        assert len(titles) == len(set(titles)), "a story in a plug, the cards and Most read is one blurb"
        assert any(b.publisher for b in article.blurbs), "card sources are read"
        web.reset()
        again = refresh_sync(store, full_text=True)
        assert again.not_modified == 6 and again.new_items == 0 and again.articles == 0
        assert web.conditional >= 6
        assert store.integrity_ok()


def test_faults_are_recorded_and_the_rest_goes_on(tmp_path: Path, web: NewsWeb) -> None:
    good = web.feed_urls()[:2]
    server = web.base
    faults = [f"{server}/fault/500/feeds/f0000.rss", f"{server}/fault/loop/a",
              f"{server}/fault/malformed/truncated/feeds/f0001.rss", f"{server}/fault/hang?s=30",
              f"{server}/fault/drip/feeds/f0001.rss?chunk=64&interval=1", f"{server}/fault/status/404/x",
              f"{server}/fault/malformed/binary/feeds/f0001.rss", f"{server}/fault/malformed/html/feeds/f0001.rss"]
    with subscribed(tmp_path, good + faults) as store:
        started = time.monotonic()
        totals = refresh_sync(store, fetch=FetchSettings(timeout=2, total_timeout=4), full_text=False)
        assert time.monotonic() - started < 15
        assert totals.feeds_ok == 2 and totals.feed_errors == len(faults)
        errors = {f.url: f.last_error for f in store.feeds()}
        assert "HTTP 500" in errors[faults[0]]
        assert "redirect" in errors[faults[1]]
        assert "truncated" in errors[faults[2]]
        assert "timed out" in errors[faults[3]] and "timed out" in errors[faults[4]]
        assert "HTTP 404" in errors[faults[5]]
        assert errors[faults[6]] and errors[faults[7]]
        assert len(store.items()) == 8  # nothing from the truncated feed


def test_duplicates_across_feeds_and_urls(tmp_path: Path, local_server) -> None:
    base, routes = local_server

    def rss(links: list[str]) -> bytes:
        items = "".join(f"<item><title>Pier story</title><link>{escape(link)}</link><guid>{escape(link)}</guid></item>"
                        for link in links)
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()

    routes["/a.xml"] = respond(rss([f"{base}/story?utm_source=rss&id=7"]), "application/rss+xml")
    routes["/b.xml"] = respond(rss([f"http://127.0.0.1:{base.rsplit(':', 1)[1]}/story/amp?id=7&fbclid=x"]), "application/rss+xml")
    with subscribed(tmp_path, [f"{base}/a.xml", f"{base}/b.xml"]) as store:
        refresh_sync(store, full_text=False)
        assert len(store.items()) == 1
        assert [f.items for f in store.feeds()] == [1, 1]
    assert normalise_url("https://m.example.com/a/amp/?utm_medium=x&b=2#top") == "https://example.com/a?b=2"


def test_opml_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        store.add_feed("https://a.example/feed", title="A & B", tags=["news", "local"])
        store.add_feed("https://b.example/rss", title="B")
        text = export_opml(store.feeds())
    subs = parse_opml(text)
    assert {(s.url, s.title, s.tags) for s in subs} == {
        ("https://a.example/feed", "A & B", ("news", "local")), ("https://b.example/rss", "B", ()),
    }


def test_opml_errors_and_entity_refusal() -> None:
    from newsreader.core.errors import NewsreaderError

    with pytest.raises(NewsreaderError, match="line 2"):
        parse_opml("<opml><body>\n<outline xmlUrl='x'></body></opml>")
    with pytest.raises(NewsreaderError, match="DOCTYPE"):
        parse_opml('<!DOCTYPE x [<!ENTITY a "aaaa">]><opml><body/></opml>')


def test_cli_feed_commands(tmp_path: Path, web: NewsWeb) -> None:
    db = tmp_path / "cli.db"
    page = f"{web.base}/articles/f0000/index.html"
    done = run_cli("add", page, db=db)
    assert done.returncode == 0 and "subscribed" in done.stdout and "(4 items" in done.stdout, done.stderr
    # the same feed again, behind a tracking parameter: caught, not subscribed twice
    again = run_cli("add", f"{web.base}/feeds/f0000.rss?utm_source=newsletter", db=db)
    assert again.returncode == 0 and "already subscribed" in again.stdout, again.stdout
    opml = tmp_path / "subs.opml"
    opml.write_text(web.opml())
    assert run_cli("import-opml", str(opml), db=db).returncode == 0
    done = run_cli("refresh", "--feeds-only", "--json", db=db)
    totals = json.loads(done.stdout.strip().splitlines()[-1])
    assert totals["feeds"] == 6 and totals["new_items"] == 20 and totals["articles"] == 0  # add fetched 4
    feeds = json.loads(run_cli("feeds", "--format", "json", db=db).stdout)
    assert {"url", "title", "items", "unread", "last_ok", "last_error"} == set(feeds[0])
    assert sum(f["items"] for f in feeds) == 24
    exported = run_cli("export-opml", db=db).stdout
    assert len(parse_opml(exported)) == 6
    assert run_cli("remove", feeds[0]["url"], db=db).returncode == 0
    assert len(json.loads(run_cli("feeds", "--format", "json", db=db).stdout)) == 5


def test_kill_mid_refresh_then_clean_refresh(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    with serve(feeds=6, items=4, latency_ms=150) as news:
        with Store(db) as store:
            for url in news.feed_urls():
                store.add_feed(url)
        env = {**os.environ, "NEWSREADER_DB": str(db), "HOME": str(tmp_path)}
        for delay in (0.4, 0.9, 1.4):  # while feeds load, and while pages are cleaned
            proc = subprocess.Popen([sys.executable, "-m", "newsreader", "refresh", "--json"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            time.sleep(delay)
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            with Store(db) as store:
                assert store.integrity_ok()
        done = run_cli("refresh", "--json", db=db)
        assert done.returncode == 0, done.stderr
        with Store(db) as store:
            assert store.integrity_ok()
            counts = store.counts()
            assert counts["items"] == 24 and counts["articles"] == 24


def test_feed_parsing_edges() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>/home</link>
      <item><title>One</title><link>/a/1</link><guid>g1</guid><pubDate>Mon, 03 Jun 2124 04:39:00 +0000</pubDate></item>
      <item><title>Dup</title><link>/a/2</link><guid>g1</guid></item>
      <item><title>Bad date</title><link>/a/3</link><pubDate>someday</pubDate></item>
    </channel></rss>"""
    feed = parse_feed(rss, "https://site.example/feed.xml")
    assert [e.url for e in feed.entries] == ["https://site.example/a/1", "https://site.example/a/3"]
    assert feed.entries[0].published is not None and feed.entries[0].published < time.time() + 86401
    assert feed.entries[1].published is None
    json_feed = b'{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"/x","title":"T"}]}'
    assert parse_feed(json_feed, "https://j.example/feed.json").entries[0].url == "https://j.example/x"
    page = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head></html>'
    assert discover_feeds(page, "https://s.example/news/") == ["https://s.example/rss.xml"]


def test_addresses_typed_as_people_type_them() -> None:
    """A host typed without its scheme, and the "feed:" scheme of old subscribe buttons,
    are https addresses; anything else is left for the fetcher to judge."""
    from newsreader.core.io.urls import web_address

    assert web_address(" www.example.org/feed.xml ") == "https://www.example.org/feed.xml"
    assert web_address("example.org") == "https://example.org"
    assert web_address("feed://example.org/rss") == "https://example.org/rss"
    assert web_address("feed:https://example.org/rss") == "https://example.org/rss"
    assert web_address("http://127.0.0.1:8000/feed.xml") == "http://127.0.0.1:8000/feed.xml"
    assert web_address("localhost:8000/feed") == "localhost:8000/feed"
