"""Practice and memory: cards reviewed on FSRS, past-paper questions answered against the clock.

The rules are in ``cards`` (what makes a card) and ``schedule`` (when it comes back); this
module joins them to the store, and every write goes to the database before anything else
happens: a review before the next card, an answer before it is marked.

A question's attempt is scheduled like a card: the share of the marks it earned is the
rating (``schedule.rating_for_mark``: under 40% Again, under 60% Hard, under 85% Good, else
Easy), so a question answered badly comes back sooner.

Every function that reads or writes what a student did takes ``user_id`` (``User.id`` from
``store.people``): each user's cards, reviews, attempts and schedules are their own. The
command line passes the local user's (``store.people.local().id``). The cards themselves
are made when a course is saved (``Store.save_course``); reading them writes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pastpaper.errors import AnswerKept, NotFound, NothingToMark, OutputError, StoreError
from pastpaper.language import LITTLE_WORDS, as_number
from pastpaper.store.memory import Attempt, StoredCard
from pastpaper.study.schedule import (
    Plan,
    Rating,
    due_under,
    new_card,
    rating_for_mark,
    retention,
    review,
)

if TYPE_CHECKING:
    from pastpaper.marking import Marking
    from pastpaper.store import QuestionInfo, Store
    from pastpaper.store.recovery import Recovered

#: How an attempt is marked: (question id, answer) -> Marking (the application layer's marker).
MarkAnswer = Callable[[int, str], "Marking"]

__all__ = [
    "MarkAnswer",
    "Practised",
    "TopicProgress",
    "due_cards",
    "due_questions",
    "keep_answer",
    "mark_left_over",
    "mean_recall",
    "practise",
    "progress",
    "rate_card",
    "submit_kept",
    "suggested_seconds",
    "typed_rating",
]


def rate_card(
    store: Store,
    user_id: int,
    card: StoredCard,
    rating: Rating,
    plan: Plan,
    now: datetime,
    answer: str | None = None,
) -> datetime:
    """Keep the user's review of ``card`` (and the answer typed) and their new schedule of
    it; when the card is due again. ``card`` is as ``store.memory`` read it for the user."""
    state, record = review(card.state or new_card(now), rating, now, plan)
    store.memory.record_review(user_id, card.id, int(rating), state, record, answer)
    return datetime.fromisoformat(state["due"])


def _same_date(typed: str, expected: str) -> bool:
    """Are two answers the one date, each alone, however written: "14 April 1931" and
    "14/4/1931", "1538-1540" and "1538-40"?"""
    from pastpaper.study.dates import only_date

    wanted, said = only_date(expected), only_date(typed)
    if wanted is None or said is None:
        return False
    return (said.year, said.month, said.day, said.end_year) == (
        wanted.year,
        wanted.month,
        wanted.day,
        wanted.end_year,
    )


def typed_rating(typed: str, expected: str) -> Rating:
    """The rating a typed answer suggests: Good when it says all that the card hides (slips
    of spelling forgiven, "25" for "twenty-five", but never another number), Hard when it
    says at least half of it, else Again. One word of a longer answer ("plan" for "the
    Sixth Five Year Plan") is not it.
    """
    from rapidfuzz import fuzz

    from pastpaper.text import match_key

    said, wanted = match_key(typed), match_key(expected)
    if not said:
        return Rating.Again
    if as_number(said) == as_number(wanted) or _same_date(typed, expected):
        return Rating.Good
    same_numbers = re.findall(r"\d+", said) == re.findall(r"\d+", wanted)
    if same_numbers and fuzz.ratio(said, wanted) >= 85:
        return Rating.Good
    words = said.split()

    def says(word: str) -> bool:  # a number exactly, a word with a slip forgiven
        if word.isdigit():
            return word in words
        return any(fuzz.ratio(word, mine) >= 85 for mine in words)

    needed = [w for w in wanted.split() if w not in LITTLE_WORDS] or wanted.split()
    found = sum(1 for w in needed if says(w))
    if found == len(needed):
        return Rating.Good
    return Rating.Hard if 2 * found >= len(needed) else Rating.Again


def suggested_seconds(marks: int | None, minutes_per_mark: float) -> int:
    """The exam's pace: ``minutes_per_mark`` a mark (a question without marks counts six)."""
    from pastpaper.schemes.scheme import DEFAULT_MARKS

    return round((marks or DEFAULT_MARKS) * minutes_per_mark * 60)


@dataclass(frozen=True)
class Practised:
    attempt_id: int
    marking: Marking
    rating: Rating
    due: datetime
    seconds_taken: int
    seconds_allowed: int


def keep_answer(
    store: Store,
    user_id: int,
    question: QuestionInfo,
    answer: str,
    started_at: datetime,
    submitted_at: datetime,
    seconds_allowed: int,
    *,
    rescue: Path | None = None,
    key: str | None = None,
) -> int:
    """Save the user's answer to ``question`` as written, unmarked; the attempt's id.

    With ``rescue`` (a folder), an answer the database will not take is kept in a file
    there instead, and AnswerKept says where (see ``pastpaper.store.recovery``). With
    ``key``, an answer sent again with the same key is AlreadySubmitted, and nothing is
    written.
    """
    values: dict[str, Any] = {
        "question_id": question.id,
        "course": question.course,
        "topic": question.topic,
        "question": question.text,
        "answer": answer,
        "started_at": started_at,
        "submitted_at": submitted_at,
        "seconds_allowed": seconds_allowed,
    }
    try:
        return store.memory.start_attempt(user_id, **values, key=key)
    except StoreError as error:
        if rescue is None:
            raise
        from pastpaper.store.recovery import Recovered, keep

        try:
            kept = Recovered(**values, user_id=user_id, database=store.name, cause=str(error))
            path: Path | None = keep(kept, rescue)
        except OutputError:
            path = None
        raise AnswerKept(str(error), path, answer) from None


def submit_kept(
    store: Store, user_id: int, kept: Recovered, plan: Plan, mark: MarkAnswer
) -> Practised:
    """Submit the user's answer that waited in a file: save it as it was written and when,
    remove the file, then mark it. NotFound if its question has left the bank, or if the
    answer is another user's (the file stays). A file from before there were users
    (``kept.user_id`` None) is taken as the submitting user's."""
    from pastpaper.store.recovery import forget

    if kept.user_id is not None and kept.user_id != user_id:
        raise NotFound(f"the answer kept in {kept.path} is another user's")
    store.question(kept.question_id)
    attempt_id = store.memory.start_attempt(
        user_id,
        **kept.model_dump(exclude={"cause", "path", "database", "user_id"}),
    )
    forget(kept)
    return _mark_attempt(store, user_id, kept.question_id, attempt_id, kept.answer, plan, mark)


def practise(
    store: Store,
    user_id: int,
    question: QuestionInfo,
    answer: str,
    *,
    started_at: datetime,
    submitted_at: datetime,
    seconds_allowed: int,
    plan: Plan,
    mark: MarkAnswer,
    rescue: Path | None = None,
    key: str | None = None,
) -> Practised:
    """Keep the user's answer, then mark it, then keep the mark and the user's new schedule
    of the question. ``key``: what the submission was sent with (see ``keep_answer``).

    The answer is committed first: if marking fails or the process dies, it is still there.
    If the database will not take it, it is kept in a file in ``rescue`` (see keep_answer).
    """
    attempt_id = keep_answer(
        store,
        user_id,
        question,
        answer,
        started_at,
        submitted_at,
        seconds_allowed,
        rescue=rescue,
        key=key,
    )
    return _mark_attempt(store, user_id, question.id, attempt_id, answer, plan, mark)


def _mark_attempt(
    store: Store,
    user_id: int,
    question_id: int,
    attempt_id: int,
    answer: str,
    plan: Plan,
    mark: MarkAnswer,
) -> Practised:
    """Mark a kept answer; keep the mark and the question's new schedule together."""
    [attempt] = store.memory.attempts(user_id, attempt_id=attempt_id)
    marking = mark(question_id, answer)
    rating = rating_for_mark(marking.mark, marking.max_marks)
    when = attempt.submitted_at
    state, _ = review(
        store.memory.question_state(user_id, question_id) or new_card(when), rating, when, plan
    )
    store.memory.finish_attempt(
        user_id,
        attempt_id,
        mark=marking.mark,
        max_marks=marking.max_marks,
        marking=marking.model_dump(mode="json"),
        state=state,
    )
    return Practised(
        attempt_id=attempt_id,
        marking=marking,
        rating=rating,
        due=datetime.fromisoformat(state["due"]),
        seconds_taken=round((attempt.submitted_at - attempt.started_at).total_seconds()),
        seconds_allowed=attempt.seconds_allowed,
    )


def mark_left_over(store: Store, user_id: int, plan: Plan, mark: MarkAnswer) -> list[Practised]:
    """Mark the user's answers that were saved but never marked (the process stopped in
    between).

    One whose question cannot be marked (NothingToMark) stays saved and unmarked.
    """
    marked = []
    for attempt in store.memory.attempts(user_id, unmarked=True):
        if attempt.question_id is None:
            continue
        try:
            marked.append(
                _mark_attempt(
                    store, user_id, attempt.question_id, attempt.id, attempt.answer, plan, mark
                )
            )
        except NothingToMark:
            continue
    return marked


def due_cards(
    store: Store, user_id: int, now: datetime, plan: Plan, course: str | None = None
) -> list[StoredCard]:
    """The user's cards to review now, most overdue first, then new ones in the order of the notes.

    Under an exam date, a card scheduled beyond the exam before the date was set is due
    by the exam rule (``schedule.due_under``)."""
    course_id = store.course_id(course) if course is not None else None
    if plan.exam_date is None:
        return store.memory.due_cards(user_id, now, course_id)
    waiting = []
    for card in store.memory.cards(user_id, course_id):
        due = None if card.state is None else due_under(card.state, plan)
        if due is None or due <= now:
            waiting.append((due is None, due or now, card))
    return [card for *_, card in sorted(waiting, key=lambda item: item[:2])]


def due_questions(
    store: Store, user_id: int, now: datetime, plan: Plan, course: str | None = None
) -> list[QuestionInfo]:
    """Questions the user attempted before that are due again (by the exam rule too), most overdue
    first."""
    known = {q.id: q for q in store.questions(course=course)}
    due = [
        (due_under(state, plan), question_id)
        for question_id, state in store.memory.question_states(user_id).items()
        if question_id in known
    ]
    return [known[i] for when, i in sorted(due) if when <= now]


@dataclass(frozen=True)
class TopicProgress:
    course: str
    topic: str
    cards: int
    new: int
    due: int
    retention: float | None  # mean predicted recall of the cards reviewed so far
    marks: tuple[tuple[datetime, int, int], ...]  # (when, mark, max) of each attempt, oldest first


def progress(
    store: Store, user_id: int, now: datetime, plan: Plan, course: str | None = None
) -> list[TopicProgress]:
    """The user's progress per topic: cards, how many are new and due, predicted recall,
    and marks over time."""
    slugs = {c.id: c.slug for c in store.courses()}
    course_id = store.course_id(course) if course is not None else None
    slug = slugs[course_id] if course_id is not None else None
    cards: dict[tuple[str, str], list[StoredCard]] = defaultdict(list)
    for card in store.memory.cards(user_id, course_id):
        cards[(slugs[card.course_id], card.topic)].append(card)
    marks: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
    for attempt in store.memory.attempts(user_id, slug):
        if attempt.mark is not None and attempt.max_marks:
            marks[(attempt.course, attempt.topic)].append(attempt)
    if course is not None and not cards and not marks:
        raise NotFound(f"nothing practised in {course} yet", remedy="practise")
    return [
        _topic_progress(key, cards.get(key, []), marks.get(key, []), now, plan)
        for key in sorted({*cards, *marks})
    ]


def mean_recall(states: Iterable[Mapping[str, Any]], now: datetime, plan: Plan) -> float | None:
    """The mean predicted recall (FSRS retrievability) at ``now`` of the cards whose
    schedules these are (the cards a user has reviewed); None without any."""
    recall = [retention(state, now, plan) for state in states]
    return sum(recall) / len(recall) if recall else None


def _topic_progress(
    key: tuple[str, str],
    cards: Iterable[StoredCard],
    attempts: Iterable[Attempt],
    now: datetime,
    plan: Plan,
) -> TopicProgress:
    cards = list(cards)
    seen = [c for c in cards if c.state is not None]
    return TopicProgress(
        course=key[0],
        topic=key[1],
        cards=len(cards),
        new=len(cards) - len(seen),
        due=sum(1 for c in seen if c.state is not None and due_under(c.state, plan) <= now),
        retention=mean_recall([c.state for c in seen if c.state is not None], now, plan),
        marks=tuple((a.submitted_at, a.mark or 0, a.max_marks or 0) for a in attempts),
    )
