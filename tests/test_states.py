"""A triage state is one definition (core/states.py): store, CLI, TUI, help and config read it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ADD_A_STATE = """
import dataclasses, sys
import newsreader.core.states as states
archived = states.State("archived", "Archive", "x", "archive", "Archive", "Archived", "Unarchived",
                        "archive", "unarchive", mark="A", hides=True)
states.STATES = (*states.STATES, archived)
states.BY_NAME["archived"] = archived
from newsreader.core.store import db
from newsreader.core import library
from newsreader.cli import MARKS, build_parser
from newsreader.tui.keys import triage_bindings
store = db.Store(sys.argv[1])
item = store.add_article(__import__("newsreader.core.models", fromlist=["Article"]).Article(title="T"), "t")
store.set_state(item, "archived", True)
assert [r.id for r in store.items(state="archived")] == [item]
assert store.items() == []  # a hiding state leaves the other views
assert ("archived", "Archive") in library.VIEWS
assert ("archive", "archived", True) in MARKS and ("unarchive", "archived", False) in MARKS
assert build_parser().parse_args(["mark", "--archive", "1"]).mark == "archive"
assert any(b.id == "archive" and b.key == "x" for b in triage_bindings(True))
assert library.Change((item,), "archived", True).describe() == "Archived"
print("ok")
"""


def test_a_new_state_is_one_definition(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", ADD_A_STATE, str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr


def test_the_config_example_names_every_state_action() -> None:
    from newsreader.core.states import STATES

    example = (Path(__file__).parent.parent / "config.example.toml").read_text()
    assert all(s.action in example for s in STATES)
