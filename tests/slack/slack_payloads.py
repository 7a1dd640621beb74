"""Slack payloads shaped like the ones Slack sends (trimmed to the fields that matter), for tests.

Shapes follow the payloads Slack documents: a slash command is form fields; events come wrapped in an
`event_callback` envelope with an `event_id`; buttons and modal submissions are `block_actions` and
`view_submission` JSON in a `payload` form field. Response URLs point at 127.0.0.1, never at Slack.
"""
from __future__ import annotations

import itertools
import json

TEAM = "T1"
_ids = itertools.count(1)


def slash(text: str, *, user: str = "U1", channel: str = "C1", channel_name: str = "peer-circle",
          response_url: str = "http://127.0.0.1:9/response/command") -> dict:
    n = next(_ids)
    return {"token": "legacy", "team_id": TEAM, "team_domain": "peer", "channel_id": channel,
            "channel_name": channel_name, "user_id": user, "user_name": user.lower(), "command": "/peer",
            "text": text, "api_app_id": "A1", "is_enterprise_install": "false",
            "response_url": response_url, "trigger_id": f"trigger.{n}"}


def envelope(event: dict, event_id: str | None = None) -> dict:
    n = next(_ids)
    return {"token": "legacy", "team_id": TEAM, "api_app_id": "A1", "event": event, "type": "event_callback",
            "event_id": event_id or f"Ev{n:08d}", "event_time": 1700000000,
            "authorizations": [{"team_id": TEAM, "user_id": "UBOT", "is_bot": True}]}


def mention(text: str, *, user: str = "U1", channel: str = "C1", ts: str = "1700000100.000100",
            thread_ts: str | None = None, event_id: str | None = None) -> dict:
    event = {"type": "app_mention", "user": user, "text": text, "ts": ts, "channel": channel,
             "event_ts": ts, "team": TEAM}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return envelope(event, event_id)


def dm(text: str, *, user: str = "U1", channel: str = "D1", ts: str = "1700000200.000100", **extra) -> dict:
    event = {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts,
             "channel": channel, "event_ts": ts, "team": TEAM, **extra}
    return envelope(event)


def home_opened(*, user: str = "U1") -> dict:
    return envelope({"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home",
                     "event_ts": "1700000300.000100"})


def button(action_id: str, value: str | None = None, *, user: str = "U1", channel: str | None = "C1",
           message_ts: str = "1700000400.000100", ephemeral: bool = False, thread_ts: str | None = None,
           response_url: str = "http://127.0.0.1:9/response/action") -> dict:
    n = next(_ids)
    action = {"type": "button", "action_id": action_id, "block_id": "b1", "value": value or action_id,
              "text": {"type": "plain_text", "text": "label"}, "action_ts": "1700000401.000000"}
    body = {"type": "block_actions", "user": {"id": user, "username": user.lower(), "team_id": TEAM},
            "api_app_id": "A1", "token": "legacy", "trigger_id": f"trigger.{n}", "team": {"id": TEAM},
            "actions": [action]}
    if channel is None:  # a button in App Home
        body["container"] = {"type": "view", "view_id": "V1"}
        body["view"] = {"id": "V1", "type": "home"}
        return body
    body["container"] = {"type": "message", "message_ts": message_ts, "channel_id": channel,
                         "is_ephemeral": ephemeral}
    if thread_ts:
        body["container"]["thread_ts"] = thread_ts
    body["channel"] = {"id": channel, "name": "peer-circle"}
    body["response_url"] = response_url
    if not ephemeral:
        body["message"] = {"type": "message", "ts": message_ts, "bot_id": "B1", "text": "…",
                           **({"thread_ts": thread_ts} if thread_ts else {})}
    return body


def submission(view: dict, values: dict[str, str], *, user: str = "U1") -> dict:
    """The `view_submission` for a modal peerbot opened (`view` as sent to views.open), filled in."""
    state = {block["block_id"]: {block["element"]["action_id"]: {"type": "plain_text_input", "value": value}}
             for block in view["blocks"] if block["type"] == "input"
             for key, value in values.items() if key == block["block_id"]}
    n = next(_ids)
    return {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": user, "team_id": TEAM},
            "api_app_id": "A1", "token": "legacy", "trigger_id": f"trigger.{n}",
            "view": {**view, "id": "V9", "team_id": TEAM, "state": {"values": state}}}


def form_encoded(payload: dict) -> dict:
    return {"payload": json.dumps(payload)}


def dm_with_file(text: str = "", *, user: str = "U1", channel: str = "D1", ts: str = "1700000200.000300") -> dict:
    """A DM with a file attached, as slack-bolt's own scenario test has it (slackapi/bolt-python,
    tests/scenario_tests_async/test_message_file_share.py: subtype "file_share", a `files` list, `upload`
    false, `display_as_bot` false), moved to a DM (`channel_type` "im") and trimmed."""
    files = [{"id": "F111", "created": 1652227642, "timestamp": 1652227642, "name": "notes.png", "title": "notes.png",
              "mimetype": "image/png", "filetype": "png", "pretty_type": "PNG", "user": user, "editable": False,
              "size": 92582, "mode": "hosted", "is_external": False, "external_type": "", "is_public": False,
              "public_url_shared": False, "display_as_bot": False, "username": "",
              "url_private": "https://files.slack.com/files-pri/T1-F111/notes.png"}]
    return dm(text, user=user, channel=channel, ts=ts, subtype="file_share", files=files, upload=False,
              display_as_bot=False, client_msg_id="ca088267-717f-41a8-9db8-c98ae14ad6a0")


def dm_thread_broadcast(text: str, *, user: str = "U1", channel: str = "D1", thread_ts: str = "1700000200.000100",
                        ts: str = "1700000200.000400") -> dict:
    """A thread reply in a DM, "also sent to" the conversation, as slack-bolt's scenario test has it
    (slackapi/bolt-python, tests/scenario_tests_async/test_message_thread_broadcast.py: subtype
    "thread_broadcast", `thread_ts` and the `root` message), moved to a DM and trimmed."""
    root = {"type": "message", "text": "earlier", "user": user, "ts": thread_ts, "team": TEAM, "thread_ts": thread_ts,
            "reply_count": 1, "reply_users_count": 1, "latest_reply": ts, "reply_users": [user], "is_locked": False}
    return dm(text, user=user, channel=channel, ts=ts, subtype="thread_broadcast", thread_ts=thread_ts, root=root,
              client_msg_id="111-222-333-444-666")
