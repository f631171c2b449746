"""`fwbot docs add|list|remove|search`: the user's document library from the terminal.

Exit codes: 0 done, 1 nothing done (no such collection, nothing readable to add), 2 usage error,
130 interrupted (the library stays as it was)."""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from corpus.docs import store
from corpus.docs.library import Library, Result

_SHOWN = 5
"""Unsupported files named per extension in the summary of `add` (all unreadable ones are named)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fwbot docs", description="Your own documents: fwbot answers from them too.")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    add = commands.add_parser("add", help="add (or update) files and folders as a collection",
                              description="Read Markdown, reStructuredText, text, HTML and PDF files into a collection. "
                              "Adding again re-reads changed files, skips unchanged ones and drops deleted ones.")
    add.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (searched recursively)")
    add.add_argument("--name", help="the collection's name (default: the first PATH's name)")
    add.add_argument("--workers", type=int, default=None, metavar="N", help="reading processes (default: one a CPU)")
    add.set_defaults(func=_add)
    ls = commands.add_parser("list", help="the collections, with file and passage counts and size on disk")
    ls.add_argument("--json", action="store_true", help="one JSON array")
    ls.set_defaults(func=_list)
    rm = commands.add_parser("remove", help="remove a collection")
    rm.add_argument("name")
    rm.set_defaults(func=_remove)
    search = commands.add_parser("search", help="search the collections", description="The best passages for a query.")
    search.add_argument("query", help='the query; "-" reads one query a line from stdin')
    search.add_argument("-k", type=int, default=5, metavar="N", help="how many passages (default 5)")
    search.add_argument("--json", action="store_true", help='one JSON object a query: {"query", "results": [...]}')
    search.set_defaults(func=_search)
    return parser


def default_name(path: Path) -> str:
    """A collection name from a path: its last part, with anything but letters, digits, '.', '_', '-' as '-'."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", path.resolve().name).strip("-.")[:64]
    return name or "docs"


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar (files and passages) on a terminal; nothing when stderr is piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("files · {task.fields[passages]:,} passages"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("add", total=None, passages=0)
        yield lambda done, total, passages: bar.update(task, completed=done, total=total, passages=passages)


def _add(args: argparse.Namespace, library: Library) -> int:
    from corpus.docs.indexer import add

    paths = [Path(p) for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _Usage(f"no such file or folder: {', '.join(missing)}")
    name = _checked(args.name or default_name(paths[0]))
    with _progress_bar() as progress:
        summary = add(library, paths, name, progress, args.workers)
    if summary.written:
        print(f"{name}: {summary.files:,} files, {summary.passages:,} passages ({summary.added:,} added, "
              f"{summary.updated:,} updated, {summary.unchanged:,} unchanged, {summary.removed:,} removed)"
              + ("; all read again: the collection was in another index format" if summary.rebuilt else ""))
    else:
        print(f"{name}: nothing readable to index; the library is unchanged")
    if summary.unreadable:
        print(f"skipped {len(summary.unreadable):,} unreadable files:")
        for path, reason in summary.unreadable:
            print(f"  {path}: {reason}")
    if summary.unsupported:
        by_suffix = Counter(Path(p).suffix.lower() or "(none)" for p in summary.unsupported)
        print(f"skipped {len(summary.unsupported):,} files of unsupported types ("
              + ", ".join(f"{suffix} {n:,}" for suffix, n in by_suffix.most_common()) + "), e.g.:")
        for path in _examples(summary.unsupported):
            print(f"  {path}")
    return 0 if summary.written else 1


def _examples(paths: list[str]) -> list[str]:
    """Up to _SHOWN paths of each unsupported extension."""
    shown: Counter[str] = Counter()
    out = []
    for path in paths:
        suffix = Path(path).suffix.lower()
        if shown[suffix] < _SHOWN:
            shown[suffix] += 1
            out.append(path)
    return out


def _list(args: argparse.Namespace, library: Library) -> int:
    rows: list[dict[str, object]] = [
        {"name": c.name, "files": c.meta["files"], "passages": c.meta["passages"], "bytes": c.disk_bytes(),
         "paths": c.meta["roots"]} for c in library.collections()]
    rows += [{"name": u.name, "paths": u.roots, "error": str(u)} for u in library.unusable()]
    rows.sort(key=lambda row: str(row["name"]))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    elif not rows:
        print(f"no collections in {library.root}; add some with: fwbot docs add PATH")
    else:
        for row in rows:
            if "error" in row:
                print(f"{row['name']}: not searchable: {row['error']}")
                continue
            print(f"{row['name']}: {row['files']:,} files, {row['passages']:,} passages, "
                  f"{row['bytes'] / 2**20:,.1f} MiB on disk ({', '.join(row['paths'])})")  # type: ignore[operator, arg-type]
    return 0


def _checked(name: str) -> str:
    try:
        return store.check_name(name)
    except ValueError as e:
        raise _Usage(str(e)) from None


def _remove(args: argparse.Namespace, library: Library) -> int:
    if library.remove(_checked(args.name)):
        print(f"removed {args.name}")
        return 0
    print(f"fwbot: no collection named {args.name!r}", file=sys.stderr)
    return 1


def _search(args: argparse.Namespace, library: Library) -> int:
    if args.k < 1:
        raise _Usage("-k must be at least 1")
    for unusable in library.unusable():
        print(f"fwbot docs: {unusable}", file=sys.stderr)
    queries = (line.strip() for line in sys.stdin) if args.query == "-" else iter([args.query])
    for query in queries:
        if not query:
            continue
        results = library.search(query, args.k)
        if args.json:
            print(json.dumps({"query": query, "results": [r.to_dict() for r in results]}, ensure_ascii=False), flush=True)
        else:
            _print_results(query, results)
    return 0


def _print_results(query: str, results: list[Result]) -> None:
    if not results:
        print(f"nothing found for {query!r}")
    for n, r in enumerate(results, start=1):
        print(f"{n}. {r.score:.3f}  {r.location()}  {r.title}" + (f" › {r.heading}" if r.heading and r.heading != r.title else ""))
        text = " ".join(r.text.split())
        print(f"   {text[:300]}{'…' if len(text) > 300 else ''}")


class _Usage(Exception):
    """Bad input: printed as `fwbot docs: <message>`, exit status 2."""


def run(argv: Sequence[str]) -> int:
    """Run `fwbot docs ARGV` and return the exit status."""
    logging.getLogger("fwbot.docs").addHandler(logging.NullHandler())  # collections left out: said by each command
    try:
        args = _parser().parse_args(argv)
        return args.func(args, Library.default())
    except SystemExit as e:  # argparse: --help, usage errors (message printed)
        return e.code if isinstance(e.code, int) else 2
    except _Usage as e:
        print(f"fwbot docs: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nfwbot docs: interrupted; the library is as it was", file=sys.stderr)
        return 130
