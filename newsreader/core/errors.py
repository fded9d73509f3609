"""The exceptions newsreader raises: each message is the one line the user sees.

    NewsreaderError                 anything newsreader reports as one line, never a traceback
    ├── UsageError                  a command line that asks for something impossible   (exit 2)
    ├── ConfigError                 a config file that cannot be read or is wrong       (exit 2)
    ├── InputError                  one input could not be used                         (exit 1)
    │   ├── FetchError              a file or URL could not be read (HTTP, timeout, size cap)
    │   ├── ParseError              a feed, OPML file or page could not be parsed
    │   └── ExtractError            a page was read but holds no article
    └── StoreError                  the SQLite store could not be opened or written     (exit 1)

Exit codes follow from the class (``exit_code``): 0 when everything was done, 1 when some
input failed, 2 for usage or config.  One failed input never stops the others: the
pipeline turns it into that input's error record and goes on.
"""

from __future__ import annotations


class NewsreaderError(Exception):
    """A failure with a clear one-line message; never shown as a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class UsageError(NewsreaderError):
    exit_code = 2


class ConfigError(NewsreaderError):
    exit_code = 2


class InputError(NewsreaderError):
    pass


class FetchError(InputError):
    pass


class ParseError(InputError):
    pass


class ExtractError(InputError):
    pass


class StoreError(NewsreaderError):
    pass
