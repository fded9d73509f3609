"""Rules at refresh and on demand, saved views in the feeds pane, and per-feed extraction rules."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import page, wait_for
from newsweb import serve
from textual.widgets import Input, OptionList

from newsreader.core.config import ConfigError, load_config, parse_config
from newsreader.core.feeds.refresh import refresh, refresh_sync
from newsreader.core.library import refresh_settings
from newsreader.core.rules import apply_rules
from newsreader.core.store.db import Store
from newsreader.tui.app import MainScreen, NewsreaderApp

RULES = """
[refresh]
interval_minutes = 0

[[rules]]
name = "no ferries"
query = 'title:/\\bferry\\b/'
action = "dismiss"

[[rules]]
name = "civic"
query = "text:council feed:\\"Feed 1\\""
action = "tag:civic"

[[rules]]
query = "title:library"
action = "star"

[[views]]
name = "Civic"
query = "tag:civic"
"""


def run_cli(*args: str, db: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsreader", "--db", str(db), "--config", str(config), *args],
                          capture_output=True, text=True, timeout=300)


@contextlib.contextmanager
def subscribed(tmp_path: Path, name: str, feeds: int) -> Iterator[tuple[Path, Store]]:
    """The rules' config file, and a store subscribed to ``feeds`` feeds of a local news web."""
    config_file = tmp_path / "config.toml"
    config_file.write_text(RULES)
    with serve(feeds=feeds, items=8) as web, Store(tmp_path / name) as store:
        for url in web.feed_urls():
            store.add_feed(url)
        yield config_file, store


def test_rules_run_on_new_items_at_refresh(tmp_path: Path) -> None:
    with subscribed(tmp_path, "r.db", feeds=3) as (config_file, store):
        config = load_config(config_file)
        totals = refresh_sync(store, full_text=True, workers=1, **refresh_settings(config))
        assert totals.new_items == 24 and totals.ruled > 0
        dismissed = store.items(query="is:dismissed")
        assert dismissed and all("ferry" in r.title.lower() for r in dismissed)
        assert not any("ferry" in r.title.lower() for r in store.items())  # gone from the inbox
        assert {r.id for r in store.items(query="rule:\"no ferries\"")} == {r.id for r in dismissed}
        civic = store.items(query="tag:civic")
        assert civic and all(r.feed_title == "Feed 1" for r in civic)  # text: saw the article
        starred = store.items(state="starred")
        assert starred and all("library" in r.title.lower() for r in starred)
        assert store.items(query="rule:\"rule 3\"") == starred


def test_rules_leave_hand_triage_alone_and_dry_run_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    with subscribed(tmp_path, db.name, feeds=2) as (config_file, store):
        refresh_sync(store, full_text=False, workers=1)  # no rules yet
        ferries = store.items(query="title:ferry")
        assert ferries
        store.set_state(ferries[0].id, "read", True)  # triaged by hand: rules never touch it
        plan = run_cli("apply-rules", "--dry-run", "--format", "json", db=db, config=config_file)
        assert plan.returncode == 0, plan.stderr
        lines = [json.loads(line) for line in plan.stdout.splitlines()]
        would = {d["id"] for d in lines if d["rule"] == "no ferries"}
        assert would == {r.id for r in ferries[1:]} and all(d["dry_run"] for d in lines)
        assert store.items(query="is:dismissed") == []  # nothing changed
        done = run_cli("apply-rules", db=db, config=config_file)
        assert done.returncode == 0 and "rules changed" in done.stderr
        assert {r.id for r in store.items(query="is:dismissed")} == would
        again = apply_rules(store, load_config(config_file).rules)
        assert again == []  # a rule acts once


def test_bad_rules_and_views_are_config_errors() -> None:
    with pytest.raises(ConfigError, match=r"rules\[0\]\.query: unknown filter `fed:` at column 1; did you mean `feed:`\?"):
        parse_config({"rules": [{"query": "fed:x", "action": "dismiss"}]})
    with pytest.raises(ConfigError, match=r"rules\[0\]\.action must be one of"):
        parse_config({"rules": [{"query": "x", "action": "explode"}]})
    with pytest.raises(ConfigError, match=r"views\[1\]\.name 'A' is used twice"):
        parse_config({"views": [{"name": "A", "query": "x"}, {"name": "A", "query": "y"}]})
    with pytest.raises(ConfigError, match=r"unknown key rules\[0\]\.when"):
        parse_config({"rules": [{"query": "x", "action": "read", "when": "now"}]})
    with pytest.raises(ConfigError, match=r"feeds\[0\]\.bad CSS selector"):
        parse_config({"feeds": [{"url": "https://x.example/feed", "selector": "div[["}]})




def feed_entries(app: NewsreaderApp) -> list[str]:
    options = app.screen.query_one("#feeds", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_views_show_with_counts_and_a_search_is_saved(tmp_path: Path) -> None:
    with subscribed(tmp_path, "v.db", feeds=3) as (config_file, store):
        config = load_config(config_file)
        await refresh(store, full_text=True, workers=1, **refresh_settings(config))
        civic = len(store.items(query="tag:civic is:unread"))
        app = NewsreaderApp(config, store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and app.rows)
            await wait_for(pilot, lambda: any(e.endswith("⌕ Civic") and str(civic) in e for e in feed_entries(app)))
            # Choose the view: its items are the list.
            feeds = app.screen.query_one("#feeds", OptionList)
            feeds.focus()
            feeds.highlighted = next(i for i, e in enumerate(feed_entries(app)) if "⌕ Civic" in e)
            await pilot.press("enter")
            await wait_for(pilot, lambda: len(app.rows) == civic)
            assert "Civic:" in str(app.screen.query_one("#status").render())
            # Search, then save the search as a view.
            await pilot.press("slash")
            await pilot.press(*"title:bridge", "ctrl+s")
            await wait_for(pilot, lambda: bool(app.screen.query("#answer")))
            app.screen.query_one("#answer", Input).value = "Bridges"
            await pilot.press("enter")
            await wait_for(pilot, lambda: any("⌕ Bridges" in e for e in feed_entries(app)))
            assert any("Saved the view Bridges" in n.message for n in app._notifications)
    saved = load_config(config_file)
    assert [(v.name, v.query) for v in saved.views] == [("Civic", "tag:civic"), ("Bridges", "title:bridge")]
    assert saved.rules == config.rules  # the rest of the file as it was


def test_extract_with_a_selector(tmp_path: Path) -> None:
    source = page("en-ferry-related.html")
    base = [sys.executable, "-m", "newsreader", "--config", str(tmp_path / "none.toml"), "extract", "--format", "json"]
    (tmp_path / "none.toml").write_text("")
    auto = json.loads(subprocess.run([*base, str(source)], capture_output=True, text=True).stdout)
    chosen = subprocess.run([*base, "--selector", "article p", str(source)], capture_output=True, text=True)
    assert chosen.returncode == 0, chosen.stderr
    picked = json.loads(chosen.stdout)
    lead = "The ferry to Inishcorr will keep running four times a day"
    assert lead in picked["text"] and lead in auto["text"]
    dropped = json.loads(subprocess.run([*base, "--selector", "article", "--drop", ".story-body p:first-child",
                                         str(source)], capture_output=True, text=True).stdout)
    assert dropped["text"] and lead not in dropped["text"]
    nothing = subprocess.run([*base, "--selector", "div.no-such-thing", str(source)], capture_output=True, text=True)
    assert nothing.returncode == 1 and "matched nothing" in json.loads(nothing.stdout)["error"]
    bad = subprocess.run([*base, "--selector", "div[[", str(source)], capture_output=True, text=True)
    assert bad.returncode == 2 and "bad CSS selector" in bad.stderr


async def test_a_query_that_cannot_be_read_says_where(tmp_path: Path) -> None:
    from newsreader.core.config import Config
    from newsreader.core.models import Article, Block

    with Store(tmp_path / "e.db") as store:
        store.add_article(Article(title="Harbour [/b] news", blocks=(Block("paragraph", "The harbour."),)), "h")
        app = NewsreaderApp(Config(refresh_minutes=0), store=store)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen) and app.rows)
            await pilot.press("slash", *"fed:[b]x", "enter")
            await wait_for(pilot, lambda: any("did you mean `feed:`" in n.message for n in app._notifications))
            assert "unknown filter `fed:` at column 1" in str(app.screen.query_one("#status").render())
            assert [r.title for r in app.rows] == ["Harbour [/b] news"]  # the list stays as it was
