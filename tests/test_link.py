"""kg link: online reconciling against a local replay of Wikidata's API, and applying reviews."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from kg import rdf
from kg.model import Article, Entity
from kg.store import GraphStore
from tests.conftest import DATA

RECORDINGS = DATA / "wikidata"
TEXT_ONE, TEXT_TWO = "المقال الأول", "المقال الثاني"
GRAPH_ONE, GRAPH_TWO = str(rdf.article_iri(TEXT_ONE)), str(rdf.article_iri(TEXT_TWO))

#: The entities of the two test articles, by key: (type, Arabic label, verified QID or None).
ARTICLE_ONE = {
    "person/mohammed-shia-al-sudani": ("Person", "محمد شياع السوداني", None),
    "country/united-states": ("Country", "الولايات المتحدة", None),
    "country/baghdad": ("Country", "بغداد", None),
    "place/baghdad": ("Place", "بغداد", None),
    "person/fulan": ("Person", "فلان الفلاني", None),
    "organization/isis": ("Organization", "داعش", "Q2429253"),
    "dialogue/strategic-dialogue": ("Dialogue", "الحوار الاستراتيجي", None),
}
ARTICLE_TWO = {
    "country/united-states": ("Country", "الولايات المتحدة", None),
    "force/pmf": ("Force", "الحشد الشعبي", None),
    "country/uae": ("Country", "الامارات", None),
    "place/kurdistan": ("Place", "كردستان", None),
    "person/us-defense-official": ("Person", "مسؤول دفاعي أميركي", None),
}


class Replay:
    """Answers API requests from the recorded files and remembers every request."""

    def __init__(self, folder: Path):
        records = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]
        self.searches = {
            (r["request"]["search"], r["request"]["language"]): r["response"]
            for r in records
            if r["request"]["action"] == "wbsearchentities"
        }
        self.entities = {}
        for r in records:
            if r["request"]["action"] == "wbgetentities":
                self.entities.update(r["response"]["entities"])
        self.requests: list[tuple[dict[str, str], dict[str, str]]] = []

    def answer(self, params: dict[str, str]) -> dict:
        if params.get("action") == "wbsearchentities":
            empty = {"searchinfo": {"search": params["search"]}, "search": [], "success": 1}
            return self.searches.get((params["search"], params["language"]), empty)
        if params.get("action") == "wbgetentities":
            ids = params["ids"].split("|")
            return {
                "entities": {qid: self.entities.get(qid, {"id": qid, "missing": ""}) for qid in ids},
                "success": 1,
            }
        return {"error": {"code": "badvalue", "info": f"Unrecognized value for parameter \"action\": {params}"}}

    def searched(self) -> list[str]:
        return [params["search"] for params, _ in self.requests if params.get("action") == "wbsearchentities"]


def _handler(replay: Replay) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            params = dict(parse_qsl(urlsplit(self.path).query))
            replay.requests.append((params, dict(self.headers)))
            body = json.dumps(replay.answer(params), ensure_ascii=False).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def replay() -> Iterator[tuple[Replay, str]]:
    """A replay of Wikidata's API on 127.0.0.1 (free port) in a thread; yields it and its api.php URL."""
    recorded = Replay(RECORDINGS)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(recorded))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield recorded, f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _article(text: str, entities: dict[str, tuple[str, str, str | None]]) -> Article:
    article = Article(source=f"{text}.txt", text=text)
    for key, (type_name, label, qid) in entities.items():
        article.entities[key] = Entity(key=key, type=type_name, label_ar=label, wikidata=qid)
    return article


@pytest.fixture
def link_store(store_path: Path) -> Path:
    """A real store holding two article graphs with linked and unlinked entities."""
    with GraphStore(store_path) as store:
        store.replace_graphs(
            rdf.article_graph(_article(text, entities))[1]
            for text, entities in ((TEXT_ONE, ARTICLE_ONE), (TEXT_TWO, ARTICLE_TWO))
        )
    return store_path


def _iri(key: str) -> str:
    return str(rdf.entity_iri(key))


def _links(kg, store: Path) -> set[tuple[str, str, str]]:
    """(article graph, entity, item) of every skos:exactMatch in an article graph."""
    result = kg(
        "query", "SELECT ?g ?e ?item WHERE { GRAPH ?g { ?g a isnad:Article . ?e skos:exactMatch ?item } }",
        "--store", store, "--format", "csv",
    )
    assert result.exit_code == 0, result.output
    return {tuple(line.split(",")) for line in result.stdout.splitlines()[1:] if line.strip()}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def review(kg, link_store: Path, replay, tmp_path: Path) -> Path:
    """The review file ``kg link --online`` writes for the test store."""
    out = tmp_path / "review.jsonl"
    result = kg("link", "--online", "--store", link_store, "--api", replay[1], "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_online_writes_scored_candidates_for_review(kg, link_store, replay, tmp_path):
    out = tmp_path / "review.jsonl"
    result = kg("link", "--online", "--store", link_store, "--api", replay[1], "-o", out)
    assert result.exit_code == 0, result.output
    assert "Looked up 9 unlinked entities: 8 candidates for 7 entities (1 ambiguous)" in result.output
    rows = {(row["entity"], row["qid"]): row for row in _rows(out)}
    sudani = rows[(_iri("person/mohammed-shia-al-sudani"), "Q3700793")]
    assert (sudani["score"], sudani["match"], sudani["ambiguous"], sudani["accept"]) == (1.0, "label", False, False)
    assert sudani["instance_of"] == ["Q5"] and sudani["wikidata_label"] == "محمد شياع السوداني"
    assert rows[(_iri("country/united-states"), "Q30")]["score"] == 1.0
    pmf = rows[(_iri("force/pmf"), "Q19610107")]
    assert (pmf["match"], pmf["score"]) == ("alias", 0.9)
    # Spelling differences (hamza on the alef, diacritics, ta marbuta) do not make a match partial.
    uae = rows[(_iri("country/uae"), "Q878")]
    assert (uae["match"], uae["score"], uae["ambiguous"]) == ("alias", 0.9, False)
    # A hit that only starts with the label scores low, in proportion to how much of it matched.
    kurdistan = rows[(_iri("place/kurdistan"), "Q205047")]
    assert (kurdistan["match"], kurdistan["score"]) == ("partial", 0.25)
    # The store is unchanged: candidates go to the review file, never straight into the graph.
    assert _links(kg, link_store) == {(GRAPH_ONE, _iri("organization/isis"), str(rdf.WD.Q2429253))}


def test_online_searches_arabic_labels_of_unlinked_entities_only(review, replay):
    recorded, _ = replay
    # Each label once (بغداد names a Country and a Place); not داعش (already linked) nor the
    # dialogue (a type without a constraint).
    assert sorted(recorded.searched()) == sorted(
        {label for _, label, _ in (*ARTICLE_ONE.values(), *ARTICLE_TWO.values())} - {"داعش", "الحوار الاستراتيجي"}
    )
    searches = [params for params, _ in recorded.requests if params["action"] == "wbsearchentities"]
    assert all(params["language"] == "ar" and params["strictlanguage"] == "1" for params in searches)
    assert all(headers["User-Agent"].startswith("Isnad/") for _, headers in recorded.requests)


def test_type_constraint_rejects_wrong_type_hits(review):
    rows = _rows(review)
    # بغداد the city fits a Place (capital city -> city, one subclass step up) but not a Country.
    assert [row["qid"] for row in rows if row["entity"] == _iri("place/baghdad")] == ["Q1530"]
    assert not [row for row in rows if row["entity"] == _iri("country/baghdad")]
    # A film of the same name is no person.
    assert "Q15397819" not in {row["qid"] for row in rows}


def test_online_summary_counts_rejected_hits(kg, link_store, replay, tmp_path):
    result = kg("link", "--online", "--store", link_store, "--api", replay[1], "-o", tmp_path / "r.jsonl")
    assert "2 hits of the wrong type rejected" in result.output


def test_same_name_people_are_flagged_ambiguous_and_share_the_score(review):
    fulan = [row for row in _rows(review) if row["entity"] == _iri("person/fulan")]
    assert sorted(row["qid"] for row in fulan) == ["Q13406268", "Q4115189"]
    assert all(row["ambiguous"] and row["score"] == 0.5 and not row["accept"] for row in fulan)


def test_accept_applies_only_accepted_rows_in_every_graph_of_the_entity(kg, link_store, review):
    rows = _rows(review)
    for row in rows:
        row["accept"] = row["qid"] in ("Q3700793", "Q30")
    review.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    result = kg("link", "--accept", review, "--store", link_store)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Linked 2 of 2 accepted entities (3 skos:exactMatch triples)."
    assert _links(kg, link_store) == {
        (GRAPH_ONE, _iri("organization/isis"), str(rdf.WD.Q2429253)),
        (GRAPH_ONE, _iri("person/mohammed-shia-al-sudani"), str(rdf.WD.Q3700793)),
        (GRAPH_ONE, _iri("country/united-states"), str(rdf.WD.Q30)),
        (GRAPH_TWO, _iri("country/united-states"), str(rdf.WD.Q30)),
    }


def test_linked_entities_are_not_looked_up_again(kg, link_store, review, replay, tmp_path):
    rows = [dict(row, accept=row["qid"] == "Q3700793") for row in _rows(review)]
    review.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    assert kg("link", "--accept", review, "--store", link_store).exit_code == 0
    result = kg("link", "--online", "--store", link_store, "--api", replay[1], "-o", tmp_path / "again.jsonl")
    assert "Looked up 8 unlinked entities" in result.output


def test_accept_keeps_an_existing_different_link(kg, link_store, tmp_path):
    review = tmp_path / "review.jsonl"
    rows = [{"entity": _iri("organization/isis"), "qid": "Q796", "accept": True}]
    review.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = kg("link", "--accept", review, "--store", link_store)
    assert result.exit_code == 0, result.output
    assert "1 already linked to another item" in result.output
    assert {item for _, e, item in _links(kg, link_store) if e == _iri("organization/isis")} == {str(rdf.WD.Q2429253)}


PERSON_X = "https://w3id.org/isnad/id/person/x"


@pytest.mark.parametrize(
    "rows, message",
    [
        ([{"entity": PERSON_X, "qid": "Q5"}], "review.jsonl:1: not a review row"),
        (["not a JSON object"], "review.jsonl:1: not a review row"),
        ([{"entity": PERSON_X, "qid": "Q5", "accept": "yes"}], '"accept" must be true or false'),
        ([{"entity": PERSON_X, "qid": "5", "accept": True}], '"5" is not a Wikidata QID'),
        (
            [{"entity": PERSON_X, "qid": "Q5", "accept": True}, {"entity": PERSON_X, "qid": "Q6", "accept": True}],
            f"review.jsonl:2: {PERSON_X} is accepted as both Q5 (line 1) and Q6",
        ),
        ([{"entity": "not an iri", "qid": "Q5", "accept": True}], "'not an iri' is not a valid IRI"),
    ],
)
def test_bad_review_file_is_one_line_and_changes_nothing(kg, link_store, tmp_path, rows, message):
    review = tmp_path / "review.jsonl"
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    review.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    before = _links(kg, link_store)
    result = kg("link", "--accept", review, "--store", link_store)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert _links(kg, link_store) == before


def _refused_url() -> str:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/w/api.php"


@pytest.mark.parametrize(
    "url, reason",
    [(_refused_url(), "connection refused"), ("http://wikidata.invalid/w/api.php", "the host name does not resolve")],
)
def test_offline_is_one_line_and_non_zero(kg, link_store, tmp_path, url, reason):
    out = tmp_path / "review.jsonl"
    result = kg("link", "--online", "--store", link_store, "--api", url, "-o", out)
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: Cannot reach the Wikidata API at {url} ({reason}); "
        "check the network connection, or set ISNAD_WIKIDATA_API."
    )
    assert not out.exists()


def test_silent_api_times_out_with_one_line(kg, link_store, tmp_path, monkeypatch):
    monkeypatch.setenv("ISNAD_WIKIDATA_TIMEOUT", "0.5")
    with socket.socket() as silent:  # accepts connections (backlog) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/w/api.php"
        result = kg("link", "--online", "--store", link_store, "--api", url, "-o", tmp_path / "r.jsonl")
    assert result.exit_code == 1
    assert "(no answer before the timeout)" in result.output and len(result.output.strip().splitlines()) == 1


def test_api_error_answer_is_one_line(kg, link_store, tmp_path, replay):
    recorded, url = replay
    recorded.searches.clear()
    recorded.answer = lambda params: {"error": {"code": "maxlag", "info": "Waiting for a replica: 6 seconds lagged."}}
    result = kg("link", "--online", "--store", link_store, "--api", url, "-o", tmp_path / "r.jsonl")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: The Wikidata API refused the request: maxlag: Waiting for a replica: 6 seconds lagged."
    )


def test_link_needs_exactly_one_mode(kg, link_store, tmp_path):
    for args in ([], ["--online", "--accept", tmp_path / "r.jsonl"]):
        result = kg("link", "--store", link_store, *args)
        assert result.exit_code == 1
        assert "Give either --online" in result.output
