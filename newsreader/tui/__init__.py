"""The Textual front end: screens and widgets over newsreader.core."""
