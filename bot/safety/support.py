"""Support: crisis lines for where someone is, `/peer support`, `/peer region`, and letting the
organization's contact know, only when the person asks.

Which region: the one a facilitator set for the workspace (`/peer region UK`, kept in the store),
else `PEERBOT_REGION`. Lines come from `content/support/` (see `bot.content.resources`), with the
organization's local services after them.

Letting someone know: where `PEERBOT_SUPPORT_CONTACT` names a person or channel for this platform,
a crisis reply carries a "Let <contact> know" button. Nothing is sent unless it is pressed. The
message says who asked and nothing of what they wrote; it goes through the outbox like any post,
keyed by a random token minted with the button, so pressing twice sends once and the delivery
record links no person to it.

Every reply here is private.
"""
from __future__ import annotations

import re
import secrets
from typing import TYPE_CHECKING

from bot.actions import Expired, encode
from bot.content.resources import Region
from bot.errors import UserError
from bot.messages import Card, Choice, Command, Field, Message, Post, Press, Reply, Where
from bot.people.roles import workspace_key
from bot.safety.quoting import quote

if TYPE_CHECKING:
    from bot.context import Context

Request = Command | Press
NOT_A_SERVICE = "I'm a bot, not a crisis service."
TOKEN = re.compile(r"^[0-9a-f]{16}$")


# Someone asking the bot for a crisis line ("what's the number for the crisis line?") gets the lines,
# whatever else the question says: that is the one question whose answer must never be "I don't know".
ASKS_FOR_LINES = re.compile(
    r"\b(?:crisis (?:line|lines|number|numbers|service|services|text line)|hot ?lines?|help ?lines?"
    r"|distress (?:line|centre|center)|suicide (?:line|hotline|helpline|number)|9-?8-?8|samaritans|lifeline)\b",
    re.IGNORECASE)


def asks_for_lines(text: str) -> bool:
    return bool(ASKS_FOR_LINES.search(text))


# -- where, and what to show --------------------------------------------------------------
def region_for(bot: Context, req: Request) -> Region:
    chosen = bot.store.workspace_region(workspace_key(req))
    # PEERBOT_REGION is checked when the bot starts (`load_resources`), so the default resolves.
    return bot.support.regions.get(chosen or "") or bot.support.find(bot.settings.region) \
        or next(iter(bot.support.regions.values()))


def bullet_lines(bot: Context, region: Region) -> list[str]:
    lines = [f"In an emergency, or if you're in danger right now: call {region.emergency}"]
    lines += [line.render() for line in region.line]
    lines += [service.render() for service in bot.support.local(region)]
    return [f"• {line}" for line in lines]


def contact_for(bot: Context, platform: str) -> str | None:
    """Where to reach the organization's contact on `platform`: "@id" for a person (a direct
    message) or a channel id; None when nobody is configured for this platform."""
    for entry in re.split(r"[,\s]+", bot.settings.support_contact.strip()):
        if not entry:
            continue
        # "teams:@29:1abc…": only a leading platform name (letters) is a scope; Teams ids hold colons too.
        scope, _, target = entry.partition(":")
        if not (scope.isascii() and scope.isalpha()):
            scope, target = "", entry
        if scope and scope.lower() != platform:
            continue
        if target.startswith("#"):
            return target[1:] or None
        if target.startswith("@") or (platform == "slack" and target[:1] in ("U", "W")):
            return "@" + target.lstrip("@") if target.lstrip("@") else None
        return target
    return None


def _offer(bot: Context, req: Request) -> tuple[str, tuple[Choice, ...]]:
    """The sentence and button that offer to let the contact know, if there is one here."""
    if contact_for(bot, req.where.platform) is None:
        return "", ()
    name = bot.settings.support_contact_name
    text = (f"If it would help, I can let {name} know you could use some support. I'd share only that "
            "you asked, nothing you wrote, and only if you press the button.")
    label = f"Let {name} know"
    label = label if len(label) <= 40 else "Let our contact know"
    return text, (Choice(label, encode("notify", secrets.token_hex(8)), "primary"),)


def _elsewhere(region: Region) -> Choice:
    return Choice("Lines in other regions", encode("regions", region.id))


# -- replies ---------------------------------------------------------------------------------
def crisis_reply(bot: Context, req: Request, answered: bool = False) -> Reply:
    """The reply to someone who wrote about wanting to die, hurting themselves or being in danger."""
    region = region_for(bot, req)
    bullets = bullet_lines(bot, region)
    offer, buttons = _offer(bot, req)
    intro = (f"Thank you for telling me. It sounds like things are really hard right now. {NOT_A_SERVICE} "
             "I can't be there the way a person can, so please reach out to someone now:")
    lines = [intro, *bullets]
    if offer:
        lines += ["", offer]
    if answered:
        lines += ["", "I've answered your question below too."]
    lines += ["", f"These are lines for {region.name}. \"/peer support\" shows them again any time."]
    card = Card("You don't have to go through this alone", intro, (Field("Reach a person now", "\n".join(bullets)),)
                + ((Field("If you'd like", offer),) if offer else ()),
                footer=f"Lines for {region.name}. {NOT_A_SERVICE}", tone="care")
    return Reply("\n".join(lines), card=card, choices=(*buttons, _elsewhere(region)), private=True)


def harm_reply(bot: Context, req: Request) -> Reply:
    """The reply to someone who wrote about wanting to hurt someone else. Calm and private, no
    lecture: the urge is something a person on a line can talk through, and the emergency number
    comes first in case someone is in danger now."""
    region = region_for(bot, req)
    bullets = bullet_lines(bot, region)
    intro = (f"Thank you for telling me. It sounds like a lot is building up right now. {NOT_A_SERVICE} If "
             f"someone could get hurt soon, you included, call {region.emergency} now. The lines below talk "
             "with people who are afraid of what they might do, without judging, and can help you through this "
             "moment:")
    lines = [intro, *bullets]
    step = ("If you can, put some distance between you and the person, or anything you could use to hurt "
            "them, while you talk to someone.")
    lines += ["", step, "", f"These are lines for {region.name}. \"/peer support\" shows them again any time."]
    card = Card("Talk to someone now", intro, (Field("Reach a person now", "\n".join(bullets)),
                                               Field("For now", step)),
                footer=f"Lines for {region.name}. {NOT_A_SERVICE}", tone="care")
    return Reply("\n".join(lines), card=card, choices=(_elsewhere(region),), private=True)


def note_reply(bot: Context, req: Request) -> Reply:
    """A short word added to an answer that touched on crisis without being one: about someone
    else, a denial, a past experience. It offers the lines without assuming anything."""
    region = region_for(bot, req)
    first = region.line[0]
    text = (f"In case it's useful: {NOT_A_SERVICE} For you or someone you support, {first.name} is there: "
            f"{first.how}. In an emergency, call {region.emergency}. \"/peer support\" lists more.")
    return Reply(text, private=True)


# The opening of `lines_note`, so a caller can tell that an answer already carries the lines.
LINES_NOTE = "In case you need them, for the person you support or for yourself."


def lines_note(bot: Context, req: Request) -> Reply:
    """The region's emergency number and lines, added privately to an answer whose content is about
    an emergency or someone's safety (a topic or ruling with `show_lines`). It offers, it assumes
    nothing about the asker."""
    region = region_for(bot, req)
    bullets = bullet_lines(bot, region)
    lines = [f"{LINES_NOTE} {NOT_A_SERVICE}", *bullets, "",
             f"These are lines for {region.name}. \"/peer support\" shows them again any time."]
    card = Card(f"Lines for {region.name}", f"{LINES_NOTE} {NOT_A_SERVICE}",
                (Field("Reach a person", "\n".join(bullets)),), footer=NOT_A_SERVICE, tone="care")
    # No buttons: it sits under an answer as a quiet offer, not a crisis reply.
    return Reply("\n".join(lines), card=card, private=True)


def carries_lines(message: Message) -> bool:
    return isinstance(message, Reply) and message.text.startswith(LINES_NOTE)


def lines_reply(bot: Context, req: Request, region: Region) -> Reply:
    bullets = bullet_lines(bot, region)
    offer, buttons = _offer(bot, req)
    others = ", ".join(sorted(bot.support.regions))
    lines = [f"Crisis lines for {region.name}. {NOT_A_SERVICE} These are people you can reach, for yourself "
             "or with someone you support:", *bullets]
    if offer:
        lines += ["", offer]
    lines += ["", f"Another region: \"/peer support UK\" ({others})."]
    card = Card(f"Crisis lines: {region.name}", NOT_A_SERVICE, (Field("Reach a person", "\n".join(bullets)),)
                + ((Field("If you'd like", offer),) if offer else ()),
                footer=f"Another region: \"/peer support UK\" ({others})", tone="care")
    return Reply("\n".join(lines), card=card, choices=(*buttons, _elsewhere(region)), private=True)


def all_regions_reply(bot: Context) -> Reply:
    lines = [f"{NOT_A_SERVICE} The main lines everywhere I know:"]
    for region in bot.support.regions.values():
        lines.append(f"• {region.name}: emergency {region.emergency}; {region.line[0].render()}")
    lines += ["", "\"/peer support <region>\" shows all of a region's lines, e.g. \"/peer support AU\"."]
    return Reply("\n".join(lines), card=Card("Crisis lines everywhere", "\n".join(lines[1:]), tone="care"),
                 private=True)


# -- commands and buttons ---------------------------------------------------------------------
def support(bot: Context, req: Request, text: str) -> list[Message]:
    """`/peer support [region|all]`: the lines, on demand, privately."""
    wanted = text.strip()
    if not wanted:
        return [lines_reply(bot, req, region_for(bot, req))]
    if wanted.lower() in ("all", "everywhere", "regions"):
        return [all_regions_reply(bot)]
    region = bot.support.find(wanted)
    if region is None:
        # Not an error in tone: someone may have typed how they feel after the command word.
        return [lines_reply(bot, req, region_for(bot, req))]
    return [lines_reply(bot, req, region)]


def region_(bot: Context, req: Request, text: str) -> list[Message]:
    """`/peer region [id|default]`: which region's lines this workspace sees; facilitators change it."""
    wanted = text.strip()
    known = ", ".join(f"{r.id} ({r.name})" for r in bot.support.regions.values())
    current = region_for(bot, req)
    if not wanted:
        return [Reply(f"Crisis lines here are for {current.name} ({current.id}). Facilitators can change it with "
                      f"\"/peer region UK\" or go back to the default with \"/peer region default\". "
                      f"Regions: {known}.", private=True)]
    ws = workspace_key(req)
    if wanted.lower() == "default":
        bot.store.set_workspace_region(ws, "")
        bot.store.audit(ws, req.who.user_id, "region", "default")
        return [Reply(f"Crisis lines here are back to the default: {region_for(bot, req).name}.", private=True)]
    region = bot.support.find(wanted)
    if region is None:
        raise UserError(f"I don't have lines for \"{quote(wanted, 40)}\". Regions: {known}.")
    bot.store.set_workspace_region(ws, region.id)
    bot.store.audit(ws, req.who.user_id, "region", region.id)
    return [Reply(f"Crisis lines here are now for {region.name}. \"/peer support\" shows them.", private=True)]


def regions(bot: Context, req: Press, args: list[str]) -> list[Message]:
    return [all_regions_reply(bot)]


def notify(bot: Context, req: Press, args: list[str]) -> list[Message]:
    """The person pressed "Let <contact> know": tell the contact who asked, and nothing else."""
    if len(args) != 1 or not TOKEN.match(args[0]):
        raise Expired()
    target = contact_for(bot, req.where.platform)
    name = bot.settings.support_contact_name
    if target is None:
        raise UserError(f"Nobody is set up for me to contact here any more. {NOT_A_SERVICE} "
                        "\"/peer support\" lists people you can reach.")
    where = Where(req.where.platform, req.where.workspace, target, is_dm=target.startswith("@"))
    message = (f"<@{req.who.user_id}> asked me to let you know they could use some support. They chose to "
               "send this, and I haven't shared anything they wrote to me. Please reach out to them directly "
               "when you can.")
    post = Post(where, Reply(message, card=Card("Someone asked for support", message, tone="care")),
                key=f"notify:{args[0]}")
    region = region_for(bot, req)
    done = (f"Done: I've let {name} know that you could use some support, and nothing you wrote was shared. "
            f"If you're in danger right now, call {region.emergency}.")
    return [Reply(done, private=True), post]
