"""Slack payloads in, core requests out: the pure `from_*` translations."""
from __future__ import annotations

import slack_payloads as payloads

from adapters.slack import inbound
from adapters.slack.render import to_modal
from bot.messages import Command, Form, FormField, Press, Role, Where, Who

ANA = Who("U1", Role.PARTICIPANT, "ana")


def test_a_slash_command_becomes_a_command_in_its_channel():
    """`/peer task …` in a channel is a Command with the text after /peer, via "command"."""
    command, origin = inbound.from_command(payloads.slash("task driving someone"), ANA)
    assert command == Command("task driving someone", ANA, Where("slack", "T1", "C1", None, False), "command")
    assert origin.trigger_id and origin.response_url and origin.via == "command"


def test_a_slash_command_in_a_direct_message_is_marked_as_a_dm():
    """A slash command typed in a DM is a Command whose place is a DM."""
    command, _ = inbound.from_command(payloads.slash("help", channel="D7", channel_name="directmessage"), ANA)
    assert command.where.is_dm


def test_a_mention_loses_the_bots_name_and_is_answered_in_a_thread():
    """"@peerbot can I …?" becomes "can I …?" via "mention", to be answered under the message."""
    body = payloads.mention("<@UBOT> can I drive someone to the food bank?", ts="1700000100.000100")
    command, origin = inbound.from_mention(body, ANA, "UBOT")
    assert command.text == "can I drive someone to the food bank?" and command.via == "mention"
    assert command.where.thread is None and origin.answer_thread == "1700000100.000100"


def test_a_mention_inside_a_thread_keeps_that_thread():
    """A mention in an existing thread carries the thread, and the answer goes to the same thread."""
    body = payloads.mention("<@UBOT|peerbot>: what is mutuality", ts="5.5", thread_ts="4.4")
    command, origin = inbound.from_mention(body, ANA, "UBOT")
    assert command.text == "what is mutuality" and command.where.thread == "4.4" and origin.answer_thread == "4.4"


def test_only_what_a_person_typed_in_a_dm_counts():
    """Edits, bot messages and empty messages in the DM are not requests; a person's text is."""
    assert inbound.is_person_dm(payloads.dm("what is co-reflection?"))
    assert not inbound.is_person_dm(payloads.dm("edited", subtype="message_changed"))
    assert not inbound.is_person_dm(payloads.dm("my own answer", bot_id="B1"))
    assert not inbound.is_person_dm(payloads.dm("   "))
    command, _ = inbound.from_dm(payloads.dm("what is co-reflection?"), ANA)
    assert command == Command("what is co-reflection?", ANA, Where("slack", "T1", "D1", None, True), "dm")


def test_a_button_press_carries_its_versioned_action():
    """Pressing a button is a Press whose action is the button's value."""
    press, origin = inbound.from_action(payloads.button("v1:why:r1", channel="C1", ephemeral=True), ANA)
    assert press == Press("v1:why:r1", ANA, Where("slack", "T1", "C1", None, False))
    assert origin.ephemeral and origin.message_ts and origin.response_url


def test_a_button_in_app_home_answers_in_the_apps_dm():
    """A press in App Home has no channel, so its answers go to the person's DM with the app."""
    press, origin = inbound.from_action(payloads.button("v1:askform", channel=None), ANA)
    assert press.where.is_dm and press.where.channel == "U1" and origin.from_home


def test_a_modal_submission_brings_back_the_action_the_fields_and_the_channel():
    """Submitting a modal is a Press with the form's submit action, its values, in the channel it was opened from."""
    opened_in = inbound.Origin("C9", "U1", "command", thread_ts="3.3")
    form = Form("Ask peerbot", "v1:asked", (FormField("question", "Your question"),))
    view = to_modal(form, inbound.form_metadata(form.submit, opened_in))
    press, origin = inbound.from_submission(payloads.submission(view, {"question": " can I hug? "}), ANA)
    assert press == Press("v1:asked", ANA, Where("slack", "T1", "C9", "3.3", False), (("question", "can I hug?"),))
    assert origin.channel == "C9" and not origin.from_home


def test_what_slack_escapes_reaches_the_core_as_typed():
    """Slack sends "&" as "&amp;" (and < > likewise); the core sees the characters the person typed."""
    command, _ = inbound.from_command(payloads.slash("task driving &amp; shopping &lt;with her&gt;"), ANA)
    assert command.text == "task driving & shopping <with her>"
    command, _ = inbound.from_dm(payloads.dm("is a hug ok? &amp;c"), ANA)
    assert command.text == "is a hug ok? &c"
