"""Scheduling: when a card or question comes back, by FSRS, and before the exam if there is one.

A card's schedule is a plain, JSON-safe dict (``CardState``, fsrs's own ``Card.to_dict``
layout) that the store keeps in a JSON column; every function here takes the time as a
parameter, so the same state, rating and time always give the same result.

>>> from datetime import UTC, date, datetime
>>> monday = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
>>> card, log = review(new_card(monday), rating_for_mark(5, 5), monday)
>>> card["due"]
'2025-01-14T09:00:00+00:00'
>>> before_friday = Plan(exam_date=date(2025, 1, 10))
>>> review(new_card(monday), Rating.Easy, monday, before_friday)[0]["due"]
'2025-01-07T09:00:00+00:00'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from math import isfinite
from typing import Any, NoReturn, TypedDict

from fsrs import Card, Rating, Scheduler, State
from pydantic import field_validator

from pastpaper.errors import InputError, SettingsError, StoreError
from pastpaper.model import Frozen

__all__ = [
    "DEFAULT_PLAN",
    "CardState",
    "Plan",
    "Rating",
    "ReviewRecord",
    "due_at",
    "due_under",
    "dump_card",
    "load_card",
    "new_card",
    "parse_rating",
    "rating_for_mark",
    "retention",
    "review",
]

LOWEST_RETENTION = 0.7
HIGHEST_RETENTION = 0.99


class Plan(Frozen):
    """How hard to revise: the chance of recall to aim for, the exam date, the longest gap.

    A bad value is a SettingsError naming the setting. (Validators raise it directly:
    pydantic passes on any exception that is not a ValueError or AssertionError.)
    """

    desired_retention: float = 0.9
    exam_date: date | None = None
    maximum_interval: int = 36500

    @field_validator("desired_retention")
    @classmethod
    def _retention_in_range(cls, value: float) -> float:
        if not LOWEST_RETENTION <= value <= HIGHEST_RETENTION:
            raise SettingsError(
                f"the desired retention must be between {LOWEST_RETENTION} and "
                f"{HIGHEST_RETENTION} (a 70% to 99% chance of recall), not {value}; "
                "0.9 is the usual choice"
            )
        return value

    @field_validator("maximum_interval")
    @classmethod
    def _interval_positive(cls, value: int) -> int:
        if value < 1:
            raise SettingsError(
                f"the maximum interval is a number of days, at least 1, not {value}"
            )
        return value

    def scheduler(self) -> Scheduler:
        """The fsrs scheduler for this plan, with fuzzing off so that results repeat."""
        return Scheduler(
            desired_retention=self.desired_retention,
            maximum_interval=self.maximum_interval,
            enable_fuzzing=False,
        )


DEFAULT_PLAN = Plan()


class CardState(TypedDict):
    """A card's schedule as stored: fsrs's ``Card.to_dict`` layout, times in ISO 8601 UTC."""

    card_id: int
    state: int  # 1 learning, 2 review, 3 relearning (fsrs.State)
    step: int | None  # the learning or relearning step; None in review
    stability: float | None  # days until recall falls to 90%; None before the first review
    difficulty: float | None  # 1 (easy) to 10 (hard); None before the first review
    due: str
    last_review: str | None


class ReviewRecord(TypedDict):
    """One review, JSON-safe, for the store's history of a card."""

    rating: int  # 1 again, 2 hard, 3 good, 4 easy (fsrs.Rating)
    reviewed_at: str
    retrievability: float  # the predicted chance of recall just before this review
    due_before: str
    due_after: str
    fsrs_due: str  # FSRS's own choice; later than due_after when the exam pulled it in
    stability: float
    difficulty: float
    state: int


def new_card(now: datetime, card_id: int | None = None) -> CardState:
    """A card never reviewed, due at once. Its id defaults to ``now`` in epoch milliseconds,
    as fsrs's own default, but taken from the clock given rather than the system's."""
    now = _utc(now, "now")
    if card_id is None:
        card_id = (now - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)
    return dump_card(Card(card_id=card_id, state=State.Learning, step=0, due=now))


def review(
    state: Mapping[str, Any], rating: Rating, now: datetime, plan: Plan = DEFAULT_PLAN
) -> tuple[CardState, ReviewRecord]:
    """The card's new state after a review rated ``rating`` at ``now``, and its record.

    With an exam date, a card reviewed more than a day before the exam is always due again
    before the exam starts (00:00 UTC on the exam date): when FSRS's due date is on or after
    that, the card is due after half the time left instead, in whole days and at least one.
    Halving leaves room to relearn a card forgotten at that review, spreads the extra reviews
    out rather than piling them all on the eve of the exam, and only ever shortens FSRS's
    interval. In the last day before the exam, and after it, the schedule is plain FSRS.
    """
    now = _utc(now, "now")
    card = load_card(state)
    scheduler = plan.scheduler()
    recall = float(scheduler.get_card_retrievability(card, now))
    reviewed, _ = scheduler.review_card(card, Rating(rating), now)
    fsrs_due = reviewed.due
    reviewed.due = _before_exam(fsrs_due, now, plan.exam_date)
    # After any rating fsrs has set both; the asserts are for the type checker.
    assert reviewed.stability is not None and reviewed.difficulty is not None
    record: ReviewRecord = {
        "rating": int(rating),
        "reviewed_at": now.isoformat(),
        "retrievability": recall,
        "due_before": card.due.isoformat(),
        "due_after": reviewed.due.isoformat(),
        "fsrs_due": fsrs_due.isoformat(),
        "stability": reviewed.stability,
        "difficulty": reviewed.difficulty,
        "state": int(reviewed.state),
    }
    return dump_card(reviewed), record


def _before_exam(fsrs_due: datetime, now: datetime, exam_date: date | None) -> datetime:
    if exam_date is None:
        return fsrs_due
    exam = datetime.combine(exam_date, time(), tzinfo=UTC)
    left = exam - now
    if fsrs_due < exam or left <= timedelta(days=1):
        return fsrs_due
    # left > 1 day, so the whole days of half of it, at least one, end before the exam.
    return now + timedelta(days=max(1, (left / 2).days))


def retention(state: Mapping[str, Any], now: datetime, plan: Plan = DEFAULT_PLAN) -> float:
    """The predicted chance of recalling the card at ``now``: fsrs's retrievability.

    0.0 for a card never reviewed, as fsrs has no memory to predict from; 1.0 on the day of
    a review. fsrs counts whole days since the last review, so it falls a step each day.
    """
    now = _utc(now, "now")
    return float(plan.scheduler().get_card_retrievability(load_card(state), now))


def due_at(state: Mapping[str, Any]) -> datetime:
    """When the card is next due, as a UTC datetime (for the store's due-date column)."""
    return load_card(state).due


def due_under(state: Mapping[str, Any], plan: Plan) -> datetime:
    """When the card is due under ``plan``: a card scheduled before an exam date was set,
    and due after the exam, comes back by the exam rule from its last review."""
    card = load_card(state)
    if card.last_review is None:
        return card.due
    return _before_exam(card.due, card.last_review, plan.exam_date)


def dump_card(card: Card) -> CardState:
    """The fsrs card as a JSON-safe dict; ``load_card`` reads it back exactly."""
    last = card.last_review
    return {
        "card_id": card.card_id,
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": _utc(card.due, "due").isoformat(),
        "last_review": None if last is None else _utc(last, "last_review").isoformat(),
    }


def load_card(state: Mapping[str, Any]) -> Card:
    """The fsrs card a stored state describes; a StoreError says what is wrong with it."""
    missing = sorted(CardState.__required_keys__ - state.keys())
    if missing:
        _unreadable(f"it has no {', '.join(missing)}")
    card_id, number, step = state["card_id"], state["state"], state["step"]
    if not _is_int(card_id):
        _unreadable(f"card_id is {card_id!r}, not a whole number")
    if not _is_int(number) or number not in {int(s) for s in State}:
        _unreadable(f"state is {number!r}, not 1 (learning), 2 (review) or 3 (relearning)")
    if not (step is None or (_is_int(step) and step >= 0)):
        _unreadable(f"step is {step!r}, not a whole number from 0 or null")
    stability = _positive(state, "stability")
    difficulty = _positive(state, "difficulty")
    if (stability is None) != (difficulty is None):
        _unreadable("it has a stability or a difficulty but not both")
    if State(number) != State.Learning and stability is None:
        _unreadable("a card past learning needs a stability and a difficulty")
    if State(number) != State.Review and step is None:
        _unreadable("a card in learning or relearning needs a step")
    return Card(
        card_id=card_id,
        state=State(number),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=_stored_time(state, "due"),
        last_review=None if state["last_review"] is None else _stored_time(state, "last_review"),
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _positive(state: Mapping[str, Any], key: str) -> float | None:
    value = state[key]
    if value is None:
        return None
    if not (isinstance(value, int | float) and not isinstance(value, bool)):
        _unreadable(f"{key} is {value!r}, not a number")
    if not (isfinite(value) and value > 0):
        _unreadable(f"{key} is {value!r}, not a positive number")
    return float(value)


def _stored_time(state: Mapping[str, Any], key: str) -> datetime:
    text = state[key]
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        _unreadable(f"{key} is {text!r}, not an ISO 8601 date and time")
    if moment.utcoffset() is None:
        _unreadable(f"{key} is {text!r}, a time without a time zone")
    return moment.astimezone(UTC)


def _unreadable(problem: str) -> NoReturn:
    raise StoreError(f"a card's schedule in the database cannot be read: {problem}")


def _utc(moment: datetime, name: str) -> datetime:
    """``moment`` in UTC; a naive datetime is refused, as its time zone would be a guess."""
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise ValueError(
            f"{name} must be a datetime with a time zone, such as datetime.now(UTC), not {moment!r}"
        )
    return moment.astimezone(UTC)


#: The fraction of the marks below which an attempt earns each rating; the rest are Easy.
MARK_BANDS = (
    (Fraction(2, 5), Rating.Again),
    (Fraction(3, 5), Rating.Hard),
    (Fraction(17, 20), Rating.Good),
)


def rating_for_mark(mark: int, max_marks: int) -> Rating:
    """The FSRS rating a past-paper attempt earns, from the fraction of the marks it scored.

    ============  ======  =========================================================
    fraction      rating  why
    ============  ======  =========================================================
    under 40%     Again   short of a bare pass: the knowledge was not there
    40% to 59%    Hard    recalled in part, with effort
    60% to 84%    Good    a sound answer with something missing
    85% and over  Easy    full or nearly full marks
    ============  ======  =========================================================

    The bands compare exact fractions, so 17 of 20 is Easy and 16 of 20 Good; more marks
    never earn a worse rating. A one-mark question can only be Again or Easy.

    >>> [rating_for_mark(mark, 4).name for mark in range(5)]
    ['Again', 'Again', 'Hard', 'Good', 'Easy']
    """
    if max_marks <= 0:
        raise ValueError(f"max_marks must be at least 1, not {max_marks}")
    if not 0 <= mark <= max_marks:
        raise ValueError(f"mark must be from 0 to {max_marks}, not {mark}")
    fraction = Fraction(mark, max_marks)
    for below, rating in MARK_BANDS:
        if fraction < below:
            return rating
    return Rating.Easy


#: What a user may type for each rating, case aside.
TYPED_RATINGS = {
    rating: (str(int(rating)), rating.name.lower(), rating.name[0].lower()) for rating in Rating
}
_RATING_OF = {word: rating for rating, words in TYPED_RATINGS.items() for word in words}


def parse_rating(text: str) -> Rating:
    """The rating a user typed: a number from 1 to 4, its name, or its first letter.

    >>> parse_rating(" Good "), parse_rating("e")
    (<Rating.Good: 3>, <Rating.Easy: 4>)
    """
    rating = _RATING_OF.get(text.strip().lower())
    if rating is None:
        choices = ", ".join(
            f"{n} or {word} ({letter})" for n, word, letter in TYPED_RATINGS.values()
        )
        raise InputError(f"{text!r} is not a rating; type {choices}")
    return rating
