"""Is a signed Slack payload shaped like one the bot can act on? (A cheap check before Bolt.)

A correctly signed payload can still be malformed: a tool replaying edited bodies, a Slack feature
the bot does not know, a bug. Bolt and the listeners index into payloads (`body["actions"][0]`,
`view["state"]["values"]`), so a wrong shape used to be an HTTP 500 with a traceback, or a
listener failing after the ack with nothing said. `well_formed` checks the fields the bot reads,
with the types it reads them as; anything else is refused with a 400 by `adapters.slack.gate`.
Unknown kinds of payload pass (Bolt answers them "unhandled"), as long as they are JSON objects.
"""
from __future__ import annotations

from typing import Any


def _str(value: Any, *, empty: bool = True) -> bool:
    return isinstance(value, str) and (empty or bool(value))


def _opt_str(mapping: dict, key: str) -> bool:
    return key not in mapping or mapping[key] is None or isinstance(mapping[key], str)


def _opt_dict(mapping: dict, key: str) -> bool:
    return key not in mapping or mapping[key] is None or isinstance(mapping[key], dict)


def _team_user(payload: dict) -> bool:
    team, user = payload.get("team"), payload.get("user")
    return ((team is None or isinstance(team, (dict, str))) and isinstance(user, dict)
            and _str(user.get("id"), empty=False) and _opt_str(user, "team_id")
            and (not isinstance(team, dict) or _opt_str(team, "id")))


def _command(payload: dict) -> bool:
    return all(_str(payload.get(k), empty=False) for k in ("command", "user_id", "channel_id")) and \
        all(_opt_str(payload, k) for k in ("text", "team_id", "channel_name", "response_url", "trigger_id"))


def _event(payload: dict) -> bool:
    event = payload.get("event")
    if not (isinstance(event, dict) and _str(payload.get("event_id"), empty=False) and _str(event.get("type"))):
        return False
    if not all(_opt_str(event, k) for k in ("user", "text", "channel", "ts", "thread_ts", "channel_type",
                                             "subtype", "bot_id", "tab")):
        return False
    if event["type"] in ("app_mention", "message") and event.get("user") and not _str(event.get("channel"), empty=False):
        return False
    if event["type"] == "app_home_opened" and not _str(event.get("user"), empty=False):
        return False
    return _opt_str(payload, "team_id")


def _actions(payload: dict) -> bool:
    actions = payload.get("actions")
    if not (isinstance(actions, list) and actions and all(isinstance(a, dict) for a in actions)):
        return False
    first = actions[0]
    return (_str(first.get("action_id"), empty=False) and _opt_str(first, "value") and _team_user(payload)
            and all(_opt_dict(payload, k) for k in ("container", "message", "channel"))
            and all(_opt_str(payload.get(k) or {}, f) for k, f in (("channel", "id"), ("container", "channel_id"),
                                                                     ("container", "message_ts"),
                                                                     ("container", "thread_ts"),
                                                                     ("message", "ts"), ("message", "thread_ts")))
            and _opt_str(payload, "trigger_id") and _opt_str(payload, "response_url"))


def _view(payload: dict) -> bool:
    view = payload.get("view")
    if not (isinstance(view, dict) and _team_user(payload) and _opt_str(view, "private_metadata")
            and _opt_str(view, "callback_id")):
        return False
    state = view.get("state") or {}
    values = state.get("values", {}) if isinstance(state, dict) else None
    return isinstance(values, dict) and all(
        isinstance(block, dict) and all(isinstance(s, dict) and _opt_str(s, "value") for s in block.values())
        for block in values.values())


# What slack-bolt itself reads from any payload, before a listener is chosen, and the types it
# assumes (a list where it expects an object raised "Failed to run a middleware function").
OBJECTS = ("event", "container", "message", "view", "state")
OBJECT_OR_ID = ("user", "team", "channel", "enterprise", "organization")
LISTS = ("actions", "authorizations")


def _bolt_safe(payload: dict) -> bool:
    # A key that is present must have the type Bolt expects: `payload.get(key, {}).get(...)` fails
    # on an explicit null as much as on a list.
    for key in OBJECTS:
        if key in payload and not isinstance(payload[key], dict):
            return False
    for key in OBJECT_OR_ID:  # Slack sends `"enterprise": null` outside Enterprise Grid; Bolt checks these
        value = payload.get(key)
        if value is not None and not isinstance(value, (dict, str)):
            return False
        if isinstance(value, dict) and not all(_opt_str(value, k) for k in ("id", "team_id", "enterprise_id")):
            return False
    for key in LISTS:
        value = payload.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            return False
    event = payload.get("event")
    if isinstance(event, dict) and not _bolt_safe({k: v for k, v in event.items() if k != "event"}):
        return False
    return all(_opt_str(payload, k) for k in ("type", "event_id", "callback_id", "trigger_id", "response_url",
                                                 "team_id", "enterprise_id", "user_id", "channel_id", "api_app_id",
                                                 "token", "command", "text"))


def well_formed(payload: Any) -> bool:
    """True when the bot can read `payload` without tripping over a missing or mistyped field."""
    if not isinstance(payload, dict) or not _bolt_safe(payload):
        return False
    kind = payload.get("type")
    if "command" in payload:
        return _command(payload)
    if payload.get("ssl_check") is not None:
        return True
    if kind == "url_verification":
        return _str(payload.get("challenge"))
    if kind == "event_callback":
        return _event(payload)
    if kind == "block_actions":
        return _actions(payload)
    if kind in ("view_submission", "view_closed"):
        return _view(payload)
    return True
