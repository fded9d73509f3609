"""Drive the real app in a real terminal (tmux): type keys, read the screen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import STORY_HTML, STORY_TITLE, page

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed")


def tmux(session: str, *args: str) -> list[str]:
    """A tmux command on the session's own server (-L): one test's server shutting down
    never races another test's new session."""
    return ["tmux", "-L", session, *args]


def capture(session: str) -> str:
    return subprocess.run(tmux(session, "capture-pane", "-t", session, "-p"), capture_output=True,
                          text=True, check=True).stdout


def wait_screen(session: str, needle: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if needle in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} never appeared:\n{screen}")


@pytest.mark.parametrize(("piped", "size"), [(False, (160, 48)), (True, (160, 48)), (False, (80, 24))])
def test_read_in_tmux(tmp_path: Path, piped: bool, size: tuple[int, int]) -> None:
    session = f"nr-test-{tmp_path.name}"
    exe = Path(sys.executable).with_name("newsreader")
    story = page(STORY_HTML)
    # Piped: the page arrives on stdin and the keys still come from the terminal.
    command = (f"cat {story} | {exe} read -" if piped else f"{exe} read {story}") + "; sleep 5"
    subprocess.run(tmux(session, "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), command),
                   check=True, env={"TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    try:
        wait_screen(session, "Summary")
        screen = wait_screen(session, STORY_TITLE)
        assert "Blurbs (5)" in screen
        assert "Cookie" not in screen and "Sign up" not in screen
        assert "? Help" in screen  # the footer keeps help, however narrow
        story_rows = sum(1 for line in screen.splitlines() if line.startswith("│ ") and "ferry" in line.lower())
        assert story_rows >= 1
        subprocess.run(tmux(session, "send-keys", "-t", session, "?"), check=True)
        wait_screen(session, "Keys")
        subprocess.run(tmux(session, "send-keys", "-t", session, "Escape"), check=True)
        time.sleep(0.5)  # ESC then q at once would read as alt+q
        subprocess.run(tmux(session, "send-keys", "-t", session, "q"), check=True)
        deadline = time.monotonic() + 10
        while "Summary" in capture(session) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Summary" not in capture(session)
    finally:
        subprocess.run(tmux(session, "kill-server"), check=False)
