"""The triage states, defined once: the store keeps a ``<name>_at`` column for each, the
CLI's ``mark`` flags, the TUI's keys, views, list marks and status words, help and the
config's action names are all read from here.  Adding a state is one entry below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class State:
    name: str  # the store column is f"{name}_at"; ItemRow.has(name)
    view: str  # the feeds pane's view of the items in this state
    key: str  # its default key in the TUI
    action: str  # the binding id, the name in the config's [keys]
    label: str  # the footer's word for the key
    set_word: str  # status words: "Starred"
    clear_word: str  # "Unstarred"
    flag: str  # `newsreader mark --FLAG`
    clear_flag: str  # `newsreader mark --CLEAR-FLAG`
    mark: str = ""  # shown before the title in the item list
    hides: bool = False  # items in this state leave every view but its own
    done: bool = False  # in the reader, the key means "done with this": set it and move on
    keeps: bool = False  # unsubscribing from its feed never deletes an item in this state


STATES: tuple[State, ...] = (
    State("read", "Read", "r", "toggle_read", "Read", "Marked read", "Marked unread", "read", "unread",
          done=True),
    State("starred", "Starred", "s", "star", "Star", "Starred", "Unstarred", "star", "unstar", mark="★",
          keeps=True),
    State("later", "Later", "l", "later", "Later", "Saved for later", "No longer kept for later",
          "later", "not-later", mark="⏲", keeps=True),
    State("dismissed", "Dismissed", "d", "dismiss", "Dismiss", "Dismissed", "Restored", "dismiss",
          "undismiss", hides=True, done=True),
)
BY_NAME = {state.name: state for state in STATES}
NAMES = tuple(state.name for state in STATES)


def state(name: str) -> State:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown state {name!r}; states: {', '.join(NAMES)}") from None
