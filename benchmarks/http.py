"""Benchmarks through HTTP: ``kg serve`` against pyoxigraph, rdflib-endpoint and Virtuoso.

Every server here is started by this module on 127.0.0.1 in its own session and stopped (its
whole process group) when the measurement is done. Load is generated only against 127.0.0.1.

- Latency: a 2-hop query with a FILTER through ``kg serve`` (1M triples), against the same query
  through a bare pyoxigraph WSGI app under the same gunicorn (``benchmarks/bare.py``: no guard,
  no limits, no Flask), the comparison issue 19 sets; and, for scale, against the query on
  pyoxigraph in-process (the median of its rounds' medians) plus one fixed HTTP round trip
  (``benchmarks/echo.py`` under gunicorn as ``kg serve`` runs it: gthread, the heartbeat file on
  /dev/shm; without an access log).
- Throughput: a simple SELECT under ``wrk -c8`` against rdflib-endpoint (installed into its own
  venv in the benchmark's temporary directory) and Virtuoso from Debian, all on the same 100k
  triples; p99 latency from wrk's distribution.
- Memory: the RSS of every process of ``kg serve`` holding the 1M-triple store, summed.

Servers compared with each other run side by side and are measured in turns (blocks of requests,
wrk runs), because this shared machine has slow spells that would otherwise fall on one of them.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import time
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from benchmarks import data
from benchmarks.measure import KG, ROOT, Figure, in_turns, note, peer_command, run
from server.serve import HEARTBEAT_DIR

#: Entities of the dataset every endpoint serves in the throughput test (10 triples each).
THROUGHPUT_ENTITIES = 10_000
#: Sequential requests per latency figure.
LATENCY_REQUESTS = 300
#: Seconds of each wrk run; each endpoint gets ``repeats`` runs and the median counts.
WRK_SECONDS = 5
RESULTS_JSON = "application/sparql-results+json"
GIB = 1024**3


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serving(name: str, command: Sequence[str | os.PathLike[str]], probe: str, log: Path,
            timeout: float = 180.0, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """Run a server (with ``env`` added to its environment) until the block ends; ready once
    ``probe`` (a URL) answers 200.

    Raises:
        RuntimeError: the server exited or never answered.
    """
    with log.open("wb") as out:
        process = subprocess.Popen([str(part) for part in command], stdout=out, stderr=subprocess.STDOUT,
                                   cwd=ROOT, start_new_session=True, env={**os.environ, **(env or {})})
    try:
        deadline = time.monotonic() + timeout
        while _status(probe) != 200:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited ({process.returncode}): {log.read_text(errors='replace')[-500:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within {timeout:.0f} s")
            time.sleep(0.2)
        yield process
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _status(url: str) -> int:
    parts = urllib.parse.urlsplit(url)
    try:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        connection.request("GET", f"{parts.path}?{parts.query}", headers={"Accept": RESULTS_JSON})
        status = connection.getresponse().status
        connection.close()
        return status
    except OSError:
        return 0


def query_url(base: str, sparql: str) -> str:
    """A SPARQL Protocol GET URL."""
    return f"{base}?{urllib.parse.urlencode({'query': sparql})}"


def median_latencies(urls: dict[str, str], requests: int = LATENCY_REQUESTS, rounds: int = 10,
                     each_round: Callable[[int], None] | None = None, quantile: float = 0.5) -> dict[str, float]:
    """Median (or another ``quantile``) milliseconds of sequential GETs against each URL, one
    kept-alive connection each.

    The URLs take turns in ``rounds`` blocks of requests, so that a slow spell of this shared
    machine falls on every URL alike instead of on whichever was measured during it;
    ``each_round(requests per round)``, when given, takes its turn too.

    Raises:
        RuntimeError: a request did not answer 200.
    """
    timings: dict[str, list[float]] = {name: [] for name in urls}
    per_round = max(1, requests // rounds)
    for _ in range(rounds):
        if each_round is not None:
            each_round(per_round)
        for name, url in urls.items():
            parts = urllib.parse.urlsplit(url)
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            target = f"{parts.path}?{parts.query}"
            for index in range(per_round + 5):
                started = time.perf_counter()
                connection.request("GET", target, headers={"Accept": RESULTS_JSON})
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    raise RuntimeError(f"{url} answered {response.status}: {body[:200]!r}")
                if index >= 5:  # the first requests of a connection warm it up
                    timings[name].append(time.perf_counter() - started)
            connection.close()
    if quantile != 0.5:
        return {name: sorted(found)[int(quantile * (len(found) - 1))] * 1000 for name, found in timings.items()}
    return {name: statistics.median(found) * 1000 for name, found in timings.items()}


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str) -> tuple[float, float]:
    """Requests/s and p99 latency (ms) of one ``wrk -t2 -c8`` run against ``url``.

    Raises:
        RuntimeError: wrk saw errors or non-2xx answers.
    """
    output = run(["wrk", "-t2", "-c8", f"-d{WRK_SECONDS}s", "--latency", "-H", f"Accept: {RESULTS_JSON}", url],
                 timeout=WRK_SECONDS + 60).output
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk saw failures against {url}: {output[-400:]}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", output).groups()
    return rate, float(value) * _UNITS[unit]


def wrk_in_turns(urls: dict[str, str], repeats: int) -> dict[str, tuple[float, float]]:
    """Median requests/s and p99 (ms) of each URL over ``repeats`` wrk runs, the URLs taking turns.

    Every URL is warmed up first (its caches filled), and the runs alternate, so that a slow
    spell of this shared machine falls on every server alike.
    """
    for url in urls.values():
        median_latencies({"warm-up": url}, requests=50, rounds=1)
    found = in_turns(repeats, {name: functools.partial(wrk, url) for name, url in urls.items()})
    return {name: (statistics.median(r for r, _ in runs), statistics.median(p for _, p in runs))
            for name, runs in found.items()}


def process_tree_rss(root: int) -> int:
    """Bytes of resident memory of ``root`` and every process under it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    total = 0
    for pid in tree:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
    return total


def _gunicorn(port: int, app: str) -> list[str | os.PathLike[str]]:
    """gunicorn serving the WSGI ``app`` (module:name) on ``port`` as ``kg serve`` runs: one process,
    gthread, the heartbeat file on /dev/shm; without an access log."""
    return [ROOT / ".venv" / "bin" / "gunicorn", "-b", f"127.0.0.1:{port}", "-w", "1", "-k", "gthread",
            "--threads", "8", *(["--worker-tmp-dir", HEARTBEAT_DIR] if HEARTBEAT_DIR else []), app]


def kg_serve(store: Path, port: int) -> list[str]:
    """The ``kg serve`` command for a read-only server on ``port``."""
    return [str(KG), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)]


def store_from_dump(work: Path, name: str, entities: int) -> tuple[Path, Path]:
    dump, store = work / f"{name}.nt", work / f"{name}-store"
    if not dump.exists():
        data.write_dump(dump, entities)
    if not store.exists():
        run([KG, "load", dump, "--store", store])
    return dump, store


def latency_and_memory(work: Path, entities: int) -> list[Figure]:
    """The 2-hop latency through the server and the server's memory, on the big store."""
    _, store = store_from_dump(work, "dump", entities)
    sparql = data.two_hop_query(17)
    peer_rounds: list[float] = []

    def in_process_round(requests: int) -> None:
        peer_rounds.append(float(run(peer_command("query", store, sparql, requests)).output.split()[-1]))

    echo_port, bare_port, port = free_port(), free_port(), free_port()
    base = f"http://127.0.0.1:{port}/sparql"
    bare_base = f"http://127.0.0.1:{bare_port}/sparql"
    with (serving("echo", _gunicorn(echo_port, "benchmarks.echo:app"), f"http://127.0.0.1:{echo_port}/",
                  work / "echo.log"),
          serving("bare", _gunicorn(bare_port, "benchmarks.bare:app"), query_url(bare_base, "ASK {}"),
                  work / "bare.log", env={"ISNAD_BARE_STORE": str(store)}),
          serving("kg serve", kg_serve(store, port), query_url(base, "ASK {}"), work / "serve-1m.log") as server):
        found = median_latencies({"rtt": f"http://127.0.0.1:{echo_port}/sparql?query=x",
                                  "bare": query_url(bare_base, sparql),
                                  "served": query_url(base, sparql)}, each_round=in_process_round)
        round_trip, served, in_process = found["rtt"], found["served"], statistics.median(peer_rounds)
        for heavy in ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                      'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l '
                      'FILTER(CONTAINS(?l, "Place 99")) } LIMIT 100'):
            median_latencies({"heavy": query_url(base, heavy)}, requests=3, rounds=1)
        rss = process_tree_rss(server.pid)
    allowed = in_process + round_trip
    million = entities * data.TRIPLES_PER_ENTITY / 1e6
    return [
        # Issue 19's target: what the guard, limits and Flask add over the same store under the same server.
        Figure(f"2-hop query via kg serve ({million:g}M)", f"{served:.2f} ms",
               f"bare pyoxigraph app (benchmarks/bare.py) {found['bare']:.2f} ms", served / found["bare"],
               "<= 1.25x", served / found["bare"] <= 1.25),
        Figure("  against pyoxigraph in-process + one HTTP round trip", f"{served:.2f} ms",
               f"pyoxigraph {in_process:.3f} + HTTP rtt {round_trip:.2f} ms", served / allowed, "-", None),
        Figure(f"kg serve RSS holding {million:g}M triples", f"{rss / 2**20:.0f} MiB", "budget 1024 MiB (all procs)",
               rss / GIB, "< 1 GiB", rss < GIB),
    ]


def _rdflib_endpoint(work: Path) -> Path:
    venv = work / "rdflib-endpoint-venv"
    if not (venv / "bin" / "rdflib-endpoint").exists():
        note("installing rdflib-endpoint and uvicorn into the benchmark's own venv ...")
        run(["python3", "-m", "venv", venv])
        run([venv / "bin" / "pip", "install", "-q", "rdflib-endpoint", "uvicorn"], timeout=600)
    return venv / "bin" / "rdflib-endpoint"


_VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 16
MaxKeepAlives = 16
KeepAliveTimeout = 10
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 60
"""


def throughput(work: Path, repeats: int) -> list[Figure]:
    """A simple SELECT under ``wrk -c8``: kg serve against rdflib-endpoint and Virtuoso, in turns."""
    if shutil.which("wrk") is None:
        return [_skipped("endpoint throughput", "wrk is not installed (apt-get install -y wrk)")]
    dump, store = store_from_dump(work, "small", THROUGHPUT_ENTITIES)
    virtuoso_reason = _virtuoso_missing()
    urls: dict[str, str] = {}
    with contextlib.ExitStack() as servers:
        port = free_port()
        base = f"http://127.0.0.1:{port}/sparql"
        servers.enter_context(serving("kg serve", kg_serve(store, port), query_url(base, "ASK {}"),
                                      work / "serve-small.log"))
        urls["kg serve"] = query_url(base, data.SIMPLE_SELECT)

        port = free_port()
        base = f"http://127.0.0.1:{port}/"  # its 'serve' command answers at the root, not /sparql
        command = [_rdflib_endpoint(work), "serve", dump, "--host", "127.0.0.1", "--port", str(port)]
        servers.enter_context(serving("rdflib-endpoint", command, query_url(base, "ASK {}"),
                                      work / "rdflib-endpoint.log"))
        urls["rdflib-endpoint"] = query_url(base, data.SIMPLE_SELECT)

        if virtuoso_reason is None:
            urls["Virtuoso"] = query_url(servers.enter_context(_virtuoso(work, dump)), data.SIMPLE_SELECT)
        results = wrk_in_turns(urls, repeats)

    ours_rate, ours_p99 = results["kg serve"]
    figures = [Figure("simple SELECT under wrk -c8 (req/s)", f"{ours_rate:.0f} req/s", "", 1.0, "-", None),
               Figure("  p99 latency", f"{ours_p99:.1f} ms", "", 1.0, "-", None)]
    for peer, need in (("rdflib-endpoint", 4.0), ("Virtuoso", 1.0)):
        if peer not in results:
            figures.append(_skipped(f"  vs {peer}", virtuoso_reason or "not measured"))
            continue
        rate, p99 = results[peer]
        figures.append(Figure(f"  vs {peer} (req/s)", f"{ours_rate:.0f} req/s",
                              f"{peer} {rate:.0f} req/s, p99 {p99:.1f} ms", ours_rate / rate, f">= {need:g}x",
                              ours_rate / rate >= need))
    return figures


def _virtuoso_missing() -> str | None:
    for tool in ("virtuoso-t", "isql-vt"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install -y virtuoso-opensource)"
    return None


@contextlib.contextmanager
def _virtuoso(work: Path, dump: Path) -> Iterator[str]:
    """Virtuoso from Debian serving ``dump`` until the block ends; yields its SPARQL endpoint."""
    folder = work / "virtuoso"
    folder.mkdir(exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    base = f"http://127.0.0.1:{http_port}/sparql"
    command = ["virtuoso-t", "+foreground", "+configfile", ini]
    with serving("Virtuoso", command, query_url(base, "ASK {}"), folder / "run.log"):
        load = f"DB.DBA.TTLP_MT(file_to_string_output('{dump}'), '', 'https://w3id.org/isnad/bench', 0); checkpoint;"
        run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={load}"], timeout=600)
        yield base


def _skipped(name: str, reason: str) -> Figure:
    return Figure(name, "skipped", reason, 0.0, "", None)


def run_all(work: Path, repeats: int, entities: int) -> list[Figure]:
    """Every HTTP figure."""
    if not (KG.exists() and "serve" in run([KG, "--help"]).output):
        return [_skipped("HTTP benchmarks", "this checkout has no 'kg serve'")]
    figures = []
    for name, measure in (("latency and memory", lambda: latency_and_memory(work, entities)),
                          ("endpoint throughput", lambda: throughput(work, repeats))):
        try:
            figures += measure()
        except RuntimeError as exc:
            figures.append(Figure(name, "failed", str(exc).splitlines()[0], 0.0, "", False))
    return figures
