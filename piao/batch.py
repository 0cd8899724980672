"""Many plans at once: the same work in N processes, results in the input order (identical
to a serial run), and a progress bar on a terminal.

One plan's failure never aborts the batch: `run_all` turns an exception raised for one item
into `Fallito` for that item (with `isola`), and the other items are processed and
reported normally (issue 15)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Fallito:
    """What went wrong with one item of a batch: the exception's type and text (picklable,
    whatever the exception was)."""

    motivo: str


@dataclass(frozen=True)
class _Isolato(Generic[T, R]):
    """`fn` run on one item, its failure returned as `Fallito`; the exceptions in `lascia`
    still propagate (a usage error stops the whole command, as in a serial run)."""

    fn: Callable[[T], R]
    lascia: tuple[type[BaseException], ...]

    def __call__(self, item: T) -> R | Fallito:
        try:
            return self.fn(item)
        except self.lascia:
            raise
        except Exception as exc:  # one plan's defect must not cost the others their report
            return Fallito(f"{type(exc).__name__}: {exc}")


def workers(jobs: int) -> int:
    """--jobs 0 means one per CPU."""
    return max(1, jobs or os.cpu_count() or 1)


def run_all(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    label: str = "Piani",
    isola: Callable[[T, Fallito], R] | None = None,
    lascia: tuple[type[BaseException], ...] = (),
) -> list[R]:
    """`[fn(x) for x in items]`, in `jobs` processes, with a progress bar on a terminal.

    With `isola`, an item whose `fn` raises (or whose worker process dies) gets
    `isola(item, Fallito(...))` as its result and the batch goes on; the exceptions in
    `lascia` are never isolated."""
    n = workers(jobs)
    show = sys.stderr.isatty() and len(items) > 1
    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        disable=not show,
    )
    call: Callable[[T], R | Fallito] = _Isolato(fn, lascia) if isola else fn

    def esito(item: T, result: R | Fallito) -> R:
        if isinstance(result, Fallito):
            assert isola is not None
            return isola(item, result)
        return result

    with progress:
        task = progress.add_task(label, total=len(items))
        out: list[R] = []
        if n == 1 or len(items) < 2:
            for item in items:
                out.append(esito(item, call(item)))
                progress.advance(task)
            return out
        lotti = _lotti(items, n)
        with ProcessPoolExecutor(max_workers=min(n, len(items))) as pool:
            futures = [pool.submit(_Lotto(call), lotto) for lotto in lotti]
            for lotto, future in zip(lotti, futures, strict=True):
                risultati = _risultati(future, call, lotto, lascia, isola is not None)
                for item, result in zip(lotto, risultati, strict=True):
                    out.append(esito(item, result))
                    progress.advance(task)
            return out


LOTTO_MAX = 8
"""Items sent to a worker at once: small plans check in milliseconds, and one task per
plan made the parent's bookkeeping a third busy process on a two-core machine."""


def _lotti(items: Sequence[T], n: int) -> list[list[T]]:
    """`items` in consecutive groups, small enough that every worker gets several."""
    size = max(1, min(LOTTO_MAX, len(items) // (n * 4)))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@dataclass(frozen=True)
class _Lotto(Generic[T, R]):
    """`call` on each item of a group, in order."""

    call: Callable[[T], R]

    def __call__(self, lotto: list[T]) -> list[R]:
        return [self.call(item) for item in lotto]


def _risultati(
    future: Future[list[R | Fallito]],
    call: Callable[[T], R | Fallito],
    lotto: list[T],
    lascia: tuple[type[BaseException], ...],
    isolato: bool,
) -> list[R | Fallito]:
    """The group's results. A worker that dies (memory, a signal) breaks the whole pool:
    each item left without a result runs again alone, so that only the item that kills its
    worker is a failure."""
    try:
        return future.result()
    except lascia:
        raise
    except BrokenProcessPool:
        if not isolato:
            raise
        return [_da_solo(call, item, lascia) for item in lotto]


def _da_solo(
    call: Callable[[T], R | Fallito], item: T, lascia: tuple[type[BaseException], ...]
) -> R | Fallito:
    try:
        with ProcessPoolExecutor(max_workers=1) as solo:
            return solo.submit(call, item).result()
    except lascia:
        raise
    except Exception as exc:
        return Fallito(f"{type(exc).__name__}: {exc}")
