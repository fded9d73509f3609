"""Messages: workers report results to the app, and screens ask the app for things.

Attributes down, messages up: a screen never changes the app's state or another
screen; it posts one of these, and the app answers by calling the screen's methods.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message

from newsreader.core.feeds.refresh import Progress, RefreshTotals
from newsreader.core.library import Change
from newsreader.core.models import Article, Blurb
from newsreader.core.pipeline import Outcome
from newsreader.core.store.db import FeedRow, ItemRow

# ------------------------------------------------------------------ from workers


@dataclass
class ArticleLoaded(Message):
    """A worker finished running the pipeline on one input."""

    outcome: Outcome


@dataclass
class ItemsLoaded(Message):
    """The item list for the current view, read from the store."""

    items: list[ItemRow]
    feeds: list[FeedRow]
    keep_item: int | None
    labels: list[Text]  # the rows' labels, built in the worker, off the UI thread
    generation: int = 0  # which request this answers: an older answer is dropped
    tags: tuple[str, ...] = ()  # every feed tag, for the tags in the feeds pane
    more: bool = False  # the list goes on past these rows (MoreItemsLoaded brings the next page)


@dataclass
class MoreItemsLoaded(Message):
    """The next page of the list on screen."""

    items: list[ItemRow]
    labels: list[Text]
    generation: int
    more: bool
    then_next_unread: bool = False


@dataclass
class CountsLoaded(Message):
    """Counts that read more than a page: the list's items and unread items, each feed's
    and each saved view's unread items.  They follow the first paint."""

    generation: int
    total: int
    unread: int
    feeds: list[FeedRow]
    view_unread: dict[str, int]


@dataclass
class ItemArticle(Message):
    """The article for a stored item, ready to read."""

    item_id: int
    article: Article | None
    error: str | None = None
    generation: int = 0


@dataclass
class SaveFailed(Message):
    """A triage change the store refused: the app reloads the truth from the store."""

    change: Change
    error: str


@dataclass
class Saved(Message):
    """A triage change reached the store; ``reload`` asks for the list again (undo, bulk)."""

    change: Change
    reload: bool = False


@dataclass
class RefreshProgress(Message):
    progress: Progress


@dataclass
class RefreshDone(Message):
    totals: RefreshTotals | None
    error: str | None = None


# ------------------------------------------------------------------ from screens


@dataclass
class TriageRequested(Message):
    item_id: int
    state: str
    from_reader: bool = False


@dataclass
class OpenItem(Message):
    item_id: int


@dataclass
class StepUnread(Message):
    """The reader asks for the next (1) or previous (-1) unread item after ``item_id``."""

    item_id: int | None
    step: int


@dataclass
class ViewChosen(Message):
    kind: str  # "view" or "feed"
    key: str


@dataclass
class SearchRequested(Message):
    query: str | None


@dataclass
class MoreWanted(Message):
    """The cursor nears the end of the rows loaded: load the next page (and then, if
    asked, move to the next unread item in it)."""

    then_next_unread: bool = False


@dataclass
class SaveView(Message):
    """Save the current search as a view in the config."""

    name: str
    query: str


@dataclass
class UndoRequested(Message):
    pass


@dataclass
class RefreshRequested(Message):
    pass


@dataclass
class MarkAllRead(Message):
    """Mark every unread item read: of the list on screen (newsboat's A), or everywhere (C)."""

    everywhere: bool = False


@dataclass
class AddFeed(Message):
    url: str


@dataclass
class RemoveFeed(Message):
    feed_id: int


@dataclass
class RenameFeed(Message):
    feed_id: int
    title: str


@dataclass
class TagFeed(Message):
    feed_id: int
    tags: tuple[str, ...]


@dataclass
class FeedsChanged(Message):
    """A feed was added, removed, renamed or tagged (from a worker): say so, reload."""

    note: str
    error: bool = False


@dataclass
class OpenLink(Message):
    url: str | None


@dataclass
class CopyLink(Message):
    url: str | None


@dataclass
class OpenSource(Message):
    """Open a URL (a blurb's) in a reader of its own."""

    url: str


@dataclass
class SaveBlurb(Message):
    blurb: Blurb
