"""How each kind of core reply looks on Discord: golden JSON, exactly as Discord receives it."""
from __future__ import annotations

import pytest

from adapters.discord.render import TONES, form_opener, to_messages, to_modal
from bot.messages import Card, Field, Reply
from tests.sample_replies import CHOICES, FORM

CARD = Card("Likely a peer task", "Driving someone to the food bank.",
            (Field("Why", "• It builds the relationship\n• It uses lived experience"),
             Field("For supervision", "Who decides when it stops being peer work?")),
            footer="Source: toolkit 120-140", tone="likely")

KINDS = {
    "plain": Reply("Plain words, no card."),
    "card": Reply("fallback text", card=CARD),
    "card_with_buttons": Reply("fallback text", card=CARD, choices=CHOICES),
    "private": Reply("Only you can see this.", private=True, choices=CHOICES[:1]),
    "replace": Reply("Poll (anonymous)", card=Card("Poll (anonymous)", "Is it?", (Field("Answers", "Yes: 2"),)),
                     choices=CHOICES[:2], replace=True),
    "in_thread": Reply("Answered in the thread.", in_thread=True),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_reply_renders_to_its_golden_json(kind, golden):
    """Plain text, a card, buttons, private, replace and in-thread replies each have a pinned shape."""
    golden(f"reply_{kind}", to_messages(KINDS[kind]))


def test_every_tone_has_its_own_colour(golden):
    """A card's tone picks the embed colour, so a verdict reads at a glance."""
    golden("tones", {tone: to_messages(Reply("t", card=Card(tone, tone=tone)))[0]["embeds"][0]["color"]
                     for tone in TONES})
    assert len(set(TONES.values())) == len(TONES)


def test_a_form_becomes_a_modal(golden):
    """A form becomes a modal whose custom id is the submit action and whose inputs are labelled."""
    golden("modal", to_modal(FORM))


def test_a_form_that_cannot_open_becomes_a_button(golden):
    """Where no modal can open, the reply's text comes with a button that opens the form."""
    golden("form_opener", form_opener(Reply("Set up a schedule for this channel.", form=FORM), "peerform:0123456789ab"))


def test_a_card_replaces_the_fallback_text():
    """The embed says everything the text says, so the text is not repeated above it."""
    (message,) = to_messages(Reply("fallback text", card=CARD))
    assert message["content"] is None and message["embeds"][0]["title"] == CARD.title


def test_buttons_carry_the_core_action_as_custom_id():
    """Each button's custom id is the versioned action the core will receive when it is pressed."""
    (message,) = to_messages(Reply("x", choices=CHOICES))
    ids = [b["custom_id"] for row in message["components"] for b in row["components"]]
    assert ids == [c.action for c in CHOICES] and all(i.startswith("v1:") for i in ids)
