"""A store built by an earlier pipeline revision whose change has an upgrade is brought up to date
without mapping its pages again, and ends as a fresh build of the same pages would."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier import mapstep, pipeline
from dossier.api import Dossier
from dossier.pipeline import PIPELINE_REVISION
from dossier.upgrade import UPGRADES, chain

pytestmark = pytest.mark.slow

PAGES = {  # invented pages: two dated by their datelines, one undated that reports a year
    "a.txt": "LONDON, March 3, 2021 -- The river council met on Tuesday and agreed a new water plan.\n\n"
             "Officials said the plan would be reviewed next year.",
    "b.txt": "PARIS, March 9, 2021 -- Ministers welcomed the water plan agreed by the river council.\n\n"
             "The council said the plan would be reviewed in 2022.",
    "c.txt": "The river council agreed a new water plan last Tuesday, replacing the plan it adopted in 2019.\n\n"
             "Critics say the plan does too little for farmers downstream.",
}


# the newest revision an upgrade reaches: the tests run the pipeline as of that revision
UPGRADED = max(UPGRADES) + 1


def _older(version: str, revision: int) -> str:
    head, rev, rest = version.split("+", 2)
    assert rev == pipeline.PIPELINE_REVISION
    return f"{head}+{revision}+{rest}"


def test_a_revision_without_an_upgrade_maps_pages_again() -> None:
    live = f"0.1.0+{PIPELINE_REVISION}+en_core_web_sm-3.8.0"
    if int(PIPELINE_REVISION) - 1 not in UPGRADES:
        assert chain(_older(live, int(PIPELINE_REVISION) - 1), live) is None
    assert chain(_older(live, UPGRADED - 1), live) is None or int(PIPELINE_REVISION) == UPGRADED


def test_chain_of_upgrades(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PIPELINE_REVISION", str(UPGRADED))
    current = f"0.1.0+{UPGRADED}+en_core_web_sm-3.8.0"
    previous = UPGRADED - 1
    assert previous in UPGRADES
    assert chain(_older(current, previous), current) == [UPGRADES[previous]]
    assert chain(_older(current, previous) + "@1234abcd", current) == [UPGRADES[previous]]
    assert chain(_older(current, 1), current) is None  # revisions 1 -> 2 ... have no upgrade: map again
    assert chain(current.replace("sm-3.8.0", "md-3.8.0"), current) is None  # another model: map again
    assert chain(current.replace("0.1.0", "0.2.0"), current) is None  # other code: map again
    assert chain(current, current) is None


def test_an_older_revision_is_upgraded_not_mapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PIPELINE_REVISION", str(UPGRADED))  # the pipeline as the upgrade left it
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Dossier.open(tmp_path / "d.db") as d:
        first = d.build([folder], executor="serial")
        assert len(first.added) == 3
        fresh = {doc.id: doc for doc in d.store.documents()}
        assert any(doc.own_latest_year for doc in fresh.values()), "no page for the upgrade to fill in"
        versions = d.store.document_versions()
        # the store as the revision before wrote it: no own_latest_year, the older version
        older = UPGRADED - 1
        d.store.set_documents((dataclasses.replace(doc, own_latest_year=None), _older(versions[doc.id], older))
                              for doc in fresh.values())
        d.store.set_meta("pipeline_version", _older(d.store.get_meta("pipeline_version") or "", older))

        def no_map(*args: object, **kwargs: object) -> object:
            raise AssertionError("an upgradable page was mapped again")

        monkeypatch.setattr(mapstep, "_process_batch", no_map)
        monkeypatch.setattr(mapstep, "process_page", no_map)
        again = d.build([folder], executor="serial")
        assert sorted(again.upgraded) == sorted(fresh) and not again.added
        assert d.store.document_versions() == versions
        after = {doc.id: doc for doc in d.store.documents()}
        assert {i: doc.own_latest_year for i, doc in after.items()} == {i: doc.own_latest_year for i, doc in fresh.items()}
        assert d.build([folder], executor="serial").upgraded == []  # done once
