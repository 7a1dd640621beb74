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
take, so they are used only to fit. What a fitted model needs to answer (the vocabulary, the idf
weights, the classes, the weights and intercepts) is saved as plain numpy arrays in a cache folder
beside the content, named by a hash of everything it was trained on; a later start loads it in a
few milliseconds, and any change to the content or the negatives gives a new hash, so the model is
refitted on its own. If the folder cannot be written (a read-only install) the model is fitted in
memory and used all the same. The featurizer below is used for fitting and for answering alike.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path

import numpy as np

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
    digest = hashlib.sha256(VERSION.encode())
    for text, label in zip(texts, labels, strict=True):
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class Model:
    """A fitted retriever, as plain arrays: answering needs numpy only."""

    vocab: dict[str, int]
    idf: np.ndarray  # (features,)
    weights: np.ndarray  # (features, classes), float16 (`half`)
    intercept: np.ndarray  # (classes,)
    classes: tuple[str, ...]
    key: str

    def scores(self, text: str) -> np.ndarray:
        """One decision score per class (higher is closer)."""
        counts: dict[int, int] = {}
        for f in features(text):
            i = self.vocab.get(f)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return self.intercept.copy()
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        x = tf * self.idf[idx]
        x /= np.linalg.norm(x)
        score: np.ndarray = x.astype(np.float32) @ self.weights[idx] + self.intercept
        return score

    def score_in(self, scores: np.ndarray, label: str) -> float:
        """`label`'s score in `scores` (from `scores()`); very low for a label the model lacks."""
        i = self._position.get(label)
        return float(scores[i]) if i is not None else -9.0

    def top(self, scores: np.ndarray, limit: int = 10) -> list[tuple[str, float]]:
        """The best `limit` classes in `scores`, best first."""
        best = np.argpartition(-scores, min(limit, len(scores) - 1))[:limit]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(self.classes[i], float(scores[i])) for i in best]

    def ranked(self, text: str, limit: int = 10) -> list[tuple[str, float]]:
        return self.top(self.scores(text), limit)

    @cached_property
    def _position(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.classes)}


def fit(texts: list[str], labels: list[str], key: str = "") -> Model:
    """Fit the classifier (imports scikit-learn: only when no cached model fits the content)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    vectorizer = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=1, dtype=np.float32)
    x = vectorizer.fit_transform(texts)
    clf = LinearSVC(C=C).fit(x, labels)
    vocab = {f: int(i) for f, i in vectorizer.vocabulary_.items()}
    weights = half(np.ascontiguousarray(clf.coef_.T, dtype=np.float32))
    return Model(vocab, vectorizer.idf_.astype(np.float64), weights, clf.intercept_.astype(np.float32),
                 tuple(str(c) for c in clf.classes_), key or data_key(texts, labels))


def save(model: Model, folder: Path) -> Path:
    """Write `model` as `retriever-<key>.npz` (plain arrays, no pickles), atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"retriever-{model.key}.npz"
    order = sorted(model.vocab, key=model.vocab.__getitem__)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".npz.tmp")
    with os.fdopen(fd, "wb") as out:
        np.savez(out, vocab=np.array(order), idf=model.idf, weights=model.weights, intercept=model.intercept,
                 classes=np.array(model.classes), meta=np.array(json.dumps({"key": model.key, "version": VERSION})))
    os.replace(tmp, path)
    for old in folder.glob("retriever-*.npz"):  # models of earlier content are of no further use
        if old != path:
            old.unlink(missing_ok=True)
    return path


def half(weights: np.ndarray) -> np.ndarray:
    """The weights kept in half precision (float16): 9.6 MB instead of 19 in every process that
    answers. A question reads a few hundred rows and adds them up in float32, so its scores move by
    less than 0.0002; over the 4,069 questions and messages of tests/data the first answer and its
    score's rounding are unchanged (two near-ties in the top three swap)."""
    return weights.astype(np.float16, copy=False)


def _mapped(path: Path, name: str) -> np.ndarray | None:
    """Array `name` of the .npz at `path` mapped read-only from the file, not read into memory, or
    None when it cannot be (a compressed member, or not a plain array).

    `np.savez` stores each array uncompressed, as a .npy file inside the zip: its bytes sit at a
    fixed offset, so the weights (10 MB) can be mapped where they lie and a start no longer reads
    them: about 15 ms of every `peerbot ask`. (Not a memory saving: the kernel maps neighbouring
    pages on every fault, so after a few questions nearly all of it is resident, though shared by
    every process on the same file.)"""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(f"{name}.npy")
    if info.compress_type != zipfile.ZIP_STORED:
        return None
    with open(path, "rb") as raw:
        raw.seek(info.header_offset)
        local = raw.read(30)  # the member's local header: its name and extra field lengths at 26-29
        if local[:4] != b"PK\x03\x04":
            return None
        raw.seek(info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little"))
        version = np.lib.format.read_magic(raw)
        if version != (1, 0):
            return None
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(raw)
        if dtype.hasobject:
            return None
        offset = raw.tell()
    mapped: np.ndarray = np.memmap(path, dtype=dtype, mode="r", offset=offset, shape=shape,
                                   order="F" if fortran else "C")
    return mapped


def load(path: Path) -> Model:
    with np.load(path, allow_pickle=False) as data:
        vocab = {str(f): i for i, f in enumerate(data["vocab"].tolist())}
        meta = json.loads(str(data["meta"]))
        weights = _mapped(path, "weights")
        if weights is None or weights.dtype != np.float16:
            weights = data["weights"]
        model = Model(vocab, data["idf"], half(weights), data["intercept"],
                      tuple(data["classes"].tolist()), meta["key"])
    if weights.dtype != np.float16:  # a cache written in full precision: rewritten once, in half
        with contextlib.suppress(OSError):
            save(model, path.parent)
    return model


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
    path = cache / f"retriever-{key}.npz" if cache is not None else None
    model = None
    if path is not None and path.exists():
        try:
            model = load(path)
        except (OSError, ValueError, KeyError):
            model = None  # a damaged cache file is refitted, never trusted
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
