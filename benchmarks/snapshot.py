"""A regression check of the extractor's output: what every sample article becomes, as triples.

Each corpus (the seeds, ``../shared/eval/dev2``, the test articles, and ``ANERCORP_ARTICLES``
articles cut from ANERcorp by ``benchmarks.data.write_corpus``) has one file under
``tests/snapshots/``: per article a ``== name`` line, then the article's N-Triples, sorted, with
the namespaces written as prefixes, the article IRI as ``<A>`` and every literal longer than
``LONG_LITERAL`` characters (the article text, statement contents) as a digest. So the files hold
names and offsets but never the text itself, which keeps ANERcorp's text out of the repository
while a change still shows as the triples it adds or removes, article by article.

    python -m benchmarks.snapshot            # compare; prints each changed article's diff
    python -m benchmarks.snapshot --refresh  # write the files anew from the current extractor

A corpus whose texts are absent (``../shared`` not next to the repository) is skipped.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.data import ANERCORP, ROOT, SEEDS, write_corpus

SNAPSHOTS = ROOT / "tests" / "snapshots"
#: Full lines of private corpora, for diffs on this machine; never committed.
LOCAL = SNAPSHOTS / "local"
SHARED = ROOT.parent / "shared"
#: Articles cut from ANERcorp: enough to cover constructions the hand-picked samples miss.
ANERCORP_ARTICLES = 300
#: Literals longer than this many characters are written as a digest.
LONG_LITERAL = 40

_NAMESPACES = {
    "https://w3id.org/isnad/ontology#": "isnad:",
    "https://w3id.org/isnad/id/": "res:",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif:",
    "http://www.w3.org/2005/11/its/rdf#": "itsrdf:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.wikidata.org/entity/": "wd:",
}
_IRI_RE = re.compile(r"<([^>]*)>")
_LITERAL_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ARTICLE_RE = re.compile(r"res:article/[0-9a-f]+(?:-\d+)?")


def _short_iri(match: re.Match) -> str:
    iri = match.group(1)
    for namespace, prefix in _NAMESPACES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return match.group(0)


def _quoted(value: str) -> str:
    if len(value) <= LONG_LITERAL:
        return f'"{value}"'
    return f'"#{hashlib.sha1(value.encode()).hexdigest()[:12]}/{len(value)}"'


def canonical_lines(ntriples: str) -> list[str]:
    """One article's N-Triples as sorted, prefixed lines with long literals digested."""
    lines = set()
    for line in ntriples.splitlines():
        # split at literals first: an IRI-looking run inside a literal stays as written
        parts = _LITERAL_RE.split(line)
        line = "".join(_quoted(p) if i % 2 else _IRI_RE.sub(_short_iri, p) for i, p in enumerate(parts))
        lines.add(_ARTICLE_RE.sub("A", line.removesuffix(" .")))
    return sorted(lines)


def extract(path: Path) -> dict[str, list[str]]:
    """The canonical lines of every article in one file, by ``name`` or ``name#part``."""
    from kg import pipeline, rdf
    from kg.sources import read_source

    text = read_source(path).text
    found = {}
    for article in pipeline.extract(text, path.name):
        name = path.name if article.part == 0 else f"{path.name}#{article.part}"
        found[name] = canonical_lines(rdf.article_triples(article).ntriples)
    return found


def _files_in(folder: Path) -> Callable[[], Iterator[Path]]:
    return lambda: iter(sorted(folder.glob("*.txt")))


def _anercorp_files() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), ANERCORP_ARTICLES)
        yield from sorted(Path(folder).glob("*.txt"))


@dataclass(frozen=True)
class Corpus:
    """A set of sample articles: whether its text is here, its files, whether it may be committed."""

    present: Callable[[], bool]
    files: Callable[[], Iterator[Path]]
    #: Its text may not enter the repository: only a digest per article is committed, and the
    #: full lines are kept in ``LOCAL`` (not committed) to diff against where the text is present.
    private: bool = False


CORPORA = {
    "seeds": Corpus(SEEDS.is_dir, _files_in(SEEDS)),
    "dev2": Corpus((SHARED / "eval" / "dev2").is_dir, _files_in(SHARED / "eval" / "dev2")),
    "tests": Corpus((ROOT / "tests" / "data").is_dir, _files_in(ROOT / "tests" / "data")),
    "anercorp": Corpus((ANERCORP / "train.txt").is_file, _anercorp_files, private=True),
}


def current(corpus: str) -> dict[str, list[str]]:
    """What the extractor makes of ``corpus`` now, by article name."""
    found: dict[str, list[str]] = {}
    for path in CORPORA[corpus].files():
        found.update(extract(path))
    return found


def digest(lines: list[str]) -> str:
    """A short digest of one article's lines."""
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()[:16]


def _read_lines(path: Path) -> dict[str, list[str]]:
    articles: dict[str, list[str]] = {}
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            lines = articles.setdefault(line[3:], [])
        elif line:
            lines.append(line)
    return articles


def _write_lines(path: Path, articles: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    blocks = [f"== {name}\n" + "".join(f"{line}\n" for line in lines) for name, lines in sorted(articles.items())]
    path.write_text("".join(blocks), encoding="utf-8")


def read(corpus: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The committed snapshot of ``corpus``: (digest by article, lines by article where known)."""
    path = SNAPSHOTS / f"{corpus}.txt"
    if not CORPORA[corpus].private:
        articles = _read_lines(path)
        return {name: digest(lines) for name, lines in articles.items()}, articles
    digests = dict(line.split(" ", 1) for line in path.read_text(encoding="utf-8").splitlines() if line)
    local = LOCAL / f"{corpus}.txt"
    articles = _read_lines(local) if local.is_file() else {}
    return digests, {name: lines for name, lines in articles.items() if digests.get(name) == digest(lines)}


def write(corpus: str, articles: dict[str, list[str]]) -> None:
    """Write the snapshot of ``corpus`` (and, for a private corpus, its local full copy)."""
    if not CORPORA[corpus].private:
        _write_lines(SNAPSHOTS / f"{corpus}.txt", articles)
        return
    (SNAPSHOTS / f"{corpus}.txt").write_text(
        "".join(f"{name} {digest(lines)}\n" for name, lines in sorted(articles.items())), encoding="utf-8"
    )
    _write_lines(LOCAL / f"{corpus}.txt", articles)


def differences(corpus: str, found: dict[str, list[str]], held_out: tuple[str, ...] = ()) -> list[str]:
    """One report per article of ``corpus`` whose output changed: its name and a diff of its lines.

    Articles whose name starts with a prefix in ``held_out`` are reported by name only, so that whoever
    tunes the extractor can check a change without reading the output of the articles held out from them.
    """
    digests, expected = read(corpus)
    reports = []
    for name in sorted(digests.keys() | found.keys()):
        after = found.get(name, [])
        if digests.get(name) == digest(after):
            continue
        if name.startswith(held_out):
            reports.append(f"{name}: output changed (held out: diff not shown)")
            continue
        if name not in expected and name in digests:
            reports.append(
                f"{name}: output changed; no local copy of its snapshot lines to diff against "
                "(refresh on the previous commit to make one)"
            )
            continue
        before = expected.get(name, [])
        diff = difflib.unified_diff(before, after, f"{name} (snapshot)", f"{name} (now)", n=0, lineterm="")
        reports.append("\n".join(diff))
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refresh", action="store_true", help="write the snapshots from the current extractor")
    parser.add_argument(
        "--held-out",
        action="append",
        default=[],
        metavar="PREFIX",
        help="name only, no diff, for articles whose name starts with PREFIX (repeatable)",
    )
    parser.add_argument("corpora", nargs="*", default=list(CORPORA), help=f"any of {', '.join(CORPORA)}")
    args = parser.parse_args(argv)
    changed = 0
    for corpus in args.corpora:
        if not CORPORA[corpus].present():
            print(f"{corpus}: texts absent, skipped")
            continue
        found = current(corpus)
        if args.refresh:
            write(corpus, found)
            print(f"{corpus}: {len(found)} articles written")
            continue
        reports = differences(corpus, found, tuple(args.held_out))
        changed += len(reports)
        for report in reports:
            print(report)
        print(f"{corpus}: {len(reports)} of {len(found)} articles changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
