"""The Textual app: an inbox of articles and a reader with the summary beside the story."""

from __future__ import annotations

import webbrowser
from dataclasses import dataclass, field
from importlib import resources
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ..core.config import Config
from ..core.models import Article, Document
from ..core.pipeline import Outcome, process_one, process_sources
from . import text
from .messages import ArticleLoaded

WIDE = 120  # columns from which the summary sits beside the story


@dataclass
class Item:
    """An article in the inbox and its reading state (this session)."""

    article: Article
    read: bool = False
    starred: bool = False
    source: str = ""
    labels: list[str] = field(default_factory=list)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        lines = text.Text("Keys\n\n", style="bold")
        for key, description in self.rows:
            lines.append(f"{key:>12}  ", style="bold")
            lines.append(f"{description}\n")
        yield VerticalScroll(Static(lines), id="help")


def _binding_rows(bindings: list[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for b in bindings:
        if isinstance(b, Binding) and b.description:
            rows.append((b.key.replace(",", " / "), b.description))
    return rows


class ReaderScreen(Screen[None]):
    """Headline and meta line, summary beside (or above) the story, blurbs apart."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back"),
        Binding("t", "toggle_focus", "Summary/story"),
        Binding("b", "blurbs", "Blurbs"),
        Binding("h", "highlight", "Highlight summary"),
        Binding("o", "browser", "Browser"),
        Binding("y", "copy_url", "Copy URL"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("tab", "focus_next", "Next pane", show=False),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, article: Article, quit_on_back: bool = False) -> None:
        super().__init__()
        self.article = article
        self.quit_on_back = quit_on_back
        self.highlighting = False

    def compose(self) -> ComposeResult:
        yield Static(text.headline(self.article), id="headline")
        with Horizontal(id="panes"):
            summary = VerticalScroll(Static(text.summary(self.article)), id="summary-pane")
            summary.border_title = "Summary"
            yield summary
            story = VerticalScroll(Static(text.story(self.article), id="story"), id="story-pane")
            story.border_title = "Story"
            yield story
        blurbs = OptionList(*(Option(text.blurb_label(b), id=str(i))
                              for i, b in enumerate(self.article.blurbs)), id="blurbs", markup=False)
        blurbs.border_title = f"Elsewhere ({len(self.article.blurbs)})"
        blurbs.display = bool(self.article.blurbs)
        yield blurbs
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#story-pane").focus()
        self._fit(self.app.size.width)

    def on_resize(self) -> None:
        self._fit(self.app.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width < WIDE, "narrow")

    def action_back(self) -> None:
        if self.quit_on_back:
            self.app.exit()
        else:
            self.app.pop_screen()

    def action_toggle_focus(self) -> None:
        story = self.query_one("#story-pane")
        target = "#summary-pane" if story.has_focus else "#story-pane"
        self.query_one(target).focus()

    def action_blurbs(self) -> None:
        if self.article.blurbs:
            self.query_one("#blurbs").focus()
        else:
            self.notify("This story has no blurbs.")

    def action_highlight(self) -> None:
        self.highlighting = not self.highlighting
        self.query_one("#story", Static).update(text.story(self.article, self.highlighting))

    def _pane(self) -> VerticalScroll:
        focused = self.focused
        if isinstance(focused, VerticalScroll):
            return focused
        return self.query_one("#story-pane", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        self._pane().scroll_relative(y=lines, animate=False)

    def action_page_down(self) -> None:
        self._pane().scroll_page_down(animate=False)

    def _url(self) -> str | None:
        return self.article.canonical_url or self.article.url

    def action_browser(self) -> None:
        url = self._url()
        if not url:
            self.notify("This article has no URL.", severity="warning")
            return
        if self.app.config.browser:  # type: ignore[attr-defined]
            webbrowser.get(self.app.config.browser).open(url)  # type: ignore[attr-defined]
        else:
            self.app.open_url(url)

    def action_copy_url(self) -> None:
        url = self._url()
        if url:
            self.app.copy_to_clipboard(url)  # OSC 52
            self.notify(f"Copied {url}")

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(_binding_rows(self.BINDINGS)))

    @on(OptionList.OptionSelected, "#blurbs")
    def open_blurb(self, event: OptionList.OptionSelected) -> None:
        blurb = self.article.blurbs[int(event.option.id or 0)]
        if not blurb.url:
            self.notify("This blurb has no link.", severity="warning")
            return
        self.notify(f"Opening {blurb.title}…")
        self.app.load_sources([blurb.url])  # type: ignore[attr-defined]


class InboxScreen(Screen[None]):
    """Every article, one line each; bold until read."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("n", "next_unread(1)", "Next unread"),
        Binding("p", "next_unread(-1)", "Previous unread"),
        Binding("r", "toggle_read", "Read"),
        Binding("s", "star", "Star"),
        Binding("question_mark", "help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        items = OptionList(id="items", markup=False)
        items.border_title = "Articles"
        yield items
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_items()
        self.query_one("#items").focus()

    @property
    def items(self) -> list[Item]:
        return self.app.items  # type: ignore[attr-defined]

    def _label(self, item: Item) -> text.Text:
        marks = ("★" if item.starred else " ") + ("•" if not item.read else " ")
        label = text.Text(marks + " ")
        title = text.plain(text.clean_line(item.article.title or item.source), "" if item.read else "bold")
        label.append_text(title)
        if item.article.publisher:
            label.append(f"  {text.clean_line(item.article.publisher)}", style="dim")
        return label

    def refresh_items(self) -> None:
        options = self.query_one("#items", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(self._label(item), id=str(i)) for i, item in enumerate(self.items)])
        if self.items:
            options.highlighted = min(highlighted or 0, len(self.items) - 1)
        unread = sum(not i.read for i in self.items)
        self.query_one("#status", Static).update(f"{len(self.items)} articles, {unread} unread")

    def _current(self) -> int | None:
        return self.query_one("#items", OptionList).highlighted

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#items", OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_next_unread(self, step: int) -> None:
        current = self._current() or 0
        order = range(current + step, len(self.items)) if step > 0 else range(current + step, -1, -1)
        for i in order:
            if not self.items[i].read:
                self.query_one("#items", OptionList).highlighted = i
                return
        self.notify("No more unread items.")

    def action_toggle_read(self) -> None:
        index = self._current()
        if index is not None:
            self.items[index].read = not self.items[index].read
            self.refresh_items()
            self.action_next_unread(1)

    def action_star(self) -> None:
        index = self._current()
        if index is not None:
            self.items[index].starred = not self.items[index].starred
            self.refresh_items()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(_binding_rows(self.BINDINGS)))

    @on(OptionList.OptionSelected, "#items")
    def open_item(self, event: OptionList.OptionSelected) -> None:
        item = self.items[int(event.option.id or 0)]
        item.read = True
        self.refresh_items()
        self.app.push_screen(ReaderScreen(item.article))


class NewsreaderApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "newsreader"

    def __init__(self, config: Config, source: str | None = None) -> None:
        super().__init__()
        self.config = config
        self.source = source
        self.items: list[Item] = []
        self.theme = config.theme if config.theme else "textual-dark"

    def on_mount(self) -> None:
        if self.source is not None:
            self.push_screen(LoadingScreen(self.source))
            self.load_sources([self.source])
        else:
            self.push_screen(InboxScreen())
            self.load_welcome()

    @work(thread=True, exclusive=False)
    def load_sources(self, sources: list[str]) -> None:
        """Fetch and process off the UI thread; report back by message."""
        for outcome in process_sources(sources, self.config.summary, self.config.fetch):
            self.post_message(ArticleLoaded(outcome))

    @work(thread=True)
    def load_welcome(self) -> None:
        folder = resources.files("newsreader") / "data" / "welcome"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            doc = Document(source=entry.name, body=entry.read_bytes(), path=entry.name)
            self.post_message(ArticleLoaded(process_one(doc, self.config.summary)))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        outcome: Outcome = message.outcome
        if outcome.article is None:
            self.notify(f"{outcome.source}: {outcome.error}", severity="error", timeout=8)
            if isinstance(self.screen, LoadingScreen):
                self.screen.query_one(Static).update(text.plain(f"Could not open {outcome.source}:\n{outcome.error}"))
            return
        if isinstance(self.screen, InboxScreen) and self.source is None:
            self.items.append(Item(outcome.article, source=outcome.source))
            self.screen.refresh_items()
            return
        quit_on_back = isinstance(self.screen, LoadingScreen)
        if quit_on_back:
            self.switch_screen(ReaderScreen(outcome.article, quit_on_back=True))
        else:
            self.push_screen(ReaderScreen(outcome.article))


class LoadingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Quit")]

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        yield Static(text.plain(f"Opening {self.source}…"), id="loading")
        yield Footer()


def reader_ready(app: App[int]) -> bool:
    """True once a reader screen is mounted with its panes (for tests and screenshots)."""
    screen = app.screen
    return isinstance(screen, ReaderScreen) and screen.is_mounted and bool(screen.query("#story"))


def run_reader(config: Config, source: str | None = None, db: str | None = None) -> int:
    app = NewsreaderApp(config, source)
    app.run()
    return app.return_code or 0
