"""Make docs/screenshot.svg: the reader on a fixture page, at 160x48, with Textual's save_screenshot.

    python tools/screenshot.py [PAGE]
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from newsreader.core.config import Config
from newsreader.tui.app import NewsreaderApp, reader_ready

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "data" / "en-ferry-related.html"  # written here, in every clone


async def main(page: str) -> None:
    app = NewsreaderApp(Config(), source=page)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(200):
            if reader_ready(app):
                break
            await pilot.pause(0.05)
        await pilot.press("h")  # show where the summary sentences sit in the story
        await pilot.pause()
        app.save_screenshot("screenshot.svg", path=str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)))
    print(ROOT / "docs" / "screenshot.svg")
