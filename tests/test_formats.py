"""Beyond the seed: Markdown, several topics in one file, DOCX and PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from fpdf import FPDF

from pastpaper.course import QuestionFamily, command_word
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.points import family_points
from pastpaper.schemes.scheme import build_scheme

MARKDOWN = """\
# Soviet Union 1953-1964

## 4: Khrushchev's attempts at modernisation

1999: In what ways did Khrushchev carry out de-Stalinisation? (10)
Q: Describe the Secret Speech. [6 marks]

The Secret Speech of February 1956 condemned Stalin's terror.
It was given to the Twentieth Party Congress.

### Economy

In 1957 Khrushchev set up 105 regional economic councils.

## 5: The fall of Khrushchev

- **2002:** Why was Khrushchev removed from power in 1964? **(10)**

He was removed in October 1964 after the Cuban Missile Crisis.
"""


def test_markdown_headings_are_the_course_and_its_topics() -> None:
    course = parse_notes(MARKDOWN, "ussr.md", markdown=True).course
    assert course.title == "Soviet Union 1953-1964"
    assert [(t.number, t.title) for t in course.topics] == [
        (4, "Khrushchev's attempts at modernisation"),
        (5, "The fall of Khrushchev"),
    ]
    first = course.topics[0].families[0]
    assert [(q.year, q.marks, q.command_word) for q in first.questions] == [
        (1999, 10, "in what ways"),
        (None, 6, "describe"),
    ]
    assert first.questions[1].text == "Describe the Secret Speech."
    assert first.notes == (
        "The Secret Speech of February 1956 condemned Stalin's terror.\n"
        "It was given to the Twentieth Party Congress.",
        "### Economy",
        "In 1957 Khrushchev set up 105 regional economic councils.",
    )
    fall = course.topics[1].families[0]
    assert [(q.year, q.text, q.marks) for q in fall.questions] == [
        (2002, "Why was Khrushchev removed from power in 1964?", 10)
    ]


def test_markdown_file_is_read_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "ussr.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    assert read_notes(path).course == parse_notes(MARKDOWN, markdown=True).course
    assert read_notes(path).course.title == "Soviet Union 1953-1964"


def test_several_topics_in_one_text_file() -> None:
    notes = (
        "Russia revision\n\n"
        "4: Khrushchev\n\n"
        "2000: Why did Khrushchev denounce Stalin? (5)\n\nTo secure his own position.\n\n"
        "5: Brezhnev\n\n"
        "2003: Describe the Brezhnev Doctrine. (6)\n\nIntervention in Czechoslovakia, 1968.\n"
    )
    course = parse_notes(notes).course
    assert course.title == "Russia revision"
    assert [(t.number, t.title, len(t.families)) for t in course.topics] == [
        (4, "Khrushchev", 1),
        (5, "Brezhnev", 1),
    ]


def test_dated_lines_in_notes_are_notes_not_questions() -> None:
    notes = "2000: Why did Khrushchev fall? (10)\n\n1957: sovnarkhozy set up.\n1962: Cuba.\n"
    course = parse_notes(notes).course
    family = course.topics[0].families[0]
    assert [q.year for q in family.questions] == [2000]
    assert family.notes == ("1957: sovnarkhozy set up.\n1962: Cuba.",)


def test_a_dash_between_the_year_and_the_question() -> None:
    """A line "2001 - Why ...? (6)" is a question as "2001: Why ...? (6)" is; a dated line of notes
    with a dash ("1948 - Stalin cut the links") and a span of years stay notes."""
    notes = (
        "2001 - Why did Stalin blockade Berlin in 1948? (6)\n"
        "**2004** – Describe the Berlin Airlift. [8 marks]\n\n"
        "1948 - Stalin cut road and rail links to West Berlin.\n1948-49 the airlift."
    )
    family = parse_notes(notes).course.topics[0].families[0]
    assert [(q.year, q.text, q.marks) for q in family.questions] == [
        (2001, "Why did Stalin blockade Berlin in 1948?", 6),
        (2004, "Describe the Berlin Airlift.", 8),
    ]
    assert family.notes == (
        "1948 - Stalin cut road and rail links to West Berlin.\n1948-49 the airlift.",
    )
    # A span of years, and a timeline line that neither asks nor carries marks, are notes.
    for line in (
        "1914 - 1918 war: why did it last so long?",
        "2001 – 2002 Describe the Berlin Airlift. (6)",
        "1917 - How the Bolsheviks took power",
        "1936 - Describe the Berlin Olympics",
    ):
        course = parse_notes(f"{line}\n\n2003: Why? (4)\n\nnotes").course
        assert [q.year for _, _, q in course.questions()] == [2003], line
    # A question after a colon may still open with a figure.
    course = parse_notes("2003: 1956 - why was it a turning point? (10)\n\nnotes").course
    assert [q.marks for _, _, q in course.questions()] == [10]


def test_command_words() -> None:
    assert command_word("How far was Khrushchev a reformer?") == "how far"
    assert command_word("To what extent did de-Stalinisation succeed?") == "to what extent"
    assert command_word("Was Khrushchev a reformer? Explain your answer.") == "explain"
    assert command_word("In what way did agriculture change?") == "in what ways"
    assert command_word("Khrushchev and the Virgin Lands.") == "other"


def test_a_quoted_statement_leaves_the_command_word_to_the_question_after_it() -> None:
    assert command_word("'Bismarck kept the peace.' How far do you agree?") == "how far"
    assert command_word('"Bismarck kept the peace." To what extent do you agree?') == (
        "to what extent"
    )
    assert command_word("\u2018Bismarck kept the peace.\u2019 Discuss.") == "discuss"
    assert command_word("'Did Bismarck keep the peace?' Assess this view.") == "assess"
    assert command_word("'Bismarck kept the peace!' Evaluate this view.") == "evaluate"
    assert command_word("Bismarck kept the peace. How far do you agree with this view?") == (
        "how far"
    )


def test_a_quoted_statement_gets_a_two_sided_scheme_in_either_format() -> None:
    body = (
        "\n\nBismarck signed the Dual Alliance in 1879.\nThe Reinsurance Treaty lapsed in 1890.\n"
    )
    txt = 'Germany.\n\n1: Peace\n\n2001: "Bismarck kept the peace." How far do you agree? (16)'
    md = "# Germany\n\n## 1: Peace\n\n### 2001: 'Bismarck kept peace.' How far do you agree? (16)"
    for notes, markdown in ((txt + body, False), (md + body, True)):
        [(_, family, question)] = parse_notes(notes, markdown=markdown).course.questions()
        assert question.command_word == "how far"
        assert any("both sides" in rule for rule in build_scheme(question, family).rules)


def test_docx_headings_and_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Soviet Union 1953-1964", level=0)
    document.add_heading("4: Khrushchev's attempts at modernisation", level=1)
    document.add_paragraph("2000: Why did Khrushchev introduce de-Stalinisation?\u00a0\u00a0 (5)")
    document.add_paragraph("He wanted to secure his own position.")
    document.add_paragraph("He knew the economy had stagnated.")
    path = tmp_path / "notes.docx"
    document.save(str(path))

    course = read_notes(path).course
    assert course.title == "Soviet Union 1953-1964"
    assert [t.number for t in course.topics] == [4]
    family = course.topics[0].families[0]
    assert [(q.year, q.marks, q.command_word) for q in family.questions] == [(2000, 5, "why")]
    assert family.notes == (
        "He wanted to secure his own position.",
        "He knew the economy had stagnated.",
    )


def test_pdf_text_is_extracted_and_parsed(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in [
        "Khrushchev revision",
        "",
        "4: Khrushchev's attempts at modernisation",
        "",
        "2001: Why did Khrushchev carry out de-Stalinisation? (10)",
        "",
        "Khrushchev wanted to improve relations with the west.",
    ]:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "notes.pdf"
    pdf.output(str(path))

    course = read_notes(path).course
    assert [(q.year, q.marks) for _, _, q in course.questions()] == [(2001, 10)]
    notes = course.topics[0].families[0].notes
    assert notes == ("Khrushchev wanted to improve relations with the west.",)


def test_a_question_wrapped_onto_a_second_line_is_joined() -> None:
    notes = (
        "2001: In what ways did Khrushchev try to modernise Soviet\n"
        "agriculture and industry in the years to 1964?      (15)\n"
        "2002: Describe the Virgin Lands scheme\n\n"
        "The Virgin Lands scheme began in 1954.\n"
    )
    family = parse_notes(notes).course.topics[0].families[0]
    assert [(q.year, q.text, q.marks) for q in family.questions] == [
        (
            2001,
            "In what ways did Khrushchev try to modernise Soviet agriculture and industry in "
            "the years to 1964?",
            15,
        ),
        (2002, "Describe the Virgin Lands scheme", None),
    ]
    assert family.notes == ("The Virgin Lands scheme began in 1954.",)


def test_a_numbered_sentence_in_the_notes_is_not_a_topic() -> None:
    notes = "Title\n\n4: Stalin\n\n2000: Why did Stalin win? (5)\n\n3: He allied with Bukharin.\n"
    course = parse_notes(notes).course
    assert [t.number for t in course.topics] == [4]
    assert course.topics[0].families[0].notes == ("3: He allied with Bukharin.",)


def test_numbered_questions() -> None:
    notes = (
        "Q1: Why did Khrushchev fall? (10)\nQuestion 2. Explain the Virgin Lands scheme [6]\n\nx"
    )
    course = parse_notes(notes).course
    # The question's number on the paper is part of what was written: it stays.
    assert [(q.text, q.marks, q.command_word) for _, _, q in course.questions()] == [
        ("Q1: Why did Khrushchev fall?", 10, "why"),
        ("Question 2. Explain the Virgin Lands scheme", 6, "explain"),
    ]


def test_docx_notes_in_a_table_are_kept(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2000: Why did Khrushchev introduce de-Stalinisation? (5)")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "To secure his position."
    table.cell(0, 1).text = "To break with the Purges."
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "To improve relations with the west."
    document.add_paragraph("After the table.")
    path = tmp_path / "table.docx"
    document.save(str(path))
    family = read_notes(path).course.topics[0].families[0]
    assert family.notes == (
        "To secure his position.",
        "To break with the Purges.",
        "To improve relations with the west.",
        "After the table.",
    )


def test_a_docx_table_of_figures_says_what_each_figure_counts(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2000: Describe unemployment in Britain. (5)")
    table = document.add_table(rows=3, cols=2)
    for row, (year, figure) in enumerate(
        [("Year", "Unemployed"), ("1929", "1,503,000"), ("1932", "2,745,000")]
    ):
        table.cell(row, 0).text = year
        table.cell(row, 1).text = figure
    path = tmp_path / "figures.docx"
    document.save(str(path))
    family = read_notes(path).course.topics[0].families[0]
    assert family.notes == (
        "Year / Unemployed:",
        "1929: Unemployed 1,503,000",
        "1932: Unemployed 2,745,000",
    )
    # The heading row is the table's, no point of the notes.
    assert [p.text for p in family_points(family)] == [
        "1929: Unemployed 1,503,000",
        "1932: Unemployed 2,745,000",
    ]


CLAIMS = [
    ("Claimant", "Basis of the claim", "Strengths"),
    (
        "William of Normandy",
        "Edward promised him the throne in 1051; Harold swore an oath to support him",
        "Edward's cousin once removed; a proven general",
    ),
    ("Edgar", "Great-nephew of Edward", "No lands or army of his own at all"),
]


def _table_family(path: Path, question: str, rows: Sequence[Sequence[str]]) -> QuestionFamily:
    """The question family of a .docx written to ``path``: the question, then a table."""
    document = docx.Document()
    document.add_paragraph(question)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))
    return read_notes(path).course.topics[0].families[0]


def test_a_docx_table_row_of_three_cells_runs_no_statement_across_its_cells(
    tmp_path: Path,
) -> None:
    question = "2013: Describe the claims to the throne in 1066. (6)"
    _assert_cells_apart(_table_family(tmp_path / "claims.docx", question, CLAIMS))


def _assert_cells_apart(family: QuestionFamily) -> None:
    """The oath was Harold's, the kinship William's: no point of ``CLAIMS`` joins the two
    cells, and a cell of its own keeps its row's name."""
    texts = [p.text for p in family_points(family)]
    assert "Harold swore an oath to support him" in texts, texts
    assert "William of Normandy: Edward's cousin once removed" in texts, texts
    assert "Edgar: Great-nephew of Edward" in texts, texts
    assert "Edgar: No lands or army of his own at all" in texts, texts
    assert not any("oath" in t and "cousin" in t for t in texts), texts


def test_a_markdown_table_row_of_three_cells_runs_no_statement_across_its_cells() -> None:
    rows = "\n".join("| " + " | ".join(cells) + " |" for cells in CLAIMS[:1]) + "\n|---|---|---|\n"
    rows += "\n".join("| " + " | ".join(cells) + " |" for cells in CLAIMS[1:])
    notes = f"# 1066\n\n## 1: The succession\n\n2013: Describe the claims in 1066. (6)\n\n{rows}\n"
    _assert_cells_apart(parse_notes(notes, "claims.md", markdown=True).course.topics[0].families[0])


def test_marks_on_the_line_after_a_question_belong_to_it() -> None:
    notes = "2001: Why did Khrushchev fall from power in 1964?\n(10)\n\nCuba.\n"
    [question] = [q for _, _, q in parse_notes(notes).course.questions()]
    assert (question.text, question.marks) == ("Why did Khrushchev fall from power in 1964?", 10)


def test_a_topic_number_used_twice_is_reported() -> None:
    notes = "Title\n\n4: Stalin\n\nNotes.\n\n4: Khrushchev\n\nMore notes.\n"
    imported = parse_notes(notes, "notes.txt")
    assert [t.title for t in imported.course.topics] == ["Stalin", "Khrushchev"]
    assert str(imported.notices[0]) == (
        "notes.txt, line 7: topic 4 was already started on line 3; the two are kept as "
        "separate topics"
    )


def test_a_docx_header_row_with_a_year_in_a_label_is_the_tables_header(tmp_path: Path) -> None:
    rows = [
        ("Region", "What happened in 1947", "Result"),
        ("Punjab", "Divided between the two new states", "The worst killing took place here"),
        ("Bengal", "Divided; the east became East Pakistan", "Calcutta stayed in India"),
    ]
    question = "2015: Describe the effects of partition on the provinces. (6)"
    family = _table_family(tmp_path / "partition.docx", question, rows)
    assert family.notes[0] == "Region / What happened in 1947 / Result:"
    texts = [p.text for p in family_points(family)]
    assert not any("What happened" in text for text in texts), texts
    assert "Punjab: Divided between the two new states" in texts, texts
