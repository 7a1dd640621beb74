"""Issue 23 on Discord, through the real discord.py code: a question asked with `/peer` in a server
channel is seen only by the asker (an ephemeral interaction response) until they press "Share with
the channel". ANA is a participant, ADMIN a server administrator."""
from __future__ import annotations

import copy
import json

from testing import discord_payloads as P
from testing.fake_discord import BOT_ID, GENERAL, Channel

TYPED = ("turquoise", "hatchback")
QUESTION = "driving someone to the food bank in my turquoise hatchback"
SHARE = "Share with the channel"


def labels(message: dict) -> list[str]:
    return [b["label"] for row in message.get("components") or [] for b in row["components"]]


def visible_to_others(fake, channel: int = GENERAL) -> list[dict]:
    """Messages in the channel that are not ephemeral: what anyone else there could read."""
    return [m for m in fake.channels[channel].messages if not m["flags"] & 64]


def shown(message: dict) -> str:
    return " ".join([message.get("content") or ""] + [f"{e.get('title', '')} {e.get('description', '')}"
                                                      for e in message.get("embeds") or []])


async def ask_then_share(chat, fake, who: int = P.ANA, sub: str = "task", text: str = QUESTION) -> tuple[dict, dict]:
    """Ask, press Share on the private answer; returns (a copy of the private answer, the press response)."""
    await chat.slash(sub, text, who=who)
    answer = copy.deepcopy(fake.original(chat.last))  # the press edits it in place
    response = await chat.press(answer, SHARE, who=who)
    await fake.wait_for(lambda: fake.channel_posts(GENERAL))
    return answer, response


async def test_a_slash_command_question_is_answered_only_to_the_asker(start_peerbot, chat, fake):
    """`/peer task …` in a channel gets an ephemeral answer with Share, and nothing anyone else can see."""
    await start_peerbot()
    response = await chat.slash("task", QUESTION)
    assert response["type"] == 4 and response["data"]["flags"] == 64
    assert SHARE in labels(response["data"])
    assert not visible_to_others(fake) and not fake.requests("POST", r"^/channels/\d+/messages$")


async def test_sharing_posts_the_answer_once_with_who_shared_it(start_peerbot, chat, fake):
    """Share posts the answer, "Shared by" the asker, and only once Discord took it edits the private answer
    to say it was shared."""
    await start_peerbot()
    answer, response = await ask_then_share(chat, fake)
    assert response["type"] == 6  # nothing said yet: the post is on its way
    token = chat.last["token"]
    [edit] = await fake.wait_for(lambda: fake.requests("PATCH", f"/webhooks/\\d+/{token}/messages/@original"))
    assert "Shared with the channel" in shown(edit.json)
    [post] = fake.channel_posts(GENERAL)
    assert post["embeds"][0]["title"] == answer["embeds"][0]["title"]
    assert f"Shared by <@{P.ANA}>" in post["embeds"][0]["description"]
    assert SHARE not in labels(post) and post["allowed_mentions"] == {"parse": []}


async def test_a_second_press_posts_nothing_more(start_peerbot, chat, fake):
    """Pressing Share again on the same answer says it was shared already; the channel still has one post."""
    await start_peerbot()
    answer, _ = await ask_then_share(chat, fake)
    again = await chat.press(answer, SHARE)
    # The core answers a repeat with this alone (no post for the outbox), whose claim would refuse one anyway.
    assert "already shared" in shown(again["data"])
    assert len(fake.channel_posts(GENERAL)) == 1
    assert len(fake.requests("POST", f"^/channels/{GENERAL}/messages$")) == 1


async def test_a_participant_can_share_their_own_answer(start_peerbot, chat, fake):
    """Sharing needs no role: a participant shares the answer to their own question about a word."""
    await start_peerbot()
    await ask_then_share(chat, fake, who=P.ANA, sub="ask", text="what is co-reflection?")
    [post] = fake.channel_posts(GENERAL)
    assert f"<@{P.ANA}>" in post["embeds"][0]["description"] and "co-reflection" in shown(post).lower()


async def test_nothing_the_person_typed_reaches_discord(start_peerbot, chat, fake):
    """The shared post is re-rendered from the ruling: the question's own words are in nothing Discord got."""
    await start_peerbot()
    await ask_then_share(chat, fake)
    received = json.dumps([c.body for c in fake.calls]).lower()
    assert fake.channel_posts(GENERAL) and not [w for w in TYPED if w in received]


async def test_with_answers_public_questions_are_answered_in_the_open(start_peerbot, chat, fake):
    """After an admin's `/peer answers public`, a slash-command question is answered for the channel."""
    await start_peerbot()
    await chat.slash("answers", "public", who=P.ADMIN)
    response = await chat.slash("task", QUESTION)
    assert response["type"] == 4 and not response["data"].get("flags")
    assert SHARE not in labels(response["data"])


async def test_a_participant_cannot_change_the_setting_and_an_admin_change_is_audited(start_peerbot, chat, fake):
    """A participant's `/peer answers public` is refused privately; an admin's shows in `/peer audit`."""
    await start_peerbot()
    refused = await chat.slash("answers", "public", who=P.ANA)
    assert refused["data"]["flags"] == 64 and "Only admins" in shown(refused["data"])
    assert (await chat.slash("task", QUESTION))["data"]["flags"] == 64
    await chat.slash("answers", "public", who=P.ADMIN)
    log = await chat.slash("audit", who=P.ADMIN)
    assert f"<@{P.ADMIN}> answers: public" in shown(log["data"])


async def test_a_mention_still_answers_in_place(start_peerbot, fake):
    """"@peerbot can I…?" was written for the channel: answered there, as a reply, without Share."""
    await start_peerbot()
    payload = P.channel_message(f"<@{BOT_ID}> can I drive someone to the food bank?")
    await fake.dispatch("MESSAGE_CREATE", payload)
    call = await fake.wait_for(lambda: next(iter(fake.requests("POST", f"^/channels/{GENERAL}/messages$")), None))
    assert str(call.json["message_reference"]["message_id"]) == payload["id"]
    assert call.json["embeds"][0]["title"] and SHARE not in labels(call.json)


async def test_a_share_discord_refuses_is_reported_and_can_be_tried_again(start_peerbot, chat, fake):
    """Where peerbot may not post, Share tells the asker privately; once it may, pressing again shares it."""
    await start_peerbot()
    fake.script("POST", f"^/channels/{GENERAL}/messages$", 403, {"code": 50001, "message": "Missing Access"})
    await chat.slash("task", QUESTION)
    answer = copy.deepcopy(fake.original(chat.last))
    await chat.press(answer, SHARE)
    [note] = await chat.followups()
    assert note["flags"] == 64 and "couldn't post" in note["content"] and not visible_to_others(fake)
    await chat.press(answer, SHARE)
    [post] = await fake.wait_for(lambda: fake.channel_posts(GENERAL))
    assert f"Shared by <@{P.ANA}>" in post["embeds"][0]["description"]


async def test_a_question_asked_in_a_thread_is_shared_in_that_thread(start_peerbot, chat, fake):
    """Asked with /peer inside a thread, the answer is shared to that thread, not to its parent channel."""
    await start_peerbot()
    thread = 811000000000000001
    fake.channels[thread] = Channel(thread, type=11, name="a thread", parent_id=GENERAL)
    await chat.slash("task", QUESTION, channel=thread, thread_of=GENERAL)
    answer = copy.deepcopy(fake.original(chat.last))
    await chat.press(answer, SHARE, thread_of=GENERAL)
    [post] = await fake.wait_for(lambda: fake.channel_posts(thread))
    assert f"Shared by <@{P.ANA}>" in post["embeds"][0]["description"] and not fake.channel_posts(GENERAL)
