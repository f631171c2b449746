"""Routing decisions: the classifier's probabilities checked against what the question names."""
import pytest

from bot.knowledge import lexicon
from bot.query import read
from bot.routing import Context, decide

pytestmark = pytest.mark.usefixtures("no_catch_all")

LEX = lexicon()
ROUTES = ("compare", "attribute", "define", "recommend", "search", "help", "out_of_scope", "followup")


def probs(**given: float) -> dict[str, float]:
    rest = (1 - sum(given.values())) / (len(ROUTES) - len(given))
    return {r: given.get(r, rest) for r in ROUTES}


def route(question: str, p: dict[str, float], ctx: Context | None = None) -> str:
    return decide(read(question, LEX), p, ctx, LEX).route


def test_empty_input_is_help_whatever_the_classifier_says():
    assert route("   ", probs(compare=0.9)) == "help"


def test_a_comparison_needs_two_frameworks_or_a_superlative():
    assert route("Is PyTorch fast?", probs(compare=0.8)) == "attribute"
    assert route("Which is fastest?", probs(compare=0.8)) == "compare"
    assert route("Is PyTorch faster than Keras?", probs(attribute=0.8)) == "compare"


def test_no_framework_and_no_domain_word_is_out_of_scope_unless_a_pick_among_them():
    assert route("Which is faster, Java or C#?", probs(compare=0.9)) == "out_of_scope"
    assert route("What is the capital of Peru?", probs(define=0.9)) == "out_of_scope"
    assert route("What is the least popular of the three?", probs(compare=0.7)) == "compare"
    # a pick on something frameworks are compared on is theirs, however unsure the classifier…
    assert route("What is the least popular of the three?", probs(compare=0.4, out_of_scope=0.35)) == "compare"
    # …unless it names what it picks among
    assert route("What is the least popular car of the three?", probs(compare=0.4, out_of_scope=0.35)) == "out_of_scope"


@pytest.mark.parametrize("p", [probs(compare=0.30, recommend=0.28), probs(compare=0.41, search=0.39)])
def test_an_unsure_classifier_without_structure_falls_back_to_search(p):
    assert route("tell me which framework people like", p) == "search"


def test_an_unsure_classifier_with_full_structure_still_compares():
    assert route("Which is faster, PyTorch or Keras?", probs(compare=0.30, recommend=0.29)) == "compare"


def test_follow_ups_take_the_chat_context():
    before = read("Which is faster, PyTorch or Keras?", LEX)
    ctx = Context("compare", before)
    decision = decide(read("and for debugging?", LEX), probs(followup=0.9), ctx, LEX)
    assert decision.route == "compare" and decision.followup
    assert decision.reading.frameworks == ("PyTorch", "Keras") and decision.reading.attribute == "debugging"
    assert decide(read("why?", LEX), probs(help=0.9), ctx, LEX).reading == before
