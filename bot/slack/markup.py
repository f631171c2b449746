"""Slack text in both directions: markup in questions -> plain text; any text -> safe mrkdwn.

Slack treats `&`, `<` and `>` as control characters: `<!channel>` pings everyone and
`<http://x|y>` shows "y" but links to x. Everything the bot posts that came from a user
or the corpus goes through `escape`, and the only `<...>` the bot emits itself are links
built by `link` from http(s) URLs.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_MARKUP = re.compile(r"<([^<>]*)>")
_BROADCASTS = {"here", "channel", "everyone"}
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # RFC 3986 reserved + '%' (keep existing escapes)


def escape(text: str) -> str:
    """`text` with Slack's control characters replaced by entities, so it shows literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo `escape` (Slack delivers message text escaped this way)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def to_plain(text: str, bot_user_id: str | None = None) -> str:
    """A Slack message's text as a plain question for the core.

    The bot's own mention is dropped; other mentions become "@name", broadcasts
    (`<!channel>`) "@channel", channel links "#name", links their label (or address);
    entities are decoded and whitespace collapsed.
    """

    def replace(match: re.Match[str]) -> str:
        target, _, label = match.group(1).partition("|")
        if target.startswith("@"):
            return "" if target[1:] == bot_user_id else "@" + (label.lstrip("@") or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            keyword = target[1:].split("^", 1)[0]
            return "@" + keyword if keyword in _BROADCASTS else label  # subteam, date: their fallback
        if target.startswith("mailto:"):
            return label or target[len("mailto:"):]
        return label or target

    plain = unescape(_MARKUP.sub(replace, text))
    return " ".join(plain.split()).lstrip(":,; ").strip()


def is_web(url: str) -> bool:
    """Whether `url` is an http(s) address with a host (what `link` links; a local path is not)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def link(url: str, label: str) -> str:
    """A mrkdwn link to an http(s) `url` showing `label`; just the escaped label for anything else."""
    if not is_web(url):
        return escape(label)
    safe_url = escape(quote(url.strip(), safe=_URL_SAFE))
    return f"<{safe_url}|{escape(label.replace('|', '/')) or safe_url}>"


def clip(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` cut to at most `limit` characters (ending in `ellipsis` when cut).

    Safe on escaped text: never leaves half an entity such as "&am" at the cut.
    """
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + ellipsis


def split(text: str, limit: int) -> list[str]:
    """Escaped `text` split into pieces of at most `limit` characters, at line breaks where possible.

    Splitting happens before escaping, so no entity is ever cut in two.
    """
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        escaped = escape(line)
        if len(current) + len(escaped) <= limit:
            current += escaped
            continue
        if current:
            pieces.append(current)
            current = ""
        while len(escaped) > limit:  # a single overlong line: cut by characters
            head, line = _take(line, limit)
            pieces.append(escape(head))
            escaped = escape(line)
        current = escaped
    if current:
        pieces.append(current)
    return [piece for piece in pieces if piece.strip()]


def _take(raw: str, limit: int) -> tuple[str, str]:
    """The longest prefix of `raw` whose escaped form fits in `limit`, and the rest."""
    size = 0
    for index, char in enumerate(raw):
        size += len(escape(char))
        if size > limit:
            index = max(index, 1)  # always make progress
            return raw[:index], raw[index:]
    return raw, ""
