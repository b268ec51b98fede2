"""``python -m kg`` runs the CLI."""

from kg.cli import cli

cli(prog_name="kg")
