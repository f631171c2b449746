"""The chat through a real pseudo-terminal (pexpect), and scripted through a pipe."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

import bot

FWBOT = str(Path(sys.executable).with_name("fwbot"))
QUESTION = "which is faster, pytorch or keras?"
FOLLOW_UP = "and for debugging?"
PROMPT = "fwbot>"  # the space after it is drawn as a cursor move


def chat_env(tmp_path: Path) -> dict[str, str]:
    """A scratch home, a real terminal type, and no cursor-position queries (pexpect does not answer them)."""
    return {**os.environ, "HOME": str(tmp_path), "FWBOT_HOME": str(tmp_path / "fwbot"),
            "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}


def expected_chat() -> tuple[bot.Answer, bot.Answer]:
    """The question and its follow-up answered in one Session, checked to differ from a fresh follow-up."""
    session = bot.Session()
    first, follow = session.ask(QUESTION), session.ask(FOLLOW_UP)
    assert follow.to_dict() != bot.ask(FOLLOW_UP).to_dict(), "precondition: the follow-up depends on the chat"
    assert follow.citations, "precondition: the follow-up cites passages"
    return first, follow


def test_chat_at_a_terminal(tmp_path: Path) -> None:
    first, follow = expected_chat()
    child = pexpect.spawn(FWBOT, [], env=chat_env(tmp_path), cwd=str(tmp_path), dimensions=(50, 250),
                          encoding="utf-8", timeout=30)
    try:
        child.expect_exact("fwbot answers questions about deep-learning frameworks")
        child.expect_exact("Try:")
        child.expect_exact(PROMPT)

        child.sendline(QUESTION)
        child.expect_exact(first.text[:40])
        child.expect_exact(PROMPT)

        child.sendline(FOLLOW_UP)  # answered in the same Session, so it differs from a fresh one
        child.expect_exact(follow.text[:40])
        child.expect_exact(PROMPT)

        child.sendline(":sources")
        child.expect_exact("[1] ")
        child.expect_exact(follow.citations[0].quote[:40])
        child.expect_exact(follow.citations[0].url)
        child.expect_exact(PROMPT)

        child.sendline(":why")
        child.expect_exact("route: ")
        child.expect_exact(follow.route)
        child.expect_exact("confidence: ")
        child.expect_exact("top passages")
        child.expect_exact(PROMPT)

        child.send("is pyt\t")  # Tab completes the framework name, in its proper case
        child.expect_exact("PyTorch")
        child.sendcontrol("c")  # Ctrl-C drops the line and keeps the chat
        child.expect_exact(PROMPT)
        child.send(":he\t")  # completion runs in the background: wait for it before Enter
        child.expect_exact(":help")
        child.send("\r")
        child.expect_exact("the last answer's sources")
        child.expect_exact(PROMPT)

        child.sendeof()  # Ctrl-D on an empty line leaves
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    history = (tmp_path / "fwbot" / "history").read_text(encoding="utf-8")
    for line in (QUESTION, FOLLOW_UP, ":sources", ":why", ":help"):
        assert f"\n+{line}\n" in history
    assert "is pyt" not in history, "a line dropped with Ctrl-C is not history"


def test_chat_scripted_through_a_pipe(tmp_path: Path) -> None:
    first, follow = expected_chat()
    fresh = bot.ask(FOLLOW_UP)
    script = "\n".join([QUESTION, FOLLOW_UP, ":why", ":reset", FOLLOW_UP]).encode() + b"\n\xff\xfe?\n:quit\nwhat is keras?\n"
    done = subprocess.run([FWBOT, "repl"], input=script, capture_output=True, env=chat_env(tmp_path), cwd=tmp_path, timeout=60)
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, err
    assert "\x1b[" not in out and PROMPT not in out, "piped chat is plain, without prompts"
    positions = [out.index(first.text), out.index(follow.text), out.index(f"route: {follow.route}"),
                 out.index("Started a new conversation."), out.rindex(fresh.text)]
    assert positions == sorted(positions)
    assert "line 6: the input is not valid UTF-8 (byte 0xff at offset 0); skipped" in err
    assert bot.ask("what is keras?").text not in out, "nothing is answered after :quit"
    assert "Traceback" not in out + err


@pytest.mark.parametrize("word", ["quit", "exit", "Exit", "quit()", ":q", ":quit now"])
def test_quit_and_exit_leave_the_chat_as_in_python(tmp_path: Path, word: str) -> None:
    script = f"{word}\nwhat is keras?\n".encode()
    done = subprocess.run([FWBOT, "repl"], input=script, capture_output=True, env=chat_env(tmp_path), cwd=tmp_path, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b""), "left at once, answering nothing"


def test_help_says_how_to_leave(tmp_path: Path) -> None:
    done = subprocess.run([FWBOT, "repl"], input=b":help\n", capture_output=True, env=chat_env(tmp_path), cwd=tmp_path, timeout=60)
    assert re.search(r"^\s*:quit\s+leave \(so do quit, exit, :q and Ctrl-D\)$", done.stdout.decode(), re.MULTILINE)
