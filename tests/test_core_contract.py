"""newsreader.core imports neither Textual nor Rich: it must run headless."""

import pkgutil
import subprocess
import sys

import newsreader.core


def test_core_imports_no_textual_or_rich() -> None:
    modules = [m.name for m in pkgutil.walk_packages(newsreader.core.__path__, "newsreader.core.")]
    assert len(modules) >= 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_summaries_need_no_nltk_data(tmp_path) -> None:
    """With NLTK's data path pointing at an empty folder, summaries still work."""
    code = (
        "from newsreader.core.models import Block\n"
        "from newsreader.core.summarise.algorithms import summarise, ALGORITHMS\n"
        "blocks = [Block('paragraph', 'The council met on Monday. It voted to close the pool. '"
        "'Residents were angry about it. The mayor said money was short. A review comes next year.')]\n"
        "for name in ALGORITHMS:\n"
        "    assert summarise(blocks, sentences=2, algorithm=name), name\n"
        "print('ok')\n"
    )
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.stdout.strip() == "ok", done.stderr


def test_a_refresh_starts_without_the_parsers() -> None:
    """A cron refresh whose feeds all answer 304 never parses XML or cleans a page, so it
    does not pay to import them (lxml, the feed parser, multiprocessing, sumy, numpy)."""
    code = (
        "import sys\n"
        "import newsreader.cli, newsreader.core.feeds.refresh, newsreader.core.store.db, newsreader.core.config\n"
        "heavy = {'lxml', 'feedparser', 'multiprocessing', 'sumy', 'numpy', 'readability'}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
