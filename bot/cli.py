"""The `fwbot` command: `ask` one question, chat in the `repl`, `eval` a labelled file, run `slack`.

One-shot answers must feel instant, so this module imports only the core, argparse and json;
the other subcommands import their modules (prompt_toolkit, scikit-learn, slack_bolt) when run,
and rich is imported only to draw on a terminal.
Exit codes: 0 answered (out-of-scope included), 1 failed, 2 usage error, 130 interrupted.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from bot import ask, render

MAX_QUESTION_CHARS = 2000
"""Longer input is not a question; refusing it keeps retrieval fast and the message clear."""

_STDIN_BYTE_LIMIT = 4 * MAX_QUESTION_CHARS
"""Reading stops here: no UTF-8 text this long fits in `MAX_QUESTION_CHARS`."""


class UsageError(Exception):
    """Bad input from the user: printed as `fwbot: <message>`, exit status 2."""


def clean_question(text: str) -> str:
    """`text` with its white space folded, or UsageError if it cannot be a question.

    Shared with the REPL so a pasted line and an argument are held to the same rules.
    """
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


def _read_stdin_question() -> str:
    """The question piped on stdin, read up to a bound so huge input is refused without reading it all."""
    data = sys.stdin.buffer.read(_STDIN_BYTE_LIMIT + 1)
    if len(data) > _STDIN_BYTE_LIMIT:
        raise UsageError(f"the input is longer than {MAX_QUESTION_CHARS:,} characters; give one question")
    return clean_question(decode_line(data))


def _cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question from the arguments or stdin; print it rendered, or as JSON."""
    words: list[str] = args.question
    if words in ([], ["-"]):
        if sys.stdin is None or (not words and sys.stdin.isatty()):
            raise UsageError('ask: no question; try: fwbot ask "which is faster, PyTorch or Keras?"')
        question = _read_stdin_question()
    else:
        question = clean_question(" ".join(words))
    answer = ask(question)
    if args.json:
        sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        render.emit(render.answer_blocks(answer))
    return 0


def _cmd_repl(args: argparse.Namespace) -> int:
    """Start the chat (a line editor on a terminal, line by line otherwise)."""
    from bot import repl

    return repl.run()


def _cmd_eval(args: argparse.Namespace) -> int:
    """Grade a labelled question file through the public API and report."""
    from bot import evaluate

    return evaluate.run(args.file, as_json=args.json, min_rate=args.min)


def _rate(text: str) -> float:
    """A pass rate between 0 and 1, for `--min`."""
    try:
        rate = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= rate <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (0.95 means 95%), got {text}")
    return rate


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option_string: str | None = None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("fwbot")
        except PackageNotFoundError:
            found = "unknown (not installed)"
        print(f"fwbot {found}")
        parser.exit(0)


def _parser() -> argparse.ArgumentParser:
    """The command line; each subcommand's handler is in `func`."""
    parser = argparse.ArgumentParser(
        prog="fwbot",
        description="Answers questions about deep-learning frameworks (PyTorch, TensorFlow, Keras, "
        "Theano, JAX, CNTK) with quoted, cited passages. With no command: the chat.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer one question", description="Answer one question and cite its sources.")
    ask.add_argument("question", nargs="*", help='the question; "-" or nothing reads it from stdin when piped')
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.set_defaults(func=_cmd_ask)

    repl = commands.add_parser("repl", help="chat, with follow-ups (the default at a terminal)")
    repl.set_defaults(func=_cmd_repl)

    ev = commands.add_parser("eval", help="grade a labelled .jsonl question file", description="Run a labelled question file through the bot and report.")
    ev.add_argument("file", help="JSON lines: question, route, verdict, yesno, evidence, must_say, must_not_say, after, tags")
    ev.add_argument("--json", action="store_true", help="print the report as one JSON object")
    ev.add_argument("--min", type=_rate, default=0.0, metavar="RATE", help="exit 1 when the pass rate is below RATE (0..1); a crashed item always does")
    ev.set_defaults(func=_cmd_eval)

    commands.add_parser("slack", help="run the Slack adapter (fwbot slack --help)", add_help=False)
    commands.add_parser("docs", help="your own documents: add, list, remove, search (fwbot docs --help)", add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `fwbot` with `argv` (default: the process arguments) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["slack"]:
        from bot.slack import run

        return run(args[1:])
    if args[:1] == ["docs"]:
        from bot.docs_cli import run as run_docs

        return run_docs(args[1:])
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")  # a non-UTF-8 locale degrades characters, not the run
    try:
        ns = _parser().parse_args(args)
        return ns.func(ns) if hasattr(ns, "func") else _cmd_repl(ns)
    except SystemExit as e:  # argparse: --help, --version, usage errors (status 2, message printed)
        return e.code if isinstance(e.code, int) else 2
    except UsageError as e:
        print(f"fwbot: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `fwbot ask ... | head -1`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as e:  # a bug, but the user gets one line, not a traceback
        print(f"fwbot: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
