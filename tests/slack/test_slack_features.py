"""Every core feature, end to end through Slack: signed requests into the real Bolt app, answers and
posts read back from the fake Slack. UADMIN is a workspace admin, UFAC is in the "facilitators"
user group, U1 and U2 are participants."""
from __future__ import annotations

import slack_payloads as payloads
from slack_workspace import Workspace, buttons_of, text_of

from bot.router import COMMANDS
from testing.fake_slack import FakeSlack


def labels(call) -> list[str]:
    return [b["text"]["text"] for b in buttons_of(call)]


def peerbot_posts(fake: FakeSlack) -> list[dict]:
    return [m for m in fake.messages if m["metadata"]]


def first_scenario(platform) -> str:
    """A scenario chosen by id, so a run is the same every time (without an id the core picks at random)."""
    return sorted(platform.adapter.bot.catalog.scenarios)[0]


# -- questions -------------------------------------------------------------------------------
async def test_a_task_question_gets_a_leaning_card_with_ways_to_go_deeper(ws: Workspace):
    """`/peer task …` answers the asker privately with a leaning, its reasons, a source, Why?/Sources and Share."""
    answer = await ws.say("/peer task driving someone to an appointment")
    assert answer.method == "chat.postEphemeral" and answer.args["channel"] == "C1"
    assert answer.args["blocks"][0]["type"] == "header"
    assert "Source:" in text_of(answer)
    assert labels(answer) == ["Why?", "Sources", "Talk it through", "Share with the channel"]
    why = await ws.press("Why?", on=answer)
    assert why.method == "chat.postEphemeral" and "Why:" in why.args["blocks"][0]["text"]["text"]


async def test_a_guided_check_can_be_pressed_through_to_a_leaning(ws: Workspace):
    """`/peer check` asks what the task is and takes the next `/peer …` as it; then one private question
    at a time, and pressing an answer each time ends in a leaning about that task."""
    asked = await ws.say("/peer check")
    assert "What's the task?" in text_of(asked)
    step = await ws.say("/peer driving someone to a job interview")
    assert "About: driving someone to a job interview" in text_of(step)
    for _ in range(20):
        if "Stop" not in labels(step):
            break
        assert step.method == "chat.postEphemeral"
        step = await ws.press(labels(step)[0], on=step)
    assert "Leaning" in text_of(step) and "supervision" in text_of(step)


async def test_a_guided_check_can_be_stopped(ws: Workspace):
    """Pressing Stop ends the check and says nothing from it is kept."""
    step = await ws.say("/peer check task driving someone to an appointment")
    stopped = await ws.press("Stop", on=step)
    assert "Nothing from it is kept" in text_of(stopped)


async def test_topics_list_what_the_bot_knows_and_open_one_on_a_press(ws: Workspace):
    """`/peer topics` lists the topics privately; pressing one shows that topic with its source."""
    listing = await ws.say("/peer topics")
    assert listing.method == "chat.postEphemeral"
    assert len([b for b in listing.args["blocks"] if b["type"] == "section"]) >= 3  # a section per group
    first = labels(listing)[0]
    topic = await ws.press(first, on=listing)
    assert topic.method == "chat.postEphemeral" and "Source:" in text_of(topic)


# -- roles -------------------------------------------------------------------------------------
async def test_a_workspace_admin_can_add_and_list_facilitators(ws: Workspace):
    """A Slack workspace admin adds a facilitator with a mention, and the list then shows them."""
    added = await ws.say("/peer facilitators add <@U2|bob>", user="UADMIN")
    assert "<@U2> is now a facilitator" in text_of(added)
    listed = await ws.say("/peer facilitators list", user="U1")
    assert "<@U2>" in text_of(listed)


async def test_a_participant_cannot_change_who_facilitates(ws: Workspace):
    """Someone who is not an admin is told kindly, and privately, that only admins can add facilitators."""
    refused = await ws.say("/peer facilitators add <@U1>", user="U2")
    assert refused.method == "chat.postEphemeral" and "Only admins" in text_of(refused)


async def test_a_facilitator_added_in_chat_can_then_post_a_checkin(ws: Workspace, fake: FakeSlack, platform):
    """After an admin adds U2, U2 may do what facilitators do."""
    assert "Only facilitators" in text_of(await ws.say("/peer checkin", user="U2"))
    await ws.say("/peer facilitators add <@U2>", user="UADMIN")
    await ws.command("checkin", user="U2")
    await fake.wait_until(lambda: peerbot_posts(fake))
    await platform.drain()
    assert len(peerbot_posts(fake)) == 1


# -- schedules, check-ins, reflections --------------------------------------------------------
async def test_a_facilitator_creates_a_schedule_through_a_modal(ws: Workspace, fake: FakeSlack):
    """`/peer schedule` opens a modal for a facilitator; submitting it schedules posts for the channel."""
    modal = await ws.say("/peer schedule", user="UFAC", channel="C1")
    assert modal.method == "views.open"
    assert [b["block_id"] for b in modal.args["view"]["blocks"]] == ["kind", "when", "theme"]
    done = await ws.submit(modal, {"kind": "reflection", "when": "every monday 10:00"}, user="UFAC")
    assert done.method == "chat.postMessage" and done.args["channel"] == "C1"
    assert "Scheduled #1" in text_of(done)
    listed = await ws.say("/peer schedules", user="U1")
    assert "#1" in text_of(listed) and "monday" in text_of(listed).lower()


async def test_a_participant_is_not_shown_the_schedule_modal(ws: Workspace, fake: FakeSlack):
    """A participant asking for `/peer schedule` gets a private explanation instead of a modal."""
    refused = await ws.say("/peer schedule", user="U1")
    assert refused.method == "chat.postEphemeral" and "Only facilitators" in text_of(refused)
    assert not fake.called("views.open")


async def test_a_schedule_asked_for_in_a_dm_offers_a_button_that_opens_the_modal(ws: Workspace, fake: FakeSlack):
    """A form requested by a mention has no modal trigger, so it comes as a button that opens the modal."""
    offer = await ws.answer_to(ws.event(payloads.mention("<@UBOT> schedule", user="UFAC")))
    assert offer.method == "chat.postEphemeral" and labels(offer) == ["New schedule"]
    modal = await ws.press("New schedule", on=offer, user="UFAC")
    assert modal.method == "views.open" and modal.args["view"]["callback_id"] == "peerbot:form"


async def test_app_home_lists_the_schedules(ws: Workspace, fake: FakeSlack):
    """Once a channel has a schedule, App Home shows it."""
    modal = await ws.say("/peer schedule", user="UFAC", channel="C1")
    await ws.submit(modal, {"kind": "checkin", "when": "first wednesday of the month 9:30"}, user="UFAC")
    home = await ws.answer_to(ws.event(payloads.home_opened(user="U1")))
    assert "check-in" in text_of(home)


async def test_a_reflection_prompt_is_posted_to_the_channel_through_the_outbox(ws: Workspace, fake, platform):
    """`/peer reflect` by a facilitator posts a co-reflection prompt to the channel, once, with its key."""
    await ws.command("reflect", user="UFAC")
    await fake.wait_until(lambda: peerbot_posts(fake))
    await platform.drain()
    [post] = peerbot_posts(fake)
    assert post["channel"] == "C1" and post["text"].startswith("Co-reflection")
    assert post["metadata"]["event_type"] == "peerbot_post"


async def test_a_checkin_counts_presses_on_the_post_itself(ws: Workspace, fake, platform):
    """Pressing an answer on a check-in updates that post in place and thanks the person privately."""
    await ws.command("checkin", user="UFAC")
    await fake.wait_until(lambda: peerbot_posts(fake))
    await platform.drain()
    posted = fake.called("chat.postMessage")[-1]
    thanks = await ws.press(labels(posted)[0], on=posted, user="U1")
    updated = fake.called("chat.update")
    assert updated and updated[0].args["ts"] == posted.result["ts"] and updated[0].args["channel"] == "C1"
    assert thanks.method in ("chat.update", "chat.postEphemeral")
    # The thanks goes to the presser (U1); the facilitator's own "Posted a check-in." may land before
    # or after it, so wait for U1's message rather than for any private one.
    to_presser = await fake.wait_until(lambda: [c for c in fake.called("chat.postEphemeral") if c.args["user"] == "U1"])
    assert "anonymously" in text_of(to_presser[0])


# -- scenarios -------------------------------------------------------------------------------
async def test_a_scenario_runs_from_preview_to_reveal(ws: Workspace, fake: FakeSlack, platform):
    """A facilitator previews a scenario privately, starts it (posts go out in order, the rest threaded
    under the situation), then reveals the responses in the same thread."""
    preview = await ws.say(f"/peer scenario {first_scenario(platform)} no timer", user="UFAC")
    assert preview.method == "chat.postEphemeral" and labels(preview) == ["Start", "Another one", "Cancel"]
    assert not peerbot_posts(fake)

    await ws.press("Start", on=preview, user="UFAC")
    await platform.drain()
    # "Started", with the controls, replaces the preview once Slack took the scenario's posts.
    [controls] = [c for c in fake.called("response_url") if labels(c) == ["Reveal", "Pause", "End"]]
    assert controls.args["replace_original"] is True
    assert fake.calls.index(controls) > fake.calls.index(fake.called("chat.postMessage")[-1])
    situation, *threaded = peerbot_posts(fake)
    assert situation["text"].startswith(("Content note", "Scenario"))
    assert threaded and all(m["thread_ts"] == situation["ts"] for m in threaded)

    await ws.press("Reveal", on=controls, user="UFAC")
    await fake.wait_until(lambda: any("Reveal" in m["text"] for m in peerbot_posts(fake)))
    await platform.drain()
    reveal = [m for m in peerbot_posts(fake) if m["text"].startswith(("Reveal", "To close"))]
    assert len(reveal) == 2 and all(m["thread_ts"] == situation["ts"] for m in reveal)
    keys = [m["metadata"]["event_payload"]["key"] for m in peerbot_posts(fake)]
    assert len(keys) == len(set(keys))  # nothing posted twice


async def test_a_participant_cannot_start_a_scenario(ws: Workspace, fake: FakeSlack):
    """Only facilitators start scenarios; a participant is told so privately."""
    refused = await ws.say("/peer scenario", user="U1")
    assert "Only facilitators" in text_of(refused) and not peerbot_posts(fake)


async def test_every_peer_subcommand_answers_through_slack(ws: Workspace, fake: FakeSlack, platform, clock):
    """Each subcommand in the core's COMMANDS table answers through Slack, and none hits a bug's apology."""
    for verb in sorted(COMMANDS):
        clock.advance(minutes=1)  # a person's pace: see the next test for two posts in one second
        replies, posts = len(ws.replies()), len(fake.messages)
        assert await ws.command(verb.replace("-", " "), user="UADMIN") == 200
        await fake.wait_until(lambda replies=replies, posts=posts: len(ws.replies()) > replies or len(fake.messages) > posts)  # /peer {verb}
        await platform.drain()
        said = " ".join(text_of(call) for call in ws.replies()[replies:])
        assert "something went wrong" not in said, f"/peer {verb}: {said[:200]}"


async def test_a_checkin_and_a_reflection_in_the_same_second_are_both_posted(ws: Workspace, fake, platform):
    """Two different posts asked for in the same second both go out."""
    await ws.command("checkin", user="UFAC")
    await fake.wait_until(lambda: peerbot_posts(fake))
    await ws.command("reflect", user="UFAC")
    await platform.drain()  # a command's work is under way by the time Slack has its 200
    assert len(peerbot_posts(fake)) == 2


async def test_a_schedule_made_in_slack_posts_to_the_channel_when_due(ws: Workspace, fake, platform, clock):
    """A weekly reflection set up in Slack is posted to its channel, once, when its time comes round."""
    await ws.say("/peer schedule reflection every monday 10:00", user="UFAC", channel="C1")
    bot, outbox = platform.adapter.bot, platform.adapter.outbox
    clock.advance(hours=3, minutes=1)  # Monday 15:01 UTC is 10:01 in Toronto
    due = bot.tick()
    assert len(due) == 1 and not bot.tick()  # a second tick finds nothing new
    await outbox.send_claimed(due)
    [post] = peerbot_posts(fake)
    assert post["channel"] == "C1" and post["text"].startswith("Co-reflection")


async def test_scenario_votes_update_the_poll_in_its_thread_and_thanks_stay_private(ws: Workspace, fake, platform):
    """A participant's vote updates the poll post in place and the thanks only they see stays in the thread."""
    preview = await ws.say(f"/peer scenario {first_scenario(platform)} no timer", user="UFAC")
    await ws.press("Start", on=preview, user="UFAC")
    await platform.drain()
    poll = next(c for c in fake.called("chat.postMessage") if c.args["text"].startswith("Poll"))
    await ws.press(labels(poll)[0], on=poll, user="U1")
    thanks = await fake.wait_for("chat.postEphemeral", user="U1")
    [updated] = fake.called("chat.update")
    assert updated.args["ts"] == poll.result["ts"]
    assert thanks[-1].args["thread_ts"] == poll.args["thread_ts"] and "anonymously" in text_of(thanks[-1])


async def test_a_scenario_timer_reveals_the_responses_when_it_runs_out(ws: Workspace, fake, platform, clock):
    """With a 10-minute timer, the reveal is posted in the scenario's thread once ten minutes have passed."""
    preview = await ws.say(f"/peer scenario {first_scenario(platform)} timer 10", user="UFAC")
    await ws.press("Start", on=preview, user="UFAC")
    await platform.drain()
    bot, outbox = platform.adapter.bot, platform.adapter.outbox
    assert not bot.tick()
    clock.advance(minutes=10)
    await outbox.send_claimed(bot.tick())
    situation = peerbot_posts(fake)[0]
    reveal = [m for m in peerbot_posts(fake) if m["text"].startswith("Reveal")]
    assert len(reveal) == 1 and reveal[0]["thread_ts"] == situation["ts"]
