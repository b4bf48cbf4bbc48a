"""Practice and memory: cards reviewed on FSRS, past-paper questions answered against the clock.

The rules are in ``cards`` (what makes a card) and ``schedule`` (when it comes back); this
module joins them to the store, and every write goes to the database before anything else
happens: a review before the next card, an answer before it is marked.

A question's attempt is scheduled like a card: the share of the marks it earned is the
rating (``schedule.rating_for_mark``: under 40% Again, under 60% Hard, under 85% Good, else
Easy), so a question answered badly comes back sooner.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pastpaper.errors import AnswerKept, NotFound, NothingToMark, OutputError, StoreError
from pastpaper.language import LITTLE_WORDS, as_number
from pastpaper.store.memory import Attempt, CardSync, StoredCard
from pastpaper.study.cards import cards_of
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

__all__ = [
    "Practised",
    "TopicProgress",
    "due_cards",
    "due_questions",
    "keep_answer",
    "mark_left_over",
    "practise",
    "progress",
    "rate_card",
    "submit_kept",
    "suggested_seconds",
    "sync_cards",
    "typed_rating",
]


def sync_cards(store: Store, course: str | None, *, now: datetime) -> dict[str, CardSync]:
    """Make each course's cards from its notes (or one course's) and bring the stored cards
    in line, keeping every schedule and review; by course slug, for the courses whose notes
    were imported since their cards were last made (``now``: when)."""
    wanted = {store.course_id(course)} if course is not None else None
    synced = {}
    for summary in store.courses():
        if wanted is not None and summary.id not in wanted:
            continue
        if store.memory.cards_current(summary.id):
            continue  # the notes have not been imported again since their cards were made
        plain = store.course(summary.slug)
        synced[summary.slug] = store.memory.sync_cards(summary.id, cards_of(plain), now)
    return synced


def rate_card(
    store: Store,
    card: StoredCard,
    rating: Rating,
    plan: Plan,
    now: datetime,
    answer: str | None = None,
) -> datetime:
    """Keep a review of ``card`` (and the answer typed) and its new schedule; when the
    card is due again."""
    state, record = review(card.state or new_card(now), rating, now, plan)
    store.memory.record_review(card.id, int(rating), state, record, answer)
    return datetime.fromisoformat(state["due"])


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
    if as_number(said) == as_number(wanted):
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
    question: QuestionInfo,
    answer: str,
    started_at: datetime,
    submitted_at: datetime,
    seconds_allowed: int,
    *,
    rescue: Path | None = None,
) -> int:
    """Save an answer to ``question`` as written, unmarked; the attempt's id.

    With ``rescue`` (a folder), an answer the database will not take is kept in a file
    there instead, and AnswerKept says where (see ``pastpaper.store.recovery``).
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
        return store.memory.start_attempt(**values)
    except StoreError as error:
        if rescue is None:
            raise
        from pastpaper.store.recovery import Recovered, keep

        try:
            kept = Recovered(**values, database=store.name, cause=str(error))
            path: Path | None = keep(kept, rescue)
        except OutputError:
            path = None
        raise AnswerKept(str(error), path, answer) from None


def submit_kept(store: Store, kept: Recovered, plan: Plan) -> Practised:
    """Submit an answer that waited in a file: save it as it was written and when, remove the
    file, then mark it. NotFound if its question has left the bank (the file stays)."""
    from pastpaper.store.recovery import forget

    store.question(kept.question_id)
    attempt_id = store.memory.start_attempt(
        **kept.model_dump(exclude={"cause", "path", "database"}),
    )
    forget(kept)
    return _mark_attempt(store, kept.question_id, attempt_id, kept.answer, plan)


def practise(
    store: Store,
    question: QuestionInfo,
    answer: str,
    *,
    started_at: datetime,
    submitted_at: datetime,
    seconds_allowed: int,
    plan: Plan,
    rescue: Path | None = None,
) -> Practised:
    """Keep the answer, then mark it, then keep the mark and the question's new schedule.

    The answer is committed first: if marking fails or the process dies, it is still there.
    If the database will not take it, it is kept in a file in ``rescue`` (see keep_answer).
    """
    attempt_id = keep_answer(
        store, question, answer, started_at, submitted_at, seconds_allowed, rescue=rescue
    )
    return _mark_attempt(store, question.id, attempt_id, answer, plan)


def _mark_attempt(
    store: Store, question_id: int, attempt_id: int, answer: str, plan: Plan
) -> Practised:
    """Mark a kept answer; keep the mark and the question's new schedule together."""
    from pastpaper.app.bank import mark_answer

    [attempt] = store.memory.attempts(attempt_id=attempt_id)
    marking = mark_answer(store, question_id, answer)
    rating = rating_for_mark(marking.mark, marking.max_marks)
    when = attempt.submitted_at
    state, _ = review(
        store.memory.question_state(question_id) or new_card(when), rating, when, plan
    )
    store.memory.finish_attempt(
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


def mark_left_over(store: Store, plan: Plan) -> list[Practised]:
    """Mark the answers that were saved but never marked (the process stopped in between).

    One whose question cannot be marked (NothingToMark) stays saved and unmarked.
    """
    marked = []
    for attempt in store.memory.attempts(unmarked=True):
        if attempt.question_id is None:
            continue
        try:
            marked.append(
                _mark_attempt(store, attempt.question_id, attempt.id, attempt.answer, plan)
            )
        except NothingToMark:
            continue
    return marked


def due_cards(
    store: Store, now: datetime, plan: Plan, course: str | None = None
) -> list[StoredCard]:
    """Cards to review now, most overdue first, then new ones in the order of the notes.

    Under an exam date, a card scheduled beyond the exam before the date was set is due
    by the exam rule (``schedule.due_under``)."""
    course_id = store.course_id(course) if course is not None else None
    if plan.exam_date is None:
        return store.memory.due_cards(now, course_id)
    waiting = []
    for card in store.memory.cards(course_id):
        due = None if card.state is None else due_under(card.state, plan)
        if due is None or due <= now:
            waiting.append((due is None, due or now, card))
    return [card for *_, card in sorted(waiting, key=lambda item: item[:2])]


def due_questions(
    store: Store, now: datetime, plan: Plan, course: str | None = None
) -> list[QuestionInfo]:
    """Questions attempted before that are due again (by the exam rule too), most overdue
    first."""
    known = {q.id: q for q in store.questions(course=course)}
    due = [
        (due_under(state, plan), question_id)
        for question_id, state in store.memory.question_states().items()
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
    store: Store, now: datetime, plan: Plan, course: str | None = None
) -> list[TopicProgress]:
    """Per topic: cards, how many are new and due, predicted recall, and marks over time."""
    slugs = {c.id: c.slug for c in store.courses()}
    course_id = store.course_id(course) if course is not None else None
    slug = slugs[course_id] if course_id is not None else None
    cards: dict[tuple[str, str], list[StoredCard]] = defaultdict(list)
    for card in store.memory.cards(course_id):
        cards[(slugs[card.course_id], card.topic)].append(card)
    marks: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
    for attempt in store.memory.attempts(slug):
        if attempt.mark is not None and attempt.max_marks:
            marks[(attempt.course, attempt.topic)].append(attempt)
    if course is not None and not cards and not marks:
        raise NotFound(
            f"nothing practised in {course} yet: try pastpaper review or pastpaper practise --due"
        )
    return [
        _topic_progress(key, cards.get(key, []), marks.get(key, []), now, plan)
        for key in sorted({*cards, *marks})
    ]


def _topic_progress(
    key: tuple[str, str],
    cards: Iterable[StoredCard],
    attempts: Iterable[Attempt],
    now: datetime,
    plan: Plan,
) -> TopicProgress:
    cards = list(cards)
    seen = [c for c in cards if c.state is not None]
    recall = [retention(c.state, now, plan) for c in seen if c.state is not None]
    return TopicProgress(
        course=key[0],
        topic=key[1],
        cards=len(cards),
        new=len(cards) - len(seen),
        due=sum(1 for c in seen if c.state is not None and due_under(c.state, plan) <= now),
        retention=sum(recall) / len(recall) if recall else None,
        marks=tuple((a.submitted_at, a.mark or 0, a.max_marks or 0) for a in attempts),
    )
