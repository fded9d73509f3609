"""The TOML config: found under the platform config dir, or given by --config.

Every key is documented in config.example.toml.  A bad file gives one line
naming the key or line at fault.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreader.core.errors import ConfigError
from newsreader.core.io.fetch import FetchSettings
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
    "": {"db", "fetch", "summary", "refresh", "ui", "keys", "feeds"},
    "fetch.": {"timeout", "total_timeout", "max_bytes", "max_redirects", "concurrency", "per_host",
               "user_agent", "http2"},
    "summary.": {"enabled", "sentences", "ratio", "algorithm", "language", "max_sentences", "min_words"},
    "refresh.": {"interval_minutes", "full_text", "workers"},
    "ui.": {"browser", "theme"},
}


# Numbers that must be at least this much (0 minutes of refresh interval means "never").
_MINIMUM = {
    "fetch.timeout": 0.001, "fetch.total_timeout": 0.001, "fetch.max_bytes": 1,
    "fetch.max_redirects": 0, "fetch.concurrency": 1, "fetch.per_host": 1,
    "summary.sentences": 1, "summary.max_sentences": 1, "summary.min_words": 0,
    "refresh.interval_minutes": 0, "refresh.workers": 1,
}


def _check_ranges(data: dict[str, Any]) -> None:
    for dotted, least in _MINIMUM.items():
        table, key = dotted.split(".")
        value = data.get(table, {}).get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value < least:
            raise ConfigError(f"config: {dotted} must be at least {least:g}, not {value!r}")


def _check_keys(table: dict[str, Any], where: str) -> None:
    for key in table:
        if key not in _KNOWN[where]:
            raise ConfigError(f"config: unknown key {where}{key}")


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
    feeds_t = data.get("feeds", [])
    if not isinstance(feeds_t, list):
        raise ConfigError("config: feeds must be an array of tables ([[feeds]])")
    feeds = []
    for i, feed in enumerate(feeds_t):
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
    )


def load_config(path: str | Path | None = None) -> Config:
    """Read the config at ``path``, or the default one if it exists; else defaults."""
    explicit = path is not None or "NEWSREADER_CONFIG" in os.environ
    file = Path(path or os.environ.get("NEWSREADER_CONFIG") or config_dir() / "config.toml").expanduser()
    if not file.exists():
        if explicit:
            raise ConfigError(f"config: {file}: no such file")
        return Config()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config: {file}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config: {file}: cannot read ({exc})") from None
    return parse_config(data, file)
