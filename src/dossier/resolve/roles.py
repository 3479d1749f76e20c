"""Role titles: 'Russian Foreign Minister' -> ('foreign minister', 'Russia'), and roles over time."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from dossier.model import Role, Span
from dossier.lang.geo import country_named, country_of_adjective

logger = logging.getLogger(__name__)

# Modifiers that say the title was not held at the time of writing: such a mention dates nothing.
_NOT_CURRENT = frozenset({"former", "ex", "then", "late", "onetime", "erstwhile", "outgoing", "future"})
# Modifiers that do not change which role it is.
_FILLER = frozenset({"current", "incumbent", "new", "newly", "appointed", "his", "her", "their", "its", "the", "a", "an", "s"})


# Abbreviated titles written before names, spelled out so 'Sen. X' and 'Senator X' hold one role.
_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "lt": "lieutenant",
                  "col": "colonel", "sgt": "sergeant", "capt": "captain", "adm": "admiral", "pres": "president",
                  "atty": "attorney", "amb": "ambassador", "supt": "superintendent", "insp": "inspector"}


def normalise_title(title: str) -> tuple[str, str | None] | None:
    """Role title -> (lowercase title, country) or None when it does not describe a current role.

    'Japanese Foreign Minister' -> ('foreign minister', 'Japan'); "Russia's President" ->
    ('president', 'Russia'); 'former Prime Minister' -> None.
    """
    words = re.findall(r"[A-Za-z][A-Za-z.\-]*", title.replace("’", "'"))
    of: str | None = None
    kept: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower().rstrip(".")
        if low in _NOT_CURRENT or low.startswith("then-") or low.startswith("ex-"):
            return None
        if low in _FILLER:
            i += 1
            continue
        low = _ABBREVIATIONS.get(low, low)
        # Multi-word countries first ('South Korean', 'United States').
        hit = None
        for n in (3, 2, 1):
            chunk = " ".join(words[i : i + n])
            country = country_of_adjective(chunk) or country_named(chunk)
            if country and (n > 1 or w[:1].isupper()):
                hit = (country, n)
                break
        if hit and of is None:
            of = hit[0]
            i += hit[1]
            continue
        if low == "of" and i + 1 < len(words):  # 'President of Russia'
            rest = " ".join(words[i + 1 :])
            country = country_named(rest)
            if country:
                of = of or country
                break
        kept.append(low)
        i += 1
    text = " ".join(kept).strip()
    return (text, of) if text else None


def roles_from(observations: Iterable[tuple[str, str | None, Span]]) -> tuple[Role, ...]:
    """(title, date, evidence span) observations -> one Role per (title, country) with its dates.

    Dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD) so string order is time order.
    """
    groups: dict[tuple[str, str | None], list[tuple[str | None, Span]]] = {}
    for title, date, span in observations:
        norm = normalise_title(title)
        if norm is None:
            continue
        groups.setdefault(norm, []).append((date, span))
    # 'President Putin' and 'Russian President Putin' are one role when only one country goes with it.
    for title, of in [k for k in groups if k[1] is None]:
        countries = [k for k in groups if k[0] == title and k[1] is not None]
        if len(countries) == 1:
            groups[countries[0]] += groups.pop((title, None))
    roles = []
    for (title, of), obs in groups.items():
        dates = sorted(d for d, _ in obs if d)
        spans = tuple(sorted({s for _, s in obs}, key=lambda s: (s.doc_id, s.start)))
        roles.append(Role(title=title, of=of, first_seen=dates[0] if dates else None,
                          last_seen=dates[-1] if dates else None, evidence=spans))
    return tuple(sorted(roles, key=lambda r: (r.first_seen or "9999", r.title, r.of or "")))
