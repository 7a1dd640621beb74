"""Slack's reasons for not posting, as the core's (`bot.delivery.reach`), and a look before posting.

Slack answers a refused `chat.postMessage` with an error code (api.slack.com/methods/chat.postMessage,
"Errors"): `not_in_channel` (the normal state right after install, since peerbot asks for no
`chat:write.public`), `channel_not_found` (deleted, or private without peerbot in it), `is_archived`,
and the `restricted_action*` family (a channel where only some may post). `can_post` asks
`conversations.info` (scopes `channels:read`, `groups:read`) whether peerbot is a member, so a
schedule made in a channel it is not in is warned about at once instead of failing every week.
"""
from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import reach

log = logging.getLogger("peerbot.slack")
REASONS = {"not_in_channel": reach.NOT_IN_CHANNEL, "channel_not_found": reach.GONE,
           "is_archived": reach.ARCHIVED, "restricted_action": reach.NO_ACCESS,
           "restricted_action_read_only_channel": reach.NO_ACCESS,
           "restricted_action_thread_only_channel": reach.NO_ACCESS,
           "restricted_action_non_threadable_channel": reach.NO_ACCESS, "ekm_access_denied": reach.NO_ACCESS}


def reason_for(error: str) -> str | None:
    """The core's reason for a Slack error code; None when it is not about where the bot may post."""
    return REASONS.get(error)


async def can_post(client: AsyncWebClient, channel: str) -> str | None:
    """None when peerbot may post in `channel` (or it cannot tell), else the reason it may not."""
    if not channel or channel[0] not in "CG":  # a DM or a person: nothing to join
        return None
    try:
        info = (await client.conversations_info(channel=channel))["channel"]
    except SlackApiError as e:
        error = e.response.data.get("error", "") if isinstance(e.response.data, dict) else ""
        if error == "channel_not_found":  # private without peerbot in it, or deleted
            return reach.GONE
        log.info("could not look at channel %s before posting (%s)", channel, error or e.response.status_code)
        return None
    except Exception as e:  # noqa: BLE001 - a check that cannot run must not stop what was asked
        log.info("could not look at channel %s before posting (%s)", channel, type(e).__name__)
        return None
    if info.get("is_archived"):
        return reach.ARCHIVED
    if info.get("is_member") is False:
        return reach.NOT_IN_CHANNEL
    return None
