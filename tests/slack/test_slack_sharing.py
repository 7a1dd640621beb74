"""Issue 23 on Slack, through the real Bolt app: a question asked with `/peer` in a channel is seen
only by the asker until they press "Share with the channel". U1 and U2 are participants, UADMIN is
a workspace admin."""
from __future__ import annotations

import json

import slack_payloads as payloads
from slack_workspace import Workspace, buttons_of, text_of

from testing.fake_slack import FakeSlack

QUESTION = "/peer task driving someone to the food bank in my turquoise hatchback"
TYPED = ("turquoise", "hatchback")
SHARE = "Share with the channel"


def labels(call) -> list[str]:
    return [b["text"]["text"] for b in buttons_of(call)]


def everything_received(fake: FakeSlack) -> str:
    """Every payload the fake Slack received, as one searchable string."""
    return json.dumps([c.args for c in fake.calls]).lower()


async def share(ws: Workspace, fake: FakeSlack, platform, answer, user: str = "U1", posts: int = 1):
    """Press Share on `answer` and wait until `posts` messages are in the channel and all work is done."""
    done = await ws.press(SHARE, on=answer, user=user)
    await fake.wait_for("chat.postMessage", count=posts)
    await platform.drain()
    return done


async def test_a_slash_command_question_is_answered_only_to_the_asker(ws: Workspace, fake: FakeSlack, platform):
    """`/peer task …` in a channel gets an ephemeral answer for the asker and posts nothing the channel sees."""
    answer = await ws.say(QUESTION, user="U1", channel="C1")
    await platform.drain()
    assert answer.method == "chat.postEphemeral" and answer.args["user"] == "U1" and answer.args["channel"] == "C1"
    assert labels(answer)[-1] == SHARE and "Source:" in text_of(answer)
    assert not fake.called("chat.postMessage") and not fake.messages


async def test_sharing_posts_the_answer_once_with_who_shared_it(ws: Workspace, fake: FakeSlack, platform):
    """Share posts the answer to the channel with "Shared by", and only then replaces the private answer to say so."""
    answer = await ws.say(QUESTION)
    await share(ws, fake, platform, answer)
    [done] = fake.called("response_url")
    assert fake.calls.index(done) > fake.calls.index(fake.called("chat.postMessage")[0])  # after Slack took it
    assert done.args["replace_original"] is True
    assert "Shared with the channel" in text_of(done)
    [post] = fake.called("chat.postMessage")
    assert post.args["channel"] == "C1" and "Shared by <@U1>" in text_of(post)
    assert post.args["blocks"][0]["text"]["text"] == answer.args["blocks"][0]["text"]["text"]  # the same leaning
    assert SHARE not in labels(post)


async def test_a_second_press_posts_nothing_more(ws: Workspace, fake: FakeSlack, platform):
    """Pressing Share again (a double click, an old copy) says it was shared already and posts nothing."""
    answer = await ws.say(QUESTION)
    await share(ws, fake, platform, answer)
    again = await ws.press(SHARE, on=answer)
    await platform.drain()
    assert "already shared" in text_of(again)
    assert len(fake.called("chat.postMessage")) == 1 and len(fake.messages) == 1


async def test_a_participant_can_share_their_own_answer(ws: Workspace, fake: FakeSlack, platform):
    """Sharing needs no role: U2, a participant, shares the answer to their own question."""
    answer = await ws.say("/peer ask what is co-reflection?", user="U2")
    assert answer.method == "chat.postEphemeral" and SHARE in labels(answer)
    await share(ws, fake, platform, answer, user="U2")
    [post] = fake.called("chat.postMessage")
    assert "Shared by <@U2>" in text_of(post) and "co-reflection" in text_of(post).lower()


async def test_nothing_the_person_typed_reaches_slack(ws: Workspace, fake: FakeSlack, platform):
    """The shared post is re-rendered from the ruling: the question's own words are in no payload Slack got."""
    answer = await ws.say(QUESTION)
    await share(ws, fake, platform, answer)
    assert fake.called("chat.postMessage")
    received = everything_received(fake)
    assert not [w for w in TYPED if w in received]


async def test_with_answers_public_an_admin_gets_questions_answered_in_the_open(ws: Workspace, fake: FakeSlack,
                                                                                 platform):
    """After an admin's `/peer answers public`, a slash-command question is answered in the channel."""
    await ws.say("/peer answers public", user="UADMIN")
    answer = await ws.say(QUESTION, user="U1")
    assert answer.method == "chat.postMessage" and answer.args["channel"] == "C1"
    assert SHARE not in labels(answer)


async def test_a_participant_cannot_change_the_setting_and_an_admin_change_is_audited(ws: Workspace, fake, platform):
    """A participant's `/peer answers public` is refused privately; an admin's is in the audit log."""
    refused = await ws.say("/peer answers public", user="U2")
    assert refused.method == "chat.postEphemeral" and "Only admins" in text_of(refused)
    assert (await ws.say(QUESTION, user="U1")).method == "chat.postEphemeral"
    await ws.say("/peer answers public", user="UADMIN")
    log = await ws.say("/peer audit", user="UADMIN")
    assert "<@UADMIN> answers: public" in text_of(log)


async def test_a_mention_still_answers_in_the_thread(ws: Workspace, fake: FakeSlack, platform):
    """"@peerbot can I…?" was written for the channel, so the answer goes in its thread, without Share."""
    answer = await ws.answer_to(ws.event(payloads.mention("<@UBOT> can I drive someone to the food bank?",
                                                          ts="1700000100.000100")))
    assert answer.method == "chat.postMessage" and answer.args["thread_ts"] == "1700000100.000100"
    assert SHARE not in labels(answer)


async def test_privacy_says_who_sees_what(ws: Workspace):
    """`/peer privacy` tells the asker, privately, who sees answers to their questions."""
    reply = await ws.say("/peer privacy", user="U1")
    assert reply.method == "chat.postEphemeral" and "Who sees what" in text_of(reply)


async def test_a_share_slack_refuses_is_reported_and_can_be_tried_again(ws: Workspace, fake: FakeSlack, platform):
    """In a channel peerbot is not in, Share tells the asker privately it could not post; once peerbot is
    added, pressing again shares it."""
    fake.refuse_channels.add("C1")
    answer = await ws.say(QUESTION)  # chat.postEphemeral is refused too: the answer comes by response_url
    await ws.press(SHARE, on=answer)
    note = await fake.wait_until(lambda: [c for c in fake.called("response_url") if "couldn't post" in text_of(c)])
    assert note[0].args["response_type"] == "ephemeral" and not fake.messages
    await platform.drain()
    fake.refuse_channels.clear()
    await share(ws, fake, platform, answer, posts=2)  # the refused attempt was a call too
    assert len(fake.messages) == 1 and "Shared by <@U1>" in fake.messages[0]["text"]
