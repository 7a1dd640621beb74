"""Plain value types that flow in and out of the core.

Inbound: `Command` (someone said something to the bot) and `Press` (someone pressed a button or
submitted a form). Outbound: `Reply` (an answer to whoever asked) and `Post` (a message nobody asked
for right now, such as a scheduled prompt or a scenario step, delivered through the outbox).
A reply always carries plain `text`, the fallback every platform can show; a `Card`, `Choice`
buttons and a `Form` are optional extras that adapters render natively where they can.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Role(IntEnum):
    """What someone may do; higher includes lower."""

    PARTICIPANT = 0
    FACILITATOR = 1
    ADMIN = 2


@dataclass(frozen=True)
class Who:
    """The person talking to the bot, as the adapter knows them."""

    user_id: str
    role: Role = Role.PARTICIPANT
    name: str = ""


@dataclass(frozen=True)
class Where:
    """The place a message came from or goes to. A post's `channel` may be "@<user id>": a direct
    message to that person (how the bot reaches a support contact)."""

    platform: str
    workspace: str
    channel: str
    thread: str | None = None
    is_dm: bool = False

    @property
    def channel_key(self) -> str:
        return f"{self.platform}:{self.workspace}:{self.channel}"


@dataclass(frozen=True)
class Command:
    """Someone addressed the bot: `/peer …`, a mention, a direct message or a form field."""

    text: str
    who: Who
    where: Where
    via: str = "command"  # command | mention | dm | console
    files: bool = False  # the message carried files or images (which the bot does not open)


@dataclass(frozen=True)
class Press:
    """Someone pressed a button (`action` is a versioned id like `v1:more:ruling-id`) or submitted
    a form (`values` holds the form's fields)."""

    action: str
    who: Who
    where: Where
    values: tuple[tuple[str, str], ...] = ()

    def value(self, key: str, default: str = "") -> str:
        return dict(self.values).get(key, default)


@dataclass(frozen=True)
class Field:
    name: str
    value: str


@dataclass(frozen=True)
class Card:
    """A structured rendering of a reply: Slack blocks, a Discord embed, a boxed console block."""

    title: str
    body: str = ""
    fields: tuple[Field, ...] = ()
    footer: str = ""
    tone: str = "info"  # info | yes | likely | depends | unlikely | no | unsure | care


@dataclass(frozen=True)
class Choice:
    """A button. `action` is a versioned action id the router understands."""

    label: str
    action: str
    style: str = ""  # "" | primary | danger


@dataclass(frozen=True)
class FormField:
    id: str
    label: str
    placeholder: str = ""
    multiline: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Form:
    """A modal form; submitting it arrives as a `Press` with `action == submit` and `values`."""

    title: str
    submit: str
    fields: tuple[FormField, ...]


@dataclass(frozen=True)
class Reply:
    """An answer to whoever spoke. `private` replies only the asker sees; `in_thread` replies go in
    the thread of the message that was answered."""

    text: str
    card: Card | None = None
    choices: tuple[Choice, ...] = ()
    private: bool = False
    in_thread: bool = False
    form: Form | None = None
    replace: bool = False  # update the message the button was on instead of adding one
    # The content item this reply answers with ("ruling:<id>" or "item:<id>"), so the asker can share
    # it: sharing re-renders the item from the content, never from what the person typed.
    about: str = ""
    # Said only once every post of the same outcome was accepted by the platform ("Posted a
    # check-in."): adapters hold it back until delivery, and say what went wrong instead (`bot.delivery.reach`).
    after_posts: bool = False
    # A schedule was just made in this channel: the adapter checks the bot may post here, and warns.
    check_channel: bool = False


@dataclass(frozen=True)
class Post:
    """A message for a channel that goes through the outbox. `key` is unique per post and makes
    delivery at-most-once; `thread_of` names the key of an earlier post to reply under;
    `opens_thread` marks a post that invites replies in its thread (Discord makes the thread at once)."""

    where: Where
    reply: Reply
    key: str
    thread_of: str | None = None
    due_at: str = ""  # ISO time the post was due (for catch-up accounting)
    opens_thread: bool = False


Message = Reply | Post


@dataclass(frozen=True)
class Outcome:
    """Everything one request produced, in order."""

    messages: tuple[Message, ...] = field(default_factory=tuple)

    @property
    def replies(self) -> list[Reply]:
        return [m for m in self.messages if isinstance(m, Reply)]

    @property
    def posts(self) -> list[Post]:
        return [m for m in self.messages if isinstance(m, Post)]
