"""The marker as an object, built once and passed in: ``Marker(model, calibration)`` and
``Marker.load()`` (the shipped model and calibration), with ``mark`` and ``mark_many``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED
from pastpaper.errors import NothingToMark
from pastpaper.ingest import read_notes
from pastpaper.marking import Marker, Marking, mark, reference_scheme
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.marking.evaluate import read_marking_set, scheme_for
from pastpaper.schemes.scheme import MarkScheme, build_scheme

BENCH = ROOT / "benchmarks" / "data"


@pytest.fixture(scope="module")
def marker() -> Marker:
    """One marker for the whole module, with a model of its own."""
    return Marker.load()


@pytest.fixture(scope="module")
def seed_items() -> list[tuple[str, MarkScheme]]:
    """The seed's sixteen answers, to five questions of its notes."""
    course = read_notes(SHARED / "seed" / "khrushchev-modernisation.txt").course
    rows = read_marking_set(SHARED / "data" / "seed-answers.jsonl")
    return [(row["answer"], scheme_for(row, course)) for row in rows]


def _mixed(seed_items: list[tuple[str, MarkScheme]]) -> list[tuple[str, MarkScheme]]:
    """Answers to schemes of every kind: notes, acceptable answers, a scoring guide and a
    model answer; and one to a question that cannot be marked."""
    items = list(seed_items[:6])
    for name in ("short-answers", "criteria-answers", "model-answers"):
        rows = read_marking_set(BENCH / f"{name}.jsonl")[:5]
        items += [(row["answer"], scheme_for(row, None)) for row in rows]
    unmarkable = reference_scheme("Why?", [""], 2)
    return [*items[:10], ("It was cheap.", unmarkable), *items[10:]]


def test_a_marker_built_once_marks_the_seed_as_the_function_does(
    marker: Marker, seed_items: list[tuple[str, MarkScheme]]
) -> None:
    """The same answers, marked by one Marker (its own model) and by ``mark`` with the
    process's model: the same Markings, and the seed's marks as the marker gives them."""
    by_marker = [marker.mark(answer, scheme) for answer, scheme in seed_items]
    by_function = [mark(a, s, embedder(), calibration()) for a, s in seed_items]
    assert by_marker == by_function
    assert [m.mark for m in by_marker] == [6, 2, 0, 0, 4, 1, 5, 10, 0, 1, 4, 12, 1, 4, 1, 8]
    assert {m.marker_version for m in by_marker} == {marker.version}


def test_a_marker_marks_answers_to_schemes_of_every_kind(
    marker: Marker, seed_items: list[tuple[str, MarkScheme]]
) -> None:
    """Notes, acceptable answers, a scoring guide and a model answer, one after another:
    each answer marked as the function marks it, whatever the marker marked before."""
    items = [item for item in _mixed(seed_items) if item[0] != "It was cheap."]
    shapes = {s.references[0][:20] if s.references else "notes" for _, s in items}
    assert len(shapes) > 3
    for answer, scheme in items:
        assert marker.mark(answer, scheme) == mark(answer, scheme, embedder(), calibration())


def test_mark_many_equals_mark_one_by_one(
    marker: Marker, seed_items: list[tuple[str, MarkScheme]]
) -> None:
    """In chunks of four, in this process: each answer's Marking as ``mark`` gives it alone,
    in order, and the question that cannot be marked is its NothingToMark, in its place."""
    items = _mixed(seed_items)
    done: list[int] = []
    outcomes = marker.mark_many(items, done.append, chunk=4)
    assert done == [*range(4, len(items), 4), len(items)]
    alone: list[Marking | str] = []
    for answer, scheme in items:
        try:
            alone.append(Marker(embedder(), calibration()).mark(answer, scheme))
        except NothingToMark as error:
            alone.append(str(error))
    together = [str(o) if isinstance(o, NothingToMark) else o for o in outcomes]
    assert together == alone
    assert isinstance(outcomes[10], NothingToMark)


def test_markers_with_other_calibrations_do_not_mix(
    marker: Marker, seed_items: list[tuple[str, MarkScheme]]
) -> None:
    """Two markers sharing one model, with two calibrations: each marks by its own (one
    that makes every claim less likely to earn credits less) and names it, and the shipped
    one's marks are the same after the other marked."""
    stricter = calibration().model_copy(
        update={"version": "stricter", "intercept": calibration().intercept - 2}
    )
    shipped, other = Marker(embedder(), calibration()), Marker(embedder(), stricter)
    before = [shipped.mark(a, s) for a, s in seed_items]
    strict = [other.mark(a, s) for a, s in seed_items]
    assert [shipped.mark(a, s) for a, s in seed_items] == before
    assert 0 < sum(m.mark for m in strict) < sum(m.mark for m in before)
    assert {m.marker_version for m in strict} == {other.version}
    assert other.version.endswith("calibration stricter")


def test_loading_a_marker_loads_the_model_only_when_it_marks() -> None:
    """A marker built at start-up costs nothing until it marks: ONNX Runtime (the model) is
    imported by the first answer, not by ``Marker.load()``."""
    code = (
        "import json, sys; from pastpaper.marking import Marker, reference_scheme; "
        "marker = Marker.load(); before = 'onnxruntime' in sys.modules; "
        "scheme = reference_scheme('Who led the USSR after Stalin?', ['Khrushchev'], 1); "
        "marking = marker.mark('Khrushchev', scheme); "
        "print(json.dumps([before, 'onnxruntime' in sys.modules, marking.mark]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
    )
    assert json.loads(done.stdout) == [False, True, 1], done.stderr


def test_part_of_a_claim_already_credited_earns_no_second_point() -> None:
    """ "The AAA paid farmers to grow less and the TVA built dams": the two halves earn the
    AAA and the TVA; the whole sentence, which holds the first half, does not earn the TVA
    and leave "the TVA built dams" to earn the CCC's "built flood defences" too."""
    notes = ROOT / "benchmarks" / "data" / "notes" / "new-deal.txt"
    course = read_notes(notes).course
    family, question = next(
        (f, q) for _, f, q in course.questions() if q.text.startswith("In what ways did the New")
    )
    scheme = build_scheme(question, family)
    answer = (
        "The AAA paid farmers to grow less and the TVA built dams. FERA gave money to the states."
    )
    marking = mark(answer, scheme, embedder(), calibration())
    credited = {c.point_text.split(",")[0] for c in marking.credited}
    assert credited == {"AAA", "TVA", "FERA"}
    assert marking.mark == 3
