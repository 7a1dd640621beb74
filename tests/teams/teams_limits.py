"""What Teams refuses or cannot show, checked on every activity the Teams tests see peerbot send:
the message under 28 KB, each card valid for the Teams SDK's card model (schema 1.5), only the
elements peerbot means to use, at most six buttons in a row, and every button's action id within
the core's 100 characters."""
from __future__ import annotations

from microsoft_teams.cards import AdaptiveCard

from adapters.teams import render
from adapters.teams.render import MAX_ACTIONS, MAX_PAYLOAD
from bot.actions import MAX_LENGTH

ELEMENTS = {"TextBlock", "Container", "FactSet", "ActionSet", "Input.Text"}


def assert_within_teams_limits(activity: dict) -> None:
    assert render.size(activity) <= MAX_PAYLOAD
    for attachment in activity.get("attachments", []):
        card = attachment["content"]
        AdaptiveCard.model_validate(card)  # the Teams SDK's own card model
        assert card["version"] == "1.5"

        def walk(value):
            if isinstance(value, list):
                for v in value:
                    walk(v)
            elif isinstance(value, dict):
                kind = value.get("type", "")
                if kind == "ActionSet":
                    assert 1 <= len(value["actions"]) <= MAX_ACTIONS
                    for action in value["actions"]:
                        assert action["type"] == "Action.Submit" and len(action["title"]) <= render.BUTTON
                        assert len(action["data"]["peer"]) <= MAX_LENGTH
                elif kind and not kind.startswith("Action.") and kind not in ("AdaptiveCard", "mention"):
                    assert kind in ELEMENTS, kind
                for v in value.values():
                    walk(v)

        walk(card["body"])


