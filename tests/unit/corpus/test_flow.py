"""The corpus step sits where the flow says: it reads the stages before it and nothing after it,
and the dating stage no longer reaches forward into extract (re-dating moved into corpus/)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[3] / "src" / "dossier"


def _imported_packages(package: str) -> set[str]:
    """Stage packages of ``dossier`` that modules of ``package`` import (top level or in functions)."""
    found: set[str] = set()
    for path in (SRC / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            found |= {n.split(".")[1] for n in names if n.startswith("dossier.") and n.count(".") >= 1}
    return found - {package}


def test_corpus_imports_only_earlier_stages():
    later = {"store", "query", "web", "report", "cli", "api", "pipeline"}
    assert not _imported_packages("corpus") & later


def test_dating_does_not_import_extract_or_corpus():
    assert not _imported_packages("date") & {"extract", "corpus", "resolve"}
