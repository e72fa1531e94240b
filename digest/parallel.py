"""Spreading a per-file stage over every core, for the stages whose files are independent."""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def fork_is_safe() -> bool:
    """Forking copies the calling thread only: a lock another thread held at that moment (the
    preview's server or watcher, say: logging, stdout, the import lock) stays held forever in
    the child. Fork only from a process whose one thread is the caller."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def _context() -> Any:
    """Fork where it is safe (workers start at once and inherit what they need); otherwise
    a fresh interpreter per worker, from the forkserver where there is one."""
    if fork_is_safe():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


Progress = Callable[[str, int, int], None]  # (stage, items done, items in all): told as work ends


def map_batches(work: Callable[..., list[R]], items: Sequence[T], threshold: int, *args: Any,
                progress: Progress | None = None, stage: str = "") -> list[R]:
    """`work(*args, batch)` over batches of `items`, in worker processes when there are at
    least `threshold` items (fewer run faster than processes start); results in order.
    `progress(stage, done, total)` hears of each batch done."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < threshold or workers < 2:
        results = work(*args, list(items))
        if progress:
            progress(stage, len(items), len(items))
        return results
    from concurrent.futures import ProcessPoolExecutor  # only when there is work for it

    chunk = -(-len(items) // (workers * 4))
    batches = [list(items[i: i + chunk]) for i in range(0, len(items), chunk)]
    out: list[R] = []
    if progress:
        progress(stage, 0, len(items))  # the rate counts from here
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=start_worker) as pool:
        for part in pool.map(work, *([a] * len(batches) for a in args), batches):
            out += part
            if progress:
                progress(stage, min(len(out), len(items)), len(items))
    return out


def start_worker() -> None:
    """A worker dies with its parent and collects its own garbage, whatever its parent does
    (the command line turns the collector off for itself, see cli.py); what it inherited by
    fork stays out of the collector's sight (walking it would copy every page it touches)."""
    _die_with_parent()
    gc.freeze()
    gc.enable()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that made it dies (a killed build must
    leave no worker behind, writing files nobody waits for). Elsewhere workers notice the
    closed pipe to their parent on their next task."""
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
