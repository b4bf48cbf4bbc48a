"""Points and schemes on notes written in other words than the seed's: layout is not
content, a reason is a reason however it is worded, and each command word's scheme
credits what it asks for. Every note here was written for these tests."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pastpaper.course import Course, Question, QuestionFamily
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.points import family_points, kind_of, note_points
from pastpaper.schemes.scheme import build_scheme

MARKDOWN = """\
# The Irish famine

## 2: The Great Famine, 1845-51

1999: Describe the effects of the famine on Ireland. (6)

### Detail

Notes:

- Blight destroyed the potato crop in 1845 and again in 1846.
- About 1,000,000 people died of hunger and disease.

Key points

- More than a million people emigrated, most of them to America.
"""

TEXT = """\
The Irish famine.

2: The Great Famine, 1845-51

1999: Describe the effects of the famine on Ireland. (6)

Detail

Notes:
- Blight destroyed the potato crop in 1845 and again in 1846.
- About 1,000,000 people died of hunger and disease.

The aftermath, year by year:
- More than a million people emigrated, most of them to America.

Landlords. Many landlords evicted tenants who could not pay their rent.
"""

STATEMENTS = [
    "Blight destroyed the potato crop in 1845 and again in 1846",
    "About 1,000,000 people died of hunger and disease",
    "More than a million people emigrated, most of them to America",
]


def points_of(course: Course) -> list[str]:
    return [p.text for t in course.topics for f in t.families for p in family_points(f)]


def notes_of(course: Course) -> str:
    return "\n\n".join(n for t in course.topics for f in t.families for n in f.notes)


@pytest.mark.parametrize("name, text", [("famine.md", MARKDOWN), ("famine.txt", TEXT)])
def test_headings_labels_and_list_markers_are_no_points(name: str, text: str) -> None:
    course = parse_notes(text, name).course
    points = points_of(course)
    assert points[:3] == STATEMENTS
    for label in ("Detail", "Notes", "Key points", "The aftermath, year by year", "Landlords"):
        assert not any(label in p for p in points), label
        if label in text:
            assert label in notes_of(course)  # kept in the notes as written
    assert not any(p.startswith(("-", "#")) for p in points)


def test_a_label_run_into_a_point_is_left_out_of_it() -> None:
    course = parse_notes(
        "1999: Describe the famine. (4)\n\nDetail: blight destroyed the potato crop in 1845.\n",
        "famine.txt",
    ).course
    assert points_of(course) == ["blight destroyed the potato crop in 1845"]


def test_a_sentence_that_opens_with_emphasis_is_a_point_of_its_own() -> None:
    notes = (
        "# Famine\n\n## 1: Ireland\n\n1999: Describe the famine. (4)\n\n"
        "Blight destroyed the potato crop in 1845. **Landlords** evicted tenants who could "
        "not pay.\n"
    )
    course = parse_notes(notes, "famine.md", markdown=True).course
    assert points_of(course) == [
        "Blight destroyed the potato crop in 1845",
        "Landlords evicted tenants who could not pay",
    ]


def test_markdown_marks_are_not_shown_in_points_and_stay_in_the_notes() -> None:
    notes = (
        "# Famine\n\n## 1: Ireland\n\n1999: Describe the famine. (4)\n\n"
        "- **Blight, 1845**: the *potato* crop failed across [Ireland](https://x.org/ie).\n"
    )
    course = parse_notes(notes, "famine.md").course
    assert points_of(course) == ["Blight, 1845: the potato crop failed across Ireland"]
    notes_kept = [n for t in course.topics for f in t.families for n in f.notes]
    assert any("- **Blight, 1845**: the *potato*" in note for note in notes_kept)


def test_word_headings_and_labels_are_no_points(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("The Irish famine", level=0)
    document.add_heading("The Great Famine, 1845-51", level=1)
    document.add_paragraph("1999: Describe the effects of the famine on Ireland. (6)")
    document.add_heading("Detail", level=2)
    document.add_paragraph("Notes:")
    for statement in STATEMENTS:
        document.add_paragraph(statement + ".", style="List Bullet")
    path = tmp_path / "famine.docx"
    document.save(str(path))
    course = read_notes(path).course
    assert points_of(course) == STATEMENTS
    assert "Detail" in notes_of(course) and "Notes:" in notes_of(course)


@pytest.mark.parametrize(
    "text",
    [
        "The landlords cleared their estates so that grazing cattle would pay better",
        "Peel bought maize from America to feed the starving",
        "The aim was to keep prices steady",
        "The government hoped the market would supply the food",
        "Ministers feared that free food would make the poor idle",
        "Trevelyan wanted the relief works to pay for themselves",
        "As the potato failed, families had nothing else to eat",
        "Since rents could not be paid, tenants were evicted",
        "Fear of rebellion kept troops in the country",
        "The desire for land drove many to emigrate",
    ],
)
def test_reasons_and_motives_in_many_words(text: str) -> None:
    assert kind_of(text) == "reason"


@pytest.mark.parametrize(
    "text",
    [
        "The blight led to the loss of the whole crop",
        "The failure resulted in mass hunger",
        "Evictions forced families onto the roads",
        "High rents, which meant that tenants could not save, left them without any reserve",
        "The crisis encouraged emigration on a vast scale",
        "The crop failed; therefore the poor went hungry",
        "Soup kitchens were opened, so deaths fell in 1847",
        # a result and the condition that brings it
        "Demand-pull inflation happens when spending grows faster than output",
        "A flash flood occurs when heavy rain falls on baked ground",
        "Prices were driven by the rising cost of oil",
        # in the present tense, as notes on an economy or a river tell it
        "A weaker pound makes imports more expensive, which adds to inflation",
        "If workers expect prices to rise, they ask for more, which can lead to a spiral",
        "Clearing the forest increases run-off",
        "Cheap credit encourages firms to borrow",
    ],
)
def test_results_in_many_words(text: str) -> None:
    assert kind_of(text) == "consequence"


@pytest.mark.parametrize(
    "text",
    [
        "Blight destroyed the potato crop in 1845",
        "Many landlords evicted their tenants",
        "Kaiser Wilhelm II, on the throne since 1888, built a navy",
        "He stayed in office as long as he could",
        "The relief works were as hard as field labour",
        "UN forces cross the river and reach the border",
        "Each voyage added to the charts kept in Lisbon",
        # a cue word inside a name is the name's: no fear, no hope
        "In the countryside the Great Fear of late July spread rumours of plots",
        "Bartolomeu Dias rounded the Cape of Good Hope in 1488",
    ],
)
def test_plain_statements_stay_features(text: str) -> None:
    assert kind_of(text) == "feature"


CRISIS = "\n\n".join(
    [
        "1: The Fashoda crisis",
        "2001: Describe the meeting at Fashoda in 1898. (6)\n"
        "2003: Why did the meeting at Fashoda bring Britain and France close to war? (6)\n"
        "2005: How far was the crisis settled by negotiation? (8)",
        "In September 1898 a small French force under Marchand reached Fashoda on the Nile. "
        "Kitchener arrived with a larger army and asked them to leave. Both sides raised their "
        "flags over the fort.",
        "The way to war:\n"
        "- Paris ordered the fleet to prepare for action.\n"
        "- London sent the Channel squadron to Gibraltar.",
        "The Channel squadron at Gibraltar made a French defeat at sea certain. The press in "
        "both countries, which called the other a bully, left neither government free to give "
        "way.",
        "Yet the French cabinet chose to back down in November. Delcasse did not want a war "
        "while France was divided by the Dreyfus affair.",
    ]
)


def crisis() -> QuestionFamily:
    return parse_notes(CRISIS, "fashoda.txt").course.topics[0].families[0]


def test_a_why_scheme_credits_what_the_notes_name_as_a_cause_but_not_the_event_asked_about() -> (
    None
):
    family = crisis()
    why = family.questions[1]
    scheme = build_scheme(why, family)
    credited = [p.point.text for p in scheme.creditable]
    # Named as a cause elsewhere in the notes ("The Channel squadron ... made a French
    # defeat at sea certain"): a reason, though it is told as a plain event.
    assert "London sent the Channel squadron to Gibraltar" in credited
    # The meeting itself is what the question asks about: telling it explains nothing.
    for told in (
        "In September 1898 a small French force under Marchand reached Fashoda on the Nile",
        "Both sides raised their flags over the fort",
    ):
        assert told not in credited
    # Ranked by how directly: the point that states the link in its own words first.
    assert credited.index(
        "The Channel squadron at Gibraltar made a French defeat at sea certain"
    ) < credited.index("London sent the Channel squadron to Gibraltar")


def test_a_how_far_scheme_credits_both_sides_and_says_so() -> None:
    family = crisis()
    scheme = build_scheme(family.questions[2], family)
    assert any("both sides" in rule for rule in scheme.rules)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides["Yet the French cabinet chose to back down in November"] == "against"
    assert sides["Delcasse did not want a war"] == "against"
    assert sides["London sent the Channel squadron to Gibraltar"] == "for"
    text = scheme.instructions()
    assert "Supporting the view in the question:" in text
    assert "Challenging or limiting it:" in text


def test_a_describe_scheme_credits_what_happened_first() -> None:
    family = crisis()
    scheme = build_scheme(family.questions[0], family)
    assert any(rule.startswith("Credit features, events and measures") for rule in scheme.rules)
    ranked = [p.point.text for p in scheme.creditable]
    # What happened outranks why, which a description does not need.
    assert ranked.index("Both sides raised their flags over the fort") < ranked.index(
        "Delcasse did not want a war"
    )
    assert "Both sides raised their flags over the fort" in ranked


def test_a_colon_after_a_clause_opens_another_but_names_joined_by_and_stay_one() -> None:
    points = [
        p.text
        for p in note_points(
            "Each flood drew the villages closer together: from 1850 the farmers and the "
            "fishermen shared one sea wall. Repeal Act, 1846: Parliament ended the duties on "
            "grain. Twice beaten, the landlords grew weaker than ever, and Peel and Russell "
            "agreed.",
            0,
        )
    ]
    assert points == [
        "Each flood drew the villages closer together",
        "from 1850 the farmers and the fishermen shared one sea wall",
        "Repeal Act, 1846: Parliament ended the duties on grain",
        # Not cut between two names ("..., and Peel | and Russell agreed").
        "Twice beaten, the landlords grew weaker than ever, and Peel and Russell agreed",
    ]


def test_the_issue_example_why_did_sarajevo_lead_to_a_general_war() -> None:
    """Issue 12: on the WW1 notes, the blank cheque and the Schlieffen Plan are causes of
    the general war, and an account of the murder itself earns nothing."""
    notes = Path(__file__).parent.parent / "benchmarks" / "data" / "notes" / "causes-ww1.txt"
    course = read_notes(notes).course
    family = next(f for t in course.topics for f in t.families if "Sarajevo" in f.questions[0].text)
    why = Question(
        year=2010,
        text="Why did the assassination at Sarajevo lead to a general war in 1914?",
        marks=8,
    )
    family = family.model_copy(update={"questions": (*family.questions, why)})
    credited = [p.point.text for p in build_scheme(why, family).creditable]
    # The steps of the July Crisis that the notes elsewhere name as causes.
    assert any(text.startswith("5-6 July: Germany gave Austria-Hungary") for text in credited)
    assert "4 August: German troops entered Belgium under the Schlieffen Plan" in credited
    assert not any(text.startswith("On 28 June 1914 Archduke Franz Ferdinand") for text in credited)
    assert not any(text.startswith("Princip belonged to Young Bosnia") for text in credited)


@pytest.mark.parametrize(
    ("note", "points"),
    [
        (  # a number in words is one number
            "At its height a plane landed every few minutes, and some two hundred and "
            "seventy-eight thousand flights were made in all.",
            [
                "At its height a plane landed every few minutes",
                "some two hundred and seventy-eight thousand flights were made in all",
            ],
        ),
        (  # "while" opens a clause without a comma; "Brazil and the Caribbean" ends none
            "Maize reached Europe while horses, wheat and sugar cane reached the Americas, "
            "and the demand for workers in Brazil and the Caribbean resulted in a slave trade.",
            [
                "Maize reached Europe while horses, wheat and sugar cane reached the Americas",
                "the demand for workers in Brazil and the Caribbean resulted in a slave trade",
            ],
        ),
    ],
)
def test_numbers_in_words_and_lists_of_names_cut_no_clause(note: str, points: list[str]) -> None:
    assert [p.text for p in note_points(note, 0)] == points


@pytest.mark.parametrize(
    ("note", "points"),
    [
        (  # "Brutus and Cassius included" is an aside of the clause, cut nowhere
            "Caesar pardoned many of his enemies, Brutus and Cassius included, and he used "
            "his power for lasting reforms.",
            [
                "Caesar pardoned many of his enemies, Brutus and Cassius included",
                "he used his power for lasting reforms",
            ],
        ),
        (  # "while he was alive" tells when: no point of its own
            "His head appeared on coins while he was alive, and he sat on a golden chair.",
            ["His head appeared on coins while he was alive", "he sat on a golden chair"],
        ),
        (  # a list of places joined by "and" inside the subject
            "Exiles who had fled to Geneva and Frankfurt came home wanting reform.",
            ["Exiles who had fled to Geneva and Frankfurt came home wanting reform"],
        ),
        (  # "May" with a capital is the month, no verb: the label stays with its detail
            "AAA, the Agricultural Adjustment Act (May 1933): farmers were paid to grow less.",
            ["AAA, the Agricultural Adjustment Act (May 1933): farmers were paid to grow less"],
        ),
        (  # "used" alone splits nothing; after "and he" it is the clause's own verb
            "The council met in the hall and used the old seal.",
            ["The council met in the hall and used the old seal"],
        ),
    ],
)
def test_an_aside_is_no_point_of_its_own(note: str, points: list[str]) -> None:
    assert [p.text for p in note_points(note, 0)] == points


# Terse revision notes, written the way a student writes them in a hurry: labels over lists,
# arrows and equals signs for "led to", abbreviations with full stops.
TERSE = """\
The railway age.

1: Railways in Britain

2004: Why did railways spread so fast in Britain? (8)
2007: Describe the growth of the railway network in the 1840s. (6)

Demand
- coal owners needed cheap transport -> first lines built from pits to rivers
- more trains = lower fares + faster post
- navvies dug cuttings by hand.

Key lines - dates
- 1825: Stockton & Darlington opened (c. 40 km of track).
- Liverpool & Manchester opened 15 Sept. 1830, with Huskisson killed on the day.
- many small firms merged (e.g. Midland Railway, 1844).
"""


def test_a_label_over_a_list_is_no_point_and_abbreviations_cut_nothing() -> None:
    course = parse_notes(TERSE, "railways.txt").course
    points = points_of(course)
    assert "Demand" not in points and "Key lines - dates" not in points
    assert not any(p in ("c", "e.g", "Sept") for p in points)
    assert any("(c. 40 km of track)" in p for p in points), points
    assert any("15 Sept. 1830" in p for p in points), points
    assert any("(e.g. Midland Railway, 1844)" in p for p in points), points
    assert "Demand" in notes_of(course) and "Key lines - dates" in notes_of(course)


@pytest.mark.parametrize(
    "text",
    [
        "coal owners needed cheap transport -> first lines built from pits to rivers",
        "more trains = lower fares + faster post",
        "cheap iron → longer rails",
        "high tolls on canals => merchants turned to rail",
    ],
)
def test_arrows_and_equals_signs_give_a_link(text: str) -> None:
    assert kind_of(text) in ("reason", "consequence")


@pytest.mark.parametrize(
    "text", ["£1 = $4.86 in 1900", "a = b", "1825: Stockton & Darlington opened"]
)
def test_an_equals_sign_between_figures_or_a_plain_date_line_gives_no_link(text: str) -> None:
    assert kind_of(text) == "feature"


def test_a_why_scheme_of_terse_notes_credits_what_arrows_and_equals_signs_link() -> None:
    course = parse_notes(TERSE, "railways.txt").course
    family = course.topics[0].families[0]
    why = next(q for q in family.questions if q.command_word == "why")
    credited = [p.point.text for p in build_scheme(why, family).creditable]
    assert any(p.startswith("coal owners needed cheap transport") for p in credited), credited
    assert any(p.startswith("more trains = lower fares") for p in credited), credited


def test_a_label_over_a_list_says_what_its_part_gives() -> None:
    from pastpaper.schemes.parts import headed_as

    notes = ["Other reasons\n- cheap iron -> longer rails", "Results:", "- towns grew", "Demand"]
    assert headed_as(notes) == ["reasons", "results", "results", None]


def test_a_question_on_part_of_a_century_credits_nothing_dated_outside_it() -> None:
    notes = "\n\n".join(
        [
            "Mills and reform.",
            "1: Factory conditions",
            "2016: Describe working conditions in the mills in the early 19th century. (6)",
            "Conditions\n- shifts of 13 hours, six days a week\n"
            "- 1819: Peel's Act barred children under nine from cotton mills.\n"
            "- 1878: the Factory and Workshop Act covered every trade.\n"
            "- for comparison, Roman slaves in the mines c. 100 BC worked longer still.",
        ]
    )
    course = parse_notes(notes, "mills.txt").course
    family = course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    credited = [p.point.text for p in scheme.creditable]
    assert any(p.startswith("shifts of 13 hours") for p in credited), credited
    assert any("Peel's Act" in p for p in credited), credited
    assert not any("1878" in p or "100 BC" in p for p in credited), credited


CIVIL_WAR = "\n".join(
    [
        "# The English Civil War",
        "",
        "## 1: The road to war",
        "",
        "2011: Why did civil war break out in England in 1642? (8)",
        "2013: Describe the religious disputes of Charles I's reign. (6)",
        "2016: How far were religious disputes the main cause of the Civil War? (12)",
        "",
        "### Religious disputes",
        "",
        "- Archbishop Laud brought altar rails and ceremony into parish churches.",
        "- Puritans feared that Laud was leading the Church back towards Rome.",
        "- A new Prayer Book forced on Scotland in 1637 provoked a Scottish rising.",
        "",
        "### Money and Parliament",
        "",
        "- Charles ruled without Parliament from 1629 to 1640.",
        "- Ship Money was collected from inland counties, which angered the gentry.",
    ]
)


def test_a_why_question_keeps_the_section_a_sibling_weighs_as_the_main_cause() -> None:
    """A section headed by what a sibling asks about ("### Religious disputes", beside
    "Describe the religious disputes ..." and "... religious disputes the main cause of the
    Civil War?") gives causes of the war: the question asking why the war broke out
    credits them too, though its own words are not in the heading."""
    course = parse_notes(CIVIL_WAR, "civil-war.md", markdown=True).course
    family = course.topics[0].families[0]
    why = family.questions[0]
    credited = [p.point.text for p in build_scheme(why, family).creditable]
    assert any(p.startswith("Puritans feared") for p in credited), credited
    assert any(p.startswith("Ship Money was collected") for p in credited), credited


def test_a_how_far_main_cause_scheme_puts_the_other_factors_on_the_other_side() -> None:
    course = parse_notes(CIVIL_WAR, "civil-war.md", markdown=True).course
    family = course.topics[0].families[0]
    how_far = family.questions[2]
    sides = {p.point.text[:20]: p.side for p in build_scheme(how_far, family).creditable}
    assert sides["Puritans feared that"] == "for", sides
    assert sides["Ship Money was colle"] == "against", sides
    assert sides["Charles ruled withou"] == "against", sides


def test_a_word_after_his_or_the_describes_its_noun_and_cuts_no_list() -> None:
    note = "His mixed army of archers, infantry and cavalry was more flexible than the fyrd."
    assert [p.text for p in note_points(note, 0)] == [note.rstrip(".")]


def test_a_list_items_article_opens_no_name_nor_does_a_common_word_before_of() -> None:
    from pastpaper.schemes.terms import names_in

    notes = (
        "- A Paris crowd stormed the Bastille.\n- The Third Estate resented the nobles.\n"
        "- Act of Union joined the crowns. Most of Europe watched. Fear of Russia grew."
    )
    assert names_in(notes) == [
        "Paris",
        "Bastille",
        "Third Estate",
        "Act of Union",
        "Europe",
        "Russia",
    ]


def test_a_how_far_due_to_scheme_puts_other_explanations_on_the_other_side() -> None:
    notes = "\n\n".join(
        [
            "Trafalgar.",
            "1: The battle",
            "2015: How far was Nelson's victory at Trafalgar due to luck? (10)",
            "Nelson was lucky in several ways. The wind dropped, so the enemy fleet could not "
            "escape back to Cadiz.",
            "Nelson's own skill also mattered. His plan to cut the enemy line in two was "
            "rehearsed with his captains.",
        ]
    )
    family = parse_notes(notes).course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    sides = {p.point.text[:20]: p.side for p in scheme.creditable}
    assert sides["The wind dropped, so"] == "for", sides
    assert sides["His plan to cut the "] == "against", sides


@pytest.mark.parametrize(
    ("note", "points"),
    [
        # an abbreviation that may also end a sentence ends it before a capital
        (
            "Peace came in Oct. War broke out again in 1756.",
            ["Peace came in Oct", "War broke out again in 1756"],
        ),
        (
            "The 1960s saw the rise of pop. The next decade brought punk.",
            ["The 1960s saw the rise of pop", "The next decade brought punk"],
        ),
        (
            "- pop. England & Wales c. 6,000,000 in 1750",
            ["pop. England & Wales c. 6,000,000 in 1750"],
        ),
        # a court case, a birth, a reign, "including" and initials end no sentence
        (
            "Browder v. Gayle (Nov 1956) ruled bus segregation illegal. Princess Mary (b. 1516) "
            "was his only child. Henry VIII (r. 1509-47) broke with Rome.",
            [
                "Browder v. Gayle (Nov 1956) ruled bus segregation illegal",
                "Princess Mary (b. 1516) was his only child",
                "Henry VIII (r. 1509-47) broke with Rome",
            ],
        ),
        (
            "Some historians, e.g. Elton, argue that Cromwell planned it. Over 60,000 were "
            "arrested, incl. Gandhi himself. Aid came from the U.S.A. In 1948 it grew.",
            [
                "Some historians, e.g. Elton, argue that Cromwell planned it",
                "Over 60,000 were arrested, incl. Gandhi himself",
                "Aid came from the U.S.A",
                "In 1948 it grew",
            ],
        ),
        # a capitalised word cut short inside a name ends no sentence; a short name does
        (
            "The ILP = Indep. Labour Party, set up 1893 by Keir Hardie.",
            ["The ILP = Indep. Labour Party, set up 1893 by Keir Hardie"],
        ),
        (
            "Some women joined the Nat. Union of Women Workers in 1895. Others did not.",
            ["Some women joined the Nat. Union of Women Workers in 1895", "Others did not"],
        ),
        (
            "The monks fled to Ely. King William followed them there.",
            ["The monks fled to Ely", "King William followed them there"],
        ),
        # ... nor before a year its sentence goes on after; a year that opens one does
        (
            "- Cavour gave Nice and Savoy to Fr. 1860 in return for help.",
            ["Cavour gave Nice and Savoy to Fr. 1860 in return for help"],
        ),
        (
            "He went to Bath. 1700 saw many visitors there.",
            ["He went to Bath", "1700 saw many visitors there"],
        ),
        # ... nor a rare clipped word before a word in lower case or a second clipped one,
        # nor the end of a span of months
        (
            "- July Days: Prov. Govt put them down; Bols. branded German agents.",
            ["July Days: Prov. Govt put them down", "Bols. branded German agents"],
        ),
        (
            "- Oct.-Nov. 1917: opposition papers closed.",
            ["Oct.-Nov. 1917: opposition papers closed"],
        ),
        # a shortened month that opens a clause opens a name: it ends no sentence
        (
            "- Bloody Sunday set off revolution; Oct. Manifesto promised a Duma.",
            ["Bloody Sunday set off revolution", "Oct. Manifesto promised a Duma"],
        ),
        # a list's own short items are its points, not labels
        (
            "Causes of growth\n- cheap coal\n- new machines\n- growing towns",
            ["cheap coal", "new machines", "growing towns"],
        ),
        (
            "1769: Watt's steam engine\n- 1779: Crompton's mule\n- 1785: power loom",
            ["1769: Watt's steam engine", "1779: Crompton's mule", "1785: power loom"],
        ),
        # "was X and <adjective>-ed noun did Y" is two clauses
        (
            "The Duma was dissolved and educated liberals turned to revolution.",
            ["The Duma was dissolved", "educated liberals turned to revolution"],
        ),
        (
            "Robespierre was overthrown and guillotined on 28 July 1794.",
            ["Robespierre was overthrown and guillotined on 28 July 1794"],
        ),
    ],
)
def test_new_rules_leave_ordinary_sentences_and_lists_as_they_were(
    note: str, points: list[str]
) -> None:
    assert [p.text for p in note_points(note, 0)] == points


@pytest.mark.parametrize(
    "text",
    [
        "NEP = New Economic Policy, introduced in 1921",
        "Louis XVI = weak, indecisive king",
        "St Petersburg -> Petrograd in 1914",
        "Population 9m (1801) -> 18m (1851)",
    ],
)
def test_a_definition_a_renaming_or_a_change_of_figures_is_no_link(text: str) -> None:
    assert kind_of(text) == "feature"


@pytest.mark.parametrize(
    ("question", "until"),
    [
        ("Describe Athens in the early 5th century BC.", (-451, None)),
        ("Why did the population grow in the 18th and early 19th century?", None),
        ("Describe London at the turn of the twentieth century.", None),
        ("Describe the Western Front in 1914/18.", (1918, None)),
    ],
)
def test_the_end_of_the_time_a_question_names(question: str, until: tuple[int, None]) -> None:
    from pastpaper.schemes.periods import asked_until

    assert asked_until(question) == until


@pytest.mark.parametrize(
    ("note", "names"),
    [
        # a king's number, a letter and an initial belong to the name they end or hold
        ("Henry VIII married Catherine of Aragon.", ["Henry VIII", "Catherine of Aragon"]),
        ("Elizabeth I was crowned. Louis XVI was executed.", ["Elizabeth I", "Louis XVI"]),
        ("Malcolm X rejected non-violence.", ["Malcolm X"]),
        ("Philip II of France went home in 1191.", ["Philip II of France"]),
        ("President Lyndon B. Johnson signed it.", ["Lyndon B. Johnson"]),
        # a list item's first word that the notes write in lower case too, or a count's
        # "About", is no name ("Britain" opening an item still is one)
        (
            "- About 40,000 black passengers stayed off the buses.\n"
            "- Black taxi drivers charged 10 cents.\n- Britain protested.",
            ["Britain"],
        ),
        # a full name of three words opening a sentence is whole; a covenant and a crusade
        # are named whole ("Most English Catholics" is no name's "Most")
        (
            "Muhammad Ali Jinnah led the League. The Solemn League and Covenant brought an "
            "army. Children joined the Children's Crusade. Most English Catholics were loyal.",
            [
                "Muhammad Ali Jinnah",
                "League",
                "Solemn League and Covenant",
                "Children's Crusade",
                "English Catholics",
            ],
        ),
        # an ordinal opens a name, and ends none
        (
            "A bomb at the 16th Street Baptist Church killed four girls; the 101st Airborne "
            "went in. It ended on the 3rd.",
            ["16th Street Baptist Church", "101st Airborne"],
        ),
        # a shortened word or month is no name, nor part of one
        (
            "Approx. 40,000 joined. It was the Voting Rights Act of Aug. 1965.",
            ["Voting Rights Act"],
        ),
        ("Jan Smuts met them in Jan 1919.", ["Jan Smuts"]),
        # a numbered item's article opens no name, as a bulleted one's does not
        ("Notes.\n2. The boycott lasted 381 days.\n3. Alexandra ruled.", []),
        # ... and none of these misread: a stop after an initial or a king's number that
        # ends a sentence, a pronoun, a prefix's capital, a title, an abbreviation's stop
        ("Parliament executed Charles I. The monarchy ended.", ["Charles I"]),
        ("Aid came from the U.S.A. In 1948 Congress approved it.", ["U.S.A", "Congress"]),
        (
            "Then I realised that Churchill was right. World War I began.",
            [
                "Churchill",
                "World War I",
            ],
        ),
        ("Anti-Semitism grew. Austria-Hungary declared war.", ["Austria-Hungary"]),
        ("Kaiser Wilhelm II wanted a navy.", ["Wilhelm II"]),
        ("The case was Brown v. Board of Education.", ["Brown v. Board of Education"]),
        # "the" makes one name of a name and its epithet, at a sentence's start too ...
        ("Catherine the Great ruled Russia.", ["Catherine the Great", "Russia"]),
        ("In 1066 William the Conqueror won.", ["William the Conqueror"]),
        # ... and not of two names: an acronym, a title, a plural, a name of two words
        ("After Sharpeville the ANC turned to violence.", ["Sharpeville", "ANC"]),
        ("In Paris the King fled.", ["Paris", "King"]),
        ("In Moscow the Bolsheviks won.", ["Moscow", "Bolsheviks"]),
        ("After Stalingrad the Red Army advanced.", ["Stalingrad", "Red Army"]),
        ("Yet the Republic fell.", ["Republic"]),
        ("It was the Treaty of the Pyrenees.", ["Treaty of the Pyrenees"]),
        # ... after a word that opens a clause too, not after a preposition
        ("Before Alfred the Great came, Wessex was weak.", ["Alfred the Great", "Wessex"]),
        ("On Iona the Vikings burned the abbey.", ["Iona", "Vikings"]),
        # "and" inside the name of a law; a month that opens or ends a name
        ("in 1938 came the Wages and Hours Act.", ["Wages and Hours Act"]),
        ("Britain and France declared war.", ["France"]),
        ("The Bolsheviks' October Revolution ended it.", ["Bolsheviks", "October Revolution"]),
        ("in 1930 he led the Salt March.", ["Salt March"]),
        ("In April Lenin came back; on 3 March Kerensky spoke.", ["Lenin", "Kerensky"]),
        # a word cut short inside a name, and a body or a day that women's or people's opens
        ("in 1899 she joined the Int. Council of Women.", ["Int. Council of Women"]),
        ("Strikes began on International Women's Day.", ["International Women's Day"]),
        # "for" after the word that heads a decree's or a body's name, and no other "for"
        (
            "He had to sign the Decree for the Protection of the People.",
            ["Decree for the Protection of the People"],
        ),
        (
            "in 1958 the Campaign for Nuclear Disarmament began.",
            ["Campaign for Nuclear Disarmament"],
        ),
        # ... with an "and" in what it is for after its "of"; without an "of", two names
        (
            "In 1933 Hindenburg signed the Decree for the Protection of People and State.",
            ["Hindenburg", "Decree for the Protection of People and State"],
        ),
        (
            "The Campaign for Nuclear Disarmament and Labour marched.",
            ["Campaign for Nuclear Disarmament", "Labour"],
        ),
        # initials before a name, at a sentence's start or not, and two after a title or name
        ("F. W. de Klerk became president.", ["F. W. de Klerk"]),
        ("In 1948 the party, led by Dr D. F. Malan, won.", ["Dr D. F. Malan"]),
        ("In 1990 he met George H. W. Bush.", ["George H. W. Bush"]),
        ("In 1978 P. W. Botha took over.", ["P. W. Botha"]),
        # ... and so at a sentence's start, after its "The"
        (
            "The Act for the Restraint of Appeals stopped appeals to Rome.",
            ["Act for the Restraint of Appeals", "Rome"],
        ),
        ("in 1964 Congress voted for the Civil Rights Act.", ["Congress", "Civil Rights Act"]),
    ],
)
def test_names_keep_their_numbers_initials_and_ordinals(note: str, names: list[str]) -> None:
    from pastpaper.schemes.terms import names_in

    assert names_in(note) == names


@pytest.mark.parametrize(
    ("note", "points"),
    [
        # "and" inside a thing's name, between two conditions, or in a question's clause that
        # waits for its verb, cuts no point; nor does a rank's full stop before a name
        (
            "The first forts were motte and bailey forts made of wood and turf.",
            ["The first forts were motte and bailey forts made of wood and turf"],
        ),
        (
            "In 1862 the chemist was asked to find out why milk and cheese went bad.",
            ["In 1862 the chemist was asked to find out why milk and cheese went bad"],
        ),
        (
            "If a sheriff was robbed and the thief was not caught, the village paid a fine.",
            ["If a sheriff was robbed and the thief was not caught, the village paid a fine"],
        ),
        (
            "The king won because many barons and most of the towns stood by him.",
            ["The king won because many barons and most of the towns stood by him"],
        ),
        ("Gen. Haig met Amb. Page in London.", ["Gen. Haig met Amb. Page in London"]),
        # a stop after a shortened month at a line's end ends it: the next line is another
        (
            "1485 - Richard III killed (22 Aug.)\n16 June 1487 - Battle of Stoke.",
            ["1485 - Richard III killed (22 Aug.)", "16 June 1487 - Battle of Stoke"],
        ),
        # a second subject whose participle shares the passive's "were": one point, or the
        # second would read as active ("machines smashed, so that ...": who smashed what?)
        (
            "In 1830 barns were burned and machines smashed, so that few farmers dared use them.",
            ["In 1830 barns were burned and machines smashed, so that few farmers dared use them"],
        ),
        # two objects of one verb, each opened by a question's word
        (
            "The 1801 census counted how many people lived in each parish and what work they did.",
            ["The 1801 census counted how many people lived in each parish and what work they did"],
        ),
        # ... and two clauses are still two
        (
            "In 1830 barns were burned and the rioters fled to the woods.",
            ["In 1830 barns were burned", "the rioters fled to the woods"],
        ),
        (
            "The reforms introduced by Witte failed and the peasants rebelled.",
            ["The reforms introduced by Witte failed", "the peasants rebelled"],
        ),
        (
            "After early success the crops failed, and the poor harvest of 1963 forced imports.",
            ["After early success the crops failed", "the poor harvest of 1963 forced imports"],
        ),
        # an "After" clause before its main clause's comma is one with it; without the comma
        # "After 1945" is a time, and the clauses after it are two
        (
            "After the Scots defeated him and occupied Newcastle, Charles was forced to call "
            "the Long Parliament.",
            [
                "After the Scots defeated him and occupied Newcastle, Charles was forced to call "
                "the Long Parliament"
            ],
        ),
        (
            "After 1945 Britain lost India in 1947 and Burma left the empire in 1948.",
            ["After 1945 Britain lost India in 1947", "Burma left the empire in 1948"],
        ),
        # a clause that ends on its auxiliary says nothing alone ("jobs to do" is no such)
        (
            "Parliament could raise taxes while the king could not.",
            ["Parliament could raise taxes while the king could not"],
        ),
        ("Britain had a navy but Germany did not.", ["Britain had a navy but Germany did not"]),
        # an "and" that adds the last of a list of subjects, each after a comma; not one
        # that closes a list of objects before another verb
        (
            "Eisenhower feared that if Vietnam fell, Laos, Cambodia and perhaps even India "
            "would follow.",
            [
                "Eisenhower feared that if Vietnam fell, Laos, Cambodia and perhaps even India "
                "would follow"
            ],
        ),
        (
            "Railways were clogged with troop trains, so food and fuel could not reach the cities.",
            [
                "Railways were clogged with troop trains, so food and fuel could not reach the "
                "cities"
            ],
        ),
        (
            "Prices rose so much and wages fell behind.",
            ["Prices rose so much", "wages fell behind"],
        ),
        # ... nor one that adds to a main clause's subject after its clause of time
        (
            "When a second Diet at Speyer reversed this in 1529, six princes and fourteen "
            "cities protested.",
            [
                "When a second Diet at Speyer reversed this in 1529, six princes and fourteen "
                "cities protested"
            ],
        ),
        # a second adjective of what a copula says of its subject
        (
            "Many were young and skilled - doctors, engineers - so the brain drain hurt.",
            ["Many were young and skilled - doctors, engineers - so the brain drain hurt"],
        ),
        (
            "The banks were inspected and only the sound ones were allowed to reopen.",
            ["The banks were inspected", "only the sound ones were allowed to reopen"],
        ),
        (
            "The WPA built roads, airports, schools and bridges and employed thousands of artists.",
            ["The WPA built roads, airports, schools and bridges", "employed thousands of artists"],
        ),
        (
            "The others were sacked, but then given unimportant jobs to do.",
            ["The others were sacked", "then given unimportant jobs to do"],
        ),
    ],
)
def test_a_point_is_not_cut_inside_a_name_a_condition_or_a_waiting_clause(
    note: str, points: list[str]
) -> None:
    assert [p.text for p in note_points(note, 0)] == points


def test_notes_under_a_why_question_that_explain_nothing_in_words_are_its_reasons() -> None:
    # Not one sentence says "because", "led to" or the like: the notes are still what their
    # writer gives as the reasons, and the question must be markable.
    notes = (
        "1: Youth\n\n2018: Explain why the Scouts grew quickly after 1908. (6)\n\n"
        "The movement offered camping, tracking and games. Patrols such as the Wolves met "
        "every week.\n\nBaden-Powell toured the country giving talks."
    )
    family = parse_notes(notes).course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    assert [p.point.text for p in scheme.points if p.creditable] == [
        "The movement offered camping, tracking and games",
        "Patrols such as the Wolves met every week",
        "Baden-Powell toured the country giving talks",
    ]
    # Where one paragraph explains, a paragraph that only tells what happened stays a
    # description, as before.
    explained = notes + "\n\nParents liked it because it taught discipline."
    family = parse_notes(explained).course.topics[0].families[0]
    kinds = {p.text: p.kind for p in family_points(family)}
    assert kinds["Baden-Powell toured the country giving talks"] == "feature"


@pytest.mark.parametrize(
    ("note", "points"),
    [
        (
            "The raiders burned the farms, and barns were torched and cattle slaughtered, so "
            "that the valley starved.",
            [
                "The raiders burned the farms",
                "barns were torched and cattle slaughtered, so that the valley starved",
            ],
        ),
        (
            "The general retired in May 1871, his army and honour shattered, and a younger man "
            "took command.",
            [
                "The general retired in May 1871, his army and honour shattered",
                "a younger man took command",
            ],
        ),
        # One subject's two verbs, an adverb before the second: no noun and its participle.
        (
            "Most townsmen were loyal and quietly stayed at home.",
            ["Most townsmen were loyal", "quietly stayed at home"],
        ),
    ],
)
def test_a_noun_and_its_participle_with_were_left_out_is_no_clause(
    note: str, points: list[str]
) -> None:
    """A noun and its participle after "were torched and" share the "were": cut there, "cattle
    slaughtered" would say the cattle did the slaughtering (trial 12); nor is "honour
    shattered" a clause of its own (trial 13)."""
    assert [p.text for p in note_points(note, 0)] == points
