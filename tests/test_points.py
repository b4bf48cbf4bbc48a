"""Points: the seed's notes cut into creditable points, each knowing where it came from."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pastpaper.course import QuestionFamily
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.points import Fact, family_points, note_points, point_id, shown
from pastpaper.schemes.sentences import sentence_spans


def seed_family(seed_path: Path, index: int) -> QuestionFamily:
    return read_notes(seed_path).course.topics[0].families[index]


def test_the_first_family_yields_at_least_20_points(seed_path: Path) -> None:
    assert len(family_points(seed_family(seed_path, 0))) >= 20


def test_the_releases_and_renamings_paragraph_gives_these_points(seed_path: Path) -> None:
    family = seed_family(seed_path, 0)
    found = [p for p in family_points(family) if p.source.note == 3]
    assert [p.text for p in found] == [
        "Inmates of the gulags were released",
        "cities had their names changed",
        "Thus Stalingrad became Volgograd",
        "the powers of the KGB were greatly reduced",
        "Censorship was also relaxed",
        "Alexander Solzhenitsyn was allowed to publish in the Soviet Union, ‘One Day in the "
        "life of Ivan Denisovich’ that criticised the gulags",
        "Novy Mir became a popular liberal newspaper making relatively daring comments on "
        "life in the Soviet Union",
        "A new criminal code was also introduced that laid down that nobody could be "
        "imprisoned without due process of law",
    ]
    # "Thus" brings in an example; the rest state what happened.
    assert [p.kind for p in found] == [
        "feature",
        "feature",
        "evidence",
        "feature",
        "feature",
        "feature",
        "feature",
        "feature",
    ]
    assert found[0].key_terms == ("gulags",)
    assert found[5].key_terms == (
        "Alexander Solzhenitsyn",
        "Soviet Union",
        "One Day in the life of Ivan Denisovich",
        "gulags",
    )


def test_the_rivals_paragraph_gives_these_points(seed_path: Path) -> None:
    family = seed_family(seed_path, 0)
    found = [p for p in family_points(family) if p.source.note == 5]
    assert [(p.text, p.kind) for p in found] == [
        ("Khrushchev himself typified the differences between the new and the old", "feature"),
        (
            "When he had eliminated all of his rivals for the leadership, there were no show "
            "trials and certainly no executions",
            "feature",
        ),
        ("Malenkov, Kaganovich and the others were sacked", "feature"),
        ("then given unimportant jobs to do", "feature"),
        (
            "One went to be Ambassador to Mongolia, another became manager of a power station",
            "evidence",
        ),
    ]
    assert found[2].facts == (
        Fact(kind="name", value="Malenkov"),
        Fact(kind="name", value="Kaganovich"),
    )


def test_points_point_back_into_the_notes_as_written(seed_path: Path) -> None:
    family = seed_family(seed_path, 0)
    for point in family_points(family):
        note = family.notes[point.source.note]
        assert note[point.source.start : point.source.end] == point.text
        start = point.source.sentence_start
        assert note[start : start + len(point.source.sentence)] == point.source.sentence
        assert point.source.sentence_start <= point.source.start


def test_facts_years_numbers_and_names(seed_path: Path) -> None:
    first = family_points(seed_family(seed_path, 0))[0]
    assert first.text == "In March 1953 Stalin died"
    assert first.facts == (Fact(kind="year", value="1953"), Fact(kind="name", value="Stalin"))
    councils = next(p for p in family_points(seed_family(seed_path, 2)) if "150" in p.text)
    assert councils.text == "set up 150 regional economic councils (sovnarkhozy)"
    assert councils.key_terms == ("sovnarkhozy",)
    assert councils.facts == (Fact(kind="number", value="150"),)


def test_reasons_in_the_why_family(seed_path: Path) -> None:
    found = family_points(seed_family(seed_path, 1))
    kinds = {p.text: p.kind for p in found}
    assert kinds["Khrushchev did not want to be held responsible"] == "reason"
    assert kinds["The speech came as a great shock"] == "feature"
    quote = family_points(seed_family(seed_path, 0))
    assert any(p.kind == "quotation" and "sausage" in p.text for p in quote)


def test_ids_depend_only_on_the_wording() -> None:
    assert point_id("Inmates of the gulags were released") == point_id(
        "Inmates  of the gulags were released"
    )
    family = QuestionFamily(notes=("Censorship was relaxed.", "Censorship was relaxed."))
    assert [p.id for p in family_points(family)] == [
        point_id("Censorship was relaxed"),
        point_id("Censorship was relaxed") + "-2",
    ]


@given(st.text(max_size=300))
def test_any_note_gives_points_that_are_spans_of_it(note: str) -> None:
    for point in note_points(note, 0):
        assert shown(note[point.source.start : point.source.end]) == point.text
        assert point.text.strip() == point.text and point.text


LISTED = """\
Lists.

1: The July Crisis

2001: Describe the July Crisis of 1914. (6)

The crisis moved fast.
{mark} Austria-Hungary sent an ultimatum to Serbia on 23 July 1914.
{mark} Russia ordered general mobilisation on 30 July 1914.
"""


def test_every_bullet_marks_a_list_for_points_parts_cards_and_the_timeline() -> None:
    # Notes pasted from Word keep its square and circle bullets, "+" is a typed one, and
    # items are numbered, lettered or in roman numerals: each makes the same points, parts,
    # cards and timeline entries as a hyphen does.
    from pastpaper.schemes.parts import parts_of
    from pastpaper.study.cards import cards_of
    from pastpaper.study.timeline import timeline

    def read(mark: str) -> tuple[object, ...]:
        course = parse_notes(LISTED.format(mark=mark), "lists.txt").course
        family = course.topics[0].families[0]
        return (
            [p.text for p in family_points(family)],
            parts_of(family.notes),
            [(c.front, c.back) for c in cards_of(course)],
            [e.text for e in timeline(course)],
        )

    hyphen = read("-")
    points = hyphen[0]
    assert "Russia ordered general mobilisation on 30 July 1914" in points  # type: ignore[operator]
    for mark in ("▪", "◦", "+", "•", "–", "1.", "2)", "(3)", "a)", "(b)", "d.", "ii.", "(iv)"):
        assert read(mark) == hyphen, mark


def test_a_numbered_list_gives_its_items_and_not_their_numbers() -> None:
    notes = "The crisis moved fast.\n1. Austria-Hungary sent an ultimatum.\n2. Russia mobilised.\n"
    assert [p.text for p in note_points(notes, 0)] == [
        "The crisis moved fast",
        "Austria-Hungary sent an ultimatum",
        "Russia mobilised",
    ]


def test_a_numbered_list_run_along_one_line_gives_its_items_and_not_their_numbers() -> None:
    notes = (
        "1. Austria-Hungary sent an ultimatum on 23 July. 2. Russia mobilised on 30 July. "
        "3. Germany declared war on Russia.\nKey causes: 1) the alliance system 2) the naval "
        "race 3) imperial rivalry."
    )
    assert [p.text for p in note_points(notes, 0)] == [
        "Austria-Hungary sent an ultimatum on 23 July",
        "Russia mobilised on 30 July",
        "Germany declared war on Russia",
        "the alliance system",
        "the naval race",
        "imperial rivalry",
    ]
    # A number that counts nothing up from 1 is no item's mark: it stays in its point.
    lone = "Serbia had 2) armies. Its 1) plan failed."
    assert [p.text for p in note_points(lone, 0)] == ["Serbia had 2) armies", "Its 1) plan failed"]


def test_a_numbered_label_and_its_short_title_are_structure() -> None:
    notes = (
        "Factor 1: Fear. Many settlers feared losing their land.\n"
        "**Factor 2: Money.** Farmers wanted cheap labour.\n"
        "Reason three: The Church promised salvation to all who went.\n"
        "Causes: the alliance system"
    )
    assert [p.text for p in note_points(notes, 0)] == [
        "Many settlers feared losing their land",
        "Farmers wanted cheap labour",
        "The Church promised salvation to all who went",
        "the alliance system",  # a label without a number keeps what it labels
    ]


def test_a_sentence_that_only_signposts_other_reasons_is_structure() -> None:
    notes = (
        "Bad harvests drove up the price of bread. Yet hunger was not the only cause. "
        "Yet the tax was not the only grievance. There were other factors too. "
        "The king's debts had emptied the treasury. "
        "However, other factors were also important. Other factors also led to withdrawal. "
        "Taxes were not the only burden: peasants also owed dues to their lords. "
        "Other factors also contributed to the revolt such as the salt tax. "
        "There were other reasons for the unrest like the new conscription law."
    )
    assert [p.text for p in note_points(notes, 0)] == [
        "Bad harvests drove up the price of bread",
        "The king's debts had emptied the treasury",
        # (A sentence that goes on to say what else there was says something.)
        "Taxes were not the only burden: peasants also owed dues to their lords",
        "Other factors also contributed to the revolt such as the salt tax",
        "There were other reasons for the unrest like the new conscription law",
    ]


def test_the_labels_of_an_arguments_sides_are_structure() -> None:
    # Each a paragraph of its own, over the paragraphs it labels.
    assert note_points("Limits", 0) == []
    assert note_points("Counter-argument", 0) == []
    labelled = note_points("Limits: the new canal silted up within ten years.", 0)
    assert [p.text for p in labelled] == ["the new canal silted up within ten years"]


def test_a_quotation_stays_with_who_said_it_and_keeps_its_closing_mark() -> None:
    notes = (
        'Mandela said at his trial: "It would be wrong to go on preaching non-violence." '
        "In 1961 the ANC set up an armed wing."
    )
    assert [p.text for p in note_points(notes, 0)] == [
        'Mandela said at his trial: "It would be wrong to go on preaching non-violence."',
        "In 1961 the ANC set up an armed wing",
    ]


def test_a_line_opening_with_circa_is_no_list_item() -> None:
    # "c." is circa, not an item lettered c: the point keeps it.
    notes = "c. 1500 people lived in the town.\n- By 1600 there were 4,000."
    assert [p.text for p in note_points(notes, 0)] == [
        "c. 1500 people lived in the town",
        "By 1600 there were 4,000",
    ]


def test_a_lettered_list_runs_through_c() -> None:
    notes = (
        "Aims:\na. Destroy the treaty\nb. Expand eastwards\nc. Unite all Germans\n"
        "d. Defeat communism"
    )
    assert [p.text for p in note_points(notes, 0)] == [
        "Destroy the treaty",
        "Expand eastwards",
        "Unite all Germans",
        "Defeat communism",
    ]


def test_a_date_in_figures_is_one_fact_not_three_numbers() -> None:
    """ "14/06/1381" is a date, day first: one fact as written, not the numbers 14, 06 and
    1381; a date in words keeps its year as before."""
    notes = "\n\n".join(
        [
            "Medieval revolts.",
            "8: The Peasants' Revolt",
            "2013: Describe the events of the Peasants' Revolt. (6)",
            "On 14/06/1381 Richard II met the rebels at Mile End. Britain declared war on "
            "4.8.1914 and 2,000 men joined up in 1915.",
        ]
    )
    family = parse_notes(notes).course.topics[0].families[0]
    points = family_points(family)
    assert [f.value for p in points for f in p.facts if f.kind == "number"] == ["2,000"]
    assert [p.facts for p in points] == [
        (
            Fact(kind="date", value="14/06/1381"),
            Fact(kind="name", value="Richard II"),
            Fact(kind="name", value="Mile End"),
        ),
        (
            Fact(kind="date", value="4.8.1914"),
            Fact(kind="number", value="2,000"),
            Fact(kind="year", value="1915"),
        ),
    ]


def test_a_label_on_its_own_line_under_a_list_item_is_a_sentence_of_its_own() -> None:
    note = (
        "Causes:\n- The southern states joined Prussia, as Bismarck had hoped\nResults:\n"
        "- 1-2 September 1870: Battle of Sedan\nOther factors:\n- Nationalism: the 1848 "
        "revolutions\nIt was hoped that:\nthe states would join"
    )
    assert [note[a:b] for a, b in sentence_spans(note)] == [
        "Causes",
        "The southern states joined Prussia, as Bismarck had hoped",
        "Results",
        "1-2 September 1870: Battle of Sedan",
        "Other factors",
        "Nationalism: the 1848 revolutions\nIt was hoped that:\nthe states would join",
    ]


def test_a_signpost_with_a_long_run_of_letters_is_read_at_once() -> None:
    """A run of letters with no space after "other reasons for" is one word: the signpost
    pattern does not try it cut every way (it took seconds for 70 letters)."""
    from pastpaper.schemes.points import _SIGNPOST

    note = "There were other reasons for " + "a" * 2000 + " (see below)."
    assert _SIGNPOST.search(note) is not None
    assert _SIGNPOST.fullmatch("There were other reasons for the failure of the rising in 1536")


def test_participles_of_one_passive_and_an_adjective_after_a_are_not_cut() -> None:
    """ "was hanged, drawn and quartered" is one deed, and "a united Italy" no verb: neither
    sentence is cut into parts that say nothing alone."""
    family = (
        parse_notes(
            "T.\n\n1: Revolts\n\n2001: Why did the revolt fail? (8)\n\n"
            "John Ball was hanged, drawn and quartered at St Albans on 15 July 1381. The "
            "peasants cared more about land and food than about a united Italy. Villages were "
            "burned, crops destroyed and livestock killed."
        )
        .course.topics[0]
        .families[0]
    )
    assert [p.text for p in family_points(family)] == [
        "John Ball was hanged, drawn and quartered at St Albans on 15 July 1381",
        "The peasants cared more about land and food than about a united Italy",
        "Villages were burned, crops destroyed and livestock killed",
    ]


def test_a_point_that_says_much_of_its_own_beside_a_quotation_is_no_quotation() -> None:
    """What John Ball preached is a reason, though the point ends on his words; a point
    that is mostly somebody's words stays a quotation."""
    notes = (
        "John Ball, a priest who had been imprisoned several times for his sermons, preached "
        "that all people were equal in God's eyes: \"When Adam delved and Eve span, who was "
        'then the gentleman?" Khrushchev said: "We will bury you, whether you like it or not."'
    )
    kinds = [p.kind for p in note_points(notes, 0)]
    assert kinds[0] != "quotation"
    assert kinds[-1] == "quotation"


def test_a_list_with_what_was_done_to_it_told_without_that_is_one_point() -> None:
    # "the rails and fuel they needed": "fuel they needed" is no clause of its own.
    family = (
        parse_notes(
            "Railways.\n\n1: Railways\n\n2012: Explain why railways grew. (8)\n\n"
            "Railways grew because the iron and coal industries could supply the rails and fuel "
            "they needed. He built the line and they needed money.\n"
        )
        .course.topics[0]
        .families[0]
    )
    texts = [p.text for p in family_points(family)]
    assert texts[0] == (
        "Railways grew because the iron and coal industries could supply the rails and fuel "
        "they needed"
    ), texts
    assert "they needed money" in texts, texts
