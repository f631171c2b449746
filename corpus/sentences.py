"""Sentence splitting for English prose: enough for the article and the facts, and never mid-sentence."""
from __future__ import annotations

import re

# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before white space
# and a capital letter, a digit or an opening quote. "tf.keras" or "2.0" have no space and never split.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]?\s+(?=[A-Z0-9“\"(‘])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Ms.", "U.S.", "Inc.", "approx.")


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, in order, each stripped; joined with spaces they give the paragraph back."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start:match.start()].rstrip() + text[match.start():match.end()].strip()
        if candidate.endswith(_ABBREVIATIONS):
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]
