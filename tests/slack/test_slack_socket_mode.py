"""Socket Mode, the default: the same app answers envelopes from Slack's socket, with no public URL.

Envelopes are dispatched through Bolt (`async_dispatch` with mode "socket_mode"), and once through
slack-sdk's real Socket Mode client connected to the fake's WebSocket.
"""
from __future__ import annotations

import pytest
import slack_payloads as payloads
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_harness import slack_settings
from slack_workspace import text_of

from adapters.slack import mode_of


def test_socket_mode_is_the_default_when_an_app_token_is_set(tmp_path):
    """With an app token Slack runs in Socket Mode; with only a signing secret, in HTTP mode."""
    assert mode_of(slack_settings(tmp_path, SLACK_APP_TOKEN="xapp-1")) == "socket"
    assert mode_of(slack_settings(tmp_path)) == "http"
    assert mode_of(slack_settings(tmp_path, SLACK_SIGNING_SECRET=None)) is None
    assert mode_of(slack_settings(tmp_path, SLACK_BOT_TOKEN=None, SLACK_APP_TOKEN="xapp-1")) is None


async def test_a_slash_command_over_the_socket_is_answered(socket_platform, fake):
    """A /peer command arriving over the socket (no signature to check) is answered privately."""
    response = await socket_platform.app.async_dispatch(
        AsyncBoltRequest(mode="socket_mode", body=payloads.slash("help")))
    assert response.status == 200
    [reply] = await fake.wait_for("chat.postEphemeral")
    assert "/peer task" in text_of(reply)


async def test_a_mention_over_the_socket_is_answered_in_its_thread(socket_platform, fake):
    """A mention event arriving over the socket is answered in the thread of the message."""
    body = payloads.mention("<@UBOT> what is mutuality?", ts="1700000500.000100")
    assert (await socket_platform.app.async_dispatch(AsyncBoltRequest(mode="socket_mode", body=body))).status == 200
    [reply] = await fake.wait_for("chat.postMessage")
    assert reply.args["thread_ts"] == "1700000500.000100"


async def test_a_repeated_event_over_the_socket_is_answered_once(socket_platform, fake):
    """Slack's redelivery of an event over the socket is dropped by its event_id."""
    body = payloads.mention("<@UBOT> what is mutuality?", event_id="Ev0SOCKET")
    for _ in range(2):
        await socket_platform.app.async_dispatch(AsyncBoltRequest(mode="socket_mode", body=body))
    await fake.wait_for("chat.postMessage")
    await socket_platform.drain()
    assert len(fake.called("chat.postMessage")) == 1


async def test_the_real_socket_client_connects_acknowledges_and_answers(socket_platform, fake):
    """Started in Socket Mode, peerbot opens the socket with the app token, acknowledges an envelope and answers."""
    await socket_platform.start()
    [opened] = fake.called("apps.connections.open")
    assert opened.token == "xapp-1-A1-test"
    envelope = {"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
                "payload": payloads.slash("topics")}
    ack = await fake.socket_send(envelope)
    assert ack["envelope_id"] == "env-1"
    [reply] = await fake.wait_for("chat.postEphemeral")
    assert reply.token == "xoxb-test-token"


async def test_a_wrong_token_stops_slack_at_once_with_a_clear_message(socket_platform, fake):
    """A revoked token fails start-up with a message naming the settings to check, and no secret."""
    fake.fail_next("auth.test", 200, error="invalid_auth")
    with pytest.raises(RuntimeError, match="SLACK_BOT_TOKEN") as raised:
        await socket_platform.start()
    assert "xoxb" not in str(raised.value) and "xapp" not in str(raised.value)
