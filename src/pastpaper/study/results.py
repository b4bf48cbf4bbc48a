"""A class's results from what its students did: pure functions over plain data, no
database and no clock.

The attempt that counts for a student and a question is their latest marked one, with the
mark that stands (a teacher's moderated mark, else the machine's). From those:

- ``grid``: for each student and each topic of the class's courses, the marks earned of the
  marks possible and how many of the topic's questions they answered, with their predicted
  recall of the topic's cards (worked out by the caller, as the student's own progress is);
- ``most_missed``: the points of the schemes the class missed most, with the share of the
  students who answered the question that missed each;
- ``distributions``: for each question answered, how many students have each mark 0..max;
- ``weekly``: the class's mean percentage each week, over every marked attempt of the week;
- ``results_csv``: the grid as CSV, one row a student (every student, with or without
  attempts), one group of columns a topic.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Protocol

from pydantic import computed_field

from pastpaper.model import Frozen
from pastpaper.store.results import MarkedAttempt, MissedPoint, StudentName

__all__ = [
    "ClassResults",
    "PointMissed",
    "QuestionMarks",
    "QuestionResults",
    "Recall",
    "StudentMark",
    "StudentResults",
    "TopicColumn",
    "TopicResult",
    "WeekMean",
    "distributions",
    "grid",
    "latest_attempts",
    "most_missed",
    "percent",
    "results_csv",
    "student_marks",
    "weekly",
]


class Question(Protocol):
    """What the results need of a question (``store.QuestionInfo`` has it)."""

    @property
    def id(self) -> int: ...
    @property
    def course(self) -> str: ...
    @property
    def topic(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def marks(self) -> int | None: ...


def percent(earned: int, possible: int) -> float | None:
    """``earned`` of ``possible`` as a percentage to one place; None when nothing was possible.

    >>> percent(7, 12), percent(0, 0)
    (58.3, None)
    """
    return round(100 * earned / possible, 1) if possible else None


class Recall(Frozen):
    """A student's predicted recall of a topic's cards they have reviewed (their mean)."""

    recall: float
    cards: int


class TopicColumn(Frozen):
    """A topic of the class's courses, and how many questions it has."""

    course: str
    topic: str
    questions: int


class TopicResult(Frozen):
    """A student's marks in a topic (their latest attempt at each question), how many of
    its questions they answered, and their recall of its cards (None: none reviewed)."""

    course: str
    topic: str
    earned: int
    possible: int
    answered: int
    questions: int
    recall: float | None
    cards_reviewed: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def percent(self) -> float | None:
        return percent(self.earned, self.possible)


class StudentResults(Frozen):
    """One row of the grid: a student and their result in each topic, in column order."""

    login: str
    name: str
    topics: tuple[TopicResult, ...]


class PointMissed(Frozen):
    """A point of a question's scheme, missed by ``missed`` of the ``answered`` students
    whose latest attempt at the question was marked."""

    question_id: int
    question: str
    point_id: str
    point_text: str
    missed: int
    answered: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> float:
        """The share of the students who answered that missed it, 0 to 1."""
        return self.missed / self.answered


class QuestionMarks(Frozen):
    """How many students have each mark of a question, 0 to ``max_marks`` (``counts[m]``:
    those whose latest attempt has mark m)."""

    question_id: int
    course: str
    topic: str
    question: str
    max_marks: int
    counts: tuple[int, ...]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def answered(self) -> int:
        return sum(self.counts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def mean(self) -> float:
        """The mean mark, to one place."""
        return round(sum(m * n for m, n in enumerate(self.counts)) / self.answered, 1)


class WeekMean(Frozen):
    """The class's marked attempts in the week starting on Monday ``week``, and their mean
    percentage."""

    week: date
    attempts: int
    percent: float


class ClassResults(Frozen):
    """A class's results page: the grid, the points missed most, the distribution of marks
    per question, and the weekly trend."""

    class_id: int
    name: str
    columns: tuple[TopicColumn, ...]
    students: tuple[StudentResults, ...]
    missed: tuple[PointMissed, ...]
    questions: tuple[QuestionMarks, ...]
    weeks: tuple[WeekMean, ...]


def latest_attempts(attempts: Sequence[MarkedAttempt]) -> dict[tuple[int, int], MarkedAttempt]:
    """The latest marked attempt of each (student, question), from attempts oldest first."""
    latest: dict[tuple[int, int], MarkedAttempt] = {}
    for attempt in attempts:
        latest[(attempt.user_id, attempt.question_id)] = attempt
    return latest


def grid(
    students: Sequence[StudentName],
    columns: Sequence[TopicColumn],
    questions: Sequence[Question],
    latest: Mapping[tuple[int, int], MarkedAttempt],
    recall: Mapping[tuple[int, str, str], Recall],
) -> list[StudentResults]:
    """A row for every student (with or without attempts), a result for every column.
    ``recall`` is keyed by (user id, course, topic)."""
    where = {q.id: (q.course, q.topic) for q in questions}
    earned: dict[tuple[int, str, str], list[MarkedAttempt]] = defaultdict(list)
    for (user_id, question_id), attempt in latest.items():
        if question_id in where:
            earned[(user_id, *where[question_id])].append(attempt)
    rows = []
    for student in students:
        cells = []
        for column in columns:
            key = (student.id, column.course, column.topic)
            done = earned.get(key, [])
            remembered = recall.get(key)
            cells.append(
                TopicResult(
                    course=column.course,
                    topic=column.topic,
                    earned=sum(a.mark for a in done),
                    possible=sum(a.max_marks for a in done),
                    answered=len(done),
                    questions=column.questions,
                    recall=None if remembered is None else remembered.recall,
                    cards_reviewed=0 if remembered is None else remembered.cards,
                )
            )
        rows.append(
            StudentResults(login=student.login, name=student.display_name, topics=tuple(cells))
        )
    return rows


def most_missed(
    questions: Sequence[Question],
    latest: Mapping[tuple[int, int], MarkedAttempt],
    missed_by: Mapping[int, Sequence[MissedPoint]],
) -> list[PointMissed]:
    """Every point missed in a latest attempt (``missed_by``: the points each attempt
    missed, by attempt id), most missed first (then by the share of the question's students
    who missed it, then in the order of the questions)."""
    order = {q.id: n for n, q in enumerate(questions)}
    texts = {q.id: q.text for q in questions}
    answered: Counter[int] = Counter()
    missed: Counter[tuple[int, str]] = Counter()
    point_text: dict[tuple[int, str], str] = {}
    for (_, question_id), attempt in latest.items():
        if question_id not in order:
            continue
        answered[question_id] += 1
        for point in missed_by.get(attempt.id, ()):
            missed[(question_id, point.point_id)] += 1
            point_text[(question_id, point.point_id)] = point.point_text
    found = [
        PointMissed(
            question_id=question_id,
            question=texts[question_id],
            point_id=point_id,
            point_text=point_text[(question_id, point_id)],
            missed=count,
            answered=answered[question_id],
        )
        for (question_id, point_id), count in missed.items()
    ]
    return sorted(
        found,
        key=lambda p: (-p.missed, -p.share, order[p.question_id], p.point_id),
    )


def distributions(
    questions: Sequence[Question], latest: Mapping[tuple[int, int], MarkedAttempt]
) -> list[QuestionMarks]:
    """For each question with a latest attempt, in the order of the questions, the number
    of students with each mark 0..max (max: the most the question or an attempt had)."""
    marks: dict[int, list[MarkedAttempt]] = defaultdict(list)
    for (_, question_id), attempt in latest.items():
        marks[question_id].append(attempt)
    found = []
    for question in questions:
        done = marks.get(question.id)
        if not done:
            continue
        top = max([question.marks or 0, *(a.max_marks for a in done), *(a.mark for a in done)])
        counts = Counter(min(max(a.mark, 0), top) for a in done)
        found.append(
            QuestionMarks(
                question_id=question.id,
                course=question.course,
                topic=question.topic,
                question=question.text,
                max_marks=top,
                counts=tuple(counts[m] for m in range(top + 1)),
            )
        )
    return found


def weekly(attempts: Sequence[MarkedAttempt]) -> list[WeekMean]:
    """The mean percentage of every marked attempt submitted each week (Monday to Sunday,
    UTC), for the weeks with any, oldest first."""
    weeks: dict[date, list[float]] = defaultdict(list)
    for attempt in attempts:
        day = attempt.submitted_at.date()
        weeks[day - timedelta(days=day.weekday())].append(100 * attempt.mark / attempt.max_marks)
    return [
        WeekMean(week=week, attempts=len(shares), percent=round(sum(shares) / len(shares), 1))
        for week, shares in sorted(weeks.items())
    ]


def column_name(column: TopicColumn, several_courses: bool) -> str:
    """A topic's name in the CSV's header: with its course when the class has several."""
    return f"{column.course}: {column.topic}" if several_courses else column.topic


def results_csv(results: ClassResults) -> str:
    """The grid as CSV: login and name, then for each topic its marks as a percentage, the
    marks earned and possible, the questions answered of the topic's, and the recall as a
    percentage; empty where there is nothing to say. One row a student, every student."""
    several = len({c.course for c in results.columns}) > 1
    header = ["login", "name"]
    for column in results.columns:
        name = column_name(column, several)
        header += [
            f"{name} marks %",
            f"{name} marks earned",
            f"{name} marks possible",
            f"{name} questions answered",
            f"{name} questions",
            f"{name} recall %",
        ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for student in results.students:
        row = [student.login, student.name]
        for cell in student.topics:
            shown = cell.percent
            row += [
                "" if shown is None else f"{shown:g}",
                str(cell.earned),
                str(cell.possible),
                str(cell.answered),
                str(cell.questions),
                "" if cell.recall is None else f"{round(100 * cell.recall, 1):g}",
            ]
        writer.writerow(row)
    return buffer.getvalue()


class StudentMark(Frozen):
    """A student's latest marked attempt at one question (None throughout: none)."""

    login: str
    name: str
    attempt_id: int | None
    mark: int | None
    max_marks: int | None
    moderated: bool
    submitted_at: datetime | None


class QuestionResults(Frozen):
    """One question across a class: each student's latest mark, the distribution of the
    marks (None: nobody answered), and the points missed, most missed first."""

    class_id: int
    class_name: str
    question_id: int
    course: str
    topic: str
    question: str
    marks: QuestionMarks | None
    missed: tuple[PointMissed, ...]
    students: tuple[StudentMark, ...]


def student_marks(
    students: Sequence[StudentName],
    question_id: int,
    latest: Mapping[tuple[int, int], MarkedAttempt],
) -> list[StudentMark]:
    """Every student's latest marked attempt at the question, or its absence."""
    rows = []
    for student in students:
        attempt = latest.get((student.id, question_id))
        rows.append(
            StudentMark(
                login=student.login,
                name=student.display_name,
                attempt_id=None if attempt is None else attempt.id,
                mark=None if attempt is None else attempt.mark,
                max_marks=None if attempt is None else attempt.max_marks,
                moderated=attempt is not None and attempt.moderated,
                submitted_at=None if attempt is None else attempt.submitted_at,
            )
        )
    return rows
