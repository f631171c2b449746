"""Turns a routed reading into an `Answer`: a direct answer composed from the chart, the article's
claims and the facts, every claim in it cited, and freshness notes where the article is dated."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.answer import Answer
from bot.evidence import Evidence
from bot.knowledge import Knowledge
from bot.lexicon import stems
from bot.query import Reading
from bot.rank import Ranking, rank
from corpus import Claim, Fact
from index.analyzer import FRAMEWORKS, STOPWORDS, analyze, find_frameworks

HELP_TEXT = (
    "I answer questions about choosing a deep-learning framework (PyTorch, TensorFlow, Keras, Theano, JAX "
    "and CNTK) from a comparison article and curated, dated facts, and I quote and cite what I say. "
    "Try: “Which is faster, PyTorch or Keras?”, “Is TensorFlow hard to debug?”, "
    "“What should a beginner learn first?”, “Who developed JAX?”."
)
OUT_OF_SCOPE_TEXT = (
    "Sorry, that is outside what I know. I only answer questions about deep-learning frameworks "
    "(PyTorch, TensorFlow, Keras, Theano, JAX, CNTK): how they compare on speed, debugging, ease of use and "
    "more, their history and status, and which to choose for a situation."
)


_NEGATION = re.compile(r"\b(not|no|never|none|nor|without|cannot|can't|doesn't|don't|isn't|aren't|won't|lacks?)\b", re.I)


def names(frameworks: Sequence[str]) -> str:
    """"A", "A and B", "A, B and C" ("the frameworks" for none)."""
    items = list(frameworks)
    if not items:
        return "the frameworks"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def q(text: str) -> str:
    return f"“{text.rstrip('.')}”"


class Composer:
    """Builds one answer: picks the handler for the route and assembles text, citations and notes."""

    def __init__(self, kb: Knowledge, reading: Reading, route: str, confidence: float) -> None:
        self.kb, self.r, self.route, self.confidence = kb, reading, route, confidence
        self.ev = Evidence(kb, frozenset(reading.frameworks) or None)

    def label(self, attribute: str) -> str:
        return self.kb.lexicon.labels.get(attribute, attribute)

    def answer(self) -> Answer:
        handler: Callable[[], Answer] = getattr(self, f"_{self.route}")
        return handler()

    def _done(self, text: str, verdict: Sequence[str] = (), confidence: float | None = None) -> Answer:
        notes = self.ev.notes
        citations = self.ev.citations()
        for note, (said, fact) in zip(notes, self.ev.corrected):
            # A fact the text already states is not repeated: the note then only flags the article.
            short = f"the article says {q(said)}, which is {fact.status} ({fact.domain}, as of {fact.as_of})."
            text = text.rstrip() + " Note: " + (short if fact.statement in text else note)
        return Answer(text=text.strip(), route=self.route, verdict=tuple(verdict), citations=citations,
                      confidence=round(self.confidence if confidence is None else confidence, 3), notes=notes)

    # -- help and refusals -------------------------------------------------------------------------

    def _help(self) -> Answer:
        return Answer(text=HELP_TEXT, route="help", confidence=round(self.confidence, 3))

    def _out_of_scope(self) -> Answer:
        return Answer(text=OUT_OF_SCOPE_TEXT, route="out_of_scope", confidence=round(self.confidence, 3))

    def _not_covered(self, what: str) -> Answer:
        """In scope but not in the corpus: say so, and offer the closest passages, with no verdict."""
        hits = self.kb.index.search(self.r.text, k=3)
        self.ev = Evidence(self.kb, about=frozenset())  # the closest passages carry no notes: they answer nothing
        for hit in hits:
            self.ev.chunk(hit.doc)
        closest = " The closest passages I have are cited below." if hits else ""
        return self._done(f"The corpus does not cover {what}.{closest}", confidence=min(self.confidence, 0.3))

    # -- comparisons and recommendations -----------------------------------------------------------

    def _cite_ranking(self, ranking: Ranking, first: Sequence[str]) -> str:
        """Cite what the ranking rests on, the favoured frameworks first; return the supporting sentence."""
        order = list(first) + [f for f in ranking.scores if f not in first]
        if ranking.row:
            for f in order:
                self.ev.cell(ranking.row, f)
            cells = "; ".join(f"{f} {q(ranking.row.cells[f])}" for f in order)
            support = f"The article's chart ({ranking.row.label}): {cells}."
            claims = [c for c in self.kb.claims_about(ranking.row.attribute) if c.rank and set(c.rank) <= set(order)]
            for claim in claims[:1]:
                self.ev.claim(claim)
                support += f" It also says: {q(claim.quote)}."
            return support
        useful = sorted(ranking.claims, key=lambda c: (not any(f in c.rank or c.stance.get(f) == "yes" for f in first), -len(c.rank)))
        for claim in useful[:3]:
            self.ev.claim(claim)
        for fact in ranking.facts:
            if fact.framework in first:
                self.ev.fact(fact)
        quotes = [q(c.quote) for c in useful[:2]]
        return ("The article says: " + " and ".join(quotes) + ".") if quotes else ""

    def _ranked(self, frameworks: Sequence[str] | None) -> Answer:
        attribute, polarity = self.r.attribute, self.r.polarity
        assert attribute is not None
        ranking = rank(self.kb, attribute, frameworks)
        label = self.label(attribute)
        if ranking is None:
            return self._unranked(frameworks or (), attribute)
        winners = ranking.winners(polarity)
        everyone = list(ranking.scores)
        phrasing = self.kb.lexicon.phrasing.get(attribute, {})
        source = "the article" if ranking.row or ranking.claims else "the curated facts"
        verb = "is" if len(winners) == 1 else "are"
        if ranking.tie:
            winners = tuple(everyone)
            lead = f"According to {source}, {names(everyone)} tie on {label}."
        elif len(everyone) == 2:
            loser = next(f for f in everyone if f not in winners)
            word = phrasing.get("more" if polarity > 0 else "less", f"ahead on {label}")
            lead = f"According to {source}, {names(winners)} {verb} {word} than {loser}."
        elif self.route == "recommend" and not self.r.frameworks:
            word = phrasing.get("most" if polarity > 0 else "least", f"ahead on {label}")
            lead = f"According to {source}, {names(winners)} {verb} {word}."
        else:
            word = phrasing.get("most" if polarity > 0 else "least", f"ahead on {label}")
            tied = " (a tie)" if len(winners) > 1 else ""
            lead = f"According to {source}, {names(winners)} {verb} {word} of {names(everyone)}{tied}."
        if self.r.yesno and self.r.frameworks:
            subject = self.r.frameworks[0]
            lead = ("Yes. " if subject in winners and not ranking.tie else "No. ") + lead
        support = self._cite_ranking(ranking, winners)
        return self._done(f"{lead} {support}", verdict=winners)

    def _unranked(self, frameworks: Sequence[str], attribute: str) -> Answer:
        """No order in the data: say so plainly, and give what each framework's facts say, with no verdict."""
        label = self.label(attribute)
        said = []
        for f in frameworks:
            facts = self.kb.facts_about(f, attribute)
            if facts:
                self.ev.fact(facts[0])
                said.append(facts[0].statement)
        if not said:
            return self._not_covered(f"how {names(frameworks) or 'the frameworks'} compare on {label}")
        if not self.kb.lexicon.ordered(attribute):
            for f in frameworks:
                for claim in self.kb.claims_about(attribute, f)[:1]:
                    self.ev.claim(claim)
            return self._done(f"On {label}: " + " ".join(said))
        prefix = "No: the corpus does not rank them on that. " if self.r.yesno else ""
        return self._done(f"{prefix}The corpus does not rank {names(frameworks)} on {label}; here is what it says of each: "
                          + " ".join(said), confidence=min(self.confidence, 0.5))

    def _described(self, frameworks: Sequence[str]) -> Answer:
        """A pair the article never compares: what the facts say each one is, with no verdict."""
        said = []
        for f in frameworks:
            facts = self.kb.facts_about(f, "definition")
            if facts:
                self.ev.fact(facts[0])
                said.append(facts[0].statement)
        if not said:
            return self._not_covered(f"a comparison of {names(frameworks)}")
        return self._done(f"The article does not compare {names(frameworks)}. What the curated facts say of each: "
                          + " ".join(said) + " Ask about one aspect (speed, deployment, ...) for more.",
                          confidence=min(self.confidence, 0.5))

    def _overview(self, frameworks: Sequence[str]) -> Answer:
        """"X vs Y" with no attribute: where each is ahead on the chart, and the article's section on the pair."""
        pair = set(frameworks)
        ahead: dict[str, list[str]] = {f: [] for f in frameworks}
        for row in self.kb.corpus.chart_rows:
            ranking = rank(self.kb, row.attribute, frameworks) if row.rank else None
            if ranking and ranking.row and not ranking.tie:
                for f in ranking.winners(1):
                    ahead[f].append(self.kb.lexicon.phrasing[row.attribute]["more"])
        parts = [f"{f} is {names(words)}" for f, words in ahead.items() if words]
        section = next((s for s in self.kb.corpus.article.sections
                        if " vs " in s.title and set(find_frameworks(s.title)) == pair), None)
        claims = [c for c in self.kb.corpus.claims if section and self.kb.corpus.chunk_of(c.quote).section == section.title]
        seen: list[str] = []  # in article order: a set here made the quoted sentences depend on hashing
        for claim in claims:
            if claim.quote not in seen and len(seen) < 3:
                seen.append(claim.quote)
                self.ev.claim(claim)
        if not parts and not seen:
            return self._described(frameworks)
        text = "It depends on what you need. "
        if parts:
            text += "On the article's chart, " + "; ".join(parts) + ". "
        if seen:
            text += f"The article's “{section.title}” section says: " + " ".join(q(s) + "." for s in seen[:2])
        return self._done(text)

    def _compare(self) -> Answer:
        frameworks = self.r.frameworks if len(self.r.frameworks) >= 2 else None
        if self.r.attribute in (None, "definition", "background"):
            if frameworks:
                return self._overview(frameworks)
            return self._recommend_general()
        if not frameworks and self._by_value(self.r.attribute):
            return self._which_have(self.r.attribute)
        return self._ranked(frameworks)

    def _recommend(self) -> Answer:
        if len(self.r.frameworks) == 1 and self.r.attribute in (None, "definition", "background", "maintenance"):
            return self._recommend_one(self.r.frameworks[0])
        if self.r.attribute in (None, "definition", "background"):
            return self._recommend_general()
        if self._by_value(self.r.attribute):
            return self._which_have(self.r.attribute)
        return self._ranked(self.r.frameworks if len(self.r.frameworks) >= 2 else None)

    def _by_value(self, attribute: str) -> bool:
        """An attribute with values but no order (platforms, hardware): asked about by value, never ranked."""
        return attribute in self.kb.lexicon.generic and not self.kb.lexicon.ordered(attribute)

    def _which_have(self, attribute: str) -> Answer:
        """"Which framework runs on Android?": the frameworks whose current facts have the asked value."""
        asked = self._asked_values(attribute)
        if not asked:
            return self._not_covered(f"which framework to pick for {self.label(attribute)}")
        having = []
        for framework in (self.r.frameworks or FRAMEWORKS):
            facts = [f for f in self.kb.facts_about(framework, attribute) if not f.id.endswith("-history")]
            if facts and any(t in {s for f in facts for v in f.values for s in stems(v)} for t in asked):
                having.append(framework)
                self.ev.fact(facts[0])
        if not having:
            return self._not_covered(f"a framework with that {self.label(attribute)}")
        return self._done(f"According to the curated facts, {names(having)} {'does' if len(having) == 1 else 'do'}. "
                          + " ".join(c.quote for c in self.ev.citations()), verdict=having)

    def _recommend_one(self, framework: str) -> Answer:
        """"Should I use Theano?": no if it is no longer maintained, else what the article recommends it for."""
        status = self.kb.facts_about(framework, "maintenance")
        if status and status[0].stance == "no":
            self.ev.fact(status[0])
            return self._done(f"No. {status[0].statement}")
        uses = []
        for situation in ("beginner", "industry", "prototyping", "research", "deployment", "datasets"):
            ranking = rank(self.kb, situation)
            if ranking and not ranking.tie and framework in ranking.winners(1):
                self._cite_ranking(ranking, (framework,))
                uses.append(self.kb.lexicon.phrasing[situation]["most"])
        if not uses:
            return self._define()
        prefix = "It depends on your situation. " if not self.r.yesno else "The corpus does not settle that for every case. "
        return self._done(f"{prefix}According to the article, {framework} is {names(uses)}.", verdict=(framework,))

    def _recommend_general(self) -> Answer:
        """No situation given: the article's advice for the common situations, with no single verdict."""
        advice = []
        for situation in ("beginner", "industry", "prototyping"):
            ranking = rank(self.kb, situation)
            if ranking and not ranking.tie:
                winners = ranking.winners(1)
                self._cite_ranking(ranking, winners)
                advice.append(f"{names(winners)} for {self.label(situation)}")
        text = ("It depends on your situation. The article recommends " + "; ".join(advice) + ". "
                "Ask about your case (for example “best for production?”) for a direct answer.")
        return self._done(text)

    # -- one framework -----------------------------------------------------------------------------

    def _vocabulary(self, attribute: str) -> set[str]:
        """Words that name a value of this attribute anywhere in the data (for yes/no questions)."""
        vocab = {t for group in self.kb.facts.values() for f in group if f.attribute == attribute for v in f.values for t in stems(v)}
        row = self.kb.rows.get(attribute)
        if row:
            vocab |= {t for cell in row.cells.values() for t in stems(cell)}
        if attribute in ("backends", "integration"):
            vocab |= {f.lower() for f in FRAMEWORKS}
        return vocab - STOPWORDS

    def _asked_values(self, attribute: str, framework: str | None = None) -> list[str]:
        """The words of the question that name a value of a valued attribute ("lua", "gpu", "cntk")."""
        generic = self.kb.lexicon.generic.get(attribute, frozenset())
        vocab = self._vocabulary(attribute) - generic
        return [t for t in self.r.terms if t in vocab and t != (framework or "").lower()]

    def _decide(self, framework: str, attribute: str, facts: Sequence[Fact], claims: Sequence[Claim]) -> tuple[bool | None, str]:
        """Yes or no for a yes/no question on one framework (None when the data does not settle it), and
        its basis: "value" when a named value was looked up in the current facts ("Is PyTorch written in
        Lua?"), "fact" or "article" when it rests on whether that source affirms the attribute."""
        current = [f for f in facts if not f.id.endswith("-history")]
        positive = self.r.polarity > 0
        if current and current[0].stance:  # the fact says outright ("Is CNTK a Keras backend?": not any more)
            return current[0].stance == "both" or (current[0].stance == "yes") == positive, "fact"
        generic = self.kb.lexicon.generic.get(attribute)
        if generic is not None:
            asked = self._asked_values(attribute, framework)
            own = {t for f in current for v in f.values for t in stems(v)}
            if asked and own:
                return any(t in own for t in asked), "value"
        row = self.kb.rows.get(attribute)
        stance = row.stance.get(framework) if row else None
        if stance is None:
            votes = [c.stance[framework] for c in claims if framework in c.stance]
            if votes and votes.count("yes") != votes.count("no"):
                stance = "yes" if votes.count("yes") > votes.count("no") else "no"
        if stance is None:
            return None, "article"
        return stance == "both" or (stance == "yes") == positive, "article"

    def _attribute(self) -> Answer:
        if not self.r.frameworks:
            return self._search()
        framework, attribute = self.r.frameworks[0], self.r.attribute
        if attribute in (None, "definition", "background"):
            return self._define()
        label = self.label(attribute)
        facts = self.kb.facts_about(framework, attribute)
        row = self.kb.rows.get(attribute)
        cell = row.cells.get(framework) if row else None
        # Worth quoting first: passages about this framework, then those with the asked words or the values.
        asked = set(self.r.terms) - {framework.lower()}
        vocab = self._vocabulary(attribute) - {framework.lower()}
        claims = sorted(self.kb.claims_about(attribute, framework),
                        key=lambda c: (c.frameworks[:1] != (framework,), -len(asked & set(stems(c.quote))),
                                       -len(vocab & set(stems(c.quote)))))
        if not facts and not claims and cell is None:
            return self._not_covered(f"{framework}'s {label}")
        decided, basis = self._decide(framework, attribute, facts, claims) if self.r.yesno else (None, "")
        if decided is not None:  # quote first what agrees with the answer
            agrees = "yes" if decided == (self.r.polarity > 0) else "no"
            claims = sorted(claims, key=lambda c: c.stance.get(framework, agrees) != agrees)
        if cell is not None and row is not None:
            self.ev.cell(row, framework)
        for claim in claims[:2]:
            self.ev.claim(claim)
        for fact in facts[:3]:
            self.ev.fact(fact)
        article = []
        if cell is not None and row is not None:
            article.append(f"The article's chart gives {framework}'s {row.label} as {q(cell)}.")
        if claims:
            article.append(f"The article says: {q(claims[0].quote)}.")
        # A value (a language, a date) leads with the current fact; a rating the article gives leads with
        # the article, and its correction (if any) follows as a note, so the fact is not said twice.
        fact_first = basis in ("value", "fact") or (not self.r.yesno and attribute in self.kb.lexicon.generic)
        noted = {fact.id for _, fact in self.ev.corrected}
        current = [f"As of {facts[0].as_of}: {facts[0].statement}"] if facts and (fact_first or facts[0].id not in noted) else []
        parts = (current + article) if fact_first else (article + current)
        if not self.r.yesno:
            lead = ""
        elif decided is None:
            lead = "The corpus does not settle that plainly. "
        else:
            lead = ("Yes" if decided else "No") + (", according to the article. " if basis == "article" else ". ")
        return self._done(lead + " ".join(parts))

    def _define(self) -> Answer:
        if not self.r.frameworks:
            return self._define_concept()
        framework = self.r.frameworks[0]
        claims = self.kb.claims_about("definition", framework)
        own = [c for c in claims if c.frameworks[:1] == (framework,)] or list(claims)
        facts = self.kb.facts_about(framework, "definition")
        parts = []
        for claim in own[:2]:
            self.ev.claim(claim)
        if own:
            parts.append("The article: " + " ".join(q(c.quote) + "." for c in own[:2]))
        else:
            parts.append(f"The article does not cover {framework}.")
        if facts:
            self.ev.fact(facts[0])
            parts.append(f"As of {facts[0].as_of}: {facts[0].statement}")
        status = self.kb.facts_about(framework, "maintenance")
        if status and status[0].stance == "no":
            self.ev.fact(status[0])
            parts.append(f"Status: {status[0].statement}")
        return self._done(" ".join(parts))

    def _define_concept(self) -> Answer:
        """"What is deep learning?": the article's section on it, else the best passage that has the words."""
        wanted = [t for t in analyze(self.r.text) if t not in {"defin", "explain", "mean", "describ", "tell"}]
        if not wanted:
            return self._help()
        for section in self.kb.corpus.article.sections:
            if set(wanted) <= set(analyze(section.title)):
                chunk = next(c for c in self.kb.corpus.chunks if c.section == section.title)
                self.ev.chunk(chunk)
                return self._done(f"From the article's “{section.title}” section: {q(chunk.text)}.")
        hits = [h for h in self.kb.index.search(self.r.text, k=5) if set(wanted) <= set(self.kb.index.tokens[self.kb.index.docs.index(h.doc)])]
        if not hits:
            return self._not_covered(f"what “{self.r.text.strip(' ?')}” is")
        self.ev.chunk(hits[0].doc)
        return self._done(f"The closest the corpus comes ({hits[0].doc.section}): {q(hits[0].doc.text)}.")

    # -- anything else in scope --------------------------------------------------------------------

    def _search(self) -> Answer:
        """The best passages for an open question; says so plainly when they do not cover it."""
        hits = self.kb.index.search(self.r.text, k=3)
        wanted = set(analyze(self.r.text)) - {f.lower() for f in FRAMEWORKS}
        if not hits:
            return self._not_covered("that")
        best = self.kb.index.tokens[self.kb.index.docs.index(hits[0].doc)]
        coverage = len(wanted & set(best)) / len(wanted) if wanted else 1.0
        if coverage < 0.5:
            return self._not_covered("that directly")
        if self.r.yesno:
            return self._search_yesno(hits, wanted)
        best = [self.ev.chunk(hit.doc) for hit in hits][0]
        return self._done(f"The most relevant passage ({best.section}): {q(best.quote)}.", confidence=min(self.confidence, 0.6))

    def _search_yesno(self, hits: list, wanted: set[str]) -> Answer:
        """A yes/no question with no known attribute: "Yes" only when one article sentence about the
        framework says every asked word, with no negation; otherwise it says the corpus does not settle it."""
        about = {f.lower() for f in self.r.frameworks}
        for hit in hits:
            for sentence in hit.doc.sentences:
                words = set(analyze(sentence))
                if hit.doc.document == "article" and wanted <= words and about <= words | about and not _NEGATION.search(sentence):
                    claim = next((c for c in self.kb.corpus.claims if c.quote in sentence or sentence in c.quote), None)
                    if claim:
                        self.ev.claim(claim)
                    return self._done(f"Yes, according to the article: {q(sentence)}.", confidence=min(self.confidence, 0.6))
        best = [self.ev.chunk(hit.doc) for hit in hits][0]
        return self._done(f"The corpus does not settle that plainly. The closest passage ({best.section}): {q(best.quote)}.",
                          confidence=min(self.confidence, 0.4))


def compose(kb: Knowledge, reading: Reading, route: str, confidence: float) -> Answer:
    """The answer for a reading already routed."""
    return Composer(kb, reading, route, confidence).answer()
