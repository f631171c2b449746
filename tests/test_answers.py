"""Answers through the public API, read like a chat: each kind of question, its verdict, its first
word for yes/no, and the passages it must quote. The questions are our own, not the eval set's."""
import re

import pytest

from bot import Session, ask
from corpus import load_corpus

pytestmark = pytest.mark.usefixtures("no_catch_all")

CORPUS = load_corpus()


def first_word(text: str) -> str:
    return re.match(r"\W*(\w+)", text).group(1).lower()


def quotes(answer, n=3) -> str:
    return " | ".join(c.quote for c in answer.citations[:n])


@pytest.mark.parametrize("question, verdict, evidence", [
    ("Is TensorFlow quicker than Keras?", {"TensorFlow"}, "Slow, low performance"),
    ("which one is slower, keras or pytorch", {"Keras"}, "Slow, low performance"),
    ("tf vs torch: which trains faster?", {"TensorFlow", "PyTorch"}, "Fast, high-performance"),
    ("Which is harder to debug, TensorFlow or PyTorch?", {"TensorFlow"}, "Difficult to conduct debugging"),
    ("Which has the easiest debugging of all?", {"PyTorch"}, "Good debugging capabilities"),
    ("Which is more readable, Keras or TensorFlow?", {"Keras"}, "Simple, concise, readable"),
    ("Which of them is the most popular?", {"Keras"}, "Most popular"),
    ("Is PyTorch less popular than TensorFlow?", {"PyTorch"}, "Third most popular"),
    ("Which is higher level, PyTorch or Keras?", {"Keras"}, "High"),
    ("What's the slowest framework?", {"Keras"}, "Slow, low performance"),
    ("Which is better for distributed training, TensorFlow or PyTorch?", {"PyTorch"}, "data parallelism"),
    ("Which is better for visualization, PyTorch or TensorFlow?", {"TensorFlow"}, "visualization"),
])
def test_comparisons_name_the_winner_the_question_asks_for(question, verdict, evidence):
    answer = ask(question)
    assert answer.route == "compare"
    assert set(answer.verdict) == verdict
    assert evidence.lower() in quotes(answer).lower()


@pytest.mark.parametrize("question, yes", [
    ("Is Keras slower than TensorFlow?", True),
    ("Is TensorFlow slower than PyTorch?", False),  # a tie is not "slower"
    ("Is Keras more popular than PyTorch?", True),
    ("Is PyTorch better than TensorFlow for a research career?", True),
])
def test_yes_no_comparisons_start_with_yes_or_no(question, yes):
    assert first_word(ask(question).text) == ("yes" if yes else "no")


@pytest.mark.parametrize("question, yes, must_say", [
    ("Is TensorFlow hard to debug?", True, "Difficult to conduct debugging"),
    ("Is Keras easy to read?", True, "Simple, concise, readable"),
    ("Does PyTorch have trained models?", True, "Yes"),
    ("Is Keras good for large datasets?", False, "Smaller datasets"),
    ("Is TensorFlow written in C++?", True, "C++"),
    ("Is Keras written in Lua?", False, "Python"),
    ("Does JAX run on TPUs?", True, "TPU"),
    ("Does PyTorch support TensorBoard?", True, "TensorBoard"),
    ("Is CNTK still maintained?", False, "2.7"),
    ("Is Theano dead?", True, "2017"),
    ("Does Keras 3 support Theano as a backend?", False, "JAX"),
])
def test_yes_no_questions_about_one_framework(question, yes, must_say):
    answer = ask(question)
    assert answer.route == "attribute"
    assert first_word(answer.text) == ("yes" if yes else "no")
    assert must_say.lower() in (answer.text + quotes(answer)).lower()


@pytest.mark.parametrize("question, must_say", [
    ("Who makes JAX?", "Google"),
    ("who created keras", "Chollet"),
    ("When did TensorFlow come out?", "2015"),
    ("What year was Theano released?", "2007"),
    ("What language is CNTK written in?", "C++"),
    ("What license does TensorFlow use?", "Apache"),
    ("Which operating systems does PyTorch support?", "Windows"),
    ("How do I serve a TensorFlow model?", "TensorFlow Serving"),
])
def test_attribute_questions_answer_with_the_value(question, must_say):
    answer = ask(question)
    assert answer.route == "attribute"
    assert must_say.lower() in answer.text.lower()
    assert answer.verdict == ()


def test_a_dated_article_claim_is_cited_and_corrected_with_source_and_date():
    answer = ask("What is PyTorch written in?")
    assert "Lua" in quotes(answer)
    assert answer.notes and answer.notes[0].status == "wrong" and answer.notes[0].as_of.startswith("2026-")
    assert any(c.id.startswith("fact/") for c in answer.citations)
    serving = ask("How do you put a PyTorch model into production?")
    assert "Django or Flask" in quotes(serving) and any("TorchServe" in n.fact for n in serving.notes)


@pytest.mark.parametrize("question, evidence", [
    ("what's tensorflow", "end-to-end open-source deep learning framework"),
    ("Explain Keras", "high-level neural network"),
    ("tell me about theano", "mathematical expressions"),
])
def test_definitions_quote_the_article(question, evidence):
    answer = ask(question)
    assert answer.route == "define"
    assert evidence in quotes(answer)


def test_a_framework_the_article_does_not_cover_is_defined_from_the_facts():
    answer = ask("What is JAX?")
    assert answer.route == "define" and "does not cover JAX" in answer.text
    assert answer.citations and answer.citations[0].id.startswith("fact/jax")


@pytest.mark.parametrize("question, verdict, evidence", [
    ("I'm completely new to deep learning, where should I start?", {"PyTorch"}, "learn PyTorch first"),
    ("What framework gets me hired fastest in industry?", {"TensorFlow"}, "learn TensorFlow first"),
    ("What should I use to prototype quickly?", {"Keras"}, "rapid prototyping"),
    ("Which one for an Android app?", {"TensorFlow"}, "Android"),
])
def test_recommendations_follow_the_article(question, verdict, evidence):
    answer = ask(question)
    assert answer.route in ("recommend", "compare")
    assert set(answer.verdict) == verdict
    assert evidence.lower() in " ".join(c.quote for c in answer.citations).lower()


@pytest.mark.parametrize("question", ["Which is faster, Node or Deno?", "Who won the 2018 world cup?",
                                      "Is Rust harder to debug than C++?", "write me a poem", "the fastest car?"])
def test_out_of_scope_questions_are_refused_without_citations(question):
    answer = ask(question)
    assert answer.route == "out_of_scope"
    assert answer.verdict == () and answer.citations == ()
    assert "PyTorch" in answer.text  # it says what it can answer


def test_in_scope_but_uncovered_says_so_and_gives_no_verdict():
    answer = ask("Which is faster, JAX or CNTK?")
    assert answer.verdict == ()
    assert "does not" in answer.text


@pytest.mark.parametrize("question", ["", "   ", "hello", "what can you do?", "thanks!"])
def test_greetings_and_empty_input_get_the_guide(question):
    answer = ask(question)
    assert answer.route == "help" and "PyTorch" in answer.text and answer.citations == ()


def test_a_chat_keeps_its_frameworks_and_attribute():
    chat = Session()
    assert set(chat.ask("Which is faster, TensorFlow or Keras?").verdict) == {"TensorFlow"}
    debugging = chat.ask("and what about debugging?")
    assert debugging.route == "compare" and set(debugging.verdict) == {"Keras"}
    assert "Debugging" in quotes(debugging)
    chat.ask("What is Keras?")
    who = chat.ask("who made it?")
    assert who.route == "attribute" and "Chollet" in who.text
    why = chat.ask("why?")
    assert why.text != who.text and "Chollet" in why.text, "why? gives the reasons, not the same answer again"


def test_reset_forgets_the_chat():
    chat = Session()
    chat.ask("Is PyTorch easy to debug?")
    chat.reset()
    assert chat.ask("and TensorFlow?").route != "attribute" or "debug" not in chat.ask("and TensorFlow?").text.lower()


@pytest.mark.parametrize("question", [
    "Which is faster, PyTorch or Keras?", "What is PyTorch written in?", "pytorch vs tensorflow",
    "Which framework should a beginner use?", "How does Keras use a backend?", "What is deep learning?",
])
def test_every_citation_quotes_the_corpus_verbatim(question):
    prose = CORPUS.article.prose
    statements = {f.statement for f in CORPUS.facts}
    chart = CORPUS.article.chart.rows
    for c in ask(question).citations:
        if c.id.startswith("chart/"):
            label, _, rest = c.quote.partition(" — ")
            framework, _, cell = rest.partition(": ")
            assert chart[label][framework] == cell
        elif c.id.startswith("fact/"):
            assert c.quote in statements
        else:
            assert c.quote in prose
        assert c.url.startswith("https://")


def test_a_very_long_question_gets_a_clear_answer():
    answer = ask("why " * 5000)
    assert answer.route == "help" and "too long" in answer.text


@pytest.mark.parametrize("question, verdict", [
    ("Which frameworks run on TPUs?", {"TensorFlow", "Keras", "JAX", "PyTorch"}),  # PyTorch through torch_xla
    ("Which frameworks run on WSL2?", {"TensorFlow", "Keras", "JAX"}),  # Android and iOS are now in the mobile facts
])
def test_which_frameworks_have_a_value_lists_them_from_the_facts(question, verdict):
    answer = ask(question)
    assert set(answer.verdict) == verdict
    assert answer.citations[0].id.startswith("fact/")


def test_should_i_use_a_discontinued_framework():
    answer = ask("Should I still use CNTK?")
    assert first_word(answer.text) == "no" and "2.7" in answer.text
    assert ask("Should I use PyTorch?").verdict == ("PyTorch",)


def test_a_yes_no_question_without_a_known_attribute_is_settled_only_by_a_sentence_that_says_it():
    said = ask("Is PyTorch object-oriented?")
    assert first_word(said.text) == "yes" and "object-oriented" in said.citations[0].quote
    unsaid = ask("Is PyTorch written by aliens from Mars?")
    assert first_word(unsaid.text) != "yes" and unsaid.verdict == ()


def test_a_cell_that_affirms_both_senses_answers_yes_either_way():
    assert first_word(ask("Is TensorFlow low-level?").text) == "yes"
    assert first_word(ask("Is TensorFlow a high-level framework?").text) == "yes"
    assert first_word(ask("Is PyTorch high level?").text) == "no"


def test_two_frameworks_the_article_praises_alike_tie():
    answer = ask("Which is more flexible, PyTorch or TensorFlow?")
    assert set(answer.verdict) == {"PyTorch", "TensorFlow"} and "tie" in answer.text
