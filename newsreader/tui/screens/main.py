"""The main screen: feeds and views on the left; items with a summary preview on the right."""

from __future__ import annotations

import time
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.core.library import VIEWS
from newsreader.core.render import age
from newsreader.core.sanitize import clean_line
from newsreader.core.states import STATES
from newsreader.core.store.db import FeedRow, ItemRow

from .. import text
from ..keys import help_rows, screen_bindings, triage_bindings
from ..messages import (
    AddFeed,
    CopyLink,
    MarkAllRead,
    MoreWanted,
    OpenItem,
    OpenLink,
    RefreshRequested,
    RemoveFeed,
    RenameFeed,
    SaveView,
    SearchRequested,
    TagFeed,
    TriageRequested,
    UndoRequested,
    ViewChosen,
)
from ..widgets.preview import Preview
from .help import HelpScreen
from .prompt import PromptScreen
from .reader import move_cursor


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def item_label(item: ItemRow, now: float) -> text.Text:
    """One list row: marks, title (bold while unread), publisher and age."""
    marks = "".join((s.mark if item.has(s.name) else " ") for s in STATES if s.mark)
    label = text.Text()  # one line a row: app.tcss ends long titles in an ellipsis
    label.append(marks + " ", style="yellow")
    label.append_text(text.plain(clean_line(item.title), "" if item.read else "bold"))
    extra = " · ".join(p for p in (clean_line(item.publisher or ""), age(item.published, now)) if p)
    if extra:
        label.append(f"  {extra}", style="dim")
    if item.error and not item.extracted:
        label.append("  !", style="red")
    return label


def view_label(name: str, unread: int | None) -> text.Text:
    """A saved search in the feeds pane: its unread items (once counted) and its name."""
    label = text.Text()
    label.append(f"{unread:>4} " if unread else "     ", style="dim")
    label.append_text(text.plain(f"⌕ {clean_line(name)}", "italic bold" if unread else "italic"))
    return label


def feed_label(feed: FeedRow) -> text.Text:
    label = text.Text()
    if feed.unread:
        label.append(f"{feed.unread:>4} ", style="dim")
    else:
        label.append("     ")
    label.append_text(text.plain(clean_line(feed.title or feed.url), "bold" if feed.unread else ""))
    if feed.last_error:
        label.append(" !", style="red")
    return label


class MainScreen(Screen[None]):
    """The app hands rows down (``show_items``, ``replace_row``, ``remove_row``); the
    screen posts what the person asked for up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit_or_back", "Quit", id="back"),
        Binding("question_mark", "help", "Help", id="help"),  # early: a narrow footer keeps it
        Binding("j", "cursor(1)", "Down", show=False, id="next"),
        Binding("k", "cursor(-1)", "Up", show=False, id="previous"),
        Binding("n", "next_unread(1)", "Next unread", id="next_unread"),
        Binding("p", "next_unread(-1)", "Prev unread", id="previous_unread"),
        *triage_bindings(show=True),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("A", "mark_all_read", "Mark all read (this list)", show=False, id="mark_all_read"),
        Binding("C", "mark_everything_read", "Mark everything read", show=False, id="mark_everything_read"),
        Binding("a", "add_feed", "Add feed", show=False, id="add_feed"),
        Binding("x", "remove_feed", "Remove feed", show=False, id="remove_feed"),
        Binding("e", "rename_feed", "Rename feed", show=False, id="rename_feed"),
        Binding("T", "tag_feed", "Tag feed", show=False, id="tag_feed"),
        Binding("o", "browser", "Browser", show=False, id="browser"),
        Binding("y", "copy_url", "Copy URL", show=False, id="copy_url"),
        Binding("space", "page_down", "Page down", show=False, id="page_down"),
        Binding("slash", "search", "Search", id="search"),
        Binding("ctrl+s", "save_search", "Save search as a view", show=False, id="save_search"),
        Binding("R", "refresh", "Refresh", id="refresh"),
    ]
    LOAD_AHEAD = 60  # rows left below the cursor when the next page is asked for
    HELP_EXTRA: ClassVar[tuple[tuple[str, str], ...]] = (
        ("enter", "open the item in the reader, or show the chosen feed or view"),
        ("tab", "move between the feeds and the items"),
        ("!", "beside a feed: its last refresh failed (highlight it to see why)"),
        ("x e T", "act on the feed highlighted in the feeds pane"),
        ("/ … ctrl+s", "search, then save the search as a view (a saved search in the feeds pane)"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ItemRow] = []
        self.feed_rows: list[FeedRow] = []
        self.view_name = "All items"
        self.more = False  # the list goes on past the rows loaded
        self.total: int | None = None  # the list's items and unread items, once counted
        self._extra = ""  # the note after the counts in the status line
        self.search_text = ""  # the search the list shows
        self._previewed: ItemRow | None = None  # the row the preview shows
        self.unread: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            feeds = OptionList(id="feeds", markup=False)
            feeds.border_title = "Feeds"
            yield feeds
            with Vertical(id="right"):
                items = OptionList(id="items", markup=False)
                items.border_title = "Items"
                yield items
                preview = Preview(id="preview-text")
                preview.border_title = "Summary"
                yield preview
        search = Input(placeholder="Search titles and text (enter to search, escape to clear)", id="search")
        search.display = False
        yield search
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#items").focus()
        self.set_class(self.app.size.width < 100, "narrow")

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < 100, "narrow")

    # ---------------------------------------------------------------- drawn from above
    def show_items(self, items: list[ItemRow], feeds: list[FeedRow], keep_item: int | None,
                   labels: list[text.Text], view_name: str, tags: tuple[str, ...] = (), *,
                   more: bool = False, views: list[tuple[str, int | None]] | None = None) -> None:
        if view_name != self.view_name:
            self.total = self.unread = None  # counted again for the new list
        self.rows, self.view_name, self.more = items, view_name, more
        options = self.query_one("#items", OptionList)
        index = next((i for i, item in enumerate(items) if item.id == keep_item), 0)
        # A page or a few (the store hands the list over a page at a time), all at once.
        options.set_options(Option(label, id=str(item.id)) for item, label in zip(items, labels, strict=True))
        if items:
            options.highlighted = index
        self.show_feeds(feeds, tags, views or [])
        self.set_status()
        self.show_preview()

    def append_items(self, items: list[ItemRow], labels: list[text.Text], *, more: bool) -> None:
        """The next page, below the rows on screen."""
        self.rows.extend(items)
        self.more = more
        self.query_one("#items", OptionList).add_options(
            Option(label, id=str(item.id)) for item, label in zip(items, labels, strict=True))
        self.set_status()

    def show_feeds(self, feeds: list[FeedRow], tags: tuple[str, ...] = (),
                   views: list[tuple[str, int | None]] | None = None) -> None:
        self.feed_rows = feeds
        options = self.query_one("#feeds", OptionList)
        current = options.highlighted
        entries = [Option(name, id=f"view:{key}") for key, name in VIEWS]
        entries += [Option(view_label(name, unread), id=f"saved:{name}") for name, unread in views or []]
        entries += [Option(text.plain(f"# {clean_line(tag)}", "italic"), id=f"tag:{tag}") for tag in tags]
        entries += [Option(feed_label(feed), id=f"feed:{feed.id}") for feed in feeds]
        options.set_options(entries)
        options.highlighted = current if current is not None and current < len(entries) else 0

    def replace_row(self, index: int, row: ItemRow) -> None:
        self.rows[index] = row
        options = self.query_one("#items", OptionList)
        if index < options.option_count:
            options.replace_option_prompt_at_index(index, item_label(row, time.time()))
        if index == options.highlighted:
            self.show_preview()

    def remove_row(self, index: int) -> None:
        del self.rows[index]
        options = self.query_one("#items", OptionList)
        if index < options.option_count:
            options.remove_option_at_index(index)

    def highlight(self, index: int) -> None:
        self.query_one("#items", OptionList).highlighted = index

    def highlighted_index(self) -> int | None:
        return self.query_one("#items", OptionList).highlighted

    def set_counts(self, total: int, unread: int) -> None:
        self.total, self.unread = total, unread
        self.set_status(self._extra)  # the counts arrive later: the note on screen stays

    def adjust_counts(self, total: int, unread: int) -> None:
        if self.total is not None and self.unread is not None:
            self.total, self.unread = max(0, self.total + total), max(0, self.unread + unread)

    def set_status(self, extra: str = "") -> None:
        self._extra = extra
        if self.total is not None and self.unread is not None:
            line = f"{self.view_name}: {plural(self.total, 'item')}, {self.unread} unread"
        else:  # counting: what is loaded so far
            line = f"{self.view_name}: {len(self.rows)}{'+' if self.more else ''} items"
        self.query_one("#status", Static).update(text.plain(line + (f"  ·  {extra}" if extra else "")))

    def current(self) -> ItemRow | None:
        index = self.query_one("#items", OptionList).highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def show_preview(self) -> None:
        item = self.current()
        preview = self.query_one("#preview-text", Preview)
        if item is not None and item is self._previewed:
            return  # drawn already (by the key that moved the cursor, in the same frame)
        self._previewed = item
        if item is None:
            preview.update(text.Text("No items here. Press R to refresh.", style="dim"))
            return
        body = text.Text()
        for sentence in item.summary.splitlines():
            body.append("• ")
            body.append_text(text.plain(sentence))
            body.append("\n")
        if not item.summary:
            reason = item.error or ("Not fetched yet." if not item.extracted
                                    else "No summary: a short story, or a page of other stories.")
            body.append(text.plain(clean_line(reason)))
            body.stylize("dim")
        preview.update(body)

    def find_unread(self, start: int, step: int) -> int | None:
        order = range(start + step, len(self.rows)) if step > 0 else range(start + step, -1, -1)
        return next((i for i in order if not self.rows[i].read), None)

    @on(OptionList.OptionHighlighted, "#items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_preview()
        if self.more and event.option_index >= len(self.rows) - self.LOAD_AHEAD:
            self.post_message(MoreWanted())

    @on(OptionList.OptionHighlighted, "#feeds")
    def _feed_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A feed's last error shows in the status line while it is highlighted."""
        if not self.query_one("#feeds", OptionList).has_focus:
            return  # the list was redrawn, not moved through: keep the status as it is
        kind, _, key = (event.option.id or "").partition(":")
        feed = next((f for f in self.feed_rows if kind == "feed" and str(f.id) == key), None)
        self.set_status(f"{clean_line(feed.url)} · last error: {clean_line(feed.last_error)}"
                        if feed is not None and feed.last_error else "")

    # ---------------------------------------------------------------- actions
    def action_cursor(self, step: int) -> None:
        items = self.query_one("#items", OptionList)
        move_cursor(items if items.has_focus else self.query_one("#feeds", OptionList), step)
        if items.has_focus:
            # Now, not when the highlight message comes round: the list and the preview
            # repaint in one frame, not two.
            self.show_preview()

    def action_next_unread(self, step: int) -> None:
        index = self.find_unread(self.highlighted_index() or 0, step)
        if index is None and step > 0 and self.more:
            self.post_message(MoreWanted(then_next_unread=True))  # the next page may hold one
        elif index is None:
            self.notify("No more unread items.", markup=False)
        else:
            self.highlight(index)

    def action_page_down(self) -> None:
        self.query_one("#items", OptionList).action_page_down()

    def action_triage(self, state: str) -> None:
        item = self.current()
        if item is not None:
            self.post_message(TriageRequested(item.id, state))

    def action_undo(self) -> None:
        self.post_message(UndoRequested())

    def action_mark_all_read(self) -> None:
        self.post_message(MarkAllRead())

    def action_mark_everything_read(self) -> None:
        self.post_message(MarkAllRead(everywhere=True))

    def current_feed(self) -> FeedRow | None:
        """The feed highlighted in the feeds pane, if a feed (not a view or tag) is."""
        options = self.query_one("#feeds", OptionList)
        if options.highlighted is None:
            return None
        kind, _, key = (options.get_option_at_index(options.highlighted).id or "").partition(":")
        return next((f for f in self.feed_rows if kind == "feed" and str(f.id) == key), None)

    def _feed_or_say(self) -> FeedRow | None:
        feed = self.current_feed()
        if feed is None:
            self.notify("Highlight a feed in the feeds pane first (tab moves there).", markup=False)
        return feed

    def action_add_feed(self) -> None:
        def answer(url: str | None) -> None:
            if url:
                self.post_message(AddFeed(url))

        self.app.push_screen(PromptScreen("Add a feed: its URL, or a page that names one",
                                          placeholder="https://example.com/feed.xml"), answer)

    def action_remove_feed(self) -> None:
        feed = self._feed_or_say()
        if feed is None:
            return

        def answer(reply: str | None) -> None:
            if reply and reply.lower() in {"y", "yes"}:
                self.post_message(RemoveFeed(feed.id))

        self.app.push_screen(PromptScreen(
            f"Remove {clean_line(feed.title or feed.url)}? Its starred, later and saved items stay. "
            "Type y and enter to remove."), answer)

    def action_rename_feed(self) -> None:
        feed = self._feed_or_say()
        if feed is None:
            return

        def answer(title: str | None) -> None:
            if title is not None:
                self.post_message(RenameFeed(feed.id, title))

        self.app.push_screen(PromptScreen("New name (empty: the feed's own)", value=feed.title or ""), answer)

    def action_tag_feed(self) -> None:
        feed = self._feed_or_say()
        if feed is None:
            return

        def answer(tags: str | None) -> None:
            if tags is not None:
                self.post_message(TagFeed(feed.id, tuple(t.strip() for t in tags.split(",") if t.strip())))

        self.app.push_screen(PromptScreen("Tags, separated by commas", value=", ".join(feed.tags)), answer)

    def action_browser(self) -> None:
        item = self.current()
        if item is not None:
            self.post_message(OpenLink(item.url))

    def action_copy_url(self) -> None:
        item = self.current()
        if item is not None:
            self.post_message(CopyLink(item.url))

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def action_save_search(self) -> None:
        """Save the search in the box (or the one the list shows) as a view."""
        search = self.query_one("#search", Input)
        wanted = search.value.strip() or self.search_text
        if not wanted:
            self.notify("Type a search first (/), then ctrl+s saves it as a view.", markup=False)
            return

        def answer(name: str | None) -> None:
            if name and name.strip():
                self.post_message(SaveView(name.strip(), wanted))

        self.app.push_screen(PromptScreen(f"Save the search {clean_line(wanted)} as a view named:"), answer)

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.query_one("#items").focus()
        self.search_text = event.value.strip()
        self.post_message(SearchRequested(event.value.strip() or None))

    def on_key(self, event: events.Key) -> None:
        search = self.query_one("#search", Input)
        if event.key == "escape" and search.display:
            search.value = ""
            self.search_text = ""
            search.display = False
            self.query_one("#items").focus()
            self.post_message(SearchRequested(None))

    def action_refresh(self) -> None:
        self.post_message(RefreshRequested())

    def action_help(self) -> None:
        keymap = getattr(self.app, "keymap", {})
        self.app.push_screen(HelpScreen(help_rows(self.app, screen_bindings(self), keymap, self.HELP_EXTRA)))

    def action_quit_or_back(self) -> None:
        search = self.query_one("#search", Input)
        feeds = self.query_one("#feeds", OptionList)
        if search.display or search.value or self.view_name != "All items":
            search.value = ""
            search.display = False
            feeds.highlighted = 0
            self.post_message(ViewChosen("view", "all"))
        else:
            self.app.exit()

    @on(OptionList.OptionSelected, "#items")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.post_message(OpenItem(int(event.option.id or 0)))

    @on(OptionList.OptionSelected, "#feeds")
    def _choose_feed(self, event: OptionList.OptionSelected) -> None:
        kind, _, key = (event.option.id or "view:all").partition(":")
        self.query_one("#items").focus()
        self.post_message(ViewChosen(kind, key))
