"""Talking to peerbot on Slack as a newcomer does: courtesy, and "did you mean" for a schedule, as a button."""
from __future__ import annotations

from slack_workspace import Workspace, buttons_of, text_of


def labels(call) -> list[str]:
    return [b["text"]["text"] for b in buttons_of(call)]


async def test_hello_gets_a_warm_private_reply_not_i_dont_know(ws: Workspace):
    """`/peer hello` is courtesy: only the person sees a short reply saying what peerbot is and is not."""
    reply = await ws.say("/peer hello")
    assert reply.method == "chat.postEphemeral" or reply.args.get("response_type") == "ephemeral"
    assert text_of(reply).startswith("Hi, I'm peerbot") and "not a crisis service" in text_of(reply)
    assert "I don't know" not in text_of(reply)


async def test_a_greeting_before_a_question_still_gets_the_answer(ws: Workspace):
    """`/peer hi, can I grab a coffee with someone I support?` is answered as the question."""
    reply = await ws.say("/peer hi, can I grab a coffee with someone I support?")
    assert "Source:" in text_of(reply) and "not a clinician" not in text_of(reply)


async def test_an_unclear_schedule_offers_a_did_you_mean_button_that_makes_it(ws: Workspace):
    """"fortnightly" said as "biweekly" is asked about, privately; pressing the button schedules every other Thursday."""
    offer = await ws.say("/peer schedule checkin biweekly on thursdays at 11", user="UFAC")
    assert "Did you mean" in text_of(offer) and labels(offer) == ["Yes, schedule that"]
    made = await ws.press("Yes, schedule that", on=offer, user="UFAC")
    assert "Scheduled #1" in text_of(made) and "every other Thursday at 11:00" in text_of(made)


async def test_a_sentence_asking_for_a_schedule_makes_it(ws: Workspace):
    """"schedule a reflection every weekday at 9", typed after /peer, sets up that schedule."""
    made = await ws.say("/peer schedule a reflection every weekday at 9", user="UFAC")
    assert "Scheduled #1" in text_of(made) and "every weekday at 09:00" in text_of(made)
