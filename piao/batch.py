"""Many plans at once: the same work in N processes, results in the input order (identical
to a serial run), and a progress bar on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

T = TypeVar("T")
R = TypeVar("R")


def workers(jobs: int) -> int:
    """--jobs 0 means one per CPU."""
    return max(1, jobs or os.cpu_count() or 1)


def run_all(
    fn: Callable[[T], R], items: Sequence[T], *, jobs: int = 1, label: str = "Piani"
) -> list[R]:
    """`[fn(x) for x in items]`, in `jobs` processes, with a progress bar on a terminal."""
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
    with progress:
        task = progress.add_task(label, total=len(items))
        if n == 1 or len(items) < 2:
            out = []
            for item in items:
                out.append(fn(item))
                progress.advance(task)
            return out
        with ProcessPoolExecutor(max_workers=min(n, len(items))) as pool:
            results = []
            for result in pool.map(fn, items, chunksize=max(1, len(items) // (n * 8))):
                results.append(result)
                progress.advance(task)
            return results
