"""What a mark scheme must not credit: the layout of the notes (a Word table's header row,
a question the notes ask themselves), a bare judgement in answer to "describe", the points
of a sibling question's subject, what the notes date after the years a question asks about,
and, in answer to "why", the other side of the argument; and what it must keep (a Word
table's row as one statement, the list under a heading that names the question's own
subject, both sides for a question that asks how far)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from pastpaper.course import Question, QuestionFamily
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.kinds import is_judgement, states_motive
from pastpaper.schemes.parts import headed_as, of_other_kind, parts_of
from pastpaper.schemes.periods import asked_from, asked_until, notes_date, point_date
from pastpaper.schemes.points import family_points
from pastpaper.schemes.scheme import build_scheme


def _first_family(notes: str, name: str) -> QuestionFamily:
    """The first question family of notes written out in a test."""
    return parse_notes(notes, name).course.topics[0].families[0]


def _credited(question: Question, family: QuestionFamily) -> list[str]:
    """The texts of the points the question's scheme credits."""
    return [p.point.text for p in build_scheme(question, family).creditable]


def _sides(notes: str, name: str) -> Callable[[str], str | None]:
    """The side the first question's scheme gives the creditable point whose text holds
    some words (None where no point holds them), for notes written out in a test."""
    family = _first_family(notes, name)
    sides = {p.point.text: p.side for p in build_scheme(family.questions[0], family).creditable}

    def side(words: str) -> str | None:
        return next((s for text, s in sides.items() if words in text), None)

    return side


def _table_notes(tmp_path: Path, *, bold: bool) -> QuestionFamily:
    document = docx.Document()
    document.add_paragraph("1999: Describe the rise of Octavian. (6)")
    document.add_paragraph("2000: Why did Octavian win the civil war? (8)")
    table = document.add_table(rows=3, cols=2)
    rows = [
        ("When", "What Octavian did"),
        ("43 BC", "He formed the Second Triumvirate with Antony and Lepidus."),
        ("31 BC", "His fleet under Agrippa beat Antony and Cleopatra at Actium."),
    ]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = bold
    path = tmp_path / "octavian.docx"
    document.save(str(path))
    return read_notes(path).course.topics[0].families[0]


@pytest.mark.parametrize("bold", [True, False])
def test_a_word_table_header_row_is_kept_but_is_no_point(tmp_path: Path, bold: bool) -> None:
    # A header in bold, or one plainly shorter than the rows under it, labels the columns.
    family = _table_notes(tmp_path, bold=bold)
    points = [p.text for p in family_points(family)]
    assert not any(p.startswith(("When", "What Octavian did")) for p in points), points
    assert "When / What Octavian did:" in family.notes  # nothing the author wrote is lost
    for question in family.questions:
        credited = _credited(question, family)
        assert not any("When" in text or "What Octavian did" in text for text in credited)


def test_a_word_table_row_is_one_statement_its_first_cell_labelling_the_rest(
    tmp_path: Path,
) -> None:
    family = _table_notes(tmp_path, bold=True)
    points = [p.text for p in family_points(family)]
    # The date stays with the deed it dates: "43 BC" alone would be no point at all.
    assert "43 BC: He formed the Second Triumvirate with Antony and Lepidus" in points
    assert "31 BC: His fleet under Agrippa beat Antony and Cleopatra at Actium" in points
    assert "43 BC" not in points and "31 BC" not in points


def test_a_table_of_short_cells_with_numbers_has_no_header_taken_from_its_first_row(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    document.add_paragraph("1999: Describe the fall of the Republic. (4)")
    table = document.add_table(rows=2, cols=2)
    rows = [("49 BC", "Rubicon crossed"), ("44 BC", "Caesar killed")]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "dates.docx"
    document.save(str(path))
    family = read_notes(path).course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "49 BC: Rubicon crossed",
        "44 BC: Caesar killed",
    ]


def test_a_question_the_notes_ask_is_no_point_but_a_quoted_question_is() -> None:
    notes = (
        "1999: How far were the Catholics a threat to Elizabeth? (10)\n\n"
        "How serious? Less than it looked. Most Catholics stayed loyal.\n\n"
        "As Cecil put it, 'who will rise for a queen in a foreign prison?'\n"
    )
    family = _first_family(notes, "threat.txt")
    points = [p.text for p in family_points(family)]
    assert "How serious" not in points and not any(p.startswith("How serious") for p in points)
    assert "Less than it looked" in points
    assert any("who will rise for a queen" in p for p in points)


JUDGED = """\
1999: Describe the work of the relief agencies. (6)
2000: How far did the relief agencies end the slump? (10)

The agencies gave jobs to four million people in the winter of 1933.

The gains were real. In short, a real but partial success. Relief and reform: yes.
"""


def test_a_describe_question_does_not_credit_a_bare_judgement() -> None:
    family = parse_notes(JUDGED, "relief.txt").course.topics[0].families[0]
    describe, how_far = family.questions
    scheme = build_scheme(describe, family)
    credited = [p.point.text for p in scheme.creditable]
    assert credited == ["The agencies gave jobs to four million people in the winter of 1933"]
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    assert left["The gains were real"] == "a judgement, not a feature"
    assert left["In short, a real but partial success"] == "a judgement, not a feature"
    # A question asking how far weighs exactly such verdicts.
    weighed = _credited(how_far, family)
    assert "In short, a real but partial success" in weighed
    assert "Relief and reform: yes" in weighed


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Judged by jobs, the New Deal half worked", True),
        ("The murder was the trigger, not the whole cause", True),
        ("For the West it was a victory of sorts", True),
        ("Full recovery: no", True),
        ("Unemployment fell to 7.7 million, a partial success", False),  # a fact with it
        ("The Dawes Plan cut the yearly payments", False),
        ("In short Khrushchev wanted managers to take decisions themselves", False),
    ],
)
def test_what_is_a_bare_judgement(text: str, verdict: bool) -> None:
    assert is_judgement(text) is verdict


RIVERS = """\
1999: In what ways can hard engineering reduce the risk of flooding? (6)
2000: Why do many planners now prefer soft engineering to manage rivers? (6)

Hard engineering means building structures that control the river.
- Dams and reservoirs store water in the upper course and release it slowly.
- Embankments raise the banks so that the channel holds more water.

Soft engineering works with the river instead. Planting trees slows run-off, as leaves
intercept rain. These methods are cheaper to build and to maintain.
"""


def test_a_list_under_a_heading_that_names_the_question_subject_is_credited() -> None:
    family = parse_notes(RIVERS, "rivers.txt").course.topics[0].families[0]
    hard, _ = family.questions
    scheme = build_scheme(hard, family)
    credited = [p.point.text for p in scheme.creditable]
    # The bullets never say "hard engineering": their paragraph does, and the other
    # question (soft engineering, rivers) does not ask about it.
    assert "Dams and reservoirs store water in the upper course and release it slowly" in credited
    assert "Embankments raise the banks so that the channel holds more water" in credited
    # The soft-engineering paragraph is the other question's.
    assert not any("trees" in text or "cheaper" in text for text in credited)


CORPUS = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "notes"


def test_the_word_notes_credit_each_table_row_and_no_header_cell() -> None:
    course = read_notes(CORPUS / "caesar-republic.docx").course
    headers = {"When", "What Caesar did", "Reason", "Detail", "Cause", "How it angered the nobles"}
    rubicon = None
    for _, family, question in course.questions():
        scheme = build_scheme(question, family)
        for item in scheme.points:
            assert item.point.text not in headers, (question.text, item.point.text)
            assert not item.point.text.startswith(tuple(f"{h} /" for h in headers))
        if "Rubicon" in question.text:
            rubicon = [p.point.text for p in scheme.creditable]
    assert rubicon is not None
    # The reason and its detail, one row of the table, are one creditable point.
    assert any(p.startswith("Fear of prosecution: His enemies in the Senate") for p in rubicon)
    assert any(p.startswith("Ambition: He wanted a second consulship") for p in rubicon)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.*") if p.suffix != ".py"))
def test_no_scheme_of_the_corpus_credits_a_heading_a_label_or_a_question(name: str) -> None:
    course = read_notes(CORPUS / name).course
    for _, family, question in course.questions():
        for item in build_scheme(question, family).creditable:
            text = item.point.text
            assert not text.startswith(("#", "-", "*")), text
            assert not text.endswith(("?", ":")), text
            source = item.point.source
            after = family.notes[source.note][source.end : source.end + 1]
            assert after != "?", f"{text}? is a question the notes ask"
            assert text.strip(" .:").lower() not in {"detail", "notes", "key points", "reason"}


ALLIANCES = """\
1999: Describe the alliance system in Europe before 1914. (6)
2000: Why did the alliance system increase tension before 1914? (8)
2001: How far were the alliances to blame for the war? (10)

The alliances split Europe into two armed camps. Germany felt encircled by the alliances, so
its generals planned for a war on two fronts.

Yet the alliances did not drag every member into war. Italy stayed neutral in August 1914
and joined the Allies in May 1915. Britain had no binding promise to France.

Historians disagree. Against this: Austria-Hungary chose to declare war on Serbia.
"""


def _alliances() -> tuple[QuestionFamily, list[Question]]:
    family = parse_notes(ALLIANCES, "alliances.txt").course.topics[0].families[0]
    return family, list(family.questions)


def test_a_point_dated_after_the_years_a_question_asks_about_earns_nothing() -> None:
    family, (describe, *_) = _alliances()
    scheme = build_scheme(describe, family)
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    # What came after the period is no part of it...
    assert left["joined the Allies in May 1915"] == (
        "dated 1915, after the time the question asks about"
    )
    # ...though August 1914 is in the year "before 1914" ends with: the examiner credits it.
    assert "Italy stayed neutral in August 1914" in [p.point.text for p in scheme.creditable]
    # Nor is it a cause of what the period saw.
    notes = (
        "1999: Why did Caesar cross the Rubicon in January 49 BC? (8)\n\n"
        "His enemies planned to put him on trial, so he needed his army. He was made "
        "dictator for life in February 44 BC, because the Senate feared him.\n"
    )
    rubicon = _first_family(notes, "rubicon.txt")
    credited = _credited(rubicon.questions[0], rubicon)
    assert "His enemies planned to put him on trial, so he needed his army" in credited
    assert not any("dictator" in text for text in credited)


CIVIL_RIGHTS = (
    "1999: Why was the Civil Rights Act of 1964 passed? (8)\n\n"
    "1998: Why did the Civil Rights Act of 1964 matter? (8)\n\n"
    "The March on Washington in August 1963 put pressure on Congress, because 250,000 people "
    "marched. After Kennedy was killed, Johnson used the memory of Kennedy to get the bill "
    "passed. The Chicago campaign of 1966 achieved little, because the problems of the North "
    "were different. In 1968 the Fair Housing Act followed because the Act had left housing "
    "out.\n"
)


def test_a_cause_of_a_thing_named_by_its_year_comes_before_it() -> None:
    """Why the Civil Rights Act of 1964 was passed: not the Chicago campaign of 1966. Why it
    mattered: what came after it is the answer."""
    family = _first_family(CIVIL_RIGHTS, "civil-rights.txt")
    passed, mattered = family.questions
    credited = _credited(passed, family)
    assert any("March on Washington" in text for text in credited)
    assert not any("1966" in text or "1968" in text for text in credited)
    assert any("1968" in text for text in _credited(mattered, family))


@pytest.mark.parametrize(
    "question, until",
    [
        ("Describe the alliance system in Europe before 1914.", (1914, None)),
        ("In what ways did rivalry grow in the years 1898-1914?", (1914, None)),
        ("Describe Julius Caesar's rise to power up to 49 BC.", (-49, None)),
        ("Why did Caesar cross the Rubicon in January 49 BC?", (-49, 1)),
        ("How far had Elizabeth dealt with the challenges by 1588?", (1588, None)),
        ("Why did relations break down in the years 1945–46?", (1946, None)),
        # "of" after a season or "the events" gives a time, not a thing's name
        ("Describe the key events of the summer of 1789 in France.", (1789, None)),
        ("Describe the events of 1848 in Paris.", (1848, None)),
        # No end: from a year on, or a year that names a thing rather than a time.
        ("Why was Stresemann able to restore stability to Germany after 1923?", None),
        ("In what ways was the religious settlement of 1559 a compromise?", None),
        ("Describe the steps Stresemann took to end the crisis of 1923.", None),
        ("How successful was the Marshall Plan?", None),
        # "March" at the end of a name is a march, not the month: the Salt March lasted
        # into April 1930, and the Long March of 1934-35 names a thing.
        ("Describe the Salt March of 1930.", None),
        ("Why did the Long March of 1934-35 matter?", None),
        ("Why did the Tsar abdicate in March 1917?", (1917, 3)),
        ("Describe the events of the March 1917 revolution.", None),
    ],
)
def test_the_end_of_the_time_a_question_asks_about(
    question: str, until: tuple[int, int | None] | None
) -> None:
    assert asked_until(question) == until


@pytest.mark.parametrize(
    "text, date",
    [
        ("Italy joined the Allies in May 1915", (1915, 5)),
        ("Caesar was made dictator perpetuo in February 44 BC", (-44, 2)),
        # The bound of a period dates nothing; nor does a later view of the period.
        ('Russia began a "Great Programme" of rearmament due to be finished by 1917', None),
        ("From 1961 the historian Fritz Fischer argued that Germany wanted war", None),
        ("Article 231 (1919) made Germany accept responsibility for the war", None),
    ],
)
def test_the_date_a_point_tells_of(text: str, date: tuple[int, int | None] | None) -> None:
    assert point_date(text) == date


NASEBY = """\
1999: Describe the Battle of Naseby in June 1645. (6)

In 1643 Parliament made an alliance with the Scots, the Solemn League and Covenant. A Scots
army crossed the border and fought beside Parliament's in the north.

On 14 June 1645 the New Model Army met the King's army near Naseby. Cromwell's cavalry broke
the royalist horse, and about 5,000 royalist foot soldiers were taken prisoner.
"""


def test_a_describe_question_that_names_its_time_leaves_out_what_came_before() -> None:
    family = _first_family(NASEBY, "naseby.txt")
    scheme = build_scheme(family.questions[0], family)
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    # The battle is what the question asks to describe...
    assert any(p.point.text.startswith("Cromwell's cavalry broke") for p in scheme.creditable)
    # ...the alliance of two years before is its background: dated before the battle, or in a
    # paragraph every date of which is before it.
    assert left[
        "In 1643 Parliament made an alliance with the Scots, the Solemn League and Covenant"
    ] == ("dated 1643, before the time the question asks about")
    assert left["fought beside Parliament's in the north"] == (
        "its paragraph tells of a time before the one the question asks about"
    )
    # A question asking why may find its causes in what came before.
    why = NASEBY.replace("Describe the Battle of Naseby in June 1645.", "Why did Parliament win?")
    family = _first_family(why, "naseby.txt")
    listed = build_scheme(family.questions[0], family).points
    assert not any("before the time" in (p.why_not or "") for p in listed)


@pytest.mark.parametrize(
    "question, since",
    [
        ("Describe Columbus's first voyage across the Atlantic in 1492-93.", 1492),
        ("Describe the assassination of Julius Caesar on 15 March 44 BC.", -44),
        ("Describe the effects of the war on Russia in the years 1914-17.", 1914),
        # Only an end, or a year that names a thing: no start.
        ("Describe Julius Caesar's rise to power up to 49 BC.", None),
        ("Describe the alliance system in Europe before 1914.", None),
        ("Describe the steps Stresemann took to end the crisis of 1923.", None),
    ],
)
def test_the_start_of_the_time_a_question_asks_about(question: str, since: int | None) -> None:
    assert asked_from(question) == since


def test_a_measure_may_bear_fruit_after_the_years_an_in_what_ways_question_names() -> None:
    notes = (
        "1999: In what ways did Stresemann improve Germany's position in the years 1924-29? (8)\n\n"
        "Young Plan, 1929: the Allies agreed to leave the Rhineland early. The last troops "
        "went in June 1930, five years ahead of the Versailles timetable.\n"
    )
    family = _first_family(notes, "stresemann.txt")
    credited = _credited(family.questions[0], family)
    assert any(text.startswith("The last troops went in June 1930") for text in credited)


def test_an_in_what_ways_question_does_not_credit_what_came_years_after_its_time() -> None:
    notes = (
        "2011: In what ways did Cavour strengthen Piedmont in the 1850s? (10)\n\n"
        "The Plombières agreement with Napoleon III in July 1858 won French help against "
        "Austria. Garibaldi's Thousand took Sicily and Naples in 1860. Prussia's wars gave "
        "Italy Venetia in 1866 and Rome in 1870.\n"
    )
    family = _first_family(notes, "cavour.txt")
    credited = _credited(family.questions[0], family)
    assert credited[0].startswith("The Plombières agreement")
    assert not any(text.startswith("Prussia's wars") for text in credited)


def test_a_why_scheme_does_not_credit_the_other_side_of_the_argument() -> None:
    family, (_, why, _) = _alliances()
    scheme = build_scheme(why, family)
    credited = [p.point.text for p in scheme.creditable]
    assert any(text.startswith("Germany felt encircled by the alliances") for text in credited)
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    # The paragraph turns against what the question asks about: limits, not reasons.
    for text in (
        "Yet the alliances did not drag every member into war",
        "Italy stayed neutral in August 1914",
        "Britain had no binding promise to France",
    ):
        assert left[text] == "the other side of the argument, not a reason"


def test_a_turn_against_another_argument_of_the_notes_can_still_be_a_reason() -> None:
    notes = (
        "1999: Explain why Julius Caesar was assassinated in 44 BC. (10)\n"
        "2000: How far was Caesar himself to blame for his assassination? (10)\n\n"
        "Caesar's own conduct did much to bring it about, because he flaunted his honours. "
        "Yet the Republic had been breaking down for two generations before him: Marius and "
        "Sulla had already marched armies on Rome.\n"
    )
    family = _first_family(notes, "caesar.txt")
    why, how_far = family.questions
    credited = _credited(why, family)
    assert "Marius and Sulla had already marched armies on Rome" in credited
    # For the question that weighs Caesar's own blame it is the other side.
    sides = {p.point.text: p.side for p in build_scheme(how_far, family).creditable}
    assert sides["Marius and Sulla had already marched armies on Rome"] == "against"


def test_a_judgement_scheme_credits_both_sides_and_says_so() -> None:
    family, (*_, how_far) = _alliances()
    scheme = build_scheme(how_far, family)
    sides = {p.point.text: p.side for p in scheme.creditable}
    # A label that turns the argument ("Against this:") puts what follows on the other side.
    assert sides["Austria-Hungary chose to declare war on Serbia"] == "against"
    assert sides["The alliances split Europe into two armed camps"] == "for"
    instructions = scheme.instructions()
    assert "Credit points on both sides" in instructions
    assert "Supporting the view in the question:" in instructions
    assert "Challenging or limiting it:" in instructions


PROHIBITION = """\
1: Prohibition in the USA

1999: How far was Prohibition a success? (12)

For:
- Drinking fell by about a third in the early 1920s.
- Deaths from liver disease dropped in many states.
Against:
- Gangsters such as Al Capone grew rich from bootlegging.
- Speakeasies opened in every large city.

Arguments against

Juries would not convict their neighbours for selling beer.

The Volstead Act was repealed in 1933.

### What came after

The Twenty-first Amendment handed the choice back to the states in 1933.
"""


def test_a_judgement_scheme_takes_the_sides_the_notes_label() -> None:
    family = _first_family(PROHIBITION, "prohibition.txt")
    sides = {p.point.text: p.side for p in build_scheme(family.questions[0], family).creditable}
    # "For:" and "Against:" over the items of a list: each item takes the side of the label
    # above it, though nothing in its own words argues either way.
    assert sides["Drinking fell by about a third in the early 1920s"] == "for"
    assert sides["Deaths from liver disease dropped in many states"] == "for"
    assert sides["Gangsters such as Al Capone grew rich from bootlegging"] == "against"
    assert sides["Speakeasies opened in every large city"] == "against"
    # A label that stands alone ("Arguments against") takes the paragraphs under it, up to
    # the next heading.
    assert sides["Juries would not convict their neighbours for selling beer"] == "against"
    assert sides["The Volstead Act was repealed in 1933"] == "against"
    assert sides["The Twenty-first Amendment handed the choice back to the states in 1933"] == (
        "for"
    )


FLOOD_SCHEME = """\
1: Flood defences

1999: How successful was the flood scheme at Boscastle? (8)

After the flood of 2004 the river channel was widened and a new bridge was built higher \
above the water. No homes flooded in the storm of 2012.

However, the work took four years, and shops in the village lost trade while it went on.

The car park was also moved away from the river, so visitors have further to walk.

The scheme was very expensive at about £10 million.

Fields upstream were left to flood in heavy rain.
"""


def test_a_success_scheme_puts_costs_and_what_was_given_up_against_success() -> None:
    family = _first_family(FLOOD_SCHEME, "boscastle.txt")
    sides = {p.point.text: p.side for p in build_scheme(family.questions[0], family).creditable}
    assert sides["No homes flooded in the storm of 2012"] == "for"
    assert sides["However, the work took four years"] == "against"
    # "also" carries on the argument of the "However" paragraph before it.
    assert (
        sides["The car park was also moved away from the river, so visitors have further to walk"]
        == "against"
    )
    # What it cost, and what was left undefended, tell against its success.
    assert sides["The scheme was very expensive at about £10 million"] == "against"
    assert sides["Fields upstream were left to flood in heavy rain"] == "against"


def test_a_success_scheme_puts_what_went_wrong_against_success_in_any_words() -> None:
    family = _first_family(
        "2015: How successful was Mussolini's Battle for Grain? (10)\n\n"
        "Wheat output rose by half between 1925 and 1939.\n"
        "Land given over to wheat was lost to olives and fruit, so exports fell.\n"
        "The draining of the Pontine Marshes was put off again and again.\n"
        "Food shortages returned in 1940.\n",
        "grain.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(family.questions[0], family).creditable}
    assert sides["Wheat output rose by half between 1925 and 1939"] == "for"
    assert sides["Land given over to wheat was lost to olives and fruit, so exports fell"] == (
        "against"
    )
    assert sides["The draining of the Pontine Marshes was put off again and again"] == "against"
    assert sides["Food shortages returned in 1940"] == "against"


RIVALS = """\
1: Nursing

1999: How far was Florence Nightingale more important than Mary Seacole in improving nursing? (16)
2000: 'Seacole did more for soldiers than Nightingale.' How far do you agree? (16)

Florence Nightingale cut the death rate at Scutari by insisting on clean wards.
Mary Seacole nursed soldiers close to the front line at her British Hotel.
Seacole's work was arguably as valuable because she reached men where they fell.
"""


def test_a_question_weighing_one_thing_against_another_puts_the_other_on_the_other_side() -> None:
    family = _first_family(RIVALS, "nursing.txt")
    first, quoted = family.questions
    assert (first.command_word, quoted.command_word) == ("how far", "how far")
    sides = {p.point.text: p.side for p in build_scheme(first, family).creditable}
    assert sides[
        "Florence Nightingale cut the death rate at Scutari by insisting on clean wards"
    ] == ("for")
    assert sides["Mary Seacole nursed soldiers close to the front line at her British Hotel"] == (
        "against"
    )
    # The quoted view weighs Seacole first: what tells of Nightingale is against it.
    turned = {p.point.text: p.side for p in build_scheme(quoted, family).creditable}
    assert turned[
        "Florence Nightingale cut the death rate at Scutari by insisting on clean wards"
    ] == ("against")


VERDICTS = """\
1999: Describe Stresemann's achievements in foreign policy. (6)
2000: How far did the Weimar Republic recover under Stresemann? (10)
2001: In what ways was the Dawes Plan a compromise? (6)

In 1925 Germany signed the Locarno Treaties. In 1926 Germany joined the League of Nations.

The gains were real but limited. The Young Plan still left Germans paying until 1988.
Hugenberg and Hitler campaigned against it in 1929.

It was a compromise in several ways. Payments were cut for five years.
"""


def test_a_describe_scheme_leaves_out_a_paragraph_that_argues_a_verdict() -> None:
    family = parse_notes(VERDICTS, "stresemann.txt").course.topics[0].families[0]
    describe, how_far, ways = family.questions
    scheme = build_scheme(describe, family)
    credited = [p.point.text for p in scheme.creditable]
    assert "In 1925 Germany signed the Locarno Treaties" in credited
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    assert left["The Young Plan still left Germans paying until 1988"] == (
        "evidence for a judgement, not a feature"
    )
    # The question that asks how far weighs it...
    weighed = _credited(how_far, family)
    assert "The Young Plan still left Germans paying until 1988" in weighed
    # ...and a verdict in the question's own words is what the question asks about.
    ways_credited = _credited(ways, family)
    assert "Payments were cut for five years" in ways_credited


HASTINGS = """\
2015: Describe the main events of the Battle of Hastings. (6)
2017: Why did William win the Battle of Hastings? (8)

The English formed a shield wall along the ridge of Senlac Hill.

The feigned retreat mattered most. The Normans pretended to flee, and parts of the English
line broke ranks to chase them down the hill. The Norman cavalry turned and cut them down.

William won because his army had archers, infantry and cavalry.
"""


def test_a_verdict_that_names_the_moment_that_mattered_heads_its_telling() -> None:
    # A paragraph opened by which moment counted most goes on to tell of that moment: the
    # describe question credits the events, and not the verdict itself.
    family = parse_notes(HASTINGS, "hastings.txt").course.topics[0].families[0]
    describe, _ = family.questions
    scheme = build_scheme(describe, family)
    credited = [p.point.text for p in scheme.creditable]
    assert "The Norman cavalry turned and cut them down" in credited
    assert any(text.startswith("The Normans pretended to flee") for text in credited)
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    assert left["The feigned retreat mattered most"] == "a judgement, not a feature"


STUARTS = """\
1999: In what ways did the quarrel between Charles I and Parliament grow in the years 1629-40? (8)
2000: Explain why the rebellions in Scotland and Ireland made civil war more likely. (10)

The quarrel between Charles I and Parliament grew through the 1630s, when he ruled alone.
- Ship Money was levied on inland counties from 1635.
- John Hampden refused to pay it and was tried in 1637.

Scotland. In 1637 Charles ordered a new Prayer Book for the Scots, and riots broke out in
Edinburgh. To pay for the war that followed he had to recall Parliament in 1640, and the
quarrel with Parliament began again at once.

Ireland. In October 1641 the Catholics of Ulster rose and killed thousands of settlers. Nobody
would trust the King with an army to crush the rising, and the country split over who should
command it.
"""


def test_a_scheme_leaves_out_the_part_of_the_notes_that_answers_a_sibling_question() -> None:
    family = _first_family(STUARTS, "stuarts.txt")
    quarrel, rebellions = family.questions
    scheme = build_scheme(quarrel, family)
    credited = [p.point.text for p in scheme.creditable]
    # The list under the paragraph on the quarrel is that question's...
    assert "Ship Money was levied on inland counties from 1635" in credited
    # ...the section headed "Ireland." answers only the question on the rebellions...
    assert not any("Ulster" in text for text in credited)
    assert any(
        why == f"answers {rebellions.text!r}, not this question" for _, why in scheme.left_out
    )
    # ...and the section on Scotland, which tells of the quarrel too, answers both.
    assert any("recall Parliament in 1640" in text for text in credited)
    listed = [p.point.text for p in build_scheme(rebellions, family).points]
    assert any("Ulster" in text for text in listed)
    assert any("recall Parliament in 1640" in text for text in listed)
    assert not any("Ship Money" in text or "Hampden" in text for text in listed)


def test_a_question_alone_or_asking_for_the_main_cause_keeps_every_part() -> None:
    alone = STUARTS.replace(
        "2000: Explain why the rebellions in Scotland and Ireland made civil war more likely. "
        "(10)\n",
        "",
    )
    family = _first_family(alone, "stuarts.txt")
    assert any("Ulster" in text for text in _credited(family.questions[0], family))
    # A question that asks how far one thing was the main cause weighs every other cause.
    main = STUARTS.replace(
        "1999: In what ways did the quarrel between Charles I and Parliament grow in the years "
        "1629-40?",
        "1999: How far was Ship Money the main cause of the quarrel between Charles I and "
        "Parliament?",
    )
    family = _first_family(main, "stuarts.txt")
    assert any("Ulster" in text for text in _credited(family.questions[0], family))


CHARTISTS = """\
1999: How far did the Chartists threaten the government in the years 1838-48? (10)
2000: To what extent did the Luddites challenge the factory owners? (10)

For ten years the Chartists gathered petitions for the vote. In 1839 Parliament rejected a
petition signed by 1.2 million people, and riots followed at Newport.

Machine breaking began in Nottinghamshire in 1811. Gangs who called themselves Luddites
smashed stocking frames at night, and in 1812 Parliament made frame-breaking a capital crime.

Both were met with force. Troops were sent north in 1812 and again in 1842.
"""


def test_a_part_about_only_a_siblings_subject_leaves_a_question_whatever_its_opening() -> None:
    family = _first_family(CHARTISTS, "protest.txt")
    chartists, luddites = family.questions
    scheme = build_scheme(chartists, family)
    credited = [p.point.text for p in scheme.creditable]
    # The paragraph on machine breaking opens with no word of either question, but it names
    # the Luddites, whom only the sibling asks about, and never the Chartists: the sibling's.
    assert not any("Luddites" in text or "Nottinghamshire" in text for text in credited)
    assert any(why == f"answers {luddites.text!r}, not this question" for _, why in scheme.left_out)
    # A paragraph that names neither subject is both questions'.
    assert "Troops were sent north in 1812 and again in 1842" in credited
    theirs = _credited(luddites, family)
    assert "Machine breaking began in Nottinghamshire in 1811" in theirs
    assert "Troops were sent north in 1812 and again in 1842" in theirs


OCTAVIAN = """\
1999: Describe the rise of Octavian to 31 BC. (6)
2000: Why did Octavian win the civil war against Antony? (8)

Octavian was Caesar's adopted heir. He raised an army of his own at nineteen.

Reason / Detail:

Agrippa: His admiral won the sea battle at Actium in 31 BC.

Money: He held Italy and its taxes, while Antony depended on Egypt.
"""


def test_a_describe_scheme_leaves_out_the_part_headed_as_the_reasons() -> None:
    family = _first_family(OCTAVIAN, "octavian.txt")
    describe, why = family.questions
    scheme = build_scheme(describe, family)
    listed = [p.point.text for p in scheme.points]
    assert any("adopted heir" in text for text in listed)
    assert not any("Actium" in text or "taxes" in text for text in listed)
    assert "gives reasons, which a sibling question asks for" in {w for _, w in scheme.left_out}
    assert any(
        "Actium" in text for text in (p.point.text for p in build_scheme(why, family).points)
    )


def test_the_parts_of_notes_a_sibling_question_can_be_given() -> None:
    notes = (
        "### The treaty",  # a heading heads all that follows it, up to the next heading
        "It was signed in 1648.",
        "- Sweden gained Pomerania.",
        "### Why it lasted",
        "Reason / Detail:",  # a lead-in, with its rows under it
        "Exhaustion: every army was worn out.",
        "Money: no prince could pay for more.",
    )
    assert parts_of(notes) == [0, 0, 0, 1, 1, 1, 1]
    plain = (
        "The treaty was signed in 1648.",
        "- Sweden gained Pomerania.",  # a list joins the paragraph it follows
        "Reason / Detail:",
        "Exhaustion: every army was worn out.",
        "The peace held for a generation.",
    )
    assert parts_of(plain) == [0, 0, 1, 1, 2]
    assert headed_as(plain) == [None, None, "reasons", "reasons", None]


WESTPHALIA = """\
1999: Describe the Peace of Westphalia. (6)
2000: Why did the Thirty Years War end in 1648? (8)
2001: How successful was the Peace of Westphalia? (10)

### The terms

- Sweden gained Pomerania and a vote in the Imperial Diet.
- The Dutch Republic was recognised as independent of Spain.

### Results

- The princes of the Empire ran their own foreign policy from then on.
- Germany stayed at peace for a generation.
"""


def test_a_part_headed_as_results_is_for_the_question_that_asks_what_came_of_it() -> None:
    family = _first_family(WESTPHALIA, "westphalia.md")
    describe, why, successful = family.questions
    for question in (describe, why):
        scheme = build_scheme(question, family)
        assert not any("for a generation" in p.point.text for p in scheme.points)
        assert "gives results, which a sibling question asks for" in {w for _, w in scheme.left_out}
    assert any("Pomerania" in text for text in _credited(describe, family))
    weighed = _credited(successful, family)
    assert any("for a generation" in text for text in weighed)
    assert any("Pomerania" in text for text in weighed)


def test_a_part_headed_as_a_verdict_leaves_a_describe_question() -> None:
    notes = WESTPHALIA.replace("### Results", "### How far a success")
    family = _first_family(notes, "westphalia.md")
    describe, _, successful = family.questions
    scheme = build_scheme(describe, family)
    assert not any("for a generation" in p.point.text for p in scheme.points)
    assert "gives a verdict, which a sibling question asks for" in {w for _, w in scheme.left_out}
    assert any("for a generation" in text for text in _credited(successful, family))


MOTIVES = """\
2011: Describe how Count Odo used castles in the valley. (6)
2012: Why did Count Odo build castles in the valley? (6)
2013: How successful were Count Odo's castles? (8)

Count Odo built four stone castles along the river. He hoped to overawe the barons who had \
rebelled against his father. He married his sister to the strongest of them. The aim was to \
keep the river trade in his own hands. Within ten years the barons paid him tolls.
"""


def test_a_describe_or_how_successful_scheme_does_not_credit_the_motives() -> None:
    # What someone hoped, feared or aimed at answers "why": describing what was done, or
    # weighing what came of it, it earns nothing; the deeds and results still do.
    family = _first_family(MOTIVES, "odo.txt")
    describe, why, how_successful = family.questions
    hope = "He hoped to overawe the barons who had rebelled against his father"
    aim = "The aim was to keep the river trade in his own hands"
    for question in (describe, how_successful):
        scheme = build_scheme(question, family)
        credited = [p.point.text for p in scheme.creditable]
        assert "Count Odo built four stone castles along the river" in credited
        left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
        assert str(left[hope]).startswith("a motive"), left
        assert str(left[aim]).startswith("a motive"), left
    assert "Within ten years the barons paid him tolls" in _credited(how_successful, family)
    # The question that asks why credits them.
    credited = _credited(why, family)
    assert hope in credited and aim in credited


def test_a_describe_question_that_asks_for_the_aims_credits_them() -> None:
    notes = MOTIVES.replace(
        "2011: Describe how Count Odo used castles in the valley.",
        "2011: Describe the aims of Count Odo's castles in the valley.",
    )
    family = _first_family(notes, "odo.txt")
    credited = _credited(family.questions[0], family)
    assert "The aim was to keep the river trade in his own hands" in credited


@pytest.mark.parametrize(
    ("text", "motive"),
    [
        ("The duke hoped to win the barons over", True),
        ("The aim was to contain the rebels", True),
        ("Fear of a new war made the king determined to avoid it", True),
        ("The duke built three castles, hoping to win the barons over", False),
        ("The duke built three castles", False),
        ("The duke hoped to win the barons over by granting them land", False),
        ("This, it was hoped, would bring the barons over", False),
    ],
)
def test_what_states_a_motive(text: str, motive: bool) -> None:
    assert states_motive(text) is motive


RESTATED = """\
2014: In what ways did the guilds of the town grow stronger? (6)
2015: Why did the mayor fear the guilds of the town? (6)
2016: How far were the guilds of the town stronger than the mayor by 1450? (10)

The guilds of the town grew stronger. The weavers' guild bought the market hall in 1431. \
A guild means a sworn company of the masters of one craft. \
The guilds set the price of cloth each spring.

The guilds were stronger than the mayor by 1450. The mayor still named the watchmen.
"""


def test_a_point_that_restates_the_question_or_defines_a_word_earns_nothing() -> None:
    family = _first_family(RESTATED, "guilds.txt")
    ways, _, how_far = family.questions
    scheme = build_scheme(ways, family)
    credited = [p.point.text for p in scheme.creditable]
    assert "The weavers' guild bought the market hall in 1431" in credited
    assert "The guilds set the price of cloth each spring" in credited
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    assert left["The guilds of the town grew stronger"] == (
        "restates the question, adds nothing to it"
    )
    assert left["A guild means a sworn company of the masters of one craft"] == (
        "says what a term means, which the question does not ask"
    )
    # A verdict in the question's own words concludes a judgement: it is credited there.
    assert "The guilds were stronger than the mayor by 1450" in _credited(how_far, family)


def test_a_name_and_its_year_run_into_a_paragraph_is_its_heading_not_a_point() -> None:
    notes = (
        "2017: Describe the terms of the peace made between the dukes. (6)\n\n"
        "The Arden Peace, 1362. The dukes split the forest between them. "
        "Each paid the other's knights a ransom of 400 marks.\n"
    )
    family = _first_family(notes, "arden.txt")
    points = [p.text for p in family_points(family)]
    assert "The dukes split the forest between them" in points
    assert not any(text.startswith("The Arden Peace") for text in points), points
    assert "The Arden Peace, 1362. The dukes" in family.notes[0]  # kept as written


def test_a_differences_question_does_not_credit_what_both_share() -> None:
    notes = (
        "2017: Describe the differences between plant and animal cells. (4)\n\n"
        "Both plant and animal cells have a nucleus, cytoplasm and a cell membrane. Plant "
        "cells also have both a cell wall and chloroplasts. Animal cells do not have a cell "
        "wall.\n"
    )
    family = _first_family(notes, "cells.txt")
    assert _credited(family.questions[0], family) == [
        "Plant cells also have both a cell wall and chloroplasts",
        "Animal cells do not have a cell wall",
    ]


def test_a_sibling_asking_the_same_in_other_words_takes_no_part_from_a_question() -> None:
    """ "To what extent did foreign help explain the Nationalist victory?" weighs foreign
    intervention against every other cause, as its sibling in other words does: the part on
    foreign intervention is its own ("foreign" is no verb of its frame)."""
    notes = (
        "1999: How far was foreign intervention the main reason for Franco's victory? (15)\n"
        "2003: To what extent did foreign help explain the Nationalist victory? (20)\n\n"
        "Foreign intervention mattered greatly to the Nationalists. Italy sent about 75,000 "
        "troops and Germany sent the Condor Legion of around 19,000 men.\n\n"
        "The Republic was also weakened by its own divisions.\n"
    )
    family = _first_family(notes, "spain.txt")
    credited = _credited(family.questions[1], family)
    assert any(text.startswith("Italy sent about 75,000 troops") for text in credited)
    assert "The Republic was also weakened by its own divisions" in credited


def test_different_as_an_adjective_asks_for_no_differences() -> None:
    notes = (
        "2017: Describe the different methods used to win the vote for women. (6)\n\n"
        "Both the suffragists and the suffragettes held mass marches. The suffragettes "
        "smashed windows from 1912.\n"
    )
    family = _first_family(notes, "votes.txt")
    assert "Both the suffragists and the suffragettes held mass marches" in _credited(
        family.questions[0], family
    )


def test_the_importance_of_one_thing_credits_what_the_notes_tell_of_it() -> None:
    notes = (
        "2009: Why did war break out between Britain and the Boer republics in 1899? (10)\n"
        "2012: Explain the importance of gold in causing the Boer War. (6)\n\n"
        "Gold was discovered on the Witwatersrand in the Transvaal in 1886.\n\n"
        "Kruger refused the Uitlanders the vote. It made the Boers distrust Britain.\n"
    )
    family = _first_family(notes, "boer.txt")
    credited = _credited(family.questions[1], family)
    assert "Gold was discovered on the Witwatersrand in the Transvaal in 1886" in credited


def test_a_sibling_in_other_words_takes_no_part_of_the_notes_from_a_question() -> None:
    """A sibling that claims every part of the notes this question claims asks the same thing
    in other words: it takes no part from it (trial 12: a textbook answer on the processes of
    erosion scored 1/6, the processes given to "how the sea wears down cliffs")."""
    notes = (
        "Cliffs.\n\n1: The sea at work\n\n"
        "2015: Explain how the sea wears down cliffs. (6)\n"
        "2020: Explain the processes of coastal erosion. (6)\n\n"
        "Storm waves are high and frequent. Their backwash is stronger than their swash, so "
        "they pull material off the beach and leave the cliff foot bare.\n\n"
        "The sea wears down cliffs in four main ways. Hydraulic action happens when waves trap "
        "air in joints in the cliff, and the pressure splits the rock. Abrasion is when waves "
        "hurl shingle at the cliff and grind it away.\n"
    )
    family = _first_family(notes, "cliffs.txt")
    credited = _credited(family.questions[1], family)
    assert "Abrasion is when waves hurl shingle at the cliff and grind it away" in credited


def test_what_a_sentence_tells_in_one_breath_with_the_asked_event_is_its_cause() -> None:
    """Asked why the king abdicated, the point that leads into "and he abdicated" in its
    sentence is a reason, told as a narrative or not (trial 12, sec 2)."""
    notes = (
        "Revolt.\n\n1: The fall of the king\n\n"
        "2005: Explain why King Ludwig abdicated in March 1848. (8)\n\n"
        "Bread prices doubled because the harvest of 1847 failed.\n\n"
        "The palace guard refused to march against the students. The generals told Ludwig he "
        "had lost the army's support and he abdicated on 20 March 1848.\n"
    )
    family = _first_family(notes, "ludwig.txt")
    credited = _credited(family.questions[0], family)
    assert "The generals told Ludwig he had lost the army's support" in credited
    assert "he abdicated on 20 March 1848" not in credited  # the event itself is no cause


def test_explain_how_asks_for_what_was_done_not_for_reasons() -> None:
    """A question to explain how something was done, or the processes of something, is
    answered by what was done or what happens, as "describe" is; "Explain why" still asks
    for reasons (trial 12)."""
    notes = (
        "Power.\n\n1: The dictatorship\n\n"
        "2014: Explain how Franco made himself master of Spain after 1939. (6)\n"
        "2016: Explain why Franco kept power after 1939. (6)\n\n"
        "Franco banned every party but the Falange. Military courts tried thousands of "
        "Republicans. The Church ran the schools because Franco needed its support.\n"
    )
    family = _first_family(notes, "franco.txt")
    how, why = family.questions
    assert "Franco banned every party but the Falange" in _credited(how, family)
    assert "Credit features" in " ".join(build_scheme(how, family).rules)
    assert "Credit reasons" in " ".join(build_scheme(why, family).rules)


def test_what_came_of_an_event_dated_in_the_question_is_credited_when_it_weighs_it() -> None:
    """ "How important was the fall of Saigon in 1975?" asks what came of it: reunification
    in 1976 is its evidence. A question about a period still ends with it."""
    notes = "\n\n".join(
        [
            "Vietnam.",
            "4: The end of the war",
            "2019: How important was the fall of Saigon in 1975? (6)\n"
            "2020: Describe the war in the years 1973-75. (6)",
            "Saigon fell on 30/4/1975 when North Vietnamese tanks crashed through the gates of "
            "the presidential palace. Vietnam was reunited under Communist rule in 1976.",
        ]
    )
    family = parse_notes(notes).course.topics[0].families[0]
    important, described = family.questions
    reunited = "Vietnam was reunited under Communist rule in 1976"
    assert reunited in _credited(important, family)
    assert reunited not in _credited(described, family)


def test_a_later_clause_of_a_dated_line_takes_the_lines_date() -> None:
    """A terse line cut at its semicolon: the second part happened when the first did, and
    is as far after the time the question asks about."""
    family = _first_family(
        "1: The ANC\n\n"
        "2019: How successful was the ANC in opposing apartheid in the 1950s? (10)\n\n"
        "- Defiance Campaign 1952: over 8,000 volunteers arrested for breaking apartheid laws.\n"
        "- State of emergency declared on 30 March 1960; over 18,000 people detained.\n"
        "- Rivonia Trial 1963–64: Mandela jailed for life; sent to Robben Island.\n",
        "anc.txt",
    )
    (question,) = family.questions
    left = {p.point.text: p.why_not for p in build_scheme(question, family).points}
    assert left["over 18,000 people detained"] == (
        "dated 1960, after the time the question asks about"
    )
    assert left["sent to Robben Island"] == "dated 1963, after the time the question asks about"
    credited = _credited(question, family)
    assert any(text.startswith("Defiance Campaign 1952") for text in credited), credited


def test_a_short_turn_in_mid_paragraph_puts_what_follows_it_on_the_other_side() -> None:
    """Notes that name the weighed cause, then announce the others ("Yet the Tea Party was
    not the only cause of the war.") and list them: the announcement and the list argue
    against the view; what comes before it argues for it."""
    family = _first_family(
        "1: Revolution\n\n"
        "2021: How far was the Boston Tea Party the main reason for the outbreak of war in "
        "1775? (12)\n\n"
        "On 16 December 1773 about 60 men boarded three ships in Boston harbour.\n"
        "Parliament answered in 1774 with the Coercive Acts.\n"
        "Yet the Tea Party was not the only cause of the war.\n"
        "Many colonists had already come to distrust Parliament after years of quarrels.\n"
        "Ideas of liberty from writers such as John Locke taught that a bad government "
        "could be resisted.\n",
        "revolution.txt",
    )
    (question,) = family.questions
    sides = {p.point.text[:24]: p.side for p in build_scheme(question, family).creditable}
    assert sides == {
        "On 16 December 1773 abou": "for",
        "Parliament answered in 1": "for",
        "Yet the Tea Party was no": "against",
        "Many colonists had alrea": "against",
        "Ideas of liberty from wr": "against",
    }, sides


PUTSCH = """\
2019: What were the consequences of the Munich Putsch? (6)
2021: Explain the effects of the Munich Putsch on the Nazi Party. (6)
2023: Why did the Munich Putsch have such important consequences for Hitler? (6)

In 1923 hyperinflation ruined the German middle classes and made many angry with the Republic.
Hitler hoped to copy Mussolini's March on Rome and seize power in Bavaria.
On 8 November 1923 Hitler burst into a meeting in the Munich beer hall.
As a result of the failed putsch, Hitler was arrested and tried for treason in 1924.
The trial gave Hitler national publicity, because newspapers reported his speeches every day.
In prison he wrote Mein Kampf, which set out his ideas on race and living space.
The Nazi Party was banned, so it fell apart.
"""


def test_a_question_asking_for_consequences_credits_what_came_of_the_thing() -> None:
    family = _first_family(PUTSCH, "putsch.txt")
    what, explain, why = family.questions
    for question in (what, explain):
        scheme = build_scheme(question, family)
        left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
        credited = [p.point.text for p in scheme.creditable]
        # What came of it, however it is worded ("As a result of", "so", a plain statement).
        assert "The Nazi Party was banned, so it fell apart" in credited
        assert any(text.startswith("In prison he wrote Mein Kampf") for text in credited)
        assert any(text.startswith("As a result of the failed putsch") for text in credited)
        # Its background and causes, the hopes behind it, and the telling of it earn nothing.
        assert left["In 1923 hyperinflation ruined the German middle classes"] == (
            "told before the Munich Putsch: a cause or the background, not what came of it"
        )
        hoped = "Hitler hoped to copy Mussolini's March on Rome and seize power in Bavaria"
        assert left[hoped] == "a motive, not what came of it"
        assert left["On 8 November 1923 Hitler burst into a meeting in the Munich beer hall"] == (
            "tells of the Munich Putsch itself, not what came of it"
        )
        assert "Credit results: what came of the Munich Putsch" in scheme.instructions()
    # A "why" question asks for reasons, whatever it names: no results rule.
    assert "Credit results" not in build_scheme(why, family).instructions()
    assert "Credit reasons" in build_scheme(why, family).instructions()


def test_a_consequence_dated_after_an_undated_telling_is_kept() -> None:
    # The first words that name the thing may come late; what the notes tell before it
    # without a date is no background ("Germany lost all its colonies").
    family = _first_family(
        "2018: What were the consequences of the Treaty of Versailles for Germany? (6)\n\n"
        "Germany lost all its colonies.\n"
        "The German army was cut to 100,000 men.\n"
        "These terms of the Treaty of Versailles left Germans angry and humiliated.\n",
        "versailles.txt",
    )
    credited = _credited(family.questions[0], family)
    assert "Germany lost all its colonies" in credited
    assert "The German army was cut to 100,000 men" in credited


def test_a_factor_question_takes_sides_from_the_labels_over_the_parts() -> None:
    # Run-in headings in Markdown: a part is the factor's where its label names it, though
    # the other part names the factor too ("Wolsey could only ...").
    essay = (
        parse_notes(
            "## 1: Henry VIII\n\n"
            "2019: To what extent was Wolsey responsible for Henry's foreign policy? (15)\n\n"
            "**Wolsey's role.** Wolsey arranged the Field of the Cloth of Gold in 1520.\n\n"
            "He also drew up the Treaty of London in 1518.\n\n"
            "**Other people.** But Henry chose war with France in 1512: Wolsey could only carry "
            "out what the King wanted.\n",
            "wolsey.md",
            markdown=True,
        )
        .course.topics[0]
        .families[0]
    )
    sides = {p.point.text: p.side for p in build_scheme(essay.questions[0], essay).creditable}
    assert sides["He also drew up the Treaty of London in 1518"] == "for", sides
    assert sides["Wolsey could only carry out what the King wanted"] == "against", sides
    # A label on a line over a list: the items under "Other factors:" argue against.
    terse = _first_family(
        "2011: How far was Lenin's leadership the main reason for the Bolshevik success? (15)\n\n"
        "Lenin's role:\n- April Theses won over workers and soldiers.\n"
        "- Lenin pressed the party to rise in October.\n\n"
        "Other factors:\n- Trotsky planned the rising and did more on the day than Lenin.\n"
        "- The Provisional Government had lost its support.\n",
        "lenin.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(terse.questions[0], terse).creditable}
    assert sides["April Theses won over workers and soldiers"] == "for", sides
    assert all(
        side == "against" for text, side in sides.items() if "Trotsky" in text or "day" in text
    ), sides


def test_a_consequences_scheme_leaves_out_what_the_notes_label_background() -> None:
    family = _first_family(
        "2017: What were the consequences of the Suez Crisis? (8)\n\n"
        "Background: Nasser nationalised the canal in July 1956.\n\n"
        "Eden resigned in January 1957, and Britain's standing fell.\n\n"
        "Britain feared the Soviet Union would gain ground, so it joined the Baghdad Pact.\n\n"
        "Many shares were sold to Egypt, which thus gained a stake in the crisis.\n",
        "suez.txt",
    )
    scheme = build_scheme(family.questions[0], family)
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    credited = [p.point.text for p in scheme.creditable]
    assert left["Nasser nationalised the canal in July 1956"] == (
        "background, as the notes label it, not what came of it"
    )
    # A fear told with what it led to is a result; so is a point that names the thing as
    # what led to something, and what the notes tell after it, undated.
    assert any(text.startswith("Britain feared the Soviet Union") for text in credited), left
    assert any(text.startswith("Many shares were sold to Egypt") for text in credited), left


def test_a_consequences_scheme_finds_the_thing_by_its_own_noun_and_its_earliest_date() -> None:
    # "rising" names the thing (not "Hungarian"); the account told with it in one paragraph
    # is no result, and a result dated months after its earliest date still counts.
    family = _first_family(
        "2012: What were the consequences of the Hungarian Rising? (8)\n\n"
        "- In October 1956 students in Budapest demanded free elections.\n"
        "- Soviet tanks entered Budapest.\n"
        "- The rising was crushed on 10 November 1956.\n"
        "- In January 1957 Kadar's new government arrested the rising's leaders.\n"
        "- About 200,000 people fled to the West.\n",
        "hungary.txt",
    )
    scheme = build_scheme(family.questions[0], family)
    left = {p.point.text: p.why_not for p in scheme.points if not p.creditable}
    credited = [p.point.text for p in scheme.creditable]
    assert left["The rising was crushed on 10 November 1956"] == (
        "tells of the Hungarian Rising itself, not what came of it"
    )
    assert "Soviet tanks entered Budapest" in left
    assert "About 200,000 people fled to the West" in credited
    assert any(text.startswith("In January 1957 Kadar") for text in credited), left


def test_sides_follow_the_notes_labels_of_successes_failures_and_other_reasons() -> None:
    success = _first_family(
        "2015: How successful was Jiang Jieshi as ruler of China? (10)\n\n"
        "### Successes\n\nJiang built thousands of miles of new roads.\n\n"
        "### Failures\n\nJapan seized Manchuria in 1931.\n\n"
        "There was no real land reform for the peasants.\n",
        "jiang.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(success.questions[0], success).creditable}
    assert sides["Jiang built thousands of miles of new roads"] == "for", sides
    assert sides["Japan seized Manchuria in 1931"] == "against", sides
    assert sides["There was no real land reform for the peasants"] == "against", sides
    factor = _first_family(
        "2016: How far was the Japanese invasion the main reason for the Communist victory? "
        "(12)\n\n### The war with Japan\n\n"
        "The GMD lost its best troops in the early battles.\n\n"
        "### Other reasons\n\nLand reform won the support of millions of peasants.\n\n"
        "The Soviet Union handed over Japanese weapons in 1945.\n",
        "china.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(factor.questions[0], factor).creditable}
    assert sides["The GMD lost its best troops in the early battles"] == "for", sides
    assert sides["Land reform won the support of millions of peasants"] == "against", sides
    assert sides["The Soviet Union handed over Japanese weapons in 1945"] == "against", sides


def test_a_why_question_about_effects_asks_for_reasons_not_results() -> None:
    family = _first_family(
        "2014: Explain why the effects of volcanic eruptions vary from place to place. (6)\n\n"
        "Richer countries can afford monitoring, so they recover faster.\n",
        "volcanoes.txt",
    )
    instructions = build_scheme(family.questions[0], family).instructions()
    assert "Credit reasons" in instructions and "Credit results" not in instructions


def test_the_consequences_of_things_of_a_period_count_whenever_the_notes_tell_them() -> None:
    # "the laws of the 1950s" are many things, told among what came of them: what the notes
    # tell before the last of them, and dated in the decade, is still a result.
    family = _first_family(
        "2016: What were the consequences of the apartheid laws of the 1950s? (8)\n\n"
        "- Black people had to carry a pass from 1952 and could be arrested without it.\n"
        "- Families were split, because men in the cities could not bring their wives.\n"
        "- The Group Areas Act of 1950 set aside separate areas for each race.\n"
        "- The removals from Sophiatown began on 9 February 1955.\n",
        "apartheid.txt",
    )
    credited = _credited(family.questions[0], family)
    assert any(text.startswith("Families were split") for text in credited), credited
    assert "The removals from Sophiatown began on 9 February 1955" in credited


def test_labels_that_state_a_claim_or_a_limit_give_sides() -> None:
    claims = _first_family(
        "2013: How far did the militant campaign help the cause of votes for women? (10)\n\n"
        "Arguments that militancy helped:\n- It put votes for women on the front pages.\n\n"
        "Arguments that militancy did harm:\n- Arson turned much of the public against the "
        "cause.\n",
        "suffrage.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(claims.questions[0], claims).creditable}
    assert sides["It put votes for women on the front pages"] == "for", sides
    assert sides["Arson turned much of the public against the cause"] == "against", sides
    managed = _first_family(
        "2019: To what extent can volcanic hazards be managed successfully? (9)\n\n"
        "### Successful management\n\nAt Pinatubo in 1991 about 60,000 people were evacuated.\n\n"
        "### Limits of management\n\nLava diversion works only for slow lava flows.\n",
        "volcanoes.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(managed.questions[0], managed).creditable}
    assert sides["At Pinatubo in 1991 about 60,000 people were evacuated"] == "for", sides
    assert sides["Lava diversion works only for slow lava flows"] == "against", sides


def test_a_judgement_of_success_or_fault_keeps_the_results_a_sibling_also_asks_for() -> None:
    # Both questions are answered by one part headed as results: the one weighing "a
    # failure" weighs what came of the war, and keeps it as evidence.
    notes = (
        "# The Boer War\n\n## 7: The Boer War\n\n"
        "2010: What were the consequences of the Boer War for Britain? (8)\n"
        "2015: How far was the Boer War a failure for Britain? (10)\n\n"
        "### Results of the war\n\n"
        "Nearly 22,000 British soldiers died, most of them from disease.\n\n"
        "The war cost over 200 million pounds.\n\n"
        "Yet Britain won, and the Boer republics became British colonies in 1902.\n"
    )
    family = parse_notes(notes, "boer.md", markdown=True).course.topics[0].families[0]
    weighed = next(q for q in family.questions if q.command_word == "how far")
    scheme = build_scheme(weighed, family)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["The war cost over 200 million pounds"] == "for", scheme.instructions()
    assert sides.get("Yet Britain won") == "against", scheme.instructions()


def test_a_question_whose_every_part_a_sibling_claims_still_has_a_scheme() -> None:
    # The notes give only a part headed as reasons, which the "why" question asks for; the
    # describe question is answered by them too, rather than by nothing.
    notes = (
        "# Chartism\n\n## 3: Chartism\n\n"
        "2011: Describe the Chartist movement. (6)\n"
        "2013: Why did Chartism fail? (8)\n\n"
        "### Reasons\n\n"
        "The movement split between moral force and physical force men.\n\n"
        "Parliament rejected the petitions of 1839, 1842 and 1848.\n"
    )
    family = parse_notes(notes, "chartism.md", markdown=True).course.topics[0].families[0]
    described = next(q for q in family.questions if q.command_word == "describe")
    credited = _credited(described, family)
    assert "Parliament rejected the petitions of 1839, 1842 and 1848" in credited, credited


def test_a_turn_to_the_decisive_reason_is_a_reason_not_the_other_side() -> None:
    family = _first_family(
        "2016: Why did Britain and France withdraw from Egypt in 1956? (8)\n\n"
        "The Labour Party attacked the invasion and two ministers resigned. However, the "
        "decisive pressure was financial: without American help Britain could not defend "
        "the pound.\n",
        "suez.txt",
    )
    credited = _credited(family.questions[0], family)
    assert "However, the decisive pressure was financial" in credited, credited


def test_a_describe_question_about_claims_credits_what_they_rest_on_from_before() -> None:
    # "in 1066" dates the claims, not what each rested on (a promise of 1051).
    family = _first_family(
        "2013: Describe the claims to the English throne in 1066. (6)\n\n"
        "William of Normandy said that Edward had promised him the throne in 1051.\n\n"
        "Harold Godwinson was chosen by the Witan on 5 January 1066.\n",
        "claims.txt",
    )
    credited = _credited(family.questions[0], family)
    assert "William of Normandy said that Edward had promised him the throne in 1051" in credited, (
        credited
    )


def test_a_but_that_corrects_a_denial_is_one_point_with_it() -> None:
    family = _first_family(
        "2013: What were the consequences of the Suez Crisis? (8)\n\n"
        "Suez did not cause Britain's decline but only revealed it.\n",
        "suez.txt",
    )
    texts = [p.text for p in family_points(family)]
    assert texts == ["Suez did not cause Britain's decline but only revealed it"], texts


def test_sides_of_success_read_what_an_act_limited_and_what_was_ignored() -> None:
    family = _first_family(
        "2010: How successful were the Mines Acts in the years 1842-72? (10)\n\n"
        "The Mines Act of 1842 limited boys underground to those over ten.\n\n"
        "It had no inspectors to enforce it at first and was largely ignored.\n",
        "mines.txt",
    )
    scheme = build_scheme(family.questions[0], family)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["The Mines Act of 1842 limited boys underground to those over ten"] == "for"
    assert sides["was largely ignored"] == "against", sides
    assert sides["It had no inspectors to enforce it at first"] == "against", sides


def test_a_factor_said_to_be_one_of_several_argues_against_its_being_the_main_one() -> None:
    family = _first_family(
        "2011: How far was cotton the main reason for Lancashire's growth? (10)\n\n"
        "Cotton mattered most to the towns, but it was one reason among several.\n\n"
        "So cotton was the spark. On its own, however, it would not have built the towns.\n",
        "cotton.txt",
    )
    sides = {p.point.text: p.side for p in build_scheme(family.questions[0], family).creditable}
    assert sides["it was one reason among several"] == "against", sides
    assert sides["On its own, however, it would not have built the towns"] == "against", sides


def test_a_part_that_opens_on_the_effects_is_for_the_sibling_asking_what_changed() -> None:
    family = _first_family(
        "2006: In what ways did the canals change Britain? (8)\n"
        "2012: Explain why canals were built so quickly in the 1790s. (8)\n\n"
        "Canals were built quickly because they made coal cheaper for the mill towns.\n\n"
        "The effects were huge. Pottery reached the ports unbroken, and coal prices in "
        "Manchester halved.\n",
        "canals.txt",
    )
    why = next(q for q in family.questions if q.command_word == "explain")
    credited = _credited(why, family)
    assert credited == [
        "Canals were built quickly because they made coal cheaper for the mill towns"
    ], credited
    ways = next(q for q in family.questions if q.command_word == "in what ways")
    assert "Pottery reached the ports unbroken" in _credited(ways, family)


def test_the_questions_words_with_the_reason_it_asks_for_restate_nothing() -> None:
    family = _first_family(
        "2012: Explain why canals were built so quickly. (8)\n\n"
        "Canals were built quickly because they paid.\n",
        "canals.txt",
    )
    assert _credited(family.questions[0], family) == ["Canals were built quickly because they paid"]


def test_a_part_headed_why_is_for_a_sibling_weighing_the_main_reason_not_for_describe() -> None:
    notes = (
        "# 1066\n\n## 2: Hastings\n\n"
        "2014: Describe the events of the Battle of Hastings. (6)\n"
        "2018: How far was William's leadership the main reason for the Norman victory? (10)\n\n"
        "### The battle\n\nThe Normans used feigned retreats to lure the fyrd off the ridge.\n\n"
        "### Why William won\n\n- **Luck.** The wind changed at the right moment.\n"
    )
    family = parse_notes(notes, "hastings.md", markdown=True).course.topics[0].families[0]
    described = next(q for q in family.questions if q.command_word == "describe")
    credited = _credited(described, family)
    assert "The Normans used feigned retreats to lure the fyrd off the ridge" in credited
    assert not any("wind" in text for text in credited), credited


def test_a_success_question_over_years_credits_what_lasted_after_it() -> None:
    family = _first_family(
        "2019: How successful was William in dealing with English resistance in the years "
        "1067-71? (10)\n\n"
        "In the winter of 1069-70 William's men burned villages between York and Durham. "
        "Much of Yorkshire was still listed as waste in 1086.\n",
        "norman.txt",
    )
    credited = _credited(family.questions[0], family)
    assert "Much of Yorkshire was still listed as waste in 1086" in credited, credited


def test_a_paragraph_that_opens_on_the_main_reason_is_for_the_why_sibling() -> None:
    family = _first_family(
        "2011: Why did Nasser nationalise the Suez Canal Company in July 1956? (8)\n"
        "2014: Describe relations between Egypt and the West in the years 1952-56. (6)\n\n"
        "In 1955 Nasser bought weapons from Czechoslovakia. Relations with the West grew "
        "worse.\n\n"
        "The main reason for the nationalisation was money for the Aswan Dam. The canal's "
        "tolls were the obvious answer.\n",
        "suez.txt",
    )
    described = next(q for q in family.questions if q.command_word == "describe")
    credited = _credited(described, family)
    assert "In 1955 Nasser bought weapons from Czechoslovakia" in credited, credited
    assert not any("Aswan" in text or "tolls" in text for text in credited), credited


def test_a_consequences_scheme_is_not_dated_by_other_things_its_words_name() -> None:
    # "the defeat of the Armada": no dated point tells the defeat, and "further armadas in
    # 1596" are other armadas, which date nothing before them.
    family = _first_family(
        "2013: What were the consequences of the defeat of the Armada? (6)\n\n"
        "The defeat was a great boost to Elizabeth's prestige. On 19 August 1588 she spoke "
        "to her troops at Tilbury.\n\n"
        "Philip sent further armadas in 1596 and 1597. An English counter-armada failed to "
        "take Lisbon in 1589.\n",
        "armada.txt",
    )
    credited = _credited(family.questions[0], family)
    assert "On 19 August 1588 she spoke to her troops at Tilbury" in credited, credited
    assert "An English counter-armada failed to take Lisbon in 1589" in credited, credited


def test_the_account_of_the_event_a_sibling_describes_is_none_of_its_causes() -> None:
    # The sibling asks what happened on one day; this question asks why, over the year.
    notes = (
        "2015: Describe the storming of the Bastille on 14 July 1789. (6)\n"
        "2017: Explain why Parisians stormed the Bastille in 1789. (8)\n\n"
        "Bread prices had doubled by the spring of 1789 because the harvest of 1788 had "
        "failed. In June 1789 royal troops gathered around Paris, so people feared that the "
        "king meant to close the National Assembly.\n\n"
        "On 14 July 1789 a crowd of about nine hundred gathered outside the fortress. The "
        "governor, de Launay, refused to open the gates. After hours of firing the "
        "defenders surrendered and de Launay was killed.\n"
    )
    family = _first_family(notes, "bastille.txt")
    why, described = family.questions[1], family.questions[0]
    credited = _credited(why, family)
    assert any("Bread prices had doubled" in text for text in credited), credited
    assert any("royal troops gathered" in text for text in credited), credited
    assert not any("de Launay" in text or "nine hundred" in text for text in credited), credited
    scheme = build_scheme(why, family)
    assert any("asks about, not why" in reason for _, reason in scheme.left_out)
    # The describing question keeps its account.
    assert any("de Launay was killed" in text for text in _credited(described, family))


def test_a_sibling_asking_about_years_of_growth_takes_no_reasons_from_why() -> None:
    # "In what ways ... in the years 1898-1914" asks about a period, not one event's time:
    # the crises dated in it may still be reasons for the question asking why.
    notes = (
        "2003: In what ways did naval rivalry grow in the years 1898-1914? (6)\n"
        "2006: Explain why the Moroccan crises made war more likely. (8)\n\n"
        "In 1906 Britain launched HMS Dreadnought, and Germany answered with ships of its "
        "own.\n\n"
        "In 1911 Germany sent a gunboat to Agadir, so Britain and France drew closer.\n\n"
        "Germany felt encircled by the Entente, which made its leaders readier to risk war.\n"
    )
    family = _first_family(notes, "crises.txt")
    credited = _credited(family.questions[1], family)
    assert any("Agadir" in text for text in credited), credited


def test_a_part_labelled_by_what_only_a_sibling_asks_is_not_described() -> None:
    notes = (
        "2012: Describe the weaknesses of the Weimar constitution. (6)\n"
        "2015: Why did the Spartacists rise in January 1919? (8)\n\n"
        "The Weimar constitution:\n"
        "- Proportional representation gave seats to many small parties.\n"
        "- Article 48 let the president rule by decree.\n\n"
        "The Spartacists:\n"
        "- They rejected the Weimar constitution: they wanted a revolution on the Russian "
        "model.\n"
        "- Rosa Luxemburg led them with Karl Liebknecht against the weak new government.\n\n"
        "January 1919:\n"
        "- The Freikorps crushed the rising in Berlin within a week.\n"
    )
    # (The Spartacists' part uses the question's own words: its label still says whose it is.)
    family = _first_family(notes, "weimar.txt")
    described = family.questions[0]
    credited = _credited(described, family)
    assert any("Proportional representation" in text for text in credited), credited
    assert any("Article 48" in text for text in credited), credited
    assert not any("Russian model" in text or "Luxemburg" in text for text in credited)
    # A month the sibling names is when it asks about, not what: "January 1919:" stays.
    assert any("Freikorps" in text for text in credited), credited


def test_a_part_headed_by_another_name_is_no_evidence_on_the_one_asked_about() -> None:
    notes = (
        "2003: In what ways did the Roman Republic deal with Carthage? (8)\n"
        "2007: How successful was the Second Punic War for Rome? (10)\n"
        "2009: Why did Rome go to war with Carthage in 264 BC? (8)\n\n"
        "### The First Punic War\n\n"
        "Rome built its first large fleet and copied a wrecked Carthaginian ship. Rome won "
        "Sicily in 241 BC after twenty-three years of fighting.\n\n"
        "### The Second Punic War\n\n"
        "Hannibal crossed the Alps in 218 BC and destroyed a Roman army at Cannae in 216 BC. "
        "Scipio carried the war to Africa and beat Hannibal at Zama in 202 BC. Carthage gave "
        "up its fleet and Spain.\n\n"
        "### Results\n\n"
        "Rome became the greatest power of the western Mediterranean.\n"
    )
    family = _first_family(notes, "carthage.md")
    success = _credited(family.questions[1], family)
    assert any("Zama" in text for text in success), success
    assert any("greatest power" in text for text in success), success  # "Results" names none
    assert not any("Sicily" in text or "first large fleet" in text for text in success)
    # A question that names no heading's name keeps every part: both wars dealt with Carthage.
    ways = _credited(family.questions[0], family)
    assert any("Sicily" in text for text in ways) and any("Zama" in text for text in ways)
    # A question asking why keeps them too: what another part tells may be a cause.
    why = build_scheme(family.questions[2], family)
    assert not any("headed" in (p.why_not or "") for p in why.points), why.points


def test_a_paragraph_that_names_no_question_goes_on_from_the_part_before_it() -> None:
    notes = (
        "2010: How far was the Jacobite threat to the Hanoverians serious in the years "
        "1715-46? (10)\n"
        "2014: To what extent did the radicals challenge the Hanoverian government? (10)\n\n"
        "For thirty years the Jacobites were a real danger; many Tories hoped that a Stuart "
        "king would return.\n"
        "- 1715: the Earl of Mar raised the Stuart standard in Scotland.\n"
        "- 1745: Charles Edward Stuart landed in Scotland and his army reached Derby.\n\n"
        "Exiled priests kept the cause alive. Agents carried letters between Rome and the "
        "Highlands. Parliament struck back with the Disarming Act of 1716.\n\n"
        "The radicals challenged the government from the other side. John Wilkes attacked the "
        "king's ministers in print in 1763, and crowds shouted for Wilkes and liberty.\n"
    )
    family = _first_family(notes, "hanover.txt")
    threat, radicals = (_credited(q, family) for q in family.questions)
    assert any("Exiled priests" in text for text in threat), threat
    assert any("Wilkes" in text for text in radicals), radicals
    # The priests' paragraph names no question: it goes on with the Jacobites' part.
    assert not any("Exiled priests" in text or "Disarming Act" in text for text in radicals)
    # One that names the radicals is theirs too, wherever it stands.
    named = notes.replace("Exiled priests kept", "Even some radicals said exiled priests kept")
    family = _first_family(named, "hanover.txt")
    radicals = _credited(family.questions[1], family)
    assert any("exiled priests" in text for text in radicals), radicals


def test_a_part_opening_on_the_siblings_contrasting_words_is_the_siblings() -> None:
    notes = (
        "2015: In what ways can wind energy cut carbon emissions? (6)\n"
        "2017: Why do some countries still prefer nuclear energy for electricity? (6)\n\n"
        "Wind energy means turning the force of moving air into electricity.\n"
        "- Offshore wind farms replace coal-fired power stations.\n"
        "- Turbines emit no carbon dioxide once they are built.\n\n"
        "Nuclear energy runs whatever the weather instead. A reactor gives steady power for "
        "sixty years, because its fuel is dense, and it takes little land, so crowded "
        "countries choose it.\n"
    )
    family = _first_family(notes, "energy.txt")
    wind, nuclear = (_credited(q, family) for q in family.questions)
    assert any("coal-fired" in text for text in wind), wind
    assert not any("whatever the weather" in text or "sixty years" in text for text in wind)
    assert any("sixty years" in text for text in nuclear), nuclear
    assert not any("coal-fired" in text for text in nuclear), nuclear


BECKET = """\
2013: Describe the murder of Thomas Becket on 29 December 1170. (6)
2018: {judgement} (10)

In 1164 Henry's Constitutions of Clarendon claimed the right to try criminous clerks in
royal courts. Becket refused to accept them and fled to France for six years.

In July 1170 Becket came home and excommunicated the bishops who had crowned Henry's son.
Henry, in Normandy, raged against the archbishop before his court.

On 29 December 1170 four knights reached Canterbury. They cut Becket down in his cathedral
that evening, and monks buried him in the crypt the next day.
"""


def test_the_account_of_an_event_is_no_evidence_on_how_far_someone_was_to_blame() -> None:
    notes = BECKET.format(judgement="How far was Henry II himself to blame for Becket's murder?")
    family = _first_family(notes, "becket.txt")
    blame = _credited(family.questions[1], family)
    assert any("Constitutions of Clarendon" in text for text in blame), blame
    assert any("raged against the archbishop" in text for text in blame), blame
    assert not any("four knights" in text or "cut Becket down" in text for text in blame)
    # Where the event is the very cause weighed, its account is the evidence for it.
    notes = BECKET.format(
        judgement="How far was the murder of Becket the main cause of Henry's penance in 1174?"
    )
    family = _first_family(notes, "becket.txt")
    murder = _credited(family.questions[1], family)
    assert any("cut Becket down" in text for text in murder), murder


def test_what_leads_up_to_the_part_the_notes_label_as_the_answer_earns_nothing() -> None:
    notes = (
        "2004: Describe the measures Peel took to repair the public finances. (6)\n"
        "2008: How far did Peel's budgets succeed? (10)\n\n"
        "Robert Peel became Prime Minister in August 1841, when the government had run a "
        "deficit for five years. Trade was slack and bread was dear.\n\n"
        "Peel's measures, 1842-46:\n"
        "- An income tax of 7d in the pound came back in 1842.\n"
        "- Duties on some 750 imported goods were cut or ended.\n\n"
        "By 1845 the budget was in surplus again.\n"
    )
    family = _first_family(notes, "peel.txt")
    measures = build_scheme(family.questions[0], family)
    credited = [p.point.text for p in measures.creditable]
    assert any("income tax" in text for text in credited), credited
    assert not any("deficit" in text or "bread was dear" in text for text in credited)
    assert "leads up to the part the notes give as the answer" in {w for _, w in measures.left_out}
    # A judgement weighs every part; and without such a label nothing is set aside.
    assert any("deficit" in text for text in _credited(family.questions[1], family))
    unlabelled = notes.replace("Peel's measures, 1842-46:", "Then came the budgets:")
    family = _first_family(unlabelled, "peel.txt")
    assert any("deficit" in text for text in _credited(family.questions[0], family))


def test_a_turn_to_what_went_well_argues_for_a_success() -> None:
    notes = (
        "2010: How far did the Five-Year Plans help the Soviet economy? (10)\n\n"
        "Judged by living standards the plans half worked. Wages fell in the early 1930s and "
        "food was rationed until 1935.\n\n"
        "Yet much was achieved. Steel output rose from 4 million tonnes in 1928 to 18 million "
        "in 1940, and Magnitogorsk was built from nothing.\n\n"
        "Yet little was achieved on the farms. Grain output fell after collectivisation.\n"
    )
    family = _first_family(notes, "plans.txt")
    scheme = build_scheme(family.questions[0], family)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["Yet much was achieved"] == "for", sides
    assert any(side == "for" and "Steel output" in text for text, side in sides.items()), sides
    # A turn that says what failed argues against, as any turn does.
    assert any(side == "against" and "Grain output" in text for text, side in sides.items())
    assert "Supporting the view in the question:" in scheme.instructions()


def test_a_success_scheme_reads_which_way_things_moved() -> None:
    notes = (
        "2012: How far did the Russian economy recover under the NEP? (10)\n\n"
        "Farming came back first. The harvest of 1926 matched the last harvest before the war, "
        "and unemployment fell in the towns after 1924.\n\n"
        "The towns lagged behind. Unemployment rose to over a million by 1927, and many "
        "peasants fell into debt to the kulaks. Industrial output fell in 1923 when factory "
        "prices outran farm prices. The boom ended when the state cut grain prices in 1927.\n"
    )
    side = _sides(notes, "nep.txt")
    # A burden that grew, a good that fell or ended, people put into debt: against.
    assert side("Unemployment rose") == "against"
    assert side("fell into debt") == "against"
    assert side("Industrial output fell") == "against"
    assert side("The boom ended") == "against"
    # A burden that shrank is a success, and so is a harvest that came back.
    assert side("unemployment fell in the towns") == "for"
    assert side("The harvest of 1926") == "for"


def test_historians_who_take_the_other_view_argue_against_until_the_notes_turn_back() -> None:
    notes = (
        "2019: How far was the Irish Famine a disaster for the rural poor? (10)\n\n"
        "The potato blight struck in 1845. About a million people died of hunger and fever by "
        "1851, and another million emigrated.\n\n"
        "Some historians warn against blaming the blight alone. Relief works employed "
        "700,000 people at their height in 1847, and soup kitchens fed three million a day "
        "that summer. Yet none of this saved the poorest, and most historians call it a "
        "catastrophe.\n"
    )
    side = _sides(notes, "famine.txt")
    assert side("About a million people died") == "for"
    assert side("Some historians warn against") == "against"
    assert side("Relief works employed") == "against"
    assert side("soup kitchens fed three million") == "against"
    # The turn back at the paragraph's end argues the view the question puts.
    assert side("none of this saved the poorest") == "for"


def test_a_turn_at_a_sentences_end_and_shared_blame_argue_against() -> None:
    notes = (
        "1972: How far was the Cuban Missile Crisis a victory for Kennedy? (10)\n\n"
        "Khrushchev removed the missiles from Cuba in October 1962, and Kennedy was praised "
        "at home for standing firm.\n\n"
        "Khrushchev did not lose everything, though. The United States promised not to invade "
        "Cuba, and its missiles in Turkey were taken away in April 1963.\n"
    )
    side = _sides(notes, "cuba.txt")
    assert side("removed the missiles") == "for"
    # The whole paragraph goes on from the turn its first sentence ends on.
    assert side("promised not to invade") == "against"
    assert side("missiles in Turkey") == "against"
    notes = (
        "1999: How far was Austria-Hungary to blame for the outbreak of war in 1914? (10)\n\n"
        "Austria-Hungary declared war on Serbia on 28 July 1914. Most historians now spread "
        "the blame among all the Great Powers.\n"
    )
    assert _sides(notes, "blame.txt")("spread the blame") == "against"


RADICALS = """\
1819: {question} (10)

After 1815 radical protest grew. The Spa Fields meetings of 1816 drew thousands, and in
1817 the Pentrich rising marched on Nottingham. At Peterloo in August 1819 some 60,000
people gathered to hear Henry Hunt demand reform.

The government struck back. The Pentrich rising collapsed, and its leaders were hanged.
Habeas corpus was suspended in 1817, Hunt was imprisoned for two years, and the Six Acts
of 1819 banned large meetings. In 1820 the Cato Street plotters were betrayed by a spy and
executed.
"""


def test_a_rising_put_down_argues_against_its_success() -> None:
    notes = (
        "2001: How successful was Kett's rebellion? (10)\n\n"
        "In July 1549 Robert Kett led some 16,000 rebels to a camp on Mousehold Heath and took "
        "Norwich, the second city of England. In August the Earl of Warwick's army crushed "
        "them at Dussindale, and Kett was hanged at Norwich Castle.\n"
    )
    side = _sides(notes, "kett.txt")
    assert side("took Norwich") == "for"
    assert side("crushed them at Dussindale") == "against"
    assert side("Kett was hanged") == "against"
    # The success of a campaign against rebels is another view: its victories argue for it.
    side = _sides(
        notes.replace("Kett's rebellion", "the government's campaign against the rebels"), "k.txt"
    )
    assert side("crushed them at Dussindale") == "for"


@pytest.mark.parametrize(
    ("question", "put_down", "pressed"),
    [
        (
            "How serious a threat was radicalism to the government in the years 1815-20?",
            "against",
            "for",
        ),
        ("How far had the government dealt with the radical challenge by 1820?", "for", "against"),
    ],
)
def test_a_threat_put_down_argues_against_its_being_serious_and_for_its_being_met(
    question: str, put_down: str, pressed: str
) -> None:
    side = _sides(RADICALS.format(question=question), "radicals.txt")

    for words in ("The Pentrich rising collapsed", "Hunt was imprisoned", "banned large meetings"):
        assert side(words) == put_down, words
    assert side("in 1817 the Pentrich rising marched on Nottingham") == pressed


COAST = """\
2011: Describe the {kind} causes of the landslides at Barton-on-Sea. (4)
2015: To what extent were people to blame for the landslides at Barton-on-Sea? (8)

Most of the causes are natural. The cliffs are soft clay and sand over impermeable clay.
After heavy winter rain the sand becomes saturated and slides on the clay beneath it, and
storm waves undercut the foot of the cliff.

Human actions added to the risk. Houses built near the edge put weight on the cliff top,
and leaking drains and garden watering soaked the ground. A sea wall built in the 1960s
slowed the waves but did nothing about water in the cliff.
"""


def test_a_question_asking_for_one_kind_of_cause_leaves_out_the_part_on_the_other() -> None:
    family = _first_family(COAST.format(kind="physical"), "barton.txt")
    physical, blame = (_credited(q, family) for q in family.questions)
    assert any("storm waves" in text for text in physical), physical
    assert not any("Houses built near the edge" in text for text in physical), physical
    assert not any("leaking drains" in text for text in physical), physical
    # A question weighing one cause against the rest has every kind for evidence.
    assert any("leaking drains" in text for text in blame), blame
    assert any("storm waves" in text for text in blame), blame
    # Asked for the human causes, it is the other way round.
    family = _first_family(COAST.format(kind="human"), "barton.txt")
    human = _credited(family.questions[0], family)
    assert any("leaking drains" in text for text in human), human
    assert not any("storm waves" in text for text in human), human


def test_a_part_names_a_kind_of_cause_only_where_it_gives_one() -> None:
    question = "Describe the long-term causes of the Civil War."
    notes = [
        "The King faced an immediate threat from the Scots in 1640.",
        "The immediate cause was the attempt on the Five Members in January 1642.",
        "Religious quarrels were the underlying causes, going back to the 1620s.",
    ]
    # ("an immediate threat" is what the King faced, no kind of cause)
    assert of_other_kind(question, notes) == [None, "immediate", None]
    assert of_other_kind("Why did the Civil War break out?", notes) == [None, None, None]


FIVE_YEAR_PLANS = """\
2011: Describe the main features of the Second Five-Year Plan. (6)
2012: How far did the Five-Year Plans modernise the Soviet economy? (10)

Workers were driven hard from the start. In 1930 the first giant steelworks at Magnitogorsk
rose on the open steppe, and the Stakhanovite campaign praised workers who beat their quotas.

The Second Five-Year Plan of 1933 changed its aims. Heavy industry still came first, but
more went on transport. After the famine of the early 1930s the Moscow Metro (1935) was the
showpiece, and the Moscow-Volga canal was finished in 1937.
"""


def test_a_describe_question_asks_about_the_time_the_notes_date_its_subject_by() -> None:
    # "The Second Five-Year Plan of 1933": a question naming it asks about 1933 on, and the
    # paragraph on the steelworks of 1930 tells of the first plan, before it. (The Metro,
    # dated by the early 1930s first, is of 1935.)
    family = _first_family(FIVE_YEAR_PLANS, "plans.txt")
    describe, how_far = (_credited(q, family) for q in family.questions)
    assert any("Moscow Metro" in text for text in describe), describe
    assert not any("Magnitogorsk" in text for text in describe), describe
    assert not any("Stakhanovite" in text for text in describe), describe
    # A question naming no such thing keeps every paragraph.
    assert any("Magnitogorsk" in text for text in how_far), how_far


def test_notes_date_a_thing_by_a_span_in_brackets_or_by_its_year() -> None:
    notes = ("The agencies of the Hundred Days (March to June 1933) were many.",)
    assert notes_date(["Hundred Days"], notes) == (1933, (1933, 6))
    assert notes_date(["Terror"], ("the Terror (September 1793 to July 1794)",)) == (
        1793,
        (1794, 7),
    )
    assert notes_date(["League"], ("the League (1934) called it socialism",)) == (1934, None)
    assert notes_date(["Treaty"], ("the Treaty of Versailles was signed",)) is None
    assert notes_date(["Agencies"], ("The Agencies (the CCC, the TVA) were set up",)) is None


PEOPLE_AND_PERIODS = """\
2011: Describe the main features of the New Deal. (6)
2012: Describe the achievements of Martin Luther King. (6)
2013: Describe the main features of the Weimar Republic. (6)
2014: Describe the main features of the Second New Deal. (6)

The New Deal began in 1933, when Congress passed the Emergency Banking Act in March. The
Second New Deal of 1935 went further, with the Social Security Act.

Martin Luther King (1929-68) led the Montgomery bus boycott in 1955. A national holiday in his
honour was created in 1983.

The Weimar Republic (to 1933) put down the Spartacist rising in 1919 and survived
hyperinflation in 1923.

The Tennessee Valley Authority (1933) built dams that still supplied cheap power in 1940.
"""


def test_only_a_thing_named_with_the_is_dated_by_the_notes() -> None:
    # A shorter name inside a longer one ("New Deal" in "the Second New Deal of 1935"), a
    # person's life and an end alone ("to 1933") give no time the question asks about.
    notes = parse_notes(PEOPLE_AND_PERIODS, "dated.txt").course.topics[0].families[0].notes
    assert notes_date(["New Deal"], notes) is None
    assert notes_date(["Martin Luther King"], notes) is None
    assert notes_date(["Weimar Republic"], notes) is None
    assert notes_date(["Second New Deal"], notes) == (1935, None)
    family = _first_family(PEOPLE_AND_PERIODS, "dated.txt")
    new_deal, king, weimar, second = (_credited(q, family) for q in family.questions)
    assert any("Emergency Banking Act" in text for text in new_deal), new_deal
    assert any("national holiday" in text for text in king), king
    assert any("Spartacist" in text for text in weimar), weimar
    # The TVA of 1933 is before the Second New Deal, though its dams still worked in 1940:
    # only a point dated by part of a decade first reaches the time asked about by a year.
    assert not any("Tennessee Valley" in text for text in second), second
