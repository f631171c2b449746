"""The attribute vocabulary compiled for matching: stemmed phrases with weights, and polarity cues."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from index.analyzer import FRAMEWORKS, _stem, words

Phrase = tuple[str, ...]
# A cue made only of framework names ("tf.keras" reads as "keras") would fire on every mention.
_FRAMEWORK_TOKENS = frozenset(name.lower() for name in FRAMEWORKS)


def stems(text: str) -> Phrase:
    """Stemmed words, stop words kept (they matter in phrases like "written in")."""
    return tuple(_stem(w) for w in words(text))


@dataclass(frozen=True)
class Lexicon:
    """For each attribute: weighted cue phrases and negative cues; plus the shared negative cues."""

    cues: dict[str, tuple[tuple[Phrase, int], ...]]
    negatives: dict[str, frozenset[Phrase]]
    shared_negatives: frozenset[Phrase]
    labels: dict[str, str]
    phrasing: dict[str, dict[str, str]]
    generic: dict[str, frozenset[str]]  # for valued attributes: words naming the attribute, not a value
    domain: frozenset[str]  # attributes only deep-learning frameworks have
    primary_only: frozenset[str]  # attributes selected on by each framework's primary fact alone
    synonyms: dict[str, frozenset[str]]  # a word's stem -> the stems that mean the same, itself included
    named: frozenset[str] = frozenset()  # words naming what the facts are about (torchserve, pytensor)
    values: dict[str, frozenset[str]] = field(default_factory=dict)  # per attribute, its values' words
    known_by: dict[str, frozenset[str]] = field(default_factory=dict)  # per framework, its facts' value words
    by_age: tuple[str, ...] = ()  # the frameworks by first release, oldest first ("the old one")
    fallback: dict[str, str] = field(default_factory=dict)  # attribute -> the one ranked when it is not
    lacking: frozenset[Phrase] = frozenset()  # negative cues of every attribute ("does X lack Y?")
    asked: dict[str, frozenset[str]] = field(default_factory=dict)  # values asked of no framework ("Amazon")
    see_also: dict[str, str] = field(default_factory=dict)  # attribute -> a sibling whose facts may answer it

    @classmethod
    def build(cls, attributes: dict[str, dict]) -> Lexicon:
        cues, negatives, labels, phrasing, generic, domain = {}, {}, {}, {}, {}, set()
        primary_only = {name for name, entry in attributes.items() if entry.get("primary_only")}
        for name, entry in attributes.items():
            if name.startswith("_"):
                continue
            # A strong cue weighs 3 a word, a weak one 1, so "run on" (weak) loses to "backend" (strong).
            weighted = {stems(t): 1 for t in entry.get("weak", [])} | {stems(t): 3 for t in entry.get("terms", [])}
            cues[name] = tuple((p, w * len(p)) for p, w in weighted.items() if set(p) - _FRAMEWORK_TOKENS)
            negatives[name] = frozenset(stems(t) for t in entry.get("negative", []))
            labels[name] = entry["label"]
            phrasing[name] = {k: entry[k] for k in ("more", "less", "most", "least") if k in entry}
            if entry.get("domain"):
                domain.add(name)
            if entry.get("valued"):
                generic[name] = frozenset(t for w in entry.get("generic", []) for t in stems(w))
        shared = frozenset(stems(t) for t in attributes.get("_shared", {}).get("negative", []))
        lacking = frozenset(stems(t) for t in attributes.get("_lacking", {}).get("negative", []))
        synonyms: dict[str, frozenset[str]] = {}
        for group in attributes.get("_synonyms", {}).get("groups", []):
            same = frozenset(t for w in group for t in stems(w))
            synonyms.update({t: synonyms.get(t, frozenset()) | same for t in same})
        fallback = {name: entry["fallback"] for name, entry in attributes.items() if "fallback" in entry}
        return cls(cues, negatives, shared, labels, phrasing, generic, frozenset(domain), frozenset(primary_only), synonyms,
                   fallback=fallback, lacking=lacking,
                   asked={name: frozenset(t for v in entry.get("asked_values", []) for t in stems(v))
                          for name, entry in attributes.items() if not name.startswith("_")},
                   see_also={name: entry["see_also"] for name, entry in attributes.items() if "see_also" in entry})

    @cached_property
    def words(self) -> frozenset[str]:
        """Every stemmed word of every cue: things frameworks are compared on."""
        return frozenset(t for cues in self.cues.values() for phrase, _ in cues for t in phrase)

    def widen(self, terms: set[str] | frozenset[str] | tuple[str, ...]) -> set[str]:
        """The terms with every word that means the same added."""
        return {s for t in terms for s in self.synonyms.get(t, (t,))}

    def ordered(self, attribute: str) -> bool:
        """Whether the attribute has an order (faster, easier...) rather than a value (a date, a licence)."""
        return bool(self.phrasing.get(attribute))


def find_phrase(tokens: Phrase, phrase: Phrase) -> list[int]:
    """Start positions of `phrase` in `tokens`."""
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if tokens[i:i + n] == phrase]
