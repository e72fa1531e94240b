"""The one small family of errors digest raises, and the line format they print in.

Every problem a user can fix is reported as `path:line: what is wrong (what to do)`.
Stages collect problems per file and raise them together, so one run lists them all.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file: where, what, and how to fix it."""

    path: Path
    line: int
    message: str
    hint: str = ""
    warning: bool = False

    def format(self, cwd: Path | None = None) -> str:
        where = display_path(self.path, cwd)
        kind = "warning: " if self.warning else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{self.line}: {kind}{self.message}{hint}"


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    base = cwd or Path.cwd()
    try:
        shown = os.path.relpath(path, base) if path.is_absolute() and path.is_relative_to(base) else str(path)
    except ValueError:
        shown = str(path)
    # a file name that is not UTF-8 is shown with escapes rather than breaking the message
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class DigestError(Exception):
    """Content or configuration the user must fix (exit status 1)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


class UsageError(Exception):
    """A command used the wrong way (exit status 2)."""
