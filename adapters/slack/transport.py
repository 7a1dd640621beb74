"""The outbox's way into Slack: `chat.postMessage` for posts, history for "did it go out?".

Slack errors become the core's: 429 is `RateLimited` with Slack's `Retry-After`; 5xx, timeouts,
dropped connections and Slack's own transient errors are `Unavailable`; anything else is a
permanent `DeliveryError`, a `Refused` with its reason when Slack said why (`refusals`). The
client given here must have no retry handlers of its own (see `quiet_client`), so the outbox
alone decides whether to send again and a post is never doubled.

In multi-workspace mode (Slack's OAuth install, `adapters.slack.installs`) every call carries the
bot token of the workspace the post goes to (`TokenBook`); a workspace that uninstalled peerbot has
none, and its posts fail as refused rather than go out with another workspace's token.

Each post carries its key as message metadata (`peerbot_post`), which `find_sent` looks for in
the channel's history (or the thread's replies) after a failure that leaves it unclear whether
Slack took the message. A post too long for one message goes out as several; if a later part
fails, the retry resumes after the parts already sent.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.http_session import SharedSession
from adapters.slack.refusals import reason_for
from adapters.slack.render import to_messages
from bot.errors import DeliveryError, RateLimited, Refused, Unavailable
from bot.messages import Post

if TYPE_CHECKING:
    from adapters.slack.installs import TokenBook

EVENT_TYPE = "peerbot_post"
TRANSIENT = {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"}


def quiet_client(token: str | None, **kwargs: Any) -> AsyncWebClient:
    """A Web API client that never retries by itself."""
    return AsyncWebClient(token=token, retry_handlers=[], **kwargs)


def _header(headers: Any, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value[0] if isinstance(value, list) else value
    return None


def error_code(e: SlackApiError) -> str:
    """Slack's error code (`channel_not_found`…), or "" when the answer was not Slack's JSON."""
    data = e.response.data if e.response is not None else None
    return data.get("error", "") if isinstance(data, dict) else ""


async def call(method: Callable[..., Awaitable[Any]], **kwargs: Any) -> Any:
    """Call the Web API, translating Slack's failures into the core's error tree."""
    try:
        return await method(**kwargs)
    except SlackApiError as e:
        status, error = e.response.status_code, error_code(e)
        if status == 429:
            raise RateLimited(float(_header(e.response.headers, "Retry-After") or 1)) from e
        if status >= 500 or error in TRANSIENT:
            raise Unavailable(f"Slack {status} {error}".strip()) from e
        if (reason := reason_for(error)) is not None:
            raise Refused(reason, error) from e
        raise DeliveryError(f"Slack refused the message: {error or status}") from e
    except (TimeoutError, aiohttp.ClientError, OSError) as e:
        raise Unavailable(f"Slack unreachable: {type(e).__name__}") from e


class SlackTransport:
    min_interval = 1.0  # Slack allows about one message per second per channel

    def __init__(self, client: AsyncWebClient, *, history_limit: int = 100, http: SharedSession | None = None,
                 tokens: "TokenBook | None" = None):
        self.client = client
        self.tokens = tokens  # None: the client's own token (single-workspace mode)
        self.history_limit = history_limit
        self.http = http  # the platform's one session, opened on first use (lazily for `peerbot tick`)
        self._parts_sent: dict[str, tuple[str, int]] = {}  # key -> (first ts, parts already out)

    def _attach(self) -> None:
        if self.http is not None:
            self.client.session = self.http.get()

    async def aclose(self) -> None:
        """Close the HTTP session (`peerbot tick` calls this when it has delivered)."""
        if self.http is not None:
            await self.http.close()

    async def _token(self, post: Post) -> dict[str, str]:
        """The token argument for a call about `post`: none (the client's own) in single-workspace mode."""
        if self.tokens is None:
            return {}
        token = await self.tokens.token_for(post.where.workspace)
        if not token:
            raise DeliveryError("peerbot is not installed in that Slack workspace (any more)")
        return {"token": token}

    async def send(self, post: Post, thread_ref: str | None) -> str:
        self._attach()
        token = await self._token(post)
        messages = to_messages(post.reply)
        first, done = self._parts_sent.get(post.key, ("", 0))
        for n, message in enumerate(messages[done:], start=done):
            payload = {"event_type": EVENT_TYPE, "event_payload": {"key": post.key, "part": n + 1}}
            channel = post.where.channel.lstrip("@")  # "@U123": a direct message (Slack takes a user id)
            response = await call(self.client.chat_postMessage, **token, channel=channel, thread_ts=thread_ref,
                                  metadata=payload, unfurl_links=False, unfurl_media=False, **message)
            first = first or response["ts"]
            self._parts_sent[post.key] = (first, n + 1)
        self._parts_sent.pop(post.key, None)
        return first

    async def find_sent(self, post: Post, thread_ref: str | None) -> str | None:
        self._attach()
        token = await self._token(post)
        channel = post.where.channel.lstrip("@")
        if thread_ref:
            response = await call(self.client.conversations_replies, **token, channel=channel, ts=thread_ref,
                                  limit=self.history_limit, include_all_metadata=True)
        else:
            response = await call(self.client.conversations_history, **token, channel=channel,
                                  limit=self.history_limit, include_all_metadata=True)
        for message in response.get("messages", []):
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == EVENT_TYPE and payload.get("key") == post.key \
                    and payload.get("part", 1) == 1:
                return message["ts"]
        return None
