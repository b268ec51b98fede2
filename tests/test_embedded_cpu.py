"""The build benchmark's CPU split writes as the build it stands for writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import embedded
from kg import bulk, rdf, store

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[:2]


@pytest.mark.parametrize("through_bulk", [True, False])
def test_the_writing_share_goes_through_the_writer_the_build_takes(tmp_path, monkeypatch, through_bulk) -> None:
    written: list[str] = []
    bulk_write, transaction = bulk.BulkWriter.write, store.GraphStore.replace_ntriples
    monkeypatch.setattr(bulk.BulkWriter, "write", lambda self, f: written.append("bulk") or bulk_write(self, f))
    reference = {str(rdf.ONTOLOGY_GRAPH), str(rdf.GAZETTEER_GRAPH)}  # loaded before the articles either way

    def replace(self, graphs, *args, **kwargs):
        if not {str(g.name) for g in graphs} <= reference:
            written.append("transaction")
        return transaction(self, graphs, *args, **kwargs)

    monkeypatch.setattr(store.GraphStore, "replace_ntriples", replace)
    extraction, mapping, writing = embedded.cpu_per_article(SEEDS, tmp_path, bulk=through_bulk)
    assert written == ["bulk" if through_bulk else "transaction"] * len(SEEDS)
    assert extraction > 0 and mapping > 0 and writing > 0


def test_the_measured_build_is_large_enough_to_take_the_bulk_writer() -> None:
    # the CPU split of `benchmarks/run --only build` is measured with the bulk writer for this reason
    assert embedded.BUILD_ARTICLES >= bulk.AUTO_BULK_FILES
