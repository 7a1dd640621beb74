"""Reading what someone wrote to the bot for the warning signs of suicide, self-harm and violence.

`read(text)` returns a `Reading` with one of three levels:

- `crisis`: the writer's own warning signs, strong enough for support first, privately: ideation
  said plainly or indirectly ("I want to die", "everyone would be better off without me"), a method,
  a means ready ("I've saved up my meds"), being at a dangerous place now ("I'm on the bridge"),
  a farewell ("tell my daughter I love her"), a self-harm act, an overdose, being hurt by someone;
  or hopelessness together with a means, a plan, a time or a goodbye. `towards="others"` marks an
  intent to hurt someone else ("I'm going to hurt him tonight"), which gets its own reply.
- `note`: hopelessness alone ("what's the point of any of it"), signs about someone else ("someone
  I support said they want to die", a worker asking how to help), a denial ("I don't want to
  die"), or a past experience told as lived experience. The person gets their answer plus a short
  private note of the crisis lines.
- `none`: everything else, including everyday words that look alike ("killing it", "dying to
  know", "this shift is killing me", "the bridge program", "giving away my old desk chair").

The signs are in `bot.safety.warning_signs`, one table per category, with where the categories come from
and how they combine, and in `bot.safety.warning_words`, signs composed from word classes (a self-harm
verb with a body part and an instrument, an intent with taking all of a supply, a weapon with a
target) with the words that explain them away (an accident, an errand, a training). How they are read, in order: the text is normalised (lower case,
contractions and common typos and slang spelled out, "someone I support" folded to "someone"),
split into sentences, and every pattern is matched on word boundaries. Each match is then placed:

1. **Whose is it?** Patterns that carry their own first person ("kill myself", "better off without
   me") are the writer's, unless they are reported speech ("she said 'I want to die'"). Patterns
   that need a subject look at the nearest subject word before them: "she", "someone who" make it
   about someone else; "I" or nothing make it the writer's. A clause starting with a verb after
   "and" shares the subject before it ("she is giving her things away and talking about…").
   Danger patterns ("going to hurt me") need a person as the subject.
2. **Denied?** "not", "never" or "no" before the match, with only small words between ("I'm not
   going to kill myself", "I have no intention of…"), makes it a denial.
3. **In the past?** "years ago", "used to", "as a teen", "in my twenties" in the same clause.
4. **But…** A denial or a past experience followed by "but" and an ambivalent word ("but I keep
   thinking about it", "and now I'm doing it again") is read as a crisis after all.
5. **Said how, around what?** A worker asking how to help someone ("what do I do?", "do I have to
   tell my supervisor?") makes every sign whose subject is not the writer the other person's. A
   laugh ("lol", "haha") makes a turn of phrase of everything but plain ideation, self-harm or an
   overdose ("ready to throw my laptop off a bridge lol"). An ordinary absence (a vacation, a new
   job) explains a goodbye; traffic explains being on a bridge.

Beside the tables, a small trained model (`bot.safety.crisis_model`) may give the note to a first-person
message with no sign at all that reads like a crisis, and the crisis reply to a first-person message of
8 words or more that the tables did not call one, unless a worker is asking how to help, a sign was
placed on someone else, denied or in the past, a laugh is there, or a sign was explained away (the
tables know those better than a model: each was a false alarm of the model's when rounds were left out).

We err towards offering support: a first-person statement the tables half-recognise is a crisis,
and every "note" still shows the lines. The corpora in `tests/data/` measure it: the suite's own
(`crisis_corpus.toml`) and two written by people who had seen neither detector nor corpus
(`crisis_corpus_fresh.toml`, round 1 in full; `crisis_corpus_fresh2.toml` to `crisis_corpus_fresh4.toml`,
later rounds' tuning parts; `python -m tests.test_crisis_fresh PATH` scores any such corpus).
"""
from __future__ import annotations

import hashlib
import json
import re
import re._constants as _c  # type: ignore[import-not-found]  # typeshed has no stubs for re._constants; the standard library's own regex parser: reads what a pattern needs
import re._parser as _parser  # type: ignore[import-not-found]  # nor for re._parser
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from bot import cache_file
from bot.safety import crisis_model
from bot.safety.warning_signs import Category
from bot.safety.warning_words import CATEGORIES, COMPOSED_NAMES, EXPLAINED

CRISIS, NOTE, NONE = "crisis", "note", "none"

# -- normalising ------------------------------------------------------------------------------
# Applied in order to lower-cased text with straight apostrophes.
CONTRACTIONS: list[tuple[str, str]] = [
    (r"\bcan'?t\b", "can not"), (r"\bcannot\b", "can not"), (r"\bwon'?t\b", "will not"),
    (r"\bod'd\b", "overdosed"), (r"\bain'?t\b", "am not"), (r"n't\b", " not"), (r"\bi'm\b", "i am"), (r"'re\b", " are"),
    (r"'ve\b", " have"), (r"\b(i|you|he|she|they|we|it)'ll\b", r"\1 will"),
    (r"\b(i|you|he|she|they|we)'d\b", r"\1 would"), (r"\b(he|she|it|that|there|who|what)'s\b", r"\1 is"),
    (r"\bill (?=kill|hurt|end|do|jump|take|cut|never|be|go)", "i will "),
]
# Whole words people type without apostrophes, in slang, or misspelt.
WORDS: dict[str, str] = {
    "im": "i am", "ive": "i have", "dont": "do not", "doesnt": "does not", "didnt": "did not",
    "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not", "wouldnt": "would not",
    "couldnt": "could not", "shouldnt": "should not", "havent": "have not", "hasnt": "has not",
    "hes": "he is", "shes": "she is", "theyre": "they are", "youre": "you are", "itll": "it will",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "tryna": "trying to", "u": "you",
    "rn": "right now", "tmrw": "tomorrow", "tonite": "tonight", "cuz": "because", "bc": "because",
    "kys": "kill yourself", "unalive": "kill", "unaliving": "killing",
    "sewerslide": "suicide", "suicde": "suicide", "sucide": "suicide", "suiside": "suicide",
    "suicidle": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal", "suisidal": "suicidal",
    "suicidial": "suicidal", "myslef": "myself", "mysef": "myself", "myelf": "myself", "mself": "myself",
    "kil": "kill", "kll": "kill", "killin": "killing", "wnat": "want", "wamt": "want", "whant": "want",
    "dieing": "dying", "pils": "pills", "overdoze": "overdose", "oded": "overdosed",
    "hurtin": "hurting", "cuttin": "cutting", "noone": "no one", "nobody": "no one",
    "abt": "about", "thinkin": "thinking", "goin": "going", "doin": "doing", "tryin": "trying", "nothin": "nothing",
    "hed": "he would", "theyd": "they would", "youd": "you would", "ppl": "people", "ur": "your", "tho": "though",
    "cos": "because", "coz": "because", "tmr": "tomorrow", "2nite": "tonight", "2morrow": "tomorrow",
    "nite": "night", "pillz": "pills", "gona": "going to", "killmyself": "kill myself", "kms": "kill myself",
    "disapear": "disappear", "dissapear": "disappear", "ods": "overdoses",
    "endin": "ending", "bout": "about", "anymre": "anymore", "anymor": "anymore", "rlly": "really", "rly": "really",
    "wud": "would", "wld": "would", "cud": "could", "shud": "should", "no1": "no one", "evry1": "everyone",
    "every1": "everyone", "evryone": "everyone", "sum1": "someone", "some1": "someone", "somthing": "something",
    "sumthing": "something", "r": "are", "4ever": "forever", "4good": "for good", "2day": "today",
    "jus": "just", "wat": "what", "dnt": "do not", "cnt": "can not", "iv": "i have", "myslf": "myself",
    "wont": "will not", "cant": "can not", "aint": "am not",
}
# "someone I support", "a person I work with": the "I" is not the subject of what follows.
SUPPORTED = re.compile(r"\b(someone|somebody|person|people|peer|peers|participant|client|guy|woman|man|member|"
                       r"friend|youth|resident) (?:that |who |whom )?(?:i|we) (?:support|work with|see|know|"
                       r"am supporting|am working with|serve|visit)\b")
SENTENCES = re.compile(r"[^.!?\n]+[.!?\n]*")
BOUNDARIES = {",", "but", "though", "although", "because", "so", "yet", "except", "and", "or", "however"}

# -- who, and how it is qualified ---------------------------------------------------------------
FIRST = {"i", "we"}
PERSONS = {"he", "she", "they", "someone", "somebody", "partner", "husband", "wife", "boyfriend", "girlfriend",
           "bf", "gf", "ex", "dad", "father", "mom", "mum", "mother", "stepdad", "stepfather", "stepmom",
           "brother", "sister", "uncle", "roommate", "landlord", "spouse", "fiance", "family", "parents", "guy",
           "teenager", "teen", "child", "mentee", "sponsee", "cousin", "niece", "nephew", "aunt", "grandma",
           "grandpa", "grandmother", "grandfather", "neighbour", "neighbor", "mate", "buddy", "bestie", "coworker",
           "flatmate", "housemate", "roomie"}
THIRD = PERSONS | {"him", "her", "them", "who", "person", "people", "client", "clients", "participant", "peer", "folks",
                   "participants", "members", "residents",
                   "supervisor", "manager", "boss", "doctor", "nurse", "therapist", "counsellor", "counselor", "pastor",
                   "screener", "questionnaire", "survey", "form", "boy", "girl", "lad", "fisherman", "sheriff", "mod",
                   "mods", "admin", "character",
                   "peers", "friend", "coworker", "colleague", "member", "son", "daughter", "youth", "kid",
                   "woman", "man", "anyone", "everyone"}
NEGATIONS = {"not", "never", "no", "zero"}  # round 11: "zero intention of harming myself"
# Small words that may sit between a negation and what it negates ("not going to ever…").
CARRIERS = {"i", "am", "is", "are", "was", "will", "would", "could", "should", "do", "does", "did", "have", "has",
            "had", "going", "to", "want", "really", "ever", "actually", "even", "try", "trying", "plan", "plans",
            "planning", "intend", "intention", "intentions", "of", "anything", "feel", "like", "think", "thoughts",
            "use", "using", "drink", "drinking", "or", "urge", "urges", "desire", "wish", "having", "any",
            "about", "thinking", "just", "be", "been", "seriously", "definitely", "honestly", "at", "all", "that"}
CONTRASTS = {"but", "though", "although", "however", "yet"}
REPORTING = {"said", "says", "saying", "told", "tells", "telling", "asked", "texted", "wrote", "messaged", "mentioned",
             "posted", "shouted", "yelled", "screamed",
             # round 11: writers of English as a second language leave the verb unmarked ("the teen write I want
             # to die on a paper"); the subject still says whose words they are ("when I say…" stays the writer's)
             "write", "writes", "send", "sends", "sent", "text", "texts", "say"}
# ...but not the infinitive ("told my boss to get someone else to write it", "called my sister to say sorry")
UNMARKED = {"write", "send", "text", "say"}
NOT_REPORTING_AFTER = {"to", "will", "would", "can", "could", "should", "must", "might", "may", "did", "do", "does", "not",
                       "let", "lets", "gonna"}
PAST = re.compile(r"\b(?:years ago|a long time ago|used to|back when|when i was|as a (?:teen|teenager|kid|child)|"
                  r"when i was (?:younger|a teen|a kid)|in the past|history of|in my past|i survived|lived experience|"
                  r"(?:in|through|during|most of|all of|much of|for) (?:most of |all of |much of )?my (?:early |mid |late )?(?:teens|twenties|thirties|forties|20s|30s|40s|youth)|"
                  r"(?:a )?long time ago|the old me (?:would|used to|did|was)|in (?:high school|college|uni|university)|in (?:19|20)[0-9]{2}|my story(?! (?:stops|ends|finishes|is over|is done))|back then|at the time|"
                  r"there was a time|ages ago|years back|long ago|attempt at [0-9]{2}|the (?:year|years|time|summer|winter|spring|autumn|fall|months?|night|day) (?:i|when i|that i) (?:was|were|had|tried|wanted|felt|attempted|thought|took|spent|overdosed|relapsed|cut|used)|the year (?:my|when|that)|all through (?:sixth form|high school|school|college|uni|university|my teens|my twenties)|turning point|back in my|in my (?:drinking|using|partying|old|bad|dark) days|the (?:year|years|time|summer|winter|months?) (?:i was|when i)|when i was [0-9]{1,2}|[0-9]{1,2} years ago|i came through|i made it through|"
                  r"i got through|i have been there|before i got (?:sober|clean)|in recovery|"
                  # round 10: "at 19 after an attempt", "my lowest point was 2021", "4 years since i was suicidal",
                  # "last year i took leave because…", "how i went from planning my own funeral to…"
                  r"(?:was|were|had|tried|attempted|went|ended up) (?:[a-z]+ ){0,6}at (?:age )?(?:1[3-9]|[2-5][0-9])(?! ?(?:am|pm|h|hrs|[0-9]))|"
                  r"(?:was|were) (?:in )?(?:19|20)[0-9]{2}|(?:years|months|a year|a decade) since i (?:was|were|last|tried|attempted|felt|thought|wanted)|"
                  r"last (?:year|summer|winter|spring|autumn|fall) i (?:was|took|tried|had|attempted|felt|wanted|went|ended up)|"
                  r"how i (?:went|got|came) from|"
                  # round 11: "my past suicide attempt"
                  r"my past (?:suicide |suicidal )?(?:attempts?|overdoses?|self harm|ideation|crisis|crises)|the last time i (?:felt|was|tried|attempted|thought|wanted)\b[a-z ]{0,40} was (?:before|in|when|years|months|ages|back))\b|"
                  r"(?<!at )\bonce\b(?! again| more| and for all| i am| i have| i will| i get| everyone| they| he| she| the| my| it| you| we)")
DATED_BACK = re.compile(r"(?:[a-z]+ ){0,2}, (?:(?:it|that|this|all that) (?:was|were|is) (?:[a-z0-9]+ ){0,3}ago\b|"
                        # round 11: the date alone after the comma, article dropped ("after my attempt, long time ago")
                        r"(?:a )?(?:long|very long) time ago\b|(?:many|several|a few|[0-9]+|two|three|four|five|six|seven|"
                        r"eight|nine|ten|twenty) years ago\b)")
PAST_TENSE = {"was", "were", "had", "did", "tried", "wanted", "felt", "attempted", "overdosed", "thought"}
NOW = {"but", "now", "today", "tonight", "lately", "currently", "however", "anymore", "again", "still", "yet"}
BUT = re.compile(r"\b(?:but|though|although|yet|however|except|and)\b")
AMBIVALENT = re.compile(r"\b(?:thinking about it|think about it|keep thinking|the thought|thoughts|part of me|"
                        # (round 11: not someone else's doing, nor the marks left: "…and sometimes the scars show", "…and sometimes people ask")
                        r"(?:sometimes|some days)(?! (?:the |my )?(?:scars?|marks?|people|they|others|someone|somebody|he|she|"
                        r"colleagues|clients|folks|kids|coworkers|staff)\b)|tempted|can not stop|wish|urges?|lately|again|still|these days|"
                        r"is back|are back|coming back|creeps? in|"
                        # "…but it came back", not "…and came back" (the writer came back: round 9's bridge)
                        r"(?:it|they|it all|that|those|thoughts|feelings|urges|the [a-z]+) came back)\b")

# -- the signs ------------------------------------------------------------------------------------
# The warning signs themselves live in `bot.safety.warning_signs`, one table per category. Running ~100
# patterns at every position of every sentence costs milliseconds; most patterns cannot match
# unless some word of theirs is in the sentence, so each pattern carries the words it needs
# ("needles", worked out from the pattern itself) and runs only when they are there.
NEEDLE_READING = 3  # raise when `_needles` changes what it reads from a pattern
NEEDLE_SETS = 3  # sets kept per sign: a fourth narrows the signs tried by under 1% more
COMMON = {"my", "the", "me", "of", "to", "not", "i am", "a", "be", "i", "it", "in", "on", "and", "if i", "is"}


def _needles(parsed: Any) -> list[set[str]]:  # a re._parser.SubPattern (untyped)
    """Sets of literal strings: any match of `parsed` contains at least one string of each set."""
    found: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len("".join(run).strip()) >= 3:
            found.append({"".join(run)})
        run.clear()

    for op, av in parsed:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is _c.SUBPATTERN:
            found.extend(_needles(av[-1]))
        elif op is _c.BRANCH:
            # Each branch must offer something. Whichever branch matches holds one string of each of
            # its own sets, so the union of every branch's k-th set is needed too (a branch with fewer
            # sets offers its last one again): a second and third set narrow the signs worth trying
            # to less than half (checked over every corpus: no sign that matches is ever left out).
            branches = [_needles(branch) for branch in av[1]]
            if all(branches):
                for k in range(max(map(len, branches))):
                    union = set().union(*(b[min(k, len(b) - 1)] for b in branches))
                    if union not in found:
                        found.append(union)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found.extend(_needles(av[2]))
    flush()
    # The most telling first: long, uncommon strings, few of them.
    found = [s for s in found if all(n.strip() not in COMMON for n in s)]
    return sorted(found, key=lambda s: (-min(len(n.strip()) for n in s), len(s)))


def _read_needles(rx: str) -> tuple[tuple[str, ...], ...]:
    try:
        return tuple(tuple(sorted(s)) for s in _needles(_parser.parse(rx))[:NEEDLE_SETS])
    except Exception:  # noqa: BLE001 - a pattern the parser reads differently is simply always run
        return ()


# Reading every pattern's needles and compiling ~300 patterns took most of a second at import, paid
# by every `peerbot ask`. The needles are kept in a small file beside the tables, named by a hash of
# the patterns (any change to a pattern gives a new name, so a stale file is never read), and each
# pattern is compiled the first time a sentence holds its needles.
_CACHE = Path(__file__).parent / "data" / ".cache"
_RAW = [(category, name, kind, rx) for category in CATEGORIES for name, kind, rx in category.patterns]


def _all_needles() -> list[tuple[tuple[str, ...], ...]]:
    """Each sign's needles, from the file named by the patterns' hash, else worked out and saved."""
    # the way needles are read is part of the name, so a change to it never reads an older file
    key = hashlib.sha256(json.dumps([NEEDLE_READING, NEEDLE_SETS, [rx for *_, rx in _RAW]]).encode()).hexdigest()[:16]
    path = _CACHE / f"needles-{key}.json"
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return [tuple(tuple(s) for s in sets) for sets in state["needles"]]
    except (OSError, ValueError, TypeError, KeyError):
        pass  # no file yet, or a damaged one: read them from the patterns
    found = [_read_needles(rx) for *_, rx in _RAW]
    # (a read-only install reads them at each start instead)
    cache_file.save(path, json.dumps({"needles": found}), "needles-*.json")
    return found


class _Sign(NamedTuple):
    category: Category
    name: str
    kind: str
    rx: str
    needles: tuple[tuple[str, ...], ...]


_FOUND = _all_needles()
SIGNS = [_Sign(*raw, needles) for raw, needles in zip(_RAW, _FOUND, strict=True)]
_COMPILED: dict[int, re.Pattern[str]] = {}


def _pattern(index: int) -> re.Pattern[str]:
    """SIGNS[index]'s pattern, compiled on first use."""
    pattern = _COMPILED.get(index)
    if pattern is None:
        pattern = _COMPILED[index] = re.compile(r"(?<![a-z0-9])(?:" + SIGNS[index].rx + r")(?![a-z0-9])")
    return pattern




# Every needle; one pass finds them all: an Aho-Corasick automaton (pyahocorasick), built in a few
# milliseconds at import, where one regular expression of every needle took 48 ms to compile for
# 3,800 needles, paid by every `peerbot ask`. Which signs the needles found make worth trying is
# worked out on one big int, not per needle and sign: each sign with k needle sets owns k adjacent
# bits (signs with one set first, then those with two, then three), a needle found lights the bit of
# every set it is in, and a sign is worth trying where all its bits are lit. A long sentence lights
# some 50 needles, each in many signs' sets ("will", "going to"): a handful of int operations instead
# of ~175 dictionary look-ups.
_FIRST_BIT: dict[int, int] = {}  # sign -> its first bit
_SIGN_AT: dict[int, int] = {}  # first bit -> sign
_ALL_LIT: list[int] = [0] * (NEEDLE_SETS + 1)  # for k sets: the first bits of every sign with k sets
_bit = 0
for _k in range(1, NEEDLE_SETS + 1):
    for _i, (*_, _needles_of) in enumerate(SIGNS):
        if len(_needles_of) == _k:
            _FIRST_BIT[_i], _SIGN_AT[_bit] = _bit, _i
            _ALL_LIT[_k] |= 1 << _bit
            _bit += _k
_LIGHTS: dict[str, int] = {}  # needle -> the bits it lights
for _i, (*_, _needles_of) in enumerate(SIGNS):
    for _j, _some in enumerate(_needles_of):
        for _n in _some:
            _LIGHTS[_n] = _LIGHTS.get(_n, 0) | 1 << (_FIRST_BIT[_i] + _j)
NEEDLES = ahocorasick.Automaton()
for _n, _lights in _LIGHTS.items():
    NEEDLES.add_word(_n, _lights)
NEEDLES.make_automaton()
_ALWAYS = [i for i, (*_, needles) in enumerate(SIGNS) if not needles]


def _worth_trying(sentence: str) -> list[int]:
    """The signs (indices into SIGNS, in order) whose needles are all in `sentence`."""
    lit = 0
    for _, lights in NEEDLES.iter(sentence):  # every needle, wherever it ends
        lit |= lights
    # a sign's first bit stays where all of its bits are lit: for k sets, its bit and the k - 1 after it
    whole, run = 0, lit
    for k in range(1, NEEDLE_SETS + 1):
        whole |= run & _ALL_LIT[k]
        run &= lit >> k
    worth = list(_ALWAYS)
    while whole:
        lowest = whole & -whole
        worth.append(_SIGN_AT[lowest.bit_length() - 1])
        whole ^= lowest
    return sorted(worth)


PATTERNS = [(name, kind, rx) for category in CATEGORIES for name, kind, rx in category.patterns]
# A peer worker asking how to help someone: signs in the message are the other person's unless the
# writer names themselves ("what do I do? she's on the roof" is not the writer on a roof).
HELPING = re.compile(r"\b(?:what (?:do|should|can|would) (?:i|we) (?:do|say)|how (?:do|should|can|would|to) (?:i |we )?"
                     r"(?:support|respond|help|check in|talk|approach|handle|react|reply|answer|ask|be there|bring|do safety|"
                     # round 11c: "How do I follow up with someone after they've been discharged … after an attempt?"
                     r"start|go about|follow up|check on|reach out|look out for|look after)|(?:best|right|good|better) way to (?:respond|reply|react|answer|support|help|reach|"
                     r"approach|talk to|check on|follow up)|"
                     r"do (?:i|we) (?:have to|need to|tell|report|call)|(?:what is|whats) (?:my|our|the peer) "
                     r"(?:role|approach)|what are my options|is it (?:ok|okay|alright) (?:for me )?to|peer approach|"
                     r"should i (?:tell|call|report|stay|ask|say|reach out|do)|how can i help|do (?:i|we) have a duty|"
                     r"am i (?:required|supposed|obligated|allowed) to|did i do the right thing|what now|(?:language|words|wording|"
                     r"script|tips|advice) for (?:responding|replying|supporting|talking|answering)|responding when)\b")
# Laughter makes a turn of phrase of a weak or violent-sounding sign ("throw my laptop off a bridge lol").
LAUGH = re.compile(r"\b(?:lol|lmao|haha\w{0,10}|jk|rofl)\b|[\U0001F602\U0001F923\U0001F606\U0001F605]", re.IGNORECASE)
# The ordinary reason taken away ("not sick. just won't be here", "no I didn't quit"): an absence
# then explains nothing (round 9).
ABSENCE_TAKEN_BACK = re.compile(r"\b(?:(?:i am )?not (?:sick|ill|travelling|traveling|on (?:holiday|vacation|leave|a trip)|going (?:anywhere|on holiday|on vacation|away))"
                                r"(?= *$| *,| just)|i did not quit|i have not quit|i am not quitting|nothing to do with (?:work|the job))\b")
# A laugh taken back: the upside-down smile beside it, or "jk… unless" (round 9: four of one writer's
# crisis texts wore a laugh this way, and the one everyday 🙃 in every corpus had no laugh beside it).
LAUGH_TAKEN_BACK = re.compile(r"\U0001F643|\b(?:jk|kidding|joking)\b[ .!,\u2026]{0,8}(?:(?:sort of|kind of|kinda|ish)[ .!,\u2026]{1,6})?"
                              r"(?:unless|or not|or am i|maybe not|not really)\b|"
                              # round 10: "(for real)", "…the final one fr", "no cap", "deadass", "i mean it" after the laugh
                              r"(?:\b(?:lol|lmao|haha\w{0,10})\b|[\U0001F602\U0001F923\U0001F606\U0001F605]).{1,120}?(?:\bfor real\b|\bfrfr\b|\bfr[ .!]*$|\bno cap\b|\bdeadass\b|"
                              # round 11: the laughing face too, and "ok actually is not joke" (the article dropped)
                              r"\bi mean it\b|\bnot (?:joking|kidding)\b|\b(?:is |it is |its )?not (?:a )?joke\b)",
                              re.IGNORECASE)
# An ordinary absence explains a goodbye or "I won't be here" ("my last day before parental leave",
# "it's been real, see you tomorrow").
ABSENCE = re.compile(r"\b(?:(?:my |the )?contract (?:ended|ends|is up|runs out|ran out)|end of my contract|vacation|holidays?|parental leave|maternity leave|sick leave|(?<!not a )new job|(?:my )?last day (?:at|with|in|on) (?:the|this|my|our)|"
                     r"(?<!not )retir\w{0,6}|while i am (?:away|gone|out|visiting)|out of town|staying (?:at|with|over)|sleeping over|ferry|flight|for a (?:week|weekend|few days|fortnight)|plumber|electrician|lockbox|leaving (?:do|party|drinks)|farewell party|send off|going away party|snowed in|no signal|no reception|phone line|lines? (?:is |are )?down|on leave|back before dark|"
                     r"back in (?:a|one|two|three|four|five|six|[0-9]+) (?:days?|weeks?|months?)|just responsible|"
                     r"being (?:responsible|organi[sz]ed|practical|prepared)|pre ?(?:plan\w*|paid)|estate planning|moving (?:back )?(?:to|away|house|home)|for the (?:audit|inspection|accreditation|review)|tax return|trip|conference|day off|time off|annual leave|"
                     r"appointment|next week|back on|back monday|back next|see you (?:tomorrow|monday|tuesday|"
                     r"wednesday|thursday|friday|soon|later|next|at|on|then|all)|talk (?:tomorrow|soon|later))\b")
# Round 11: ...but not a goodbye said for good in its own sentence ("who covers my people next week? I won't be
# around anymore"), or one that names the writer's funeral or death ("a playlist for my funeral … next week"): an
# absence mentioned elsewhere in a long message does not explain those.
FOR_GOOD = re.compile(r"\b(?:anymore|for good|forever|ever again|never (?:be )?(?:back|coming back|returning|return)|"
                      r"for the last time|funeral|when (?:they|someone|you) finds? me|after i am (?:dead|gone))\b")
# Offering things to colleagues explains a weak goodbye ("giving away my old books, anyone want
# some?"), though not a farewell ("does anyone want my guitar? I won't be needing it anymore").
# Giving most of one's things away is a warning sign whoever receives them (988), so a charity does not
# explain it; a clear-out does ("decluttering my flat, given away half my books").
DECLUTTERING = re.compile(r"\b(?:declutter\w{0,4}|spring clean\w{0,3}|clearing out|clear out|moving house|downsizing|"
                          r"new place|anyone want|who wants|up for grabs|free to (?:a )?good home)\b")
FAREWELL_GIVEAWAYS = {"give-it-all-away", "gave-most-away"}
# What people carry or keep "just in case": a bottle of water, an umbrella, a naloxone kit.
CARRIED = re.compile(r"\b(?:water|snacks?|umbrella|charger|jacket|coat|jumper|sweater|spare|tissues|plasters|band aids?|"
                     r"bandaids?|first aid|naloxone|narcan|kit|cash|change of clothes|pen|mask|sunscreen|backup|copy|"
                     r"copies|extra)\b")
GIVEAWAY = re.compile(r"\b(?:anyone want|who wants|up for grabs|free to (?:a )?good home|declutter\w{0,4}|"
                      r"spring clean\w{0,3}|clearing out (?:my|the) (?:desk|office|garage|closet|wardrobe)|"
                      r"to (?:the |a )?(?:shelter|charity|thrift|goodwill|op shop|food bank|church|clothing drive)|"
                      r"donat\w{1,6}|charity shop|moving house|new place)\b")
# "…haha. I mean it though": the writer takes the laugh back.
SERIOUS = re.compile(r"\b(?:i mean it|i am serious|im serious|not (?:a joke|joking|kidding)|no joke)\b")
ASKING_FOR_ME = re.compile(r"\b(?:asking|ask) (?:because|cause|as) i am(?= *$| *,| right now| too| one)|\basking for "
                          r"(?:me|myself)(?= *$| *,)|\bi am the one(?= *$| *,)")
# Round 10: a question asked for a friend, hypothetically or for a training, that the writer then
# says is their own ("The friend is me", "she's me", "it isn't a training scenario", "for my own reasons").
REVEALED = re.compile(r"\b(?:the |my )?(?:friend|person|manager|supervisor|coordinator|colleague|someone|she|he|they) "
                      r"(?:is|was|are) (?:actually |really )?me(?= *$| *,| and| too)|\b(?:it|this) is not (?:really )?(?:a |an )?"
                      r"(?:training|hypothetical|drill|exercise|role ?play|scenario)|\bnot (?:really )?(?:a )?hypothetical(?:ly)?(?= *$| *,)|"
                      r"\bfor my own reasons\b|\b(?:asking|ask) for (?:me|myself)\b")
# …and a sentence of its own that says whose it is or waves the question off: "for me", "they're for me",
# "no reason", "no particular reason" after something ominous (10a and 10c both).
REVEALED_SENTENCE = re.compile(r"(?:(?:no|actually|honestly|ok|okay) (?:, )?)?(?:(?:it is|they are|that is|thats|its|theyre|both|all) )?for me|(?:just )?no (?:particular |real )?reason(?: at all)?")
# Round 10 (and round 9's memorial "asking because I'd like one"): a policy question about a worker's death
# with the writer's own words beside it ("…when a peer worker dies? I'd like mine kept short") counts as a
# weak sign for the trained model: it asks 0.7 of it, not 0.83.
WORK_DEATH = re.compile(r"\b(?:if|when|after|once) (?:an?|the|one of (?:the|our|my)) (?:[a-z]+ )?(?:[a-z]+ )?(?:employee|staff member|"
                        r"staff|worker|supervisor|manager|coordinator|colleague|peer|team member|facilitator|director)s? "
                        r"(?:dies|died|is found dead|passes away|passed away|is dead|dying)\b")
# Round 10: the ordinary reading taken back in a fragment of its own ("Taking the .30-06 out… Not hunting.",
# "Tapping out. Not from the job.", "Calling the game… Not talking about hockey."), like a policy question
# about a worker's death, counts as a weak sign for the model (0.7).
READING_TAKEN_BACK = re.compile(r"(?:and |but )?not (?:talking about|about (?:the|work|my job)|from (?:the|my) (?:job|work)|for work|"
                                r"because (?:of work|i quit)|hunting|fishing|quitting|retiring|on vacation|on holiday)(?: [a-z]+)?")
# "burned my wrist on the kettle on purpose": nothing explains a sign done on purpose.
# Round 11c: signs listed after "warning signs", "red flags", "signs like" by someone not saying they are
# their own ("Training module asks us to list warning signs — giving things away, saying goodbye, talking
# about being a burden"): a topic named, not said. Not after "I have", "I'm showing", "my".
LISTED = re.compile(r"\b(?:warning signs?|red flags?|risk factors?|signs (?:like|such as|include|including|are)|"
                    r"(?:list|name|spot|recogni[sz]e|notice|know) (?:the |common |typical )?signs?)\b(?:[^a-z]|$)")
OWNED_LIST = re.compile(r"\b(?:i|me|my|myself|mine)\b")
ON_PURPOSE = re.compile(r"\b(?:on purpose|deliberately|intentionally)\b")
# "respawned 40 times on that level, i want to die lmao": a laugh about a game is a figure of speech.
GAMING = re.compile(r"\b(?:respawn\w*|(?:that|this|the|next|final) level|boss fight|raid|ranked|lobby|noob|speedrun\w*|controller|final boss)\b")
# "kms, left my charger at the drop in again": the slang said as an exclamation before a complaint.
INTERJECTION = re.compile(r"^\s*(?:ugh |omg |lol |bro )?(?:kms|kmn|kys)\s*[,.!]+\s*(?=\S)", re.IGNORECASE)
# "for me, not for the training module": work talk disowned does not explain a sign away.
NOT_FOR_WORK = re.compile(r"\bnot (?:for|about) (?:the |a |my |work|a client|the client)(?:[a-z]{1,12} )?(?:training|module|"
                          r"course|class|work|job|client|clients|participant|group|workshop)?\b")
# Up on a roof or an overpass for a reason: fixing the gutters, waiting for the parade.
UP_THERE_FOR = re.compile(r"\b(?:fixing|repairing|cleaning (?:the|out the)|gutters?|shingles|painting|installing|"
                          r"christmas lights|solar panels?|antenna|waiting for (?:the |a |my )?(?:parade|bus|train|ride|"
                          r"friends?|you|them|fireworks)|watching the (?:parade|fireworks|game|view|sunset|sunrise|match)|"
                          r"come find me|anyone else here|photo|sunrise|sunset|fishing|fisherman|nets|meet for coffee|diner)\b")
# "Tonight I'm finally going to end it. The group chat, I mean.": the writer says what "it" was.
# Only a thing named ("the group chat", "that project"), never "my life", "me" or "that literally".
I_MEAN = re.compile(r"\b(?:the|our|that|this) (?!life\b)[a-z]+(?: [a-z]+){0,8} , i mean\b(?! (?:it|that|every word)\b)|"  # round 11: "…, I mean it" (or "that") insists
                    r"\b(?:was|is|were) (?:about|over) (?:my|the|that|this|a) (?:group project|project|exam|essay|report|game|"
                    r"shift|spreadsheet|assignment|meeting|rota|deadline|match)\b|"
                    r"\bi mean(?:t)? (?:the|our|this|that) (?!life\b|literally\b|seriously\b|it\b|in\b|with\b|100\b|sincerely\b|truly\b|"
                    # round 11c: "Best people I've ever worked with, I mean that. Please look after…": the next sentence's word
                    r"please\b|i\b|you\b|we\b|and\b|so\b|thank\b|thanks\b|really\b)[a-z]+|"
                    # round 11: the writer's own words, said of something else ("when I say I want to die about the
                    # exam I mean only stress")
                    r"\bwhen i say\b[a-z ]{1,60}\bi (?:only |just )?mean(?:t)? (?:only|just) (?!it\b|(?:that|this)(?= *$| *,))[a-z]+")
# An ordinary reason given for being out of touch ("if I don't log on, it's because the storm took
# the power out"): the model does not overrule it.
ORDINARY_REASON = re.compile(r"\b(?:it is|its|that is|thats|it will be) because (?:the|my|of the|of my) (?:storm|power|"
                             r"internet|wifi|wi fi|phone|battery|car|kids?|flight|train|bus|snow|ice)\b|snowed in|phone line|no signal|"
                             r"no reception|check the nets|back before dark|just responsible|pre ?plan\w*|leaving (?:do|party|drinks)|"
                             r"plumber|electrician|contractor|lockbox|courier|"
                             r"\b(?:power|internet|wifi) (?:is |went |was |goes )?(?:out|down)\b")
# A plan for the evening that is an evening: "I've got a plan for tonight: pizza, hot bath, in bed by 9".
LEISURE = re.compile(r"\b(?:pizza|bath|bubble bath|movie|movies|netflix|takeout|takeaway|early night|in bed by|"
                     r"popcorn|binge|game night|date night|gym|yoga|karaoke|concert|cinema|board games?|bingo)\b")
# On a bridge in traffic, on the tracks in a train: a place that is only on the way somewhere.
TRANSIT = re.compile(r"\b(?:traffic|stuck|bus(?! (?:depot|station|stop|terminal|loop|garage))|late|detour|"
                     r"construction|commute|ferry|stalled|train is|delayed|looking for (?:my|the) (?:car|truck|van|bike)|"
                     r"which level|where i parked)\b")
# Lived experience told as such, anywhere in the message ("I've been there, wanting to die, and I
# came through"): signs in a sentence with nothing of the present in it are the past.
LIVED = re.compile(r"\b(?:long behind me|behind me now|(?:is|are|was) behind me|now i (?:work|help|am a peer)|i work here now|sober (?:for )?[0-9]+ (?:years?|months?)|clean (?:for )?[0-9]+ (?:years?|months?)|(?:narcan|naloxone) saved me|(?:got|helped|pulled) me through|the turning point|(?:it has|its|it is) been (?:a few|many|several|a couple of|[0-9]+|two|three|four|five|six|seven|eight|nine|ten) years(?! as of| on| this| next| come| by)|i am (?:[0-9]{2}|twenty|thirty|forty|fifty|sixty|seventy|eighty)(?: [a-z]+)? now|the new me|those days are (?:long )?(?:gone|over|behind me)|(?:got|get) (?:her|him|them|it) back|(?:weeks|months|years) later|i came through|i made it through|i got through|i have been there|my lived experience|"
                   r"i share (?:that|it|this|my story)|in my trainings|why i do this (?:work|job)|i survived|"
                   r"(?:start|part|beginning) of my recovery|my recovery (?:journey|story)|"
                   # round 9: the past said by what changed since ("glad I was wrong", "I don't feel that way
                   # now", "stood on a bridge and came back", "my first year of recovery")
                   r"glad i was wrong|(?:i was|turns out i was|and i was) wrong about that|i (?:do not|no longer|never) "
                   r"(?:feel|think|believe) (?:that|like that|that way|it)(?: way)? (?:now|anymore|any more|these days)|and came back"
                   r"(?= *$| *,| from it| alive| down)|(?:first|early|second|first few) (?:year|years|months|weeks) of (?:my )?recovery|"
                   r"spent (?:years|months|a long time|most of my [a-z0-9]+) (?:thinking|believing|feeling|convinced)|"
                   # round 11c: "I had a suicide attempt after my divorce, long since recovered"
                   r"(?:long since|since|fully|well|long) recovered|recovered (?:long ago|years ago|since then|fully))\b")
# Round 11: the present said to be different after a sign told in the past tense ("Before, I thought about
# suicide every day. Now it is gone", "I was suicidal, very dark time. Now I am strong", "very much in my past").
CHANGED_SINCE = re.compile(r"\bnow (?:it is|its|that is|thats|all that is|all of it is) (?:gone|over|past|behind me|different)\b|"
                           r"\bnow i am (?:strong|stronger|ok|okay|fine|well|better|good|safe|stable|happy|healthy|in recovery)\b|"
                           r"\b(?:very much|firmly|well|long|all) in (?:my|the) past\b|\bhow (?:things|it all|everything|life) turned\b")
# A question put to the writer ("my supervisor asked if I'm having thoughts of suicide") and answered
# no in a sentence after it ("honestly no."): the sign is in the question, and the answer denies it.
QUESTION_PUT = re.compile(r"\b(?:asked|asks|asking|ask) (?:me )?(?:if|whether) i\b")  # round 11: "supervisor ask me if…"
ANSWERED_NO = re.compile(r"^(?:(?:honestly|truthfully|i said|i told (?:her|him|them)|and|the answer is|answer is) )?"
                         r"(?:no|nope|not really)(?= *$| *,| i am not| i do not| not)")
PRESENT = re.compile(r"\b(?:now|again|right now|today|tonight|lately|these days|still|anymore|currently|this week)\b")
# Categories whose every sign, not only the composed ones, an explanation in the sentence can
# explain away (bot.safety.warning_words.EXPLAINED): meds to pick up, a dose in a training, pills with breakfast.
EXPLAIN_ALL = {"means", "method", "means-ready", "overdose", "self-harm"}
# Said laughing after "so bad", "so boring": a figure of speech even for plain ideation.
HYPERBOLE = re.compile(r"\bso (?:bad|boring|awful|cringe\w{0,3}|embarrassing|awkward|funny|long|dull|painful|slow|"
                       r"terrible) (?:that )?i (?:wanted to|want to|could have|could|almost|nearly|literally|just) "
                       r"(?:die|died|diee+)\b")
# "That training was so dull I wanted to shoot myself": a thing that was so bad, told in the past,
# is a figure of speech even without a laugh (never "I want to", which stays a sign).
PAST_HYPERBOLE = re.compile(r"\b(?:was|were) so (?:bad|boring|awful|dull|tedious|long|painful|slow|terrible|cringe\w{0,3}|"
                            r"embarrassing|awkward) (?:that )?i (?:wanted to|could have|almost|nearly|literally) "
                            r"(?:die|died|shoot myself|kill myself|hang myself|stab myself|jump off)\b")
# A worker asking how to help, about a topic of crisis work: the note with the lines, even with no sign.
CRISIS_TOPIC = re.compile(r"\b(?:suicid\w{0,5}|self harm\w{0,3}|safety plan\w{0,4}|crisis|overdos\w{0,3}|cutting|"
                          r"kill (?:himself|herself|themselves)|want(?:s|ed)? to die|attempt(?:ed)?)\b")
# Only plain statements of ideation, self-harm or an overdose count through laughter.
PLAIN = {"ideation", "self-harm", "overdose"}
# Weak signs that say nothing even together: "tonight" and a thought that keeps coming back.
IDLE = {"time", "rumination"}
# Means-ready signs that can be a weapon: beside an intent to hurt someone they are part of it;
# pills saved or counted are the writer's own danger whatever else is said.
WEAPONS = {"have-the-means", "weapon-in-reach", "gun-looked-up", "holding-means", "with-the-means", "loaded-it"}
# Pairs of weak signs that say nothing together either: "sorry! still thinking about it", "heading
# to the lake this weekend".
IDLE_PAIRS = ({"goodbye", "rumination"}, {"affairs", "time"}, {"travel", "time"}, {"means-named", "time"}, {"means-named", "rumination"},
              {"means-named", "travel"}, {"means", "means-named"})


@dataclass(frozen=True)
class Reading:
    """What the detector found. `why` names the signs and how each was read (never the text);
    `rest` is the text without its crisis sentences: the question, if there was one. `towards` is
    "others" when the crisis is an intent to hurt someone else, "self" otherwise."""

    level: str
    why: tuple[str, ...] = ()
    rest: str = ""
    towards: str = "self"


_MARKUP = re.compile(r"<[^<>]*>")  # never across another "<": one pass, however many "<" there are
# (pattern, replacement, whether it can only match where there is an apostrophe): most messages
# typed quickly have none, and skipping those patterns keeps normalising cheap.
_CONTRACTED = [(re.compile(pattern), replacement, "'" in pattern and "'?" not in pattern)
               for pattern, replacement in CONTRACTIONS]
_WITHOUT = re.compile(r"\bw/o\b")
_TWO = re.compile(r"\b(want|wanna|going|need|have|plan|trying) 2\b")
_PAUSES = re.compile(r"[,;:()\"\u201c\u201d]")
_OTHER = re.compile(r"[^a-z0-9,]+")
_ANY_MORE = re.compile(r"\bany more\b")
# Round 11: "bridge" as a card game or as a stopgap ("the bridge club tonight", "bridge housing", "a bridge
# prescription") is not a place to jump from: named as what it is, for the tables and the model alike (retrained
# on round 10's question sets, the model read "I'm going back to the bridge club tonight" as a crisis).
_BRIDGE_GAME = re.compile(r"\bbridge (?=(?:club|clubs|night|game|games|tournament|partners?|lessons?|players?|table|evening|afternoon)\b)")
_BRIDGE_STOPGAP = re.compile(r"\bbridge (?=(?:program|programs|programme|housing|funding|loan|shelter|clinic|team|worker|role|"
                             r"position|grant|meds|medication|prescription|script|supply|bed|beds|placement)\b)")

_FOR_ALWAYS = re.compile(r"\bfor (?:always|ever)\b(?! (?:since|after|and a day)\b)")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    # Each step runs only when the text has what it works on: most messages are short and plain.
    if "<" in text:
        text = _MARKUP.sub(" ", text)  # platform mentions and links carry no words of their own
    apostrophe = "'" in text
    for pattern, replacement, needs_apostrophe in _CONTRACTED:
        if apostrophe or not needs_apostrophe:
            text = pattern.sub(replacement, text)
    text = text.replace("'", "")
    if "w/o" in text:
        text = _WITHOUT.sub("without", text)
    if " 2" in text:
        text = _TWO.sub(r"\1 to", text)
    text = _PAUSES.sub(" , ", text)
    text = _OTHER.sub(" ", text)  # sentences are split already: their full stops go too
    text = " ".join(WORDS.get(w, w) for w in text.split(" ") if w)
    if "any more" in text:
        text = _ANY_MORE.sub("anymore", text)
    if "bridge " in text:
        text = _BRIDGE_STOPGAP.sub("interim ", _BRIDGE_GAME.sub("cards ", text))
    if "once and for all" in text:  # not "once" of the past ("I once tried")
        text = text.replace("once and for all", "for good")
    if "for always" in text or "for ever" in text:  # round 11: translated ("para siempre", "pour toujours", "für immer")
        text = _FOR_ALWAYS.sub("forever", text)
    return SUPPORTED.sub(r"\1", text) if (" i " in text or " we " in text) else text


def _clause_before(tokens: list[str], start: int) -> list[str]:
    out: list[str] = []
    for token in reversed(tokens[:start]):
        if token in BOUNDARIES:
            break
        out.insert(0, token)
    return out


def _negated_before_or(tokens: list[str], start: int, before: list[str]) -> bool:
    """"no plans to use or hurt myself": a clause after "or" shares the negation of the one before."""
    at = start - len(before) - 1
    return at >= 1 and tokens[at] in ("or", "nor") and _negated(_clause_before(tokens, at))


def _negated(before: list[str]) -> bool:
    for token in reversed(before):
        if token in NEGATIONS:
            return True
        if token not in CARRIERS:
            return False
    return False


def _subject(before: list[str], reach: int = 6) -> str | None:
    window = before[-reach:]
    for at in range(len(window) - 1, -1, -1):
        token = window[at]
        # "I'm the one who's going to…": "who" stands for the writer
        if token == "who" and window[max(0, at - 4):at] == ["i", "am", "the", "one"]:
            return "i"
        if token in FIRST or token in THIRD:
            return token
    return None


def _carried_subject(tokens: list[str], start: int, before: list[str]) -> str | None:
    """"she has been giving her stuff away and talking about…": a clause that starts with a verb
    after "and" shares the subject of the clause before it."""
    at = start - len(before) - 1
    if at < 1 or tokens[at] != "and" or not (before or tokens[start:start + 1]):
        return None
    first = (before or tokens[start:start + 1])[0]
    if not first.endswith("ing"):
        return None
    return _subject(_clause_before(tokens, at), reach=8)


def _reported_by_other(sentence_before: list[str]) -> bool:
    """'she said I want to die': the words are someone else's, quoted."""
    for i in range(len(sentence_before) - 1, -1, -1):
        if sentence_before[i] in CONTRASTS:
            return False  # "everyone keeps saying it gets better but I'm…": the writer speaks after "but"
        if sentence_before[i] in REPORTING and not (sentence_before[i] in UNMARKED and i > 0
                                                    and sentence_before[i - 1] in NOT_REPORTING_AFTER):
            if any(t in ("if", "when", "whenever", "unless") for t in sentence_before[max(0, i - 8):i]):
                return False  # "if he says one more thing I'm going to…": a condition, not a quote
            # round 11: six words back, for a subject with a place after it ("the teen at the drop in wrote…")
            reporter = _subject(sentence_before[:i], reach=6)
            if reporter is None and any(t in ("their", "his", "her") for t in sentence_before[max(0, i - 4):i]):
                return True  # "their last message said 'sorry for everything'"
            return reporter is not None and reporter not in FIRST
    return False


# How far placing a match looks either side of it, in words: a clause, a reporting verb and its
# subject fit easily; the bound keeps a 40,000-character sentence full of matches linear.
WINDOW = 30


def _place(kind: str, match: re.Match[str], sentence: str, tokens: list[str]) -> tuple[str, bool] | None:
    """Where one match belongs: ('self' | 'others' | 'denied' | 'past', whether the writer named
    themselves), or None when it is not a real match."""
    start = sentence.count(" ", 0, match.start())
    lo = max(0, start - WINDOW)
    tokens = tokens[lo:start + (match.end() - match.start()) + WINDOW]
    start -= lo
    before = _clause_before(tokens, start)
    named = kind == "self"
    if kind == "others":
        return "others", False
    if kind == "danger":
        if not any(t in PERSONS for t in before[-4:]):
            return None
    elif kind == "subject":
        subject = _subject(before) or _carried_subject(tokens, start, before)
        if subject is not None and subject not in FIRST:
            return "others", False
        named = subject is not None
    if kind in ("self", "subject") and _reported_by_other(tokens[:start]):
        return "others", False
    if _negated(before) or (match.groupdict().get("neg")) or _negated_before_or(tokens, start, before):
        return "denied", named
    end = start + match.group(0).count(" ") + 1
    clause_after = []
    for token in tokens[end:]:
        if token in BOUNDARIES:
            break
        clause_after.append(token)
    # The past reaches back over "and" to the start of the sentence ("in my twenties I was in a dark
    # place and thought about suicide"), but not past a word of the present ("…but now I want to die").
    earlier: list[str] = []
    for at, token in enumerate(reversed(tokens[:start])):
        # "two years ago today" (round 11: or "tonight"): an anniversary, not the present
        if token in NOW and not (token in ("today", "tonight") and start - at - 2 >= 0 and tokens[start - at - 2] == "ago"):
            break
        earlier.insert(0, token)
    if PAST.search(" ".join(earlier + tokens[start:end] + clause_after)):
        return "past", named
    # "I was suicidal after my son was removed, six years ago": a sign told in the past tense, with
    # when it was after a comma and nothing of the present after it, is the past too.
    rest = tokens[end:]
    if PAST_TENSE & set(tokens[max(0, start - 3):end]) and not NOW & set(rest) and PAST.search(" ".join(rest)):
        return "past", named
    # "I want to die too, it was long time ago": a clause after the comma that dates what came before.
    if not NOW & set(rest) and DATED_BACK.match(" ".join(rest)):
        return "past", named
    return "self", named


# The trained model (bot.safety.crisis_model): a first-person message with no sign at all that sounds
# this much like a crisis gets the note; see `_lifted` for when it gives the crisis reply.
MODEL_NOTE = crisis_model.NOTE
# A death word in a figure of speech ("die-hard fans", "dying to know"): the tables read these as
# nothing, and a model that weighs "die" and "ways to" must not overrule them.
IDIOMS = re.compile(r"\b(?:die ?hard|diehard|dying to (?:know|see|try|hear|meet|get|go)|killing it|killed it|to die "
                    r"for|dead tired|dead on my feet|(?:bored|scared|worried) to death|dead battery|battery (?:is|was|"
                    r"died)|over my dead body|could kill for|would kill for|killer (?:headache|workout|view)|shoot me "
                    r"(?:a|an) (?:message|email|text|dm|line)|break a leg|jumping ship|(?:going to|gonna) die if)\b")
# The model hears a crisis but not whose: a harm verb aimed at someone ("burn down my landlord's
# house", "strangle the intake coordinator") turns its reply towards others, which carries the
# emergency number and the lines as the reply for oneself does.
AIMED = re.compile(r"\b(?:hurt|stab|shoot|strangle|choke|beat|attack|poison|punch|smash|kill|burn down|"
                   r"hurting|stabbing|shooting|strangling|choking|beating|attacking|poisoning|punching|smashing|killing) (?:up )?"
                   r"(?:that|this|the|my|his|her|their|him|them|everyone|somebody|someone)\b(?!self| self)|"
                   # round 8: the same aim in other words: ending or finishing him, breaking his jaw, running
                   # someone over, making them pay, standing over her with something
                   r"\b(?:end|ending|finish|finishing) (?:him|her|them)\b|\b(?:break|breaking) (?:his|her|their) |"
                   r"\brun (?!it\b|this\b|that\b|out\b|them over to)[a-z]+ over\b|"
                   r"\b(?:make|want) (?:him|her|them|my [a-z]+|[a-z]+) (?:to )?pay for what|"
                   r"\b(?:standing|stood|stand) over (?:him|her|them) with\b|"
                   # round 9: a harm verb aimed at someone named ("going to hurt colin"), a thing to be
                   # used on someone, running someone down, someone getting what is coming or feeling
                   # what another felt, going round to someone's with petrol
                   r"\b(?:going to|will|intend to|want to|plan to|planning to) (?:hurt|stab|shoot|strangle|choke|beat|"
                   r"attack|poison|punch|kill|batter) (?!myself\b|me\b|my ?self\b|it\b|this\b|that\b)[a-z]+|"
                   r"\buse (?:it|this|that|the [a-z]+|them) on (?:him|her|them|my (?!own\b|self\b|skin\b|arms?\b|legs?\b|wrists?\b|hair\b|face\b)[a-z]+)\b|"
                   r"\b(?:run|running|ran) (?:him|her|them) down\b|"
                   r"\b(?:get|gets|getting) (?:what is|whats|what he deserves|what she deserves|what they deserve)(?: coming)?\b|"
                   r"\b(?:he|she|they) (?:is|are|will be) (?:going to|gonna) (?:feel|suffer|get|find out|know|learn) (?:what|how|hurt)\b|"
                   r"\b(?:make sure|see to it) (?:he|she|they) (?:gets?|get) hurt\b|"
                   r"\b(?:going|heading|driving|go) (?:round|over|around)\b[a-z0-9 ]{0,30}with (?:a |the |my )?"
                   r"(?:can of |jerry can of )?(?:petrol|gasoline|lighter fluid)\b|"
                   # round 10: putting someone in the ground or the hospital, breaking every bone in a face,
                   # someone who has it coming or is going to regret it, a thing used on the guy who…, a house
                   # burned with him in it, someone getting hurt at a meeting ("end it for him", "what this is
                   # doing to them" and "I had it coming" are left out: as often the writer's own)
                   r"\b(?:put|putting|puts) (?:him|her|them) in (?:the )?(?:ground|hospital|grave|morgue|icu|er)\b|"
                   r"\bevery bone in (?:his|her|their)\b|"
                   r"\b(?!i\b)[a-z]+ (?:has|had) it coming\b|\bthey have it coming\b|\b(?:he|she|they) (?:is|are|will be) (?:going to|gonna) regret\b|"
                   r"\b(?:he|she|they) will regret\b|\buse (?:it|this|that) on (?:the|that) [a-z]+ (?:who|that)\b|"
                   r"\bwith (?:him|her|them) (?:in it|inside)\b|"
                   r"\b(?:is|are|will be) (?:getting|going to get|gonna get) hurt (?:at|on|tomorrow|tonight|this|next)\b|"
                   r"\bfind (?:him|her)\b[a-z ]{0,30} and (?:end|finish|hurt|kill|deal with) (?:it|him|her)\b|"
                   r"\bknow where (?:he|she|my (?:ex|boss|manager|supervisor|landlord|[a-z]+s (?:new )?[a-z]+)|the (?:area |new |night )?"
                   r"(?:manager|boss|supervisor|foreman|landlord|guy)) (?:is )?(?:lives?|living|parks?|parking|works?|working|sleeps?|sleeping|"
                   r"drinks?|drinking|stays?|staying)\b|"
                   r"\bif (?:he|she|they) (?:does|do|says|tries) (?:it|that|this) again\b|"
                   # round 11: breaking him, making sure he never walks again, "him, not me"
                   r"\b(?:break|breaking) (?:him|her|them)\b|\bmake sure (?:he|she|they) (?:never|can not|will not) (?:walks?|works?|"
                   r"talks?|sees?|touch(?:es)?|hurts?) (?:again|anyone)\b|\b(?:him|her|them) (?:, )?not me\b")
# Round 11: the writer's own intent to harm someone, said in the first person.
OWN_AIM = re.compile(r"\bi (?:am|will) (?:going |gonna )?(?:[a-z]+ ){0,3}(?:to )?(?:kill|hurt|stab|shoot|strangle|beat|attack|"
                     r"poison|punch|batter) (?:him|her|them)\b")
# Round 11: the writer saying outright that the end is someone else's ("…to end this for good, him not me") turns
# the crisis towards them whatever else was heard.
REDIRECTED = re.compile(r"\b(?:him|her|them) (?:, )?not me\b|\bnot me (?:, )?(?:him|her|them)\b")
# Signs that say nothing of whom they are for: a weapon, a means, a time, a plan. Beside a harm verb
# aimed at someone ("going to hurt my brother-in-law tonight … I have the knife ready") they are that intent.
UNAIMED = {"means", "weapon", "time", "plan", "hopeless"}  # round 10: "…with him in it. i'm done"


def _lifted(found: list[tuple[str, str, str]], helping: bool, text: str, sounds: Callable[[], float],
            implied: bool = False, death_asked: bool = False, laugh_apart: bool = False,
            own_aim: Callable[[], bool] = lambda: False) -> bool:
    """Whether the trained model hears a crisis the signs did not: people who never saw the tables
    say it in words the tables do not hold ("who gets the cat", "the one who finds me"). Never for a
    worker asking how to help, a message whose signs are someone else's, denied or in the past, or a
    laugh: those the tables read better than any model (leave-one-round-out, each of these was a false
    alarm of the model's)."""
    # (a time placed on someone else says nothing of whose it is: "can someone water my plants after this week?")
    # (round 11: a laugh in a sentence of its own, away from every sign of the writer's, does not make a joke of
    # them: "I've got a hose and tape in the back for later. The team meeting was about 'resilience' lol.")
    # (round 11: a grievance told first and then the writer's own intent to harm: "The man who sold my son the
    # pills that killed him … I am going there now to kill him." The son's death is placed on someone else, the
    # intent is the writer's: someone else's sign does not keep the model away from it.)
    if helping or (LAUGH.search(text) and not LAUGH_TAKEN_BACK.search(text) and not laugh_apart) or (any(
            where != "self" and not (where == "others" and category == "time") for category, _, where in found)
            and not own_aim()):
        return False
    # a weak sign of the writer's own already heard asks less of the model than a message with none;
    # a subject only implied asks more, sign or none (round 10: "Walked out into the snow tonight…")
    if implied:
        return sounds() >= crisis_model.LIFT_IMPLIED
    signed = death_asked or any(where == "self" for *_, where in found)
    return sounds() >= (crisis_model.LIFT_SIGNED if signed else crisis_model.LIFT)


# What each category is worth alone (composed categories share their table's name and worth).
ALONE = {c.name: c.alone for c in CATEGORIES}


def _combine(found: list[tuple[str, str, str]], helping: bool, sounds: Callable[[], float] = lambda: 0.0,
             topic: Callable[[], bool] = lambda: False) -> tuple[str, str]:
    """(level, towards) from every sign found, as (category, name, where); `helping` is a worker
    asking how to help someone, who gets the note whenever any sign was about that person;
    `sounds()` is the trained model's likeness, asked for only when it could matter."""
    own = [(category, name) for category, name, where in found if where == "self"]
    alone = ALONE
    harm = any(category == "harm" for category, _ in own)
    strong = {category for category, _ in own if alone[category] == "crisis"}
    # A means ready beside an intent to hurt someone ("bought a gun to deal with my neighbour") is part
    # of that intent; anything else of the writer's own (ideation, self-harm) makes it about them.
    weapon_only = {name for category, name in own if category == "means-ready"} <= WEAPONS
    if strong - {"plea", "means-ready" if weapon_only else "plea"} or (strong and not harm):
        return CRISIS, "self"
    if harm:
        # "the bat is in my trunk", "tonight", "I need someone to stop me": part of the same intent.
        return CRISIS, "others"
    weak = {category for category, _ in own if alone[category] in ("weak", "note")}
    # Two different goodbyes, steps of a plan, or ways of readying a means, are a preparation; two
    # different threats ("is going to get hurt", "I'll make sure of it") are an intent.
    for several in ("goodbye", "plan", "means", "threat"):
        if len({name for category, name in own if category == several}) > 1:
            weak.add(several + "+")
    # A threat with a weapon at hand, a time, a plan or another threat beside it is an intent to hurt someone.
    if "threat" in weak and len(weak) > 1:
        return CRISIS, "others"
    if len(weak) > 1 and not weak <= IDLE and weak not in IDLE_PAIRS:
        return CRISIS, "self"
    if "hopeless" in weak:
        return NOTE, "self"
    # Signs about someone else: a note, and so are their preparations ("my roommate said tonight's the
    # night and locked himself in"); only a time about someone else says nothing.
    if any(where != "self" and (alone[category] in ("crisis", "harm", "note", "others") or
                                (where == "others" and alone[category] == "weak" and category != "time"))
           for category, _, where in found) or (helping and found):
        return NOTE, "self"
    if helping and topic():
        return NOTE, "self"
    # Round 10: a weak sign of the writer's own, alone, no longer keeps the model's note away ("uninstalling
    # myself irl ✌️ see u never", "nothing I do is enough. not for my team…"): at least the lines.
    if not helping and all(where == "self" and alone[category] in ("weak", "note") for category, _, where in found) \
            and sounds() >= MODEL_NOTE:
        return NOTE, "self"
    return NONE, "self"


# Words in quotation marks that the writer calls a joke or says they are fine after ("I typed 'I want
# to die' in the chat as a joke, I'm fine"): the words are quoted, not said.
_QUOTED = re.compile(r"(?<![a-z])(['\"\u2018\u201c])((?:[^'\"\u2018\u2019\u201c\u201d\n]|(?<=[a-z])['\u2019](?=[a-z])){2,80})"
                     r"['\"\u2019\u201d](?![a-z])",
                     re.IGNORECASE)
_DISOWNED = re.compile(r"\b(?:as a joke|a joke|joking|kidding|"
                       r"(?:a|the) (?:song|lyric|lyrics|quote|meme|line from)|i meant (?:it )?about|not suicidal|"
                       r"(?:do not|don't|don\u2019t|did not|didn't|didn\u2019t) (?:actually|really|literally) (?:want|mean)|"
                       r"to clarify|clarifying|for the record|"
                       # round 11c: "my 'I've put my affairs in order' comment was about Mom's power of attorney paperwork"
                       r"(?:comment|message|post|remark|text|line|joke|status) (?:was|were) (?:about|referring to|meant about))\b",
                       re.IGNORECASE)

# Words quoted after someone else says them ("when someone says 'i just want it all to stop'") are
# that person's: a worker asking how to answer them gets the note, not the reply meant for the writer.
_REPORTED = re.compile(r"\b(?:someone|somebody|(?:(?:a|the|my|one) )?(?:client|participant|person|peer|member|friend|resident|"
                       r"guy|woman|man|sponsee|teen|youth|kid|girl|boy|lady|patient|guest)(?: (?:i|we) (?:support|work with|see|"
                       r"visit))?|they|he|she|people) (?:says|said|say|tells me|told me|wrote|writes|texted|posted|"
                       # round 11: "Person I support send me text 'goodbye, thank you for everything'"
                       r"messaged|sent me|send me|sends me)\b", re.IGNORECASE)
# The verbs alone, looked for first: most messages have none, and the whole pattern costs more to try.
_REPORTED_VERB = re.compile(r"\b(?:s(?:ays?|aid|ent me|ends? me)|t(?:ells me|old me|exted)|wr(?:ote|ites)|posted|messaged)\b")


def read(text: str) -> Reading:
    """Read `text` for warning signs; see the module docstring for how."""
    # "kms, left my charger again": the slang as an exclamation before a complaint says nothing more.
    text = INTERJECTION.sub("", text)
    # Quoted words someone else said, or called a joke or a lyric, are read as "those words"; still a
    # note: someone typed them, and the lines cost nothing to show.
    for whose, tag in ((_REPORTED, "quoted:others"), (_DISOWNED, "quoted:denied")):
        if (whose is not _REPORTED or _REPORTED_VERB.search(text.lower())) and whose.search(text):
            text_read = _QUOTED.sub(r"\1those words\1", text)
            if text_read != text:
                reading = read(text_read)
                return Reading(NOTE if reading.level == NONE else reading.level, reading.why + (tag,),
                               text, reading.towards)
    originals = [s for s in SENTENCES.findall(text) if s.strip(" .!?\n")]
    sentences = [normalise(original).strip(" ,") for original in originals]
    whole = " ".join(sentences)
    helping = bool(HELPING.search(whole)) and any(t in THIRD for t in whole.split(" "))
    # What explains a sign (an absence, a giveaway, lived experience, traffic, a laugh) is looked for
    # only once a sentence has a sign to explain: most sentences have none.
    context: dict[str, bool] = {}

    def about_whole(name: str, pattern: re.Pattern[str]) -> bool:
        if name not in context:
            context[name] = bool(pattern.search(whole))
        return context[name]

    def supporting(text: str) -> bool:
        if "supporting" not in context:
            context["supporting"] = bool(SUPPORTED.search(text.lower()))
        return context["supporting"]

    found: list[tuple[str, str, str]] = []
    why: list[str] = []
    explained = False  # a sign the words around it explained away: the model does not overrule that
    signs_in: list[bool] = []
    for original, sentence in zip(originals, sentences, strict=True):
        worth = _worth_trying(sentence)
        placed: list[tuple[str, str, str, re.Match[str]]] = []
        if not worth:
            signs_in.append(False)
            continue
        tokens = sentence.split(" ")
        # "asking for a friend lol" is a deflection, not a joke
        joking = (bool(LAUGH.search(original)) and "for a friend" not in sentence and not about_whole("serious", SERIOUS)
                  and not LAUGH_TAKEN_BACK.search(text))
        if (joking and (HYPERBOLE.search(sentence) or GAMING.search(sentence))) or PAST_HYPERBOLE.search(sentence):
            signs_in.append(False)
            continue  # "the movie was so bad I wanted to die lol": a laugh at a figure of speech
        here: dict[str, bool] = {}  # the sentence's own context, looked for once and only when needed

        def about_sentence(name: str, pattern: re.Pattern[str], sentence: str = sentence, here: dict[str, bool] = here) -> bool:
            if name not in here:
                here[name] = bool(pattern.search(sentence))
            return here[name]

        first_spans: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
        listed_at: dict[str, int] = {}
        for index in worth:
            category, name, kind, _, _ = SIGNS[index]
            pattern = _pattern(index)
            if joking and category.name not in PLAIN:
                continue
            for match in pattern.finditer(sentence):
                where = _place(kind, match, sentence, tokens)
                if where is None:
                    continue
                place, named = where
                if place == "self":
                    if "listed" not in listed_at:  # once a sentence: the first list named in it, and whether it was owned
                        listed = LISTED.search(sentence)
                        listed_at["listed"] = (listed.end() if listed and not OWNED_LIST.search(sentence, 0, listed.start())
                                               else len(sentence) + 1)
                    if listed_at["listed"] <= match.start():
                        place = "listed"
                if helping and place == "self" and (not named or (category.name == "danger" and supporting(text))):
                    place = "others"  # round 10: "a guy I support … has got a gun … what do I do": his, not a danger to the writer
                if place == "self" and about_whole("lived", LIVED) and not about_sentence("present", PRESENT):
                    place = "past"
                if (place == "self" and about_whole("changed", CHANGED_SINCE) and not about_sentence("present", PRESENT)
                        and PAST_TENSE & set(tokens[max(0, sentence.count(" ", 0, match.start()) - 3):
                                                    sentence.count(" ", 0, match.end()) + 1])):
                    place = "past"
                if (place == "self" and category.name in EXPLAINED and (name in COMPOSED_NAMES or category.name in EXPLAIN_ALL)
                        and about_sentence("explained:" + category.name, EXPLAINED[category.name])
                        and not about_whole("not-for-work", NOT_FOR_WORK) and not about_sentence("on-purpose", ON_PURPOSE)):
                    explained = True
                    continue  # a cut while cooking, meds to pick up, a lethal dose in a training
                if (category.name in ("farewell", "goodbye") and about_whole("absent", ABSENCE)
                        and not about_whole("absence-taken-back", ABSENCE_TAKEN_BACK)
                        and not about_sentence("for-good", FOR_GOOD)) or (
                        category.name == "goodbye" and about_whole("giveaway", GIVEAWAY)) or (
                        name in FAREWELL_GIVEAWAYS and about_whole("decluttering", DECLUTTERING)) or (
                        name == "in-case" and about_sentence("carried", CARRIED)) or (
                        category.name == "at-place" and (about_sentence("transit", TRANSIT)
                                                         or about_whole("up-there-for", UP_THERE_FOR))) or (
                        category.name in ("plan", "time") and about_sentence("leisure", LEISURE)) or (
                        category.name in ("ideation", "plan", "time") and about_whole("i-mean", I_MEAN)):
                    explained = True
                    continue
                # Two patterns reading the same words ("a note for my kids") are one sign, not two
                # goodbyes: a name whose first match overlaps another name's, in the same category and
                # place, does not count again. (First matches only: a handful per sentence, so a
                # 40,000-character sentence of matches stays linear.)
                key = (category.name, place)
                if name not in first_spans.setdefault(key, {}):
                    if any(a < match.end() and match.start() < b for a, b in first_spans[key].values()):
                        continue
                    first_spans[key][name] = (match.start(), match.end())
                placed.append((category.name, name, place, match))
        # where a question put to the writer and answered no starts: looked for once per sentence, when a sign needs it
        question_at: list[int] = []
        for category_name, name, place, match in placed:
            if place == "self":
                if not question_at:
                    question = QUESTION_PUT.search(sentence)
                    answered = question and any(ANSWERED_NO.search(later) for later in sentences[len(signs_in) + 1:])
                    question_at.append(question.start() if question and answered else len(sentence))
                if question_at[0] < match.start():
                    place = "denied"
            if place in ("denied", "past"):
                # "…but I keep thinking about it": the clause after the contrast, up to the next comma.
                tail = sentence[match.end():match.end() + 300]
                contrast = BUT.search(tail)
                if contrast and AMBIVALENT.search(tail[contrast.end():].split(",")[0]):
                    place = "self"
            why.append(f"{name}:{place}")
            found.append((category_name, name, place))
        signs_in.append(any(place == "self" for _, _, place, _ in placed))
    # Round 10: a statement with its subject dropped ("Measured the drop off the grain bin today. Far
    # enough.", "Tapping out. From all of it.") is the writer's own, as terse writers and chat write it:
    # in more than one sentence, no question asked, nobody else named and no reason given ("…because the
    # coyotes have been in the coop").
    tokens_whole = whole.split(" ")
    said_first = any(t in FIRST or t in ("me", "my", "myself") for t in tokens_whole)
    implied = (not said_first and len(sentences) > 1 and "?" not in text and "because" not in tokens_whole
               and not any(t in THIRD for t in tokens_whole))
    first_person = said_first or implied
    words = whole.count(" ") + 1
    level, towards = _combine(found, helping,
                              lambda: crisis_model.distress(whole) if first_person and words >= crisis_model.NOTE_WORDS else 0.0,
                              lambda: bool(CRISIS_TOPIC.search(whole)))
    if (level == CRISIS and towards == "self" and found and AIMED.search(whole)
            and (all(c in UNAIMED or (c == "means-ready" and n in WEAPONS) for c, n, w in found if w == "self")
                 or REDIRECTED.search(whole))):
        towards = "others"
        why.append("aimed:others")
    # "What's the policy on staff who are suicidal? Asking because I am": a question about a crisis that
    # the writer then says is their own.
    if level != CRISIS and ASKING_FOR_ME.search(whole) and any(c in PLAIN | {"method", "means-ready"} for c, _, _ in found):
        level, towards = CRISIS, "self"
        why.append("asking-for-me:self")
    # …and a hypothetical the writer then calls their own: any sign, whoever it was placed on, or the
    # model hearing a crisis beside it.
    # A sentence that only waves the question off ("no particular reason") asks the model either way.
    revealed = level != CRISIS and bool(REVEALED.search(whole))
    if level != CRISIS and (revealed or any(REVEALED_SENTENCE.fullmatch(s) for s in sentences)) and (
            (revealed and found) or crisis_model.likeness(whole) >= crisis_model.LIFT_SIGNED):
        level, towards = CRISIS, "self"
        why.append("revealed:self")
    if (level != CRISIS and first_person and words >= crisis_model.LIFT_WORDS and not explained
            and not IDIOMS.search(whole) and not DECLUTTERING.search(whole) and not ORDINARY_REASON.search(whole)
            and not (LIVED.search(whole) and not PRESENT.search(whole))
            and _lifted(found, helping, text, lambda: crisis_model.likeness(whole), implied,
                        bool(WORK_DEATH.search(whole) or any(READING_TAKEN_BACK.fullmatch(s) for s in sentences)),
                        any(signs_in) and not any(signed and LAUGH.search(o) for o, signed in zip(originals, signs_in, strict=True)),
                        lambda: bool(OWN_AIM.search(whole)))):
        level, towards = CRISIS, "others" if AIMED.search(whole) else "self"
        why.append(f"model:{towards}")
    if level != CRISIS:
        return Reading(level, tuple(why), text)
    rest = " ".join(o.strip() for o, signed in zip(originals, signs_in, strict=True) if not signed)
    return Reading(level, tuple(why), rest, towards)


_LOUDNESS = {NONE: 0, NOTE: 1, CRISIS: 2}


def read_long(text: str, beyond: str) -> Reading:
    """Read a message that `bot.bounds` cut: `text` is the part the bot acts on, `beyond` the part cut
    off. Both are read for warning signs (each on its own, so the cost stays linear in the length:
    6-121 ms of CPU for 40,000 characters, depending on how dense the signs are, bench/crisis_screen.py);
    the louder reading wins. Only
    `text` is ever answered: a crisis heard beyond the cut gets support first, then the question
    from the start of the message, if there was one."""
    head = read(text)
    if head.level == CRISIS or not beyond.strip():
        return head
    tail = read(beyond)
    if _LOUDNESS[tail.level] <= _LOUDNESS[head.level]:
        return head
    rest = text if tail.level == CRISIS else head.rest
    return Reading(tail.level, head.why + tail.why, rest, tail.towards)
