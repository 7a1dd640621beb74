"""The terminal chat: the same core, driven from a keyboard or a pipe.

Buttons become numbered choices: typing `2` presses the second button of the last reply that had
any. Private replies are marked, posts to the channel are shown with the channel's name, and a
form asks its fields one line at a time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.app import Bot
from bot.messages import Command, Form, Post, Press, Reply, Role, Where, Who

CONSOLE = Where(platform="console", workspace="local", channel="console")


class Console:
    def __init__(self, bot: Bot, *, user_id: str = "local", role: Role = Role.ADMIN,
                 where: Where = CONSOLE, write: Callable[[str], None] = print):
        self.bot = bot
        self.who = Who(user_id=user_id, role=role, name=user_id)
        self.where = where
        self.write = write
        self.choices: list = []
        self.form: Form | None = None
        self.form_values: list[tuple[str, str]] = []

    def say(self, line: str) -> list[Reply | Post]:
        """Handle one line typed by the person and show what the bot answers."""
        line = line.rstrip("\n")
        if self.form is not None:
            return self._fill(line)
        if line.strip().isdigit() and self.choices:
            number = int(line.strip())
            if 1 <= number <= len(self.choices):
                return self.press(self.choices[number - 1].action)
            self.write(f"(pick a number from 1 to {len(self.choices)}, or type a question)")
            return []
        if not line.strip():
            return []
        return self._show(self.bot.handle(Command(text=line, who=self.who, where=self.where, via="console")).messages)

    def press(self, action: str, values: tuple[tuple[str, str], ...] = ()) -> list[Reply | Post]:
        return self._show(self.bot.handle(Press(action=action, who=self.who, where=self.where, values=values)).messages)

    def _fill(self, line: str) -> list[Reply | Post]:
        assert self.form is not None
        field = self.form.fields[len(self.form_values)]
        self.form_values.append((field.id, line.strip()))
        if len(self.form_values) < len(self.form.fields):
            self.write(f"{self.form.fields[len(self.form_values)].label}:")
            return []
        form, values = self.form, tuple(self.form_values)
        self.form, self.form_values = None, []
        return self.press(form.submit, values)

    def _show(self, messages: Iterable[Reply | Post]) -> list[Reply | Post]:
        shown = list(messages)
        for message in shown:
            if isinstance(message, Post):  # claimed by the core (Bot.handle): printing it is the delivery
                self.bot.store.finish_delivery(message.key, "sent", message.key)
            self.write(render(message))
            reply = message.reply if isinstance(message, Post) else message
            if reply.choices:
                self.choices = list(reply.choices)
            if reply.form is not None:
                self.form, self.form_values = reply.form, []
                self.write(f"{reply.form.title}. {reply.form.fields[0].label}:")
        return shown


def render(message: Reply | Post) -> str:
    reply = message.reply if isinstance(message, Post) else message
    head = ""
    if isinstance(message, Post):
        head = f"[#{message.where.channel}{' thread' if message.thread_of else ''}] "
    elif reply.private:
        head = "(only you can see this) "
    lines = [f"peerbot> {head}{reply.text}"]
    if reply.choices:
        lines.append("   " + "  ".join(f"[{i}] {c.label}" for i, c in enumerate(reply.choices, 1)))
    return "\n".join(lines)


def run(bot: Bot, lines: Iterable[str], *, prompt: bool, write: Callable[[str], None] = print) -> None:
    console = Console(bot, write=write)
    if prompt:
        write("peerbot: ask me whether something is a peer task, or type /peer help. Ctrl-D to leave.")
    for line in lines:
        console.say(line)


class ConsoleTransport:
    """Delivers posts by printing them: the terminal chat's stand-in for a channel."""

    min_interval = 0.0

    def __init__(self, write: Callable[[str], None] = print):
        self.write = write
        self.sent = 0

    async def send(self, post: Post, thread_ref: str | None) -> str:
        self.write(render(post))
        self.sent += 1
        return post.key

    async def find_sent(self, post: Post, thread_ref: str | None) -> str | None:
        return None  # a terminal cannot be asked what it printed; claims alone prevent repeats
