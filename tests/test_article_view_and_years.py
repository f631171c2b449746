"""Follow-ups that ask for the article's view, "the <company> one" keeping what was asked, Keras's backends by
name after a backends question, picks by year, update words, versions of two frameworks, and requests to
write things. Every question here is our own wording (the eval sets are only for grading)."""
import pytest

from bot import Session, ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


def chat(*questions):
    session = Session()
    return [session.ask(q) for q in questions][-1]


def test_what_the_article_says_is_its_cell_and_the_correction():
    answer = chat("which language is jax written in?", "what's keras written in?", "and what does the chart say?")
    assert "Python" in answer.text and answer.citations[0].id.startswith("chart/")


def test_the_article_view_of_a_comparison_quotes_both_cells():
    answer = chat("is pytorch easier to debug than tensorflow?", "ok but what does the article say?")
    assert "PyTorch" in answer.text and "TensorFlow" in answer.text and "chart" in answer.text


def test_the_company_one_keeps_what_was_asked():
    answer = chat("when was jax open-sourced?", "and the facebook one?")
    assert "PyTorch" in answer.text and "2017" in answer.text


def test_named_frameworks_after_a_backends_question_are_asked_as_backends():
    answer = chat("what can keras 3 run on top of?", "and theano?")
    assert answer.route == "attribute" and "Theano" in answer.text and "gone" in answer.text


def test_a_new_target_after_a_narrowing_question_drops_the_old_words():
    answer = chat("can i run jax models in the browser?", "and for mobile phones?")
    assert "browser" not in answer.text.split(".")[0].lower()


@pytest.mark.parametrize("question, verdict", [
    ("which of them ended before 2018?", {"Theano"}),
    ("which frameworks came out after 2015?", {"PyTorch", "JAX"}),
    ("which ones still receive updates?", {"PyTorch", "TensorFlow", "Keras", "JAX"}),
])
def test_picks_by_year_and_by_updates(question, verdict):
    assert set(ask(question).verdict) == verdict


def test_versions_of_two_frameworks_find_the_fact_naming_both():
    answer = ask("need keras 2 on tensorflow 2.18.0, plan?")
    assert "TF_USE_LEGACY_KERAS" in answer.text


@pytest.mark.parametrize("question", ["could u write me a resume", "can you code me a gan in jax"])
def test_writing_requests_are_out_of_scope(question):
    assert ask(question).route == "out_of_scope"


def test_a_migration_plan_is_not_a_writing_request():
    assert ask("implement a migration plan from keras 2 to keras 3 with tf 2.16").route != "out_of_scope"
