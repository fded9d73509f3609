"""The headless core: fetch, extract, separate, summarise, store.

Nothing under this package imports Textual or Rich (a test checks it), so the
pipeline runs the same from cron, a pipe or the TUI's workers.
"""

__version__ = "0.1.0"
