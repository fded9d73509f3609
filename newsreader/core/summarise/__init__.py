"""Extractive summaries with sumy, offline, each sentence found in the story."""
