"""The tree reads as the flow: stage packages import only from earlier stages, no function is over
80 lines and no module over 600, and every module has its own logger.

Flow (each stage may import from the ones before it, never after):
ingest -> clean -> date -> nlp -> extract -> resolve -> corpus -> store -> executor -> mapstep -> upgrade ->
pipeline -> query ->
(cli, cli_logging, cli_output, web, report, api, annotate_file).
``corpus`` (the declared corpus passes) sits after ``resolve``: its passes read resolved entities,
events and dates and hand a finished corpus to the store; the store only persists it. ``pipeline``
wires the map and the corpus passes to a store, so it comes after ``store``.
``lang``, ``model``, ``pagetext`` (the model's documents with their text held compressed),
``partial_date``, ``config`` and ``plugins`` (the entry-point seam) are shared leaves, importable
from anywhere; they import only each other. The package root
(``dossier/__init__.py``) is a facade and is not checked.

The allowlists below name today's violations. They may only shrink: an entry that no longer
violates fails the test, so fix the code, then delete its line.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "dossier"
FLOW = [
    ("ingest",), ("clean",), ("date",), ("nlp",), ("extract",), ("resolve",), ("corpus",),
    ("store",), ("executor", "executor_dask"), ("mapstep",), ("upgrade",), ("pipeline",), ("query",),
    ("cli", "cli_logging", "cli_output", "web", "report", "api", "annotate_file"),
]
LEAVES = {"lang", "model", "pagetext", "config", "plugins", "budget", "heap", "validate", "partial_date"}
MAX_FUNCTION, MAX_MODULE = 80, 600

# (importer module, imported module) edges that go against the flow today. May only shrink.
IMPORT_ALLOWLIST: set[tuple[str, str]] = set()
# Modules over MAX_MODULE lines today (owners are splitting them). May only shrink.
MODULE_ALLOWLIST: set[str] = set()
# Functions over MAX_FUNCTION lines today, as "module path:qualified name". May only shrink.
FUNCTION_ALLOWLIST: set[str] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(dotted: str) -> bool:
    path = SRC.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or path.is_dir()


def _imports(path: Path) -> set[str]:
    """Every dossier module ``path`` imports, at top level or inside functions."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from dossier.extract import events` imports the module dossier.extract.events
            found |= {f"{target}.{a.name}" for a in node.names if _is_module(f"{target}.{a.name}")}
    return {t for t in found if t == "dossier" or t.startswith("dossier.")}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _rank(stage: str) -> int | None:
    for i, group in enumerate(FLOW):
        if stage in group:
            return i
    return None


def _against_flow(importer: str, imported: str) -> bool:
    a, b = _stage(importer), _stage(imported)
    if a is None or b is None or a == b or b in LEAVES:
        return False
    if a in LEAVES:
        return True  # a leaf imports only leaves
    ra, rb = _rank(a), _rank(b)
    assert ra is not None, f"{importer}: stage {a!r} is not placed in FLOW (add it there)"
    assert rb is not None, f"{imported}: stage {b!r} is not placed in FLOW (add it there)"
    return rb > ra


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_imports_follow_the_flow() -> None:
    edges = {(_module_name(p), t) for p in _sources() for t in _imports(p)}
    against = {e for e in edges if _against_flow(*e)}
    new = sorted(against - IMPORT_ALLOWLIST)
    assert not new, f"imports against the flow {' -> '.join('/'.join(g) for g in FLOW)}: {new}"
    gone = sorted(IMPORT_ALLOWLIST - against)
    assert not gone, f"no longer against the flow, remove from IMPORT_ALLOWLIST: {gone}"


def _long_functions(tree: ast.AST, prefix: str = "") -> set[str]:
    long = set()
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            qual = f"{prefix}{node.name}"
            if not isinstance(node, ast.ClassDef) and (node.end_lineno or 0) - node.lineno + 1 > MAX_FUNCTION:
                long.add(qual)
            long |= _long_functions(node, qual + ".")
        else:
            long |= _long_functions(node, prefix)
    return long


def test_no_long_functions() -> None:
    found = set()
    for p in _sources():
        rel = p.relative_to(SRC).as_posix()
        found |= {f"{rel}:{q}" for q in _long_functions(ast.parse(p.read_text(encoding="utf-8")))}
    new = sorted(found - FUNCTION_ALLOWLIST)
    assert not new, f"functions over {MAX_FUNCTION} lines (split them): {new}"
    gone = sorted(FUNCTION_ALLOWLIST - found)
    assert not gone, f"now short enough or gone, remove from FUNCTION_ALLOWLIST: {gone}"


def test_no_long_modules() -> None:
    found = {p.relative_to(SRC).as_posix() for p in _sources()
             if len(p.read_text(encoding="utf-8").splitlines()) > MAX_MODULE}
    new = sorted(found - MODULE_ALLOWLIST)
    assert not new, f"modules over {MAX_MODULE} lines (split them): {new}"
    gone = sorted(MODULE_ALLOWLIST - found)
    assert not gone, f"now short enough or gone, remove from MODULE_ALLOWLIST: {gone}"


def test_every_module_has_a_logger() -> None:
    """Failures are logged, not silent: each module with code names its own module logger."""
    missing = []
    for p in _sources():
        tree = ast.parse(p.read_text(encoding="utf-8"))
        has_code = any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in tree.body)
        if has_code and not any(_is_module_logger(n) for n in tree.body):
            missing.append(p.relative_to(SRC).as_posix())
    assert not missing, f"add `logger = logging.getLogger(__name__)` to: {missing}"


def _is_module_logger(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
            and ast.unparse(node.value) == "logging.getLogger(__name__)")


def test_the_checks_can_fail() -> None:
    """The graph check sees a backward edge and an in-function import; the size check a long def."""
    assert _against_flow("dossier.clean.flat", "dossier.extract.events")
    assert not _against_flow("dossier.extract.events", "dossier.clean.flat")
    assert not _against_flow("dossier.clean.flat", "dossier.model")
    assert _against_flow("dossier.model", "dossier.clean")
    body = "\n".join(["def f():", "    def g():", "        import dossier.web"]
                     + ["        x = 1"] * MAX_FUNCTION)
    assert _long_functions(ast.parse(body)) == {"f", "f.g"}
    assert _is_module_logger(ast.parse("log = logging.getLogger(__name__)").body[0])
    assert not _is_module_logger(ast.parse("log = logging.getLogger('x')").body[0])
