"""Turning free text into search terms: cleaning, words, stems and shared synonyms.

Both the content index and every question go through `terms()`, so a plural, a verb form or a
common synonym ("meds", "ride", "counsellor") lands on the same term as the content's wording.
Untrusted input is only ever split into words here; it is never interpreted as syntax.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[a-z0-9]+")
# snowballstemmer hands back PyStemmer's compiled build of the same Snowball stemmer when it is
# installed (a dependency): the same stems (tests/test_stemmer.py checks every word of the content
# and the question sets), made faster, which shortens start-up (the index stems all the content).
_stemmer = snowballstemmer.stemmer("english")

# Words that frame a question rather than say what it is about.
STOPWORDS = frozenset("""
a an the and or but if then so of to in on at by from as into onto about over under up down out off
is am are was were be been being do does did doing done have has had having will would shall could
may might must can cant cannot should ought need needs i im ive id me my mine myself we us our you
your yours he him his she her hers it its they them their theirs this that these those there here
what whats which who whom whose when where why how all any each every some such no nor not only own
same than too very just also really ok okay alright allowed allow fine thing things something
someone somebody anyone anybody person persons people peer peers worker workers work role roles
task tasks part appropriate supposed want wants wanted like get got go going let lets s t d ll
re ve m please hi hello hey bot question ask asking right wrong much many
for with asked asks getting keep keeps kept told said says think really honestly lately actually
meant guy guys one support supporting supported supports currently just kind sort basically
own better again able
itd itll youd youll youre theyd theyll theyre shed shell hed hes shes wed weve ill isnt arent wasnt
werent dont doesnt didnt wont wouldnt shouldnt couldnt havent hasnt hadnt
somehow lately anymore maybe probably till until totally completely entirely fully truly lot lots
feel feels feeling felt
since
""".split())

# One canonical word per group: a question and the content meet on it whatever words each used.
SYNONYMS: dict[str, str] = {}
for canonical, spellings in {
    "drive": "drive driving drove ride rides lift lifts transport transporting transportation car taxi chauffeur",
    "medication": "medication medications meds med pills pill prescription prescriptions medicine medicines blister dosette injection injections",
    "alcohol": "alcohol booze liquor bottle beer wine drugs drug dope weed substances",
    # Round 11: "an expensive watch" is the content's valuable gift.
    "valuable": "valuable expensive pricey costly",
    "training": "training trainings workshop workshops session sessions presentation presentations inservice in-service educate educating teach teaching",
    "hospital": "hospital hospitalization hospitalisation hospitalized admission admitted inpatient",
    "officefiling": "filing",
    "counsellor": "counsellor counselor counsellors counselors therapist therapists",
    # A clinician is whoever does the clinical work: "act like a clinician" is "clinical drift".
    "clinical": "clinical clinician clinicians clinically",
    "therapy": "therapy counselling counseling psychotherapy",
    "money": "money cash cheque cheques check checks finances financial funds budget budgeting payee bills",
    "shop": "shop shopping groceries grocery errands errand store",
    "coffee": "coffee cafe lunch tea",
    "file": "file files chart charts record records",
    "report": "report reporting reports inform",
    "date": "date dating romantic romance relationship",
    "gift": "gift gifts present presents",
    "share": "share sharing shared disclose disclosure disclosing mention mentioning tell telling tells",
    "relapse": "relapse relapsed relapsing",
    "supervision": "supervision supervisor supervisors supervising supervise supervised supervisee supervisees",
    "manager": "manager managers boss",
    "appointment": "appointment appointments appt",
    "doctor": "doctor doctors physician gp psychiatrist prescriber",
    "clean": "clean cleaning tidy tidying housework",
    "form": "form forms paperwork papers application applications",
    "group": "group groups",
    "job": "employment jobs work-search",
    "house": "housing apartment apartments home homes",
    "phone": "phone phones call calls calling phoning cell cellphone mobile warmline hotline helpline",
    # Everyday words for the same idea as the content's wording.
    "hygiene": "hygiene smell smells smelly odour odor showering bathing",
    "unwell": "unwell sick sickness illness illnesses",
    "isolated": "isolated isolation lonely loneliness",
    "colleague": "colleague colleagues coworker coworkers workmate workmates",
    "confidential": "confidential confidentiality private privacy secret secrets",
    "fragile": "fragile delicate breakable",
    "staff": "staff staffer staffers employee employees",
    # A role "sliding" or "slipping" into clinical work is the drift the sources name.
    "drift": "drift drifts drifting drifted sliding slipping",
    "note": "note notes notetaking charting documentation documenting",
    "hire": "hire hired hiring recruit recruiting recruited",
    "complaint": "complaint complaints complain complains complained complaining grievance grievances",
    "hard": "hard rough tough difficult",
    "explain": "explain explaining describe describing",
    "against": "against anti opposed",
    "education": "education educated schooling degree degrees",
    "misery": "misery miserable pity wallow wallowing",
    "overshare": "overshare overshares oversharing overshared",
    "stop": "stop stops stopping stopped quit quits quitting",
    "push": "push pushes pushing pushed pressure pressures pressuring pressured",
    "participant": "participant participants client clients patient patients",
    "become": "become becomes becoming became",
    "gradual": "gradual gradually slow slowly",
    # Round 9: whoever the person is with ("being hurt by her girlfriend") is the partner the
    # content names.
    "partner": "partner partners boyfriend boyfriends girlfriend girlfriends husband husbands wife wives spouse spouses",
    "other": "other others another",
    # Round 10: "if someone ODs" is an overdose.
    "overdose": "overdose overdoses od ods oding",
    # Round 10: "committal papers" are the content's "commitment paperwork".
    "commitment": "commitment commitments committal committals",
    # Round 11: everyday words for the content's "moles or spies" ("get the scoop on clients for the
    # team", "the team's snitch", "narc on people").
    "spy": "spy spies spying spied mole moles snitch snitches snitching snitched informant informants informer narc narcs narcing",
    # Irregular verb forms the stemmer leaves apart from their base.
    "take": "take takes taking taken took",
    "give": "give gives giving given gave",
    "write": "write writes writing written wrote",
    "bring": "bring brings bringing brought",
    "make": "make makes making made",
    "buy": "buy buys buying bought",
    "pay": "pay pays paying paid",
    "hold": "hold holds holding held",
    "sit": "sit sits sitting sat",
    "run": "run runs running ran",
    "see": "see sees seeing seen saw",
}.items():
    for word in spellings.split():
        SYNONYMS[word] = canonical


# Round 11, second pass: what is typed fast on a phone ("can u write…", "how does it work w peers",
# "ppl", "pls", "b/c", "her gf n wont leave", "case mgmt"), spelled out once in `clean`, so every
# reader (the search, the idioms, the patterns that choose a kind of answer) meets the words it knows.
# Only whole tokens, and only shorthand that means nothing else in these questions.
SHORTHAND = {
    "u": "you", "ur": "your", "r": "are", "n": "and", "w": "with", "pls": "please", "plz": "please",
    "ppl": "people", "ppls": "people's", "abt": "about", "cuz": "because", "coz": "because",
    "bf": "boyfriend", "gf": "girlfriend", "mgmt": "management", "mgr": "manager",
    "diff": "difference", "qs": "questions", "wat": "what", "wut": "what", "tho": "though", "thru": "through",
    "smth": "something", "sth": "something", "hosp": "hospital", "convo": "conversation", "convos": "conversations",
    "msg": "message", "msgs": "messages", "txt": "text", "dept": "department", "yr": "year", "yrs": "years",
    "govt": "government", "esp": "especially", "dv": "domestic violence", "mtg": "meeting", "mtgs": "meetings",
    "tmrw": "tomorrow", "tmr": "tomorrow", "hrs": "hours", "mins": "minutes", "appts": "appointments", "b4": "before",
    "kinda": "kind of", "sorta": "sort of", "wanna": "want to", "gotta": "have to", "til": "until", "thx": "thanks",
    "sw": "social worker", "sws": "social workers", "tbh": "", "idk": "i don't know", "supv": "supervision",
    "prof dev": "professional development", "lived exp": "lived experience", "peer exp": "peer experience",
    "w/o": "without", "w/": "with ", "b/c": "because", "&": " and ",
}
_SHORTHAND = re.compile(
    r"(?<![\w/'&.])(?:" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True)
                                   if k[-1].isalnum()) + r")(?![\w'/]|\.\w)"
    r"|(?<![\w/])(?:w/o|b/c)(?![\w/])|(?<![\w/])w/ ?(?!\w/)|\s&\s")


def _shorthand(text: str) -> str:
    return _SHORTHAND.sub(lambda m: SHORTHAND[m.group(0).strip()] if m.group(0).strip() != "&" else " and ", text)


# The retriever learns its weights from the content's phrasings as they were written (`retriever.fit`
# turns this off while it fits): spelling out the few in shorthand only reshuffled its near-ties.
SHORTHAND_ON = [True]


def clean(text: str) -> str:
    """Lowercase, fold accents and curly quotes, drop control characters, spell out phone shorthand
    (SHORTHAND)."""
    return _clean(text, SHORTHAND_ON[0])


@lru_cache(maxsize=4096)
def _clean(text: str, shorthand: bool) -> str:
    """(Cached: every reader of a question, from the facets to the stance to the search, cleans it
    again.) Printable ASCII, most text, has nothing to fold or drop: only lowercased."""
    if text.isascii() and text.isprintable():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch)[0] != "C").lower()
    return _shorthand(text) if shorthand else text


POSSESSIVE = re.compile(r"'s\b")
# Idioms whose meaning no single word carries ("turned into" is not "turned it down").
# (Round 11: an idiom may carry groups of words it needs, one word of each group, so that most
# questions skip its pattern.)
PHRASES = [(re.compile(pattern), meaning, tuple(needs)) for pattern, meaning, *needs in (
    (r"\bturn(?:s|ed|ing)? into\b", "become"),
    (r"\bask(?:s|ed|ing)? (?:me|him|her|them|you) out\b", "date"),
    (r"\bseeing each other\b", "dating"),
    # Round 9: "co-op" is one word, not "co" (of "co-worker") and "op": a housing co-op met "peer co-workers".
    (r"\bco-op(s?)\b", r"coop\1"),
    # "Not-so-good supervision" is bad supervision, not good supervision with "not" dropped as framing.
    (r"\bnot[- ](?:so[- ]|very[- ]|that[- ])?(?:good|great)\b", "bad"),
    (r"\b(?:fall(?:s|ing)?|fell) apart\b|\bmelt(?:s|ing)? down\b|\bmeltdown\b", "crisis"),
    # Round 5: everyday words for suicide, so "thinking about killing themselves" meets the content's "suicide".
    (r"\bkill(?:s|ing|ed)? (?:him|her|them|my|your|our)sel(?:f|ves)\b|\btak(?:e|es|ing) (?:his|her|their|my) (?:own )?life\b", "suicide"),
    # Round 9: "ending his life" too; a medical emergency in the words of someone seeing one
    # ("collapsed and isn't breathing", "call 911": bare numbers are left out of the search).
    # (kept beside the words themselves, which topic questions share: "ending their life")
    (r"\bend(?:s|ed|ing)? (?:his|her|their|my) (?:own )?life\b", r"\g<0> suicide"),
    (r"\b(?:collaps(?:e|es|ed|ing)|(?:isn'?t|is not|not|stopped|stops) breathing|unresponsive|passed out)\b", "medical emergency"),
    (r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|ing)?|phon(?:e|es|ed|ing)) (?:911|999|112|000)\b", "call emergency services"),
    # Round 10: a threat to hurt someone else ("she'll stab him", "he's going to hurt his ex") meets
    # the content's "harming someone" (kept beside the words, as "ending his life" is).
    (r"\b(?:(?:going to|gonna|will|'ll|'d|wants? to|threat\w* to|plans? to|swore to|would) (?:\w+ )?"
     r"(?:stab|shoot|kill|hurt|harm|beat up|attack|go after|smash)\w* (?:him|her|them|someone|somebody|(?:his|her|their) (?:ex|partner|wife|husband|boyfriend|girlfriend|landlord|neighbou?r|dad|mom|mother|father|brother|sister|kids?))\b)",
     r"\g<0> harming someone"),
    # Round 10: being lent money by someone, in everyday words ("offered to spot me $200", "I'd pay
    # him back next payday") is the content's "borrowing money".
    (r"\b(?:spot|lend|loan|front|float)(?:s|ed|ing)? me\b|\bpay (?:him|her|them) back\b", r"\g<0> borrowing money"),
    # Round 10: witnessing someone's doses ("witness his CTO meds") is watching them take them.
    (r"\bwitness(?:es|ed|ing)?\b(?= (?:[\w']+ ){0,3}(?:meds|medications?|pills|doses?|injections?)\b)", "watch"),
    # Round 11: "our supervisor isn't a peer", "I'm a nurse manager, not a peer", "I've never been a
    # peer worker": the content's "non-peer" (kept beside the words). Not "isn't a peer thing/job".
    (r"(?:\b(?:supervisor|manager|boss|lead|director|clinician|nurse|i|i'm|im|they|he|she|who|they're|he's|she's)"
     r" (?:is not|isn't|isnt|am not|'m not|are not|aren't|was not|wasn't|(?:has|have|'ve) never been|never been|not)|\bi'?ve never been|(?:,|\band|\bbut) not)"
     r" (?:a |an |one of the )?peers?(?: workers?| specialists?| supporters?| staff)?(?: myself| themselves| himself| herself)?\b(?! (?:thing|job|task|role|work)\b)",
     r"\g<0> non-peer", ("peer",), ("not", "n't", "isnt", "never")),
    # Round 11: "get the scoop on clients", "dig up dirt on people": spying (SYNONYMS).
    (r"\b(?:get|gets|getting|got|dig|digs|digging|dug|find|finding|bring|bringing) (?:up |out )?(?:the |some |any )?(?:scoop|dirt|intel|goss|gossip)\b", "spy", ("scoop", "dirt", "intel", "goss")),
    # Round 11: "hand out meds", "dole out pills" are "give out" medication ("why can't peers hand
    # out meds?" met a myth page on "hand"; the content says both). Only of medication: "handing
    # out kits" at a site keeps its own rulings.
    (r"\b(?:hand|dole|dish)(?:s|ed|ing)? out\b(?= (?:[\w']+ ){0,2}(?:meds|medications?|pills|doses?|prescriptions?|medicines?)\b)", "give out", (" out ",)),
    # Round 11, second pass: "why shouldn't peers be used to get info for the team": information
    # gathered on people for the team is the content's spying (only with the team or staff it goes to).
    (r"\b(?:get|gets|getting|got|gather|gathering|collect|collecting|dig up|digging up|pass|passing|feed|feeding|bring|bringing)"
     r" (?:some |any |the )?(?:info|information|intel)\b(?= (?:back )?(?:for|to) (?:the |our |my )?(?:team|staff|clinicians?|nurses?|doctors?|psychiatrists?|managers?)\b)",
     "spy", ("info", "intel")),
    # A request for brevity ("short version pls", "in a nutshell") says how to answer, not what about
    # ("short version" met a page on writing short notes).
    (r"\b(?:the |a )?(?:short|quick|brief|simple|simplest|plain|shortest|quickest) (?:version|answer|explanation|summary|definition)\b|\bin a nutshell\b|\btl;?dr\b",
     " ", ("version", "answer", "explanation", "summary", "definition", "nutshell", "tl")),
    # Round 11: "someone at the site panicking hard" meets the content's "panic attack".
    (r"\bpanick(?:ing|ed|y)\b", "panic attack"),
    # Round 11: a landlord is one of the providers the worksheet's phoning rows mean ("call the
    # landlord for him", "make the deal with the landlord for him"; kept beside the word).
    (r"\b(?:call|phone|ring|email|e-mail|text|talk to|deal with|deal|negotiate with|contact|write to|letter to|email to|note to|message to|sort it out with|sort things out with)"
     r"(?:s|ed|ing)? (?:the |his |her |their |a |my )?landlords?\b", r"\g<0> provider"),
    # "let go of a peer who isn't doing the job": dismissal.
    (r"\bfir(?:e|es|ed|ing) (?:him|her|them|a peer|the peer|our peer|my peer)\b|\blet(?:ting)? (?:him|her|them) go\b|\blet(?:ting)? go of (?:a|an|the|my|our|this|that) (?:peer|worker|staff|employee|specialist)", "dismiss"),
)]


def words(text: str) -> list[str]:
    """Plain words: possessive and contracted 's dropped ("someone's" is "someone"), idioms put in
    one word, other apostrophes closed up ("don't" is "dont"), and bare numbers left out."""
    return list(_words(text, SHORTHAND_ON[0]))


@lru_cache(maxsize=4096)
def _words(text: str, shorthand: bool) -> tuple[str, ...]:
    """(Cached, as `clean` is: a question's words are asked for some nine times on its way through
    the answerer, and the idioms are many patterns.)"""
    text = POSSESSIVE.sub("", _clean(text, shorthand))
    for pattern, meaning, needs in PHRASES:
        if needs and not all(any(word in text for word in group) for group in needs):
            continue
        text = pattern.sub(meaning, text)
    return tuple(w for w in WORD.findall(text.replace("'", "")) if not w.isdigit())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    stemmed: str = _stemmer.stemWord(SYNONYMS.get(word, word))
    return stemmed


def terms(text: str) -> list[str]:
    """The search terms of `text`: content words, synonyms folded, stemmed."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]
