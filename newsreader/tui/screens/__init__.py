"""One module a screen: the item list, the reader, help, and loading a page."""
