"""Errors Isnad raises, each with the HTTP status a server would answer with.

Raise where the problem is found; the CLI and the server render them in one place each.
"""

from __future__ import annotations


class IsnadError(Exception):
    """Base class: a problem the user can act on, reported as one line."""

    status = 500


class InputError(IsnadError):
    """An input file or argument is unusable (missing, empty, binary, undecodable)."""

    status = 400


class ExtractionError(IsnadError):
    """The extractor failed on one article."""

    status = 500


class StoreError(IsnadError):
    """The store cannot be opened, read or written."""

    status = 503


class QueryError(IsnadError):
    """A SPARQL query or update is malformed or refused."""

    status = 400


class QueryTimeout(IsnadError):
    """A query ran past the configured time limit and was stopped."""

    status = 503


class NotFound(IsnadError):
    """A named graph, resource or file does not exist."""

    status = 404


class RemoteError(IsnadError):
    """A remote service (the Wikidata API, a SERVICE endpoint) cannot be reached or answered badly."""

    status = 502


class GatewayTimeout(IsnadError):
    """A remote store (``kg serve --upstream``) did not answer within the time limit."""

    status = 504
