"""What the extractor saw in one file: the rows behind ``kg mentions``."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from kg import pipeline
from kg.rdf import article_iri, entity_iri
from kg.results import render_table as render_rows
from kg.sources import read_source


def inspect_file(path: Path) -> list[dict]:
    """Every article in a file, then its mentions and statements, as plain dicts.

    Each article's row comes first: ``type`` "Article", its ``title``, ``published`` date and
    ``text``, the article text as stored (``nif:isString``) that every offset of the rows after
    it indexes (code points, like ``nif:beginIndex``). It is not the file as read: reading drops
    HTML markup, and cleaning drops menus, captions, repeated and punctuation-only lines.

    Each mention row has ``type``, ``text``, ``start``, ``end`` and ``entity`` (the resolved
    IRI); each statement row has ``type`` "Statement", the cue's text and span, the speaker
    span and IRIs, and the content span.
    """
    source = read_source(path)
    rows: list[dict] = []
    for article in pipeline.extract(source.text, path.name):
        context = {"article": str(article_iri(article.text, article.part)), "part": article.part}
        rows.append(
            {
                "type": "Article",
                "title": article.title,
                "published": article.published,
                "text": article.text,
                "start": 0,
                "end": len(article.text),
                **context,
            }
        )
        for mention in article.mentions:
            row = asdict(mention)
            row["entity"] = str(entity_iri(mention.entity)) if mention.entity else None
            rows.append({**row, **context})
        for statement in article.statements:
            rows.append(
                {
                    "type": "Statement",
                    "text": statement.content,
                    "start": statement.content_start,
                    "end": statement.content_end,
                    "cue": statement.cue,
                    "cue_start": statement.cue_start,
                    "cue_end": statement.cue_end,
                    "speaker_start": statement.speaker_start,
                    "speaker_end": statement.speaker_end,
                    "speakers": [str(entity_iri(key)) for key in statement.speakers],
                    "direct_quote": statement.direct_quote,
                    **context,
                }
            )
    return rows


def render_table(rows: list[dict]) -> str:
    """The rows as a text table: type, span, text, and the entity, speakers or article IRI."""
    columns = ["part", "type", "start", "end", "text", "entity / speakers"]
    cells = [
        [
            str(row["part"]),
            row["type"] if row["type"] != "Statement" else f"Statement ({row['cue']})",
            str(row["start"]),
            str(row["end"]),
            row["text"] if len(row["text"]) <= 60 else row["text"][:57] + "...",
            row.get("entity") or " ".join(row.get("speakers", [])) or row["article"] * (row["type"] == "Article"),
        ]
        for row in rows
    ]
    return render_rows(columns, cells)
