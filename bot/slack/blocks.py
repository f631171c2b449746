"""An `Answer` as a Slack Block Kit message, within Slack's limits and with all text escaped.

Layout: (who asked what, for slash/shared answers) · the answer text · the verdict ·
numbered sources (section as a link, quoted passage) · freshness notes · buttons
("Helpful" / "Not helpful", plus "Share in channel" on private slash-command answers).
Limits honoured: at most 50 blocks, 3000 characters per text, fallback text under 4000
characters, button values under 2000 characters.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot import Answer, Citation
from bot.slack.markup import clip, escape, link, split

MAX_BLOCKS = 50
TEXT_LIMIT = 3000
FALLBACK_LIMIT = 3000
VALUE_LIMIT = 2000
QUOTE_LIMIT = 600
QUESTION_LIMIT = 300
MAX_ANSWER_SECTIONS = 6
MAX_NOTES = 3

HELPFUL = "fwbot_helpful"
NOT_HELPFUL = "fwbot_not_helpful"
SHARE = "fwbot_share"
RATINGS = {HELPFUL: "helpful", NOT_HELPFUL: "not_helpful"}
_NO_FEEDBACK_ROUTES = {"help"}
_NO_SOURCES_ROUTES = {"help", "out_of_scope"}
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")


@dataclass(frozen=True)
class Message:
    """What to post: `text` is the notification/accessibility fallback, `blocks` the layout."""

    text: str
    blocks: list[dict[str, Any]]


def answer_message(
    answer: Answer,
    *,
    answer_id: str,
    question: str,
    show_question: bool = False,
    asked_by: str | None = None,
    shareable: bool = False,
) -> Message:
    """Render `answer` (to `question`) as a message; `answer_id` ties button clicks back to it."""
    head: list[dict[str, Any]] = []
    if show_question or asked_by:
        head.append(_context(_question_line(question, asked_by)))
    notes = [str(note) for note in answer.notes[:MAX_NOTES]]
    text = answer.text
    body = [_section(piece) for piece in split(text, TEXT_LIMIT)[:MAX_ANSWER_SECTIONS]]
    if not body:
        body = [_section("_(no answer text)_")]
    if answer.verdict and answer.route not in _NO_SOURCES_ROUTES:
        body.append(_section(clip("*Verdict:* " + escape(", ".join(answer.verdict)), TEXT_LIMIT)))
    tail = [_context(clip("⚠️ " + escape(note), TEXT_LIMIT)) for note in notes]
    if answer.route not in _NO_FEEDBACK_ROUTES:
        tail.append(_buttons(answer, answer_id, question, shareable))
    room = MAX_BLOCKS - len(head) - len(body) - len(tail)
    sources = [] if answer.route in _NO_SOURCES_ROUTES else _sources(answer.citations, room)
    fallback = clip(escape(text), FALLBACK_LIMIT) or "fwbot answer"
    return Message(text=fallback, blocks=head + body + sources + tail)


def notice_message(text: str) -> Message:
    """A short bot notice (busy, apology, thanks) as a one-section message."""
    escaped = clip(escape(text), TEXT_LIMIT)
    return Message(text=escaped, blocks=[_section(escaped)])


def feedback_value(answer_id: str, route: str, question: str) -> str:
    """The feedback buttons' value: enough to make a useful record without server-side state."""
    limit = 500
    while True:
        value = json.dumps({"a": answer_id, "r": route, "q": question[:limit]}, ensure_ascii=False)
        if len(value) <= VALUE_LIMIT:
            return value
        limit //= 2


def parse_feedback_value(value: str) -> dict[str, str]:
    """Inverse of `feedback_value`; unknown or malformed values yield empty fields."""
    try:
        data = json.loads(value)
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    return {key: str(data.get(short, ""))[:500] for key, short in
            (("answer_id", "a"), ("route", "r"), ("question", "q"))}


def _question_line(question: str, asked_by: str | None) -> str:
    who = f"<@{asked_by}> asked" if asked_by and _USER_ID.fullmatch(asked_by) else "Question"
    return f"{who}: {clip(escape(question), QUESTION_LIMIT)}"


def _sources(citations: tuple[Citation, ...], room: int) -> list[dict[str, Any]]:
    """A divider and one context block per citation, trimmed to the `room` left (50-block cap)."""
    if not citations or room < 2:
        return []
    shown = citations if len(citations) <= room - 1 else citations[: room - 2]
    blocks = [{"type": "divider"}]
    for number, citation in enumerate(shown, start=1):
        blocks.append(_context(_citation_line(number, citation)))
    if len(shown) < len(citations):
        blocks.append(_context(f"…and {len(citations) - len(shown)} more source(s)"))
    return blocks


def _citation_line(number: int, citation: Citation) -> str:
    title = link(citation.url, citation.section or citation.source or citation.url)
    source = f" · {escape(citation.source)}" if citation.source and citation.section else ""
    quote = clip(escape(" ".join(citation.quote.split())), QUOTE_LIMIT)
    return clip(f"*[{number}]* {title}{source}\n“{quote}”", TEXT_LIMIT)


def _buttons(answer: Answer, answer_id: str, question: str, shareable: bool) -> dict[str, Any]:
    value = feedback_value(answer_id, answer.route, question)
    elements = [
        _button("👍 Helpful", HELPFUL, value),
        _button("👎 Not helpful", NOT_HELPFUL, value),
    ]
    if shareable:
        elements.append(_button("📣 Share in channel", SHARE, answer_id, style="primary"))
    return {"type": "actions", "block_id": "fwbot_feedback", "elements": elements}


def _button(label: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _section(mrkdwn: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def _context(mrkdwn: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn}]}
