"""Where a question line may stand: as a Markdown heading, at any depth; and where a line
that looks like one is notes: a student's own "Q: ... / A: ..." self-test under a past-paper
question. Every note here was written for these tests."""

from __future__ import annotations

import pytest

from pastpaper.course import command_word
from pastpaper.ingest import parse_notes
from pastpaper.schemes.points import family_points
from pastpaper.study.cards import cards_of
from pastpaper.study.timeline import timeline

TEXTILES = """\
# The Industrial Revolution

## 3: Textiles

{h}1998: Explain why the factory system spread after 1770. (8)

Arkwright's water frame needed water power, so spinning moved into mills by rivers.

{h}2003: Describe working conditions in the early cotton mills. [6 marks]

Children worked twelve-hour shifts and were beaten for falling asleep.
"""


@pytest.mark.parametrize("hashes", ["#", "##", "###", "####", "#####", "######"])
def test_a_question_written_as_a_heading_is_a_question_at_any_depth(hashes: str) -> None:
    imported = parse_notes(TEXTILES.format(h=f"{hashes} "), "textiles.md", markdown=True)
    course = imported.course
    assert course.title == "The Industrial Revolution"
    assert [(t.number, t.title) for t in course.topics] == [(3, "Textiles")]
    families = course.topics[0].families
    assert [[(q.year, q.text, q.marks) for q in family.questions] for family in families] == [
        [(1998, "Explain why the factory system spread after 1770.", 8)],
        [(2003, "Describe working conditions in the early cotton mills.", 6)],
    ]
    # The heading is the question, not a line of the notes under it.
    assert course.topics[0].families[0].notes == (
        "Arkwright's water frame needed water power, so spinning moved into mills by rivers.",
    )
    assert not imported.notices
    # The same notes as if the questions had been written without the hashes.
    assert course == parse_notes(TEXTILES.format(h=""), "textiles.md", markdown=True).course


def test_a_file_whose_only_headings_are_questions_keeps_its_first_line_as_title() -> None:
    notes = "Chartism revision\n\n### 2011: Why did Chartism fail? (8)\n\nThe 1848 petition.\n"
    course = parse_notes(notes, "chartism.md", markdown=True).course
    assert course.title == "Chartism revision"
    assert [(q.year, q.marks) for _, _, q in course.questions()] == [(2011, 8)]


def test_headings_that_are_not_whole_question_lines_keep_their_roles() -> None:
    notes = """\
# The First World War

## 1914: the July Crisis

2016: Why did Britain go to war in August 1914? (8)

### 1839: why the Treaty of London mattered

Britain had guaranteed Belgian neutrality.

### 1917: Revolution (1917)

The Tsar abdicated in March.

## Why did the war last so long?

2018: Explain why the Western Front became a stalemate. (6)

Machine guns and barbed wire favoured the defender.
"""
    course = parse_notes(notes, "ww1.md", markdown=True).course
    # A date heading with no marks, and a question heading with no year, are topics.
    assert [(t.number, t.title) for t in course.topics] == [
        (None, "1914: the July Crisis"),
        (None, "Why did the war last so long?"),
    ]
    assert [(q.year, q.marks) for _, _, q in course.questions()] == [(2016, 8), (2018, 6)]
    # Deeper headings with no marks that could be marks stay headings of the notes.
    assert course.topics[0].families[0].notes == (
        "### 1839: why the Treaty of London mattered",
        "Britain had guaranteed Belgian neutrality.",
        "### 1917: Revolution (1917)",
        "The Tsar abdicated in March.",
    )


REFORMATION = """\
Reformation revision.

1: Luther

2009: Why did Luther's protest spread so quickly in Germany? (8)

Q: What were indulgences?
A: Pardons for sin that the Church sold; Tetzel sold them near Wittenberg in 1517.

Q: Why did the princes protect Luther?
A: The princes wanted the Church's lands. Frederick the Wise hid him at the Wartburg.

The printing press carried his pamphlets across Germany within weeks.

2: The English Reformation

2014: Describe the break with Rome. (6)

The Act of Supremacy of 1534 made Henry VIII head of the Church of England.
"""


def test_self_test_pairs_stay_in_the_notes_of_their_question() -> None:
    imported = parse_notes(REFORMATION, "reformation.txt")
    course = imported.course
    assert [
        [[(q.year, q.marks) for q in f.questions] for f in t.families] for t in course.topics
    ] == [[[(2009, 8)]], [[(2014, 6)]]]
    # Every word the student wrote is kept, labels and all, under the question it revises.
    assert course.topics[0].families[0].notes == (
        "Q: What were indulgences?\n"
        "A: Pardons for sin that the Church sold; Tetzel sold them near Wittenberg in 1517.",
        "Q: Why did the princes protect Luther?\n"
        "A: The princes wanted the Church's lands. Frederick the Wise hid him at the Wartburg.",
        "The printing press carried his pamphlets across Germany within weeks.",
    )
    assert not imported.notices


def test_a_self_tests_labels_are_no_part_of_points_cards_or_the_timeline() -> None:
    course = parse_notes(REFORMATION, "reformation.txt").course
    family = course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "Pardons for sin that the Church sold",
        "Tetzel sold them near Wittenberg in 1517",
        "The princes wanted the Church's lands",
        "Frederick the Wise hid him at the Wartburg",
        "The printing press carried his pamphlets across Germany within weeks",
    ]
    cards = cards_of(course)
    assert cards
    for card in cards:
        for text in (card.front, card.back, card.source):
            assert not text.startswith(("Q:", "A:")), card
    events = {event.date: event.text for event in timeline(course)}
    assert events["1517"] == (
        "Pardons for sin that the Church sold; Tetzel sold them near Wittenberg in 1517"
    )


def test_a_self_test_in_markdown_with_bold_labels() -> None:
    notes = (
        "# Reformation\n\n## 1: Luther\n\n"
        "2009: Why did Luther's protest spread? (8)\n\n"
        "**Q:** Name what Luther nailed up.\n**A:** The Ninety-five Theses, in 1517.\n"
    )
    family = parse_notes(notes, "luther.md", markdown=True).course.topics[0].families[0]
    assert [(q.year, q.marks) for q in family.questions] == [(2009, 8)]
    # The self-test's question asks, though it has no question mark: it is no point.
    assert [p.text for p in family_points(family)] == ["The Ninety-five Theses, in 1517"]


def test_a_q_line_with_marks_or_without_an_answer_is_still_a_question() -> None:
    # Marks make it a paper's question, even with its model answer under it; and "Q: ..."
    # alone on its line is the question format the notes have always had.
    notes = (
        "2009: Why did Luther's protest spread? (8)\n\nThe printing press.\n\n"
        "Q: Explain why Henry VIII broke with Rome. (6)\nA: He wanted an annulment.\n\n"
        "Q: Describe the dissolution of the monasteries.\n\nAbout 800 houses were closed.\n"
    )
    course = parse_notes(notes, "tudors.txt").course
    assert [(q.year, q.text, q.marks) for _, _, q in course.questions()] == [
        (2009, "Why did Luther's protest spread?", 8),
        (None, "Explain why Henry VIII broke with Rome.", 6),
        (None, "Describe the dissolution of the monasteries.", None),
    ]
    assert course.topics[0].families[1].notes == ("A: He wanted an annulment.",)


def test_how_and_a_quality_asks_how_far() -> None:
    """ "How united was Italy by 1871?" weighs both sides as "How far ..." does."""
    assert command_word("How united was Italy by 1871?") == "how far"
    assert command_word("How serious were the threats to Elizabeth in the years 1558-88?") == (
        "how far"
    )
    assert command_word("How did Stalin rise to power?") == "how"
    assert command_word("How many soldiers fought at Hastings?") == "how"
