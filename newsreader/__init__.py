"""newsreader: a keyboard-driven terminal newsreader."""

from .core import __version__

__all__ = ["__version__"]
