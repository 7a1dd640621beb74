"""The confidentiality guard: does text sent to the bot seem to identify a person supported?

`identifying(text)` names the kinds of detail it found ("a phone number", "a date of birth"),
never the detail itself, so nothing of it is logged, echoed or stored. The bot still answers the
question; `reminder` is the private word it adds.

What counts, each a small pattern with the cues that keep it from firing on ordinary talk:

- emails; phone numbers with separators (toll-free and helpline numbers are left alone: they
  identify a service, not a person);
- dates of birth, only after a cue ("DOB", "born on", "date of birth"), so meeting dates pass;
- health card, record and case numbers after a cue ("OHIP", "MRN", "chart #", "client id"), and
  the shapes of SSNs and Ontario health numbers;
- street addresses (a number, one to three words, a street type, with no small words such as
  "to" or "the" between: "42 Maple Street" but not "5 people to court") and postal codes;
- names with health details: a full name ("Jane Smith", "Mrs. Nguyen", "Sarah K.") with a health
  or service word in the same sentence, or a single capitalised name with a health word. A health
  word right after "my" is the speaker's own ("my own diagnosis") and does not count.

Platform mentions (`<@U123>`), channel links and URLs are removed first: they are ids, not people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Every pattern here must take time in proportion to the text, never its square: a 40,000-character
# message (Slack's most) once took 7.5 s here and stalled everyone's requests behind it. So each
# open-ended run either cannot restart inside itself (a lookbehind: the e-mail's local part starts
# only where such a run starts; `[^<>]` stops at the next "<"), or is bounded ({0,40}), and no
# search slices or rescans the text once per match. tests/test_abuse.py times the worst shapes.
_MENTIONS = re.compile(r"<(?!mailto:)[^<>]*>|https?://\S+")
_MAILTO = re.compile(r"<mailto:([^|<>]+)(?:\|[^<>]*)?>")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
TOLL_FREE = re.compile(r"^(?:\+?1[ .-]?)?\(?8(?:00|88|77|66|55|44|33)\b|^0(?:800|808|500)|^1[38]00")
PHONES = [
    re.compile(r"(?<![\w+-])(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]\d{4}(?![\w-])"),  # North America
    re.compile(r"(?<![\w-])\+\d{1,3}(?:[ .-]?\d){7,12}(?![\w-])"),  # international, with +
    re.compile(r"(?<![\w-])0\d{2,4}[ .-]?\d{3}[ .-]?\d{3,4}(?![\w-])"),  # UK, Ireland, Australia, NZ
]
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
DATE = (rf"(?:\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)? {MONTH},? \d{{4}})")
BIRTH = re.compile(rf"\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born(?: on| in)?|birthday)\W{{0,3}}"
                   rf"(?:is |was )?{DATE}", re.IGNORECASE)
RECORD_CUE = (r"health card|health number|ohip|msp|ramq|care card|phn|personal health number|medicare|nhs|ihi|nhi|"
              r"mrn|medical record|record|chart|file|case|client id|client|patient id|patient|ssn|social security|"
              r"sin|social insurance|ppsn?|id")
RECORD = re.compile(rf"\b(?:{RECORD_CUE})(?: number| no\.?| num| #|#| id)?\W{{0,3}}(?:is |was )?"
                    r"(?=[A-Z0-9 -]{0,20}\d[A-Z0-9 -]{0,20}\d[A-Z0-9 -]{0,20}\d[A-Z0-9 -]{0,20}\d)[A-Z]{0,3}\d[\dA-Z -]{3,60}",
                    re.IGNORECASE)
NUMBER_SHAPES = re.compile(r"\b\d{3}-\d{2}-\d{4}\b|\b[1-9]\d{3}[- ]\d{3}[- ]\d{3}(?:[- ]?[A-Z]{2})?\b")
STREET = re.compile(r"\b\d{1,5}[a-z]?\s{1,5}((?:[A-Za-z][\w'.-]{0,40}\s{1,5}){1,3})(?:street|st|avenue|ave|road|rd|boulevard|"
                    r"blvd|drive|dr|lane|ln|court|ct|crescent|cres|way|place|pl|terrace|parkway|pkwy|highway|hwy|"
                    r"circle|cir|trail|row|close|square|sq)\b", re.IGNORECASE)
SMALL_WORDS = {"to", "the", "of", "for", "with", "a", "an", "in", "on", "at", "and", "or", "my", "our", "their",
               "his", "her", "other", "more", "people", "persons", "times", "days", "hours", "weeks", "years",
               "minutes", "blocks", "ways", "kids", "clients", "down", "up", "from", "by", "different"}
POSTAL = [re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b", re.IGNORECASE),  # Canada
          re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")]  # UK, written in capitals

HEALTH = re.compile(
    r"\b(?:relapse[ds]?|relapsing|diagnos(?:ed|is)|schizo\w*|bipolar|psychosis|psychotic|depress(?:ion|ed)|ptsd|"
    r"borderline|bpd|ocd|adhd|autis\w*|dementia|hiv|aids|hep c|hepatitis|cancer|pregnant|miscarriage|"
    r"overdos\w*|detox|withdrawal|methadone|suboxone|narcan|fentanyl|heroin|meth|crack|cocaine|opioids?|"
    r"alcoholic|(?:using|drinking) again|sober|sobriety|rehab|hospitali[sz]ed|admitted|discharged|psych ward|"
    r"inpatient|sectioned|suicidal|suicide attempt|self[- ]harm\w*|cutting|eating disorder|anorexi\w*|bulimi\w*|"
    r"meds|medications?|prescriptions?|psychiatri\w*|diabet\w*|seizures?|epilep\w*|stis?|stds?|tuberculosis)\b",
    re.IGNORECASE)
SERVICE = re.compile(r"\b(?:appointments?|court|probation|parole|shelter|housing|caseload|client|clinic|worker|"
                     r"benefits|odsp|welfare|i support|we support|the person|people i support)\b", re.IGNORECASE)
# A full stop after a title or an initial ("Mrs. Nguyen", "Sarah K. relapsed") does not end a sentence.
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!Mx\.)(?<!Dr\.)(?<! [A-Z]\.)\s+|\n+")
NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
TITLE = r"(?:Mr|Mrs|Ms|Mx|Miss)\.?"
STARTS_LIKE_A_PERSON = re.compile(r"\s+(?:is|was|has|had|keeps|just|recently|finally|also|told|said|says)\b")
HEALTH_NEXT = re.compile(r"\s*" + HEALTH.pattern, re.IGNORECASE)  # a health word right after a position
OWN = re.compile(r"\bmy(?: own)?(?: \w+)?\s*$", re.IGNORECASE)
FULL_NAME = re.compile(rf"\b(?:{TITLE} {NAME}|{NAME} (?:{NAME}|[A-Z]\.))(?![\w'])")
# Capitalised words that are not people: question words, roles, places, days, documents.
NOT_NAMES = set("""I I'm I've I'd A An The This That These Those My Our Your His Her Their It It's Is Are Was Were
Be Can Could Should Would Will Do Does Did Have Has Had What What's Whats When Where Who Why How Which If
And But Or So Also Just Not No Yes Hi Hello Hey Thanks Thank Please Ok OK Okay Today Tomorrow Yesterday
Peer Peers Worker Workers Support Supporter Supporters Supervisor Supervisors Supervision Team Manager
Staff Director Coordinator Lead Nurse Doctor Dr Counsellor Counselor Therapist Worksheet Toolkit Standards
Standard Handbook Guide Guidelines Policy Recovery Relapse Harm Reduction Mental Health Wellness Centre Center
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Canada Canadian Ontario Quebec Alberta Manitoba Saskatchewan Nova Scotia
British Columbia Yukon Nunavut America American States United Kingdom England Scotland Wales Ireland Irish
Australia New Zealand Aotearoa Waterloo Wellington Toronto Ottawa Vancouver Montreal London Works Disability
Indigenous First Nations Inuit Métis God Christmas Easter Slack Discord Zoom Teams Google Outlook Lived
Experience Co Reflection Scenario Scenarios Check Task Topic Topics Sources Why More Talk Help Housing Work
Family Life Everything Nothing Someone Everyone Nobody People Staff Clients Client Treatment Care Group""".split())


@dataclass(frozen=True)
class Finding:
    """The kinds of identifying detail found, in plain words; empty when none."""

    kinds: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.kinds)


def _clean(text: str) -> str:
    return _MENTIONS.sub(" ", _MAILTO.sub(r" \1 ", text))


def _phone(text: str) -> bool:
    for pattern in PHONES:
        for match in pattern.finditer(text):
            if not TOLL_FREE.match(match.group(0)):
                return True
    return False


def _address(text: str) -> bool:
    for match in STREET.finditer(text):
        words = match.group(1).lower().split()
        if not SMALL_WORDS.intersection(words):
            return True
    return any(p.search(text) for p in POSTAL)


def _health_words(sentence: str) -> list[re.Match[str]]:
    """Health words that are not the speaker's own ("my own diagnosis", "my relapse")."""
    # Only the few words before each match can make it the speaker's own: look at those, not at
    # everything before it (which made a sentence of many health words quadratic).
    return [m for m in HEALTH.finditer(sentence) if not OWN.search(sentence[max(0, m.start() - 60):m.start()])]


def _named_with_health(text: str) -> bool:
    for sentence in SENTENCE_END.split(text):
        health = _health_words(sentence)
        service = None  # searched once per sentence, and only if a full name needs it
        for match in FULL_NAME.finditer(sentence):
            words = [w.rstrip(".") for w in match.group(0).split()]
            if any(w in NOT_NAMES for w in words if not re.fullmatch(TITLE, w + ".")) or match.group(0).isupper():
                continue
            if service is None:
                service = bool(health) or bool(SERVICE.search(sentence))
            if service:
                return True
        if not health:
            continue
        first = len(sentence) - len(sentence.lstrip(" \"'("))  # where the sentence's first word starts
        for match in re.finditer(rf"\b{NAME}\b", sentence):
            word = match.group(0)
            if word in NOT_NAMES or HEALTH.fullmatch(word):
                continue
            at_start = match.start() <= first
            # A capitalised first word is only a name when a health word or a verb follows it at once
            # ("Jane relapsed", "Sam has been using again"), not "Housing is hard when…".
            if at_start and not (HEALTH_NEXT.match(sentence, match.end()) or STARTS_LIKE_A_PERSON.match(
                    sentence, match.end())):
                continue
            return True
    return False


def identifying(text: str) -> Finding:
    """What in `text` seems to identify a person supported (kinds only, never the detail)."""
    text = _clean(text)
    kinds = []
    # A number read as a record number is not read again as a phone number.
    unrecorded = NUMBER_SHAPES.sub(" ", RECORD.sub(" ", text))
    checks = (("a name with health details", _named_with_health(text)),
              ("a date of birth", bool(BIRTH.search(text))),
              ("a health card or record number", unrecorded != text),
              ("a phone number", _phone(unrecorded)),
              ("an address", _address(text)),
              ("an email address", bool(EMAIL.search(text))))
    for kind, found in checks:
        if found:
            kinds.append(kind)
    return Finding(tuple(kinds))


def reminder(finding: Finding) -> str:
    """The private word added to an answer; it names the kinds of detail, never the detail."""
    what = ", ".join(finding.kinds[:-1]) + (" and " if len(finding.kinds) > 1 else "") + finding.kinds[-1]
    return (f"A gentle reminder: your message looks like it may include {what}. Details that could identify "
            "a person you support don't belong in chat, even with me. I don't keep what you write, but the "
            "chat platform does, so if others can see your message, you may want to edit those details out. "
            "Describing the situation without them works just as well.")
