"""Input checks shared by the terminal's commands: a question argument and a chat line meet the same rules."""
from __future__ import annotations

MAX_QUESTION_CHARS = 2000
"""Longer input is not a question; refusing it keeps retrieval fast and the message clear."""


class UsageError(Exception):
    """Bad input from the user: printed as `fwbot: <message>`, exit status 2."""


def clean_question(text: str) -> str:
    """`text` with its white space folded, or UsageError if it cannot be a question."""
    if "\x00" in text:
        raise UsageError("the input looks binary (it contains NUL bytes); give the question as text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: argv bytes that were not UTF-8
        raise UsageError("the question is not valid UTF-8 text") from None
    question = " ".join(text.split())
    if not question:
        raise UsageError("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise UsageError(f"the question is {len(question):,} characters long; the limit is {MAX_QUESTION_CHARS:,}")
    return question


def decode_line(data: bytes) -> str:
    """Bytes from stdin as text, or UsageError naming the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UsageError(f"the input is not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
