"""Scenario discussions a facilitator runs in a channel.

`/peer scenario [id|tag] [timer N | no timer]` shows the facilitator a private preview; confirming
posts the content note and situation, then the discussion questions and an anonymous poll in its
thread. The more and less helpful responses stay hidden until the facilitator presses Reveal or
the timer they chose runs out (checked on every tick, so it fires after a restart too), followed
by the debrief question. The facilitator's buttons also work as words (`/peer scenario reveal`,
`pause`, `resume`, `end`), for when the private message holding them is gone. Anyone can step out,
leaving no trace. A scenario is not repeated in a channel unless the facilitator asks for it by
id. The run's state lives in the store, and moves only as `bot.records.TRANSITIONS` allows.

A quick round (`kind = "quick-round"`) is built from role-clarity rulings instead: one anonymous
poll per ruling ("should a peer worker do this?"), and at the reveal each task shows the group's
counts beside the sources' leaning, its main reason and its source.
"""
from __future__ import annotations

import dataclasses
import random
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.actions import encode
from bot.commands import Need
from bot.content.catalog import Response, Scenario
from bot.errors import NotUnderstood, UserError
from bot.messages import Card, Choice, Command, Field, Message, Post, Press, Reply, Role
from bot.people.roles import require, workspace_key
from bot.records import Run, RunState
from bot.replies import LEANING, cite
from bot.safety.quoting import quote
from bot.scenarios import rounds
from bot.schedules.chat import channel_tz
from bot.schedules.prompts import PRIVACY
from bot.schedules.spec import zone

if TYPE_CHECKING:
    from bot.context import Context

QUICK_CHOICES = ("Yes, a peer task", "It depends", "Not a peer task")
# What each facilitator control is called when someone without the role tries it.
DOING = {"reveal": "reveal the responses", "end": "end a scenario", "pause": "pause a scenario",
         "resume": "resume a scenario"}
# Options the project wrote because the sources give none (`added_for_discussion`) are marked at
# the reveal, so a group never takes them for the sources' own advice.
ADDED_MARK = "(Added for discussion) "
ADDED_NOTE = ("Options marked \"added for discussion\" were written for this exercise; the sources below do not "
              "give them.")
# The controls as words: "/peer scenario reveal" does what the Reveal button does.
WORDS = {"reveal": "reveal", "pause": "pause", "resume": "resume", "end": "end", "stop": "end"}


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _options(words: list[str], default: int) -> tuple[list[str], int]:
    """Split "gifts timer 10" / "gifts no timer" into (["gifts"], minutes); 0 means no timer."""
    words = [w.lower() for w in words]
    text = " ".join(words)
    if "no timer" in text:
        return text.replace("no timer", "").split(), 0
    if "timer" in words:
        i = words.index("timer")
        if i + 1 >= len(words) or not words[i + 1].isdigit() or not 1 <= int(words[i + 1]) <= 24 * 60:
            raise NotUnderstood("After \"timer\" give the minutes before the reveal (1 to 1440), or say \"no timer\".")
        return words[:i] + words[i + 2:], int(words[i + 1])
    return words, default


def choose(bot: Context, channel: str, wanted: str, skip: frozenset[str] = frozenset()) -> Scenario:
    """The scenario with id `wanted`, or a random one (with tag `wanted`) this channel hasn't run.

    `skip` is what the facilitator just passed over with "Another one": left out of this pick only,
    so it can still come up another day (it was previewed, not run)."""
    if wanted in bot.catalog.scenarios:
        return bot.catalog.scenarios[wanted]  # asked for by id: a repeat is the facilitator's call
    done = bot.store.scenarios_run(channel)
    pool = [s for s in bot.catalog.scenarios.values() if not wanted or wanted in s.tags]
    if wanted and not pool:
        raise NotUnderstood(f"I have no scenario or tag called \"{quote(wanted, 40)}\". \"/peer scenarios\" lists them.")
    unrun = sorted((s for s in pool if s.id not in done), key=lambda s: s.id)
    fresh = [s for s in unrun if s.id not in skip]
    if not fresh:
        tagged = f" tagged {quote(wanted, 40)}" if wanted else ""
        if unrun:
            raise UserError(f"That was the last scenario{tagged} this channel hasn't run. Ask for any scenario "
                            "by id to run it again; \"/peer scenarios\" lists them.")
        raise UserError(f"This channel has already run every scenario{tagged}. Ask for one by id to run it "
                        "again; \"/peer scenarios\" lists them.")
    return random.Random(secrets.randbits(32)).choice(fresh)


def needs(text: str) -> Need:
    """Scenarios are the facilitator's, whether started or steered by word ("/peer scenario reveal")."""
    first = text.split()[0].lower() if text.split() else ""
    return Need(Role.FACILITATOR, DOING[WORDS[first]] if first in WORDS else "start scenarios")


def scenario(bot: Context, req: Command | Press, text: str, skip: frozenset[str] = frozenset()) -> list[Message]:
    first = text.split()[0].lower() if text.split() else ""
    if first in WORDS:
        return control(bot, req, WORDS[first])
    if req.where.is_dm:
        raise UserError("Scenarios run in a channel, with the group. Start it in the channel where you meet.")
    words, minutes = _options(text.split(), bot.settings.reveal_minutes)
    picked = choose(bot, req.where.channel_key, " ".join(words).strip(), skip)
    run = Run(id="sc" + secrets.token_hex(5), channel=req.where.channel_key, platform=req.where.platform,
              workspace=req.where.workspace, channel_id=req.where.channel, scenario_id=picked.id,
              facilitator=req.who.user_id, started_at=_iso(bot.clock.now()), reveal_minutes=minutes)
    bot.store.save_run(run)
    return [preview(bot, picked, run)]


def control(bot: Context, req: Command | Press, verb: str) -> list[Message]:
    """`/peer scenario reveal|pause|resume|end`, for the channel's latest run.

    The private message with the buttons is easy to lose (Slack drops ephemeral messages on reload;
    the terminal chat numbers only the latest buttons), and a run must never be stranded without it."""
    run = bot.store.active_run(req.where.channel_key)
    if run is None:
        raise UserError("There's no scenario running in this channel. \"/peer scenario\" starts one.")
    # Typed, not pressed: there is no button message to replace, so the replies are new messages.
    return [dataclasses.replace(m, replace=False) if isinstance(m, Reply) else m for m in ACTIONS[verb](bot, req, run)]


def preview(bot: Context, s: Scenario, run: Run) -> Reply:
    notes = ", ".join(s.content_notes) or "none"
    timer = f"reveal after {run.reveal_minutes} minutes" if run.reveal_minutes else "no timer: you reveal"
    body = s.situation
    if s.kind == "quick-round":
        # The facilitator should see the tasks the group will vote on, not only the introduction.
        tasks = "\n".join(f"• {bot.catalog.rulings[r].task}" for r in s.rulings)
        body = f"{body}\n\nThe tasks:\n{tasks}" if body else f"The tasks:\n{tasks}"
    text = (f"Preview (only you can see this): {s.title}\nFor: {s.audience}. Content notes: {notes}. "
            f"Timer: {timer}.\n\n{body}")
    card = Card(f"Preview: {s.title}", body,
                (Field("For", s.audience), Field("Content notes", notes), Field("Timer", timer)),
                footer=f"Source: {cite(s.sources)}")
    return Reply(text, card=card, private=True, choices=(
        Choice("Start", encode("scn", "go", run.id), "primary"),
        Choice("Another one", encode("scn", "other", run.id)),
        Choice("Cancel", encode("scn", "cancel", run.id))))


def scenarios_list(bot: Context, req: Command | Press, text: str) -> list[Message]:
    done = bot.store.scenarios_run(req.where.channel_key)
    lines = [f"• {s.id}: {s.title} ({s.audience}" + ("; quick round" if s.kind == "quick-round" else "")
             + (f"; content notes: {', '.join(s.content_notes)}" if s.content_notes else "")
             + (", run here before" if s.id in done else "") + ")"
             for s in sorted(bot.catalog.scenarios.values(), key=lambda s: s.id)]
    tags = sorted({t for s in bot.catalog.scenarios.values() for t in s.tags})
    text_out = ("Scenarios (\"/peer scenario ID\" to start one; add \"timer 10\" or \"no timer\"):\n" +
                "\n".join(lines) + "\n\nTags: " + ", ".join(tags))
    picks = [s for s in sorted(bot.catalog.scenarios.values(), key=lambda s: s.id) if s.id not in done][:4]
    choices = tuple(Choice(s.title[:40], encode("scn", "pick", s.id)) for s in picks)
    return [Reply(text_out, card=Card("Scenarios", text_out[:2900]), choices=choices, private=True)]


# -- presses -----------------------------------------------------------------------------
def press(bot: Context, req: Press, args: list[str]) -> list[Message]:
    if len(args) != 2:
        raise UserError("That button has expired. Ask me again and I'll give you a fresh one.")
    verb, ref = args
    if verb == "pick":
        require(bot, req, Role.FACILITATOR, "start scenarios")  # a button, so not checked by the command table
        return scenario(bot, req, ref)
    if verb == "out":
        return step_out(bot, req, ref)
    run = bot.store.run(ref)
    if run is None:
        raise UserError("I can't find that scenario run any more.")
    if verb not in ACTIONS:
        raise UserError("That button has expired. Ask me again and I'll give you a fresh one.")
    require(bot, req, Role.FACILITATOR, DOING.get(verb, "start scenarios"))
    return ACTIONS[verb](bot, req, run)


def go(bot: Context, req: Press, run: Run) -> list[Message]:
    if run.state != RunState.PREVIEW:
        raise UserError("That scenario has already started.")
    s = bot.catalog.scenarios[run.scenario_id]
    now = bot.clock.now()
    run = run.to(RunState.RUNNING, started_at=_iso(now),
                 reveal_at=_iso(now + timedelta(minutes=run.reveal_minutes)) if run.reveal_minutes else "")
    bot.store.save_run(run)
    bot.store.mark_scenario_run(run.channel, s.id)
    bot.store.audit(workspace_key(req), req.who.user_id, "scenario start", f"{s.id} in {run.channel}")
    where, rid = run.where, run.id
    posts = [Post(where, situation_reply(bot, s, rid), key=f"{rid}:situation", opens_thread=True)]
    if s.questions:
        q = "\n".join(f"{i}. {x}" for i, x in enumerate(s.questions, 1))
        posts.append(Post(where, Reply(f"Questions to talk through:\n{q}", card=Card("Questions to talk through", q)),
                          key=f"{rid}:questions", thread_of=f"{rid}:situation"))
    for i, (question, choices) in enumerate(polls(bot, s)):
        round_id = f"{rid}p{i}"
        bot.store.open_round(round_id, run.channel, "poll", [str(n) for n in range(len(choices))])
        posts.append(Post(where, poll_reply(round_id, question, choices, {}), key=f"{rid}:poll{i}",
                          thread_of=f"{rid}:situation"))
    timer = (f"The responses will be revealed at {_local_time(bot, run)}, or when you press Reveal."
             if run.reveal_at else "No timer: the responses show when you press Reveal.")
    words = "The buttons work as words too: \"/peer scenario reveal\", \"pause\", \"resume\" or \"end\"."
    # "Started" once the platform took the scenario's posts (`after_posts`); a refusal is told instead.
    return [Reply(f"Started. {timer} {words}", private=True, replace=True, choices=controls(run), after_posts=True),
            *posts]


def _local_time(bot: Context, run: Run) -> str:
    """The reveal time as the channel reads its clocks (its time zone, as for schedules)."""
    local = datetime.fromisoformat(run.reveal_at).astimezone(zone(channel_tz(bot, run.channel)))
    return local.strftime("%H:%M %Z")


def situation_reply(bot: Context, s: Scenario, rid: str) -> Reply:
    # The content note leads, so nobody meets the material before the warning.
    note = f"Content note: {', '.join(s.content_notes)}.\n\n" if s.content_notes else ""
    body = s.situation or "Quick round: should a peer worker do these? Vote in the thread, then we'll compare with the sources."
    text = (f"{note}Scenario: {s.title}\n\n{body}\n\nTalk it over in the thread. {PRIVACY} "
            "You can step out at any time.")
    card = Card(f"Scenario: {s.title}", f"{note}{body}", footer=f"{PRIVACY} Source: {cite(s.sources)}")
    return Reply(text, card=card, choices=(Choice("Step out", encode("scn", "out", rid)),))


def polls(bot: Context, s: Scenario) -> list[tuple[str, tuple[str, ...]]]:
    if s.kind == "quick-round":
        return [(f"Should a peer worker do this? {bot.catalog.rulings[r].task}", QUICK_CHOICES) for r in s.rulings]
    return [(s.poll.question, s.poll.choices)] if s.poll else []


def poll_reply(round_id: str, question: str, choices: tuple[str, ...], counts: dict[str, int]) -> Reply:
    labels = {str(i): c for i, c in enumerate(choices)}
    tally = rounds.summary(counts, labels)
    text = f"Poll (anonymous): {question}\n{tally}"
    return Reply(text, card=Card("Poll (anonymous)", question, (Field("Answers", tally),)),
                 choices=tuple(Choice(c[:75], encode("vote", round_id, i)) for i, c in enumerate(choices)))


def vote(bot: Context, req: Press, args: list[str]) -> list[Message]:
    if len(args) != 2:
        raise UserError("That button has expired. Ask me again and I'll give you a fresh one.")
    round_id, choice = args
    rid, _, index = round_id.rpartition("p")
    run = bot.store.run(rid)
    if run is None or not index.isdigit():
        raise UserError("I can't find that poll any more.")
    s = bot.catalog.scenarios[run.scenario_id]
    question, choices = polls(bot, s)[int(index)]
    counts = rounds.vote(bot, req, round_id, choice)
    updated = poll_reply(round_id, question, choices, counts)
    return [Reply(updated.text, card=updated.card, choices=updated.choices, replace=True),
            Reply("Thanks, your vote is counted anonymously. Press another choice to change it.", private=True)]


def reveal_posts(bot: Context, run: Run) -> list[Post]:
    s = bot.catalog.scenarios[run.scenario_id]
    where, rid = run.where, run.id
    # Closing the polls drops the voter hashes: from the reveal on, only the counts remain.
    tallies = [_final_tally(bot.store.close_round(f"{rid}p{i}"), choices)
               for i, (_, choices) in enumerate(polls(bot, s))]
    fields: tuple[Field, ...] = ()
    if s.kind == "quick-round":
        lines = []
        for ref, tally in zip(s.rulings, tallies, strict=False):
            r = bot.catalog.rulings[ref]
            line = f"• {r.task}\n  Your group: {tally}\n  The sources: {LEANING[r.verdict]}. {r.reasons[0]}"
            if r.verdict in ("unlikely", "no") and r.instead:
                line += f" Instead: {r.instead}"
            if r.jurisdiction:
                line += f" Depends on where you are: {r.jurisdiction}"
            lines.append(f"{line} [{cite(r.sources)}]")
        body = "What the sources lean towards:\n" + "\n".join(lines)
    else:
        less = "\n".join(map(_option, s.less_helpful))
        more = "\n".join(map(_option, s.more_helpful))
        body = f"More helpful:\n{more}\n\nLess helpful:\n{less}"
        fields = (Field("More helpful", more), Field("Less helpful", less))
        if any(x.added_for_discussion for x in (*s.less_helpful, *s.more_helpful)):
            body += f"\n\n{ADDED_NOTE}"
            fields += (Field("Note", ADDED_NOTE),)
        if s.poll and tallies:
            body += f"\n\nPoll: {s.poll.question} {tallies[0][0].upper()}{tallies[0][1:]}"
            fields += (Field("Poll", tallies[0]),)
    footer = f"Source: {cite(s.sources)}"
    return [Post(where, Reply(f"Reveal: {s.title}\n\n{body}\n{footer}",
                              card=Card(f"Reveal: {s.title}", "" if fields else body, fields, footer)),
                 key=f"{rid}:reveal", thread_of=f"{rid}:situation"),
            Post(where, Reply(f"To close: {s.debrief}", card=Card("To close", s.debrief)),
                 key=f"{rid}:debrief", thread_of=f"{rid}:situation")]


def _option(x: Response) -> str:
    return f"• {ADDED_MARK}{x.response} Why: {x.why}" if x.added_for_discussion else f"• {x.response} Why: {x.why}"


def _final_tally(counts: dict[str, int], choices: tuple[str, ...]) -> str:
    # The threshold holds at the reveal too: two answers shown would tell two people each other's vote.
    if sum(counts.values()) < rounds.SHOW_AT:
        return f"fewer than {rounds.SHOW_AT} answers, so the counts stay private."
    return rounds.summary(counts, {str(n): c for n, c in enumerate(choices)})


def reveal(bot: Context, req: Command | Press, run: Run) -> list[Message]:
    if run.state not in (RunState.RUNNING, RunState.PAUSED):
        raise UserError("That scenario has already been revealed or ended.")
    run = run.to(RunState.REVEALED, reveal_at="")
    bot.store.save_run(run)
    return [Reply("Revealed.", private=True, replace=True, choices=controls(run)), *reveal_posts(bot, run)]


def pause(bot: Context, req: Command | Press, run: Run) -> list[Message]:
    if run.state != RunState.RUNNING:
        raise UserError("Only a running scenario can be paused.")
    left = 0
    if run.reveal_at:
        left = max(0, int((datetime.fromisoformat(run.reveal_at) - bot.clock.now()).total_seconds()))
    run = run.to(RunState.PAUSED, reveal_at="", paused_left=left)
    bot.store.save_run(run)
    return [Reply("Paused: the timer is stopped until you resume.", private=True, replace=True, choices=controls(run))]


def resume(bot: Context, req: Command | Press, run: Run) -> list[Message]:
    if run.state != RunState.PAUSED:
        raise UserError("That scenario isn't paused.")
    reveal_at = _iso(bot.clock.now() + timedelta(seconds=run.paused_left)) if run.reveal_minutes else ""
    run = run.to(RunState.RUNNING, reveal_at=reveal_at, paused_left=0)
    bot.store.save_run(run)
    return [Reply("Resumed.", private=True, replace=True, choices=controls(run))]


def end(bot: Context, req: Command | Press, run: Run) -> list[Message]:
    if run.state == RunState.ENDED:  # a second press of Cancel or End: nothing left to do
        return [Reply("Cancelled.", private=True, replace=True)]
    if run.state == RunState.PREVIEW:
        bot.store.save_run(run.to(RunState.ENDED, ended_at=_iso(bot.clock.now())))
        return [Reply("Cancelled.", private=True, replace=True)]
    s = bot.catalog.scenarios[run.scenario_id]
    for i, _ in enumerate(polls(bot, s)):
        bot.store.close_round(f"{run.id}p{i}")
    run = run.to(RunState.ENDED, ended_at=_iso(bot.clock.now()), reveal_at="")
    bot.store.save_run(run)
    bot.store.audit(workspace_key(req), req.who.user_id, "scenario end", f"{s.id} in {run.channel}")
    return [Reply("Ended. Thanks for running it.", private=True, replace=True),
            Post(run.where, Reply(f"The facilitator has closed this scenario. Thank you all. {PRIVACY}"),
                 key=f"{run.id}:end", thread_of=f"{run.id}:situation")]


def other(bot: Context, req: Press, run: Run) -> list[Message]:
    if run.state != RunState.PREVIEW:
        raise UserError("That scenario has already started.")
    bot.store.save_run(run.to(RunState.ENDED, ended_at=_iso(bot.clock.now())))
    # Left out of this pick only: a preview isn't a run, so it can still come up another day.
    return scenario(bot, req, f"timer {run.reveal_minutes}" if run.reveal_minutes else "no timer",
                    skip=frozenset({run.scenario_id}))


def step_out(bot: Context, req: Press, run_id: str) -> list[Message]:
    """Leave with no trace: a vote still held against this person's hash is deleted, nothing is
    recorded about the stepping out itself, and only they see the reply."""
    run = bot.store.run(run_id)
    states: set[str] = set()
    if run is not None:
        s = bot.catalog.scenarios.get(run.scenario_id)
        for i, _ in enumerate(polls(bot, s) if s else []):
            round_id = f"{run_id}p{i}"
            found = bot.store.round(round_id)
            states.add("open" if found is not None and found.open else "closed")
            bot.store.forget_vote(round_id, rounds.voter_hash(bot, round_id, req))
    # Honest either way: once a poll has closed only anonymous counts remain, so there is nothing to remove.
    votes = (" The poll has closed: its anonymous counts hold nothing that points to you." if states == {"closed"}
             else " If you voted, your vote is removed." if states else "")
    return [Reply(f"You've stepped out. Nothing about you is kept.{votes} "
                  "Look after yourself; \"/peer support\" lists people to talk to if you need it.", private=True)]


def controls(run: Run) -> tuple[Choice, ...]:
    rid = run.id
    if run.state == RunState.RUNNING:
        return (Choice("Reveal", encode("scn", "reveal", rid), "primary"), Choice("Pause", encode("scn", "pause", rid)),
                Choice("End", encode("scn", "end", rid), "danger"))
    if run.state == RunState.PAUSED:
        return (Choice("Resume", encode("scn", "resume", rid), "primary"), Choice("Reveal", encode("scn", "reveal", rid)),
                Choice("End", encode("scn", "end", rid), "danger"))
    if run.state == RunState.REVEALED:
        return (Choice("End", encode("scn", "end", rid), "danger"),)
    return ()


def due(bot: Context, now: datetime) -> list[Post]:
    """Timers: reveal every running scenario whose time has come (after a restart too)."""
    posts: list[Post] = []
    for run in bot.store.runs_due(_iso(now)):
        # A claim: of several workers ticking at once only one reveals, and the reveal and its
        # posts' claims commit together.
        with bot.store.transaction():
            if not bot.store.claim_reveal(run.id, run.reveal_at):
                continue
            run = run.to(RunState.REVEALED, reveal_at="")
            posts += bot.claim(reveal_posts(bot, run))
    return posts


# Each verb's handler. `go` and `other` take only a Press (they are buttons); `control` passes the
# typed verbs, whose handlers take a Command or a Press. So the map's type is the common call shape.
ACTIONS: dict[str, Callable[..., list[Message]]] = {"go": go, "reveal": reveal, "pause": pause, "resume": resume, "end": end, "cancel": end, "other": other}
