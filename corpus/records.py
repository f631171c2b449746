"""Reading TOML data files into checked records: each problem is refused naming file, entry and field."""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpus.errors import CorpusError

FRAMEWORK_NAMES = ("PyTorch", "TensorFlow", "Keras", "Theano", "JAX", "CNTK")
STANCES = ("yes", "no", "both")  # "both": the cell affirms either sense (TensorFlow's API is "High and Low")


def read_table(path: Path, key: str) -> list[dict[str, Any]]:
    """The `[[key]]` entries of a TOML file; a file that does not parse or lacks them is refused."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(path.name, "file", f"not valid TOML: {exc}") from None
    entries = data.get(key)
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(path.name, "file", f"expected one or more [[{key}]] tables")
    return entries


class Checker:
    """Checks one entry's fields, raising `CorpusError` that names the file and entry."""

    def __init__(self, file: str, entry: str, data: dict[str, Any], allowed: set[str]) -> None:
        self.file, self.entry, self.data = file, entry, data
        unknown = set(data) - allowed
        if unknown:
            self.fail(f"unknown field(s) {sorted(unknown)}")

    def fail(self, problem: str) -> None:
        raise CorpusError(self.file, self.entry, problem)

    def text(self, key: str, *, required: bool = True) -> str:
        value = self.data.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty string")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{key!r} must be a list of non-empty strings")
        return tuple(value)

    def choice(self, key: str, options: tuple[str, ...] | frozenset[str], *, required: bool = True) -> str:
        value = self.text(key, required=required)
        if value and value not in options:
            self.fail(f"{key!r} is {value!r}, not one of {sorted(options)}")
        return value

    def framework_map(self, key: str, check_value) -> dict[str, Any]:
        """An optional {Framework: value} table, every key a known framework and every value accepted."""
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            self.fail(f"{key!r} must be a table of framework = value")
        for name, item in value.items():
            if name not in FRAMEWORK_NAMES:
                self.fail(f"{key!r} names unknown framework {name!r}")
            if not check_value(item):
                self.fail(f"{key!r} has a bad value for {name}: {item!r}")
        return dict(value)


def identified_entries(path: Path, key: str, fields: set[str]) -> Iterator[tuple[Checker, str]]:
    """Each `[[key]]` entry with its checker and its id; ids must be present and unique."""
    seen: set[str] = set()
    for i, entry in enumerate(read_table(path, key), 1):
        checker = Checker(path.name, f"{key} {entry.get('id', f'#{i}')!r}", entry, fields)
        ident = checker.text("id")
        if ident in seen:
            checker.fail("duplicate id")
        seen.add(ident)
        yield checker, ident
