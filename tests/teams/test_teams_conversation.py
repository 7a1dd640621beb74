"""Every core feature, end to end through the real Teams SDK: activities posted to peerbot's
endpoint, answers and posts read back from the fake Bot Connector. Ana is a participant, Farah is
in the facilitator group, Owen owns the team."""
from __future__ import annotations

import teams_payloads as P

from bot.router import COMMANDS
from testing.fake_teams import GENERAL, GROUP_CHAT, buttons_of, conversation_of, text_of
from tests.teams.conftest import find


def in_thread(activity: dict) -> bool:
    return ";messageid=" in activity["conversation"]["id"]


def personal(activity: dict) -> bool:
    return activity["conversation"]["id"].startswith("a:personal-")


def first_scenario(platform) -> str:
    """A scenario chosen by id, so a run is the same every time."""
    return sorted(platform.bot.catalog.scenarios)[0]


# -- questions -------------------------------------------------------------------------------
async def test_a_task_question_in_a_channel_is_answered_in_personal_chat_with_share(start_peerbot, chat, fake):
    """`@peerbot task …` in a channel gets its leaning card in the asker's personal chat, with Share; the
    thread only hears that the answer is there."""
    chat.platform = await start_peerbot()
    out = await chat.mention("task driving someone to an appointment")
    answer = find(out, "Source")
    assert personal(answer) and "Share with the channel" in buttons_of(answer)
    note = find(out, "personal chat")
    assert in_thread(note) and "appointment" not in text_of(note)


async def test_sharing_posts_the_answer_in_the_thread_once(start_peerbot, chat, fake):
    """Pressing Share (in personal chat) posts the answer in the question's thread, with the sharer's name, once."""
    chat.platform = await start_peerbot()
    out = await chat.mention("task driving someone to an appointment")
    answer = find(out, "Source")
    shared = await chat.press(answer, "Share with the channel")
    post = find(shared, "Shared by")
    assert in_thread(post) and conversation_of_post(post).startswith(GENERAL)
    assert "Ana Ortiz" in text_of(post)
    again = await chat.press(answer, "Share with the channel")
    assert not [a for a in again if in_thread(a)] and "already shared" in " ".join(map(text_of, again))


def conversation_of_post(activity: dict) -> str:
    return activity["conversation"]["id"]


async def test_a_question_in_personal_chat_is_answered_there_without_share(start_peerbot, chat, fake):
    """In personal chat the answer comes as it is: private already, nothing to share it with."""
    chat.platform = await start_peerbot()
    out = await chat.personal("is it ok to grab a coffee with someone I support?")
    assert out and all(personal(a) for a in out)
    assert "Share with the channel" not in buttons_of(out[-1])


async def test_a_guided_check_can_be_pressed_through_to_a_leaning(start_peerbot, chat, fake):
    """`check` asks one question at a time on cards in personal chat; pressing an answer each time ends in a leaning."""
    chat.platform = await start_peerbot()
    step = (await chat.personal("check driving someone to a job interview"))[-1]
    assert "About: driving someone to a job interview" in text_of(step)
    for _ in range(20):
        if "Stop" not in buttons_of(step):
            break
        step = (await chat.press(step, next(iter(buttons_of(step)))))[-1]
    assert "Stop" not in buttons_of(step) and "Source:" in text_of(step) and personal(step)


async def test_topics_list_and_open_one_on_a_press(start_peerbot, chat, fake):
    """`topics` lists what peerbot knows as buttons; pressing one shows that topic with its source."""
    chat.platform = await start_peerbot()
    listed = (await chat.personal("topics"))[-1]
    first = next(label for label in buttons_of(listed) if label)
    shown = (await chat.press(listed, first))[-1]
    assert "Source" in text_of(shown) or "source" in text_of(shown)


# -- roles -----------------------------------------------------------------------------------
async def test_a_team_owner_is_an_admin_and_can_see_the_audit_log(start_peerbot, chat, fake):
    """Owen owns the team (Graph says so): `audit` answers him, privately."""
    chat.platform = await start_peerbot()
    out = await chat.as_(P.OWEN).mention("audit")
    assert "Only admins" not in " ".join(map(text_of, out)) and all(personal(a) or "personal chat" in text_of(a)
                                                                     for a in out)


async def test_a_participant_cannot_start_a_scenario(start_peerbot, chat, fake):
    """Only facilitators start scenarios; Ana is told so privately and nothing is posted."""
    chat.platform = await start_peerbot()
    out = await chat.mention("scenario")
    assert "Only facilitators" in text_of(find(out, "Only facilitators"))
    assert not [a for a in out if in_thread(a) and "Only" in text_of(a)]


# -- posts, schedules, check-ins -------------------------------------------------------------
async def test_a_checkin_is_posted_to_the_channel_and_counts_presses_anonymously(start_peerbot, chat, fake):
    """Farah's `checkin` posts a check-in card to the channel; Ana's press updates that card and thanks her privately."""
    chat.platform = await start_peerbot()
    await chat.as_(P.FARAH).mention("checkin")
    # The check-in card is the post in the channel itself; "Posted …" follows in the thread once it went out.
    post = next(p for p in reversed(fake.posted()) if conversation_of(p) == GENERAL)
    checkin = {**post.json, "conversation": {"id": conversation_of(post)}, "id": list(fake.sent)[-1]}
    assert conversation_of(post) == GENERAL
    label = next(iter(buttons_of(checkin)))
    out = await chat.press(checkin, label)
    assert any(u.path.endswith(checkin["id"]) for u in fake.updates())
    assert "anonymously" in " ".join(map(text_of, out))


async def test_a_schedule_made_in_teams_posts_to_the_channel_when_due(start_peerbot, chat, fake, clock):
    """A weekly reflection set up in a channel is posted there, once, with the kept conversation reference."""
    platform = await start_peerbot()
    chat.platform = platform
    out = await chat.as_(P.FARAH).mention("schedule reflection every monday 10:00")
    assert "Scheduled #1" in " ".join(map(text_of, out))
    clock.advance(hours=3, minutes=1)  # Monday 15:01 UTC is 10:01 in Toronto
    due = platform.bot.tick()
    assert len(due) == 1 and not platform.bot.tick()
    before = len(fake.calls)
    await platform.adapter.outbox.send_claimed(due)
    [post] = fake.posted(before)
    assert conversation_of(post) == GENERAL and post.json["summary"].startswith("Co-reflection")


async def test_a_schedule_form_makes_a_schedule(start_peerbot, chat, fake):
    """`schedule` alone gives a facilitator a card form; submitting it schedules posts for the channel."""
    chat.platform = await start_peerbot()
    out = await chat.as_(P.FARAH).mention("schedule")
    form = next(a for a in out if "Submit" in buttons_of(a))
    inputs = [i["id"] for i in form["attachments"][0]["content"]["body"] if i.get("type") == "Input.Text"]
    assert inputs
    values = {i: "" for i in inputs}
    values[inputs[0]] = "reflection every monday 10:00" if len(inputs) == 1 else values[inputs[0]]
    if len(inputs) > 1:
        values = dict(zip(inputs, ["reflection", "every monday 10:00"] + [""] * len(inputs), strict=False))
    made = await chat.as_(P.FARAH).press(form, "Submit", values)
    assert "Scheduled #1" in " ".join(map(text_of, made))


# -- scenarios -------------------------------------------------------------------------------
async def test_a_scenario_runs_from_preview_through_poll_to_reveal(start_peerbot, chat, fake):
    """Farah previews a scenario privately, starts it (the situation in the channel, the rest in its
    thread), Ana votes in the anonymous poll, and Reveal posts the responses in the same thread."""
    platform = await start_peerbot()
    chat.platform = platform
    farah = chat.as_(P.FARAH)
    out = await farah.mention(f"scenario {first_scenario(platform)} no timer")
    preview = next(a for a in out if "Start" in buttons_of(a))
    assert personal(preview) and list(buttons_of(preview)) == ["Start", "Another one", "Cancel"]
    before = len(fake.calls)
    started = await farah.press(preview, "Start")
    controls = next(a for a in started if "Reveal" in buttons_of(a))
    assert list(buttons_of(controls)) == ["Reveal", "Pause", "End"]
    posts = fake.posted(before)
    situation = posts[0]
    assert conversation_of(situation) == GENERAL
    root = next(aid for aid, a in fake.sent.items() if a["conversation"]["id"] == GENERAL)
    threaded = [p for p in posts[1:] if conversation_of(p).startswith(GENERAL)]
    assert threaded and all(conversation_of(p) == f"{GENERAL};messageid={root}" for p in threaded)

    poll_id, poll = next((aid, a) for aid, a in fake.sent.items() if "Poll" in text_of(a))
    voted = await chat.press({**poll, "id": poll_id}, next(iter(buttons_of(poll))))
    assert "anonymously" in " ".join(map(text_of, voted))
    assert any(u.path.endswith(poll_id) for u in fake.updates())

    before = len(fake.calls)
    await farah.press(controls, "Reveal")
    reveal = [p for p in fake.posted(before) if conversation_of(p).startswith(GENERAL)]
    assert reveal and all(conversation_of(p) == f"{GENERAL};messageid={root}" for p in reveal)


async def test_scenario_pause_and_end_are_buttons_too(start_peerbot, chat, fake):
    """Pause and End on the controls card answer the facilitator and end the run."""
    platform = await start_peerbot()
    chat.platform = platform
    farah = chat.as_(P.FARAH)
    out = await farah.mention(f"scenario {first_scenario(platform)} timer 10")
    preview = next(a for a in out if "Start" in buttons_of(a))
    controls = next(a for a in await farah.press(preview, "Start") if "Pause" in buttons_of(a))
    paused = await farah.press(controls, "Pause")
    assert "something went wrong" not in " ".join(map(text_of, paused)).lower()
    card = next((a for a in paused if "End" in buttons_of(a)), controls)
    ended = await farah.press(card, "End")
    assert "something went wrong" not in " ".join(map(text_of, ended)).lower()


# -- safety and privacy ----------------------------------------------------------------------
async def test_a_crisis_mention_in_a_channel_is_answered_in_personal_chat(start_peerbot, chat, fake):
    """A mention that sounds like a crisis gets the crisis reply in personal chat; the thread gets
    only a neutral note, never the lines or the words."""
    chat.platform = await start_peerbot()
    out = await chat.mention("I want to kill myself")
    crisis = [a for a in out if personal(a)]
    assert crisis and any("988" in text_of(a) or "crisis" in text_of(a).lower() for a in crisis)
    public = [a for a in out if not personal(a)]
    assert all("kill" not in text_of(a) and "988" not in text_of(a) for a in public)


async def test_forget_me_shows_what_is_kept_and_deletes_it_on_confirm(start_peerbot, chat, fake):
    """With a guided check half done, `forget me` in personal chat lists what is kept in Ana's name and,
    once she confirms, deletes it."""
    chat.platform = await start_peerbot()
    farah = chat
    await farah.personal("check driving someone to a job interview")
    shown = (await farah.personal("forget me"))[-1]
    confirm = [label for label in buttons_of(shown) if label.lower() != "cancel" and "keep" not in label.lower()]
    assert confirm, text_of(shown)
    done = await farah.press(shown, confirm[0])
    assert "something went wrong" not in " ".join(map(text_of, done)).lower() and done
    again = (await farah.personal("forget me"))[-1]
    assert "I keep nothing about you" in text_of(again)


async def test_every_command_answers_through_teams(start_peerbot, chat, fake, clock):
    """Each command in the core's COMMANDS table answers through Teams, and none hits a bug's apology."""
    chat.platform = await start_peerbot()
    owen = chat.as_(P.OWEN)
    for verb in sorted(COMMANDS):
        clock.advance(minutes=1)
        out = await owen.mention(verb.replace("-", " "))
        said = " ".join(map(text_of, out))
        assert out and "something went wrong" not in said, f"{verb}: {said[:200]}"


async def test_a_group_chat_mention_is_answered_in_the_chat(start_peerbot, chat, fake):
    """In a group chat, `@peerbot topics` (private) goes to personal chat and `help` too; the chat gets a note."""
    chat.platform = await start_peerbot()
    out = await chat.group("privacy", GROUP_CHAT)
    assert out and any(conversation_of_post(a) == GROUP_CHAT for a in out)


async def test_a_team_owner_adds_a_facilitator_by_mention_who_can_then_post_a_checkin(start_peerbot, chat, fake):
    """Owen (an owner) mentions Ana in `facilitators add`; Ana's `checkin` then posts to the channel."""
    chat.platform = await start_peerbot()
    activity = P.mention(fake.url, "facilitators add <at>Ana Ortiz</at>", who=P.OWEN)
    activity["entities"].append({"type": "mention", "text": "<at>Ana Ortiz</at>",
                                 "mentioned": {"id": P.ANA[0], "name": P.ANA[2]}})
    added = await chat.send(activity)
    assert "Ana Ortiz" in " ".join(map(text_of, added))  # the core's <@id> shown as a Teams mention
    before = len(fake.calls)
    await chat.mention("checkin")
    assert [c for c in fake.posted(before) if conversation_of(c) == GENERAL]


async def test_privacy_says_how_teams_answers_questions(start_peerbot, chat, fake):
    """`privacy` in Teams says a question asked in a channel is answered in personal chat, with Share."""
    chat.platform = await start_peerbot()
    said = " ".join(map(text_of, await chat.personal("privacy")))
    assert "our personal chat" in said and "Share with the channel" in said


async def test_let_the_contact_know_reaches_a_teams_person_by_personal_chat(start_peerbot, chat, fake, teams_settings):
    """With the contact set to a Teams person, the crisis reply offers "Let … know", and pressing it
    opens that person's personal chat and tells them who asked, never what was written."""
    teams_settings.support_contact = "teams:@29:on-call-supervisor"
    chat.platform = await start_peerbot()
    out = await chat.mention("I want to kill myself")
    offer = next(a for a in out if personal(a) and any("know" in label for label in buttons_of(a)))
    label = next(label for label in buttons_of(offer) if "know" in label)
    before = len(fake.calls)
    await chat.press(offer, label)
    await fake.wait_for(lambda: any(c.path == "/v3/conversations" for c in fake.calls[before:]))
    opened = next(c for c in fake.calls[before:] if c.path == "/v3/conversations")
    assert opened.json["members"][0]["id"] == "29:on-call-supervisor"
    told = await fake.wait_for(lambda: [c for c in fake.posted() if "personal-29:on-call-supervisor" in c.path])
    assert "could use some support" in text_of(told[-1].json) and "kill" not in text_of(told[-1].json)
