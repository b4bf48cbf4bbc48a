"""Marking through the application layer: one answer, a class's CSV, a marking set measured
against human marks, and the demo's two answers. Every answer goes through ``Pastpaper.marker``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from pastpaper.app.bank import DEMO_ANSWERS, Bank, ImportReport, QuestionRow, mark_csv, scheme_of
from pastpaper.errors import PastpaperError
from pastpaper.marking import LazyModel
from pastpaper.marking.evaluate import Result

if TYPE_CHECKING:
    from pastpaper.marking import Marking
    from pastpaper.marking.markbook import MarkBookReport

__all__ = ["Demo", "DemoAnswer", "Evaluation", "Marks"]


class Evaluation(BaseModel):
    """The marker against human marks: figures per dataset and split."""

    model_config = ConfigDict(frozen=True)

    results: list[Result]


@dataclass(frozen=True)
class DemoAnswer:
    """One of the demo's answers, and its marking, or why it could not be marked."""

    label: str
    answer: str
    marking: Marking | None = None
    problem: str | None = None


@dataclass(frozen=True)
class Demo:
    """What the demo made: the example courses, their questions, and a question marked
    twice (a good answer and a weak one); the answers stop at the first that cannot be
    marked."""

    reports: list[ImportReport]
    questions: list[QuestionRow]
    question: QuestionRow
    answers: list[DemoAnswer]


class Marks(Bank):
    """Mark answers: one, a CSV of a class's, a marking set, the demo's."""

    def mark(self, question_id: int, answer: str) -> Marking:
        """Mark an answer to a stored question against its scheme (the teacher's edits too)."""
        from pastpaper.marking.kept import warm

        scheme = scheme_of(self.store, question_id)
        warm(self.marker.model, [scheme], self.store.vectors, self.clock())
        return self.marker.mark(answer, scheme)

    def check_markable(self, question_id: int) -> None:
        """NothingToMark if no answer to the question could earn a mark (its scheme has no
        creditable point): said before a student writes a word."""
        from pastpaper.marking import check_markable

        check_markable(scheme_of(self.store, question_id))

    def mark_csv(
        self,
        source: Path,
        target: Path,
        *,
        delimiter: str | None = None,
        force: bool = False,
        progress: Callable[[int, int], None] = lambda done, total: None,
        engine: str = "local",
        address: str | None = None,
    ) -> MarkBookReport:
        """Mark a class's answers in a CSV and write the mark book (see ``bank.mark_csv``)."""
        return mark_csv(
            self.store,
            self.marker,
            source,
            target,
            delimiter=delimiter,
            force=force,
            progress=progress,
            engine=engine,
            address=address,
            now=self.clock(),
        )

    def evaluate(
        self,
        file: Path,
        *,
        split: str | None = None,
        notes: Path | None = None,
        stage: Callable[[str, int], None] = lambda name, rows: None,
        progress: Callable[[int], None] = lambda done: None,
    ) -> Evaluation:
        """Measure the marker against the human marks of a marking set (one split of it),
        per dataset and split; ``notes`` give schemes to answers that have no reference.

        ``stage`` hears what is being done ("loading the model", then "marking") and of how
        many answers; ``progress`` how many are marked. A large set is shared between worker
        processes, one a core (``pastpaper.marking.bulk``).
        """
        from pastpaper.ingest import read_notes
        from pastpaper.marking.bulk import workers_for
        from pastpaper.marking.evaluate import measure, read_marking_set

        rows = read_marking_set(file, split)
        limit = self.settings.max_bytes
        course = read_notes(notes, max_bytes=limit).course if notes is not None else None
        workers = workers_for(len(rows))
        stage("loading the model", len(rows))
        marker = self.marker
        if not workers and isinstance(marker.model, LazyModel):
            marker.model.loaded()  # here, so that the stage says what the wait is for
        stage("marking", len(rows))
        results = measure(marker, rows, course, progress=progress, workers=workers)
        return Evaluation(results=results)

    def demo(self) -> Demo:
        """Import the built-in example notes, and mark a good and a weak answer to one of
        their questions."""
        reports = self.import_examples()
        questions = [q for r in reports for q in self.questions(course=r.saved.slug)]
        first = reports[0].saved.slug
        question = next(q for q in self.questions(course=first) if q.text == DEMO_ANSWERS[0])
        answers = []
        for label, answer in DEMO_ANSWERS[1:]:
            try:
                answers.append(DemoAnswer(label, answer, self.mark(question.id, answer)))
            except PastpaperError as error:
                answers.append(DemoAnswer(label, answer, problem=str(error)))
                break
        return Demo(reports=reports, questions=questions, question=question, answers=answers)
