"""The two calls of Wikidata's action API that ``kg link --online`` makes, over ``urllib``.

``wbsearchentities`` finds items by label, ``wbgetentities`` reads their claims. HTTP is the
standard library's (no dependency for an optional feature) with a timeout and a User-Agent that
says who is asking, and ``maxlag``, as Wikimedia's API etiquette asks. Every failure - no
network, a name that does not resolve, no answer in time, an HTTP error, an API error - is one
``RemoteError`` line.
"""

from __future__ import annotations

import json
import platform
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from importlib.metadata import version

from kg.errors import RemoteError

USER_AGENT = (
    f"Isnad/{version('isnad')} (Arabic-news knowledge graph; https://w3id.org/isnad; kg link --online) "
    f"Python-urllib/{platform.python_version()}"
)

#: Hits asked of wbsearchentities per label.
SEARCH_LIMIT = 7

QID_RE = re.compile(r"^Q[1-9][0-9]*$")


class WikidataClient:
    """The two calls of Wikidata's action API that reconciling needs, each answer asked for once.

    Args:
        api_url: the ``api.php`` endpoint (``wikidata_api`` setting; tests use a local replay).
        timeout: seconds to wait for each answer.

    Raises:
        RemoteError: (from each call) the API cannot be reached or does not answer with JSON.
    """

    def __init__(self, api_url: str, timeout: float = 20.0):
        self.api_url = api_url
        self.timeout = timeout
        self._searches: dict[str, list[dict]] = {}
        self._claims: dict[str, dict | None] = {}  #: QID -> its claims, None for a missing item

    def search(self, label: str) -> list[dict]:
        """Items whose Arabic label or alias starts with ``label``, best first."""
        if label not in self._searches:
            answer = self._get(
                action="wbsearchentities", search=label, language="ar", uselang="ar",
                strictlanguage="1", type="item", limit=str(SEARCH_LIMIT),
            )
            self._searches[label] = answer.get("search", [])
        return self._searches[label]

    def claims(self, qids: Iterable[str], prop: str) -> dict[str, list[str]]:
        """The item values of property ``prop`` for each QID (missing items get no entry)."""
        wanted = set(qids)
        unknown = sorted(wanted - self._claims.keys())
        for start in range(0, len(unknown), 50):  # the API's limit per request
            batch = unknown[start : start + 50]
            entities = self._get(action="wbgetentities", ids="|".join(batch), props="claims").get("entities", {})
            for qid in batch:
                entity = entities.get(qid, {"missing": ""})
                self._claims[qid] = None if "missing" in entity else entity.get("claims", {})
        return {
            qid: _item_values(claims.get(prop, []))
            for qid in wanted
            if (claims := self._claims[qid]) is not None
        }

    def _get(self, **params: str) -> dict:
        # maxlag asks the API to refuse politely when its replicas lag, per Wikimedia's etiquette.
        query = urllib.parse.urlencode({**params, "format": "json", "maxlag": "5"})
        request = urllib.request.Request(f"{self.api_url}?{query}", headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"The Wikidata API at {self.api_url} answered HTTP {exc.code}; retry later.") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RemoteError(
                f"Cannot reach the Wikidata API at {self.api_url} ({_describe(reason)}); "
                "check the network connection, or set ISNAD_WIKIDATA_API."
            ) from None
        try:
            answer = json.loads(body)
        except ValueError:
            raise RemoteError(f"The Wikidata API at {self.api_url} did not answer with JSON.") from None
        if "error" in answer:
            error = answer["error"]
            raise RemoteError(f"The Wikidata API refused the request: {error.get('code')}: {error.get('info')}")
        return answer


def _item_values(statements: list[dict]) -> list[str]:
    """The item QIDs of a property's statements, deprecated ones left out."""
    values = []
    for statement in statements:
        if statement.get("rank") == "deprecated":
            continue
        value = statement.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("id"):
            values.append(value["id"])
    return values


def _describe(reason: object) -> str:
    """A short, human reason for a failed connection."""
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "no answer before the timeout"
    return " ".join(str(reason).split())
