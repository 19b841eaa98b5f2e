"""Suggested content: data files, each item with its source."""
