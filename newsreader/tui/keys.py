"""Key bindings shared by the screens, and the keys as a person sees them.

Every remappable binding has an ``id`` (the action name in the config's ``[keys]``); help,
the footer and the palette all show the keys in force, remaps included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.app import App
from textual.binding import Binding, BindingType

from newsreader.core.states import STATES


def triage_bindings(show: bool) -> list[Binding]:
    """r s l d, from the state definitions: the same keys and ids on every screen, so one
    keymap line remaps both."""
    return [Binding(s.key, f"triage('{s.name}')", s.label, show=show, id=s.action) for s in STATES]


def keys_in_force(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """The keys that run ``binding`` now: the config's remap for its id, else its own."""
    keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return [k.strip() for k in keys.split(",") if k.strip()]


def display(app: App[object], key: str) -> str:
    """A key as the footer writes it: ``/`` and ``?``, not ``slash`` and ``question_mark``."""
    return app.get_key_display(Binding(key, ""))


def screen_bindings(screen: object) -> list[Binding]:
    """The screen's bindings, its base classes' included (a subclass's binding for the
    same key wins, in the base's place), without those its ``check_action`` hides."""
    merged: dict[str, Binding] = {}
    ours = [cls for cls in type(screen).__mro__ if cls.__module__.startswith("newsreader.")]
    for cls in reversed(ours):  # Textual's own screen keys (focus, copy) are not ours to list
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                merged[binding.key] = binding
    check = getattr(screen, "check_action", None)
    return [b for b in merged.values()
            if check is None or check(b.action.split("(")[0], ()) is not False]


def help_rows(app: App[object], bindings: Iterable[BindingType], keymap: Mapping[str, str],
              extra: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """(keys, description) for every described binding, then ``extra`` rows (enter, tab)."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            keys = " / ".join(display(app, k) for k in keys_in_force(binding, keymap))
            rows.append((keys, binding.description))
    rows.extend(extra)
    return rows
