"""A fact's citation carries the source's own words beside our statement, and every adapter shows them:
the terminal's sources and `:sources`, `--json`, and Slack's sources."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import bot
from bot import Answer, Citation
from bot.terminal import render
from bot.knowledge import knowledge
from bot.slack.blocks import answer_message

FWBOT = str(Path(sys.executable).with_name("fwbot"))
QUESTION = "Is PyTorch written in Lua?"


def fact_citation(answer: Answer) -> Citation:
    cited = [c for c in answer.citations if c.id.startswith("fact/")]
    assert cited, "precondition: the answer cites a curated fact"
    return cited[0]


def test_a_fact_citation_quotes_the_source_and_an_article_citation_does_not() -> None:
    answer = bot.ask(QUESTION)
    cite = fact_citation(answer)
    fact = knowledge().fact_by_id[cite.id.removeprefix("fact/")]
    assert (cite.quote, cite.source_quote, cite.url) == (fact.statement, fact.source_quote, fact.source)
    assert all(c.source_quote == "" for c in answer.citations if not c.id.startswith("fact/"))
    assert any(not c.id.startswith("fact/") for c in answer.citations), "precondition: the article is cited too"
    assert answer.to_dict()["citations"][answer.citations.index(cite)]["source_quote"] == fact.source_quote


def test_fwbot_ask_prints_our_statement_then_the_source_words(tmp_path: Path) -> None:
    cite = fact_citation(bot.ask(QUESTION))
    done = subprocess.run([FWBOT, "ask", QUESTION], capture_output=True, cwd=tmp_path, timeout=60)
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    at = out.index(f"\u201c{cite.quote}\u201d", out.index("Sources:"))
    at = out.index(f"The source says: \u201c{cite.source_quote}\u201d", at)
    out.index(cite.url, at)

    done = subprocess.run([FWBOT, "ask", "--json", QUESTION], capture_output=True, cwd=tmp_path, timeout=60)
    cited = json.loads(done.stdout)["citations"]
    assert {"id": cite.id, "source_quote": cite.source_quote} in [{k: c[k] for k in ("id", "source_quote")} for c in cited]


def test_sources_in_the_chat_show_the_source_words(tmp_path: Path) -> None:
    cite = fact_citation(bot.ask(QUESTION))
    done = subprocess.run([FWBOT, "repl"], input=f"{QUESTION}\n:sources\n".encode(), capture_output=True, cwd=tmp_path,
                          env={**os.environ, "HOME": str(tmp_path), "FWBOT_HOME": str(tmp_path / "fwbot")}, timeout=60)
    out = done.stdout.decode()
    start = out.rindex("  [1] ")  # where `:sources` begins: the answer listed its sources first
    answer_part, sources_part = out[:start], out[start:]
    assert "Sources:" in answer_part
    assert f"The source says: \u201c{cite.source_quote}\u201d" in sources_part


def test_render_shows_the_source_words_and_previews_them_with_the_quote() -> None:
    cite = Citation("fact/x", "pypi.org", "Keras: licence", "Keras is Apache 2.0.", "https://pypi.org/project/keras/",
                    "License: Apache Software License")
    answer = Answer("Apache 2.0.", "attribute", citations=(cite,))
    lines = ["".join(text for text, _ in block.spans) for block in render.source_blocks(answer)]
    assert lines == ["[1] Keras: licence (pypi.org)", "\u201cKeras is Apache 2.0.\u201d",
                     "The source says: \u201cLicense: Apache Software License\u201d", "https://pypi.org/project/keras/"]
    lines = ["".join(text for text, _ in block.spans) for block in render.source_blocks(answer, quote_limit=12)]
    assert lines[2].startswith("The source says: \u201cLicense") and "Software License" not in lines[2]


def test_slack_sources_show_the_source_words_escaped() -> None:
    cites = (Citation("article/x/1", "Simplilearn article", "Intro", "Keras is slow.", "https://e.x/a"),
             Citation("fact/y", "keras.io", "Keras: speed", "Keras is as fast as its backend.", "https://keras.io/x",
                      "Speed <depends> on the backend & model."))
    message = answer_message(Answer("It depends.", "attribute", citations=cites), answer_id="a1", question="q")
    lines = [b["elements"][0]["text"] for b in message.blocks if b["type"] == "context"]
    article_line, fact_line = lines[0], lines[1]
    assert "The source says" not in article_line
    assert fact_line.endswith("\n\u201cKeras is as fast as its backend.\u201d\n_The source says:_ "
                              "\u201cSpeed &lt;depends&gt; on the backend &amp; model.\u201d")
