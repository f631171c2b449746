"""How answers look at a terminal and in the chat: what stands out, which source is which, unbroken URLs."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

import bot
from bot.terminal import hyperlinks
from bot.terminal.render import answer_blocks

FWBOT = str(Path(sys.executable).with_name("fwbot"))
COMPARE = "which is faster, pytorch or keras?"
OSC8 = re.compile(r"\x1b]8;[^;]*;([^\x1b]*)\x1b\\")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
TERMINAL_HINTS = ("TERM_PROGRAM", "TERM_PROGRAM_VERSION", "VTE_VERSION", "WT_SESSION", "KITTY_WINDOW_ID",
                  "KONSOLE_VERSION", "DOMTERM", "FORCE_HYPERLINK", "NO_COLOR", "COLUMNS", "LINES")


def bold_spans(answer: bot.Answer) -> list[str]:
    return [text for block in answer_blocks(answer) for text, style in block.spans if "bold" in style.split()]


@pytest.mark.parametrize(("question", "verdict"), [
    (COMPARE, "According to the article, PyTorch is faster than Keras."),
    ("Is PyTorch written in Lua?", "No."),
    ("What is Theano?", None),
])
def test_only_the_verdict_and_the_notes_labels_are_bold(question: str, verdict: str | None) -> None:
    answer = bot.ask(question)
    assert answer.text.startswith(verdict or ""), "precondition: the core's answer opens as expected"
    notes = [note for note in answer.notes if note not in answer.text]
    assert bold_spans(answer) == ([verdict] if verdict else []) + ["Note: "] * len(notes)


def test_the_chat_lists_each_source_with_its_quote_and_chart_row(tmp_path: Path) -> None:
    answer = bot.ask(COMPARE)
    charts = [c for c in answer.citations if c.id.startswith("chart/")]
    assert len(charts) == 2 and len({(c.section, c.source, c.url) for c in charts}) == 1, \
        "precondition: two chart cells with one title and URL"
    done = subprocess.run([FWBOT, "repl"], input=f"{COMPARE}\n".encode(), capture_output=True, cwd=tmp_path,
                          env={**os.environ, "HOME": str(tmp_path), "FWBOT_HOME": str(tmp_path / "fwbot")}, timeout=60)
    listed = done.stdout.decode().split("Sources:\n", 1)[1]
    entries = re.split(r"^  \[\d+\] ", listed, flags=re.MULTILINE)[1:]
    assert len(entries) == len(answer.citations)
    for entry, cite in zip(entries, answer.citations):
        assert f"\u201c{cite.quote[:60]}" in entry
    assert "chart row \u201cSpeed\u201d, column PyTorch" in entries[0]
    assert "chart row \u201cSpeed\u201d, column Keras" in entries[1]


def ask_at_a_terminal(tmp_path: Path, columns: int, **env: str) -> str:
    """`fwbot ask` in a pseudo-terminal `columns` wide; its output as the terminal received it."""
    base = {k: v for k, v in os.environ.items() if k not in TERMINAL_HINTS}
    child = pexpect.spawn(FWBOT, ["ask", COMPARE], env={**base, "TERM": "xterm-256color", **env}, cwd=str(tmp_path),
                          dimensions=(40, columns), encoding="utf-8", timeout=60)
    output = child.read()
    child.close()
    assert child.exitstatus == 0, output
    return output


def test_a_url_wider_than_the_terminal_is_printed_whole_on_its_own_line(tmp_path: Path) -> None:
    output = ask_at_a_terminal(tmp_path, 40)
    assert "\x1b]8;" not in output, "no hyperlinks where the terminal does not say it shows them"
    lines = ANSI.sub("", output).replace("\r\n", "\n").split("\n")
    for cite in bot.ask(COMPARE).citations:
        assert 6 + len(cite.url) > 40, "precondition: the indented URL is wider than the terminal"
        assert f"      {cite.url}" in lines


def test_hyperlinks_where_the_terminal_shows_them(tmp_path: Path) -> None:
    output = ask_at_a_terminal(tmp_path, 40, FORCE_HYPERLINK="1")
    urls = {cite.url for cite in bot.ask(COMPARE).citations}
    assert set(OSC8.findall(output)) - {""} == urls
    assert all(url in OSC8.sub("", ANSI.sub("", output)) for url in urls), "the link text is the whole URL"


@pytest.mark.parametrize(("env", "shown"), [
    ({}, False),
    ({"TERM": "xterm-256color"}, False),
    ({"TERM": "xterm-kitty"}, True),
    ({"TERM_PROGRAM": "WezTerm"}, True),
    ({"TERM_PROGRAM": "iTerm.app", "TERM_PROGRAM_VERSION": "3.0.15"}, False),
    ({"TERM_PROGRAM": "iTerm.app", "TERM_PROGRAM_VERSION": "3.4.19"}, True),
    ({"VTE_VERSION": "4803"}, False),
    ({"VTE_VERSION": "7200"}, True),
    ({"WT_SESSION": "b1c9"}, True),
    ({"WT_SESSION": "b1c9", "FORCE_HYPERLINK": "0"}, False),
    ({"FORCE_HYPERLINK": "1"}, True),
])
def test_which_terminals_show_hyperlinks(env: dict[str, str], shown: bool) -> None:
    assert hyperlinks.supported(env) is shown
