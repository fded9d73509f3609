"""Pages to articles: the story found, cleaned into blocks, its teasers set apart as blurbs."""
