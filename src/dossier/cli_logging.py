"""Logging for the `dossier` command: warnings by default, every stage's debug log with --verbose.

Kept beside ``cli`` (not in it) so the command module stays a thin argument layer.
"""

from __future__ import annotations

import logging
import sys

import typer

logger = logging.getLogger(__name__)

VerboseOpt = typer.Option(False, "--verbose", "-v", help="Log what each stage does (to stderr).")


def verbose_option(verbose: bool = VerboseOpt) -> None:
    """The app callback: runs before any command and sets the level of the ``dossier`` loggers."""
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("dossier").setLevel(logging.DEBUG if verbose else logging.WARNING)
