"""Front matter: the YAML block between `---` lines at the top of an article.

Written by hand rather than by yaml.dump so that it stays readable for a
curator (names such as Mélanie Joly as-is, short lists in one line) and is
byte-for-byte stable; every value still reads back identically with any YAML
loader.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

# Plain (unquoted) scalars: words a YAML loader can only read back as this same text.
_PLAIN = re.compile(r"[^\W\d_](?:[\w.'’ -]*[\w.’])?")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf"}
# What YAML may not hold raw in a double-quoted scalar, or would fold as a line break.
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]")


def quote(text: str) -> str:
    """`text` as a double-quoted YAML scalar (JSON's escapes are YAML's too)."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: _escape_char(m.group()), quoted)


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def scalar(text: str) -> str:
    """`text` plain when that is unambiguous, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and "  " not in text and " -" not in text:
        return text
    return quote(text)


def value(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (dt.datetime, dt.date)):  # a date alone: a story whose copy gives no time
        return item.isoformat()
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(scalar(str(x)) for x in item) + "]"
    if item is None:
        return "null"
    return str(item) if isinstance(item, int) else scalar(str(item))


def dump(fields: list[tuple[str, Any]], body: str) -> str:
    """The whole article file: front matter fields in the given order, then the body."""
    lines = ["---"]
    for key, item in fields:
        text = quote(item) if key in ("title", "summary") and isinstance(item, str) else value(item)
        lines.append(f"{key}: {text}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body.rstrip("\n") + "\n"


def field(text: str, key: str) -> Any:
    """One top-level field's value in the front matter at the top of `text`, read with the
    YAML parser from its line alone (ingest reads one field of files it does not parse), or None."""
    end = text.find("\n---", 3)
    match = re.compile(rf"^{re.escape(key)}:.*$", re.M).search(text, 0, end if end > 0 else len(text))
    if not match:
        return None
    import yaml

    try:
        value = yaml.safe_load(match.group(0))
    except yaml.YAMLError:
        return None
    return value.get(key) if isinstance(value, dict) else None


def line_of(yaml_text: str, key: str) -> int:
    """The file's line that sets `key` in front matter `yaml_text` (line 1 is the opening `---`), or 1."""
    for number, line in enumerate(yaml_text.split("\n"), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def split(text: str) -> tuple[str, str, int] | None:
    """(front matter YAML, Markdown body, line the body starts on), or None without `---`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.startswith("---"):
        return None
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return None
    match = re.compile(r"^---[ \t]*$", re.M).search(text, first + 1)
    if not match:
        return None
    yaml_text = text[first + 1: match.start()]
    rest = text[match.end():]
    body = rest.lstrip("\n")
    return yaml_text, body, text.count("\n", 0, match.end()) + 1 + len(rest) - len(body)


_FIELD = re.compile(r"([A-Za-z_][\w-]*): (.*)")
_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|[^,"\[\] ][^,"\[\]]*')  # a list item, quoted or plain
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NO = object()


def read(yaml_text: str) -> dict[str, Any] | None:
    """The fields of front matter exactly as `dump` writes it, without a YAML parser (a
    fifth of the cost of reading an article); None for anything else, which YAML then reads.

    Each value is accepted only when `dump` writes it back byte for byte, so it reads
    as YAML reads it: `dump`'s output is tested to read back identically with PyYAML.
    """
    fields: dict[str, Any] = {}
    for line in yaml_text.split("\n"):
        if not line:
            continue
        match = _FIELD.fullmatch(line)
        if not match or match[1] in fields or match[1].lower() in _RESERVED:  # `on:` is a bool key to YAML
            return None
        item = _read_value(match[2])
        if item is _NO:
            return None
        fields[match[1]] = item
    return fields or None  # empty front matter: YAML reads None, and says so


def _read_value(text: str) -> Any:
    if text.startswith('"'):
        try:
            item = json.loads(text)
        except ValueError:
            return _NO
        if not isinstance(item, str) or _SURROGATE.search(item):  # libyaml refuses `\ud800`
            return _NO
        return item if quote(item) == text else _NO
    if text.startswith("["):
        inner = text[1:-1]
        items = [_read_value(m.group()) for m in _ITEM.finditer(inner)]
        if _NO in items or not all(isinstance(i, str) for i in items):
            return _NO
        return items if value(items) == text else _NO
    if text in ("true", "false"):
        return text == "true"
    if _DATETIME.fullmatch(text):
        try:
            stamp = dt.datetime.fromisoformat(text)
        except ValueError:  # 2025-02-30: YAML reads it again, and reports it with its line
            return _NO
        return stamp if stamp.isoformat() == text else _NO
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return _NO
    return text if scalar(text) == text else _NO


def with_field(text: str, key: str, item: Any) -> str | None:
    """The whole file `text` with top-level front matter field `key` set to `item` (its line
    replaced, or added last), every other line as it was, with its own line ending; None
    when that cannot be done safely: no front matter, a comment the old value carries, or
    YAML that would then read differently apart from `key` (a quoted or repeated key)."""
    import yaml

    lines = text.splitlines(keepends=True)
    if not lines or lines[0].lstrip("\ufeff").rstrip("\r\n").strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if re.fullmatch(r"---[ \t]*", lines[i].rstrip("\r\n"))), None)
    if end is None:
        return None

    def bare(line: str) -> str:
        return line.rstrip("\r\n")
    old_yaml = "".join(bare(line) + "\n" for line in lines[1:end])  # to check the edit against
    at = next((i for i in range(1, end) if re.match(rf"{re.escape(key)}\s*:", bare(lines[i]))), None)
    if at is None:
        ending = lines[end - 1][len(bare(lines[end - 1])):] if end > 1 else lines[0][len(bare(lines[0])):]
        lines[end:end] = [f"{key}: {value(item)}{ending or chr(10)}"]
    else:  # the key's line and what continues its value: indented lines, or a block list's `- ` items
        stop = at + 1
        while stop < end and (bare(lines[stop])[:1] in (" ", "\t", "-") or not bare(lines[stop]).strip()):
            stop += 1
        while stop > at + 1 and not bare(lines[stop - 1]).strip():
            stop -= 1  # blank lines after the value stay where they were
        if any("#" in bare(line) for line in lines[at:stop]):
            return None  # a comment would be lost with the old value
        ending = lines[at][len(bare(lines[at])):]
        lines[at:stop] = [f"{key}: {value(item)}{ending or chr(10)}"]
    try:
        before = yaml.safe_load(old_yaml)
        closing = next(i for i in range(1, len(lines)) if re.fullmatch(r"---[ \t]*", bare(lines[i])))
        after = yaml.safe_load("".join(bare(line) + "\n" for line in lines[1:closing]))
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        return None
    before = {} if before is None else before
    if not isinstance(before, dict) or not isinstance(after, dict) or after != {**before, key: item} \
            or (at is None and key in before):
        return None
    return "".join(lines)
