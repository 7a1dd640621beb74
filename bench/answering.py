"""Benchmark: the old and the new answering engines side by side, in one run.

For each engine: answering in-process (p50/p99 per question over the development questions),
resident memory before and after the bot is built, building the bot, its scores on the existing
question sets, and `peerbot ask` from process start to answer. The old engine is the one before the
trained retriever, pinned by git commit (`OLD_ENGINE`): its `bot/`, `adapters/` and `storage/` are
taken with `git archive` into a temporary folder and run there, on today's content (or, when its
loader refuses today's content, on its own commit's, and the report says which), with the same
interpreter; the new engine is this checkout. Each engine runs in its own process, so imports,
memory and timings never mix. For the new engine the fit is timed too (scikit-learn's import and
the fit, as on a first start after content changed), and the cached model it then loads.

Run: `.venv/bin/python -m bench.answering` (or `make bench`). Prints one JSON object and writes its
section of docs/benchmarks.md.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD_ENGINE = "cb69c0e"  # the last commit before the trained retriever (lexical search, facets, split rule)
QUESTION = "can I drive someone to the food bank?"

# Run inside each engine's folder: prints one JSON object.
WORKER = r"""
import importlib, json, os, statistics, sys, time, tomllib
from pathlib import Path
# The checkout is installed editable: its finder would hand a module this engine lacks (say
# bot.answering under the old engine) over from the checkout, mixing two engines in one process.
# Dropped here, so each engine imports only its own files or fails loudly.
sys.meta_path = [f for f in sys.meta_path if '__editable__' not in getattr(f, '__module__', '')]
def rss_mb():
    return int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1]) / 1024
import bot, bot.app, adapters.bootstrap  # imports first: the figures below are the bot's own
from adapters.bootstrap import build_bot
# `choose` moved when bot/ was split into capability packages (bot.choosing -> bot.answering.choosing).
choose = importlib.import_module('bot.answering.choosing' if os.path.isdir('bot/answering') else 'bot.choosing').choose
from bot.settings import Settings
data = Path(sys.argv[1])
before = rss_mb()
t0 = time.perf_counter()
b = build_bot(Settings(db=':memory:', _env_file=None))
build_s = time.perf_counter() - t0
built = rss_mb()
def cases(*names):
    return [c for n in names for c in tomllib.loads((data / n).read_text())['case']]
coarse = {'yes': 'yes', 'likely': 'yes', 'depends': 'depends', 'unlikely': 'no', 'no': 'no', 'unsure': 'unsure'}
def verdict(q):
    kind, found = choose(b, q)
    if kind == 'topic' and getattr(found, 'leaning', None) is not None:
        return found.leaning.verdict
    return found.verdict if kind in ('task', 'unsure-task') else 'unsure'
questions = [c['question'] for c in cases('task_questions.toml', 'topic_questions.toml', 'topic_questions_defs_myths.toml')]
for q in questions:
    choose(b, q)
times = []
for _ in range(5):
    for q in questions:
        t = time.perf_counter(); choose(b, q); times.append((time.perf_counter() - t) * 1000)
times.sort()
scores = {}
for s in ('', '_heldout', '_heldout2', '_heldout3', '_heldout4'):
    t = cases(f'task_questions{s}.toml')
    agree = sum(coarse[verdict(c['question'])] == coarse[c['expect']] for c in t)
    yes_no = sum(coarse[c['expect']] == 'no' and coarse[verdict(c['question'])] == 'yes' for c in t)
    p = [c for c in cases(*([f'topic_questions{s}.toml'] + (['topic_questions_defs_myths.toml'] if not s else [])))]
    hits = 0; unknown = 0; oos = 0
    for c in p:
        kind, found = choose(b, c['question'])
        if c['expect'] == 'unsure':
            oos += 1; unknown += kind in ('unknown', 'unsure-task', 'clinical')
        else:
            hits += kind == 'topic' and found.item.id == c['expect']
    scores[s.strip('_') or 'development'] = {'task': f'{agree}/{len(t)}', 'yes_to_no': yes_no,
                                            'topic': f'{hits}/{len(p) - oos}', 'out_of_scope': f'{unknown}/{oos}'}
o = cases('out_of_scope_heldout4.toml')
scores['out of scope (held-out 4)'] = f"{sum(choose(b, c['question'])[0] in ('unknown', 'unsure-task', 'clinical') for c in o)}/{len(o)}"
here = os.getcwd() + os.sep
mixed = sorted(n for n, m in list(sys.modules.items()) if n.split('.')[0] in ('bot', 'adapters', 'storage')
               and getattr(m, '__file__', None) and not m.__file__.startswith(here))
assert not mixed, f'modules from outside {here}: {mixed}'
out = {'engine_file': bot.__file__, 'rss_before_bot_mb': round(before, 1), 'rss_bot_built_mb': round(built, 1),
       'rss_after_answering_mb': round(rss_mb(), 1), 'build_bot_s': round(build_s, 3),
       'questions': len(questions), 'answers_timed': len(times), 'p50_ms': round(statistics.median(times), 3),
       'p99_ms': round(times[int(len(times) * 0.99) - 1], 3), 'scores': scores}
if hasattr(b.answerer, 'model'):
    retriever = importlib.import_module('bot.answering.retriever')
    texts, labels = retriever.training_data(b.catalog)
    t = time.perf_counter(); retriever.fit(texts, labels); out['fit_s_with_sklearn_import'] = round(time.perf_counter() - t, 3)
    out['model_mb'] = round(b.answerer.model.weights.nbytes / 1e6, 1)
    out['model_features'] = len(b.answerer.model.vocab)
print(json.dumps(out))
"""


def _run(folder: Path, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", WORKER, str(ROOT / "tests" / "data")], cwd=folder, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the engine in {folder} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


# Run once before timing `ask` in a folder: at exit, names any bot/adapters/storage module loaded
# from outside it (the editable install's finder can supply one the engine lacks).
ASK_CHECK = r"""
import atexit, os, sys
def _check():
    here = os.getcwd() + os.sep
    mixed = sorted(n for n, m in list(sys.modules.items()) if n.split('.')[0] in ('bot', 'adapters', 'storage')
                   and getattr(m, '__file__', None) and not m.__file__.startswith(here))
    if mixed:
        sys.stderr.write(f'modules from outside {here}: {mixed}\n'); os._exit(3)
atexit.register(_check)
from adapters.cli import main; main()
"""


def _ask_seconds(folder: Path, env: dict[str, str], runs: int = 10) -> float:
    checked = subprocess.run([sys.executable, "-c", ASK_CHECK, "ask", "--json", QUESTION], cwd=folder, env=env,
                             capture_output=True, text=True)
    if checked.returncode:
        raise RuntimeError(f"`peerbot ask` in {folder} failed:\n{checked.stderr[-3000:]}")
    starts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "from adapters.cli import main; main()", "ask", "--json", QUESTION],
                       cwd=folder, env=env, check=True, capture_output=True)
        starts.append(time.perf_counter() - t0)
    return round(statistics.median(starts), 3)


def main() -> dict:
    env = {"PEERBOT_DB": ":memory:", "PEERBOT_CONTENT": str(ROOT / "content"), "PATH": "/usr/bin:/bin",
           "HOME": os.environ.get("HOME", "/tmp")}
    out: dict = {"old_engine_commit": OLD_ENGINE}
    with tempfile.TemporaryDirectory(prefix="peerbot-old-engine-") as tmp:
        archive = subprocess.run(["git", "archive", OLD_ENGINE, "bot", "adapters", "storage"], cwd=ROOT,
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        _ask_seconds(ROOT, env, runs=1)  # makes sure the new engine's model is cached, as after any start
        out["old_content"] = "today's"
        for name, folder in (("old", Path(tmp)), ("new", ROOT)):
            run_env = env
            try:
                out[name] = _run(folder, run_env)
            except RuntimeError:
                if name != "old":
                    raise
                # Today's content has fields the old engine's loader refuses (checks, scenarios): it
                # then runs on the content of its own commit, and the report says so.
                content = subprocess.run(["git", "archive", OLD_ENGINE, "content"], cwd=ROOT, check=True,
                                         capture_output=True).stdout
                subprocess.run(["tar", "-x", "-C", tmp], input=content, check=True)
                run_env = {**env, "PEERBOT_CONTENT": str(Path(tmp) / "content")}
                out["old_content"] = "its own commit's"
                out[name] = _run(folder, run_env)
            out[name]["ask_process_s_median"] = _ask_seconds(folder, run_env)
            assert out[name].pop("engine_file").startswith(str(folder)), "the engine ran from the wrong folder"
    return out


TITLE = "Answering in-process, and `peerbot ask` start-up: old and new engines (`bench/answering.py`)"


def summary(r: dict) -> str:
    from bench.report import table

    old, new = r["old"], r["new"]
    rows = [["p50 / p99 per answer (ms)", f"{old['p50_ms']} / {old['p99_ms']}", f"{new['p50_ms']} / {new['p99_ms']}"],
            ["`peerbot ask` start to answer, median of 10 (s)", old["ask_process_s_median"], new["ask_process_s_median"]],
            ["building the bot (content, index, model) (s)", old["build_bot_s"], new["build_bot_s"]],
            ["resident memory: before the bot / built / after answering (MB)",
             f"{old['rss_before_bot_mb']} / {old['rss_bot_built_mb']} / {old['rss_after_answering_mb']}",
             f"{new['rss_before_bot_mb']} / {new['rss_bot_built_mb']} / {new['rss_after_answering_mb']}"]]
    for name in old["scores"]:
        a, b = old["scores"][name], new["scores"][name]
        if isinstance(a, str):
            rows.append([name, a, b])
        else:
            rows.append([f"{name}: task (yes→no), topic, out of scope",
                         f"{a['task']} ({a['yes_to_no']}), {a['topic']}, {a['out_of_scope']}",
                         f"{b['task']} ({b['yes_to_no']}), {b['topic']}, {b['out_of_scope']}"])
    old_content = r.get("old_content", "today's")
    return (f"Old engine: commit {r['old_engine_commit']} (taken with `git archive`, run on "
            f"{old_content} content); new "
            f"engine: this checkout, its model loaded from the cache beside the content. Each runs in its own "
            f"process; answers are every question of the development sets ({new['questions']}), warmed once, "
            f"then timed five times over ({new['answers_timed']:,} answers).\n\n"
            + table(rows, ["", "old", "new"])
            + f"\n\nFitting the new engine's model (a first start after the content changed, scikit-learn's import "
              f"included): {new.get('fit_s_with_sklearn_import', '?')} s; the fitted weights take "
              f"{new.get('model_mb', '?')} MB ({new.get('model_features', '?'):,} features).")


if __name__ == "__main__":
    from bench import report

    started = report.load()
    result = main()
    print(json.dumps(result, indent=2))
    report.write("answering", TITLE, summary(result), result, started)
    sys.exit(0)
