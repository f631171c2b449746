"""`fwbot facts`: the curated facts with their sources in the sources' own words and when each was checked,
so a reader can audit them and `--stale DAYS` makes re-checking them a routine."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from bot.terminal import render
from corpus import Fact, load_corpus
from corpus.records import FRAMEWORK_NAMES

FIELDS = ("id", "framework", "attribute", "statement", "source", "source_quote", "as_of", "checked")
"""What each listed fact shows (and the keys of `--json`)."""

today = dt.date.today
"""Where "now" comes from for `--stale` (tests set it)."""


def _framework(text: str) -> str:
    """A framework name, in any case, as the corpus spells it."""
    for name in FRAMEWORK_NAMES:
        if name.lower() == text.strip().lower():
            return name
    raise argparse.ArgumentTypeError(f"unknown framework {text!r}; choose from {', '.join(FRAMEWORK_NAMES)}")


def _days(text: str) -> int:
    """A whole number of days, zero or more, for `--stale`."""
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more days, got {text}")
    return days


HELP = "list the curated facts with their sources and check dates"
DESCRIPTION = ("List the curated facts: framework, attribute, our statement, the primary source and its own words, "
               "the date the fact holds as of, and the date it was last checked.")


def add_arguments(cmd: argparse.ArgumentParser) -> None:
    """The `facts` subcommand's options."""
    cmd.add_argument("--json", action="store_true", help="print the facts as one JSON array")
    cmd.add_argument("--stale", type=_days, metavar="DAYS", help="only facts checked more than DAYS days ago")
    cmd.add_argument("--framework", type=_framework, metavar="NAME", help="only facts about this framework")


def select(facts: tuple[Fact, ...], *, framework: str | None = None, stale: int | None = None,
           now: dt.date | None = None) -> list[Fact]:
    """The facts about `framework` (all if None) last checked more than `stale` days before `now`."""
    now = now or today()
    return [f for f in facts if (framework is None or f.framework == framework)
            and (stale is None or (now - dt.date.fromisoformat(f.checked)).days > stale)]


def fact_blocks(facts: list[Fact]) -> list[render.Block]:
    """Each fact: id and where it belongs, our statement, the source's words, the URL; a blank line between."""
    blocks: list[render.Block] = []
    for fact in facts:
        if blocks:
            blocks.append((0, ()))
        blocks.append((0, ((fact.id, "bold cyan"), (f"  {fact.framework} · {fact.attribute} · as of {fact.as_of} "
                                                            f"· checked {fact.checked}", "cyan"))))
        blocks.append((2, ((fact.statement, ""),)))
        blocks.append((2, ((render.SOURCE_SAYS, "bold"), (f"\u201c{fact.source_quote}\u201d", "italic"))))
        blocks.append((2, ((fact.source, "blue underline"),)))
    return blocks


def run(args: argparse.Namespace) -> int:
    """List the selected facts as text (rendered) or JSON; a note on stderr when none match."""
    facts = select(load_corpus().facts, framework=args.framework, stale=args.stale)
    if args.json:
        rows = [{key: getattr(fact, key) for key in FIELDS} for fact in facts]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif facts:
        render.emit(fact_blocks(facts))
    if not facts:
        stale = f" checked more than {args.stale} days ago" if args.stale is not None else ""
        about = f" about {args.framework}" if args.framework else ""
        print(f"fwbot: no facts{about}{stale}", file=sys.stderr)
    return 0
