"""The ? screen: every key of the screen underneath, as it is bound now."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import text


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j,down", "scroll(1)", show=False),
        Binding("k,up", "scroll(-1)", show=False),
    ]

    def __init__(self, rows: list[tuple[str, str]], notes: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.rows = rows
        self.notes = notes

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self.rows), default=8)
        lines = text.Text("Keys\n\n", style="bold")
        for key, description in self.rows:
            lines.append(f"{key:>{width}}  ", style="bold")
            lines.append(f"{description}\n")
        for note in self.notes:
            lines.append(f"\n{note}", style="dim")
        lines.append("\nctrl+p opens the command palette with every action.", style="dim")
        pane = VerticalScroll(Static(lines), id="help")
        pane.border_title = "Help"
        pane.border_subtitle = "j/k scroll · esc closes"
        yield pane

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=lines, animate=False)
