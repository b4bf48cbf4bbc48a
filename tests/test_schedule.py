"""Scheduling: a card's state in, a rating and a time, the exact next due date out."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from pastpaper.errors import InputError, SettingsError, StoreError
from pastpaper.study.schedule import (
    DEFAULT_PLAN,
    CardState,
    Plan,
    Rating,
    ReviewRecord,
    due_at,
    dump_card,
    load_card,
    new_card,
    parse_rating,
    rating_for_mark,
    retention,
    review,
)

MONDAY = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
EXAM = date(2025, 3, 7)  # 60 days after MONDAY
EXAM_STARTS = datetime(2025, 3, 7, tzinfo=UTC)


def reviewed(*ratings: Rating, plan: Plan = DEFAULT_PLAN) -> tuple[CardState, list[ReviewRecord]]:
    """A new card from MONDAY, reviewed with each rating in turn when it falls due."""
    state, records = new_card(MONDAY), []
    for rating in ratings:
        state, record = review(state, rating, due_at(state), plan)
        records.append(record)
    return state, records


def test_a_new_card_is_due_at_once_and_nothing_is_remembered_yet() -> None:
    assert new_card(MONDAY) == {
        "card_id": 1736154000000,  # MONDAY in epoch milliseconds
        "state": 1,
        "step": 0,
        "stability": None,
        "difficulty": None,
        "due": "2025-01-06T09:00:00+00:00",
        "last_review": None,
    }
    assert new_card(MONDAY, card_id=7)["card_id"] == 7
    assert retention(new_card(MONDAY), MONDAY + timedelta(days=3)) == 0.0


def test_a_first_answer_comes_back_sooner_the_worse_it_was() -> None:
    dues = {rating: review(new_card(MONDAY), rating, MONDAY)[0]["due"] for rating in Rating}
    assert dues == {
        Rating.Again: "2025-01-06T09:01:00+00:00",
        Rating.Hard: "2025-01-06T09:05:30+00:00",
        Rating.Good: "2025-01-06T09:10:00+00:00",
        Rating.Easy: "2025-01-14T09:00:00+00:00",
    }


def test_a_known_card_comes_back_sooner_the_worse_it_was_answered() -> None:
    known, _ = reviewed(Rating.Easy)
    assert known["due"] == "2025-01-14T09:00:00+00:00"
    dues = [review(known, rating, due_at(known))[0]["due"] for rating in Rating]
    assert dues == [
        "2025-01-14T09:10:00+00:00",  # forgotten: relearn it in ten minutes
        "2025-02-10T09:00:00+00:00",
        "2025-02-22T09:00:00+00:00",
        "2025-03-21T09:00:00+00:00",
    ]


def test_a_badly_marked_past_paper_answer_comes_back_sooner_than_a_good_one() -> None:
    known, _ = reviewed(Rating.Easy)
    weak, _ = review(known, rating_for_mark(2, 10), due_at(known))
    strong, _ = review(known, rating_for_mark(9, 10), due_at(known))
    assert due_at(weak) < due_at(strong)
    assert due_at(weak) - due_at(known) == timedelta(minutes=10)


def test_the_log_records_the_rating_times_and_memory() -> None:
    known, _ = reviewed(Rating.Easy)
    after, record = review(known, Rating.Good, due_at(known))
    assert record == {
        "rating": 3,
        "reviewed_at": "2025-01-14T09:00:00+00:00",
        "retrievability": pytest.approx(0.9025, abs=1e-4),
        "due_before": "2025-01-14T09:00:00+00:00",
        "due_after": "2025-02-22T09:00:00+00:00",
        "fsrs_due": "2025-02-22T09:00:00+00:00",
        "stability": after["stability"],
        "difficulty": after["difficulty"],
        "state": 2,
    }
    assert after["last_review"] == record["reviewed_at"]
    assert json.loads(json.dumps(record)) == record


def test_with_an_exam_date_every_card_reviewed_in_time_is_due_again_before_the_exam() -> None:
    ratings = [Rating.Good, Rating.Easy] * 10
    plain: list[str] = []
    state, now = new_card(MONDAY), MONDAY
    for rating in ratings:
        if now >= EXAM_STARTS - timedelta(days=1):
            break
        before_exam, record = review(state, rating, now, Plan(exam_date=EXAM))
        assert due_at(before_exam) < EXAM_STARTS, record
        assert due_at(before_exam) <= datetime.fromisoformat(record["fsrs_due"])
        plain.append(record["fsrs_due"])
        state, now = before_exam, due_at(before_exam)
    # Without the exam rule these reviews would have been scheduled after the exam.
    assert sum(due >= EXAM_STARTS.isoformat() for due in plain) == 7
    assert now.date() == date(2025, 3, 6)  # the last review is on the eve of the exam


def test_the_exam_pulls_a_card_in_to_half_the_time_left_in_whole_days() -> None:
    known, _ = reviewed(Rating.Easy)  # FSRS would bring it back on 21 March after Easy
    now = due_at(known)
    for exam, due in [
        (date(2025, 3, 22), "2025-03-21T09:00:00+00:00"),  # FSRS's due is already in time
        (date(2025, 3, 21), "2025-02-15T09:00:00+00:00"),  # 65 days 15 hours left: 32 days
        (date(2025, 3, 18), "2025-02-14T09:00:00+00:00"),  # 62 days 15 hours left: 31 days
        (date(2025, 1, 16), "2025-01-15T09:00:00+00:00"),  # 1 day 15 hours left: 1 day
        (date(2025, 1, 15), "2025-03-21T09:00:00+00:00"),  # under a day left: plain FSRS
        (date(2025, 1, 14), "2025-03-21T09:00:00+00:00"),  # exam day: plain FSRS
        (date(2024, 6, 1), "2025-03-21T09:00:00+00:00"),  # after the exam: plain FSRS
    ]:
        after, record = review(known, Rating.Easy, now, Plan(exam_date=exam))
        assert (after["due"], record["fsrs_due"]) == (due, "2025-03-21T09:00:00+00:00"), exam


def test_a_higher_desired_retention_and_a_maximum_interval_shorten_the_wait() -> None:
    known, _ = reviewed(Rating.Easy)
    waits = [
        due_at(review(known, Rating.Good, due_at(known), plan)[0]) - due_at(known)
        for plan in (Plan(desired_retention=0.8), Plan(), Plan(desired_retention=0.95))
    ]
    assert waits == sorted(waits, reverse=True) and len(set(waits)) == 3
    capped, _ = review(new_card(MONDAY), Rating.Easy, MONDAY, Plan(maximum_interval=3))
    assert capped["due"] == "2025-01-09T09:00:00+00:00"


def test_the_same_reviews_give_the_same_schedule() -> None:
    # Long intervals are where fsrs's fuzz would differ from run to run.
    ratings = [Rating.Good, Rating.Good, Rating.Easy, Rating.Hard, Rating.Good, Rating.Easy]
    first, second = reviewed(*ratings), reviewed(*ratings)
    assert first == second
    last = first[1][-1]
    wait = datetime.fromisoformat(last["due_after"]) - datetime.fromisoformat(last["reviewed_at"])
    assert wait > timedelta(days=30)


def test_a_state_round_trips_through_json_exactly() -> None:
    for ratings in [(), (Rating.Again,), (Rating.Good, Rating.Easy, Rating.Again, Rating.Hard)]:
        state, _ = reviewed(*ratings)
        stored = json.loads(json.dumps(state))
        assert stored == state
        assert dump_card(load_card(stored)) == state
        later = MONDAY + timedelta(days=40)
        assert review(stored, Rating.Good, later) == review(state, Rating.Good, later)


def test_retention_falls_from_certain_to_the_desired_chance_at_the_due_date() -> None:
    known, _ = reviewed(Rating.Easy)
    days = [retention(known, MONDAY + timedelta(days=n)) for n in range(12)]
    assert days[0] == 1.0
    assert days == sorted(days, reverse=True) and len(set(days)) == 12
    assert retention(known, due_at(known)) == pytest.approx(0.9, abs=0.005)


def test_times_without_a_time_zone_are_refused_and_other_zones_are_read_as_utc() -> None:
    naive = datetime(2025, 1, 6, 9, 0)
    known, _ = reviewed(Rating.Easy)
    for call in (
        lambda: new_card(naive),
        lambda: review(known, Rating.Good, naive),
        lambda: retention(known, naive),
    ):
        with pytest.raises(ValueError, match="must be a datetime with a time zone"):
            call()
    paris = datetime(2025, 1, 14, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert review(known, Rating.Good, paris) == review(known, Rating.Good, due_at(known))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"due": "2025-01-06T09:00:00"}, "due is '2025-01-06T09:00:00', a time without a time"),
        ({"last_review": "yesterday"}, "last_review is 'yesterday', not an ISO 8601"),
        ({"state": 4}, "state is 4, not 1 (learning), 2 (review) or 3 (relearning)"),
        ({"state": True}, "state is True, not 1"),
        ({"card_id": "7"}, "card_id is '7', not a whole number"),
        ({"step": -1}, "step is -1, not a whole number from 0 or null"),
        ({"stability": 0.0}, "stability is 0.0, not a positive number"),
        ({"difficulty": "hard"}, "difficulty is 'hard', not a number"),
        ({"difficulty": None}, "a stability or a difficulty but not both"),
        ({"state": 2, "step": None, "stability": None, "difficulty": None}, "past learning"),
        ({"state": 3, "step": None}, "a card in learning or relearning needs a step"),
    ],
)
def test_a_stored_state_that_cannot_be_read_is_a_store_error(
    change: dict[str, object], problem: str
) -> None:
    state, _ = reviewed(Rating.Hard)
    with pytest.raises(StoreError, match=r"^a card's schedule in the database cannot be read: "):
        load_card({**state, **change})
    with pytest.raises(StoreError) as error:
        review({**state, **change}, Rating.Good, MONDAY)
    assert problem in str(error.value)


def test_a_stored_state_missing_fields_names_them() -> None:
    state = dict(new_card(MONDAY))
    del state["due"], state["step"]
    with pytest.raises(StoreError, match=r"it has no due, step$"):
        due_at(state)


def test_marks_map_to_ratings_at_the_band_edges() -> None:
    ratings = [rating_for_mark(mark, 20).name for mark in range(21)]
    assert ratings == ["Again"] * 8 + ["Hard"] * 4 + ["Good"] * 5 + ["Easy"] * 4
    assert [rating_for_mark(mark, 1) for mark in (0, 1)] == [Rating.Again, Rating.Easy]
    assert [rating_for_mark(mark, 10).name for mark in (3, 4, 5, 6, 8, 9)] == [
        "Again",
        "Hard",
        "Hard",
        "Good",
        "Good",
        "Easy",
    ]


def test_more_marks_never_earn_a_worse_rating() -> None:
    for max_marks in range(1, 41):
        ratings = [rating_for_mark(mark, max_marks) for mark in range(max_marks + 1)]
        assert ratings == sorted(ratings), max_marks
        assert (ratings[0], ratings[-1]) == (Rating.Again, Rating.Easy)


@pytest.mark.parametrize(
    ("mark", "max_marks", "message"),
    [
        (0, 0, "max_marks must be at least 1, not 0"),
        (1, -4, "max_marks must be at least 1, not -4"),
        (-1, 4, "mark must be from 0 to 4, not -1"),
        (5, 4, "mark must be from 0 to 4, not 5"),
    ],
)
def test_impossible_marks_are_refused(mark: int, max_marks: int, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        rating_for_mark(mark, max_marks)


def test_a_typed_rating_is_a_number_a_name_or_a_first_letter() -> None:
    typed = {
        Rating.Again: ["1", "again", "A", " Again "],
        Rating.Hard: ["2", "HARD", "h"],
        Rating.Good: ["3", "Good", "g\n"],
        Rating.Easy: ["4", "easy", "E"],
    }
    for rating, texts in typed.items():
        assert [parse_rating(text) for text in texts] == [rating] * len(texts)


@pytest.mark.parametrize("text", ["", "0", "5", "ok", "goodish", "3.0", "again!"])
def test_anything_else_typed_is_refused_with_the_choices(text: str) -> None:
    with pytest.raises(InputError) as error:
        parse_rating(text)
    assert str(error.value) == (
        f"{text!r} is not a rating; type 1 or again (a), 2 or hard (h), 3 or good (g), "
        "4 or easy (e)"
    )


def test_a_plan_accepts_retentions_from_0_7_to_0_99_and_explains_the_rest() -> None:
    assert Plan(desired_retention=0.7).scheduler().desired_retention == 0.7
    assert Plan(desired_retention=0.99).scheduler().desired_retention == 0.99
    for bad in (0.69, 0.995, 1.0, 0.0, float("nan")):
        with pytest.raises(SettingsError, match=r"between 0\.7 and 0\.99 \(.*\), not"):
            Plan(desired_retention=bad)
    with pytest.raises(SettingsError, match="at least 1, not 0"):
        Plan(maximum_interval=0)


def test_a_plan_is_fixed_once_made_and_never_fuzzes() -> None:
    plan = Plan(exam_date=EXAM)
    with pytest.raises(ValidationError):
        plan.exam_date = None
    assert plan.scheduler().enable_fuzzing is False
    assert Plan.model_validate({"exam_date": "2025-03-07"}) == plan
