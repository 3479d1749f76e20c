"""py3langid's language identifier, loaded from an uncompressed copy of its model.

Why: py3langid ships its model compressed with xz (4.6 MB on disk, 68 MB of arrays); decompressing
it costs about 0.6 CPU-s, paid by every build and by every worker process: a fifth of what a build
costs before its first page, more than any other fixed cost but loading spaCy. The first load keeps
the model's arrays uncompressed (numpy's ``.npz``) in the user's cache directory, named after the
packaged file's size and time, and later loads read them in a few hundredths of a second. The
identifier is py3langid's own class over the same arrays, so it answers exactly as
``py3langid.classify`` does. Any trouble with the copy (no cache directory, a damaged or partial
file) falls back to py3langid's own load.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from dossier.config import cache_dir

logger = logging.getLogger(__name__)

_KEYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _packaged() -> Path:
    from py3langid import langid

    return Path(langid.MODEL_DIR) / str(langid.MODEL_FILE)


def _copy_path(model: Path) -> Path:
    stat = model.stat()
    return cache_dir() / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}.npz"


def _arrays_of(model: Path) -> dict[str, Any]:
    """The packaged model's arrays, as py3langid's loader reads them (the xz stream decompressed)."""
    import io
    import lzma

    import numpy as np

    with np.load(io.BytesIO(lzma.decompress(model.read_bytes())), allow_pickle=False) as data:
        return {k: data[k] for k in _KEYS}


def _write_copy(arrays: dict[str, Any], path: Path) -> None:
    """Write the arrays uncompressed, atomically: a reader sees the whole file or none."""
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npz.part")
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez(out, **arrays)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _identifier_from(arrays: Any) -> Any:
    """py3langid's ``LanguageIdentifier`` over the arrays, built as its ``load_model`` builds it."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    return LanguageIdentifier(np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist(),
                              _to_array(arrays["nextmove"]), arrays["out_feat"].tolist(),
                              tk_row=_to_array(arrays["nextmove_row"]))


@functools.lru_cache(maxsize=1)
def identifier() -> Any:
    """The identifier, loaded once per process (from the uncompressed copy when there is one)."""
    import numpy as np

    try:
        model = _packaged()
        path = _copy_path(model)
        if path.exists():
            with np.load(path, allow_pickle=False) as data:
                return _identifier_from({k: data[k] for k in _KEYS})
        arrays = _arrays_of(model)
        try:
            _write_copy(arrays, path)
        except OSError as exc:  # a read-only home: every load decompresses, as py3langid does
            logger.debug("py3langid model not cached: %s", exc)
        return _identifier_from(arrays)
    except Exception:  # noqa: BLE001 - a damaged copy or another py3langid layout: its own loader
        logger.debug("py3langid's own model load", exc_info=True)
        from py3langid.langid import _get_identifier

        return _get_identifier()


def classify(text: str) -> str:
    """The language code py3langid gives ``text``."""
    return str(identifier().classify(text)[0])
