"""Isnad: a knowledge-graph builder for Arabic news."""

__version__ = "0.1.0"
