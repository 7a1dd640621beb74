"""The warning signs of suicide, self-harm and violence that `bot.safety.crisis` listens for, as signal
categories: one small table per category, each read on normalised text (see `bot.safety.crisis.normalise`).

Where the categories come from:

- The Columbia Suicide Severity Rating Scale (C-SSRS) screening questions: wishing to be dead or
  to go to sleep and not wake up; thoughts of killing oneself; thinking about how (a method);
  intent; a plan worked out; and preparations ("collected pills, got a gun, gave away valuables,
  wrote a will or a suicide note").
- The warning signs published by 988 and the American Association of Suicidology (the "IS PATH
  WARM" list and its successors): talking about wanting to die, being a burden, feeling trapped or
  hopeless, having no reason to live; looking for a way (searching online, buying a gun, saving
  pills); withdrawing, saying goodbye, giving possessions away, putting affairs in order.
- Crisis Text Line's findings from its message data: a means ("pills", "bridge", "ibuprofen")
  and words of being at a place predict imminent danger more than the word "suicide" does.

How they combine (`bot.safety.crisis.read` does it, for signals that are the writer's own):

- Every category whose `alone` is `crisis` is enough by itself: ideation said plainly or
  indirectly, a plea to be stopped, a method being considered, a means ready ("I've saved up my
  meds"), being at a dangerous place now, a farewell, a self-harm act, being hurt by someone, or an
  overdose.
- `harm` (intending to hurt someone else) is enough by itself, and gets its own reply. Weak signs
  and a plea to be stopped beside it are read as part of it ("the bat is in my trunk").
- `hopeless` alone gives a short private note after the answer; with any other sign (a means,
  a plan, a time, a goodbye, thoughts that keep coming back) it is a crisis.
- The other weak signs (`means`, `plan`, `time`, `goodbye`, `rumination`, and from the 988/AAS
  list `withdrawal` (pulling away, secrecy), `reckless` (pills with drink, driving without a
  seatbelt) and `travel` (going out to the water, the house empty)) say nothing alone: a pill
  organiser, "tonight", "giving away my old chair" are everyday. Two different ones together are a
  crisis, unless they are only a time and a repeated thought, a goodbye and a repeated thought, or
  a trip and a time (`bot.safety.crisis.IDLE_PAIRS`); two different goodbyes, two steps of a plan or two
  ways of readying a means count as two ("counted them again. still enough").

Round 2 broadened every category from the field's own descriptions and from ordinary variation
(tenses, synonyms, typos and text-speak, no apostrophes), not from single messages: euphemisms for
not being around ("make it stop for good", "checking out", "gone by morning"), a weapon in reach or
looked up, stockpiled medication in any wording, heights, tracks and water, arranging care for pets
and children, notes and letters, withdrawal, rage and revenge.
- `others` is about someone else whoever says it: always a note.

Patterns are linear by construction: no quantifier sits inside another (a gap between words is a
bounded run of characters, `[a-z0-9 ]{0,30}`), so a 40,000-character message costs one pass per
pattern. `tests/test_safety.py` checks this for every pattern.

Each entry is (name, kind, regex). `kind` says whose words they are (see `bot.safety.crisis._place`):
"self" carries its own first person; "subject" takes the nearest subject (none means the writer);
"danger" needs a person as subject ("he is going to hurt me"); "others" is about someone else.
"""
from __future__ import annotations

from dataclasses import dataclass


def gap(most: int) -> str:
    """A bounded run of words between two parts of a pattern (one quantifier, never nested)."""
    return rf"(?:[a-z0-9 ]{{0,{most}}} )?"


@dataclass(frozen=True)
class Category:
    name: str
    alone: str  # "crisis", "harm", "note" (hopelessness), "weak" (needs another sign), "others"
    patterns: tuple[tuple[str, str, str], ...]


# Lookaheads shared by several patterns.
END = r"(?= *$| *,| now| anymore| like this| tonight| right now| forever| for good| tomorrow| again| ever)"
SAFE_TAIL = (r"(?= *$| *,| at home| here| with (?:him|her|them|my)| around (?:him|her|them)| tonight| right now|"
             r" anymore| in my (?:home|house|apartment|place)| going home| to go home)")
HAIR = r"(?! (?:my|your|his|her|their|the) hair)"
PILLS = (r"(?:pills|meds|medication|medications|medicine|tablets|painkillers|sleeping pills|sleepers|"
         r"prescriptions?|insulin|tylenol|ibuprofen|paracetamol|acetaminophen|advil|aspirin|oxy|oxys|oxycodone|percocets?|"
         r"morphine|fentanyl|xanax|benzos|opioids|antidepressants|lithium|seroquel|heart pills|sleeping tablets)")
LETHAL = r"(?:rope|noose|gun|guns|rifle|shotgun|pistol|handgun|firearm|bullets|ammo|razor|razors|blade|blades)"
PLACE_WORDS = (r"bridge|overpass|roof|rooftop|ledge|tracks|train tracks|railway|rail line|cliff|cliffs|lookout|"
               r"edge(?! of (?:my|our|his|her|your|their|reason|burnout|sanity|patience))|top floor|parking garage|"
               r"parking structure|parking deck|car park roof|multi storey|multistorey|top level|water tower|"
               r"train platform|subway platform|station platform|train line|railway line|rail tracks|level crossing|balcony|dam|pier|crane|scaffolding")
NOT_A_PLACE = (r"(?! street| road| program| club| office| intake| meeting| deck| garden| patio| terrace| bar| party|"
               r" project| team| crew| union| committee| repair| closure| clean| for (?:lunch|a break|a smoke|coffee))")
# "the pills organiser", "the meds cabinet": things that hold medication, not a supply of it
NOT_A_SUPPLY = (r"(?! (?:organi[sz]ers?|box|boxes|cabinet|lockers?|cups?|containers?|dispensers?|counter|cart|trolley|"
                r"policy|program|drop|sheets?|list|schedule|room))")  # "the bridge program"
PLACES = r"(?:" + PLACE_WORDS + r")" + NOT_A_PLACE
BODY = r"(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hand|hands|hip|hips)"
TOWARD = (r"(?:him|her|them|my ex|my kid|my son|my daughter|my partner|my husband|my wife|the guy|that guy|everyone|"
          r"(?:the|that) (?:man|woman|treasurer|chair|chairman|director|landlord|neighbou?r|dealer|cop|officer|pastor|"
          r"priest|teacher|coach|referee|owner|clerk|foreman|contractor|manager|boss|supervisor)|"
          r"my (?:neighbour|neighbor|landlord|roommate|housemate|flatmate|stepdad|stepfather|dealer|abuser|boss|manager|coworker|"
          r"colleague|supervisor|brother|sister|dad|father|mum|mom|mother|baby|kids)|"
          r"the baby|the (?:kid|kids|child|children)|someone|somebody)")

# -- explicit and indirect ideation (C-SSRS 1-2: wish to be dead, thoughts of killing oneself) ----
IDEATION = Category("ideation", "crisis", (
    ("kill-myself", "self", r"(?:throw|throwing|threw|fling|hurl|hurling) myself (?:off|under|in front of|into|from|"
                            # "throwing myself into the quarterly report": into work, not into harm
                            r"down)(?! (?:the |my |a |this |that )?(?:[a-z]{1,15} )?(?:work|job|report|project|studies|"
                            r"training|role|task|tasks|job search|course|paperwork|hobby|garden|gardening|recovery|it|"
                            r"everything))|(?<!nearly )(?<!almost )(?<!practically )(?<!about )(?:finish|finishes|finished) me off|hoping (?:it|this|that|they|the [a-z]{1,12}) "
                            r"(?:kills|will kill|finishes|ends|takes) me|(?:kill|killing|killed|hang|hanging|shoot|shooting|drown|drowning|poison|"
                            r"poisoning|suffocate|starve|starving) myself"),
    ("end-my-life", "self", r"(?:end|ending|take|taking) my (?:own )?life"),
    ("end-it-all", "subject", r"(?:so close to|close to|this close to|about to|on the verge of) end(?:ing)? "
                              r"(?:it|things|everything|my life)(?! with| off with| between)|(?:am|i will|will be) end(?:ing)? it(?= *$| *,| tonight| today| all| for good| "
                              r"this)|(?:get|getting) it (?:all )?over with(?= *$| *,| tonight| today| for good)|end(?:ing)? it all|(?:thinking about|think about|thought about|thinking of|think of|thought of|considering|"
                              r"contemplating|want to|going to|urge to|urges to|temptation to|"
                              r"plan to|planning to|planned to|decided to|about to|ready to|feel like) "
                              r"end(?:ing)? (?:it|things|everything)(?! with| early| here| there)"),
    ("want-to-die", "subject", r"(?:want|wants|wanted|wanting|wish|wishing|ready|need|deserve|going) to die"
                               + HAIR + r"(?! on (?:this|that|the) hill)"
                               # "gonna die if they make us do another icebreaker": a figure of speech
                               r"(?! if (?:they|we|you|he|she|someone|anyone|my (?:boss|manager|supervisor|team)|one more|another|i (?:hear|see|eat|get) (?:one|another|that|this)))"
                               r"(?! (?:of|from) (?:laughing|laughter|embarrassment|boredom|shame|cringe))"),
    ("wish-dead", "subject", r"wish(?:ed)? i (?:had |would have |would )?never (?:been born|existed)|wish(?:ed)? i (?:was|were|had) (?:dead|died|never been born|not alive|not here|gone)|"
                             r"wish(?:ed)? i (?:could )?(?:just )?(?:die|disappear forever|stop existing|did not exist|"
                             r"was not alive|was not here|were not here|not wake up|would not wake up)"),
    ("better-off-dead", "subject", r"better off dead|(?:want|wanted|wanting|wish|ready) to be dead|"
                                   r"rather (?:be dead|die)(?= *$| *,| honestly| tbh)"),
    ("better-off-without-me", "self", r"(?:will|would|are going to|is going to) be (?:fine|ok|okay|better|happier|"
                                      r"alright|all right) without me(?= *$| *,| and| anyway)|better off (?:without me|if i (?:just )?(?:died|was dead|were dead|was gone|"
                                      r"were gone|was not here|were not here|disappeared))"),
    ("nobody-would-miss-me", "self", r"no one (?:would|will) (?:even )?(?:come to|go to|show up at|cry at|notice) my "
                                     r"funeral|no one (?:would|will|is going to) (?:even )?(?:miss|notice|care about) me|"
                                     r"no one would (?:even )?(?:care|notice|miss me) if i (?:died|was gone|were gone|jumped|killed myself|ended it|"
                                     r"did it|left|"
                                     r"disappeared|was dead|was not here)"),
    ("no-reason-to-live", "subject", r"(?:no|any|not see the|not see any|not see a|what is the) (?:reason|point) "
                                     r"(?:to|in|of) (?:live|living|life|going on|being alive|being here|keep going)"
                                     r"|nothing (?:left )?to live for|(?:life|living|it) (?:is|feels) not worth "
                                     r"(?:living|it anymore)|not worth living"),
    ("easier-without-me", "self", r"(?:would|will) (?:cope|manage|be fine|be okay|be ok|get on|move on|be happier|be "
                                  r"better)" + gap(30) + r"if i (?:was|were|am) (?:not|no longer|gone)|if i (?:was|were) "
                                  r"not in (?:the picture|their lives|the way)|(?:easier|better|happier|relieved|lighter|fine) (?:off )?(?:for [a-z ]{0,20} )?"
                                  r"if i (?:was|were|am) (?:not (?:around|here|alive)|gone|dead)|if i (?:never|did not) (?:showed|show|came|come|woke|"
                                  r"wake) (?:up|back)(?: again| ever again)?(?= *$| *,| ever| again)|"
                                  r"if i (?:just )?(?:disappeared|died|vanished|stopped|stopped existing|ended it|went away for good|gave up)"
                                  r"(?= *$| *,)|if i (?:was|were) not (?:around|here|alive)"
                                  r" (?:everything|all my problems|it all|things|everyone|my problems) would|"
                                  r"better (?:off )?without "
                                  r"me(?: in it| around| here)?(?= *$| *,)"),
    ("how-much-longer", "subject", r"how (?:much )?longer i can (?:keep going|go on|do this|take (?:it|this)|"
                                   r"hold on|keep living)"),
    ("not-want-to-live", "subject", r"(?:not|never|no longer) (?:really )?(?:want|wish) to (?:live|be alive|exist|"
                                    r"be here" + END + r"|be around anymore|keep living|wake up" + END + r"|go on" + END +
                                    r"|keep going" + END + r")|not (?:think|know if|sure if|sure) i (?:want|can) "
                                    r"(?:to )?(?:live|be alive|be here|go on|keep going|keep living)"),
    ("cant-go-on", "subject", r"can not (?:go on|keep going|keep living|take (?:it|this|this pain|the pain|the hurt|any more of this|"
                              r"any of this) anymore|do this anymore|"
                              r"cope anymore|live like this)" + END + r"|(?:just )?can not anymore(?= *$| *,)"),
    ("want-it-over", "subject", r"(?:want|need) (?:it all|everything|my life|all of this|it|the pain) to (?:end|stop|be over)" + END),
    ("disappear", "subject", r"(?:need|going|have) to (?:stop existing|not exist|stop breathing|stop living|cease "
                             r"to exist)|want to (?:disappear forever|stop existing|not exist|not be (?:here|alive)|"
                             r"never wake up|(?:go to )?sleep forever|stop living|stop breathing)|(?:sleep|go to sleep|fall asleep) and (?:never|not) "
                             r"wake up(?! until| till| til| before)|(?:want|wanting|wish|wishing) to disappear" + END + r"|hope i (?:do not|never|will not) wake up|"
                             r"wish i could (?:just )?not (?:exist|be here|wake up)|(?:feel|felt) like dying(?= *$| *,| "
                             r"inside| every| all)|"
                             # round 10: "soft launching my exit from this planet", "brb ceasing to exist"
                             r"my (?:exit|departure|checkout) (?:from|off) (?:this|the) (?:planet|world|earth|life|existence)|"
                             r"(?:ceasing|cease|ceased) to exist(?= *$| *,| for real| fr| tonight| soon)"),
    ("not-being-here", "subject", r"(?:is|means|would be|be) not being (?:here|alive|around)(?= *$| *,)|"
                                  r"lived (?:long )?enough(?= *$| *,)"),
    ("not-care-if-i-wake", "subject", r"(?:not|never) care if i (?:wake up|live|die|make it)"),
    ("until-dead", "subject", r"(?:use|drink|drinking|using) (?:until|till) i am dead|(?:use|drink|drinking|using|"
                              r"sleep|take|taking) " + gap(20) + r"(?:until|till) i (?:stop breathing|die|do not wake "
                              r"up|never wake up)|(?:drink|use) myself to death"),
    ("suicidal", "subject", r"(?:am|feel|feeling|felt|be|been|was|is|are|get|getting|become|becoming)"
                            r"(?P<neg> not| never)?"
                            r"(?: so| really| very| kind of| pretty| a bit| a little| quite| actually)? suicidal|"
                            # said as a headline: "suicidal again.", "suicidal tonight"
                            r"^(?:so |very |really )?suicidal(?= *$| *,| again| today| tonight| right now| lately| rn)"),
    ("suicidal-thoughts", "subject", r"(?:having|have|has|had|get|getting|got|experiencing|experience) (?:these |some |my )?(?:suicidal "
                                     r"(?:thoughts|feelings|urges|ideation)|thoughts of (?:suicide|dying|ending it))|"
                                     r"suicidal (?:thoughts|feelings|urges) (?:are |have )?(?:back|again|returned)"),
    ("thinking-of-suicide", "subject", r"(?:ways|a way|methods) to (?:die(?! hard)|kill myself|end it|end my life|do it(?! (?:cheaper|faster|better|quicker|"
                                       r"properly|right|differently|more|online|remotely|legally|together|on budget))|not "
                                       r"wake up)|(?:best|easiest|quickest|painless|quick|fastest|surest) way to (?:die|go|end it|"
                                       r"do it)(?! hard)|(?:contemplating|contemplated|considering|considered|researching) (?:suicide|"
                                       r"killing myself|ending my life|ending it)|"
                                       r"(?:think|thinks|thinking|thought|plan|plans|planning|planned) (?:about|of|on) (?:suicide|"
                                       r"committing suicide|killing myself|ending my life|taking my (?:own )?life|"
                                       r"dying|not being here|jumping(?! ship| on| in| at| into (?:a|the) (?:new|role|job|team)))"),
    # "I wanted someone to know that I tried": the "I" after "that" is the writer, whoever is to know
    ("know-i-tried", "self", r"(?:know|tell (?:someone|you|somebody)) (?:that )?i tried(?= *$| *,)"),
    ("attempted-suicide", "subject", r"(?:attempted|attempt|commit|committing|going to commit) suicide|"
                                     r"(?:a|my|two|three|several|multiple|past|previous) suicide attempts?|attempted(?= *$| *,| again| last| twice)|"
                                     r"(?:survived|made|had|after|since) (?:an|a|my|two|three|several|multiple|her|his|their) "
                                     r"(?:suicide )?attempts?(?= *$| *,| years| a | in | when| at| last| and)"),
    ("suicide-note", "subject", r"(?:wrote|writing|written|write) (?:a |my )?"
                                r"(?:suicide note|goodbye (?:letter|note)s?)"),
    ("my-funeral", "subject", r"(?:picture|picturing|imagine|imagining|see|seeing|visuali[sz]e|visuali[sz]ing|"
                              r"dream about|dreaming about|dreaming of) myself (?:hanging|dead|jumping|dying|in a coffin|"
                              r"falling|bleeding out|drowning|overdosing|gone|not here)|(?:picture|picturing|imagine|imagining|plan|planning|thinking about|think about) "
                              r"my (?:own )?funeral"),
    ("voices", "self", r"(?:voices?|something|a voice|my (?:mind|head|brain|thoughts)) (?:are |is |keep |keeps )?(?:telling|tell|told|tells|say|says|saying|said)"
                       r" (?:me to|i should|i have to|i need to|i must|i deserve to) (?:kill|hurt|jump|die|end it|cut|"
                       r"do it)"),
    ("how-id-do-it", "subject", r"planning how to (?:leave|go|do it|disappear|end it|end things)(?= *$| *,| without| "
                                r"so| tonight)|(?:planning|plan|planned|figuring out|working out|lie awake planning) how(?= *$| *,)|(?:thinking|thought|know|knew|figured out|worked out|planned|planning|plan) "
                                r"(?:exactly |about |out )?how (?:i would|i will|i am going to|to) do it"),
    # euphemisms for not being around, and wanting the pain ended for good (988: "make it stop")
    ("stop-for-good", "subject", r"(?:make|making|want|need) (?:it|the pain|everything|this|it all|all of it|the noise)"
                                 r" (?:all )?(?:to )?(?:stop|end|go away) (?:for good|forever|permanently)|"
                                 r"(?:end|stop|ending|stopping) (?:the pain|everything|it|all of it) (?:for good|forever|"
                                 r"permanently)|(?:sleep|asleep|rest|disappear|vanish|leave|be gone|gone) (?:for good|forever|"
                                 r"permanently)(?= *$| *,| and| so| then| tonight| soon)|(?:check|checking) out (?:for good|"
                                 r"permanently)"),
    ("no-reason", "subject", r"(?:the )?only (?:thing|reason|one|person) (?:stopping|keeping|holding) me "
                             r"(?:back |here |alive |going )?(?:is|are|was)|(?:nothing|no one|nobody|not much) (?:is )?(?:left )?(?:keeping|holding) me "
                             r"(?:here|alive|going|around)|(?:no|zero|any|not a single|not one|not any) (?:good )?reasons? (?:left )?(?:to|for) "
                             r"(?:live|living|stay|staying|be here|keep going|go on|wake up|get up|exist|existing|"
                             r"stick around|be alive)|(?:nothing|no one|nobody) (?:left )?(?:to|worth) (?:live|living|stay|"
                             r"staying|stick around|keep going) for|(?:reasons?|point) to (?:stay|stick around) "
                             r"(?:alive|here)"),
    ("hope-i-die", "subject", r"(?:not|no longer|never) (?:scared|afraid|frightened) of (?:dying|death)|(?:feel like|"
                              r"feel|am) (?:i am )?already (?:gone|dead)(?! inside)|(?:am|i am) done for good|"
                              r"(?:not|never) (?:calling|telling|asking|reaching out to) (?:anyone|anybody|for help) this time|"
                              r"this time i am not (?:calling|telling|asking|reaching out)|(?:will|i will|going to|am going to) be dead (?:by|before|soon|tomorrow|tonight|"
                              r"this|next)|(?:leave|leaving) (?:this world|this life|this earth)|(?:leave|leaving) (?:everyone|"
                              r"everybody|you all)(?: behind)? (?:for good|forever)|(?:the )?(?:only|best|easiest) (?:way|"
                              r"option|answer|solution|choice|way out) " + gap(30) + r"(?:is|would be) (?:to )?(?:die|"
                              r"death|dying|suicide|end it|kill myself|not be here)|(?:tired|sick) of waking up(?= *$| *,|"
                              r" every| each| anymore| in this)|(?:tired|sick|exhausted) of being (?:here|alive)(?= *$| *,| and| anymore)|(?:should not|do not deserve to|does not deserve to|not deserve to) (?:be alive|live|"
                              r"exist|be here|keep living|breathe)(?= *$| *,| anymore| after| and)|should (?:have )?(?:just )?"
                              r"(?:died|be dead|not have survived)(?= *$| *,| when| back| years| in| that)|"
                              r"(?:can not|do not) see myself (?:being )?(?:alive|here|around|living) (?:next|by|in|at|for|"
                              r"much)|(?:want|wanting|ready|time) to go too(?= *$| *,)|(?:sleep|rest|disappear|go away)"
                              + gap(40) + r"(?:ever again|forever|for good)(?= *$| *,)|want out (?:for good|"
                              r"permanently|forever)|(?:if|when|once) i am (?:gone|dead|not here|not around)(?= *$| *,| (?:no one|"
                              r"nobody|everyone|everybody|they|things|it|my|the|at least))|(?:tired|sick|exhausted) of "
                              r"(?:fighting|trying) to (?:stay alive|live|keep living|survive|keep going)|"
                              r"(?:i will|i am going to|i will probably) be gone (?:by|before) (?:morning|tomorrow|"
                              r"tonight|the weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next week)|hope i (?:just )?(?:die|do not make it|get hit|crash|never wake up|do not wake up|pass "
                              r"away)|(?:pray|praying|hoping) (?:that )?i (?:die|do not wake up|never wake up|get hit)"
                              r"|wish (?:i could|i would|id) (?:just )?(?:die|not wake up|fall asleep and)"),
    ("rather-not-exist", "subject", r"(?:would )?rather (?:not (?:exist|be alive|be here|wake up)|be gone)|"
                                    r"(?:want|wish|wanting|wishing) (?:it|everything|it all|life) (?:would|to) (?:just )?"
                                    r"end(?= *$| *,| for good| forever| now| already)|"
                                    r"(?:want|wanting|wish|ready) to (?:be gone|not be around|go to sleep forever|"
                                    r"just stop|fade away|stop being alive)(?= *$| *,| and| so| forever| for good| now)|"
                                    r"(?:not|no longer) (?:want|wanting) to (?:exist|be alive|be here|be around|"
                                    r"keep living)" + END + r"|(?:not|no longer|never) (?:want|wanting|wish) to be (?:a )?part "
                                    r"of (?:this|the) world|(?:not|no longer) (?:want|wanting) to be (?:in|on) this (?:world|"
                                    r"earth|planet)"),
    ("not-care-if-i-die", "subject", r"(?:not|never|no longer|stopped) car(?:e|ing) (?:if|whether) i (?:die|live|crash|"
                                     r"get hit|get hurt|overdose|od|wake up|make it|survive)"),
    ("not-wake-up", "subject", r"(?:sleep|fall asleep|go to sleep)" + gap(20) + r"and (?:never|not) (?:have to )?(?:deal "
                               r"with|face|feel) (?:anything|it|this|any of it)(?: ever)? again|" r"(?:sleep|fall asleep|lie down|lay down|go to sleep)" + gap(20) +
                               r"and (?:never|not) (?:wake|get) up(?! (?:until|till|before|for|early|on time))|"
                               r"(?:hope|hoping|hoped|wish|wished|wishing|pray|praying|prayed|so|and|to|need to) (?:that )?"
                               r"(?:i )?(?:would |will |do |did )?(?:not|never) wake up(?! (?:early|late|in time|on time|"
                               r"at|for|till|until|before|when|to (?:my|the|an?) alarm))"),
    ("would-anyone-notice", "subject", r"(?:would|does|will|did) (?:anyone|anybody|someone) (?:even |actually |really )?"
                                       r"(?:notice|care|miss me)(?= *$| *,| before| when i| that i| if i (?:was|were|am|"
                                       r"died|disappeared|left|did not|never|killed|just|stopped|was not|were not))"),

))

# -- asking to be stopped: a crisis, towards whoever the rest of the message is about -------------
PLEA = Category("plea", "crisis", (
    ("stop-me", "subject", r"(?:need (?:someone|somebody|you) to|please|someone|somebody) stop me(?! from)"),
    ("dont-let-me", "subject", r"(?:scared|afraid|terrified|worried) (?:of )?what i (?:will|would|might|could|am "
                               r"going to) do(?: to myself)?(?= *$| *,| tonight| if| when)|(?:do not|never) let me (?:do (?:something|anything)|hurt|kill|go through)|"
                               r"(?:going to|might|about to|scared i will|afraid i will|scared i am going to|afraid i am "
                               r"going to|worried i will) do something (?:stupid|drastic|bad|permanent|i can not take "
                               r"back)(?= *$| *,| tonight| to myself| today| soon)"),
))

# -- a method being considered (C-SSRS 3) -------------------------------------------------------
METHOD = Category("method", "crisis", (
    ("jump", "subject", r"(?:know|knew|decided|figured out|planned|worked out) (?:exactly )?(?:how and when|when "
                        r"and how|where and how|how and where|when and where)(?= *$| *,| i| it)|(?<!bungee )jump(?:ing)? (?:off|from|in front of) (?:a |the |my )?(?:bridge|building|roof|balcony|"
                        r"train|subway|car|cliff|window|overpass|truck|ledge|parking garage)|"
                        r"(?:going to|about to|want to|ready to) jump(?= *$| *,| so bad| so badly| right now| now| tonight| off)"),
    ("crash", "subject", r"(?:crash|crashing|wreck|wrecking|total|totalling|fall|falling|jump|jumping) " + gap(20)
                         + r"on purpose|(?:am|i am|feel like) (?:a danger|dangerous|a risk) to myself|(?:driving|drive|swerving|swerve|crashing|crash|steering|steer|veer|veering) "
                         r"(?:my car )?(?:into|off) (?:the |a |an )?(?:barrier|oncoming|traffic|tree|wall|median|"
                         r"pole|river|lake|truck|bridge|guardrail|guard rail|cliff|semi|road|overpass)"),
    ("picked-the-place", "subject", r"(?:know|knew|picked|chosen|chose|found) (?:which|the|a) (?:" + PLACE_WORDS +
                                    r"|spot|tree)(?= *$| *,| already| to do it| to use)"),
    ("step-in-front", "subject", r"(?:step|stepping|walk|walking|lie|lying) (?:out )?" + gap(30) + r"(?:in front of|onto) "
                                 r"(?:a |the )?"
                                 r"(?:train|bus|truck|traffic|car|tracks)|walk(?:ing)? (?:into|in) (?:the )?(?:lake|river|sea|ocean|water|traffic)"
                                 r"(?= *$| *,| and| tonight| right now| now| until| till| after| today| when| once| before| this| later)|"
                                 r"(?:step|stepping) (?:off|back from) "
                                 r"(?:the )?(?:edge|ledge|yellow line|platform)"),
    # thinking how easy it would be, a place that calls: the method is being considered
    ("how-easy", "subject", r"lie (?:down )?in the (?:cold|snow|road|water|river|tracks)|(?:looked|look|looking|"
                            r"googled|googling|searched|searching|researching|reading) (?:up )?(?:whether|if|how|what) "
                            + gap(40) + r"(?:hang|hanging|drown|drowning|overdose|overdosing|bleed|bleeding|jump|jumping)"
                            r"(?= *$| *,)|make it look like an accident|"
                            r"(?:does it|would it|will it|how much does it|how much would it|is it) (?:hurt|painful) "
                            r"to (?:drown|die|hang|jump|bleed out|overdose|od|suffocate|get shot|be hit by)|"
                            r"(?:fast|express|freight|through) (?:ones|trains?) (?:come|comes|pass|go|goes) through|"
                            r"(?:when|where) the (?:express|fast trains?|trains?) (?:does not|do not) stop|" r"how (?:long|fast|quickly) (?:it takes|does it take|would it take|it would take|until "
                            r"you|before you) (?:to )?(?:die|bleed out|drown|suffocate|pass out|lose consciousness|"
                            r"freeze)|"
                            r"(?:stepping|step|stepped|moving|inching|edging|leaning|lean|leaned|creeping) (?:closer|"
                            r"nearer|over|further|out) (?:and closer )?(?:to|toward|towards|over) the (?:edge|tracks|ledge|"
                            r"railing|rail|drop|water|platform edge)|" r"(?:how|so|too|really) easy (?:it )?(?:would be|is|it is|it would be) (?:to )?(?:just )?"
                            r"(?:stop|jump|step|let go|end it|swerve|drive off|fall|go over|lean|not|walk|pull|take|"
                            r"keep driving|get out|climb|do it|end things|drift)|"
                            r"(?:what if|if only) i (?:just )?(?:jumped|stepped|let go|swerved|drove off|fell|did not "
                            r"wake up|ended it|did it|took them all|took all)"),
    ("place-calls", "subject", r"(?:the |that )?(?:bridge|overpass|tracks|train tracks|railway|river|lake|water|cliff|"
                               r"cliffs|roof|ledge|edge|sea|ocean|quarry|balcony|parking garage) " + gap(30) + r"(?:is|are|looks|look|"
                               r"looking|looked|seems|seem|keeps|keep|has been|have been|been) (?:really |so |very |kind of "
                               r"|more and more |almost |pretty )?(?:peaceful|inviting|tempting|calling|calling me|"
                               r"calling to me|pulling me|like the answer|like a way out|like an option|like a solution)|"
                               r"(?:the |that )?(?:bridge|tracks|river|lake|water|sea|ocean|quarry|edge|cliff) (?:would|will) be "
                               r"(?:so |really |very )?(?:quiet|calm|easy|peaceful|quick|cold|welcoming)"),

))

# -- a means ready: collected, counted, held, looked up (C-SSRS 6; 988's "looking for a way") ----
MEANS_READY = Category("means-ready", "crisis", (
    ("saving-pills", "subject", r"(?:saving|saved|stockpiling|hoarding|stashing|keeping|collecting) (?:them|these|"
                                r"those|it) (?:up )?(?:instead of|rather than) (?:taking|using)|(?:collecting|collected|saving|saved|stockpiling|stockpiled|hoarding|stashing|"
                                r"buying|bought) (?:up )?(?:razor blades|blades|razors|bullets|ammo|knives)|(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|"
                                r"stashing|stashed|stocking|stocked|building|built|hiding|hid|hidden) (?:up )?(?:on )?"
                                r"(?:all )?(?:of )?(?:my |some |the )?(?:[a-z]{1,20} )?" + PILLS + NOT_A_SUPPLY +
                                r"|" + PILLS + r" (?:saved|stashed|hidden|stockpiled)|(?:stash|stockpile|supply) of " + PILLS),
    ("many-pills", "subject", r"(?:have|got|took|taken|swallowed|take|saved|counted|holding) (?:about |like |over )?"
                              r"(?:[0-9]{2,3}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred) (?:of )?(?:my |the |these |those )?(?:[a-z]{1,20} )?" + PILLS),
    ("enough-pills", "subject", r"enough (?:of )?(?:my |the )?" + PILLS + r"(?! for (?:the|this|next|a) (?:week|month|trip))"),
    ("how-many-would-it-take", "subject", r"how (?:many|much) (?:of )?(?:my |the )?" + gap(30) + PILLS +
                                          r" (?:would|will|is|are) (?:be )?(?:too many|too much|enough to|lethal|"
                                          r"fatal|deadly)|how (?:many|much) (?:of )?(?:my |the |these |those )?(?:[a-z]{1,20} )?" +
                                          PILLS + r" (?:would|will|does|do|did) it take|how (?:many|much)" + gap(30) +
                                          r"(?:(?:would|will|does|do|did) it take|it (?:would|will|does) take)"
                                          r"(?= *$| *,| to (?:die|kill|overdose|od|do it|end it|be fatal|be lethal|not "
                                          r"wake up))|"
                                          r"lethal dose|(?:what|how much) (?:is|would be) (?:a )?(?:lethal|fatal)|"
                                          r"(?:looked|looking|look|searched|searching|googled|googling) (?:up )?how "
                                          r"(?:tall|high|deep|far down|many|much)|how (?:many|much)" + gap(30) +
                                          r"it takes(?= to| *$| *,)|"
                                          r"(?:researching|looking up|looked up|googling|googled|searching|searched|"
                                          r"reading about) (?:for )?(?:ways|methods|painless ways|how to do it)"
                                          r"(?= *$| *,| online| to (?:die|do it|end it|kill myself|not wake up))|"
                                          r"(?:know|decided|picked) (?:which|what|how) (?:one )?i am going to (?:use|do it)|"
                                          r"(?:looked|looking|googled|googling|searched|searching|reading|read|researching|researched) (?:up |about )?"
                                          + gap(40) +
                                          r"(?:highest|tallest|deepest|lethal|fatal|painless)|"
                                          r"(?:what happens|what would happen) if (?:you|i|someone) (?:take|took|swallow|"
                                          r"swallowed) (?:[0-9]{2,3} |all (?:of )?(?:my |the |their |your )|a (?:whole )?"
                                          r"bottle of |a lot of |a bunch of |a handful of )(?:[a-z]{1,20} )?" + PILLS),
    ("holding-means", "subject", r"(?:sitting|sat|holding|held|staring at|playing with) (?:here )?(?:with )?"
                                 r"(?:a|the|my) " + gap(25) + r"(?:bottle of |handful of )?(?:" + PILLS[3:-1] + r"|" + LETHAL[3:-1] +
                                 r"|knife|bottle)"),
    ("with-the-means", "subject", r"with (?:a|the|my) (?:blade|razor|razors|rope|noose|gun|pills|bottle of pills|pill "
                                  r"bottle|pill bottles)(?= *$| *,| in my| right now| and| here| for)"),
    ("have-the-means", "subject", r"(?:have|got|found) (?:the )?means(?= *$| *,| to| and| now| ready| "
                                  r"already)|(?:plan|a plan) and (?:the )?means|(?:have|has|got|found) (?:the|a|my|her|his|their) (?:rope|noose|gun|pills)"
                                  r"(?= *$| *,| now| ready| here| right| with me| on me| tonight| already| today)|(?:bought|buying|ordered|"
                                  r"ordering) (?:a |the |some )?(?:rope|noose|gun|handgun|rifle|shotgun|bullets|ammo)(?! (?:shaped|toy|safe|case|"
                                  r"lock|cabinet|licen[cs]e|cleaning|holster|show|range|for the (?:kids|party)|for (?:the|a|our) "
                                  r"(?:washing|clothes|tent|garden|boat|swing|dog|climbing|camping|hammock|fence|tree)))|"
                                  r"(?:have|got) (?:the |my )?" + PILLS + r" ready"),
    ("take-everything", "subject", r"(?:take|swallow|down) (?:everything|all|whatever) (?:in|from|left in) "
                                   r"(?:the |my )?(?:medicine cabinet|cabinet|bottle|cupboard|drawer|bathroom|first aid kit)|swallowed (?:whatever|everything|"
                                   r"all that) (?:was )?left"),
    ("car-garage", "subject", r"(?:fill|fills|filling|filled) (?:up )?with (?:exhaust|fumes|carbon monoxide)|carbon "
                              r"monoxide|charcoal (?:in|and) (?:the|a|my) (?:car|room|tent|bathroom)|helium (?:bag|tank|"
                              r"hood|and a bag)|garage" + gap(30) + r"(?:car|engine) (?:is )?(?:running|on)(?= *$| *,| and| with)|"
                              r"(?:car|engine) (?:is )?running" + gap(30) + r"(?:garage|door (?:is )?(?:down|shut|closed))|"
                              r"(?:in|inside) the car in the (?:closed )?garage|engine (?:is )?(?:on|running) in the "
                              r"garage|hose (?:to|from|on) the exhaust"),
    # 988: "buying a gun", "saving pills"; C-SSRS 6: collected pills, got a gun
    ("counting-pills", "subject", r"(?:the |my |all the |all my )?" + PILLS + r" (?:are|is) (?:all )?"
                                  r"(?:lined up|laid out|counted|sorted|in a pile|piled up|out on|ready|set out|crushed)(?! for| with)|"
                                  r"(?:got|get|getting|took|take|taking|have) (?:the|my) (?:blades?|razors?|knife|rope|gun|"
                                  r"pills|meds|noose) out(?= *$| *,| again| tonight| now| ready)|"
                                  r"(?:everything|all|what) i need to (?:not wake up|die|end it|do it|go through with it|"
                                  r"make it stop)|"
                                  r"(?:counted|counting|count|recounted|lined up|lining up|sorted out|laid out|laying out)"
                                  r" (?:out )?(?:all )?(?:of )?(?:my |the |them |these |those )?(?:[a-z]{1,20} )?"
                                  + PILLS + r"(?! for| with (?:the|a) (?:nurse|pharmacist|team|client|participant))"),
    ("gun-looked-up", "subject", r"(?:looking|looked|look|searching|searched|googled|googling|checking|checked|"
                                 r"asking about|calling) (?:up )?(?:[a-z]{1,20} )?(?:[a-z]{1,20} )?(?:gun|firearm|pistol|"
                                 r"handgun|rifle) (?:shops?|stores?|prices?|laws|permits?|dealers?|hours|for sale)|"
                                 r"(?:how to|where to|where i can|where can i) (?:buy|get) (?:a |some )?(?:gun|firearm|"
                                 r"pistol|handgun|rope|noose)|(?:buy|get|getting|buying) a gun(?= *$| *,| today| tonight"
                                 r"| this week| tomorrow| soon)"),
    ("rope-ready", "subject", r"(?:know|found|found out) where " + gap(30) + r"(?:keeps|keep|hides|hide|stores|"
                              r"store) (?:the |his |her |their |my )?(?:key|keys|gun|guns|pills|meds|rifle|knives)|key to "
                              r"the (?:gun|guns|rifle) (?:cabinet|safe|case)|so (?:no one|nobody) (?:can|will|could) (?:narcan|save|stop|find|help|revive|reach) "
                              r"me|for (?:a |some |the )?(?:rope|noose)(?= *$| *,)|(?:can not|cannot) (?:be trusted|trust "
                              r"myself) (?:around|with|near) (?:my |the |any )?(?:meds|pills|knives|knife|gun|guns|"
                              r"razors?|blades?|tablets|car|medication)|(?:having|knowing) (?:it|them|the [a-z]{1,12}|my "
                              r"[a-z]{1,12}) (?:there|here|near|close|nearby|within reach) (?:helps|is a comfort|calms me|"
                              r"makes me feel)|(?:hid|hidden|hiding|stashed|stashing) (?:a|the|my|some) (?:razor|razors|blade|"
                              r"blades|knife|pills|rope|gun|meds|tablets)|(?:the|a|my) (?:rope|noose) (?:is|are|has been|been|sits|sitting|hangs|hanging|is still|"
                              r"still) (?:[a-z]{1,20} )?(?:in|under|ready|hanging|tied|up|on|behind)|(?:tied|tie|tying|made|"
                              r"making) (?:a |the )?noose|(?:tested|testing) (?:the )?(?:rope|beam|branch)"),
    ("weapon-in-reach", "subject", r"(?:gun|pistol|rifle|shotgun|handgun|knife|blade|razor|rope|pills|meds|bottle) "
                                   r"(?:is |are )?(?:right )?(?:next to me|beside me|in my (?:lap|hand|hands|pocket|"
                                   r"nightstand)|on my (?:lap|bed|nightstand|pillow)|within reach|in reach|on me)"
                                   r"(?! (?:while|for) (?:cooking|work|the shift))|loaded (?:the|my) (?:gun|pistol|"
                                   r"rifle|shotgun)|(?:gun|pistol|rifle|shotgun) (?:is )?loaded"),

))

# -- at a dangerous place now (Crisis Text Line: a bridge, tracks, a roof) ------------------------
AT_PLACE = Category("at-place", "crisis", (
    ("at-place", "subject", r"(?:^|am |sitting |standing |parked |sat |stood |just |up |out |here |been |found |be )"
                            r"(?:on|at|by|near|under|on top of|at the edge of|on the edge of|in the middle of|"
                            r"at the top of|on the top of) "
                            r"(?:the |a |this |that )?(?:edge of the )?" + PLACES),
    ("edge-of-water", "subject", r"(?:^|am |sitting |standing |just |been )(?:at|on|by) the (?:edge of the )?"
                                 r"(?:river|lake|water|sea|ocean|falls|quarry)(?: right now| now| tonight)"),
))

# -- preparations and goodbyes (C-SSRS 6; 988: giving things away, saying goodbye) --------------
FAREWELL = Category("farewell", "crisis", (
    ("give-it-all-away", "subject", r"(?:giving|gave|give|given) (?:away )?(?:all )?(?:of )?my (?:things|stuff|"
                                    r"belongings|possessions) (?:to|out to) (?:my|the|people|friends|family|everyone)|"
                                    r"(?:giving|gave|give|given) (?:away )?(?:all )?(?:of )?my (?:things|stuff|"
                                    r"belongings|possessions|everything) away|(?:giving|gave|give) away (?:all )?"
                                    r"(?:of )?my (?:things|stuff|belongings|possessions)|giving everything away"),
    ("gave-most-away", "subject", r"(?:giving|gave|give|given) (?:away )?(?:most|all|a lot|half|the rest|nearly all|"
                                  r"almost all|everything) (?:of )?(?:my )?(?:things|stuff|belongings|possessions|"
                                  r"clothes|books|records|plants|stuff)?(?: away)?(?= *$| *,| this| last| to| already|"
                                  r" away| now)"),

    ("wont-need-it", "subject", r"(?:will not|would not|am not going to) (?:be )?need(?:ing)? (?:it|them|this|that|"
                                r"these|those|any of it|my \w{1,20})(?: anymore| after| much longer| where)|"
                                # round 10: "Won't be using it again" beside the fishing gear given away
                                r"(?:will not|would not|am not going to) be (?:using|needing|wearing|riding|driving) (?:it|them|those|"
                                r"these|any of it|any of them)(?: again| anymore| after)"),
    ("wont-be-here", "subject", r"(?:do not|not|never) (?:plan|planning|going|expect|expecting|intend|intending) "
                                r"(?:on|to) (?:be|being) (?:around|here|alive) (?:for|by|at|next|much|when|to see|"
                                r"after)|(?:will not|would not|might not|may not) be (?:here|around|alive)(?= *$| *,| to| for| next| "
                                r"much longer| by| after| when| anymore)|not (?:be|being) around much longer|"
                                r"(?:will not|would not) be able to (?:look after|take care of|care for|feed) "
                                r"(?:her|him|them|it) (?:after|anymore|much longer)"),
    ("wont-be-around", "subject", r"(?:do not think|not sure|doubt) i will be (?:here|around|alive)(?= for| to| much| "
                                  r"after| next| by| when| anymore| *$| *,)|(?:will not|would not) be (?:a problem|a "
                                  r"burden|in anyones way|in the way) (?:(?:for|on|to) (?:anyone|everyone|you|you all|them|my family|the team) )?(?:much "
                                  r"longer|for long|anymore|soon|after (?:today|tonight|this|tomorrow))|no one (?:will|would) have to (?:worry about|deal with|"
                                  r"take care of) me|(?:will not|would not|am not going to) (?:be )?bother(?:ing)? (?:anyone|anybody|you|you all|"
                                  r"everyone|people|them) (?:much longer|for long|after (?:today|tonight|tomorrow)|ever again)(?= *$| *,| i| so)"),
    ("wont-make-it", "subject", r"(?:will not|am not going to|do not think i will|not going to) make it (?:to|through|"
                                r"past) (?:the night|tonight|today|the day|the weekend|tomorrow|next week|monday|tuesday|wednesday|thursday|friday|"
                                r"saturday|sunday|christmas|my birthday|the end of the (?:week|month))(?= *$| *,)|"
                                r"not (?:going to )?be (?:here|around) (?:much longer|for long|anymore)"),
    ("tell-them-i-love", "subject", r"(?:tell|let) (?:my )?(?:daughter|son|kids|children|mom|mum|dad|family|wife|"
                                    r"husband|partner|sister|brother|boyfriend|girlfriend|her|him|them)(?: know)? "
                                    r"(?:that )?(?:i (?:love|loved|am sorry)|it (?:was not|is not) (?:her|his|their|your) "
                                    r"fault)"),
    ("if-anything-happens", "subject", r"(?:wrote|written|writing|left) (?:letters?|notes?) (?:to|for) "
                                       r"(?:everyone|everybody|each of them|all of them|my family|my kids)(?= *$| *,)|(?:if|in case) (?:anything|something) (?:happens|should happen|were to "
                                       r"happen) to me|(?:letters?|notes?) to my (?:kids|children|family|daughter|son|"
                                       r"partner|wife|husband|mom|mum|parents) (?:in case|for after|for when)"),
    ("after-im-gone", "self", r"(?:for after|after|when|once) i am (?:gone|dead|not here)|"
                                 r"(?:put|putting|getting) my affairs in order"),
    ("whoever-finds", "subject", r"my body (?:would|will|is going to|might) be found|(?:find|finds|found|discover|"
                                 r"discovers) my body|(?:find|finds) me (?:dead|gone|hanging)|(?:pay|paying|paid|money|"
                                 r"save|saving|saved|put aside|putting aside|set aside) " + gap(30) + r"(?:for|towards) "
                                 r"my (?:own )?(?:funeral|cremation|burial)|(?:soon|after tonight|after this|tomorrow) "
                                 r"(?:it|nothing|none of (?:it|this)) (?:will not|will) matter|whoever (?:has to|will have to|is going to) (?:deal with|clean up|go through|"
                                 r"find|sort out) (?:my|me)|whoever (?:clears|cleans|finds|empties|goes through|sorts|"
                                 r"packs|deals with|gets) (?:out |up )?(?:[a-z]{1,20} )?(?:my|me)"),
    ("wont-matter-after", "subject", r"(?:will not|would not|does not|nothing will|none of it will|none of this will|it will "
                                     r"not|that will not) (?:matter|count|be my problem|be a problem) (?:after|by|past|"
                                     r"come) (?:tonight|today|tomorrow|this weekend|the weekend|friday|saturday|sunday|"
                                     r"monday|next week)|after (?:that|then|this week|the [0-9]{1,2}(?:st|nd|rd|th)?) (?:it )?(?:will not|would not) "
                                     r"(?:matter|count)|(?:will not|would not|might not) be alive|because i will not be "
                                     r"(?:here|around|alive)"),
    ("last-message", "subject", r"(?:writing|drafting|rewriting|deleting|wrote|write) (?:and deleting |and rewriting )?"
                                r"my goodbyes?(?! (?:speech|card|email|party|post|message to the team))(?= *$| *,| letter| "
                                r"note| to)|will not " + gap(40) + r"or ever(?: again)?(?= *$| *,)|(?:this is|it is|its) (?:the end|it) (?:for me|of me|of the road for me)(?= *$| *,)|(?:my|this is my) last (?:message|text|post)(?= to| from| ever| *$)|"
                                r"(?:will not|never) hear from me again"),
    ("sorry-for-everything", "subject", r"(?:am|i am|i will be|time to be|going to be|just) checking out(?= *$| *,| "
                                        r"for good| permanently| tonight)|"
                                        r"(?:life insurance|insurance money|insurance payout) (?:will|would|should|is "
                                        r"going to) (?:cover|pay for|go to|take care of|look after|be enough for) "
                                        r"(?:the kids|my kids|my family|them|my wife|my husband|my partner|my children|"
                                        r"everyone)|(?:does|will|would) (?:life )?insurance (?:pay|pay out|cover) "
                                        r"(?:for |if |on |after )?(?:a )?suicide|(?:said|have said|made|written) (?:all )?"
                                        r"my goodbyes(?= *$| *,| already| now)|"
                                        r"(?:am sorry|sorry|thank you|thanks) for everything(?: *$| before| in case)"
                                        r"|thanks for everything before"),
))

# -- self-harm as an act --------------------------------------------------------------------------
SELF_HARM = Category("self-harm", "crisis", (
    ("hurt-myself", "self", r"(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|burned|burnt|scratch|scratched|"
                            r"scratching|hit|hitting|punch|punched|punching|starve|starving) myself"
                            # an accident is not self-harm: "burned myself on the kettle", "cut myself shaving"
                            r"(?! on (?:the|a|my)| shaving| cooking| while| by accident| accidentally| making| chopping|"
                            r" lifting| at the gym| playing| in the kitchen| at work)"),
    ("cutting", "subject", r"cutting again|used to (?:cut|self harm|burn myself|hurt myself)|(?:been|started|keep|am|is|are|was) cutting(?= *$| *,| and(?! past)| my (?:arms?|wrists?|legs?|"
                           r"skin|thighs?)| again| lately| more)"),
    ("self-harm", "subject", r"(?:i|used to|started to|want to|going to|urge to|urges to) self harm(?:ed|ing)?|"
                             r"self harm(?:ed|ing|s)|(?:i |did |doing |relapsed on )?sh again"),
    ("i-cut", "subject", r"cut (?:so |too |really |way too )?deep(?:ly)?(?= *$| *,| i| this| that| again)|i (?:cut|burn|scratch) (?:deeper|more|harder|worse)|(?:slit|slitting|slash|slashing|open|opening) (?:my|both|both my) (?:wrists?|throat|veins)|i (?:cut|burn|burned|scratch|scratched)(?= *$| *,| again| when| because| so| until)|^(?:cut|burned|burnt) (?:again )?(?:deeper|last night|tonight|this morning)(?= *$| *,| and| again)|"
                         r"(?:cut|cutting|burn|burned|burnt|burning|scratch|scratched|scratching) (?:my|into my) "
                         + BODY + r"(?= *$| *,| with| till| until| again| to| so| open| when| because| every)|"
                         r"(?:till|until) (?:it|they|my [a-z]{1,12}) (?:bled|bleed|bleeds|was bleeding|were bleeding)"),
    ("head-on-wall", "subject", r"(?:hit|hitting|bang|banging|slam|slamming|smash|smashing) my head (?:against|into|on) "
                                r"(?:the |a )?wall|(?:punching|punch|punched) (?:the )?walls? (?:till|until|so)"),
    ("relapsed-on-it", "subject", r"relapsed on (?:the )?(?:cutting|self harm|burning)|fresh (?:cuts|ones|burns|"
                                  r"scars|marks) (?:today|tonight|again|on my)|fresh (?:cuts|burns) *$"),
))

# -- an overdose taken or planned -----------------------------------------------------------------
OVERDOSE = Category("overdose", "crisis", (
    ("overdose", "subject", r"overdosed|(?:skipping|skipped|stopped|not taking|stopped taking|missing|missed) (?:my )?"
                            r"(?:[a-z]{1,12} )?" + PILLS + r" on purpose|(?:took|taken|swallowed|take|taking) (?:like )?(?:a bunch|a lot|loads|lots|a "
                            r"load|a handful|heaps|a pile|way too many|a ton|tons|a shit ton|a shitload|a fuck ton|a crap "
                            r"ton) of (?:my )?(?:[a-z]{1,12} )?" + PILLS + r"|"
                            r"(?:took|taken|swallowed|taking|washed down) " + gap(30) + PILLS + r" (?:with|and|down with) "
                            r"(?:vodka|alcohol|booze|wine|whiskey|whisky|drink|drinks|beer|gin|rum)|(?:tried|try|trying|attempted) to (?:overdose|od)|"
                            r"(?:swallow|swallowing|take|taking|down|downing|took|swallowed) (?:all|the whole|a whole|every|"
                            r"the rest|the entire) (?:of )?(?:my |the |a |those |these )?(?:[a-z]{1,12} )?(?:pack|packet|bottle|"
                            r"box|strip|blister|" + PILLS[3:-1] + r")|(?:relapsed|used|took|taken|od|overdosed|drank|mixed|overdid|overdone|overdoing) (?:[a-z]{1,20} )?on purpose|(?:am|is|are) overdosing|(?:going|want|plan|planning|trying) to "
                            r"(?:overdose|od)(?! prevention)|(?:took|take|taken|taking|swallowed|swallow) (?:too many|"
                            r"a (?:whole )?(?:bottle|handful|bunch) of|the whole bottle of) (?:my )?(?:pills|meds|"
                            r"medications?|tablets|painkillers|sleeping pills)|(?:took|swallowed) all (?:of )?my "
                            r"(?:pills|meds|medications?) at once|(?:going to|want to|plan to|about to) "
                            r"(?:take|swallow) all (?:of )?my (?:pills|meds|medications?)|"
                            r"(?:think|feel like) i am dying(?! (?:of|from|to|laughing))|(?:took|swallowed|taken) all (?:of )?my "
                            r"(?:pills|meds|medications?)(?= *$| *,| and| with| tonight| today)|"
                            r"took (?:way )?too much(?= *$| *,| of (?:my|the) (?:pills|meds|stuff|dope))"),
))

# -- being hurt or threatened by someone ----------------------------------------------------------
DANGER = Category("danger", "crisis", (
    ("armed-at-home", "self", r"(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|dad|stepdad|ex|"
                              r"roommate)) (?:is |are )?(?:drunk and |high and |angry and |raging and )?(?:has|have|got|"
                              r"is holding|is carrying|grabbed) (?:a |the |his |her |my )?(?:knife|gun|bat|weapon|"
                              r"machete|axe)(?= *$| *,| and| again| right now| now)"),
    ("not-safe", "subject", r"(?:am|feel|feeling)(?: not safe| unsafe| in danger)" + SAFE_TAIL +
                            r"|not (?:feel|feeling) safe" + SAFE_TAIL + r"|(?:is|are|was) (?:not safe|in danger)" +
                            SAFE_TAIL),
    ("scared-at-home", "subject", r"(?:scared|afraid|terrified) (?:to go|of going) home|(?:scared|afraid|fearing|"
                                  r"fear) for my (?:life|safety)|(?:scared|afraid|terrified) of (?:my )?(?:partner|"
                                  r"husband|wife|boyfriend|girlfriend|ex|dad|father|mom|mum|mother|stepdad|stepfather|"
                                  r"roommate|him|her)(?= *$| *,| and| because| when| right now| tonight)"),
    ("being-abused", "subject", r"(?:am|being|been|was|get|getting) (?:abused|beaten|assaulted|raped|attacked|"
                                r"threatened)(?= *$| *,| at home| by| again| every| as a| when i)"),
    ("threat-to-me", "danger", r"(?:locked|locks|locking) me (?:in|inside|up|in the house)(?= *$| *,| and| again| "
                               r"so)|took my (?:phone|keys|car keys|passport|money)(?= *$| *,| so| and| away)|(?:going to|will|would|wants to|want to|threatened to|threatens to|threatening to|"
                               r"tried to|trying to|try to) (?:kill|hurt|beat|hit|strangle|choke|attack|stab|shoot|"
                               r"rape) me"),
    ("hurting-me", "danger", r"(?:hits|hit|hitting|beats|beat|beating|chokes|choked|choking|strangled|strangles|"
                             r"kicks|kicked|punched|punches|hurts|hurting|abuses|abused|abusing|raped|rapes|"
                             r"threatens|threatened|threatening) me\b"
                             # "she hit me with a lot of questions" is not violence
                             r"(?! (?:off|up with|with (?:a |an |his |her |their |some |so many |lots of |a lot of |"
                             r"the )?(?:questions?|ideas?|jokes?|news|requests?|emails?|paperwork|work|tasks?|"
                             r"feedback|comments?|criticism)))"),
))

# -- intending to hurt someone else (988 takes these calls too) -----------------------------------
HARM = Category("harm", "harm", (
    ("going-to-hurt", "subject", r"(?:going to|will|want to|wanting to|about to|plan to|planning to|am going to|urge to|"
                                 r"urges to)"
                                 r" (?:really |seriously |badly |actually )?(?:hurt|stab|shoot|beat|batter|beat up|strangle|choke|attack|hit|shake|smash|deck|knock out) " + TOWARD +
                                 # "shoot him an email", "hit him up", "beat him at ping pong"
                                 r"(?! (?:with|in|at|up|an?|some|back|over|off|on|to|for|about)(?![a-z]))|"
                                 # "I'm going to kill my manager if she…" is mostly a turn of phrase
                                 r"(?:going to|will|want to|about to|plan to|planning to|am going to) kill " + TOWARD +
                                 r"(?! (?:with|in|at|if)(?![a-z]))|"
                                 r"(?:scared|afraid|worried|terrified) (?:that )?i (?:will|would|might|could|am going "
                                 r"to) (?:hurt|hit|shake|kill) " + TOWARD + r"|"
                                 r"(?:smash|punch|break|kick) (?:his|her|their) (?:face|head|teeth|legs)|"
                                 # poison is never a figure of speech about a person: "poison my husband's coffee"
                                 r"(?:going to|will|want to|about to|plan to|planning to|am going to) poison " + TOWARD + r"(?:s| s)?(?![a-z])|"
                                 r"(?:going to|will|am going to) (?:hurt|kill|stab|shoot|beat up|attack) the "
                                 r"(?:guy|man|woman|person|people|kid) (?:from|who|that)"),
    ("vow-to-hurt", "subject", r"(?:i swear|i promise|swear to god) (?:to god )?i (?:will|am going to) (?:kill|hurt|stab|"
                               r"shoot|beat) " + TOWARD + r"|beat (?:the crap|the shit|the hell|the life) out of " + TOWARD + r"|"
                               r"burn (?:his|her|their) (?:house|place|car|apartment|trailer) down|set fire to (?:his|her|"
                               r"their)|(?:feel|felt) like (?:hurting|hitting|shaking|strangling|choking|stabbing|killing) "
                               + TOWARD),
    ("make-them-pay", "self", r"make (?:them|him|her|everyone|you all|all of them) (?:all )?pay|"
                                 r"(?:ex|he|she|they|him|her|them|all of them|every one of them|everyone|everybody)"
                                 + gap(30) + r"(?:is|are|will) (?:all )?(?:going to )?pay(?= *$| *,| tonight| tomorrow| "
                                 r"for what| for this| for it)|they will (?:all )?(?:see|regret it|be sorry|learn)(?= *$| *,)|"
                                 r"(?:it|this|that) (?:ends|is over|is going to end|will end) for (?:him|her|them)|"
                                 r"(?:his|her|their) (?:time is up|days are numbered)|i know where (?:he|she|they) "
                                 r"(?:lives|drinks|works|sleeps|parks)(?= *$| *,| and| on| every)"),
    ("dead-when-i-find", "self", r"(?:is|are) (?:so )?dead when i (?:find|see|get)|"
                                    r"(?:is|are) not going to see (?:next week|tomorrow|another day|the weekend)"),
    ("shooting-up", "subject", r"(?:imagining|imagine|picture|picturing|thinking about|planning) (?:shooting|stabbing|"
                               r"killing|hurting|attacking|blowing up) (?:up )?(?:the |my )?(?:office|school|people|"
                               r"everyone|building|meeting|team|him|her|them)|shooting up (?:the|a|my) (?:office|school|"
                               r"place|building|meeting)"),
    ("scared-of-what-ill-do", "subject", r"(?:need|want|have) to hurt someone|(?:scared|afraid|terrified) of what i "
                                         r"(?:will|would|might|could|am going to) do to (?:him|her|them|my|someone|"
                                         r"people|the)"),
    ("grabbed-too-hard", "subject", r"(?:grabbed|shook|hit|slapped|hurt) (?:him|her|my kid|my son|my daughter|"
                                    r"the baby|my baby) (?:way )?(?:too hard|hard)"),
    ("revenge", "subject", r"(?:outside|at|near|waiting outside|parked outside) (?:his|her|their|my exs|the) "
                           r"(?:house|place|door|work|flat|apartment|office|car) with (?:a|my|the) (?:bat|knife|gun|"
                           r"crowbar|hammer|weapon|machete|axe|blade)|(?:break|snap|slit|cut|wring) (?:his|her|their) "
                           r"(?:neck|throat)|make (?:him|her|them) regret (?:ever|it|this)|(?:he|she|they) (?:will not|will "
                           r"never) (?:walk|see|wake up|breathe|talk|hurt anyone) again|(?:beat|kick|stab|choke|strangle|punch|stomp) (?:" + TOWARD[3:-1] + r") to "
                           r"death|(?:thinking about|think about|fantasi[sz]ing about|imagining|imagine|picturing|dream about|"
                           r"dreaming about|planning|plan on|keep thinking about|thinking of|urge to|urges to) (?:hurting|killing|"
                           r"stabbing|shooting|running over|beating|strangling|choking|attacking|poisoning|running|"
                           r"shaking|hitting|smothering|throwing|drowning|pushing) " + TOWARD +
                           r"|(?:run|running|ran|drive|driving|force|forcing) " + TOWARD + r" off the road"
                           r"|(?:put|putting|throw|throwing|shove|shoving|push|pushing|smash|smashing) " + TOWARD +
                           r" (?:through|into|down|out of|off) (?:the|a) (?:glass|door|window|wall|stairs|balcony|"
                           r"table|windscreen)" +
                           r"|(?:run|running|ran) " + TOWARD + r" over|(?:get|getting|take|taking) (?:my )?revenge "
                           r"(?:on|against) " + TOWARD + r"|want (?:him|her|them|my ex) (?:dead|to suffer)|(?:he|she|they|him|her) "
                           r"(?:deserves?|deserve) to (?:die|suffer|get hurt)|(?:wait|waiting|waited) for (?:him|her|"
                           r"them) (?:to (?:walk|come|leave|get)|outside|after)|"
                           r"(?:could|might|will|would|going to|want to) (?:kill|hurt|stab|shoot|strangle) " + TOWARD + gap(30)
                           + r"(?:and )?(?:i mean it|not joking|i am not joking|i am serious|for real)|"
                           r"(?:following|followed|tracking|stalking) (?:him|her|them|my ex) (?:home|to (?:his|her|their)|"
                           r"from (?:work|school|the))|(?:pillow|hands|a bag|plastic bag) over (?:his|her|their) "
                           r"(?:face|head|mouth)|(?:gun|knife|weapon|bat) to (?:deal with|sort out|handle|take care of|"
                           r"teach|use on) " + TOWARD),

))

# -- hopelessness, being a burden, feeling trapped (988 / AAS) ------------------------------------
HOPELESS = Category("hopeless", "note", (
    ("no-point", "subject", r"why (?:do )?i (?:even )?keep (?:trying|going|bothering)(?= *$| *,)|"
                            r"what is (?:even )?the point(?= *$| *,| of (?:it|any|anything|this(?= *$| *,)|trying|me|living|going on|"
                            r"being)| anymore| honestly)|whats the point(?= *$| *,| of (?:it|any|anything|this(?= *$| *,)|trying|"
                            r"me))|no point (?:anymore|in anything|in trying|to any of it|to anything)(?= *$| *,)|"
                            r"(?:it is|its|everything is|life is|it all is|it feels|everything feels|life feels|it all feels|everything "
                            r"seems|life seems) (?:so |all |completely )?pointless|whats even the point|"
                            r"why (?:even )?bother(?= *$| *,| anymore)"),
    ("done", "subject", r"(?:i am|just|so|completely) done(?= *$)|(?:done|finished|through|tired of) fighting"
                        r"(?= *$| *,| and| anymore)|done with (?:it all|all of it|everything|life|living|"
                        r"this life|myself|being alive|trying)(?= *$| *,| after| for good| tonight| soon| by)|be done with it(?= *$| *,)"),
    ("give-up", "subject", r"i give up(?= *$| *,| on (?:life|everything|myself|it all|trying|living))|"
                           r"given up on (?:life|everything|myself|living)"),
    ("trapped", "subject", r"(?:feel|feeling|am|so) trapped(?= *$| *,| and| like| with no| in my (?:life|head|body|own))|"
                           r"no way out(?= *$| *,| of (?:it|here|this(?! (?:meeting|room|building|parking|lot|place|"
                           r"elevator|call))))|can not keep doing this(?= *$| *,| anymore)|"
                           r"only (?:one )?way out|can not see (?:a|any) way out|(?:no|not) coming back from (?:this|it)|"
                           r"want out(?= *$| *,| of (?:here|this life|life|everything|it all))|"
                           r"(?:it is|its|everything is|it is all|its all) (?:just )?too much(?= *$| *,)"),
    ("nothing-matters", "subject", r"nothing matters(?: anymore| now)?(?= *$| *,| and)|"
                                   r"(?:do not|can not) see (?:a|any) future|no future (?:for me|left)|"
                                   r"(?:no|none|any) hope left|(?:lost|losing) all hope|feel(?:ing)? hopeless|"
                                   r"am hopeless|(?:none|no hope|nothing) left (?:for|in) (?:myself|me)|(?:can not|do not) see (?:things|it|"
                                   r"anything|life) (?:ever )?getting better|(?:never|not ever) (?:going to )?get "
                                   r"better(?= *$| *,)|no one cares (?:if i|whether i|about me)|feel (?:so )?empty"
                                   r"(?= *$| *,| all| inside)"),
    ("burden", "subject", r"(?:sorry|apologi[sz]e) for (?:being|existing|being alive|being born|being such)"
                          r"(?: such)?(?: a)? (?:mess|burden|disappointment|failure|waste|pain|problem|nuisance)|(?:am|feel like|feeling like|feel|being|just|only|been) (?:such a |a |so much of a |nothing but a |a total |"
                          r"a huge |such |just a |only a |a big )(?:fucking |massive |huge )?burden|"
                          r"burden (?:to|on|for) (?:everyone|everybody|my family|them|you all|my kids|the people|people|"
                          r"my partner|my friends)|"
                          r"best thing i (?:could|can) (?:give|do for) (?:them|my family|everyone)|(?:a |just a |such a )?(?:weight|drain) "
                          r"on (?:them|everyone|my family|you all|my kids)(?= *$| *,)|dead weight(?= *$| *,)|"
                          # round 9: being a problem others carry ("sick of being a problem everyone has to manage",
                          # "tired of being the thing they have to deal with", "fed up of being a worry to them")
                          r"(?:sick|tired|fed up|exhausted) of being (?:a|the|such a|everyones|their) (?:problem|burden|bother|"
                          r"nuisance|drain|worry|headache)(?! ?(?:solver|solving|fixer|child|[a-z]))|a (?:problem|worry|project|case) (?:everyone|everybody|"
                          r"people|they|the team|my family) (?:has|have|had|needs|need) to (?:manage|deal with|handle|fix|"
                          r"put up with|carry|babysit)"),
    # "my kids would be better off with their dad": better off, the writer implies, without the writer
    ("better-off-with", "self", r"(?:my kids|my children|my family|my partner|my wife|my husband|everyone|they) "
                                r"(?:would|will) be better off(?= *$| *,| without| with (?:their|a|another|someone|"
                                r"my) (?:dad|mum|mom|father|mother|parent|family|else|better))"),
    ("tired-of-being", "subject", r"(?:so over|over|done with) (?:existing|living|being alive|being me)(?= *$| *,| and)|"
                                  r"(?:not|no longer) (?:want to|going to|able to|can) (?:fight|keep fighting)(?: this| it)? "
                                  r"anymore|(?:tired|exhausted|sick) of (?:being me|being alive|living|existing|being here|fighting|it all|"
                                  r"everything)(?= *$| *,| and| anymore)"),
    ("drowning", "subject", r"(?:feel like|feels like) i am drowning|i am drowning(?= *$| *,| and)"),
    ("failure", "subject", r"failure as a (?:person|human|parent|mother|father)|worthless(?= *$| *,| and)|"
                           r"hate myself(?= *$| *,| so| and)|hate my life|hate (?:who i am|being me|everything about me)"),
    ("hopeless-feel", "subject", r"(?:had|have had) enough of (?:this life|life|living|it all|everything)|(?:get|got|been|feel|felt|am) (?:this|so) low(?= *$| *,| again| before)|(?:it is|its|everything is|life is|it is all|its all) (?:so |just |completely |"
                                 r"totally )?hopeless|(?:already )?dead inside|i am (?:a lost cause|a hopeless case|beyond help|past saving|unfixable|broken "
                                 r"beyond repair)|(?:nothing|no one) (?:can|will) (?:fix|help|save) me|(?:feel|feeling|felt|am|so) (?:so |completely |totally |utterly )?(?:hopeless|"
                                 r"worthless|useless|empty inside|numb|defeated|broken)(?= *$| *,| and| like| every| all| "
                                 r"inside| lately| anymore)|nothing (?:will|is going to|is ever going to|ever) "
                                 r"(?:change|get better|help|work out)|(?:it|things|my life) (?:is never going to|are never going to|"
                                 r"will never) (?:change|get better)(?= *$| *,| is it| and| for me)|(?:nothing|no one) to look forward to|"
                                 r"i am (?:a|such a|just a) (?:waste of space|waste|mistake|failure|disappointment)"
                                 r"(?= *$| *,| and| to)|(?:want|wanting) to (?:just )?(?:disappear|vanish|run away and "
                                 r"never|hide forever)(?! for (?:a|the) (?:week|day|weekend|few|couple|month|bit)| on "
                                 r"(?:vacation|holiday)| to (?:the|a|my))|(?:no|not any) (?:way|point) (?:forward|left)|(?:so|really) "
                                 r"(?:tired|exhausted) of (?:everything|it all|fighting|trying|pretending)|"
                                 # round 9: empty with nothing to refill it, said by five writers ("running on
                                 # empty and the tank has a hole in it", "nothing left to give", "running on fumes")
                                 r"running on (?:empty|fumes|nothing)(?! (?:coffee|sleep|caffeine|sugar) )|(?:nothing|none) left "
                                 r"(?:to give|in the tank|inside)(?= *$| *,| anyone| anybody| and)|(?:tank|cup) (?:has|is|with) (?:a hole|"
                                 r"empty and)"),

))

# -- weak signs: nothing alone, a crisis with another ---------------------------------------------
MEANS = Category("means", "weak", (
    ("my-means", "subject", r"(?:have|got|holding) (?:the|a|my) (?:bottle|pills|meds|rope|gun|knife|blade|"
                            r"razor|tablets)s? (?:right )?(?:here|with me|next to me|in front of me|ready|beside me)|my (?:\w{1,20} )?" + PILLS + r"(?= *$| *,| again| in my| would| to| right| here| with me|"
                            r" on me| ready| now| tonight| in front of me| in my hand)|"
                            r"(?:my|the|a|his|her) (?:\w{1,20} )?(?:\w{1,20} )?" + LETHAL + r"(?= *$| *,| is| in| at| and| under| by| next| beside| on)|"
                            r"(?:got|have|bought) (?:a|my|the) (?:bag|stash|supply)|use everything i have|"
                            r"(?:bottle|bottles|handful|bunch|stash|supply|box|boxes|strip|strips|packet|packets|pack|packs) of (?:my |the )?"
                            + PILLS + r"|"
                            r"(?:have|got|hidden|hid|hiding|keep|keeping) (?:a|my|the) (?:knife|knives|blade)|(?:the|my) " + PILLS + r" (?:are|is) "
                            r"(?:on|in|out|right|ready|here)|"
                            r"medicine cabinet|engine (?:is )?(?:running|on)(?= *$| *,)"),
    ("counted", "subject", r"(?:walked|walk|walking|went|climbed|climbing|got) (?:out )?(?:on )?(?:to|onto) the "
                           r"(?:middle|edge|end|top|railing|rail)(?= *$| *,| of it| again)|"
                           r"counted (?:them|my|the)(?: " + PILLS + r")?(?: again)?(?= *$| *,| last night| today| tonight| this morning)"),
    ("still-enough", "subject", r"(?:still|more than|have|got|there is|theres) enough(?= *$| *,)"),
    ("looking-at-place", "subject", r"(?:sitting|sat|parked|waiting)" + gap(20) + r"(?:by|at|near|beside|outside) the "
                                    r"(?:river|lake|water|sea|ocean|falls|quarry|reservoir|canal|harbour|harbor|dam|"
                                    r"bridge|tracks|overpass|cliffs?)(?! (?:cafe|caf|restaurant|bar|pub|house|park|walk|"
                                    r"path|festival|office|centre|center|car park|parking))|(?:went|been|go) to the (?:" + PLACE_WORDS + r"|river|lake|quarry|"
                                    r"falls)" + NOT_A_PLACE + r"(?= *$| *,| last| again| tonight| today| and)|(?:sitting|standing|sat|stood|parked|waiting) (?:by|at|on|near|beside) "
                                    r"the (?:river|lake|water|sea|ocean|falls|quarry|bridge|tracks|overpass|cliff|"
                                    r"cliffs|edge)(?! (?:cafe|caf|restaurant|bar|pub|house|park|walk|path|festival|"
                                    r"office|centre|center|with (?:my|the) (?:kids|family|dog)))|(?:looking at|looked at|staring at|drove past|drive past|driving past|walked to|thinking about|thinking of|"
                                    r"drive to|"
                                    r"driving to|walk to|go to|going to go to|car by|car at|parked at|going back to|go back to|"
                                    r"went back to) the (?:actual |real |old |same )?"
                                    r"(?:" + PLACE_WORDS + r"|river|lake|water|sea|ocean|falls|quarry)" + NOT_A_PLACE),
))
PLAN = Category("plan", "weak", (
    ("decided", "subject", r"(?:have |i |i have |already )?(?:decided|made up my mind|made my peace|picked the day|"
                           r"chosen the day|set a date|picked a date)(?= *$| *,| with it| about it| on (?:monday|"
                           r"tuesday|wednesday|thursday|friday|saturday|sunday|the day|a day|a date|tonight|it)| for "
                           r"(?:tonight|sunday|saturday))|feels good to have decided|"
                           r"(?:is|seems like|feels like) the (?:night|day)(?= *$| *,)|(?:todays|tonights) the (?:day|night)|the right (?:night|time|moment|"
                           r"day)(?= *$| *,)"),
    ("when-ready", "subject", r"for when i am ready|when the time comes(?= *$| *,)|^(?:permanently|for good|forever)$"),
    ("sudden-calm", "subject", r"(?:feel|feeling|felt) (?:so |really )?(?:calm|at peace|peaceful) (?:for the first time|"
                               r"now that|about it|about my decision)(?= *$| *,| in (?:ages|years|months|a long time))|(?:suddenly|"
                               r"strangely) (?:calm|at peace)"),
    ("i-am-ready", "subject", r"(?:time to|going to|want to|ready to) make it (?:official|permanent|final|real)"
                              r"(?= *$| *,)|(?:going to|ready to|want to|about to|time to) (?:just )?let (?:go|it all go)"
                              r"(?= *$| *,| now| tonight| for good)|i am ready(?= *$)|ready to go(?= *$)"),
    ("have-a-plan", "subject", r"(?:have|has|made|got) a plan(?= *$| *,| to do it| to end| and a| and the| for (?:tonight|"
                               r"this weekend|the weekend|tomorrow|friday|saturday|sunday|after))"),
    ("make-it-stop", "subject", r"(?:going to|will|want to) (?:finally )?make it (?:all )?stop"),
    ("afterlife", "subject", r"(?:is |if )?(?:heaven|the "
                             r"afterlife|hell) (?:is )?real"),
    ("not-careful", "subject", r"(?:then|that is when|thats when|that is the day|when) i (?:will|am going to) do it"
                               r"(?= *$| *,)|(?:only|last) (?:plan|option|way out|choice) (?:i have )?left|(?:going to|will|about to|want to) use (?:it|them)(?= *$| *,| tonight| on myself)|letting myself (?:go|die|waste away|fade)(?= *$| *,)|need (?:the house|the flat|"
                               r"everyone|the kids|my partner|my family) (?:to be )?(?:empty|gone|out|asleep|away)|(?:my|the) plan is (?:set|ready|made|in place|decided|"
                               r"happening|final)|(?:to|and|just to) see what happens(?= *$| *,)|(?:could not|did not|was not able to) (?:go through with it|do it)(?= *$| *,| "
                               r"last| this time| yet)|not (?:planning on |going to be )?(?:being )?careful this time"),
    ("courage", "subject", r"(?:working|work|worked|get|getting|got|build|building|find|finding) up (?:the )?"
                           r"(?:courage|nerve|guts)|need (?:the|more) (?:nerve|courage|guts)(?= *$| *,)|"
                           r"(?:have|had|find|found) the (?:guts|nerve|courage|balls) to (?:just )?(?:do it|go through|jump|end it|"
                           r"end things|pull the trigger)"),
    ("going-through-with-it", "subject", r"(?:going|go|am going|will go|ready to go|decided to go) through with it|"
                                         r"(?:do not|not) (?:want to )?stop this time|"
                                         r"(?:not|never) (?:want to )?(?:come|coming|get|getting|climb|climbing) down"
                                         r"(?= *$| *,)"),
    ("made-peace", "subject", r"made (?:my )?peace(?: with (?:it|that|everything|(?:my|a|the) decision(?: about (?:it|that|this))?|this|dying))?(?= *$| *,)|"
                              r"(?:feel|feeling|felt) (?:so |really |weirdly |strangely |oddly |suddenly |very |"
                              r"completely )?(?:calm|at peace|peaceful|light|relieved)(?= *$| *,| now| today| for once)"),
    # round 11: giving oneself up to it, as a drowning ("I stop to swim. I let it take me.")
    ("let-it-take-me", "subject", r"let (?:it|the water|the waves|the river|the sea|the current|the cold|the dark|the darkness|"
                                  r"death) take me(?= *$| *,| now| tonight| this| away| under)"),
    # round 11: a time chosen, said as a choice ("I fall down this week, I choose it")
    ("chose-the-time", "self", r"(?:this|next|on|by|after) [a-z]+ , i (?:choose|chose|have chosen|decide|decided|have decided|pick|picked) "
                               r"(?:it|that|this)(?= *$| *,)"),
    ("make-it-easy", "subject", r"make it easy for (?:them|everyone|you all)"),
    # "my family would get the insurance money": they would, after the writer's death
    ("insurance", "self", r"(?:would|will|could) get the (?:life )?insurance"),
    ("not-come-back", "subject", r"(?:and|to) (?:not|never) (?:come|coming) back(?: down| up| home| out)?(?= *$| *,)"),
    ("not-show-up", "subject", r"if i (?:do not|did not) (?:show up|make it|come in|answer|wake up)|check (?:on )?my "
                               r"(?:apartment|place|house|room)"),
    ("after-asleep", "subject", r"after (?:the kids|everyone|they) (?:are|is) asleep|once (?:the kids|everyone) "
                                r"(?:are|is) asleep"),
))
TIME = Category("time", "weak", (
    ("a-date", "subject", r"(?:have|got|set|picked|chose|chosen) (?:a|the) (?:date|day|time)(?= *$| *,)|"
                          r"a plan and a (?:date|day|time)"),
    ("soon", "subject", r"tonight|(?:will|going to|am going to) find out soon(?= *$| *,)|this weekend|(?:it will|it is going to|that will|going to) be soon(?= *$| *,)|(?:on |by )?(?:sunday|saturday|friday)(?= *$| *,| night)|(?:it is |its )?this (?:monday|tuesday|wednesday|thursday)(?= *$| *,)|"
                        r"after this (?:week|month|weekend)|tomorrow(?= *$| *,)|before (?:tonight|the weekend)"),
))
GOODBYE = Category("goodbye", "weak", (
    # round 11c: asking to be remembered, and an absence with no end ("And remember me nicely.", "You won't see
    # me at the team retreat. Or anywhere after the 12th really.")
    ("remember-me", "self", r"(?<!to )remember me (?:nicely|kindly|fondly|well|as (?:i|someone|the|a)|like (?:this|that))(?= *$| *,| please| ok| okay)"),
    ("nowhere-after", "self", r"(?:or|and) (?:anywhere|anyplace) (?:else )?(?:after|from|past) (?:the |this |next )?[a-z0-9]+"),
    # round 11: a last occasion named ("Thank you all for the birthday card … It will be my last one")
    ("my-last-one", "self", r"(?:will|would|is going to|gonna) be my (?:very )?last (?:birthday|christmas|thanksgiving|easter)"
                            r"(?= *$| *,| so| and| with| here)|(?:will|would|is going to|gonna) be my (?:very )?last one"
                            r"(?= *,? so (?:it|this|that|they|you) (?:meant|means|mean)| *,? (?:and )?thank)"),
    ("goodbye-to-people", "subject", r"goodbye to (?:my|the) (?:team|family|kids|friends|everyone)|"
                                     r"(?:say|saying|said|word|write|wrote|written|writing) (?:a )?goodbye(?= *$| *,| to (?:you|everyone|my|people|"
                                     r"them|friends|family))"),
    ("one-way", "subject", r"one way(?= *$| *,| ticket)|see (?:you|ya) never(?= *$| *,)|the last time i (?:will|am going to) (?:be asking|ask|talk to|"
                           r"see|write to|bother) (?:anything|anyone|you|anybody|you all)"),
    ("not-coming-back", "subject", r"(?:will not|would not) (?:be )?need(?:ing)? (?:them|it|those|these)(?= *$| *,)|not (?:planning on|planning to|going to) "
                                   r"(?:a return|return|returning|come back|coming back)|(?:not|never) (?:driving|walking|coming|going|getting) back(?= *$| *,| from (?:this|it|here|there)(?= *$| *,)| "
                                   r"tonight| home| this time)"),
    ("notice-given", "subject", r"(?:gave|given|handed in|put in|giving) (?:in )?my notice"),
    ("not-a-new-job", "subject", r"not (?:quitting|a new job|leaving for (?:a new|another|a different|a better) job|retiring)"),
    ("last-shift", "subject", r"(?:my|this is my) last (?:shift|day|time)(?= *$| *,| ever)"),
    ("love-you", "subject", r"(?:wanted to say|just wanted to say) i love you|i love you (?:guys|all)"),
    ("apology", "subject", r"i am sorry(?= *$| *,)|^(?:so |really |im )?sorry(?: for this| for everything)?$|sorry (?:everyone|all|guys|everybody)(?= *$)|"
                           r"(?:please )?tell (?:my )?(?:mom|mum|dad|family|kids|partner|sister|brother) i am sorry"),
    ("its-been-real", "subject", r"(?:it has|its|it is) been (?:real|nice knowing (?:you|everyone)|good knowing (?:you|everyone))"),
    ("goodbye-everyone", "subject", r"^(?:goodbye|bye|farewell)(?: now)?$|(?:goodbye|bye|farewell) (?:everyone|all|guys|friends|everybody|peerbot|bot|"
                                    r"world|for now)(?= *$| *,)|(?:thank you|thanks) and goodbye"),
    ("note-left", "subject", r"(?:the|my) (?:note|notes|letter|letters) (?:is|are|has been|have been|already|is already|are "
                             r"already) (?:already )?(?:written|done|finished|sealed|ready|on|in|under|by|next to|where)"),
    ("things-are-for", "subject", r"(?:the stuff|my stuff|my things|the things|this|everything|the rest|the [a-z]{1,12} "
                                  r"bag|the box) " + gap(20) + r"(?:is|are|goes|go) (?:for|to) my (?:niece|nephew|"
                                  r"kids|children|son|daughter|sister|brother|mom|mum|dad|family|friend|partner)|"
                                  r"(?:sorry|apologies) in advance|(?:what happens to|who gets|who will get) my (?:pension|"
                                  r"savings|stuff|things|money|insurance|kids|dog|cat|flat|house) (?:if|when|after) i "
                                  r"(?:die|am gone|am dead|am not here)|"
                                  # round 10: anything of the writer's, in more words ("the peer positions funded under my name if i am dead")
                                  r"(?:what happens|what would happen|who gets|who would get|who will get) to (?:the |my )?[a-z0-9]+ " + gap(50) +
                                  r"(?:if|when|after|once) i (?:die|am dead|am gone|was dead|was gone|were dead|were gone)(?= *$| *,| ?\?)|(?:files|papers|paperwork|accounts|everything) "
                                  r"(?:are|is) in order"),
    ("thanks-for-being", "subject", r"thanks for being (?:good|great|there|my)|their fault|your fault(?= *$| *,)"),
    ("passwords", "subject", r"(?:gave|giving|give|sent|wrote down) (?:[a-z]{1,20} )?(?:[a-z]{1,20} )?(?:all )?(?:my |the )?"
                             r"(?:passwords|bank details|pin numbers)"),
    ("sorting-my-stuff", "subject", r"sorting (?:out )?(?:all )?my (?:stuff|things|affairs|belongings)"),
    ("in-order", "subject", r"(?:put|putting|got|getting|left|leaving) " + gap(40) + r"(?:together|ready|out) for my (?:sister|brother|mom|mum|dad|kids|partner|"
                            r"friend|family|daughter|son|neighbou?r)|(?:put|putting|got|getting) (?:[a-z]{1,20} )?(?:[a-z]{1,20} )?in order|"
                            r"made arrangements for my (?:cat|dog|pets?|kids|children|plants)|(?:my )?rent is paid|"
                            r"paid (?:off )?(?:what i could|everything|my debts|all my bills|what i owe)|"
                            r"cleaned (?:the|my) (?:flat|apartment|house|place|room) (?:top to bottom|from top to bottom)|wrote (?:everyone|each of them|"
                            r"all of them|my family|my kids) (?:notes|letters)"),
    ("my-will", "subject", r"(?:wrote|writing|updated|updating|made|making|finished|sorted|sorting) (?:out )?my will"),
    ("loose-ends", "subject", r"tying up (?:the |some |my )?loose ends|cancel(?:l?ed|l?ing)? my (?:subscriptions|phone|"
                              r"lease|membership|memberships|accounts|appointments|plans)|(?:returned|returning|gave back|"
                              r"giving back) (?:everything|all the (?:things|stuff)|all of the (?:things|stuff)) i "
                              r"(?:borrowed|owe|owed)|(?:for|planning|planned|paid for) my (?:own )?(?:funeral|cremation|burial)"),
    ("letters-for", "subject", r"(?:note|notes|letter|letters) for my (?:family|kids|children|partner|mom|mum|parents)"),
    ("instructions", "subject", r"instructions for (?:who|when|after|my (?:family|kids|partner|sister|brother))"),
    ("hand-over", "self", r"take (?:my (?:shifts|clients|caseload|people|groups|group)|it|them) (?:over )?(?:permanently|"
                          r"for good|from now on)"),
    ("who-gets", "subject", r"who (?:gets|will get|should get|takes|will take|looks after|will look after) (?:my|the) "
                            r"(?:dog|cat|pets?|kids|stuff|things|car|plants|flat|house|room)|who gets my|(?:can|could|should|gets to) have my|(?:giving|give) (?:away )?my (?:\w{1,20} )?(?:guitar|cat|dog|records|books|"
                            r"plants|bike|car)"),
    ("letters-to", "subject", r"(?:wrote|writing|written|left|leaving|leave|write) (?:a |some )?(?:letters?|notes?|"
                              r"goodbyes?) (?:to|for) (?:each of |all of |every one of )?(?:everyone|everybody|the people|my "
                              r"(?:kids|children|family|daughter|son|partner|wife|husband|mom|mum|dad|parents|sister|"
                              r"brother|friends|people i love|participants|clients|people|team|group|colleagues))"),
    ("keys-left", "subject", r"(?:keys|passwords|pin|pins|cards?|codes) (?:are|is) (?:in|under|with) (?:the|an|a|my) "
                             r"(?:envelope|drawer|box|desk|locker)"),
    ("in-case", "subject", r"(?:just )?in case(?= *$| *,| put| i| they| someone| anything| something| you need to find)"),
    ("bye-to-all", "subject", r"(?:saying|say|said|saying my) (?:bye|goodbye|goodbyes|farewell)s? (?:to )?(?:everyone|"
                              r"everybody|you all|all of you|the team|my family|the group)"),
    ("good-run", "subject", r"(?:been|was|it was|its been|it has been) a good run"),
    ("not-to-worry", "subject", r"(?:tell|let) (?:[a-z]{1,20} )?(?:[a-z]{1,20} )?not to worry "
                              r"about me|(?:take care of|look after) (?:each other|yourselves|my [a-z]{1,12}) for me"),
    ("care-arranged", "subject", r"gave " + gap(30) + r"my (?:dog|cat|pets?|guitar|bike|car) to|(?:left|leaving|leave|dropped off|drop off|gave|give|given|giving) (?:away )?"
                                 r"(?:my |the |her |his |their )?(?:dog|cat|cats|dogs|pets?|kids|bike|guitar|car|"
                                 r"fish|bird|rabbit) (?:with|to|at|and|away)|(?:find|found|finding|need|needs|arrange|arranged|arranging|asked|asking|sorted|"
                                 r"sorting) (?:[a-z]{1,20} )?(?:[a-z]{1,20} )?(?:to )?(?:take|look after|take care of|"
                                 r"care for|adopt|a home for|a new home for|rehome|rehoming|feed) my (?:cat|cats|dog|dogs|"
                                 r"pets?|kids|children|fish|bird|rabbit|plants)|(?:can|could|would|will) (?:you|someone) "
                                 r"(?:take|look after|take care of|adopt|feed) my (?:cat|cats|dog|dogs|pets?|kids|"
                                 r"children)(?= *$| *,| for| after| when| if)|(?:rehome|rehoming|rehomed) my"),

))
# Going out to water or a height, or the house empty: a trip to the lake with the kids this weekend
# is everyday, so these need more than a time beside them.
TRAVEL = Category("travel", "weak", (
    ("out-to-water", "subject", r"(?:driving|drive|drove|heading|head|walking|walk|walked|going) (?:out |down |up )?"
                                r"to the (?:lake|river|sea|ocean|water|bridge|cliffs?|quarry|falls|overpass|tracks|"
                                r"coast|pier)(?= *$| *,| and| after| tonight| when| alone| by myself)"),
    # the house empty of the people who would stop it: everyday beside a time, a sign beside a plan
    ("others-away", "subject", r"(?:the kids|everyone|they|my (?:partner|wife|husband|family|roommate)) (?:will be|are) "
                               r"(?:at|with|away|out|gone)(?: [a-z]{1,12})?(?: [a-z]{1,12})?(?= *$| *,| and| tomorrow| "
                               r"tonight| this| for)"),
))
RUMINATION = Category("rumination", "weak", (
    ("keeps-coming-back", "subject", r"keep counting (?:them|it|the [a-z]{1,20})|(?:third|second|fourth|fifth|every) "
                                     r"(?:night|day|time) (?:running|in a row)|(?:looking|staring|look|stare|looked|stared) at my (?:wrists|veins|arms|thighs)|^(?:i am |i have been |been |just |keep |still |i keep |always )?(?:thinking|think) about it$|keep (?:thinking about|going back to|opening|looking at|checking|holding) "
                                     r"(?:it|them|the \w{1,20})|(?:all|the only thing) i can think about|"
                                     r"can not stop thinking about (?:it|them)|"
                                     r"(?:been|keep|kept|always) thinking (?:about|of) (?:it|that|the [a-z]{1,20}|"
                                     r"the actual [a-z]{1,20}) (?:a lot|all the time|constantly|every day|lately|nonstop|"
                                     r"more and more|again)"),
))

# -- withdrawal, recklessness, secrecy (988 / AAS): weak, a crisis only beside another sign -------
WITHDRAWAL = Category("withdrawal", "weak", (
    ("pulled-away", "subject", r"(?:not|have not|barely) (?:eaten|slept|eaten or slept|slept or eaten|eaten or "
                               r"sleeping) (?:in|for) (?:days|a week|weeks)|(?:pulled|pulling|cut|cutting|shut|shutting|closed|closing) (?:myself )?(?:away|off|"
                               r"out) (?:from )?(?:everyone|everybody|my friends|my family|people|the world)|"
                               r"(?:stopped|stop|not) (?:answering|returning|picking up) (?:my )?(?:phone|calls|texts|"
                               r"messages|the door)|(?:have not|not|barely) (?:left|been out of|gotten out of) (?:my|the) "
                               r"(?:room|house|apartment|bed|flat) (?:in|for) (?:days|weeks|a week)|(?:isolating|hiding) "
                               r"from (?:everyone|everybody|people)"),
    ("unknowing", "self", r"without (?:them|anyone|anybody|people|my family) knowing"),
    ("secrecy", "subject", r"(?:can not|cannot) tell (?:anyone|"
                           r"anybody)|(?:not|never|will not|am not going to) (?:telling|tell|going to tell) (?:anyone|anybody|"
                           r"no one|my (?:therapist|family|partner|counsellor|counselor|sponsor|doctor))"),
))
RECKLESS = Category("reckless", "weak", (
    ("stopped-meds", "subject", r"(?:stopped|quit|quitting|skipping|not) (?:taking )?(?:my )?(?:[a-z]{1,12} )?" + PILLS +
                                r"(?= *$| *,| and| on purpose| again| anymore| for)"),
    ("reckless", "subject", r"(?:driving|drove|drive|drives) (?:way )?(?:too fast|really fast|so fast|recklessly|drunk|"
                            r"without (?:a )?seatbelt|with no seatbelt|with my eyes closed)|(?:mixing|mixed|mix) "
                            r"(?:my )?(?:pills|meds|benzos|xanax|opioids) (?:with|and) (?:alcohol|booze|drinking|vodka|"
                            r"drinks)|(?:not|do not|stopped) (?:wearing|using) (?:a |my )?seatbelt|(?:using|use|used) "
                            r"alone (?:on purpose|so no one)"),
))


# -- about someone else, whoever says it ----------------------------------------------------------
OTHERS = Category("others", "others", (
    ("others-harm", "others", r"(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting) (?:himself|herself|"
                              r"themselves|themself|yourself)|(?:end|ending|take|taking) (?:his|her|their|your) "
                              r"(?:own )?life|(?:threatened to|wants to|tried to) (?:kill|hurt|beat|"
                              r"hit) (?:her|him|them)(?= *$| *,| if| when)|(?:wants|wanted|threatened|threatening|going) to (?:hurt|kill|"
                              r"stab|shoot|beat) (?:his|her|their) (?:ex|partner|wife|husband|boyfriend|girlfriend|"
                              r"kids?|boss|mom|dad|brother|sister|neighbou?r|roommate)"),
    ("disclosed", "others", r"(?:disclosed|discloses|disclosing|talked about|talking about|talks about|mentioned|"
                            r"mentions) (?:suicidal|suicide|self harm|wanting to die)|died by suicide|"
                            r"(?:took|taken) (?:his|her|their) own life|lost [a-z ]{1,40} to suicide|(?:took|taken) (?:his|her|their) "
                            r"life|(?:read|reads|looked|looks|sounded|sounds) like a (?:goodbye|suicide note|farewell)|"
                            r"(?:texted|messaged|called|emailed|posted) [a-z0-9 ]{0,40}(?:saying|to say) "
                            r"(?:goodbye|bye)"),
    ("lived-recovery", "others", r"(?:years|months|year|month|weeks) (?:today |now |ago )?since (?:my|the|that) "
                                 r"(?:overdose|attempt|suicide attempt|last cut|self harm)|(?:years|months|weeks|days|year|month) (?:free|clean) (?:from|of) (?:self harm|"
                                 r"cutting|suicidal|self injury)|(?:free|clean) (?:from|of) (?:self harm|cutting) "
                                 r"(?:for|since)"),
))

CATEGORIES: tuple[Category, ...] = (IDEATION, PLEA, METHOD, MEANS_READY, AT_PLACE, FAREWELL, SELF_HARM, OVERDOSE, DANGER,
                                    HARM, HOPELESS, MEANS, PLAN, TIME, GOODBYE, TRAVEL, RUMINATION, WITHDRAWAL, RECKLESS,
                                    OTHERS)
