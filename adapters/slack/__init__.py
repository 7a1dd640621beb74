"""The Slack adapter, on slack-bolt's async app: translates Slack payloads into core requests and
core replies into Block Kit, and nothing else.

    inbound    payloads -> Command / Press (+ Origin: how to answer)
    render     Reply -> Block Kit messages, modals, App Home (inside Slack's limits, escaped)
    answer     sends replies to the asker (ephemeral, threads, modals, updates)
    roles      who is an admin or facilitator in Slack
    transport  the outbox's Slack transport (posts, rate limits, "was it sent?")
    app        the Bolt listeners (ack first, drop retried events)
    gate       the HTTP door in front of Bolt (size, signature, shape, replays; the OAuth pages)
    oauth      many workspaces: Bolt's OAuth install flow, configured (SLACK_CLIENT_ID/SECRET)
    installs   installations and OAuth states in peerbot's database; each workspace's token
    platform   SlackPlatform: Socket Mode or HTTP mode on the shared event loop
Nothing is imported here eagerly, so `peerbot ask` and `peerbot doctor` do not load slack-bolt,
slack-sdk and aiohttp to read the settings.
"""
from __future__ import annotations

from typing import Any

__all__ = ["SlackPlatform", "mode_of"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from adapters.slack import platform

        return getattr(platform, name)
    raise AttributeError(name)
