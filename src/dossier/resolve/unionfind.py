"""A small union-find over string labels (why not scipy's DisjointSet: labels are added lazily and
the root must be the smallest label, so ids stay deterministic across runs)."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

