"""Outlet and author from the lines of a flat page, by generic footer/byline shapes only."""

from __future__ import annotations

import re
from collections.abc import Sequence

NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|bin|al|da|di|le)){1,3}"
# Ordered strongest first: an explicit label beats a footer line.
OUTLET_PATTERNS = [
    re.compile(r"^(?:Publication|Publisher|Source|Outlet)\s*:\s*(.+?)(?:\s+[A-Z][a-z]+\s*:|$)"),
    re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s+(.+?)(?:[.,|]|\s+All\b|$)", re.I),
    re.compile(r"^Also (?:in|on|from) ((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*$"),
    re.compile(r"(?:full )?access to ([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}) has expired"),
    re.compile(r"^[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}, now known as ([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}),"),
    re.compile(r"^([A-Z][\w&/'’.-]*(?:\s+[A-Z][\w&/'’.-]*){0,3}) has been (?:declared|designated|labell?ed)\b"),
    re.compile(r"^((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}) on (?:social media|Facebook|Twitter|X)\s*$"),
]
BYLINE = re.compile(rf"^(?:By|BY|Written by|Words by)\s+({NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*$")
CREDIT = re.compile(r"^\((?:[^()]*?\b)?(?:original|reporting|written|story|text) by\s+(.+)\)\s*$", re.I)
CREDIT_NAME = re.compile(rf"(?:^|\band\s+|&\s*)({NAME})")
BIO_NAME = re.compile(rf"^({NAME})\s+(?:is|was|has been)\s+an?\b")


def find_outlet(lines: Sequence[str]) -> str | None:
    """The site name from generic footer/label lines; the strongest pattern wins."""
    for pat in OUTLET_PATTERNS:
        for line in lines:
            m = pat.search(line)
            if m:
                value = m.group(1).strip(" .,;:-–|")
                if 1 <= len(value.split()) <= 5:
                    return value
    return None


def find_author(lines: Sequence[str], bio_lines: Sequence[str] = ()) -> str | None:
    """A byline ("By X"), a credit line ("(... original by X and Y)") or an author bio's name."""
    for line in lines:
        m = BYLINE.match(line)
        if m:
            return m.group(1).strip()
    for line in lines:
        m = CREDIT.match(line)
        if m:
            names = [n.group(1) for n in CREDIT_NAME.finditer(m.group(1))]
            if names:
                return " and ".join(dict.fromkeys(names))
    for line in bio_lines:
        m = BIO_NAME.match(line)
        if m:
            return m.group(1)
    return None
