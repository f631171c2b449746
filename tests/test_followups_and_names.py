"""Follow-ups that point at what the last answer was about, and things asked by another name, as users chat.
Every question here is our own wording (the eval sets are only for grading)."""
import re

import pytest

from bot import Session, ask

pytestmark = pytest.mark.usefixtures("no_catch_all")


def chat(*questions):
    session = Session()
    return [session.ask(q) for q in questions][-1]


def test_it_is_the_part_the_last_answer_was_about():
    answer = chat("what was pytorch's model server called?", "is it still maintained?")
    assert answer.text.startswith("No") and "archived" in answer.text


def test_compare_it_after_a_pick_compares_the_pick():
    answer = chat("which of them was made by microsoft?", "compare it with pytorch")
    assert answer.route == "compare" and "CNTK" in answer.text


def test_that_after_a_named_variant_is_the_variant():
    answer = chat("what's tf.keras?", "is that just keras 3 nowadays?")
    assert answer.text.startswith("Yes") and "2.16" in answer.text


@pytest.mark.parametrize("question, first", [
    ("does tf.keras or plain keras still work once i move to tensorflow 2.18?", "Yes"),
    ("keras 3 will let me train on jax?", "Yes"),  # a statement with "will" and a question mark
])
def test_yes_no_with_alternatives_or_a_will_statement(question, first):
    assert ask(question).text.startswith(first)


@pytest.mark.parametrize("question, said", [
    ("torch vs pytorch, what's the diff?", "Lua"),
    ("why is keras called keras?", "horn"),
    ("give me a one-line list of who developed every framework", "Microsoft"),
])
def test_names_and_origins(question, said):
    assert said in ask(question).text


def test_two_frameworks_the_article_never_compares_are_described_with_who_makes_them():
    answer = ask("jax or pytorch, which one wins?")
    assert answer.verdict == () and "Google" in answer.text and "Meta" in answer.text


def test_whether_a_company_will_drop_a_framework_is_not_predicted():
    answer = ask("is google going to kill tensorflow?")
    assert answer.text.startswith("I don't know for sure") and re.search(r"still maintained|continues", answer.text)


def test_a_statement_about_ownership_with_a_question_mark_is_a_yes_no():
    assert ask("keras still belongs to google?").text.startswith("No")


def test_which_one_after_a_pick_chooses_among_the_picks():
    answer = chat("which frameworks came from google?", "and which one came out first?")
    assert answer.verdict == ("TensorFlow",)


def test_outdated_alone_asks_for_every_correction_not_only_status():
    answer = ask("anything outdated in the article?")
    assert "points" in answer.text and len(answer.citations) >= 3


def test_switching_the_backend_with_no_framework_named_is_keras():
    assert "KERAS_BACKEND" in ask("how do i switch the backend globally for every script?").text


def test_a_relation_asked_by_name_in_a_second_sentence_is_still_the_relation():
    answer = ask("I see both in tutorials. Where does new work land first, tf.keras or keras?")
    assert "Keras 3" in answer.text and "2.16" in answer.text


def test_why_after_an_end_gives_what_the_last_answer_did_not_say():
    first = Session()
    end = first.ask("when did theano development stop?")
    why = first.ask("why?")
    assert why.text != end.text and {c.id for c in why.citations} - {c.id for c in end.citations}


def test_a_value_only_the_article_gives_is_none_of_them_and_the_chart_is_flagged():
    answer = ask("is any framework here written in lua?")
    assert answer.text.startswith("No") and "wrong" in answer.text


def test_still_called_a_renamed_part_is_a_no():
    assert ask("is tf lite still named that?").text.startswith("No")


def test_the_oldest_in_slang_is_still_a_pick_by_date():
    assert ask("which one here is the most ancient?").verdict == ("Theano",)


def test_it_after_an_uncovered_framework_stays_that_framework():
    answer = chat("what is mxnet exactly?", "is it better than jax?")
    assert "I don't know MXNet" in answer.text and not answer.verdict


@pytest.mark.parametrize("question, first", [
    ("can i run keras with jax?", "Yes"),
    ("is theano still ok to choose for a thesis project today?", "No"),
])
def test_usage_and_judgement_yes_no(question, first):
    assert ask(question).text.startswith(first)


def test_the_x_one_after_a_pick_is_a_pick():
    assert chat("which one was built at microsoft?", "and the facebook one?").verdict == ("PyTorch",)
    assert chat("which framework came out of google brain?", "and the one that deepmind contributes to?").verdict == ("JAX",)


def test_still_the_most_popular_is_answered_by_the_record_that_shows_a_leader():
    answer = ask("is tensorflow still the most popular framework?")
    assert answer.text.startswith("No") and "dated" in answer.text


def test_who_made_each_of_them_is_the_facts_table():
    answer = ask("quick one: who built each of the frameworks?")
    assert answer.tables and "Microsoft" in answer.text and "Chollet" in answer.text


def test_which_of_the_six_names_the_frameworks_a_fact_gives():
    assert set(ask("which of the six frameworks can keras 3 run on top of?").verdict) == {"JAX", "TensorFlow", "PyTorch"}
