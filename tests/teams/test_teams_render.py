"""How each kind of core reply looks in Teams: golden Adaptive Card JSON, exactly as the Bot
Connector receives it, each card checked against the Teams SDK's card model and Teams' limits."""
from __future__ import annotations

import json

import pytest
from teams_limits import assert_within_teams_limits

from adapters.teams import render
from adapters.teams.render import CUT_NOTE, MAX_PAYLOAD, to_activities
from bot.actions import encode
from bot.messages import Card, Choice, Field, Reply
from tests.sample_replies import CHOICES, FORM

CARD = Card("Likely a peer task", "Driving someone to the food bank.",
            (Field("Why", "• It builds the relationship\n• It uses lived experience"),
             Field("Source", "toolkit 120-140"),
             Field("For supervision", "Who decides when it stops being peer work?")),
            footer="Source: toolkit 120-140", tone="likely")

KINDS = {
    "plain": Reply("Plain words, no card."),
    "card": Reply("fallback text", card=CARD),
    "card_with_buttons": Reply("fallback text", card=CARD, choices=CHOICES),
    "buttons_only": Reply("Pick one.", choices=CHOICES[:2]),
    "form": Reply("Set up a schedule for this channel.", form=FORM),
    "poll": Reply("Poll (anonymous)", card=Card("Poll (anonymous)", "Is it?", (Field("Answers", "Yes: 2"),)),
                  choices=CHOICES[:2], replace=True),
    "shared": Reply("Answer\n\nShared by <@29:1ana>", card=Card("Answer", "Shared by <@29:1ana>", tone="yes")),
}
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_reply_renders_to_its_golden_card(kind, golden):
    """Plain text, a card, buttons, a form, a poll and a shared answer each have a pinned shape within Teams' limits."""
    activities = to_activities(KINDS[kind], lambda user: "Ana Ortiz" if user == "29:1ana" else "")
    for activity in activities:
        assert_within_teams_limits(activity)
    golden(f"reply_{kind}", activities)


def test_a_card_carries_the_versioned_action_in_each_button():
    """Every button's data is the core's action id, so a press works on a card of any age."""
    (activity,) = to_activities(Reply("t", card=CARD, choices=CHOICES))
    actions = [a for s in activity["attachments"][0]["content"]["body"] if s["type"] == "ActionSet" for a in s["actions"]]
    assert [a["data"]["peer"] for a in actions] == [c.action for c in CHOICES]
    assert [a.get("style") for a in actions] == [None, None, "positive", "destructive"]


def test_seven_buttons_come_in_two_rows():
    """Teams shows at most six actions in a row: a seventh starts a second row."""
    choices = tuple(Choice(f"Topic {n}", encode("topic", n)) for n in range(7))
    (activity,) = to_activities(Reply("Topics", choices=choices))
    sets = [s for s in activity["attachments"][0]["content"]["body"] if s["type"] == "ActionSet"]
    assert [len(s["actions"]) for s in sets] == [6, 1]


def test_a_card_too_big_for_teams_is_cut_keeping_its_buttons():
    """A 60,000-character card is cut under 28 KB from the end, says so, and keeps every button."""
    huge = Card("Big", "x " * 15000, tuple(Field(f"F{n}", "y " * 2000) for n in range(6)))
    (activity,) = to_activities(Reply("big", card=huge, choices=CHOICES))
    assert_within_teams_limits(activity)
    text = json.dumps(activity)
    assert CUT_NOTE in text and all(c.action in text for c in CHOICES)


def test_long_plain_text_is_split_into_messages_under_the_limit():
    """A 20,000-character plain reply goes out as several messages, none over the limit."""
    activities = to_activities(Reply("line of text\n" * 1600))
    assert len(activities) > 1 and all(render.size(a) <= MAX_PAYLOAD for a in activities)


def test_an_unknown_person_is_never_shown_as_a_raw_id():
    """`<@id>` with no known name reads "a teammate", not the raw Teams id."""
    (activity,) = to_activities(Reply("Shared by <@29:1zzz>"))
    assert activity["text"] == "Shared by a teammate" and "entities" not in activity
