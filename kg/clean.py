"""Cleaning and segmentation: raw article text -> the main Article (+ glued-on ones)."""

from __future__ import annotations

from kg.model import Article


def split_articles(text: str, source: str) -> list[Article]:
    """Return the articles in one source text: the headline is the first non-empty line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines else None
    return [Article(source=source, text=text, title=title)]
