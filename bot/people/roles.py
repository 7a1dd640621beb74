"""One notion of role (participant, facilitator, admin), enforced in the core.

Adapters fill `Who.role` from the platform (workspace admins, Manage Channels, a named group); the
facilitator list an admin keeps with `/peer facilitators` lives in the store and counts on every
platform. `Bot.handle` checks a command's role from its row in the command table (`check`) before
the handler runs; buttons that change something call `require` themselves.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.commands import Need
from bot.errors import NotAllowed, UserError
from bot.messages import Command, Message, Press, Reply, Role

if TYPE_CHECKING:
    from bot.context import Context

WHAT = {Role.FACILITATOR: "facilitators", Role.ADMIN: "admins"}


def workspace_key(req: Command | Press) -> str:
    return f"{req.where.platform}:{req.where.workspace}"


def role_of(bot: Context, req: Command | Press) -> Role:
    """The role the platform gave, raised to facilitator if an admin listed this person."""
    if req.who.role >= Role.FACILITATOR:
        return req.who.role
    if req.who.user_id in bot.store.facilitators(workspace_key(req)):
        return Role.FACILITATOR
    return req.who.role


def require(bot: Context, req: Command | Press, role: Role, doing: str) -> None:
    if role_of(bot, req) < role:
        raise NotAllowed(f"Only {WHAT[role]} can {doing}. If that should be you, ask an admin to add you "
                         "with \"/peer facilitators add @you\".")


def check(bot: Context, req: Command | Press, need: Need | None) -> None:
    """Refuse, kindly and privately, when the person lacks what a command's row says it needs."""
    if need is not None:
        require(bot, req, need.role, need.doing)


def needs(rest: str) -> Need | None:
    """`/peer facilitators [list]` is for anyone; adding and removing is for admins."""
    verb = rest.strip().partition(" ")[0].lower()
    return Need(Role.ADMIN, "change who facilitates") if verb in ("add", "remove") else None


def _user_id(text: str) -> str:
    """Accept a platform mention (<@U123>, <@!123>, <@U123|name>) or a bare id."""
    token = text.strip().split()[0] if text.strip() else ""
    token = token.strip("<>").lstrip("@!&")
    return token.split("|", 1)[0]


def facilitators(bot: Context, req: Command | Press, text: str) -> list[Message]:
    verb, _, rest = text.strip().partition(" ")
    verb = verb.lower() or "list"
    ws = workspace_key(req)
    if verb == "list":
        people = bot.store.facilitators(ws)
        listed = ", ".join(f"<@{p}>" for p in people) if people else "nobody yet"
        return [Reply(f"Facilitators here: {listed}. Admins of the workspace or server can always facilitate.",
                      private=True)]
    if verb not in ("add", "remove"):
        raise UserError("Try \"/peer facilitators list\", \"/peer facilitators add @someone\" or "
                        "\"/peer facilitators remove @someone\".")
    user = _user_id(rest)
    if not user:
        raise UserError(f"Who should I {verb}? For example \"/peer facilitators {verb} @someone\".")
    changed = bot.store.add_facilitator(ws, user) if verb == "add" else bot.store.remove_facilitator(ws, user)
    if changed:
        bot.store.audit(ws, req.who.user_id, f"facilitator {verb}", user)
    done = {"add": ("is now a facilitator", "was already a facilitator"),
            "remove": ("is no longer a facilitator", "wasn't a facilitator")}[verb][0 if changed else 1]
    return [Reply(f"<@{user}> {done}.", private=True)]


def audit(bot: Context, req: Command | Press, text: str) -> list[Message]:
    rows = bot.store.audit_log(workspace_key(req))
    if not rows:
        return [Reply("No configuration changes recorded yet.", private=True)]
    lines = [f"• {r.at} <@{r.actor}> {r.action}: {r.detail}" for r in rows]
    return [Reply("Recent configuration changes:\n" + "\n".join(lines), private=True)]
