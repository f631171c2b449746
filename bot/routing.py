"""Decides how a question is answered: the classifier's probabilities, checked against what the reading
found (frameworks, attribute, shape) and, in a chat, what was asked before."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.lexicon import Lexicon, stems
from bot.query import RUNS_ON_WHAT, WHEN_TO, Context, Reading
from bot.references import NOT_A_NAME, OTHER, THE_PICK, THE_X_ONE, answered_part, referred, version_named
from bot.routes import ROUTES, followup, overview, recommend, refuse, select
from index.analyzer import FRAMEWORKS, STOPWORDS, only_ambiguous_names

# Words that place a question in the domain even when it names no framework.
_DOMAIN = frozenset(t for w in (
    "framework frameworks library libraries deep learning machine neural network networks model models train "
    "training tensor tensors ai ml dl gpu gpus tpu cuda backend backends tensorboard dataset datasets pretrained "
    "onnx inference autograd layer layers artificial intelligence keras_backend tf.function torch.compile "
    "litert tflite executorch torchserve serving xla epoch epochs gradient gradients article chart").split()
    for t in stems(w))
# Products of the frameworks' world the facts speak of: "who created ONNX?" is asked of the corpus.
_PRODUCTS = frozenset(stems("onnx litert tflite executorch torchserve tensorboard xla tf.keras keras_hub kerashub pytensor aesara"))
# "Java or C#?": alternatives that are not frameworks mean the question is about something else.
_ALTERNATIVE = re.compile(r"([\w#+.]+)\s*,?\s+(?:or|vs\.?|versus)\s+([\w#+.]+)")


@dataclass(frozen=True)
class Decision:
    route: str
    confidence: float
    reading: Reading
    followup: bool = False
    picked: tuple[str, ...] = ()  # "which did Microsoft make?" "and the Meta one?": the framework it picks


def _in_domain(r: Reading, lexicon: Lexicon) -> bool:
    # "a blowtorch or a propane torch?": a name that is also an ordinary word needs company from the domain
    others = [t for t in r.terms if t not in _FRAMEWORK_TOKENS]
    named = bool(r.frameworks) and not (only_ambiguous_names(r.text) and others)
    return (named or r.attribute in lexicon.domain or any(t in _DOMAIN for t in r.tokens)
            or any(t in lexicon.named or t in lexicon.values.get(r.attribute or "", ()) for t in r.terms))


_FRAMEWORK_TOKENS = frozenset(f.lower() for f in FRAMEWORKS)
_SUPERLATIVE_THING = re.compile(r"\b(?:\w+est|best|worst|most \w+|least \w+)\s+([a-z][\w#+.]*)")
_NEUTRAL_THINGS = frozenset("one ones option options choice choices pick tool tools thing overall today now nowadays "
                            "currently anymore lately still right according ever around imo tbh lol atm rn here "
                            "overall so far yet".split())


def _foreign_alternatives(r: Reading, known: frozenset[str], ambiguous: bool = False,
                          named: frozenset[str] = frozenset()) -> bool:
    """"Java or C#?", "the fastest car": what is compared is neither a framework nor something
    frameworks are compared on (`known`: the attribute words)."""
    if r.frameworks and not ambiguous:
        return False
    pairs = _ALTERNATIVE.findall(r.text)
    things = [w for w in _SUPERLATIVE_THING.findall(r.text)
              if w not in STOPWORDS and w not in _NEUTRAL_THINGS and not (set(stems(w)) & (_DOMAIN | known))]
    # "discontinued or deprecated" (states, comparisons) are words frameworks are judged by; "Django or Flask"
    # are other things, though the article names them
    return bool(things) or any(a not in _DOMAIN and b not in _DOMAIN and not _judged_by(a, b, known)
                               and not {*stems(a), *stems(b)} & named for a, b in pairs)  # "DataParallel vs DDP"


def _judged_by(a: str, b: str, known: frozenset[str]) -> bool:
    """Whether two alternatives are states or comparisons frameworks are judged by (attribute words ending -ed,
    -er, -est), not names of other things."""
    return all(w.endswith(("ed", "er", "est")) and set(stems(w)) <= known for w in (a, b))


_WHICH_THING = re.compile(r"\b(?:which|what)\s+([a-z][\w#+.]*)")


def _foreign_subject(r: Reading, known: frozenset[str]) -> bool:
    """"Which movie came out last?": the thing asked about is named, and it is not a framework thing."""
    return any(w not in STOPWORDS and w not in _NEUTRAL_THINGS and not (set(stems(w)) & (_DOMAIN | known))
               for w in _WHICH_THING.findall(r.text))


# "Does PyTorch have anything like that?": the same thing as before, for another framework.
_LIKE_THAT = re.compile(r"\b(like (?:that|this|it)|the same(?: thing)?|something similar|similar|an equivalent|equivalent)\b")
_HOWTO = re.compile(r"(^how (?:do|can|should|would|to)\b|\bhow to\b|\bhow\W*$|^(?:is|are) there (?:a|any) way)")
# "does TF run on Windows?" "with gpu?": the follow-up narrows the last question, whose words still count (so
# do they for "what replaced it?" after "does PyTorch have a mobile runtime?")
_NARROWING = re.compile(r"^(?:and |but |ok |so )?(?:with|on|using|via|without|in|under) [\w.+#-]+(?: [\w.+#-]+)?\W*$")
_DIFFER = re.compile(r"\b(?:differ\w*|difference|compare|vs|versus)\b")
_COMPARE_IT = re.compile(r"\b(compare|compared|comparison|vs\.?|versus|against|than|differ\w*|stack up|why not|instead of|rather than)\b")


_DANGLING_IT = re.compile(r"\b(?:is|does|was|can|did|will|would|about) (?:it|they|that one)\b|\b(?:it|they)\b\??$|"
                          r"\bthe other one\b")
_EVENTS = frozenset({"maintenance", "integration", "successor", "compile", "deployment", "mobile"})
# "is it part of TensorFlow?": the pronoun is what is asked about, the framework named is the other side.
_IT_ASKED = re.compile(r"^(?:is|does|can|will|was|did|could|would) (?:it|they)\b")


_OF_THOSE = re.compile(r"\bwhich (?:one )?of (?:them|these|those|the two|both|the pair)\b|\b(?:these|those|the) two\b")


_WHICH_MORE = re.compile(r"\bwhich one (?:is|was|has|came out) (?:\w+er|more|less|first|earlier|later)\b")


def _is_followup(r: Reading, probs: dict[str, float]) -> bool:
    top = max(probs, key=probs.get)
    short = len(r.tokens) <= 6
    return (top == "followup" or r.followup or bool(_LIKE_THAT.search(r.text)) or bool(OTHER.search(r.text))
            or bool(THE_X_ONE.search(r.text) and not r.frameworks)
            or (r.pronoun and (not r.frameworks or bool(_COMPARE_IT.search(r.text))
                               or (r.yesno and len(r.frameworks) == 1 and bool(_IT_ASKED.match(r.text)))))
            or (short and not r.frameworks and r.attribute is not None and not r.superlative)
            or (not r.frameworks and r.attribute is not None and bool(_WHY.match(r.text)))  # "why does it say Lua?"
            or bool(THE_PICK.search(r.text)) or (not r.frameworks and bool(_FOLLOWUP_END.search(r.text)))
            or bool(re.match(r"(?:but |so |and )?why not\b", r.text))  # "why not PyTorch?" after JAX
            or bool(_OF_THOSE.search(r.text))  # "which of the two is still maintained?"
            or (short and not r.frameworks and bool(_WHICH_MORE.search(r.text))))  # "which one is older?" of those asked


def _continue(r: Reading, ctx: Context, probs: dict[str, float], lexicon: Lexicon) -> Decision:
    """Fill a follow-up from the chat: same frameworks or attribute unless it names new ones; "the other
    one" and "the Microsoft one" pick from the chat; with nothing named before, the last answer's verdict
    ("which one did Google make?" "and when?")."""
    before = ctx.reading
    comparative = bool(_COMPARE_IT.search(r.text))  # "compare it with TensorFlow" keeps the chat's subject
    pointed = referred(r, ctx, lexicon)
    if pointed:
        frameworks = pointed
    elif _OF_THOSE.search(r.text) and len(ctx.verdict) >= 2 and not r.frameworks:
        frameworks = ctx.verdict  # "what backends did Keras have?" "which of those are dead now?"
    elif r.frameworks:
        # "is it part of TensorFlow?" after JAX: "it" stays, TensorFlow joins
        asked_of_it = r.pronoun and bool(_IT_ASKED.match(r.text)) and not set(r.frameworks) & set(before.frameworks)
        # "which backends does Keras have?" "and Theano and CNTK?": they are asked as Keras's backends
        backends_of_it = before.attribute in ("backends", "integration") and not r.attribute and before.frameworks == ("Keras",)
        joined = (ctx.route == "compare" and len(r.frameworks) == 1) or comparative or asked_of_it or backends_of_it
        it = (before.subject,) if asked_of_it and before.subject in before.frameworks else before.frameworks or (
            ctx.verdict if comparative else ())  # "which came out of Facebook?" "compare it with TF": it is the pick
        frameworks = tuple(dict.fromkeys(it + r.frameworks)) if joined else r.frameworks
    elif r.pronoun and ctx.route == "attribute" and len(before.frameworks) >= 2 and before.subject and not _OF_THOSE.search(r.text):
        frameworks = (before.subject,)  # "can Keras run on CNTK?" "what backends does it use now?": it is Keras
    elif len(before.frameworks) == 1 and ctx.earlier and re.search(r"\bwhich(?: one)? (?:is|was|came|has|had)\b", r.text):
        frameworks = (ctx.earlier[0], *before.frameworks)  # "when was TF released?" "and PyTorch?" "which is older?"
    elif before.frameworks or r.superlative or re.search(r"\bwhich\b", r.text):
        # "which frameworks did Google make?" "and which one is older?": among the last answer's picks
        frameworks = before.frameworks or (ctx.verdict if len(ctx.verdict) >= 2 else ())
    else:
        frameworks = ctx.verdict
    # "and when?" after "did Microsoft stop CNTK?" asks when it stopped, not when it came out
    when_only = r.attribute == "released" and r.attribute_score <= 1 and before.attribute in _EVENTS
    # "and the Microsoft one?": the company names the framework, not what is asked of it
    named_one = bool(pointed) and r.attribute_score <= 2 and any(
        w and w not in NOT_A_NAME for pair in THE_X_ONE.findall(r.text) for w in pair)
    own_attribute = r.attribute not in (None, "definition", "background") and not when_only and not named_one
    whole = bool(re.match(r"(?:ok |so |and )?(?:tell me (?:more )?about|more about|what is|what's)\b", r.text))
    attribute = r.attribute if own_attribute else None if whole else before.attribute  # "tell me more about the old one"
    if frameworks == ("Keras",) and attribute in ("platforms", None) and RUNS_ON_WHAT.search(r.text):
        attribute = "backends"  # "does Keras run on CNTK?" "so what does it run on now?"
    polarity = r.polarity if own_attribute else before.polarity
    # "Is Keras easy to use?" "and PyTorch?" stays yes/no; "and when?" does not
    yesno = r.yesno or (before.yesno and len(r.tokens) <= 4 and not _WH.search(r.text))
    if len(frameworks) >= 2 and attribute in ("backends", "integration") and (yesno or frameworks[0] == "Keras"):
        route = "attribute"  # "is Keras part of TF?" "can it run on PyTorch too?": about Keras's backends
    elif len(frameworks) >= 2 and (ctx.route in ("compare", "recommend", "attribute") or comparative):
        route = "compare"
    elif len(frameworks) == 1 and attribute not in (None, "definition", "background"):
        route = "attribute"
    elif len(frameworks) == 1:
        route = "define"
    else:
        route = ctx.route if ctx.route in ("compare", "recommend") and attribute else "search"
    parts = r.parts or (before.parts if not r.frameworks and not pointed else ())  # "what replaced it?" after TorchServe
    if not parts and r.pronoun and not r.frameworks and not pointed and len(before.frameworks) == 1:
        parts = answered_part(ctx)  # "what was PyTorch's model server?" "is it still maintained?"
    resolved = r.with_context(frameworks=frameworks, attribute=attribute, polarity=polarity, yesno=yesno, parts=parts,
                              subject=frameworks[0] if pointed else r.subject, versions=r.versions or version_named(r, before),
                              terms=tuple(dict.fromkeys(before.terms + r.terms)) if _NARROWING.match(r.text) or (
                                  r.attribute == "successor" and r.pronoun and not parts) else r.terms)
    picked = pointed if pointed and ctx.verdict and THE_X_ONE.search(r.text) and not OTHER.search(r.text) else ()
    return Decision(route, max(probs.get("followup", 0.0), 0.5), resolved, followup=True, picked=picked)


_IS_A = re.compile(r"^(?:is|are) \S+ (?:a|an|just an?|really an?|even an?) (?:\w+ )?(?:framework|library|package|tool|toolkit|api|thing)s?\b")
_ABOUT_YOU = re.compile(r"\b(?:what|how) (?:can|do|should) (?:you|u|i ask)\b|\b(?:who|what) are (?:you|u)\b|\bthis bot\b|"
                        r"\b(?:what|which) (?:frameworks|libraries|tools) (?:do|can|does) (?:you|u|it|this)\b")
_WH = re.compile(r"\b(what|which|who|when|where|why|how)\b")
_FOLLOWUP_END = re.compile(r"\b(then|instead|too|as well|either)\W*$")  # "ok what should I use instead then"
_WHY = re.compile(r"^(why|how come|how so|really|says who|source|sources|proof|evidence|are you sure)\b")


def decide(r: Reading, probs: dict[str, float], ctx: Context | None, lexicon: Lexicon) -> Decision:
    """The route for a reading, with a confidence in [0, 1]."""
    if not r.tokens:
        return Decision("help", 1.0, r)
    if ctx is None and (named := referred(r, None, lexicon)):
        r = r.with_context(frameworks=named, subject=named[0])  # "the Microsoft one is dead, isn't it?"
    if ctx is not None and not r.frameworks and (
            (_WHY.match(r.text) and not r.attribute) or followup.RECHECK.search(r.text)):
        return Decision(ctx.route, 0.9, ctx.reading, followup=True)  # "why?", "still true?": about the last answer
    if ctx is None and not r.frameworks and not r.parts and (
            (not r.attribute and len(r.tokens) <= 5 and (_WHY.match(r.text) or followup.RECHECK.search(r.text)))
            or (len(r.tokens) <= 8 and _DANGLING_IT.search(r.text))):
        return Decision("help", 0.9, r)  # "how come?", "how fast is it?" with nothing before: ask what it means
    if ctx is not None and _is_followup(r, probs) and (
            r.frameworks or r.attribute or r.pronoun or r.followup or referred(r, ctx, lexicon)):
        return _continue(r, ctx, probs, lexicon)
    if overview.wants_overview(r.text) and (len(r.frameworks) != 1 or overview.PROS_CONS.search(r.text)) and (
            r.frameworks or overview.CHART.search(r.text)):
        return Decision("compare", max(probs.get("compare", 0.0), 0.5), r)  # "show me the chart", "tl;dr X vs Y"
    if not r.frameworks and not r.attribute and _ABOUT_YOU.search(r.text):
        return Decision("help", max(probs.get("help", 0.0), 0.5), r)  # "which frameworks do you cover?"
    if not r.frameworks and recommend.is_open_choice(r) and (ctx is None or not _is_followup(r, probs)):
        return Decision("recommend", max(probs.get("recommend", 0.0), 0.5), r)  # "which one should we pick?"
    if refuse.NOT_OURS.search(r.text):
        return Decision("out_of_scope", max(probs["out_of_scope"], 0.5), r)  # "write me a keras cnn", "which gpu to buy?"
    ranked = sorted(probs, key=probs.get, reverse=True)
    top = ranked[0]
    if not r.frameworks and (top == "help" or (top == "followup" and not r.attribute)) and probs[top] >= 0.3 and (
            not (r.attribute and r.attribute_score >= 3) or _ABOUT_YOU.search(r.text)):
        # "im totally new to this, where do i start" asks something; "im new here, what can u do" asks about the bot
        return Decision("help", probs[top], r)
    # No framework and no domain word: in scope only if the classifier is sure it is a comparison or a
    # recommendation on something frameworks are compared on ("What is the least popular of the three?").
    # "which one came out of Google Brain?", "which is the most popular today?": a pick among the frameworks
    which_of_them = r.attribute is not None and (bool(re.search(r"\bwhich (?:of|one|ones|framework)|\bany(?:thing| of (?:them|these|those)| one| framework| library)\b"
                                                              r"|^which (?:did|does|was|were|came|comes)\b", r.text)) or (
        r.superlative and bool(_WHICH_THING.search(r.text) or re.search(r"\b(one|ones|framework|frameworks|library)\b", r.text))))
    situation = (r.attribute in recommend.SITUATIONS or r.attribute in lexicon.domain) and r.attribute_score >= 3
    # "im new, where do i start?", "a straightforward way to use MPS on M1 Macs?"
    plausible = situation or (r.attribute is not None and top in ("compare", "recommend") and probs[top] >= 0.5) or (
        bool(set(r.tokens) & _PRODUCTS)) or any(  # "DataParallel or DistributedDataParallel?": two things the facts name
        set(stems(a)) & lexicon.named and set(stems(b)) & lexicon.named for a, b in _ALTERNATIVE.findall(r.text)) or (
        (select.asks_order(r) or which_of_them) and not _foreign_subject(r, lexicon.words))
    # in a chat about frameworks, "switch it to torch" means PyTorch, not a blowtorch
    in_domain = _in_domain(r, lexicon) or (ctx is not None and bool(r.frameworks))
    ambiguous = bool(r.frameworks) and only_ambiguous_names(r.text) and not in_domain
    if (not in_domain and not plausible) or _foreign_alternatives(r, lexicon.words, ambiguous, lexicon.named) or (
            top == "out_of_scope" and probs[top] >= 0.6 and not r.frameworks and not plausible):
        return Decision("out_of_scope", max(probs["out_of_scope"], 0.5), r)
    route = next(x for x in ranked if x in ROUTES and x not in ("help", "out_of_scope"))
    n = len(r.frameworks)
    has_attribute = r.attribute not in (None, "definition", "background")
    comparative = bool(re.search(r"\b(than|vs|versus|or|compared?|differ\w*|between)\b", r.text))
    if route in ("compare", "define", "recommend", "attribute") and not has_attribute and _HOWTO.search(r.text) and not (
            n >= 2 and _DIFFER.search(r.text)):  # "how do Keras and PyTorch differ?" is no how-to
        route = "search"  # "how do I keep the old Keras with TF 2.17?": the passage that says how
    elif route == "compare" and n == 1 and not comparative and (not r.superlative or r.attribute in ("version", "released")):
        route = "attribute" if has_attribute else "define"
    elif route in ("compare", "recommend") and n == 0 and not has_attribute:
        route = "recommend" if re.search(r"\b(best|which|choose|pick|recommend|should)\b", r.text) else "search"
    elif route == "attribute" and n == 0:
        route = "recommend" if has_attribute and r.superlative else "search"
    elif route == "attribute" and n >= 2 and r.attribute not in ("backends", "integration"):
        route = "compare"
    elif route == "attribute" and not has_attribute:
        route = "search" if r.yesno and not _IS_A.match(r.text) else "define"  # "is JAX a framework?": what it is
    elif route == "define" and n == 0 and has_attribute and r.superlative:
        route = "recommend"
    elif route in ("define", "search") and n >= 1 and has_attribute and r.attribute_score >= 2:
        # "What is TensorFlow Serving?", "How is Keras related to TensorFlow?": an attribute of a framework
        route = "compare" if n >= 2 and r.attribute not in ("backends", "integration") else "attribute"
    elif route == "compare" and n == 1 and r.attribute in ("backends", "integration"):
        route = "attribute"  # "which frameworks are Keras 3 backends?": Keras's own fact names them
    elif route in ("recommend", "compare") and n == 1 and r.parts and r.attribute == "successor":
        route = "attribute"  # "the best replacement for TorchServe?": what the facts say replaced it, not a ranking
    elif route == "recommend" and n == 1 and has_attribute and r.attribute not in recommend.SITUATIONS and not r.superlative:
        route = "attribute"  # "what should I use instead of TorchServe?": the fact, not a ranking
    elif route == "recommend" and not has_attribute and n >= 2:
        route = "compare"
    elif route == "compare" and n >= 2 and r.attribute in ("backends", "integration") and not r.superlative:
        route = "attribute"  # "Can Keras use PyTorch as a backend?": about the first one's backends
    elif route == "search" and n >= 2 and not has_attribute and _DIFFER.search(r.text):
        route = "compare"  # "how do Keras and PyTorch differ?": an overview of the two
    elif route == "search" and n == 1 and not has_attribute and not r.yesno:
        route = "define"  # "Why is there a need for Keras?": about the framework as a whole

    if n >= 1 and not has_attribute and WHEN_TO.search(r.text):
        route = "recommend"  # "when to choose TensorFlow?": the situations it is recommended for
    elif n == 1 and not has_attribute and r.yesno and recommend.JUDGEMENT.search(r.text):
        return Decision("recommend", probs[top], r)  # "is Theano any good?": whether to use it, however unsure
    elif route == "recommend" and n == 1 and not has_attribute and not recommend.asks_choice(r):
        route = "define"  # "is Keras a machine-learning or a deep-learning library?": what it is
    # Unsure (a low top probability or a near tie) and without the structure a verdict needs (an attribute
    # and two frameworks or a superlative): the best passages, never a verdict.
    unsure = probs[top] < 0.35 or probs[ranked[0]] - probs[ranked[1]] < 0.05
    if unsure and route in ("compare", "recommend") and not (has_attribute and (n >= 2 or r.superlative or comparative)):
        route = "search"
    return Decision(route, probs[top], r)
