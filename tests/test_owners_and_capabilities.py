"""Who owns or made a framework, asked as a statement or a pick; what each framework lets you do; whether a
part is dead; "is X a library?". Every question here is our own wording (the eval sets are only for grading)."""
import pytest

from bot import ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


@pytest.mark.parametrize("question, first", [
    ("tensorflow came from facebook?", "No"),  # a statement with "?" is a yes/no question
    ("jax comes from google?", "Yes"),
    ("is pytorch owned by facebook?", "No"),  # ownership is asked of today: the foundation runs it
    ("keras 3 doesn't support cntk, right?", "Yes"),  # agreeing with a denial is a yes
    ("tensorflow doesn't run on linux, right?", "No"),
])
def test_origin_and_ownership_statements_get_a_yes_or_no(question, first):
    assert ask(question).text.startswith(first)


@pytest.mark.parametrize("question, verdict", [
    ("which did google brain make", {"TensorFlow"}),
    ("which one did the montreal lab build?", {"Theano"}),
])
def test_which_did_x_make_is_a_pick_by_maker(question, verdict):
    assert set(ask(question).verdict) == verdict


def test_two_picks_by_maker_in_one_question_are_both_answered():
    answer = ask("which one did microsoft make and which did the montreal lab make?")
    assert "CNTK" in answer.text and "Theano" in answer.text


def test_which_one_lets_you_do_something_is_picked_from_the_facts():
    answer = ask("which framework can run a model inside a web browser?")
    assert answer.verdict == ("TensorFlow",) and "TensorFlow.js" in answer.text


def test_which_one_for_a_situation_is_still_a_recommendation():
    assert ask("which one for an iphone app?").route == "recommend"


@pytest.mark.parametrize("question, first", [
    ("is torchscript dead now", "Yes"),
    ("is tf serving dead?", "No"),  # its fact records no end
    ("is brainscript still maintained?", "No"),  # a part of a framework that ended
])
def test_whether_a_part_is_dead(question, first):
    assert ask(question).text.startswith(first)


def test_is_it_a_library_is_what_it_is():
    answer = ask("is theano a library?")
    assert answer.route == "define" and "Python library" in answer.text


@pytest.mark.parametrize("question", ["how do i install the nvidia drivers", "install jax how"])
def test_installation_questions_are_not_answered_with_a_definition(question):
    assert ask(question).route in ("out_of_scope", "search")


def test_an_ai_framework_question_is_an_open_choice():
    assert ask("what are the top artificial intelligence frameworks?").route == "recommend"
