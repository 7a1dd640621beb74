"""Issue 17 on Slack, through the real Bolt app: the first day in a real workspace. peerbot is in no
channel yet, so Slack refuses its posts; whoever asked is told so privately, with what to do, and
never "Posted" when nothing went out. The refusals are the error codes Slack documents for
chat.postMessage (api.slack.com/methods/chat.postMessage, "Errors"). UFAC is a facilitator (by user
group), U1 and U2 participants; the clock stands at Monday 12:00 UTC (07:00 in Toronto)."""
from __future__ import annotations

import slack_payloads as payloads
from slack_workspace import Workspace, buttons_of, text_of

from adapters.scheduler import Registrar
from adapters.slack.render import FORM_CALLBACK
from testing.fake_slack import FakeSlack


def said(ws: Workspace, words: str) -> list:
    """Every reply peerbot made that Slack took (a refused attempt is recorded too) and contains `words`."""
    return [c for c in ws.replies() if words in text_of(c) and c.result.get("ok", True)]


async def told(ws: Workspace, fake: FakeSlack, words: str):
    [note] = await fake.wait_until(lambda: said(ws, words))
    return note


# -- asked for now: /peer reflect, /peer checkin ------------------------------------------------
async def test_reflect_where_peerbot_is_not_in_the_channel_says_invite_me(ws: Workspace, fake: FakeSlack, platform):
    """`/peer reflect` in a channel peerbot was never invited to (not_in_channel): the facilitator is told
    privately to invite it with /invite @peerbot, and nobody is told "Posted"."""
    fake.refuse["C1"] = "not_in_channel"
    assert await ws.command("reflect", user="UFAC", channel="C1") == 200
    note = await told(ws, fake, "/invite @peerbot")
    await platform.drain()
    assert note.method == "response_url" and note.args["response_type"] == "ephemeral"
    assert "not in the channel" in text_of(note) and "nothing went out" in text_of(note)
    assert not said(ws, "Posted") and not fake.messages


async def test_checkin_in_a_channel_slack_cannot_find_says_so(ws: Workspace, fake: FakeSlack, platform):
    """`/peer checkin` where Slack answers channel_not_found (private without peerbot, or deleted) says
    peerbot can't see the channel and how to invite it, never "Posted a check-in"."""
    fake.refuse["C1"] = "channel_not_found"
    await ws.command("checkin", user="UFAC", channel="C1")
    note = await told(ws, fake, "I can't see")
    await platform.drain()
    assert "/invite @peerbot" in text_of(note) and "<#C1>" in text_of(note)
    assert not said(ws, "Posted")


async def test_reflect_in_an_archived_channel_says_it_is_archived(ws: Workspace, fake: FakeSlack, platform):
    """`/peer reflect` in an archived channel (is_archived) says the channel is archived, privately."""
    fake.refuse["C1"] = "is_archived"
    await ws.command("reflect", user="UFAC", channel="C1")
    note = await told(ws, fake, "archived")
    await platform.drain()
    assert note.args.get("response_type") == "ephemeral" and not said(ws, "Posted")


async def test_posted_is_said_only_after_slack_took_the_post(ws: Workspace, fake: FakeSlack, platform):
    """Where peerbot may post, "Posted a co-reflection prompt." comes after Slack accepted the prompt."""
    await ws.command("reflect", user="UFAC", channel="C1")
    confirmation = await told(ws, fake, "Posted a co-reflection prompt.")
    await platform.drain()
    [post] = fake.called("chat.postMessage", channel="C1")
    assert fake.calls.index(post) < fake.calls.index(confirmation)
    assert confirmation.method == "chat.postEphemeral" and confirmation.args["user"] == "UFAC"


# -- the form button ---------------------------------------------------------------------------
async def test_a_form_button_whose_trigger_expired_gets_a_reply(ws: Workspace, fake: FakeSlack, platform):
    """When views.open fails with expired_trigger_id, the person is told to press again, privately."""
    offer = await ws.answer_to(ws.event(payloads.mention("<@UBOT> schedule", user="UFAC")))
    fake.fail_next("views.open", 200, error="expired_trigger_id")
    reply = await ws.press("New schedule", on=offer, user="UFAC")
    assert reply.method == "views.open"  # tried, and refused
    note = await told(ws, fake, "Press the button again")
    assert note.method == "chat.postEphemeral" and note.args["user"] == "UFAC"


async def test_a_slash_command_whose_trigger_expired_offers_the_form_as_a_button(ws: Workspace, fake: FakeSlack,
                                                                                 platform):
    """`/peer schedule` whose views.open fails with expired_trigger_id gets a private button that opens the form."""
    fake.fail_next("views.open", 200, error="expired_trigger_id")
    await ws.command("schedule", user="UFAC", channel="C1")
    [offer] = await fake.wait_until(lambda: [c for c in ws.replies() if c.method != "views.open"])
    assert offer.method == "chat.postEphemeral" and [b["text"]["text"] for b in buttons_of(offer)] == ["New schedule"]


async def test_the_form_opens_before_any_role_look_up(ws: Workspace, fake: FakeSlack, platform):
    """Pressing a form button opens the form at once: no users.info call runs first (a cold cache would
    take up to three Web API calls inside Slack's 3-second trigger window)."""
    offer = await ws.answer_to(ws.event(payloads.mention("<@UBOT> schedule", user="UFAC")))
    modal = await ws.press("New schedule", on=offer, user="U9")  # nobody has looked U9 up yet
    await platform.drain()
    assert modal.method == "views.open"
    assert not fake.called("users.info", user="U9")


async def test_a_submission_with_unreadable_metadata_gets_a_kind_reply(ws: Workspace, fake: FakeSlack, platform):
    """A view_submission whose private_metadata is not JSON is answered kindly in the person's DM."""
    view = {"type": "modal", "callback_id": FORM_CALLBACK, "private_metadata": "not json {",
            "title": {"type": "plain_text", "text": "New schedule"}, "blocks": []}
    assert await ws.interact(payloads.submission(view, {}, user="U1")) == 200
    note = await told(ws, fake, "That form has expired")
    assert note.method == "chat.postMessage" and note.args["channel"] == "U1"


# -- schedules ----------------------------------------------------------------------------------
async def test_a_schedule_made_where_peerbot_is_not_a_member_warns(ws: Workspace, fake: FakeSlack, platform):
    """Making a schedule in a channel peerbot is not in (conversations.info: is_member false) warns at once,
    with the /invite step."""
    fake.refuse["C1"] = "not_in_channel"
    await ws.command("schedule reflection every monday 10:00", user="UFAC", channel="C1")
    warning = await told(ws, fake, "Heads up")
    assert "/invite @peerbot" in text_of(warning) and fake.called("conversations.info", channel="C1")
    assert warning.args.get("response_type") == "ephemeral" or warning.method == "chat.postEphemeral"


async def test_a_schedule_made_where_peerbot_is_a_member_does_not_warn(ws: Workspace, fake: FakeSlack, platform):
    """In a channel peerbot is in, the schedule is made and nothing warns."""
    await ws.command("schedule reflection every monday 10:00", user="UFAC", channel="C1")
    await told(ws, fake, "Scheduled #1")
    await fake.wait_for("conversations.info")
    await platform.drain()
    assert not said(ws, "Heads up")


async def fire_due(platform, clock, **later) -> None:
    """Move the clock on and run the minute sweep, as the running bot does."""
    clock.advance(**later)
    await Registrar(platform.adapter.bot, platform.adapter.outbox).sweep()


async def test_a_refused_scheduled_post_is_kept_shown_and_told_once(ws: Workspace, fake: FakeSlack, platform, clock):
    """A scheduled prompt Slack refuses (not_in_channel) is shown in /peer schedules ("last post failed: not
    in the channel") and its maker is told once, by DM; the next week's refusal sends no second DM."""
    await ws.command("schedule reflection every monday 7:30", user="UFAC", channel="C1")
    await told(ws, fake, "Scheduled #1")
    await platform.drain()  # the check made at creation found peerbot in the channel
    fake.refuse["C1"] = "not_in_channel"
    await fire_due(platform, clock, minutes=31)
    [dm] = await fake.wait_for("chat.postMessage", channel="UFAC")
    assert "Schedule #1" in dm.args["text"] and "/invite @peerbot" in dm.args["text"]
    await fire_due(platform, clock, days=7)
    assert len(fake.called("chat.postMessage", channel="UFAC")) == 1
    del fake.refuse["C1"]
    listing = await ws.say("/peer schedules", user="U2")
    assert "last post failed: not in the channel" in text_of(listing)


async def test_a_schedule_in_an_archived_channel_pauses_itself(ws: Workspace, fake: FakeSlack, platform, clock):
    """A scheduled post refused with is_archived pauses the schedule, and /peer schedules says why."""
    await ws.command("schedule checkin every monday 7:30", user="UFAC", channel="C1")
    await told(ws, fake, "Scheduled #1")
    await platform.drain()  # the check made at creation found peerbot in the channel
    fake.refuse["C1"] = "is_archived"
    await fire_due(platform, clock, minutes=31)
    [dm] = await fake.wait_for("chat.postMessage", channel="UFAC")
    assert "paused it" in dm.args["text"]
    await fire_due(platform, clock, days=7)
    attempts = [c for c in fake.called("chat.postMessage", channel="C1") if c.args.get("metadata")]
    assert len(attempts) == 1  # the one refused attempt, none the week after
    del fake.refuse["C1"]
    listing = await ws.say("/peer schedules", user="U2")
    assert "paused: the channel is archived" in text_of(listing)


# -- direct messages ---------------------------------------------------------------------------
async def test_a_dm_with_a_file_and_a_question_is_answered(ws: Workspace, fake: FakeSlack):
    """A DM with a file attached (subtype file_share, which slack-bolt's own message listener accepts) is
    answered like any DM."""
    reply = await ws.answer_to(ws.event(payloads.dm_with_file("what is co-reflection?")))
    assert reply.args["channel"] == "D1" and "co-reflection" in text_of(reply).lower()


async def test_a_dm_with_only_a_file_says_peerbot_reads_text(ws: Workspace, fake: FakeSlack):
    """A DM with only a file gets the short note that peerbot reads text only (as on Discord), not silence."""
    reply = await ws.answer_to(ws.event(payloads.dm_with_file("")))
    assert reply.args["channel"] == "D1" and "I can only read text" in text_of(reply)


async def test_a_thread_reply_also_sent_to_the_dm_is_answered(ws: Workspace, fake: FakeSlack):
    """A DM thread reply sent to the conversation too (subtype thread_broadcast) is answered, in its thread."""
    reply = await ws.answer_to(ws.event(payloads.dm_thread_broadcast("what is mutuality?")))
    assert reply.args["channel"] == "D1" and reply.args.get("thread_ts") == "1700000200.000100"
    assert "mutuality" in text_of(reply).lower()


def test_the_payload_helpers_match_the_real_shapes():
    """The DM payloads keep the fields slack-bolt's scenario tests show (subtype, files, root)."""
    event = payloads.dm_with_file("")["event"]
    assert event["subtype"] == "file_share" and event["files"][0]["mimetype"] == "image/png"
    assert payloads.dm_thread_broadcast("x")["event"]["root"]["ts"] == "1700000200.000100"
