"""Sending the core's replies back to whoever asked, the way Teams people expect.

In a channel, answers go in the post's thread (its reply chain). Teams has no message that only
one person sees, so a `private` reply to something said in a channel or group chat goes to the
person's personal chat with peerbot, its buttons stamped with the channel they act for (`carry`),
and, when they typed a message there, the thread gets a one-line note that the answer is in
personal chat (nothing of what it says; a button press gets no note, so votes stay quiet). A personal
chat is private already. `replace` updates the card the button was on, unless that card is in a
channel and the reply is private. If Teams will not open the personal chat, the thread is told so,
without the private answer.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace as with_

import httpx
from microsoft_teams.api import ApiClient

from adapters.teams import carry
from adapters.teams.inbound import Origin
from adapters.teams.render import Names, to_activities
from adapters.teams.transport import activity_params, personal_chat, retry_after
from bot.messages import Reply, Where

log = logging.getLogger("peerbot.teams")
IN_CHAT = "I've answered you in our personal chat."
NO_CHAT = ("I tried to answer you privately, but Teams wouldn't let me open a chat with you. Send me a message "
           "in a personal chat (find peerbot under Apps) and ask me there.")


ATTEMPTS = 3
LONGEST_WAIT = 10.0  # a person is waiting for this answer: beyond this, give up and log it


def thread_root(conversation: str) -> str:
    return conversation.partition(";messageid=")[2]


class Responder:
    def __init__(self, api: ApiClient, origin: Origin, where: Where, names: Names, secret: bytes, *,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, note: bool = True):
        self.sleep = sleep
        # Someone who typed in the thread waits for an answer there; someone who pressed a button on
        # a channel card (a check-in, a poll) does not, and a note per press would crowd the thread.
        self._noted = not note
        self.api = api
        self.origin = origin
        self.where = where
        self.names = names
        self.secret = secret
        self._chat = ""
        self.sent: list[str] = []  # activity ids, in order (tests and logs)

    async def answer(self, replies: list[Reply]) -> None:
        for reply in replies:
            try:
                await self._one(reply)
            except httpx.HTTPStatusError as e:
                log.error("Teams refused a reply (%s)", e.response.status_code)

    async def _one(self, reply: Reply) -> None:
        origin = self.origin
        activities = to_activities(reply, self.names)
        in_channel = not self.where.is_dm
        if reply.private and in_channel:
            public = origin.thread_conversation if not origin.is_personal else origin.public
            where = self.where if self.where.thread else with_(self.where, thread=thread_root(public) or None)
            activities = [carry.stamp(a, self.secret, where, public) for a in activities]
        card_is_public = not origin.is_personal
        if reply.replace and origin.reply_to_id and not (reply.private and card_is_public):
            await self.api.conversations.update_activity(origin.conversation_id, origin.reply_to_id,
                                                         activity_params(activities.pop(0)))
        if not activities:
            return
        if reply.private and in_channel and not origin.is_personal:
            target = await self._personal_chat()
            if not target:
                await self._send(origin.thread_conversation, {"type": "message", "text": NO_CHAT})
                return
        elif origin.is_personal and (reply.private or not origin.public):
            target = origin.conversation_id
        else:
            target = origin.thread_conversation
        for activity in activities:
            await self._send(target, activity)
        if target == self._chat and not self._noted:
            self._noted = True
            await self._send(origin.thread_conversation, {"type": "message", "text": IN_CHAT})

    async def _personal_chat(self) -> str:
        if not self._chat:
            try:
                self._chat = await personal_chat(self.api, self.origin.user_id, self.origin.tenant_id)
            except httpx.HTTPError as e:
                log.info("could not open a personal chat for a private answer: %s", type(e).__name__)
        return self._chat

    async def _send(self, conversation: str, activity: dict) -> None:
        """Send, waiting out a short 429 or a 5xx (Teams answered, so nothing was posted)."""
        for attempt in range(ATTEMPTS):
            try:
                sent = await self.api.conversations.create_activity(conversation, activity_params(activity))
                self.sent.append(sent.id or "")
                return
            except httpx.HTTPStatusError as e:
                status = e.response.status_code
                wait = retry_after(e.response) if status == 429 else float(2 ** attempt)
                if attempt + 1 == ATTEMPTS or not (status == 429 or status >= 500) or wait > LONGEST_WAIT:
                    raise
                await self.sleep(wait)
