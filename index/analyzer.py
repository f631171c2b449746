"""Turns text into tokens: Unicode-normalised, lower-cased, framework aliases and misspellings
mapped to one canonical token, stop words dropped, the rest stemmed (Snowball, via PyStemmer)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import Stemmer
from rapidfuzz.distance import DamerauLevenshtein

#: Canonical framework names, in the order answers list them when nothing else orders them.
FRAMEWORKS: tuple[str, ...] = ("PyTorch", "TensorFlow", "Keras", "Theano", "JAX", "CNTK")

# The canonical token of each framework is its lower-cased name; these single tokens mean the same.
_ALIASES: dict[str, str] = {
    "pytorch": "pytorch", "torch": "pytorch", "pt": "pytorch", "pytorch2": "pytorch",
    "tensorflow": "tensorflow", "tf": "tensorflow", "tf2": "tensorflow", "tf1": "tensorflow",
    "tensorflow2": "tensorflow", "tfx": "tensorflow",
    "keras": "keras", "tf.keras": "keras", "keras3": "keras", "keras2": "keras", "tf_keras": "keras",
    "theano": "theano",
    "jax": "jax", "jaxlib": "jax",
    "cntk": "cntk",
}
# Aliases of several words, rewritten before tokenising so they become one token; each is tried only on
# text holding its word (the first item), which keeps analysing long documents fast.
_PHRASES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (word, re.compile(pattern), repl)  # each pattern starts with its word, then checks the boundary before it
    for word, pattern, repl in (
        ("tensor", r"tensor(?<=\btensor)\s*flow\b", "tensorflow"),
        ("torch", r"py(?<=\bpy)\s*-?\s*torch\b", "pytorch"),
        ("keras", r"tf(?<=\btf)\s*[-.]\s*keras\b", "tf.keras"),
        ("cognitive", r"microsoft(?<=\bmicrosoft)\s+cognitive\s+toolkit\b", "cntk"),
        ("cognitive", r"cognitive(?<=\bcognitive)\s+toolkit\b", "cntk"),
        ("keras", r"keras(?<=\bkeras)\s+3\b", "keras3"),
        ("keras", r"keras(?<=\bkeras)\s+2\b", "keras2"),
        ("tf", r"tf(?<=\btf)\s+2\b", "tf2"),
    )
)
_CANONICAL = {name.lower(): name for name in FRAMEWORKS}
# Only full names long enough to be told apart from English words are matched fuzzily.
_FUZZY_TARGETS = ("pytorch", "tensorflow", "keras", "theano")
_TOKEN = re.compile(r"[^\W_]+(?:\.[^\W_]+)*(?:\+\+|#)?")
_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"))
_STEMMER = Stemmer.Stemmer("english")
_POSSESSIVE = re.compile(r"'s\b")


def _load_stopwords() -> frozenset[str]:
    text = (Path(__file__).parent / "data" / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


STOPWORDS = _load_stopwords()


def normalize(text: str) -> str:
    """NFKC, lower-case, straight quotes, possessive 's removed, multi-word aliases joined."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # str.replace: far faster than str.translate on long texts
        for curly, straight in _QUOTES:
            text = text.replace(curly, straight)
    text = text.casefold()
    if "'s" in text:
        text = _POSSESSIVE.sub("", text)
    for word, pattern, repl in _PHRASES:
        if word in text:
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
    """Canonical framework names mentioned in `text`, in order of first mention."""
    seen: list[str] = []
    for token in words(text):
        name = _CANONICAL.get(token)
        if name and name not in seen:
            seen.append(name)
    return seen
