"""Finds the definition or topic that answers a question about the peer role.

Terms are found by their name, aliases and meaning; topics by their title, the ways people ask
them and their short answer (see `bot.answering.corpus`). The best match is kept only above a confidence
threshold; below it the caller says it doesn't know and lists what it can talk about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from bot.answering import text as text_module
from bot.answering.corpus import TERM, TOPIC, index_for
from bot.answering.search import Hit
from bot.answering.text import clean, terms
from bot.content.catalog import Catalog, Ruling, Term, Topic, shared_passages

CONFIDENT = 0.25
# How close a term must come to the best match to be preferred when the question asks for a
# meaning ("what is X", "is there a word for this").
TERM_PREFERENCE = 0.1
# The score a word-for-word match carries when compared with a ruling's: it wins.
WORD_FOR_WORD = float("inf")
# How close a topic must come to the best match to be preferred when the question asks for examples.
EXAMPLE_EDGE = 0.9
# How close a topic must come to a term matched best to be preferred when the question asks how to do
# something ("how do I…", "how can a supervisor…").
HOW_EDGE = 0.8
# How close an item must come to the best match to be offered as "see also" beside a verdict, when
# it cites more of the same source passages as the ruling behind the verdict.
SEE_ALSO_EDGE = 0.9

# Questions that ask for a name or a meaning, beyond the "what is …" shapes of `bot.answering.intent`.
ASKS_FOR_MEANING = re.compile(
    r"\b(?:what(?:'s| is) (?:that|this) about|what (?:does|do) (?:that|this|it) (?:actually |really )?mean"
    r"|(?:can|could) you explain)\b")
# "Examples of…", "what does … look like" ask for the practice, which a topic shows and a bare
# definition does not.
ASKS_HOW = re.compile(r"^\W*(?:so |and |but |ok so )?how (?:(?:do|can|could|should|would|does) (?:i|we|you|a|the|our|my|peers?)\b"
                      r"|(?:am|are|is) (?:i|we|you|peers|a peer|the peer)(?: workers?)? (?:supposed|meant|expected) to\b)")
# Round 10: asking how after a story ("im completely fried after a month of crisis calls. how do I
# look after myself…", "…, how do peer workers look after themselves"), as ASKS_HOW does at the start.
# Not "how would I explain why that's a misunderstanding?", which answers a belief.
ASKS_HOW_LATER = re.compile(r"(?:^\W*|[.,;:!?]\s*|\s[-\u2013\u2014]+\s*|\b(?:and|but|so|ok so) )how (?:do|can|should|does)"
                            r" (?:i|we|you|a|the|our|my|peers?|peer workers?|peer staff)\b")
ASKS_FOR_EXAMPLES = re.compile(r"\b(?:examples? of|what (?:does|do|would) .{1,60} look like|such as"
                               # Round 11: "what is person-first language, got an example?", "can you give examples"
                               r"|(?:got|have|give|any|some|concrete|an) (?:me |us )?(?:an |some |a few |concrete )?examples?)\b")
# "…is there a word for that?" asks for the name of what came before it; the framing itself is
# left out of the search.
ASKS_FOR_NAME = re.compile(
    r"\b(?:is there a (?:name|word|term) for(?: (?:that|this|it)\b)?|what(?:'s| is) (?:that|this|it) called\b"
    r"|what do (?:you|we|people) call (?:that|this|it)\b(?: when\b)?"
    # Round 10, from two writers about a supervisor asking after their meds: "what's the name for
    # that", "why do people call that caretaking", "why is it called…".
    r"|what(?:'s| is|s) the (?:name|word|term|label) for (?:that|this|it)\b"
    r"|why (?:do|does|would|did) (?:people|they|we|you|staff|folks|trainers|everyone) call (?:that|this|it)\b"
    r"|why(?:'s| is) (?:that|this|it) called\b)")


# Round 5: asking about what others believe of peer work ("why do people assume peer workers have no
# boundaries", "how do you respond to the idea that…", "my coworker thinks peers…, is it true",
# "how do I explain to my team that…"): a myth page answers that, when one is matched nearly as
# well as the best item (MYTH_EDGE), even a little less confidently (MYTH_CONFIDENT).
MYTH_SHAPED = re.compile(
    # Round 10: a role with a word before it ("the nurse manager said…", "our unit manager thinks…").
    r"\b(?:(?:some )?people|they|staff|colleagues|co-?workers?|others|some folks|everyone|(?:my|our|the|a) (?:(?:nurse|unit|ward|program|team|clinical|charge|case|care|site|new|head) )?(?:team|manager|boss|co-?workers?"
    r"|colleagues?|supervisor|director|board|nurses?|doctors?|clinicians?|staff|psych|psychiatrists?)"
    # Round 9: a role named bare at the start, as phone typing has it ("nurse says…", "colleague keeps
    # saying…", "staff at the shelter say…").
    r"|^\W*(?:nurses?|doctors?|docs?|clinicians?|colleagues?|co-?workers?|staff|managers?|supervisors?|psychiatrists?|psych)"
    r"(?: (?:at|on|in|from) (?:the |our |my )?[\w-]+(?: [\w-]+)?)?)(?: who)? (?:(?:still|always|often|really) )?"
    r"(?:assume|assumes|think|thinks|believe|believes|say|says|said|keeps? saying|claim|claims|worry|worries|act like|acts like"
    r"|told (?:me|us)|tells? (?:me|us)|keeps? telling (?:me|us))\b"
    r"|\bthe (?:idea|myth|assumption|belief|stereotype|notion) that\b|\bis it true (?:that )?\b|\bwhere does (?:that|this|the) (?:idea|belief|myth)"
    # Round 10: "how do peers usually answer that?"
    r"|\bhow (?:do|should|can|would) (?:i|we|you|peers|peer workers|other peers|a peer(?: worker)?) (?:usually |normally |best )?(?:answer|respond to|push back on|counter|reply to) (?:that|this|them|it|people|someone)\b"
    r"|\brespond to (?:the idea|people who|someone who|the assumption|the worry)\b"
    r"|\bwhat(?:'s| is|s) (?:the|a good|my|our) (?:answer|response|comeback|reply)(?: to (?:that|this|them|it))?\s*\W*$"
    r"|\bwhere does (?:that|this|it) (?:come|comes) from\b"
    r"|\bexplain to (?:my|the|our) (?:team|co-?workers?|colleagues?|staff|manager|boss|board)\b"
    r"|\b(?:does|do|did) (?:that|this|it|they|these|those) mean (?:we|i|they|you|our (?:team|org|agency))(?:'re|'ve| are| have| were| was| am|'m)? (?:did|doing|got|done|do|going about|handling|handled) (?:it|this|that|things|peer work|peer support) (?:all )?wrong\b"
    r"|\bwhy is that a problem\b"
    # Round 11: "Is that a real risk?", "a fair worry?" (six questions of five writers, every one about
    # a belief), and the asker's own worry about a peer worker ("I'm worried our peer will tell
    # patients to go off their meds").
    r"|\b(?:is|isn'?t) (?:that|this|it) (?:a |an )?(?:real|fair|valid|legit|legitimate|known|reasonable|genuine) (?:worry|concern|risk|fear)\b"
    r"|\b(?:fair|real|valid|legit) (?:worry|concern|risk) or not\b"
    r"|\b(?:i'?m|i am|we'?re|we are) (?:a bit |really |kind of |honestly |a little |quite )?(?:worried|concerned|nervous|afraid|scared)"
    r" (?:that |about )?(?:the |our |a |my |this |hiring a |having a )?peers?\b"
    # A worry about what peer workers will be like ("won't the peer get triggered on our unit?"),
    # which is what the myth pages answer.
    r"|^\W*(?:won'?t|wouldn'?t|will|would|isn'?t) (?:the|our|a|my|your) peers?(?: workers?| staff| specialists?| supporters?)?"
    r" (?:be|get|end up|become|just)\b")
MYTH_EDGE, MYTH_CONFIDENT = 0.75, 0.2
# Round 9: the words that frame a question as about a belief ("how do I push back on the idea that…",
# "how should I respond to…") say how to answer, not what about; search leaves them out, so "push
# back" no longer meets a page on pushing back when the belief is about boundaries.
_MYTH_FRAMING = re.compile(
    r"\b(?:how (?:do|should|can|would) (?:i|we|you) )?(?:answer|respond(?: to)?|push back(?: on)?|counter|reply to|argue with|deal with)"
    r" (?:when|if|the (?:idea|myth|assumption|belief|stereotype|notion|worry)(?: that)?|people who|someone who|that|this|them|it)\b"
    r"|\bthe (?:idea|myth|assumption|belief|stereotype|notion) that\b"
    # Round 11: "is that a real risk?", "a fair worry or not?" frame the belief too.
    r"|\b(?:is|isn'?t) (?:that|this|it) (?:a |an )?(?:real|fair|valid|legit|legitimate|known|reasonable|genuine) (?:worry|concern|risk|fear)\b"
    r"|\b(?:fair|real|valid|legit) (?:worry|concern|risk) or not\b")
# Round 9: how close a practice topic must come to a myth page matched best to answer a question
# asking how to go about something, not what others believe. Over every set the rule moved only its
# own question, from 0.9 down to 0 alike.
MYTH_HOW_EDGE = 0.8
# "What does a trauma informed approach mean in peer work?": the practice, which a topic shows.
IN_PRACTICE = re.compile(
    r"\bmeans? (?:in|for) (?:peer (?:work|support)|practice|(?:my|our|the) (?:work|job|role|practice)|a peer(?: worker'?s?)? (?:role|work|job)|peer workers?|peers)\b"
    # Round 11, second pass: "what does trauma-informed mean when you're doing street outreach?" (the
    # practice in one kind of work), "what are dual relationships and why are they tricky?" (a
    # meaning, then why it matters, which the topic says and the definition does not).
    r"|\bmeans? when (?:you'?re|you are|i'?m|i am|we'?re|we are|they'?re|doing|working)\b"
    r"|\b(?:and|but) why (?:are|is) (?:they|it|these|those|that|this)\b"
    r"|\blook like in (?:practice|peer work|real life)\b"
    # Round 10: "trauma-informed - what does that mean day to day, not the poster version", "what does
    # trauma-informed mean for a peer worker day to day" (two writers, both wanting the practice).
    r"|\b(?:mean|means|look like|looks like)\b[^.?!]{0,40}\b(?:day[- ]to[- ]day|in real life|on the ground|on the floor|in the real world)\b"
    # "What is a dual relationship and how should a peer worker handle one?": a meaning, then how to
    # go about it, which the topic goes on to say and the definition does not. ("…and why would I
    # join one?" or "…and should our peers join one?" stay with the term: one writer expected the
    # term for the first, another the topic for the second.)
    r"|\b(?:and|but) (?:how to|how (?:do|does|can|could|should|would|am|are|is) (?:we|i|our|my|peers?|peer workers?|they|you|a peer)"
    r"|what (?:do|should|can) (?:we|i|peers?|a peer(?: worker)?) do)\b")
# Round 9: "what is a non-peer supervisor and what should they know?", "what is trauma informed
# practice in a shelter setting?": what to know or do about it, or the practice in one setting,
# which a topic says even when the term matched better.
IN_A_SETTING = re.compile(
    r"\b(?:and|but) what (?:do|does|should|would) (?:they|he|she|we|i|you|peers?|a peer(?: worker)?|(?:a|the|our|my) \w+)"
    r" (?:need to )?(?:know|do)\b"
    r"|\bin (?:a|an|the|my|our) (?:[\w-]+ ){1,2}(?:setting|context|environment|program(?:me)?|service)s?\b")

# "What is peer support NOT?", "what isn't peer support?": asking what something is not. Search
# drops "not" with the other framing words, so the page on what a thing is and the page on what it
# is not matched alike (four writers asked it, and got the first). A page whose title says what
# something is not ("What peer support is not", "Supervision is not therapy") answers, when the
# question names every other word of its title.
ASKS_WHAT_NOT = re.compile(
    # Round 9: a later sentence too, and asked for as a list or an explanation ("…Is there a clear
    # list of what peer support is NOT?").
    r"(?:^\W*|[.!?]\s+|\b(?:list|rundown|summary|breakdown) of |\b(?:tell me|explain|know|clear on|spell out) )"
    r"(?:so |and |but |ok so )?(?:what(?:'s| is| are) [\w' -]{1,40}? not\b|what (?:isn'?t|aren'?t|doesn'?t|don'?t)\b"
    r"|what [\w' -]{1,40}? (?:is|are) not\b"
    r"|what (?:falls|is|sits) outside\b)")
_NEGATED_TITLE = re.compile(r"\b(?:is|are) not\b|\b(?:isn'?t|aren'?t)\b")
_TITLE_FRAMING = frozenset({"what", "is", "are", "not", "isnt", "arent", "a", "an", "the", "when", "who"})


def myth_shaped(question: str) -> bool:
    return bool(MYTH_SHAPED.search(clean(question)))


def asks_for_meaning(question: str) -> bool:
    text = clean(question)
    return bool(ASKS_FOR_MEANING.search(text) or ASKS_FOR_NAME.search(text) or WHICH_KIND.search(text))


@dataclass(frozen=True)
class TopicAnswer:
    item: Term | Topic
    confidence: float
    score: float = 0.0  # search score, on the scale the task answerer shares
    leaning: object = None  # a TaskAnswer when the question asked for a verdict (`bot.answering.choosing`)

    @property
    def kind(self) -> str:
        return "definition" if isinstance(self.item, Term) else "topic"


# "What is …", "what's …", "define …": the framing around a name asked for word for word.
_WHAT_IS = re.compile(r"^(?:what(?:'s| is| are|s)|define|definition of|meaning of)\s+(?:a |an |the )?")


# "…, in plain words", "…in a nutshell", "…exactly": how to answer, not what is asked.
_PLAINLY = re.compile(
    r"[,;:]?\s*(?:(?:like |just )?(?:in|using) (?:plain|simple|everyday|easy|normal|layman'?s?) (?:words|terms|english|language)"
    r"|in a nutshell|in short|in a sentence|in a few words|briefly|simply|exactly|again|anyway|though|actually|really)\s*[?.!]*$")
# Round 9: the sentences of a message, for "I'm an ED nurse and we just got a peer worker. What is
# peer support, actually?": the last asks, word for word, what the content asks.
# "What actually is peer support", "what is peer support, like if I had to explain it to my aunt":
# a word of emphasis, and an aside on how to put it, are not what is asked.
_FILLER = re.compile(r"(?<=^what) (?:actually|really|exactly|even|basically)\b|(?<=^what is) (?:actually|really|exactly|even|basically)\b")
_ASIDE = re.compile(r",\s*(?:like|as in|say|for|to|when|if|because|since|cause|bc)\b.*$")
# Round 11: "So what is peer support actually, when someone asks me at a community meeting?": a word
# carrying on the talk ("so", "ok so", "and") before the asking, left out with the aside after it.
_CARRYING_ON = re.compile(r"^(?:so|ok so|okay so|and|but|well|um|honestly)[,]?\s+(?=what\b)")
# "What's the difference between A and B?": the framing, which says nothing of A or B.
_DIFFERENCE = re.compile(r"\b(?:the |a )?(?:main |real |big |actual )?differences? (?:between|betwixt)\b|\bdiff between\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MEAN_FRAMING = re.compile(r"(\bwhat(?:'s|s| does| do) (?!it |that |this )[^?.!]{1,60}?) means?\b")
# Round 10: setting two things side by side ("A vs B - diff?", "whats the diff between A and B").
COMPARING = re.compile(r"\b(?:vs\.?|versus|diff|difference|differences|compared (?:to|with)|different from|the same (?:thing|as))\b")
COMPARE_EDGE = 0.8
# Round 11: the two sides of a line drawn between two things ("the line between supervision and therapy").
_SIDES = re.compile(r"\b(?:line|boundary|boundaries|border|lines|difference|differences|diff) between ([\w' -]{2,40}?) and ([\w' -]{2,40}?)(?:[?.!,;]|$)")
WHICH_KIND = re.compile(r"\bwhich (?:kind|type|part|sort|form|bit|flavou?r)s? of ([a-z-]+)\b")
# Round 10: asked about at second hand ("asked me what peer support actually is", "not sure what a
# dual relationship means"): the name, for a word-for-word match of "what is <name>".
_ASKED_INDIRECTLY = re.compile(
    r"\b(?:asked|asks|asking|ask|wondering|wonder|know|sure|explain|tell (?:me|them|him|her|people)) (?:me |us |you )?"
    r"what (?:a |an |the )?([\w' -]{2,40}?) (?:actually |really |even |exactly )?(?:is|means|are)\b")
# Round 10: the name first, then the asking with "it" or "that" ("peer support. what even is it",
# "WRAP - what is that?", "the code of conduct: what's that?"): asks what the name is.
_NAMED_THEN_ASKED = re.compile(
    r"^(?:the |a |an )?['\"]?([\w' -]{2,60}?)['\"]?\s*(?:[.:;!?]+|\s[-\u2013\u2014]+)\s*"
    r"(?:so |ok so |like )?what(?:'s| is|s| (?:even|actually|exactly|really) is)(?: (?:even|actually|exactly|really))? (?:it|that|this)"
    r"(?: (?:even|actually|exactly|again|anyway))?\s*[?.!]*$")


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", clean(text).replace("'", "")))


_BRACKETED = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def term_names(term: Term) -> tuple[str, ...]:
    """The names a term goes by: its name, aliases, and (round 10) each half of a name written with a
    gloss in brackets ("Peer drift (drifting into a clinical role)" is called "peer drift"; "WRAP
    (Wellness Recovery Action Plan)" either): asked "what is peer drift?", the whole name was never
    said, so the term was neither matched word for word nor preferred as the one named in full."""
    names = [term.term, *term.aliases]
    bracketed = _BRACKETED.match(term.term)
    if bracketed:
        names += [part for part in bracketed.groups() if part.strip()]
    return tuple(names)


class TopicFinder:
    def __init__(self, catalog: Catalog):
        text_module.SHORTHAND_ON[0] = False  # the content as written (text.SHORTHAND_ON)
        try:
            self._build(catalog)
        finally:
            text_module.SHORTHAND_ON[0] = True

    def _build(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.index = index_for(catalog)
        # Every way the content itself asks for an item, word for word: the fallback when search has
        # nothing to go on ("what is peer support?" is all words search leaves out).
        self._recent: dict[str, tuple[Hit, ...]] = {}
        self._verbatim: dict[str, str] = {}
        # Round 11: every term's names, plain and as search words, and every topic title's search
        # words (`_term_without_a_page`).
        self._term_names_plain = [(term, [(plain, tuple(terms(name))) for name in term_names(term) if (plain := _plain(name))])
                                  for term in catalog.terms.values()]
        self._title_terms = [set(terms(topic.title)) for topic in catalog.topics.values()]
        for term in catalog.terms.values():
            for name in term_names(term):
                self._verbatim.setdefault(_plain(name), term.id)
        for topic in catalog.topics.values():
            for asked in (topic.title, *topic.questions):
                self._verbatim.setdefault(_plain(asked), topic.id)

    def names(self, question: str, item: Term | Topic) -> bool:
        """Whether `question` says the item's name: a word of the term or one of its aliases, or of
        the topic's title ("what is the PSIQI", "what's a dual role?"), not merely a word one of its
        questions uses ("what is 17 times 23?" shares only "time" with a notes topic's questions)."""
        names = term_names(item) if isinstance(item, Term) else (item.title,)
        asked = set(terms(question))
        said = {word for name in names for word in terms(name)}
        # A long word one letter or so off a name's word counts too ("boundries"): people type fast.
        return bool(asked & said) or any(_near(a, w) for a in asked if len(a) >= 6 for w in said if len(w) >= 6)

    def said_in_full(self, question: str, term: Term) -> tuple[int, int]:
        """The longest name or alias of the term that the question says whole, in a row: its count
        of search words, then of all its words ((0, 0) when it says no name whole). Search words
        first: "in peer support what does 'enabling' mean" says "peer support" whole, but asks
        about enabling."""
        asked = f" {_plain(question)} "
        return max(((len(terms(name)), len(name.split())) for name in map(_plain, term_names(term))
                    if name and f" {name} " in asked), default=(0, 0))

    def _named_negation(self, question: str) -> Topic | None:
        """The topic titled as what something is not whose other title words the question all says
        (ASKS_WHAT_NOT); the one naming the most words when several do."""
        if not ASKS_WHAT_NOT.search(clean(question)):
            return None
        asked = set(_plain(question).split())
        best: Topic | None = None
        named = 0
        for topic in self.catalog.topics.values():
            if not _NEGATED_TITLE.search(clean(topic.title)):
                continue
            words = set(_plain(topic.title).split()) - _TITLE_FRAMING
            if words and words <= asked and len(words) > named:
                best, named = topic, len(words)
        return best

    def _named_first(self, question: str, hits: list[Hit]) -> Hit | None:
        """Round 10: "what's the difference between enabling and empowering?", "what is enabling, and
        is harm reduction the same thing?": two terms named and no page setting them side by side:
        the term named first, which the question is about (three writers)."""
        plain = f" {_plain(question)} "
        found: list[tuple[int, Hit]] = []
        for hit in hits:
            term = self.lookup(hit.item_id)
            if hit.group != TERM or not isinstance(term, Term) or hit.confidence < CONFIDENT:
                continue
            at = [plain.find(f" {_plain(n)} ") for n in term_names(term) if _plain(n) and f" {_plain(n)} " in plain]
            if at:
                found.append((min(at), hit))
        # Only when two terms are named: "admin supervision and the other kind" names one, and asks
        # about both kinds.
        return min(found, key=lambda f: f[0])[1] if len(found) >= 2 else None

    def _names_both(self, question: str, hits: list[Hit], joined: bool = False) -> Hit | None:
        """Round 10: for "admin supervision vs professional development supervision - diff?", the
        topic whose title names two of the terms the question names ("Administrative and
        professional-development supervision"), matched nearly as well as the best (COMPARE_EDGE):
        it sets the two side by side, where either term's definition gives one. `joined`: asked
        about together ("what are caretaking and co-optation as supervision pitfalls?"), the two
        names side by side, "A and B" ("co-optation of peer workers… in supervision" names two
        terms, and asks about one)."""
        named = [t for h in hits if h.group == TERM and isinstance(t := self.lookup(h.item_id), Term)
                 and self.said_in_full(question, t)[0] > 0]
        plain = f" {_plain(question)} "
        for hit in hits:
            topic = self.lookup(hit.item_id)
            if hit.group != TOPIC or not isinstance(topic, Topic) or hit.score < hits[0].score * COMPARE_EDGE:
                continue
            title = set(terms(topic.title))
            both = [t for t in named if set(terms(t.term.split(" (")[0])) <= title]
            if joined:
                said = [[_plain(n) for n in term_names(t) if f" {_plain(n)} " in plain] for t in both]
                both = [t for t, names in zip(both, said, strict=True)
                        if any(f" {n} and " in plain or f" and {n} " in plain for n in names)]
            if len(both) >= 2:
                return hit
        return None

    def _term_without_a_page(self, question: str, roles: bool = True) -> Term | None:
        """The term whose name the question says whole (the longest), when no topic is about it: no
        title of which the term's name makes up at least half ("A trauma-informed approach in peer
        work" is about trauma-informed; "Mutuality, self-determination, empathy and recovery in
        practice" names mutuality among four). `roles`: a name with "peer" in it counts too."""
        # The longest name said; of names as long, the one said first ("what does recovery mean in
        # peer work, some of our members hate that word" asks about recovery, not members).
        asked = f" {_plain(question)} "
        best: tuple[tuple[int, int, int], Term, set[str]] | None = None
        for term, names in self._term_names_plain:
            said = [(plain, found) for plain, found in names if f" {plain} " in asked and (roles or "peer" not in plain.split())]
            if not said:
                continue
            key = (max(len(found) for _, found in said), max(len(plain.split()) for plain, _ in said),
                   -min(asked.find(f" {plain} ") for plain, _ in said))
            if best is None or key > best[0]:
                best = (key, term, {w for _, found in said for w in found})
        if best is None or best[0][0] == 0:
            return None
        _, term, name = best
        for title in self._title_terms:
            if title and 2 * len(title & name) >= len(title):
                return None
        return term

    def _title_names_sides(self, question: str, hits: list[Hit]) -> Hit | None:
        """Round 11: "where's the line between supervision and therapy?" (two writers, both managers
        of a peer worker bringing her own mental health to supervision): the topic whose title names
        a word of each side ("Supervision is not therapy"), matched nearly as well as the best
        (COMPARE_EDGE), sets the two apart; the best match may only share the story's words."""
        sides = _SIDES.search(clean(question))
        if sides is None:
            return None
        first, second = set(terms(sides.group(1))), set(terms(sides.group(2)))
        if not first or not second:
            return None
        for hit in hits:
            topic = self.lookup(hit.item_id)
            if hit.group != TOPIC or not isinstance(topic, Topic) or hit.score < hits[0].score * COMPARE_EDGE:
                continue
            title = set(terms(topic.title))
            if title & first and title & second and not (title & first & second):
                return hit
        return None

    def _is_myth(self, item_id: str) -> bool:
        return getattr(self.lookup(item_id), "group", "") == "myths"

    def lookup(self, item_id: str) -> Term | Topic | None:
        return self.catalog.terms.get(item_id) or self.catalog.topics.get(item_id)

    def find(self, question: str, prefer_terms: bool = False) -> TopicAnswer | None:
        question = _PLAINLY.sub("", clean(question).strip()) or question
        naming = bool(ASKS_FOR_NAME.search(clean(question)))
        if naming:
            question = ASKS_FOR_NAME.sub(" ", clean(question))
        in_setting = bool(IN_A_SETTING.search(clean(question)))
        # Round 9: nor does a question about what others believe, however it ends ("a nurse told me
        # peers won't keep things confidential. where does that come from and what's the answer?").
        meaning = (prefer_terms or naming or asks_for_meaning(question)) and not in_setting and not myth_shaped(question)
        # (Not when a name is asked for: "what's the name for that and why is it a problem?")
        in_practice = bool(IN_PRACTICE.search(clean(question))) and not naming
        # Round 11: asking for examples asks for the practice too ("what is person-first language,
        # got an example?"): the page ASKS_FOR_EXAMPLES puts first, not the term named.
        prefer_terms = meaning and not in_practice and not ASKS_FOR_EXAMPLES.search(clean(question))
        asked_plainly = self._asked_plainly(question)
        if asked_plainly is not None:
            return asked_plainly
        searched = _MYTH_FRAMING.sub(" ", clean(question)) if myth_shaped(question) else question
        if prefer_terms:
            # Round 10: "what does mutuality mean": "mean" frames the asking, as "what is" does (which
            # search leaves out); kept, it met a topic asking "what does mutuality mean in a paid
            # role?" on both words, and the term, on one, never came near. ("What does it mean to see
            # peer work as a calling" keeps it: there "mean" asks about the rest.)
            # ("What does peer support mean?" keeps it too: search leaves out every other word.)
            without = _MEAN_FRAMING.sub(r"\1 ", clean(searched))
            searched = without if terms(without) else searched
        hits = self._search(searched)
        negated = self._named_negation(question)
        if negated is not None:
            # Round 9: it carries a word-for-word match's score, since the question says the page's
            # title and asks what it is not: a ruling matched on the rest of the message ("our team
            # keeps treating the peer like a junior case manager…") no longer takes it.
            return TopicAnswer(negated, max((h.confidence for h in hits[:1]), default=1.0), WORD_FOR_WORD)
        if _DIFFERENCE.search(clean(question)):
            # Round 9: "what's the difference between enabling and empowering?" is about enabling
            # and empowering: an item matched on the framing alone (a page asking the difference
            # between two other things) does not answer it.
            compared = set(terms(_DIFFERENCE.sub(" ", clean(question))))
            hits = [h for h in hits if compared & set(terms(h.passage))]
        if not hits:
            return self._word_for_word(question)
        # On a tie the topic goes first: it says more than the term's definition.
        hits.sort(key=lambda h: (-round(h.score, 6), h.group != TOPIC))
        if ASKS_FOR_EXAMPLES.search(clean(question)):
            topics = [h for h in hits if h.group == TOPIC and h.score >= hits[0].score * EXAMPLE_EDGE]
            hits = topics[:1] + [h for h in hits if h not in topics[:1]]
        if hits[0].group == TERM and ((not prefer_terms and ASKS_HOW.match(clean(question))) or in_setting):
            # "How do I keep my peer from sliding into clinical work?" asks for the practice: a
            # topic matched nearly as well as the term that names it answers that. (Round 9: so does
            # asking what to know about something or what it is in a setting, IN_A_SETTING.)
            topics = [h for h in hits if h.group == TOPIC and h.score >= hits[0].score * HOW_EDGE]
            hits = topics[:1] + [h for h in hits if h not in topics[:1]]
        if not myth_shaped(question) and ASKS_HOW_LATER.search(clean(question)) and hits[0].group == TOPIC \
                and self._is_myth(hits[0].item_id):
            # Round 9: "how do I keep from sliding into being a mini case manager?" asks how to go
            # about the work, which a practice topic says; a myth page answers what others believe.
            others = [h for h in hits if h.group == TOPIC and not self._is_myth(h.item_id)
                      and h.score >= hits[0].score * MYTH_HOW_EDGE and h.confidence >= CONFIDENT]
            hits = others[:1] + [h for h in hits if h not in others[:1]]
        best = hits[0]
        comparing = bool(COMPARING.search(clean(question)))
        both = self._names_both(question, hits, joined=not comparing) or self._title_names_sides(question, hits)
        if both is not None:
            best, prefer_terms = both, False
        elif comparing:
            first = self._named_first(question, hits)
            if first is not None:
                best, prefer_terms = first, False
            elif (unpaged := self._term_without_a_page(question, roles=False)) is not None:
                # Round 11: "mutuality vs friendship", "the difference between being someone's
                # friend and mutuality" (four writers): one term named, set beside an everyday
                # word, with no page about it: the term. (Not a role's name, "peer staff", which
                # is who a question is about more often than what it compares.)
                best = next((h for h in hits if h.item_id == unpaged.id),
                            Hit(unpaged.id, hits[0].score, max(hits[0].confidence, CONFIDENT), unpaged.meaning, TERM))
                prefer_terms = False
        kind = WHICH_KIND.search(clean(question))
        if kind is not None:
            # Round 10: "which part of supervision covers timesheets…?" asks for the name of one kind
            # of supervision: the best matched term named as a kind of it ("administrative
            # supervision"), not the page on what supervision covers.
            whole = set(terms(kind.group(1)))
            kinds = [h for h in hits if h.group == TERM and h.confidence >= CONFIDENT and isinstance(t := self.lookup(h.item_id), Term)
                     and whole and whole < set(terms(t.term.split(" (")[0]))]
            if kinds:
                best, prefer_terms = kinds[0], False
        if meaning and in_practice and both is None and kind is None:
            # Round 11: "what does mutuality mean in peer support?" (three writers), "what does
            # recovery mean in peer work?" (three): the practice is asked for, but no page is about
            # it, only pages naming it among others: the term.
            unpaged = self._term_without_a_page(question)
            if unpaged is not None:
                best = next((h for h in hits if h.item_id == unpaged.id),
                            Hit(unpaged.id, hits[0].score, max(hits[0].confidence, CONFIDENT), unpaged.meaning, TERM))
        if prefer_terms:
            # "what is X" should land on the term X when one is close, not a topic mentioning X.
            named_terms = []
            for rank, hit in enumerate(hits[:3]):
                # Round 5: only a term the question names ("what does it mean to see peer work as a
                # calling" names no "equity", however close that term's match).
                term = self.lookup(hit.item_id) if hit.group == TERM else None
                if not isinstance(term, Term) or not self.names(question, term):
                    continue
                # Round 9: the term whose whole name the question says, the longest such name first
                # ("what is intentional peer support" is the term of that name, not "intentional":
                # search leaves "peer" and "support" out, so both matched alike; two writers asked it).
                said = self.said_in_full(question, term)
                if hit.confidence >= best.confidence - TERM_PREFERENCE:
                    named_terms.append((said, -rank, hit))
            titled = self.lookup(best.item_id) if best.group == TOPIC else None
            if named_terms and isinstance(titled, Topic) and set(terms(titled.title)) <= set(terms(question)) \
                    and len(set(terms(titled.title))) >= 2 and all(said == (0, 0) for said, _, _ in named_terms):
                # Round 11: "what are the critical reflection questions for thinking about peer
                # roles?" says a page's whole title and only a word of a term's name ("critical
                # thinking"): the page.
                pass
            elif named_terms:
                best = max(named_terms, key=lambda t: t[:2])[2]
            else:
                if naming and best.group == TOPIC:
                    best = self._name_for(question, best)
        needed = CONFIDENT
        if not prefer_terms and myth_shaped(question):
            myths = [h for h in hits if h.group == TOPIC and h.score >= best.score * MYTH_EDGE
                     and getattr(self.lookup(h.item_id), "group", "") == "myths"]
            if myths:
                best = max(myths, key=lambda h: (round(h.score, 6), h.confidence))
                needed = MYTH_CONFIDENT
        item = self.lookup(best.item_id)
        if item is None or best.confidence < needed:
            return self._the_question_alone(question, prefer_terms)
        return TopicAnswer(item, best.confidence, hits[0].score)

    def _the_question_alone(self, question: str, prefer_terms: bool) -> TopicAnswer | None:
        """Round 10: nothing matched the whole message confidently, and it asks first, then remarks
        ("what are the 17 things people we support can expect from us? saw a poster about it"): the
        question alone, found as any question is."""
        sentences = [s for s in _SENTENCE_END.split(clean(question).strip()) if s]
        asked = [s for s in sentences if s.endswith("?")]
        if len(sentences) < 2 or asked != sentences[:1]:
            # Only the question asked first, then a remark: after a story, the story decides
            # (the question alone took two task questions from their rulings).
            return None
        return self.find(asked[0], prefer_terms=prefer_terms)

    def see_also(self, question: str, found: TopicAnswer, ruling: Ruling) -> Term | Topic:
        """What to offer beside a verdict from `ruling`: of the items matched about as well as the
        one `find` gave, the one citing the most of the ruling's source passages ("do I have to tell
        the team if someone is suicidal?" gets the limits of confidentiality, which cites what the
        ruling does, before a myth page that shares only its words); `found`'s item when none cites more."""
        best, most = found.item, shared_passages(ruling.sources, found.item.sources)
        for hit in self._search(question):
            item = self.lookup(hit.item_id)
            if item is None or hit.confidence < CONFIDENT or hit.score < found.score * SEE_ALSO_EDGE:
                continue
            shared = shared_passages(ruling.sources, item.sources)
            if shared > most:
                best, most = item, shared
        return best

    def _search(self, question: str) -> list[Hit]:
        """The best terms and topics for `question`; the last few searches are kept, since `find`
        and `see_also` search the same question in turn."""
        hits = self._recent.get(question)
        if hits is None:
            if len(self._recent) >= 8:
                self._recent.clear()
            hits = self._recent[question] = tuple(self.index.search(question, limit=5, groups=(TERM, TOPIC)))
        return list(hits)

    def _asked_plainly(self, question: str) -> TopicAnswer | None:
        """A sentence that asks for an item's meaning exactly as the content asks it, once a word of
        emphasis or an aside on how to put it is left out ("…on the team. What is peer support,
        actually?", "what actually is peer support, in plain terms?", "what is peer support, like if
        I had to explain it to my aunt"): search sees the rest of the message's words and none of
        the asking's, all framing. (A first sentence left whole goes to search as before.)"""
        for indirect in _ASKED_INDIRECTLY.finditer(clean(question)):
            # Round 10: "someone at a party asked me what peer support actually is and I fumbled it".
            found = self._word_for_word(f"what is {indirect.group(1)}")
            if found is not None:
                return found
        fragment = _NAMED_THEN_ASKED.match(clean(question).strip())
        if fragment:
            found = self._word_for_word(f"what is {fragment.group(1)}")
            if found is not None:
                return found
        sentences = _SENTENCE_END.split(clean(question).strip())
        for n, sentence in enumerate(sentences):
            sentence = _FILLER.sub("", _PLAINLY.sub("", _ASIDE.sub("", _CARRYING_ON.sub("", sentence)))).strip()
            if (n or sentence != clean(question).strip()) and _WHAT_IS.match(sentence):
                found = self._word_for_word(sentence)
                if found is not None:
                    return found
        return None

    def _word_for_word(self, question: str) -> TopicAnswer | None:
        """An item the question asks for exactly as the content does (a question, title, term or
        alias, with or without "what is"), when search found nothing to match on."""
        asked = clean(question).strip()
        plain = _plain(asked)
        item_id = self._verbatim.get(plain) or self._verbatim.get(_plain(_WHAT_IS.sub("", asked)))
        item = self.lookup(item_id) if item_id else None
        return TopicAnswer(item, 1.0, WORD_FOR_WORD) if item is not None else None

    def _name_for(self, question: str, topic_hit: Hit) -> Hit:
        """The term a topic is about, for "is there a name for this?": the topic's related term that
        fits the question best, carrying the topic's confidence (the topic is what matched)."""
        related = set(self.catalog.topics[topic_hit.item_id].related) & set(self.catalog.terms)
        for hit in self.index.search(question, limit=50, groups=(TERM,)):
            if hit.item_id in related:
                return Hit(hit.item_id, topic_hit.score, topic_hit.confidence, hit.passage, TERM)
        return topic_hit


def _near(a: str, b: str) -> bool:
    """Two search words that differ by a slip of the keyboard: a letter left out, added or swapped."""
    return abs(len(a) - len(b)) <= 2 and SequenceMatcher(None, a, b).ratio() >= 0.85
