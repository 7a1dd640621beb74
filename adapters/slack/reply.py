"""Sending the core's replies back to whoever asked, the way Slack people expect.

`private` replies are ephemeral in a channel and plain messages in a DM (which is private already);
replies to a mention, and `in_thread` replies, go in the thread; `form` opens a modal when Slack
gave a trigger (a slash command, a button), else a button that opens it; `replace` updates the
message the button was on. When the bot cannot post where it was asked (a channel it is not in, a
DM between two people), the answer goes through the request's response URL instead, and failing
that to the person's DM with the app, so nobody is left without an answer.
"""
from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.inbound import Origin, form_metadata
from adapters.slack.render import to_messages, to_modal
from adapters.slack.transport import error_code
from bot.messages import Reply

log = logging.getLogger("peerbot.slack")
CANNOT_POST_HERE = {"channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived",
                    "restricted_action", "cannot_dm_bot", "messages_tab_disabled"}


async def answer(client: AsyncWebClient, origin: Origin, replies: list[Reply]) -> None:
    for reply in replies:
        try:
            await answer_one(client, origin, reply)
        except SlackApiError as e:
            log.error("Slack refused a reply in %s: %s", origin.channel, error_code(e))


async def answer_one(client: AsyncWebClient, origin: Origin, reply: Reply) -> None:
    if reply.form is not None and origin.trigger_id:
        try:
            await client.views_open(trigger_id=origin.trigger_id,
                                    view=to_modal(reply.form, form_metadata(reply.form.submit, origin)))
            return
        except SlackApiError as e:  # an expired trigger: offer the form as a button instead
            log.info("could not open a modal (%s); sending a button for it", error_code(e))
    messages = to_messages(reply)
    # A private reply never overwrites a message everyone sees: it comes as a new, private one.
    visible_to_all = not (origin.ephemeral or origin.is_dm)
    if reply.replace and origin.via == "button" and origin.message_ts and not (reply.private and visible_to_all):
        try:
            await _replace(client, origin, messages[0])
            messages = messages[1:]
        except SlackApiError as e:  # the message is gone or cannot be edited: send the update anew
            log.info("could not update the message (%s); sending a new one", error_code(e))
    thread = origin.answer_thread if (reply.in_thread or origin.via == "mention") else origin.thread_ts
    for message in messages:
        await _send(client, origin, reply.private, thread, message)


async def _replace(client: AsyncWebClient, origin: Origin, message: dict[str, Any]) -> None:
    if origin.ephemeral and origin.response_url:  # chat.update cannot touch an ephemeral message
        await AsyncWebhookClient(origin.response_url, session=client.session).send(replace_original=True, **message)
    else:
        await client.chat_update(channel=origin.channel, ts=origin.message_ts, **message)


async def _send(client: AsyncWebClient, origin: Origin, private: bool, thread: str | None,
                message: dict[str, Any]) -> None:
    common = {"unfurl_links": False, "unfurl_media": False}
    try:
        if origin.from_home:
            await client.chat_postMessage(channel=origin.user, **common, **message)
        elif private and not origin.is_dm:
            await client.chat_postEphemeral(channel=origin.channel, user=origin.user, thread_ts=thread, **message)
        else:
            await client.chat_postMessage(channel=origin.channel, thread_ts=thread, **common, **message)
    except SlackApiError as e:
        if error_code(e) not in CANNOT_POST_HERE:
            raise
        if origin.response_url:
            await AsyncWebhookClient(origin.response_url, session=client.session).send(
                response_type="ephemeral" if private else "in_channel", **message)
        elif not origin.from_home:
            await client.chat_postMessage(channel=origin.user, **common, **message)
        else:
            raise
