"""The TOML config: found under the platform config dir, or given by --config.

Every key is documented in config.example.toml.  A bad file gives one line
naming the key or line at fault.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreader.core.errors import ConfigError
from newsreader.core.extract.site import SiteRules, make_site_rules
from newsreader.core.io.fetch import FetchSettings
from newsreader.core.rules import Rule, SavedView, check_query, make_rule
from newsreader.core.settings import ALGORITHMS, SummarySettings

APP_NAME = "newsreader"


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


@dataclass(frozen=True, slots=True)
class FeedConfig:
    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    full_text: bool = True
    refresh_minutes: int | None = None
    site: SiteRules = field(default_factory=SiteRules)  # extraction rules for the feed's pages
    max_items: int | None = None  # retention, over the global limits
    max_age_days: float | None = None


@dataclass(frozen=True, slots=True)
class Retention:
    """How much of the past to keep ([retention]); None: no limit.  Starred, later and
    saved items are never removed, nor (``keep_unread``) unread ones."""

    max_age_days: float | None = None
    max_items: int | None = None  # in the whole store
    feed_max_items: int | None = None  # in each feed, unless the feed says otherwise
    keep_unread: bool = True
    after_refresh: bool = True  # clean up after each refresh, when any limit is set

    @property
    def limited(self) -> bool:
        return any(v is not None for v in (self.max_age_days, self.max_items, self.feed_max_items))


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None = None
    db: Path | None = None
    fetch: FetchSettings = field(default_factory=FetchSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    refresh_minutes: int = 60
    full_text: bool = True
    workers: int = 2
    browser: str | None = None
    theme: str = "textual-dark"
    keys: dict[str, str] = field(default_factory=dict)
    feeds: tuple[FeedConfig, ...] = ()
    views: tuple[SavedView, ...] = ()
    rules: tuple[Rule, ...] = ()
    retention: Retention = field(default_factory=Retention)


def _expect(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str,
            default: Any = None) -> Any:
    """The value at ``key`` if it has the right type (bools are not numbers), ``default``
    when it is absent (never when it is 0 or "": those are values), else an error."""
    value = table.get(key)
    if value is None:
        return default
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
        names = " or ".join(k.__name__ for k in kinds)
        raise ConfigError(f"config: {where}{key} must be {names}, not {value!r}")
    return value


_KNOWN = {
    "": {"db", "fetch", "summary", "refresh", "ui", "keys", "feeds", "views", "rules", "retention"},
    "fetch.": {"timeout", "total_timeout", "max_bytes", "max_redirects", "concurrency", "per_host",
               "user_agent", "http2"},
    "summary.": {"enabled", "sentences", "ratio", "algorithm", "language", "max_sentences", "min_words"},
    "refresh.": {"interval_minutes", "full_text", "workers"},
    "ui.": {"browser", "theme"},
    "retention.": {"max_age_days", "max_items", "feed_max_items", "keep_unread", "after_refresh"},
    "feeds.": {"url", "title", "tags", "full_text", "refresh_minutes", "selector", "drop", "max_items",
               "max_age_days"},
    "views.": {"name", "query"},
    "rules.": {"name", "query", "action"},
}


# Numbers that must be at least this much (0 minutes of refresh interval means "never").
_MINIMUM = {
    "fetch.timeout": 0.001, "fetch.total_timeout": 0.001, "fetch.max_bytes": 1,
    "fetch.max_redirects": 0, "fetch.concurrency": 1, "fetch.per_host": 1,
    "summary.sentences": 1, "summary.max_sentences": 1, "summary.min_words": 0,
    "refresh.interval_minutes": 0, "refresh.workers": 1,
    "retention.max_age_days": 0.001, "retention.max_items": 1, "retention.feed_max_items": 1,
}


def _check_ranges(data: dict[str, Any]) -> None:
    for dotted, least in _MINIMUM.items():
        table, key = dotted.split(".")
        section = data.get(table, {})
        value = section.get(key) if isinstance(section, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool) and value < least:
            raise ConfigError(f"config: {dotted} must be at least {least:g}, not {value!r}")


def _check_keys(table: dict[str, Any], where: str, known: str | None = None) -> None:
    for key in table:
        if key not in _KNOWN[known or where]:
            raise ConfigError(f"config: unknown key {where}{key}")


def _tables(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """An array of tables ([[name]]), each checked for unknown keys."""
    found = data.get(name, [])
    if not isinstance(found, list) or not all(isinstance(t, dict) for t in found):
        raise ConfigError(f"config: {name} must be an array of tables ([[{name}]])")
    for i, table in enumerate(found):
        _check_keys(table, f"{name}[{i}].", f"{name}.")
    return found


def _positive(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = _expect(table, key, kind, where)
    if value is not None and value <= 0:
        raise ConfigError(f"config: {where}{key} must be more than 0, not {value!r}")
    return value


def _views(data: dict[str, Any]) -> tuple[SavedView, ...]:
    views: list[SavedView] = []
    for i, table in enumerate(_tables(data, "views")):
        where = f"views[{i}]."
        name, query = _expect(table, "name", str, where), _expect(table, "query", str, where)
        if not name or not query:
            raise ConfigError(f"config: {where}name and {where}query are required")
        if any(v.name == name for v in views):
            raise ConfigError(f"config: {where}name {name!r} is used twice")
        check_query(query, where)
        views.append(SavedView(name, query))
    return tuple(views)


def _rules(data: dict[str, Any]) -> tuple[Rule, ...]:
    rules = []
    for i, table in enumerate(_tables(data, "rules")):
        where = f"rules[{i}]."
        query, action = _expect(table, "query", str, where), _expect(table, "action", str, where)
        if not query or not action:
            raise ConfigError(f"config: {where}query and {where}action are required")
        rules.append(make_rule(_expect(table, "name", str, where) or f"rule {i + 1}", query, action, where))
    return tuple(rules)


def _retention(data: dict[str, Any]) -> Retention:
    table = data.get("retention", {})
    if not isinstance(table, dict):
        raise ConfigError("config: [retention] must be a table")
    _check_keys(table, "retention.")
    return Retention(
        max_age_days=_expect(table, "max_age_days", (int, float), "retention."),
        max_items=_expect(table, "max_items", int, "retention."),
        feed_max_items=_expect(table, "feed_max_items", int, "retention."),
        keep_unread=table.get("keep_unread", True) is not False,
        after_refresh=table.get("after_refresh", True) is not False,
    )


def parse_config(data: dict[str, Any], path: Path | None = None) -> Config:
    _check_keys(data, "")
    fetch_t = data.get("fetch", {})
    summary_t = data.get("summary", {})
    refresh_t = data.get("refresh", {})
    ui_t = data.get("ui", {})
    for name, table in (("fetch", fetch_t), ("summary", summary_t), ("refresh", refresh_t), ("ui", ui_t)):
        if not isinstance(table, dict):
            raise ConfigError(f"config: [{name}] must be a table")
        _check_keys(table, f"{name}.")
    _check_ranges(data)
    defaults = FetchSettings()
    fetch = FetchSettings(
        timeout=float(_expect(fetch_t, "timeout", (int, float), "fetch.", default=defaults.timeout)),
        total_timeout=float(_expect(fetch_t, "total_timeout", (int, float), "fetch.",
                                    default=defaults.total_timeout)),
        max_bytes=int(_expect(fetch_t, "max_bytes", int, "fetch.", default=defaults.max_bytes)),
        max_redirects=int(_expect(fetch_t, "max_redirects", int, "fetch.", default=defaults.max_redirects)),
        concurrency=int(_expect(fetch_t, "concurrency", int, "fetch.", default=defaults.concurrency)),
        per_host=int(_expect(fetch_t, "per_host", int, "fetch.", default=defaults.per_host)),
        user_agent=_expect(fetch_t, "user_agent", str, "fetch.", default=defaults.user_agent),
        http2=fetch_t.get("http2", defaults.http2) is True,
    )
    algorithm = _expect(summary_t, "algorithm", str, "summary.", default="news")
    if algorithm not in ALGORITHMS:
        raise ConfigError(f"config: summary.algorithm must be one of {', '.join(ALGORITHMS)}")
    ratio = _expect(summary_t, "ratio", (int, float), "summary.")
    if ratio is not None and not 0 < ratio <= 1:
        raise ConfigError("config: summary.ratio must be between 0 and 1")
    summary = SummarySettings(
        enabled=summary_t.get("enabled", True) is not False,
        sentences=_expect(summary_t, "sentences", int, "summary.", default=None),
        ratio=float(ratio) if ratio else SummarySettings().ratio,
        algorithm=algorithm,
        language=_expect(summary_t, "language", str, "summary.", default=None),
        max_sentences=_expect(summary_t, "max_sentences", int, "summary.", default=SummarySettings().max_sentences),
        min_words=_expect(summary_t, "min_words", int, "summary.", default=SummarySettings().min_words),
    )
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError("config: [keys] maps action names to key strings")
    feeds = []
    for i, feed in enumerate(_tables(data, "feeds")):
        where = f"feeds[{i}]."
        url = _expect(feed, "url", str, where)
        if not url:
            raise ConfigError(f"config: {where}url is required")
        tags = feed.get("tags", [])
        if not isinstance(tags, list):
            raise ConfigError(f"config: {where}tags must be a list of strings")
        feeds.append(FeedConfig(
            url=url, title=_expect(feed, "title", str, where), tags=tuple(map(str, tags)),
            full_text=feed.get("full_text", True) is not False,
            refresh_minutes=_expect(feed, "refresh_minutes", int, where),
            site=make_site_rules(_expect(feed, "selector", str, where), _strings(feed, "drop", where), where),
            max_items=_positive(feed, "max_items", int, where),
            max_age_days=_positive(feed, "max_age_days", (int, float), where),
        ))
    db = _expect(data, "db", str, "")
    return Config(
        path=path,
        db=Path(db).expanduser() if db else None,
        fetch=fetch,
        summary=summary,
        refresh_minutes=_expect(refresh_t, "interval_minutes", int, "refresh.", default=60),
        full_text=refresh_t.get("full_text", True) is not False,
        workers=_expect(refresh_t, "workers", int, "refresh.", default=2),
        browser=_expect(ui_t, "browser", str, "ui.", default=None),
        theme=_expect(ui_t, "theme", str, "ui.", default="textual-dark"),
        keys=dict(keys),
        feeds=tuple(feeds),
        views=_views(data),
        rules=_rules(data),
        retention=_retention(data),
    )


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"config: {where}{key} must be a list of strings")
    return tuple(value)


def load_config(path: str | Path | None = None) -> Config:
    """Read the config at ``path``, or the default one if it exists; else defaults."""
    explicit = path is not None or "NEWSREADER_CONFIG" in os.environ
    file = Path(path).expanduser() if path else default_config_path()
    if not file.exists():
        if explicit:
            raise ConfigError(f"config: {file}: no such file")
        return Config(path=file)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config: {file}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config: {file}: cannot read ({exc})") from None
    return parse_config(data, file)


def default_config_path() -> Path:
    return Path(os.environ.get("NEWSREADER_CONFIG") or config_dir() / "config.toml").expanduser()


def save_view(config: Config, name: str, query: str) -> Config:
    """Add a saved search to the config file (created if missing), as a [[views]] table
    appended at its end, so the person's comments and layout stay as they were.
    Returns the config with the view in it."""
    name, query = name.strip(), query.strip()
    if not name:
        raise ConfigError("a view needs a name")
    check_query(query, "views: ")
    if any(v.name == name for v in config.views):
        raise ConfigError(f"there is already a view named {name!r}")
    path = config.path or default_config_path()
    try:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config: {path}: cannot read ({exc})") from None
    # JSON's string escapes are TOML's basic-string escapes.
    block = f"\n[[views]]\nname = {json.dumps(name, ensure_ascii=False)}\nquery = {json.dumps(query, ensure_ascii=False)}\n"
    after = before + ("\n" if before and not before.endswith("\n") else "") + block
    try:
        parse_config(tomllib.loads(after), path)
    except (tomllib.TOMLDecodeError, ConfigError) as exc:
        raise ConfigError(f"config: {path}: the view cannot be added ({exc})") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(after, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"config: {path}: cannot write ({exc})") from None
    return dataclasses.replace(config, path=path, views=(*config.views, SavedView(name, query)))
