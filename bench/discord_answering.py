"""Benchmark: answering `/peer ask` through the real discord.py against the fake Discord (p50/p99 of
the answer, and a burst's rate), beside the Slack ones.

The fake Discord the tests use (testing/fake_discord.py: REST and gateway on 127.0.0.1) and
peerbot's real `DiscordPlatform` run in this process, as in the tests. Each question of the dev sets
is an `INTERACTION_CREATE` sent on the gateway; its time is until the fake receives peerbot's
interaction response (on Discord the answer is the response: no separate ack). First one at a time
(`PASSES` times over the questions), then a burst of `BURST` questions at once, whose answers per
second is what one process sustains when questions pile up.

Run: `.venv/bin/python -m bench.discord_answering` (or `make bench`). Prints one JSON object and
writes its section of docs/benchmarks.md.
"""
from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.slack_rig import memory_mb, questions

ROOT = Path(__file__).resolve().parent.parent
PASSES = 3
BURST = 200


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[max(int(len(ordered) * q) - 1, 0)], 2)


async def measure() -> dict:
    import discord
    import yarl

    from adapters.bootstrap import build_bot
    from adapters.discord.platform import DiscordPlatform
    from adapters.settings import AppSettings as Settings
    from bot.delivery.outbox import Outbox
    from testing import discord_payloads as P  # noqa: N812 - the tests' name for it
    from testing.fake_discord import FakeDiscord

    asked = questions()
    fake = await FakeDiscord().start()
    discord.http.Route.BASE = fake.api
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    with tempfile.TemporaryDirectory(prefix="peerbot-bench-") as workdir:
        settings = Settings(PEERBOT_DB=str(Path(workdir) / "d.db"), DISCORD_TOKEN="fake-token",
                            DISCORD_FACILITATOR_ROLE="Facilitators", _env_file=None)
        bot = build_bot(settings)
        platform = DiscordPlatform(bot, settings, Outbox(bot.store, {}, bot.clock), ready_timeout=10,
                                   guild_ready_timeout=0.05)
        await platform.start()
        started = memory_mb()["VmRSS"]

        async def ask(question: str) -> float:
            payload = P.slash("ask", question)
            t0 = time.perf_counter()
            await fake.dispatch("INTERACTION_CREATE", payload)
            await fake.callback(payload["id"], timeout=60)
            return (time.perf_counter() - t0) * 1000

        try:
            for q in asked[:20]:  # warm: first answers, caches
                await ask(q)
            one_at_a_time = [await ask(q) for _ in range(PASSES) for q in asked]
            t0 = time.perf_counter()
            burst = await asyncio.gather(*(ask(asked[i % len(asked)]) for i in range(BURST)))
            burst_s = time.perf_counter() - t0
        finally:
            await platform.stop()
            bot.store.close()
            await fake.stop()
    return {"questions": len(asked), "answers_timed": len(one_at_a_time),
            "answer_p50_ms": p(one_at_a_time, 0.5), "answer_p99_ms": p(one_at_a_time, 0.99),
            "answer_mean_ms": round(statistics.mean(one_at_a_time), 2),
            "burst": BURST, "burst_answers_per_s": round(BURST / burst_s, 1),
            "burst_answer_p50_ms": p(burst, 0.5), "burst_answer_p99_ms": p(burst, 0.99),
            "rss_after_start_mb": started, "peak_rss_mb": memory_mb()["VmHWM"],
            "note": "fake Discord and peerbot share this process (and its CPU)"}


def main() -> dict:
    return asyncio.run(measure())


TITLE = "Discord: answering through discord.py against the fake Discord (`bench/discord_answering.py`)"


def summary(r: dict) -> str:
    return (f"Each dev-set question ({r['questions']}) as a `/peer ask` interaction on the fake gateway, timed until "
            f"peerbot's interaction response reached the fake (on Discord the answer is the response). One at a "
            f"time, {r['answers_timed']} answers: p50 **{r['answer_p50_ms']} ms**, p99 **{r['answer_p99_ms']} ms**. "
            f"A burst of {r['burst']} at once: **{r['burst_answers_per_s']} answers/s** (each answer p50 "
            f"{r['burst_answer_p50_ms']} ms, p99 {r['burst_answer_p99_ms']} ms from when the burst began). Peak "
            f"memory {r['peak_rss_mb']} MB (the fake Discord shares the process and its CPU).")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main()
    print(json.dumps(result, indent=2))
    report.write("discord_answering", TITLE, summary(result), result, started)
