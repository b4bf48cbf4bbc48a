"""Studying through the application layer: cards and their reviews, past-paper practice
against the clock, progress per topic, and the notes at a glance (trends, timeline).

The rules a student meets live here, not in an interface: one card a point a review
session, which question ``--due`` picks, the warning when the exam date has passed, the
empty bank. Everything a student writes is kept before anything else happens
(``pastpaper.study.practice``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from pastpaper.app.bank import QuestionRow
from pastpaper.app.marking import Marks
from pastpaper.errors import InputError, NotFound, Notice
from pastpaper.marking.claims import MAX_ANSWER_CHARS
from pastpaper.store.memory import Attempt, StoredCard
from pastpaper.study.schedule import Plan, Rating
from pastpaper.study.timeline import Event

if TYPE_CHECKING:
    from pastpaper.course import Course
    from pastpaper.store.recovery import Recovered
    from pastpaper.study.practice import Practised
    from pastpaper.study.trends import TrendRow

__all__ = [
    "CardView",
    "MarkAt",
    "Reviewed",
    "Study",
    "TimelineEvent",
    "ToPractise",
    "TopicRow",
    "require_answer",
    "shown_front",
]

#: A time as the study commands' JSON shows it: ``isoformat`` (+00:00, not Z).
_Iso = Annotated[datetime, PlainSerializer(datetime.isoformat, return_type=str, when_used="json")]


def shown_front(front: str) -> str:
    """A card's front as the student sees it: a cloze's hidden words as [...].

    >>> shown_front("Khrushchev spoke in {{c1::1956}}.")
    'Khrushchev spoke in [...].'
    """
    return re.sub(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", "[...]", front)


def require_answer(text: str) -> None:
    """InputError for an answer with nothing in it, or longer than the marker reads
    (MAX_ANSWER_CHARS, about 3,000 words: no exam answer is near it): it is neither saved
    nor marked (in the web app its draft keeps it)."""
    if not text.strip():
        raise InputError("the answer is empty: nothing was saved or marked")
    if len(text) > MAX_ANSWER_CHARS:
        raise InputError(
            f"the answer is {len(text):,} characters long, more than the {MAX_ANSWER_CHARS:,} "
            "an answer may have: nothing was marked (shorten it and send it again)"
        )


class CardView(BaseModel):
    """A flashcard as it is listed and reviewed; ``due`` None while it is new."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    kind: str
    front: str
    back: str
    point_id: str
    topic: str
    source: str
    tags: list[str]
    due: _Iso | None
    stored: StoredCard = Field(exclude=True, repr=False)

    @classmethod
    def of(cls, card: StoredCard) -> CardView:
        return cls(
            id=card.id,
            kind=card.kind,
            front=card.front,
            back=card.back,
            point_id=card.point_id,
            topic=card.topic,
            source=card.source,
            tags=list(card.tags),
            due=card.due,
            stored=card,
        )

    @property
    def shown(self) -> str:
        """The front as the student sees it (see ``shown_front``)."""
        return shown_front(self.front)


class MarkAt(BaseModel):
    """One marked attempt: when it was submitted, its mark and the most it could have had."""

    model_config = ConfigDict(frozen=True)

    at: _Iso
    mark: int
    max: int


#: Predicted recall, as the JSON gives it: to four places.
_Recall = Annotated[
    float | None,
    PlainSerializer(lambda r: None if r is None else round(r, 4), when_used="json"),
]


class TopicRow(BaseModel):
    """A topic's progress: its cards (new, due), their mean predicted recall, and the marks
    of its questions' attempts, oldest first."""

    model_config = ConfigDict(frozen=True)

    course: str
    topic: str
    cards: int
    new: int
    due: int
    retention: _Recall
    marks: list[MarkAt]


class TimelineEvent(BaseModel):
    """A dated event of the notes; its JSON is the event with its label first."""

    model_config = ConfigDict(frozen=True)

    label: str
    event: Event

    @model_serializer(mode="wrap")
    def _flat(self, handler: SerializerFunctionWrapHandler) -> Any:
        return {"label": self.label, **handler(self)["event"]}


@dataclass(frozen=True)
class ToPractise:
    """The question to practise, and why it was chosen: ``asked`` (its id was given),
    ``due`` (due again, the most overdue), ``new`` (none is due; one never tried) or
    ``none`` (every question was practised and none is due: ``question`` is None)."""

    question: QuestionRow | None
    why: Literal["asked", "due", "new", "none"]


@dataclass(frozen=True)
class Reviewed:
    """A card just rated: the card, the rating given, and when the card is due again."""

    card: CardView
    rating: Rating
    due: datetime


class Study(Marks):
    """Cards, reviews, practice and progress, of the user the application acts for."""

    def exam_date(self) -> date | None:
        """The exam date that counts: the one in the settings (``--exam-date``) if given,
        else the user's own, else the soonest of their classes' still to come."""
        if self.settings.exam_date is not None:
            return self.settings.exam_date
        return self.store.people.exam_date(self.user.id, self.today())

    @property
    def plan(self) -> Plan:
        """How hard to revise: the recall to aim for (settings) and the exam date."""
        return Plan(desired_retention=self.settings.retention, exam_date=self.exam_date())

    def plan_notices(self) -> list[Notice]:
        """Warnings about the plan: an exam date that has passed is not scheduled for."""
        exam = self.exam_date()
        if exam is not None and exam < self.today():
            return [
                Notice(
                    f"the exam date {exam.isoformat()} has passed; cards are scheduled as if "
                    "there were none"
                )
            ]
        return []

    def days_to_exam(self) -> int | None:
        """Whole days left before the exam date (0 once it has come); None without one."""
        exam = self.exam_date()
        return None if exam is None else max((exam - self.today()).days, 0)

    # -- cards -------------------------------------------------------------------------------

    def _visible_course_ids(self, course: str | None) -> set[int] | None:
        """The ids of the courses whose cards the user may study (``course`` alone if
        given: NotFound if the user may not see it); None for every course."""
        self.require_courses()
        if course is not None:
            self.require_visible(course)
            return {self.store.course_id(course)}
        visible = self.visible_courses()
        if visible is None:
            return None
        return {c.id for c in self.store.courses() if c.slug in visible}

    def cards(self, course: str | None = None) -> list[CardView]:
        """The flashcards the notes make (of one course; made when the notes were imported),
        with the user's schedule of each; only of the courses the user may see."""
        ids = self._visible_course_ids(course)
        found = self.store.memory.cards(self.user.id)
        return [CardView.of(card) for card in found if ids is None or card.course_id in ids]

    def _waiting_cards(self, course: str | None) -> Iterator[StoredCard]:
        """The user's cards waiting for review now (due, most overdue first, then new), of
        the courses they may see."""
        from pastpaper.study.practice import due_cards

        ids = self._visible_course_ids(course)
        for card in due_cards(self.store, self.user.id, self.now(), self.plan, course):
            if ids is None or card.course_id in ids:
                yield card

    def review_cards(self, course: str | None = None, limit: int = 20) -> list[CardView]:
        """The cards for one review session: due ones first (most overdue), then new ones,
        at most ``limit``, and one a point: a point's cloze and its question give each other
        away. A student's come only from their classes' courses."""
        chosen: list[StoredCard] = []
        for card in self._waiting_cards(course):
            if len(chosen) < limit and all(card.point_id != c.point_id for c in chosen):
                chosen.append(card)
        return [CardView.of(card) for card in chosen]

    def next_card(
        self, course: str | None = None, seen: Collection[str] = (), limit: int = 20
    ) -> CardView | None:
        """The next card of a review session that spans several calls (a web session, one
        request a card): the first that ``review_cards`` would give whose point is not among
        the points ``seen`` this session already; None when none is left, or when ``limit``
        points were seen (the session is over, as ``review_cards`` stops at ``limit``)."""
        if len(seen) >= limit:
            return None
        for card in self._waiting_cards(course):
            if card.point_id not in seen:
                return CardView.of(card)
        return None

    def card(self, card_id: str) -> CardView:
        """One card with the user's schedule of it; NotFound if it is not there or is of a
        course the user may not see."""
        self.require_courses()
        try:
            card = self.store.memory.card(self.user.id, card_id)
        except NotFound:
            raise NotFound(f"no card {card_id} among yours") from None
        ids = self._visible_course_ids(None)
        if (ids is not None and card.course_id not in ids) or card.retired:
            raise NotFound(f"no card {card_id} among yours")
        return CardView.of(card)

    def review(self, card_id: str, rating: Rating, typed: str | None = None) -> Reviewed:
        """Rate the card ``card_id`` now (with the answer typed, if any): the review is kept
        and the card scheduled; a card the user may not see is NotFound."""
        card = self.card(card_id)
        return Reviewed(card, rating, self.rate(card, rating, typed))

    def suggested_rating(self, card: CardView, typed: str) -> Rating | None:
        """The rating an answer typed to a card suggests; None when nothing was typed."""
        from pastpaper.study.practice import typed_rating

        return typed_rating(typed, card.back) if typed.strip() else None

    def rate(self, card: CardView, rating: Rating, typed: str | None = None) -> datetime:
        """Keep a review of ``card`` (with the answer typed) now; when it is due again."""
        from pastpaper.study.practice import rate_card

        return rate_card(
            self.store, self.user.id, card.stored, rating, self.plan, self.now(), typed or None
        )

    # -- past-paper practice -------------------------------------------------------------------

    def kept_answers(self) -> tuple[list[Recovered], list[Notice]]:
        """Answers the database could not take before, waiting in files to be submitted, and
        a notice for each file that cannot be read as one."""
        from pastpaper.store.recovery import waiting

        kept, notices = waiting(self.store.name)
        # Another user's answer is theirs to submit; one from before there were users is
        # the local user's, or whoever submits it first.
        mine = [k for k in kept if k.user_id in (None, self.user.id)]
        return mine, notices

    def submit_kept(self, kept: Recovered) -> Practised:
        """Submit an answer that waited in a file (NotFound if its question has gone;
        NothingToMark: saved, to be marked once the question can be)."""
        from pastpaper.study.practice import submit_kept

        return submit_kept(self.store, self.user.id, kept, self.plan, self.mark)

    def mark_left_over(self) -> list[Practised]:
        """Mark the answers saved but never marked (the process stopped in between)."""
        from pastpaper.study.practice import mark_left_over

        return mark_left_over(self.store, self.user.id, self.plan, self.mark)

    def mark_everyones_left_over(self) -> int:
        """Mark every user's answers saved but never marked (a server stopped between
        keeping an answer and marking it); how many were marked. Run as a server starts."""
        people = self.store.people
        return sum(
            len(self.acting_for(people.user_by_id(user_id)).mark_left_over())
            for user_id in self.store.answers.unmarked_users()
        )

    def to_practise(self, question_id: int | None = None, *, due: bool = False) -> ToPractise:
        """The question asked for by id, or with ``due`` the one most overdue for another
        go, else the first never tried; InputError unless exactly one of the two is asked.
        """
        if question_id is not None:
            if due:
                raise InputError(
                    "ask for a question by its id or for the one due, not both",
                    remedy="id and due",
                )
            return ToPractise(self.question(question_id).question, "asked")
        if not due:
            raise InputError("ask for a question by its id, or for the one due", remedy="id or due")
        waiting = self.due_questions()
        if waiting:
            return ToPractise(waiting[0], "due")
        memory = self.store.memory
        fresh = [q for q in self.questions() if memory.question_state(self.user.id, q.id) is None]
        return ToPractise(fresh[0], "new") if fresh else ToPractise(None, "none")

    def due_questions(self) -> list[QuestionRow]:
        """Questions attempted before that are due again now, most overdue first."""
        from pastpaper.study.practice import due_questions

        due = due_questions(self.store, self.user.id, self.now(), self.plan)
        return [QuestionRow.model_validate(q) for q in due]

    def suggested_seconds(self, question: QuestionRow) -> int:
        """The time to allow for ``question``, at the settings' minutes a mark."""
        from pastpaper.study.practice import suggested_seconds

        return suggested_seconds(question.marks, self.settings.minutes_per_mark)

    def keep_draft(
        self, question_id: int, text: str, started: datetime, seconds: int
    ) -> int | None:
        """Keep an answer stopped half-way, unmarked, to be marked next time; its attempt's
        id, or None when nothing was written."""
        from pastpaper.store.recovery import default_folder
        from pastpaper.study.practice import keep_answer

        if not text.strip():
            return None
        question = self.store.question(question_id).question
        return keep_answer(
            self.store,
            self.user.id,
            question,
            text,
            started,
            self.now(),
            seconds,
            rescue=default_folder(),
        )

    def practise(
        self,
        question_id: int,
        text: str,
        *,
        started: datetime,
        seconds: int,
        key: str | None = None,
    ) -> Practised:
        """Keep an answer submitted now, then mark it and schedule the question: the worse
        it went, the sooner it comes back. An answer the database will not take waits in a
        file (AnswerKept says where). ``key``: what the submission was sent with; the same
        key again is AlreadySubmitted, and nothing is written."""
        from pastpaper.store.recovery import default_folder
        from pastpaper.study.practice import practise

        require_answer(text)
        question = self.visible_question(question_id).question
        return practise(
            self.store,
            self.user.id,
            question,
            text,
            started_at=started,
            submitted_at=self.now(),
            seconds_allowed=seconds,
            plan=self.plan,
            mark=self.mark,
            rescue=default_folder(),
            key=key,
        )

    # -- progress and the notes at a glance ---------------------------------------------------

    def my_attempts(self) -> list[Attempt]:
        """The user's own attempts at past-paper questions, of the courses they may see,
        newest first."""
        visible = self.visible_courses()
        found = self.store.memory.attempts(self.user.id)
        mine = [a for a in found if visible is None or a.course in visible]
        return sorted(mine, key=lambda a: a.submitted_at, reverse=True)

    def progress(self, course: str | None = None) -> list[TopicRow]:
        """Per topic: cards, new and due, predicted recall, and the marks over time. A
        student's: the topics of their classes' courses, and any they have marks in."""
        from pastpaper.study.practice import progress

        visible = self.visible_courses()
        if course is not None:
            self.require_visible_ref(course)
        rows = [
            TopicRow(
                course=r.course,
                topic=r.topic,
                cards=r.cards,
                new=r.new,
                due=r.due,
                retention=r.retention,
                marks=[MarkAt(at=at, mark=mark, max=top) for at, mark, top in r.marks],
            )
            for r in progress(self.store, self.user.id, self.now(), self.plan, course)
        ]
        return [r for r in rows if visible is None or r.course in visible or r.marks]

    def check_chart(self, chart: Path | None, *, force: bool = False) -> None:
        """OutputError now if a chart could not be written there, before any work."""
        if chart is not None:
            from pastpaper.files import check_writable
            from pastpaper.study.charts import chart_kind

            check_writable(chart, chart_kind(chart), force=force)

    def _courses_seen(self, course: str | None) -> list[Course]:
        """The course asked for, or every course, of those the user may see (NotFound for
        one they may not)."""
        if course is not None:
            self.require_visible(course)
        visible = self.visible_courses()
        return [c for c in self.courses_asked(course) if visible is None or c.slug in visible]

    def trends(self, course: str | None = None) -> list[TrendRow]:
        """Which families and command words were asked in which years, for how many marks."""
        from pastpaper.study.trends import trends

        return [row for c in self._courses_seen(course) for row in trends(c)]

    def trends_chart(
        self, rows: list[TrendRow], chart: Path, *, force: bool = False
    ) -> list[TrendRow]:
        """Draw the trends; the questions left off for want of a year."""
        from pastpaper.study.trends import trends_chart

        return trends_chart(rows, chart, force=force)

    def timeline(self, course: str | None = None) -> list[TimelineEvent]:
        """The notes' dated events in date order, several courses' interleaved."""
        from pastpaper.study.timeline import timelines

        return [
            TimelineEvent(label=e.label, event=e) for e in timelines(self._courses_seen(course))
        ]

    def trends_svg(self, rows: list[TrendRow]) -> str:
        """The trends chart as SVG text, to show inline in a page (drawn once for the same
        rows: a page opened again need not wait for matplotlib)."""
        return _trends_svg(tuple(rows))

    def timeline_svg(self, events: list[TimelineEvent]) -> str:
        """The timeline chart as SVG text, to show inline in a page (drawn once for the same
        events)."""
        return _timeline_svg(tuple(e.event for e in events))

    def timeline_chart(
        self, events: list[TimelineEvent], chart: Path, *, force: bool = False
    ) -> None:
        from pastpaper.study.timeline_chart import timeline_chart

        timeline_chart([e.event for e in events], chart, force=force)


#: How many charts are kept drawn: a school's courses, a few versions each.
CHARTS_KEPT = 64


@lru_cache(maxsize=CHARTS_KEPT)
def _trends_svg(rows: tuple[TrendRow, ...]) -> str:
    from pastpaper.study.trends import trends_svg

    return trends_svg(list(rows))


@lru_cache(maxsize=CHARTS_KEPT)
def _timeline_svg(events: tuple[Event, ...]) -> str:
    from pastpaper.study.timeline_chart import timeline_svg

    return timeline_svg(list(events))
