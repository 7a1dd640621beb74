"""A question asked quietly is answered quietly, and shared only by choice (issue 23), over the real core.

`Chat` speaks as a slash command in a channel; mentions, DMs and the terminal are spelled out.
"""
from __future__ import annotations

from dataclasses import replace

from adapters.console import Console
from bot.messages import Command, Post, Reply, Role, Where
from bot.people.sharing import share_choice
from tests.conftest import SAID, Chat, reopen

# A task question with words of its own that no answer would ever contain.
QUESTION = "/peer task driving someone to the food bank in my turquoise hatchback"
TYPED = ("turquoise", "hatchback")


def shown(message: Reply | Post) -> str:
    """Everything a reader could see of a message: its text, card and buttons."""
    reply = message.reply if isinstance(message, Post) else message
    card = reply.card
    parts = [reply.text, *(c.label for c in reply.choices)]
    if card is not None:
        parts += [card.title, card.body, card.footer, *(f"{f.name} {f.value}" for f in card.fields)]
    return "\n".join(parts)


def said_as(chat: Chat, text: str, via: str, where: Where | None = None) -> list[Reply | Post]:
    SAID.setdefault(chat.bot.settings.db, []).append(text)
    out = list(chat.bot.handle(Command(text, chat.who, where or chat.where, via)).messages)
    chat.log += out
    return out


def labels(reply: Reply) -> list[str]:
    return [c.label for c in reply.choices]


def test_a_slash_command_question_in_a_channel_is_answered_only_to_the_asker(chat: Chat):
    """`/peer task …` in a channel gets a private answer with a Share button, and nothing for the channel."""
    out = chat.say(QUESTION)
    assert len(out) == 1 and isinstance(out[0], Reply)
    # The verdict card: the food bank ruling ("Likely a peer task") or a rides one ("Yes") both lean yes.
    assert out[0].private and out[0].card.title.startswith(("Yes", "Likely"))
    assert labels(out[0])[-1] == "Share with the channel"


def test_a_free_text_question_asked_by_slash_command_is_private_too(chat: Chat):
    """`/peer what is co-reflection?` (routed to ask) is answered privately, and a topic can be shared."""
    [answer] = chat.say("/peer what is co-reflection?")
    assert answer.private and "Share with the channel" in labels(answer)


def test_sharing_posts_the_answer_to_the_channel_with_who_shared_it(chat: Chat):
    """Pressing Share posts the answer to the channel, says who shared it, and updates the private answer."""
    [answer] = chat.say(QUESTION)
    done, post = chat.press("Share with the channel")
    assert done.private and done.replace and "Shared with the channel" in done.text
    assert isinstance(post, Post) and post.where.channel == chat.where.channel and not post.reply.private
    assert post.reply.card.title == answer.card.title and post.reply.card.body.startswith(answer.card.body)
    assert f"Shared by <@{chat.who.user_id}>" in post.reply.text and "Shared by" in post.reply.card.body
    assert "Share with the channel" not in labels(post.reply)


def test_the_shared_post_holds_nothing_the_person_typed(chat: Chat):
    """The shared answer is re-rendered from the ruling: the question's own words are nowhere in it."""
    chat.say(QUESTION)
    _, post = chat.press("Share with the channel")
    assert not [w for w in TYPED if w in shown(post).lower()]


def test_a_second_press_posts_nothing_more(chat: Chat):
    """Sharing is idempotent: the second press says it was already shared and posts nothing."""
    chat.say(QUESTION)
    first = chat.press("Share with the channel")
    [post] = [m for m in first if isinstance(m, Post)]
    assert chat.bot.store.delivery(post.key) is not None  # claimed by the core; the adapter's outbox sends it
    second = chat.press("Share with the channel")
    assert [type(m) for m in second] == [Reply] and "already shared" in second[0].text


def test_a_share_is_still_once_after_a_restart(bot, chat: Chat, settings, clock, catalog):
    """The share's key is claimed in SQLite, so a press after a restart posts nothing more either."""
    chat.say(QUESTION)
    [post] = [m for m in chat.press("Share with the channel") if isinstance(m, Post)]
    assert bot.store.delivery(post.key) is not None
    again = Chat(reopen(bot, settings, clock, catalog), chat.who.user_id)
    again.log = chat.log
    out = again.press("Share with the channel")
    assert not [m for m in out if isinstance(m, Post)] and "already shared" in out[0].text


def test_the_key_names_neither_the_person_nor_the_answer(chat: Chat):
    """The delivery record of a share is a keyed hash: it does not say who asked about what."""
    chat.say(QUESTION)
    [post] = [m for m in chat.press("Share with the channel") if isinstance(m, Post)]
    assert post.key.startswith("share:") and chat.who.user_id not in post.key and "food" not in post.key


def test_the_same_answer_can_be_shared_by_someone_else_or_in_another_channel(chat: Chat):
    """Once is per asker, answer and channel: another person, or another channel, shares their own."""
    chat.say(QUESTION)
    [mine] = [m for m in chat.press("Share with the channel") if isinstance(m, Post)]
    bea = chat.as_("u-bea")
    bea.say(QUESTION)
    [hers] = [m for m in bea.press("Share with the channel") if isinstance(m, Post)]
    elsewhere = Chat(chat.bot, chat.who.user_id, where=replace(chat.where, channel="c-other"))
    elsewhere.say(QUESTION)
    [there] = [m for m in elsewhere.press("Share with the channel") if isinstance(m, Post)]
    assert len({mine.key, hers.key, there.key}) == 3


def test_an_answer_with_nothing_to_share_is_private_without_a_button(chat: Chat):
    """"I don't know that one" is answered privately too, with no Share button."""
    [answer] = chat.say("/peer ask what time is the staff meeting on thursday?")
    assert answer.private and "Share with the channel" not in labels(answer)


def test_a_mention_keeps_answering_in_the_open(chat: Chat):
    """A mention was written for the channel to see, so its answer is public, with no Share button."""
    [answer] = said_as(chat, "can I drive someone to the food bank?", "mention")
    assert not answer.private and "Share with the channel" not in labels(answer)


def test_a_direct_message_is_answered_as_before(chat: Chat):
    """In a DM, already private, the answer is as it always was: no Share button."""
    dm = Where("test", "team", "d-ana", is_dm=True)
    [answer] = said_as(chat, "/peer task driving someone to the food bank", "command", dm)
    assert "Share with the channel" not in labels(answer)


def test_the_terminal_chat_is_private_and_offers_no_share(bot):
    """The terminal has only the person at the keyboard: answers show as they are, with no Share button."""
    lines: list[str] = []
    console = Console(bot, write=lines.append)
    SAID.setdefault(bot.settings.db, []).append("/peer task driving someone to the food bank")
    [answer] = console.say("/peer task driving someone to the food bank")
    assert "Share with the channel" not in labels(answer) and "Share with the channel" not in lines[-1]


def test_crisis_replies_stay_private_and_are_never_shareable(chat: Chat):
    """Someone in crisis gets support privately, and neither it nor the answer after it can be shared."""
    out = chat.say("/peer i want to end my life. can I drive someone to the food bank?")
    assert "not a crisis service" in out[0].text and len(out) == 2  # support first, then the answer
    assert all(isinstance(m, Reply) and m.private for m in out)
    assert not [m for m in out if "Share with the channel" in labels(m)]


def test_facilitator_posts_still_go_to_the_channel(facilitator: Chat):
    """`/peer checkin` is not a question: the check-in is posted to the channel as before."""
    out = facilitator.say("/peer checkin")
    assert [m for m in out if isinstance(m, Post) and m.where.channel == facilitator.where.channel]


# -- the workspace setting ------------------------------------------------------------------------
def test_an_admin_can_have_questions_answered_in_the_open(bot, chat: Chat):
    """After `/peer answers public` by an admin, a slash-command question is answered for the channel."""
    admin = chat.as_("u-ada", Role.ADMIN)
    [done] = admin.say("/peer answers public")
    assert done.private and "whole channel" in done.text
    [answer] = chat.say(QUESTION)
    assert not answer.private and "Share with the channel" not in labels(answer)
    admin.say("/peer answers private")
    assert chat.say(QUESTION)[0].private


def test_a_participant_cannot_change_who_sees_answers(bot, chat: Chat):
    """Only admins change the setting; a participant is told so kindly, and answers stay private."""
    [refused] = chat.say("/peer answers public")
    assert refused.private and "Only admins" in refused.text
    assert bot.store.workspace_answers("test:team") is None
    assert chat.say(QUESTION)[0].private


def test_changing_who_sees_answers_is_in_the_audit_log(bot, chat: Chat):
    """The change is audited with who made it, and an admin reads it with `/peer audit`."""
    admin = chat.as_("u-ada", Role.ADMIN)
    admin.say("/peer answers public")
    [row] = [r for r in bot.store.audit_log("test:team") if r.action == "answers"]
    assert row.actor == "u-ada" and row.detail == "public"
    assert "answers: public" in admin.say("/peer audit")[0].text


def test_an_unknown_setting_is_explained_kindly(chat: Chat):
    """`/peer answers loud` says which two settings there are, and changes nothing."""
    [reply] = chat.as_("u-ada", Role.ADMIN).say("/peer answers loud")
    assert reply.private and "/peer answers private" in reply.text and "/peer answers public" in reply.text
    assert chat.bot.store.workspace_answers("test:team") is None


def test_going_back_to_the_default_region_keeps_the_answers_setting(bot, chat: Chat):
    """The two per-workspace settings live side by side: resetting one leaves the other."""
    admin = chat.as_("u-ada", Role.ADMIN)
    admin.say("/peer answers public")
    admin.say("/peer region UK")
    admin.say("/peer region default")
    assert bot.store.workspace_answers("test:team") == "public" and bot.store.workspace_region("test:team") is None


def test_privacy_says_who_sees_what(chat: Chat):
    """`/peer privacy` says who sees answers, mentions, DMs, crisis lines and facilitator posts."""
    [reply] = chat.say("/peer privacy")
    assert "Who sees what" in reply.text and "only you see my answer" in reply.text
    assert "Mentioning me" in reply.text and "Crisis lines" in reply.text


def test_a_share_the_platform_refused_can_be_tried_again(bot, chat: Chat):
    """If the channel refused the shared post (the bot not a member, say), a later press posts it."""
    chat.say(QUESTION)
    [first] = [m for m in chat.press("Share with the channel") if isinstance(m, Post)]
    bot.store.finish_delivery(first.key, "failed")
    [second] = [m for m in chat.press("Share with the channel") if isinstance(m, Post)]
    assert second.key != first.key and bot.store.delivery(second.key) is not None
    assert "already shared" in chat.press("Share with the channel")[0].text


def test_a_database_from_before_the_setting_upgrades_with_answers_private(tmp_path, clock):
    """Migration m009 adds the setting to an existing database: its region stays, answers start private."""
    import sqlite_utils

    from storage.schema import migrations
    from storage.sqlite import SqliteStore

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m009_workspace_answers")
    old["workspaces"].insert({"workspace": "slack:T1", "region": "UK", "updated_at": "2026-11-01T00:00:00+00:00"})
    old.conn.close()
    store = SqliteStore(path, clock)
    try:
        assert store.workspace_region("slack:T1") == "UK" and store.workspace_answers("slack:T1") is None
        store.set_workspace_answers("slack:T1", "public")
        assert store.workspace_answers("slack:T1") == "public" and store.workspace_region("slack:T1") == "UK"
    finally:
        store.close()


def test_every_answer_in_the_content_fits_a_share_button(catalog):
    """Every ruling, topic and term can be shared: its button id fits Discord's 100 characters."""
    answers = [Reply("", about=f"ruling:{r}") for r in catalog.rulings]
    answers += [Reply("", about=f"item:{i}") for i in [*catalog.topics, *catalog.terms]]
    assert all(len(share_choice(a)) == 1 and len(share_choice(a)[0].action) <= 100 for a in answers)


def test_a_share_button_for_something_unknown_is_answered_kindly(chat: Chat):
    """A Share button of an unknown kind has expired; one whose answer left the content says so."""
    assert "expired" in chat.press_action("v1:share:poem:x")[0].text
    assert "can't find that answer" in chat.press_action("v1:share:ruling:no-such-ruling")[0].text
