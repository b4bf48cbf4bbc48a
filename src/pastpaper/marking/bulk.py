"""Marking many answers at once, as ``pastpaper eval`` and ``pastpaper mark --csv`` do.

``Marker.mark_many`` comes here. Answers are marked in chunks: a chunk's claims (and the
answers judged whole) are encoded first, in a few large batches across answers, and each
answer is then marked as ``Marker.mark`` marks it alone, finding its vectors ready. A
sentence's vector does not depend on the batch it was encoded in (the model masks the
padding), so the marks and the feedback are the ones an answer gets marked by itself
(tests/test_bulk.py checks it on a sample).

Both cores are used. A large run is shared between worker processes, one a core, each
with the model loaded once and one thread for it, so that the marker's own Python work
(claims, key terms, facts) runs on both cores too, not only the model's; a small run stays
in one process, where ONNX Runtime gives the model a thread a core, as starting a worker
(about a second) would cost more than it saves. ``benchmarks/marking_speed.py`` measures
both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from pastpaper.errors import NothingToMark
from pastpaper.marking.calibration import Calibration
from pastpaper.marking.claims import MAX_ANSWER_CHARS, claim_parts, claim_texts, read_as_marked
from pastpaper.marking.features import scheme_texts
from pastpaper.marking.judges import ANSWER_FEATURES, judged_texts
from pastpaper.marking.result import Marking
from pastpaper.schemes.references import Reference, read_reference
from pastpaper.schemes.scheme import MarkScheme

if TYPE_CHECKING:
    from pastpaper.marking.embed import Kept
    from pastpaper.marking.marker import Marker, Model

__all__ = [
    "CHUNK",
    "WORKERS_FROM",
    "Item",
    "Outcome",
    "encode_ahead",
    "mark_all",
    "mark_chunk",
    "mark_many",
    "scheme_vectors",
    "workers_for",
]

#: Answers encoded together before they are marked (and sent to a worker at once).
CHUNK = 200
#: The fewest answers shared between worker processes; fewer are marked in this one.
WORKERS_FROM = 400

#: An answer and the scheme it is marked by.
Item = tuple[str, MarkScheme]
#: What marking an answer gave: its marking, or why its question cannot be marked.
Outcome = Marking | NothingToMark


def workers_for(answers: int) -> int:
    """How many worker processes mark this many answers: one a core for a large run, none
    (marking in this process) for a small one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) if answers >= WORKERS_FROM and (cores or 1) > 1 else 0


def encode_ahead(
    items: Sequence[Item], model: Model, calibration: Calibration | None = None
) -> None:
    """Encode every text that marking these answers will ask the model for, each distinct
    text once, in a few large batches: each answer's claims, and, for an answer judged
    whole, every text its judge weighs (``judges.judged_texts``; with ``calibration``, only
    what the judge it gives the question weighs). A question's own texts (its reference, its
    points) are the same for each of its answers, so they are encoded once, with the first.
    Marking each answer then finds its vectors kept by the model."""
    with_pieces: dict[str, None] = {}
    sentences: dict[str, None] = {}
    within: dict[tuple[str, int, int], None] = {}
    references: dict[int, Reference | None] = {}
    used: dict[int, tuple[str, ...]] = {}
    for answer, scheme in items:
        if id(scheme) not in references:
            sentences.update(dict.fromkeys(scheme_texts(scheme)))
            found = (
                read_reference(scheme.references, scheme.max_marks) if scheme.reference else None
            )
            references[id(scheme)] = found
            judge = calibration.judge_for(found) if calibration and found else None
            used[id(scheme)] = judge.features if judge is not None else ANSWER_FEATURES
        text = answer[:MAX_ANSWER_CHARS]
        parts = claim_parts(text, scheme) if scheme.reference else {}
        sentences.update(dict.fromkeys(c for c in claim_texts(text, scheme) if c not in parts))
        within.update(dict.fromkeys(parts.values()))
        reference = references[id(scheme)]
        if reference is not None and answer.strip():
            read = read_as_marked(answer, scheme)
            pieces, whole, read_within = judged_texts(read, reference, scheme, used[id(scheme)])
            with_pieces.update(dict.fromkeys(pieces))
            sentences.update(dict.fromkeys(whole))
            within.update(dict.fromkeys(read_within))
    # The claims read within others first: their run gives the others' sentence vectors
    # and pieces too (an answer of one sentence cut in two); then pieces, whose run gives
    # the sentence vectors too (a one-sentence answer judged whole is its own claim).
    model.within(list(within))
    model.pieces(list(with_pieces))
    model.encode([t for t in sentences if t not in with_pieces])


def mark_many(
    marker: Marker,
    items: Sequence[Item],
    progress: Callable[[int], None] = lambda done: None,
    workers: int = 0,
    chunk: int = CHUNK,
) -> list[Outcome]:
    """Mark every answer against its scheme, in order, with ``marker`` (``Marker.mark_many``);
    ``progress`` hears how many are done. ``workers`` worker processes, if more than one,
    each load the embedding model of their own, mark with the marker's calibration, and
    take ``chunk`` answers at a time."""
    chunks = [list(items[first : first + chunk]) for first in range(0, len(items), chunk)]
    outcomes: list[Outcome] = []
    marked = (
        _in_workers(chunks, marker.calibration, workers, scheme_vectors(marker.model, items))
        if workers > 1
        else None
    )
    if marked is None:
        marked = (mark_chunk(chunk, marker) for chunk in chunks)
    for done in marked:
        outcomes += done
        progress(len(outcomes))
    return outcomes


def mark_all(
    items: Sequence[Item],
    model: Callable[[], Model],
    calibration: Calibration,
    progress: Callable[[int], None] = lambda done: None,
    workers: int = 0,
    chunk: int = CHUNK,
) -> list[Outcome]:
    """``mark_many`` for a caller that holds a calibration and what gives the model rather
    than a Marker: ``model`` is called once, when an answer is first marked in this process
    (never, when ``workers`` mark them all)."""
    from pastpaper.marking.marker import LazyModel, Marker

    return mark_many(Marker(LazyModel(model), calibration), items, progress, workers, chunk)


def mark_chunk(chunk: list[Item], marker: Marker) -> list[Outcome]:
    """Mark a chunk of answers with this marker: their texts encoded ahead, together."""
    encode_ahead(chunk, marker.model, marker.calibration)
    return [_marked(answer, scheme, marker) for answer, scheme in chunk]


def _marked(answer: str, scheme: MarkScheme, marker: Marker) -> Outcome:
    try:
        return marker.mark(answer, scheme)
    except NothingToMark as error:
        return error


def scheme_vectors(model: Model, items: Sequence[Item]) -> dict[str, Kept]:
    """The vectors this process's model holds of the texts every answer to these schemes is
    weighed against (read from a store by ``kept.warm``, or made here): given them, a worker
    process or a Ray actor does not encode them again. None where the model has not been
    loaded here."""
    from pastpaper.marking.embed import Embedder
    from pastpaper.marking.kept import scheme_side
    from pastpaper.marking.marker import LazyModel

    embedder = model.made() if isinstance(model, LazyModel) else model
    if not isinstance(embedder, Embedder):
        return {}
    with_pieces, sentences = scheme_side({id(scheme): scheme for _, scheme in items}.values())
    return embedder.held([*with_pieces, *sentences])


def _in_workers(
    chunks: list[list[Item]], calibration: Calibration, workers: int, vectors: dict[str, Kept]
) -> Iterator[list[Outcome]]:
    """Each chunk's outcomes, in order, marked by ``workers`` processes, each given
    ``vectors`` to hold. They are started afresh ('spawn'): a process forked from one
    running the model's threads is not safe. Process pools are imported here: marking one
    answer at a time never needs them."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_start_worker,
        initargs=(calibration, vectors),
    )
    with pool:
        yield from pool.map(_worker_chunk, chunks)


_WORKER: Marker | None = None


def _start_worker(calibration: Calibration, vectors: dict[str, Kept]) -> None:
    """Load a worker's model once, with one thread (the other cores have workers of their
    own), holding the schemes' vectors it is given."""
    from pastpaper.marking.embed import Embedder
    from pastpaper.marking.marker import Marker

    global _WORKER
    embedder = Embedder(threads=1)
    embedder.keep(vectors)
    _WORKER = Marker(embedder, calibration)


def _worker_chunk(chunk: list[Item]) -> list[Outcome]:
    if _WORKER is None:
        raise RuntimeError("a bulk marking worker was not started")
    return mark_chunk(chunk, _WORKER)
