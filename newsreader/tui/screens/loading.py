"""Shown while one page is fetched and cleaned for the reader."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from .. import text


class LoadingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit")]

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        yield Static(text.plain(f"Opening {text.clean_line(self.source)}…"), id="loading")
        yield Footer()

    def failed(self, error: str) -> None:
        self.query_one("#loading", Static).update(text.plain(f"Could not open the page:\n{error}"))
