"""Every message stays inside Discord's limits: long content is split, never rejected or lost."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.discord import limits as L
from adapters.discord.render import embed_size, to_messages, to_modal
from bot.actions import encode
from bot.messages import Card, Choice, Field, Form, FormField, Reply


def assert_within_limits(message: dict) -> None:
    assert message.get("content") is None or 0 < len(message["content"]) <= L.CONTENT
    embeds = message.get("embeds", [])
    assert len(embeds) <= L.EMBEDS_PER_MESSAGE
    assert sum(embed_size(e) for e in embeds) <= L.EMBED_TOTAL
    for e in embeds:
        assert len(e.get("title", "")) <= L.EMBED_TITLE
        assert len(e.get("description", "")) <= L.EMBED_DESCRIPTION
        assert len(e.get("fields", [])) <= L.EMBED_FIELDS
        assert len(e.get("footer", {}).get("text", "")) <= L.FOOTER
        for f in e.get("fields", []):
            assert 0 < len(f["name"]) <= L.FIELD_NAME and 0 < len(f["value"]) <= L.FIELD_VALUE
    rows = message.get("components", [])
    assert len(rows) <= L.ROWS
    ids = [b["custom_id"] for row in rows for b in row["components"]]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert 0 < len(row["components"]) <= L.BUTTONS_PER_ROW
        for b in row["components"]:
            assert 0 < len(b["label"]) <= L.BUTTON_LABEL and len(b["custom_id"]) <= L.CUSTOM_ID
    assert message.get("content") or embeds or rows, "Discord refuses an empty message"


def words_of(messages: list[dict]) -> list[str]:
    text = []
    for m in messages:
        text.append(m.get("content") or "")
        for e in m.get("embeds", []):
            text += [e.get("description", "")] + [f["value"] for f in e.get("fields", [])]
    return " ".join(text).split()


def test_long_content_is_split_into_messages_that_fit():
    """A 9,000-character answer becomes several messages, in order, with every word kept."""
    paragraph = " ".join(f"word{i}" for i in range(150))
    reply = Reply("\n\n".join([paragraph] * 8), choices=(Choice("More", encode("more", "x")),))
    messages = to_messages(reply)
    assert len(messages) > 1
    for m in messages:
        assert_within_limits(m)
    assert words_of(messages) == reply.text.split()
    assert "components" in messages[-1] and all("components" not in m for m in messages[:-1])


def test_an_oversized_card_is_spread_over_embeds_and_messages():
    """A card past every embed limit (title, description, 40 long fields, footer) still goes out whole."""
    fields = tuple(Field(f"Field {i} " + "n" * 300, " ".join(["value"] * 500)) for i in range(40))
    card = Card("T" * 400, " ".join(["body"] * 2000), fields, footer="F" * 3000)
    messages = to_messages(Reply("x", card=card))
    for m in messages:
        assert_within_limits(m)
    assert words_of(messages).count("value") == 40 * 500
    assert words_of(messages).count("body") == 2000


def test_too_many_buttons_continue_in_another_message():
    """Thirty choices fill five rows of five, and the rest go on a following message; repeats show once."""
    choices = tuple(Choice(f"Choice {i} " + "x" * 100, encode("topic", f"t{i}")) for i in range(30))
    messages = to_messages(Reply("pick", choices=choices + choices[:3]))
    for m in messages:
        assert_within_limits(m)
    ids = [b["custom_id"] for m in messages for row in m.get("components", []) for b in row["components"]]
    assert ids == [c.action for c in choices]


def test_an_empty_reply_is_still_a_valid_message():
    """A reply with no text still renders as something Discord accepts."""
    for m in to_messages(Reply("")):
        assert_within_limits(m)


def test_a_modal_stays_inside_its_limits():
    """Modal titles and labels are clipped to 45 characters and at most five inputs are shown."""
    fields = tuple(FormField(f"f{i}", "A label that is far too long for a Discord modal input", "p" * 300)
                   for i in range(7))
    modal = to_modal(Form("A title that is much longer than Discord allows", encode("asked"), fields))
    assert len(modal["title"]) <= L.MODAL_TITLE and len(modal["components"]) == L.MODAL_FIELDS
    for label in modal["components"]:
        assert len(label["label"]) <= L.MODAL_LABEL
        assert len(label["component"]["placeholder"]) <= L.MODAL_PLACEHOLDER


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=300), st.integers(min_value=5, max_value=60))
def test_splitting_keeps_every_word_and_respects_the_limit(text, limit):
    """However text is shaped, its pieces fit the limit and together hold exactly its words."""
    pieces = L.split_text(text, limit)
    assert all(len(p) <= limit for p in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
