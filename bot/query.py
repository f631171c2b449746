"""Reads a question: the frameworks it names, the attribute it asks about, its polarity, and its shape
(yes/no, superlative, follow-up). No routing here: that is the router's job."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.lexicon import Lexicon, Phrase, find_phrase, stems
from index.analyzer import FRAMEWORKS, STOPWORDS, find_frameworks, find_parts, find_versions, normalize, words

_YESNO_START = re.compile(
    r"^(?:(?:i'?m |i am |just )?wondering (?:if|whether) (?:it'?s |it is )?|i wonder (?:if|whether) )?(is|possible|are|was|were|does|do|did|can|could|should|would|will|has|have|had|isn't|aren't|doesn't|don't|can't|"
    r"won't|shouldn't|wasn't|hasn't|haven't|didn't)\b")
# "Can anyone tell me how to…?", "do you know which…?": a question inside a request asks what, not whether
_EMBEDDED_WH = re.compile(
    r"^(?:can|could|would|will|do|does)\s+(?:any ?one|some ?one|any ?body|some ?body|you|u|someone)\s+(?:please\s+)?"
    r"(?:tell|explain|show|help|point|know|say|share|suggest)\b.{0,20}?\b(?:how|what|which|why|where|when|who)\b")
_EITHER = re.compile(r"^(?:does|do|did|can|could|will|is|are)\b.{0,60}\b(?:need|needs|require|requires|support|supports|have to|has to|"
                     r"work with|works with|use|run on|depend on|depends on|keep working|still work)\b")
_ALTERNATIVES = re.compile(r"\b(or|vs|versus)\b")
_ALTERNATIVE_AT_END = re.compile(r"\b(?:or|vs|versus) [\w.+#-]+(?: [\w.+#-]+){0,2}\W*$")
_SUPERLATIVE = re.compile(
    r"\b(\w+est|best|worst|most|least|number one|top|which (?:framework|library|one|tool)s?|of (?:the|all) (?:three|3|them|these|frameworks))\b")
_NOT_SUPERLATIVE = {"interest", "latest", "test", "request", "suggest", "honest", "rest", "forest", "west", "guest", "contest", "modest", "harvest", "manifest"}
# Slack-style openers that carry no meaning: "@here quick q -", "#Question:", "hey team,".
_WHICH_DID_MAKE = re.compile(r"\bwhich (?:one |ones |framework |frameworks )?(?:did|does) [\w .'-]{1,40}? (?:make|build|create|develop|write|invent)\b")
# "do all three have pretrained models?": the article's three; "all six": every framework covered
_ALL_N = re.compile(r"\b(?:all|all of the|each of the) (three|3|six|6)\b")
_ALL_OF = {"three": FRAMEWORKS[:3], "3": FRAMEWORKS[:3], "six": FRAMEWORKS, "6": FRAMEWORKS}
_VS_DOT = re.compile(r"\bvs\.(?=\s)")
_NEWEST_OF = re.compile(r"\b(?:newest|latest|most recent|current)\s+(?!one\b|framework|library|of\b)[a-z][\w.-]*\s*(?:\?|$|and\b|,|version|release)")
_THE_AGED_ONE = re.compile(r"\bthe (?:old|older|oldest|new|newer|newest) (?:one|ones|framework|library)\b")
_NOISE = re.compile(
    r"^(?:(?:@here|@channel|@everyone|@\w+|-+|#?question\s*:|q\s*:|quick q(?:uestion)?|hey|hi|hello|ok|okay|so|well|"
    r"and|but|also|then|please|pls|guys|folks|team|all|sorry|btw|wait|hmm+|umm*|um|yo|lol|random q(?:uestion)?)(?=\W|$)[\s,!.:;-]*)+")
# A statement turned into a question by a tag: "keras has pretrained models, right?", "JAX is Google's, isn't it?".
_TAG = re.compile(
    r"(?:,|\s)\s*(?:right|correct|isn't it|is it not|aren't they|doesn't it|don't they|didn't it|wasn't it|no|yes|yeah|"
    r"true|or not|or nah|or no|am i right|innit|yea|eh|ok|isn't that so|is that right|is that true|yes or no)\s*\?+\s*$"
    r"|(?:,|\s)\s*(?:right|correct|isn't it|am i right|is that right|yes or no|or nah|or not)\s*$")  # "pytorch = facebook right"
# A statement with a question mark ("PyTorch is easier to debug than TensorFlow?") asks yes or no.
_STATEMENT_VERB = re.compile(
    r"\b(is|are|was|were|has|have|had|can|does|do|did|will|belongs?|owned|owns|supports?|runs?|works?|uses?|beats?|scales?|handles?|needs?|"
    r"came from|comes? from|made by|built by|created by|developed by|written in|still|"
    r"requires?|got|gets|comes? with|ships?|became|stays?|remains?|possible|supported|available|dead|alive|true|"
    r"free|deprecated|maintained|a thing|worth it|ok|okay|good|fine|suitable|enough|ready|same as|the same|"
    r"identical|part of|than)\b|\s==?\s")  # "keras = tf?", "torch same as pytorch?"
# a statement that denies ("Keras 3 won't support Theano, right?"): agreeing with it is a yes
_DENIED = re.compile(r"\b(?:won'?t|will not|doesn'?t|does not|isn'?t|is not|can'?t|cannot|can not|no longer|never|aren'?t|are not)\b")
_FRAGMENT = re.compile(r"\b(?:on|with|for|under|without|in|via|inside)\b")
_WH_START = re.compile(r"^(what|which|who|whom|whose|when|where|why|how|compare|tell|list|show|explain|give)\b")
_FRAMEWORK_TOKENS = frozenset(f.lower() for f in FRAMEWORKS)
_WH_WORD = re.compile(r"\b(what|which|who|whom|whose|when|where|why|how)\b")
_NOW = re.compile(
    r"\b(today|now|nowadays|still|these days|currently|current|anymore|any more|in 202\d|this year|at present|rn|atm|"
    r"belongs? to|owned by|owns|run by|controlled by|in charge of|"
    r"as of now|right now|at the moment|modern|present day|yet|continues?|continuing|keep|next year|going forward|"
    r"from now on|in the future|long[- ]term)\b")
# "switch the backend to torch", "backend not switching": choosing Keras's backend
SWITCH_BACKEND = re.compile(r"\b(change|changed|changing|switch|switched|switching|set|setting|select|choose|"
                             r"configure|configured)\b.{0,20}\bbackend|\bbackend\b.{0,20}\b(change|switch)|"
                             r"\b(?:switch|change|set) (?:it|keras) to (?:jax|torch|pytorch|tensorflow)\b")
# What is said of a framework named right after: "drop TensorFlow" (its end), "run on PyTorch" (a Keras backend);
# the group holds the words that follow, checked against the framework names in data.
_DROP_IT = re.compile(r"\b(?:drop|dropping|kill|killing|abandon|abandoning|sunset|sunsetting|discontinue|discontinuing|"
                      r"shut down|shutting down|give up on|giving up on) ([\w.]+)")
_RUNS_ON_FRAMEWORK = ((re.compile(r"\b(?:run|runs|running) (?:on|on top of) (?:the )?([\w.]+)"), {"Keras"}),
                      (re.compile(r"\bkeras\w*\b.{0,25}\b(?:use|run on|support)\b((?:\W+[\w.]+){1,3})"), {"Keras"}),
                      # "use Keras 2 with TF 2.16" asks about versions, not a backend
                      (re.compile(r"\b(?:use|using|run|running) keras\w* (?:\d )?(?:with|on|on top of) ([\w.]+)"),
                       {"Keras", "TensorFlow"}))

# "what does Keras run on (now)?": for Keras, what it runs on is its backends
RUNS_ON_WHAT = re.compile(r"\bwhat (?:does|do|can|will) (?:keras|it|they) (?:\w+ )?(?:run|runs) on(?: top of)?\W*(?:now|today|these days|nowadays|anymore|in \d{4})?\W*$")


def _names_framework(patterns: tuple[tuple[re.Pattern[str], set[str]], ...], text: str) -> bool:
    """Whether a pattern is followed by the name of a framework other than those it leaves out."""
    return any(set(find_frameworks(m.group(1))) - left_out for p, left_out in patterns for m in p.finditer(text))


WHEN_TO = re.compile(r"\bwhen (?:to|should (?:i|we|you|one)|would (?:i|you|one)|do (?:i|you|we)|is it (?:better|wise) to) "
                      r"(?:use|choose|pick|go|prefer|learn|switch|opt|consider|select)")
_GIVEN = re.compile(r"\s*,?\s*\b(?:if|since|given that|considering|as) (?:both|they|both of them|each|all of them) (?:are|were|come|came)\b[^?]*")
_CONDITION = re.compile(r"^(?:if|since|because|given that|now that|assuming)\b[^,]*,\s*(.+)$")
_WORKS_THERE = re.compile(r"\b(?:can'?n?'?t|cannot|won'?t|doesn'?t|does not|isn'?t|unable to|fails? to|not)\b.*?\bbut\s+"
                          r"([\w.]+)\s+(?:can|does|works|is fine|is ok|detects|sees|runs)\b")
_BACKEND_WORD = re.compile(r"\bback-?\s?ends?\b")
_QUALIFIER = re.compile(r"\b(?:with|on|using|via|under) (?:the |a |its )?[\w.]+ backend\b"
                        r"|\bon (?:a |the )?(?:cpus?|gpus?|tpus?|windows|linux|macos|mac)\b(?=.*\b(?:than|faster|slower|vs)\b)")
_FOLLOWUP_START = re.compile(r"^(and|also|what about|how about|what of|same for|same question|then|ok and|okay and|so)\b")
_PRONOUN = re.compile(r"\b(it|its|it's|they|them|their|this one|that one|the other one|the other|both|either)\b"
                      r"|\b(?:does|did|is|was|has|can|would|will|how) (?:that|this)\b")  # "how does that stack up…"
# Words that carry no value to test in a yes/no question ("Does Theano support GPUs?" leaves "gpu").
_FILLER = frozenset(stems(
    "support supports supported use uses using used run runs running work works have has had offer offers provide "
    "provides come comes still today now currently anymore any more yet also really actually officially "
    "good well get able possible way ok okay please tell know think true framework frameworks library libraries "
    "version versions new newer old older latest current modern based thing make makes made need needs "
    "kind sort type like s t let nowadays days these anymore say says said claim claims mention mentions "
    "lack lacks lacking missing"))


@dataclass(frozen=True)
class Reading:
    """What a question names and asks, before routing."""

    text: str
    frameworks: tuple[str, ...] = ()
    attribute: str | None = None
    attribute_score: int = 0
    polarity: int = 1
    yesno: bool = False
    superlative: bool = False
    followup: bool = False
    pronoun: bool = False
    now: bool = False
    parts: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    subject: str | None = None  # what a yes/no question is about: "I use TF; is CNTK dead?" -> CNTK
    terms: tuple[str, ...] = ()
    tokens: tuple[str, ...] = field(default=(), repr=False)

    def with_context(self, **changes: object) -> Reading:
        """A copy with fields filled in from the chat so far."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Context:
    """What the chat was last about, for follow-ups."""

    route: str
    reading: Reading
    verdict: tuple[str, ...] = ()  # the last answer's frameworks: what "it" is after "which one did Google make?"
    cited: tuple[str, ...] = ()  # the last answer's first citations: what "and when?" asks the date of
    earlier: tuple[str, ...] = ()  # frameworks asked about before the last question, the latest first


def _attribute(tokens: Phrase, lexicon: Lexicon) -> tuple[str | None, int]:
    """The best-scoring attribute and its score (cue weights summed over their matches); a phrase also
    matches around a framework's name ("latest TensorFlow release" has "latest release")."""
    bare = tuple(t for t in tokens if t not in _FRAMEWORK_TOKENS)
    present = set(tokens)
    best, best_score = None, 0
    for name, cues in lexicon.cues.items():
        found = [(phrase, weight) for phrase, weight in cues if phrase[0] in present]  # most cues cannot match
        score = max(sum(weight * len(find_phrase(seq, phrase)) for phrase, weight in found) for seq in (tokens, bare)) if found else 0
        if score > best_score:
            best, best_score = name, score
    return best, best_score


def _polarity(tokens: Phrase, attribute: str | None, lexicon: Lexicon) -> int:
    if attribute is None:
        return 1
    cues = lexicon.negatives.get(attribute, frozenset()) | lexicon.lacking | (
        lexicon.shared_negatives if lexicon.ordered(attribute) else frozenset())
    return -1 if any(find_phrase(tokens, cue) for cue in cues) else 1


_BACK = re.compile(r"\b(it|its|that|this|they|them|those|these)\b")


_NAME_OF = {f.lower(): f for f in FRAMEWORKS}


def _subject(last: str, frameworks: tuple[str, ...], before: str = "") -> str | None:
    """The framework the (last) question is about: the first it names, else, for "is that…", the one named
    last before it, else the first of the whole text."""
    named = find_frameworks(last)
    if named:
        return named[0]
    if frameworks and _BACK.search(last):  # "X … Y … X. Is that abandoned?": the one mentioned last
        mentioned = [t for t in words(before) if t in _NAME_OF]
        return _NAME_OF[mentioned[-1]] if mentioned else frameworks[-1]
    return frameworks[0] if frameworks else None


def read(question: str, lexicon: Lexicon) -> Reading:
    """Read one question on its own (no chat context)."""
    text = _VS_DOT.sub("vs", normalize(question).strip())  # "PyTorch vs. TensorFlow" is one sentence
    qualifier = _QUALIFIER.search(text)
    if qualifier:  # "Does Keras with the TensorFlow backend support Windows?" asks about Windows, of Keras
        rest = text[:qualifier.start()].rstrip() + " " + text[qualifier.end():].lstrip()
        if _attribute(stems(rest), lexicon)[0] is not None and find_frameworks(rest):
            question = text = rest.strip()
    tokens = stems(question)
    frameworks = tuple(find_frameworks(question)) or _ALL_OF.get(next(iter(_ALL_N.findall(text)), ""), ())
    contrast = _WORKS_THERE.search(text)
    if contrast and len(frameworks) == 2 and find_frameworks(contrast.group(1)):
        # "TF can't detect CUDA but PyTorch can on Windows 11": the problem is TF's; PyTorch is the contrast
        frameworks = tuple(f for f in frameworks if f not in find_frameworks(contrast.group(1)))
    # "…if both are from Google?": a condition after the question says what is given, not what is asked
    asked_part = _GIVEN.sub("", text) if _GIVEN.search(text) and _WH_START.match(text) else text
    attribute, score = _attribute(stems(_NOISE.sub("", asked_part)) or tokens, lexicon)  # "@here quick q -" is no speed cue
    if _THE_AGED_ONE.search(asked_part):  # "is the newer one maintained?" names a framework, not a date
        unaged, unaged_score = _attribute(stems(_NOISE.sub("", _THE_AGED_ONE.sub(" ", asked_part))), lexicon)
        if unaged is not None:
            attribute, score = unaged, unaged_score
    if attribute == "backends" and len(frameworks) == 1 and frameworks[0] != "Keras" and not _BACKEND_WORD.search(text) and (
            not re.search(r"\b(?:switch|change|set|select|choose)\b", text)):  # "switch it to jax" is Keras's backend
        # "does KServe support PyTorch serving?": "support pytorch" names PyTorch as a backend only beside Keras
        attribute, score = _attribute(tuple(t for t in tokens if t not in _FRAMEWORK_TOKENS), lexicon)
    if _names_framework(((_DROP_IT, set()),), text):  # "will Google drop TensorFlow?" asks whether it will be discontinued, not who made it
        attribute, score = "maintenance", max(score, 3)
    if SWITCH_BACKEND.search(text) and _BACKEND_WORD.search(text):  # "backend not switching dynamically"
        attribute, score = "backends", max(score, 3)
        frameworks = frameworks or ("Keras",)  # "switch the global backend": choosing a backend is Keras's
    if attribute in ("platforms", "maintenance", None) and (_names_framework(_RUNS_ON_FRAMEWORK, text) or (
            frameworks == ("Keras",) and RUNS_ON_WHAT.search(text))):  # "can Keras run on PyTorch?"
        attribute, score = "backends", max(score, 2)
    if _WHICH_DID_MAKE.search(text):
        attribute, score = "developer", max(score, 4)  # "which one did Microsoft Research make?" is by whom, not research
    if attribute == "developer" and re.match(r"(?:\W*\w+\W+)?when (?:was|were|did|is)\b", text) and re.search(
            r"\b(?:created|made|built|born|founded|written|invented)\b", text):
        attribute = "released"  # "when was Keras created?" asks when, not by whom
    if attribute in ("released", None) and len(frameworks) == 1 and _NEWEST_OF.search(text):
        attribute, score = "version", max(score, 3)  # "what's the newest TensorFlow?" is its newest version, not when it came out
    if attribute == "released" and WHEN_TO.search(text):  # "when to choose TensorFlow?" asks in which situation
        attribute, score = _attribute(tuple(t for t in stems(text) if t != "when"), lexicon)
    head = _NOISE.sub("", text) or text
    sentences = [x for x in re.split(r"(?<=[.?!])\s+", head) if x.strip()]
    # the asked sentence: the last with a "?", else the last worded as a question ("Should I learn X or Y. I have…")
    asked = next((x for x in reversed(sentences) if x.rstrip().endswith("?")), None) or next(
        (x for x in reversed(sentences) if _YESNO_START.match(x) or _WH_START.match(x)), sentences[-1] if sentences else head)
    last = _NOISE.sub("", asked) or asked  # "I see X. Is that abandoned now?" asks its last question
    conditional = _CONDITION.match(last)
    if conditional and _attribute(stems(conditional.group(1)), lexicon)[0] is not None:
        last = conditional.group(1)  # "If TorchServe is gone, what else is there?" asks the second half
    asks = last.rstrip().endswith("?") or bool(_YESNO_START.match(last) or _WH_START.match(last) or _WH_WORD.match(last))
    if last != head and asks:  # statements only ("X isn't dead. It's becoming COBOL.") are read whole
        own_attribute, own_score = _attribute(stems(last), lexicon)
        # the asked sentence decides, unless it has only a weak cue ("Should I learn X or Y?") and what follows
        # it a strong one ("…from an industry perspective.")
        after = head[head.find(asked) + len(asked):] if asked in head else ""
        later, later_score = _attribute(stems(after), lexicon) if after.strip() else (None, 0)
        if own_attribute is not None and (own_score >= 3 or later_score < 3):
            attribute, score = own_attribute, own_score
        elif later is not None and later_score >= 3:
            attribute, score = later, later_score
    # "Is TensorFlow high level or low level?" and "Is PyTorch or Keras faster?" ask which, not whether.
    # …but "does PyTorch still need Flask or Django to serve a model?" asks whether
    # "does PyTorch still need Flask or Django for serving?" asks whether it needs either, not which
    alternatives = bool(_ALTERNATIVES.search(head)) and " than " not in f" {head} " and not _EITHER.search(head) and (
        not re.search(r"\bor (?:nah|not|no)\W*$", head)) and (
        len(frameworks) >= 2 or bool(_ALTERNATIVE_AT_END.search(head)))
    statement = (last.rstrip().endswith("?") and not _WH_WORD.search(last) and not _WH_START.match(last)
                 and bool(_STATEMENT_VERB.search(last)))
    # "pytorch on mac?", "keras with jax?": a name and what it is asked to go with, nothing more, asks whether
    fragment = (last.rstrip().endswith("?") and len(words(last)) <= 5 and bool(frameworks) and not alternatives
                and not _WH_WORD.search(last) and bool(_FRAGMENT.search(last)))
    statement = statement or fragment
    if fragment and attribute is None and re.search(r"\b(?:in|by) 20\d\d\b", last):
        attribute, score = "maintenance", 1  # "theano in 2026?" asks whether it is still alive
    clause = re.split(r"[,;:]\s*|\s+-\s+", last)[-1]  # "what about the other one, is it fast?"
    yesno = not alternatives and not _EMBEDDED_WH.match(last) and (bool(_YESNO_START.match(last)) or bool(_TAG.search(last)) or statement
                                  or (clause != last and bool(_YESNO_START.match(clause))))
    superlatives = [m for m in _SUPERLATIVE.findall(head) if m not in _NOT_SUPERLATIVE
                    and not (m == "most" and "most recent" in head)]  # "in the most recent releases" ranks nothing
    if attribute == "successor" and len(frameworks) >= 2 and re.search(r"\b(?:instead of|over|rather than)\b", head):
        attribute, score = None, 0  # "why JAX instead of PyTorch?" weighs the two; nothing replaced anything
    if attribute in ("platforms", "hardware") and re.search(r"\bwhich (?:frameworks|ones|libraries)\b", head):
        attribute, score = "backends", 3  # "which frameworks can Keras 3 run on?": frameworks run under it
    if attribute is None and re.search(r"\b(?:version|release)\s+\d+\.\d+", head):
        attribute, score = "version", 1  # "which one has version 2.21?"
    if attribute is None:  # "which of the six is Baidu's?": a value only one attribute has
        said = set(stems(_NOISE.sub("", asked_part)))
        owners = {a for a, words in lexicon.asked.items() if said & words}
        if len(owners) == 1:
            attribute, score = owners.pop(), 1
    fallback = lexicon.fallback.get(attribute or "")
    if fallback and any(_attribute(stems(m), lexicon)[0] == fallback for m in superlatives):
        attribute = fallback  # "easiest one for a total beginner?" asks which is easiest
    subject = _subject(last, frameworks, head[:head.rfind(last)] if last in head else "")
    if last != head and len(frameworks) >= 2:  # several sentences: the question is the last one
        named_last = tuple(find_frameworks(last))
        if named_last and not _BACK.search(last):
            frameworks = named_last  # "We left TF last year. Is PyTorch faster than Keras?"
        elif yesno and len(named_last) <= 1 and subject and " than " not in f" {last} ":
            frameworks = (subject,)  # "I use TF. Is CNTK dead?", "…CNTK. Is that abandoned?"
    # the parts asked about: the asked sentence's own, else the whole text's unless that sentence names a framework
    # ("TF has TF Serving. How do people serve PyTorch models?" asks nothing of TF Serving)
    parts = tuple(find_parts(last)) or (tuple(find_parts(question)) if last == head or not find_frameworks(last) else ())
    # The question's own words: Slack openers ("#Question:", "@here") are not part of it.
    terms = tuple(t for t, w in zip(stems(head), words(head)) if w not in STOPWORDS and t not in _FILLER)
    return Reading(
        text=text,
        frameworks=frameworks,
        attribute=attribute,
        attribute_score=score,
        polarity=-1 if _TAG.search(last) and _DENIED.search(_TAG.sub("", last)) and " without " not in last else  # "won't support Theano, right?"
        _polarity(stems(last) if last != head else tokens, attribute, lexicon),  # the asked sentence's
        yesno=yesno,
        superlative=bool(superlatives) and len(frameworks) != 2,
        followup=bool(_FOLLOWUP_START.match(head)),
        pronoun=bool(_PRONOUN.search(text)),
        now=bool(_NOW.search(head)),
        parts=parts,
        versions=tuple(find_versions(question)),
        subject=subject,
        terms=terms,
        tokens=tokens,
    )
