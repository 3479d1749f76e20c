"""The gender a page shows for a person's name: the courtesy title before it, else its given name.

Why: a bare surname after a courtesy title ("Mr. <Surname>", "Mrs. <Surname>") must not take a full
name of the other gender on the page (a page naming a president's wife in full and the president by
"Mr. <Surname>" alone; a couple both named in full). English marks gender on courtesy titles and
given names, and no library reads the first from a parse, so the title is read here; the given
names' genders come from ``gender_guesser`` (the 48,000-name dictionary of Jörg Michael's "gender"
program), loaded once per process on first use.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

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
def _detector() -> Any:
    import gender_guesser.detector  # type: ignore[import-untyped]

    logger.debug("loading the given-name gender dictionary")
    return gender_guesser.detector.Detector(case_sensitive=False)


def load_dictionary() -> None:
    """Load the dictionary now: a build loads it before its pool forks the map's workers, so neither
    they (on their first page) nor the build's process (for resolution after the map) pay the load
    again (about 0.3 CPU-s each time)."""
    _detector()


@lru_cache(maxsize=8192)
def _given_name_answer(word: str) -> str:
    """The dictionary's answer for a word as a given name ('male', 'mostly_female', 'unknown', ...)."""
    if len(word) < 2 or not word[0].isupper() or word.endswith("."):
        return "unknown"  # an initial ("J.") or a lower-case word is no given name
    return str(_detector().get_gender(word))


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
