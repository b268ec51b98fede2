"""Inspecting SPARQL before it runs: what a query or update would reach outside the store.

pyoxigraph executes ``SERVICE`` against any URL and ``LOAD`` fetches any URL, with no switch to
turn either off, so every query and update passes through here first. The check fails closed by
construction rather than by lexing SPARQL perfectly:

- SPARQL keywords cannot be escaped, so a text that contains neither ``service`` nor ``load`` in
  any letter case (read as written, and with its ``\\u``/``\\U`` escapes decoded as SPARQL 1.1
  section 19.2 says) cannot call out, and needs nothing more.
- Any other text is parsed by a full SPARQL parser (rdflib's), and every SERVICE endpoint and
  LOAD in its tree is checked. A text that parser cannot read is refused.
- The keywords are also counted on this module's own tokens, which follow Oxigraph's lexing
  (escapes inside strings and IRIs only); when the two readings disagree the text is refused.
  A call gets through only if two independent parsers both miss it.

Before any parsing, bracket nesting and punctuation are bounded (``check_shape``): Oxigraph's
recursive parser overflows its thread's stack on deep input (``kg.stack``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

from pyparsing import ParseResults
from rdflib.plugins.sparql import algebra, parser
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef

from kg.errors import QueryError

#: Endpoints every query may call with SERVICE, beside those an operator allows.
DEFAULT_SERVICE_ALLOW = ("https://query.wikidata.org/sparql",)
#: Deepest nesting of brackets (``( { [`` and ``<<``) a query or update may have.
MAX_NESTING = 400
#: Most ASCII punctuation characters a query or update may hold. Every construct that deepens
#: Oxigraph's trees without brackets (``! - +``, ``&& ||``, ``.``, ``;``, UNION's braces ...) is
#: written with one or more, so this bounds the depth the stack of ``kg.stack`` must hold.
MAX_OPERATORS = 100_000

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<long_string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<punct><<\(?|\)>>|>>|[{}()\[\];,])
  | (?P<word>(?:[^\s{}()\[\];,<>"'\#\\]|\\.)+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_OPENING = frozenset(("{", "(", "[", "<<", "<<("))
_CLOSING = frozenset(("}", ")", "]", ">>", ")>>"))
_PUNCTUATION_RE = re.compile(r"[!-/:-@\[-`{-~]")
_CALL_WORD_RE = re.compile("service|load")
_FROM_RE = re.compile("from", re.IGNORECASE)
_PREFIXED_RE = re.compile(r"^([A-Za-z][\w.-]*)?:(.*)$")
_UCHAR_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^<>\"{}|^`\\\x00-\x20]*$")
# rdflib's grammar objects are shared module state; pyparsing does not promise thread safety.
_PARSER_LOCK = threading.Lock()


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

    from_graphs: list[str] = field(default_factory=list)
    from_named_graphs: list[str] = field(default_factory=list)

    @property
    def has_dataset(self) -> bool:
        """Whether the query text declares its own dataset (FROM / FROM NAMED)."""
        return bool(self.from_graphs or self.from_named_graphs)


@dataclass(frozen=True)
class OutsideCalls:
    """The SERVICE endpoints (None for a variable) and the number of LOADs in a text."""

    services: tuple[str | None, ...] = ()
    loads: int = 0


def tokenize(text: str) -> list[Token]:
    """Split SPARQL text into tokens, dropping whitespace and comments."""
    return list(iter_tokens(text))


def iter_tokens(text: str) -> Iterator[Token]:
    """``tokenize`` as the tokens are found (for readers of a query's head only)."""
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), match.start())


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
        iri = _UCHAR_RE.sub(_decode_uchar, iri)
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
    """List the FROM / FROM NAMED graphs a query names (its own dataset)."""
    found = Inspection()
    # The keyword is a bare word, never escaped: a text without it needs no tokenizing (which
    # costs more than evaluating a small query).
    if not _FROM_RE.search(text):
        return found
    tokens = tokenize(text)
    resolver = _Resolver(tokens, prefixes)
    for i, token in enumerate(tokens):
        if token.is_keyword("FROM"):
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


def check_shape(text: str) -> None:
    """Refuse a text nested deeper than ``MAX_NESTING`` or with more than ``MAX_OPERATORS`` punctuation.

    Raises:
        QueryError: one line naming the limit.
    """
    if len(text) > MAX_OPERATORS and (operators := len(_PUNCTUATION_RE.findall(text))) > MAX_OPERATORS:
        raise QueryError(
            f"Refused: the text has {operators:,} punctuation characters; the limit is {MAX_OPERATORS:,}."
        )
    # No deeper than the number of opening characters: most texts need no tokenizing.
    if sum(text.count(c) for c in "({[<") <= MAX_NESTING:
        return
    depth = 0
    for token in tokenize(text):
        if token.kind != "punct":
            continue
        depth += (token.text in _OPENING) - (token.text in _CLOSING)
        if depth > MAX_NESTING:
            raise QueryError(f"Refused: brackets nest deeper than {MAX_NESTING} levels (at character {token.start}).")


def outside_calls(
    text: str,
    prefixes: Mapping[str, str] = {},  # noqa: B006 - read only
    base_iri: str | None = None,
    update: bool = False,
) -> OutsideCalls:
    """The SERVICE endpoints and LOADs of a query (or, with ``update``, an update).

    Raises:
        QueryError: the text mentions ``service`` or ``load`` and rdflib's parser cannot read it,
            or its reading and this module's tokens disagree on how many calls there are.
    """
    decoded = _UCHAR_RE.sub(_decode_uchar, text)
    if not (_CALL_WORD_RE.search(text.casefold()) or _CALL_WORD_RE.search(decoded.casefold())):
        return OutsideCalls()
    calls = _parsed_calls(text, prefixes, base_iri, update)
    tokens = tokenize(text)
    counted = (sum(t.is_keyword("SERVICE") for t in tokens), sum(t.is_keyword("LOAD") for t in tokens))
    if counted != (len(calls.services), calls.loads):
        raise QueryError(
            "Refused: the guard's two readings of this text disagree on its SERVICE and LOAD calls; "
            "write it without escapes in prefixed names."
        )
    return calls


def _parsed_calls(text: str, prefixes: Mapping[str, str], base_iri: str | None, update: bool) -> OutsideCalls:
    try:
        with _PARSER_LOCK:
            if update:
                roots = algebra.translateUpdate(parser.parseUpdate(text), base_iri, dict(prefixes)).algebra
            else:
                roots = [algebra.translateQuery(parser.parseQuery(text), base_iri, dict(prefixes)).algebra]
    except RecursionError:
        raise QueryError("Refused: it calls SERVICE or LOAD nested too deeply for the guard to check.") from None
    except Exception as exc:  # noqa: BLE001 - whatever the checking parser cannot read is refused
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise QueryError(f"Refused: it mentions SERVICE or LOAD and the guard's parser cannot read it: {reason}") \
            from None
    services: list[str | None] = []
    loads, seen, pending = 0, set(), list(roots)
    while pending:
        node = pending.pop()
        if isinstance(node, str) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                services.append(str(node.term) if isinstance(node.term, URIRef) else None)
            loads += node.name == "Load"
        if isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list | tuple | set | frozenset | ParseResults):
            pending.extend(node)
    return OutsideCalls(tuple(services), loads)


def _decode_uchar(match: re.Match[str]) -> str:
    return chr(int(match.group(1) or match.group(2), 16))


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
    base_iri: str | None = None,
) -> Inspection:
    """Refuse a query that would reach outside the store; return what it names otherwise.

    Args:
        text: the SPARQL query.
        graph_exists: whether the store holds a named graph with this IRI.
        allow: SERVICE endpoints the query may call.
        prefixes: prefixes predeclared for every query.
        base_iri: the IRI relative IRIs resolve against (as the engine is told).

    Raises:
        QueryError: the query is too deep (``check_shape``), calls a SERVICE endpoint not on the
            allow-list (or one the guard cannot read), or names a FROM / FROM NAMED graph that is
            not in the store.
    """
    check_shape(text)
    _check_services(outside_calls(text, prefixes, base_iri).services, allow)
    found = inspect_query(text, prefixes)
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
    base_iri: str | None = None,
) -> None:
    """Refuse an update that would fetch from the web (LOAD, or SERVICE off the allow-list).

    Raises:
        QueryError: the update is too deep, uses LOAD, or calls a SERVICE endpoint not on the
            allow-list (or one the guard cannot read).
    """
    check_shape(text)
    calls = outside_calls(text, prefixes, base_iri, update=True)
    if calls.loads:
        raise QueryError("LOAD is refused: this server never fetches data from the web; insert the triples instead.")
    _check_services(calls.services, allow)


def _check_services(services: Iterable[str | None], allow: Iterable[str]) -> None:
    allowed = set(allow)
    for iri in services:
        if iri is None:
            raise QueryError("SERVICE ?variable is refused: name the endpoint as an IRI from the allow-list.")
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
