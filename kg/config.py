"""Every setting Isnad reads, as ``(name, default, help)`` rows shared by the CLI and the server.

A setting's value comes from, in order: the command-line option, the environment variable
``ISNAD_<NAME>``, the default here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One configurable value."""

    name: str
    default: object
    help: str


SETTINGS = [
    Setting("store", None, "Store directory (default: $ISNAD_STORE, else ~/.local/share/isnad/store)."),
    Setting("host", "127.0.0.1", "Interface the server listens on."),
    Setting("port", 5000, "Port the server listens on."),
    Setting("base", "https://w3id.org/isnad/id/", "IRI prefix of minted resources, served under /id/."),
    Setting("query_timeout", 30.0, "Seconds a SPARQL query may run before it is stopped."),
    Setting("max_rows", 1000, "Most result rows an HTML view shows."),
    Setting("max_request_bytes", 1_000_000, "Largest request body the server accepts."),
    Setting("body_timeout", 10.0, "Seconds a request body may stall before the request is refused (408)."),
    Setting("header_timeout", 10.0, "Seconds a client may take to send a request line and headers before "
            "the connection is closed (408)."),
    Setting("client_connections", 100, "Connections one client address may hold open at once (0: no cap); "
            "more are refused (429)."),
    Setting("workers", 0, "Server processes, each answering queries on its threads (0: two per core; "
            "a read-write server runs one)."),
    Setting("service_allow", "", "Space-separated SERVICE endpoints queries may call (plus Wikidata's)."),
    Setting("upstream", "", "SPARQL 1.1 query endpoint of a remote store to serve instead of the embedded store "
            "(read-only)."),
    Setting("upstream_store", "", "Graph Store Protocol endpoint of that store, for dumps (else they are queried)."),
    Setting("upstream_header", "", "Headers sent to the upstream store, 'Name: value', one per line (the option "
            "can be repeated)."),
    Setting("allow_update", False, "Accept SPARQL updates at /update (needs ISNAD_UPDATE_TOKEN)."),
    Setting("update_token", None, "Bearer token /update requires; only from the environment, never an option."),
    Setting("bulk_batch_quads", 100_000, "Quads a bulk build (kg build --bulk) loads at a time; a crash sends at "
            "most one batch back to the rerun."),
    Setting("wikidata_api", "https://www.wikidata.org/w/api.php", "Wikidata action API that 'kg link --online' asks."),
    Setting("wikidata_timeout", 20.0, "Seconds to wait for each Wikidata API answer."),
]

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def get(name: str) -> object:
    """A setting's value from the environment (``ISNAD_<NAME>``) or its default, typed like the default."""
    setting = _BY_NAME[name]
    raw = os.environ.get(f"ISNAD_{name.upper()}")
    if raw is None or setting.default is None:
        return raw if raw is not None else setting.default
    if isinstance(setting.default, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return type(setting.default)(raw)


def usable_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
