"""A trained retriever: which ruling (or "out of scope") a question is closest to, learned from content.

In the style of the intent classifiers of chat-bot frameworks (Rasa's count-vector featurizer with
character n-grams, Snips): each ruling's task, phrasings and retriever phrasings (ways of asking
that train this model only; the word search leaves them out, `bot.content.catalog.Ruling`), and a file of written out-of-scope
questions (`bot/answering/data/out_of_scope.toml`), are turned into TF-IDF vectors of
- word unigrams and bigrams that KEEP function words ("for him", "with her", "against", "without"),
  because those are the words that flip a ruling;
- stemmed content words with the project's synonyms folded (`bot.answering.text.terms`);
- character 3-4 grams inside those stems' word boundaries, so typos and word forms still meet;
and a linear classifier (scikit-learn's LinearSVC, one-vs-rest) is fitted over them. The answerer
(`bot.answering.answerer`) uses it as a candidate retriever beside the word search, and its out-of-scope class
to tell arithmetic, trivia and chit-chat from questions about the role.

scikit-learn and scipy take about a second to import, more than the whole of `peerbot ask` may
take, so they are used only to fit; numpy too (0.1 s of every start, issue 22): a question
activates about a hundred features, and the sums over their rows are done in plain Python
(`Model.scores`). What a fitted model needs to answer (the vocabulary, the idf weights, the
classes, the weights and intercepts) is saved in one binary file in a cache folder beside the
content, named by a hash of everything it was trained on; a later start maps it in a few
milliseconds, and any change to the content or the negatives gives a new hash, so the model is
refitted on its own. If the folder cannot be written (a read-only install) the model is fitted in
memory and used all the same. The featurizer below is used for fitting and for answering alike.
"""
from __future__ import annotations

import contextlib
import heapq
import json
import math
import os
import re
import struct
import sys
import tomllib
import weakref
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from operator import mul
from pathlib import Path
from typing import Any

from bot import cache_file
from bot.answering import text as text_module
from bot.answering.text import clean, terms
from bot.content.catalog import Catalog

OUT = "_out_of_scope"  # the class of written negatives: arithmetic, trivia, chit-chat, office matters
NEGATIVES = Path(__file__).parent / "data" / "out_of_scope.toml"
VERSION = "2"  # bump when the featurizer or the fitting changes, so old caches are not reused
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
CHAR_NGRAMS = (3, 4)
C = 0.1  # LinearSVC's regularisation: 0.1 matched as many development questions as 0.5, and fits faster


def features(text: str) -> list[str]:
    """The features of `text`: word 1-2 grams (function words kept), content-word stems, and
    character 3-4 grams of those stems (so "medicaton" and "medicine" still share most of theirs).
    Character n-grams of every word, function words included, were tried: they swamp the rest
    (twice the features) and matched fewer development questions."""
    toks = [t.replace("'", "") for t in _TOKEN.findall(clean(text))]
    stems = terms(text)
    out = [f"w:{t}" for t in toks]
    out += [f"b:{a} {b}" for a, b in pairwise(toks)]
    out += [f"s:{s}" for s in stems]
    lo, hi = CHAR_NGRAMS
    for t in stems:
        padded = f" {t} "
        for n in range(lo, hi + 1):
            out += [f"c:{padded[i:i + n]}" for i in range(max(len(padded) - n + 1, 1))]
    return out


def negatives(path: Path = NEGATIVES) -> list[str]:
    """The written out-of-scope questions the model learns to set apart."""
    return [c["question"] for c in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]


def training_data(catalog: Catalog, negatives_path: Path = NEGATIVES) -> tuple[list[str], list[str]]:
    """(texts, labels): every ruling's task, phrasings and retriever phrasings, then the negatives."""
    texts: list[str] = []
    labels: list[str] = []
    for r in sorted(catalog.rulings.values(), key=lambda r: r.id):
        for text in (r.task, *r.all_phrasings):
            texts.append(text)
            labels.append(r.id)
    for text in negatives(negatives_path):
        texts.append(text)
        labels.append(OUT)
    return texts, labels


def data_key(texts: list[str], labels: list[str]) -> str:
    """A hash of the training texts and of the code that turns them into features (this module and
    `bot.answering.text`), so an edit to either refits rather than reading a stale model."""
    digest = cache_file.digest(VERSION, text_module, sys.modules[__name__])
    for text, label in zip(texts, labels, strict=True):
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:20]


class Weights:
    """The fitted weights, one row per feature of one half-precision float (IEEE binary16) per
    class, little-endian: bytes after a fit, or rows read from the cache file as a question needs
    them (`os.pread`, a few hundred rows of 486 bytes). The file is not mapped: a mapping of it
    grew the Slack endpoint's resident memory by its whole 12 MB after a hundred questions (the
    kernel maps the pages around each one touched, and the file's page cache comes in large
    blocks), for the 20% of rows the questions ever read. `struct` unpacks a row into exact Python
    floats, so scoring needs no numpy."""

    def __init__(self, data: bytes, classes: int) -> None:
        self._data: bytes | None = data
        self._fd = -1
        self._offset = 0
        self._nbytes = len(data)
        self._row = struct.Struct(f"<{classes}e")
        self.classes = classes

    @classmethod
    def in_file(cls, path: Path, classes: int, offset: int, nbytes: int) -> "Weights":
        """The `nbytes` of weights at `offset` in the file at `path`, read when asked for; the file
        stays open (a cache file replaced or deleted later is still read whole) until this is dropped."""
        weights = cls(b"", classes)
        weights._data, weights._offset, weights._nbytes = None, offset, nbytes
        weights._fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        weakref.finalize(weights, os.close, weights._fd)
        return weights

    def _read(self, at: int, size: int) -> bytes:
        if self._data is not None:
            return self._data[at:at + size]
        got = os.pread(self._fd, size, self._offset + at)
        if len(got) != size:
            raise ValueError("the retriever's cache file was cut short while in use")
        return got

    def row(self, feature: int) -> tuple[float, ...]:
        return self._row.unpack(self._read(feature * self._row.size, self._row.size))

    def rows(self, features: list[int]) -> bytes:
        """The rows of `features`, in that order, one after another."""
        size = self._row.size
        return b"".join([self._read(f * size, size) for f in features])

    @property
    def nbytes(self) -> int:
        return self._nbytes

    def raw(self) -> bytes:
        return self._read(0, self._nbytes)


@dataclass(frozen=True)
class Model:
    """A fitted retriever, in plain Python: answering needs neither numpy nor scikit-learn."""

    vocab: dict[str, int]
    idf: tuple[float, ...]  # (features,)
    weights: Weights  # (features, classes), half precision (`half`)
    intercept: tuple[float, ...]  # (classes,), float32 values
    classes: tuple[str, ...]
    key: str

    def scores(self, text: str) -> list[float]:
        """One decision score per class (higher is closer): the question's TF-IDF vector (sublinear
        tf, unit length, rounded to float32 as it was fitted) times each class's weights, plus its
        intercept. Each score is the exact sum (a float32 times a float16 is exact in a Python
        float; `math.fsum` adds them with one rounding, whatever the order) rounded to float32:
        the same on every machine and Python, which a BLAS sum (its order chosen by the CPU's
        kernel) is not. Against numpy's float32 `x @ weights` (before this, issue 22) a score moves
        by at most a few float32 units in the last place (1.8e-7 over tests/data's 2,792 texts x
        235 classes) and no top-9 ranking changes.

        In plain Python this takes about 1.5 ms a question; a process that has numpy loaded already
        (a server: sqlite-utils imports it) gets the same floats from `_numpy_sums` in a tenth of it."""
        counts: dict[int, int] = {}
        for f in features(text):
            i = self.vocab.get(f)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return list(self.intercept)
        idf = self.idf
        x = [(1.0 + math.log(n)) * idf[i] for i, n in counts.items()]
        norm = math.sqrt(math.fsum([v * v for v in x]))
        x32 = array("f", [v / norm for v in x]).tolist()
        np = sys.modules.get("numpy")  # never imported for this: 0.1 s of a `peerbot ask`
        if np is not None:
            return self._numpy_sums(np, list(counts), x32)
        return self._exact_sums(list(counts), x32, range(len(self.classes)))

    def _exact_sums(self, active: list[int], x32: list[float], classes: Iterable[int]) -> list[float]:
        """Each of `classes`' score: `math.fsum` of the exact products and the intercept, rounded to float32."""
        rows = [self.weights.row(i) for i in active]
        columns = list(zip(*rows, strict=True))
        return array("f", [math.fsum([*map(mul, columns[c], x32), self.intercept[c]]) for c in classes]).tolist()

    def _numpy_sums(self, np: Any, active: list[int], x32: list[float]) -> list[float]:
        """The scores `_exact_sums` gives, from numpy: the products are exact in float64, and numpy's
        sum of them is within `bound` of the exact sum (m terms: at most (m - 1) x 2^-53 x the sum of
        their sizes; taken twice over, to cover fsum's own rounding and that of the bound). Where
        the whole interval rounds to one float32, that is the score; a class whose interval holds a
        float32 rounding boundary (about one in ten million) is summed exactly instead."""
        rows = np.frombuffer(self.weights.rows(active), dtype="<f2").reshape(len(active), len(self.classes))
        products = rows.astype(np.float64) * np.array(x32, dtype=np.float64)[:, None]
        intercept = np.array(self.intercept, dtype=np.float64)
        total = products.sum(axis=0) + intercept
        bound = (len(active) + 3) * 2.0 ** -52 * (np.abs(products).sum(axis=0) + np.abs(intercept))
        low, high = (total - bound).astype(np.float32), (total + bound).astype(np.float32)
        out: list[float] = high.astype(np.float64).tolist()
        unsure = np.flatnonzero(low != high).tolist()
        if not unsure:
            return out
        for c, exact in zip(unsure, self._exact_sums(active, x32, unsure), strict=True):
            out[c] = exact
        return out

    def score_in(self, scores: list[float], label: str) -> float:
        """`label`'s score in `scores` (from `scores()`); very low for a label the model lacks."""
        i = self._position.get(label)
        return scores[i] if i is not None else -9.0

    def top(self, scores: list[float], limit: int = 10) -> list[tuple[str, float]]:
        """The best `limit` classes in `scores`, best first (equal scores in class order)."""
        best = heapq.nlargest(limit, range(len(scores)), key=scores.__getitem__)
        return [(self.classes[i], scores[i]) for i in best]

    def ranked(self, text: str, limit: int = 10) -> list[tuple[str, float]]:
        return self.top(self.scores(text), limit)

    @cached_property
    def _position(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.classes)}


def fit(texts: list[str], labels: list[str], key: str = "") -> Model:
    """Fit the classifier (imports numpy and scikit-learn: only when no cached model fits the content)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=1, dtype=np.float32)
    x = vectorizer.fit_transform(texts)
    # A fixed seed: liblinear shuffles its coordinate descent, so an unseeded fit gives slightly different
    # weights on every machine, and a near-tie could answer differently on a fresh clone.
    clf = LinearSVC(C=C, random_state=0).fit(x, labels)
    vocab = {f: int(i) for f, i in vectorizer.vocabulary_.items()}
    return _from_arrays(vocab, vectorizer.idf_, clf.coef_.T, clf.intercept_, tuple(str(c) for c in clf.classes_),
                        key or data_key(texts, labels))


def _from_arrays(vocab: dict[str, int], idf: Any, weights: Any, intercept: Any, classes: tuple[str, ...],
                 key: str) -> Model:
    """A Model from numpy arrays (a fit, or a cache of the earlier .npz format): the weights kept in
    half precision (`half`), the intercept as float32."""
    import numpy as np

    packed = half(np.ascontiguousarray(weights, dtype=np.float32)).astype("<f2").tobytes()
    return Model(vocab, tuple(np.asarray(idf, dtype=np.float64).tolist()), Weights(packed, len(classes)),
                 tuple(np.asarray(intercept, dtype=np.float32).tolist()), classes, key)


def half(weights: Any) -> Any:
    """The weights kept in half precision (float16): 11.6 MB instead of 23 in every process that
    answers. A question reads a few hundred rows, so its scores move by less than 0.0002; over the
    4,069 questions and messages of tests/data the first answer and its score's rounding are
    unchanged (two near-ties in the top three swap)."""
    import numpy as np

    return np.asarray(weights).astype(np.float16, copy=False)


MAGIC = b"peerbot-retriever\n"


def save(model: Model, folder: Path) -> Path:
    """Write `model` as `retriever-<key>.bin`, atomically: a line of JSON (the key, the classes,
    the sizes), the feature names one per line, then the idf (float64), the intercepts (float32)
    and the weights (float16), all little-endian. No pickles, and nothing numpy must read."""
    order = sorted(model.vocab, key=model.vocab.__getitem__)
    names = "\n".join(order).encode()
    head = json.dumps({"key": model.key, "version": VERSION, "classes": list(model.classes), "features": len(order),
                       "names_bytes": len(names)}).encode()
    n, k = len(order), len(model.classes)
    blob = b"".join([MAGIC, head, b"\n", names, struct.pack(f"<{n}d", *model.idf),
                     struct.pack(f"<{k}f", *model.intercept), model.weights.raw()])
    path = folder / f"retriever-{model.key}.bin"
    if not cache_file.save(path, blob, "retriever-*"):
        raise OSError(f"cannot write {path}")
    return path


def load(path: Path) -> Model:
    """The model saved at `path` (`save`): its head, names, idf and intercepts read, its weights
    left in the file (`Weights.in_file`). A file that is not whole (cut short, or another format)
    is a ValueError."""
    with open(path, "rb") as raw:
        if raw.read(len(MAGIC)) != MAGIC:
            raise ValueError(f"{path} is not a peerbot retriever")
        head = json.loads(raw.readline())
        classes = tuple(str(c) for c in head["classes"])
        n, k = int(head["features"]), len(classes)
        names_bytes = int(head["names_bytes"])
        names = raw.read(names_bytes).decode().split("\n") if n else []
        numbers = raw.read(8 * n + 4 * k)
        at = raw.tell()
        size = os.fstat(raw.fileno()).st_size
    if len(names) != n or len(numbers) != 8 * n + 4 * k or size != at + 2 * n * k or head.get("version") != VERSION:
        raise ValueError(f"{path} is not whole")
    idf = struct.unpack_from(f"<{n}d", numbers)
    intercept = struct.unpack_from(f"<{k}f", numbers, 8 * n)
    weights = Weights.in_file(path, k, at, 2 * n * k)
    return Model(dict(zip(names, range(n), strict=True)), idf, weights, intercept, classes, str(head["key"]))


def load_npz(path: Path) -> Model:
    """A model cached in the earlier format (`retriever-<key>.npz`, numpy arrays, before issue 22):
    read with numpy, once, to be saved in the new one without fitting again."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        vocab = {str(f): i for i, f in enumerate(data["vocab"].tolist())}
        meta = json.loads(str(data["meta"]))
        return _from_arrays(vocab, data["idf"], data["weights"], data["intercept"],
                            tuple(str(c) for c in data["classes"].tolist()), meta["key"])


_memo: dict[str, Model] = {}  # by training-data key
_by_catalog: dict[int, tuple[Catalog, Path, Model]] = {}


def model_for(catalog: Catalog, cache: Path | None = None, negatives_path: Path = NEGATIVES) -> Model:
    """The retriever for `catalog`: from memory, else from the cache folder, else fitted (and cached
    when the folder can be written)."""
    seen = _by_catalog.get(id(catalog))
    if seen is not None and seen[0] is catalog and seen[1] == negatives_path:
        return seen[2]  # the same catalog object again (tests build many bots on one)
    texts, labels = training_data(catalog, negatives_path)
    key = data_key(texts, labels)
    if key in _memo:
        _by_catalog[id(catalog)] = (catalog, negatives_path, _memo[key])
        return _memo[key]
    model = None
    if cache is not None:
        for path, read in ((cache / f"retriever-{key}.bin", load), (cache / f"retriever-{key}.npz", load_npz)):
            if model is None and path.exists():
                try:
                    model = read(path)
                except (OSError, ValueError, KeyError, TypeError):
                    model = None  # a damaged cache file is refitted, never trusted
                if model is not None and read is load_npz:  # the earlier format: kept in the new one
                    with contextlib.suppress(OSError):
                        save(model, cache)
    if model is None:
        model = fit(texts, labels, key)
        if cache is not None:
            try:
                save(model, cache)
            except OSError:
                pass  # a read-only install answers with the model fitted in memory
    if len(_memo) >= 4:
        _memo.clear()
        _by_catalog.clear()
    _memo[key] = model
    _by_catalog[id(catalog)] = (catalog, negatives_path, model)
    return model
