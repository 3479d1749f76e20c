"""The given-name dictionary held as its answers: the same answer as the library for every name,
computed once and then read from the user's cache (memory: the library's tables were 21 MB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.nlp import gender


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DOSSIER_CACHE", str(tmp_path))
    gender.given_name_answers.cache_clear()
    gender._given_name_answer.cache_clear()
    yield tmp_path
    gender.given_name_answers.cache_clear()
    gender._given_name_answer.cache_clear()


def test_every_name_gets_the_library_answer() -> None:
    import gender_guesser.detector  # type: ignore[import-untyped]

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    answers = gender._library_answers()
    assert answers.keys() == detector.names.keys()
    assert all(answers[n] == detector.get_gender(n) for n in list(detector.names)[::97])
    assert {answers[n] for n in ("susan", "john")} == {"female", "male"}


def test_the_answers_are_computed_once_then_read_from_the_user_cache(cache: Path) -> None:
    built = gender.given_name_answers()
    path = gender.answers_file()
    assert path.parent == cache and path.exists()
    assert built == gender._library_answers()
    path.write_text(path.read_text(encoding="utf-8") + "zz marker\tfemale\n", encoding="utf-8")
    gender.given_name_answers.cache_clear()
    assert gender.given_name_answers()["zz marker"] == "female"  # read from the file, not computed again


def test_a_damaged_or_unwritable_cache_computes_them_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = gender.answers_file()
    path.write_text("susan female\n", encoding="utf-8")  # no tab
    assert gender.given_name_answers() == gender._library_answers()
    gender.given_name_answers.cache_clear()
    path.write_text("", encoding="utf-8")
    assert gender.given_name_answers()["susan"] == "female"
    monkeypatch.setenv("DOSSIER_CACHE", str(cache / "file.txt" / "x"))  # cannot be written
    (cache / "file.txt").write_text("", encoding="utf-8")
    gender.given_name_answers.cache_clear()
    assert gender.given_name_answers()["john"] == "male"


def test_a_given_name_is_looked_up_whatever_its_case(cache: Path) -> None:
    assert gender.given_name_gender("Susan") == "f" and gender.given_name_gender("SUSAN") == "f"
    assert gender.is_given_name("Andrea") and not gender.is_given_name("Zzyzx")
    assert gender.given_name_gender("J.") == "" and not gender.is_given_name("susan")
