from pathlib import Path

import pytest

from newsreader.core.config import load_config
from newsreader.core.errors import NewsreaderError

ROOT = Path(__file__).resolve().parent.parent


def test_example_config_parses_and_documents_every_key() -> None:
    config = load_config(ROOT / "config.example.toml")
    assert config.feeds, "the example ships starter feeds"
    text = (ROOT / "config.example.toml").read_text()
    from newsreader.core.config import _KNOWN

    for prefix, keys in _KNOWN.items():
        for key in keys:
            assert f"{key}" in text, f"{prefix}{key} is not documented"


def test_bad_toml_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[summary]\nsentences = 3\nalgorithm = \n")
    with pytest.raises(NewsreaderError, match="line 3"):
        load_config(bad)


def test_bad_value_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[summary]\nsentences = 'three'\n")
    with pytest.raises(NewsreaderError, match=r"summary\.sentences"):
        load_config(bad)
    bad.write_text("[fetch]\ntimeuot = 3\n")
    with pytest.raises(NewsreaderError, match=r"unknown key fetch\.timeuot"):
        load_config(bad)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(NewsreaderError, match="no such file"):
        load_config(tmp_path / "nope.toml")


def test_every_remappable_action_is_documented() -> None:
    """Every binding with an id, on every screen, is named in config.example.toml's [keys]."""
    from newsreader.tui.screens.main import MainScreen
    from newsreader.tui.screens.reader import ReaderScreen

    ids = {b.id for screen in (MainScreen, ReaderScreen) for b in screen.BINDINGS
           if getattr(b, "id", None)}
    text = (ROOT / "config.example.toml").read_text()
    keys_doc = text[text.index("[keys]"):text.index("[[feeds]]")]
    missing = {action for action in ids if action not in keys_doc}
    assert ids and not missing, missing
