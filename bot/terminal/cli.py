"""The `fwbot` command: `ask` one question, chat in the `repl`, `eval` a labelled file, list the `facts`, run `slack`.

Subcommands are the `SUBCOMMANDS` table: one entry each (name, add-arguments function, run function).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot import ask
from bot.terminal import facts, render
from bot.terminal.inputs import MAX_QUESTION_CHARS, UsageError, clean_question, decode_line

_STDIN_BYTE_LIMIT = 4 * MAX_QUESTION_CHARS
"""Reading stops here: no UTF-8 text this long fits in `MAX_QUESTION_CHARS`."""


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
    from bot.terminal import repl

    return repl.run()


def _cmd_eval(args: argparse.Namespace) -> int:
    """Grade a labelled question file through the public API and report."""
    from bot.terminal import evaluate

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


def _ask_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="*", help='the question; "-" or nothing reads it from stdin when piped')
    parser.add_argument("--json", action="store_true", help="print the answer as one JSON object")


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _eval_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="JSON lines: question, route, verdict, yesno, evidence, must_say, must_not_say, after, tags")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--min", type=_rate, default=0.0, metavar="RATE", help="exit 1 when the pass rate is below RATE (0..1); a crashed item always does")


def _cmd_docs(args: argparse.Namespace) -> int:
    """Hand the rest of the command line to `fwbot docs`, which parses it itself."""
    from bot.terminal.docs import run

    return run(args.argv)


def _cmd_slack(args: argparse.Namespace) -> int:
    """Hand the rest of the command line to the Slack adapter, which parses it itself."""
    from bot.slack import run

    return run(args.argv)


@dataclass(frozen=True)
class Subcommand:
    """One `fwbot COMMAND`: its name and help, a function adding its arguments, a function running it.

    `run` gets the parsed arguments and returns the exit status. Keep the module holding both light to
    import (argparse and the core): import what `run` needs inside `run`. A `raw` command gets the
    rest of the command line unparsed, as `args.argv`, and parses it itself (its own --help).
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str = ""
    raw: bool = False


SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("ask", "answer one question", _ask_arguments, _cmd_ask, "Answer one question and cite its sources."),
    Subcommand("repl", "chat, with follow-ups (the default at a terminal)", _no_arguments, _cmd_repl),
    Subcommand("eval", "grade a labelled .jsonl question file", _eval_arguments, _cmd_eval,
               "Run a labelled question file through the bot and report."),
    Subcommand("facts", facts.HELP, facts.add_arguments, facts.run, facts.DESCRIPTION),
    Subcommand("slack", "run the Slack adapter (fwbot slack --help)", _no_arguments, _cmd_slack, raw=True),
    Subcommand("docs", "your own documents: add, list, remove, search (fwbot docs --help)", _no_arguments, _cmd_docs, raw=True),
)
"""Every subcommand, in the order `fwbot --help` lists them: add one line here for a new one."""


class _CommandParser(argparse.ArgumentParser):
    """A subcommand's parser that rejects what it does not know itself, so the error shows its own usage
    (`fwbot ask --verbose` prints `ask`'s usage, not the top level's)."""

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None,
                         ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def _parser() -> argparse.ArgumentParser:
    """The command line; the chosen subcommand's `run` is in `func`."""
    parser = argparse.ArgumentParser(
        prog="fwbot",
        description="Answers questions about deep-learning frameworks (PyTorch, TensorFlow, Keras, "
        "Theano, JAX, CNTK) with quoted, cited passages. With no command: the chat.",
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_CommandParser)
    for command in SUBCOMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.description or None,
                                  add_help=not command.raw)
        command.add_arguments(sub)
        sub.set_defaults(func=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `fwbot` with `argv` (default: the process arguments) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    raw = {command.name: command.run for command in SUBCOMMANDS if command.raw}
    if args[:1] and args[0] in raw:
        return raw[args[0]](argparse.Namespace(argv=args[1:]))
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
