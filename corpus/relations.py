"""How two frameworks relate (relations.toml): whether one needs, is part of, or wraps the other today, with
the curated facts it rests on and the words that ask each kind."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import CorpusError
from corpus.records import FRAMEWORK_NAMES, identified_entries

KINDS = ("requires", "part_of", "same", "wraps")


@dataclass(frozen=True)
class Relation:
    """`subject` <kind> `object` holds today (or not), as `says` puts it, resting on `facts` (ids)."""

    id: str
    subject: str
    object: str
    kind: str
    holds: bool
    says: str
    facts: tuple[str, ...]
    named: str = ""  # asked by this name of the subject ("tf.keras", "torch"), not by the framework's own name
    version: str = ""  # the object's major version the relation is about ("3": tf.keras is Keras 3, not Keras 2)

    def asked_in(self, text: str) -> bool:
        """Whether `text` names this relation's `named` word and, apart from it, its object (in no other major
        version than the relation's)."""
        if not self.named:
            return False
        word = re.compile(rf"(?<![\w.]){re.escape(self.named)}(?![\w.])")
        found = re.search(rf"\b{re.escape(self.object.lower())}\s?(\d*)", word.sub(" ", text))
        return bool(word.search(text) and found) and found.group(1) in ("", self.version)


@dataclass(frozen=True)
class Relations:
    """The relations, and for each kind the patterns of its cues (object-first ones apart), plus negations."""

    entries: tuple[Relation, ...]
    cues: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]
    negated: re.Pattern[str]

    def find(self, subject: str, object_: str, kind: str) -> Relation | None:
        return next((r for r in self.entries if (r.subject, r.object, r.kind) == (subject, object_, kind)), None)


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w/])")


def load_relations(path: Path, fact_ids: frozenset[str]) -> Relations:
    """Load and check relations.toml: known frameworks and kinds, and every cited fact in facts.toml."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(path.name, "file", f"not valid TOML: {exc}") from None
    kinds = data.get("kinds", {})
    if set(kinds) != set(KINDS) or not all(isinstance(k.get("cues"), list) and k["cues"] for k in kinds.values()):
        raise CorpusError(path.name, "kinds", f"needs [kinds.X] tables with cues for exactly {', '.join(KINDS)}")
    entries = []
    fields = {"id", "subject", "object", "kind", "holds", "says", "facts", "named", "version"}
    for c, rid in identified_entries(path, "relation", fields):
        subject, object_ = c.choice("subject", FRAMEWORK_NAMES), c.choice("object", FRAMEWORK_NAMES)
        facts = c.texts("facts")
        for missing in [f for f in facts if f not in fact_ids]:
            c.fail(f"'facts' names no fact in facts.toml: {missing!r}")
        named = c.text("named", required=False) or ""
        entries.append(Relation(rid, subject, object_, c.choice("kind", KINDS), c.choice("holds", ("yes", "no")) == "yes",
                                c.text("says"), facts, named.lower(), c.text("version", required=False) or ""))
    cues = {name: (_pattern(k["cues"]), _pattern(k.get("reverse", []))) for name, k in kinds.items()}
    negated = _pattern(data.get("negated", {}).get("cues", [])) or re.compile(r"(?!)")
    return Relations(tuple(entries), cues, negated)  # type: ignore[arg-type]
