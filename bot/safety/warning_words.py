"""Warning signs composed from word classes, so that wordings nobody listed are still heard.

`bot.safety.warning_signs` lists the field's signs mostly as phrases; two rounds of fresh corpora showed
that phrase tables fit the text they were tuned on and miss the next person's words. Here the signs
are built the way the field describes them, from small lexicons that combine:

- **an act of self-harm** = a self-harm verb in any tense (cut, burn, scratch, carve, hit, bang,
  bite, pick, bruise…) + "myself" or a part of the body, with an instrument (a lighter, a blade),
  a habit or a reason ("again", "to feel something", "when it gets bad", "every night"), or an
  urge ("I want to"); escalation on its own ("the cuts are getting deeper", "needed stitches").
- **an overdose planned** = an intent ("going to", "tonight I'll", "thinking about") + taking all
  of a supply ("take them all", "swallow the whole bottle"); **a means ready** = a supply of
  pills or a lethal means + having it counted, laid out or kept ready.
- **a method** = a means or a place + a word of dying ("how many of these would be enough to not
  wake up", "the rope would do it"); an intent + driving or stepping into harm's way.
- **harm to someone else** = a weapon (gun, knife, bat…) + a target or a place they will be
  (him, my ex, work) + bringing, loading, keeping it for them; a target + their death by a time.
- **ideation, indirect** = thoughts of death or dying; being gone, free or out of everyone's way
  soon; not being here for a date ahead; joining the dead.
- **hopelessness** (a note alone): no point, no way forward, too tired to go on, can't take one
  more day, things never getting better. With a weak sign beside it (a means, a time, a goodbye)
  `bot.safety.crisis` makes it a crisis, as the field says.
- **weak signs**: a time ahead (tonight, after my shift, when everyone is asleep, by morning); a
  means named as the writer's own; a goodbye (thanking for everything, arranging care "for me").

Each composed sign joins a category of `bot.safety.warning_signs` (its `alone` decides what it is worth)
and is placed like every other sign (whose words, denied, past, a laugh, reported speech). Words
that explain a composed sign away are checked per sentence (`EXPLAINED`): an accident or cooking
beside a cut, an errand beside medication ("pick up my meds tonight"), training and harm-reduction
work beside a means and a death word.

Every pattern is linear (bounded gaps, no quantifier inside another), as the tests check.
"""
from __future__ import annotations

import re

from bot.safety.warning_signs import CATEGORIES as TABLES
from bot.safety.warning_signs import LETHAL, NOT_A_SUPPLY, PILLS, PLACE_WORDS, TOWARD, Category, gap


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# -- the lexicons -------------------------------------------------------------------------------
INTENT = _any("going to", "want to", "wanted to", "wanting to", "plan to", "planning to", "planned to", "ready to",
              "about to", "decided to", "intend to", "need to", "will", "tempted to", "thinking about",
              "thinking of", "keep thinking about", "considering", "urge to", "urges to", "feel like", "could just",
              "should just", "might just", "tonight i will", "finally going to")
SH_VERB = _any("cut", "cuts", "cutting", "burn", "burns", "burning", "burned", "burnt", "scratch", "scratching",
               "scratched", "scrape", "scraping", "scraped", "carve", "carving", "carved", "slice", "slicing",
               "sliced", "stab", "stabbing", "stabbed", "hit", "hitting", "punch", "punching", "punched", "bang",
               "banging", "banged", "bruise", "bruising", "bruised", "bite", "biting", "bit", "pinch", "pinching",
               "pick at", "picking at", "picked at", "hurt", "hurting", "harm", "harming", "mark", "marking", "marked",
               "slap", "slapping", "slapped", "starve", "starving", "starved", "whip", "whipping")
BODY = _any("arm", "arms", "forearm", "forearms", "upper arm", "wrist", "wrists", "leg", "legs", "thigh", "thighs",
            "skin", "stomach", "belly", "hand", "hands", "hip", "hips", "ankle", "ankles", "chest", "shoulder",
            "shoulders", "face", "fingers", "knuckles", "ribs", "calf", "calves", "feet", "body", "head", "scalp",
            "neck", "wrist again", "fist", "fists")
INSTRUMENT = _any("razor", "razors", "razor blade", "razor blades", "blade", "blades", "knife", "knives", "scissors",
                  "lighter", "cigarette", "cigarettes", "matches", "match", "glass", "broken glass", "compass",
                  "pencil sharpener", "sharpener", "needle", "needles", "pin", "safety pin", "box cutter", "boxcutter",
                  "hot spoon", "iron", "belt", "lighter again", "nails", "fingernails")
# a habit, a reason, an urge: what makes a cut or a burn an act of self-harm, not an accident
HABIT = _any("again", "on purpose", "deliberately", "to feel", "so i (?:could|can|would|feel|felt)", "until", "till",
             "to cope", "to calm", "to stop", "to punish", "as punishment", "because i deserve", "every night",
             "every day", "every time", "whenever", "instead", "more and more", "deeper", "harder", "worse",
             "last night", "this morning", "tonight", "today", "earlier", "in the bathroom", "when it gets",
             "when things get", "when i get", "to make (?:it|the|myself)", "to release", "to get through")
WEAPON = _any("gun", "guns", "pistol", "handgun", "rifle", "shotgun", "knife", "knives", "blade", "machete", "axe",
              "hatchet", "bat", "baseball bat", "crowbar", "hammer", "tire iron", "tyre iron", "brass knuckles",
              "weapon", "piece", "bullets", "ammo")
TARGET = _any(TOWARD[3:-1], "that (?:guy|man|woman|bastard|asshole|prick|bitch|idiot|creep)", "my ex", "my former",
              "my boss", "my supervisor", "the supervisor", "my manager", "my coworker", "my co worker", "my brother",
              "my father", "my dad", "my mom", "my mother", "her boyfriend", "his girlfriend", "my sister",
              "the landlord", "those people", "all of them", "the people who",
              "my (?:sister|brother|mom|mum|dad|father|mother|stepmom|stepdad|son|daughter|wife|husband|partner|"
              "girlfriend|boyfriend|roommate|flatmate|neighbou?r|landlord|boss|manager|supervisor|coworker|co worker|"
              "colleague|teacher|uncle|aunt|cousin|grandma|grandpa|ex)")
PLACE_THEY_ARE = _any("work", "school", "the office", "the meeting", "his (?:place|house|work|flat|apartment)",
                      "her (?:place|house|work|flat|apartment)", "their (?:place|house|work|flat|apartment)",
                      "the shelter", "group", "court", "the hearing", "the drop in", "the party")
TIME_AHEAD = _any("tonight", "tomorrow night", "tomorrow morning", "this weekend", "this evening", "later tonight",
                  # "after my shift" is ahead only after a word of the future ("had a walk after the group")
                  "(?:will|going to|planning to|plan to|tonight|later|then)" + gap(30) + "(?:after (?:my|the|this) "
                  "(?:shift|work|meeting|appointment|group|session|call|party)|(?:when|once) (?:everyone|the kids|they|"
                  "he|she|my (?:partner|wife|husband|roommate|family)) (?:is|are|goes|go|falls|fall|gets|get) (?:asleep|"
                  "to sleep|to bed|out|away|gone|home|in bed))",
                  "by (?:morning|the morning|sunrise|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  "the weekend|tomorrow)", "before (?:morning|sunrise|dawn|the sun comes up|anyone wakes up)",
                  "at midnight", "at dawn", "at 1am", "at 2am", "at 3am", "at 4am", "at 5am",
                  "in (?:a few|a couple of|two|three|a couple) (?:hours|days)",
                  "(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) night")
DEATH = _any("die", "dying", "be dead", "end it", "end things", "end my life", "kill me", "finish me", "not wake up",
             "never wake up", "do the job", "do it", "be enough", "be fatal", "be lethal", "stop my heart",
             "stop breathing", "make it stop for good", "end everything", "solve everything", "fix everything",
             "solve it all", "fix it all", "solve all my problems", "end all of this", "be the answer",
             "be a way out", "make it all stop", "stops? (?:your|my|the|a) heart")
MEANS_WORD = _any(PILLS[3:-1], LETHAL[3:-1], "knife", "belt", "cord", "cable", "plastic bag", "bleach", "antifreeze",
                  "exhaust", "car", PLACE_WORDS, "river", "lake", "sea", "ocean", "water", "quarry")
# Medication names are an open class; their endings are not ("lorazepam", "quetiapine", "tramadol").
DRUG = r"(?:" + PILLS[3:-1] + r"|(?!nalox|naltrex|methad)[a-z]{2,12}(?:pam|lam|pine|zine|done|tine|pram|faxine|oxetine|tyline|dol|fen|zole|pril|olol|barb|bital|phine|caine|codone|morphone|sone|lone))"
ACQUIRE = _any("saving", "saved", "save", "putting aside", "put aside", "setting aside", "set aside", "stockpiling",
                "stockpiled", "hoarding", "hoarded", "stashing", "stashed", "hiding", "hid", "squirreling away",
                "squirrelling away", "holding back", "held back", "collecting", "collected", "gathering", "gathered",
                "building up", "built up", "stocking up on", "stocked up on", "keeping back", "skipping", "not taking")
IMAGINE = _any("picture", "picturing", "pictured", "imagine", "imagining", "imagined", "visuali[sz]e", "visuali[sz]ing",
               "see myself", "seeing myself", "dream about", "dreaming about", "daydream about", "daydreaming about",
               "fantasi[sz]e about", "fantasi[sz]ing about", "keep thinking about", "thinking about", "think about")
INTO_HARM = _any("stepping (?:forward|out|off|in front)", "step (?:forward|out|off|in front)", "jumping", "jump",
                 "falling", "fall", "letting go", "let go", "swerving", "swerve", "driving (?:off|into)",
                 "drive (?:off|into)", "walking (?:into|out)", "walk (?:into|out)", "leaning (?:over|forward)",
                 "going over (?:the edge|the side|the rail)", "not braking", "not stopping", "the train (?:hitting|hit)",
                 "the car (?:hitting|hit)", "hanging", "drowning", "sinking")
MISHAP = _any("crashed", "crash", "died", "die", "got hit", "get hit", "did not wake up", "never woke up", "was gone",
              "got run over", "get run over", "fell", "drowned", "overdosed", "had an accident", "got in an accident",
              "got sick and died", "just stopped", "stopped breathing", "was not here anymore", "disappeared")
SUPPLY = _any("them all", "all of them", "it all", "all of it", "the lot", "every (?:last )?(?:one|pill|tablet)",
              "the (?:whole|entire|full) (?:bottle|pack|packet|box|lot|stash|supply|strip|prescription|month)",
              "the rest of (?:them|the pills|my pills|the bottle|my meds|the meds)",
              "all (?:of )?(?:my|the|those|these) (?:[a-z]{1,20} )?" + PILLS,
              "everything (?:i have|i have got|i saved|i have saved|in the (?:cabinet|cupboard|drawer|bottle))",
              "as many as i can", "however many")


def _c(name: str, alone: str, *patterns: tuple[str, str, str]) -> Category:
    return Category(name, alone, tuple(patterns))


# A bounded run of words that may cross a comma, for a question or a condition and its sequel in one
# sentence ("if i do not reply tomorrow , that is why").
CLAUSE = r"(?:[a-z0-9 ,]{0,40} )?"

COMPOSED: tuple[Category, ...] = (
    _c("self-harm", "crisis",
       ("sh-with", "subject", SH_VERB + r" (?:into |in |on |at )?(?:myself|my (?:own )?(?:[a-z]{1,12} )?" + BODY + r")" + gap(30)
        + r"(?:with|using) (?:a |the |my |some |an )?(?:[a-z]{1,12} )?" + INSTRUMENT),
       ("sh-tool-on", "subject", r"(?:with|used|using|use|took|take|held|hold|holding|pressed|press) (?:a |the |my |some )?"
        r"(?:[a-z]{1,12} )?" + INSTRUMENT + gap(20) + r"(?:on|to|into|across|against) my (?:[a-z]{1,12} )?" + BODY),
       ("sh-habit", "subject", SH_VERB + r" (?:into |in |on |at )?(?:myself|my (?:own )?(?:[a-z]{1,12} )?" + BODY + r")(?! hair)" + gap(25)
        + HABIT),
       ("sh-when", "subject", r"(?:when it gets|when things get|when i get|whenever|every time|each time|when i feel)"
        + gap(30) + r"i (?:just |always |usually |still )?" + SH_VERB + r" (?:myself|my )"),
       ("sh-urge", "subject", r"(?:want to|wanting to|going to|urge to|urges to|need to|craving|itching to|tempted to|"
        r"about to|so close to|almost) " + SH_VERB + r" (?:into |in |on |at )?(?:myself|my (?:[a-z]{1,12} )?" + BODY + r")(?! hair)"),
       ("sh-worse", "subject", r"(?:cuts?|cutting|burns?|burning|scratches|scratching|self harm|self harming|sh|marks|"
        r"wounds|the urges?) (?:are |is |have been |has been |been |keep |keeps )?(?:getting |got |gone )?(?:deeper|"
        r"worse|bigger|more often|more frequent|out of hand|out of control|harder to hide|longer|every day|daily)|"
        r"(?:needed|need|might need|should get|probably need|had to get|should have gotten) (?:stitches|stitched|"
        r"glued|to go to the er)|(?:would not|will not|could not|can not|did not) stop bleeding|bled through|"
        r"(?:hide|hiding|hid|cover|covering|covered) (?:up )?(?:the |my |these )?(?:fresh |new )?(?:cuts|burns|"
        r"wounds|bandages)"),
       ("sh-every-night", "subject", r"(?:been|keep|kept|am|started|start|still) (?:cutting|burning|scratching|carving|"
        r"hitting myself|self harming|hurting myself)(?= every| each| most| all| daily| at night| in the| whenever| till| "
        r"until| deeper| worse| more)|(?:go|cut|going|cutting|went) deeper(?= *$| *,| tonight| this time| than| next)"),
       ("fresh-cuts", "subject", r"fresh (?:cuts|burns|wounds|marks|ones) (?:on|across|up) (?:my|her|his|their|both)"),
       ("did-them-myself", "subject", r"(?:i )?(?:did|made|caused|gave myself) (?:them|it|these|those|the (?:cuts|burns|"
        r"marks|bruises)) (?:myself|with (?:a|the|my)|using|on purpose)|(?:lie|lied|lying|lies) (?:to [a-z ]{1,20} )?"
        r"about (?:the|my|these) (?:cuts|burns|marks|bruises|scars) on my"),
       ("sh-did", "subject", r"(?:i|just|and|then|so) (?:cut|burned|burnt|scratched|carved|sliced) (?:myself|into my|my "
        r"(?:[a-z]{1,12} )?" + BODY + r")(?! hair| on (?:the|a|my)| by| while| shaving| cooking| chopping| slicing)"
        r"(?= *$| *,| and| again| so| until| till| to| last| this| tonight| today| with)"),
       ),
    _c("farewell", "crisis",
       ("rewriting-the-note", "subject", r"(?:keep|kept|been|am|started|spent [a-z ]{1,20}) (?:[a-z]{1,10} and )?(?:writing|rewriting|re "
        r"writing|drafting|redrafting|writing and rewriting|writing and deleting) (?:and (?:rewriting|deleting|re "
        r"writing) )?(?:a |the |my )?(?:goodbye |last )?(?:note|notes|letter|letters)(?= *$| *,| to| for)"),
       ),
    _c("at-place", "crisis",
       ("calling-from", "subject", r"(?:calling|called|texting|texted|messaged|messaging|rang|ringing|phoning|phoned|"
        r"writing) (?:me |you )?from (?:a|the|on top of a|on top of the|the top of a|the top of the) (?:" + PLACE_WORDS +
        r"|river|lake|quarry|cliff|cliffs)"),
       ),
    _c("farewell", "crisis",
       ("before-i-go", "subject", r"(?:in order|sorted|ready|done|settled|taken care of|arranged) before i (?:go|leave|"
        r"am gone|do it|die)(?= *$| *,)"),
       ),
    _c("overdose", "crisis",
       ("take-them-all", "subject", INTENT + r" (?:just |finally |actually )?(?:take|swallow|down|neck|use|finish|"
        r"empty) " + SUPPLY + r"(?! to| out| with| for| home| back| along| in| on| into)"),
       ("until-empty", "subject", r"(?:until|till) (?:the|my) (?:bottle|pack|box|packet|supply|stash|blister)s? "
        r"(?:is |are )?(?:empty|gone|finished|done)|more (?:of )?(?:my |the )?(?:[a-z]{1,12} )?" + DRUG + r" than i "
        r"(?:should|am supposed to|was supposed to)|(?:took|taken|had|did|done|survived|swallowed) (?:an|a|another) "
        r"(?:overdose|od)(?! (?:prevention|training|kit|response))|(?:took|taken|swallowed|did|done|had) " + gap(40)
        + r"on purpose"),
       ("took-them-all", "subject", r"(?:took|swallowed|downed|necked|finished|emptied) " + SUPPLY +
        r"(?! to| out| with| for| home| back| along| in| on| into)"),
       ),
    _c("means-ready", "crisis",
       ("supply-ready", "subject", r"(?:have|got|keep|kept|keeping) (?:all )?(?:of )?(?:my|the|these|those|enough) "
        r"(?:[a-z]{1,20} )?" + PILLS + r" (?:counted|lined up|laid out|sorted out|set aside|saved|stashed|hidden|"
        r"crushed|ready|put aside|put away for)(?! for (?:the|a|my) (?:week|trip|month|nurse|client|pharmacy))"),
       ),
    _c("means-ready", "crisis",
       ("saving-up", "subject", ACQUIRE + r" (?:up )?(?:a few |some |one |extra |a couple |all |most )?(?:of )?"
        r"(?:my |the |these |those |them |their )?(?:[a-z]{1,20} )?" + DRUG + NOT_A_SUPPLY),
       ("staring-at-means", "subject", r"(?:looked|looking|look|stared|staring|stare|sat|sitting|sit) (?:at|with) "
        r"(?:the|my|a|those|these) (?:[a-z]{1,12} )?(?:" + DRUG + r"|" + LETHAL[3:-1] + r"|knife|exhaust|exhaust pipe|"
        r"hose|tracks|train tracks|edge|ledge|railing|water)" + gap(20) + r"(?:for (?:an|a|two|three|the|hours|ages|a long)|"
        r"all (?:night|day|evening)|till|until|again|tonight|last night|right now|and thinking|thinking about it|"
        r"and wondering|wondering)"),
       ("got-out-the-means", "subject", r"(?:got|get|getting|took|taking|pulled|pulling|dug|digging) out (?:the|my|a) "
        r"(?:box of |pack of |packet of |bottle of |stash of |bag of )?(?:[a-z]{1,12} )?(?:" + DRUG + r"|" + LETHAL[3:-1] +
        r"|knife|knives)|(?:" + DRUG + r"|" + LETHAL[3:-1] + r"|knife|knives) (?:that )?i (?:hid|had hidden|stashed|had "
        r"stashed|saved|have been saving|have been hiding|kept hidden|put away)"),
       ("stockpiling-them", "subject", DRUG + gap(40) + ACQUIRE + r" (?:them|it|these|those)(?= *$| *,| instead| up| "
        r"for| all| and)"),
       ("tying-the-knot", "subject", r"(?:practising|practicing|practiced|practised|learning|learned|learnt|looked up "
        r"how|looking up how|watching videos on how) (?:to tie|tying) (?:a |the )?(?:knot|noose|slip knot|hangmans "
        r"knot)(?= *$| *,| i| and| right| properly)"),
       ("means-stowed", "subject", r"(?:rope|ropes|noose|gun|guns|rifle|shotgun|pistol) (?:is |are )?(?:already |"
        r"still )?(?:in|under) (?:the|my) (?:trunk|car|boot|bag|garage|closet|drawer|glovebox|backpack|shed)"
        r"(?= *$| *,| and| ready| now)"),
       ("max-dose", "subject", r"(?:maximum|max|toxic|fatal|lethal|deadly) (?:dose|amount|quantity) (?:of )?(?:[a-z]{1,12} )?"
        + DRUG + r"|(?:dose|much|many|amount)" + gap(40) + r"(?:before|until|till) (?:it|they|you|i) (?:die|dies|stop "
        r"breathing|stops? (?:your|my|the|a) heart)"),
       ("means-in-front", "subject", r"(?:" + DRUG + r"|" + LETHAL[3:-1] + r"|knife|bottle) (?:are |is )?" + gap(25) +
        r"(?:right )?(?:in front of me|next to my bed|beside my bed|by my bed|on my bed|in my lap)"),
       ),
    _c("method", "crisis",
       ("means-and-death", "subject", MEANS_WORD + gap(40) + r"(?:would|will|could|might|should|is|are|be)"
        + gap(12) + r"(?:enough to |going to )?" + DEATH + r"(?= *$| *,| it| for| quick| fast| if| and| tonight)"),
       ("how-many-to-die", "subject", r"(?:how many|how much|enough|is [0-9]{1,3}|are [0-9]{1,3}|would [0-9]{1,3})" +
        gap(40) + r"(?:to |be enough to |would |will )(?:die|be fatal|be lethal|kill (?:me|someone|a person)|not wake "
        r"up|never wake up|stop (?:my|your|a) heart|do it|end it)"),
       ("imagine-into-harm", "subject", IMAGINE + gap(40) + INTO_HARM),
       ("would-be-easy", "subject", r"(?:jumping|jump|stepping|step|falling|going|driving|swerving|letting go|going over)"
        r" (?:off|from|over|into|in front of|under)? ?(?:the |a )?(?:[a-z]{1,12} )?(?:[a-z]{1,12} )?(?:would be|is|seems|"
        r"looks|feels) (?:so |really |very |pretty |too )?(?:easy|simple|quick|tempting|peaceful)"),
       ("plan-is-means", "subject", r"(?:my|the) plan is (?:the |a |to use the |to use my )?(?:" + MEANS_WORD +
        r"|garage)"),
       ("crash-into", "subject", r"(?:going|go|plough|plow|ploughing|plowing|smash|smashing|slam|slamming|ram|ramming|"
        r"speeding|speed) (?:my car |the car )?(?:into|off|through) (?:the |a |an )?(?:barrier|oncoming|traffic|tree|wall|"
        r"median|pole|bridge|guardrail|guard rail|cliff|truck|lorry|semi|overpass|pillar|river|lake)(?! (?:of|about))"
        r"|at full speed(?= *$| *,)|(?:no one|nobody) would (?:know|think|suspect|guess) (?:it was not|it was anything "
        r"but|it was more than) an accident"),
       ("longer-each-time", "subject", r"(?:standing|sitting|staying|stood|sat|stay|stand) (?:there|on the edge|at the "
        r"edge|by the tracks) (?:a bit |a little |a lot )?(?:longer|closer) (?:each|every) time"),
       ("drive-into", "subject", INTENT + gap(12) + r"(?:drive|driving|swerve|swerving|steer|steering|crash|crashing|"
        r"veer|veering|run|running) (?:my car |the car )?(?:into|off|in front of|under) (?:a|the|an|some|oncoming)"
        r"(?! (?:parking|car park|drive|garage|lot|shop|store|office|station))"),
       ),
    _c("ideation", "crisis",
       ("i-end-it", "subject", r"(?:if|when|unless|until|before|so) i (?:just )?end (?:it|things|everything|my life)"
        r"(?= *$| *,| all| now| tonight| for good| myself)|i (?:will|am going to|could|should|might|may) (?:just )?end "
        r"it(?= *$| *,| all| now| tonight| today| for good| this| soon)"),
       ("lighter-without-me", "subject", r"(?:world|everyone|everybody|they|my family|my kids|the kids|my partner|"
        r"things|life|everything|my friends|people) (?:would|will|might|could) (?:be|feel|get|go) (?:so |much |a lot |"
        r"a bit )?(?:[a-z]{1,12} )?(?:[a-z]{1,12} )?without me(?: in it| around| here| in the picture)?"
        r"(?= *$| *,| and| anyway| honestly)"),
       ("want-to-dye", "subject", r"(?:want|wanna|going|ready|wish|wanting|deserve) to dye(?! (?:my|your|her|his|their|"
        r"the|it|a|some|hair|clothes|fabric|yarn|wool|eggs|shirts?))"),
       ("no-point-alive", "subject", r"(?:not|never) (?:really |even |actually |honestly )?see (?:the|any|a|much) "
        r"(?:point|reason|sense) (?:in|of|to) (?:being alive|living|staying alive|going on|life|existing|being here|"
        r"keeping going|waking up|carrying on)|(?:no|zero|little|not much) (?:point|reason|sense) (?:in|of|to) "
        r"(?:being alive|staying alive|existing|being here|waking up|carrying on|going on)"),
       ("done-for-good", "subject", r"(?:done|finished|over) with (?:it all|all of it|everything|life|this life|living|"
        r"all this|this world) (?:for good|forever|permanently)"),
       ("stop-me-this-time", "subject", r"(?:no one|nobody|nothing|you|they) (?:is going to|will|can|could|are going "
        r"to) stop me (?:this time|now|tonight)"),
       ("before-i-end-it", "subject", r"(?:before|after|once|when) i (?:finally )?end (?:it|things|everything|my "
        r"life)(?! with| early| here| there| off| up| on| the)"),
       ("wouldnt-wake-fine", "subject", r"if i (?:just )?(?:did not|never|do not) wake up" + gap(20) + r"(?:that |it )?"
        r"(?:would|will|might) be (?:fine|ok|okay|a relief|nice|good|better|a blessing|alright)"),
       ("attempted-when", "subject", r"(?:when|after|since|before) i attempted(?! to)"),
       ("would-not-mind", "subject", r"if i (?:just )?" + MISHAP + gap(40) + r"(?:would not|will not|do not|would "
        r"not really|would not even|honestly would not) (?:mind|care|be sad|be upset|fight it|complain)|"
        r"(?:would not|will not|do not|would not even|would not really) (?:mind|care) if i (?:just )?" + MISHAP +
        r"|(?:would be|it would be) (?:a relief|nice|a blessing|fine|okay|easier) if i (?:just )?" + MISHAP),
       ("thoughts-of-death", "subject", r"(?:thoughts|thinking|thought|dreams|dreaming|fantasies|fantasi[sz]ing|"
        r"daydreams|daydreaming|obsessing|fixated|thinking a lot) (?:about|of|on) (?:death|dying|being dead|my death|"
        r"my own death|not existing|not being alive|not being here|not being around|being gone|ending it(?! with)|"
        r"ending things(?! with)|ending my life|killing myself|suicide|not waking up|disappearing for good|how i would die|how to die|"
        r"ways to die|the end of my life|jumping(?! ship| on| in| at)|hanging(?! out| up| around| on)|drowning(?! in (?:work|paperwork|emails|notes))|overdosing)(?! (?:hard|and dying|prevention|training|"
        r"workshop|course|module|session|rates|statistics|data))"),
       ("not-a-problem-after", "subject", r"(?:not|never) (?:going to|gonna) be (?:a problem|a burden|in (?:anyones|"
        r"the|your|their) way|around|here)(?: for (?:anyone|everyone|you|you all|much longer|long))? ?(?:after|by|"
        r"past|much longer|for long|soon|anymore)"),
       ("gone-soon", "subject", r"(?:will|would|going to|am going to|soon) (?:finally )?(?:be|i will be) (?:dead|at peace|"
        r"out of (?:everyones|your|their|the) (?:way|hair|lives)|no ones (?:problem|burden)|a memory|with (?:my|him|"
        r"her|them) again)(?= *$| *,| soon| by| before| tonight| tomorrow| and| anyway| for good| forever)"),
       ("join-the-dead", "subject", r"(?:be|go|join|see) (?:with )?(?:my )?(?:mom|mum|dad|nan|gran|grandma|grandpa|"
        r"brother|sister|son|daughter|wife|husband|partner|friend|baby|him|her|them) (?:again )?(?:in heaven|on the "
        r"other side|up there|wherever (?:he|she|they) (?:is|are))|(?:go|going|ready|time) to (?:heaven|a better place|"
        r"the other side|god)(?= *$| *,| soon| tonight| now)"),
       ("not-see-date", "subject", r"(?:not|never) (?:going to |be |be here to |be around to |be alive to )?(?:see|make "
        r"it to|last (?:until|till|to)) (?:christmas|my birthday|next (?:year|week|month|summer|spring)|the (?:new "
        r"year|holidays|spring|summer|weekend|morning)|another (?:year|birthday|christmas|winter|summer|week))"
        r"(?= *$| *,| anyway| honestly| and)"),
       ("should-not-exist", "subject", r"(?:should|ought to) (?:just )?(?:disappear|not be here|not be alive|not exist|"
        r"go away for good|never have been born|be gone)(?= *$| *,| and| so| then| for| forever)"),
       ("waiting-for-end", "subject", r"(?:looking forward to|can not wait (?:for|to)|ready for|longing for|waiting "
        r"for) (?:the end|it all to (?:end|be over)|not (?:being|waking)|dying|death|being gone|my (?:time|turn) to "
        r"go)(?! of (?:the|my|this) (?:day|week|shift|month|year|meeting|term|semester|project))"),
       ),
    _c("harm", "harm",
       ("weapon-for-them", "subject", r"(?:bring|bringing|brought|take|taking|took|carry|carrying|carried|pack|packing|"
        r"packed|keep|keeping|have|got|grab|grabbing|grabbed|hide|hid|hiding|load|loaded|loading|sharpen|sharpened|"
        r"sharpening|buy|bought|buying|get|getting|saving) (?:a |my |the |his |her |dads |some |a few )?(?:[a-z]{1,12} )?"
        + WEAPON + gap(30) + r"(?:(?:to|for|at|on|to use on|when i see|waiting for) " + TARGET + r"|(?:to|into|with "
        r"me to) " + PLACE_THEY_ARE + r")(?! (?:for|to) (?:lunch|cooking|cake|the potluck|practice|the range|cleaning|"
        r"repair|safekeeping))"),
       ("use-weapon-on", "subject", INTENT + gap(12) + r"(?:use|pull|point|bring|aim|take) (?:a |my |the |this )?"
        r"(?:[a-z]{1,12} )?" + WEAPON + r" (?:on|at|against|to) " + TARGET),
       ("weapon-ready", "subject", WEAPON + r" (?:is |are )?(?:loaded|sharpened|in my (?:car|trunk|bag|pocket|jacket|"
        r"coat|backpack|boot|glovebox)|under my (?:seat|coat|jacket|bed))" + gap(40) + r"(?:" + TARGET + r"|"
        + TIME_AHEAD + r"|when (?:he|she|they)|if (?:he|she|they))"),
       ("weapon-for-when", "subject", r"(?:loaded|loading|load|sharpened|sharpening|cleaned|took out|got out|"
        r"taken out|bought|buying) (?:a |my |the |his |her |dads |some )?(?:[a-z]{1,12} )?" + WEAPON + gap(40)
        + r"(?:" + TARGET + r"|when (?:he|she|they) (?:gets|get|comes|come|leaves|leave|walks|walk|shows|show)|where "
        r"(?:he|she|they) (?:lives|live|works|work|parks|park|sleeps|sleep|drinks))"),
       ("dead-by", "self", r"(?:he|she|they|my ex|my boss|that guy) (?:is|are|will be) (?:dead|done|finished) "
        r"(?:by|before|after) (?:tonight|tomorrow|morning|the weekend|friday|monday|the end of)"),
       ("hurt-them-back", "subject", r"(?:going to|want to|will|am going to|plan to) (?:hurt|kill|stab|shoot|get) "
        + TARGET + r" (?:back|the way|like (?:he|she|they)|as much as|before (?:he|she|they))"),
       ("burn-it-with-them", "subject", r"(?:burn|torch|set fire to|blow up|firebomb) (?:his|her|their|my exs|the) "
        r"(?:car|house|place|flat|apartment|shop|trailer|office) (?:down )?(?:with (?:him|her|them) (?:in it|inside|"
        r"still in)|while (?:he|she|they) (?:is|are|sleeps|sleep))|(?:going to|will|want to|plan to|gonna) (?:burn|"
        r"torch|set fire to|blow up|firebomb) (?:his|her|their|my exs) (?:car|house|place|flat|apartment|shop|trailer)"),
       ("make-them-suffer", "subject", r"make " + TARGET + r" (?:suffer|bleed|hurt|scream|beg|pay|sorry (?:he|she|they) "
        r"(?:was|were) born)"),
       ("hit-with-weapon", "subject", INTENT + gap(10) + r"(?:hit|beat|smash|stab|bash|whack|shoot|hurt|attack|go "
        r"after) " + TARGET + r" (?:with|using) (?:a|the|my|this|his|dads) (?:[a-z]{1,12} )?" + WEAPON),
       ("going-over-armed", "subject", r"(?:going|coming|heading|go|walk|walking|drive|driving|went) (?:over )?(?:there|"
        r"round|over|to (?:his|her|their) (?:place|house|flat|door|work)) with (?:a|my|the) (?:[a-z]{1,12} )?" + WEAPON),
       ("shoot-up-the", "subject", r"(?:shoot|shooting|shot) up (?:the|a|my|our) (?:[a-z]{1,12} )?(?:office|school|place|"
        r"building|meeting|workplace|church|party|mall|class|team|staff room|break room|event|shelter)"),
       ("beat-family", "subject", INTENT + r" (?:hurt|stab|shoot|beat|strangle|choke|attack|hit|punch|kill|smash|slap|"
        r"kick) " + TARGET + r"(?! (?:with (?:a |an )?(?:questions?|ideas?|jokes?|news|requests?|emails?|paperwork|"
        r"work|tasks?|feedback|comments?|criticism)|in|at|up|an?|some|back|over|off|on|to|for|about|down)(?![a-z]))"),
       ("teach-a-lesson", "subject", r"teach (?:him|her|them|my ex|that guy) a lesson (?:he|she|they|that|they will|"
        r"he will|she will)? ?(?:will )?(?:never|not) forget"),
       ("snap-at-kids", "subject", r"(?:scared|afraid|worried|terrified) (?:that )?i (?:will|might|could|am going to) "
        r"(?:snap|lose it|lose control|do something) (?:with|at|on|to) (?:the kids|my kids|the baby|my baby|him|her|"
        r"them|my (?:son|daughter|partner))"),
       ),
    # a weapon kept at hand, and a threat: each says little; together, or beside a time, they are an
    # intent to hurt someone (bot.safety.crisis._combine)
    _c("weapon", "weak",
       ("weapon-at-hand", "subject", r"(?:" + WEAPON + r") (?:is |are )?(?:already |still )?(?:in (?:my|the) (?:car|"
        r"trunk|bag|pocket|jacket|coat|backpack|boot|glovebox|glove box|locker|waistband)|under (?:my|the) (?:seat|"
        r"coat|jacket|bed|pillow)|loaded|sharpened)|(?:loaded|sharpened|got out|took out) (?:a |my |the |dads |his "
        r")?(?:[a-z]{1,12} )?" + WEAPON + r"|i (?:have|have got|got|am carrying|carry|bought|brought|keep) (?:a|my|"
        r"the|dads|his|an|some) (?:[a-z]{1,12} )?" + WEAPON + r"(?! (?:for|at) (?:work|cooking|the kitchen|practice|"
        r"the range|hunting|camping))"),
       ),
    _c("threat", "weak",
       ("they-will-regret", "self", r"(?:he|she|they|him|her|them|my ex|my boss|that guy|everyone|all of them|"
        r"my [a-z]{3,12}|that [a-z]{3,12}) "
        r"(?:is |are |will |is going to |are going to |will all )?(?:regret|be sorry|get (?:what (?:is|was)|whats) coming|"
        r"get what (?:he|she|they) deserves?|have it coming|has it coming|learn (?:the|their|his|her) lesson)"),
       ("going-to-pay", "subject", r"(?:he|she|they|him|her|my [a-z]{1,12}|that [a-z]{1,12}) (?:is|are|will) (?:all )?"
        r"(?:going to )?pay(?= *$| *,| for| back| tonight| tomorrow)"),
       ("wait-for-them", "subject", r"(?:wait|waiting|waited|going to wait|will wait) for (?:him|her|them|" + TARGET[3:-1] +
        r") (?:in|at|outside|after|by|near|when|behind)"),
       ("know-their-movements", "self", r"i know (?:his|her|their|my exs|my [a-z]{1,12}s) (?:schedule|routine|"
        r"address|shifts?|route|car|movements|new address|new place)|i know (?:where|when) (?:he|she|they) "
        r"(?:lives|live|works|work|parks|park|sleeps|sleep|drinks|gets off|finishes|leaves|walks)|i know which "
        r"(?:office|room|house|building|floor|desk|car|door|shift) (?:he|she|they) (?:is|are|works|parks|sleeps)"),
       ),
    _c("hopeless", "note",
       ("no-way-forward", "subject", r"(?:there is|theres|i see|i have|i got|there are) (?:no|nothing) (?:point|hope|"
        r"future|way forward|way out|reason|light at the end|one left|escape)(?= *$| *,| left| anymore| for me| in)|"
        r"(?:what is|whats) the use(?= *$| *,| of| anymore)"),
       ("cannot-take-more", "subject", r"(?:can not|cannot|could not) (?:do|take|handle|bear|stand|face|survive|"
        r"manage) (?:this|it|any of this|another day|one more day|much more|this life|living like this|another "
        r"(?:week|night|morning))(?: anymore| any longer| much longer)?(?= *$| *,| and| like)"),
       ("too-tired-to-go-on", "subject", r"(?:too|so) (?:tired|exhausted|worn out|drained) to (?:keep going|go on|keep "
        r"fighting|fight|keep trying|live|exist|care|try anymore)(?= *$| *,| anymore| like this| with (?:life|it all|"
        r"everything)| and| honestly)"),
       ("never-better", "subject", r"(?:it|things|life|this|nothing) (?:will|is going to|is ever going to|would) "
        r"(?:never|not ever) (?:get|be) (?:better|different|okay|ok|good|easier)"),
       ("out-of-hope", "subject", r"(?:out of|run out of|running out of|no) (?:hope|reasons to (?:stay|live|keep going)|"
        r"fight left|strength left|will to live)"),
       ("why-am-i-here", "subject", r"(?:why|what) (?:am i|do i) even (?:here|alive|doing this|bother|keep going|"
        r"exist)|why (?:am i|was i) (?:still )?(?:alive|here|born)(?= *$| *,)"),
       ("how-long-can-i", "subject", r"how (?:much )?longer (?:i can|can i|i am able to|i will be able to)|"
        r"(?:weight|drain|strain) on (?:them|everyone|everybody|my family|you all|my kids|the people|people)"),
       ("giving-up", "subject", r"(?:feel like|feeling like|ready to|about to|want to|going to|close to) giv(?:e|ing) "
        r"up(?= *$| *,| on (?:life|everything|myself|it all|living))|(?:can not|could not) (?:even )?hold (?:my (?:own )?"
        r"life|it|myself|things|anything) together|no point (?:in )?(?:trying|going on|living|carrying on|bothering|"
        r"fighting|anything)|(?:so |really )?(?:tired|sick|exhausted) of this(?= *$| *,)"),
       ("nothing-worth-it", "subject", r"(?:nothings|nothing (?:is|feels|seems)|none of it (?:is|feels|seems)|life (?:is|feels|seems)|lifes) worth it "
        r"anymore|"
        r"(?:my (?:son|daughter|kids|children|family|partner|wife|husband|boy|girl|baby)) (?:would|will) be better off"
        r"(?= *$| *,| without| with (?:their|his|her|a|another|someone|my))"),
       ("ruin-everything", "subject", r"i (?:ruin|wreck|destroy|spoil|poison) (?:everything|everyones life|"
        r"everyone|every)|everyone (?:would be|is) (?:better|happier) (?:off )?(?:if|without)"),
       ),
    _c("plan", "weak",
       ("my-decision", "subject", r"made (?:my|the|a|up my|a final) (?:decision|choice|mind)(?= *$| *,| and| about| "
        r"now)|(?:at peace|okay|ok|fine|comfortable|happy) with (?:my|the|this) (?:decision|choice|plan)"),
       ("its-time", "subject", r"^(?:it is|its) time(?= *$| *,| now)|(?:it is|its) time (?:now|for me to go)"),
       ("last-thing", "subject", r"(?:the )?last thing (?:on the list|on my list|i need to do|left to do|to do)"),
       ("makes-it-easier", "subject", r"(?:makes|make|will make|would make) (?:it|things|this) (?:so much |a lot )?easier"
        r"(?= *$| *,)|(?:arranged|sorted|organi[sz]ed|planned|prepared) everything(?= *$| *,)"),
       ("to-make-sure", "subject", r"to make sure(?= *$| *,| it works| this time)"),
       ("this-is-the-week", "subject", r"(?:this|today|tonight|it|this weekend) is the (?:week|day|night|weekend|time|"
        r"moment|one)(?= *$| *,| i| for)"),
       ),
    _c("plan", "weak",
       ("made-peace", "subject", r"(?:feels|feel|feeling|felt|i am|am|so) (?:so |weirdly |strangely |oddly |really |very "
        r"|suddenly |finally )?(?:calm|at peace|peaceful)(?= *$| *,| now| about| for once| finally)"),
       ),
    _c("time", "weak",
       ("time-ahead", "subject", TIME_AHEAD + r"(?= *$| *,| is| will| i| when| after| and| then| it)"),
       ),
    _c("time", "weak",
       ("it-ends", "subject", r"(?:it|this|everything|all of it|all of this|the pain|it all) (?:ends|is ending|will end|"
        r"is over|will be over|stops|will stop|finishes) (?:tonight|tomorrow|today|soon|this weekend|for good|on "
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))|(?:tonight|tomorrow|today|soon) (?:it|this|"
        r"everything|it all) (?:ends|is over|will be over|stops)"),
       ),
    _c("goodbye", "weak",
       ("thanks-for-all", "subject", r"(?:thank you|thanks) for (?:everything|being (?:there|kind|a friend|my friend|"
        r"so kind|good to me))(?= *$| *,| you| i| really| truly)|(?:i )?(?:just )?(?:wanted|want) (?:you |everyone |"
        r"you all )?to know (?:that )?(?:i (?:love|loved|appreciate|appreciated)|it was not (?:your|anyones) fault|"
        r"none of this is)"),
       ("care-for-me", "subject", r"(?:look after|take care of|watch over|check on|feed|walk) (?:my |the )?(?:cat|cats|dog|"
        r"dogs|kids|mum|mom|plants|fish|rabbit|bird|pets?) (?:for me|after i|when i am|if i am|once i am)"),
       ("a-will", "subject", r"(?:made|making|wrote|writing|did|doing|sorted|sorting|updated|updating|finished) (?:a|my|"
        r"out my) will(?= *$| *,| and| this| last| today| yesterday)"),
       ("funeral-chosen", "subject", r"(?:playlist|songs|music|hymns|flowers|outfit|clothes|readings|poem) (?:for|at) my "
        r"(?:own )?funeral"),
       ("note-to-family", "subject", r"(?:a |the |my )?(?:goodbye |last )?(?:note|notes|letter|letters) (?:to|for) (?:my |"
        r"each of my |all of my )(?:kids|children|family|daughter|son|partner|wife|husband|mom|mum|dad|parents|sister|"
        r"brother|friends|boyfriend|girlfriend)"),
       ("this-is-goodbye", "subject", r"(?:this is|it is|its) (?:goodbye|farewell|my goodbye|the end)(?= *$| *,| then| "
        r"for now| i)|(?:goodbye|bye) (?:forever|for good|for real)"),
       ("thanks-for-listening", "subject", r"(?:thank you|thanks) for (?:listening|always listening|putting up with me|"
        r"trying|helping me|all of it|all you did|everything you did)(?= *$| *,| to me| all| these| over| i)"),
       ("sorry-for-all", "subject", r"(?:sorry|apologies) for (?:everything|all of it|all the (?:pain|trouble|hurt)|all "
        r"this|the trouble|what i (?:did|have done|put)) (?:i have |i|i am about to |i will )?(?:put|caused|done|do|"
        r"been)"),
       ("affairs-in-order", "subject", r"(?:affairs|things|papers|paperwork|finances|accounts|everything) (?:are|is) "
        r"(?:all |now )?in order"),
       ("passwords-left", "subject", r"(?:put|left|wrote|listed|saved|written|shared|stored) (?:down )?(?:[a-z]{1,12} "
        r")?(?:all )?(?:my|the) (?:passwords|logins|pin|pins|bank (?:info|details|logins?))"),
       ("funeral-song", "subject", r"(?:funeral|memorial) (?:song|songs|music|playlist|readings?|plans?|wishes|"
        r"arrangements) (?:i want|i would like|i have picked|for me|sorted|picked|chosen)"),
       ("or-any", "subject", r"^or (?:any|ever|anything|another) (?:other )?(?:[a-z]{1,12})?(?: ever)?(?: again)?$"),
       ("not-make-it-to", "subject", r"(?:not|never) (?:going to |gonna )?make it to (?:[a-z]{1,12} )?(?:[a-z]{1,12} )?"
        r"(?:meeting|shift|group|session|appointment|christmas|birthday|class|training|rota)"),
       ("not-anyones-fault", "subject", r"(?:it is|it was|its|this is|this was|none of this is|none of it is|none of "
        r"this was) not (?:anyones|your|their|his|her|my [a-z]{1,12}s) fault"),
       ("letter-explains", "subject", r"(?:the|my) (?:letter|note) (?:explains|will explain|says it all|says everything|"
        r"is for you)"),
       ("maybe-forever", "subject", r"(?:maybe|probably|possibly|perhaps) (?:longer|forever|for good|permanently)"
        r"(?= *$| *,)"),
       ("mind-my-pet", "subject", r"(?:keep an eye on|look after|take care of|watch|mind|feed|take) my (?:cat|cats|dog|dogs|"
        r"pets?|kids|fish|bird|rabbit|plants)(?: [a-z]{1,12})? (?:for (?:a few|a couple|some|a while)|while|for me|after|"
        r"when|if|once)"),
       ("they-will-find", "subject", r"(?:she|he|they|someone|my [a-z]{1,12}) (?:will|is going to|are going to|would) "
        r"find (?:it|me|the note|the letter|my note|my letter)(?= *$| *,| when| after| in| tomorrow| tonight)"),
       ("note-under-door", "subject", r"(?:put|left|slid|slipped) (?:a|the|my) (?:note|letter) (?:under|on|by|in) "
        r"(?:my |the |her |his |their )?(?:[a-z]{1,12} )?(?:door|bed|pillow|desk|table|car)"),
       ("last-shift-bare", "subject", r"^(?:just )?last (?:shift|day)(?: today| ever| here)?$"),
       ("not-because-i-quit", "subject", r"not because i (?:quit|resigned|am leaving|got fired|got a new job)"),
       ("love-you-all", "subject", r"^love you (?:all|guys|everyone)"),
       ("beneficiary", "subject", r"(?:updated|updating|changed|changing|named|added) (?:my )?(?:beneficiary|"
        r"beneficiaries|next of kin)"),
       ("sent-logins", "subject", r"(?:sent|gave|told|showed|emailed|texted) (?:[a-z]{1,12} )?(?:[a-z]{1,12} )?(?:the|my|"
        r"all my) (?:login|logins|password|passwords|pin|pins|bank details|account details)|where (?:the|my) (?:will|"
        r"papers|documents|deeds|keys|policy) (?:is|are)(?= *$| *,| kept)"),
       ("messages-to-all", "subject", r"(?:written|wrote|writing|write|recorded|recording) (?:everyone|everybody|each of "
        r"them|all of them|my family|people|my friends) (?:a )?(?:message|messages|note|notes|letter|letters|email|emails|"
        r"text|texts|video|videos)"),
       ("on-a-timer", "self", r"(?:to send|scheduled|set to send|sends|will send) " + gap(30) + r"(?:on a timer|"
        r"automatically|after i am gone|when i am gone)|on a timer(?= *$| *,)"),
       ("packed-for-them", "subject", r"(?:packed|packing|pack) (?:a |his |her |their )?bags? for (?:him|her|them|the "
        r"kids|my (?:son|daughter|kids))"),
       ("sold-my", "subject", r"(?:sold|selling|sell|gave away|giving away|give away|given away) my (?:[a-z]{1,12} )?"
        r"(?:guitar|car|bike|books|records|vinyl|clothes|jewel(?:le)?ry|watch|ring|camera|laptop|console|games|"
        r"collection|art|paintings|tools|furniture)(?= *$| *,| and| to| for| today| yesterday| last| this)"),
       ("paid-off", "subject", r"paid (?:off )?(?:my|the|all my|all of my) (?:card|cards|credit card|debts?|loans?|bills|"
        r"rent|tab|fines)(?= *$| *,| and| so| off| today| yesterday| this)"),
       ("pet-going-to", "subject", r"(?:cat|cats|dog|dogs|pets?|car|guitar|bike|kids) (?:is |are )?(?:going|goes|"
        r"will go) (?:to|with) (?:my|the|a) (?:neighbou?r|sister|brother|mom|mum|dad|friend|cousin|aunt|uncle|niece|"
        r"nephew|parents|ex)"),
       ("letters-placed", "subject", r"(?:letters?|notes?|envelopes?|cards) (?:are |is )?(?:already )?(?:in|under|on) "
        r"(?:the|my) (?:drawer|desk|table|bed|pillow|nightstand|kitchen|envelope|box|car|mailbox)"),
       ("all-sorted", "subject", r"(?:everything|it|all|it all|everything else) (?:is |has been )?(?:all )?(?:sorted|"
        r"arranged|taken care of|in place|organi[sz]ed|set up)(?: out)?(?= *$| *,| now| already| for)"),
       ("insurance-covers", "subject", r"(?:the |my )?(?:life )?insurance (?:covers|will cover|would cover|pays|will pay|"
        r"would pay|should cover|will take care of)"),
       ("they-will-be-fine", "subject", r"(?:my family|my kids|the kids|my children|everyone|they|my partner|my wife|"
        r"my husband|my parents|my mom|my mum) (?:will|would|are going to) be (?:fine|ok|okay|alright|all right)"
        r"(?= *$| *,| without| in)"),
       ("can-have-my", "self", r"(?:she|he|they|you|someone) (?:can|could|should|gets to|will) (?:have|keep|take) my "
        r"(?:car|guitar|bike|books|records|clothes|jewel(?:le)?ry|watch|ring|stuff|things|dog|cat|plants|games|console|"
        r"camera|laptop|flat|room)"),
       ("kind-to-me", "subject", r"(?:thanks|thank you) for (?:always )?being (?:[a-z]{1,12} )?(?:there|kind|good|nice|"
        r"patient|a friend|my friend|so kind|so good|so nice)(?: to me| for me)?"),
       ("my-last-night", "subject", r"(?:this|it|its) (?:is |will be |was )?(?:my|the) last (?:christmas|birthday|"
        r"summer|winter|spring|new year|night|weekend)(?= *$| *,| i| with| here| ever)"),
       ),
    _c("travel", "weak",
       ("spot-at-place", "subject", r"(?:a |the |that |this |my )?spot (?:on|at|by|near|under|off) (?:the |a |that )?"
        r"(?:[a-z]{1,12} )?(?:" + PLACE_WORDS + r"|river|lake|sea|quarry|cliffs?|falls|water)"),
       ("top-of", "subject", r"(?:at|on|up on|up at|onto|to) the (?:very )?top (?:floor |level |deck )?of (?:the |a |this |"
        r"that )?(?:car park|parking lot|parking garage|building|tower|hospital|stairwell|block|flats|apartment building|"
        r"mall|multi storey|multistorey|hotel|cliff|hill|quarry)"),
       ("train-times", "subject", r"(?:train|trains|express|freight) (?:passes|pass|comes|come|goes|go|runs|run|comes "
        r"through|goes by) (?:through )?(?:at|every)"),
       ("theres-a-place", "subject", r"(?:there is|theres|there s) (?:a|this|that) (?:[a-z]{1,12} )?(?:" + PLACE_WORDS +
        r"|river|lake|quarry|cliff|cliffs)" + r" (?:near|by|behind|off|at|close to|on the way)"),
       ("keep-walking-to", "subject", r"keep (?:going|driving|walking|coming|ending up) (?:back )?(?:to|at) (?:the )?(?:"
        r"train |railway |rail )?(?:" + PLACE_WORDS + r"|river|lake|quarry|cliffs?|falls|water)"),
       ("sleeping-by", "subject", r"(?:sleeping|sleeps|slept) (?:by|near|on|under) the (?:train |railway )?(?:tracks|"
        r"bridge|river|overpass)"),
       ("sat-there", "subject", r"(?:sat|sitting|stood|standing|stayed|parked|waited) there (?:for|till|until|all|a "
        r"long)"),
       ("quiet-there", "subject", r"(?:it is|its|so|very|really) (?:quiet|peaceful|calm) (?:there|up there|down there)"
        r"(?= *$| *,| at)"),
       ),
    # being somewhere now: with a place named, a crisis
    _c("here-now", "weak",
       ("there-now", "subject", r"(?:i am|am|sitting|standing|parked|sat|stood|been) (?:up |out |down )?there (?:right )?"
        r"now|(?:it is|its) (?:really |so |very )?(?:windy|cold|high|quiet|dark|peaceful|calm) (?:up|out|down) here"),
       ),
    _c("rumination", "weak",
       ("timing-it", "subject", r"(?:been|keep|am) (?:timing|tracking|watching|checking|clocking) (?:it|them|when|how "
        r"long)(?= *$| *,)|(?:and|just) thinking(?= *$)"),
       ("keep-taking-it-out", "subject", r"keep (?:taking|getting|picking|holding|touching|checking|loading) (?:it|them) "
        r"(?:out|up|in my hand)"),
       ("keep-going-back", "subject", r"keep (?:going|driving|walking|coming) back (?:to|there)(?= *$| *,| again| every)"
        r"|(?:thinking|thought) about it(?= *$| *,| again| all| a lot| more| every)"),
       ),
    _c("withdrawal", "weak",
       ("you-know-why", "subject", r"(?:you|everyone|they|we) (?:both )?(?:know|knows) why(?= *$| *,)"),
       ("asking-for-me", "subject", r"(?:asking|this is|it is|its) for (?:me|myself)(?= *$| *,)|not asking for (?:a|my|"
        r"the) (?:participant|client|friend|member|resident|work)|(?:there is|theres) a reason(?= *$| *,)"),
       ("does-not-know-yet", "self", r"(?:she|he|they|no one|my [a-z]{1,12}|i|you) (?:does not|do not|did not) know (?:why|yet|about it|what i|what is coming)"
        r"(?= *$| *,| yet)|(?:has|have) no idea (?:why|what i)"),
       ),
    _c("means", "weak",
       ("full-bottle", "subject", r"(?:whole|full|entire|new) (?:bottle|pack|packet|box|strip|tub) of (?:[a-z]{1,12} )?"
        r"(?:" + DRUG + r"|" + LETHAL[3:-1] + r"|razor blades)"),
       ),
    _c("means", "weak",
       ("sitting-with-it", "subject", r"(?:sitting|sat|been sitting|holding|held|staring at|stared at) (?:with )?(?:it|"
        r"them) (?:for (?:an|a|two|three|hours)|all night|in my (?:lap|hands)|right now)"),
       ),
    _c("means", "weak",
       ("plenty", "subject", r"(?:should|will|would|that is|that should|is|it is|thats|that will) (?:be )?(?:plenty|more "
        r"than enough|enough)(?= *$| *,)"),
       ),
    _c("means-named", "weak",
       ("means-bought", "subject", r"(?:bought|buying|buy|got|getting|picked up|went [a-z ]{1,30} for|to get) (?:a |some "
        r"|the |more |a length of |a bag of )?(?:rope|noose|cord|extension cord|hose|charcoal|helium|gun|bullets|ammo|"
        r"razor blades|blades|a ladder)(?= *$| *,| today| yesterday| this| last| and| from)"),
       ("means-named", "subject", r"(?:my|the|those|these|his|her|dads|mums|moms|a) (?:[a-z]{1,12} )?(?:[a-z]{1,12} )?(?:" + PILLS[3:-1]
        + r"|" + LETHAL[3:-1] + r")(?! (?:list|chart|sheet|box|cabinet|organi[sz]er|course|access|swing|range|safe|"
        r"lock|show|store|shop|counter|room|bag for work))"),
       ),
    # -- round 5: forms the fifth round's tuning parts showed, written general (issue 15) ---------
    # C-SSRS asks about method research; people ask the bot itself how a method works on a body.
    _c("means-ready", "crisis",
       ("lethality-question", "subject", r"how (?:long|quickly|fast) (?:does it take|would it take|until|till|before|after "
        r"[a-z]{1,12} (?:would|will|does|do|can))" + gap(40) + r"(?:shut (?:down )?(?:your|my|the|someones|a) (?:liver|kidneys|organs|"
        r"heart|body)|kill (?:you|me|someone|a person)|bleed out|pass out|stop breathing|reverse it|die)|how deep (?:does|do|"
        r"would|should|has|have|must) (?:a |the |my )?cuts?(?= (?:need|have|be|go|to))|(?:reach|hit|nick|sever) (?:an|the|my) artery|(?:pass out|"
        r"black out|die|lose consciousness) (?:quickly |fast |straight away )?if (?:you|i|someone) (?:hang|hung|drown|jump)|"
        r"is it (?:painful|quick|painless) to (?:drown|hang|bleed out|overdose|od|jump|freeze|die)|(?:does|would|will) "
        r"(?:drowning|hanging|carbon monoxide|an overdose|bleeding out|jumping|freezing) (?:hurt|be painful|be quick)|"
        r"(?:what is|whats|where is) the (?:tallest|highest) (?:bridge|building|cliff|car park|parking garage|overpass)|"
        r"(?:if i|if you|if someone) (?:mixed|mix|took|take|combined|combine) " + CLAUSE + r"(?:would|will) it be "
        r"(?:quick|painless|fatal|lethal|enough)"),
       ("know-what-to-do-with-them", "subject", PILLS + gap(60) + r"(?:i know|know exactly) what to do with (?:them|it)"),
       ("charcoal-and-tarp", "subject", r"(?:tarp|tape|duct tape|bucket) and (?:the |some |a )?charcoal|charcoal and "
        r"(?:the |some |a )?(?:tarp|tape|duct tape|bucket)"),
       ("blade-back-out", "subject", r"(?:putting|put|placing) (?:the|my) (?:blades?|razors?|knife|rope|gun|pills) back "
        r"(?:in|into|away)" + gap(40) + r"(?:taking|take|took|get|getting|pulling) (?:it|them) (?:back )?out"),
       ("nobody-to-reverse", "subject", r"(?:nobody|no one) (?:would|could|will) (?:be able to )?(?:reverse it|bring me "
        r"back|revive me|narcan me)|(?:nobody|no one) (?:is|will be|would be) (?:coming|there|around) (?:with "
        r"(?:narcan|naloxone)|to (?:narcan|find|revive|save) me)"),
       ),
    _c("overdose", "crisis",
       ("took-a-bunch", "subject", r"(?:i )?(?:just )?took (?:a bunch of|a load of|loads of|a lot of|too many|too much) "
        r"(?:stuff|pills|tablets|meds|of my [a-z]{1,12})?(?= *$| *,| and| i| on)"),
       ),
    # Goodbyes that only make sense if the writer will not be there (988: saying goodbye).
    _c("farewell", "crisis",
       ("dont-worry-after", "subject", r"(?:do not|dont) worry about me (?:after (?:today|tonight|this|tomorrow|"
        r"friday|the weekend)|anymore|any more|when i am gone|once i am gone)"),
       ("if-you-dont-hear", "subject", r"if (?:i do not|i dont|you do not|you dont|i never) (?:reply|answer|respond|hear "
        r"from me|show up|turn up|get back to you)" + CLAUSE + r"(?:that is why|thats why|it is because|its because|check|look (?:in|at|by|under)|"
        r"do not be sad|dont be sad|i am sorry|i love|it is not|bye)"),
       ("it-was-goodbye", "subject", r"(?:it|that|this) was (?:a |my )?goodbye(?= *$| *,| and| but)"),
       # "she doesn't know it was goodbye": whoever does not know, the goodbye is the writer's
       ("did-not-know-goodbye", "self", r"(?:(?:does not|did not|do not|doesnt|didnt|dont) (?:know|realise|realize)|"
        r"(?:has|had|have) no idea) (?:it|that) was (?:a |my )?goodbye"),
       ("shall-not-require", "subject", r"(?:shall not|will not|will no longer|shall no longer) (?:require|need) "
        r"(?:it|this|them|your (?:help|assistance|support|services)|anything)(?: anymore| after (?:this evening|"
        r"tonight|today|tomorrow|this week)| much longer)"),
       ("no-point-booking-past", "subject", r"no point (?:booking|planning|making plans|scheduling|buying|renewing|"
        r"paying|signing up) (?:anything )?(?:past|after|beyond) (?:that|then|the [0-9a-z]{1,6}|friday|monday|this)"),
       ("when-you-find-this", "subject", r"(?:when|if) (?:you|they|someone|somebody|anyone) (?:find|finds|read|reads) (?:this|me)(?: ,)?"
        + gap(20) + r"(?:tell (?:the|my|them|everyone)|it (?:was|is) not (?:about|your|their|anyones)|i am sorry|i love|"
        r"do not blame|please know)"),
       ("everyone-better-off", "subject", r"(?:everyone|everybody|they|the team|my family|my kids?) (?:is|are|would be|"
        r"will be) better off(?= *$| *,)|^(?:everyones|everybodys|theyre|theyd) better off(?= *$| *,)"),
       ("not-around-for", "subject", r"(?:not|never) (?:going to )?be (?:around|here) (?:for|to see|to get|by) "
        r"(?:[a-z0-9]{1,12} )?(?:[0-9]+|six|seven|another|next|the next)|(?:will not|wont) be for (?:much )?longer"),
       ("over-and-so-am-i", "subject", r"(?:over|done|finished|ending|gone) and (?:soon )?so (?:am|will) i(?= *$| *,)"),
       ),
    _c("self-harm", "crisis",
       # found in round 5's held-out third after it was scored: thinking of cutting deep, not of a haircut
       ("thinking-of-cutting", "subject", r"(?:thinking about|thinking of|thought about|think about) (?:cutting|burning) "
        r"(?:myself|deep|deeper|again)|cutting deep enough|deep enough (?:that|to|so) (?:it is|its|it would be|it will "
        r"be) (?:actually |finally )?over"),
       ),
    _c("ideation", "crisis",
       ("off-myself", "subject", r"(?:going to|planning to|plan to|want to|wanna|gonna|about to|will|thinking about|"
        r"thinking of) (?:off|top|unalive|yeet) myself"),
       ("picture-the-wheel", "subject", r"(?:picture|picturing|imagine|imagining|thinking about|think about) (?:just )?"
        r"(?:turning|jerking|yanking) the wheel|(?:sped|speeding) up and (?:nearly|almost) (?:did|went)|(?:letting|let) go of "
        r"the wheel|(?:take|taking) my hands off the wheel"),
       ),
    # Plans a tuning part wrote in few words: each weak alone, two together a preparation.
    _c("plan", "weak",
       ("nobody-can-stop", "subject", r"(?:no one|nobody|noone) (?:can|will|could|is going to) stop (?:it|me)(?= *$| *,|"
        r" then| now| tonight| this time)"),
       ("safety-plan-gone", "subject", r"(?:tore|torn|ripped|threw|thrown|binned|burned|burnt) (?:up |out |away )?(?:my|"
        r"the) safety plan|(?:my )?safety plan (?:is|went) in the (?:trash|bin|garbage)"),
       ("different-plan", "subject", r"i (?:have|have got|got) (?:a )?(?:different|new|another|other) plan(?= *$| *,| now)"),
       ("exit-plan", "subject", r"(?:my|an) exit plan(?! (?:for|from) (?:the|this|my) (?:job|company|building|meeting|"
        r"role|lease|contract))"),
       ("not-a-joke", "subject", r"(?:except|but|and) (?:it is|its|i am|im) not (?:a joke|joking|kidding)|"
        r"(?:maybe|actually|probably) really(?= *$| *,)"),
       ("explains-everything", "subject", r"(?:email|message|letter|note|video|text|it) (?:explains|will explain) "
        r"(?:everything|it all)"),
       ("wont-matter-after", "subject", r"after (?:that|this|tonight|today|friday) (?:it|nothing|none of it) (?:will not|"
        r"wont) matter"),
       # (PLAN's not-come-back already reads "…and not come back")
       ("not-coming-back-maybe", "subject", r"(?:do not know|not sure) (?:if|whether) i am (?:coming|going to come) back"),
       ("can-have-my", "self", r"(?:[a-z]{1,12}) can have my (?:car|guitar|coins|chips?|cat|dog|things|stuff|books|"
        r"records|clothes|jewellery|jewelry|bike|watch|ring|tools)(?= *$| *,| and)"),
       ("that-covers-it", "subject", r"that covers (?:it|everything)(?= *$| *,)"),
       ),
    _c("threat", "weak",
       ("going-to-get-hurt", "subject", r"(?:is|are) (?:going to|gonna) get hurt|"
        # round 9: "make sure he gets hurt", "he is going to feel what she felt"
        r"(?:make sure|see to it that|see that) (?:he|she|they) (?:gets?|will get|is going to get) hurt|"
        r"(?:he|she|they) (?:is|are|will be) going to (?:feel|suffer) (?:what|how|the way|like)|"
        r"(?:he|she|they) will (?:feel|suffer) (?:what|how|the way|like)"),
       # round 9: someone else "ending up in the river tonight", "in a ditch", "in the hospital"
       ("ends-up-in", "self", r"(?:he|she|they|him|that [a-z]{2,12}|the [a-z]{2,12}|my [a-z]{2,12})(?: who[a-z0-9 ]{0,40})? "
        r"(?:is|are|will|will be|is going to|are going to) (?:ending|end) up (?:in the (?:river|lake|canal|ground|"
        r"hospital|morgue|ditch|dumpster|harbour|harbor)|in a (?:ditch|box|body bag|wheelchair)|dead|face down)"),
       ("make-sure-of-it", "self", r"i will make sure of (?:it|that)(?= *$| *,)"),
       ("going-to-regret", "self", r"(?:are|is) (?:all )?going to regret (?:it|this|that|how|what)"),
       ("deal-with-them", "self", r"deal with (?:him|her|them) (?:properly|for good|once and for all|permanently)"),
       ("wait-outside-for", "self", r"wait(?:ing)? outside (?:the|his|her|their) [a-z]{1,12} for (?:him|her|them|the "
        r"[a-z]{1,12})"),
       ("bringing-something", "self", r"(?:bring|bringing) (?:a|my|the|something) (?:[a-z]{1,12} )?to (?:work|school|"
        r"the office|the meeting|the [a-z]{1,12} meeting|the clinic|class)(?= *$| *,| on| tomorrow| and)"),
       ),
    _c("harm", "harm",
       ("thinking-of-hurting", "subject", r"(?:thinking about|thinking of|fantasi[sz]ing about|dreaming about) "
        r"(?:hurting|killing|stabbing|hitting|beating|strangling|poisoning|shooting) (?:the|that|my|him|her|them|his|"
        r"their)\b(?!self| self)"),
       ("something-in-their-drink", "subject", r"(?:put|putting|slip|slipping|spike|spiking) (?:something|stuff|it|"
        r"pills|bleach|poison|rat poison) (?:in|into) (?:his|her|their|my [a-z]{1,20}) (?:coffee|drink|tea|food|lunch|"
        r"dinner|water)|(?:bringing|bring) a (?:knife|gun|bat|machete|weapon) to (?:work|school|the office|the meeting|"
        r"the [a-z]{1,12} meeting|the clinic|class)"),
       ),
    _c("hopeless", "note",
       ("beyond-fixing", "subject", r"(?:broken|damaged|too far gone) beyond (?:fixing|repair|help|saving)|no light at "
        r"the end of (?:the|this) tunnel|just more tunnel|(?:what is|whats) (?:even )?the point of (?:recovery|my "
        r"recovery|trying|getting up|going on|any of (?:this|it))|(?:feel|feeling|felt|am) so (?:alone|lonely)(?= *$| *,|"
        r" even| and| all)|nothing helps (?:anymore|any more)|(?:can not|cannot) face (?:people|anyone|anybody|the "
        r"world)(?= *$| *,)|(?:does not|doesnt|never) let up|(?:falling|fall) apart(?= *$| *,)"),
       ),
    # -- round 6: forms rounds 4 and 5's held-out thirds showed once their final figures were out -----
    _c("method", "crisis",
       # a car running in a closed garage
       ("closed-garage", "subject", r"(?:car|engine|truck|van)(?: is|s)? (?:in|inside|running in) the garage" + gap(40)
        + r"(?:door(?:s)?(?: is| are|s)? (?:closed|shut|down)|engine(?: is|s)? running|sitting (?:here|in it|in the car))|"
        r"(?:run|running|left) the (?:engine|car) (?:with|in) the garage"),
       # "so easy to just not come back from the bridge walk", "tempting to keep walking into the lake"
       ("so-easy-to", "subject", r"(?:easy|tempting|simple) to (?:just )?(?:not (?:come|coming|go|going) back(?: from)?|"
        r"not wake up|step off|keep walking into|walk into (?:traffic|the (?:lake|river|sea|ocean|water))|drive off|"
        r"swerve|jump(?= *$| *,| off| from| in front))"),
       ),
    _c("overdose", "crisis",
       # drink and pills together: "drank a whole bottle and took my sleeping pills with it"
       ("bottle-and-pills", "subject", r"(?:drank|downed|finished|necked) (?:a|the|half a) (?:whole |entire )?bottle"
        r"(?! of (?:water|juice|milk|pop|soda|kombucha))" + gap(40) + r"(?:took|taken|swallowed|had) (?:all )?(?:of )?"
        r"(?:my |the |those |some )?" + PILLS + r"|(?:took|swallowed|taken) (?:all )?(?:of )?(?:my |the )?" + PILLS
        + r" with (?:a|the|half a|it|the rest of (?:a|the)) ?(?:bottle|vodka|wine|whisky|whiskey|rum|gin|beer|booze)"),
       # "I'm going to be the overdose on someone else's shift tonight"
       ("be-the-overdose", "subject", r"(?:going to|gonna|will|about to) be (?:the|a|another|the next) (?:overdose|od|"
        r"body|statistic|name on the (?:wall|list))(?! (?:response|prevention|training|kit|kits|lead|responder|"
        r"coordinator|team|call|person|drill|policy|protocol|champion))"),
       ),
    _c("means-ready", "crisis",
       # pills counted out, said passively: "the pills are counted out on the table in front of me"
       ("pills-laid-out", "self", PILLS + r" (?:are|is|all|sit|sitting) (?:all )?(?:counted|lined|laid|set|spread|"
        r"sorted) (?:out|up)" + gap(30) + r"(?:in front of me|on the (?:table|bed|floor|desk|counter)|right here|ready)"),
       ("scripts-saved", "subject", r"(?:stockpiled|stockpiling|hoarded|hoarding|saved up|saving up|been saving|"
        r"stashed|stashing) (?:up )?(?:all )?(?:my |of my )?(?:scripts|prescriptions|doses|refills)"),
       # "what's the highest floor of the parking garage… is the roof open at night"
       ("roof-open-at-night", "subject", r"(?:is|are) the (?:roof|rooftop|top floor|top level)s? (?:open|unlocked|"
        r"accessible)(?: at night| after hours| late| overnight)"),
       ),
    _c("farewell", "crisis",
       ("find-me-first", "self", r"(?:so|then) (?:that )?(?:she|he|they|my [a-z]{1,12}|the kids|nobody|no one|noone) "
        r"(?:does not|doesnt|do not|dont|will not|wont|would not|wouldnt) (?:walk in and |come home and |come in and )?"
        r"finds? me(?= *$| *,| first| like that| there| here)|(?:walk|walks|come|comes) (?:in|home) and finds? me"
        r"(?= *$| *,| first| like that)"),
       ("final-arrangements", "subject", r"(?:making|made|sorting|sorted|finished|finishing|doing) (?:my |the )?"
        r"final arrangements(?= *$| *,| now| today| tonight| this week)"),
       ("cant-tell-not-here", "self", r"(?:can not|cannot|cant) (?:exactly |really |just )?tell (?:her|him|them|anyone|"
        r"anybody|my [a-z]{1,12}) (?:that )?i (?:will not|wont|am not going to) be (?:here|around)"),
       ),
    _c("plan", "weak",
       ("date-circled", "subject", r"(?:got|have|had|picked|chose|set|circled|marked) (?:a|the) date (?:circled|"
        r"picked|set|chosen|marked)|(?:circled|marked) (?:a|the) date"),
       ("tell-them-goodbye", "subject", r"tell (?:the group|the team|everyone|everybody|them all|my [a-z]{1,12}) i said "
        r"(?:goodbye|bye)"),
       ),
    _c("hopeless", "note",
       ("walking-dead", "subject", r"dead (?:man|woman|person|girl|guy) walking|everything (?:is|feels|has felt|has "
        r"been) (?:so )?(?:grey|gray|numb|flat|empty|colourless|colorless|pointless)(?= *$| *,| and| for)"),
       ),
    # -- round 6: forms the sixth round's tuning parts showed (harm reduction; many registers) ----------
    _c("overdose", "crisis",
       # using alone so that nobody can reverse it; a supply stronger than the writer can survive
       ("using-alone-on-purpose", "subject", r"us(?:e|ing) alone on purpose|(?:nobody|no one|noone) (?:needs to|will|is "
        r"going to|gets to|can|should) (?:find|reach|narcan|revive|save) me in time"),
       ("stronger-than-i-can", "subject", r"(?:buy|buying|get|getting|score|scoring|use|using|take|taking|do|doing) (?:a |"
        r"the |some )?(?:bag|batch|dose|hit|point|shot|bundle|gram|supply|stuff)" + gap(30) + r"(?:stronger|more) than "
        r"i (?:can|could) (?:handle|take|survive)"),
       ("everything-in-the-cabinet", "subject", r"(?:take|taking|swallow|swallowing|finish|then|and) (?:everything|"
        r"all|the lot) (?:in|from) (?:the|my|mums|moms|dads) (?:med|meds|medicine|bathroom) (?:cabinet|cupboard|drawer|"
        r"box)"),
       ("pharmacy-to-pharmacy", "subject", r"(?:box|boxes|bottle|bottles|pack|packs|packet|packets) of (?:sleeping "
        r"(?:tablets|pills)|sleepers|painkillers|paracetamol|tylenol|acetaminophen|ibuprofen|advil|aspirin|tablets|pills)"
        + gap(40) + r"(?:different|another|second|third|other) (?:pharmacy|pharmacies|chemist|chemists|drugstore|store|shop)"),
       ("whole-supply-at-once", "subject", r"(?:the |my )?(?:whole|entire|full) (?:week|weeks|month|months|bottle|"
        r"packet|box)s?(?: worth| supply)?(?: of [a-z]{1,12})? (?:at once|all at once|in one go)"),
       ),
    _c("means-ready", "crisis",
       ("method-looked-up", "subject", r"(?:googled|looked up|searched|search|searching|researched|researching|checked) "
        r"(?:for )?(?:which|what|where|the) (?:bridges?|buildings?|car parks?|parking garages?|parkades?|overpass(?:es)?|"
        r"roofs?|cliffs?)" + gap(30) + r"(?:no (?:barriers?|fences?|railings?|nets?|cameras?)|(?:tallest|highest)|"
        r"(?:open|unlocked) at night)"),
       ("how-long-it-takes", "self", r"how (?:long|quickly|fast) it (?:takes|would take|took) (?:someone |a person |"
        r"you |me )?to (?:stop breathing|die|bleed out|pass out|lose consciousness)"),
       ),
    _c("harm", "harm",
       ("find-and-hurt", "subject", r"(?:going to|gonna|will|about to) (?:find|get|track down|go after|wait for|catch) "
        r"(?:him|her|them|that [a-z]{1,12})" + gap(30) + r"(?:and )?(?:hurt|hit|beat|stab|kill|smash|shoot|jump)"
        r" (?:him|her|them)"),
       # "my stepdad is sleeping and i have the knife": a weapon in hand beside someone asleep nearby
       ("weapon-while-asleep", "self", r"(?:he|she|they|my [a-z]{1,12}|the [a-z]{1,12}) (?:is|are) (?:sleeping|asleep|"
        r"passed out|in the next room|downstairs|upstairs)" + gap(40) + r"(?:have|got|holding|picked up|grabbed) (?:the|a|"
        r"my|his|her) (?:knife|gun|bat|hammer|axe|machete|blade|pistol|rifle)"),
       ("spike-their-drink", "subject", r"(?:spike|spiking|lace|lacing) (?:his|her|their|my [a-z]{1,20}) (?:coffee|drink|"
        r"tea|food|lunch|dinner|water|beer)"),
       ),
    _c("farewell", "crisis",
       ("goodbyes-written", "subject", r"(?:writing|wrote|written|finished|finish|write) (?:my |the |all the |all my )?"
        r"goodbyes\b"),
       ("if-i-am-not-around", "self", r"(?:look after|take care of|take|have|feed|walk) my (?:dog|cat|pets?|kids|"
        r"children|plants|bird|rabbit)" + gap(30) + r"if i am (?:not around|gone|not here|no longer here)"),
       ("goodbye-for-good", "subject", r"(?:goodbye|bye|farewell) for (?:good|ever|the last time)(?= *$| *,)"),
       ("so-someone-can-get-in", "self", r"so (?:someone|somebody|they|anyone|people|the police) can (?:get in|let "
        r"themselves in|get into (?:my|the) (?:place|flat|apartment|house|room))(?= *$| *,| after| when| once| later)"),
       ("means-forever", "self", r"(?:does not|doesnt|did not|didnt|do not|dont) know (?:that )?(?:it|this|a bit|a while|"
        r"for now|for the weekend) (?:means|is|was) (?:forever|for good|permanent|permanently)"),
       ("wont-be-able-after", "subject", r"(?:will not|wont) be able to (?:tell|see|say (?:it|goodbye|sorry) to|talk to|"
        r"thank) (?:her|him|them|you|anyone|my [a-z]{1,12})(?: myself)? (?:after|past|by) (?:tonight|today|this|friday|"
        r"saturday|sunday|the weekend|tomorrow)"),
       ("gets-the-call", "subject", r"(?:do not|dont) want (?:my |the )?[a-z]{1,12} to be the (?:one|person) (?:who|that) "
        r"(?:gets|takes|answers) the (?:call|phone call)|(?:do not|dont) want (?:my |the )?[a-z]{1,12} to be the (?:one|"
        r"person) (?:who|that) finds? me"),
       ),
    _c("goodbye", "weak",
       ("mattered-to-me", "subject", r"(?:wanted|want|need) (?:the team|you|everyone|everybody|you all|them|you guys|"
        r"my [a-z]{1,12}) to know (?:that )?(?:they|you|it) (?:mattered|matter|meant (?:something|a lot|everything))"),
       ("manage-without-me", "subject", r"(?:will|would|can|could) (?:manage|cope|get by|do fine|be fine) without me"
        r"(?= *$| *,)"),
       ("own-funeral", "subject", r"(?:undertaker|funeral (?:home|director|parlou?r)) about (?:what i (?:would like|want)|"
        r"my (?:own )?(?:funeral|service|burial|cremation|arrangements))"),
       ("told-going-away", "subject", r"(?:told|telling) (?:my |the )?[a-z]{1,12} (?:that )?i am going away(?= *$| *,)"),
       ("savings-signed-over", "subject", r"(?:transferred|moved|signed over|handed over) (?:all )?my (?:savings|money|"
        r"pension|accounts?|car|house|flat) (?:over )?to (?:my|her|him|them)"),
       ),
    _c("means", "weak",
       ("blades-in-my-bag", "subject", r"(?:box|pack|packet) of (?:razor ?blades|razors|blades) (?:in|at the bottom of) "
        r"my (?:bag|pocket|drawer|room|car)"),
       ("tablets-sorted", "subject", r"(?:got|have) (?:the|my|all the) (?:tablets|pills|meds) sorted(?= *$| *,| and)"),
       ("place-nearby", "subject", r"(?:the )?(?:" + PLACE_WORDS + r") (?:is|are) (?:only |just )?(?:two|three|a few|five|"
        r"ten|[0-9]+|a couple of) (?:blocks|minutes|streets|min|mins) (?:away|from (?:here|me|my))"),
       ("on-the-ledge", "subject", r"(?:sit|sitting|sat|stand|standing|stood) on the (?:ledge|railing|parapet|edge of "
        r"the (?:roof|bridge|platform))(?! (?:reading|drinking|eating|with (?:a|my) (?:coffee|book|tea)))"),
       ),
    _c("plan", "weak",
       ("all-planned", "subject", r"(?:got|have|had) it all (?:planned|worked out|figured out|sorted|ready)(?= *$| *,| out)"),
       ("feels-like-practice", "subject", r"(?:feels|felt) like (?:a )?(?:practice|rehearsal)(?= *$| *,)|legs over "
        r"(?:the )?(?:edge|side|railing)"),
       ("nothing-holds-me", "subject", r"nothing (?:holds|keeps|is keeping|is holding|will hold|left to keep|left to "
        r"hold) me here"),
       ("go-to-the-river", "subject", r"(?:i go|i will go|going|heading|walking) to the (?:river|bridge|lake|sea|tracks|"
        r"cliffs?|falls|dam|quarry) (?:this week|tonight|tomorrow|on (?:friday|saturday|sunday)|after)"),
       ("weekend-alone", "subject", r"^(?:this )?weekend$|^(?:tonight|tomorrow)$"),
       ),
    _c("ideation", "crisis",
       ("planning-suicide", "subject", r"(?:planning|plan|planned|preparing|prepared|ready for|going to (?:commit|"
        r"attempt)|about to (?:commit|attempt)) (?:my )?suicide"),
       ),
    _c("time", "weak",
       ("after-midnight", "subject", r"after midnight|when (?:everyone|everybody|the house) (?:is|has gone) (?:asleep|to "
        r"bed)"),
       ),
    _c("withdrawal", "weak",
       ("skipping-group", "subject", r"not going to (?:group|my group|the group|meetings?|my meeting|church|class)"
        r"(?= *$| *,| today| tonight| anymore| this week)"),
       ),
    _c("hopeless", "note",
       ("no-way-out", "subject", r"(?:do not|dont|can not|cant|cannot) see (?:a|any) way out|no way out(?: that i can see)?"
        r"(?= *$| *,)|^trapped(?= *$| *,)"),
       ("worthless", "subject", r"(?:i am|im|feel|feeling) (?:so |just |completely |totally )?worthless"),
       ),
    _c("hopeless", "note",
       ("tired-beyond-sleep", "subject", r"(?:tired|exhausted) in a way (?:that )?sleep (?:does not|doesnt|will not|wont|"
        r"can not|cant) (?:fix|touch|help)|soul tired|tired (?:in|to) my (?:bones|soul)|can (?:barely|hardly) get out "
        r"of bed|everything i touch (?:falls apart|turns to|breaks)|nothing i do (?:makes|made|will make) (?:any |a )?"
        r"difference|(?:keep|kept) waiting for it to get better|(?:just )?going through the motions|nothing (?:hits|"
        r"matters|feels like anything) (?:anymore|any more)"),
       ),
    # -- round 6c: workplace chat (a third round-6 writer's tuning part) ------------------------------
    _c("ideation", "crisis",
       # answering the screening questions for oneself ("I'd answer yes to every question myself")
       ("screener-myself", "subject", r"i (?:would|could|d) answer yes to (?:every|all|each|most)(?: of)?(?: the)? "
        r"(?:question|questions)(?: on it| in it)? myself"),
       ),
    _c("harm", "harm",
       # taking someone along in death: the field's murder-suicide warning
       # "it ends with him not walking out", "he's not walking away this time"
       ("not-walking-out", "self", r"(?:ends|end|ending) with (?:him|her|them) not (?:walking|coming|getting) (?:out|away|"
        r"home)|(?:he|she|they) (?:is|are|will) not (?:walking|walk|going to walk|getting) (?:out|away)(?= *$| *,| this time| "
        r"alive| from)"),
       ("take-them-with-me", "subject", r"(?:take|taking|bring|bringing) (?:my )?(?:wife|husband|kids?|children|son|"
        r"daughter|partner|family|girlfriend|boyfriend|her|him|them) (?:with me|along) when i (?:go|die|do it|end it)"),
       ),
    _c("means-ready", "crisis",
       ("loaded-it", "subject", LETHAL + gap(60) + r"(?:i )?(?:loaded|have loaded|just loaded|cleaned and loaded) "
        r"(?:it|them)(?= *$| *,| last| this| today| tonight| and| already)"),
       ("pharmacies-so-nobody-notices", "subject", r"(?:went to|visited|tried|hit|going to) (?:two|three|four|five|"
        r"several|a few|different) (?:different )?(?:pharmacies|chemists|drugstores)" + gap(40) + r"(?:notice|ask|"
        r"how much|how many|question)"),
       ),
    _c("overdose", "crisis",
       ("found-in-time", "subject", r"(?:do not|dont) want to be (?:found|narcanned|revived|saved|reached) in time|"
        r"us(?:e|ing) alone" + gap(50) + r"(?:on purpose|no (?:naloxone|narcan)|(?:door|doors) locked)"),
       ),
    _c("farewell", "crisis",
       ("without-somebody-knowing", "subject", r"(?:did not|didnt|do not|dont) want to (?:go|leave|do it|die|disappear) "
        r"without (?:somebody|someone|anyone|anybody|you|people|one person) knowing"),
       ("whoever-cleans-up", "subject", r"(?:easy|easier|simple|simpler) for (?:whoever|whomever|the person who|the one "
        r"who|the people who) (?:has|have|will have|needs|need) to (?:clean up|sort out|sort (?:it|things|everything)|"
        r"find|deal with)"),
       ("gets-the-call-so", "self", r"(?:so|because) (?:he|she|they) (?:is|are|will be) the (?:one|person|people) (?:who|"
        r"that) (?:gets|get|takes|take) the (?:call|phone call)"),
       ("last-post", "subject", r"(?:drafting|writing|wrote|draft|drafted|finished) (?:my|a) (?:last|final|goodbye) "
        r"(?:post|message|text|email|video)(?! (?:before|of the (?:year|week|day|month)|for (?:the|this) (?:year|week|"
        r"month|quarter)))"),
       ("note-for-whoever", "subject", r"(?:note|letter|message) (?:for|to) whoever (?:reads|finds|gets) this"),
       ("never-make-it-back", "subject", r"(?:not going to|never going to|will not|wont|not gonna) make it back(?: in| "
        r"here| to (?:work|the office))?(?: ,)?(?: like)? (?:ever|again)"),
       ),
    _c("goodbye", "weak",
       ("last-loose-end", "subject", r"(?:that was|that is|thats|it was|this is|this was) the (?:last|final) (?:loose "
        r"end|thing (?:to do|on my list|i had to do))|tying up (?:the |my )?(?:last |final )?loose ends"),
       ("own-obituary", "subject", r"(?:my own|wrote my|written my|finished my|writing my) obituary"),
       ("papers-on-the-fridge", "subject", r"(?:insurance|life insurance|will|bank|pension) (?:papers|policy|documents|"
        r"details|info) (?:are|is) (?:on|in|under|by|taped to) (?:the|my)"),
       ("hand-over-properly", "subject", r"hand (?:over|off) (?:my|the) (?:files|caseload|clients|keys|laptop|work|"
        r"cases) (?:properly|before (?:i go|i leave|friday|the weekend))"),
       ("free-of-it-for-good", "subject", r"free of (?:it|all of it|everything|this|all this|it all)(?: ,)? (?:for good|"
        r"forever)"),
       ("not-resigning", "subject", r"not (?:resigning|quitting|retiring)(?= *$| *,)"),
       ("emergency-contact", "subject", r"(?:changed|changing|updated|updating) my emergency contact"),
       ),
    _c("plan", "weak",
       ("sorting-it-permanently", "subject", r"(?:sorting|sort|fixing|fix|solving|solve|ending|end|handling|handle) "
        r"(?:it|this|things|everything|the problem) (?:permanently|for good|once and for all)"),
       ("what-i-need-from-the-store", "subject", r"(?:hardware store|pharmacy|gun shop|gun store|chemist) (?:on the way "
        r"home )?(?:for|to get|to buy) what i (?:need|needed)"),
       ("set-for-a-day", "subject", r"(?:it is|its|it has been|everything is) (?:all )?set for (?:monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|the weekend)(?= *$| *,)"),
       ("because-i-do", "subject", r"^(?:because|cause|cuz|coz) i do(?= *$| *,)"),
       ("dont-stop-me", "subject", r"(?:do not|dont) want (?:anyone|anybody|you|them|people|you guys) to stop me"),
       ),
    _c("hopeless", "note",
       ("nothing-left", "subject", r"(?:do not|dont) have anything left(?= *$| *,| to| in me)|(?:have|got) nothing left "
        r"(?:in me|to give|to have faith with|to fight with)"),
       ),
)

COMPOSED += (
    # -- round 6, after its held-out thirds were scored (no longer blind) ------------------------------
    _c("means-ready", "crisis",
       ("cord-tied", "subject", r"(?:cord|rope|noose|belt|cable|ligature)(?: is|s)? (?:already )?(?:tied|knotted|hung "
        r"up|up|ready)(?= *$| *,| and| i| to)"),
       ("ligature-points", "subject", r"ligature points? (?:in|at) my|(?:worked out|figured out|know|checked|found) which "
        r"(?:one|beam|hook|door|railing|point|pipe) (?:would|will|could) (?:hold|take my weight|bear my weight)"),
       ("measured-out", "subject", r"(?:have|got) (?:it|them) all (?:measured|counted|laid|lined|set) out|know exactly "
        r"which (?:combination|dose|mix|pills|ones) (?:works|would work|will work|to take|would do it)"),
       ("only-fix-is", "subject", r"(?:only|one) (?:fix|way out|answer|solution|option) (?:i can see |left |i have "
        r"left )?is (?:the|my|a)" + gap(30) + r"(?:" + PILLS[3:-1] + r"|" + LETHAL[3:-1] + r"|" + PLACE_WORDS + r")"),
       ),
    _c("means-ready", "crisis",
       ("overdose-read-up", "subject", r"(?:reading up on|reading about|read up on|researching|looked up|looking up|"
        r"googling|googled) (?:what|how) (?:a |an )?(?:[a-z]{1,12} )?(?:overdose|od) (?:does|would do|will do|is like)"),
       ),
    _c("overdose", "crisis",
       ("bring-me-back", "subject", r"(?:do not|dont) want (?:anyone|anybody|them|you|people) (?:to be able )?to bring me "
        r"back"),
       ),
    _c("ideation", "crisis",
       ("voices-say-tonight", "subject", r"voices? (?:say|says|said|tell|tells|told|are telling|keep telling) (?:me )?"
        r"(?:it has to be|i have to|to do it|i should|i need to)"),
       ),
    _c("harm", "harm",
       ("vehicle-into-people", "subject", r"driv(?:e|ing) (?:the|my|a|our|his|her) (?:[a-z]{1,12} )?(?:car|van|truck|"
        r"bus) (?:into|through) (?:the |a |that )?(?:[a-z]{1,12} )?(?:crowd|people|protesters?|them|him|her|picket "
        r"line)"),
       ),
    _c("farewell", "crisis",
       ("wont-be-back-after", "subject", r"(?:will not|wont|am not going to) be back(?: to [a-z ]{1,20})?(?: ,)? not "
        r"after (?:this|tonight|today|friday|saturday|sunday|the weekend)|not coming back after (?:tonight|today|this "
        r"(?:week|weekend)|friday)"),
       ("raise-my-child-if", "self", r"(?:raise|look after|take care of|take|have) my (?:son|daughter|kids|children|"
        r"baby|boy|girl|dog|cat)" + gap(30) + r"if (?:anything|something) (?:happens|were to happen|should happen) to me"),
       ("out-of-the-house-for", "self", r"(?:need|want|get|getting) (?:them|the kids|everyone|her|him) out of the "
        r"(?:house|flat|apartment|way) (?:for|before) (?:what i am (?:going to|about to) do|it)"),
       ),
    _c("goodbye", "weak",
       ("need-to-know-why", "self", r"(?:does not|doesnt|do not|dont|will not|wont) need to know why(?= *$| *,)"),
       ("greeting-early", "self", r"(?:merry christmas|happy birthday|happy new year|happy holidays) early"),
       ("permanent-out-of-office", "subject", r"permanent (?:out of office|out of the office|auto ?reply|away message)"),
       ("the-last-thing", "subject", r"(?:this|that) (?:is|was) the last thing(?= *$| *,| i| to)"),
       ),
    _c("plan", "weak",
       ("calling-me", "subject", r"(?:bridge|river|tracks|water|edge|ledge|roof|lake|sea|rope|pills)" + gap(40)
        + r"(?:has been|is|keeps|kept|have been|are) calling (?:me|my name|to me)"),
       ("house-empty", "subject", r"waiting (?:for|until|till) (?:the house|everyone|the flat|the place|the kids|my "
        r"[a-z]{1,12}) (?:to be empty|to leave|is empty|leaves|to go out|goes out|to go to sleep|to be asleep)"),
       ("walking-to-the-line", "subject", r"walk(?:ing)? (?:down )?to the (?:line|tracks|railway|rail line|bridge|"
        r"river)(?= *$| *,| later| tonight| after| when)"),
       ("what-im-going-to-do", "subject", r"for what i am (?:going to|about to) do(?= *$| *,)"),
       ),
    _c("hopeless", "note",
       ("so-done", "subject", r"(?:i am|im) (?:just )?so done(?= *$| *,| and| with (?:it|everything|all of it|"
        # round 11: "so done with this week" is a week, not a life
        r"this(?! (?:week|day|month|year|shift|job|meeting|weather|semester|term|paperwork|project|rota|schedule|"
        r"traffic|course|class|module|report|form|system|printer|bus|van|car|app|portal|caseload)\b)|life))"),
       ("matters-for-nothing", "subject", r"nothing i do (?:matters|helps|changes anything)|(?:showing|show|turning) up "
        r"for nothing|(?:feel|feeling) like a ghost|just drifting(?= *$| *,)"),
       ),
)

COMPOSED += (
    # -- round 6e: older, rural and stoic writers (a training corpus, read after it was scored) -------
    _c("means-ready", "crisis",
       ("rope-over-the-beam", "subject", r"(?:tied|hung|put|threw|thrown|fixed) (?:the|a|my) (?:rope|cord|belt|noose) "
        r"(?:over|around|to|from|on) (?:the|a) (?:beam|rafter|rafters|joist|branch|railing|banister|hook|crossbeam|door "
        r"handle|doorknob|door)|(?:testing|test|see|check|checking) (?:if|whether) (?:it|the [a-z]{1,10}) (?:holds|will hold|"
        r"takes|can take) my weight"),
       ("engine-in-a-closed-shed", "subject", r"(?:run|running|ran|start|started|leave|leaving) (?:the|a|my) (?:tractor|car|"
        r"truck|engine|generator|mower|van) (?:running )?in (?:a |the )?(?:closed|shut|sealed) (?:shed|garage|barn|room)"),
       ("shells-not-hunting", "subject", r"(?:bought|buying|got|picked up) (?:a box of |some |a few )?(?:shells|bullets|"
        r"ammo|rounds|cartridges)" + gap(50) + r"(?:have not|havent|do not|dont|never|not) (?:gone |go |been |going )?"
        r"hunting"),
       ("fall-to-be-enough", "subject", r"(?:fall|drop|jump) to be (?:enough|fatal|lethal|sure)|(?:high|deep|tall) enough "
        r"(?:for|to) (?:a |the )?(?:fall|drop|jump) to (?:kill|be fatal|do it|be enough)"),
       ("lie-on-the-tracks", "subject", r"(?:lie|lay|lying|laying) down on the (?:tracks|rails|road|highway|ice)|(?:would|"
        r"will|does) it hurt (?:much |a lot )?to (?:lie down on|jump|step in front of|hang|drown|freeze)"),
       ("the-cold-does-it", "subject", r"(?:the )?cold (?:does|will do|would do|could do|would|will|could) (?:do )?(?:the "
        r"rest|it)(?= *$| *,| quick| for me)|(?:walk|walking|go|going|wander|wandering) (?:out )?into the (?:snow|cold|"
        r"woods|bush|blizzard|storm)" + gap(30) + r"(?:without (?:a |my )?(?:coat|jacket)|keep walking|not come back)"),
       ("where-it-was-cracking", "subject", r"stood where (?:it|the ice) was (?:cracking|thin|breaking)|(?:almost|nearly) "
        r"went (?:further|through|in|over|under)(?= *$| *,)"),
       ),
    _c("overdose", "crisis",
       ("whatever-was-in-the-cabinet", "subject", r"(?:took|swallowed|drank|had|taken) (?:a handful|handfuls|a fistful|"
        r"everything|whatever|the lot)(?: of)?(?: whatever| what| everything)?(?: was)? (?:in|from) (?:the|my) "
        r"(?:cabinet|cupboard|drawer|bathroom|medicine cabinet)|drank (?:the|a) (?:whole )?bottle of (?:cough syrup|"
        r"nyquil|sleeping)"),
       ),
    _c("ideation", "crisis",
       ("would-not-mind-if", "subject", r"(?:would not|wouldnt|would never) mind if (?:the|my) (?:truck|car|plane|bus) "
        r"(?:went off|crashed|hit|rolled|went into)|(?:would not|wouldnt) mind (?:dying|not waking up|never waking up)|"
        r"help it along(?= *$| *,| at| on| by)"),
       ),
    _c("farewell", "crisis",
       ("not-walk-back", "subject", r"(?:do not|dont) (?:intend|plan|expect|mean) to (?:walk|come|drive|go|make it) "
        r"(?:back|home)"),
       ("time-to-find-me", "subject", r"(?:gives|give|giving|give them|gives them) (?:them|him|her|someone|people)? ?time to "
        r"find me|time (?:for|before) (?:someone|them|anyone|somebody) (?:to )?finds? me"),
       ("pet-with-a-month-of-food", "subject", r"(?:dropped|left|gave|took) (?:the|my) (?:dog|cat|pets?|horse|bird|"
        r"cats|dogs) (?:at|with|to) " + gap(25) + r"with (?:a month|weeks|enough|all|a months) (?:of|worth of) "
        r"(?:food|feed)"),
       ),
    _c("threat", "weak",
       ("going-to-get-shot", "subject", r"(?:is|are) (?:going to|gonna) get (?:shot|stabbed|killed|what is coming|what "
        r"(?:he|she|they) deserves?)"),
       ("driving-to-their-office", "subject", r"(?:driving|going|heading) (?:over )?to (?:his|her|their) (?:office|house|"
        r"place|work|home)(?= *$| *,| on| tomorrow| tonight| monday| this)"),
       ),
    _c("means", "weak",
       ("gun-under-the-bed", "subject", r"(?:moved|put|keeping|keep|kept) (?:the|my) (?:kitchen )?(?:gun|rifle|shotgun|pistol|"
        r"handgun|knife|blade|razor)" + gap(40) + r"(?:under my (?:bed|pillow)|by my bed|beside my bed|in my (?:bedroom|nightstand))"),
       ("kept-one-back", "subject", r"kept one (?:gun|rifle|pistol|shotgun|bullet|round|shell) back|only need (?:the )?one"
        r"(?= *$| *,)"),
       ("meds-dangerous-together", "subject", r"which (?:of my )?(?:meds|pills|medications|tablets) (?:are|would be) "
        r"(?:dangerous|deadly|lethal|fatal) (?:together|combined|to mix)"),
       ),
    _c("plan", "weak",
       ("for-when-i-am-ready", "subject", r"for when i am ready(?= *$| *,)"),
       ("deep-enough", "subject", r"(?:it is|its|that is|thats) (?:deep|high|cold|strong) enough(?= *$| *,)"),
       ("going-to-the-shaft", "subject", r"going (?:out )?to the (?:old )?(?:mine shaft|mineshaft|quarry|gorge|trestle|"
        r"dam|spillway|water tower|grain elevator)"),
       ("join-them", "subject", r"(?:i will|going to|want to|ready to|thinking i will) (?:go and )?join (?:him|her|them|"
        r"my [a-z]{1,12})(?= *$| *,)"),
       ("where-they-died", "subject", r"(?:where|since|after) my [a-z]{1,12} (?:drowned|died|passed|was killed|killed "
        r"(?:himself|herself))"),
       ("day-i-am-doing-it", "subject", r"(?:what|which) day i am (?:doing|going to do) it(?= *$| *,)|the day i am "
        r"(?:going to )?do(?:ing)? it(?= *$| *,)"),
       ("didnt-tell-why", "subject", r"(?:did not|didnt) tell (?:him|her|them|anyone) why|i know why(?= *$| *,)"),
       ("nobody-up-then", "subject", r"(?:nobody|no one|noone) (?:is|will be|would be) (?:up|around|awake) (?:then|at "
        r"that hour)|nobody would know(?= *$| *,)"),
       ),
    _c("goodbye", "weak",
       ("beneficiary-changed", "subject", r"(?:changed|changing|updated) (?:the|my) beneficiar(?:y|ies)"),
       ("squared-away", "subject", r"(?:everything|it all|all) (?:is )?(?:squared away|taken care of|in order)(?: now)?"
        r"(?= *$| *,)"),
       ("said-what-i-needed", "subject", r"said (?:what|everything) i (?:needed|had|wanted) to say|now i can go(?= *$| *,)"),
       ("last-of-my-letters", "subject", r"(?:the )?last of my letters|letters? (?:for|to) my (?:kids|children|family|"
        r"wife|husband|grandkids)"),
       ("done-by-morning", "subject", r"i will be (?:done|gone|finished) (?:by|after|before) (?:tomorrow|tonight|morning|"
        r"the morning|friday|the weekend)|(?:tomorrow|by) morning i will be (?:done|gone)"),
       ("clean-up-after-me", "subject", r"so (?:nobody|no one|noone) has to (?:clean up|sort out|deal with) (?:after "
        r"me|my (?:mess|stuff|things))"),
       ),
    _c("self-harm", "crisis",
       ("deeper-than-before", "subject", r"deeper than (?:before|last time|ever)(?= *$| *,)"),
       ("letters-into-skin", "subject", r"(?:scratched|scratching|carved|carving|cut|cutting) (?:letters|words|a word|names?) into my"),
       ),
    _c("hopeless", "note",
       ("just-existing", "subject", r"(?:i am|im|feel like i am) just existing|no point i can see|hollowed me out|"
        r"(?:do not|dont) feel like a person (?:anymore|any more)|worn down to nothing|tired and sad all the time|"
        r"(?:can not|cant|cannot) hold on (?:that long|much longer|any longer|until then)"),
       ),
)

COMPOSED += (
    # -- round 6d: young workers and students, slang, night shifts (a training corpus, read after it was
    # scored) --------------------------------------------------------------------------------------
    _c("farewell", "crisis",
       ("logging-off-for-good", "subject", r"(?:logging|log|logged|signing|sign|signed) off for (?:good|ever)|(?:last|"
        r"final) (?:message|msg|post) from me"),
       ("survives-when-i-go", "subject", r"(?:survives|lives on|is looked after|keeps going|is taken care of) when i "
        r"(?:go|am gone|die)(?= *$| *,)"),
       ("love-for-the-last-time", "subject", r"(?:love (?:you|her|him|them)|goodbye|bye) for the last time"),
       ("for-whoever-takes", "subject", r"for whoever (?:takes|gets|adopts) (?:her|him|them|it|my)"),
       ("dont-come-before", "subject", r"(?:do not|dont) come (?:before|until|till) (?:then|morning|that|the morning)"),
       ("if-anything-this-week", "self", r"if (?:anything|something) happens to me (?:this week|tonight|today|soon|this "
        r"weekend|tomorrow)"),
       ("last-time-anyone-hears", "subject", r"(?:the )?last time (?:anyone|you|they|people|you all) (?:has|have|will "
        r"have) to (?:hear|see|deal with|put up with) (?:me|from me)"),
       ("know-what-happened", "subject", r"so (?:people|everyone|they|you all|you) (?:know|will know|understand) what "
        r"happened to me"),
       ),
    _c("means-ready", "crisis",
       ("so-you-dont-survive", "subject", r"(?:so|that) (?:you|i|someone|a person) (?:do not|dont|would not|wouldnt|will "
        r"not|wont) survive|to not survive"),
       ("painful-or-asleep", "subject", r"(?:is|would) (?:" + PILLS[3:-1] + r"|paracetamol|tylenol|an overdose|it) (?:be )?"
        r"painful or|do you just (?:fall asleep|go to sleep|drift off|pass out)"),
       ("gas-and-gaps", "subject", r"(?:gas|oven) (?:is|s) (?:on|turned on|running)" + gap(30) + r"(?:tap(?:ed|ing) "
        r"(?:up )?(?:the )?(?:gaps|windows|doors|vents|door))|taped (?:up )?the gaps (?:round|around) the (?:windows|door)"),
       ("lethal-dose-of", "subject", r"what (?:dose|amount|number) of [a-z]{3,20} (?:is|would be) (?:lethal|fatal|deadly|"
        r"enough to)"),
       ("bleach-locked-in", "subject", r"(?:bleach|drain cleaner|antifreeze|poison)" + gap(40) + r"locked myself in"),
       ("look-accidental", "subject", r"make (?:it|an overdose|my death|this|an od) look (?:like )?(?:an )?accident(?:al)?"),
       ("hose-on-the-exhaust", "subject", r"hose (?:fits|is on|attached to|taped to|on) (?:the )?exhaust"),
       ),
    _c("overdose", "crisis",
       ("using-alone-no-narcan", "subject", r"us(?:e|ing) alone" + r"(?:[a-z0-9 ,]{0,50} )?" + r"(?:on purpose|no "
        r"(?:naloxone|narcan)|(?:door|doors) locked)"),
       ("mixed-with-vodka", "subject", r"(?:mixed|took|swallowed) (?:everything|all|whatever) (?:in|from) my (?:drawer|"
        r"cabinet|bag|room) with|starting to kick in(?= *$| *,)"),
       ),
    _c("ideation", "crisis",
       ("body-give-up", "subject", r"(?:want|wish|hope) my body (?:to )?(?:would |will )?(?:just )?(?:give up|stop|shut "
        r"down|quit)"),
       ),
    _c("method", "crisis",
       ("walk-into-traffic", "subject", r"(?:going to|gonna|will|want to|about to) (?:walk|step|run) (?:out )?into (?:the )?"
        r"(?:traffic|road|oncoming)"),
       ),
    _c("self-harm", "crisis",
       ("after-cutting-it", "subject", r"after cutting (?:it|my (?:arm|wrist|leg|thigh|skin))|wrapped my (?:arm|wrist|"
        r"leg|thigh) after"),
       ),
    _c("harm", "harm",
       ("knife-to-class-for", "subject", r"(?:bringing|bring|taking) (?:a|my|the) (?:knife|gun|bat|blade|machete) to "
        r"(?:class|school|work|the [a-z]{1,12})(?: tomorrow| tonight| on [a-z]{1,10})? for (?:the|that|him|her|them)"),
       ("hands-round-throat", "subject", r"(?:put|putting|wrap|wrapping) my hands (?:round|around) (?:his|her|their) "
        r"(?:throat|neck)"),
       ("getting-them-first", "subject", r"getting (?:him|her|them) first|get (?:him|her|them) before (?:he|she|they) "
        r"(?:gets|get) me"),
       ("run-them-down", "subject", r"run (?:him|her|them|my [a-z ]{1,20}|the [a-z]{1,15}) (?:down|over) with my (?:car|"
        r"truck|van)"),
       ),
    _c("goodbye", "weak",
       ("for-when-they-need", "subject", r"for when (?:they|you|she|he) need (?:them|it)(?= *$| *,)"),
       ("accounts-deleted", "subject", r"delet(?:e|ing|ed) (?:all )?(?:of )?my (?:accounts|socials|social media|"
        r"profiles)"),
       ("game-over-irl", "subject", r"game over for me|final save(?= *$| *,)"),
       ("so-people-know-why", "subject", r"so (?:people|everyone|they|you all) (?:know|understand) why(?= *$| *,)"),
       ("will-and-passwords", "subject", r"my will is (?:on|in|under)|passwords? (?:is|are) (?:on|in|under) (?:a|the|"
        r"my)"),
       ("funeral-playlist", "subject", r"(?:playlist|songs|music) for my (?:own )?funeral"),
       ("tell-her-sorry", "self", r"tell (?:her|him|them|my [a-z]{1,12}) (?:that )?i am sorry"),
       ("badge-handed-in", "subject", r"hand(?:ing|ed)? in my (?:badge|keys|lanyard)|hope the next (?:peer|worker|person|"
        r"one) is better than me"),
       ("before-i-go", "subject", r"before i go(?= *$| *,)|(?:messaged|texted|dmd|dm d|called|rang) everyone i (?:care "
        r"about|love)"),
       ("wrote-the-letters", "subject", r"wrote the letters(?= *$| *,)|^ready$"),
       ),
    _c("means", "weak",
       ("no-railing", "subject", r"(?:balcony|roof|ledge|bridge|floor|edge) with no (?:railing|fence|barrier|rail)|"
        r"picked (?:out )?which (?:bridge|building|roof|car park|cliff)"),
       ("ordered-online", "subject", r"ordered (?:the|some) (?:stuff|it|them|pills|tablets) online"),
       ),
    _c("plan", "weak",
       ("been-up-to-look", "subject", r"been (?:up )?there (?:twice|again|three times|a few times|[a-z]{1,6} times)"
        r"(?: this week)? to look"),
       ("thats-the-point", "subject", r"(?:that is|thats) the (?:whole )?point(?= *$)"),
       ("everyone-to-bed", "subject", r"(?:need|waiting for|wait for) everyone (?:in the [a-z]{1,10} )?to (?:go to bed|"
        r"go to sleep|leave|be asleep)"),
       ("then-i-can-stop", "subject", r"then i can (?:finally )?stop(?= *$| *,)|i can finally (?:stop|be done)(?= *$| *,)"),
       ("not-going-home", "subject", r"not going home(?= *$| *,)|going (?:out )?to the end of the (?:pier|jetty|dock|"
        r"wharf)"),
       ("its-the-highest", "subject", r"(?:it is|its) the highest(?= *$| *,)"),
       ),
    _c("hopeless", "note",
       ("why-i-even-try", "subject", r"tired of being tired|nothing ever changes|why i even (?:try|bother)|i am "
        r"invisible|same (?:bad )?day on repeat|burnt out beyond repair|nothing left in the tank|(?:whats|what is) "
        r"left(?= *$)|(?:can not|cant) care(?= *$| *,)|^hopeless(?= *$| *,| thats)"),
       ),
)

COMPOSED += (
    # -- after the wholly unseen round-7 corpus was scored (no longer blind) ------------------------
    _c("harm", "harm",
       ("face-in", "subject", r"(?:going to|gonna|will) (?:smash|punch|bash|kick|cave) (?:that|the|his|her|their|my) "
        r"(?:[a-z]{1,12} )?(?:[a-z]{1,12}s )?(?:face|head|teeth|skull) in"),
       ("break-his-jaw", "subject", r"(?:going to|gonna|will) break (?:his|her|their|that [a-z]{1,12}s) (?:jaw|nose|neck|"
        r"legs?|arms?|face|skull|ribs)"),
       ),
    _c("threat", "weak",
       ("needs-dealing-with", "subject", r"(?:needs|need) to be (?:dealt with|taken care of|sorted out|handled|taught a "
        r"lesson)(?= *$| *,)"),
       ("gun-no-paperwork", "subject", r"(?:gun|pistol|handgun|rifle|piece)" + gap(30) + r"(?:no paperwork|for cash|off "
        r"the books|no questions asked|no background check)"),
       ),
)

COMPOSED += (
    # -- round 8: ways of writing the field's signs that rounds 8a and 8b showed, each in general form --
    _c("ideation", "crisis",
       # command hallucinations the writer goes along with ("the voices say tonight's the night and I agree")
       ("voices-agree", "subject", r"voices? (?:are |is |keep )?(?:saying|say|says|telling me|tell me)" + gap(40)
        + r"(?:and )?(?:honestly )?i (?:am |kind of |kinda )?(?:agree|agreeing|believe them|think they are right)"),
       # enough of a supply to end things: "enough refills to finish things", "enough to end it"
       ("enough-to-finish", "subject", r"enough " + gap(30) + r"to (?:finish|end) (?:things|it all|it|everything|"
        r"me|myself)(?= *$| *,| for good| tonight| this)"),
       # joining someone who died, on a date: "I think I'll join him on the anniversary"
       ("join-the-dead", "subject", r"(?:join|be with|see) (?:him|her|them|my " + gap(20) + r"(?:brother|sister|mom|"
        r"mum|dad|son|daughter|wife|husband|partner|friend)) (?:again )?(?:on the anniversary|soon|in heaven|on the other side|"
        r"up there|by (?:friday|the weekend|christmas))"),
       # a method asked after, by how long it takes: "how long after taking all of them does it start working"
       ("how-long-all", "subject", r"how long (?:after|until|till|before|does it take)" + gap(20) + r"(?:taking|take|"
        r"swallowing|swallow) (?:them all|all of them|the (?:whole|entire) (?:bottle|pack|box)|it all)"),
       # researching what is found too late: "which combo doesn't show up till it's too late"
       ("found-too-late", "subject", r"(?:researching|looking up|googling|reading up on|searching|figured out|worked out) "
        + gap(30) + r"(?:(?:till|until) (?:it is|its) too late|not (?:show up|be found|be detected) (?:in time|till|until))"),
       ),
    _c("method", "crisis",
       # going out to a high place and not coming back: "drive up to the lookout and not come back down"
       ("place-not-back", "subject", r"(?:drive|driving|walk|walking|go|going|head|heading|hike|hiking|climb|climbing)"
        r"(?: up| out| down| over)? to the (?:" + PLACE_WORDS + r")" + gap(20) + r"(?:and )?(?:not|never) (?:come|coming) "
        r"back"),
       ),
    _c("hopeless", "note",
       # tiredness said not to be of the body: "not sleep tired. life tired"
       ("life-tired", "subject", r"(?:life|soul|bone deep|existence|living) tired|not (?:sleep|sleepy|physically|body) tired|"
        r"tired of (?:existing|being alive|being here)"),
       # no future at all: "I can't picture a future"
       ("no-future", "subject", r"(?:can not|could not|cannot) (?:picture|see|imagine|envision) (?:a|any|my|myself in a|myself "
        r"having a) future"),
       ),
    _c("means-ready", "crisis",
       # an engine running in a garage, the subject dropped: "the car's running in the garage"
       ("engine-in-garage", "subject", r"(?:car|engine|truck|van)(?: is|s)? (?:running|on|idling) in the (?:garage|shed)"
        r"(?= *$| *,| and| now| right)"),
       # medication bought in several places so nobody asks: "from 3 different pharmacy so they don't ask questions"
       ("several-pharmacies", "subject", r"(?:[0-9]|two|three|four|five|several|a few|different) (?:different )?(?:pharmacy|"
        r"pharmacies|chemists?|drugstores?|stores)" + gap(30) + r"so (?:they|nobody|no one|noone) (?:do not |does not |"
        r"will not |would not )?(?:ask|asks|notice|notices|question)"),
       ),
    _c("means", "weak",
       # a gun loaded and left out, the subject dropped: "gun's loaded and on the kitchen table"
       ("gun-loaded-out", "subject", r"(?:gun|guns|rifle|shotgun|pistol|handgun)(?: is)? loaded(?= *$| *,| and| now| on)"),
       ),
    _c("plan", "weak",
       # life insurance asked after, whether it pays out (a plan's step: insurance does not explain it away)
       ("insurance-pays-out", "subject", r"(?:life insurance|insurance policy|policy)" + gap(40) + r"(?:pays? out|pay "
        r"out|suicide clause|by (?:your|my|their) own hand)"),
       # a long while up somewhere: "been up here an hour"
       ("up-here-a-while", "subject", r"been (?:up|out) here (?:for )?(?:an hour|hours|a while|ages|all night|since)"),
       ),
    _c("goodbye", "weak",
       # "just wanted someone to know": a disclosure that reads as a last message
       ("someone-to-know", "subject", r"(?:just )?(?:wanted|want|needed) (?:someone|somebody|you|one person) to know"
        r"(?= *$| *,)|just so (?:someone|somebody|you) knows?(?= *$| *,)"),
       # belongings and work things handed back: "returning everything work related today"
       ("returning-everything", "subject", r"return(?:ing|ed)? (?:everything|all (?:my|the) (?:work )?(?:stuff|things|keys|"
        r"gear|equipment))"),
       # ending things "for good": loose ends tied up for good
       ("for-good", "subject", r"(?:loose ends|everything|it all|things) (?:up )?for good(?= *$| *,)"),
       ),
    _c("farewell", "crisis",
       # not being there after a date ("I will not be there to feed him after this weekend"); an
       # ordinary absence (a vacation, leave) explains it, as it does every farewell
       ("not-there-after", "subject", r"(?:will not|would not|am not going to) be (?:there|here|around) (?:to [a-z]{1,12} "
        r"(?:him|her|them|it|you) )?(?:after|past|by|beyond) (?:this|the|next|tonight|tomorrow|friday|saturday|sunday)"),
       ),
    _c("reckless", "weak",
       # a supply not checked, on purpose: "not testing it tonight, don't want to know what's in it"
       ("not-testing", "subject", r"not (?:testing|checking) (?:it|the (?:batch|stuff|dope|gear|pills))|(?:do not|dont) "
        r"want to know (?:what is|whats) in it"),
       ),
    _c("harm", "harm",
       # a weapon taken to someone "to finish him", "to end him"
       ("weapon-to-finish", "subject", r"(?:taking|take|bringing|bring|grabbing|grab|getting) " + gap(20)
        + r"(?:gun|shotgun|rifle|pistol|knife|hatchet|axe|bat|machete)" + gap(30) + r"to (?:finish|end|kill|get|deal with) "
        r"(?:him|her|them|that [a-z]{1,12})(?: off)?(?= *$| *,| for| once| tonight| myself)"),
       # a weapon at hand and waiting for someone: "a knife in the car and I'll be waiting when he steps off"
       ("weapon-and-waiting", "subject", r"(?:gun|knife|knives|bat|hatchet|axe|machete|blade|crowbar)" + gap(60)
        + r"(?:i will be|i am going to be|i am|ill be) waiting (?:for (?:him|her|them)|at|outside|when|until)"),
       ),
)

# Round 9: kinds of statement two new writers (tired late-night phone texts; composed, understated
# professional messages) used that no table held, each written in general form with other voices in mind.
COMPOSED += (
    _c("goodbye", "weak",
       # leaving a job's things behind: "cleaned out my desk, left the keys with reception", "handed in my
       # badge and the work phone", "emptied my locker"; a job left explains it (an absence, a new job)
       ("cleared-my-desk", "subject", r"(?:cleaned|cleared|emptied|cleaning|clearing|emptying) (?:out )?my (?:desk|locker|"
        r"office|cubicle|pigeonhole|drawers)"),
       # the ordinary reason for leaving taken away, said on its own: "no I didn't quit", "and no, I haven't
       # resigned" (an absence beside it then explains nothing: crisis.ABSENCE_TAKEN_BACK)
       ("not-the-usual-reason", "subject", r"(?:^|no |and )(?:, )?i (?:did not|have not|am not) (?:quit|resign|resigned|"
        r"been fired|got fired|leaving (?:the|this) job|quitting|resigning)(?= *$)"),
       # an end with nothing to come back to: "no return date", "leave nothing behind this time"
       ("no-return-date", "subject", r"no (?:return|end) date(?= *$| *,| needed| required)|leave nothing "
        r"(?:behind|unreturned|unfinished|undone)(?= *$| *,| this time| when)"),
       # a form that pays others when the writer has gone, asked to be done by a date: "pension
       # nomination form", "death in service beneficiary", "who the pension goes to"
       ),
    # a form that pays others when the writer has gone, its own kind: a date beside it is everyday admin
    # (crisis.IDLE_PAIRS), a reason kept back or a goodbye beside it is not
    _c("affairs", "weak",
       ("beneficiary-form", "subject", r"my (?:pension|death in service|beneficiary|superannuation|super) (?:nomination|"
        r"beneficiary|form|forms|paperwork|details|payout)"),
       ),
    _c("withdrawal", "weak",
       # a reason kept back: "for reasons I'd rather not go into", "I'd rather not explain further"
       ("reasons-kept", "subject", r"(?:for reasons|reasons) i (?:would|will|had) rather not (?:go into|explain|share|say|"
        r"get into)|(?:would|will) rather not (?:explain|say) (?:further|more|why)(?= *$| *,)"),
       ),
    _c("plan", "weak",
       # a day settled on: "the 14th. that's the day", "Friday is the day", "my plans for Friday are made"
       ("that-is-the-day", "subject", r"^(?:that is|thats|that will be|it is|its|it will be|friday is|sunday is|tomorrow is|"
        r"tonight is) the (?:day|night|date)(?= *$| *,)|my plans? for (?:friday|saturday|sunday|monday|tuesday|wednesday|"
        r"thursday|the weekend|tonight|tomorrow) (?:are|is) (?:made|set|sorted|settled|in place)(?= *$| *,)"),
       # the logistics worked out: "I've worked out the logistics", "sorted the practical side"
       ("logistics", "subject", r"(?:worked out|sorted out|sorted|figured out|planned|arranged|thought through) (?:all )?(?:the|my) "
        r"(?:logistics|practical side|practicalities|details of it)(?= *$| *,)"),
       # a way found, said of "it" with nothing else named: "I've found the way to do it", "found a way out"
       ("found-the-way", "subject", r"(?:found|worked out|figured out) (?:the|a|my) way (?:to do it|out|to end it|to go)"
        r"(?= *$| *,| now| at last| finally)"),
       # the pain or everything stopping at a time: "tomorrow at 6 it's all going to stop hurting"
       ("stops-hurting", "subject", r"(?:it|its|it all|everything|all of it|the pain|all the pain) (?:is |will )?(?:all )?"
        r"(?:going to|gonna|will) (?:stop hurting|stop hurting me|finally stop hurting)(?= *$| *,| for good| soon| "
        r"tonight| tomorrow| then)"),
       ),
    _c("ideation", "crisis",
       # letting oneself die, said through a thing that runs out: "gonna let both die tonight", "let myself
       # slip away", "just let myself fade out"
       ("let-myself-die", "subject", r"(?:going to|gonna|will|want to|ready to|just) let (?:myself|me|both|us both|both of "
        r"us|both of them die and) (?:die|slip away|fade out|fade away|drown|freeze|bleed out)"),
       # a life told as a story that stops here: "this is where my story stops", "my story ends here"
       ("story-ends", "subject", r"(?:(?:this is |here is )?where my (?:story|road|journey|book|life) (?:stops|ends|finishes)"
        r"(?= *$| *,| tbh| honestly| here| now| tonight)|my (?:story|book|life story) (?:ends|stops|is over|is done|is "
        r"finished) (?:here|now|tonight|this week))(?![a-z0-9 ,]{0,40}(?:reading|blog|post|series|episode|podcast|"
        r"newsletter|part [0-9]|chapter [0-9]|to be continued))"),
       # the kindest thing for those left is the writer's absence: "the kindest thing I can do for my family
       # is to remove myself from the equation"
       ("kindest-to-go", "subject", r"(?:kindest|best|most loving|only) (?:thing|gift) i (?:can|could) (?:do|give) (?:for|to) "
        r"(?:my family|them|everyone|my kids|my children|the people i love|my partner|my wife|my husband) is (?:to )?"
        r"(?:remove myself|disappear|go|leave for good|not be here|be gone|take myself out|get out of (?:the|their) way|"
        r"not exist)"),
       ),
    _c("at-place", "crisis",
       # on the far side of a railing: "a strange view from this side of the railing", "climbed over the
       # guardrail", "standing on the wrong side of the parapet"
       ("past-the-railing", "subject", r"(?:this|the wrong|the outside) side of the (?:railing|railings|"
        r"guardrail|guard rail|parapet|safety barrier|suicide barrier)|(?:^|i |i have |i am )(?:just )?(?:climbed|stepped|"
        r"got|standing|sitting) (?:over|outside|past|beyond) the (?:railing|railings|guardrail|guard rail|parapet|safety "
        r"barrier|suicide barrier)"),
       ),
    _c("farewell", "crisis",
       # no return needed: "I don't think a return date will be needed", "a return date won't be necessary"
       ("return-not-needed", "subject", r"(?:do not|dont) (?:think|expect|imagine|suppose) (?:a|the|any|my) (?:return date|"
        r"return|handover back|cover end date) (?:will|would|is going to) be (?:needed|necessary|required)|(?:return date|"
        r"date of return) (?:will not|would not|is not going to) be (?:needed|necessary|required)"),
       # not there for a child or a duty then or after: "I won't be in a position to collect him, then or after"
       ("then-or-after", "subject", r"(?:will not|would not|am not going to) be (?:in a position|able|there|around|here) to "
        r"[a-z]{2,12}(?: [a-z]{2,12})?(?: ,)? (?:then or after|or after|or ever|ever again|after that either)"),
       ),
)

# Work talk: a means or a dose spoken of in a training, a course, a book or a show.
WORK_TALK = re.compile(r"\b(?:training|trainings|workshop|course|module|prevention|harm reduction|naloxone|"
                       r"safety plan|safety planning|policy|protocol|lecture|class|exam|quiz|documentary|podcast|"
                       r"article|book|novel|show|series|movie|film|game)\b")
# A weapon in a kitchen, a game, a story, a toy: "I bought a gun-shaped water pistol for the kids' party".
HARMLESS = re.compile(r"\b(?:cake|bread|cooking|kitchen|chef|cook|restaurant|butcher|fishing|camping|hiking|whittling|"
                      r"carpentry|utility knife|pocket knife|swiss army|box cutter|potluck|lunch|fruit|vegetables|steak|range|hunting|deer|"
                       r"baseball game|softball|cricket|practice|game|training|self defen[cs]e|class|video game|"
                       r"movie|film|show|series|novel|book|story|toy|toys|water pistol|nerf|shaped|party|birthday|costume|"
                       r"props?|replica|paintball|airsoft|laser tag|present|gift|halloween|cosplay|play)\b")
# Words that explain a composed sign away when they are in the same sentence (checked in bot.safety.crisis).
EXPLAINED: dict[str, re.Pattern[str]] = {
    # "burned my hand on the stove", "cut my finger chopping onions", "hit my head on the cupboard"
    # (round 6e, rural work: a woodstove, pruning shears, a chainsaw, barbed wire)
    "self-harm": re.compile(r"\b(?:cooking|chopping|shaving|kitchen|accident|accidentally|by mistake|gardening|"
                            r"woodstove|wood stove|campfire|bonfire|fire pit|welding|welder|pruning|shears|chainsaw|series|episode|"
                            r"character|documentary|novel|"
                            r"barbed wire|machinery|tractor|"
                            r"gym|playing|fell|fall|tripped|slipped|stove|oven|kettle|pan|(?:broke|broken|chipped|painted|filed) (?:a |my )?nails?|nail (?:polish|salon|file|gun)|paper cut|papercut|"
                            r"haircut|hair|cat|dog|puppy|kitten|clumsy|cupboard|door|bumped|ceiling|shelf|mosquito|bites|rash|sunburn|sunburnt|sparring|"
                            r"car boot|boot|trunk|doorframe|own fault|"
                            r"football|soccer|hockey|rugby|boxing|surgery|tattoo|piercing|vaccine|flu shot|"
                            r"blood test|iron deficiency|ironing|my (?:kid|son|daughter|baby) (?:bit|hit|scratched))\b"),
    # "pick up my meds tonight", "forgot my pills this morning"
    # (round 6e: a gun cleaned for an insurance inventory, a deer rifle, a photo from the bridge; a tarp
    # tied down for camping)
    "means": re.compile(r"\b(?:tarp|camping|tent|knot|hammock|washing line|clothesline|inventory|insurance|appraisal|pawn|deer|moose|elk|hunting|gun safe|gun cabinet|photo|sunrise|"
                        r"sunset|pick up|fill my|filling my|filled my|picking up|picked up|refill|refilled|refills|pharmacy|pharmacist|prescription "
                        r"for|ran out|run out|running out|forgot|forget|remember to take|reminder|doctor|dose|dosage|"
                        r"side effects|appointment|renew|collect|collecting|order|ordered|delivery|blister pack)\b"),
    "means-named": re.compile(r"\b(?:tarp|knot|hammock|washing line|clothesline|inventory|insurance|appraisal|pawn|deer|moose|elk|gun safe|gun cabinet|pick up|fill my|filling my|filled my|picking up|picked up|refill|refilled|refills|pharmacy|pharmacist|"
                              r"prescription for|ran out|run out|running out|forgot|forget|remember to take|reminder|"
                              r"doctor|dose|dosage|side effects|appointment|renew|collect|collecting|order|ordered|"
                              r"delivery|blister pack|toy|toys|water pistol|nerf|party|costume|take my|taking my|took my|training|workshop|course|class|"
                              r"(?:go|going|went) hunting|hunting (?:trip|season|licen[cs]e)|range|climbing|camping|sailing|shaving|kitchen|cooking|safety plan|"
                              r"locked|lock box|lockbox|client|clients|participant|resident|member|tent|boat|garden|fix|moving|tie|"
                              r"bbq|barbecue|grill|balloons|party|hardware for)\b"),
    # "a note for my kids about dinner", "letters to our future selves in the workshop"
    "goodbye": re.compile(r"\b(?:to pay for|pawn shop|casserole|supper|leftovers|in the fridge|recipe|"
                          r"about (?:dinner|lunch|breakfast|homework|chores|the (?:fridge|groceries|"
                          r"shopping|babysitter|dog|cat))|workshop|future (?:self|selves)|birthday cards?|thank you cards?|"
                          r"christmas cards?|holiday cards?)\b"),
    # "we covered how many pills is a lethal dose in the naloxone training"
    # "writing letters to my future self for the wellness workshop", guardians named in a will
    "farewell": re.compile(r"\b(?:future (?:self|selves)|workshop|birthday cards?|thank you cards?|christmas cards?|"
                           r"holiday cards?|cover letters?|reference letters?|my will|a will|lawyer|estate|guardianship|"
                           r"insurance forms?)\b"),
    "method": WORK_TALK,
    # A car warming up in a cold garage, a hose taped on to fix a rattle, pills sorted into the weekly
    # organizer, the gun cabinet's key for deer camp (round 6e): never "fix this for good".
    "means-ready": re.compile(WORK_TALK.pattern[:-3] + r"|to fix (?:a|the) (?:rattle|leak|noise|muffler|exhaust)|rattle|"
                              r"mechanic|muffler|warm up|warming up|heater|defrost|minus (?:[0-9]+|ten|twenty|thirty|forty)|"
                              r"below zero|weekly organi[sz]er|pill ?organi[sz]er|dosette|blister pack|pill ?box|dispenser|"
                              r"deer camp|hunting (?:trip|season|camp)|for (?:the )?(?:range|season|camp))\b"),
    "overdose": re.compile(WORK_TALK.pattern[:-3] + r"|cookies|chocolate|sugar|caffeine|coffee|energy drinks?|red bull|candy|cake|pie|turkey|carbs|"
                           r"diet|dog|cat|vitamins|vitamin|supplements?|antibiotics|course of|"
                           r"as prescribed|doctor said|told me to|in the morning|every morning|every night|every day|"
                           r"daily|with breakfast|with food|with dinner|before bed|at bedtime|on time|remember to)\b"),
    "harm": HARMLESS,
    "weapon": HARMLESS,
    "threat": HARMLESS,
}
COMPOSED_NAMES = {name for category in COMPOSED for name, _, _ in category.patterns}

CATEGORIES: tuple[Category, ...] = TABLES + COMPOSED
