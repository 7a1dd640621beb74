"""Greetings, thanks, goodbyes, "who are you", "what can you do", "help me": courtesy, not questions.

A message that is essentially only courtesy gets a short, warm reply in the bot's voice (what it
is, what it is not, two things to try, `/peer help`) instead of reaching the answerer, which would
honestly but coldly say "I don't know that one". A greeting or a thank-you followed by a real
question is the question: `split` hands back what is left after the courtesy so it can be answered.

Reading is done on a normalised copy of the text (lower case, no punctuation, stretched letters
squeezed: "heyyy" reads as "heyy") by peeling known phrases off the front, longest first; the
message is courtesy only when nothing but courtesy and filler words is left.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.actions import encode
from bot.messages import Card, Choice, Reply
from bot.patterns import lazy

# Each kind is a list of phrases (regular expressions over the normalised words).
PHRASES: dict[str, list[str]] = {
    "who": [
        r"who (?:are|r) (?:you|u|ya)", r"who(?:s| is) (?:this|that|peerbot)", r"what (?:are|r) (?:you|u)",
        r"what(?:s| is) (?:this|peerbot|peer bot|this bot|this thing)",
        r"(?:are|r) (?:you|u) (?:an? )?(?:real person|actual person|live person|human being|bot|robot|human|person|real|ai|chatbot|machine|computer)",
        r"is (?:this|that) (?:an? )?(?:real person|bot|robot|human|person|ai|chatbot|real|automated)",
        r"(?:am i|are we) (?:talking|speaking|chatting) (?:to|with) (?:an? )?(?:real person|bot|robot|human|person|ai|machine)",
        r"tell me (?:about|a bit about|more about) (?:yourself|you|peerbot)", r"introduce yourself",
        r"what(?:s| is) (?:your|ur) name", r"do you have a name", r"is anyone (?:there|real)",
    ],
    "what": [
        r"what (?:else )?(?:can|do|could) (?:you|u) (?:do|help (?:me )?with|help|help me|know|talk about|answer|tell me)",
        r"what (?:else )?(?:can|could|should|do) i (?:ask|ask you|ask about|say|type|use you for)",
        r"what (?:are|r) (?:you|u) (?:for|good for|able to do|here for)", r"what do (?:you|u) do",
        r"how (?:do|does) (?:this|you|it|peerbot) work", r"how (?:do|can|should) i use (?:you|this|peerbot|the bot|it)",
        r"what (?:are|r) your (?:commands|features|options)", r"what do (?:you|u) know(?: about)?",
        r"what (?:are|r) (?:you|u) (?:capable of|able to help with)", r"(?:show me )?what (?:you|u) can do",
        r"how can (?:you|u) help(?: me)?", r"what kind of (?:things|questions) can i ask(?: you)?",
    ],
    "help": [
        r"help(?: me)?(?: out)?", r"i (?:need|want|could use) (?:some |a little |your )?(?:help|assistance)",
        r"(?:can|could|would|will) (?:you|u) (?:please )?help(?: me)?(?: out)?",
        r"can i (?:get|have) (?:some )?help", r"can i ask (?:you )?(?:a question|something)",
        r"i have a question", r"quick question", r"(?:are|r) (?:you|u) (?:there|around|awake|on)",
        r"anyone (?:there|home)", r"how do i start", r"where do i start", r"get started", r"start",
    ],
    "greeting": [
        r"hi+", r"hey+", r"hey there", r"hell+o+", r"helo", r"hallo", r"hullo", r"howdy", r"hiya", r"yo+",
        r"greetings", r"good (?:morning|afternoon|evening|day)", r"morning", r"afternoon", r"evening",
        r"g ?morning", r"sup", r"wh?at?s up", r"wass?up", r"how (?:are|r) (?:you|u|ya)(?: doing)?(?: today)?",
        r"how(?:s| is) it going", r"how are things", r"hows your day", r"nice to meet (?:you|u)",
        r"pleased to meet (?:you|u)", r"bonjour", r"hola", r"kia ora", r"gday",
    ],
    "thanks": [
        r"thanks?", r"thank (?:you|u|ya)", r"thankyou", r"thx", r"thnx", r"thanx", r"tx", r"ty", r"tysm", r"tyvm",
        r"cheers", r"ta", r"much appreciated", r"(?:i )?(?:really )?appreciate (?:it|that|this|you|the help)",
        r"(?:that|this|it)(?:s| is| was)? (?:really |very |super |so )?(?:helpful|useful|great|perfect|good|brilliant|clear)",
        r"(?:that|this) (?:helps|helped|makes sense)", r"(?:very |really |super )?helpful", r"great", r"perfect",
        r"awesome", r"cool", r"nice", r"ok(?:ay)?", r"kk?", r"got it", r"makes sense", r"sounds good",
        r"good to know", r"brilliant", r"lovely", r"amazing", r"excellent", r"fab", r"wonderful", r"noted",
        r"(?:you(?:re| are)|ur) (?:the best|a star|great|amazing|awesome|helpful)",
    ],
    "goodbye": [
        r"bye+", r"good ?bye", r"bye bye", r"see (?:you|ya|u)(?: later| soon| tomorrow| next time| around)?",
        r"later", r"cya", r"ttyl", r"farewell", r"good ?night", r"night", r"take care",
        r"have a (?:good|great|nice|lovely) (?:day|one|night|evening|weekend|week|shift)",
        r"(?:thats|that is) (?:all|it)(?: for now)?", r"all (?:done|good)", r"im done", r"done", r"talk (?:to you )?(?:later|soon)",
    ],
}
# Words that carry no request of their own around courtesy ("thanks so much peerbot!").
FILLER = [r"please", r"pls", r"plz", r"peerbot", r"peer bot", r"bot", r"there", r"again", r"so much", r"very much",
          r"a lot", r"a ton", r"heaps", r"everyone", r"all", r"folks", r"team", r"friend", r"mate", r"buddy",
          r"you", r"u", r"oh", r"um+", r"uh+", r"hm+", r"well", r"so", r"and", r"just", r"also", r"lol", r"haha",
          r"very", r"really", r"kindly", r"for (?:that|this|the help|your help|helping|the answer|the info|everything)",
          r"to you", r"too", r"as well", r"then", r"for now", r"for today", r"again", r"x+", r"yes", r"yeah", r"yep"]

_UNITS = [(kind, p) for kind, phrases in PHRASES.items() for p in phrases] + [("filler", p) for p in FILLER]
# One alternation, one named group per kind, longest alternatives first within the regex engine's
# left-to-right choice: sorting by length makes "thank you" win over "thank".
_UNITS.sort(key=lambda kp: -len(kp[1]))
_PEEL = lazy("^(?:" + "|".join(f"(?P<u{i}>{p})" for i, (_, p) in enumerate(_UNITS)) + r")(?: |$)")
_KIND_OF = {f"u{i}": kind for i, (kind, _) in enumerate(_UNITS)}
# Kinds that may come before a real question and be dropped from it ("hi, can I…", "thanks! what is…").
PREAMBLE = frozenset({"greeting", "thanks", "filler"})


@lru_cache(maxsize=32)  # a question is normalised several times over (peel, courtesy_kind, question_after_courtesy)
def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    text = re.sub(r"[']", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"([a-z])\1{2,}", r"\1\1", text)  # "heyyyy" -> "heyy", "thanksss" -> "thankss"
    text = re.sub(r"\b(\w+?)s{2,}\b", r"\1s", text)
    return text.strip()


def peel(text: str) -> tuple[list[str], str]:
    """The courtesy kinds at the front of `text` and the normalised words left after them."""
    kinds, rest = _peeled(text)
    return list(kinds), rest


@lru_cache(maxsize=32)  # `ask` peels each question twice (courtesy_kind, question_after_courtesy)
def _peeled(text: str) -> tuple[tuple[str, ...], str]:
    rest = normalise(text)
    kinds: list[str] = []
    while rest:
        m = _PEEL.match(rest)
        if not m:
            break
        kinds.append(_KIND_OF[m.lastgroup or ""])
        rest = rest[m.end():].lstrip()
    return tuple(kinds), rest


# A short message one slip away from one of these is read as it ("thnaks", "helllo", "thank yuo").
TYPO_TARGETS = {"thanks": "thanks", "thank you": "thanks", "thankyou": "thanks", "hello": "greeting",
                "good morning": "greeting", "goodbye": "goodbye", "who are you": "who", "what can you do": "what"}


def _typo(rest: str) -> str | None:
    if not 5 <= len(rest) <= 20:
        return None
    from rapidfuzz import fuzz, process  # here: only a short message needs it (5 ms of a start)

    found = process.extractOne(rest, list(TYPO_TARGETS), scorer=fuzz.ratio, score_cutoff=80)
    return TYPO_TARGETS[found[0]] if found else None


def courtesy_kind(text: str) -> str | None:
    """The kind of a message that is only courtesy ("who", "what", "help", "greeting", "thanks",
    "goodbye"), or None when it asks or says something else too."""
    kinds, rest = peel(text)
    real = [k for k in kinds if k != "filler"]
    if rest:
        whole = normalise(text)
        return _typo(whole) if len(whole.split()) <= 3 else None
    if not real:
        return None
    for kind in ("who", "what", "help", "greeting", "goodbye", "thanks"):
        if kind in real:
            return kind
    return None


def question_after_courtesy(text: str) -> str:
    """`text` without a leading greeting or thank-you, when a real question follows; else `text`."""
    kinds, rest = peel(text)
    if not kinds or not rest or not set(kinds) <= PREAMBLE:
        return text
    # Keep the person's own spelling: drop as many words from the front as the courtesy used.
    dropped = len(normalise(text).split()) - len(rest.split())
    words = re.findall(r"\S+", text)
    kept, count = list(words), 0
    while kept and count < dropped:
        count += len(normalise(kept.pop(0)).split())
    return " ".join(kept) if kept and count == dropped else text


OPENERS = {
    "greeting": "Hi, I'm peerbot.",
    "thanks": "You're welcome, I'm glad it helped.",
    "goodbye": "Take care, and come back any time.",
    "who": "I'm peerbot, a bot, not a person.",
    "what": "Here's what I can do.",
    "help": "Happy to help.",
}
ABOUT = ("I help peer workers think through the peer role, with sources: whether a task is peer work, "
         "what words like co-reflection mean, and prompts for reflecting together.")
NOT = "I'm not a crisis service and not a clinician, and I don't replace your supervisor (/peer support has crisis lines)."
TRY = "Try \"can I drive someone to the food bank?\" or \"what is co-reflection?\"."
MORE = "/peer help lists everything."


def courtesy_reply(kind: str) -> Reply:
    text = " ".join((OPENERS[kind], ABOUT, NOT, TRY, MORE))
    return Reply(text, card=Card("peerbot", text), choices=(Choice("Show topics", encode("topics")),), private=True)


def reply_to(text: str) -> Reply | None:
    """The courtesy reply for `text`, or None when it is (also) a real question."""
    kind = courtesy_kind(text)
    return courtesy_reply(kind) if kind else None
