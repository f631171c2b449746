"""Slack text handling: markup in questions -> plain text; answers -> escaped Block Kit within limits."""
from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import Answer, Citation
from bot.slack.blocks import (
    FALLBACK_LIMIT,
    HELPFUL,
    MAX_BLOCKS,
    SHARE,
    TEXT_LIMIT,
    VALUE_LIMIT,
    answer_message,
    feedback_value,
    parse_feedback_value,
)
from bot.slack.markup import clip, escape, link, split, to_plain, unescape

BOT = "U0FWBOT"
# The only "<...>" the bot itself may emit: links to http(s) URLs with no spaces, <, > or |.
OWN_LINK = re.compile(r"<https?://[^\s<>|]+\|[^<>]*>|<@U[A-Z0-9]+>")


def texts(blocks: list[dict]) -> list[str]:
    """Every mrkdwn/plain text string in `blocks`."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return found


def test_markup_becomes_plain_text() -> None:
    assert to_plain(f"<@{BOT}> which is faster, <http://x.example|PyTorch> or Keras?", BOT) == (
        "which is faster, PyTorch or Keras?"
    )
    assert to_plain(f"<@{BOT}|fwbot>: hi <!here> and <!channel|channel> <!everyone>", BOT) == (
        "hi @here and @channel @everyone"
    )
    assert to_plain("ask <@U123|bob> and <@W9> in <#C1|general> <#C2>", BOT) == "ask @bob and @W9 in #general #C2"
    assert to_plain("<!subteam^S1|@ml-team> <!date^1392734382^{date}|Feb 18> <mailto:a@b.c|a@b.c>") == (
        "@ml-team Feb 18 a@b.c"
    )
    assert to_plain("see <https://pytorch.org>  &lt;3 &amp; more") == "see https://pytorch.org <3 & more"


def test_escape_and_links() -> None:
    assert escape("<!channel> & <http://x|y>") == "&lt;!channel&gt; &amp; &lt;http://x|y&gt;"
    assert unescape(escape("a<b>&c")) == "a<b>&c"
    assert link("https://pytorch.org/docs?a=1&b=2", "Docs <v2>") == (
        "<https://pytorch.org/docs?a=1&amp;b=2|Docs &lt;v2&gt;>"
    )
    assert link("https://e.x/a b|c>d", "t") == "<https://e.x/a%20b%7Cc%3Ed|t>"
    assert link("javascript:alert(1)", "click") == "click"
    assert link("", "<!channel>") == "&lt;!channel&gt;"


def test_clip_and_split_never_cut_an_entity() -> None:
    assert clip("abc", 3) == "abc"
    assert clip("ab&amp;cd", 6) == "ab…"
    pieces = split("x" * 2990 + "&&&&\n" + "y" * 10, 3000)
    assert all(len(p) <= 3000 for p in pieces)
    assert "".join(pieces) == escape("x" * 2990 + "&&&&\n" + "y" * 10)
    assert split("   ", 3000) == []


def _answer(**fields: object) -> Answer:
    base: dict[str, object] = {
        "text": "PyTorch is usually faster [1].",
        "route": "compare",
        "verdict": ("PyTorch",),
        "citations": (Citation("c1", "The article", "Speed", "PyTorch was faster in our runs.", "https://e.x/a#speed"),),
        "confidence": 0.8,
        "notes": ("Benchmarks are from 2019; versions have changed since.",),
    }
    base.update(fields)
    return Answer(**base)  # type: ignore[arg-type]


def test_answer_layout() -> None:
    message = answer_message(_answer(), answer_id="a1", question="which is faster?")
    kinds = [b["type"] for b in message.blocks]
    assert kinds == ["section", "section", "divider", "context", "context", "actions"]
    shown = "\n".join(texts(message.blocks))
    assert "*Verdict:* PyTorch" in shown
    assert "*[1]* <https://e.x/a#speed|Speed> · The article" in shown
    assert "“PyTorch was faster in our runs.”" in shown
    assert "⚠️ Benchmarks are from 2019" in shown
    assert message.text == "PyTorch is usually faster [1]."
    assert parse_feedback_value(_button(message.blocks, HELPFUL)) == {
        "answer_id": "a1", "route": "compare", "question": "which is faster?"}


def test_document_sources_show_their_path_as_text() -> None:
    """A passage from the user's documents cites a local file: its path and line (or PDF page) are shown
    as code text under the quote, escaped, never as a link; a web source shows no such line."""
    cites = (Citation("docs/team/3", "Scaling guide (your documents: team)", "Min-max scaling",
                      "MinMaxScaler maps every feature into a fixed range.", "/srv/docs/scaling_guide.html:14"),
             Citation("docs/team/9", "Handbook (your documents: team)", "Rollback", "Redeploy the previous tag.",
                      "/srv/docs/hand book.pdf#page=3"),
             Citation("docs/x/1", "x", "Odd", "q", "/tmp/<!channel>`&.md:2"))
    message = answer_message(_answer(route="search", verdict=(), notes=(), citations=cites), answer_id="a", question="q")
    lines = [t for t in texts(message.blocks) if t.startswith("*[")]
    assert lines[0] == ("*[1]* Min-max scaling · Scaling guide (your documents: team)\n"
                        "“MinMaxScaler maps every feature into a fixed range.”\n`/srv/docs/scaling_guide.html:14`")
    assert lines[1].endswith("\n`/srv/docs/hand book.pdf#page=3`")
    assert lines[2].endswith("\n`/tmp/&lt;!channel&gt;'&amp;.md:2`")
    web = answer_message(_answer(), answer_id="a", question="q")
    assert not any("`" in t for t in texts(web.blocks))


def test_help_has_no_buttons_and_refusals_no_sources() -> None:
    help_message = answer_message(_answer(route="help", verdict=(), citations=(), notes=()), answer_id="a", question="hi")
    assert [b["type"] for b in help_message.blocks] == ["section"]
    refusal = answer_message(_answer(route="out_of_scope", text="I only know frameworks."), answer_id="a", question="q")
    assert "Verdict" not in json.dumps(refusal.blocks)
    assert not any(b["type"] == "divider" for b in refusal.blocks)


def test_shareable_and_shared_forms() -> None:
    private = answer_message(_answer(), answer_id="a9", question="<!channel> q", show_question=True, shareable=True)
    assert _button(private.blocks, SHARE) == "a9"
    assert private.blocks[0]["elements"][0]["text"] == "Question: &lt;!channel&gt; q"
    shared = answer_message(_answer(), answer_id="a9", question="q", asked_by="U0ALICE")
    assert shared.blocks[0]["elements"][0]["text"] == "<@U0ALICE> asked: q"
    forged = answer_message(_answer(), answer_id="a9", question="q", asked_by="!channel")
    assert "<" not in forged.blocks[0]["elements"][0]["text"]


def test_limits_with_many_long_citations() -> None:
    citations = tuple(Citation(f"c{i}", "src", f"S{i}", "q" * 5000, "https://e.x/") for i in range(80))
    message = answer_message(_answer(text="t" * 50_000, citations=citations, notes=("n" * 9000,) * 5),
                             answer_id="a", question="x" * 5000)
    assert len(message.blocks) <= MAX_BLOCKS
    assert all(len(t) <= TEXT_LIMIT for t in texts(message.blocks))
    assert len(message.text) < 4000
    assert "more source(s)" in json.dumps(message.blocks)
    assert len(_button(message.blocks, HELPFUL)) <= VALUE_LIMIT


def test_feedback_value_round_trip_and_garbage() -> None:
    value = feedback_value("a1", "define", "\x00" * 3000)
    assert len(value) <= VALUE_LIMIT
    assert parse_feedback_value(value)["answer_id"] == "a1"
    assert parse_feedback_value("not json") == {"answer_id": "", "route": "", "question": ""}
    assert parse_feedback_value("[1, 2]")["route"] == ""


def _button(blocks: list[dict], action_id: str) -> str:
    return next(e["value"] for b in blocks for e in b.get("elements", []) if e.get("action_id") == action_id)


hostile = st.text(alphabet=st.sampled_from(list("<>&|!@#*_~`:/. \nabcxyz")) | st.characters(), max_size=400)


@settings(max_examples=150, deadline=None)
@given(
    text=hostile,
    question=hostile,
    verdict=st.lists(hostile, max_size=3),
    cites=st.lists(st.tuples(hostile, hostile, hostile, hostile | st.just("https://e.x/p?q=1&r=<2>")), max_size=60),
    notes=st.lists(hostile, max_size=4),
    route=st.sampled_from(["compare", "attribute", "define", "recommend", "search", "help", "out_of_scope"]),
    shareable=st.booleans(),
)
def test_nothing_from_users_or_corpus_becomes_markup(
    text: str, question: str, verdict: list[str], cites: list[tuple[str, str, str, str]],
    notes: list[str], route: str, shareable: bool,
) -> None:
    answer = Answer(text=text, route=route, verdict=tuple(verdict),
                    citations=tuple(Citation(f"c{i}", s, sec, q, u) for i, (s, sec, q, u) in enumerate(cites)),
                    notes=tuple(notes))
    message = answer_message(answer, answer_id="a", question=question, show_question=True, shareable=shareable)
    assert len(message.blocks) <= MAX_BLOCKS
    assert 0 < len(message.text) <= FALLBACK_LIMIT < 4000
    for shown in texts(message.blocks) + [message.text]:
        assert len(shown) <= TEXT_LIMIT
        assert "<" not in OWN_LINK.sub("", shown) and ">" not in OWN_LINK.sub("", shown)
        assert not re.search(r"&(?!amp;|lt;|gt;)", OWN_LINK.sub("", shown))
    for block in message.blocks:
        for element in block.get("elements", []):
            assert len(element.get("value", "")) <= VALUE_LIMIT


@given(hostile)
def test_plain_question_round_trip_is_harmless(text: str) -> None:
    plain = to_plain(text, BOT)
    assert "<@" + BOT not in plain
    assert "<" not in escape(plain) and ">" not in escape(plain)
