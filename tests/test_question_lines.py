"""Where a question line may stand: as a Markdown heading, at any depth. Every note here
was written for these tests."""

from __future__ import annotations

import pytest

from pastpaper.ingest import parse_notes

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
