"""Cards, dates and points from terse notes of a new user's kind: short spans of years
("1967-8"), shorthands ("avg."), names opening bullets, quotations and brackets inside a
sentence, numbers given roughly. The notes are made up for these tests."""

from __future__ import annotations

from pastpaper.course import Course, QuestionFamily
from pastpaper.ingest import parse_notes
from pastpaper.language import as_number
from pastpaper.schemes.clauses import parse_clause
from pastpaper.schemes.kinds import kind_of
from pastpaper.schemes.periods import asked_until, point_date
from pastpaper.schemes.points import family_points
from pastpaper.schemes.scheme import build_scheme
from pastpaper.schemes.terms import facts, names_in
from pastpaper.study.cards import Card, cards_of
from pastpaper.study.timeline import timeline


def course_of(*lines: str, question: str = "Describe the events of these years. (6)") -> Course:
    body = "\n".join(f"- {line}" for line in lines)
    return parse_notes(f"3: Terse notes\n\n2019: {question}\n\n{body}").course


def first_family(notes: str) -> QuestionFamily:
    return parse_notes(notes).course.topics[0].families[0]


def basic(cards: list[Card]) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in cards if c.kind == "basic"]


def test_a_span_that_ends_in_one_figure_is_whole() -> None:
    course = course_of("1967-8 near civil war between rival factions -> the army restored order")
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("1967–1968", "Near civil war between rival factions -> the army restored order")
    ]
    hidden = [c.back for c in cards_of(course) if c.kind == "cloze"]
    assert "1967-8" in hidden and "1967" not in hidden
    # Not a span: a figure set apart from the year ("1914 - 5 divisions").
    assert [(e.label, e.text) for e in timeline(course_of("In 1914 - 5 divisions landed"))] == [
        ("1914", "5 divisions landed")
    ]


def test_a_short_span_end_is_a_year_of_the_point() -> None:
    years = [
        f.value
        for f in facts("The slump of 1929-33 and the crisis of 1967-8", [])
        if f.kind == "year"
    ]
    assert years == ["1929", "1933", "1967", "1968"]
    numbers = [f.value for f in facts("The slump of 1929-33", []) if f.kind == "number"]
    assert numbers == []


def test_avg_shortens_and_ends_no_point() -> None:
    course = course_of("villages: approx. 21,000 villages, avg. 4,800 people each")
    family = course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "villages: approx. 21,000 villages, avg. 4,800 people each"
    ]


def test_this_with_a_verb_in_ed_is_a_subject_and_asks_nothing() -> None:
    clause = parse_clause("This overturned the ruling which had been accepted since 1896")
    assert clause is not None and (clause.subject, clause.verb) == ("This", "overturn")
    described = parse_clause("These armed bands attacked the town")
    assert described is not None and described.subject == "These armed bands"
    course = course_of(
        "The court ruled against the schools in May 1954. "
        "This overturned the ruling which had been accepted since 1896."
    )
    assert not [front for front, _ in basic(cards_of(course)) if "this" in front.lower()]


def test_no_verb_is_read_inside_a_quotation_or_a_bracket() -> None:
    clause = parse_clause("Her 'we shall never give in' speech of June 1940 rallied the nation")
    assert clause is not None and clause.verb == "rally"
    bracketed = parse_clause("Attlee's government (elected July 1945) wanted to leave at once")
    assert bracketed is not None and (bracketed.subject, bracketed.verb) == (
        "Attlee's government (elected July 1945)",
        "want",
    )
    course = course_of("Attlee's government (elected July 1945) wanted to leave at once")
    assert not [front for front, _ in basic(cards_of(course)) if "elect" in front]


def test_a_what_question_is_not_answered_by_a_date() -> None:
    course = course_of("Caesar killed 15 March 44 BC b/c senators feared a king")
    assert not [front for front, _ in basic(cards_of(course)) if front.startswith("What")]


def test_a_name_that_opens_a_bullet_keeps_its_capital() -> None:
    course = course_of(
        "Kennedy proposed a civil rights bill in June 1963",
        "Inflation rose fast in 1923",
        "Passive resistance was called off in September 1923",
    )
    assert basic(cards_of(course)) == [
        ("When did Kennedy propose a civil rights bill?", "June 1963"),
        ("When did inflation rise fast?", "1923"),
        ("When was passive resistance called off?", "September 1923"),
    ]


def test_a_number_given_roughly_is_asked_how_many() -> None:
    course = course_of("Gandhi and 78 followers walked about 240 miles to Dandi")
    assert basic(cards_of(course)) == [
        ("How many miles did Gandhi and 78 followers walk to Dandi?", "about 240")
    ]


def test_a_list_item_that_heads_an_indented_list_is_a_label() -> None:
    notes = (
        "4: Protest\n\n2013: In what ways did the campaign challenge the government? (10)\n\n"
        "- The bus boycott\n"
        "  - Began on 5 December 1955 after an arrest\n"
        "  - Black residents walked or shared cars for over a year\n"
        "- A short item that stays a point\n"
    )
    family = first_family(notes)
    assert [p.text for p in family_points(family)] == [
        "Began on 5 December 1955 after an arrest",
        "Black residents walked or shared cars for over a year",
        "A short item that stays a point",
    ]


def test_a_list_items_opening_word_is_no_name() -> None:
    course = course_of(
        "Instead they got emergency powers in 1919",
        "On 1 December 1955 Rosa Parks refused to move",
        "Officially 379 were killed",
        "Alexandra ruled in his absence",
        "targets mostly met -> success BUT farming neglected",
    )
    family = course.topics[0].families[0]
    named = [f.value for p in family_points(family) for f in p.facts if f.kind == "name"]
    assert named == ["Rosa Parks", "Alexandra"]


def test_a_failure_named_as_an_event_is_no_verdict() -> None:
    notes = (
        "2: China\n\n"
        "2012: Why did Mao launch the campaign in 1966? (8)\n"
        "2016: Describe the role of the students in the campaign. (6)\n\n"
        "- Mao wanted to win back power after the failure of the Leap\n"
        "- students attacked old customs and destroyed temples\n"
    )
    family = first_family(notes)
    describe = build_scheme(family.questions[1], family)
    # The first item is no verdict heading the list, so the students' deeds are features.
    credited = [p.point.text for p in describe.creditable]
    assert "students attacked old customs and destroyed temples" in credited


def test_more_past_tenses_are_verbs() -> None:
    clause = parse_clause("Chiang fled to Taiwan in December 1949")
    assert clause is not None and (clause.subject, clause.verb) == ("Chiang", "flee")
    course = course_of("Stalin forbade the satellites to take the aid, and answered it in 1947")
    family = course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "Stalin forbade the satellites to take the aid",
        "answered it in 1947",
    ]


def test_a_point_that_continues_a_clause_it_cannot_read_borrows_no_subject() -> None:
    # The groups were beaten, not the committee: with no reading of "mixed groups rode ...",
    # the point makes no card rather than one about the committee.
    course = course_of(
        "The committee organised the rides of 1961, when mixed groups rode buses through "
        "the South and were beaten in Anniston"
    )
    assert not [c for c in cards_of(course) if "Anniston" in c.front + c.back]


def test_a_means_put_to_a_purpose_and_a_pledge_are_reasons() -> None:
    assert kind_of("Southern politicians used this vagueness to delay") == "reason"
    assert kind_of("Congressmen signed a manifesto promising to resist the ruling") == "reason"
    assert kind_of("The army used tanks in 1956") == "feature"


def test_a_date_moved_is_no_date_of_the_point_nor_an_event() -> None:
    assert point_date("brought the date forward from June 1948 to 15 August 1947") is None
    assert point_date("the government ruled from 1956 to 1960") == (1956, None)
    notes = (
        "5: Partition\n\n"
        "2015: How far was the war the main reason why Britain left India in 1947? (15)\n\n"
        "Mountbatten became Viceroy in March 1947 and brought the date forward from "
        "June 1948 to 15 August 1947."
    )
    course = parse_notes(notes).course
    family = course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    assert "brought the date forward from June 1948 to 15 August 1947" in [
        p.point.text for p in scheme.creditable
    ]
    assert [e.label for e in timeline(course)] == ["March 1947"]


def test_a_paragraph_on_another_factor_is_the_other_side() -> None:
    notes = (
        "7: Civil rights\n\n"
        "2010: How far was King responsible for the movement's successes by 1965? (15)\n\n"
        "King's leadership gave the movement national attention.\n\n"
        "Presidents also mattered. Kennedy proposed a civil rights bill in June 1963.\n"
    )
    family = first_family(notes)
    scheme = build_scheme(family.questions[0], family)
    sides = {p.point.text: p.side for p in scheme.creditable}
    assert sides == {
        "King's leadership gave the movement national attention": "for",
        "Presidents also mattered": "against",
        "Kennedy proposed a civil rights bill in June 1963": "against",
    }


def test_two_dated_events_run_together_with_a_comma_are_two_events() -> None:
    course = course_of(
        "Mao died 9 Sep 1976, Gang of Four arrested Oct 1976",
        "Crassus had been killed in 53 BC and Julia, his ally's wife, had died in 54 BC",
    )
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("54 BC", "Crassus had been killed in 53 BC and Julia, his ally's wife, had died in 54 BC"),
        ("53 BC", "Crassus had been killed in 53 BC and Julia, his ally's wife, had died in 54 BC"),
        ("9 September 1976", "Mao died 9 Sep 1976"),
        ("October 1976", "Gang of Four arrested Oct 1976"),
    ]


def test_a_dated_item_over_a_list_is_an_event_but_no_point() -> None:
    notes = (
        "4: Gandhi\n\n2013: In what ways did Gandhi challenge British rule? (10)\n\n"
        "- The Round Table Conferences in London (1930-32)\n"
        "  - Gandhi attended only the second, as the sole voice of Congress\n"
    )
    course = parse_notes(notes).course
    family = course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "Gandhi attended only the second, as the sole voice of Congress"
    ]
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("1930–1932", "The Round Table Conferences in London")
    ]


def test_names_with_a_possessive_an_epithet_or_a_nickname_are_whole() -> None:
    course = course_of(
        "The Women's Political Council printed leaflets overnight",
        "Frederick the Wise of Saxony protected the monk",
        "Tetzel raised money for St Peter's Basilica in Rome",
        "The Peasants' Revolt of 1525 was crushed",
        "When Eugene 'Bull' Connor turned hoses on children, the pictures shocked people",
        "Chiang fled to Taiwan Dec '49",
        "Stalin's portraits came down in 1956",
        "Thomas Pride's Purge of 1648 left the Rump",
    )
    hidden = {c.back for c in cards_of(course) if c.kind == "cloze"}
    assert {
        "Women's Political Council",
        "Frederick the Wise of Saxony",
        "St Peter's Basilica",
        "Peasants' Revolt",
        "Eugene 'Bull' Connor",
        "Taiwan",
        "Dec '49",
        "Thomas Pride's Purge",
    } <= hidden
    assert not hidden & {
        "Political Council",
        "Wise of Saxony",
        "Basilica",
        "Taiwan Dec",
        "Purge",
    }
    family = course.topics[0].families[0]
    named = {f.value for p in family_points(family) for f in p.facts if f.kind == "name"}
    assert "Stalin's portraits" not in named


def test_footnotes_sources_and_section_titles_are_structure() -> None:
    notes = (
        "1: Henry VIII\n\n2003: Why did Henry VIII break with Rome? (8)\n\n"
        "3. The Reformation Parliament, 1529-36\n\n"
        "Henry needed a male heir to secure the Tudor dynasty.[1] Anne refused to be a "
        "mistress.\n\n"
        "Footnotes: [1] Henry VII had won the crown in battle in 1485. [2] See a textbook.\n"
        "Sources: class textbook ch. 4; teacher's own notes, Sept. 2024.\n"
    )
    course = parse_notes(notes).course
    family = course.topics[0].families[0]
    points = family_points(family)
    assert [p.text for p in points] == [
        "Henry needed a male heir to secure the Tudor dynasty",
        "Anne refused to be a mistress",
    ]
    assert all(f.value != "1" for p in points for f in p.facts)
    assert timeline(course) == []
    assert not [c for c in cards_of(course) if "[" in c.front + c.back]


def test_a_quotation_in_markdown_keeps_its_attribution() -> None:
    notes = (
        "# Korea\n\n## 5: Korea\n\n"
        "### 2011: Why did the United States fight in Korea? (8)\n\n"
        "Truman feared communism would spread to Japan.\n\n"
        '> "If we let Korea down, the Soviets will keep right on going." (Harry Truman, 1950)\n'
    )
    family = parse_notes(notes, markdown=True).course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "Truman feared communism would spread to Japan",
        '"If we let Korea down, the Soviets will keep right on going." (Harry Truman, 1950)',
    ]


def test_a_number_with_a_shorthand_scale_is_whole() -> None:
    assert [f.value for f in facts("approx 1.5m children and £3bn of loans", [])] == [
        "1.5m",
        "3bn",
    ]
    assert (as_number("1.5m"), as_number("3bn")) == ("1500000", "3000000000")
    course = course_of("In 1939 approx 1.5m children were moved out of the cities")
    assert "1.5m" in [c.back for c in cards_of(course) if c.kind == "cloze"]


def test_what_is_not_asked_of_what_is_no_object() -> None:
    course = course_of(
        "About 2.5 million people died, including roughly 36,000 Americans",
        "MacArthur drove the North Koreans back",
        "Short Parliament sat Apr-May 1640",
        "Pride's Purge 6 Dec 1648 removed approx 140 MPs",
        "The Parliament met for the first time in November 1529 and sat for seven years",
    )
    assert basic(cards_of(course)) == [
        ("When did the Parliament meet for the first time?", "November 1529")
    ]


def test_a_shorthand_opening_an_item_and_another_factor() -> None:
    course = course_of("Approx 200,000 died in the wars in England")
    family = course.topics[0].families[0]
    assert [f.value for p in family_points(family) for f in p.facts if f.kind == "name"] == [
        "England"
    ]
    notes = (
        "1: Africa\n\n"
        "2013: How far were economic motives the main cause of the Scramble? (15)\n\n"
        "Industrial countries wanted raw materials such as rubber.\n\n"
        "National rivalry mattered just as much. France looked for prestige overseas.\n"
    )
    family = first_family(notes)
    sides = {p.point.text: p.side for p in build_scheme(family.questions[0], family).creditable}
    assert sides == {
        "Industrial countries wanted raw materials such as rubber": "for",
        "National rivalry mattered just as much": "against",
        "France looked for prestige overseas": "against",
    }


def test_what_had_not_been_done_is_a_reason() -> None:
    notes = (
        "3: Zulu War\n\n"
        "2015: Why did the Zulu defeat the British at Isandlwana in 1879? (6)\n\n"
        "The British commander had split his force and the camp had not been fortified.\n"
    )
    family = first_family(notes)
    credited = [p.point.text for p in build_scheme(family.questions[0], family).creditable]
    assert credited == [
        "The British commander had split his force",
        "the camp had not been fortified",
    ]


def test_a_passive_written_without_its_was_is_asked_as_a_passive() -> None:
    course = course_of(
        "1896: Italy defeated at Adwa",
        "Rebels defeated near Doncaster in 1536",
        "Rebels defeated the royal army in 1537",
    )
    assert basic(cards_of(course)) == [
        ("When was Italy defeated at Adwa?", "1896"),
        ("When were rebels defeated near Doncaster?", "1536"),
        ("When did rebels defeat the royal army?", "1537"),
    ]


def test_circa_without_a_space_and_a_span_of_months() -> None:
    course = course_of(
        "Printing spread across Europe c.1500",
        "Stonehenge was raised c.1000 BCE",
        "Putney Debates Oct-Nov 1647 argued about the vote",
    )
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("c. 1000 BC", "Stonehenge was raised c.1000 BCE"),
        ("c. 1500", "Printing spread across Europe c.1500"),
        ("October–November 1647", "Putney Debates Oct-Nov 1647 argued about the vote"),
    ]
    hidden = {c.back for c in cards_of(course) if c.kind == "cloze"}
    assert {"Putney Debates", "Oct-Nov 1647"} <= hidden
    # A question's span of months ends with its last month.
    assert asked_until("Describe the Suez crisis, Jul-Nov 1956.") == (1956, 11)


def test_had_two_people_done_is_one_point() -> None:
    course = course_of(
        "The King swore to forgive the rebels, then had Kett and some 40 followers hanged in 1549",
        "The Duke had an army and the rebels lost their nerve",
    )
    family = course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "The King swore to forgive the rebels, then had Kett and some 40 followers hanged in 1549",
        "The Duke had an army",
        "the rebels lost their nerve",
    ]
    hidden = {c.back for c in cards_of(course) if c.kind == "cloze"}
    assert {"Kett", "40", "1549"} <= hidden


def test_a_date_promised_for_later_is_not_when_it_happened() -> None:
    course = course_of(
        "After the armistice of July 1953, the talks at Panmunjom promised a peace conference"
        " in 1954",
        "Chamberlain promised peace in 1938",
    )
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("1938", "Chamberlain promised peace in 1938"),
        (
            "July 1953",
            "After the armistice of July 1953, the talks at Panmunjom promised a peace"
            " conference in 1954",
        ),
    ]


def test_cards_of_a_new_users_handout_read_as_questions() -> None:
    course = course_of(
        "On 9 November 1799 about 60 grenadiers cleared the council chamber",
        "When the Directory lost support, the generals seized power in 1799",
        "Austria and the Kingdom of Naples joined the coalition in 1798",
        "Exports barely rose above the 1913 level",
        "J. R. Jones became mayor in 1921",
    )
    asked = basic(cards_of(course))
    assert ("When did about 60 grenadiers clear the council chamber?", "9 November 1799") in asked
    assert (
        "When did the generals seize power when the Directory lost support?",
        "1799",
    ) in asked
    assert ("When did Austria and the Kingdom of Naples join the coalition?", "1798") in asked
    assert ("When did J. R. Jones become mayor?", "1921") in asked
    assert not any(front.startswith("What did exports") for front, _ in asked)


def test_a_table_of_dates_written_without_was_is_asked_in_the_passive() -> None:
    notes = (
        "## Rhodesia\n\n2021: Describe the road to independence. (6)\n\n"
        "| Date | Event |\n|---|---|\n"
        "| 11 November 1965 | Independence declared by Ian Smith |\n"
        "| 3 March 1978 | Internal settlement signed |\n"
        "| 18 April 1980 | Mugabe elected prime minister |\n"
        "| 1974 | Nationalist leaders released |\n"
    )
    asked = basic(cards_of(parse_notes(notes, "rhodesia.md").course))
    assert ("When was Internal settlement signed?", "3 March 1978") in asked
    assert ("When were Nationalist leaders released?", "1974") in asked
    assert ("When was Mugabe elected prime minister?", "18 April 1980") in asked
    assert not any(front.endswith(("release?", "sign?")) for front, _ in asked)


def test_money_shares_and_fractions_are_hidden_whole() -> None:
    course = course_of(
        "The tax took 2% of every sale",
        "The minimum wage began at £4.10 an hour",
        "Settlers took c. 3/4 of the land by 1900",
        "Miners rushed to Sutter's Mill Jan 1848",
    )
    hidden = {c.back for c in cards_of(course) if c.kind == "cloze"}
    assert {"2%", "£4.10", "c. 3/4", "Sutter's Mill", "Jan 1848"} <= hidden
    assert not hidden & {"2", "4.10", "3", "4", "Sutter", "Mill"}


def test_a_timeline_tells_each_clause_of_a_sentence_at_its_own_date() -> None:
    course = course_of(
        "The siege of Orleans began in October 1428, and Joan of Arc relieved the city on 8 May"
        " 1429",
        "By the end of 1453 the English had lost Gascony, falling back on Calais on 19 October"
        " 1453",
        "On 4 June 1783 the brothers agreed to fly a balloon for the King in September 1783",
        "Caxton printed books at Westminster 1476 -> Wynkyn de Worde took over the press 1491",
        "1911 | 2.1 million",
    )
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("October 1428", "The siege of Orleans began in October 1428"),
        ("8 May 1429", "Joan of Arc relieved the city on 8 May 1429"),
        (
            "19 October 1453",
            "By the end of 1453 the English had lost Gascony, falling back on Calais on 19 October"
            " 1453",
        ),
        ("1476", "Caxton printed books at Westminster 1476"),
        ("1491", "Wynkyn de Worde took over the press 1491"),
        ("4 June 1783", "The brothers agreed to fly a balloon for the King in September 1783"),
    ]


def test_two_acts_joined_by_and_are_one_subject() -> None:
    course = course_of(
        "The Prohibition of Mixed Marriages Act (1949) and the Immorality Act (1950) banned"
        " marriage across the colour line"
    )
    family = course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == [
        "The Prohibition of Mixed Marriages Act (1949) and the Immorality Act (1950) banned"
        " marriage across the colour line"
    ]


def sides_of(notes: str) -> dict[str, str | None]:
    """Each point of the first question's scheme, and the side it argues."""
    family = first_family(notes)
    return {p.point.text: p.side for p in build_scheme(family.questions[0], family).points}


def test_a_how_far_scheme_reads_each_list_item_and_a_factor_held_responsible() -> None:
    notes = (
        "1: Plains\n\n2016: How far was the coming of the railways the main reason for the"
        " growth of the cattle trade? (16)\n\n"
        "- railways reached Abilene in 1867, so herds could be shipped east\n"
        "- BUT demand also important: cities in the East wanted cheap beef\n"
        "- railway towns built stockyards"
    )
    sides = sides_of(notes)
    assert sides["BUT demand also important: cities in the East wanted cheap beef"] == "against"
    assert sides["railway towns built stockyards"] == "for"
    held = (
        "1: France\n\n2016: How far was the war with Austria responsible for the fall of the"
        " monarchy? (15)\n\nThe war with Austria went badly and the king was blamed.\n\n"
        "The sans-culottes stormed the Tuileries in August 1792."
    )
    sides = sides_of(held)
    assert sides["The war with Austria went badly"] == "for"
    assert sides["The sans-culottes stormed the Tuileries in August 1792"] == "against"


def test_a_dated_label_over_a_sublist_is_no_point_however_long_its_name() -> None:
    notes = (
        "## Power\n\n2016: Describe how Stalin removed his rivals. (8)\n\n"
        "- **The Trial of the Sixteen in Moscow** (August 1936)\n"
        "  - Zinoviev and Kamenev were shot."
    )
    family = parse_notes(notes, "power.md").course.topics[0].families[0]
    assert [p.text for p in family_points(family)] == ["Zinoviev and Kamenev were shot"]
    assert [e.label for e in timeline(parse_notes(notes, "power.md").course)] == ["August 1936"]


def test_what_someone_helped_or_was_forced_to_do_is_no_why() -> None:
    course = course_of(
        "New tariffs have helped to protect British farmers from cheap imports",
        "Wolsey was forced to raise taxes for the war in France",
        "Henry VII married Elizabeth of York to secure his throne",
    )
    asked = basic(cards_of(course))
    assert not any(front.startswith(("Why have", "Why was")) for front, _ in asked)
    assert ("Why did Henry VII marry Elizabeth of York?", "to secure his throne") in asked


def test_an_irregular_participles_aside_is_not_the_clauses_verb() -> None:
    course = course_of("The Amicable Grant, set for every layman in 1525, was refused in the south")
    fronts = [front for front, _ in basic(cards_of(course))]
    assert not any("Grant set" in front or "did the Amicable Grant" in front for front in fronts)


def test_a_change_from_one_year_to_another_is_one_span() -> None:
    course = course_of(
        "The navy grew from 12,000 men in 1889 to 60,000 in 1913",
        "In 1900 the fleet had 20 battleships, and by 1914 it had 29",
    )
    # (A span stands at its middle, 1901: after 1900. "by 1914" only bounds.)
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("1900", "The fleet had 20 battleships, and by 1914 it had 29"),
        ("1889–1913", "The navy grew from 12,000 men in 1889 to 60,000 in 1913"),
    ]


def test_an_abstract_noun_that_opens_a_sentence_is_asked_in_lower_case() -> None:
    course = course_of(
        "Conscription was introduced in March 1935.",
        "Hephaestion died in 324 BC.",
    )
    assert basic(cards_of(course)) == [
        ("When was conscription introduced?", "March 1935"),
        ("When did Hephaestion die?", "324 BC"),  # a name, though it ends as "-tion" does
    ]


def test_a_phrase_or_name_in_another_language_is_hidden_whole() -> None:
    course = course_of(
        "The levée en masse of 23 August 1793 raised an army of over 750,000 men.",
        "In December 1961 Mandela and others set up Umkhonto we Sizwe (MK).",
    )
    hidden = [c.back for c in cards_of(course) if c.kind == "cloze"]
    assert "levée en masse" in hidden and "Umkhonto we Sizwe" in hidden
    assert not {"levée", "masse", "Umkhonto", "Sizwe"} & set(hidden)
    # English's own small words still end a term or a name.
    assert "corvée" in [c.back for c in cards_of(course_of("The corvée of 1787 was hated."))]
    assert names_in("In Britain we see Labour win.") == ["Britain", "Labour"]


def test_a_sub_items_it_is_the_thing_its_label_names() -> None:
    notes = (
        "3: Terse notes\n\n2016: Describe how Hitler made himself dictator. (8)\n\n"
        "- **The Enabling Act** (23 March 1933)\n"
        "  - It let Hitler make laws without the Reichstag for four years.\n"
        "- Hitler became chancellor in January 1933\n"
        "  - It shocked the left.\n"
    )
    cards = cards_of(parse_notes(notes).course)
    assert (
        "How many years did the Enabling Act let Hitler make laws without the Reichstag?",
        "four",
    ) in basic(cards)
    # Under an item that says something rather than names it, "It" stays unexplained.
    assert not [c for c in cards if "shocked" in c.front]


def test_a_figure_after_a_shortened_word_stays_in_its_sentence() -> None:
    course = course_of(
        "Sent 18,000 troops to Crimean War 1855 -> seat at Paris peace conf. 1856.",
        "Plombières agreement w/ Napoleon III (July 1858) -> French help vs Austria.",
    )
    texts = [p.text for p in family_points(course.topics[0].families[0])]
    assert texts[0] == "Sent 18,000 troops to Crimean War 1855 -> seat at Paris peace conf. 1856"
    assert "1856" not in texts  # a year alone is no point


def test_a_rough_figure_and_a_range_are_hidden_whole() -> None:
    course = course_of(
        "c. 1,000 villages deserted",
        "STM lasts about 18 to 30 seconds without rehearsal",
        "Prices rose from 5 to 10 marks",
        "Ethanoic acid is weak: only about 1 in 100 of its molecules ionises",
    )
    hidden = [(c.front, c.back) for c in cards_of(course) if c.kind == "cloze"]
    assert ("{{c1::c. 1,000}} villages deserted.", "c. 1,000") in hidden  # not "C. 1,000"
    assert ("STM lasts about {{c1::18 to 30}} seconds without rehearsal.", "18 to 30") in hidden
    assert "1 in 100" in {back for _, back in hidden}
    # A change from one figure to another is two figures.
    assert {back for _, back in hidden} >= {"5", "10"}


def test_a_countrys_name_keeps_its_capital_and_a_count_no_comma() -> None:
    course = course_of(
        "Italy sent about 75,000 troops to Spain.",
        "Britain left the gold standard on 21 September 1931.",
        "In November 1950 about 300,000 Chinese troops entered the war.",
    )
    fronts = [front for front, _ in basic(cards_of(course))]
    assert "How many troops did Italy send to Spain?" in fronts
    assert "When did Britain leave the gold standard?" in fronts
    assert "When did about 300,000 Chinese troops enter the war?" in fronts


def test_a_she_beside_a_him_is_not_put_in_the_mans_place() -> None:
    notes = (
        "3: Tudors\n\n2003: Why did Henry VIII break with Rome? (10)\n\n"
        "Henry VIII had married Catherine of Aragon in June 1509. By the mid-1520s she was over"
        " forty and had given him only one surviving child, Princess Mary.\n\n"
        "Elizabeth came to the throne in 1558. She restored the royal supremacy in 1559.\n\n"
        "Henry summoned Parliament in 1529. He wanted a son. She refused the divorce in 1531.\n"
    )
    texts = [c.front for c in cards_of(parse_notes(notes).course)]
    assert not any("Henry VIII was over" in t or "Henry VIII had given" in t for t in texts)
    assert not any("Henry refused" in t or "did Henry refuse" in t for t in texts)
    assert "When did Elizabeth restore the royal supremacy?" in texts


def test_questions_that_would_misread_their_sentence_are_not_asked() -> None:
    course = course_of(
        "Short-term memory holds about seven items, as Miller found in 1956.",
        "In Jarrow, where Palmer's shipyard closed in 1934, 70% were out of work.",
        "The government moved three times.",
        "In February 1936 the Popular Front won the election and street violence grew.",
        "The bus company lost about 65 percent of its income.",
        "Kim Il-sung led the communist North and Syngman Rhee the South.",
        "The larger ones followed in 1538-40.",
        "Ministers such as Calonne tried to bring in a land tax in 1786.",
    )
    fronts = {front: back for front, back in basic(cards_of(course))}
    assert not [f for f in fronts if "Miller find" in f or "did where" in f or "of its did" in f]
    assert "What did the government move?" not in fronts
    assert "What did Kim Il-sung lead?" not in fronts
    assert "When did the larger ones follow?" not in fronts
    assert fronts["When did the Popular Front win the election?"] == "February 1936"
    assert fronts["How many times did the government move?"] == "three"
    assert "When did ministers such as Calonne try to bring in a land tax?" in fronts


def test_a_name_a_past_verb_opens_and_a_number_in_words_are_hidden_apart_and_whole() -> None:
    course = course_of(
        "Met Victor Emmanuel at Teano, 26 October 1860 -> handed over the south.",
        "In August 1914 about one hundred thousand men volunteered.",
        "Fighting settled near the 38th parallel from mid-1951.",
    )
    hidden = {c.back for c in cards_of(course) if c.kind == "cloze"}
    assert {"Victor Emmanuel", "one hundred thousand", "mid-1951"} <= hidden
    assert not {"Met Victor Emmanuel", "hundred thousand", "1951"} & hidden


def test_a_timeline_leaves_out_sources_and_states_before_and_keeps_a_dated_subject() -> None:
    course = course_of(
        "Unemployment rose from about 1.5 million in 1929 to almost three million in January 1933.",
        '"The Muslims of India are a nation, not a minority." (Jinnah, 1940)',
        "The border stayed almost where it had been in 1950.",
        "The Agrarian Reform Law of September 1932 settled only about 12,000 families by 1934.",
    )
    assert [e.label for e in timeline(course)] == ["1929–1933", "September 1932"]


def test_the_sides_of_a_judgement_follow_its_view_and_its_factor() -> None:
    spain = sides_of(
        "3: Spain\n\n2003: To what extent did foreign help explain the Nationalist victory? (20)"
        "\n\nForeign intervention mattered greatly. Italy sent about 75,000 troops.\n\n"
        "The Republic was also weakened by its own divisions.\n"
    )
    assert spain["Italy sent about 75,000 troops"] == "for"
    assert spain["The Republic was also weakened by its own divisions"] == "against"
    cavour = sides_of(
        "3: Italy\n\n2012: How far was Cavour responsible for Italian unification? (15)\n\n"
        "Cavour modernised Piedmont's economy. Prussia's wars, not Cavour, gave Italy Venetia"
        " in 1866.\n"
    )
    assert cavour["Prussia's wars, not Cavour, gave Italy Venetia in 1866"] == "against"
    leap = sides_of(
        "3: China\n\n2015: To what extent was the Great Leap Forward a disaster? (15)\n\n"
        "Steel from backyard furnaces was useless. Peng Dehuai criticised the Leap in 1959.\n"
    )
    assert leap["Peng Dehuai criticised the Leap in 1959"] == "for"
    model = sides_of(
        "3: Memory\n\n2015: Evaluate the multi-store model of memory. (16)\n\n"
        "HM's short-term memory still worked. The model is also criticised for being too"
        " simple.\n"
    )
    assert model["The model is also criticised for being too simple"] == "against"


def test_names_of_cases_and_acts_that_open_a_line_are_whole() -> None:
    assert names_in("Brown v. Board of Education (1954) ended segregation in schools.") == [
        "Brown v. Board of Education"
    ]
    assert names_in("Civil Rights Act of 1964 banned segregation.") == ["Civil Rights Act"]
    assert names_in("1884-85: Berlin Conference") == ["Berlin Conference"]
    assert names_in("- CCP vs GMD civil war resumed 1946.") == ["CCP", "GMD"]
    # A past tense opening a line, and a unit's letter, are no names.
    assert names_in("Modernised the army.") == []
    assert names_in("At 45 degrees C the enzyme denatures.") == []


def test_a_condition_with_examples_is_a_reason_for_a_why_question() -> None:
    notes = (
        "3: Depression\n\n2016: Explain why the Depression hit Britain's old industries"
        " hardest. (6)\n\nThe Wall Street Crash of October 1929 cut American loans and demand,"
        " and world trade fell by about a third between 1929 and 1932. Britain's staple"
        " industries such as coal, cotton and shipbuilding depended on exports and were"
        " already in decline in the 1920s.\n"
    )
    family = first_family(notes)
    credited = [p.point.text for p in build_scheme(family.questions[0], family).creditable]
    assert (
        "Britain's staple industries such as coal, cotton and shipbuilding depended on exports"
        in credited
    )


def test_a_timeline_event_says_who_its_he_is() -> None:
    course = course_of("Malcolm X rejected non-violence. He was assassinated on 21/2/1965.")
    assert [e.text for e in timeline(course)] == ["Malcolm X was assassinated on 21/2/1965"]
    # The sentence before may name places too, where its subject went or acted.
    course = course_of(
        "Washington was driven out of New York. He crossed the Delaware on 25 December 1776.",
        "On 10/12/1520 Luther burned the bull at Wittenberg. He was excommunicated in 1521.",
    )
    assert {e.text for e in timeline(course)} >= {
        "Washington crossed the Delaware on 25 December 1776",
        "Luther was excommunicated in 1521",
    }
    # Not where it names another who may be the "he": "Kitchener sent Churchill ..."
    course = course_of("Kitchener sent Churchill to France. He resigned in November 1915.")
    assert [e.text for e in timeline(course)] == ["He resigned in November 1915"]


def test_a_judgements_sides_read_the_view_it_weighs_not_every_word_of_it() -> None:
    stresemann = sides_of(
        "3: Weimar\n\n2015: How far did Stresemann succeed in overcoming Weimar's weaknesses"
        " in the years 1924-29? (15)\n\nThe Dawes Plan of 1924 rescheduled reparations.\n\n"
        "Extremist parties did not disappear. Stresemann never won over the army.\n"
    )
    assert stresemann["Extremist parties did not disappear"] == "against"
    versailles = sides_of(
        "3: Peace\n\n2015: How far did the Treaty of Versailles bring peace to Europe? (15)"
        "\n\nThe Treaty of Versailles failed to satisfy Germany.\n\nThe League of Nations"
        " settled some disputes in the 1920s.\n"
    )
    assert versailles["The Treaty of Versailles failed to satisfy Germany"] == "against"
    cavour = sides_of(
        "3: Italy\n\n2012: How far was Cavour responsible for the unification of Italy? (15)"
        "\n\nCavour modernised Piedmont. Cavour, not Garibaldi, won French help in 1858.\n"
    )
    assert cavour["Cavour, not Garibaldi, won French help in 1858"] == "for"
    germany = sides_of(
        "3: 1914\n\n2015: How far was Germany to blame for the First World War? (15)\n\n"
        "Germany gave Austria a blank cheque. Germany did not want a general war.\n"
    )
    assert germany["Germany did not want a general war"] == "against"


def test_what_the_new_rules_leave_alone() -> None:
    course = course_of(
        "Nicholas II, as Commander-in-Chief, took personal command of the army in 1915.",
        "United Nations Security Council condemned the invasion in June 1950.",
        "Inflation rose from 5 to 10% in a year.",
        "Khrushchev gave the 'Secret Speech' (February 1956) attacking Stalin.",
    )
    cards = cards_of(course)
    fronts = [c.front for c in cards]
    assert "When did Nicholas II, as Commander-in-Chief, take personal command of the army?" in (
        fronts
    )
    hidden = {c.back for c in cards if c.kind == "cloze"}
    assert {"United Nations Security Council", "10%"} <= hidden
    assert "February 1956" in [e.label for e in timeline(course)]
    gallipoli = course_of("Gallipoli ruined Churchill. He resigned from the Admiralty in 1915.")
    assert [e.text for e in timeline(gallipoli)] == ["He resigned from the Admiralty in 1915"]
    assert names_in("One Party rule followed in 1933.") == ["Party"]
    assert names_in("Rivalry: Britain v Germany in the naval race.") == ["Germany"]


def test_a_she_for_another_person_than_the_he_before_keeps_her_cards() -> None:
    notes = (
        "3: Russia\n\n2015: Why did the Tsarist regime collapse in 1917? (10)\n\n"
        "The Tsar left for the front in 1915. He took command of the army in September 1915."
        " The Tsarina ran the government in Petrograd. She dismissed four prime ministers in"
        " 1916.\n"
    )
    fronts = [c.front for c in cards_of(parse_notes(notes).course)]
    assert "When did the Tsarina dismiss four prime ministers?" in fronts


def test_a_bold_label_in_a_paragraph_of_its_own_is_no_point() -> None:
    notes = (
        "## 1: Meiji\n\n### 2016: Describe the main reforms of the Meiji government. (6)\n\n"
        "**Political reforms**\n\n- In 1871 the domains were abolished.\n\n"
        "**Military reforms**\n\n- Conscription was introduced in 1873.\n"
    )
    texts = [p.text for p in family_points(first_family(notes))]
    assert texts == ["In 1871 the domains were abolished", "Conscription was introduced in 1873"]


def test_a_name_with_an_aside_or_a_possessive_keeps_its_capital() -> None:
    course = course_of(
        "Peel (Tory PM) bought approx. £100,000 of Indian corn from America, Nov. 1845.",
        "Caesar's enemies struck in 44 BC.",
    )
    fronts = [front for front, _ in basic(cards_of(course))]
    assert "What did Peel (Tory PM) buy from America?" in fronts
    assert "When did Caesar's enemies strike?" in fronts


def test_a_quotation_is_not_cut_at_its_and() -> None:
    notes = (
        "3: 1381\n\n2006: How far did the Peasants' Revolt fail? (10)\n\nRichard II went back"
        " on his promises, saying 'Villeins you are and villeins you shall remain.' The"
        " leaders were executed and the poll tax was dropped.\n"
    )
    texts = [p.text for p in family_points(first_family(notes))]
    assert texts[0].endswith("'Villeins you are and villeins you shall remain")
    assert texts[1:] == ["The leaders were executed", "the poll tax was dropped"]


def test_a_measure_that_did_too_little_argues_against_its_success() -> None:
    famine = sides_of(
        "3: Famine\n\n2015: How effective was the British government's response to the"
        " Famine? (10)\n\n- Soup kitchens fed approx. 3 million people a day by Aug. 1847.\n"
        "- Public works 1846-7: wages too low to buy food.\n"
    )
    assert famine["Public works 1846-7: wages too low to buy food"] == "against"
    assert famine["Soup kitchens fed approx. 3 million people a day by Aug. 1847"] == "for"


def test_terse_lines_ask_no_garbled_questions() -> None:
    course = course_of(
        "1846: approx. 3/4 of crop lost = near-total failure.",
        "Approx. 1 million died (c. 12% of pop.) 1845-52.",
        "Peasants resented this because lords still demanded labour services on their land.",
        "Many villages under-reported their numbers, so commissioners were sent in May 1381.",
        "1868: Emperor Meiji restored.",
    )
    fronts = [front for front, _ in basic(cards_of(course))]
    assert not [f for f in fronts if "=" in f or "What did approx" in f or "this?" in f]
    assert not [f for f in fronts if "numbers, so" in f]
    assert "When was Emperor Meiji restored?" in fronts


def test_the_one_told_stays_in_the_question() -> None:
    course = course_of(
        "In 1536 Aske told Henry VIII that the north wanted the abbeys back",
        "Witte warned the Tsar he would lose his throne",
    )
    assert basic(cards_of(course)) == [
        ("When did Aske tell Henry VIII that the north wanted the abbeys back?", "1536"),
        ("What did Witte warn the Tsar?", "he would lose his throne"),
    ]


def test_a_terse_passive_and_a_time_within_a_date_are_asked_plainly() -> None:
    course = course_of(
        "1530: Augsburg Confession completed",
        "1559: Treaty of Cateau-Cambrésis sealed",
        "The Bastille was stormed early on 14 July 1789",
        "1820: Cato Street plot crushed",
    )
    assert basic(cards_of(course)) == [
        ("When was Augsburg Confession completed?", "1530"),
        ("When was Treaty of Cateau-Cambrésis sealed?", "1559"),
        ("When was the Bastille stormed?", "14 July 1789"),
        ("When was the Cato Street plot crushed?", "1820"),
    ]


def test_a_passive_whose_were_is_left_to_the_clause_before_asks_no_what() -> None:
    # "cattle killed" shares the "were" of "farms were looted": the cattle did not
    # kill anyone.
    course = course_of(
        "In 1069 farms were looted and cattle killed, so that some 100,000 people starved"
    )
    fronts = [front for front, _ in basic(cards_of(course))]
    assert not [f for f in fronts if f.startswith("What did")], fronts


def test_an_events_name_and_a_left_out_was_make_no_part_of_the_question() -> None:
    course = course_of(
        "1864: Danish War, Prussia and Austria together took Schleswig from Denmark",
        "1-2 September 1870: Battle of Sedan, Napoleon III captured with over 100,000 men",
        "4 September: a republic declared in Paris",
        "2 November 1956: The UN General Assembly called for a ceasefire",
        "1866: Prussian troops marched into Holstein",
    )
    asked = basic(cards_of(course))
    assert ("When did Prussia and Austria take Schleswig from Denmark?", "1864") in asked
    assert ("When was Napoleon III captured with over 100,000 men?", "1-2 September 1870") in asked
    assert ("When was a republic declared in Paris?", "4 September") in asked
    # A verb with a preposition of its own is no passive: "called for", "marched into".
    assert ("When did the UN General Assembly call for a ceasefire?", "2 November 1956") in asked
    assert ("When did Prussian troops march into Holstein?", "1866") in asked
    # A list of events with its article is the subject, not a label before it.
    clause = parse_clause("The Battle of Britain, the Blitz and the V2s killed 60,000 civilians")
    assert clause is not None and clause.subject.startswith("The Battle of Britain")


def test_a_count_of_one_number_or_the_next_is_asked_and_hidden_whole() -> None:
    course = course_of("The Prussian infantry fired five or six shots while an Austrian reloaded")
    cards = cards_of(course)
    assert ("How many shots did the Prussian infantry fire?", "five or six") in basic(cards)
    assert [c.front for c in cards if c.kind == "cloze" and "{{c1::five" in c.front] == [
        "The Prussian infantry fired {{c1::five or six}} shots while an Austrian reloaded."
    ]
    assert not [c.front for c in cards if "{{c1::six" in c.front or "many or six" in c.front]


def test_an_ed_word_inside_an_apposition_is_not_the_verb_and_it_is_the_thing_named() -> None:
    course = course_of(
        "The blight, a fungus later named Phytophthora infestans, reached Ireland in "
        "September 1845. In 1846 it returned and the harvest failed."
    )
    asked = basic(cards_of(course))
    assert (
        "When did the blight, a fungus later named Phytophthora infestans, reach Ireland?",
        "September 1845",
    ) in asked
    assert ("When did the blight return?", "1846") in asked
    assert not [front for front, _ in asked if front.startswith("What did the blight")]


def test_a_labels_opening_word_or_a_reverent_pronoun_is_no_name() -> None:
    note = (
        "Other factors:\n- Nationalism: the 1848 revolutions showed it\n- Weak opponents: "
        "the rulers of Austria were short of money\n- Other great powers did not step in: "
        "the fleet of Britain stayed out\n- he could only grab the hem of His coat"
    )
    assert names_in(note) == ["Nationalism", "Austria", "Britain"]
    # An article that opens a list item is no name where it opens a sentence either.
    assert names_in("The Puritans wanted more.\n- The Wagner Act passed") == [
        "Puritans",
        "Wagner Act",
    ]


def test_a_quotation_is_asked_whole_and_a_bare_date_after_a_place_dates_the_clause() -> None:
    course = course_of(
        'In 1896 the Supreme Court case Plessy v. Ferguson had allowed "separate but equal" '
        "facilities",
        "Yorkshire rising led by Robert Aske, a lawyer; rebels entered York 16 Oct. 1536",
    )
    asked = basic(cards_of(course))
    assert (
        'When did the Supreme Court case Plessy v. Ferguson allow "separate but equal" facilities?',
        "1896",
    ) in asked
    assert ("When did rebels enter York?", "16 Oct. 1536") in asked
    assert not [back for _, back in asked if back.startswith("York ")]


def test_an_ordinal_before_a_name_the_notes_give_without_it_is_no_part_of_it() -> None:
    note = "- Norfolk agreed a truce at Doncaster\n- the 2nd Doncaster meeting of 6 Dec 1536"
    assert names_in(note) == ["Norfolk", "Doncaster", "Doncaster"]


def test_review_of_the_fifteenth_sitting_cards_and_names() -> None:
    course = parse_notes(
        "Notes.\n\n1: 1789\n\n2019: Describe the events of 1789. (6)\n\nOn 14 July 1789, a "
        "crowd stormed the Bastille, seized its gunpowder and killed its governor.\n\nThe "
        "Crimean War, the Indian Mutiny and the Opium Wars killed 50,000 British soldiers."
    ).course
    asked = basic(cards_of(course))
    assert ("When did a crowd storm the Bastille?", "14 July 1789") in asked
    assert (
        "What did the Crimean War, the Indian Mutiny and the Opium Wars kill?",
        "50,000 British soldiers",
    ) in asked
    assert names_in("The 1st Battalion held the bridge while the 2nd Battalion retreated.") == [
        "1st Battalion",
        "2nd Battalion",
    ]
