"""Practice and memory through the CLI: cards, review, practise, progress, on a real database.

Everything a student does must be in the database before anything else happens; the last
test kills a process mid-way and looks.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pastpaper.cli import app
from pastpaper.store import Store

runner = CliRunner()

GOOD = (
    "Khrushchev wanted to secure his own position against rivals such as Beria and Malenkov. "
    "Stalin's terror had been unacceptable, so the cult of personality was attacked in the "
    "Secret Speech of 1956. He also wanted to improve relations with the West."
)


def cli(db: str | Path, *args: str, stdin: str | None = None, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", str(db), *args], input=stdin)
    assert result.exit_code == code, result.output
    return result.stdout


@pytest.fixture
def seeded(db_url: str, seed_path: Path) -> str:
    cli(db_url, "import", str(seed_path))
    return db_url


def test_cards_come_from_the_notes_and_keep_their_ids(seeded: str) -> None:
    cards = json.loads(cli(seeded, "cards", "--json"))
    assert len(cards) >= 30
    assert {c["kind"] for c in cards} == {"basic", "cloze"}
    stalin = next(c for c in cards if c["front"] == "When did Stalin die?")
    assert stalin["back"] == "March 1953"
    assert stalin["source"] == "In March 1953 Stalin died"
    assert all(c["due"] is None for c in cards)
    assert [c["id"] for c in json.loads(cli(seeded, "cards", "--json"))] == [c["id"] for c in cards]


def test_a_review_is_stored_with_the_cards_new_schedule(seeded: str) -> None:
    # Card 1: typed right, Enter takes the suggested rating; card 2: revealed, rated 1.
    out = cli(seeded, "review", "--limit", "2", stdin="March 1953\n\n\n1\n")
    assert "Reviewed 2 cards; 0 left for later." in out
    assert "Rate it: 1 again, 2 hard, 3 good, 4 easy [3]:" in out
    with Store.open(seeded) as store:
        reviews = store.memory.reviews(store.people.local().id)
        assert [r["rating"] for r in reviews] == [3, 1]
        first = store.memory.card(store.people.local().id, reviews[0]["card_id"])
        assert first.state is not None and first.due is not None
        assert first.due > datetime.now(UTC)


def test_review_stops_at_q_keeping_what_was_done(seeded: str) -> None:
    out = cli(seeded, "review", "--limit", "5", stdin="\n4\nq\n")
    assert "Reviewed 1 card; 4 left for later." in out
    with Store.open(seeded) as store:
        assert len(store.memory.reviews(store.people.local().id)) == 1


def test_a_wrong_rating_is_asked_again(seeded: str) -> None:
    result = runner.invoke(app, ["--db", seeded, "review", "--limit", "1"], input="\nbest\n2\n")
    assert result.exit_code == 0, result.output
    assert "'best' is not a rating" in result.stderr
    with Store.open(seeded) as store:
        assert [r["rating"] for r in store.memory.reviews(store.people.local().id)] == [2]


def test_with_an_exam_date_every_card_comes_back_before_the_exam(seeded: str) -> None:
    exam = date.today() + timedelta(days=20)
    cli(seeded, "review", "--limit", "10", "--exam-date", exam.isoformat(), stdin="\n4\n" * 10)
    with Store.open(seeded) as store:
        reviewed = [c for c in store.memory.cards(store.people.local().id) if c.due is not None]
    assert len(reviewed) == 10
    assert all(c.due is not None and c.due.date() < exam for c in reviewed)


def test_a_bad_exam_date_is_refused_by_name(seeded: str) -> None:
    result = runner.invoke(app, ["--db", seeded, "review", "--exam-date", "20/05/2027"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: the setting exam_date (--exam-date or PASTPAPER_EXAM_DATE) cannot be "
        "'20/05/2027': it must be a date written YYYY-MM-DD, such as 2027-05-20\n"
    )


def test_practise_marks_keeps_and_schedules_the_attempt(seeded: str) -> None:
    out = cli(seeded, "practise", "4", "--answer", GOOD)
    assert "(5 marks)" in out and "Suggested time: 5:00." in out
    assert "Mark: " in out and "Attempt 1 saved; question 4 comes back" in out
    with Store.open(seeded) as store:
        [attempt] = store.memory.attempts(store.people.local().id)
        assert attempt.answer == GOOD
        assert attempt.question_id == 4 and attempt.seconds_allowed == 300
        assert attempt.mark is not None and attempt.marking is not None
        assert attempt.marking["mark"] == attempt.mark
        assert store.memory.question_state(store.people.local().id, 4) is not None


def test_a_question_answered_badly_comes_back_sooner(tmp_path: Path, seed_path: Path) -> None:
    due = {}
    for name, answer in (("good", GOOD), ("bad", "I do not know.")):
        db = tmp_path / f"{name}.db"
        cli(db, "import", str(seed_path))
        cli(db, "practise", "4", "--answer", answer)
        with Store.open(db) as store:
            state = store.memory.question_state(store.people.local().id, 4)
            assert state is not None
            due[name] = datetime.fromisoformat(state["due"])
    assert due["bad"] < due["good"]


def test_practise_due_offers_an_untried_question_first(seeded: str) -> None:
    out = cli(seeded, "practise", "--due", stdin="Stalin died in 1953.\n")
    assert "No question is due again yet; here is one you have not tried." in out
    assert "Attempt 1 saved; question 1 comes back" in out


def test_an_empty_answer_is_refused_and_nothing_is_kept(seeded: str) -> None:
    result = runner.invoke(app, ["--db", seeded, "practise", "2", "--answer", "  "])
    assert result.exit_code == 1
    assert "the answer is empty" in result.stderr


def test_progress_shows_cards_recall_and_marks_per_topic(seeded: str) -> None:
    cli(seeded, "review", "--limit", "3", stdin="\n3\n" * 3)
    cli(seeded, "practise", "4", "--answer", GOOD)
    [row] = json.loads(cli(seeded, "progress", "--json"))
    assert row["topic"] == "Khrushchev’s attempts at modernisation"
    assert row["new"] == row["cards"] - 3
    assert row["due"] == 0
    assert 0.9 <= row["retention"] <= 1.0
    [mark] = row["marks"]
    assert mark["max"] == 5
    table = cli(seeded, "progress")
    assert f"{mark['mark']}/5" in table and "recall" in table


def test_an_answer_is_kept_even_if_the_process_is_killed(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    env = {**os.environ, "PASTPAPER_DB": str(db)}
    process = subprocess.Popen(
        [sys.executable, "-m", "pastpaper", "practise", "5"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert process.stdin is not None
    process.stdin.write(GOOD.encode())
    process.stdin.close()
    # The answer is saved before the marker loads its model (seconds): kill it then.
    deadline = time.monotonic() + 60
    attempts: list[object] = []
    while not attempts and time.monotonic() < deadline and process.poll() is None:
        with Store.open(db) as store:
            attempts = list(store.memory.attempts(store.people.local().id))
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with Store.open(db) as store:
        [attempt] = store.memory.attempts(store.people.local().id)
    assert attempt.answer == GOOD


def test_trends_list_each_question_and_draw_a_chart(seeded: str, tmp_path: Path) -> None:
    rows = json.loads(cli(seeded, "trends", "--json"))
    assert [(r["year"], r["command_word"], r["marks"]) for r in rows] == [
        (1998, "describe", None),
        (1999, "in what ways", 10),
        (2000, "describe", 6),
        (2000, "why", 5),
        (2001, "why", 10),
        (2000, "in what ways", 6),
        (2001, "in what ways", 15),
    ]
    chart = tmp_path / "trends.svg"
    result = runner.invoke(app, ["--db", seeded, "trends", "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    assert "2000: describe, why, in what ways" in result.stdout
    assert chart.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_timeline_lists_the_seeds_events_in_order(seeded: str, tmp_path: Path) -> None:
    events = json.loads(cli(seeded, "timeline", "--json"))
    assert [e["label"] for e in events] == [
        "March 1953",
        "February 1956",
        "1957",
        "1956–1960",
        "1959",
    ]
    assert [e["text"].split()[:3] for e in events] == [
        ["Stalin", "died"],
        ["Khrushchev", "attacked", "Stalin"],
        ["Khrushchev", "closed", "down"],
        ["The", "Sixth", "Five"],
        ["The", "Seventh", "Five"],
    ]
    chart = tmp_path / "timeline.png"
    cli(seeded, "timeline", "--chart", str(chart))
    assert chart.read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(app, ["--db", seeded, "timeline", "--chart", str(chart)])
    assert result.exit_code == 1 and "exists" in result.stderr


def test_export_anki_writes_a_deck_and_refuses_to_overwrite(seeded: str, tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    deck = tmp_path / "deck.apkg"
    out = cli(seeded, "export-anki", "khrushchevs-attempts-at-modernisation", "-o", str(deck))
    cards = json.loads(cli(seeded, "cards", "--json"))
    assert out == f"Wrote {len(cards)} cards to {deck}; import it into Anki.\n"
    with zipfile.ZipFile(deck) as package:
        (tmp_path / "collection.anki2").write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        (notes,) = collection.execute("SELECT count(*) FROM notes").fetchone()
    assert notes == len(cards)
    result = runner.invoke(app, ["--db", seeded, "export-anki", "1", "-o", str(deck)])
    assert result.exit_code == 1 and f"{deck} exists" in result.stderr


def test_export_moodle_writes_essays_with_their_schemes(seeded: str, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    target = tmp_path / "questions.xml"
    cli(seeded, "export-moodle", "1", "-o", str(target))
    quiz = ET.parse(target).getroot()
    essays = quiz.findall("question[@type='essay']")
    assert len(essays) == 7
    assert [e.findtext("defaultgrade") for e in essays][1:3] == ["10", "6"]
    assert all(e.find("graderinfo/text") is not None for e in essays)


def test_a_killed_practice_is_marked_next_time(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    with Store.open(db) as store:  # what a process killed after saving the answer leaves
        now = datetime.now(UTC)
        store.memory.start_attempt(
            store.people.local().id,
            question_id=4,
            course="khrushchevs-attempts-at-modernisation",
            topic="Khrushchev’s attempts at modernisation",
            question="Why did Khrushchev introduce a policy of de-Stalinisation?",
            answer=GOOD,
            started_at=now - timedelta(minutes=4),
            submitted_at=now,
            seconds_allowed=300,
        )
    out = cli(db, "practise", "1", "--answer", "Stalin died in 1953.")
    assert "Your saved answer (attempt 1) had not been marked; now it is: " in out
    with Store.open(db) as store:
        first, second = store.memory.attempts(store.people.local().id)
        assert first.mark is not None and second.mark is not None
        assert store.memory.question_state(store.people.local().id, 4) is not None


def test_a_review_session_shows_one_card_a_point(seeded: str) -> None:
    cli(seeded, "review", "--limit", "8", stdin="\n3\n" * 8)
    with Store.open(seeded) as store:
        reviewed = [
            store.memory.card(store.people.local().id, r["card_id"])
            for r in store.memory.reviews(store.people.local().id)
        ]
    assert len(reviewed) == 8
    assert len({card.point_id for card in reviewed}) == 8


def test_the_answer_typed_in_a_review_is_kept(seeded: str) -> None:
    cli(seeded, "review", "--limit", "1", stdin="1953\n\n")
    with Store.open(seeded) as store:
        [kept] = store.memory.reviews(store.people.local().id)
    assert kept["answer"] == "1953"


@pytest.mark.parametrize(
    ("typed", "expected", "rating"),
    [
        ("March 1953", "March 1953", 3),
        ("march 1935", "March 1953", 2),  # a wrong year is no slip
        ("Virgn Lands", "Virgin Lands", 3),  # a slip of spelling is
        ("25", "twenty-five", 3),
        ("Virgin Lands scheme", "the Virgin Lands scheme", 3),
        ("1953", "March 1953", 2),
        ("plan", "Sixth Five Year Plan", 1),
        ("the", "the Virgin Lands scheme", 1),
        ("1954", "1953", 1),
        ("14 April 1931", "14/4/1931", 3),  # the same date, written another way
        ("15 April 1931", "14/4/1931", 1),
        ("1538-1540", "1538-40", 3),
        ("Stalin, 1928", "Trotsky, 1928", 2),  # a date beside other words is no date alone
    ],
)
def test_a_typed_answer_suggests_a_rating_only_when_it_says_it_all(
    typed: str, expected: str, rating: int
) -> None:
    from pastpaper.study.practice import typed_rating

    assert int(typed_rating(typed, expected)) == rating


def test_an_exam_date_set_later_brings_cards_back_before_the_exam(seeded: str) -> None:
    from pastpaper.study.practice import due_cards
    from pastpaper.study.schedule import Plan

    cli(seeded, "review", "--limit", "1", stdin="\n4\n")  # Easy: back in about a week
    in_three_days = datetime.now(UTC) + timedelta(days=3)
    exam = (datetime.now(UTC) + timedelta(days=5)).date()
    with Store.open(seeded) as store:
        [reviewed] = [c for c in store.memory.cards(store.people.local().id) if c.state is not None]
        assert reviewed.due is not None and reviewed.due > in_three_days
        plain = due_cards(store, store.people.local().id, in_three_days, Plan())
        before_exam = due_cards(store, store.people.local().id, in_three_days, Plan(exam_date=exam))
    assert reviewed.id not in {c.id for c in plain}
    assert reviewed.id in {c.id for c in before_exam}


def test_an_empty_bank_says_to_import_notes_first(tmp_path: Path) -> None:
    for command in (["review"], ["practise", "--due"], ["cards"], ["timeline"]):
        result = runner.invoke(app, ["--db", str(tmp_path / "empty.db"), *command])
        assert result.exit_code == 1, command
        assert "the bank is empty: import notes first" in result.stderr


def test_an_answer_that_is_not_utf8_is_refused_clearly(seeded: str) -> None:
    result = runner.invoke(app, ["--db", seeded, "practise", "3"], input=b"Stalin \xff died\n")
    assert result.exit_code == 1
    assert "the answer is not UTF-8 text (byte 8 is 0xff)" in result.stderr


def test_a_bad_chart_file_is_refused_before_anything_is_printed(seeded: str) -> None:
    result = runner.invoke(app, ["--db", seeded, "trends", "--chart", "trends.txt"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert ".svg" in result.stderr


def test_ctrl_c_while_answering_keeps_what_was_written(tmp_path: Path, seed_path: Path) -> None:
    import pty
    import select

    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "pastpaper", "--db", str(db), "practise", "3"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    seen, deadline = b"", time.monotonic() + 60
    while b"end with a line holding only a full stop" not in seen:
        assert time.monotonic() < deadline, seen
        if select.select([main], [], [], 1)[0]:
            seen += os.read(main, 4096)
    os.write(main, b"Statues of Stalin were taken down.\n")
    time.sleep(1)  # the line reaches the program before the interrupt
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    os.close(main)
    with Store.open(db) as store:
        [attempt] = store.memory.attempts(store.people.local().id)
    assert attempt.answer == "Statues of Stalin were taken down.\n"
    assert attempt.mark is None


def test_cards_follow_the_notes_when_they_are_imported_again(
    tmp_path: Path, seed_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "bank.db"
    cli(db, "import", str(notes))
    before = {c["front"] for c in json.loads(cli(db, "cards", "--json"))}
    notes.write_text(
        notes.read_text(encoding="utf-8") + "\nIn 1961 Stalin's body was removed from the tomb.\n",
        encoding="utf-8",
    )
    cli(db, "import", str(notes))
    after = {c["front"] for c in json.loads(cli(db, "cards", "--json"))}
    assert "In {{c1::1961}} Stalin's body was removed from the tomb." in after - before


def test_the_cli_names_its_own_arguments_where_the_library_names_a_remedy(seeded: str) -> None:
    both = runner.invoke(app, ["--db", seeded, "practise", "2", "--due"])
    assert both.exit_code == 1
    assert both.stderr == "error: give a QUESTION_ID or --due, not both\n"
    neither = runner.invoke(app, ["--db", seeded, "practise"])
    assert neither.stderr == "error: give a QUESTION_ID (see pastpaper questions) or --due\n"
    bad = runner.invoke(app, ["--db", seeded, "points", "x3"])
    assert bad.stderr == (
        "error: 'x3' is not a question id (3) or a family id (f3); 'pastpaper questions' "
        "lists both\n"
    )
