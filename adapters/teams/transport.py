"""Sending the outbox's posts to Teams as proactive messages: the `Transport` the core's `Outbox`
delivers through, on the Teams SDK's Bot Connector client.

Each post goes to the conversation reference kept for its channel (`references`), at the service
URL Teams gave for it; a reply under an earlier post (`thread_of`) goes in that post's thread
(`<channel>;messageid=<root>`). A post for "@<user id>" opens that person's personal chat first.

Errors become the core's: 429 is `RateLimited` with Teams' `Retry-After`; 5xx and 412 are
`Unavailable` (Teams answered, and did not post); 403 and 404 mean peerbot was removed from the
team or chat: `DeliveryError`, and a scheduled post's schedule is paused, with a line in the audit
log saying why (`/peer schedules` then shows it paused; `/peer schedule resume N` after adding
peerbot back).

At most once. Teams has no way to ask whether a message went out (no history a bot may read
without consent to every channel message, and no idempotency key), so when that is unclear (a
timeout or a dropped connection after the request left, or a post a crash left claimed) the post
is skipped rather than risk sending it twice: `find_sent` answers `UNCONFIRMED`, which the outbox
records as sent. Only a failure Teams itself answered (429, 5xx) is sent again.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import httpx
from microsoft_teams.api import Account, ApiClient, CreateConversationParams, MessageActivityInput

from adapters.teams.inbound import is_channel
from adapters.teams.references import ConversationBook, Reference
from adapters.teams.render import Names, to_activities
from bot.delivery import reach
from bot.errors import DeliveryError, RateLimited, Refused, Unavailable
from bot.messages import Post

log = logging.getLogger("peerbot.teams")
UNCONFIRMED = "unconfirmed"  # the ref of a post that may or may not have gone out: never resent
SCHEDULED = re.compile(r"^s(\d+):")
REMOVED = {403, 404}
NO_REFERENCE = ("no conversation reference for {channel}: peerbot has not been installed or spoken to there "
                "since the reference table was added")


def retry_after(response: httpx.Response) -> float:
    try:
        return max(float(response.headers.get("Retry-After", "1")), 0.0)
    except ValueError:
        return 1.0


def mapped(error: Exception) -> DeliveryError:
    """The core's delivery error for what the SDK's HTTP client raised."""
    if isinstance(error, httpx.HTTPStatusError):
        status = error.response.status_code
        if status == 429:
            return RateLimited(retry_after(error.response))
        if status >= 500 or status == 412:
            return Unavailable(f"Teams answered {status}")
        if status in (401, 403):  # the bot is no longer in the team or chat (or may not post there)
            return Refused(reach.NOT_IN_CHANNEL, f"Teams answered {status}")
        if status == 404:
            return Refused(reach.GONE, "Teams answered 404")
        return DeliveryError(f"Teams refused the message: {status}")
    return Unavailable(f"Teams unreachable: {type(error).__name__}")


def activity_params(activity: dict) -> MessageActivityInput:
    return MessageActivityInput.model_validate(activity)


async def personal_chat(api: ApiClient, user_id: str, tenant_id: str) -> str:
    """The id of the personal chat between peerbot and a person (Teams returns the existing one)."""
    params = CreateConversationParams(members=[Account(id=user_id)], tenant_id=tenant_id or None, is_group=False)
    return (await api.conversations.create(params)).id


class TeamsTransport:
    min_interval = 1.0  # Teams allows about one message per second per conversation

    def __init__(self, api: Callable[[str], ApiClient], book: ConversationBook, store: Any,
                 names: Names = lambda _id: ""):
        self.api = api  # service URL -> the SDK's API client for it
        self.book = book
        self.store = store
        self.names = names
        self._answered: set[str] = set()  # keys whose last failure Teams answered (so nothing was posted)

    async def send(self, post: Post, thread_ref: str | None) -> str:
        self._answered.discard(post.key)
        try:
            return await self._send(post, thread_ref)
        except DeliveryError:
            raise
        except httpx.HTTPStatusError as e:
            self._answered.add(post.key)
            if e.response.status_code in REMOVED:
                self._removed(post, e.response.status_code)
            raise mapped(e) from e
        except (httpx.HTTPError, OSError) as e:
            raise mapped(e) from e

    async def find_sent(self, post: Post, thread_ref: str | None) -> str | None:
        if post.key in self._answered:
            return None  # Teams said no last time: nothing went out, send it again
        log.warning("post %s may or may not have reached Teams, which cannot be asked; skipping it "
                    "(at most once)", post.key)
        return UNCONFIRMED

    async def _send(self, post: Post, thread_ref: str | None) -> str:
        ref = await self._reference(post)
        api = self.api(ref.service_url)
        conversation = ref.conversation_id
        root = thread_ref if thread_ref and thread_ref != UNCONFIRMED else post.where.thread
        if root and root.isdigit() and is_channel(conversation):  # group chats have no threads
            conversation = f"{conversation};messageid={root}"
        first = ""
        for activity in to_activities(post.reply, self.names):
            sent = await api.conversations.create_activity(conversation, activity_params(activity))
            first = first or (sent.id or "")
        return first

    async def _reference(self, post: Post) -> Reference:
        if post.where.channel.startswith("@"):  # a person: their personal chat, opened in the tenant
            known = (self.book.any_in_tenant(post.where.workspace.replace("~", ":"))
                     or self.book.any_in_team(post.where.workspace))
            if known is None:
                raise DeliveryError("no Teams service URL known for this tenant yet")
            api = self.api(known.service_url)
            chat = await personal_chat(api, post.where.channel[1:], known.tenant_id)
            return Reference(chat, known.service_url, known.tenant_id)
        ref = self.book.get(post.where.channel_key)
        if ref is None:
            raise DeliveryError(NO_REFERENCE.format(channel=post.where.channel_key))
        return ref

    def _removed(self, post: Post, status: int) -> None:
        """Teams refused for good: peerbot is no longer in that team or chat. A schedule stops
        posting there until someone resumes it, and the audit log says why."""
        match = SCHEDULED.match(post.key)
        if not match:
            return
        sid = int(match[1])
        row = self.store.schedule(sid)
        if row is None or row.paused:
            return
        self.store.update_schedule(sid, paused=True)
        workspace = f"{post.where.platform}:{post.where.workspace}"
        self.store.audit(workspace, "peerbot", "schedule paused",
                         f"#{sid}: Teams refused the post ({status}); peerbot may have been removed from the "
                         f"conversation. Add it back, then /peer schedule resume {sid}.")
        log.warning("schedule %s paused: Teams refused its post with %s (peerbot removed?)", sid, status)
