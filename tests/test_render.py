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


@pytest.mark.parametrize("question", [COMPARE, "Is PyTorch written in Lua?", "What is Theano?"])
def test_only_the_verdict_and_the_notes_labels_are_bold(question: str) -> None:
    answer = bot.ask(question)
    verdict = [f"Verdict: {', '.join(answer.verdict)}"] if answer.verdict else []
    assert bold_spans(answer) == verdict + ["Note: "] * len(answer.notes)
    assert answer.text in [text for block in answer_blocks(answer) for text, style in block.spans if not style]


def test_the_verdict_and_notes_of_a_comparison_stand_out() -> None:
    answer = bot.ask(COMPARE)
    assert answer.verdict == ("PyTorch",) and answer.notes, "precondition: a verdict and a note"
    assert bold_spans(answer) == ["Verdict: PyTorch", "Note: "]


def test_the_chat_lists_each_source_with_its_quote(tmp_path: Path) -> None:
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
    chart_entries = [entry for entry, cite in zip(entries, answer.citations) if cite in charts]
    assert "\u201cSpeed \u2014 PyTorch: " in chart_entries[0] and "\u201cSpeed \u2014 Keras: " in chart_entries[1], \
        "each chart cell shows its row and column"


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
