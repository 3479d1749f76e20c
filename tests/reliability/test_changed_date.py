"""A page built again with another --date is processed again (not reported unchanged), so a wrong
date can be repaired; the same --date again is a no-op."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier.api import Dossier

pytestmark = pytest.mark.slow
PAGE = Path(__file__).resolve().parents[2] / "examples" / "gerd" / "text" / "03-washington-talks-planned.txt"


def test_a_changed_date_reprocesses_the_page(tmp_path) -> None:
    with Dossier.open(tmp_path / "d.db") as d:
        first = d.build([PAGE], date="2019-01-05", executor="serial")
        assert len(first.added) == 1
        again = d.build([PAGE], date="2019-01-05", executor="serial")
        assert again.unchanged == first.added and not again.added
        fixed = d.build([PAGE], date="2019-02-06", executor="serial")
        assert fixed.added == first.added
        docs = d.store.documents()
        assert len(docs) == 1 and docs[0].published.value == "2019-02-06"
