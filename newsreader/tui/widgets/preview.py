"""The highlighted item's summary, under the item list."""

from __future__ import annotations

from textual.widget import Widget

from .. import text


class Preview(Widget):
    """A fixed-size box redrawn without a layout pass, so moving through the list costs
    one repaint."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: text.Text = text.Text()

    def update(self, content: text.Text) -> None:
        self._content = content
        self.refresh()

    def render(self) -> text.Text:
        return self._content
