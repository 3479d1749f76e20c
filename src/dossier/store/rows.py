"""Row encodings shared by every backend, so SQLite and PostgreSQL store the same JSON for an object."""

from __future__ import annotations

import json
import logging
from typing import Any

from dossier.model import PublicationDate, to_dict

logger = logging.getLogger(__name__)


def dumps(obj: Any) -> str:
    """A model object as compact JSON (the stored form of documents, annotations and corpus rows)."""
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


def updated_document(
    data: dict[str, Any],
    doc_id: str,
    dates: dict[str, PublicationDate],
    duplicates: dict[str, str | None],
) -> dict[str, Any]:
    """A stored document's JSON after the reduce step re-dated it or (un)marked it a duplicate."""
    data = dict(data)
    if doc_id in dates:
        data["published"] = to_dict(dates[doc_id])
    if doc_id in duplicates:
        data["duplicate_of"] = duplicates[doc_id]
        if duplicates[doc_id]:
            data["status"] = "duplicate"
        elif data.get("status") == "duplicate":  # back to its own status, by its language
            data["status"] = "non_english" if data.get("language") not in (None, "en") else "ok"
    return data


def search_terms(query: str) -> list[str]:
    """The plain words of a user's query: input is never query syntax in any backend."""
    import re

    return re.findall(r"\w+", query, flags=re.UNICODE)
