"""A one-line question: a feed's URL, a new name, tags, a yes/no."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .. import text


class PromptScreen(ModalScreen[str | None]):
    """Enter answers with what was typed; escape answers None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Static(text.plain(self.question))
            yield Input(value=self.value, placeholder=self.placeholder, id="answer")
            yield Static(text.Text("enter: OK · escape: cancel", style="dim"))

    @on(Input.Submitted, "#answer")
    def _answer(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
