"""Reading what kind of question a free-text message is, before searching.

A task question ("can I…", "my manager wants me to…", "is that a peer task?") goes to the task
answerer first; a definition question ("what is…", "what does … mean") to the definitions; anything
else is searched everywhere and kept only if the match is confident. A question about the running of
the workplace (a time, a place, a number, an office service) is none of these: the sources have
nothing to say about it, and a word it shares with them ("staff", "team") must not pass for a match.
"""
from __future__ import annotations

import re

from bot.answering.text import clean

# A question that opens by naming an activity ("visiting someone at their home", "answering our peer
# warmline") asks whether it is peer work: round 5 found 32 of 103 blind task questions so shaped and
# none of the topic sets' (a label before a colon, "hiring panel question: what if…", opens the
# question that follows it instead).
ACTIVITY_OPENING = (r"^(?!(?:some|any|no|every)thing\b|morning\b|evening\b|during\b|bring\b|thing\b|according\b"
                    r"|[^?]*: ?(?:what|how|why|when|who)\b)[a-z]+ing\b")
ACTIVITY = re.compile(ACTIVITY_OPENING)
TASK = re.compile(
    r"\b(?:(?:can|could|may|should|shall|do|must) (?:i|we|a peer(?: worker| supporter)?|peer workers?|peers|peer supporters?|you)\b"
    r"|is it (?:ok|okay|alright|fine|appropriate|allowed|acceptable|my job|part of)"
    r"|am i (?:allowed|supposed|expected|meant|ok)"
    r"|(?:wants?|asked|asks|told|expects?|expected|keeps? asking) (?:me|us|peers?|peer workers?) to"
    r"|peer (?:task|work|role)\b|part of (?:my|the|a peer'?s?) (?:job|role|work)"
    r"|(?:is|are) (?:this|that|it) (?:a |my )?(?:job|task|thing)"
    # "are those a peer thing?", "is that doing my job?" ("is that ok?" after something I did: `SELF_CHECK`)
    r"|(?:are|is) (?:those|these|they|that|this) (?:a |my )?peer (?:thing|task)|(?:a|my) peer thing"
    r"|(?:actually |really )?doing my job\b"
    r"|would (?:it|that) be (?:ok|okay|appropriate)"
    r"|" + ACTIVITY_OPENING + ")")
DEFINITION = re.compile(
    r"^(?:what(?:'s| is| are|s)|define|definition of|meaning of|explain|tell me about)\b"
    r"|\bwhat does .+ mean\b|\bwhat do (?:you|we|people) mean by\b|\bwhat(?:'s| is|s) (?:a|an|the) .+\?$")

# Asking for a time, a place, a contact detail, whether the office is open, or for the bot to do an
# office errand. Each pattern names the logistics outright, so "when is it ok to share my story?"
# or "where do I draw the line?" stay questions about the role.
LOGISTICS = re.compile(
    r"^(?:what time|when(?:'s| is| are| does| do)\b.{0,40}\b(?:meeting|party|payday|pay day|lunch|retreat|training session"
    r"|shift|deadline|holiday|potluck|group start)|where(?:'s| is| are| do i| can i) (?:the )?(?:park|parking|fire exit"
    r"|washroom|bathroom|staff room|kitchen|printer|meeting room|boardroom|office|head office|new site))"
    r"|\b(?:what(?:'s| is) the|need the|give me the) (?:phone )?(?:number|extension|address|password|wifi|wi-fi|email) (?:for|of|to|at)\b"
    r"|\b(?:wifi|wi-fi) password\b"
    r"|\bis the (?:office|building|clinic|site|centre|center|drop-in) (?:open|closed)\b"
    r"|\bwho do i (?:call|phone|email|contact|ask) (?:to|about) (?:fix|book|order|reset|get|repair)\b"
    r"|\b(?:what(?:'s| is) for (?:lunch|dinner|breakfast))\b"
    r"|\bcan you (?:please )?(?:help me )?(?:book|order|reset|find the form|remind me how to (?:book|submit|log|reset))\b"
    # Pay, benefits, claims, shifts, rooms, rotas, parking, IT, weather and office events.
    r"|\b(?:when do we get paid|pay ?day|paycheque|paycheck|pay stub|direct deposit|dental plan|benefits plan"
    r"|vacation days|sick days|(?:mile?age|expense|travel) claims?|(?:submit|file|hand in) (?:my |a |the )?timesheets?"
    r"|cover my \w* ?shift)\b"
    r"|\bwho(?:'s| is) (?:the [\w ]{1,30} )?on call\b|\b(?:what|which) room\b"
    # Round 6: "where do I book the big meeting room on the third floor?"
    r"|\b(?:book|booking|reserve|reserving) (?:the |a )?(?:[\w-]+ )?(?:meeting room|boardroom|conference room|room)\b"
    r"|\bpark(?:ing)? (?:in|at) the\b|\b(?:visitor|staff) (?:lot|parking)\b"
    r"|\b(?:outlook|email|laptop|computer|vpn|network) password\b|\bwi-?fi\b"
    r"|\b(?:snow|rain|weather|forecast)\b|\b(?:potluck|holiday party|staff party|christmas party)\b"
    r"|\b(?:getting|get|order|ordering) for lunch\b"
    # Expense claims, and asking the bot to write something personal for you.
    r"|\bhow (?:do|can|should) i (?:expense|claim|get reimbursed for|get paid back for)\b"
    # Round 4: a jammed printer, a reimbursement form, what the job pays per hour.
    r"|\b(?:printer|photocopier|copier|fax machine)\b|\b(?:mile?age|expense|travel) (?:reimbursement|claim) forms?\b"
    r"|\breimbursement forms?\b|\b(?:earn|make|paid|pay|get paid)s? (?:per|an|by the) hour\b|\bhourly (?:wage|rate|pay)\b"
    r"|\b(?:can|could|would|will) you (?:please )?(?:help me )?(?:write|draft|proofread|edit|polish|fix) (?:up )?(?:my|me a|a)"
    r" (?:cover letter|resume|résumé|cv|essay|assignment|personal email|letter of resignation|resignation letter)\b"
    # Asking the bot for code, a spreadsheet formula or a recipe.
    r"|\b(?:write|make|build|give) (?:me |us )?(?:a |some )?(?:python |excel |vba |sql )?(?:script|code|macro|formula)\b"
    # Round 9: the same asked without "can you" ("write me a cover letter for…", "draft my resume":
    # the asker's own, not helping someone with theirs, which is a ruling),
    # a spreadsheet's formula or function named outright, a billing or diagnosis code.
    r"|^(?:please |pls |hey,? |can u |could u )?(?:write|draft|proofread|polish|fix up|rewrite) (?:(?:me|us) (?:up )?(?:a |an |my )?|(?:up )?my )"
    r"(?:cover letter|resume|résumé|cv|essay|assignment|personal email|letter of resignation|resignation letter|grant (?:application|proposal))\b"
    r"|\b(?:excel|spreadsheet|google sheets?|sheets) (?:formula|function|macro|pivot)s?\b|\bformula (?:to|for|that) (?:total|sum|add|count|average)\b"
    r"|\b(?:billing|icd|icd-10|cpt|diagnos(?:is|tic)|procedure|insurance|dsm|dsm-?(?:5|iv|v|5-tr)|hcpcs|medicaid|medicare) codes?\b"
    # The law of a place: "is it legal where I live", "the drug laws in Ohio" (the sources say where
    # local law decides, and no more). Not "required by law to report…", which the sources do answer.
    r"|\blegal (?:where (?:i|we|you) live|in (?:my|our|this|the) (?:state|province|county|country|city)|here)\b"
    r"|\blaws? (?:in|of) (?:my|our|this|the) (?:state|province|county|country|city)\b"
    # Fitness plans and the rules of a sport ("a marathon plan for a beginner", "the offside rule").
    r"|\b(?:marathon|half marathon|triathlon|5k|10k|couch to 5k|workout|gym routine|weight ?lifting|push-?ups|sit-?ups)\b"
    r"|\b(?:offside|offsides) rule\b|\brules of (?:soccer|basketball|hockey|football|baseball|tennis|volleyball|cricket|rugby|golf)\b"
    # Round 10, asked by both new writers: the asker's own taxes ("can I deduct my car mileage on my
    # taxes", "write off my car as a self-employed peer worker"; helping someone with theirs stays a
    # ruling), the asker's own landlord ("my landlord is trying to evict me"; "his landlord" is work),
    # the law of a place named ("is that legal in Alberta?", "under UK law…"; not Ontario or B.C.,
    # whose rules the toolkit and the standards do speak of), and trivia ("the capital of Nunavut",
    # "who wrote 'Reasons to Stay Alive'?").
    r"|\b(?:deduct|deducting|claim|write off|writing off)\b[^.?!]{0,40}\b(?:on|from|against|for|in) my (?:\w+ )?tax(?:es| returns?)?\b"
    r"|\b(?:write|writing) (?:it )?off (?:my|the|a) (?:car|vehicle|truck|mile?age|gas|phone|cell|laptop|home office|rent|expenses?)\b"
    r"|\btax (?:write-?offs?|deductions?|deductible|returns?|brackets?|credits?|refunds?)\b|\b(?:file|filing|do|doing) my (?:own )?(?:income )?tax(?:es| returns?)\b"
    r"|\bmy (?:own )?landlord\b|\bevict(?:s|ing|ed)? me\b"
    r"|\blegal in (?:quebec|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|nunavut|yukon"
    r"|(?:the )?northwest territories|prince edward island|pei|the us|the usa|the states|america|the uk|england"
    r"|australia|new zealand|ireland|scotland|[a-z]+ state)\b"
    r"|\b(?:under|by|according to) (?:uk|british|english|scottish|irish|us|u\.s\.|american|australian) laws?\b"
    r"|\bcapital (?:city )?of\b|\bwho (?:wrote|invented|discovered|directed|painted|composed|sang)\b")
# Asking for clinical facts: symptoms, diagnoses told apart, doses, side effects, what is safe to
# mix, how long withdrawal lasts. Peer workers don't give clinical or medication advice, and the
# bot doesn't either; such a question gets a clear "not mine to answer" and who can answer it.
CLINICAL_INFO = re.compile(
    r"\b(?:(?:main |common |early )?(?:symptoms?|signs) of|difference between [\w' -]{1,40} and [\w' -]{1,40}"
    r"(?:disorder|schizo\w*|bipolar|depression|psychosis|anxiety|ptsd|adhd)|(?:max(?:imum)?|daily|normal|usual|starting|right|recommended|typical|safe|correct|proper|standard|average|effective)"
    r" (?:daily )?dose|dosage|side effects? of|safe to (?:mix|take|have|drink|combine)|on (?:\w+(?:pam|lam|pine|zine|done|ine|ol))\b.{0,20}\?"
    r"|how long does [\w ]{0,30}(?:withdrawal|detox|high|come ?down|take to (?:work|kick in))|(?:mg|milligrams?)\b"
    r"|which (?:one|med|medication|drug|antipsychotic|antidepressant) is better"
    # Comparing medications or their side effects ("which antipsychotic causes the least weight gain",
    # "which one has fewer side effects"): a prescriber's question, however it is worded.
    r"|which (?:\w+ )?(?:meds?|medications?|drugs?|pills?|antipsychotics?|antidepressants?|benzos?|ssris?|stimulants?"
    r"|mood stabili[sz]ers?|sleeping pills?) (?:has|have|is|are|causes?|gives?|works?)\b"
    r"|\b(?:fewer|less|least|more|most|worse|worst) (?:\w+ )?side effects\b)")
# "Can you take tylenol with seroquel?", "can you mix lorazepam and alcohol?", "how many doses of
# naloxone?", "do I have ADHD?": mixing, dosing and self-diagnosis, clinical however they are asked,
# even in the "can you…" / "do I…" shape of a task question.
CLINICAL_ALWAYS = re.compile(
    r"^(?:can|could|should|is it ok to) (?:you|i|he|she|they|someone|people)? ?(?:mix|combine|take|drink on) [\w-]+ (?:and|with) [\w-]+"
    r"|\bhow many (?:doses|sprays|pills|tablets|shots)\b"
    r"|^(?:do|could|might) i have (?:adhd|add|bipolar|depression|anxiety|ptsd|ocd|autism|bpd|schizophrenia)\b")
# Round 11, the same kind, tried only on a message carrying one of DRUG_FACT_WORDS (searched alone,
# these alternatives took the pattern from 3 to 33 microseconds a question):
DRUG_FACT_WORDS = ("how long", "show", "detect", "positive", "half", "lethal", "fatal", "toxic", "overdose", "ml",
                   "millilit", "mcg", "microgram", "how much", "dose", "prescribe", "dispense", "exposure", "pep")
DRUG_FACTS = re.compile(
    # Round 11: how long a drug shows up in a test (seven writers have asked it, for someone they
    # support or before a shift) and a drug's half-life: toxicology, whoever it is for.
    r"\bhow long (?:does|do|will|would|can|is|are) [\w -]{1,30}? (?:stay|stays|show up|shows up|remain|remains|be detectable"
    r"|stay detectable|detectable|linger|be found)\b[^.?!]{0,30}\b(?:urine|system|blood|hair|saliva|drug tests?|tox\w*)"
    r"|\b(?:show up|shows up|detectable|test positive|detection window)\b[^.?!]{0,20}\b(?:urine|drug|tox\w*|hair|saliva|blood) (?:tests?|screens?)\b"
    r"|\bhalf-?life\b|\b(?:lethal|fatal|toxic|overdose) (?:dose|threshold|amount|level)s?\b|\b(?:ml|mls|millilit(?:re|er)s?|mcg|micrograms?)\b"
    # How much of a drug to give, and when again ("how much naloxone should I give and how many
    # minutes between doses?", "how many minutes do i wait before the second dose").
    r"|\bhow much (?!of\b)\w+ (?:should|do|can|would|could|to) (?:i |we |you |she |he |they )?(?:give|take|use|administer)\b"
    r"|\b(?:between|before the (?:second|next)|until the (?:second|next)|till the (?:second|next)) doses?\b"
    # Who may prescribe what, and post-exposure treatment: a prescriber's question.
    r"|\b(?:can|could|may|is) (?:a |an |the )?(?:nurse practitioner|np|nurse|pharmacist|doctor|physician|psychiatrist|rn|gp|prescriber)s?"
    r" (?:legally |actually )?(?:prescribe|dispense)\b|\bpost-exposure\b|\bpep\b")


# Round 11: what lies outside the sources however near the work it comes (both new writers, and
# four before them): a named body of law ("the tenancy law in BC", "under Ontario employment law"),
# a regulator's process ("apply for a supervised consumption site exemption from Health Canada"),
# what an insurance policy covers, a union grievance, and which bus goes where. Unlike office
# logistics, asking it for or about someone supported does not make it peer work.
OUTSIDE_THE_SOURCES = re.compile(
    r"\b(?:tenancy|tenant|landlord|rental|housing|employment|labou?r|immigration|family|criminal|traffic|drug|cannabis|tax"
    r"|privacy|human rights|mental health|health) (?:law|laws|act|legislation|code|standards act)\b(?! of conduct)"
    r"|\bhealth canada\b|\bsection 56\b|\b(?:apply|applying|application) for (?:a |an |the |our )?[\w -]{0,40}?(?:exemption|licen[cs]e|permit)\b"
    r"|\b(?:auto|car|vehicle|home|tenant|renter'?s|liability|travel|life|disability|malpractice) insurance\b"
    r"|\binsurance (?:cover|covers|policy|claim|premium|deductible)s?\b"
    r"|\b(?:union|grievance|collective agreement|unpaid overtime)\b[^.?!]{0,40}\b(?:grievance|overtime|back me|file|arbitration)\b"
    # (Round 11, second pass: "best bus route downtown to the hospital from the east end": a place
    # or two may come before "to" or "from", and the best or quickest route anywhere is a map's.)
    r"|\bbus (?:routes?|schedules?|times|numbers?)\b(?! by\b)(?= (?:[\w-]+ ){0,2}(?:that |which )?(?:go|goes|run|runs|from|to|between)\b|\s*\?)"
    r"|\b(?:best|fastest|quickest|shortest|easiest) (?:bus |transit |subway |train |driving |walking |cycling |bike )?route\b"
    r"|\b(?:which|what) bus (?:goes|do i take|should i take|route)\b"
    r"|\bhow many (?:people|clients|participants|folks|cases|files)\b[^.?!]{0,50}\bcaseload\b|\bcaseload (?:size|ratio|cap|limit)s?\b"
    # Wages, fees and prices, money kept or invested ("a typical salary range for a peer specialist",
    # "the actual steps and fees", "invest the leftover money, stocks or a savings account"), and a
    # device to fix ("how do i fix my phone, it keeps dying").
    r"|\b(?:salary|salaries|wages?|pay scales?|pay ranges?|pay bands?)\b"
    r"|\bhow much (?:do|does|would|will|can|could) [\w -]{1,40}? (?:get paid|earn|make)\b(?! (?:of|a difference|sense)\b)"
    # A landlord's rights, and how long a hold lasts ("can a landlord in Ontario evict someone for…",
    # "how long can someone be held on a Form 1", "how many hours can a Form 1 hold someone").
    r"|\b(?:can|could|may|is it legal for|are) (?:a |the )?landlords? (?:in [\w ]{1,30} )?(?:legally )?(?:evict|raise|keep|enter|refuse|charge|kick|increase)\b"
    # The law asked outright of an employer or a staffing level ("is it illegal for my boss to…",
    # "how many staff do we legally need on shift"), a pardon, and what certification requires
    # ("how many hours of training for Georgia certification"). Not a duty to report, which the
    # sources speak of.
    r"|\bis it (?:illegal|against the law|legal) for (?:my|our|the|a|an) (?:boss|employer|manager|agency|landlord|company|supervisor|org)\b"
    r"|\blegally (?:need|required to have|have to have|allowed to have)\b(?! to report)|\bdo we legally need\b"
    r"|\brecord suspension\b|\bpardon\b|\b(?:police|criminal record|background|vulnerable sector) (?:checks?|screenings?)\b"
    r"|\b(?:parking|speeding|traffic) (?:tickets?|fines?)\b|\bwhat(?:'s| is| does) (?:the )?(?:hipaa|phipa|pipeda|fippa|gdpr)\b|\bhow many (?:hours|credits|courses|modules)\b[^.?!]{0,70}\bcertif\w*"
    r"|\bhow (?:long|many (?:hours|days)) (?:can|will|do|does|is|are) [\w -]{1,30}? (?:be held|be kept|be detained"
    r"|hold (?:someone|somebody|a person|people|them|him|her))\b"
    r"|\b(?:what(?:'s| is| are) the|and|how much (?:is|are) the) (?:[\w-]+ ){0,3}(?:fees?|prices?|costs?)\b"
    r"|\bhow much (?:does|do|would|will|did) (?:it|that|this|they|the [\w -]{1,30}) cost\b"
    r"|\b(?:invest|investing)\b[^.?!]{0,40}\b(?:money|funds|stocks|savings|gics?|bonds)\b|\bsavings account\b|\binterest rates?\b"
    r"|\b(?:fix|repair|reset|unfreeze) (?:my|the|our|her|his) (?:work )?(?:phone|cell|cellphone|laptop|computer|tablet|ipad|iphone)\b"
    r"|\b(?:phone|battery|laptop|computer) (?:keeps|is) (?:dying|crashing|freezing)\b")


def looks_outside_the_sources(text: str) -> bool:
    """Law, regulators, insurance, unions, transit (see OUTSIDE_THE_SOURCES)."""
    return bool(OUTSIDE_THE_SOURCES.search(clean(text)))


# Small talk and requests for entertainment ("hey how's your day going?", "tell me a joke about
# supervisors"): nothing the sources answer, whatever role word they carry.
CHIT_CHAT = re.compile(
    r"\bhow(?:'s| is| was|s) (?:your|ur) (?:day|week|morning|afternoon|evening|night|weekend|shift)\b"
    r"|^(?:hey |hi |hello |yo )?how (?:are|r) (?:you|u|ya)(?: doing| today)?\W*$"
    r"|\b(?:tell|give) (?:me|us) (?:a|another|some) (?:joke|riddle|fun fact|story|poem)s?\b|\b(?:know|got) any (?:good )?jokes\b"
    r"|\b(?:write|make up) (?:me )?(?:a|an) (?:poem|song|haiku|limerick|rap)\b"
    r"|\bwhat(?:'s| is) (?:your|ur) favou?rite\b|\bwhat (?:are|r) (?:you|u) up to\b")


def looks_like_chit_chat(text: str) -> bool:
    """Small talk or a request for entertainment (see CHIT_CHAT)."""
    return bool(CHIT_CHAT.search(clean(text).strip()))


def looks_like_logistics(text: str) -> bool:
    """About the running of the workplace, not the peer role (see LOGISTICS)."""
    return bool(LOGISTICS.search(clean(text).strip()))


def looks_like_clinical_question(text: str) -> bool:
    """Asks for clinical or medication facts (see CLINICAL_INFO)."""
    return bool(CLINICAL_INFO.search(clean(text))) or looks_clinical_always(text)


def looks_clinical_always(text: str) -> bool:
    """Mixing, dosing or self-diagnosis (see CLINICAL_ALWAYS): clinical even when shaped like a task."""
    text = clean(text).strip()
    return bool(CLINICAL_ALWAYS.search(text)) or (any(word in text for word in DRUG_FACT_WORDS) and bool(DRUG_FACTS.search(text)))


# "I picked up the office phone a couple times. is that ok?", "my whole job has turned into taking
# people bowling. is that normal": asking whether something *I* do is all right. Only when the
# asker is the one doing it: "my supervisor asks every week if I'm taking my meds, is that ok" asks
# about someone else's conduct, which a topic answers.
SELF_CHECK = re.compile(r"\b(?:is|was|are|were) (?:this|that|it|those|these) (?:ok|okay|alright|all right|fine|normal|allowed|appropriate)\b")
DOING_IT = re.compile(r"(?:^|[^\w'])i (?!support\b|work with\b|see\b)(?:\w+)\b|\bmy (?:whole |main )?(?:job|role|work)\b")


def names_activity(text: str) -> bool:
    """Opens by naming an activity (ACTIVITY_OPENING): the question left unsaid is whether it is peer work."""
    return bool(ACTIVITY.match(clean(text)))


def looks_like_task(text: str) -> bool:
    t = clean(text)
    return bool(TASK.search(t)) or bool(SELF_CHECK.search(t) and DOING_IT.search(t))


def looks_like_definition(text: str) -> bool:
    return bool(DEFINITION.search(clean(text).strip()))
