"""The allow-list of primary sources (sources.toml): the hosts, or host and path prefixes, whose pages are a
project's own record, so a fact cites what the project itself says rather than a mirror of it."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from corpus.errors import CorpusError

_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


def _host(netloc: str) -> str:
    return netloc.lower().split("@")[-1].split(":")[0].removeprefix("www.")


def _segments(path: str) -> tuple[str, ...]:
    return tuple(part.lower() for part in path.split("/") if part)


@dataclass(frozen=True)
class PrimarySources:
    """Allowed (host, leading path segments) pairs; a URL is primary when one of them is its prefix."""

    prefixes: tuple[tuple[str, tuple[str, ...]], ...]

    def allows(self, url: str) -> bool:
        """Whether `url` is an http(s) page under one of the allowed prefixes."""
        parts = urlparse(url)
        if parts.scheme not in ("http", "https"):
            return False
        host, path = _host(parts.netloc), _segments(parts.path)
        return any(host == h and path[:len(p)] == p for h, p in self.prefixes)


def load_primary_sources(path: Path) -> PrimarySources:
    """Read sources.toml: groups of `prefixes`, each "host" or "host/path"; a malformed one is refused."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(path.name, "file", f"not valid TOML: {exc}") from None
    if not data:
        raise CorpusError(path.name, "file", "expected one or more groups with 'prefixes'")
    found: list[tuple[str, tuple[str, ...]]] = []
    for group, entry in data.items():
        prefixes = entry.get("prefixes") if isinstance(entry, dict) else None
        if not isinstance(prefixes, list) or not prefixes or set(entry) != {"prefixes"}:
            raise CorpusError(path.name, f"group {group!r}", "needs exactly a non-empty 'prefixes' list")
        for prefix in prefixes:
            host, _, rest = str(prefix).partition("/")
            if not isinstance(prefix, str) or "://" in prefix or not _HOST.fullmatch(host.lower()):
                raise CorpusError(path.name, f"group {group!r}", f"{prefix!r} is not a host or host/path prefix")
            found.append((_host(host), _segments(rest)))
    return PrimarySources(tuple(found))
