"""Isnad: a knowledge-graph builder for Arabic news.

The public Python API (``kg.api``) is reachable from here: ``kg.open_store``, ``kg.open_dataset``,
``kg.query_frame``, ``kg.extract_text``, ``kg.add_text``. It is imported on first use, so the
``kg`` command does not pay for it.
"""

__version__ = "0.1.0"

_API = ("open_store", "open_dataset", "query_frame", "extract_text", "add_text")
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> object:
    if name in _API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute '{name}'")
