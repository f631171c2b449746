"""Status and backends as users ask about them: a pick names the ones left out, a part whose end is recorded
is not "the recommended way", and "run on <framework>" asks about Keras's backends. Our own wording."""
import pytest

from bot import Session, ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


def test_a_pick_by_status_names_the_ones_left_out():
    alive = ask("which of the six are still being developed?")
    assert set(alive.verdict) == {"PyTorch", "TensorFlow", "Keras", "JAX"}
    assert "Theano and CNTK are not" in alive.text
    dead = ask("which frameworks are abandoned?")
    assert set(dead.verdict) == {"Theano", "CNTK"} and "are still maintained" in dead.text


@pytest.mark.parametrize("question", [
    "torchscript is still the preferred export path for pytorch?",
    "is torchserve the go-to way to serve pytorch models?",
])
def test_a_part_whose_end_is_recorded_is_not_the_way_today(question):
    assert ask(question).text.startswith("No")


def test_run_on_a_framework_asks_about_backends():
    answer = ask("can keras run on top of jax?")
    assert answer.text.startswith("Yes") and answer.citations[0].id == "fact/keras-backends"


def test_it_in_a_follow_up_about_running_on_a_framework_is_the_last_subject():
    session = Session()
    session.ask("keras is included in tensorflow, right?")
    answer = session.ask("and can it run on pytorch as well?")
    assert answer.route == "attribute" and answer.text.startswith("Yes") and "Keras 3" in answer.text


def test_a_backend_that_will_not_switch_is_about_keras_backend_choice():
    answer = ask("keras backend keeps switching back from torch to tensorflow??")
    assert "KERAS_BACKEND" in answer.text


@pytest.mark.parametrize("question, first", [
    ("jax is developed by google alone?", "No"),  # the fact names others contributing
    ("was keras written only by google?", "No"),
])
def test_alone_or_only_is_a_no_when_the_fact_names_others(question, first):
    assert ask(question).text.startswith(first)


def test_a_comparison_with_an_uncovered_framework_is_still_a_comparison():
    answer = ask("mxnet vs tensorflow vs keras, differences?")
    assert answer.route == "compare" and "MXNet" in answer.text and not answer.verdict


@pytest.mark.parametrize("question", [
    "which keras package should we be using for new models?",
    "what's the recommended, future-proof way to use keras these days?",
])
def test_which_keras_to_use_is_answered_by_keras_3_being_tf_keras(question):
    answer = ask(question)
    assert "Keras 3" in answer.text and "2.16" in answer.text


def test_what_happened_to_a_framework_is_its_status_and_standing():
    dead = ask("whatever happened to cntk?")
    assert "2.7" in dead.text
    alive = ask("what happened to jax?")
    assert "actively developed" in alive.text and "Gemini" in alive.text


def test_anything_from_a_company_picks_by_developer():
    assert ask("is anything in your list from microsoft?").verdict == ("CNTK",)


def test_can_keras_3_still_use_old_backends_is_about_its_backends():
    answer = ask("can keras 3 still run on theano or cntk?")
    assert answer.text.startswith("No") and "JAX" in answer.text


def test_what_replaced_it_keeps_the_topic_of_the_last_question():
    session = Session()
    session.ask("is there a mobile runtime for pytorch?")
    assert "ExecuTorch" in session.ask("what replaced it?").text


def test_a_pick_by_a_version_number_finds_the_framework_whose_facts_say_it():
    assert ask("whose final main release was 2.7?").verdict == ("CNTK",)
    assert ask("which framework is at version 2.21 now?").verdict == ("TensorFlow",)


def test_fixing_memory_errors_in_user_code_is_not_ours():
    assert ask("getting out of memory on my gpu with keras, help").route == "out_of_scope"
