"""Turns text into tokens: Unicode-normalised, lower-cased, framework aliases and misspellings
mapped to one canonical token, stop words dropped, the rest stemmed (Snowball, via PyStemmer)."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

import Stemmer
from rapidfuzz.distance import DamerauLevenshtein

_DATA = Path(__file__).parent / "data"
_TABLE = tomllib.loads((_DATA / "frameworks.toml").read_text(encoding="utf-8"))

#: Canonical framework names, in the order answers list them when nothing else orders them.
FRAMEWORKS: tuple[str, ...] = tuple(f["name"] for f in _TABLE["framework"])
#: Frameworks people ask about that the corpus does not cover.
UNCOVERED: tuple[str, ...] = tuple(_TABLE["uncovered"]["names"])

# The canonical token of each framework is its lower-cased name; these single tokens mean the same.
_ALIASES: dict[str, str] = {alias: f["name"].lower() for f in _TABLE["framework"] for alias in f["aliases"]}
# Aliases of several words, rewritten before tokenising so they become one token.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p["pattern"]), p["token"]) for p in _TABLE["phrase"])
# One pass that tells whether any alias phrase is there at all: most text (a page of documentation) has
# none, and trying each pattern in turn is what made analysing long texts slow.
_ANY_PHRASE = re.compile("|".join(f"(?:{p['pattern']})" for p in _TABLE["phrase"]))
_UNCOVERED = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n.lower()) for n in sorted(UNCOVERED, key=len, reverse=True)) + r")(?![\w])")
_CANONICAL = {name.lower(): name for name in FRAMEWORKS}
_PARTS = {part: f["name"] for f in _TABLE["framework"] for part in f.get("parts", [])}


def _part_of(token: str) -> str | None:
    """The framework a token names a part of ("torchserve", "torch.compile"), if any."""
    if token in _PARTS:
        return _PARTS[token]
    head = token.split(".", 1)[0] + "."
    return _PARTS.get(head) if "." in token else None
# Only full names long enough to be told apart from English words are matched fuzzily.
_FUZZY_TARGETS = tuple(f["name"].lower() for f in _TABLE["framework"] if f.get("fuzzy"))
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*(?:\+\+|#)?")
_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"))
_STEMMER = Stemmer.Stemmer("english")
_POSSESSIVE = re.compile(r"'s\b")


def _load_stopwords() -> frozenset[str]:
    text = (_DATA / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


STOPWORDS = _load_stopwords()


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """NFKC, lower-case, straight quotes, possessive 's removed, multi-word aliases joined."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # str.replace: far faster than str.translate on long texts
        for curly, straight in _QUOTES:
            text = text.replace(curly, straight)
    text = text.casefold()
    if "'s" in text:
        text = _POSSESSIVE.sub("", text)
    if _ANY_PHRASE.search(text):
        for pattern, repl in _PHRASES:
            text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=4096)
def _canonical_token(token: str) -> str | None:
    """The framework token this word names, through an alias or a small misspelling; None if none."""
    if token in _ALIASES:
        return _ALIASES[token]
    if len(token) < 5 or token in STOPWORDS or not token.isalpha():
        return None
    for target in _FUZZY_TARGETS:
        limit = 1 if len(target) <= 6 else 2
        if token[0] == target[0] and DamerauLevenshtein.distance(token, target, score_cutoff=limit) <= limit:
            return target
    return None


def words(text: str) -> list[str]:
    """Normalised tokens, framework mentions made canonical, nothing dropped or stemmed."""
    out = []
    for token in _TOKEN.findall(normalize(text)):
        out.append(_canonical_token(token) or token.rstrip("."))
    return out


@lru_cache(maxsize=8192)
def _stem(token: str) -> str:
    """Snowball's stem, with the plural "-s" it keeps after "u" or "o" folded too (GPUs, TPUs, macOS)."""
    if token in _CANONICAL:
        return token
    stem = _STEMMER.stemWord(token)
    return stem[:-1] if len(stem) > 3 and stem.endswith(("us", "os")) and token.endswith("s") else stem


def analyze(text: str) -> list[str]:
    """Tokens for BM25: canonical framework tokens, stop words dropped, the rest stemmed."""
    return [_stem(t) for t in words(text) if t not in STOPWORDS]


def find_frameworks(text: str) -> list[str]:
    """Canonical framework names mentioned in `text`, in order of first mention; a part ("torchserve")
    stands for its framework only when no framework is named ("Does PyTorch support TensorBoard?")."""
    tokens = words(text)
    named = [_CANONICAL[t] for t in tokens if t in _CANONICAL] or [p for t in tokens if (p := _part_of(t))]
    return list(dict.fromkeys(named))


_SPACED_NUMBER = re.compile(r"\b([a-z]+) (\d)\b")


def find_uncovered(text: str) -> list[str]:
    """Frameworks the corpus does not cover that `text` names ("MXNet", "Caffe"), in order of mention."""
    by_lower = {n.lower(): n for n in UNCOVERED}
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _SPACED_NUMBER.sub(lambda m: m[1] + m[2] if (m[1] + m[2]) in by_lower else m[0], text)  # "Caffe 2"
    found = [by_lower[m] for m in _UNCOVERED.findall(text)]
    return list(dict.fromkeys(found))


_PHRASE_PARTS = tuple(p for p in _PARTS if " " in p)


def find_parts(text: str) -> list[str]:
    """Parts of a framework a text names ("torchserve", "torch.compile", "pytorch mobile"), in order of mention."""
    lowered = " ".join(text.lower().split())
    phrases = [p for p in _PHRASE_PARTS if re.search(rf"\b{re.escape(p)}\b", lowered)]
    return list(dict.fromkeys(phrases + [t for t in words(text) if t not in _CANONICAL and _part_of(t)]))


_VERSION = re.compile(r"\d+\.\d+(?:\.\d+)?")


def find_versions(text: str) -> list[str]:
    """Versions and variants of a framework as written, in order of mention: "keras3", "tf2", "tf.keras",
    and release numbers such as "2.16". The alias folds the first kind into the framework, but "Keras 3"
    or "tf.keras" asks about that version or variant."""
    tokens = _TOKEN.findall(normalize(text))
    return list(dict.fromkeys(t for t in tokens if (t in _ALIASES and not t.isalpha() and t not in _CANONICAL)
                              or _VERSION.fullmatch(t)))


def raw_tokens(text: str) -> set[str]:
    """Normalised tokens before aliases fold them ("keras3" stays "keras3"), for matching versions."""
    return set(_TOKEN.findall(normalize(text)))


_AMBIGUOUS = frozenset(a for f in _TABLE["framework"] for a in f.get("ambiguous", []))


def only_ambiguous_names(text: str) -> bool:
    """Whether every framework the text names is named by an alias that is also an ordinary word ("torch")."""
    tokens = [t for t in _TOKEN.findall(normalize(text)) if t in _ALIASES]
    return bool(tokens) and all(t in _AMBIGUOUS for t in tokens)
