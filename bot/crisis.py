"""Reading crisis language in what someone said to the bot: wanting to die, hurting themselves, or
being in danger.

`read(text)` returns a `Reading` with one of three levels:

- `crisis`: a first-person statement ("I want to die", "I've been cutting again", "he's going to
  hurt me", "I took too many pills"). The bot answers with support first, privately.
- `note`: crisis words about someone else ("someone I support said they want to die"), a denial
  ("I don't want to die"), or a past experience told as lived experience ("when I was suicidal
  years ago"). The person gets their answer plus a short private note of the crisis lines.
- `none`: everything else, including everyday words that look alike ("killing it", "dying to
  know", "this shift is killing me", "suicide prevention training").

How it reads, in order: the text is normalised (lower case, contractions and common typos and
slang spelled out, "someone I support" folded to "someone"), split into sentences, and every
pattern in `PATTERNS` is matched on word boundaries. Each match is then placed:

1. **Whose is it?** Patterns that carry their own first person ("kill myself", "better off without
   me") are the speaker's, unless they are reported speech ("she said 'I want to die'"). Patterns
   that need a subject look at the nearest subject word before them: "she", "someone who" make it
   about someone else; "I" or nothing make it the speaker's. Danger patterns ("going to hurt me")
   need a person as the subject ("he", "my partner"), so "this shift is going to kill me" is not one.
2. **Denied?** "not", "never" or "no" before the match, with only small words between ("I'm not
   going to kill myself", "I have no intention of…"), makes it a denial; "I can't stop thinking
   about…" is not one.
3. **In the past?** "years ago", "used to", "as a teen" in the same clause.
4. **But…** A denial or a past experience followed by "but" and an ambivalent word ("but I keep
   thinking about it", "and now I'm doing it again") is read as a crisis after all.

We err towards offering support: a first-person statement the table half-recognises is a crisis,
and every "note" still shows the lines. Patterns live in one table below; the corpus in
`tests/data/crisis_corpus.toml` measures recall and false alarms.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CRISIS, NOTE, NONE = "crisis", "note", "none"

# -- normalising ------------------------------------------------------------------------------
# Applied in order to lower-cased text with straight apostrophes.
CONTRACTIONS: list[tuple[str, str]] = [
    (r"\bcan'?t\b", "can not"), (r"\bcannot\b", "can not"), (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "am not"), (r"n't\b", " not"), (r"\bi'm\b", "i am"), (r"'re\b", " are"),
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
    "kms": "kill myself", "kys": "kill yourself", "unalive": "kill", "unaliving": "killing",
    "sewerslide": "suicide", "suicde": "suicide", "sucide": "suicide", "suiside": "suicide",
    "suicidle": "suicidal", "sucidal": "suicidal", "suicdal": "suicidal", "suisidal": "suicidal",
    "suicidial": "suicidal", "myslef": "myself", "mysef": "myself", "myelf": "myself", "mself": "myself",
    "kil": "kill", "kll": "kill", "killin": "killing", "wnat": "want", "wamt": "want", "whant": "want",
    "dieing": "dying", "pils": "pills", "overdoze": "overdose", "oded": "overdosed",
    "hurtin": "hurting", "cuttin": "cutting", "noone": "no one", "nobody": "no one"
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
           "brother", "sister", "uncle", "roommate", "landlord", "spouse", "fiance", "family", "parents", "guy"}
THIRD = PERSONS | {"him", "her", "them", "who", "person", "people", "client", "clients", "participant", "peer",
                   "peers", "friend", "coworker", "colleague", "member", "son", "daughter", "youth", "kid",
                   "woman", "man", "anyone", "everyone"}
NEGATIONS = {"not", "never", "no"}
# Small words that may sit between a negation and what it negates ("not going to ever…").
CARRIERS = {"i", "am", "is", "are", "was", "will", "would", "could", "should", "do", "does", "did", "have", "has",
            "had", "going", "to", "want", "really", "ever", "actually", "even", "try", "trying", "plan", "plans",
            "planning", "intend", "intention", "intentions", "of", "anything", "feel", "like", "think", "thoughts",
            "about", "just", "be", "been", "seriously", "definitely", "honestly", "at", "all", "that"}
REPORTING = {"said", "says", "saying", "told", "tells", "telling", "texted", "wrote", "messaged", "mentioned",
             "posted", "shouted", "yelled", "screamed"}
PAST = re.compile(r"\b(?:years ago|a long time ago|used to|back when|when i was|as a (?:teen|teenager|kid|child)|"
                  r"when i was (?:younger|a teen|a kid)|in the past|history of|in my past|i survived)\b|"
                  r"(?<!at )\bonce\b(?! again| more)")
BUT = re.compile(r"\b(?:but|though|although|yet|however|except|and)\b")
AMBIVALENT = re.compile(r"\b(?:thinking about it|think about it|keep thinking|the thought|thoughts|part of me|"
                        r"sometimes|some days|tempted|can not stop|wish|urges?|lately|again|still|these days|"
                        r"is back|are back|came back|coming back|creeps? in)\b")

# -- the patterns ---------------------------------------------------------------------------------
# kind: "self"   carries its own first person (myself, my life, me); reported speech makes it others
#       "subject" needs the nearest subject: I or none -> the speaker's, he/she/someone -> others
#       "danger" someone threatening or hurting "me": needs a person as subject within four words
#       "others" about someone else, whoever says it
END = r"(?= *$| *,| now| anymore| like this| tonight| right now| forever| for good| tomorrow| again| ever)"
SAFE_TAIL = (r"(?= *$| *,| at home| here| with (?:him|her|them|my)| around (?:him|her|them)| tonight| right now|"
             r" anymore| in my (?:home|house|apartment|place)| going home| to go home)")
HAIR = r"(?! (?:my|your|his|her|their|the) hair)"
PATTERNS: list[tuple[str, str, str]] = [
    # wanting to die, suicide
    ("kill-myself", "self", r"(?:kill|killing|killed|hang|hanging|shoot|shooting|drown|drowning|poison|"
                            r"poisoning|suffocate|starve|starving) myself"),
    ("end-my-life", "self", r"(?:end|ending|take|taking) my (?:own )?life"),
    ("end-it-all", "subject", r"end(?:ing)? it all|(?:thinking about|think about|thought about|want to|going to|"
                              r"plan to|planning to|planned to|decided to|about to|ready to|feel like) "
                              r"end(?:ing)? (?:it|things)(?! with| early| here| there)"),
    ("want-to-die", "subject", r"(?:want|wants|wanted|wanting|wish|wishing|ready|need|deserve|going) to die"
                               + HAIR + r"(?! on (?:this|that|the) hill)"
                               r"(?! (?:of|from) (?:laughing|laughter|embarrassment|boredom|shame|cringe))"),
    ("wish-dead", "subject", r"wish(?:ed)? i (?:was|were|had) (?:dead|died|never been born|not alive|not here|gone)|"
                             r"wish(?:ed)? i (?:could )?(?:just )?(?:die|disappear forever|stop existing|did not exist|"
                             r"was not alive|was not here|were not here|not wake up|would not wake up)"),
    ("better-off-dead", "subject", r"better off dead"),
    ("better-off-without-me", "self", r"better off (?:without me|if i (?:just )?(?:died|was dead|were dead|was gone|"
                                      r"were gone|was not here|were not here|disappeared))"),
    ("nobody-would-miss-me", "self", r"no one (?:would|will|is going to) (?:even )?(?:miss|notice|care about) me|"
                                     r"no one would (?:even )?(?:care|notice) if i (?:died|was gone|were gone|"
                                     r"disappeared|was dead)"),
    ("no-reason-to-live", "subject", r"(?:no|any|not see the|not see any|not see a|what is the) (?:reason|point) "
                                     r"(?:to|in|of) (?:live|living|life|going on|being alive|being here|keep going)"
                                     r"|nothing (?:left )?to live for"),
    ("easier-without-me", "self", r"(?:easier|better) (?:for (?:everyone|everybody|them|all of them) )?if i "
                                  r"(?:was|were) (?:not (?:around|here|alive)|gone|dead)"),
    ("how-much-longer", "subject", r"how (?:much )?longer i can (?:keep going|go on|do this|take (?:it|this)|"
                                   r"hold on|keep living)"),
    ("not-want-to-live", "subject", r"(?:not|never|no longer) (?:really )?(?:want|wish) to (?:live|be alive|exist|"
                                    r"be here anymore|be around anymore|keep living|wake up" + END + r"|go on" + END +
                                    r"|keep going" + END + r")|not (?:think|know if|sure if|sure) i (?:want|can) "
                                    r"(?:to )?(?:live|be alive|be here|go on|keep going|keep living)"),
    ("cant-go-on", "subject", r"can not (?:go on|keep going|keep living|take (?:it|this) anymore|do this anymore|"
                              r"cope anymore|live like this)" + END),
    ("want-it-over", "subject", r"want (?:it all|everything|my life|all of this|it) to (?:end|stop|be over)" + END),
    ("disappear", "subject", r"want to (?:disappear forever|stop existing|not exist|not be (?:here|alive)|"
                             r"never wake up|sleep forever)|(?:sleep|go to sleep|fall asleep) and (?:never|not) "
                             r"wake up|(?:want|wanting|wish|wishing) to disappear" + END),
    ("suicidal", "subject", r"(?:am|feel|feeling|felt|be|been|was|is|are|get|getting|become|becoming)"
                            r"(?P<neg> not| never)?"
                            r"(?: so| really| very| kind of| pretty| a bit| a little| quite| actually)? suicidal"),
    ("suicidal-thoughts", "subject", r"(?:having|have|had|get|getting|got) (?:these |some |my )?(?:suicidal "
                                     r"(?:thoughts|feelings|urges|ideation)|thoughts of (?:suicide|dying|ending it))|"
                                     r"suicidal (?:thoughts|feelings|urges) (?:are |have )?(?:back|again|returned)"),
    ("thinking-of-suicide", "subject", r"(?:think|thinking|thought|plan|planning|planned) (?:about|of|on) (?:suicide|"
                                       r"committing suicide|killing myself|ending my life|taking my (?:own )?life|"
                                       r"dying|not being here|jumping)"),
    ("attempted-suicide", "subject", r"(?:attempted|attempt|commit|committing|going to commit) suicide"),
    ("suicide-note", "subject", r"(?:wrote|writing|written|write) (?:a |my )?"
                                r"(?:suicide note|goodbye (?:letter|note)s?)"),
    ("jump", "subject", r"jump(?:ing)? (?:off|from|in front of) (?:a |the |my )?(?:bridge|building|roof|balcony|"
                        r"train|subway|car|cliff|window|overpass|truck)"),
    # self-harm
    ("hurt-myself", "self", r"(?:hurt|hurting|harm|harming|cut|cutting|burn|burning) myself"),
    ("cutting", "subject", r"cutting again|(?:been|started|keep|am|was) cutting(?= *$| *,| my (?:arms?|wrists?|legs?|"
                           r"skin|thighs?)| again| lately| more)"),
    ("self-harm", "subject", r"(?:i|used to|started to|want to|going to|urge to|urges to) self harm(?:ed|ing)?|"
                             r"self harm(?:ed|ing)"),
    # overdose
    ("overdose", "subject", r"overdosed|(?:am|is|are) overdosing|(?:going|want|plan|planning|trying) to "
                            r"(?:overdose|od)(?! prevention)|(?:took|take|taken|taking|swallowed|swallow) (?:too many|"
                            r"a (?:whole )?(?:bottle|handful|bunch) of|the whole bottle of) (?:my )?(?:pills|meds|"
                            r"medications?|tablets|painkillers|sleeping pills)|(?:took|swallowed) all (?:of )?my "
                            r"(?:pills|meds|medications?) at once|(?:going to|want to|plan to|about to) "
                            r"(?:take|swallow) all (?:of )?my (?:pills|meds|medications?)|(?:pills|meds) saved up|"
                            r"(?:saving|stockpiling) (?:up )?(?:my )?(?:pills|meds)|(?:think|feel like) i am dying(?! (?:of|from|to|laughing))|"
                            r"took (?:way )?too much(?= *$| *,| of (?:my|the) (?:pills|meds|stuff|dope))"),
    # danger
    ("not-safe", "subject", r"(?:am|feel|feeling)(?: not safe| unsafe| in danger)" + SAFE_TAIL +
                            r"|not (?:feel|feeling) safe" + SAFE_TAIL + r"|(?:is|are|was) (?:not safe|in danger)" +
                            SAFE_TAIL),
    ("scared-at-home", "subject", r"(?:scared|afraid|terrified) (?:to go|of going) home|(?:scared|afraid|fearing|"
                                  r"fear) for my (?:life|safety)|(?:scared|afraid|terrified) of (?:my )?(?:partner|"
                                  r"husband|wife|boyfriend|girlfriend|ex|dad|father|mom|mum|mother|stepdad|stepfather|"
                                  r"roommate|him|her)(?= *$| *,| and| because| when| right now| tonight)"),
    ("being-abused", "subject", r"(?:am|being|been|was|get|getting) (?:abused|beaten|assaulted|raped|attacked|"
                                r"threatened)(?= *$| *,| at home| by| again| every| as a| when i)"),
    ("threat-to-me", "danger", r"(?:going to|will|would|wants to|want to|threatened to|threatens to|threatening to|"
                               r"tried to|trying to|try to) (?:kill|hurt|beat|hit|strangle|choke|attack|stab|shoot|"
                               r"rape) me"),
    ("hurting-me", "danger", r"(?:hits|hit|hitting|beats|beat|beating|chokes|choked|choking|strangled|strangles|"
                             r"kicks|kicked|punched|punches|hurts|hurting|abuses|abused|abusing|raped|rapes|"
                             r"threatens|threatened|threatening) me\b"
                             # "she hit me with a lot of questions" is not violence
                             r"(?! (?:off|up with|with (?:a |an |his |her |their |some |so many |lots of |a lot of |"
                             r"the )?(?:questions?|ideas?|jokes?|news|requests?|emails?|paperwork|work|tasks?|"
                             r"feedback|comments?|criticism)))"),
    # someone else
    ("others-harm", "others", r"(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting) (?:himself|herself|"
                              r"themselves|themself|yourself)|(?:end|ending|take|taking) (?:his|her|their|your) "
                              r"(?:own )?life|(?:going to|will|threatened to|wants to|tried to) (?:kill|hurt|beat|"
                              r"hit) (?:her|him|them)(?= *$| *,| if| when)"),
    ("disclosed", "others", r"(?:disclosed|discloses|disclosing|talked about|talking about|talks about|mentioned|"
                            r"mentions) (?:suicidal|suicide|self harm|wanting to die)|died by suicide|"
                            r"(?:took|taken) (?:his|her|their) own life|lost (?:\w+ ){1,4}to suicide"),
]
COMPILED = [(name, kind, re.compile(r"(?<![a-z0-9])(?:" + rx + r")(?![a-z0-9])")) for name, kind, rx in PATTERNS]


@dataclass(frozen=True)
class Reading:
    """What the detector found. `why` names the patterns and how each was read (never the text);
    `rest` is the text without its crisis sentences: the question, if there was one."""

    level: str
    why: tuple[str, ...] = ()
    rest: str = ""


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"<[^>]*>", " ", text)  # platform mentions and links carry no words of their own
    for pattern, replacement in CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    text = re.sub(r"\b(want|wanna|going|need|have|plan|trying) 2\b", r"\1 to", text)
    text = text.replace("'", "")
    text = re.sub(r"[,;:()\"\u201c\u201d]", " , ", text)
    text = re.sub(r"[^a-z0-9,]+", " ", text)  # sentences are split already: their full stops go too
    text = " ".join(WORDS.get(w, w) for w in text.split(" ") if w)
    text = re.sub(r"\bany more\b", "anymore", text)
    return SUPPORTED.sub(r"\1", text)


def _clause_before(tokens: list[str], start: int) -> list[str]:
    out: list[str] = []
    for token in reversed(tokens[:start]):
        if token in BOUNDARIES:
            break
        out.insert(0, token)
    return out


def _negated(before: list[str]) -> bool:
    for token in reversed(before):
        if token in NEGATIONS:
            return True
        if token not in CARRIERS:
            return False
    return False


def _subject(before: list[str], reach: int = 6) -> str | None:
    for token in reversed(before[-reach:]):
        if token in FIRST or token in THIRD:
            return token
    return None


def _reported_by_other(sentence_before: list[str]) -> bool:
    """'she said I want to die': the words are someone else's, quoted."""
    for i in range(len(sentence_before) - 1, -1, -1):
        if sentence_before[i] in REPORTING:
            reporter = _subject(sentence_before[:i], reach=4)
            return reporter is not None and reporter not in FIRST
    return False


def _place(kind: str, match: re.Match, sentence: str) -> str | None:
    """'self', 'others', 'denied', 'past' or None (not a real match) for one match in a sentence."""
    tokens = sentence.split(" ")
    start = len(sentence[:match.start()].split(" ")) - 1
    before = _clause_before(tokens, start)
    if kind == "others":
        return "others"
    if kind == "danger":
        if not any(t in PERSONS for t in before[-4:]):
            return None
    elif kind == "subject":
        if (_subject(before) or "i") not in FIRST:
            return "others"
    if kind in ("self", "subject") and _reported_by_other(tokens[:start]):
        return "others"
    if _negated(before) or (match.groupdict().get("neg")):
        return "denied"
    end = len(sentence[:match.end()].split(" "))
    after = tokens[end:]
    clause_after = []
    for token in after:
        if token in BOUNDARIES:
            break
        clause_after.append(token)
    if PAST.search(" ".join(before + tokens[start:end] + clause_after)):
        return "past"
    return "self"


def read(text: str) -> Reading:
    """Read `text` for crisis language; see the module docstring for how."""
    why: list[str] = []
    keep: list[str] = []
    crisis = note = False
    originals = [s for s in SENTENCES.findall(text) if s.strip(" .!?\n")]
    for original in originals:
        sentence = normalise(original).strip(" ,")
        placed: list[tuple[str, str, re.Match]] = []
        for name, kind, pattern in COMPILED:
            for match in pattern.finditer(sentence):
                where = _place(kind, match, sentence)
                if where is not None:
                    placed.append((name, where, match))
        here = False
        for name, where, match in placed:
            if where in ("denied", "past"):
                # "…but I keep thinking about it": the clause after the contrast, up to the next comma.
                tail = sentence[match.end():]
                contrast = BUT.search(tail)
                if contrast and AMBIVALENT.search(tail[contrast.end():].split(",")[0]):
                    where = "self"
            why.append(f"{name}:{where}")
            here = here or where == "self"
            note = note or where != "self"
        crisis = crisis or here
        if not here:
            keep.append(original.strip())
    level = CRISIS if crisis else NOTE if note else NONE
    return Reading(level, tuple(why), " ".join(keep) if crisis else text)
