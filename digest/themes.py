"""Where the theme lives: the site's own `themes/<name>/`, falling back to the shipped default."""
from __future__ import annotations

from pathlib import Path

import digest
from digest.config import SiteConfig
from digest.errors import DigestError, Problem


def default_theme_dir() -> Path:
    """The shipped theme: inside the installed package, or at the top of a source checkout."""
    package = Path(digest.__file__).parent
    for candidate in (package / "themes" / "default", package.parent / "themes" / "default"):
        if (candidate / "templates").is_dir():
            return candidate
    raise DigestError([Problem(package, 1, "the default theme is missing", "reinstall digest")])


def theme_dirs(config: SiteConfig) -> list[Path]:
    """The site's theme folder (if any) first, then the default theme."""
    own = config.root / "themes" / config.theme
    default = default_theme_dir()
    dirs = [own] if own.is_dir() and own.resolve() != default.resolve() else []
    if config.theme != "default" and not dirs:
        raise DigestError([Problem(config.root / "site.yaml", 1, f"theme '{config.theme}' not found",
                                   f"make themes/{config.theme}/templates/ or use theme: default")])
    return dirs + [default]
