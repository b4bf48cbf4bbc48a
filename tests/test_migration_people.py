"""Migration 0004 (people) on a database made by migration 0003 with a student's work in it:
cards reviewed, reviews, question schedules, attempts marked and not yet marked. After the
upgrade every row is there and belongs to the local user; a second user's memory is their
own; the downgrade gives the local user's work back to the older tables.

On a real SQLite file and (in CI) a real PostgreSQL server.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import command
from fsrs import Rating
from sqlalchemy import Connection, create_engine, text

from pastpaper.store import Store, database_url
from pastpaper.store.memory import Attempt
from pastpaper.store.migrate import alembic_config
from pastpaper.study.practice import rate_card
from pastpaper.study.schedule import Plan, new_card, review

T = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
C1_STATE, C1_RECORD = review(new_card(T), Rating.Easy, T)
C3_STATE, _ = review(new_card(T), Rating.Again, T)
Q1_STATE, _ = review(new_card(T), Rating.Hard, T)
MARKING = {"mark": 2, "max_marks": 5, "points": []}

#: What each table of the student's work holds, as rows counted before the upgrade.
OWNED = {"card_states": 2, "reviews": 2, "question_schedules": 1, "attempts": 2}


def put(conn: Connection, table: str, **values: Any) -> None:
    """Insert a row, with times bound as the dialect stores them."""
    columns = [
        sa.column(name, sa.DateTime(timezone=True) if isinstance(v, datetime) else None)
        for name, v in values.items()
    ]
    conn.execute(sa.insert(sa.table(table, *columns)).values(**values))


def at_0003(db_url: str) -> None:
    """A database migrated to 0003 only, with a student's work in it, written into the 0003
    tables as the code of that time wrote it."""
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        put(conn, "courses", id=1, slug="history", title="History", source="h.txt",
            notes_source="h.txt", created_at=T, updated_at=T, cards_made_at=T)  # fmt: skip
        put(conn, "topics", id=1, course_id=1, position=0, number=4, title="Khrushchev")
        put(conn, "families", id=1, topic_id=1, position=0)
        put(conn, "questions", id=1, family_id=1, position=0, year=2001, marks=5,
            text="Why did Khrushchev fall?", command_word="why")  # fmt: skip
        put(conn, "notes", id=1, family_id=1, position=0, text="Stalin died in March 1953.")
        for card, state, retired in (("c1", C1_STATE, None), ("c2", None, None),
                                     ("c3", C3_STATE, T)):  # fmt: skip
            put(conn, "cards", id=card, course_id=1, position=int(card[1]), kind="basic",
                front=f"Front {card}", back="1953", point_id="p1", topic="Khrushchev",
                source="Stalin died in March 1953.", tags="[]",
                state=None if state is None else json.dumps(state),
                due=None if state is None else datetime.fromisoformat(state["due"]),
                retired_at=retired)  # fmt: skip
        put(conn, "reviews", card_id="c1", course="history", topic="Khrushchev",
            front="Front c1", rating=4, answer="1953", reviewed_at=T,
            record=json.dumps(C1_RECORD))  # fmt: skip
        put(conn, "reviews", card_id=None, course="gone", topic="Old", front="A deleted card",
            rating=1, answer=None, reviewed_at=T, record=json.dumps({"rating": 1}))  # fmt: skip
        put(conn, "question_schedules", question_id=1, state=json.dumps(Q1_STATE),
            due=datetime.fromisoformat(Q1_STATE["due"]))  # fmt: skip
        put(conn, "attempts", question_id=1, course="history", topic="Khrushchev",
            question="Why did Khrushchev fall?", answer="Cuba.", started_at=T,
            submitted_at=T + timedelta(minutes=5), seconds_allowed=1800, mark=2, max_marks=5,
            marking=json.dumps(MARKING))  # fmt: skip
        put(conn, "attempts", question_id=None, course="gone", topic="Old",
            question="A question deleted since", answer="Kept before it was marked.",
            started_at=T, submitted_at=T, seconds_allowed=600)  # fmt: skip
    engine.dispose()


def owners(store: Store) -> dict[str, list[int]]:
    with store.engine.connect() as conn:
        return {table: list(conn.scalars(text(f"SELECT user_id FROM {table}"))) for table in OWNED}


def test_the_upgrade_gives_every_row_to_the_local_user(db_url: str) -> None:
    at_0003(db_url)
    with Store.open(db_url) as store:
        [local] = store.people.users()
        assert (local.login, local.role, local.has_password) == ("local", "admin", False)
        me = local.id
        assert owners(store) == {table: [me] * count for table, count in OWNED.items()}

        c1, c2, c3 = store.memory.cards(me, retired=True)
        assert (c1.id, c1.state, c1.due) == (
            "c1",
            C1_STATE,
            datetime.fromisoformat(C1_STATE["due"]),
        )
        assert (c2.id, c2.state, c2.due) == ("c2", None, None)
        assert (c3.id, c3.state, c3.retired) == ("c3", C3_STATE, True)
        assert [c.id for c in store.memory.cards(me)] == ["c1", "c2"]  # no card was made
        assert store.memory.reviews(me) == [
            {"card_id": "c1", "course": "history", "topic": "Khrushchev", "front": "Front c1",
             "answer": "1953", **C1_RECORD},
            {"card_id": None, "course": "gone", "topic": "Old", "front": "A deleted card",
             "answer": None, "rating": 1},
        ]  # fmt: skip
        assert store.memory.question_states(me) == {1: Q1_STATE}
        draft, marked = store.memory.attempts(me)  # by when they were submitted
        assert marked == Attempt(
            id=marked.id, question_id=1, course="history", topic="Khrushchev",
            question="Why did Khrushchev fall?", answer="Cuba.", started_at=T,
            submitted_at=T + timedelta(minutes=5), seconds_allowed=1800, mark=2, max_marks=5,
            marking=MARKING,
        )  # fmt: skip
        assert (draft.answer, draft.mark) == ("Kept before it was marked.", None)
        assert store.memory.attempts(me, unmarked=True) == [draft]


def test_after_the_upgrade_a_second_user_has_a_memory_of_their_own(db_url: str) -> None:
    at_0003(db_url)
    with Store.open(db_url) as store:
        me = store.people.local().id
        bo = store.people.add_user("bo", "Bo Chan", "student", now=T).id
        assert [c.state for c in store.memory.cards(bo)] == [None, None]
        assert (store.memory.reviews(bo), store.memory.attempts(bo)) == ([], [])
        assert store.memory.question_states(bo) == {}

        later = T + timedelta(days=1)
        rate_card(store, bo, store.memory.card(bo, "c1"), Rating.Again, Plan(), later)
        rate_card(store, bo, store.memory.card(bo, "c2"), Rating.Easy, Plan(), later)

        assert store.memory.card(me, "c1").state == C1_STATE  # Bo's review did not move it
        assert store.memory.card(me, "c2").state is None
        assert len(store.memory.reviews(me)) == 2 and len(store.memory.reviews(bo)) == 2
        assert [c.id for c in store.memory.due_cards(me, later)] == ["c2"]  # c1 is not due
        assert [c.id for c in store.memory.due_cards(bo, later + timedelta(hours=1))] == ["c1"]


def test_the_downgrade_keeps_the_local_users_work(db_url: str) -> None:
    at_0003(db_url)
    with Store.open(db_url) as store:
        bo = store.people.add_user("bo", "Bo Chan", "student", now=T).id
        rate_card(store, bo, store.memory.card(bo, "c2"), Rating.Easy, Plan(), T)
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
        cards = conn.execute(text("SELECT id, state FROM cards ORDER BY id")).all()
        counts = {
            table: conn.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in ("reviews", "question_schedules", "attempts")
        }
    engine.dispose()
    assert [(card, None if state is None else json.loads(state)) for card, state in cards] == [
        ("c1", C1_STATE),
        ("c2", None),  # Bo's review of it cannot be kept by the older tables
        ("c3", C3_STATE),
    ]
    assert counts == {"reviews": 2, "question_schedules": 1, "attempts": 2}
    with Store.open(db_url) as store:  # and up again
        assert store.memory.card(store.people.local().id, "c1").state == C1_STATE


def test_courses_whose_cards_were_never_made_get_them_on_opening(db_url: str) -> None:
    """Before 0004, cards were made when first read; a course never read had none."""
    at_0003(db_url)
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        put(conn, "courses", id=2, slug="economy", title="Economy", source="e.txt",
            created_at=T, updated_at=T)  # fmt: skip
        put(conn, "topics", id=2, course_id=2, position=0, number=1, title="Economy")
        put(conn, "families", id=2, topic_id=2, position=0)
        put(conn, "questions", id=2, family_id=2, position=0, year=1999, marks=4,
            text="Describe his reforms.", command_word="describe")  # fmt: skip
        put(conn, "notes", id=2, family_id=2, position=0,
            text="In 1957 Khrushchev set up 150 regional economic councils.")  # fmt: skip
    engine.dispose()
    with Store.open(db_url) as store:
        me = store.people.local().id
        made = store.memory.cards(me, 2)
        assert "In {{c1::1957}} Khrushchev set up 150 regional economic councils." in {
            c.front for c in made
        }
        assert [c.id for c in store.memory.cards(me, 1)] == ["c1", "c2"]  # left alone
