"""Small messages that workers post back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..core.pipeline import Outcome


@dataclass
class ArticleLoaded(Message):
    """A worker finished running the pipeline on one input."""

    outcome: Outcome
