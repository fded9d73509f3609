"""The embedded SQLite store and the article's JSON form in it."""
