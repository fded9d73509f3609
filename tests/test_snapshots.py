"""Layout snapshots (pytest-textual-snapshot) at 80x24 and 160x48."""

from __future__ import annotations

import pytest
from conftest import STORY_HTML, page
from test_tui import wait_for

from newsreader.core.config import Config
from newsreader.tui.app import NewsreaderApp, reader_ready


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_reader_layout(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = NewsreaderApp(Config(), source=str(page(STORY_HTML)))

    async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_for(pilot, lambda: reader_ready(app))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=ready)
