"""Past-only facts ("-history"): they never speak for today's state, questions about the past find them, and
engines they name as history (Caffe2, MXNet, PlaidML) stay frameworks the corpus does not cover."""
from __future__ import annotations

import pytest

import bot
from corpus import load_corpus
from index.analyzer import UNCOVERED


def test_a_history_fact_takes_no_stance_on_today() -> None:
    history = [f for f in load_corpus().facts if f.id.endswith("-history")]
    assert len(history) >= 10, "precondition: the corpus has past-only facts"
    assert [f.id for f in history if f.stance] == []


@pytest.mark.parametrize("question, fact_id", [
    ("What was the first Keras backend?", "keras-backends-theano-history"),
    ("When did TensorFlow become the default Keras backend?", "keras-backends-tensorflow-history"),
    ("When did Keras add CNTK as a backend?", "keras-backends-cntk-history"),
    ("Did PyTorch merge with another framework?", "pytorch-integration-caffe2-history"),
])
def test_a_question_about_the_past_cites_the_history_fact_first(question: str, fact_id: str) -> None:
    cited = [c.id for c in bot.ask(question).citations if c.id.startswith("fact/")]
    assert cited[:1] == [f"fact/{fact_id}"], cited


@pytest.mark.parametrize("name", ["Caffe2", "MXNet", "PlaidML"])
def test_an_engine_named_only_in_history_is_still_uncovered(name: str) -> None:
    naming = [f.id for f in load_corpus().facts if name in f.values]
    assert naming, f"precondition: a fact names {name}"
    assert all(f.endswith("-history") for f in naming), naming
    assert name in UNCOVERED
