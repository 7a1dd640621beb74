"""A pretend Slack workspace: people typing `/peer`, mentioning the bot, pressing buttons.

Each action is a correctly signed HTTP request to peerbot's real Bolt endpoint, as Slack would
send it; what peerbot answers is read back from the fake Web API's recorded calls. So tests read
as conversations: `reply = await ws.say("/peer topics")`, `await ws.press("Supervision", on=reply)`.
"""
from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp
import slack_payloads as payloads
from slack_sdk.signature import SignatureVerifier

from testing.fake_slack import Call, FakeSlack

REPLY_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update", "views.open", "views.publish",
                 "response_url")


def signed_headers(secret: str, body: bytes, content_type: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature or "", "Content-Type": content_type}


def blocks_of(call: Call) -> list[dict]:
    if call.method in ("views.open", "views.publish"):
        return call.args["view"]["blocks"]
    return call.args.get("blocks") or []


def buttons_of(call: Call) -> list[dict]:
    return [e for b in blocks_of(call) if b["type"] == "actions" for e in b["elements"]]


def text_of(call: Call) -> str:
    """Everything a person would read in a recorded reply: fallback text and every block's text."""
    parts = [call.args.get("text", "")]
    for block in blocks_of(call):
        for obj in [block.get("text"), block.get("label"), *(block.get("fields") or []),
                    *(block.get("elements") or [])]:
            text = obj.get("text") if isinstance(obj, dict) else None
            parts.append(text.get("text", "") if isinstance(text, dict) else text or "")
    return "\n".join(p for p in parts if p)


class Workspace:
    def __init__(self, endpoint: str, secret: str, fake: FakeSlack):
        self.endpoint = endpoint
        self.secret = secret
        self.fake = fake
        self.typed: list[str] = []  # what people typed, to search the database for afterwards

    async def send(self, body: bytes, content_type: str, *, timestamp: int | None = None,
                   secret: str | None = None, headers: dict[str, str] | None = None) -> int:
        all_headers = signed_headers(secret or self.secret, body, content_type, timestamp) | (headers or {})
        async with aiohttp.ClientSession() as session:
            async with session.post(self.endpoint, data=body, headers=all_headers) as response:
                await response.read()
                return response.status

    async def command(self, text: str, **kwargs: Any) -> int:
        kwargs.setdefault("response_url", self.fake.response_url())
        self.typed.append(text)
        return await self.send(urlencode(payloads.slash(text, **kwargs)).encode(), "application/x-www-form-urlencoded")

    async def event(self, envelope: dict, **kwargs: Any) -> int:
        self.typed.append(envelope.get("event", {}).get("text") or "")
        return await self.send(json.dumps(envelope).encode(), "application/json", **kwargs)

    async def interact(self, payload: dict) -> int:
        return await self.send(urlencode(payloads.form_encoded(payload)).encode(), "application/x-www-form-urlencoded")

    # -- conversations -------------------------------------------------------------------
    def replies(self) -> list[Call]:
        return [c for c in self.fake.calls if c.method in REPLY_METHODS]

    async def answer_to(self, send: Any) -> Call:
        """Do `send` (a coroutine) and return the first reply peerbot makes after it."""
        before = len(self.replies())
        status = await send
        assert status == 200, f"Slack would have seen HTTP {status}"
        return (await self.fake.wait_until(lambda: self.replies()[before:]))[0]

    async def say(self, text: str, **kwargs: Any) -> Call:
        """`/peer <text>` from a person (the `/peer` prefix is optional here)."""
        return await self.answer_to(self.command(text.removeprefix("/peer").strip(), **kwargs))

    async def press(self, label: str, *, on: Call, user: str = "U1") -> Call:
        """Press the button labelled `label` on a reply peerbot made, as `user`."""
        found = [b for b in buttons_of(on) if b["text"]["text"] == label]
        assert found, f"no button {label!r}; buttons: {[b['text']['text'] for b in buttons_of(on)]}"
        return await self.answer_to(self.interact(self.press_payload(found[0], on, user)))

    def press_payload(self, element: dict, on: Call, user: str) -> dict:
        if on.method == "views.publish":
            return payloads.button(element["action_id"], element.get("value"), user=user, channel=None)
        channel = on.args.get("channel", "C1")
        message_ts = on.result.get("ts") or on.result.get("message_ts") or "1700000000.999999"
        return payloads.button(element["action_id"], element.get("value"), user=user, channel=channel,
                               message_ts=message_ts, ephemeral=self._ephemeral(on),
                               thread_ts=on.args.get("thread_ts"), response_url=self.fake.response_url(1))

    @staticmethod
    def _ephemeral(on: Call) -> bool:
        if on.method == "response_url":  # a reply to a command or to a press on an ephemeral message
            return on.args.get("response_type") != "in_channel"
        return on.method == "chat.postEphemeral"

    async def submit(self, modal: Call, values: dict[str, str], user: str = "U1") -> Call:
        """Fill in and submit a modal peerbot opened with views.open."""
        self.typed.extend(values.values())
        return await self.answer_to(self.interact(payloads.submission(modal.args["view"], values, user=user)))
