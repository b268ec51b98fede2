"""``benchmarks/run``: every performance figure of Isnad next to its peer, measured in one run.

Usage: benchmarks/run [--quick] [--only startup,build,load,http,slow-clients,writer,cluster,push,upstream]

Nothing here runs under pytest or CI; it takes about ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import embedded, scale
from benchmarks.measure import Figure, note, print_figure, print_header, print_skip
from kg.build import default_jobs

PARTS = ("startup", "build", "load", "http", "slow-clients", "writer", "cluster", "push", "upstream")


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks and print one line per figure; exit 1 when a target fails."""
    parser = argparse.ArgumentParser(prog="benchmarks/run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Fewer repeats and a 100k-triple dump (a smoke run).")
    parser.add_argument("--only", default=",".join(PARTS), help=f"Comma-separated parts: {', '.join(PARTS)}.")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="Build workers (default: cores).")
    args = parser.parse_args(argv)
    parts = [part.strip() for part in args.only.split(",") if part.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    repeats = 1 if args.quick else 3
    entities = 10_000 if args.quick else 100_000
    started = time.perf_counter()
    figures: list[Figure] = []
    print_header()
    with tempfile.TemporaryDirectory(prefix="isnad-bench-") as tmp:
        work = Path(tmp)
        steps = {
            "startup": lambda: embedded.startup(work, max(repeats, 5)),
            "build": lambda: embedded.build(work, repeats, args.jobs),
            "load": lambda: embedded.load_and_export(work, repeats, entities),
            "http": lambda: _http(work, repeats, entities),
            "slow-clients": lambda: _slow_clients(work, repeats),
            "writer": lambda: scale.writer(work, repeats),
            "cluster": lambda: scale.cluster(work, repeats),
            "push": lambda: scale.push(work, repeats),
            "upstream": lambda: _upstream(work, entities),
        }
        for part in parts:
            note(f"{part} ...")
            try:
                found = steps[part]()
            except RuntimeError as exc:
                print_skip(part, f"failed: {str(exc).splitlines()[0]}")
                figures.append(Figure(part, "failed", "", 0.0, "", False))
                continue
            for figure in found:
                if figure.ours in ("skipped", "failed"):
                    print_skip(figure.name, f"{figure.ours}: {figure.peer}")
                else:
                    print_figure(figure)
            figures += found
    failed = [figure.name.strip() for figure in figures if figure.ok is False]
    print(f"\n{len(figures)} figures in {time.perf_counter() - started:.0f} s; "
          + (f"targets missed: {', '.join(failed)}" if failed else "every target holds"))
    return 1 if failed else 0


def _http(work: Path, repeats: int, entities: int) -> list[Figure]:
    from benchmarks import http

    return http.run_all(work, repeats, entities)


def _upstream(work: Path, entities: int) -> list[Figure]:
    from benchmarks import upstream

    return upstream.upstream(work, entities)


def _slow_clients(work: Path, repeats: int) -> list[Figure]:
    from benchmarks import slow_clients

    return slow_clients.slow_clients(work, repeats)


if __name__ == "__main__":
    sys.exit(main())
