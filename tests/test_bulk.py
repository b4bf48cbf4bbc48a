"""Marking in bulk (``pastpaper eval``, ``pastpaper mark --csv``) gives each answer the mark
and the feedback it gets marked alone: encoded in batches across answers, in this process
or shared between worker processes."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SHARED
from pastpaper.errors import NothingToMark
from pastpaper.ingest import read_notes
from pastpaper.marking import Marking, mark
from pastpaper.marking.bulk import encode_ahead, mark_all, workers_for
from pastpaper.marking.calibration import calibration
from pastpaper.marking.claims import claim_parts, claim_texts
from pastpaper.marking.embed import Embedder, Pieces
from pastpaper.marking.evaluate import read_marking_set, scheme_for
from pastpaper.marking.judges import clear_caches
from pastpaper.marking.kept import scheme_side
from pastpaper.marking.marker import Marker, reference_scheme
from pastpaper.schemes.scheme import MarkScheme

DATA = SHARED / "data"
BENCH = ROOT / "benchmarks" / "data"


def _sample() -> list[tuple[str, MarkScheme]]:
    """60 answers to history questions marked point by point by notes (the seed's 16 and
    44 of ours), 60 SciEntsBank train answers judged whole against references, and 20 of
    our five-mark answers judged against a model answer."""
    items: list[tuple[str, MarkScheme]] = []
    sets: list[tuple[Path, str | None, Path | None, int]] = [
        (DATA / "seed-answers.jsonl", None, SHARED / "seed" / "khrushchev-modernisation.txt", 16),
        (BENCH / "history-ww1.jsonl", None, BENCH / "notes" / "causes-ww1.txt", 22),
        (BENCH / "history-weimar.jsonl", None, BENCH / "notes" / "weimar-recovery.txt", 22),
        (BENCH / "model-answers.jsonl", None, None, 20),
    ]
    for path, split, notes, wanted in sets:
        course = read_notes(notes).course if notes is not None else None
        rows = read_marking_set(path, split)[:wanted]
        items += [(row["answer"], scheme_for(row, course)) for row in rows]
    short = [
        row
        for row in read_marking_set(DATA / "semeval2013.jsonl", "train")
        if row["dataset"] == "semeval2013-scientsbank"
    ]
    # Every seventh, for many questions rather than the first few.
    items += [(row["answer"], scheme_for(row, None)) for row in short[::7][:60]]
    return items


@pytest.fixture(scope="module")
def one_at_a_time() -> tuple[list[tuple[str, MarkScheme]], list[Marking | str]]:
    """The sample, each answer marked alone, nothing kept from one to the next."""
    items = _sample()
    calibrated = calibration()
    # A model that keeps nothing: every text is encoded where mark asks for it.
    model = Embedder(vectors_kept=0, pieces_kept=0)
    alone: list[Marking | str] = []
    for answer, scheme in items:
        try:
            alone.append(mark(answer, scheme, model, calibrated))
        except NothingToMark as error:
            alone.append(str(error))
    return items, alone


def _shown(outcomes: list[Marking | NothingToMark]) -> list[Marking | str]:
    return [str(o) if isinstance(o, NothingToMark) else o for o in outcomes]


@pytest.mark.parametrize("workers", [0, 2], ids=["this process", "two workers"])
def test_bulk_marks_as_one_at_a_time(
    one_at_a_time: tuple[list[tuple[str, MarkScheme]], list[Marking | str]], workers: int
) -> None:
    items, alone = one_at_a_time
    done: list[int] = []
    model = Embedder()
    # Chunks of 25, so that both workers mark some and chunks come back in their order.
    marked = mark_all(items, lambda: model, calibration(), done.append, workers, chunk=25)
    together = _shown(marked)
    assert done == [*range(25, len(items), 25), len(items)]
    differ = [
        (answer[:60], a, b)
        for (answer, _), a, b in zip(items, alone, together, strict=True)
        if a != b
    ]
    assert not differ, differ[:2]
    assert sum(1 for m in together if isinstance(m, Marking) and m.mark) > 40


def test_what_is_kept_between_answers_changes_no_mark(
    one_at_a_time: tuple[list[tuple[str, MarkScheme]], list[Marking | str]],
) -> None:
    """Issue 13: an answer's claims and what a judge reads of its question's references are
    kept, for the next answers to the question (``judges.clear_caches``). Each answer marked
    with nothing kept gets the mark and the feedback it gets where they are kept."""
    items, alone = one_at_a_time
    model, calibrated = Embedder(), calibration()
    cold: list[Marking | str] = []
    for answer, scheme in items:
        clear_caches()
        try:
            cold.append(mark(answer, scheme, model, calibrated))
        except NothingToMark as error:
            cold.append(str(error))
    assert cold == alone


def test_claims_kept_are_given_out_as_copies() -> None:
    scheme = reference_scheme("Why does the bulb light?", ["it is in a closed path"], 1)
    answer = "The bulb lights because the bulb is in a closed path"
    claim_texts(answer, scheme).clear()
    claim_parts(answer, scheme).clear()
    assert len(claim_texts(answer, scheme)) == 3
    assert list(claim_parts(answer, scheme)) == ["The bulb lights", "the bulb is in a closed path"]


def test_a_large_run_uses_every_core_and_a_small_one_none() -> None:
    cores = len(os.sched_getaffinity(0))
    assert workers_for(10) == 0
    assert workers_for(100_000) == (cores if cores > 1 else 0)


class _Watched:
    """An embedder that notes every text it is asked for and does not hold already."""

    def __init__(self, model: Embedder) -> None:
        self.model = model
        self.new: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.new += [t for t in texts if t not in self.model._known]
        return self.model.encode(texts)

    def pieces(self, texts: list[str]) -> list[Pieces]:
        self.new += [t for t in texts if t not in self.model._pieces]
        return self.model.pieces(texts)

    def within(self, parts: list[tuple[str, int, int]]) -> np.ndarray:
        self.new += [t[a:b] for t, a, b in parts if f"{a} {b} {t}" not in self.model._parts]
        return self.model.within(parts)


def test_marking_a_chunk_encoded_ahead_encodes_nothing_more() -> None:
    """``encode_ahead`` lists every text marking will ask the model for (the claims, the
    scheme's texts, what a whole-answer judge weighs): none is encoded on its own after."""
    items = _sample()
    model = Embedder()
    encode_ahead(items, model)
    watched = _Watched(model)
    marker = Marker(watched, calibration())
    for answer, scheme in items:
        with contextlib.suppress(NothingToMark):
            marker.mark(answer, scheme)
    assert watched.new == []


def test_a_worker_is_given_the_schemes_vectors_this_process_holds() -> None:
    """Where this process holds the schemes' vectors (read from the store, or made here),
    each worker process is given them and encodes only its answers' own texts; where the
    model was never loaded here, there is nothing to give."""
    from pastpaper.marking import bulk
    from pastpaper.marking.kept import scheme_side
    from pastpaper.marking.marker import LazyModel

    items = _sample()[:40]
    schemes = {id(scheme): scheme for _, scheme in items}.values()
    scheme_texts = {t for texts in scheme_side(schemes) for t in texts}
    parent = Embedder()
    parent.pieces(scheme_side(schemes)[0])
    parent.encode(scheme_side(schemes)[1])
    given = bulk.scheme_vectors(parent, items)
    assert set(given) == scheme_texts
    assert bulk.scheme_vectors(LazyModel(Embedder), items) == {}

    bulk._start_worker(calibration(), given)
    worker = bulk._WORKER
    assert worker is not None and isinstance(worker.model, Embedder)
    watched = _Watched(worker.model)
    worker.model = watched
    try:
        bulk._worker_chunk(items)
    finally:
        bulk._WORKER = None
    assert watched.new and not set(watched.new) & scheme_texts


@pytest.mark.parametrize("bulk", [True, False], ids=["in bulk", "one at a time"])
def test_a_short_answer_judged_whole_runs_the_model_on_two_texts(bulk: bool) -> None:
    """Issue 13: once its question's own texts are encoded, a one-sentence answer judged
    whole costs two runs of the model: the answer (its claim too, and the two halves it is
    cut into, read within it) and the answer without the question's words. (Before, the
    halves were run on their own: four.) A half that states a number is read alone."""
    scheme = reference_scheme(
        "Why does the bulb light?", ["The bulb is in a closed path with the battery."], 1
    )
    wires = "copper steel long short thin thick red blue new old".split()
    answers = [
        f"The bulb lights up {when} because the bulb is in a closed path with {kind} wires"
        for when in ("now", "again")
        for kind in wires
    ]
    model = Embedder()
    with_pieces, sentences = scheme_side([scheme])
    model.pieces(with_pieces)
    model.encode(sentences)
    marker = Marker(model, calibration())
    before = model.work()
    if bulk:
        marked = marker.mark_many([(answer, scheme) for answer in answers])
    else:
        marked = [marker.mark(answer, scheme) for answer in answers]
    texts, pieces = (after - then for after, then in zip(model.work(), before, strict=True))
    assert texts == 2 * len(answers)
    assert pieces < 2 * sum(len(model.tokenizer.encode(a).ids) for a in answers)
    assert all(isinstance(m, Marking) and m.mark == 1 for m in marked)


def test_scientsbank_answers_run_the_model_on_fewer_texts_each() -> None:
    """200 SciEntsBank train answers, judged whole against their questions' references, in
    bulk: the model runs on fewer than two and a half texts an answer (2.2; 3.0 before the
    halves of a sentence were read within it)."""
    rows = [
        row
        for row in read_marking_set(DATA / "semeval2013.jsonl", "train")
        if row["dataset"] == "semeval2013-scientsbank"
    ][:200]
    items = [(row["answer"], scheme_for(row, None)) for row in rows]
    model = Embedder()
    with_pieces, sentences = scheme_side({id(s): s for _, s in items}.values())
    model.pieces(with_pieces)
    model.encode(sentences)
    before = model.work()[0]
    Marker(model, calibration()).mark_many(items)
    assert (model.work()[0] - before) / len(items) < 2.5
