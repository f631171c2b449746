"""`fwbot ask` and the command line, run as a user runs them: the installed script, in a subprocess."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest

import bot
from bot.terminal.cli import SUBCOMMANDS, main

FWBOT = str(Path(sys.executable).with_name("fwbot"))
QUESTION = "which is faster, pytorch or keras?"
ANSWER_FIELDS = {"text", "route", "verdict", "citations", "confidence", "notes", "tables"}
ROUTES = {"compare", "attribute", "define", "recommend", "search", "help", "out_of_scope"}


def fwbot(tmp_path: Path, *args: str, stdin: bytes | None = None, exe: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the `fwbot` script (or `exe`) from a scratch directory with a scratch home; text output."""
    env = {**os.environ, "HOME": str(tmp_path), "FWBOT_HOME": str(tmp_path / "fwbot")}
    proc = subprocess.run(
        [*(exe or [FWBOT]), *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def test_plain_output_has_the_answer_then_numbered_sources_with_urls(tmp_path: Path) -> None:
    expected = bot.ask(QUESTION)
    assert expected.citations, "precondition: the core cites passages for this question"
    done = fwbot(tmp_path, "ask", QUESTION)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith(expected.text)
    assert "\x1b[" not in out, "piped output must be plain text"
    position = out.index("Sources:")
    for n, cite in enumerate(expected.citations, 1):
        position = out.index(f"[{n}] ", position)
        for part in (cite.section, cite.quote, cite.url):
            assert part in out[position:], f"source {n} lacks {part!r}"
    for note in expected.notes:
        assert out.count(str(note)) == 1, "each note once, after the sources"
        assert expected.text.count(note.fact) <= 1, "a correction is stated once at most in the text"


def test_json_is_one_object_with_the_answer_fields(tmp_path: Path) -> None:
    done = fwbot(tmp_path, "ask", "--json", QUESTION)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)  # raises on anything but a single JSON document
    assert set(data) == ANSWER_FIELDS
    assert data == bot.ask(QUESTION).to_dict()


@pytest.mark.parametrize("args", [[], ["-"]], ids=["absent", "dash"])
def test_question_from_stdin(tmp_path: Path, args: list[str]) -> None:
    done = fwbot(tmp_path, "ask", "--json", *args, stdin=f"  {QUESTION}\n".encode())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == bot.ask(QUESTION).to_dict()


def test_out_of_scope_question_still_exits_0(tmp_path: Path) -> None:
    done = fwbot(tmp_path, "ask", "--json", "what is the capital of France?")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["route"] in ROUTES


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["frobnicate"], b"", "invalid choice"),
        (["ask", "--nope", QUESTION], b"", "unrecognized arguments"),
        (["eval"], b"", "required: file"),
        (["eval", "x.jsonl", "--min", "95"], b"", "between 0 and 1"),
        (["eval", "missing.jsonl"], b"", "cannot read missing.jsonl"),
        (["ask"], b"", "the question is empty"),
        (["ask", "  \t "], b"", "the question is empty"),
        (["ask"], b"is keras \xff\xfe slow?", "not valid UTF-8 (byte 0xff at offset 9)"),
        (["ask", "-"], b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not valid UTF-8"),
        (["ask"], b"keras\x00\x01\x02", "looks binary"),
        (["ask"], b"is keras slow? " * 100_000, "longer than 2,000 characters"),
        (["ask", "keras " * 500], b"", "the limit is 2,000"),
    ],
    ids=["command", "option", "eval-file", "min-range", "eval-missing", "empty-stdin", "blank-arg",
         "bad-utf8", "png", "nul", "huge-stdin", "huge-arg"],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path: Path, args: list[str], stdin: bytes, message: str) -> None:
    done = fwbot(tmp_path, *args, stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout == ""


@pytest.mark.parametrize("command", ["ask", "eval"])
def test_an_unknown_option_after_a_subcommand_shows_that_subcommands_usage(tmp_path: Path, command: str) -> None:
    done = fwbot(tmp_path, command, "--verbose", "x")
    assert done.returncode == 2
    assert done.stderr.startswith(f"usage: fwbot {command} ")
    assert f"fwbot {command}: error: unrecognized arguments: --verbose" in done.stderr


def test_version(tmp_path: Path) -> None:
    done = fwbot(tmp_path, "--version")
    assert (done.returncode, done.stdout) == (0, f"fwbot {version('fwbot')}\n")


SLOW_MODULES = ("sklearn", "slack_bolt", "slack_sdk", "rich", "prompt_toolkit")
DRIVER = (
    "import json, sys\n"
    "from bot.terminal.cli import main\n"
    "status = main(sys.argv[1:])\n"
    f"print(json.dumps([status, sorted(m for m in {SLOW_MODULES!r} if m in sys.modules)]), file=sys.stderr)\n"
)


@pytest.mark.parametrize("flags", [[], ["--json"]], ids=["plain", "json"])
def test_ask_imports_no_slow_modules_when_piped(tmp_path: Path, flags: list[str]) -> None:
    done = fwbot(tmp_path, "ask", *flags, QUESTION, exe=[sys.executable, "-c", DRIVER])
    assert json.loads(done.stderr.splitlines()[-1]) == [0, []]


def test_slack_is_delegated_with_the_rest_of_the_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    adapter = ModuleType("bot.slack")
    adapter.run = lambda argv: seen.append(argv) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bot.slack", adapter)
    assert main(["slack", "--port", "3000", "--help"]) == 7
    assert seen == [["--port", "3000", "--help"]]


@pytest.mark.parametrize("command", [c.name for c in SUBCOMMANDS])
def test_every_subcommand_in_the_table_is_listed_and_has_its_own_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert f"    {command} " in capsys.readouterr().out
    assert main([command, "--help"]) == 0
    assert capsys.readouterr().out.startswith(f"usage: fwbot {command} ")


def test_no_module_imports_the_cli_back() -> None:
    """The command line sits on top: the chat, eval and rendering share input checks through bot.terminal.inputs."""
    for path in Path(bot.__file__).parent.rglob("*.py"):
        if path.name == "cli.py":
            continue
        imports: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imports |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        assert "bot.terminal.cli" not in imports, f"{path} imports the command line"
