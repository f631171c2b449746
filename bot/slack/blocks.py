"""An `Answer` as a Slack Block Kit message, within Slack's limits and with all text escaped.

Layout: (who asked what, for slash/shared answers) · (notices about the question) · the answer
text · the verdict · tables (a section per row: the row's label, then a field per cell, "*Keras:* High [1]",
numbered as the sources are) · numbered sources (section as a link, quoted passage; for a fact, also the source's
own words; for a document, its file path with line or page as text) · freshness notes · buttons
("Helpful" / "Not helpful", plus "Share in channel" on private slash-command answers).
Limits honoured: at most 50 blocks, 3000 characters per text, 10 fields of 2000 characters per section,
fallback text under 4000 characters, button values under 2000 characters. Tables come before sources:
when blocks run short, sources are trimmed first, then a table's last rows.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot import Answer, Citation
from bot.answer import Table
from bot.slack.markup import clip, escape, is_web, link, split

MAX_BLOCKS = 50
TEXT_LIMIT = 3000
FALLBACK_LIMIT = 3000
VALUE_LIMIT = 2000
QUOTE_LIMIT = 600
QUESTION_LIMIT = 300
PATH_LIMIT = 500
MAX_ANSWER_SECTIONS = 6
MAX_NOTES = 3
MAX_FIELDS = 10
FIELD_LIMIT = 2000
SOURCES_KEPT = 3
"""Blocks a table leaves for the sources when it is too long for the message: divider, one, "…and N more"."""

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
    notices: tuple[str, ...] = (),
) -> Message:
    """Render `answer` (to `question`) as a message; `answer_id` ties button clicks back to it.

    `notices` are the adapter's own remarks about the question (cut short, attachments not read),
    shown as ℹ️ lines above the answer."""
    head: list[dict[str, Any]] = []
    if show_question or asked_by:
        head.append(_context(_question_line(question, asked_by)))
    head += [_context(clip("ℹ️ " + escape(notice), TEXT_LIMIT)) for notice in notices[:MAX_NOTES]]
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
    cited = answer.route not in _NO_SOURCES_ROUTES and answer.citations
    tables = _tables(answer.tables, room - (SOURCES_KEPT if cited else 0))
    sources = _sources(answer.citations, room - len(tables)) if cited else []
    fallback = clip(escape(text), FALLBACK_LIMIT) or "fwbot answer"
    return Message(text=fallback, blocks=head + body + tables + sources + tail)


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


def _tables(tables: tuple[Table, ...], room: int) -> list[dict[str, Any]]:
    """Each table as its bold title and a section per row, within `room` blocks; rows that do not fit are
    counted in a closing line."""
    blocks: list[dict[str, Any]] = []
    for table in tables:
        if table.title and len(blocks) + 2 < room:
            blocks.append(_section(clip(f"*{escape(table.title)}*", TEXT_LIMIT)))
        rows = [i for i, row in enumerate(table.rows) if any(cell.strip() for cell in row)]  # an empty row: none
        for shown, i in enumerate(rows):
            sections = _row(table, i)
            if len(blocks) + len(sections) + (shown + 1 < len(rows)) > room:
                if len(blocks) < room:
                    blocks.append(_context(f"…and {len(rows) - shown} more row(s)"))
                break
            blocks.extend(sections)
    return blocks


def _row(table: Table, i: int) -> list[dict[str, Any]]:
    """Row `i` of `table`: a section whose text is the row's label (its first cell, bold) and whose fields
    are the other cells, each named by its column; more than `MAX_FIELDS` cells go on in more sections."""
    row, cites = table.rows[i], table.cites[i] if i < len(table.cites) else ()
    cells = [_cited(escape(" ".join(text.split())), cites[j] if j < len(cites) else 0) for j, text in enumerate(row)]
    names = [escape(" ".join(name.split())) for name in table.columns]
    fields = [{"type": "mrkdwn", "text": clip(f"*{names[j]}:* {cell or '—'}" if j < len(names) and names[j]
                                              else cell or "—", FIELD_LIMIT)} for j, cell in enumerate(cells[1:], 1)]
    label = {"text": {"type": "mrkdwn", "text": clip(f"*{cells[0]}*", TEXT_LIMIT)}} if cells and cells[0] else {}
    chunks = [fields[k:k + MAX_FIELDS] for k in range(0, len(fields), MAX_FIELDS)] or ([[]] if label else [])
    return [{"type": "section", **(label if k == 0 else {}), **({"fields": chunk} if chunk else {})}
            for k, chunk in enumerate(chunks)]


def _cited(text: str, number: int) -> str:
    """A cell followed by the number of its source, as in the sources list: "High [3]"."""
    return f"{text} [{number}]".strip() if number > 0 else text


def _citation_line(number: int, citation: Citation) -> str:
    title = link(citation.url, citation.section or citation.source or citation.url)
    source = f" · {escape(citation.source)}" if citation.source and citation.section else ""
    quote = clip(escape(" ".join(citation.quote.split())), QUOTE_LIMIT)
    own_words = clip(escape(" ".join(citation.source_quote.split())), QUOTE_LIMIT)
    said = f"\n_The source says:_ “{own_words}”" if own_words else ""
    return clip(f"*[{number}]* {title}{source}\n“{quote}”{said}{_location(citation.url)}", TEXT_LIMIT)


def _location(url: str) -> str:
    """A local file's location (a document's `path:line` or `path#page=N`) as code on a line of its own,
    since Slack cannot link to a path on the bot's machine; nothing for a web address (the title links it)."""
    if is_web(url) or not url.strip():
        return ""
    shown = clip(escape(" ".join(url.replace("`", "'").splitlines())), PATH_LIMIT)
    return f"\n`{shown}`"


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
