"""Overview tables as users see them: `fwbot ask` piped and at a terminal, `--json`, the chat, and Slack's
message; every cell's number points at a source that quotes that cell."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot
from bot.answer import Table
from bot.slack.blocks import FIELD_LIMIT, MAX_BLOCKS, MAX_FIELDS, TEXT_LIMIT, answer_message
from bot.terminal.tables import GAP, MIN_WIDTH, plain_lines
from slack_deliveries import HttpSlack, mention_body
from slack_standin import CHANNEL, SlackStandIn, config_for, new_ts
from test_slack_text import OWN_LINK, texts

FWBOT = str(Path(sys.executable).with_name("fwbot"))
CHART = "show me the chart"
SIDE_BY_SIDE = "tensorflow vs pytorch side by side"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
NUMBERED = re.compile(r"^(.*?) ?\[(\d+)\]$")
CHART_ROWS = 8
CHART_FRAMEWORKS = {"Keras", "PyTorch", "TensorFlow"}


def run(tmp_path: Path, *args: str, stdin: str = "", columns: int = 250) -> str:
    """`fwbot ARGS` piped, with $COLUMNS set to `columns` and a scratch home; its output."""
    env = {**os.environ, "HOME": str(tmp_path), "FWBOT_HOME": str(tmp_path / "fwbot"), "COLUMNS": str(columns)}
    done = subprocess.run([FWBOT, *args], input=stdin.encode(), capture_output=True, cwd=tmp_path, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode()


def read_plain_table(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """A piped table read as a person reads it: the dashed rules under the header and after the last row give
    each column's place; rows are one line each, or, when cells wrap, blocks of lines between blank lines.
    Returns the header and the rows, a wrapped cell's lines joined by spaces."""
    top, bottom = [i for i, line in enumerate(lines) if line.startswith("-")][:2]
    spans = [m.span() for m in re.finditer(r"-+", lines[top])]

    def split(line: str) -> list[str]:
        return [line[start:end + 2].strip() if k < len(spans) - 1 else line[start:].strip()
                for k, (start, end) in enumerate(spans)]

    body = lines[top + 1:bottom]
    groups = "\n".join(body).split("\n\n") if "" in body else body
    rows = [[" ".join(piece for piece in pieces if piece) for pieces in zip(*map(split, group.split("\n")))]
            for group in groups]
    return split(lines[top - 1]), rows


def quotes_by_number(output: str) -> dict[int, str]:
    """The printed sources: each number and the quote printed under it."""
    listed = output.split("Sources:\n", 1)[1]
    return {int(n): quote for n, quote in re.findall(r"^  \[(\d+)\] .*\n\s+\u201c(.*)\u201d$", listed, re.MULTILINE)}


def assert_cells_cite_their_quotes(header: list[str], rows: list[list[str]], quotes: dict[int, str]) -> None:
    """Every cell ends with [n], and source n quotes that cell ("Row — Column: value")."""
    for row in rows:
        for column, cell in zip(header[1:], row[1:]):
            match = NUMBERED.match(cell)
            assert match, f"{cell!r} has no citation number"
            value, number = match.group(1), int(match.group(2))
            assert quotes[number] == f"{row[0]} \u2014 {column}: {value}", (cell, quotes[number])


def table_lines(output: str) -> list[str]:
    """The lines between the answer text (and verdict) and "Sources:"."""
    return output.split("Sources:\n", 1)[0].split("\n\n", 1)[1].splitlines()


def test_piped_ask_prints_the_chart_as_a_table_between_text_and_sources(tmp_path: Path) -> None:
    answer = bot.ask(CHART)
    out = run(tmp_path, "ask", CHART)
    assert out.startswith(answer.text) and "\x1b[" not in out
    lines = table_lines(out)
    assert lines[0] == "The article's chart"
    header, rows = read_plain_table(lines)
    assert set(header[1:]) == CHART_FRAMEWORKS and header[0] == ""
    assert len(rows) == CHART_ROWS and all(len(row) == 4 for row in rows)
    assert {row[0] for row in rows} >= {"Speed", "Debugging", "Popularity", "Written In"}
    assert_cells_cite_their_quotes(header, rows, quotes_by_number(out))


def test_a_narrow_width_wraps_cells_and_loses_nothing(tmp_path: Path) -> None:
    wide = read_plain_table(table_lines(run(tmp_path, "ask", CHART)))
    narrow_out = run(tmp_path, "ask", CHART, columns=60)
    lines = table_lines(narrow_out)
    assert all(len(line) <= 60 for line in lines)
    narrow = read_plain_table(lines)
    squeeze = lambda table: [[re.sub(r"\s", "", cell) for cell in row] for row in [table[0], *table[1]]]  # noqa: E731
    assert squeeze(narrow) == squeeze(wide), "wrapping moves words to new lines, never drops them"
    assert max(len(line) for line in lines) > 50, "the width is used, not squeezed needlessly"


def test_json_carries_the_table_as_data(tmp_path: Path) -> None:
    data = json.loads(run(tmp_path, "ask", "--json", CHART))
    assert data == bot.ask(CHART).to_dict()
    [table] = data["tables"]
    assert set(table) == {"title", "columns", "rows", "cites"}
    assert len(table["rows"]) == CHART_ROWS and set(table["columns"][1:]) == CHART_FRAMEWORKS
    for row, cites in zip(table["rows"], table["cites"]):
        assert cites[0] == 0, "a row label cites nothing"
        for column, cell, number in zip(table["columns"][1:], row[1:], cites[1:]):
            assert data["citations"][number - 1]["quote"] == f"{row[0]} \u2014 {column}: {cell}"


def test_the_chat_shows_the_table_under_the_answer(tmp_path: Path) -> None:
    answer = bot.Session().ask(SIDE_BY_SIDE)
    assert len(answer.tables) == 1, "precondition: a side-by-side comparison comes with a table"
    out = run(tmp_path, "repl", stdin=f"{SIDE_BY_SIDE}\n")
    assert out.startswith(answer.text)
    header, rows = read_plain_table(table_lines(out))
    assert header == list(answer.tables[0].columns)
    assert [row[0] for row in rows] == [row[0] for row in answer.tables[0].rows]
    assert_cells_cite_their_quotes(header, rows, quotes_by_number(out))


def test_at_a_terminal_the_table_fits_the_width(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    child = pexpect.spawn(FWBOT, ["ask", CHART], env={**env, "TERM": "xterm-256color"}, cwd=str(tmp_path),
                          dimensions=(40, 70), encoding="utf-8", timeout=60)
    output = ANSI.sub("", child.read()).replace("\r\n", "\n")
    child.close()
    assert child.exitstatus == 0, output
    drawn = output.split("Sources:\n", 1)[0]
    assert "The article's chart" in drawn and "\u2500" in drawn, "rich's table, with its rule under the header"
    assert all(len(line.rstrip()) <= 70 for line in drawn.splitlines())
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", drawn)]
    assert sorted(numbers) == sorted(n for row in bot.ask(CHART).tables[0].cites for n in row if n)


def slack_chart_message() -> tuple[bot.Answer, list[dict[str, Any]]]:
    answer = bot.ask(CHART)
    return answer, answer_message(answer, answer_id="a1", question=CHART).blocks


def test_slack_shows_a_section_per_row_numbered_as_the_sources() -> None:
    answer, blocks = slack_chart_message()
    [table] = answer.tables
    rows = [b for b in blocks if b.get("fields")]
    assert len(rows) == CHART_ROWS
    assert {"type": "section", "text": {"type": "mrkdwn", "text": "*The article's chart*"}} in blocks
    sources = {int(n): quote for b in blocks if b["type"] == "context"
               for n, quote in re.findall(r"^\*\[(\d+)\]\* .*\n\u201c(.*)\u201d", b["elements"][0]["text"])}
    assert len(sources) == len(answer.citations), "every source is listed"
    for block, row in zip(rows, table.rows):
        label = block["text"]["text"].strip("*")
        assert label == row[0] and len(block["fields"]) == len(table.columns) - 1
        for field, column, value in zip(block["fields"], table.columns[1:], row[1:]):
            match = re.fullmatch(r"\*(.+):\* (.+) \[(\d+)\]", field["text"])
            assert match and match.group(1) == column and match.group(2) == value, field
            assert sources[int(match.group(3))] == f"{label} \u2014 {column}: {value}"
    kinds = [b["type"] for b in blocks]
    assert kinds.index("divider") > blocks.index(rows[-1]), "the table comes before the sources"


def test_slack_posts_the_table_in_the_thread(standin: SlackStandIn, tmp_path: Path) -> None:
    slack = HttpSlack(standin, config_for(standin, tmp_path))
    try:
        ts = new_ts()
        assert slack.deliver("events_api", mention_body(CHANNEL, ts, CHART)) == 200
        [post] = standin.wait_for("chat.postMessage")
    finally:
        slack.close()
    blocks = post.body["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    assert len([b for b in blocks if b.get("fields")]) == CHART_ROWS
    assert [b for b in blocks if b["type"] != "actions"] == [b for b in slack_chart_message()[1] if b["type"] != "actions"]


def check_limits(blocks: list[dict[str, Any]]) -> None:
    """What Slack accepts: at most 50 blocks, texts of 1 to 3,000 characters, sections with text or 1 to 10
    fields of at most 2,000 characters, and no markup but the bot's own links."""
    assert len(blocks) <= MAX_BLOCKS
    for block in blocks:
        if block["type"] == "section":
            assert block.get("text") or block.get("fields"), block
            assert len(block.get("fields", ())) <= MAX_FIELDS
            assert all(0 < len(field["text"]) <= FIELD_LIMIT for field in block.get("fields", ()))
    for shown in texts(blocks):
        assert 0 < len(shown) <= TEXT_LIMIT
        assert "<" not in OWN_LINK.sub("", shown) and ">" not in OWN_LINK.sub("", shown)


def test_a_huge_table_with_many_sources_keeps_within_slack_limits() -> None:
    citations = tuple(bot.Citation(f"c{i}", "src", f"S{i}", "q" * 900, "https://e.x/") for i in range(60))
    table = Table("<!channel> " * 400, tuple(f"col {j}" for j in range(25)),
                  tuple(tuple(f"<cell {i}.{j}> & " * 300 for j in range(25)) for i in range(200)),
                  tuple(tuple(j and (i + j) % 60 + 1 for j in range(25)) for i in range(200)))
    answer = bot.Answer("text " * 2000, "compare", ("PyTorch",), citations, tables=(table, table))
    blocks = answer_message(answer, answer_id="a", question="q").blocks
    check_limits(blocks)
    shown = json.dumps(blocks)
    assert "more row(s)" in shown and "more source(s)" in shown
    assert [b["type"] for b in blocks].count("divider") == 1, "sources are trimmed, not dropped"
    assert sum(1 for b in blocks if b.get("fields")) > 10, "the table keeps most of the room"


cells = st.text(alphabet=st.sampled_from(list("<>&|!@*_~` \nab")) | st.characters(), max_size=60)


@settings(max_examples=120, deadline=None)
@given(title=cells, columns=st.lists(cells, max_size=14),
       rows=st.lists(st.lists(cells, max_size=14), max_size=40), sources=st.integers(0, 40), data=st.data())
def test_any_table_keeps_within_slack_limits(title: str, columns: list[str], rows: list[list[str]],
                                             sources: int, data: st.DataObject) -> None:
    cites = tuple(tuple(data.draw(st.integers(0, sources)) for _ in row) for row in rows)
    citations = tuple(bot.Citation(f"c{i}", "s", "S", "q", "https://e.x/") for i in range(sources))
    table = Table(title, tuple(columns), tuple(tuple(row) for row in rows), cites[:data.draw(st.integers(0, len(rows)))])
    answer = bot.Answer("t", "compare", citations=citations, tables=(table,))
    check_limits(answer_message(answer, answer_id="a", question="q").blocks)
    lines = plain_lines(table, 80)
    assert len(lines) >= 2 or not (columns or any(rows)), "the plain form draws any table: a header and its rule"


@pytest.mark.parametrize("width", [20, 60, 100])
def test_plain_lines_fit_the_width_when_the_columns_allow(width: int) -> None:
    table = Table("t", ("", "A", "B"), (("row one", "x " * 80, "word" * 30), ("row two", "", "y")), ((0, 1, 2), (0, 0, 3)))
    lines = plain_lines(table, width)
    assert all(len(line) <= max(width, 3 * MIN_WIDTH + 2 * GAP) for line in lines)
    header, rows = read_plain_table(lines)
    squeezed = [[re.sub(r"\s", "", cell) for cell in row] for row in rows]
    assert header == ["", "A", "B"]
    assert squeezed == [["rowone", "x" * 80 + "[1]", "word" * 30 + "[2]"], ["rowtwo", "", "y[3]"]]
