"""Writes bot/safety/data/everyday_plans.toml: everyday plans with a time in them ("I need to do my
taxes tonight"), composed from lists of starts, activities and times. They are lookalikes for the
crisis model (bot.safety.crisis_model), which otherwise learns that a plan beside "tonight" is a
crisis. Deterministic (seeded). Run from the repository's root:

    python3 tools/compose_everyday_plans.py
"""
from __future__ import annotations

import json
import random
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "bot" / "safety" / "data" / "everyday_plans.toml"
COUNT = 280
STARTS = (
    "I'm going to", "I need to", "I have to", "gonna", "I'm planning to", "I'll", "I want to",
    "I'm about to", "I've got to", "planning to", "I'm finally going to", "I promised I'd",
)
ACTIVITIES = (
    "fill in the audit form", "fill my prescription", "call my mum", "beat the other team at trivia",
    "clean the kitchen", "do my taxes", "catch up on notes", "write the grant section", "go to the gym",
    "cook for the week", "watch the game", "return the library books", "fix the leaky tap",
    "answer all my emails", "visit my dad", "go to my AA meeting", "book the room for group",
    "print the flyers", "do the rota", "pay the bills", "walk the dog", "finish the training module",
    "sort the donation boxes", "meet my sponsor", "sleep early for once", "take the kids to the pool",
    "drive to my sister's", "clear out the garage", "give my old bike to my nephew",
    "write a thank-you card for Jo", "say goodbye at the farewell lunch", "tidy my desk before leave",
    "practise my share for group", "get a haircut", "repot the plants", "study for the certification exam",
    "hang the new curtains", "shred the old case notes", "jump on the trampoline with my niece",
    "cut the grass", "shoot some hoops with my brother", "take all the recycling to the depot",
    "end the group a bit early", "leave the keys with my neighbour", "go to the railway museum with my son",
    "climb the wall at the bouldering gym", "cross the bridge on my bike for the first time",
    "swim in the river with the club", "burn a playlist for the road trip",
    "get the rope swing up for the kids", "finish it all before my holiday",
    "sort out everything for the move", "write letters to my pen pals",
    "drop off the old meds at the pharmacy", "end things with my boyfriend", "break up with her properly",
    "end it with the guy I have been seeing", "finally quit my second job", "hand in my notice",
    "end the lease on the flat", "call it quits with the band", "dive off the high board at the pool",
    "get rid of the old sofa", "sign the papers for the new flat",
)
TIMES = (
    "tonight", "tomorrow", "this weekend", "after work", "before my shift", "on friday", "later today",
    "first thing in the morning", "after the team meeting", "tonight after dinner", "this evening",
    "on sunday",
)
ENDINGS = (", wish me luck", ", finally", ", ugh", ", then bed", "!", ", can't wait", " lol", ", so excited")
HEADER = """# Everyday plans with a time in them ("I need to do my taxes tonight"): the crisis model's
# lookalikes for a plan and a time. Written by tools/compose_everyday_plans.py, 2026-12-05.
"""


def compose() -> list[str]:
    """COUNT distinct plans; some in lower case and some with an ending, as people type them."""
    chooser = random.Random(5)
    plans: list[str] = []
    while len(plans) < COUNT:
        plan = f"{chooser.choice(STARTS)} {chooser.choice(ACTIVITIES)} {chooser.choice(TIMES)}"
        if chooser.random() < 0.3:
            plan = plan.lower()
        if chooser.random() < 0.3:
            plan += chooser.choice(ENDINGS)
        if plan not in plans:
            plans.append(plan)
    return plans


def main() -> None:
    entries = "".join(f'\n[[message]]\ntext = {json.dumps(plan)}\nexpect = "quiet"\nkind = "everyday"\n' for plan in compose())
    TARGET.write_text(HEADER + entries, encoding="utf-8")


if __name__ == "__main__":
    main()
