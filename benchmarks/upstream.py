"""``kg serve --upstream``: the 2-hop query through the front end against the same query sent
straight to the remote store (``oxigraph serve``), and through ``kg serve`` on the embedded store.

All three hold the same triples (the benchmark dump, loaded into the remote store with
``oxigraph load``) and are measured in turns, one kept-alive connection each; the fixed cost of one
HTTP round trip (``benchmarks/echo.py`` under gunicorn) is measured with them, because the front
end adds one such trip to every query.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks import data
from benchmarks.http import _gunicorn, free_port, kg_serve, median_latencies, query_url, serving, store_from_dump
from benchmarks.measure import KG, Figure, run
from benchmarks.scale import OXIGRAPH

#: Requests per server, in rounds taking turns: more than the other latency figures, because the
#: difference measured is a fraction of a millisecond on a machine shared with other jobs.
REQUESTS, ROUNDS = 2000, 40
#: The latency quantile reported. The front end's path crosses two processes, so at a load above
#: the cores (8-16 on 2 here) its median moved 1.1-3.5 ms between runs; the quartile is the
#: latency when neither process was waiting for a core, and held steady.
QUANTILE = 0.25


def upstream(work: Path, entities: int) -> list[Figure]:
    """The 2-hop latency through ``kg serve --upstream``, direct to the upstream, and embedded."""
    if not OXIGRAPH.exists():
        return [Figure("kg serve --upstream", "skipped", "no oxigraph server: pip install oxigraph", 0.0, "", None)]
    dump, store = store_from_dump(work, "dump", entities)
    remote = work / "upstream-remote"
    if not remote.exists():
        run([OXIGRAPH, "load", "--location", remote, "--file", dump], timeout=900)
    sparql = data.two_hop_query(17)
    remote_port, front_port, embedded_port, echo_port = free_port(), free_port(), free_port(), free_port()
    remote_url = f"http://127.0.0.1:{remote_port}/query"
    front_url, embedded_url = f"http://127.0.0.1:{front_port}/sparql", f"http://127.0.0.1:{embedded_port}/sparql"
    front = [str(KG), "serve", "--upstream", remote_url, "--host", "127.0.0.1", "--port", str(front_port)]
    with (serving("oxigraph serve", [OXIGRAPH, "serve", "--location", remote, "--bind", f"127.0.0.1:{remote_port}",
                                     "--union-default-graph"], query_url(remote_url, "ASK {}"), work / "remote.log"),
          serving("kg serve --upstream", front, query_url(front_url, "ASK {}"), work / "front.log"),
          serving("kg serve", kg_serve(store, embedded_port), query_url(embedded_url, "ASK {}"), work / "emb.log"),
          serving("echo", _gunicorn(echo_port, "benchmarks.echo:app"), f"http://127.0.0.1:{echo_port}/",
                  work / "echo.log")):
        urls = {
            "direct": query_url(remote_url, sparql),
            "front": query_url(front_url, sparql),
            "embedded": query_url(embedded_url, sparql),
            "rtt": f"http://127.0.0.1:{echo_port}/sparql?query=x",
        }
        found = median_latencies(urls, requests=REQUESTS, rounds=ROUNDS, quantile=QUANTILE)
    million = entities * data.TRIPLES_PER_ENTITY / 1e6
    direct, front_ms, embedded, rtt = found["direct"], found["front"], found["embedded"], found["rtt"]
    return [
        Figure(f"2-hop via kg serve --upstream ({million:g}M, p25)", f"{front_ms:.2f} ms",
               f"oxigraph serve direct {direct:.2f} ms", front_ms / direct, "-", None),
        Figure("  same query via kg serve (embedded)", f"{embedded:.2f} ms",
               f"oxigraph serve direct {direct:.2f} ms", embedded / direct, "-", None),
        Figure("  --upstream's cost over embedded", f"{front_ms - embedded:.2f} ms", f"HTTP rtt {rtt:.2f} ms",
               (front_ms - embedded) / rtt, "-", None),
    ]
