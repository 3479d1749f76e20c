"""A manifest: the user's spreadsheet of what each page is (file name or URL -> published, title,
outlet, author, url), read from CSV, TSV or JSONL.

Users often have the metadata of their pages in a table next to the files (a scraper's export, a
library's records). What the manifest says wins over what the page says about itself: it is the
user's own record. Columns are matched by name, with the usual synonyms ("date",
"publication_date", "publisher", "site", "filename"); unknown columns are ignored.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from dossier.model import Page

log = logging.getLogger(__name__)

FIELDS = ("published", "title", "outlet", "author", "url")
KEY_COLUMNS = ("file", "filename", "file_name", "path", "name", "source")
SYNONYMS = {
    "date": "published",
    "publication_date": "published",
    "published_date": "published",
    "pubdate": "published",
    "publisher": "outlet",
    "site": "outlet",
    "sitename": "outlet",
    "source_name": "outlet",
    "headline": "title",
    "byline": "author",
    "authors": "author",
    "link": "url",
}
MANIFEST_KEY = "manifest"  # Page.declared[MANIFEST_KEY]: which manifest the declared fields came from


@dataclass(frozen=True)
class Manifest:
    """Entries keyed by file name, relative path, file stem and URL (every key an entry was given)."""

    path: str
    entries: tuple[dict[str, str], ...] = ()
    by_key: dict[str, int] = field(default_factory=dict)

    def entry_for(self, page: Page) -> dict[str, str] | None:
        """The entry naming this page: by URL, then path, then file name, then name without extension."""
        for key in _page_keys(page):
            if key in self.by_key:
                return self.entries[self.by_key[key]]
        return None

    def apply(self, page: Page) -> Page:
        """The page with the manifest's fields declared (they win over the container's)."""
        entry = self.entry_for(page)
        if entry is None:
            return page
        fields = {k: v for k, v in entry.items() if k in FIELDS and v}
        if not fields:
            return page
        declared = {**page.declared, **fields, MANIFEST_KEY: f"{Path(self.path).name}: {', '.join(sorted(fields))}"}
        return replace(page, declared=declared)


def _page_keys(page: Page) -> list[str]:
    keys = []
    url = page.declared.get("url")
    if url:
        keys.append(_norm_url(url))
    source = page.source.split("#", 1)[0] if "#" in page.source and not page.source.endswith("#") else page.source
    p = PurePosixPath(source.replace("\\", "/"))
    keys += [str(p), *("/".join(p.parts[i:]) for i in range(1, len(p.parts))), p.name, p.stem]
    return keys


def _norm_url(url: str) -> str:
    """URLs compared without scheme, "www." and a trailing slash (the same page, written two ways)."""
    u = url.strip()
    for prefix in ("https://", "http://"):
        if u.lower().startswith(prefix):
            u = u[len(prefix) :]
    if u.lower().startswith("www."):
        u = u[4:]
    return "url:" + u.rstrip("/")


def _column(name: str) -> str:
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return SYNONYMS.get(key, key)


def _rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV/TSV (header line required) or JSONL file, with normalised column names."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}: line {n} is not JSON: {exc}") from exc
            if not isinstance(item, dict):
                raise ValueError(f"{path}: line {n} is not a JSON object")
            rows.append({_column(k): str(v) for k, v in item.items() if v not in (None, "")})
        return rows
    if path.suffix.lower() == ".tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    return [{_column(k): (v or "").strip() for k, v in row.items() if k} for row in reader]


def load_manifest(path: str | Path) -> Manifest:
    """Read a manifest; raises ValueError with one clear line when it names no page at all."""
    p = Path(path)
    try:
        rows = _rows(p)
    except OSError as exc:
        raise ValueError(f"cannot read manifest {p}: {exc.strerror or exc}") from exc
    entries: list[dict[str, str]] = []
    by_key: dict[str, int] = {}
    for row in rows:
        keys = [row[c] for c in KEY_COLUMNS if row.get(c)]
        if row.get("url"):
            keys.append(_norm_url(row["url"]))
        if not keys:
            continue
        entries.append({k: v for k, v in row.items() if k in FIELDS and v})
        for key in keys:
            k = key if key.startswith("url:") else key.replace("\\", "/").strip().lstrip("./")
            by_key.setdefault(k, len(entries) - 1)
    if not entries:
        raise ValueError(f"manifest {p} names no page: it needs a 'file' (or 'filename', 'path') or 'url' column")
    log.info("manifest %s: %d entries", p, len(entries))
    return Manifest(str(p), tuple(entries), by_key)
