"""Importing this module builds the process's extraction pipeline (``kg.pipeline.default_pipeline``).

``kg build`` names it in the forkserver's preload, so the forkserver loads the lexicon, the
stages and the tagger's model once and every extraction worker forks with them built, instead
of each worker spending about a third of a second of CPU on them before its first file.
"""

from __future__ import annotations

from kg import pipeline, tagger

try:
    pipeline.default_pipeline()
    tagger.name_tagger()
except Exception:  # noqa: BLE001 - a worker that builds it itself reports the problem per file
    pass
