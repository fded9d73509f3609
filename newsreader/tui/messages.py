"""Small messages that workers post back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message

from ..core.models import Article
from ..core.pipeline import Outcome
from ..core.refresh import Progress, RefreshTotals
from ..core.store import FeedRow, ItemRow


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


@dataclass
class ItemArticle(Message):
    """The article for a stored item, ready to read."""

    item_id: int
    article: Article | None
    error: str | None = None


@dataclass
class RefreshProgress(Message):
    progress: Progress


@dataclass
class RefreshDone(Message):
    totals: RefreshTotals | None
    error: str | None = None
