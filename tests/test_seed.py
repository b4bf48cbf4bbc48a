"""The founding example: the seed notes go in, exactly these questions come out."""

from __future__ import annotations

from pathlib import Path

from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.text import normalise, words

EXPECTED = [
    # (family, year, marks, command word, start of the question)
    (0, 1998, None, "describe", "Describe the key features of Khrushchev’s policy"),
    (0, 1999, 10, "in what ways", "In what ways did Khrushchev carry out his policy"),
    (0, 2000, 6, "describe", "Describe the key features of de-Stalinisation."),
    (1, 2000, 5, "why", "Why did Khrushchev introduce a policy"),
    (1, 2001, 10, "why", "Why did Khrushchev carry out a policy"),
    (2, 2000, 6, "in what ways", "In what ways did Khrushchev try to improve industrial output"),
    (
        2,
        2001,
        15,
        "in what ways",
        "In what ways did Khrushchev try to modernise Soviet agriculture",
    ),
]


def parsed_text(course: Course) -> str:
    """Everything the parser kept, in the order of the notes."""
    parts = [course.title]
    for topic in course.topics:
        parts.append(f"{topic.number}: {topic.title}")
        for family in topic.families:
            for q in family.questions:
                parts.append(
                    f"{q.year}: {q.text} ({q.marks})" if q.marks else f"{q.year}: {q.text}"
                )
            parts.extend(family.notes)
    return "\n".join(parts)


def test_seed_gives_one_topic_three_families_seven_questions(seed_path: Path) -> None:
    imported = read_notes(seed_path)
    course = imported.course
    assert imported.notices == []
    assert course.title == "Khrushchev's attempts at modernisation."
    assert [(t.number, t.title) for t in course.topics] == [
        (4, "Khrushchev’s attempts at modernisation")
    ]
    families = course.topics[0].families
    found = [
        (families.index(family), q.year, q.marks, q.command_word, q.text)
        for _, family, q in course.questions()
    ]
    assert [row[:4] for row in found] == [row[:4] for row in EXPECTED]
    for row, expected in zip(found, EXPECTED, strict=True):
        assert row[4].startswith(expected[4])
    assert [len(f.notes) for f in families] == [6, 4, 4]


def test_question_text_is_kept_as_written_without_padding_or_marks(seed_path: Path) -> None:
    course = read_notes(seed_path).course
    texts = [q.text for _, _, q in course.questions()]
    assert texts[1] == (
        "In what ways did Khrushchev carry out his policy of de-Stalinisation in the Soviet "
        "Union in the 1950’s?"
    )
    assert all(text == text.strip() and "\u00a0" not in text for text in texts)


def test_not_a_word_of_the_seed_is_lost(seed_path: Path) -> None:
    course = read_notes(seed_path).course
    source = seed_path.read_text(encoding="utf-8")
    assert words(parsed_text(course)) == words(source)


def test_notes_keep_their_original_characters(seed_path: Path) -> None:
    family = read_notes(seed_path).course.topics[0].families[0]
    assert "Volgogradthe powers of the KGB" in family.notes[3]
    assert "‘One Day in the life of Ivan Denisovich’" in family.notes[3]
    last = read_notes(seed_path).course.topics[0].families[2].notes[-1]
    assert last.endswith("peasants and ...")


def test_curly_quotes_and_non_breaking_spaces_are_normalised_for_matching() -> None:
    assert normalise("Khrushchev’s\u00a0\u00a0 ‘metal eaters’ ") == "Khrushchev's 'metal eaters'"
