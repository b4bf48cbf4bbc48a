"""A class's results through the application layer: the students-by-topic grid of marks and
recall, the points missed most, the distribution of marks per question, the weekly trend,
the grid as CSV, and one question across the class.

    results = app.class_results(class_id)        # a ClassResults
    app.class_results_csv(class_id)               # the grid as CSV text
    app.question_results(class_id, question_id)   # a QuestionResults

Only the class's teacher or an admin sees them; another teacher's class is NotFound (as its
page is) and a student is Forbidden. The mark that counts is a teacher's moderated mark when
there is one, else the machine's; a student's recall of a topic is worked out as their own
progress page does (``study.practice.mean_recall``). Whatever the size of the class, the
reads are a handful of queries (``store.results``); the figures come from the pure functions
of ``study.results``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pastpaper.app.people import Accounts
from pastpaper.errors import NotFound
from pastpaper.store import QuestionInfo
from pastpaper.store.people import SchoolClass
from pastpaper.store.results import ClassRecords, MarkedAttempt, MissedPoint, StudentName
from pastpaper.study.practice import mean_recall
from pastpaper.study.results import (
    ClassResults,
    QuestionResults,
    Recall,
    TopicColumn,
    distributions,
    grid,
    latest_attempts,
    most_missed,
    results_csv,
    student_marks,
    weekly,
)
from pastpaper.study.schedule import Plan
from pastpaper.text import slugify

__all__ = ["Results", "ResultsFile"]


@dataclass(frozen=True)
class ResultsFile:
    """A download: its file name and its text."""

    name: str
    text: str


@dataclass(frozen=True)
class _ClassWork:
    """What a class's students did in its courses, as read from the store."""

    school_class: SchoolClass
    students: list[StudentName]
    questions: list[QuestionInfo]
    attempts: list[MarkedAttempt]
    course_ids: dict[str, int]


class Results(Accounts):
    """A class's results, for its teacher or an admin."""

    def class_results(self, class_ref: int | str) -> ClassResults:
        """The class's grid, most-missed points, distributions and weekly trend."""
        work = self._class_work(class_ref)
        latest = latest_attempts(work.attempts)
        columns = self._columns(work)
        return ClassResults(
            class_id=work.school_class.id,
            name=work.school_class.name,
            columns=tuple(columns),
            students=tuple(
                grid(work.students, columns, work.questions, latest, self._recall(work))
            ),
            missed=tuple(most_missed(work.questions, latest, self._missed(latest))),
            questions=tuple(distributions(work.questions, latest)),
            weeks=tuple(weekly(work.attempts)),
        )

    def class_results_csv(self, class_ref: int | str) -> ResultsFile:
        """The grid as CSV (``study.results.results_csv``), with a file name for it."""
        results = self.class_results(class_ref)
        name = f"{slugify(results.name)}-results.csv"
        return ResultsFile(name=name, text=results_csv(results))

    def question_results(self, class_ref: int | str, question_id: int) -> QuestionResults:
        """One question of the class's courses across its students; NotFound for a question
        not of its courses."""
        work = self._class_work(class_ref, question_id)
        [question] = work.questions
        latest = latest_attempts(work.attempts)
        marks = distributions(work.questions, latest)
        return QuestionResults(
            class_id=work.school_class.id,
            class_name=work.school_class.name,
            question_id=question.id,
            course=question.course,
            topic=question.topic,
            question=question.text,
            marks=marks[0] if marks else None,
            missed=tuple(most_missed(work.questions, latest, self._missed(latest))),
            students=tuple(student_marks(work.students, question.id, latest)),
        )

    # -- reading --------------------------------------------------------------------------

    def _results_class(self, class_ref: int | str) -> SchoolClass:
        """The class, if the user teaches it or is an admin: another teacher's is NotFound
        (as its page is), and a student is Forbidden."""
        school_class = self.school_class(class_ref)
        if self.user.role == "admin" or school_class.teacher == self.user.login:
            return school_class
        if self.user.role == "teacher":
            raise NotFound(f"no class {class_ref} among yours")
        return self.taught_class(school_class.id, "see the results of")

    def _class_work(self, class_ref: int | str, question_id: int | None = None) -> _ClassWork:
        """The class and what its students did in its courses (in one question, if given)."""
        school_class = self._results_class(class_ref)
        courses = list(school_class.courses)
        questions = [q for q in self.store.questions() if q.course in courses]
        if question_id is not None:
            questions = [q for q in questions if q.id == question_id]
            if not questions:
                raise NotFound(f"no question {question_id} in the courses of {school_class.name}")
        records = ClassRecords(self.store.engine)
        students = records.students(school_class.students)
        attempts = records.attempts([s.id for s in students], [q.id for q in questions])
        return _ClassWork(
            school_class=school_class,
            students=students,
            questions=questions,
            attempts=attempts,
            course_ids={slug: self.store.course_id(slug) for slug in courses},
        )

    def _missed(
        self, latest: Mapping[tuple[int, int], MarkedAttempt]
    ) -> dict[int, tuple[MissedPoint, ...]]:
        """The points the latest attempts missed, by attempt id (their markings only are
        read: a class's older attempts can be many)."""
        return ClassRecords(self.store.engine).missed([a.id for a in latest.values()])

    def _columns(self, work: _ClassWork) -> list[TopicColumn]:
        """The topics of the class's courses, in the class's order of courses, each with
        how many questions it has."""
        slugs = {course_id: slug for slug, course_id in work.course_ids.items()}
        order = list(work.course_ids)
        topics = ClassRecords(self.store.engine).topics(list(slugs))
        counted: dict[tuple[str, str], int] = defaultdict(int)
        for question in work.questions:
            counted[(question.course, question.topic)] += 1
        found = sorted(
            ((slugs[course_id], title) for course_id, title in topics),
            key=lambda key: order.index(key[0]),
        )
        return [TopicColumn(course=c, topic=t, questions=counted[(c, t)]) for c, t in found]

    def _recall(self, work: _ClassWork) -> dict[tuple[int, str, str], Recall]:
        """Each student's recall of each topic's cards they have reviewed, now, keyed by
        (user id, course, topic)."""
        plan = Plan(
            desired_retention=self.settings.retention, exam_date=work.school_class.exam_date
        )
        now = self.now()
        states: dict[tuple[int, str, str], list[dict[str, Any]]] = defaultdict(list)
        schedules = ClassRecords(self.store.engine).card_states(
            [s.id for s in work.students], list(work.course_ids.values())
        )
        for schedule in schedules:
            states[(schedule.user_id, schedule.course, schedule.topic)].append(schedule.state)
        found = {}
        for key, seen in states.items():
            recall = mean_recall(seen, now, plan)
            if recall is not None:
                found[key] = Recall(recall=recall, cards=len(seen))
        return found
