"""The full corpus step gives, on a generated store, exactly what it gave before its memory and
speed work (issue #16; the code before is kept in ``tests/support/held.py``): every corpus table,
every document, every annotation and the incremental index, row for row."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from dossier.corpus.incremental import INDEX_KEY
from dossier.pipeline import Settings, build, reduce_corpus
from dossier.store import open_store
from tests.support.held import as_before

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[3] / "bench" / "corpus_gen.py"


def _generated(folder: Path, n: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("corpus_gen", BENCH)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    if not gen.DATA.exists():
        pytest.skip("the shared PolNeAR texts are not here")
    paths = gen.write(folder, n)
    # an exact copy (other case and spacing) and a near copy (one paragraph dropped) of a page
    text = paths[0].read_text(encoding="utf-8")
    (folder / "copy-exact.txt").write_text(text.upper().replace("\n\n", "\n\n\n"), encoding="utf-8")
    paras = paths[1].read_text(encoding="utf-8").split("\n\n")
    (folder / "copy-near.txt").write_text("\n\n".join(paras[:-2] + paras[-1:]), encoding="utf-8")
    return sorted(folder.iterdir())


def _everything(path: Path) -> dict[str, object]:
    store = open_store(path, create=False)
    c = store.corpus()
    out = {t: getattr(c, t) for t in ("entities", "events", "positions", "conflicts", "figures")}
    out.update(documents=store.documents(), annotations=store.all_annotations(), index=store.get_meta(INDEX_KEY))
    store.close()
    return out


def test_the_full_step_gives_what_it_gave_before(tmp_path, monkeypatch):
    built = tmp_path / "built.db"
    store = open_store(built)
    build(_generated(tmp_path / "pages", 10), store)
    store.close()
    now, before = tmp_path / "now.db", tmp_path / "before.db"
    shutil.copy(built, now)
    shutil.copy(built, before)
    store = open_store(now, create=False)
    reduce_corpus(store, Settings(full_corpus=True))
    store.close()
    with monkeypatch.context() as patched:
        as_before(patched)
        store = open_store(before, create=False)
        reduce_corpus(store, Settings(full_corpus=True))
        store.close()
    a, b = _everything(now), _everything(before)
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key
    assert len(a["entities"]) > 20 and any(d.status == "duplicate" for d in a["documents"])
