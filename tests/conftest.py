"""Shared fixtures: a real Oxigraph store on disk, the CLI runner, the seed articles."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from rdflib import Namespace

from kg.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test's store lives (created on first build)."""
    return tmp_path / "store"


@pytest.fixture
def runner() -> CliRunner:
    """Runs the ``kg`` CLI in-process."""
    return CliRunner()


@pytest.fixture
def kg(runner: CliRunner):
    """Invoke ``kg ARGS...`` and return the click Result."""

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles that a test may change."""
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def built_store(kg, store_path: Path) -> Path:
    """A store with the five seeds built into it."""
    result = kg("build", SEEDS, "--store", store_path)
    assert result.exit_code == 0, result.output
    return store_path


def write_article_batch(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` distinct real-Arabic article files mixed from the seeds' paragraphs.

    Each file is a seed headline followed by 3-6 paragraphs drawn from all seeds (every 7th is
    HTML), so a batch exercises the extractor on varied text without committing a corpus.
    """
    rng = random.Random(seed)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    headlines = [text.strip().splitlines()[0] for text in seeds]
    paragraphs = [p.strip() for text in seeds for p in text.split("\n\n") if len(p.strip()) >= 100]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(count):
        body = [rng.choice(headlines), *rng.sample(paragraphs, rng.randint(3, 6))]
        if index % 7 == 6:
            path = folder / f"{index:03d}.html"
            path.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in body) + "</body></html>", encoding="utf-8")
        else:
            path = folder / f"{index:03d}.txt"
            path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture
def article_batch(tmp_path: Path) -> Path:
    """A folder of 40 article files for batch, crash and concurrency tests."""
    folder = tmp_path / "batch"
    write_article_batch(folder, 40)
    return folder


# -- the server ------------------------------------------------------------------------------

SERVER_FIXTURE = DATA / "server_article.ttl"
SERVER_FIXTURE_GRAPH = "https://w3id.org/isnad/id/article/servertest"
PROTOCOL_CHECK = ROOT.parent / "shared" / "tools" / "sparql_protocol_check.py"


@dataclass
class LiveServer:
    """A ``kg serve`` subprocess: its base URL, process and log file."""

    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        """Everything the server has logged so far."""
        return self.log.read_text(encoding="utf-8", errors="replace")


RES = "https://w3id.org/isnad/id/"
#: The fixture's person: its own IRI, so the tests do not depend on what the extractor mints.
PERSON = RES + "person/servertest-fuad-hussein"
ISNAD = Namespace("https://w3id.org/isnad/ontology#")
JSON_RESULTS = "application/sparql-results+json"
HTML = {"Accept": "text/html"}


def sparql(server: LiveServer, query: str, method: str = "GET", **kwargs) -> requests.Response:
    """Send ``query`` to the server's /sparql by GET or POST form."""
    if method == "GET":
        return requests.get(server.url + "/sparql", params={"query": query}, timeout=30, **kwargs)
    return requests.post(server.url + "/sparql", data={"query": query}, timeout=30, **kwargs)


def media(response: requests.Response) -> str:
    """The response's media type without parameters."""
    return response.headers["Content-Type"].split(";")[0]


def answers(url: str) -> bool:
    """Whether an HTTP GET of ``url`` is answered with success (not just accepted)."""
    try:
        return requests.get(url, timeout=5).ok
    except requests.ConnectionError:
        return False


@contextlib.contextmanager
def running(process: subprocess.Popen, ready, output, within: float = 30, stop_within: float = 10):  # type: ignore[no-untyped-def]
    """Wait until ``ready()`` is true while ``process`` lives (else fail with ``output()``), run the
    block, then stop the process."""
    try:
        deadline = time.monotonic() + within
        while not ready():
            assert process.poll() is None, output()
            assert time.monotonic() < deadline, output()
            time.sleep(0.05)
        yield
    finally:
        process.terminate()
        try:
            process.wait(stop_within)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def run_server(store: Path, log: Path, *options: str, env: dict[str, str] | None = None):
    """Run ``python -m kg serve`` on a free port (bound as port 0) until the block ends."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
            stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}, cwd=ROOT,
        )
    server = LiveServer("", process, log)

    def ready() -> bool:  # it has said where it listens, and answers queries there
        if not server.url:
            found = re.search(r"Listening at: (http://[\d.]+:\d+)", server.output())
            server.url = found.group(1) if found else ""
        return bool(server.url) and answers(server.url + "/sparql?query=ASK%20%7B%7D")

    with running(process, ready, server.output):
        yield server


def build_server_store(path: Path) -> Path:
    """A store holding the seeds, the hand-written server fixture article and the protocol
    check's fixture graphs (so its dataset cases run against a read-only server)."""
    from rdflib import URIRef

    from kg.store import GraphStore

    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--store", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    with GraphStore(path) as store:
        store.load_graph(URIRef(SERVER_FIXTURE_GRAPH), SERVER_FIXTURE)
        for index in (1, 2, 3):  # the graphs of sparql_protocol_check.py --print-fixture
            store.update(
                f"INSERT DATA {{ GRAPH <urn:x-protocol-check:data{index}> "
                f"{{ <urn:x-protocol-check:doc{index}> a <http://xmlns.com/foaf/0.1/Document> }} }}"
            )
    return path


@pytest.fixture(scope="session")
def server_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store the read-only live server serves (built once per session)."""
    return build_server_store(tmp_path_factory.mktemp("served") / "store")


@pytest.fixture(scope="session")
def live_server(server_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """A read-only ``kg serve`` on a free port, shared by the protocol, export, page and browser tests."""
    with run_server(server_store, tmp_path_factory.mktemp("logs") / "server.log") as server:
        yield server


@pytest.fixture
def app(server_store: Path):
    """The Flask app in-process (``create_app`` with a test mapping), on the served store."""
    from server import create_app

    app = create_app({"TESTING": True, "STORE_PATH": str(server_store), "WORKERS": 1})
    yield app
    app.extensions["isnad_store"].pool.close()


@pytest.fixture
def client(app):
    """A test client for ``app``."""
    return app.test_client()
