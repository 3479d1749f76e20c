"""spaCy builds a new Token/Span object on every access, so `a is b` between parse objects is almost
always False: a walk such as `while gov.head is not gov` never stops at the root (it hung the build).
Compare parse positions (`tok.i`) instead. This test reads every module of src/ that touches spaCy."""
from __future__ import annotations

import ast
from pathlib import Path

import spacy

SRC = Path(__file__).resolve().parents[2] / "src" / "dossier"
# Names and attributes that hold spaCy tokens or spans in this code base.
PARSE_NAMES = {"tok", "token", "gov", "cur", "trig", "child", "verb", "clause", "inner", "skip", "subj",
               "head", "root", "ent", "span", "sent", "word", "node", "anc", "pred", "obj"}
PARSE_ATTRS = {"head", "root", "doc", "sent", "left_edge", "right_edge"}


def _parse_like(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in PARSE_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr in PARSE_ATTRS or _parse_like(node.value) and node.attr in PARSE_ATTRS
    if isinstance(node, ast.Subscript):
        return _parse_like(node.value)
    return False


def identity_comparisons(source: str) -> list[tuple[int, str]]:
    """(line, code) of every `is` / `is not` between two parse-like operands (None is fine)."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            if isinstance(op, (ast.Is, ast.IsNot)) and not isinstance(right, ast.Constant):
                if _parse_like(left) or _parse_like(right):
                    hits.append((node.lineno, ast.unparse(node)))
            left = right
    return hits


def test_no_identity_comparison_of_parse_objects() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if "spacy" not in text:
            continue
        found += [f"{path.relative_to(SRC)}:{line}: {code}" for line, code in identity_comparisons(text)]
    assert not found, "compare spaCy tokens by .i, not identity:\n" + "\n".join(found)


def test_the_check_catches_the_old_loop() -> None:
    assert identity_comparisons("while gov.head is not gov:\n    gov = gov.head\n")
    assert identity_comparisons("x = tok.head is tok\n")
    assert not identity_comparisons("x = tok is None\n")


def test_spacy_really_makes_new_token_objects() -> None:
    """Why the rule exists: if spaCy ever caches tokens this test tells us the rule can relax."""
    doc = spacy.blank("en")("one two")
    assert doc[0] is not doc[0]
