"""The application layer as a library: ``Pastpaper`` over a real database, with the clock
passed in. The rules a student meets are here, not only in the CLI: one card a point a
review session, the question ``--due`` picks, the exam date that has passed, the empty bank;
errors say what is wrong and name their remedy, and the CLI adds its option.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import InputError, NotFound, OutputError
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.study.schedule import Rating

MONDAY = datetime(2027, 1, 4, 9, tzinfo=UTC)

GOOD = (
    "Khrushchev wanted to secure his own position against rivals such as Beria and Malenkov. "
    "Stalin's terror had been unacceptable, so the cult of personality was attacked in the "
    "Secret Speech of 1956. He also wanted to improve relations with the West."
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(MONDAY)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def app(store: Store, clock: Clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pastpaper:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # answers kept in files go here
    return Pastpaper(store, None, Settings(), clock)


@pytest.fixture
def seeded(app: Pastpaper, seed_path: Path) -> Pastpaper:
    app.import_file(seed_path)
    return app


def with_settings(app: Pastpaper, **settings: object) -> Pastpaper:
    return Pastpaper(app.store, app.marker, Settings.model_validate(settings), app.clock)


def test_the_clock_passed_in_is_the_time_of_what_is_saved(seeded: Pastpaper, clock: Clock) -> None:
    [course] = seeded.courses()
    assert course.updated_at.replace(tzinfo=UTC) == MONDAY
    card = seeded.review_cards(limit=1)[0]
    clock.now = MONDAY + timedelta(days=30)
    back_on = seeded.rate(card, Rating.Good, "March 1953")
    assert back_on > clock.now  # scheduled from the clock's time, not the machine's
    assert back_on < clock.now + timedelta(days=30)
    [stored] = [c for c in seeded.cards() if c.id == card.id]
    assert stored.due == back_on


def test_a_clock_without_a_time_zone_is_refused(store: Store) -> None:
    app = Pastpaper(store, None, Settings(), lambda: datetime(2027, 1, 4, 9))
    with pytest.raises(ValueError, match="time zone"):
        app.now()


def test_a_review_session_shows_one_card_a_point(seeded: Pastpaper) -> None:
    made = Counter(c.point_id for c in seeded.cards())
    assert max(made.values()) > 1  # some points make two cards (a question and a cloze)
    session = seeded.review_cards(limit=100)
    assert len({c.point_id for c in session}) == len(session) == len(made)
    assert [c.id for c in seeded.review_cards(limit=5)] == [c.id for c in session[:5]]


def test_a_point_reviewed_gives_its_other_card_to_a_later_session(
    seeded: Pastpaper, clock: Clock
) -> None:
    first = seeded.review_cards(limit=100)
    twins = {c.point_id for c in first}
    for card in first:
        seeded.rate(card, Rating.Good)
    later = seeded.review_cards(limit=100)
    assert later, "the cards left out of the first session are new, so due"
    assert {c.id for c in later}.isdisjoint(c.id for c in first)
    assert {c.point_id for c in later} <= twins


def test_due_picks_a_new_question_then_the_most_overdue_then_none(
    seeded: Pastpaper, clock: Clock
) -> None:
    first = seeded.to_practise(due=True)
    assert first.why == "new" and first.question is not None
    assert first.question.id == seeded.questions()[0].id
    asked = seeded.to_practise(3)
    assert asked.why == "asked" and asked.question is not None and asked.question.id == 3
    for question in seeded.questions():  # every question practised, a weak answer each
        seeded.practise(question.id, "Stalin died.", started=clock.now, seconds=60)
    assert seeded.to_practise(due=True).why == "none"
    clock.now = MONDAY + timedelta(days=400)
    due = seeded.to_practise(due=True)
    assert due.why == "due" and due.question is not None
    assert due.question.id == seeded.due_questions()[0].id


def test_a_better_answer_comes_back_later(seeded: Pastpaper, clock: Clock) -> None:
    weak = seeded.practise(2, "Stalin died.", started=clock.now, seconds=600)
    good = seeded.practise(2, GOOD, started=clock.now, seconds=600)
    assert good.marking.mark > weak.marking.mark
    assert weak.due < good.due


def test_practice_asks_for_one_question_and_a_real_answer(seeded: Pastpaper) -> None:
    with pytest.raises(InputError, match="not both") as both:
        seeded.to_practise(2, due=True)
    with pytest.raises(InputError, match="the one due") as neither:
        seeded.to_practise()
    assert (both.value.remedy, neither.value.remedy) == ("id and due", "id or due")
    with pytest.raises(InputError, match="the answer is empty"):
        seeded.practise(2, "  \n", started=MONDAY, seconds=60)
    assert seeded.store.memory.attempts(seeded.user.id) == []


def test_an_exam_date_that_has_passed_is_a_warning(app: Pastpaper, clock: Clock) -> None:
    ahead = with_settings(app, exam_date=date(2027, 1, 14))
    assert ahead.plan_notices() == []
    assert ahead.days_to_exam() == 10
    clock.now = datetime(2027, 1, 15, 9, tzinfo=UTC)
    [notice] = ahead.plan_notices()
    assert str(notice) == (
        "the exam date 2027-01-14 has passed; cards are scheduled as if there were none"
    )
    assert ahead.days_to_exam() == 0
    assert app.plan_notices() == [] and app.days_to_exam() is None


def test_an_empty_bank_says_to_import_notes(app: Pastpaper) -> None:
    for study in (app.cards, app.review_cards, app.trends, app.timeline, app.require_courses):
        with pytest.raises(NotFound) as empty:
            study()
        assert str(empty.value) == "the bank is empty: import notes first"
        assert empty.value.remedy == "import"


def test_errors_say_what_is_wrong_and_name_the_remedy(
    seeded: Pastpaper, seed_path: Path, tmp_path: Path
) -> None:
    course = seeded.courses()[0].slug
    corrected = tmp_path / "course.yaml"
    seeded.write_course_file(course, corrected)
    seeded.import_file(corrected)
    with pytest.raises(InputError) as refused:
        seeded.import_file(seed_path)
    assert refused.value.remedy == "replace"
    assert "--" not in str(refused.value)
    with pytest.raises(OutputError) as exists:
        seeded.write_course_file(course, corrected)
    assert str(exists.value) == f"{corrected} exists" and exists.value.remedy == "force"
    small = with_settings(seeded, max_mb=0.001)
    with pytest.raises(InputError) as large:
        small.import_file(seed_path)
    assert large.value.remedy == "max_mb" and "--" not in str(large.value)


def test_what_the_layer_returns_dumps_to_the_json_users_see(seeded: Pastpaper) -> None:
    [course] = seeded.courses()
    assert list(course.model_dump(mode="json")) == [
        *("id", "slug", "title", "topics", "questions", "notes", "updated_at")
    ]
    scheme = seeded.scheme(2).model_dump(mode="json")
    assert next(iter(scheme)) == "question_id" and scheme["question_id"] == 2
    assert {"id", "text", "kind"} <= set(scheme["points"][0])  # the point beside its marking
    rows = json.loads(seeded.points("2").model_dump_json())  # a list: one row a point
    assert {row["family"] for row in rows} == {seeded.question(2).question.family}
    card = seeded.cards()[0].model_dump(mode="json")
    assert "stored" not in card and card["due"] is None
    event = seeded.timeline()[0].model_dump(mode="json")
    assert list(event)[:2] == ["label", "date"]


def test_the_demo_marks_a_good_answer_above_a_weak_one(app: Pastpaper) -> None:
    made = app.demo()
    assert [a.label for a in made.answers] == ["A good", "A weak"]
    good, weak = (a.marking for a in made.answers)
    assert good is not None and weak is not None
    assert good.mark > weak.mark
    assert made.questions == app.questions()
