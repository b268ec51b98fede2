"""The guard against the engine, by effect: generated queries and updates never reach a host off the allow-list.

hypothesis writes SPARQL mixing every local-name escape, comments and strings of all four quote
kinds (holding quotes, escapes, braces and decoy SERVICE clauses), IRIs with ``\\u`` escapes,
BASE and PREFIX, around one real SERVICE (or LOAD) to a loopback listener started here. Each is
sent to a real ``kg serve`` (queries and, with the token, updates) and to ``kg query``. Whatever
the guard decides, the listener that is not on the allow-list must never see a connection; the
one that is on it shows that such calls do get through when allowed.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.store import GraphStore
from tests.conftest import run_server

TOKEN = "differential-guard-token-5b2c"


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers any request with an empty result in the format asked for, and counts it."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer()

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        self._answer()

    def _answer(self) -> None:
        self.server.hits += 1  # type: ignore[attr-defined]
        if "sparql-results" in self.headers.get("Accept", "sparql-results"):
            body, kind = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}', "application/sparql-results+json"
        else:
            body, kind = b"", "text/turtle"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class Listener:
    """A loopback HTTP endpoint that counts the requests made to it."""

    def __init__(self) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        self.server.hits = 0  # type: ignore[attr-defined]
        self.host = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = self.host + "/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def hits(self) -> int:
        return self.server.hits  # type: ignore[attr-defined]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def listeners():
    allowed, forbidden = Listener(), Listener()
    yield allowed, forbidden
    allowed.close()
    forbidden.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, listeners):
    allowed, _ = listeners
    store = tmp_path_factory.mktemp("differential") / "store"
    with GraphStore(store) as graph:
        graph.update("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 'o' } }")
    log = tmp_path_factory.mktemp("differential-log") / "server.log"
    options = ("--allow-update", "--workers", "1", "--service-allow", allowed.url, "--query-timeout", "10")
    with run_server(store, log, *options, env={"ISNAD_UPDATE_TOKEN": TOKEN}) as live:
        yield live


# -- the grammar of generated text ---------------------------------------------------------------

PN_LOCAL_ESCAPES = [f"\\{c}" for c in "_~.-!$&'()*+,;=/?#@%"]
#: The escapes of characters that change a lexer's state (comment, string, group), drawn more often.
LEXER_ESCAPES = ["\\#", "\\'", "\\(", "\\)", "\\;", "\\,"]
#: What may sit inside a string or comment: quotes of both kinds, escapes (some that decode to a
#: quote), braces, comment marks, and a decoy call.
TRICKY = ["a", " ", "{", "}", "#", "<", ">", "'", '"', "\\\\", "\\'", '\\"', "\\u0022", "\\u0027", "\\n",
          "SERVICE", "LOAD", "} SERVICE <FORBIDDEN_URL> { ?s ?p ?o }"]


def _string(quote: str) -> st.SearchStrategy[str]:
    def allowed(piece: str) -> bool:  # what the quote kind can hold unescaped
        return quote not in piece if len(quote) == 1 else quote not in piece and not piece.endswith(quote[0])

    pieces = [p for p in TRICKY if allowed(p)]
    return st.lists(st.sampled_from(pieces), max_size=6).map(lambda body: quote + "".join(body) + quote)


strings = st.one_of(_string('"'), _string("'"), _string('"""'), _string("'''"))
local_names = st.lists(st.sampled_from([*PN_LOCAL_ESCAPES, *LEXER_ESCAPES, "a", "b7", "%41"]),
                       min_size=1, max_size=4).map("".join)
prefixed_names = st.builds("{}:{}".format, st.sampled_from(["ex", "fb", "ok"]), local_names)
iris = st.sampled_from(["<http://example.org/x>", "<http://example.org/\\u0041>", "<urn:x\\U00000041>"])
comments = st.lists(st.sampled_from(TRICKY), max_size=5).map(lambda text: "# " + "".join(text).replace("\n", " "))
comments = comments.map(lambda text: text + "\n")
terms = st.one_of(prefixed_names, prefixed_names, strings, iris)
keywords = st.sampled_from(["SERVICE", "service", "SeRvIcE"])
silent = st.sampled_from(["", "SILENT "])
targets = st.sampled_from(["<FORBIDDEN_URL>", "fb:sparql", "<sparql>", "<FORBIDDEN_ESCAPED>", "<ALLOWED_URL>",
                           "ok:sparql"])
elements = st.one_of(terms.map(lambda t: ("bind", t)), comments.map(lambda c: ("text", c)))
noise = st.lists(elements, max_size=4)


def prologue(base: bool) -> str:
    lines = ["PREFIX ex: <http://example.org/>", "PREFIX fb: <FORBIDDEN_HOST/>", "PREFIX ok: <ALLOWED_HOST/>"]
    return ("BASE <FORBIDDEN_HOST/>\n" if base else "") + "\n".join(lines) + "\n"


def body(before: list[tuple[str, str]], call: str, after: list[tuple[str, str]]) -> str:
    """Group elements: BINDs always give one solution, so the call is evaluated wherever it stands."""
    elements = [*before, ("call", call), *after]
    written = [f"BIND({text} AS ?v{i})" if kind == "bind" else text for i, (kind, text) in enumerate(elements)]
    return " ".join(written)


@st.composite
def queries(draw: st.DrawFn) -> str:
    call = f"{draw(keywords)} {draw(silent)}{draw(targets)} {{ ?s ?p ?o }}"
    where = body(draw(st.lists(elements, min_size=1, max_size=4)), call, draw(noise))
    return prologue(draw(st.booleans())) + "SELECT * WHERE { " + where + " }"


@st.composite
def updates(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        before = " ".join(text for _, text in draw(noise) if not text.startswith("#"))
        literal = draw(strings)
        return (prologue(draw(st.booleans())) + f"INSERT DATA {{ <urn:a> <urn:b> {literal} }} ; {before}\n"
                + f"LOAD {draw(silent)}{draw(targets)} INTO GRAPH <urn:loaded>")
    call = f"{draw(keywords)} {draw(silent)}{draw(targets)} {{ ?s ?p ?o }}"
    where = body(draw(st.lists(elements, min_size=1, max_size=4)), call, draw(noise))
    return prologue(draw(st.booleans())) + "INSERT { GRAPH <urn:fuzz> { ?s ?p ?o } } WHERE { " + where + " }"


def fill(template: str, allowed: Listener, forbidden: Listener) -> str:
    escaped = forbidden.url[:-1] + f"\\u{ord(forbidden.url[-1]):04X}"
    # Hosts last: FORBIDDEN_HOST is not part of the other names.
    for name, value in (("FORBIDDEN_URL", forbidden.url), ("FORBIDDEN_ESCAPED", escaped), ("ALLOWED_URL", allowed.url),
                        ("FORBIDDEN_HOST", forbidden.host), ("ALLOWED_HOST", allowed.host)):
        template = template.replace(name, value)
    return template


FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(template=queries())
def test_generated_queries_never_reach_a_host_off_the_allow_list(server, listeners, kg, monkeypatch, tmp_path_factory,
                                                                 template: str) -> None:
    allowed, forbidden = listeners
    query, before = fill(template, allowed, forbidden), forbidden.hits
    response = requests.get(server.url + "/sparql", params={"query": query}, timeout=30)
    assert response.status_code in (200, 400), (query, response.status_code, response.text)
    monkeypatch.setenv("ISNAD_SERVICE_ALLOW", allowed.url)
    result = kg("query", query, "--store", _cli_store(tmp_path_factory))
    assert result.exit_code in (0, 1), result.output
    assert forbidden.hits == before, query


@FUZZ
@given(template=updates())
def test_generated_updates_never_reach_a_host_off_the_allow_list(server, listeners, template: str) -> None:
    allowed, forbidden = listeners
    update, before = fill(template, allowed, forbidden), forbidden.hits
    headers = {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"}
    response = requests.post(server.url + "/update", data=update.encode(), headers=headers, timeout=30)
    assert response.status_code in (200, 204, 400), (update, response.status_code, response.text)
    assert forbidden.hits == before, update


_STORES: dict[str, Path] = {}


def _cli_store(factory: pytest.TempPathFactory) -> Path:
    # One small store for every example (hypothesis runs them in one test call).
    if "cli" not in _STORES:
        _STORES["cli"] = factory.mktemp("differential-cli") / "store"
        with GraphStore(_STORES["cli"]) as graph:
            graph.update("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 'o' } }")
    return _STORES["cli"]


def test_the_listener_on_the_allow_list_is_called(server, listeners, kg, monkeypatch, tmp_path_factory) -> None:
    """The harness can see a call: an allowed SERVICE behind escapes and comments does reach its host."""
    allowed, forbidden = listeners
    before, refused = allowed.hits, forbidden.hits
    query = fill(prologue(False) + "SELECT * WHERE { BIND(ex:a\\#b AS ?v) # 'quoted'\n"
                 " BIND('''it\\'s''' AS ?w) SERVICE ok:sparql { ?s ?p ?o } }", allowed, forbidden)
    response = requests.get(server.url + "/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 200, response.text
    monkeypatch.setenv("ISNAD_SERVICE_ALLOW", allowed.url)
    assert kg("query", query, "--store", _cli_store(tmp_path_factory)).exit_code == 0
    assert allowed.hits == before + 2 and forbidden.hits == refused
