"""Practising a question in the web app: drafts saved while the student types, the answer
submitted and marked, and the feedback on one attempt read back.

A draft is one a user a question (``pastpaper.store.drafts``); it is kept until the answer
is submitted, and removed only once the attempt holds the answer. Every method here acts for
``Pastpaper.user`` and sees only their drafts and attempts, and only questions of courses
they may see: anyone else's attempt, or a question of another class's course, is NotFound.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pastpaper.app.bank import CourseRow, QuestionRow, QuestionView, scheme_of
from pastpaper.app.study import Study, require_answer
from pastpaper.errors import AlreadySubmitted, InputError, NotFound, PastpaperError
from pastpaper.marking.claims import MAX_ANSWER_CHARS

if TYPE_CHECKING:
    from pastpaper.marking import Marking
    from pastpaper.store.answers import Moderation
    from pastpaper.store.drafts import StoredDraft
    from pastpaper.store.memory import Attempt
    from pastpaper.study.practice import Practised

__all__ = [
    "CoursePage",
    "Feedback",
    "FeedbackPoint",
    "Practice",
    "PractisePage",
    "QuestionPage",
    "TopicQuestions",
]


@dataclass(frozen=True)
class TopicQuestions:
    """A topic of a course and its questions, in families (the same question over the
    years), in the order of the notes."""

    topic: str
    number: int | None
    families: list[list[QuestionRow]]


@dataclass(frozen=True)
class CoursePage:
    """A course and its questions by topic and family."""

    course: CourseRow
    topics: list[TopicQuestions]


@dataclass(frozen=True)
class QuestionPage:
    """A question with its family and notes, and the user's attempts at it (latest first)
    and draft of it."""

    view: QuestionView
    attempts: list[Attempt]
    draft: StoredDraft | None


#: What a submission key looks like (``secrets.token_urlsafe``, or a script's own).
_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")


@dataclass(frozen=True)
class PractisePage:
    """What practising a question starts from: the question, the time the exam allows for
    it, the user's draft (if any), when the answer was begun and how long ago."""

    question: QuestionRow
    seconds_allowed: int
    draft: StoredDraft | None
    started: datetime
    seconds_gone: int
    max_chars: int = MAX_ANSWER_CHARS  # the longest answer that can be sent
    # What the page's form is sent with, new each time the page is made: the same form
    # sent twice (a double click, a retry) makes one attempt.
    key: str = field(default_factory=lambda: secrets.token_urlsafe(16))


@dataclass(frozen=True)
class FeedbackPoint:
    """A point of the scheme as the feedback shows it: its number, what it says, the
    sentence of the notes behind it, and whether the answer earned it."""

    number: int
    point_id: str
    text: str
    note: str
    credited: bool


@dataclass(frozen=True)
class Feedback:
    """One attempt of the user's, with its marking (None: kept but not marked yet) and the
    points it was marked against, numbered as the feedback labels them."""

    attempt: Attempt
    marking: Marking | None
    points: list[FeedbackPoint] = field(default_factory=list)
    moderation: Moderation | None = None  # the teacher's mark, which stands

    @property
    def numbers(self) -> dict[str, int]:
        """Each point's number, by point id (what ``web.highlight.pieces`` takes)."""
        return {point.point_id: point.number for point in self.points}

    @property
    def missed(self) -> list[FeedbackPoint]:
        return [point for point in self.points if not point.credited]


class Practice(Study):
    """Drafts, submitting an answer, and the feedback on an attempt, of the acting user."""

    def course_page(self, ref: str) -> CoursePage:
        """A course the user may see, with its questions by topic and family."""
        course = self.course_summary(ref)
        topics: list[TopicQuestions] = []
        for question in self.questions(course=course.slug):
            if not topics or topics[-1].topic != question.topic:
                topics.append(TopicQuestions(question.topic, question.topic_number, []))
            families = topics[-1].families
            if not families or families[-1][0].family != question.family:
                families.append([])
            families[-1].append(question)
        return CoursePage(course, topics)

    def question_page(self, question_id: int) -> QuestionPage:
        """A question the user may see, with its family, its notes, and the user's attempts
        at it and draft of it."""
        view = self.question(question_id)
        return QuestionPage(view, self.attempts_at(question_id), self.draft(question_id))

    def practise_page(self, question_id: int) -> PractisePage:
        """What the practice page of a question shows: the time allowed at the settings'
        pace, and the user's draft, timed from when it was begun."""
        question = self.visible_row(question_id)
        draft = self.store.drafts.get(self.user.id, question.id)
        now = self.now()
        started = draft.started_at if draft is not None else now
        gone = max(int((now - started).total_seconds()), 0)
        return PractisePage(question, self.suggested_seconds(question), draft, started, gone)

    def visible_row(self, question_id: int) -> QuestionRow:
        """The question, if the user may see it (NotFound otherwise)."""
        return self.question(question_id).question

    def save_draft(
        self, question_id: int, text: str, started: datetime | None = None
    ) -> StoredDraft:
        """Keep ``text`` as the user's draft of the question, over the one before; ``started``
        is when they began (now if not said, never later than now). InputError for a text
        longer than the settings allow in one file."""
        question = self.visible_row(question_id)
        if len(text.encode()) > self.settings.max_bytes:
            raise InputError(
                f"the draft is longer than the {self.settings.max_mb:g} MB allowed",
                remedy="max-mb",
            )
        now = self.now()
        return self.store.drafts.save(
            self.user.id,
            question_id=question.id,
            course=question.course,
            question=question.text,
            answer=text,
            started_at=self.started(started),
            saved_at=now,
        )

    def draft(self, question_id: int) -> StoredDraft | None:
        """The user's draft of the question, or None."""
        question = self.visible_row(question_id)
        return self.store.drafts.get(self.user.id, question.id)

    def started(self, started: datetime | None) -> datetime:
        """When an answer was begun: ``started`` (in UTC if it has no zone), but never later
        than now; now if not said."""
        now = self.now()
        if started is None:
            return now
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        return min(started, now)

    def submit_answer(
        self,
        question_id: int,
        text: str,
        started: datetime | None = None,
        key: str | None = None,
    ) -> Practised:
        """Submit the user's answer to the question at the exam's pace: it is kept, then
        marked, then the draft is removed. If marking fails the answer is kept (unmarked,
        see ``mark_left_over``) and so is the draft. ``key``: what the submission was sent
        with; sent again with it (a double click, a retried request), AlreadySubmitted
        names the attempt the first made, and nothing is written."""
        question = self.visible_row(question_id)
        require_answer(text)
        done = self.practise(
            question.id,
            text,
            started=self.started(started),
            seconds=self.suggested_seconds(question),
            key=key,
        )
        self.store.drafts.delete(self.user.id, question.id)
        return done

    def submit_once(self, question_id: int, text: str, started: datetime | None, key: str) -> int:
        """``submit_answer`` with the key the form was sent with; the attempt's id, the first
        one's when the same form is sent again."""
        if not _KEY.fullmatch(key):
            raise InputError(
                "the form's submission key is not one this site makes; reload the page and "
                "send the answer again (your draft is kept)"
            )
        try:
            return self.submit_answer(question_id, text, started, key).attempt_id
        except AlreadySubmitted as again:
            return again.attempt_id

    def attempts_at(self, question_id: int) -> list[Attempt]:
        """The user's attempts at the question, the latest first."""
        question = self.visible_row(question_id)
        found = self.store.memory.attempts(self.user.id, question.course)
        return [a for a in reversed(found) if a.question_id == question.id]

    def feedback(self, attempt_id: int) -> Feedback:
        """One attempt of the user's with its marking and numbered points; NotFound for an
        attempt that is not theirs (as if there were none)."""
        from pastpaper.marking import Marking

        found = self.store.memory.attempts(self.user.id, attempt_id=attempt_id)
        if not found:
            raise NotFound(f"no attempt {attempt_id} of yours")
        attempt = found[0]
        moderation = self.store.answers.newest_moderations([attempt_id]).get(attempt_id)
        if attempt.marking is None:
            return Feedback(attempt, None, moderation=moderation)
        marking = Marking.model_validate(attempt.marking)
        return Feedback(attempt, marking, self._points(attempt, marking), moderation)

    def _points(self, attempt: Attempt, marking: Marking) -> list[FeedbackPoint]:
        """The points the attempt was marked against: the credited ones first (in the order
        the answer makes them), then those missed, then any only misstated."""
        notes = self._point_notes(attempt.question_id)
        points: list[FeedbackPoint] = []
        seen: set[str] = set()

        def add(point_id: str, text: str, note: str, credited: bool) -> None:
            if point_id not in seen:
                seen.add(point_id)
                number = len(points) + 1
                points.append(FeedbackPoint(number, point_id, text, note, credited))

        for credit in sorted(marking.credited, key=lambda c: c.span.start):
            add(credit.point_id, credit.point_text, notes.get(credit.point_id, ""), True)
        for missed in marking.missed:
            add(missed.point_id, missed.point_text, missed.source, False)
        for wrong in marking.inaccuracies:
            add(wrong.point_id, wrong.answer_says, wrong.notes_say, False)
        return points

    def _point_notes(self, question_id: int | None) -> dict[str, str]:
        """The sentence of the notes behind each point of the question's scheme; nothing
        when the question has gone since."""
        if question_id is None:
            return {}
        try:
            scheme = scheme_of(self.store, question_id)
        except PastpaperError:
            return {}
        return {p.point.id: p.point.source.sentence for p in scheme.points}
