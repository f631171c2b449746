"""The chat: one `Session`, so follow-ups work, with `:commands` to inspect the last answer.

At a terminal it is a prompt_toolkit line editor with history kept across runs (in
$FWBOT_HOME/history, default ~/.fwbot/history) and Tab completion of framework names and
commands. Ctrl-C clears the current line, like a shell; Ctrl-D on an empty line, quit, exit or :quit leaves.
When stdin or stdout is not a terminal it reads plain lines, so it can be scripted.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, History, InMemoryHistory

from bot import Answer, Session
from bot.terminal import render
from bot.terminal.inputs import UsageError, clean_question, decode_line

FRAMEWORKS = ("PyTorch", "TensorFlow", "Keras", "Theano", "JAX", "CNTK")

COMMANDS = {
    ":help": "this list",
    ":sources": "the last answer's sources, quoted in full",
    ":why": "how the last answer came about: route, frameworks, confidence, top passages",
    ":reset": "forget the conversation and start a new one",
    ":quit": "leave (so do quit, exit, :q and Ctrl-D)",
}

LEAVE = frozenset({":quit", ":q", ":exit", "quit", "exit", "quit()", "exit()"})
"""Lines that end the chat, as they end Python's own REPL: never questions, so never sent to the bot."""

EXAMPLES = (
    "Which is faster, PyTorch or Keras?",
    "What is Theano?",
    "Which framework should a beginner start with?",
)

GREETING = (
    "fwbot answers questions about deep-learning frameworks ({}) and quotes and links the passages "
    "it relies on, mostly Simplilearn's \u201cKeras vs TensorFlow vs PyTorch\u201d comparison, with notes where "
    "that has aged. It remembers the conversation, so follow-ups like \u201cand for debugging?\u201d work."
).format(", ".join(FRAMEWORKS))

PROMPT = "fwbot> "

QUOTE_PREVIEW = 160
"""Characters of each quote under an answer in the chat; `:sources` shows them whole."""


def history_path() -> Path:
    """Where the line history lives: $FWBOT_HOME/history, else ~/.fwbot/history."""
    home = os.environ.get("FWBOT_HOME")
    return (Path(home) if home else Path.home() / ".fwbot") / "history"


class Chat:
    """One conversation fed a line at a time: questions go to the Session, `:commands` are handled here."""

    def __init__(self) -> None:
        self.session = Session()
        self.last: Answer | None = None

    def handle(self, line: str) -> bool:
        """Act on one input line; False when the user asked to leave."""
        text = line.strip()
        if not text:
            return True
        command = text.split()[0].lower() if text.startswith(":") else text.lower()
        if command in LEAVE:
            return False
        if text.startswith(":"):
            self._command(command)
        else:
            try:
                self.last = self.session.ask(clean_question(text))
                render.emit(render.answer_blocks(self.last, quote_limit=QUOTE_PREVIEW))
            except UsageError as e:
                render.message(str(e), "red", sys.stderr)
        render.message("")  # a blank line between turns
        return True

    def _command(self, name: str) -> None:
        """Run a `:command`."""
        if name == ":help":
            render.emit(render.Block(2, ((f"{cmd:<9}", "bold cyan"), (text, ""))) for cmd, text in COMMANDS.items())
            render.message("Anything else is a question. Tab completes framework names and commands.", "dim")
        elif name == ":reset":
            self.session, self.last = Session(), None
            render.message("Started a new conversation.", "dim")
        elif name not in (":sources", ":why"):
            render.message(f"Unknown command {name}; :help lists them.", "red", sys.stderr)
        elif self.last is None:
            render.message("Nothing asked yet: ask a question first.", "dim")
        elif name == ":sources":
            render.emit(render.source_blocks(self.last) or [render.Block(0, (("The last answer cites no sources.", "dim"),))])
        else:
            render.emit(render.why_blocks(self.last))


class _Completer(Completer):
    """Commands at the start of a line, framework names (any case) for the word being typed."""

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterator[Completion]:
        before = document.text_before_cursor
        if before.startswith(":") and " " not in before:
            yield from (Completion(c, -len(before), display_meta=m) for c, m in COMMANDS.items() if c.startswith(before.lower()))
            return
        word = re.search(r"[A-Za-z]*$", before).group()  # always matches, maybe empty
        if word:
            yield from (Completion(f, -len(word)) for f in FRAMEWORKS if f.lower().startswith(word.lower()))


def _history() -> History:
    """The on-disk history, created as needed; in memory (with a notice) when it cannot be written."""
    path = history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    except OSError as e:
        render.message(f"History will not be kept ({path}: {e.strerror}).", "yellow", sys.stderr)
        return InMemoryHistory()
    return FileHistory(str(path))


def _greet() -> None:
    """Say what fwbot knows and how to start."""
    render.message(GREETING)
    render.message("Try:", "bold")
    render.emit(render.Block(2, ((example, "cyan"),)) for example in EXAMPLES)
    render.message(":help lists commands \u00b7 Tab completes \u00b7 Ctrl-C clears the line \u00b7 quit or Ctrl-D leaves", "dim")


def _terminal_lines() -> Iterator[str]:
    """Lines typed at the line editor; Ctrl-C discards the line being typed, Ctrl-D ends."""
    prompt: PromptSession[str] = PromptSession(history=_history(), completer=_Completer(), complete_while_typing=False)
    while True:
        try:
            yield prompt.prompt(PROMPT)
        except KeyboardInterrupt:
            continue
        except EOFError:
            return


def _piped_lines() -> Iterator[str]:
    """Lines from stdin as bytes, so one line that is not UTF-8 is reported and skipped, not fatal."""
    for number, data in enumerate(sys.stdin.buffer, 1):
        try:
            yield decode_line(data)
        except UsageError as e:
            render.message(f"line {number}: {e}; skipped", "red", sys.stderr)


def _converse(chat: Chat, lines: Iterable[str]) -> None:
    """Feed `lines` to `chat` until they run out or the user leaves; Ctrl-C during an answer drops that answer."""
    for line in lines:
        try:
            if not chat.handle(line):
                return
        except KeyboardInterrupt:
            render.message("(interrupted)", "dim")


def run() -> int:
    """The REPL: interactive when both stdin and stdout are terminals, plain lines otherwise."""
    chat = Chat()
    if sys.stdin.isatty() and sys.stdout.isatty():
        _greet()
        _converse(chat, _terminal_lines())
    else:
        _converse(chat, _piped_lines())
    return 0
