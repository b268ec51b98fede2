"""The ``kg`` command: one click group, each command a thin wrapper over one library call."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

import click

from kg import config
from kg.errors import InputError, IsnadError


class IsnadGroup(click.Group):
    """Renders every error as one line on stderr and a non-zero exit, never a traceback.

    ``ISNAD_DEBUG=1`` lets unexpected errors through with their traceback, for bug reports.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except IsnadError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # Whoever read stdout has gone (`kg stats | head -1`): click's main ends quietly on it.
            raise
        except Exception as exc:
            if os.environ.get("ISNAD_DEBUG"):
                raise
            name = type(exc).__name__
            raise click.ClickException(f"Unexpected {name}: {exc} (set ISNAD_DEBUG=1 for details).") from None


def _store_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=config.SETTINGS[0].help,
    )(func)


def _resolve_store(store_path: Path | None) -> Path:
    from kg.store import default_path

    return store_path or default_path()


def _open(store_path: Path | None, read_only: bool = False):  # type: ignore[no-untyped-def]
    from kg.store import GraphStore

    return GraphStore(_resolve_store(store_path), read_only=read_only)


@click.group(cls=IsnadGroup)
@click.version_option(package_name="isnad")
def cli() -> None:
    """Isnad: build a knowledge graph from Arabic news articles and query it."""


def _jobs_option(func):  # type: ignore[no-untyped-def]
    func = click.option(
        "--scheduler", default=None, metavar="tcp://HOST:8786|local",
        help="Extract on a Dask cluster (pip install 'isnad[cluster]'); 'local' starts one on this machine.",
    )(func)
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help="Extraction worker processes (default: one per core; 1 extracts in this process).",
    )(func)


def _progress_line(quiet: bool):  # type: ignore[no-untyped-def]
    """The progress line of a batch of files: drawn on a terminal only, and not with --quiet."""
    from kg.progress import ProgressLine

    return ProgressLine(sys.stderr) if not quiet and sys.stderr.isatty() else None


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    def progress(index: int, name: object) -> None:
        if sys.stderr.isatty() or index % 100 == 0:
            click.echo(f"[{index}] {name}", err=True)

    return None if quiet else progress


def _finish(report, summary: str, nothing: str) -> None:  # type: ignore[no-untyped-def]
    """Print a batch's failures (one ``Error:`` line each) and its summary; exit 1 when any failed."""
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    if report.files == 0:
        raise InputError(nothing)
    click.echo(summary)
    if report.failures:
        sys.exit(1)


def _no_articles(paths: tuple[str, ...]) -> str:
    from kg.sources import ARTICLE_SUFFIXES

    return f"No article files ({', '.join(ARTICLE_SUFFIXES)}) under: {' '.join(paths)}"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_store_option
@click.option("--quiet", "-q", is_flag=True, help="No progress line (there is none when stderr is not a terminal).")
@_jobs_option
@click.option("--bulk", is_flag=True, help="Write through Oxigraph's bulk loader in batches (large builds).")
def build(
    paths: tuple[str, ...], store_path: Path | None, quiet: bool, jobs: int | None, scheduler: str | None, bulk: bool
) -> None:
    """Build article files (or folders of them) into the store."""
    from kg.build import build as build_paths

    line = _progress_line(quiet)
    with _open(store_path) as store, line or contextlib.nullcontext():
        report = build_paths(paths, store, line, jobs, scheduler, bulk)
    _finish(report, report.summary(), _no_articles(paths))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
    help="Folder for the shards (one N-Quads file per article file).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress line (there is none when stderr is not a terminal).")
@_jobs_option
def extract(paths: tuple[str, ...], output: Path, quiet: bool, jobs: int | None, scheduler: str | None) -> None:
    """Extract article files into N-Quads shards, without a store ('kg load DIR' ingests them)."""
    from kg.shards import extract_to_folder

    line = _progress_line(quiet)
    with line or contextlib.nullcontext():
        report = extract_to_folder(paths, output, jobs, scheduler, line)
    _finish(report, report.summary("Extracted", into=f" into {output}"), _no_articles(paths))


@cli.command()
@click.argument("sparql")
@_store_option
@click.option(
    "--format", "fmt", default="table", show_default=True,
    help="table, json, csv or tsv for SELECT/ASK; an RDF format (turtle, jsonld, ...) for CONSTRUCT/DESCRIBE.",
)
def query(sparql: str, store_path: Path | None, fmt: str) -> None:
    """Run a SPARQL query (the default graph is the union of all graphs)."""
    from kg import stack
    from kg.results import write_results

    def run() -> None:
        with _open(store_path, read_only=True) as store:
            write_results(store.query(sparql), fmt, sys.stdout.buffer, sparql)

    stack.call(run)  # Oxigraph parses and evaluates on the calling thread's stack


@cli.command()
@_store_option
@click.option(
    "--format", "fmt", default="turtle", show_default=True,
    help="RDF: turtle, trig, nquads, ntriples, jsonld or xml; property graph: graphml, or csv (neo4j-admin, -o DIR).",
)
@click.option("--graph", default=None, help="Export only this named graph (an article IRI).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: stdout); the folder for --format csv.",
)
def export(store_path: Path | None, fmt: str, graph: str | None, output: Path | None) -> None:
    """Export the dataset, or one graph, streamed."""
    from kg.rdf import get_format

    rdf_format = get_format(fmt)
    if rdf_format.folder and output is None:
        raise InputError(f"--format {rdf_format.name} writes a folder of files: name it with -o DIR.")
    if output is not None and output.is_dir() and not rdf_format.folder:
        raise InputError(f"{output} is a folder; name the file to write with -o FILE.")
    with _open(store_path, read_only=True) as store:
        if rdf_format.folder:
            from kg.propgraph import write_property_graph

            write_property_graph(store, rdf_format, output, graph)
            click.echo(f"Wrote nodes.csv and relationships.csv to {output}.", err=True)
            return
        if output is None:
            store.export(sys.stdout.buffer, rdf_format, graph)
            sys.stdout.buffer.flush()
            return
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("wb") as out:
                store.export(out, rdf_format, graph)
            partial.replace(output)  # a failed export never leaves a truncated file under the real name
        finally:
            partial.unlink(missing_ok=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option("--format", "fmt", default=None, help="ntriples, nquads, turtle or trig (default: by file extension).")
@click.option("--graph", default=None, help="Named graph for triples outside one (default: each file's file: IRI).")
@click.option("--bulk", is_flag=True, help="Shard folders: load through Oxigraph's bulk loader in batches.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line (there is none when stderr is not a terminal).")
def load(
    files: tuple[Path, ...], store_path: Path | None, fmt: str | None, graph: str | None, bulk: bool, quiet: bool
) -> None:
    """Bulk-load RDF dumps (a bad file stops the load before anything is written), or folders of
    shards from 'kg extract' (one transaction per shard; a bad shard is skipped with one line)."""
    folders = [path for path in files if path.is_dir()]
    if not folders:
        from kg.load import load as load_files

        click.echo(load_files(files, _resolve_store(store_path), fmt, graph).summary())
        return
    if len(folders) != len(files):
        raise InputError("Give either dump files or folders of shards, not both.")
    from kg.shards import load_shards

    line = _progress_line(quiet)
    with _open(store_path) as store, line or contextlib.nullcontext():
        report = load_shards(folders, store, line, bulk)
    _finish(report, report.summary("Loaded", "shards"), f"No shards (*.nq) under: {' '.join(map(str, folders))}")


@cli.command()
@_store_option
@click.option("--update-url", required=True, help="The remote store's SPARQL Update endpoint.")
@click.option("--graph-store-url", default=None, help="Its Graph Store Protocol endpoint: graphs are PUT there.")
@click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'", help="Sent with every request (repeat).")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
def push(
    store_path: Path | None, update_url: str, graph_store_url: str | None, headers: tuple[str, ...], quiet: bool
) -> None:
    """Replace each graph of the store in a remote SPARQL 1.1 store (idempotent)."""
    from kg.push import parse_headers
    from kg.push import push as push_graphs

    parsed = parse_headers(headers)
    with _open(store_path, read_only=True) as store:
        report = push_graphs(store, update_url, graph_store_url, parsed, _progress(quiet))
    click.echo(report.summary(graph_store_url or update_url))


@cli.command()
@_store_option
def validate(store_path: Path | None) -> None:
    """Check every article graph against the SHACL shapes (ontology/shapes.ttl)."""
    from kg.validate import validate_store

    with _open(store_path, read_only=True) as store:
        report = validate_store(store)
    for line in report.violations:
        click.echo(line)
    click.echo(report.summary())
    if report.violations:
        sys.exit(1)


@cli.command()
@_store_option
def stats(store_path: Path | None) -> None:
    """Count articles, triples and entities per class."""
    from kg import catalog

    with _open(store_path, read_only=True) as store:
        counts = catalog.stats(store)
    click.echo(f"articles  {counts.articles}")
    click.echo(f"graphs    {counts.graphs}")
    click.echo(f"triples   {counts.triples}")
    for cls, count in counts.entities.items():
        click.echo(f"{cls:<13} {count}")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
def mentions(file: Path, fmt: str) -> None:
    """Show what the extractor saw in one article: mentions, entities and statements."""
    from kg.inspect import inspect_file, render_table

    rows = inspect_file(file)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(rows))


@cli.command("train-tagger")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Model file.")
@click.option("--iterations", type=click.IntRange(1), default=150, show_default=True)
def train_tagger(corpora: tuple[Path, ...], output: Path, iterations: int) -> None:
    """Train the name tagger on BIO-tagged CoNLL files (one 'token TAG' per line).

    Copy the model over kg/data/names.crfsuite to use it in builds.
    """
    from kg.tagger import train

    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        raise InputError("training needs python-crfsuite: pip install python-crfsuite.") from None
    count = train(corpora, output, iterations)
    click.echo(f"Trained on {count:,} sentences: {output} ({output.stat().st_size / 1e6:.1f} MB).")


@cli.command()
@_store_option
@click.option("--online", is_flag=True, help="Look unlinked entities up in Wikidata; write candidates for review.")
@click.option(
    "--accept", "review", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write the rows of a review file marked \"accept\": true as skos:exactMatch links.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("review.jsonl"),
    show_default=True, help="Review file that --online writes.",
)
@click.option("--api", default=None, help="Wikidata action API URL (default: $ISNAD_WIKIDATA_API, else Wikidata's).")
def link(store_path: Path | None, online: bool, review: Path | None, output: Path, api: str | None) -> None:
    """Link entities to Wikidata: --online finds candidates for review, --accept applies reviewed ones."""
    from kg import link as linking
    from kg.wikidata import WikidataClient

    if online == (review is not None):
        raise InputError("Give either --online (find candidates) or --accept FILE (apply reviewed ones).")
    if review is not None:
        with _open(store_path) as store:
            click.echo(linking.accept_review(store, review).summary())
        return
    client = WikidataClient(api or str(config.get("wikidata_api")), float(config.get("wikidata_timeout")))
    with _open(store_path, read_only=True) as store:
        report = linking.reconcile_store(store, client)
    output.write_text(report.review_lines(), encoding="utf-8")
    click.echo(report.summary(str(output)))


#: Settings ``kg serve`` takes as options (``update_token`` only ever comes from the environment).
_SERVE_SETTINGS = (
    "host", "port", "base", "query_timeout", "max_rows", "max_request_bytes", "body_timeout", "header_timeout",
    "client_connections", "workers", "service_allow", "upstream", "upstream_store",
)


def _serve_options(func):  # type: ignore[no-untyped-def]
    for setting in reversed([s for s in config.SETTINGS if s.name in _SERVE_SETTINGS]):
        option = "--" + setting.name.replace("_", "-")
        func = click.option(option, setting.name, type=type(setting.default), default=None, help=setting.help)(func)
    return func


@cli.command()
@_store_option
@_serve_options
@click.option("--upstream-header", "upstream_headers", multiple=True, metavar="'NAME: VALUE'",
              help="Header sent to the upstream store with every request (repeatable; also $ISNAD_UPSTREAM_HEADER).")
@click.option("--allow-update", is_flag=True, help=next(s.help for s in config.SETTINGS if s.name == "allow_update"))
def serve(store_path: Path | None, allow_update: bool, upstream_headers: tuple[str, ...], **options: object) -> None:
    """Serve the store over HTTP: SPARQL endpoint, exports, linked-data pages, query UI.

    With --upstream URL, serve a remote SPARQL 1.1 store instead of the embedded one (read-only).
    """
    from server.serve import run

    overrides = {name.upper(): value for name, value in options.items() if value is not None}
    if upstream_headers:
        overrides["UPSTREAM_HEADER"] = "\n".join(upstream_headers)
    if store_path is not None:
        overrides["STORE_PATH"] = str(store_path)
    if allow_update:
        overrides["ALLOW_UPDATE"] = True
    run(overrides)
