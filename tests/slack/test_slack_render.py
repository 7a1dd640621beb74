"""Core replies rendered as Block Kit: golden JSON for each kind of reply, Slack's limits, escaping.

Goldens live in `golden/`, checked by `tests.golden` (which says how to rewrite them after an
intended change to the rendering).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from adapters.slack.render import escape, to_home, to_messages, to_modal
from bot.messages import Card, Choice, Field, Form, FormField, Reply
from tests.golden import goldens

TASK_CARD = Reply(
    "Likely a peer task: going to an appointment together.",
    card=Card("Likely a peer task", "Going to an appointment together.",
              (Field("Why", "• It builds the relationship\n• It uses lived experience"),
               Field("For supervision", "Whose idea was it?")),
              footer="Source: toolkit, lines 10-20", tone="likely"),
    choices=(Choice("Why?", "v1:why:r1"), Choice("Sources", "v1:sources:ruling:r1"),
             Choice("Talk it through", "v1:check:task", "primary")))
KINDS = {
    "plain": Reply("Stopped. Nothing from it is kept.", private=True),
    "card": TASK_CARD,
    "choices": Reply("(1/2) Does it use your lived experience?",
                     choices=(Choice("Yes", "v1:answer:task:0:0"), Choice("No", "v1:answer:task:0:1"),
                              Choice("Stop", "v1:answer:task:0:stop", "danger")), private=True),
    "form_button": Reply("What would you like to ask?", private=True,
                         form=Form("Ask peerbot", "v1:asked", (FormField("question", "Your question"),))),
    "escaped": Reply('I don\'t have a check called "<!channel> <https://evil.example|click> & co".', private=True),
    "mention": Reply("<@U2> is now a facilitator.", private=True),
}
FORM = Form("Schedule a prompt for this channel", "v1:schedule-create",
            (FormField("when", "When", "Mondays at 9:00"),
             FormField("what", "What to post", "a co-reflection prompt", multiline=True, optional=True)))


golden = goldens(Path(__file__).parent / "golden")


def assert_valid(blocks: list[dict]) -> None:
    """Each block passes slack-sdk's own Block Kit validators (the limits Slack enforces)."""
    for block in blocks:
        Block.parse(block).validate_json()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_of_reply_renders_to_its_golden_block_kit(kind: str):
    """Every kind of reply renders to the Block Kit recorded in its golden file, and Slack would accept it."""
    messages = to_messages(KINDS[kind])
    for message in messages:
        assert_valid(message.get("blocks", []))
    golden(f"message_{kind}", messages)


def test_a_form_renders_as_a_modal_that_remembers_where_it_came_from():
    """A form becomes a modal with one input per field and the submit action in its private metadata."""
    modal = to_modal(FORM, '{"a":"v1:schedule-create","c":"C1"}')
    assert modal["title"]["text"] == "Schedule a prompt for t…"  # Slack allows 24 characters
    View(**modal).validate_json()
    golden("modal", modal)


def test_the_home_view_renders_to_its_golden_block_kit():
    """App Home is a home view with the card and its buttons."""
    home = to_home(Reply("peerbot", card=Card("peerbot", "I help peer workers.", (Field("Schedules", "None yet."),)),
                         choices=(Choice("Ask a question", "v1:askform", "primary"), Choice("Topics", "v1:topics"))))
    View(**home).validate_json()
    golden("home", home)


def test_a_very_long_reply_is_split_into_valid_messages_and_nothing_is_lost():
    """A reply far over every limit is split into messages of at most 50 valid blocks, keeping all the text."""
    paragraph = "Peer support rests on mutuality and choice. " * 40  # ~1,800 characters
    long_word = "x" * 7000  # no spaces at all: must still be cut
    body = "\n\n".join([paragraph] * 60 + [long_word])
    fields = tuple(Field(f"Field {i}", "value " * (5 if i % 3 else 500)) for i in range(40))
    choices = tuple(Choice(f"Option {i} " + "with a very long label " * 5, f"v1:pick:{i}") for i in range(60))
    reply = Reply(body, card=Card("T" * 400, body, fields, footer="f" * 5000), choices=choices)

    messages = to_messages(reply)

    assert len(messages) > 1
    for message in messages:
        assert 0 < len(message["blocks"]) <= 50
        assert_valid(message["blocks"])
        assert len(message["text"]) <= 3000
    blocks = [b for m in messages for b in m["blocks"]]
    assert blocks[0]["type"] == "header" and len(blocks[0]["text"]["text"]) <= 150
    section_text = "".join(b["text"]["text"] for b in blocks if b["type"] == "section" and "text" in b)
    assert section_text.count("x") >= 7000 and section_text.count("mutuality") >= 60 * 40
    assert sum(len(b.get("fields", [])) for b in blocks) + section_text.count("*Field ") >= 40
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [e["value"] for e in buttons] == [c.action for c in choices]
    assert all(len(e["text"]["text"]) <= 75 for e in buttons)
    home = to_home(reply)  # App Home allows 100 blocks: the rest is cut with a note, the buttons kept
    assert len(home["blocks"]) <= 100 and home["blocks"][-1]["type"] == "actions"
    View(**home).validate_json()


def mrkdwn_texts(payload: object) -> list[str]:
    """Every text Slack would parse for markup: mrkdwn objects and a message's fallback `text`."""
    if isinstance(payload, list):
        return [t for item in payload for t in mrkdwn_texts(item)]
    if not isinstance(payload, dict):
        return []
    parsed = isinstance(payload.get("text"), str) and payload.get("type") in ("mrkdwn", None)
    found = [payload["text"]] if parsed else []
    return found + [t for key, value in payload.items() if key != "text" or not isinstance(value, str)
                    for t in mrkdwn_texts(value)]


def test_short_fields_sit_in_a_grid_ten_to_a_section_and_long_ones_get_the_full_width():
    """Short fields share sections of at most ten; a list or paragraph gets a full-width section of its own."""
    fields = tuple(Field(f"F{i}", "short") for i in range(25)) + (Field("List", "• one\n• two"),)
    blocks = to_messages(Reply("x", card=Card("Title", fields=fields)))[0]["blocks"]
    assert [len(b.get("fields", [])) for b in blocks if b["type"] == "section"] == [10, 10, 5, 0]
    assert blocks[-1]["text"]["text"] == "*List*\n• one\n• two"
    assert_valid(blocks)


def test_echoed_text_can_never_ping_the_channel_or_carry_a_link():
    """Slack's control characters are escaped and mrkdwn is verbatim, so <!channel>, <!here> and links stay inert."""
    reply = Reply("you said: <!channel> <!here> <!subteam^S1> <https://evil.example|click here> @here & done",
                  card=Card("<!channel>", "<!everyone>", (Field("<!here>", "<https://x.example>"),), "<!channel>"))
    messages = to_messages(reply)
    parsed = mrkdwn_texts(messages)
    assert len(parsed) == 4  # fallback, body, field and footer: the walk found every one
    assert not any("<!" in t or "<http" in t for t in parsed)
    assert "&lt;!channel&gt;" in parsed[0] and "&amp; done" in parsed[0]
    blocks = messages[0]["blocks"]
    assert blocks[0]["text"]["type"] == "plain_text"  # a header is never parsed for mentions or links
    assert all(t["verbatim"] for b in blocks for t in [b.get("text"), *b.get("fields", []), *b.get("elements", [])]
               if t and t.get("type") == "mrkdwn")  # no automatic @here or link parsing either


def test_a_plain_user_mention_written_by_the_core_still_mentions():
    """The core's own `<@U123>` stays a mention and `<#C123>` a link to a channel (which pings nobody);
    every other markup, such as `<!here>` or a labelled channel link, is escaped."""
    assert escape("<@U2> is now a facilitator") == "<@U2> is now a facilitator"
    assert escape("<@U2|bob> and <#C1> and <!here>") == "<@U2> and <#C1> and &lt;!here&gt;"
    assert escape("<#C1|evil> <!channel>") == "&lt;#C1|evil&gt; &lt;!channel&gt;"
