"""The gender a page shows for a person's name: the courtesy title before it, else its given name.

Why: a bare surname after a courtesy title ("Mr. <Surname>", "Mrs. <Surname>") must not take a full
name of the other gender on the page (a page naming a president's wife in full and the president by
"Mr. <Surname>" alone; a couple both named in full). English marks gender on courtesy titles and
given names, and no library reads the first from a parse, so the title is read here; the given
names' genders come from ``gender_guesser`` (the 48,000-name dictionary of Jörg Michael's "gender"
program), loaded once per process on first use.

The dictionary is held as its answers alone (``given_name_answers``: one short string per name) and
kept as a file in the user's cache: the library's own tables (every name's letter string of
frequencies by country, in dicts) were 21 MB of every build's and corpus step's memory, for the
answer to one question per name (its gender, all countries counted).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.lang.en import FEMALE_HONORIFICS, MALE_HONORIFICS

if TYPE_CHECKING:  # resolution reads this module too and must not load spaCy
    from spacy.tokens import Span as SpacySpan

logger = logging.getLogger(__name__)

# gender_guesser's answers that count as a gender; "mostly_*" (given to both, e.g. by country), "andy"
# (either) and "unknown" count as none: a wrong gender sends a bare surname away from its bearer.
_GUESSES = {"male": "m", "female": "f"}


def honorific_gender(word: str) -> str:
    """'m' for 'Mr.', 'f' for 'Mrs.'/'Ms.'/'Miss', '' for any other word."""
    w = word.lower()
    return "m" if w in MALE_HONORIFICS else "f" if w in FEMALE_HONORIFICS else ""


def span_honorific_gender(span: SpacySpan) -> str:
    """The gender of the courtesy title that opens the name or stands right before it."""
    if len(span) and honorific_gender(span[0].text):
        return honorific_gender(span[0].text)
    return honorific_gender(span.doc[span.start - 1].text) if span.start > 0 else ""


def honorific_before(text: str, start: int) -> str:
    """The gender of a courtesy title written right before offset ``start`` ('Mrs. |<Surname>')."""
    words = text[max(0, start - 8) : start].split()
    return honorific_gender(words[-1]) if words and text[start - 1 : start].isspace() else ""


def disagrees(honorific: str, full_name_words: list[str]) -> bool:
    """A bare surname's courtesy title says one gender and the full name's given name the other."""
    other = given_name_gender(full_name_words[0]) if honorific and len(full_name_words) >= 2 else ""
    return bool(other) and other != honorific


@cache
def given_name_answers() -> dict[str, str]:
    """``gender_guesser``'s answer ('male', 'mostly_female', 'andy', ...) for every name its
    dictionary holds (lower case, as it looks them up): read from the user's cache, else computed
    from the library and written there (see the module docstring)."""
    path = answers_file()
    try:
        return _parse(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    answers = _library_answers()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text("".join(f"{name}\t{answer}\n" for name, answer in answers.items()), encoding="utf-8")
        tmp.replace(path)  # atomic: a concurrent build reads a whole file or none
    except OSError as exc:
        logger.debug("given-name answers not cached (%s): computed in memory", exc)
    return answers


def _parse(text: str) -> dict[str, str]:
    """The answers from their file: one 'name<TAB>answer' line each. A line without a tab, or no line,
    is a damaged file: ValueError (computed again)."""
    intern = sys.intern  # five distinct answers: one object each
    out = {}
    for line in text.split("\n")[:-1]:  # every line ends in a newline: the last piece is empty
        name, answer = line.split("\t")
        out[name] = intern(answer)
    if not out:
        raise ValueError("no given names")
    return out


def _library_answers() -> dict[str, str]:
    """Every name of ``gender_guesser``'s dictionary with the library's own answer for it; the
    library's tables are dropped after."""
    import gender_guesser.detector  # type: ignore[import-untyped]

    logger.debug("loading the given-name gender dictionary")
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    return {name: sys.intern(str(detector.get_gender(name))) for name in detector.names}


def answers_file() -> Path:
    """Where the answers are cached (``config.cache_dir``); the name carries a digest of the library's
    version and of the code that computes them, so either change computes them again."""
    import inspect
    from importlib.metadata import version

    from dossier.config import cache_dir

    made_by = [version("gender-guesser"), inspect.getsource(_library_answers), inspect.getsource(_parse)]
    return cache_dir() / f"given-names-{hashlib.sha256(chr(0).join(made_by).encode()).hexdigest()[:16]}.tsv"


def load_dictionary() -> None:
    """Load the dictionary now: a build loads it before its pool forks the map's workers, so neither
    they (on their first page) nor the build's process (for resolution after the map) pay the load
    again."""
    given_name_answers()


@lru_cache(maxsize=8192)
def _given_name_answer(word: str) -> str:
    """The dictionary's answer for a word as a given name ('male', 'mostly_female', 'unknown', ...)."""
    if len(word) < 2 or not word[0].isupper() or word.endswith("."):
        return "unknown"  # an initial ("J.") or a lower-case word is no given name
    return given_name_answers().get(word.lower(), "unknown")


def given_name_answer(word: str) -> str:
    """The dictionary's answer for a word as a given name: 'male', 'female', 'mostly_male',
    'mostly_female', 'andy' (either) or 'unknown'."""
    return _given_name_answer(word)


def given_name_gender(word: str) -> str:
    """'m' or 'f' when the dictionary gives the given name one gender, else ''."""
    return _GUESSES.get(_given_name_answer(word), "")


def is_given_name(word: str) -> bool:
    """The dictionary knows the word as a given name, of whichever gender."""
    return _given_name_answer(word) != "unknown"


def name_gender(words: list[str], honorific: str = "") -> str:
    """A full name's gender: its courtesy title's, else its given name's (the first word)."""
    return honorific or (given_name_gender(words[0]) if len(words) >= 2 else "")


def agreeing_names(names: list[str], genders: dict[str, str], gender: str) -> list[str]:
    """Of the full names a bare surname may stand for, those its courtesy title's ``gender`` does not
    exclude: all but the ones known to be of the other gender (a name of no known gender stays: the
    dictionary lacks many given names, and a known one must not win by that alone)."""
    return [n for n in names if genders.get(n, "") in ("", gender)] if gender else names
