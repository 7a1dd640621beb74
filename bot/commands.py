"""What a row of the command table holds, and who may use it.

`bot.router.COMMANDS` is a table of `Row`s: the handler, a one-line summary, the argument hint and
the least role allowed. `/peer help`, Discord's command descriptions and the README's command table
(checked by a test) are all read from it, and `Bot.handle` checks the role once, from the row,
before the handler runs.

Most commands need one role whatever is typed (`role`), or one role to read and another to change
(`change`: `/peer timezone` shows the zone to anyone, `/peer timezone Europe/London` is for
facilitators). Where the argument decides more than that (`/peer schedule list` is for anyone,
`/peer schedule pause 3` "changes schedules", `/peer schedule reflection …` "sets them up"), the
row names a small rule, `needs(rest) -> Need | None`, kept beside its handler.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.messages import Message, Role

NAMES = {Role.PARTICIPANT: "anyone", Role.FACILITATOR: "facilitator", Role.ADMIN: "admin"}
PLURAL = {Role.FACILITATOR: "facilitators", Role.ADMIN: "admins"}


@dataclass(frozen=True)
class Need:
    """A role a use of a command needs, and what it does in the words of a refusal
    ("Only facilitators can <doing>.")."""
    role: Role
    doing: str


@dataclass(frozen=True)
class Row:
    handler: Callable[..., list[Message]]  # (bot, request, rest) -> messages
    summary: str                  # what it does, in a line ("is this a peer task?")
    hint: str = ""                # the argument, as help shows it ("<something you've been asked to do>")
    role: Role = Role.PARTICIPANT  # least role for the bare form, and for any use unless `change` says more
    change: Role | None = None    # least role with an argument, when it differs from `role`
    doing: str = ""               # what the refusal says the person cannot do
    needs: Callable[[str], Need | None] | None = None  # the argument-dependent rule, where one is needed

    def need(self, rest: str) -> Need | None:
        """What using the command with `rest` after it needs (None: anyone may)."""
        if self.needs is not None:
            return self.needs(rest)
        role = self.change if self.change is not None and rest.strip() else self.role
        return Need(role, self.doing) if role > Role.PARTICIPANT else None

    @property
    def who(self) -> str:
        """The README's "who" column: "anyone", "facilitator", "facilitator to change", "admin"."""
        if self.change is None or self.change == self.role:
            return NAMES[self.role]
        return f"{NAMES[self.change]} to change"

    def described(self) -> str:
        """The summary with who may use it, for help and Discord ("… (facilitators change it)")."""
        if self.change is not None and self.change != self.role:
            return f"{self.summary} ({PLURAL[self.change]} change it)"
        if self.role > Role.PARTICIPANT:
            return f"{self.summary} ({PLURAL[self.role]})"
        return self.summary


def help_lines(commands: dict[str, Row]) -> list[str]:
    """One line per command for `/peer help`, in the table's order."""
    return [f"/peer {name.replace('-', ' ')}{' ' + row.hint if row.hint else ''}: {row.described()}"
            for name, row in commands.items()]
