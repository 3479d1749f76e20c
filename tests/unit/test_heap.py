"""The map's process keeps freed memory for its next batch (glibc's mallopt; speed, same values)."""

from __future__ import annotations

import platform
from typing import Any

import pytest

from dossier import heap, mapstep


@pytest.fixture
def fresh() -> Any:
    heap.keep_freed_memory.cache_clear()
    yield
    heap.keep_freed_memory.cache_clear()


def test_both_thresholds_are_set(monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(heap, "_mallopt", lambda: lambda param, value: calls.append((param, value)) or 1)
    assert heap.keep_freed_memory()
    assert calls == [(heap.M_MMAP_THRESHOLD, 32 << 20), (heap.M_TRIM_THRESHOLD, 256 << 20)]


def test_another_c_library_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    monkeypatch.setattr(heap, "_mallopt", lambda: None)
    assert not heap.keep_freed_memory()


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's mallopt")
def test_glibc_takes_the_settings(fresh: None) -> None:
    assert heap.keep_freed_memory()


def test_a_batch_and_a_page_set_them_before_they_run(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(heap, "keep_freed_memory", lambda: seen.append("set") or True)
    monkeypatch.setattr(mapstep, "_process_batch", lambda *a: seen.append("batch") or ())
    monkeypatch.setattr(mapstep, "_process_page", lambda *a: seen.append("page"))
    mapstep.process_batch(())
    mapstep.process_page(None)  # type: ignore[arg-type]
    assert seen == ["set", "batch", "set", "page"]
