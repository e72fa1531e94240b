"""YAML read with the line of every key, and duplicate keys refused.

PyYAML's safe_load forgets where things came from and lets a repeated key
silently win; config and front-matter errors must name the line instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml parses several times faster; the pure-Python loader behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class YamlFault(Exception):
    """A YAML text that cannot be used, with the 1-based line of the fault."""

    line: int
    message: str


Lines = dict[tuple[str, ...], int]


def load(text: str) -> tuple[Any, Lines]:
    """Parse `text`; return the data and the line of each mapping key by its key path."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return _fail(line, f"not valid YAML: {exc.problem or exc.context}")
    except yaml.YAMLError as exc:
        return _fail(1, f"not valid YAML: {exc}")
    lines: Lines = {}
    if node is None:
        return None, lines
    loader = _Loader("")
    try:
        return _convert(node, (), lines, loader), lines
    except RecursionError:  # an alias that contains itself: x: &a [*a]
        raise YamlFault(1, "not valid YAML: an alias refers to itself") from None
    finally:
        loader.dispose()


def _fail(line: int, message: str) -> tuple[Any, Lines]:
    raise YamlFault(line, message)


def _convert(node: yaml.Node, path: tuple[str, ...], lines: Lines, loader: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path, lines, loader)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise YamlFault(key_node.start_mark.line + 1, "a key must be plain text")
            key = str(key) if key is not None else "null"
            if key in out:
                raise YamlFault(key_node.start_mark.line + 1,
                                f"duplicate key '{key}' (keep only one)")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines, loader)
        return out
    if isinstance(node, yaml.SequenceNode):  # items by their index: `deploy`'s targets each have a line
        items = []
        for index, item in enumerate(node.value):
            lines[path + (str(index),)] = item.start_mark.line + 1
            items.append(_convert(item, path + (str(index),), lines, loader))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise YamlFault(node.start_mark.line + 1, f"not valid YAML: {exc}") from None
