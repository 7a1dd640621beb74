"""Benchmark: answering through the Slack HTTP endpoint (p50/p99 of the ack and of the answer, peak memory).

Each question of the dev sets goes to peerbot's real Slack endpoint on 127.0.0.1 as a signed
`/peer ask <question>`, one at a time: the ack is the HTTP answer to that request (Slack wants
it within 3 s), the answer is the moment the fake Slack Web API receives peerbot's reply
(`chat.postEphemeral`). Twenty people ask in turn, so their role look-up (`users.info`) is cached
after each person's first question, as in a running bot. Peak memory is the server process's
VmHWM over the whole run (Python, Bolt, aiohttp, the content and the answers).

Run: `.venv/bin/python -m bench.slack_answering` (or `make bench`). Prints one JSON object and writes
its section of docs/benchmarks.md.
"""
from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.slack_rig import Server, fake_web_api, questions, signed, slash

PASSES = 3


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[max(int(len(ordered) * q) - 1, 0)], 2)


async def measure() -> dict:
    api = await fake_web_api().start()
    asked = questions()
    acks, answers = [], []
    with tempfile.TemporaryDirectory(prefix="peerbot-bench-") as workdir:
        server = await Server("peerbot", api.api_url, Path(workdir)).started()
        try:
            async with aiohttp.ClientSession() as session:
                n = 0
                for round_ in range(PASSES + 1):  # the first pass warms caches and is not counted
                    for q in asked:
                        n += 1
                        channel = f"C{n}"
                        body, headers = signed(slash(f"ask {q}", user=f"U{n % 20}", channel=channel, n=n))
                        replied = api.reply_to(channel)
                        t0 = time.perf_counter()
                        async with session.post(server.url, data=body, headers=headers) as response:
                            await response.read()
                            assert response.status == 200, f"HTTP {response.status} for {q!r}"
                        acked = time.perf_counter()
                        done = await asyncio.wait_for(replied, 10)
                        if round_:
                            acks.append((acked - t0) * 1000)
                            answers.append((done - t0) * 1000)
        finally:
            memory = await server.stop()
            await api.stop()
    return {"questions": len(asked), "requests_timed": len(acks),
            "ack_p50_ms": p(acks, 0.5), "ack_p99_ms": p(acks, 0.99),
            "answer_p50_ms": p(answers, 0.5), "answer_p99_ms": p(answers, 0.99),
            "answer_mean_ms": round(statistics.mean(answers), 2),
            "server_rss_after_start_mb": memory["rss_after_start_mb"], "server_peak_rss_mb": memory["peak_rss_mb"]}


def main() -> dict:
    return asyncio.run(measure())


TITLE = "Answering through the Slack HTTP endpoint (`bench/slack_answering.py`)"


def summary(r: dict) -> str:
    from bench.report import table

    return (f"Signed `/peer ask <question>` requests to peerbot's real Bolt endpoint on 127.0.0.1, one at a time, "
            f"{r['questions']} questions x 3 timed passes ({r['requests_timed']} requests), after a warm-up pass:\n\n"
            + table([["ack (HTTP 200 to Slack)", r["ack_p50_ms"], r["ack_p99_ms"]],
                     ["answer (reply reaches the fake Web API)", r["answer_p50_ms"], r["answer_p99_ms"]]],
                    ["from sending the request to", "p50 ms", "p99 ms"])
            + f"\n\nServer process memory: {r['server_rss_after_start_mb']} MB resident after start-up, "
            f"**peak {r['server_peak_rss_mb']} MB** over the run.\n\n"
            "peerbot runs Bolt with `process_before_response=True`: its listeners only acknowledge and hand the "
            "answer to a task, so the ack goes out as soon as they return, not on slack-bolt's 10 ms poll for "
            "`ack()` (`slack_bolt/listener/asyncio_runner.py`), which the bare Bolt app in the next section still "
            "shows. Run beside the test suite on this shared machine.")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main()
    print(json.dumps(result, indent=2))
    report.write("slack_answering", TITLE, summary(result), result, started)
