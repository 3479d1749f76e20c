"""A text-declared alias between two short forms does not merge two full-named namesakes."""

from __future__ import annotations

from dossier.resolve.core import _two_people


def test_two_full_named_namesakes_stay_two_people() -> None:
    assert _two_people("person:Jon Roe", "person:George W. Roe")  # '<Surname>, known as <Given>'
    assert not _two_people("person:Jon Roe", "person:Jon Roe")
    assert not _two_people("person:Jon Roe", "person:Jon A. Roe")  # one extends the other
    assert not _two_people("person:Jon Roe", "person:Roe")  # a bare surname is no full name
    assert not _two_people("person:Jon Roe", "org:Roe Group")  # only person clusters are guarded
