"""dossier: raw news pages about one story in, a cited, queryable dossier out."""

import logging

logger = logging.getLogger(__name__)

__version__ = "0.1.0"


def __getattr__(name: str) -> type:
    # Lazy, so `import dossier` stays cheap and free of side effects (the CLI imports it first).
    if name == "Dossier":
        from dossier.api import Dossier

        return Dossier
    raise AttributeError(name)


__all__ = ["Dossier", "__version__"]
