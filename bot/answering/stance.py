"""Stance: which side of a distinction a question, or a ruling, stands on.

Many rulings come in pairs that differ by one word: phoning a landlord *with* the person or *for*
them, testifying *against* someone or *for* them, a task the *person* asked for or one the *team*
wants, *now and then* or *routinely*. A retriever sees the shared words and little else, so the
side is read here, as structure, from tables:

- `SIDES`: for each dimension (with the person there or not, who asked, against or in support, what
  the person wants, whose agenda, pushing toward or away from treatment), the patterns that put a
  text on one side or the other;
- `FACET_SIDES`: the dimensions the facet detectors (`bot.answering.facets`) already read (who acts: for or
  with; how often), and `DECLARED`: who asked, from a ruling's declared `facets` (its authors'
  reading), so a ruling's side comes from its facets and from its task's own words;
- `RISKS`: the risks a ruling's verdict hangs on (watching or reporting, whose agenda, power over
  the person), on the side its verdict gives, unless `RISK_WORDS` finds the side said outright.

A ruling contradicts a question when, on some dimension, the question is on one side and the ruling
only on the other. Such a ruling cannot be the answer: the answerer takes the counterpart (the
nearest ruling on the question's side) or, with none, does not say yes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.facets import detect, situation
from bot.answering.text import clean

_P = r"(?:him|her|them|the person|someone|somebody|my client|the participant)"
_SUBJ = r"(?:he|she|they|the person|someone)"

_STAFF = (r"(?:my|the|our) (?:manager|boss|supervisor|team|treatment team|clinical team|care team|director|program"
          r"|agency|organi[sz]ation|coordinator|employer|doctor|psychiatrist|nurse|case manager|clinician|staff|lawyer"
          r"|outreach team|landlord|housing worker)|(?:his|her|their) (?:doctor|psychiatrist|case manager|lawyer|team)"
          # (Round 11: "a woman at outreach told me…" is someone met on outreach, not the outreach team.)
          r"|(?:the )?treatment plan|(?:the )?care plan|management|(?<!at )(?<!on )(?<!from )(?<!during )outreach")
# dimension -> side -> pattern. Only the sides the facet detectors (`bot.answering.facets`) do not read already,
# and who asked, read strictly: a question that only mentions the team is not the team asking.
SIDES: dict[str, dict[str, re.Pattern[str]]] = {
    "who asked": {
        "the team": re.compile(
            rf"\b(?:{_STAFF}) (?:wants?|asked|asks|told|tells|expects?|needs?|would like|keeps? asking|says?)"
            rf" (?:me|us|the peers?|peer (?:staff|workers?))\b|\bi'?m (?:being )?(?:asked|told|expected) to\b"
            rf"|\bi (?:was|have been|'ve been) (?:asked|told) to\b|\bbecause the team wants\b"
            # "the team says it would help if I…", "my manager thinks I should…"
            rf"|\b(?:{_STAFF}) (?:says?|said|thinks?|feels?) (?:it(?:'d| would) (?:help|be good|be great) if i|i should)\b"
            # Round 4: "Team wants me to…" with no "the"; "staff keep complaining … and want me to…"
            rf"|(?:^|[.,;:!?] ?)(?:team|staff|management|boss|manager|supervisor) (?:wants?|asked|asks|told|expects?) me to\b"
            rf"|\b(?:staff|the team|my team|management|my manager|my boss|(?:crisis|care|treatment|clinical|outreach|act|housing|shelter|mobile) team)\b(?! wrote\b)[^.?!]{{0,80}}\band (?:wants?|asked|asks|keeps? asking) me to\b"
            # Round 5: "my supervisor says my 1:1s with him should focus on…"
            rf"|\b(?:{_STAFF}) (?:says?|said|thinks?|decided) (?:that )?(?:my|our|the|all) [\w:' ]{{1,30}}? (?:should|must|needs? to|have to|has to|are to|is to)\b"
            # Round 5: "my manager keeps handing me case coordination stuff"
            rf"|\b(?:{_STAFF}) (?:keeps? |always |often )?(?:hand|hands|handing|give|gives|giving|pass|passes|passing|dump|dumps|dumping|assign|assigns|assigning) me\b"
            # Round 5: "the team wants a quick heads up from me", "shelter staff want me to", "front desk wants me to"
            rf"|\b(?:{_STAFF}) (?:wants?|expects?|needs?) (?:a |an |some |the )?[\w ]{{1,30}} from me\b"
            # Round 6: "the nurse wants my take on how well a client is functioning"
            rf"|\b(?:{_STAFF}) (?:wants?|asked for|asks for|needs?|would like) my (?:take|view|opinion|read|input|impression|thoughts)\b"
            rf"|\b(?:{_STAFF}) (?:asked|asks) (?:me )?(?:if|whether) i\b"
            rf"|\b(?:\w+ )?(?:staff|team|desk|management|lead|nurse|doctor|coordinator|psychiatrist|psych|therapist|clinician"
            rf"|counsell?or|case manager|case worker|social worker|director|program manager) (?:wants?|want|asked|asks|expects?) (?:me|(?:our|my|the|a) peer(?: worker| specialist| staff| supporter)?) to\b"
            rf"|\b(?:\w+ )?(?:staff|team|management|lead|supervisor|manager|boss) (?:says?|said|thinks?|feels?) (?:that )?i (?:should|need to|have to|must)\b"
            # Blind 7, in a manager's or nurse's voice: "staff asked our peer to…", "we want the peer to…"
            rf"|\b(?:(?:{_STAFF})|staff|the team|we) (?:wants?|asked|asks|told|tells|expects?|would like|'d like|need|needs) (?:our|my|the|a) peer(?: worker| staff| specialist| supporter)? to\b"
            # Round 11: "we'd like our peer worker to go with a woman to a concert", "I'd like our peer staff to do 1:1 visits"
            rf"|\b(?:we|i)(?:'d| would) like (?:our|my|the) peer(?: worker| staff| specialist| supporter)?s? to\b"
            # "I was going to have her read through all the charts": the asker setting the peer worker's task.
            rf"|\b(?:i|we)(?:'m| am| was| were|'d| would)? (?:going to |gonna |planning to |thinking of |want to |like to )?(?:have|get|make)"
            rf" (?:her|him|them|the peer|our peer|my peer|our new peer)(?: worker| staff| specialist)? (?:read|go through|review|do|spend|cover|drive|file|sit in|attend|write|call|check)\b"),
        "the person": re.compile(
            rf"\b(?:{_SUBJ}|the person i support|someone i support|a person i support|(?:one of )?(?:my|the) (?:guys|people|participants?|clients?)"
            # Round 5: "a participant asked me to…", "a woman I support asked if…"
            rf"|(?:a|an|this|one) (?:participant|client|resident|member|guy|woman|man|lady|young person|youth|person)(?: (?:i|we) (?:support|work with|see))?)"
            rf" (?:asked|asks|keeps? asking|keeps? begging|wants|would like|requested|invited) (?:me|if|whether|us)\b(?! not to\b)"
            # Round 9: "a guy at the shelter wants to know what staff wrote… and asked me to go through it with him"
            rf"|(?:^|[.!?] )(?:a|an|this|one) (?:participant|client|resident|member|guy|woman|man|lady|young person|youth|person|patient|tenant)"
            rf" (?:at|in|from|on) (?:the|our|my) [\w-]+(?: [\w-]+)?\b[^.?!]{{0,80}}\b(?:asked|asks) (?:me|us) (?:to|if|whether)\b"
            # (Round 10: not "my supervisor asked if I'd knock on his door Saturday", staff asking.)
            rf"|\b(?<!supervisor )(?<!manager )(?<!boss )(?<!team )(?<!nurse )(?<!doctor )(?<!staff )(?<!director )(?<!coordinator )(?<!psychiatrist )(?<!clinician )(?<!lead )asked (?:me )?(?:if|whether) i(?:'d| could| would| can| might)?\b|\bat (?:his|her|their) request\b"),
    },
    # With the person there, or behind their back.
    "person there": {
        "absent": re.compile(
            rf"\b(?:without {_P} (?:there|present|in the room|on the (?:call|line)|knowing|being there)"
            rf"|without (?:his|her|their) (?:knowledge|knowing|say|consent|permission|input)"
            rf"|without (?:telling|asking|involving) {_P}|behind (?:his|her|their) back"
            rf"|(?:while|when) {_SUBJ} (?:isn'?t|aren'?t|is not|are not|'s not|'re not|is away|are away|is out|are out)\b"
            # Round 5: "and she isn't there", "when they're not around"
            rf"|\b(?:while|when|and|but|since|if) (?:he|she|they|the person) (?:isn'?t|aren'?t|is not|are not|wasn'?t|weren'?t)"
            rf" (?:there|present|around|here|in the room|invited|at the (?:meeting|table))\b"
            rf"|\b(?:while|when|and|but|since|if) (?:he'?s|she'?s|they'?re|he is|she is|they are) not (?:there|present|around|here|in the room|invited)\b"
            rf"|(?:he|she|they) (?:won'?t|wouldn'?t|will not) (?:be there|know)"
            # "I'm just going to go down to the housing office myself and sort it out for her"
            rf"|(?:go|going|head|heading)\b[^.?!]{{0,40}}\bmyself and (?:sort|fix|deal|handle|take care|get)\w*"
            # "drop off the blister packs, no visit, just leave them"; "while they wait outside"
            rf"|no (?:visit|contact|chat|face to face)\b|just (?:leave|drop) (?:it|them|the \w+) (?:at|on|by|outside|off)\b"
            # Round 11: "do the shopping for a participant, drop it off and go"
            rf"|\bdrop(?:s|ping|ped)? (?:it|them|(?:the|his|her|their) \w+) off and (?:go|leave|head off|take off)\b"
            rf"|\bdrop(?:s|ping|ped)? (?:it|them|(?:the|his|her|their) \w+ )?off\b[^.?!]{{0,40}}\bwithout (?:stopping|staying|visiting|going in|coming in|seeing (?:him|her|them))\b"
            rf"|(?:while|and) {_SUBJ} waits? (?:outside|in the car|in the hall)|without (?:seeing|meeting|talking to) {_P}"
            # Round 10: "go to his housing meeting and speak for him so he doesn't have to come"
            rf"|\bso (?:he|she|they|the person) (?:doesn'?t|don'?t|does not|do not|won'?t|will not|wouldn'?t) (?:have|need) to (?:come|go|be there|attend|show up|turn up|be in the room)\b"
            rf"|\b(?:instead of|in place of) (?:him|her|them|the person) (?:coming|going|being there|attending)\b"
            # Round 9: "argue the patient's case at team meeting while the patient stays on the ward"
            rf"|\bwhile (?:the |my |our )?(?:patient|client|participant|resident|member|person|tenant|he|she|they) (?:stays?|remains?|waits?|is still) (?:on|in|at|back|behind)\b"
            # Round 5: "handing out kits at the door without really talking to anyone"
            rf"|without (?:really |actually |ever )?(?:talking|speaking|chatting) (?:to|with) (?:anyone|anybody|people|folks|them|the people))"),
        "present": re.compile(
            rf"\b(?:with {_P} (?:(?:sitting|standing|right|still) )*(?:there|present|in the room|beside me|next to me|on (?:the )?speaker)"
            rf"|(?:he|she|they)(?:'s| is|'re| are) (?:right )?(?:there|in the room|next to me|beside me|on the line)"
            rf"|(?:client|person|participant|patient|tenant|resident) (?:is|'s) (?:sitting |standing )?(?:right )?(?:there|beside me|next to me|in the room)"
            rf"|three-way call|together on the (?:phone|call)|while {_SUBJ} (?:listens|listen|sits|sit) (?:in|with))"),
    },
    # In support of the person, or against them.
    "side": {
        "against": re.compile(
            rf"\b(?:against {_P}|(?:testify|testifying|witness|statement|evidence|speak|speaking) against"
            rf"|for the prosecution|to (?:evict|discharge|cut off|get rid of) {_P}|take (?:his|her|their) (?:kids|children) away"
            rf"|(?:should|to) lose (?:custody|(?:his|her|their) (?:kids|children|housing|apartment|benefits))"
            rf"|(?:testify|say|argue|tell the (?:court|judge)|recommend) (?:that )?(?:she|he|they) (?:should|needs? to) (?:be|stay|lose)"
            # Testifying "about how unwell he's been" makes the team's case for holding him.
            rf"|(?:testif\w*|witness|statement|evidence|tell the (?:court|judge|hearing))\b[^.?!]{{0,60}}\babout how"
            rf" (?:unwell|sick|ill|bad|dangerous|paranoid|unstable|psychotic|manic|out of control|much (?:he|she|they)))"),
        "support": re.compile(
            rf"\b(?:(?:testify|testifying|speak|speaking|vouch|vouching) (?:for|on behalf of|in support of) {_P}"
            rf"|in (?:his|her|their) (?:favour|favor|support|defen[cs]e)|on (?:his|her|their) side"
            rf"|as (?:the person'?s?|his|her|their) advocate|advocat\w* (?:for|on behalf of) {_P}"
            rf"|character (?:reference|witness|letter)|support (?:him|her|them) (?:in|at) (?:court|the hearing))"),
    },
    # What the person wants: their own wish, or something they do not want.
    "the person's wish": {
        "unwanted": re.compile(
            r"\b(?:(?:doesn'?t|don'?t|does not|do not|didn'?t|did not) want(?:s)? (?:to(?! (?:be alive|live|be here|go on|wake up|exist|keep going|be around|leave(?: (?:him|her|them|the relationship|(?:her|his|their) (?:partner|husband|wife|boyfriend|girlfriend)))?)\b)|it|that|this|peer|any|me"
            # Round 5: "he doesn't want visits", "she doesn't want calls from us"
            r"|(?:the |our |my |these |those )?(?:visits?|calls?|check-?ins?|help|contact|services?|support|meds|medication|treatment|housing|a (?:visit|call|ride|worker)))"
            r"|against (?:his|her|their) (?:will|wishes)|(?:refuses|refused|won'?t go|isn'?t ready|is not ready)"
            r"|not (?:his|her|their) (?:choice|idea|decision)|never (?:chose|asked for)|not (?:his|hers|theirs)\b(?! [a-z])"
            r"|(?:he|she|they)(?:'s|'re| is| are) not (?:interested|into it|keen|ready)|(?:isn'?t|aren'?t) (?:interested|keen)"
            r"|(?:agency|team|program|employer)'?s? (?:goal|agenda|idea)"
            # Round 4: "even the ones who said no thanks", "she keeps saying it isn't hers"
            r"|(?:who|ones|he|she|they) (?:said|say|says|keeps? saying) no\b|(?:isn'?t|is not|aren'?t|are not) (?:his|hers|theirs)\b(?! [a-z])"
            # Blind 7: "the tenant has no interest in moving", "a teen who hasn't asked about it"
            # Round 9: "he asked me not to"
            r"|(?:he|she|they|the person) (?:asked|asks|begged) (?:me|us) not to\b"
            r"|(?:has|have|had|shows?|showing|with) (?:no|zero|little) interest\b|(?:hasn'?t|has not|haven'?t|have not|never) asked (?:for|about) (?:it|this|that|help|any)\b)"),
        "wanted": re.compile(
            rf"\b(?:{_SUBJ} (?:wants|asked|chose|chooses|decided|would like|requested)(?! (?:me |us )?not to\b)"
            rf"|(?:his|her|their) (?:own )?(?:choice|idea|decision|request|goals?)|at (?:his|her|their) request)"),
    },
    # Backing up what the person wants (the other side of someone else's agenda, which the facet
    # detectors read).
    "whose agenda": {
        "the person's own": re.compile(
            r"\b(?:back (?:him|her|them) up|back up what|stand up for (?:him|her|them|what)|speak up for (?:him|her|them|what)"
            r"|what (?:he|she|they) (?:actually|really|truly) wants?|(?:his|her|their) own (?:goals?|wishes|choices?|plan))"),
    },
    # Holding a peer worker to the same expectations as other staff, or letting them off them
    # (a supervisor's question: "can I let my peer worker skip the usual policies?").
    "expectations": {
        "exempt": re.compile(
            r"\b(?:(?:let|letting|lets|allow|allowing) (?:my |a |the |our )?(?:peer (?:worker|staff|specialist)s?|him|her|them) (?:skip|off|ignore|bypass|not follow)"
            r"|exempt\w*|excus\w* (?:him|her|them) from|lower (?:the )?(?:bar|standards?|expectations)|bend(?:ing)? the rules"
            r"|special (?:treatment|rules|exceptions?)"
            # Round 9: "says she shouldn't have to follow the same attendance policy as everyone else";
            # "the director won't let me let go of a peer who isn't doing the job"
            r"|(?:shouldn'?t|should not|doesn'?t|does not|don'?t|do not|needn'?t) (?:have|need) to (?:follow|meet|keep|stick to|go by|do)\b[^.?!]{0,50}\b(?:same|as everyone|as (?:the )?other|like everyone|the rest)"
            r"|(?:won'?t|will not|doesn'?t|does not|don'?t|do not|wouldn'?t) (?:let|allow) (?:me|us) (?:to )?(?:let (?:him|her|them) go|let go of|fire|dismiss|discipline)"
            r"|keep (?:him|her|them) on (?:anyway|regardless)"
            # Round 10: "HR: 'we can't fire her, she's a peer.' Shouldn't we just keep giving her chances?"
            r"|(?:can'?t|cannot|could ?n'?t|shouldn'?t) (?:fire|dismiss|discipline|let go of|let (?:him|her|them) go)\b[^.?!]{0,30}\b(?:she'?s|he'?s|they'?re|she is|he is|they are|because|since) (?:a |just a )?peer"
            r"|keep (?:giving|cutting) (?:him|her|them) (?:more |another |extra |endless )?(?:chances?|slack|breaks|passes))\b"),
        # Round 6: a requirement put on peer workers alone ("every peer staff member must have their
        # own WRAP on file, but nobody else"), the other side of holding them to the same expectations.
        "singled out": re.compile(
            r"\b(?:(?:but|and) (?:nobody|no one|no other staff|not anyone) else|when other staff (?:aren'?t|don'?t|are not|do not)"
            r"|(?:other|the rest of the|non-peer) staff (?:don'?t|aren'?t|do not|are not|never) (?:have to|need to|required)"
            r"|because (?:you'?re|they'?re|she'?s|he'?s|you are|they are|she is|he is) (?:a )?peers?(?: workers?)?(?:,|$| when| and)"
            r"|only (?:for )?(?:the )?peer (?:staff|workers?)\b"
            # Round 11: "HR wants all the peer staff, and only us, to hand in a personal WRAP"
            r"|(?:^|[,;(-] ?|\band |\bbut )only us\b"
            # Round 9: "every peer worker to have a WRAP on file. not other staff."
            r"|(?:^|[.,;:!?-] ?)(?:but |and )?not (?:for )?(?:the )?(?:other|non-peer|any other|the rest of the) staff\b)"),
        "the same": re.compile(
            r"\b(?:(?:the )?same (?:job )?(?:expectations|standards?|rules|policies)|hold\w* (?:a peer worker|peer workers|them|him|her) (?:to|accountable))\b"),
    },
    # Round 6: the asker's own lived experience brought in or left out ("handing out kits without
    # talking about my own experience"), the side the toolkit's most essential test turns on.
    "own experience": {
        "left out": re.compile(
            r"\bwithout (?:(?:really|ever|being (?:encouraged|able|allowed) to|having to) )?(?:talking about|sharing|share|using|bringing in"
            r"|mentioning|drawing on|talk about|use) (?:my|your|our|their|any|his|her) (?:own )?(?:lived )?(?:experience|story|recovery)"
            # Round 10: told to leave it out ("my supervisor said don't get into my own history with
            # people", "they told me not to get into my own using history")
            r"|\b(?:don'?t|do not|not to|never to|shouldn'?t|no) (?:get into|getting into|go into|talk about|talking about|share|sharing|mention|bring up|bringing up)"
            r" (?:any(?:thing)? (?:of|about) )?(?:my|your|our|her|his|their) (?:own )?(?:\w+ )?(?:history|story|past|experience|recovery|use|using)\b"),
        "brought in": re.compile(
            r"\b(?:sharing|share|shares|talking about|talk about|using|use|drawing on|draw on|bringing in|bring in) (?:my|your|our) (?:own )?"
            r"(?:lived )?(?:experience|story|recovery)"),
    },
    # Round 5: work that takes the place of peer work ("most of my week on reports instead of seeing
    # people"), the side of the handbook's test of tasks anyone could do.
    "peer work": {
        "displaced": re.compile(
            r"\b(?:instead of (?:seeing|meeting|being with|working with|spending time with|supporting|sitting with|talking to|doing)"
            r" (?:people|anyone|clients|participants|the people|folks|my people|peer work|actual peer work|real peer work|work that uses)"
            r"|instead of (?:peer work|actual peer work|real peer work|my (?:real|actual|peer) (?:job|work)|work that uses)"
            r"|(?:no|never any|hardly any|barely any|almost no|very little|little) time (?:left )?(?:for|with) (?:people|clients|participants|patients|peer work|the people)"
            r"|away from (?:the people|people i support|peer work|clients|participants))"),
    },
    # Round 5: stepping in to take the person's problem over ("rescue him, take over and handle
    # everything"), the side standards' fixing and rescuing is on.
    "taking over": {
        "takes over": re.compile(
            r"\b(?:rescu(?:e|es|ed|ing) (?:him|her|them|the person|people|someone)|take over\b|taking over\b|takes over\b"
            r"|handl(?:e|ing) (?:it all|everything)|do (?:it all|everything) for|fix (?:it|everything|things|their \w+|his \w+|her \w+) for)"),
    },
    # Round 9: staying in a hard conversation ("can I stay and actually talk with him about it?") or
    # turning away from it ("should I change the subject and just refer them on?"), the side the
    # handbook's myth about avoiding hard topics turns on (handbook 58-63).
    "hard conversation": {
        "stays": re.compile(
            r"\b(?:stay(?:ing|s)? (?:and (?:\w+ )?(?:talk|listen)|with (?:him|her|them|someone|the person)\b[^.?!]{0,60}\blisten)"
            r"|keep (?:talking|listening) (?:with|to) (?:him|her|them))"),
        "deflects": re.compile(
            r"\b(?:chang(?:e|es|ed|ing) the subject|steer\w* (?:the (?:chat|conversation|talk) )?(?:away|somewhere (?:else|lighter))"
            r"|avoid(?:ing|s)? (?:the (?:topic|subject)|talking about it)|switch(?:ing)? (?:topics|the topic)"
            r"|(?:just )?(?:refer|hand|pass)(?:s|ed|ing)? (?:him|her|them|the person) (?:on|off|over)\b)"),
    },
    # Round 9: the asker keeping their own doing from their supervisor ("should I just keep going
    # without telling anyone", "keep it and not mention it to anybody", "quietly be his peer support
    # without making a thing of it"); the sources ask for it to be taken to supervision (gifts,
    # close relationships, your own past stirred up). Not the person's secret ("begged me not to tell").
    "supervisor told": {
        "hidden": re.compile(
            r"\b(?:without (?:telling|mentioning it to|letting|saying anything to) (?:anyone|anybody|my (?:supervisor|manager|boss|team)"
            r"|(?:her|his|their) (?:supervisor|manager|boss))(?: know)?(?: else)?(?: about (?:it|this|that))?(?=\s*(?:[.,;:!?]|$|and\b|or\b|but\b|ok\b|okay\b))"
            r"|(?<!to )(?<!promise )not (?:mention|tell|say anything about) (?:it |this |that )?(?:to )?(?:anyone|anybody|(?:my|her|his|their) (?:supervisor|manager|boss))"
            r"|without making a (?:thing|big deal|fuss) (?:of|about) it|keep it (?:quiet|on the down ?low) from (?:my|her|his|their) (?:supervisor|manager|boss|team))"),
    },
    # Round 10: keeping the person busy so they don't see what staff are doing ("keep him chatting so
    # he doesn't notice she's calling the crisis team"), the co-opting the supervision course names.
    "kept unaware": {
        "distracted": re.compile(
            r"\b(?:keep(?:s|ing)? (?:him|her|them|the person|someone|(?:a|the|this) (?:guy|man|woman|participant|patient|client|resident|member|person))"
            r"(?: [\w]+){0,4}? (?:talking|chatting|busy|distracted|occupied)"
            r"|so (?:he|she|they|the person) (?:doesn'?t|don'?t|won'?t|wouldn'?t|didn'?t|does not|will not) (?:notice|see|realise|realize|catch on|clock)"
            r"|without (?:him|her|them) (?:noticing|realising|realizing|catching on))\b"),
    },
    # Round 10: an emergency happening in front of the asker ("a man overdosed outside our drop-in",
    # "a guy went blue in the washroom") or emergency response as a part of the role ("my role now
    # includes giving oxygen", "when your role allows it"): the sources say to step in for the first
    # (standards 1095-1099), and leave the second to the setting.
    "emergency": {
        "happening": re.compile(
            r"\b(?:someone|somebody|a (?:guy|man|woman|person|participant|member|client|patient|resident)|he|she|they|the (?:guy|man|woman|person))"
            r"(?: \w+){0,2}? (?:overdosed|is overdosing|was overdosing|od'?d|ods|went blue|turned blue|went down|collapsed|stopped breathing"
            r"|(?:isn'?t|is not|wasn'?t|was not) breathing)\b|\boverdos\w* (?:in front of|right in front|next to) (?:me|you)\b"
            r"|\boverdoses\b(?=[^.?!]{0,40}\bin front of (?:me|you)\b)"),
        "as a role": re.compile(
            r"\b(?:role|job) (?:now )?(?:allows|includes|covers) (?:it|this|that|giving|doing|responding)|\bin a (?:crisis|first responder) role\b"
            r"|\b(?:site|agency|program|team|employer|org|organi[sz]ation) wants (?:peers|us|me|peer (?:staff|workers)) (?:trained|to (?:be trained|train|give|do))"),
    },
    # Round 11: time off work ("off the clock", "on my day off", "on her own time"), the side the
    # worksheet's socialising-outside-work-hours row stands on (a weekend the program asks for is not).
    "work hours": {
        "off": re.compile(
            r"\b(?:off the clock|off[- ]duty|on (?:my|her|his|their|your|our) (?:own time|day off|days off|time off)"
            r"|(?:i'?m|she'?s|he'?s|they'?re|i am|she is|he is|they are|when i'?m) off (?:that day|work|shift|duty)"
            r"|outside (?:of )?(?:work|working) hours|outside (?:of )?work\b(?! (?:with|on|for)\b))"),
    },
    # Round 11: a recovery tool offered as one option among several, the choice left to the person,
    # or one tool pressed on everyone (supervision 4190-4224, the WRAP scenario).
    "tools offered": {
        "one of several": re.compile(
            r"\b(?:as (?:just )?one (?:of (?:a few|several|many|some|a number of)|option|choice|possibility)\b"
            r"|among (?:others|several|other (?:tools|options|things|ideas))|one option of (?:many|several|a few)"
            r"|(?:along with|alongside|as well as|besides|plus) (?:a few|some|several|a couple of?|a range of) (?:other )?(?:tools|options|things|ideas|approaches)"
            r"|a (?:few|couple of?) other (?:tools|options|things|ideas|approaches)"
            r"|(?:range|menu|mix|variety|handful|bunch) of (?:\w+ )?(?:tools|options|ideas|approaches))\b"),
        "one for all": re.compile(
            r"\b(?:the only (?:thing|way|tool|real way|program)|(?:press|push|nag|insist)\w* (?:one|the same|my (?:favourite|favorite)) (?:\w+ )?(?:tool|program|method|workbook)"
            r"|(?:press|push)\w* one \w+ (?:tool )?on every(?:one|body| person))\b"),
    },
    # Round 11: after stepping into a clinical role in an emergency (naloxone, first aid), talking
    # with the person about it ("do I need to say anything to him about stepping outside the peer
    # role?"): the standards' crossover, always acknowledged (standards 975-986).
    "after the emergency": {
        "naming it": re.compile(
            r"\b(?:after|once|since|now that)\b[^.?!]{0,60}?\b(?:naloxone|narcan\w*|first aid|cpr|overdos\w*|emergency|seizure|went clinical|stepped in)\b"
            r"[^?]{0,80}?\b(?:say|talk|tell|raise|bring (?:it |that |this )?up|acknowledg\w*|name|check in|mention)\w*\b[^.?!]{0,60}\b(?:him|her|them|the person)\b"
            r"|\backnowledg\w* with the person, after an emergency\b"),
    },
    # Round 11: a line only for peer-to-peer calls (a peer warmline), which the handbook's chart puts
    # on the peer side, unlike covering the office's phones routinely. (The office phones are not a
    # side of their own: a bare "should peer workers answer the office phones?" stays contested.)
    "phone line": {
        "peer line": re.compile(r"\b(?:peer[- ](?:to[- ]peer )?warm ?lines?|warm ?lines?|peer[- ]to[- ]peer (?:line|calls|support calls)|peer (?:support )?(?:phone )?lines?)\b"),
    },
    # Round 11: a gift accepted on behalf of the program, not kept by the worker ("could she accept it
    # on behalf of the program, after talking it over with me?"; supervision 4231-4254).
    "gift kept by": {
        "the agency": re.compile(
            r"\b(?:on behalf of (?:the|our|my) (?:program|agency|team|organi[sz]ation|org|drop-?in|site|clinic|unit|service)"
            r"|(?:for|to) (?:the|our) (?:program|agency|organi[sz]ation|drop-?in|office) to (?:keep|display|enjoy|share)"
            r"|(?:display|put up|hang)\w* (?:it )?(?:in|at|on) (?:the|our) (?:program|agency|drop-?in|office|lobby|wall|common room|site))\b"),
    },
    # Round 10: which way money goes between the asker and the person: lending to them ("he wants
    # to borrow money, can I lend it?") or borrowing from them ("offered to spot me $200").
    "money": {
        "lends": re.compile(
            r"\blend(?:ing|s)? (?:money |cash |it |some )?to (?:someone|somebody|him|her|them|the person|a (?:guy|person|client|participant|member|resident))\b"
            r"|\b(?:can|could|should|may|do) i (?:just )?(?:lend|loan|front) (?:it|him|her|them|some|the)\b"
            r"|\b(?:wants?|asked|asks|asking|needs?) (?:me )?(?:to borrow|for a loan|to lend (?:him|her|them))\b"),
        "borrows": re.compile(
            r"\b(?:spot|lend|loan|front|float)(?:s|ed|ing)? me\b|\bpay (?:him|her|them) back\b"
            r"|\bborrow(?:ing|s)? (?:\w+ )?(?:money|cash)?\b[^.?!]{0,60}\bfrom (?:the person|him|her|them|someone|a (?:guy|person|client|participant|member))\b"),
    },
    # Round 9: a peer worker's story told by someone else, with or without asking them first (the
    # B.C. standards ask colleagues for permission, standards 1842-1856).
    "story told": {
        "not asked": re.compile(
            r"\b(?:without (?:asking|checking with|telling) (?:me|her|him|them|the peer(?: worker| specialist)?)(?: first)?"
            r"|without (?:my|her|his|their) (?:permission|consent|ok|okay|say-?so)|(?:she|he|they|i) (?:was|were) never asked"
            r"|(?:she|he|they|i) never (?:agreed|said yes|gave permission))\b"),
        "asked": re.compile(
            r"\b(?:(?:she|he|they|the peer(?: worker| specialist)?) (?:said|says) (?:yes|it'?s (?:fine|ok|okay))"
            r"|with (?:my|her|his|their) (?:permission|consent|ok|okay|blessing)|(?:she|he|they) (?:agreed|gave (?:us |me )?permission|consented)"
            r"|after asking (?:me|her|him|them|the peer(?: worker| specialist)?)(?: first)?(?: and getting)?)\b"),
    },
    # Round 9: a supervisor letting supervision drift into therapy, or bringing it back to the work
    # (supervision 4372-4398).
    "supervision drift": {
        "lets it go on": re.compile(
            r"\b(?:keep(?:s|ing)? letting (?:him|her|them)|let(?:ting)? (?:him|her|them|it) (?:keep|continue|go on)\b"
            r"|letting (?:a |the |my |our )?peer (?:worker|staff)'?s? (?:check-?ins?|supervision|sessions?|meetings?) (?:become|turn))"),
        "redirects": re.compile(
            r"\b(?:bring(?:ing|s)? (?:it|things|us|supervision|the (?:conversation|session|meeting)) back to (?:the )?work"
            r"|(?:redirect|steer)\w* (?:it |us |things |them |her |him )?back\b|back to (?:the )?work (?:matters|topics|issues|stuff))"),
    },
    # Pushing toward treatment or away from it.
    "push": {
        "toward": re.compile(
            r"\b(?:(?:convince|persuade|push|pressure|get|make|talk)\w* (?:him|her|them|people|someone)"
            r" (?:into |to )?(?:take|stay on|keep taking|go (?:to|into|back)|accept|comply|follow|attend|see)\b"
            # "have a word with him about taking his injection", "work on her about the new med"
            r"|(?:have a word|a word|a chat|work on|get on at|lean on)\w* (?:with )?(?:him|her|them)\b[^.?!]{0,40}"
            r"\babout (?:taking|staying on|going back|getting|(?:his|her|their) (?:meds|medication|injection|pills|treatment)|the (?:new )?med)"
            # Round 4: "get my people signed up…", "get her on board with the goal they picked",
            # "they'll listen to you", "he's more likely to listen to a peer": the peer as the team's persuader.
            r"|get (?:him|her|them|people|my people|everyone|clients|(?:a|the|my|our) (?:client|participant|tenant|resident|patient|person)) (?:signed up|on board|to sign up|to agree)"
            # Blind 7: "we want the peer to push it", "ok for her to push?": the peer as the team's pusher.
            r"|(?:peer(?: worker)?|her|him|them|me) to (?:push|pressure|lean on) (?:it|this|that|him|her|them|the (?:plan|goal|issue))"
            r"|(?:he|she|they)(?:'ll| will|'d| would|'s| is|'re| are)? (?:more )?(?:likely to )?listen to (?:you|me|a peer|peers|the peer)\b)"),
        "away": re.compile(
            r"\b(?:(?:convince|persuade|push|pressure|get|make|talk|encourage)\w* (?:him|her|them|people|someone)"
            r" (?:out of|to (?:stop|quit|come off|go off|drop|skip|refuse)))"),
    },
}

# Round 11: telling, mentioning or passing on a peer worker's history, story or diagnosis (a
# colleague or a supervisor doing it, not the peer worker sharing their own).
OTHERS_STORY = re.compile(
    r"\b(?:tell|tells|telling|told|mention|mentions|mentioning|mentioned|share|shares|sharing|shared|disclos\w*|bring up|bringing up|pass\w* on|explain\w*)"
    r"\b[^.?!]{0,30}?\b(?:(?:our|my|the|a|their|your) (?:new )?peer(?: worker| specialist| staff| supporter| support worker)?'s)"
    r" (?:[\w-]+ ){0,2}?(?:history|story|diagnos[ie]s|past|recovery|addiction|hospitali[sz]ations?|hospital stays?|illness|use)\b")

# Round 9: dimensions whose rulings exist only for one side of them: a question that never speaks to
# them is about something else (`bot.answering.answerer` ranks such rulings down).
DEFINING = ("story told", "hard conversation", "kept unaware", "after the emergency")

# The dimensions the facet detectors and the content's `facets` already name.
FACET_SIDES: dict[str, dict[str, str]] = {
    "who acts": {"for": "for", "with": "with"},
    "how often": {"routine": "routine", "occasional": "once"},
}


# How the declared facets name the sides of "who asked" (a ruling's side comes from its authors).
DECLARED = {"asked-by-person": ("who asked", "the person"), "asked-by-staff": ("who asked", "the team")}
# Facets that name a risk: a question that has one stands on its risky side. A ruling that declares
# one says its verdict hangs on it, and the verdict says which side it is on: a ruling leaning no is
# about doing the risky thing, a ruling leaning yes is about doing the task without it ("helping
# someone coming off medication find support, not pushing them either way").
RISKS = {"reporting": ("watching or reporting", "reports", "does not report"),
         "agenda": ("whose agenda", "someone else's", "the person's own"),
         "power": ("power over the person", "takes it", "leaves it with them")}

# Words that say outright which side of a risk a text is on. They overrule the side read from a
# facet or a verdict: "Telling your supervisor when someone discloses thoughts of suicide" leans yes
# and still reports; "keeping it to yourself when someone talks about suicide" leans no and does not
# report; "can I help someone have a say in how their payee is set up?" mentions a payee (a power
# facet) but leaves the power with the person.
RISK_WORDS: dict[str, dict[str, re.Pattern[str]]] = {
    "watching or reporting": {
        "reports": re.compile(
            r"\b(?:tell(?:ing|s)? (?:it to )?(?:the|my|your|our) (?:team|supervisor|manager|boss|treatment team|care team|nurse|doctor|psychiatrist|clinician|crisis team)"
            r"|let(?:ting)? (?:the|my|your) (?:team|supervisor|manager) know|pass(?:ing)? (?:it |this |that )?on\b"
            r"|report(?:ing|s)? (?:it|this|that|back|to)\b|break(?:ing)? confidentiality"
            # Round 5: "Reporting a reasonable suspicion that a child is being abused"
            r"|report(?:ing|s)? (?:a|any|the|suspected|(?:a )?(?:reasonable )?suspicion|abuse|neglect|concerns?)\b"
            # "so I can tell them if he's still using": passing on what the person does.
            r"|tell (?:them|the team|staff|the staff|the doctor|his team|her team|their team) (?:if|whether|when|what|how (?:much|often)) (?:he|she|they|the person)\b"
            r"|(?:let|letting) (?:her|him|them|staff|the (?:nurse|nurses|team|doctor|staff|manager|psychiatrist|case manager|landlord|police)) know (?:if|whether|when|whenever|every time|each time|anytime|any time) (?:a |the |my |this |that |certain |particular )*(?:he|she|they|person|participant|client|resident|guy|woman|man|tenant|patient|someone|anyone|people)\b"
            r"|inform(?:ing)? (?:the|my|your) (?:team|supervisor|manager)"
            # Round 6: "told me in confidence…; do I tell them?"
            r"|(?:in confidence|confided|in private|privately)\b[^?]{0,120}?\b(?:do|should|can|would|must) i (?:tell|let|inform|update) (?:them|the team|staff|my (?:team|supervisor|manager))\b)"),
        # Round 5: helping the person decide what to tell their team, the choice left with them.
        "their own choice": re.compile(
            r"\b(?:leav(?:e|es|ing) (?:it|the choice|the decision|that|it all) (?:up )?(?:to|with) (?:her|him|them|the person)"
            r"|(?:it'?s|it is) (?:her|his|their|the person'?s) (?:choice|call|decision) (?:whether|what) to (?:tell|share)"
            r"|what (?:she|he|they|the person) (?:might |may |would )?want(?:s)? to (?:tell|share)"
            # Round 9: "tell her first and ask if she wants to share it with the team together"
            r"|ask (?:her |him |them |the person )?(?:if|whether) (?:she|he|they) (?:wants?|would like) to (?:tell|share|pass)"
            r"|(?:think|work|talk) (?:it )?through whether to (?:tell|share)"
            # Blind 7: "help her explore whether and how to tell the team herself"
            r"|(?:explor|decid|figur|work|think)\w* (?:out |about )?(?:whether|if|how)(?: and how| or not)? to (?:tell|share|let)"
            # "she asked me to tell her nurse…": passing it on because the person asked.
            r"|(?:she|he|they|the person) asked (?:me )?(?:to|if i(?:'d| would| could)) (?:tell|let|pass|share)\b[^.?!]{0,20}\b(?:her|his|their) (?:nurse|doctor|psychiatrist|team|worker|case manager|counsell?or|therapist))"),
        "does not report": re.compile(
            r"\b(?:keep(?:ing)? (?:it|this|that|quiet|(?:it |this |that )?(?:to (?:myself|yourself|ourselves)|secret|quiet|between us))"
            r"|keep(?:ing)? (?:a |the |their |his |her )?secrets?\b|keep(?:ing)? (?:[\w']+ ){1,5}?(?:a )?secret\b|(?:won'?t|not to|never|promise not to) tell (?:anyone|anybody|a soul))"),
    },
    "power over the person": {
        "leaves it with them": re.compile(
            r"\b(?:(?:have|has|having|get|gets|getting|want|wants|wanting) (?:a|more of a|their|his|her) (?:say|voice)\b"
            r"|(?:know|knowing|learn|learning|understand|understanding) (?:their|his|her) rights"
            r"|(?:get|getting|take|taking) (?:control|charge) of (?:their|his|her) [\w ]{1,20} back)"),
    },
}


# Round 5: who is asking. A ruling about supervising or hiring peer workers ("Telling a peer worker
# whose own past is stirred up… to take time off") answers a supervisor, not a peer worker asking in
# the first person about their own work ("it's stirring stuff up for me").
SUPERVISING = re.compile(
    r"^\(?(?:non-peer )?(?:supervisor|manager)(?:\)|:| here\b| q\b| question\b)|^(?:as a supervisor|a supervisor)\b"
    r"|^(?:telling|letting|holding|giving|asking) (?:a|your|the) peer (?:worker|staff)\b|^giving someone a peer job\b"
    r"|\bas (?:a |the |their |her |his )?(?:supervisor|manager)\b|\bi (?:supervise|manage)\b"
    r"|\b(?:my|our) peer (?:worker|staff|specialist|employee|supporter)s?\b|\b(?:my|our) (?:peer )?supervisees?\b"
    # Round 11: "a man who our peer has been supporting…", "our peer wants to…": the peer worker as a person
    r"|\b(?:my|our) peer(?= (?:has|had|is|was|wants|wanted|said|says|told|keeps|kept|got|gets)\b)"
    # Round 11: "our non-performing peer worker", "my part-time peer specialist", "the peer on our team"
    r"|\b(?:my|our) (?:[\w-]+ ){1,2}peer (?:worker|staff|specialist|employee|supporter)s?\b|\bthe peer (?:worker |specialist )?on (?:my|our) team\b"
    # Round 9: "won't let me let go of a peer who isn't doing the job", "nurse manager supervising a peer"
    r"|\b(?:let go of|fire|firing|dismiss\w*|disciplin\w*|supervis\w*|manag(?:e|ing)) (?:a|the|our|my|this|that|one of (?:our|my)) peers?\b(?! (?:group|support group|meeting)\b)")
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'd|i've|me|my|myself)\b")
ABOUT_PEER_STAFF = re.compile(r"\b(?:peer (?:workers?|staff|specialists?|employees?|roles?|jobs?|positions?)|supervis\w*|hir(?:e|ed|ing)|employ\w*)\b")
# Round 5: how much of the job something takes ("most of my week", "70% of my time"). Read on its
# own, outside SIDES: it decides nothing about which ruling answers, only how far a yes carries.
MOST_OF_THE_JOB = re.compile(
    r"\b(?:most|the (?:majority|bulk)|(?:more than |over )?half|all|\d{2,3} ?(?:%|percent)) of (?:my|the|our) (?:week|weeks|time|days?|job|hours|shifts?|workload)\b"
    r"|\b(?:my|the|her|his|their) (?:whole|entire) (?:job|week|day|shift)\b"
    # Round 9: "our peer now spends most of her week on stats": a supervisor asking about a peer worker.
    r"|\b(?:most|the (?:majority|bulk)|(?:more than |over )?half|all|\d{2,3} ?(?:%|percent)) of (?:her|his|their) (?:week|weeks|time|days?|job|hours|shifts?|workload)\b")
# Round 6: standing by in a medical emergency ("isn't breathing… do I just sit with them and respect
# their choices?"). Standards 1095-1099: an emergency calls for jumping in, not for supporting
# self-determination; a ruling that says yes to acting in one says no to standing by. Read on its
# own, outside SIDES, like MOST_OF_THE_JOB: the question and the ruling are about the same moment.
EMERGENCY = re.compile(
    r"\b(?:(?:isn'?t|is not|not|stopped|stops) breathing|collaps\w*|unconscious|unresponsive|won'?t wake up|overdos\w*|seizure)")
STANDS_BY = re.compile(
    r"\b(?:just|only|simply) (?:sit|stay|wait|watch)\b|\bdo nothing\b|\bnot (?:call|do) (?:anything|911|an ambulance|emergency)"
    r"|\bwithout calling\b|\bwait (?:it out|and see)\b|\bleave (?:him|her|them) (?:be|alone)\b|\bhold off (?:on )?calling\b")
ACTS_IN_EMERGENCY = re.compile(r"\b(?:calling emergency|call(?:ing)? (?:911|an ambulance|emergency)|naloxone)\b")


def stands_by_in_emergency(question: str) -> bool:
    """The question proposes standing by while someone's life is in danger."""
    t = clean(question)
    return bool(EMERGENCY.search(t) and STANDS_BY.search(t))


# A danger to someone's life or safety, which the sources let (or make) a peer worker pass on.
SAFETY = re.compile(
    r"\b(?:suicid\w*|kill(?:ing|s|ed)? (?:him|her|them|my|your)sel\w*|end(?:ing|s)? (?:his|her|their) (?:own )?life|want(?:s|ed)? to die|self[- ]harm\w*"
    r"|(?:hurt|harm)(?:s|ing|ed)?\b(?! reduction)|(?:beaten|hit|attacked|assaulted)\b"
    r"|life (?:is |may be |might be |could be )?(?:at risk|in danger)|risk to (?:life|someone'?s life)|danger\w*|unsafe"
    r"|abuse\w*|neglect\w*|overdos\w*|emergenc\w*|weapon|gun|threat\w*"
    # Round 10: a threat to someone else in everyday words ("she'll stab him")
    r"|stab(?:s|bed|bing)?|shoot|knife)")


# Round 10: in a talk about suicide, not turning away ("I didn't change the subject, we just talked")
# and talking it through ("is actually talking with her about it part of my job?") is staying in it;
# with both told, the question asked (its last sentence ending in "?") says which side is weighed.
SUICIDE_TALK = re.compile(r"\b(?:suicid\w*|kill(?:ing|s|ed)? (?:him|her|them|my|your)sel\w*|end(?:ing|s)? (?:his|her|their|my) (?:own )?life"
                          r"|want(?:s|ed)? to die|better off (?:if (?:i|he|she|they) (?:was|were) )?dead|ending things)")
NOT_DEFLECTING = re.compile(
    r"\b(?:didn'?t|did not|don'?t|do not|never|not|without|instead of) (?:\w+ )?(?:chang(?:e|ing) the subject|chang(?:e|ing) topics?"
    r"|switch(?:ing)? (?:topics|the topic)|avoid(?:ing)? (?:it|the topic|the subject)|hand(?:ing)? (?:him|her|them) (?:off|on|over))")
TALKS_IT_THROUGH = re.compile(
    r"\b(?:talk|talking|talked|stay|stayed|staying|sit|sitting|sat) (?:with|to) (?:him|her|them|the person|someone)(?: \w+)? about (?:it|this|that|suicide|(?:his|her|their) (?:suicidal )?(?:thoughts|feelings))"
    r"|\bwe (?:just )?(?:talked|kept talking|talked it through)\b|\b(?:get|getting|go|going) into (?:it|suicide|that) with (?:him|her|them)\b"
    # Round 11: "stay and actually talk about it with her"
    r"|\b(?:talk|talking|talked) (?:\w+ )?about (?:it|this|that|suicide|(?:his|her|their) (?:suicidal )?(?:thoughts|feelings)) with (?:him|her|them|the person|someone)\b")


def _hard_conversation(t: str, found: dict[str, set[str]]) -> None:
    sides = set(found.get("hard conversation", set()))
    if NOT_DEFLECTING.search(t):
        sides.discard("deflects")
        sides.add("stays")
    if TALKS_IT_THROUGH.search(t):
        sides.add("stays")
    if len(sides) > 1:
        # (Round 11: with no "?", as typed on a phone at night, the last sentence is the question.)
        asked = re.split(r"(?<=[.!?])\s+", t[: t.rindex("?") + 1] if "?" in t else t.strip())[-1]
        weighed = {side for side, pattern in SIDES["hard conversation"].items() if pattern.search(asked)}
        if TALKS_IT_THROUGH.search(asked):
            weighed = (weighed - {"deflects"}) | {"stays"}
        sides = weighed or sides
    if sides:
        found["hard conversation"] = sides


def _read(text: str, facets: frozenset[str], declared: bool = False, verdict: str = "") -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    if declared:
        for facet, (dimension, side) in DECLARED.items():
            if facet in facets:
                found.setdefault(dimension, set()).add(side)
    for facet, (dimension, risky, safe) in RISKS.items():
        if facet in facets:
            side = risky if not declared or verdict in ("no", "unlikely") else safe if verdict in ("yes", "likely") else ""
            if side:
                found.setdefault(dimension, set()).add(side)
    for dimension, sides in FACET_SIDES.items():
        for facet, side in sides.items():
            if facet in facets:
                found.setdefault(dimension, set()).add(side)
    t = situation(clean(text))
    for dimension, patterns in SIDES.items():
        for side, pattern in patterns.items():
            if pattern.search(t):
                found.setdefault(dimension, set()).add(side)
    if declared and found.get("emergency") == {"happening", "as a role"}:
        found["emergency"] = {"as a role"}  # a ruling conditioned on the role is about the role
    if not declared and SUICIDE_TALK.search(t):
        _hard_conversation(t, found)
    if not declared and found.get("the person's wish") == {"unwanted"} and "whose agenda" not in found:
        # Round 9: what the person has said they don't want ("she keeps saying it isn't hers") is
        # someone else's agenda when it is done anyway; a ruling about backing the person's own goals
        # cannot answer it.
        found["whose agenda"] = {"someone else's"}
    if not declared and "story told" not in found and OTHERS_STORY.search(t):
        # Round 11: a peer worker's history told by someone else, with nothing said of asking her
        # ("mention our peer worker's psychiatric history to the new team members"): only her yes
        # makes it hers to share, and none is told of.
        found["story told"] = {"not asked"}
    if found.get("own experience") == {"left out", "brought in"}:
        found["own experience"] = {"left out"}  # "without sharing my experience" names it to leave it out
    for dimension, patterns in RISK_WORDS.items():
        said = {side for side, pattern in patterns.items() if pattern.search(t)}
        if "their own choice" in said:
            said = {"their own choice"}  # whatever is told, the person decides it
        elif len(said) > 1 and "?" in t:
            # Round 6: "she asked me to keep it secret… do I tell the team?": the question asked
            # (the last sentence ending in "?") says which side the asker weighs.
            asked = re.split(r"(?<=[.!?])\s+", t[: t.rindex("?") + 1])[-1]
            said = {side for side in said if patterns[side].search(asked)} or said
        if said:
            found[dimension] = said
    if SUPERVISING.search(t):
        found["asking as"] = {"supervisor"}
    elif not declared and FIRST_PERSON.search(t) and not ABOUT_PEER_STAFF.search(t):
        found["asking as"] = {"peer worker"}
    if found.get("watching or reporting") in ({"reports"}, {"does not report"}):
        # Why it is passed on: a danger to someone's life or safety (what the rulings that say yes to
        # telling the team are about), or the everyday what the person does and says (what the
        # rulings that say no are about).
        found["why it is passed on"] = {"safety" if SAFETY.search(t) else "everyday"}
    return {d: frozenset(s) for d, s in found.items()}


@lru_cache(maxsize=4096)
def of_question(question: str) -> dict[str, frozenset[str]]:
    """The sides a question takes, dimension by dimension."""
    return _read(question, detect(question))


def of_ruling(task: str, facets: frozenset[str], verdict: str = "") -> dict[str, frozenset[str]]:
    """The sides a ruling takes: its declared facets (with its verdict, for the risks) and what its
    task says outright."""
    return _read(task, facets | (detect(task) & {"for", "with"}), declared=True, verdict=verdict)


def contradictions(asked: dict[str, frozenset[str]], ruling: dict[str, frozenset[str]]) -> list[str]:
    """The dimensions on which the ruling is only on a side the question is not on."""
    return [d for d, sides in asked.items()
            if len(sides) == 1 and d in ruling and not (ruling[d] & sides)]


def agreements(asked: dict[str, frozenset[str]], ruling: dict[str, frozenset[str]]) -> list[str]:
    """The dimensions on which the ruling stands where the question does."""
    return [d for d, sides in asked.items() if d in ruling and ruling[d] & sides]
