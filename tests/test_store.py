"""The store, on a real SQLite file and (in CI) a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from pastpaper.course import Course
from pastpaper.errors import NotFound
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.store import Store, database_url
from pastpaper.store.migrate import HEAD, alembic_config
from pastpaper.store.tables import Base


def test_the_head_revision_the_store_expects_is_the_newest_migration() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


def test_migrations_create_exactly_the_tables_the_models_describe(store: Store) -> None:
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_a_course_comes_back_as_it_went_in(store: Store, seed_path: Path) -> None:
    course = read_notes(seed_path).course
    saved = store.save_course(course)
    assert store.course(saved.slug) == course
    assert store.course(str(saved.course_id)) == course


def test_importing_twice_updates_rather_than_duplicates(store: Store, seed_path: Path) -> None:
    course = read_notes(seed_path).course
    first = store.save_course(course)
    ids = [q.id for q in store.questions()]
    again = store.save_course(course)
    assert (first.created, again.created) == (True, False)
    assert again.course_id == first.course_id
    assert (again.questions_added, again.questions_kept, again.questions_removed) == (0, 7, 0)
    assert [q.id for q in store.questions()] == ids
    [summary] = store.courses()
    assert (summary.topics, summary.questions, summary.notes) == (1, 7, 14)


def test_ids_survive_an_edit_of_the_notes(store: Store, seed_path: Path) -> None:
    course = read_notes(seed_path).course
    store.save_course(course)
    before = {(q.year, q.text): q.id for q in store.questions()}

    # A teacher drops the 1998 question, adds a 2002 one and fixes a typo in the notes.
    topic = course.topics[0]
    family = topic.families[0]
    extra = parse_notes("2002: Describe de-Stalinisation. (8)\n\nx").course
    new_question = next(q for _, _, q in extra.questions())
    edited_family = family.model_copy(
        update={
            "questions": (*family.questions[1:], new_question),
            "notes": (family.notes[0].replace("conference", "congress"), *family.notes[1:]),
        }
    )
    edited = course.model_copy(
        update={
            "topics": (topic.model_copy(update={"families": (edited_family, *topic.families[1:])}),)
        }
    )
    saved = store.save_course(edited)
    assert (saved.questions_added, saved.questions_kept, saved.questions_removed) == (1, 6, 1)
    after = {(q.year, q.text): q.id for q in store.questions()}
    kept = set(before) & set(after)
    assert len(kept) == 6
    assert all(before[key] == after[key] for key in kept)
    assert store.course(saved.slug) == edited


def test_questions_filter_by_course_and_topic(store: Store, seed_path: Path) -> None:
    store.save_course(read_notes(seed_path).course)
    store.save_course(
        parse_notes(
            "Other course\n\n7: Weimar\n\n1999: Why did Weimar fail? (5)\n\nMany reasons."
        ).course
    )
    assert len(store.questions()) == 8
    assert len(store.questions(course="khrushchevs-attempts-at-modernisation")) == 7
    assert [q.year for q in store.questions(topic="weimar")] == [1999]
    assert len(store.questions(topic="4")) == 7
    with pytest.raises(NotFound, match="no course 'nope'; the courses are: "):
        store.questions(course="nope")


def test_show_gives_the_family_and_its_notes(store: Store, seed_path: Path) -> None:
    store.save_course(read_notes(seed_path).course)
    second = store.questions()[1]
    detail = store.question(second.id)
    assert detail.question == second
    assert [q.year for q in detail.family_questions] == [1998, 1999, 2000]
    assert len(detail.notes) == 6 and detail.notes[0].startswith("In March 1953 Stalin died.")
    with pytest.raises(NotFound, match="no question 999"):
        store.question(999)


def test_two_courses_with_the_same_questions_do_not_collide(store: Store) -> None:
    notes = "2000: Why did Khrushchev fall? (5)\n\nCuba."
    for title in ("Class A", "Class B"):
        store.save_course(parse_notes(f"{title}\n\n{notes}").course)
    assert [c.slug for c in store.courses()] == ["class-a", "class-b"]
    assert len({q.id for q in store.questions()}) == 2


def test_an_empty_course_can_be_saved(store: Store) -> None:
    saved = store.save_course(Course(title="Empty"))
    assert store.course(saved.slug) == Course(title="Empty")


def test_straightening_the_quotes_keeps_every_id(store: Store, seed_path: Path) -> None:
    curly = seed_path.read_text(encoding="utf-8")
    store.save_course(parse_notes(curly, "seed.txt").course, source="seed.txt")
    before = [(q.id, q.text) for q in store.questions()]
    straight = curly.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    saved = store.save_course(parse_notes(straight, "seed.txt").course, source="seed.txt")
    assert (saved.questions_added, saved.questions_kept, saved.questions_removed) == (0, 7, 0)
    after = [(q.id, q.text) for q in store.questions()]
    assert [i for i, _ in after] == [i for i, _ in before]
    assert "Khrushchev's policy" in after[0][1]  # the new text is what is shown now


def test_a_database_of_the_previous_schema_keeps_its_reviews(db_url: str) -> None:
    """Migration 0003 copies each review's card into it, so it can outlive the card."""
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        when = "2025-03-01 09:00:00"
        conn.execute(
            text(
                "INSERT INTO courses (id, slug, title, created_at, updated_at) "
                "VALUES (1, 'history', 'History', :when, :when)"
            ),
            {"when": when},
        )
        conn.execute(
            text(
                "INSERT INTO cards (id, course_id, position, kind, front, back, point_id, topic, "
                "source, tags) VALUES ('c1', 1, 0, 'basic', 'When did Stalin die?', "
                "'March 1953', 'p1', 'Khrushchev', 'In March 1953 Stalin died', '[]')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO reviews (card_id, rating, answer, reviewed_at, record) "
                "VALUES ('c1', 3, '1953', :when, '{\"rating\": 3}')"
            ),
            {"when": when},
        )
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.memory.reviews(store.people.local().id) == [
            {
                "card_id": "c1",
                "course": "history",
                "topic": "Khrushchev",
                "front": "When did Stalin die?",
                "answer": "1953",
                "rating": 3,
            }
        ]
        store.delete_course("history")
        [kept] = store.memory.reviews(store.people.local().id)
    assert (kept["card_id"], kept["front"]) == (None, "When did Stalin die?")


def test_a_course_remembers_the_notes_it_was_made_from_past_course_file_imports(
    store: Store,
) -> None:
    course = parse_notes("History\n\n2000: Why did Khrushchev fall? (5)\n\nCuba.").course
    store.save_course(course, source="/a/notes.txt", keep_schemes=True)
    store.save_course(course, source="/b/notes.txt", keep_schemes=True)
    assert store.corrected_since("/a/notes.txt") is None
    store.save_course(course, source="/a/course.yaml", replace=True)
    assert store.corrected_since("/a/notes.txt") == ("history", "/a/course.yaml")
    assert store.corrected_since("/b/notes.txt") is None
    store.save_course(course, source="/a/notes.txt", replace=True, keep_schemes=True)
    assert store.corrected_since("/a/notes.txt") is None
