"""Inspecting SPARQL before it runs: what a query or update would reach outside the store.

pyoxigraph executes ``SERVICE`` against any URL and ``LOAD`` fetches any URL, with no switch to
turn either off, so every query and update passes through here first. The inspection works on
tokens, not on raw text: IRIs, string literals and comments are whole tokens, so the word
``service`` inside a literal or a comment is never mistaken for the keyword. (rdflib's parser
would do too, but it rejects syntax Oxigraph accepts, such as SPARQL 1.2 triple terms, and it
keeps no positions, which the update rewrite below needs.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kg.errors import QueryError

#: Endpoints every query may call with SERVICE, beside those an operator allows.
DEFAULT_SERVICE_ALLOW = ("https://query.wikidata.org/sparql",)

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<long_string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<punct>[{}()\[\];,])
  | (?P<word>[^\s{}()\[\];,<>"'\#]+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_REACHING_OUT_RE = re.compile(r"service|from", re.IGNORECASE)
_PREFIXED_RE = re.compile(r"^([A-Za-z][\w.-]*)?:(.*)$")
_UCHAR_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*$")


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind, its text and where it starts in the source."""

    kind: str
    text: str
    start: int

    def is_keyword(self, *words: str) -> bool:
        """Whether the token is one of ``words`` (case-insensitive, bare words only)."""
        return self.kind == "word" and self.text.upper() in words


@dataclass
class Inspection:
    """What a query names outside its graph patterns."""

    services: list[str] = field(default_factory=list)
    from_graphs: list[str] = field(default_factory=list)
    from_named_graphs: list[str] = field(default_factory=list)

    @property
    def has_dataset(self) -> bool:
        """Whether the query text declares its own dataset (FROM / FROM NAMED)."""
        return bool(self.from_graphs or self.from_named_graphs)


def tokenize(text: str) -> list[Token]:
    """Split SPARQL text into tokens, dropping whitespace and comments."""
    tokens = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            tokens.append(Token(kind, match.group(), match.start()))
    return tokens


class _Resolver:
    """Turns IRI tokens and prefixed names into absolute IRIs, following PREFIX and BASE."""

    def __init__(self, tokens: list[Token], prefixes: Mapping[str, str]):
        self.prefixes = dict(prefixes)
        self.base: str | None = None
        for i, token in enumerate(tokens[:-1]):
            following = tokens[i + 1]
            if token.is_keyword("BASE") and following.kind == "iri":
                self.base = self._absolute(following.text[1:-1])
            elif token.is_keyword("PREFIX") and i + 2 < len(tokens) and tokens[i + 2].kind == "iri":
                self.prefixes[following.text.rstrip(":")] = self._absolute(tokens[i + 2].text[1:-1])

    def _absolute(self, iri: str) -> str:
        # IRIs may spell characters as \u escapes (SPARQL 1.1, 19.2); compare what the engine will call.
        iri = _UCHAR_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)
        return urljoin(self.base, iri) if self.base else iri

    def resolve(self, token: Token) -> str | None:
        """The IRI a token stands for, or None when it is not an IRI (a variable, a keyword)."""
        if token.kind == "iri":
            return self._absolute(token.text[1:-1])
        match = _PREFIXED_RE.match(token.text) if token.kind == "word" else None
        if match and (match.group(1) or "") in self.prefixes:
            return self.prefixes[match.group(1) or ""] + match.group(2)
        return None


def inspect_query(text: str, prefixes: Mapping[str, str] = {}) -> Inspection:  # noqa: B006 - read only
    """List the SERVICE endpoints and FROM / FROM NAMED graphs a query names.

    Raises:
        QueryError: a SERVICE endpoint is a variable or cannot be resolved to an IRI.
    """
    found = Inspection()
    # Both keywords are bare words, never escaped: a text without either needs no tokenizing
    # (which costs more than evaluating a small query).
    if not _REACHING_OUT_RE.search(text):
        return found
    tokens = tokenize(text)
    resolver = _Resolver(tokens, prefixes)
    for i, token in enumerate(tokens):
        if token.is_keyword("SERVICE"):
            target = _next(tokens, i + 1, skip=("SILENT",))
            iri = resolver.resolve(target) if target else None
            if iri is None:
                shown = target.text if target else "nothing"
                raise QueryError(f"SERVICE {shown} is refused: name the endpoint as an IRI from the allow-list.")
            found.services.append(iri)
        elif token.is_keyword("FROM"):
            target = _next(tokens, i + 1, skip=("NAMED",))
            iri = resolver.resolve(target) if target else None
            named = tokens[i + 1].is_keyword("NAMED") if i + 1 < len(tokens) else False
            if iri is not None:
                (found.from_named_graphs if named else found.from_graphs).append(iri)
    return found


def _next(tokens: list[Token], index: int, skip: tuple[str, ...]) -> Token | None:
    while index < len(tokens) and tokens[index].is_keyword(*skip):
        index += 1
    return tokens[index] if index < len(tokens) else None


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI that can be written between ``<`` and ``>`` as is."""
    return bool(_IRI_RE.match(text))


def allowed_services(configured: str | Iterable[str] = "") -> frozenset[str]:
    """The SERVICE allow-list: Wikidata's endpoint plus the configured endpoints."""
    extra = configured.split() if isinstance(configured, str) else list(configured)
    return frozenset((*DEFAULT_SERVICE_ALLOW, *extra))


def check_query(
    text: str,
    graph_exists: Callable[[str], bool],
    allow: Iterable[str] = DEFAULT_SERVICE_ALLOW,
    prefixes: Mapping[str, str] = {},  # noqa: B006 - read only
) -> Inspection:
    """Refuse a query that would reach outside the store; return what it names otherwise.

    Args:
        text: the SPARQL query.
        graph_exists: whether the store holds a named graph with this IRI.
        allow: SERVICE endpoints the query may call.
        prefixes: prefixes predeclared for every query.

    Raises:
        QueryError: a SERVICE endpoint is not on the allow-list, or a FROM / FROM NAMED graph is
            not in the store.
    """
    found = inspect_query(text, prefixes)
    _check_services(found.services, allow)
    for iri in (*found.from_graphs, *found.from_named_graphs):
        if not graph_exists(iri):
            raise QueryError(
                f"FROM <{iri}> is refused: it is not a graph in this store (graphs are never fetched from the web)."
            )
    return found


def check_update(
    text: str,
    allow: Iterable[str] = DEFAULT_SERVICE_ALLOW,
    prefixes: Mapping[str, str] = {},  # noqa: B006 - read only
) -> None:
    """Refuse an update that would fetch from the web (LOAD, or SERVICE off the allow-list).

    Raises:
        QueryError: the update uses LOAD or calls a SERVICE endpoint not on the allow-list.
    """
    if any(token.is_keyword("LOAD") for token in tokenize(text)):
        raise QueryError("LOAD is refused: this server never fetches data from the web; insert the triples instead.")
    _check_services(inspect_query(text, prefixes).services, allow)


def _check_services(services: list[str], allow: Iterable[str]) -> None:
    allowed = set(allow)
    for iri in services:
        if iri not in allowed:
            raise QueryError(
                f"SERVICE <{iri}> is refused: it is not on the allow-list "
                f"(setting service_allow; allowed: {', '.join(sorted(allowed))})."
            )


def add_using(text: str, using: list[str], using_named: list[str]) -> str:
    """Give every DELETE/INSERT operation of an update the protocol's dataset.

    The SPARQL 1.1 Protocol's ``using-graph-uri`` / ``using-named-graph-uri`` parameters act as
    ``USING`` / ``USING NAMED`` clauses on each operation; Oxigraph takes them only in the text,
    so they are written in before each operation's top-level ``WHERE``.

    Raises:
        QueryError: an operation names its own dataset (USING or WITH) as well, or is a
            ``DELETE WHERE``, which cannot take one (SPARQL 1.1 Protocol, section 2.2.3).
    """
    if not (using or using_named):
        return text
    tokens = tokenize(text)
    if any(token.is_keyword("USING", "WITH") for token in tokens):
        raise QueryError("The update names its dataset (USING or WITH) and the request does too; give only one.")
    clauses = [f"USING <{_checked_iri(g)}>" for g in using]
    clauses += [f"USING NAMED <{_checked_iri(g)}>" for g in using_named]
    clause = " ".join(clauses)
    depth, cuts = 0, []
    for i, token in enumerate(tokens):
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif depth == 0 and token.is_keyword("WHERE"):
            if i > 0 and tokens[i - 1].is_keyword("DELETE"):
                raise QueryError("DELETE WHERE cannot take using-graph-uri; write DELETE { ... } WHERE { ... }.")
            cuts.append(token.start)
    for cut in reversed(cuts):
        text = f"{text[:cut]}{clause} {text[cut:]}"
    return text


def _checked_iri(iri: str) -> str:
    if not is_iri(iri):
        raise QueryError(f"'{iri}' is not an absolute IRI.")
    return iri
