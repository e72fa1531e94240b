"""Spreading a per-file stage over every core, for the stages whose files are independent."""
from __future__ import annotations

import gc
import os
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_batches(work: Callable[..., list[R]], items: Sequence[T], threshold: int, *args: Any) -> list[R]:
    """`work(*args, batch)` over batches of `items`, in worker processes when there are at
    least `threshold` items (fewer run faster than processes start); results in order."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < threshold or workers < 2:
        return work(*args, list(items))
    from concurrent.futures import ProcessPoolExecutor  # only when there is work for it

    chunk = -(-len(items) // (workers * 4))
    batches = [list(items[i: i + chunk]) for i in range(0, len(items), chunk)]
    # workers collect their own garbage, even when the build paused the collector (build.py)
    with ProcessPoolExecutor(workers, initializer=gc.enable) as pool:
        parts = pool.map(work, *([a] * len(batches) for a in args), batches)
        return [result for part in parts for result in part]
