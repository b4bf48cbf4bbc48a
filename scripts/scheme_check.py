"""How close are our mark schemes to an examiner's? For every question of every notes file
of the corpus (benchmarks/data/notes), build its scheme with pastpaper's own code, as
``pastpaper scheme`` does, and compare the points it credits with the hand-made examiner's
list in benchmarks/data/schemes/NAME.yaml. Print, per file and overall:

- recall: the share of the hand list's points that the scheme credits;
- precision: the share of the scheme's creditable points that are on the hand list;
- shared: hand points found only in a scheme point that also carries another hand point of
  the same question (the scheme lumps two creditable points into one).

Both are counted over points, summed over every question of a file (and of the corpus for
the overall row), so a question with many points weighs more than one with few.

    python scripts/scheme_check.py              # the table
    python scripts/scheme_check.py --verbose    # and each question's missing and extra points
    python scripts/scheme_check.py causes-ww1   # only the files whose name contains this
    python scripts/scheme_check.py --lists benchmarks/data/schemes-second   # another examiner's
    python scripts/scheme_check.py --agreement  # how far the two examiners' lists agree
    python scripts/scheme_check.py --either     # precision: a point either examiner credits
    python scripts/scheme_check.py --corpus benchmarks/data/held-out   # another corpus

``--corpus DIR`` reads the notes from DIR/notes and the hand lists from DIR/schemes (a second
examiner's, for ``--agreement``, from DIR/schemes-second); benchmarks/data/held-out is the
held-out set, to be run once when the choices are final (its README).

benchmarks/data/schemes-second holds a second examiner's lists, made without seeing the first
or our schemes. Where two examiners credit different points, a scheme cannot match both:
``--agreement`` prints the share of each list's entries that the other credits too (an entry
matches another in the same paragraph overlapping it by half the shorter, as rule 2 below),
the ceiling a scheme's precision and recall can be held to. ``--either`` counts a scheme's
point as listed where the second examiner credits it though the first does not (recall stays
the first's): what is left extra is a point that neither examiner credits.

A hand list names each point by a short fragment of the notes, copied verbatim, unique in
its notes file (tests/test_corpus.py checks it), so that the list stays valid when the way
notes are cut into points changes. A scheme's point matches a hand entry when

1. the entry's fragment, normalised with ``pastpaper.text.match_key``, occurs in the
   point's own text; or
2. the point and the fragment stand in the same notes paragraph and overlap, by at least
   half of the shorter of the two (in characters).

The second rule keeps a match when points are cut differently from the fragment: a
fragment cut across two points matches the one holding most of it, and a short point
lying inside a fragment matches it. Matching by the point's whole source sentence was
rejected: a sentence often holds a reason and a plain description side by side ("Germany
felt encircled ..., and its generals answered with the Schlieffen Plan"), and matching by
sentence would count the description as on the list whenever the reason is.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pastpaper.course import Course, Question, QuestionFamily
from pastpaper.ingest import read_notes
from pastpaper.schemes.points import Point
from pastpaper.schemes.scheme import build_scheme
from pastpaper.text import match_key, shorten

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"
NOTES = DATA / "notes"
SCHEMES = DATA / "schemes"
SECOND = DATA / "schemes-second"


@dataclass(frozen=True)
class Entry:
    """One point of a hand list: its fragment, and where the fragment stands in the notes."""

    fragment: str
    note: int  # the paragraph of the family's notes that holds it
    start: int
    end: int


@dataclass
class Tally:
    """Counts for recall and precision, and what was missed or added, question by question."""

    hand: int = 0
    found: int = 0
    eligible: int = 0
    listed: int = 0
    shared: int = 0
    questions: int = 0
    missing: list[tuple[str, list[str]]] = field(default_factory=list)
    extra: list[tuple[str, list[str]]] = field(default_factory=list)
    lumped: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.hand += other.hand
        self.found += other.found
        self.eligible += other.eligible
        self.listed += other.listed
        self.shared += other.shared
        self.questions += other.questions

    @property
    def recall(self) -> float:
        return self.found / self.hand if self.hand else 1.0

    @property
    def precision(self) -> float:
        return self.listed / self.eligible if self.eligible else 1.0


class HandListError(Exception):
    """A hand list that does not fit its notes: names the list and the entry."""


def notes_file(hand_list: Path, notes: Path = NOTES) -> Path:
    """The notes a hand list is about: the ``notes`` key, a file in the folder ``notes``."""
    return notes / str(_load(hand_list)["notes"])


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not {"notes", "questions"} <= set(data):
        raise HandListError(f"{path.name}: needs the keys 'notes' and 'questions'")
    return data


def read_hand_list(
    path: Path, notes: Path = NOTES
) -> tuple[Course, list[tuple[Question, QuestionFamily, list[Entry]]]]:
    """The notes' course (from the folder ``notes``), and each listed question with its family
    and its hand entries."""
    data = _load(path)
    course = read_notes(notes / str(data["notes"])).course
    asked = {match_key(q.text): (q, family) for _, family, q in course.questions()}
    listed = []
    for item in data["questions"]:
        key = match_key(str(item["question"]))
        if key not in asked:
            raise HandListError(f"{path.name}: no such question in the notes: {item['question']}")
        question, family = asked[key]
        entries = [_locate(path, family, str(fragment)) for fragment in item["credit"] or []]
        listed.append((question, family, entries))
    return course, listed


def _locate(path: Path, family: QuestionFamily, fragment: str) -> Entry:
    """Where a fragment stands in its family's notes (matched as match_key matches)."""
    wanted = match_key(fragment)
    for index, note in enumerate(family.notes):
        key, places = _keyed(note)
        at = key.find(wanted)
        if at >= 0:
            return Entry(fragment, index, places[at], places[at + len(wanted) - 1] + 1)
    raise HandListError(f"{path.name}: not in the notes of its question: {fragment!r}")


def _keyed(text: str) -> tuple[str, list[int]]:
    """``match_key(text)``, character by character, with where each character came from."""
    key: list[str] = []
    places: list[int] = []
    for place, char in enumerate(text):
        for out in match_key(f"x{char}x")[1:-1]:
            if out == " " and (not key or key[-1] == " "):
                continue  # runs of space are one space, as match_key makes them
            key.append(out)
            places.append(place)
    return "".join(key), places


def matches(point: Point, entry: Entry) -> bool:
    """Does a scheme's point say what a hand entry names? (The rules in this module's doc.)"""
    if match_key(entry.fragment) in match_key(point.text):
        return True
    if point.source.note != entry.note:
        return False
    overlap = min(point.source.end, entry.end) - max(point.source.start, entry.start)
    shorter = min(point.source.end - point.source.start, entry.end - entry.start)
    return overlap > 0 and overlap * 2 >= shorter


def check(path: Path, notes: Path = NOTES, also: Path | None = None) -> Tally:
    """Compare every listed question's scheme with its hand list; with ``also``, another
    examiner's list of the same questions, a scheme's point either list credits is no extra
    (recall is still the first list's)."""
    _, listed = read_hand_list(path, notes)
    second = {q.text: entries for q, _, entries in read_hand_list(also, notes)[1]} if also else {}
    tally = Tally()
    for question, family, entries in listed:
        credited = [p.point for p in build_scheme(question, family).creditable]
        missing = [e.fragment for e in entries if not any(matches(p, e) for p in credited)]
        either = [*entries, *second.get(question.text, [])]
        extra = [p.text for p in credited if not any(matches(p, e) for e in either)]
        tally.questions += 1
        tally.hand += len(entries)
        tally.found += len(entries) - len(missing)
        tally.eligible += len(credited)
        tally.listed += len(credited) - len(extra)
        lumped = [e.fragment for e in entries if _shares(e, entries, credited)]
        tally.shared += len(lumped)
        label = f"{question.year}: {question.text}" if question.year else question.text
        if missing:
            tally.missing.append((label, missing))
        if extra:
            tally.extra.append((label, extra))
        if lumped:
            tally.lumped.append((label, lumped))
    return tally


def overlaps(entry: Entry, other: Entry) -> bool:
    """Do two hand entries name one point: in the same paragraph, overlapping by at least
    half of the shorter?"""
    if entry.note != other.note:
        return False
    overlap = min(entry.end, other.end) - max(entry.start, other.start)
    shorter = min(entry.end - entry.start, other.end - other.start)
    return overlap > 0 and overlap * 2 >= shorter


def agreement(first: Path, second: Path, notes: Path = NOTES) -> tuple[int, int, int, int, int]:
    """Two examiners' lists for the same notes: questions, each list's entries, and how many
    of each the other credits too (first's found in second's, second's in first's)."""
    _, ours = read_hand_list(first, notes)
    _, theirs = read_hand_list(second, notes)
    other = {match_key(q.text): entries for q, _, entries in theirs}
    counts = [0, 0, 0, 0, 0]
    for question, _, entries in ours:
        seconds = other.get(match_key(question.text))
        if seconds is None:
            raise HandListError(f"{second.name}: no list for {question.text!r}")
        counts[0] += 1
        counts[1] += len(entries)
        counts[2] += len(seconds)
        counts[3] += sum(any(overlaps(e, s) for s in seconds) for e in entries)
        counts[4] += sum(any(overlaps(s, e) for e in entries) for s in seconds)
    return counts[0], counts[1], counts[2], counts[3], counts[4]


def _shares(entry: Entry, entries: list[Entry], credited: list[Point]) -> bool:
    """Is a found entry credited only through points that carry another entry too? (Then a
    candidate earns one mark where the examiner gives two: the scheme lumps points.)"""
    mine = [p for p in credited if matches(p, entry)]
    others = [e for e in entries if e != entry]
    return bool(mine) and all(any(matches(p, e) for e in others) for p in mine)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("only", nargs="?", default="", help="only files whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missing, extra, shared")
    parser.add_argument(
        "--corpus", type=Path, default=DATA, help="the corpus: DIR/notes and DIR/schemes"
    )
    parser.add_argument(
        "--lists", type=Path, help="the folder of hand lists to check against (DIR/schemes)"
    )
    parser.add_argument(
        "--agreement", action="store_true", help="how far the two examiners' lists agree"
    )
    parser.add_argument(
        "--either",
        action="store_true",
        help="precision against both examiners: a point the second's list credits is no extra",
    )
    args = parser.parse_args(argv)
    notes = args.corpus / "notes"
    if not notes.is_dir():
        print(f"error: no notes folder in the corpus: {notes}", file=sys.stderr)
        return 1
    if args.agreement:
        return _agreement(args.only, args.corpus)
    out = Console()
    table = Table("notes", "questions", "hand points", "eligible", "recall", "precision", "shared")
    overall = Tally()
    for path in sorted((args.lists or args.corpus / "schemes").glob("*.yaml")):
        if args.only not in path.stem:
            continue
        try:
            second = args.corpus / "schemes-second" / path.name if args.either else None
            tally = check(path, notes, second)
        except HandListError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        overall.add(tally)
        table.add_row(notes_file(path, notes).name, *_figures(tally))
        if args.verbose:
            _details(out, notes_file(path, notes).name, tally)
    table.add_section()
    table.add_row("all", *_figures(overall))
    out.print(table)
    return 0


def _agreement(only: str, corpus: Path) -> int:
    table = Table(
        "notes",
        "questions",
        "first's",
        "second's",
        "first's the second credits",
        "second's the first credits",
    )
    total = [0, 0, 0, 0, 0]
    notes = corpus / "notes"
    for path in sorted((corpus / "schemes").glob("*.yaml")):
        if only not in path.stem:
            continue
        try:
            counts = agreement(path, corpus / "schemes-second" / path.name, notes)
        except (HandListError, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        total = [a + b for a, b in zip(total, counts, strict=True)]
        table.add_row(notes_file(path, notes).name, *_shared_figures(counts))
    table.add_section()
    table.add_row("all", *_shared_figures(tuple(total)))
    Console().print(table)
    return 0


def _shared_figures(counts: Sequence[int]) -> list[str]:
    questions, first, second, first_found, second_found = counts
    return [
        str(questions),
        str(first),
        str(second),
        f"{first_found / first:.2f} ({first_found}/{first})" if first else "-",
        f"{second_found / second:.2f} ({second_found}/{second})" if second else "-",
    ]


def _figures(tally: Tally) -> list[str]:
    return [
        str(tally.questions),
        str(tally.hand),
        str(tally.eligible),
        f"{tally.recall:.2f} ({tally.found}/{tally.hand})",
        f"{tally.precision:.2f} ({tally.listed}/{tally.eligible})",
        str(tally.shared),
    ]


def _details(out: Console, name: str, tally: Tally) -> None:
    """Each question's hand points the scheme misses, its points not on the hand list, and
    the hand points it credits only together with another."""
    out.rule(escape(name))
    for heading, items in (
        ("missing", tally.missing),
        ("extra", tally.extra),
        ("shared", tally.lumped),
    ):
        for question, texts in items:
            out.print(f"[bold]{heading}[/bold] for {escape(question)}")
            for text in texts:
                out.print(f"  - {escape(shorten(text, 110))}", soft_wrap=True)


if __name__ == "__main__":
    sys.exit(main())
