"""The given-name dictionary is loaded before a process pool forks the map's workers (speed: the
workers and the build's process would each load it otherwise)."""

from __future__ import annotations

import multiprocessing
from typing import Any, Callable, Iterable, Iterator

from dossier import mapstep
from dossier.executor import ProcessExecutor, SerialExecutor
from dossier.nlp import gender


class _Forking:
    forks = True

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any], on_lost: Callable[[Any, str], Any]) -> Iterator[Any]:
        return iter(())


def test_a_forking_pool_gets_the_dictionary_loaded_before_its_workers_start() -> None:
    gender.given_name_answers.cache_clear()
    assert list(mapstep.map_pages(_Forking, [], frozenset(), None, None)) == []
    assert gender.given_name_answers.cache_info().currsize == 1


def test_the_process_pool_says_whether_it_forks() -> None:
    assert ProcessExecutor(1).forks == ("fork" in multiprocessing.get_all_start_methods())
    assert not getattr(SerialExecutor(), "forks", False)
