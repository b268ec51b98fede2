"""Extraction CPU per article of two git revisions, measured in the same run, in turns.

Usage: .venv/bin/python -m benchmarks.compare [--base ad7631e [--base main ...]] [--head .]
                                              [--corpus anercorp|ant|eval] [--articles 60] [--rounds 5]

Each revision is checked out into a temporary ``git worktree add --detach`` (``.`` is this
working tree, uncommitted changes included) and served by one long-lived interpreter that
imports its ``kg`` and builds its pipeline once. The interpreters then take turns extracting
the same articles, the order of the turns swapped every round, so a slow spell of this shared
machine falls on both alike; each turn is CPU time (``time.process_time``) per article. The
figures to read are the ratios of the two turns of each round (issue 17: extraction CPU per
article no higher than at its base commit) and each revision's median turn. Several ``--base``
revisions take their turns in the same run, each round's order reversed from the last, and the
head is compared with each of them.

Corpora (``benchmarks.data.corpus_files``): ``anercorp``, articles of seed size cut from
ANERcorp (what ``benchmarks/run --only build`` extracts), ``--articles`` new ones each round, so
that every turn meets words its caches have not seen, as a build does; ``ant``, real articles
drawn from ``../shared/data/ant/``, new ones each round likewise; ``eval``, the seeds and
``../shared/eval/dev2`` (17 articles, the same ones every round, ``--passes`` times a turn).
``anercorp`` and ``eval`` repeat sentences, which real articles seldom do: ANERcorp has ~5,000,
so beyond about 60 articles the cut articles share more and more of them (27% of tokens over
180), and ``eval`` repeats everything. A cache keyed by sentence or article is measured on
``ant``; one keyed by word pays there too, as words recur across real articles.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks import data
from benchmarks.measure import PYTHON, ROOT

#: The commit issue 17 compares against.
BASE = "ad7631e"

#: What each interpreter runs: warm up on the first file, say which ``kg`` it imported, then
#: extract the files of each ``passes start stop`` line and answer with CPU milliseconds per article.
_WORKER = """
import sys, time
from pathlib import Path
from kg import pipeline
texts = [(Path(p).read_text(encoding="utf-8"), Path(p).name) for p in sys.argv[1:]]
pipeline.extract(*texts[0])
print("ready", pipeline.__file__, flush=True)
for line in sys.stdin:
    passes, start, stop = map(int, line.split())
    started = time.process_time()
    for _ in range(passes):
        for text, name in texts[start:stop]:
            pipeline.extract(text, name)
    print((time.process_time() - started) * 1000 / (passes * (stop - start)), flush=True)
"""


@contextlib.contextmanager
def checkout(revision: str, folder: Path) -> Iterator[Path]:
    """A tree of ``revision`` (``.``: this working tree as it is), removed at the end."""
    if revision == ".":
        yield ROOT
        return
    tree = folder / f"rev-{revision.replace('/', '_')}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), revision],
                   check=True)
    try:
        yield tree
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


class Extractor:
    """One interpreter extracting with the ``kg`` of ``tree``."""

    def __init__(self, tree: Path, files: list[Path]):
        env = {**os.environ, "PYTHONPATH": str(tree)}
        self.process = subprocess.Popen([str(PYTHON), "-c", _WORKER, *map(str, files)], cwd=tree, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        answer = self.process.stdout.readline().split()
        if answer[:1] != ["ready"] or not answer[1].startswith(str(tree)):
            self.close()
            raise RuntimeError(f"the interpreter for {tree} did not import its own kg: {' '.join(answer)}")

    def turn(self, passes: int, start: int, stop: int) -> float:
        """CPU milliseconds per article over ``passes`` passes of files ``start`` to ``stop``."""
        self.process.stdin.write(f"{passes} {start} {stop}\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def close(self) -> None:
        """End the interpreter."""
        self.process.stdin.close()
        self.process.wait(30)


def main(argv: list[str] | None = None) -> int:
    """Print each revision's turns, their median, and the ratio of the two turns of each round."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare", description=__doc__.splitlines()[0])
    parser.add_argument("--base", action="append",
                        help=f"A baseline revision; repeat for several in one run (default {BASE}).")
    parser.add_argument("--head", default=".", help="The revision measured against it (default: this working tree).")
    parser.add_argument("--corpus", choices=data.CORPORA, default="anercorp")
    parser.add_argument("--articles", type=int, default=60, help="New articles per round (default 60).")
    parser.add_argument("--rounds", type=int, default=5, help="Turns of each revision (default 5).")
    parser.add_argument("--passes", type=int, default=0, help="Passes over the corpus per turn (default: ~2 s).")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="isnad-compare-") as tmp:
        folder = Path(tmp)
        fresh = args.corpus != "eval"
        files = data.corpus_files(args.corpus, args.articles * args.rounds + 1, folder / "corpus")
        size = args.articles if fresh else len(files)
        passes = args.passes or (1 if fresh else max(1, 120 // size))
        revisions = {"base " + base: base for base in args.base or [BASE]}
        revisions["head " + args.head] = args.head
        with contextlib.ExitStack() as stack:
            extractors = {}
            for name, revision in revisions.items():
                tree = stack.enter_context(checkout(revision, folder))
                extractors[name] = Extractor(tree, files)
                stack.callback(extractors[name].close)
            turns: dict[str, list[float]] = {name: [] for name in extractors}
            order = list(extractors)
            for index in range(args.rounds):
                start = 1 + index * size if fresh else 0  # the first file was the warm-up
                for name in order:
                    turns[name].append(extractors[name].turn(passes, start, start + size))
                order.reverse()
    load = os.getloadavg()[0]
    print(f"extraction CPU per article, {size} {args.corpus} articles{' new each turn' if fresh else ''} "
          f"x {passes} per turn, {args.rounds} turns each, load {load:.1f}:")
    for name, values in turns.items():
        print(f"  {name:<24} median {statistics.median(values):6.2f} ms   best {min(values):6.2f} ms   "
              f"({' '.join(f'{v:.1f}' for v in values)})")
    *bases, head = turns.items()
    for name, base in bases:
        ratios = [h / b for b, h in zip(base, head[1], strict=True)]
        print(f"  head / {name[5:]} by round: {' '.join(f'{r:.3f}' for r in ratios)}; "
              f"median {statistics.median(ratios):.3f} ({min(ratios):.3f}-{max(ratios):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
