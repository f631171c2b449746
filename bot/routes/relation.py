"""How two frameworks relate, as a yes or no: "does Keras need TensorFlow?", "is Keras part of TensorFlow?",
"can I use Keras without TensorFlow?", "is JAX built on TensorFlow?". The relation comes from
relations.toml; two frameworks with none there are separate projects (see `_separate` for the exceptions)."""
from __future__ import annotations

import datetime as dt
import re

from bot.answer import Answer
from bot.query import SWITCH_BACKEND
from bot.routes.draft import Ask, Draft
from bot.routes.tense import YEAR
from corpus import Relation, Relations
from corpus.relations import KINDS
from index.analyzer import find_frameworks


def _past_year(text: str) -> bool:
    """Whether the question names a year before this one ("merged in 2017?"); "in 2026" asks about now."""
    return any(int(y) < dt.date.today().year for y in YEAR.findall(text))


def _asked(relations: Relations, text: str) -> tuple[str, bool] | None:
    """The kind of relation the question asks about, and whether it names the object first."""
    for kind in KINDS:
        cues, reverse = relations.cues[kind]
        found = reverse.search(text) if reverse is not None else None
        if found and find_frameworks(text[:found.start()]):  # "need TF to use Keras", not "to run Keras w/o TF"
            return kind, True
        if cues.search(text):
            return kind, False
    return None


def _separate(d: Draft, subject: str, object_: str, kind: str) -> Relation | None:
    """Two frameworks with no relation in the data: separate projects, by their developers. Not said of how
    Keras needs or wraps its backends, nor of what TensorFlow needs of Keras: the data would have them."""
    if (subject == "Keras" and kind != "part_of") or (subject, object_) == ("TensorFlow", "Keras"):
        return None
    facts = tuple(f"{name.lower()}-developer" for name in (subject, object_)
                  if f"{name.lower()}-developer" in d.kb.fact_by_id)
    says = f"{subject} and {object_} are separate projects, each developed on its own."
    return Relation(f"{subject}-{object_}-separate", subject, object_, kind, False, says, facts)


def answer(ask: Ask) -> Answer | None:
    """A yes/no about how the two named frameworks relate; declines other questions."""
    r = ask.reading
    if not r.yesno or len(r.frameworks) != 2 or _past_year(r.text):
        return None  # "merged into TensorFlow in 2019?" asks when, which the facts' dates answer
    if " than " in f" {r.text} " or (r.attribute and ask.kb.lexicon.ordered(r.attribute)):
        return None  # "is Theano easier to use than PyTorch?" is a comparison, not a relation
    relations = ask.kb.corpus.relations
    text = r.text.lower()
    if r.attribute == "backends" and re.search(r"\bback-?ends?\b", text):
        return None  # "can Keras still use Theano as a backend?" is answered by Keras's backends
    asked = _asked(relations, text)
    if asked is None:
        return None
    kind, object_first = asked
    first, second = r.frameworks
    subject, object_ = (second, first) if object_first else (first, second)
    d = Draft(ask, "attribute", any_topic=True)
    relation = relations.find(subject, object_, kind) or _separate(d, subject, object_, kind)
    if relation is None:
        return None
    # "Keras without TensorFlow?" asks the opposite; "Keras can't run without TensorFlow?" asks it twice over
    holds = relation.holds != (bool(relations.negated.search(text)) != bool(_CANNOT.search(text)))
    facts = [d.kb.fact_by_id[f] for f in relation.facts]
    for fact in facts:
        d.ev.fact(fact)
    for claim in d.kb.claims_about("integration"):
        if {subject, object_} <= set(claim.frameworks):
            d.ev.claim(claim)
            break
    support = " ".join(f.statement for f in facts if f.statement not in relation.says)
    return d.finish(f"{'Yes' if holds else 'No'}. {relation.says}", support, limit=3)


_ASKS_HOW_RELATED = re.compile(r"\b(?:same|identical|equivalent|relationship|related|relation|differen\w*|differ|vs\.?|"
                               r"versus|just|really|now|or|diff)\b|=")


_CANNOT = re.compile(r"\b(?:can'?t|cannot|can not|won'?t|doesn'?t|does not|isn'?t|is not)\b.{0,30}\bwithout\b")


def by_name(ask: Ask) -> Answer | None:
    """"Is tf.keras the same as Keras 3 now?", "torch vs pytorch?": a relation asked by another name of the
    subject (a part, an older project), from relations.toml's `named` entries."""
    r = ask.reading
    text = r.text.lower()
    if ask.context is not None and re.search(r"\b(?:that|it|this|they)\b", text):  # "what is tf.keras?" "is that Keras 3?"
        text = f"{ask.context.reading.text.lower()} {text}"
    relation = next((x for x in ask.kb.corpus.relations.entries if x.asked_in(text)), None)
    if relation is None or not (_ASKS_HOW_RELATED.search(text) or _asked(ask.kb.corpus.relations, text)):
        return None
    kind = _asked(ask.kb.corpus.relations, text)
    if r.yesno and kind and kind[0] != relation.kind:
        return None  # "is Caffe2 the same as PyTorch?" asks another relation than the one recorded
    d = Draft(ask, "attribute", any_topic=True)
    for claim in d.kb.claims_about("definition", relation.subject):  # "based on Torch": the article's own words
        if re.search(rf"\b{re.escape(relation.named)}\b", claim.quote, re.I):
            d.ev.claim(claim)
            break
    for fact in relation.facts:
        d.ev.fact(d.kb.fact_by_id[fact])
    lead = ("Yes. " if relation.holds else "No. ") if r.yesno else ""
    return d.finish(lead + relation.says, limit=3)


_MOVE = re.compile(r"\b(?:move|moving|switch|switching|migrate|migrating|port|porting|convert|converting|go|going|"
                   r"transition|transitioning|get)\b.{0,30}?\bfrom\s+(\S+)\s+(?:\S+\s+)?to\s+(\S+)"
                   r"|\b(?:convert|converting|port|porting|export|exporting)\s+(?:\w+\s+){0,2}?(\S+)\s+models?\s+(?:in)?to\s+(\S+)")


def migration(ask: Ask) -> Answer | None:
    """"Can I move from Keras to PyTorch?": the facts that connect the two (a backend, a wrapper, a named
    successor, an export path), the one moved from first; declines when none does."""
    found = _MOVE.search(ask.reading.text)
    if not found or re.match(r"(?:should|would|is it worth|do you recommend)\b", ask.reading.text) or (
            ask.reading.attribute == "backends" and SWITCH_BACKEND.search(ask.reading.text)):
        return None  # "should I go from TF to JAX?" asks for a recommendation; "the backend switches from torch to TF"
    source, target = (find_frameworks(found.group(i) or found.group(i + 2)) for i in (1, 2))
    if not source or not target or source == target:
        return None
    d = Draft(ask, "attribute", any_topic=True)
    linking = [f for (fw, _), group in sorted(d.kb.facts.items()) if fw in (source[0], target[0]) for f in group
               if not f.id.endswith("-history") and (target[0] if fw == source[0] else source[0]).lower()
               in " ".join((*f.values, f.statement)).lower()]
    linking.sort(key=lambda f: (f.attribute != ask.reading.attribute, f.framework != source[0],  # "…on Android": mobile
                                f.attribute not in ("integration", "successor", "backends")))
    if not linking:
        return None
    for fact in linking[:2]:
        d.ev.fact(fact)
    lead = "Yes. " if ask.reading.yesno and re.search(r"^(?:can|could|is there a way)\b|\bpossible\b", ask.reading.text) else ""
    return d.finish(lead + " ".join(f.statement for f in linking[:2]), limit=2)


_WHICH_FLAVOUR = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:package|flavou?r|variant|distribution|import)\b"
                            r"|\b(?:recommended|preferred|future-proof|right|best|correct)\b.{0,30}\bway to (?:use|import|install)\b"
                            r"|\bwhich \w+ (?:should|do) (?:i|we) (?:use|install|import|pick)\b")


def flavour(ask: Ask) -> Answer | None:
    """"Which Keras package should I use?", "the recommended way to use Keras?": for a framework that another
    name also gives (tf.keras is Keras 3), the relation between the two names; declines otherwise."""
    r = ask.reading
    if len(r.frameworks) != 1 or not _WHICH_FLAVOUR.search(r.text):
        return None
    relation = next((x for x in ask.kb.corpus.relations.entries
                     if x.named and x.kind == "same" and x.holds and x.object == r.frameworks[0]), None)
    if relation is None:
        return None
    d = Draft(ask, "attribute", any_topic=True)
    facts = [d.kb.fact_by_id[f] for f in relation.facts]
    for fact in facts:
        d.ev.fact(fact)
    return d.finish(relation.says, " ".join(f.statement for f in facts[:1]), limit=3)
