"""`fwbot facts`: every fact with its source's words and dates; `--stale DAYS` and `--framework` select."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.terminal import facts as fact_list
from bot.terminal.cli import main
from corpus import Fact, load_corpus

FWBOT = str(Path(sys.executable).with_name("fwbot"))


@pytest.fixture(scope="module")
def facts() -> tuple[Fact, ...]:
    return load_corpus().facts


def _fact(fid: str, framework: str, checked: str) -> Fact:
    return Fact(id=fid, framework=framework, attribute="license", value="v", values=(), statement="s",
                source="https://pypi.org/project/x/", source_quote="q", as_of="2026-09-01", checked=checked)


def test_stale_means_checked_more_than_days_ago_and_framework_narrows() -> None:
    made = (_fact("a", "Keras", "2026-01-01"), _fact("b", "Keras", "2026-01-31"), _fact("c", "JAX", "2025-06-01"))
    now = dt.date(2026, 3, 2)  # a: 60 days ago, b: 30, c: 274
    assert [f.id for f in fact_list.select(made, stale=30, now=now)] == ["a", "c"]
    assert [f.id for f in fact_list.select(made, stale=29, now=now)] == ["a", "b", "c"]
    assert [f.id for f in fact_list.select(made, stale=274, now=now)] == []
    assert [f.id for f in fact_list.select(made, framework="Keras", stale=30, now=now)] == ["a"]
    assert [f.id for f in fact_list.select(made, now=now)] == ["a", "b", "c"]


def test_json_lists_every_fact_with_its_source_words_and_dates(capsys, facts) -> None:
    assert main(["facts", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [f.id for f in facts]
    for row, fact in zip(rows, facts):
        assert set(row) == {"id", "framework", "attribute", "statement", "source", "source_quote", "as_of", "checked"}
        assert (row["statement"], row["source"], row["source_quote"], row["as_of"], row["checked"]) == (
            fact.statement, fact.source, fact.source_quote, fact.as_of, fact.checked)


def test_stale_lists_the_facts_due_for_a_check(capsys, monkeypatch, facts) -> None:
    newest = max(dt.date.fromisoformat(f.checked) for f in facts)
    oldest = min(dt.date.fromisoformat(f.checked) for f in facts)
    monkeypatch.setattr(fact_list, "today", lambda: newest + dt.timedelta(days=91))
    assert main(["facts", "--json", "--stale", "90"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(facts)

    monkeypatch.setattr(fact_list, "today", lambda: oldest + dt.timedelta(days=90))
    assert main(["facts", "--stale", "90"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == "fwbot: no facts checked more than 90 days ago\n"


def test_text_shows_our_statement_then_the_source_words_and_url(capsys, facts) -> None:
    assert main(["facts", "--framework", "keras"]) == 0
    out = capsys.readouterr().out
    keras = [f for f in facts if f.framework == "Keras"]
    assert keras and out.count("\n\n") == len(keras) - 1
    for fact in keras:
        at = out.index(f"{fact.id}  Keras · {fact.attribute} · as of {fact.as_of} · checked {fact.checked}\n")
        at = out.index(fact.statement, at)
        at = out.index(f"The source says: \u201c{fact.source_quote}\u201d", at)
        out.index(fact.source, at)
    headers = [line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")]
    assert headers == [f.id for f in keras]


@pytest.mark.parametrize("args, message", [
    (["--stale", "-1"], "must be 0 or more days"),
    (["--stale", "soon"], "not a whole number of days: 'soon'"),
    (["--framework", "MXNet"], "unknown framework 'MXNet'; choose from PyTorch, TensorFlow"),
])
def test_bad_options_are_usage_errors(capsys, args, message) -> None:
    assert main(["facts", *args]) == 2
    assert message in capsys.readouterr().err


def test_the_installed_command_lists_facts(tmp_path: Path, facts) -> None:
    done = subprocess.run([FWBOT, "facts", "--framework", "CNTK"], capture_output=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "\x1b[" not in out
    assert all(f.source_quote in out for f in facts if f.framework == "CNTK")
