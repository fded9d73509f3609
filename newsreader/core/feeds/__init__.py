"""Feeds: parsing (RSS, RDF, Atom, JSON Feed), OPML, subscribing and refreshing."""
