"""Import httpx without its command-line client.

``httpx/__init__`` eagerly imports ``httpx._main`` (click, rich, pygments) for the
``httpx`` console script, whenever those happen to be installed.  The core never
uses it, must not pull in Rich, and starts ~40 ms faster without it; a ``None``
entry in ``sys.modules`` makes that import fail, and httpx falls back by itself.
"""

from __future__ import annotations

import sys

if "httpx" not in sys.modules:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    import httpx

    if sys.modules.get("httpx._main") is None:
        del sys.modules["httpx._main"]
else:
    import httpx

__all__ = ["httpx"]
