"""The Slack adapter, on slack-bolt's async app: translates Slack payloads into core requests and
core replies into Block Kit, and nothing else.

    inbound    payloads -> Command / Press (+ Origin: how to answer)
    render     Reply -> Block Kit messages, modals, App Home (inside Slack's limits, escaped)
    answer     sends replies to the asker (ephemeral, threads, modals, updates)
    roles      who is an admin or facilitator in Slack
    transport  the outbox's Slack transport (posts, rate limits, "was it sent?")
    app        the Bolt listeners (ack first, drop retried events)
    platform   SlackPlatform: Socket Mode or HTTP mode on the shared event loop
"""
from adapters.slack.platform import SlackPlatform, mode_of

__all__ = ["SlackPlatform", "mode_of"]
