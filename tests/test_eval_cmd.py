"""`fwbot eval`: the report on a small labelled file, its exit status, and the checks' semantics."""
from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot
from bot import Answer, Citation
from bot.terminal.evaluate import ROUTES, check

FWBOT = str(Path(sys.executable).with_name("fwbot"))
GRADER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "grade.py"

ALL_ROUTES = list(ROUTES)
ITEMS: list[dict[str, Any]] = [
    {"id": "any-route", "question": "which is faster, pytorch or keras?", "route": ALL_ROUTES, "tags": ["compare"]},
    {"id": "no-labels", "question": "what is keras?", "tags": ["define"]},
    {"id": "never-said", "question": "what is tensorflow?", "route": ALL_ROUTES, "must_say": ["zqxj-never-said"], "tags": ["define"]},
    {"id": "bad-route", "question": "is keras slow?", "route": ["no_such_route"]},
    {"id": "follow-up", "question": "and for debugging?", "after": ["which is faster, pytorch or keras?"]},
]


def eval_cmd(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`fwbot eval` on ITEMS written to a scratch file, with a scratch home."""
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in ITEMS) + "\n\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "FWBOT_HOME": str(tmp_path / "fwbot")}
    return subprocess.run([FWBOT, "eval", str(path), *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)


def test_text_report(tmp_path: Path) -> None:
    done = eval_cmd(tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "3/5 = 60.0% passed, 0 crashed" in out.splitlines()[0]
    for heading in ("Routes (3 labelled items)", "precision", "recall", "f1", "macro avg",
                    "Confusion matrix (rows: expected route, columns: predicted)", "Tags", "Failures (2)"):
        assert heading in out
    assert "no_such_route" in out
    assert "never-said 'what is tensorflow?'" in out and "text lacks 'zqxj-never-said'" in out
    assert "bad-route 'is keras slow?'" in out and "want ['no_such_route']" in out


def test_json_report(tmp_path: Path) -> None:
    done = eval_cmd(tmp_path, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["total"], report["passed"], report["crashed"]) == (5, 3, 0)
    assert report["pass_rate"] == pytest.approx(0.6)
    assert report["tags"] == {"compare": {"passed": 1, "total": 1, "rate": 1.0}, "define": {"passed": 1, "total": 2, "rate": 0.5}}
    assert [f["id"] for f in report["failures"]] == ["never-said", "bad-route"]

    routes = report["routes"]
    predicted = {item["id"]: bot.ask(item["question"]).route for item in ITEMS if "route" in item}
    assert routes["labelled"] == 3
    assert set(routes["labels"]) == {*predicted.values(), "no_such_route"}
    matrix = routes["confusion_matrix"]
    assert sum(map(sum, matrix)) == 3
    assert sum(matrix[i][i] for i in range(len(matrix))) == 2, "accepted labels count as the predicted one"
    true_row = routes["labels"].index("no_such_route")
    assert matrix[true_row][routes["labels"].index(predicted["bad-route"])] == 1
    assert routes["per_route"]["no_such_route"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}


@pytest.mark.parametrize(("rate", "status"), [("0.6", 0), ("0.61", 1)])
def test_min_rate_sets_the_exit_status(tmp_path: Path, rate: str, status: int) -> None:
    assert eval_cmd(tmp_path, "--min", rate).returncode == status


def test_a_line_that_is_not_json_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"question": "what is keras?"}\n{"question": \n', encoding="utf-8")
    done = subprocess.run([FWBOT, "eval", str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 2
    assert f"{path}:2: not JSON" in done.stderr and "Traceback" not in done.stderr


def answer(text: str = "", route: str = "compare", verdict: tuple[str, ...] = (), quotes: tuple[str, ...] = ()) -> Answer:
    """An Answer value with citations quoting `quotes` (the dataclass is the public contract)."""
    cites = tuple(Citation(f"c{i}", "src", "sec", q, "https://example.org") for i, q in enumerate(quotes))
    return Answer(text=text, route=route, verdict=verdict, citations=cites)


@pytest.mark.parametrize(
    ("item", "got", "why"),
    [
        ({"route": ["compare", "search"]}, answer(route="search"), []),
        ({"route": ["compare"]}, answer(route="define"), ["route='define' want ['compare']"]),
        ({"verdict": ["Keras", "PyTorch"]}, answer(verdict=("PyTorch", "Keras")), []),
        ({"verdict": []}, answer(verdict=("Keras",)), ["verdict=['Keras'] want []"]),
        ({"yesno": "yes"}, answer("\u201cYes\u201d \u2014 it is."), []),
        ({"yesno": "no"}, answer("Nobody knows."), ["does not start with 'no'"]),
        ({"evidence": ["it\u2019s  FAST"]}, answer(quotes=("a", "b", "Keras: it's fast.")), []),
        ({"evidence": ["fast"]}, answer(quotes=("a", "b", "c", "fast")), ["no evidence in top-3 citations"]),
        ({"must_say": ["quick|fast", "keras"]}, answer("Keras is FAST"), []),
        ({"must_say": ["slow|sluggish"]}, answer("fast"), ["text lacks 'slow|sluggish'"]),
        ({"must_not_say": ["Lua"]}, answer("written in lua"), ["text says 'Lua'"]),
        ({"route": ["out_of_scope"]}, answer(route="out_of_scope", quotes=("x",)), ["cites passages for an out-of-scope question"]),
        ({"route": ["out_of_scope", "help"]}, answer(route="help", quotes=("x",)), []),
    ],
)
def test_check(item: dict[str, Any], got: Answer, why: list[str]) -> None:
    assert check({"question": "q", **item}, got) == why


WORDS = st.sampled_from(["yes", "No", "keras", "Keras", "it\u2019s", "it's", "\u201cfast\u201d", '"fast"', "  ", "\n", ",", "lua|torch"])
PHRASES = st.lists(WORDS, max_size=5).map(" ".join)
FRAMEWORKS = st.sampled_from(["PyTorch", "TensorFlow", "Keras", "Theano", "JAX", "CNTK"])
ITEM = st.fixed_dictionaries(
    {"question": st.just("q")},
    optional={
        "route": st.lists(st.sampled_from(ALL_ROUTES), min_size=1, max_size=3),
        "verdict": st.lists(FRAMEWORKS, max_size=2, unique=True),
        "yesno": st.sampled_from(["yes", "no"]),
        "evidence": st.lists(PHRASES, min_size=1, max_size=2),
        "must_say": st.lists(PHRASES, max_size=2),
        "must_not_say": st.lists(PHRASES, max_size=2),
    },
)
ANSWER = st.builds(answer, PHRASES, st.sampled_from(ALL_ROUTES), st.lists(FRAMEWORKS, max_size=2, unique=True).map(tuple),
                   st.lists(PHRASES, max_size=4).map(tuple))


@functools.cache
def shared_grade() -> Any:
    """The shared grader's `grade` function, loaded from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("shared_grade", GRADER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.grade


@pytest.mark.skipif(not GRADER.exists(), reason="the shared grader is not next to this checkout")
@settings(max_examples=300, deadline=None)
@given(ITEM, ANSWER)
def test_check_agrees_with_the_shared_grader(item: dict[str, Any], got: Answer) -> None:
    assert check(item, got) == shared_grade()(item, got)
