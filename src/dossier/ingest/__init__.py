"""Ingest: turn files, folders, JSONL and WARC archives into ``Page`` objects (or ``Skipped``).

This is the I/O edge of the pipeline. It never decodes or cleans: it keeps the raw bytes (so the
document id is a hash of what was on disk) and the metadata the container declared. Bad input never
raises: it becomes one ``Skipped(source, reason)`` with one clear line, so a batch of a thousand
files is not stopped by one broken page.
"""

from __future__ import annotations

from dossier.ingest.read import MAX_BYTES, display_path, doc_id, read_inputs, short_reason

__all__ = ["MAX_BYTES", "display_path", "doc_id", "read_inputs", "short_reason"]
