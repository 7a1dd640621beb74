"""What in a question can change a verdict: for or with, who asked, how often, watching or
reporting, someone else's agenda, clinical work, power over the person.

Plain search sees "shopping for someone" and "shopping with someone" as the same question; these
detectors read the words that make the difference so the answerer can prefer the ruling for the
right side, or lean more carefully when no ruling covers that side.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.text import clean

# Round 11: "do the shopping for a participant", "go with one of her residents"
_PERSON = (r"(?:him|her|them|someone|somebody|the person|a person|people|the people|my client|clients?|participants?|the participant|the guy|the woman|the man|folks|members?|my peers?|the individual|individuals"
           r"|(?:a|one of (?:my|our|her|his|the)) (?:participants?|clients?|residents?|tenants?|members?))")

# "get ready for her treatment plan review": "her" there is whose review it is, not whom it is done for.
_HER_THING = (r"(?:treatment|care|case|recovery|safety|plan|review|assessment|appointment|appt|meeting|hearing|court|interview|intake|discharge"
              r"|psych\w*|doctor|exam|tests?|first|next|big|own)\b")

PATTERNS: dict[str, re.Pattern[str]] = {
    "for": re.compile(
        # "testify for him", "speak up for her" take the person's side; they are not doing it for them.
        rf"\b(?:(?<!testify )(?<!testifying )(?<!speak )(?<!speak up )(?<!vouch )(?<!advocate )(?<!witness )(?<!be there )(?<!there )(?<!asked )(?<!asks )(?<!ask )(?<!asking )(?<!arrange )(?<!arranging )(?<!arranged )for {_PERSON}\b(?<!for her(?= {_HER_THING}))(?! to (?!me\b)(?!save\b)\w)|instead of {_PERSON}|(?<!testify )(?<!speak )(?<!advocate )on (?:their|his|her|people'?s?|the person'?s|someone'?s|clients'?|the (?:client|patient|participant|resident|tenant|member)'?s) behalf|in (?:their|his|her) place"
        # Round 5: "asked if I could just pay them and sign her up for…": doing it in the person's place.
        rf"|\bsign (?:him|her|them) up\b"
        # Round 11: "do the shopping for a participant", "grab her groceries on my way in": their errand, done in their place.
        rf"|\b(?:grab|get|buy|pick up|do|fetch|collect) (?:his|her|their|the person'?s|someone'?s) (?:groceries|grocery shopping|shopping|errands|laundry|prescriptions?|meds|cheque|mail)\b|\b(?:grab|get|buy|pick up|bring|score) (?:him|her|them) (?:something|some|a|an|his|her|their)\b|\b(?:could|can|would|will|should) (?:i )?just (?:pay|handle|sort|deal with|take care of|fill in|fill out|do) (?:them|it|this|that|those)\b"
        # Round 11, second pass: "ok to just fill out her ODSP paperwork", "just do his forms": the
        # person's own paperwork, done in their place ("just" says no one sits with them).
        rf"|\bjust (?:fill in|fill out|do|complete|sign|write up) (?:his|her|their|the person'?s|someone'?s) (?:\w+ )?(?:paperwork|forms?|application|applications|taxes|tax return)\b"
        rf"|do (?:it|things|everything) for|(?:fill|filling|fills) (?:it |them )?out for|do (?:their|his|her) \w+"
        rf"|doing (?:their|his|her) \w+|(?<!testify )(?<!testifying )(?<!speak )(?<!speak up )(?<!vouch )(?<!advocate )(?<!there )(?<!ask )(?<!asks )(?<!asked )(?<!asking )for them\b(?! to (?!me\b)\w))"),
    "with": re.compile(rf"\b(?:with {_PERSON}|alongside|together with|side by side|along with {_PERSON}|go with|come with|accompany|accompanying|join (?:him|her|them)"
                       # Round 11: "help a participant fill out his own disability application": the person does it.
                       rf"|help(?:s|ed|ing)? {_PERSON} (?:to )?\w+(?: (?:out|in|through|up|over))? (?:his|her|their) own\b)"),
    "asked-by-staff": re.compile(
        r"\b(?:my (?:manager|boss|supervisor|team|director|program|agency|organi[sz]ation|coordinator|employer)"
        r"|the (?:team|treatment team|clinical team|care team|manager|doctor|psychiatrist|nurse|case manager|clinician|agency|program|staff(?! (?:room|kitchen|washroom|bathroom|office|lounge|entrance|door|fridge|locker)s?\b))"
        r"|treatment plan|care plan|case manager|psychiatrist|nurses?|clinicians?|staff (?:want|ask|told)|management"
        # "I'm asked to…" names no one: in these questions it is the job asking, not the person.
        r"|i'?m (?:being |always |often )?asked to|i (?:keep )?get(?:ting)? asked to|i'?ve been (?:asked|told) to|i was (?:asked|told) to)\b"),
    "asked-by-person": re.compile(
        r"\b(?:(?:she|he|they|the person|someone i support|the person i support|a person i support|one of (?:my|the) \w+"
        r"|(?:a|an|this|one) (?:participant|client|resident|member|guy|woman|man|lady|young person|youth|person)(?: (?:i|we) (?:support|work with|see))?)"
        r" (?:asked|asks|keeps? asking|keeps? begging|wants|would like|requested|told me (?:she|he|they) wants?)(?! (?:me |us )?not to\b)"
        r"|at (?:their|his|her) request|if (?:they|he|she) (?:want|wants|asks?)"
        r"|\b(?:she|he|they)\b[^.?!;]{0,60}?\band (?:asked|asks) (?:me|if|whether)|(?<!supervisor )(?<!manager )(?<!boss )(?<!team )(?<!nurse )(?<!doctor )(?<!staff )(?<!director )(?<!coordinator )(?<!psychiatrist )(?<!clinician )(?<!lead )asked (?:me )?(?:if|whether) i(?:'d| could| would| can| might)?\b)\b"),
    "routine": re.compile(r"\b(?:every (?:day|week|morning|night|time|shift)|daily|(?<!meeting with )(?<!seeing )(?<!visiting )weekly|routinely|regularly|all the time|always|each (?:day|week)|on a regular basis|as a routine"
                         # "the main thing I do" is routine by another name (handbook: "all you're ever asked to do")
                         r"|(?:big|main|major|large|biggest) part of|most of (?:my|the|our) (?:job|time|day|week)"
                         r"|(?:my|the) whole (?:job|day|shift|week)|all (?:i|we) (?:ever )?do"
                         # Round 6: "the default driver for every clinic run"
                         r"|(?:the|our|their) default \w+|every (?:single )?(?:\w+ )?(?:run|trip|appointment|drive|shift)"
                         # Round 7: "doing all the appointment runs for everyone on the unit"
                         r"|all (?:of )?the (?:\w+ )?(?:runs|rides|trips|drives|driving|transport)"
                         # "read through all the charts of her caseload": every file, not the one the person brings
                         r"|(?:read|reading|go through|going through|review|reviewing) (?:through )?(?:all|every|each)(?: of)? (?:the |their |her |his |my )?(?:charts?|files?|records?)"
                         # Round 9: "read everyone's intake files before I meet them"
                         r"|(?:read|reading|go through|going through|review|reviewing) (?:through )?(?:everyone|everybody|all (?:the )?(?:people|participants|members|residents|clients))'?s? (?:\w+ )?(?:charts?|files?|records?|notes))\b"),
    "occasional": re.compile(r"\b(?:(?<!at )once|one time|one-off|now and then|occasionally|sometimes|just this once|in an emergency|every so often)\b"),
    "reporting": re.compile(r"\b(?:report(?:ing)? (?:back|on|it|that|this|what)|report to|get (?:info|information|things) out of|tell the team|let (?:the team|them) know|keep (?:an )?eye on|monitor(?:ing)?|watch(?:ing)? (?:him|her|them|over|whether|if|for)|spy|check up on|keep tabs|inform the team|update the team|snitch|what i notice|what (?:she|he|they) (?:tells?|told|says?|said) (?:me|to me)"
        # Round 5: "ask my peer worker to tell me what clients say about their using": passing on what
        # people say to the peer worker.
        r"|tell (?:me|us|the team|them|staff) what (?:[\w']+ ){1,5}?(?:says?|said|tells?|told|shares?|shared)\b"
        # Round 11, second pass: what people say or do brought to a manager as a standing rule ("she has to
        # come straight to me if a client seems suicidal", "report any suicidal talk to her right away").
        r"|\b(?:come|comes|go|goes|bring it|report it|report back) (?:straight |right |directly )?(?:back )?to (?:me|us|the team|her|him)\b[^.?!]{0,20}?\b(?:if|when|whenever|every time|anytime) (?:a |the |my |our |any )?(?:client|participant|person|resident|member|patient|he|she|they|someone|anyone)\b"
        r"|\breport (?:any|all|every|each) (?:[\w-]+ ){1,2}to (?:me|us|her|him|them|the team|my (?:supervisor|manager|boss)|staff)\b"
        # Round 11, second pass: someone else wanting what the person tells you ("police came asking what
        # a resident has been telling me", "his parents want to know everything he talks about with me").
        r"|\b(?:wants?|wanted|wanting|asking|asked|asks) (?:me |us )?(?:to know )?(?:everything|all|what) (?:that )?(?:[\w']+ ){0,4}?(?:has been telling|had been telling|talks? about|told|tells|says|said|shares?|shared)(?: with| to)? (?:me|us)\b"
        # "So I can tell them if he's still using": passing on what the person does.
        r"|tell (?:them|the team|staff|the staff|the doctor|his team|her team|their team) (?:if|whether|when|what|how (?:much|often)) (?:he|she|they|the person)\b"
        # Round 11: "keeps asking me to let her know if a certain participant is using in his room"
        r"|(?:let|letting) (?:her|him|them|staff|the (?:nurse|nurses|team|doctor|staff|manager|psychiatrist|case manager|landlord|police)) know (?:if|whether|when|whenever|every time|each time|anytime|any time) (?:a |the |my |this |that |certain |particular )*(?:he|she|they|person|participant|client|resident|guy|woman|man|tenant|patient|someone|anyone|people)\b"
        # Round 6: "he told me in confidence he skips group; the team asks, do I tell them?": passing
        # on what was said in confidence.
        r"|(?:in confidence|confided|in private|privately)\b[^?]{0,120}?\b(?:do|should|can|would|must) i (?:tell|let|inform|update) (?:them|the team|staff|my (?:team|supervisor|manager))\b"
        # Round 6: "find out during her visits whether a client has started using again and tell me"
        r"|(?:find out|check|see|ask)\b[^.?!]{0,30}?\b(?:if|whether) (?:a |the |my |our )?(?:client|participant|person|resident|he|she|they)\b[^.?!]{0,60}\band (?:tell|let|report)"
        # Round 10: keeping track of who comes for the team ("email them a list of who shows up so
        # they can chase the no-shows", "keep a list… making sure they attend"): watching attendance.
        r"|(?:list|record|log|tally|track|count|note|names?)\w* (?:of )?(?:who|whoever|everyone who|the (?:people|ones|folks) who) (?:shows? up|showed up|turns? up|turned up|attends?|attended|comes?|came|misses|missed|skips?|skipped|is there|was there|(?:doesn'?t|didn'?t|don'?t) (?:show|come|turn up))"
        r"|(?:keep|keeping|take|taking|track|tracking|log|logging|report|reporting|send|sending) (?:their |the |group |everyone'?s )?attendance"
        r"|(?:make|making|makes) sure (?:they|he|she|people|everyone|folks|the (?:group|people)) (?:attend|show up|come|go|turn up|keep coming|keep attending)\b"
        # Round 10: watching someone take their doses for the team ("witness his CTO meds and sign the
        # sheet", "watch a guy on a CTO take his pills"): a compliance check.
        r"|(?:watch|witness)(?:es|ed|ing)? (?:[\w']+ ){0,5}?(?:take|takes|taking|swallow\w*) (?:his|her|their|the) (?:[\w']+ )?(?:meds|medications?|pills|doses?)"
        r"|(?:watch|witness)(?:es|ed|ing)? (?:his|her|their|the|someone'?s|a) (?:[\w']+ ){0,2}(?:meds|medications?|pills|doses?)"
        # Writing down what someone says for their chart is reporting on them.
        r"|(?:write|note|jot|take) (?:down |notes? (?:on|about|of) )?(?:what|everything|all) (?:he|she|they|the person) (?:says?|said|tells?|told)"
        # Judging someone for a file is reporting on them, whatever the form is called.
        r"|(?:fill|filling|complete|completing|do|doing) (?:in |out )?(?:the |an |their |his |her )?(?:intake )?assessments?(?: forms?)?\b.*\b(?:rate|rating|score|scoring|judge|judging)"
        # Round 11: "give his opinion at case review about whether a client is 'functioning well enough'"
        r"|\b(?:my|his|her|their|an?) (?:opinion|take|view|read|impression|thoughts)\b[^.?!]{0,40}?\b(?:whether|if) (?:a |the |my |our |this )?(?:client|participant|person|resident|patient|tenant|he|she|they|someone) (?:is|are|was|has been) '?(?:functioning|coping|ready|well enough|stable)"
        r"|(?:rate|rating|score|scoring|my (?:opinion|take|view|read|impression) (?:of|on|about)) how (?:well )?(?:he|she|they|someone|people|the person|(?:a|the|my|our) (?:client|participant|resident|patient)) (?:is|are|has been|have been|was) '?(?:doing|functioning|coping))\b"),
    "agenda": re.compile(
        r"\b(?:convince|persuade|get (?:him|her|them) to|make sure (?:him|her|them|they|he|she) (?!(?:gets?|is|are|feels?) (?:heard|listened to|understood|a say|(?:her|his|their) say)\b)|push(?:ing)? (?:him|her|them|people)|pressure|comply|compliance|adherence|make (?:him|her|them) (?:take|go|do|follow)|talk (?:him|her|them) (?:into|out of)"
        r"|encourage (?:him|her|them|people) to (?:stay|take|stick|go|cut|stop|follow)|(?:listen|listens) to me more"
        # "push job searching with him", "employment has to be the focus with everyone"
        r"|push(?:ing)? (?:\w+ ){1,3}(?:with|on) (?:him|her|them|people|everyone)|(?:has|have|needs?) to be the focus"
        r"|(?:not what|isn'?t what) (?:she|he|they) wants?|(?:doesn'?t|don'?t|does not|do not) want (?:it|to(?! (?:be alive|live|be here|go on|wake up|exist|keep going|be around|leave(?: (?:him|her|them|the relationship|(?:her|his|their) (?:partner|husband|wife|boyfriend|girlfriend)))?)\b)|peer)|against (?:her|his|their) (?:will|wishes)"
        r"|(?:said|says|told me|keeps? telling) (?:she|he|they) (?:doesn'?t|don'?t|isn'?t|wasn'?t)(?! want to (?:be alive|live|be here|go on|wake up|exist|keep going|be around)\b)|never chose|the only (?:thing|way|tool)(?! (?:that )?(?:he|she|they|the person)(?:'ll| will| would|'d)? (?:engage|enjoy|like|love|want|respond|talk|open|get into|do)\w*)|stick to (?:whatever|the) goals"
        # Blind 7: "because staff think he smells": the team's view of what the person needs, not theirs.
        r"|because (?:the |our |my )?(?:staff|team|nurses?|doctors?|workers?|management|the program) (?:think|thinks|feel|feels|want|wants|say|says|decided)"
        # Putting your own view of what should happen to someone in front of a court or a team.
        r"|my (?:own )?(?:recommendations?|opinion) (?:on|about|of|to|for|on whether)|what i think should happen"
        # Round 10: the program setting what every visit is about ("every 1:1 should focus on getting
        # people into work", "employment is 'the priority' for everyone"), for its funding's sake, and
        # steering someone toward it.
        r"|\bsteer(?:s|ed|ing)? (?:him|her|them|people|everyone|everybody|the person|(?:the |my |our )?(?:guy|woman|man|client|participant|member|resident)s?) (?:towards?|into|to|away from|back to)\b"
        r"|(?:funding|funder|grant|contract)s?\b[^.?!]{0,20}\b(?:is |are |gets? )?(?:tied|linked|pegged) to"
        r"|(?:is|'s|are|as) '?(?:our |the )?'?(?:priority|focus|goal)'? (?:for|with) (?:everyone|everybody|all|each)"
        r"|every (?:single )?(?:1:1|1-1|one-on-one|one to one|visit|session|check-?in|meeting)s? (?:should|must|has to|needs? to|is to|are to) (?:focus|be about|cent(?:er|re))"
        # Round 11, second pass: one goal for everyone the program sees, whatever each wants ("every single
        # person we see on outreach has to be worked with on housing, whatever they want to talk about").
        r"|\b(?:whatever|no matter what|regardless of what) (?:they|he|she|the person|people|folks) (?:wants?|would like|came|come) (?:to )?"
        r"|\bevery (?:single )?(?:person|client|participant|resident|member|one|body) (?:we|i) (?:see|meet|work with|support)\b[^.?!]{0,30}\b(?:has|have|must|needs?|is|are) to\b"
        # Telling someone what they should do about their treatment is steering them too.
        r"|tell (?:him|her|them) (?:that )?(?:she|he|they)(?:'d| would)? (?:should|has to|have to|needs? to|must|better))"),
    "clinical": re.compile(r"\b(?:medications?|meds|dose|dosage|diagnos\w*|decompensat\w*|assess\w*|screening|therapy|therapeutic|counsell?ing|treatment plan|prescri\w*|clinical|symptoms?|risk assessment|intake)\b"),
    "power": re.compile(r"\b(?:search (?:his|her|their|the person'?s?) (?:room|bag|belongings|things|place)|payee|hold (?:their|his|her) (?:money|cash|cheque|meds)"
        # Round 11: "hold his stash in the staff room so he doesn't use it all at once": keeping the
        # person's own supply to ration it is control over what they use.
        r"|(?:hold|holding|keep|keeping|look after|looking after|stash|lock up|locking up) (?:on ?to )?(?:their|his|her) (?:stash|supply|drugs|dope|pills|bottle|booze|gear|weed|stuff|money|cash|cheque|meds)\b|control (?:their|his|her)|their money|his money|her money|discipline|restrain\w*|(?:hold|holding|held|pin|pinning|pinned) (?:him|her|them|a (?:guy|man|woman|patient|person|client|resident|member)|someone|the (?:guy|man|woman|patient|person|client|resident|member)) down|involuntary|keys? to)\b"),
}

# Facets that pull a task away from peer work when a question has them and the closest ruling
# does not account for them.
RISKY = ("for", "reporting", "agenda", "power")
# (Which side of a pair contradicts which is `bot.answering.stance`'s to say.)

EXPLAIN = {
    "for": "you'd be doing it for the person rather than with them",
    "reporting": "it involves watching or reporting on the person",
    "agenda": "it means steering the person toward someone else's goals",
    "power": "it puts you in a position of power over the person",
    "asked-by-staff": "the request comes from the team rather than the person",
    "routine": "it would be a routine duty rather than now and then",
    "unwanted": "the person has said they don't want it",
    "most of the job": "it would take up most of your time while using none of your lived experience",
    "hidden": "you'd be keeping it from your supervisor",
    "not asked": "a peer worker's story would be told without asking them first",
}


# "Is that optional for them?", "is it good for her?": how something is for the person, not doing it
# in their place; left out before "for" is read.
_HOW_IT_IS_FOR = re.compile(
    rf"\b(?:optional|ok|okay|fine|good|right|hard|easy|safe|unsafe|important|necessary|required|mandatory|useful|helpful"
    rf"|available|appropriate|enough|best|better|worse|bad|healthy|normal|triggering|confusing|scary) for {_PERSON}"
    # "I'm falling for someone I support", "feelings for her": being drawn to them.
    rf"|\b(?:fall|falls|falling|fell|fallen) for {_PERSON}|\bfeelings? for {_PERSON}"
    # Round 6: "whatever is going on for him that week": what the person is living through.
    rf"|\b(?:going on|happening|coming up|hard) for {_PERSON}"
    # Round 10: "in the room as his support person, not to talk for him": doing it for them ruled out.
    rf"|\b(?:not|never|rather than|without) (?:to |me |us )?(?:\w+ ){{0,2}}for {_PERSON}")


# Round 6: "being held in hospital against her will" tells the person's situation (an involuntary
# hold), not something the asker would do against their wishes; read as such before any facet.
INVOLUNTARY = re.compile(r"\b(?:held|detained|kept|admitted|committed|hospitali[sz]ed|sectioned|certified|locked up)\b"
                         r"([^.?!]{0,30}?) against (?:his|her|their|my) will\b")


# Round 10: "while she waits for the involuntary assessment", "someone on an involuntary hold": the
# person's situation, not power the asker takes (carrying the hold's paperwork still is).
INVOLUNTARY_SITUATION = re.compile(
    r"\b((?:on|under|during|for|through|facing|in|at|after|from) (?:an?|the|her|his|their)) involuntary"
    r"(?= (?:hold|assessment|admission|stay|hospitali[sz]ation|commitment|detention|evaluation)\b(?! (?:paperwork|papers?|forms?|documents?)\b))")


# Round 6: "our HR director doesn't want to let go of a peer…": what staff do not want is not the
# person's wish, nor someone else's agenda over the person.
STAFF_DO_NOT_WANT = re.compile(
    r"\b((?:the|our|my|their) (?:hr |program |clinical |executive )?(?:director|manager|boss|supervisor|team|agency|employer|management|hr|coordinator)"
    r"|hr|human resources|management) (?:doesn'?t|don'?t|does not|do not) want (?:me |us )?to\b")


# Round 10: "they asked me to take the committal papers with me when I go see him", "slow afternoon,
# they asked me to help file client records": a "they" that asks with no one named before it is the
# workplace, not the person supported (who, when named, comes first: "someone asked me… but they want").
ORPHAN_THEY = re.compile(r"\bthey (?=(?:asked|asks|want|wants|would like|requested|told|expect|expects|keep asking) (?:me|us|if|whether)\b)")
ANTECEDENT = re.compile(
    r"\b(?:someone|somebody|anyone|person|people|client|clients|participants?|members?|residents?|guys?|wom[ae]n|m[ae]n|lady|ladies"
    r"|youths?|folks|tenants?|patients?|friends?|family|parents?|kids?|couple|individuals?|peers?|regulars?|ones|everyone|group|he|she|him|her"
    r"|team|staff|nurses?|doctors?|manager|boss|supervisor|director|agency|program|org|clinic|unit|they|them|their)\b")


def _orphan_they(t: str) -> str:
    m = ORPHAN_THEY.search(t)
    if m is None or ANTECEDENT.search(t, 0, m.start()):
        return t
    return f"{t[:m.start()]}staff {t[m.end():]}"


# Round 11, second pass: what typing fast on a phone does to the words the facets and the stance
# read ("w/o asking me", "b/c hes wiped out", "jobs r in her tx plan", "shes not safe tonite"): said
# out in full before either reads them, so a stance pattern need not know every shorthand. Only
# shorthand with one reading in a question about work (not "bc", which is also a province).
PHONE = re.compile(r"\bw/o\b|\bw/ ?|\bw\b(?= [a-z])|\bb/c\b|\bcuz\b|\bbcuz\b|\bu\b|\bur\b|\bppls?\b|\br\b(?!&)|\bn\b(?!&)|\btx\b|\bmtg\b|\bmtgs\b"
                   r"|\btonite\b|\bthru\b|\babt\b|\bpls\b|\bplz\b|\b(?:shes|hes|doesnt|cant|dont|wont|isnt|didnt|im|ive|theyre|theyve|youre|hasnt|havent|wasnt|arent"
                   r"|shouldnt|wouldnt|couldnt|thats|whats)\b(?!')")
PHONE_WORDS = {"w/o": "without", "w/": "with ", "w/ ": "with ", "w": "with", "b/c": "because", "cuz": "because", "bcuz": "because", "u": "you",
               "ur": "your", "ppl": "people", "ppls": "people's", "r": "are", "n": "and", "tx": "treatment", "mtg": "meeting",
               "mtgs": "meetings", "tonite": "tonight", "thru": "through", "abt": "about", "pls": "please",
               "plz": "please", "shes": "she's", "hes": "he's", "doesnt": "doesn't", "cant": "can't", "dont": "don't",
               "wont": "won't", "isnt": "isn't", "didnt": "didn't", "im": "i'm", "ive": "i've", "theyre": "they're",
               "theyve": "they've", "youre": "you're", "hasnt": "hasn't", "havent": "haven't", "wasnt": "wasn't",
               "arent": "aren't", "shouldnt": "shouldn't", "wouldnt": "wouldn't", "couldnt": "couldn't", "thats": "that's",
               "whats": "what's"}


def phone_words(t: str) -> str:
    """`t` (cleaned) with phone shorthand said in full (`PHONE`)."""
    if "/" not in t and not PHONE.search(t):
        return t
    return PHONE.sub(lambda m: PHONE_WORDS[m.group(0)], t)


def situation(t: str) -> str:
    """`t` (cleaned) with phone shorthand said in full, an involuntary hold said as a situation
    ("held in the ER involuntarily"), staff not wanting something said as staff being reluctant, and
    a "they" asking with no one named before it said as staff."""
    t = phone_words(t)
    t = INVOLUNTARY.sub(lambda m: f"held{m.group(1)} involuntarily", t)
    t = INVOLUNTARY_SITUATION.sub(lambda m: f"{m.group(1)} compulsory", t)
    t = _orphan_they(t)
    return STAFF_DO_NOT_WANT.sub(lambda m: f"{m.group(1)} is reluctant to", t)


@lru_cache(maxsize=32)  # the answerer reads a question's facets three times over
def detect(text: str) -> frozenset[str]:
    t = situation(clean(text))
    found = {name for name, pattern in PATTERNS.items() if pattern.search(_HOW_IT_IS_FOR.sub(" ", t) if name == "for" else t)}
    if "with" in found and "for" in found:
        # "go with them to pick up groceries for them" is still doing it with them; keep both so
        # rulings on either side can match, but let explicit "instead of" win.
        if re.search(r"\binstead of\b|\bon (?:their|his|her) behalf\b", t):
            found.discard("with")
    return frozenset(found)
