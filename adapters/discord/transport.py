"""Sending the outbox's posts to Discord: the `Transport` the core's `Outbox` delivers through.

A post may render as several messages (long text is split); they go out in order and the first
one's id is the post's reference. Replies under an earlier post (`thread_of`) go in the thread
started from that post's message, which is created when the first reply arrives if it does not
exist yet; a post that invites replies "in the thread" gets its thread straight away. A reference
to a message sent inside a thread is written `thread/message`, so a reply to it finds the thread.

Not sending twice: every message carries a nonce derived from the post's key, which Discord
enforces (`enforce_nonce`), so a retry after a lost response returns the message already made
instead of a new one. After a longer outage or a restart, `find_sent` asks `recall` whether the
post is already out.

Rate limits: discord.py itself waits out a 429 whose wait is under `max_ratelimit_timeout` (30 s)
and sends again; that cannot duplicate, since a 429 means nothing was posted. Longer waits reach
us as `discord.RateLimited`, and a 429 discord.py gives up on as `HTTPException`; both become the
core's `RateLimited`, for the outbox to wait out. 5xx and network failures become `Unavailable`;
403, 404 and other refusals `DeliveryError` (`Refused`, with its reason, where Discord said why:
`refusals`).
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp
import discord

from adapters.discord.components import send_kwargs
from adapters.discord.recall import Recall
from adapters.discord.refusals import reason_for
from adapters.discord.render import Json, headline, thread_name, to_messages
from bot.errors import DeliveryError, RateLimited, Refused, Unavailable
from bot.messages import Post

log = logging.getLogger("peerbot.discord")
T = TypeVar("T")
UNKNOWN_CHANNEL = 10003
THREAD_EXISTS = 160004


def nonce_for(key: str, index: int = 0) -> str:
    """The nonce of the `index`-th message of the post `key`: stable, at most 25 characters."""
    return hashlib.blake2b(f"{key}#{index}".encode(), digest_size=12).hexdigest()


def wants_thread(post: Post) -> bool:
    """A post that asks people to reply in its thread gets one as soon as it is sent."""
    return post.opens_thread


def mapped(error: BaseException) -> DeliveryError:
    """The core's delivery error for what discord.py or the network raised."""
    if isinstance(error, discord.RateLimited):
        return RateLimited(error.retry_after)
    if isinstance(error, discord.HTTPException):
        if error.status == 429:
            return RateLimited(float(error.response.headers.get("Retry-After", 1.0)))
        if error.status >= 500:
            return Unavailable(f"Discord answered {error.status}")
        if (reason := reason_for(error)) is not None:
            return Refused(reason, f"{error.status}, code {error.code}")
        return DeliveryError(f"Discord refused the message: {error.status} (code {error.code})")
    return Unavailable(f"{type(error).__name__}: {error}")


TRANSIENT = (discord.DiscordException, aiohttp.ClientError, asyncio.TimeoutError, OSError)


class DiscordTransport:
    """Logs in over REST on first use when nothing else has, so `peerbot tick` can post without
    a gateway connection; `close` ends that session."""

    min_interval = 1.0  # Discord allows 5 messages per 5 seconds in a channel

    def __init__(self, token: str, client: discord.Client | None = None):
        self.token = token
        self.client = client
        self.recall = Recall()
        self._login = asyncio.Lock()

    def saw(self, message: discord.Message) -> None:
        """The gateway showed us one of our own messages."""
        self.recall.saw(message)

    async def logged_in(self) -> discord.Client:
        client = self.client
        if client is None or client.is_closed():
            raise Unavailable("the Discord client is closed")
        async with self._login:
            if client.user is None:
                try:
                    await client.login(self.token)
                except discord.LoginFailure as e:
                    raise Unavailable(f"Discord refused the token: {e}") from e
        return client

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()

    async def send(self, post: Post, thread_ref: str | None) -> str:
        return await self._guard(lambda: self._send(post, thread_ref))

    async def find_sent(self, post: Post, thread_ref: str | None) -> str | None:
        return await self._guard(lambda: self._find(post, thread_ref))

    async def _guard(self, work: Callable[[], Awaitable[T]]) -> T:
        try:
            await self.logged_in()
            return await work()
        except DeliveryError:
            raise
        except TRANSIENT as e:
            raise mapped(e) from e

    @property
    def _client(self) -> discord.Client:
        assert self.client is not None
        return self.client

    def _messages(self, post: Post) -> list[Json]:
        messages = to_messages(post.reply)
        for m in messages:
            m.pop("flags", None)  # a channel post is never ephemeral
        return messages

    async def _channel(self, target: str) -> int:
        """The channel to post in: a channel id, or "@<user id>" for a direct message to that person."""
        if target.startswith("@"):
            return (await self._client.create_dm(discord.Object(int(target[1:])))).id
        return int(target)

    async def _send(self, post: Post, thread_ref: str | None) -> str:
        channel = await self._channel(post.where.channel)
        thread = int(thread_ref.split("/")[0]) if thread_ref else (int(post.where.thread) if post.where.thread else None)
        reference = None
        ids: list[int] = []
        for i, message in enumerate(self._messages(post)):
            target = thread or channel
            try:
                sent = await self._post(target, message, nonce_for(post.key, i), reference)
            except discord.NotFound as e:
                if not (thread_ref and i == 0 and e.code == UNKNOWN_CHANNEL):
                    raise
                thread, reference = await self._open_thread(post, channel, thread)
                sent = await self._post(thread or channel, message, nonce_for(post.key, i), reference)
            ids.append(sent.id)
        if thread is None and wants_thread(post):
            await self._thread_quietly(post, channel, ids[0])
        return f"{thread}/{ids[0]}" if thread else str(ids[0])

    async def _post(self, channel_id: int, message: Json, nonce: str,
                    reference: discord.MessageReference | None) -> discord.Message:
        kwargs: dict[str, Any] = send_kwargs(message)
        if reference is not None:
            kwargs.update(reference=reference, mention_author=False)
        return await self._client.get_partial_messageable(channel_id).send(**kwargs, nonce=nonce)

    async def _open_thread(self, post: Post, channel: int, parent: int | None
                           ) -> tuple[int | None, discord.MessageReference | None]:
        """The thread to reply in, started from message `parent`; where no thread can be started
        (the parent is itself in a thread), replies quote the parent instead."""
        assert parent is not None
        name = await self._parent_name(channel, parent) or thread_name(headline(post.reply))
        try:
            await self._start_thread(post, channel, parent, name)
        except discord.HTTPException as e:
            if e.code == THREAD_EXISTS:
                return parent, None
            if e.status != 400:
                raise
            log.info("cannot start a thread from message %s (%s); replying to it instead", parent, e.code)
            return None, discord.MessageReference(message_id=parent, channel_id=channel, fail_if_not_exists=False)
        return parent, None

    async def _start_thread(self, post: Post, channel: int, message: int, name: str) -> None:
        # Straight to the route: PartialMessage.create_thread needs the server in discord.py's cache,
        # which `peerbot tick` (no gateway) never fills.
        await self._client.http.start_thread_with_message(channel, message, name=name, auto_archive_duration=1440)

    async def _thread_quietly(self, post: Post, channel: int, message: int) -> None:
        # The message is out; a thread that fails now is started by the first reply instead.
        try:
            await self._start_thread(post, channel, message, thread_name(headline(post.reply)))
        except TRANSIENT as e:
            log.warning("post %s sent, but its thread could not be started yet: %s", post.key, e)

    async def _parent_name(self, channel: int, message: int) -> str:
        try:
            parent = await self._client.get_partial_messageable(channel).fetch_message(message)
        except discord.HTTPException:
            return ""
        title = parent.embeds[0].title if parent.embeds and parent.embeds[0].title else ""
        return thread_name(title or parent.content) if (title or parent.content) else ""

    async def _find(self, post: Post, thread_ref: str | None) -> str | None:
        messages = self._messages(post)
        thread = thread_ref.split("/")[0] if thread_ref else post.where.thread
        ids = self.recall.seen([nonce_for(post.key, i) for i in range(len(messages))])
        if ids[-1] is None:
            where = int(thread) if thread else await self._channel(post.where.channel)
            ids = await self.recall.in_history(self._client, where, messages, post.due_at)
        if ids[0] is None or ids[-1] is None:  # nothing, or only part of the post went out
            return None
        return f"{thread}/{ids[0]}" if thread else str(ids[0])
