"""The whole-corpus robustness run (``benchmarks.robustness``): real ANT articles through the
extractor, every failure listed and the exit status set by them."""

from __future__ import annotations

import pytest

from benchmarks import ant_articles, robustness
from kg import build

pytestmark = pytest.mark.skipif(not ant_articles.CORPUS.is_file(), reason="no shared ANT corpus")


def test_real_articles_extract_and_the_run_says_so(tmp_path, capsys) -> None:
    assert robustness.main(["--articles", "4", "--jobs", "1", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 ANT articles extracted in ") and out.rstrip().endswith(": 0 failed")
    assert len(list(tmp_path.glob("*.txt"))) == 4


def test_an_article_that_fails_is_listed_and_fails_the_run(tmp_path, capsys, monkeypatch) -> None:
    def failing(path, data=None):
        return build.ExtractedFile(path, error=f"stage 'identify' failed on {path.name}: 'force/x'")

    monkeypatch.setattr(build, "extract_file", failing)
    assert robustness.main(["--articles", "3", "--jobs", "1", "--keep", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        f"  stage 'identify' failed on {name}: 'force/x'" for name in ("00000.txt", "00001.txt", "00002.txt")
    ]
    assert out[3].endswith(": 3 failed")
