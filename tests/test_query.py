"""The query language: the parser (every error message), and what each filter finds in a store."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsreader.core.feeds.parse import FeedEntry
from newsreader.core.models import Article, Block
from newsreader.core.query import All, Any, Filter, Not, QueryError, Terms, parse, to_sql
from newsreader.core.store.db import Store

ERRORS = [
    ("fed:bbc", "unknown filter `fed:` at column 1; did you mean `feed:`?"),
    ("cats titel:dog", "unknown filter `titel:` at column 6; did you mean `title:`?"),
    ("zzz:1", "unknown filter `zzz:` at column 1; filters: feed:, tag:, author:, title:, url:, text:, rule:,"
              " is:, age:, words:, lang:"),
    ("is:stared", "unknown state `is:stared` at column 1; did you mean `is:starred`?"),
    ("is:xyzzy", "unknown state `is:xyzzy` at column 1; use one of is:unread, is:read, is:starred, is:later,"
                 " is:dismissed"),
    ("age:3x", "bad age `age:3x` at column 1; use < or >, a number and h, d, w, mo or y, as age:<3d"),
    ("words:lots", "bad word count `words:lots` at column 1; use words:>800, words:<300 or words:500"),
    ("lang:german!", "bad language `lang:german!` at column 1; use a code such as lang:de"),
    ("title:/(/", "bad regex /(/ at column 1: missing ), unterminated subpattern"),
    ("title:/abc", "unclosed /regex/ after `title:` at column 1"),
    ("is:/x/", "`is:` takes no /regex/ at column 1"),
    ('cats "dogs', 'unclosed quote " at column 6'),
    ("(cats OR dogs", "unclosed ( at column 1"),
    ("cats)", "unexpected `)` (no `(` opens it) at column 5"),
    ("OR cats", "`OR` with nothing before it at column 1"),
    ("cats AND", "nothing after `AND` at column 6"),
    ("NOT", "nothing after `NOT` at column 1"),
    ("()", "empty () at column 1"),
    ('""', 'empty "" at column 1'),
    ("feed: cats", "missing value after `feed:` at column 1"),
]


@pytest.mark.parametrize(("query", "message"), ERRORS)
def test_every_error_names_the_column(query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert str(caught.value) == message


def test_the_tree() -> None:
    assert parse("") is None
    assert parse("cats") == Terms(("cats",))
    assert parse('"black cat" -dog') == All((Terms(("black", "cat"), phrase=True), Not(Terms(("dog",)))))
    assert parse("a OR b c") == Any((Terms(("a",)), All((Terms(("b",)), Terms(("c",))))))
    assert parse("(a OR b) c") == All((Any((Terms(("a",)), Terms(("b",)))), Terms(("c",))))
    assert parse("age:>2w") == Filter("age", ">2w", op=">", number=14 * 86400)
    assert parse("age:3d") == Filter("age", "3d", op="<", number=3 * 86400)
    assert parse("words:800") == Filter("words", "800", op="=", number=800)
    assert parse("title:cat") == Terms(("cat",), column="title")
    assert parse("https://example.com/x") == Terms(("https://example.com/x",))  # a URL is a word
    assert parse("IS:Unread") == Filter("is", "unread")


def test_sql_is_parameterised() -> None:
    sql, params = to_sql(parse("author:\"O'Brien\" url:/x'; DROP TABLE items; --/"), now=0)  # type: ignore[arg-type]
    assert "O'Brien" not in sql and "DROP" not in sql
    assert params[0] == "o'brien"


def article(text: str, language: str = "en", byline: str | None = None) -> Article:
    return Article(title="t", blocks=(Block("paragraph", text),), language=language, byline=byline)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "q.db")
    now = time.time()
    bbc, _ = store.add_feed("https://bbc.example/rss", title="BBC News", tags=("news", "uk"))
    tech, _ = store.add_feed("https://tech.example/atom", title="Gadget Blog", tags=("tech",))
    entries = {
        bbc: [FeedEntry("1", "https://bbc.example/harbour", "Harbour wall repairs start", now - 3600, "",
                        author="Sam Keane"),
              FeedEntry("2", "https://bbc.example/sport/cup", "Cup final tonight", now - 10 * 86400, "")],
        tech: [FeedEntry("3", "https://tech.example/phone", "New phone reviewed", now - 2 * 86400, "",
                         author="Ana Ruiz"),
               FeedEntry("4", "https://tech.example/de", "Neues Telefon im Test", now - 40 * 86400, "")],
    }
    ids = {}
    for feed, items in entries.items():
        for entry, item_id in zip(items, store.store_entries(feed, items, title=None, site_url=None, etag=None,
                                                              last_modified=None), strict=True):
            ids[entry.guid] = item_id
    store.store_articles([
        (ids["1"], article("The harbour wall will be repaired over the winter months. " * 20), None),
        (ids["2"], article("The cup final kicks off at eight."), None),
        (ids["3"], article("The phone has a large battery and a bright screen. " * 100, byline="Ana Ruiz"), None),
        (ids["4"], article("Das Telefon hat einen großen Akku.", language="de"), None),
    ])
    store.set_state(ids["2"], "read", True)
    store.set_state(ids["3"], "starred", True)
    store.set_state(ids["4"], "dismissed", True)
    store.ids = ids  # type: ignore[attr-defined]
    return store


def found(store: Store, query: str) -> set[str]:
    by_id = {v: k for k, v in store.ids.items()}  # type: ignore[attr-defined]
    return {by_id[row.id] for row in store.items(query=query)}


@pytest.mark.parametrize(("query", "guids"), [
    ("harbour", {"1"}),
    ("harbours", {"1"}),  # stemmed
    ("harb*", {"1"}),
    ('"bright screen"', {"3"}),
    ("feed:bbc", {"1", "2"}),
    ("feed:gadget", {"3"}),
    ("tag:uk", {"1", "2"}),
    ("tag:news OR tag:tech", {"1", "2", "3"}),
    ("author:keane", {"1"}),
    ("author:ruiz", {"3"}),
    ("title:/^(cup|new)\\b/", {"2", "3"}),
    ("title:phone", {"3"}),
    ("text:battery", {"3"}),
    ("text:/kicks? off/", {"2"}),
    ("url:/sport/", {"2"}),
    ("url:harbour", {"1"}),
    ("is:unread", {"1", "3"}),
    ("is:read", {"2"}),
    ("is:starred", {"3"}),
    ("is:dismissed", {"4"}),  # a hiding state shows when asked for
    ("lang:de is:dismissed", {"4"}),
    ("age:<1d", {"1"}),
    ("age:>1w", {"2"}),
    ("age:<3d -age:<1d", {"3"}),
    ("words:>500", {"3"}),
    ("words:<20", {"2"}),
    ("NOT feed:bbc", {"3"}),
    ("(feed:bbc is:read) OR is:starred", {"2", "3"}),
    ("feed:bbc AND NOT title:cup", {"1"}),
])
def test_filters_find(store: Store, query: str, guids: set[str]) -> None:
    assert found(store, query) == guids


def test_rule_filter_and_item_tags(store: Store) -> None:
    ids = store.ids  # type: ignore[attr-defined]
    store.add_item_tag([ids["1"]], "keep", rule="long reads")
    assert found(store, "tag:keep") == {"1"}
    assert found(store, "rule:long") == {"1"}


def test_rules_over_new_items_read_only_their_stretch_of_the_index() -> None:
    """A rule looks at a refresh's new items: the index is asked for the matches in
    their id range, not for every match in a store of a million."""
    sql, params = to_sql(parse("cats dogs OR title:fish"), now=0, ids=(1000, 1400))  # type: ignore[arg-type]
    assert sql.count("rowid BETWEEN ? AND ?") == 2 and params.count(1000) == 2 and params.count(1400) == 2


def test_rules_match_only_among_the_given_items(store: Store) -> None:
    from newsreader.core.rules import apply_rules, make_rule

    ids = store.ids  # type: ignore[attr-defined]
    rule = make_rule("harbour", "harbour OR phone", "later", "")
    hits = apply_rules(store, [rule], [ids["3"], ids["4"]], dry_run=True)
    assert [h.item_id for h in hits] == []  # item 3 was starred by hand; 4 does not match
    hits = apply_rules(store, [rule], [ids["1"], ids["2"]])
    assert [h.item_id for h in hits] == [ids["1"]]
