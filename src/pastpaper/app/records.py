"""A student's own records through the application layer, as the JSON API serves them: who
they are, their attempts (one, or all), an answer submitted and marked, the next card to
review and its rating. Each is the acting user's only: another's attempt or a card of a
course not theirs is NotFound, as if it were not there.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from pastpaper.app.study import Study
from pastpaper.errors import InputError, NotFound
from pastpaper.marking import Marking
from pastpaper.store.memory import Attempt
from pastpaper.study.schedule import Rating

__all__ = ["AttemptRow", "Profile", "Rated", "Records", "Submitted"]


class Profile(BaseModel):
    """Who the acting user is, and their exam date (the one that counts) and days left."""

    model_config = ConfigDict(frozen=True)

    id: int
    login: str
    display_name: str
    role: str
    exam_date: date | None
    days_to_exam: int | None


class AttemptRow(BaseModel):
    """One of the user's attempts: the question as it was asked, the answer as written, and
    its mark and marking (None while it waits to be marked)."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    id: int
    question_id: int | None
    course: str
    topic: str
    question: str
    answer: str
    started_at: datetime
    submitted_at: datetime
    seconds_allowed: int
    mark: int | None
    max_marks: int | None
    marking: dict[str, Any] | None
    teacher_mark: int | None = None  # the teacher's moderated mark, which stands, if any
    teacher_reason: str | None = None  # why the teacher gave it


class Submitted(BaseModel):
    """An answer kept and marked: its attempt, the marking, and when the question is due."""

    model_config = ConfigDict(frozen=True)

    attempt_id: int
    marking: Marking
    rating: int
    due: datetime
    seconds_taken: int
    seconds_allowed: int


class Rated(BaseModel):
    """A card's review kept: the rating given and when the card is due again."""

    model_config = ConfigDict(frozen=True)

    card_id: str
    rating: int
    due: datetime


class Records(Study):
    """The acting user's profile, attempts, answers and reviews, one method an operation."""

    def profile(self) -> Profile:
        """The acting user, with the exam date that counts for them."""
        user = self.user
        return Profile(
            id=user.id,
            login=user.login,
            display_name=user.display_name,
            role=user.role,
            exam_date=self.exam_date(),
            days_to_exam=self.days_to_exam(),
        )

    def attempts(self, course: str | None = None) -> list[AttemptRow]:
        """The acting user's attempts (of one course), oldest first."""
        found: list[Attempt] = self.store.memory.attempts(self.user.id, course)
        return self._with_teachers_marks(found)

    def attempt(self, attempt_id: int) -> AttemptRow:
        """One of the acting user's attempts; NotFound for another user's."""
        found = self.store.memory.attempts(self.user.id, attempt_id=attempt_id)
        if not found:
            raise NotFound(f"no attempt {attempt_id} of yours")
        return self._with_teachers_marks(found)[0]

    def _with_teachers_marks(self, found: list[Attempt]) -> list[AttemptRow]:
        """The attempts as rows, each with the teacher's moderated mark where there is one."""
        moderated = self.store.answers.newest_moderations([a.id for a in found])
        rows = []
        for attempt in found:
            row = AttemptRow.model_validate(attempt)
            if (moderation := moderated.get(attempt.id)) is not None:
                row = row.model_copy(
                    update={"teacher_mark": moderation.mark, "teacher_reason": moderation.reason}
                )
            rows.append(row)
        return rows

    def submit_attempt(
        self,
        question_id: int,
        text: str,
        *,
        started: datetime | None = None,
        seconds: int | None = None,
    ) -> Submitted:
        """Keep an answer to a question the user may see, then mark it (``practise``).
        ``started`` defaults to now (no time taken), ``seconds`` to the question's time at
        the settings' minutes a mark."""
        question = self.question(question_id).question
        now = self.now()
        if started is not None and (started.tzinfo is None or started > now):
            raise InputError("started_at must carry a time zone and not be in the future")
        allowed = self.suggested_seconds(question) if seconds is None else seconds
        if allowed <= 0:
            raise InputError("seconds_allowed must be more than 0")
        done = self.practise(question_id, text, started=started or now, seconds=allowed)
        return Submitted(
            attempt_id=done.attempt_id,
            marking=done.marking,
            rating=int(done.rating),
            due=done.due,
            seconds_taken=done.seconds_taken,
            seconds_allowed=done.seconds_allowed,
        )

    def rate_card(self, card_id: str, rating: int, typed: str | None = None) -> Rated:
        """Keep the user's review of a card they may see: 1 again, 2 hard, 3 good, 4 easy."""
        if rating not in (1, 2, 3, 4):
            raise InputError("rate a card 1 (again), 2 (hard), 3 (good) or 4 (easy)")
        card = self.card(card_id)
        due = self.rate(card, Rating(rating), typed)
        return Rated(card_id=card.id, rating=rating, due=due)
