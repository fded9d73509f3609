"""Widgets of our own (the rest are Textual's)."""
