"""Cards: the seed's points made into question and cloze cards a teacher would keep."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pastpaper.course import Course, QuestionFamily, Topic
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.clauses import parse_clause
from pastpaper.study.cards import Card, cards_of, common_names, gives_away, worth_hiding
from pastpaper.text import match_key


def seed_cards(seed_path: Path) -> list[Card]:
    return cards_of(read_notes(seed_path).course)


def notes_course(*paragraphs: str, title: str = "Khrushchev") -> Course:
    """A one-topic course whose single family's notes are ``paragraphs``."""
    text = f"4: {title}\n\n1999: Describe the changes. (6)\n\n" + "\n\n".join(paragraphs)
    return parse_notes(text).course


def pairs(cards: list[Card], kind: str) -> list[tuple[str, str]]:
    return [(c.front, c.back) for c in cards if c.kind == kind]


# -- the seed ---------------------------------------------------------------------------------


def test_the_seed_makes_at_least_30_cards_of_both_kinds(seed_path: Path) -> None:
    cards = seed_cards(seed_path)
    assert len(cards) >= 30
    assert {c.kind for c in cards} == {"basic", "cloze"}


def test_the_seed_asks_these_questions(seed_path: Path) -> None:
    asked = pairs(seed_cards(seed_path), "basic")
    for expected in [
        ("When did Stalin die?", "March 1953"),
        ("How many years had Stalin ruled the Soviet Union?", "twenty-five"),
        ("When did Nikita Khrushchev appear as the new Soviet leader?", "1956"),
        ("When did Khrushchev attack Stalin in the Secret Speech?", "February 1956"),
        ("Why did Khrushchev remove old Stalinists?", "in order to establish his own power base"),
        (
            "Why did Khrushchev introduce de-Stalinisation?",
            "to protect his own position by getting rid of Stalin’s old supporters in the party",
        ),
        ("What was Khrushchev’s aim?", "to achieve ‘peaceful co-existence’ with the west"),
        ("How many regional economic councils did Khrushchev set up in 1957?", "150"),
        ("What did Khrushchev set up in 1957?", "150 regional economic councils (sovnarkhozy)"),
        ("When was the Seventh Five Year Plan launched?", "1959"),
        ("What did Khrushchev introduce in agriculture?", "the Virgin Lands scheme"),
    ]:
        assert expected in asked


def test_the_seed_hides_these_terms(seed_path: Path) -> None:
    hidden = pairs(seed_cards(seed_path), "cloze")
    for expected in [
        ("In {{c1::March 1953}} Stalin died.", "March 1953"),
        # "He had ruled": the card names the man the paragraph is about.
        ("Stalin had ruled the Soviet Union for {{c1::twenty-five}} years.", "twenty-five"),
        ("Inmates of the {{c1::gulags}} were released.", "gulags"),
        ("The powers of the {{c1::KGB}} were greatly reduced.", "KGB"),
        (
            "Alexander Solzhenitsyn was allowed to publish in the Soviet Union, ‘{{c1::One Day in "
            "the life of Ivan Denisovich}}’ that criticised the gulags.",
            "One Day in the life of Ivan Denisovich",
        ),
        # "... and set up 150 councils" borrows its sentence's "In 1957 Khrushchev".
        (
            "In 1957 Khrushchev set up 150 regional economic councils ({{c1::sovnarkhozy}}).",
            "sovnarkhozy",
        ),
        (
            "The Sixth Five Year Plan ({{c1::1956 - 1960}}) once again emphasised reaching "
            "targets in heavy industry.",
            "1956 - 1960",
        ),
    ]:
        assert expected in hidden


def test_a_card_knows_its_point_topic_family_and_sentence(seed_path: Path) -> None:
    card = next(c for c in seed_cards(seed_path) if c.front == "When did Stalin die?")
    assert card.point_id == "p14d262"
    assert (card.topic_number, card.topic, card.family) == (
        4,
        "Khrushchev’s attempts at modernisation",
        1,
    )
    assert card.source == "In March 1953 Stalin died"
    assert card.tags == (
        "khrushchevs-attempts-at-modernisation::topic-4",
        "khrushchevs-attempts-at-modernisation::topic-4::family-1",
    )
    assert Card.model_validate(card.model_dump()) == card


def test_tags_are_safe_for_anki(seed_path: Path) -> None:
    notes = ("In 1917 Tsar Nicholas abdicated the throne.",)
    family = QuestionFamily(notes=notes)
    course = Course(
        title="Russia", topics=(Topic(title="The Fall of the Tsar", families=(family,)),)
    )
    cards = seed_cards(seed_path) + cards_of(course)
    assert cards_of(course)[0].tags == (
        "russia::topic-the-fall-of-the-tsar",
        "russia::topic-the-fall-of-the-tsar::family-1",
    )
    assert all(" " not in tag for card in cards for tag in card.tags)


# -- what a teacher would keep ----------------------------------------------------------------


def test_no_cloze_hides_a_stop_word_a_tiny_word_or_an_everyday_word() -> None:
    course = notes_course(
        "In 1962 the Kremlin adopted the slogan ‘of’ for the ‘ab’ campaign in the West."
    )
    assert sorted(c.back for c in cards_of(course) if c.kind == "cloze") == ["1962", "Kremlin"]
    assert not worth_hiding("the", "Inmates of  gulags were released", set())
    assert not worth_hiding("ab", "the  campaign", set())
    assert not worth_hiding("West", "relations with the ", set())
    assert worth_hiding("Mongolia", "One went to be Ambassador to ", set())
    # A people is given away by its land shown beside it, not by another land.
    assert not worth_hiding("Germans", "many  resented the money that left Germany", set())
    assert worth_hiding("Prussians", "the  defeated Austria at Sadowa", set())


def test_no_cloze_hides_the_courses_common_names_or_describing_words(seed_path: Path) -> None:
    course = read_notes(seed_path).course
    assert common_names(course) == {
        "khrushchev",
        "nikita khrushchev",
        "stalin",
        "soviet",
        "soviet union",
    }
    hidden = {match_key(c.back) for c in cards_of(course) if c.kind == "cloze"}
    assert not hidden & (common_names(course) | {"stalinist", "stalinists"})


def test_no_cloze_hides_a_word_the_rest_of_its_text_gives_away(seed_path: Path) -> None:
    # "... the cultivation of lands in previously uncultivated parts of the Soviet Union"
    backs = [c.back for c in seed_cards(seed_path)]
    assert "uncultivated" not in backs
    assert not worth_hiding(
        "uncultivated", "This led to the cultivation of lands in previously", set()
    )


def test_no_question_holds_its_own_answer(seed_path: Path) -> None:
    assert gives_away("When did Khrushchev close the ministries in 1957?", "1957")
    assert gives_away("What did Stalin’s planners favour?", "Stalin’s planners")
    assert not gives_away("What did Khrushchev set up in 1957?", "150 regional councils")
    course = notes_course("In 1957 Khrushchev set up councils in 1957 and in Moscow.")
    assert pairs(cards_of(course), "basic") == []
    assert not any(gives_away(c.front, c.back) for c in seed_cards(seed_path) if c.kind == "basic")


def test_questions_are_questions(seed_path: Path) -> None:
    for front, _ in pairs(seed_cards(seed_path), "basic"):
        assert re.fullmatch(r"(When|How many|What|Who|Why) [^?]+\?", front), front
        assert not re.search(r"\b(?:he|she|this|that year)\b", front), front


def test_no_two_cards_share_a_front_or_hide_the_same_thing_in_one_sentence(
    seed_path: Path,
) -> None:
    cards = seed_cards(seed_path)
    assert len({match_key(c.front) for c in cards}) == len(cards)
    assert len({(c.kind, c.source, c.back) for c in cards}) == len(cards)
    # The same sentence in two families is carded once.
    note = "In 1957 Khrushchev set up 150 regional councils."
    once = cards_of(notes_course(note))
    twice = parse_notes(
        f"4: Khrushchev\n\n1999: Describe the changes. (6)\n\n{note}\n\n"
        f"2000: Why were councils set up? (4)\n\n{note}"
    ).course
    assert len(twice.topics[0].families) == 2
    assert cards_of(twice) == once


@pytest.mark.parametrize(
    "note",
    [
        "Stalin died 1953.",  # under four words
        "As Khrushchev put it, ‘what kind of communism is it that has no sausage in 1956?",
        "He had ruled the Soviet Union for twenty-five years.",  # no one named for "he"
    ],
)
def test_short_fragmentary_or_unexplained_points_make_no_card(note: str) -> None:
    assert cards_of(notes_course(note)) == []


def test_a_clause_whose_only_verb_is_did_makes_no_question_and_no_error() -> None:
    course = notes_course("In 1957 Khrushchev did this because he feared the army.")
    assert all(card.kind == "cloze" for card in cards_of(course))


def test_a_he_stands_for_the_person_last_named_as_a_subject() -> None:
    course = notes_course("In March 1953 Stalin died. He had ruled the country for 29 years.")
    assert ("How many years had Stalin ruled the country?", "29") in pairs(
        cards_of(course), "basic"
    )


def test_who_is_asked_about_people_and_what_about_things() -> None:
    course = notes_course(
        "In 1956 Khrushchev attacked Stalin. He denounced the cult in the Secret Speech. "
        "In 1964 the Presidium removed Khrushchev from office. "
        "In 1957 Khrushchev founded the sovnarkhozy in the regions.",
        title="Soviet leaders",
    )
    asked = pairs(cards_of(course), "basic")
    assert ("Who did the Presidium remove from office in 1964?", "Khrushchev") in asked
    assert ("What did Khrushchev found in the regions in 1957?", "the sovnarkhozy") in asked
    # Nothing says whether Stalin is a "who" or a "what": no card asks.
    assert "Stalin" not in [back for _, back in asked]


# -- Markdown and dates of every age ----------------------------------------------------------


def test_a_card_shows_no_markdown_and_a_bold_label_is_a_lead() -> None:
    course = notes_course(
        "Notes:\n\n"
        "- **Yalta, February 1945**: Churchill, Roosevelt and Stalin agreed to found the "
        "*United Nations*.\n"
        "- The `Big Three` met again at [Potsdam](https://example.org/potsdam) in July 1945.",
        title="The Grand Alliance",
    )
    cards = cards_of(course)
    assert (
        "Yalta, {{c1::February 1945}}: Churchill, Roosevelt and Stalin agreed to found the "
        "United Nations.",
        "February 1945",
    ) in pairs(cards, "cloze")
    assert ("When did the Big Three meet again at Potsdam?", "July 1945") in pairs(cards, "basic")
    for card in cards:
        assert not re.search(r"[*`]|\]\(|https?:", card.front + card.back + card.source), card
    # The notes keep what the teacher wrote.
    assert "**Yalta, February 1945**" in "\n".join(course.topics[0].families[0].notes)


@pytest.mark.parametrize(
    ("note", "asked", "hidden"),
    [
        (
            "In January 49 BC the Senate declared a state of emergency.",
            ("When did the Senate declare a state of emergency?", "January 49 BC"),
            "In {{c1::January 49 BC}} the Senate declared a state of emergency.",
        ),
        (
            "In AD 43 the Roman army landed in Kent.",
            ("When did the Roman army land in Kent?", "AD 43"),
            "In {{c1::AD 43}} the Roman army landed in Kent.",
        ),
        (
            "The Portuguese fleet reached Calicut in May 1498.",
            ("When did the Portuguese fleet reach Calicut?", "May 1498"),
            "The Portuguese fleet reached Calicut in {{c1::May 1498}}.",
        ),
        (
            "The Spanish crews sighted an island on 12 October 1492.",
            ("When did the Spanish crews sight an island?", "12 October 1492"),
            "The Spanish crews sighted an island on {{c1::12 October 1492}}.",
        ),
        (
            "The Portuguese fleet rounded the Cape c. 1488 after a storm.",
            None,
            "The Portuguese fleet rounded the Cape {{c1::c. 1488}} after a storm.",
        ),
        (
            "On the Ides of March, 15/3/44 BC, the Senate met beside the theatre.",
            None,
            "On the Ides of March, {{c1::15/3/44 BC}}, the Senate met beside the theatre.",
        ),
        (
            "Sept 1915: the Tsar took command of the army at the front.",
            None,
            "{{c1::Sept 1915}}: the Tsar took command of the army at the front.",
        ),
        (
            "The leaders met at Potsdam, 17 July – 2 August 1945, to settle the peace.",
            None,
            "The leaders met at Potsdam, {{c1::17 July – 2 August 1945}}, to settle the peace.",
        ),
    ],
)
def test_a_date_of_any_age_or_form_is_asked_and_hidden_whole(
    note: str, asked: tuple[str, str] | None, hidden: str
) -> None:
    cards = cards_of(notes_course(note, title="Dates"))
    if asked is not None:
        assert asked in pairs(cards, "basic")
    assert hidden in [front for front, _ in pairs(cards, "cloze")]
    whole = re.search(r"\{\{c1::(.+?)\}\}", hidden)
    assert whole is not None
    for card in cards:  # no card shows or hides a piece of the date
        if any(c.isdigit() for c in card.back):
            assert card.back == whole[1], card


def test_a_point_after_a_clause_within_its_sentence_takes_that_clauses_subject() -> None:
    course = notes_course(
        "The quarrel came to a head when the Senate ordered Caesar to give up his army and "
        "declared a state of emergency in January 49 BC.",
        title="Rome",
    )
    cloze = [front for front, _ in pairs(cards_of(course), "cloze")]
    assert "The Senate declared a state of emergency in {{c1::January 49 BC}}." in cloze
    assert not any(front.startswith("The quarrel declared") for front in cloze)


def test_a_subject_that_is_the_end_of_another_clause_asks_no_question() -> None:
    course = notes_course(
        "The sailors grew weary and close to mutiny before land was sighted on 12 October 1492. "
        "Smallpox reached Mexico in 1520, and when Cortés took Tenochtitlan in August 1521 the "
        "city was already weak.",
        title="Voyages",
    )
    cards = cards_of(course)
    asked = [front for front, _ in pairs(cards, "basic")]
    assert not any(re.match(r"When (?:was|did) (?:close|when)\b", front) for front in asked)
    assert (
        "Close to mutiny before land was sighted on {{c1::12 October 1492}}.",
        "12 October 1492",
    ) in pairs(cards, "cloze")


# -- stable ids -------------------------------------------------------------------------------


def test_ids_are_unique_and_the_same_every_time(seed_path: Path) -> None:
    first, again = seed_cards(seed_path), seed_cards(seed_path)
    assert len({c.id for c in first}) == len(first)
    assert [c.id for c in first] == [c.id for c in again]
    assert all(re.fullmatch(r"c[0-9a-f]{10}", c.id) for c in first)


def test_editing_one_note_leaves_the_other_notes_cards_alone(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    mongolia = "One went to be Ambassador to Mongolia"
    edited = text.replace(mongolia, "One was sent to Mongolia as ambassador")
    assert edited != text
    before = cards_of(parse_notes(text).course)
    after = {c.front: c.id for c in cards_of(parse_notes(edited).course)}
    changed = [c for c in before if mongolia in c.source]
    assert len(changed) == 1
    assert {c.front: c.id for c in before if c not in changed}.items() <= after.items()
    assert (
        "One was sent to {{c1::Mongolia}} as ambassador, another became manager of a power station."
        in after
    )


def test_an_id_changes_with_what_the_card_asks(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    edited = text.replace("In March 1953 Stalin died", "In March 1953 Stalin died suddenly")
    ids = {c.id for c in cards_of(parse_notes(edited).course)}
    old = next(c for c in seed_cards(seed_path) if c.front == "When did Stalin die?")
    assert old.id not in ids
    assert "When did Stalin die suddenly?" in {
        c.front for c in cards_of(parse_notes(edited).course)
    }


# -- any notes --------------------------------------------------------------------------------

sentence = st.one_of(
    st.text(max_size=80),
    st.builds(
        "{} {} {} {}.".format,
        st.sampled_from(["In 1957", "In March 1953", "Thus", "He", "In order to win,", ""]),
        st.sampled_from(["Khrushchev", "the ‘metal eaters’", "Novy Mir", "he", "This", "it"]),
        st.sampled_from(
            ["set up", "was", "closed down", "died", "wanted", "had been", "became", "did"]
        ),
        st.sampled_from(
            [
                "150 councils (sovnarkhozy)",
                "the KGB in 1956",
                "for 29 years",
                "this because he feared the army",
                "",
            ]
        ),
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=6))
def test_any_notes_give_cards_that_keep_the_rules(sentences: list[str]) -> None:
    course = notes_course(" ".join(sentences), title="Any")
    cards = cards_of(course)
    assert len({c.id for c in cards}) == len({match_key(c.front) for c in cards}) == len(cards)
    for card in cards:
        if card.kind == "cloze":
            assert card.front.count("{{c1::") == 1
            assert f"{{{{c1::{card.back}}}}}" in card.front
        else:
            assert card.front.endswith("?")
            assert not gives_away(card.front, card.back)


# -- leftovers found on the corpus ------------------------------------------------------------


def test_a_clause_without_a_subject_continues_the_clause_just_before_it() -> None:
    cards = cards_of(
        notes_course(
            "Edward VI (1547-53) made the Church firmly Protestant; Mary I (1553-58) restored "
            "Catholicism and the Pope and burned almost three hundred Protestants.",
            title="Religion",
        )
    )
    # Mary burned them, not the sentence's first subject; her dates keep their bracket.
    assert ("What did Mary I (1553-58) burn?", "almost three hundred Protestants") in pairs(
        cards, "basic"
    )
    assert not any("Edward VI" in front and "burn" in front for front, _ in pairs(cards, "cloze"))


def test_a_place_after_a_preposition_stays_in_the_lead_and_its_comma_in_the_sentence() -> None:
    cards = cards_of(
        notes_course(
            "At Pickering in North Yorkshire, the Slowing the Flow project built 167 small "
            "leaky dams of logs and planted some 40,000 trees from 2009.",
            title="Rivers",
        )
    )
    basic = pairs(cards, "basic")
    assert (
        "How many small leaky dams of logs did the Slowing the Flow project build at Pickering "
        "in North Yorkshire?",
        "167",
    ) in basic
    # A number given roughly ("some 40,000") is asked "How many", with its word.
    assert (
        "How many trees did the Slowing the Flow project plant from 2009 at Pickering in North "
        "Yorkshire?",
        "some 40,000",
    ) in basic
    assert (
        "At Pickering in North Yorkshire, the Slowing the Flow project planted some "
        "{{c1::40,000}} trees from 2009."
    ) in [front for front, _ in pairs(cards, "cloze")]
    # With no comma after it, the place ends the lead at once: "Stalin" is the subject.
    clause = parse_clause("In 1953 in Moscow Stalin died after a stroke")
    assert clause is not None
    assert (clause.lead, clause.subject) == ("In 1953 in Moscow", "Stalin")


def test_a_name_with_a_small_word_inside_is_hidden_whole() -> None:
    cards = cards_of(
        notes_course(
            "Vasco da Gama reached Calicut in India in May 1498. The cargo that da Gama "
            "brought home was worth sixty times the cost of his voyage.",
            title="Voyages",
        )
    )
    hidden = [back for _, back in pairs(cards, "cloze")]
    assert "Vasco da Gama" in hidden and "da Gama" in hidden
    assert "Gama" not in hidden and "Vasco" not in hidden


def test_a_name_that_only_opens_sentences_keeps_its_capital() -> None:
    # "Austria-Hungary" is a name wherever it stands (a capital after its hyphen), and the
    # question above the notes writes "Russia" in mid-sentence: neither is put in lower case.
    course = parse_notes(
        "Lists.\n\n1: The July Crisis\n\n"
        "2001: Why did Russia mobilise in July 1914? (6)\n\n"
        "Austria-Hungary sent an ultimatum to Serbia on 23 July 1914.\n"
        "Russia ordered general mobilisation on 30 July 1914.\n"
    ).course
    fronts = {card.front: card.back for card in cards_of(course)}
    assert fronts["When did Austria-Hungary send an ultimatum to Serbia?"] == "23 July 1914"
    assert fronts["When did Russia order general mobilisation?"] == "30 July 1914"
    # ...and a name that opens the notes can be hidden, as one in mid-sentence can.
    assert fronts["{{c1::Austria-Hungary}} sent an ultimatum to Serbia on 23 July 1914."] == (
        "Austria-Hungary"
    )


def test_a_clause_before_the_subject_is_the_questions_lead_and_owns_its_date() -> None:
    course = notes_course(
        "When Russia mobilised on 30 July 1914, Germany declared war on Russia. "
        "After Germany invaded Belgium, Britain declared war on 4 August 1914. "
        "As soon as the ultimatum expired, Austria-Hungary declared war on Serbia on 28 July "
        "1914."
    )
    questions = pairs(cards_of(course), "basic")
    assert ("When did Britain declare war after Germany invaded Belgium?", "4 August 1914") in (
        questions
    )
    assert (
        "When did Austria-Hungary declare war on Serbia as soon as the ultimatum expired?",
        "28 July 1914",
    ) in questions
    # The date is when Russia mobilised, not when Germany declared war: no card says so.
    assert not [front for front, back in questions if back == "30 July 1914"]
    assert not [front for front, _ in questions if "did as soon" in front.lower()]


def test_a_change_between_two_dates_makes_no_when_card() -> None:
    course = notes_course(
        "The death rate among his amputation patients fell from around 46% in 1864-66 to 15% "
        "in 1867-70."
    )
    assert not [front for front, _ in pairs(cards_of(course), "basic") if front.startswith("When")]


def test_questions_ask_for_a_person_a_duration_and_a_finding_as_they_should() -> None:
    course = notes_course(
        "Henry VIII married Catherine of Aragon in 1509.",
        "The boycott lasted 381 days, until Dec. 1956.",
        "Pasteur proved in 1861, using swan-necked flasks, that microbes in the air caused decay.",
    )
    questions = pairs(cards_of(course), "basic")
    assert ("Who did Henry VIII marry in 1509?", "Catherine of Aragon") in questions
    assert ("How many days did the boycott last?", "381") in questions
    assert not [front for front, _ in questions if front.startswith("What did the boycott")]
    # What he proved comes after the date: "When did Pasteur prove?" would leave it out.
    assert not [front for front, _ in questions if "prove" in front]


def test_a_subject_after_a_lead_with_no_comma_is_the_clauses_own() -> None:
    # "in Mississippi black voter registration rose ...": the subject is the registration,
    # not a subject borrowed from the clause before the semicolon ("It in Mississippi ...").
    course = notes_course(
        "It was followed by the Voting Rights Act of 1965; in Mississippi black voter "
        "registration rose from 6.7% in 1964 to nearly sixty per cent by 1968."
    )
    fronts = [card.front for card in cards_of(course)]
    assert not [front for front in fronts if front.startswith("It in")]
    assert any(front.startswith("In Mississippi black voter registration rose") for front in fronts)


def test_a_verb_with_its_particle_names_nothing() -> None:
    # "called off the campaign" and "loans were called in" coin no name, as "as Khrushchev
    # called them the metal eaters" does.
    course = notes_course(
        "Gandhi called off the campaign, and in March 1922 he was sentenced to six years.",
        "American loans were called in, and by early 1932 six million Germans were out of work.",
    )
    answers = [card.back for card in cards_of(course) if card.kind == "cloze"]
    assert "off the campaign" not in answers
    assert "in" not in answers


def test_the_days_rules_for_cards_misfire_on_none_of_these() -> None:
    course = notes_course(
        "The war ended in 1918 with an armistice that left Germany bitter.",
        "Unemployment fell from 6,000,000 in 1933 to 300,000 in 1939.",
        "In 1941 Germany executed Operation Barbarossa.",
        "Nazi economy\n- Unemployment fell from 1933\n- Inflation was controlled in 1934",
    )
    questions = dict(pairs(cards_of(course), "basic"))
    assert questions["When did the war end?"] == "1918"  # a "that" later is no reported fact
    assert not [q for q in questions if q.startswith("When did unemployment fall")]
    assert not [q for q in questions if q.startswith("Who")]  # an operation is no one
    # A list item's first word is capitalised as a sentence's is, and the card lowers it.
    assert questions["When was inflation controlled?"] == "1934"


def test_a_name_the_notes_write_only_at_a_sentences_start_keeps_its_capital() -> None:
    # Novotny and Svoboda are rare words, named only where a sentence starts: names all the
    # same. A common word is lowered there, in a list item too ("- Loss of ...").
    course = notes_course(
        "Novotny resigned as party leader in January 1968. Svoboda was elected president in "
        "March 1968. Unemployment fell in 1969.",
        "Collapse\n- Loss of the army's support was fatal in 1917",
    )
    questions = dict(pairs(cards_of(course), "basic"))
    assert questions["When did Novotny resign as party leader?"] == "January 1968"
    assert questions["When was Svoboda elected president?"] == "March 1968"
    assert questions["When did unemployment fall?"] == "1969"
    assert questions["When was loss of the army's support fatal?"] == "1917"


def test_terse_notes_make_no_question_of_a_passive_without_its_verb_or_an_arrow() -> None:
    # "introduced by X" wants its "were"; an arrow links two things, it says no object; a
    # reason in shorthand ("b/c") answers "Why", never "What".
    course = notes_course(
        "Steam trams introduced by George Train in 1860.",
        "3 Nov: Kennedy informed -> committee formed (crisis begins)",
        "Wall talks in 1962 collapsed b/c the Soviets walked out.",
    )
    cards = pairs(cards_of(course), "basic")
    assert not [front for front, _ in cards if front.startswith("When did steam trams")]
    assert not [(f, b) for f, b in cards if "->" in f or "->" in b]
    assert not [(f, b) for f, b in cards if b.startswith("b/c") and not f.startswith("Why")]


def test_events_told_in_the_present_as_timelines_tell_them_make_cards() -> None:
    course = notes_course(
        "| Year | Event |\n|---|---|\n| 1928 | Fleming discovers penicillin |\n"
        "| 1941 | Florey purifies penicillin for a patient |",
        "In 1933 Hitler becomes Chancellor. US troops land in Normandy in June 1944.",
        "In 1957 Khrushchev sets up the sovnarkhozy.",
    )
    questions = dict(pairs(cards_of(course), "basic"))
    # The verb's particle goes with the verb, not into the answer as well.
    assert questions["What did Khrushchev set up in 1957?"] == "the sovnarkhozy"
    assert questions["When did Fleming discover penicillin?"] == "1928"
    assert questions["When did Florey purify penicillin for a patient?"] == "1941"
    assert questions["When did Hitler become Chancellor?"] == "1933"
    # A plural after a name is no verb: no card asks what "US trooped".
    assert not [q for q in questions if "troop" in q.lower()]


def test_a_he_after_someone_did_something_to_him_is_still_the_one_him_was() -> None:
    course = notes_course(
        "Nasser took power in 1954. In 1956 he nationalised the Suez Canal, and Britain "
        "attacked him in October 1956. He emerged a hero of the Arab world in 1957."
    )
    fronts = [card.front for card in cards_of(course)]
    assert not [front for front in fronts if "Britain emerged" in front]
    assert any("Nasser emerged a hero" in front for front in fronts)


def test_no_card_stands_on_an_it_or_its_that_names_nothing_on_the_card() -> None:
    course = notes_course(
        "The Rentenmark replaced the old mark in 1923. It was backed by land and industry "
        "worth 3,200 million marks. Its value held through 1924. It was clear that the "
        "currency had recovered by 1925."
    )
    fronts = [card.front for card in cards_of(course)]
    assert not [front for front in fronts if front.startswith(("It was backed", "Its "))]
    # An "it" that stands for what follows says what it needs on the card.
    assert any(front.startswith("It was clear that the currency") for front in fronts)


def test_a_pronoun_before_the_subject_is_left_off_the_card() -> None:
    course = notes_course(
        "Kennedy proposed a civil rights bill in June 1963. After he was assassinated in "
        "November 1963, Lyndon Johnson used his skill with Congress to pass it."
    )
    fronts = [card.front for card in cards_of(course)]
    # "he" is Kennedy, and would read as Johnson on a card of its own.
    assert not [front for front in fronts if "After he" in front or "after he" in front]
    assert any(front.startswith("{{c1::Lyndon Johnson}} used his skill") for front in fronts)


def test_a_date_with_a_shortened_month_and_a_span_of_days_is_hidden_whole() -> None:
    course = notes_course(
        "- Tet Offensive began 30-31 Jan 1968: VC attacked over 100 towns.\n"
        "- Sept 1915: Nicholas takes personal command of the army -> blamed for every defeat."
    )
    made = cards_of(course)
    hidden = {card.back for card in made if card.kind == "cloze"}
    assert "30-31 Jan 1968" in hidden and "31 Jan 1968" not in hidden
    # No question built on a verb past the arrow ("When did Nicholas takes ... - blame?").
    assert not [card.front for card in made if card.kind == "basic" and " - " in card.front]


def test_a_linking_phrase_that_opens_the_sentence_is_no_part_of_its_cards() -> None:
    course = notes_course(
        "On the other hand, Richard twice turned back from Jerusalem because he could not "
        "hold it. In addition, the crusaders ran short of water in 1192."
    )
    fronts = [card.front for card in cards_of(course)]
    assert "Why did Richard twice turn back from Jerusalem?" in fronts
    assert not [f for f in fronts if "other hand" in f.lower() or "in addition" in f.lower()]


def test_terse_notes_hide_no_opening_word_shorthand_or_piece_of_a_short_date() -> None:
    course = notes_course(
        "- Domino theory: if Laos fell to communism, Thailand would follow.\n"
        "- Guerrilla warfare: small units struck at night around Hue.\n"
        "- US Govt claims of victory lost belief in Washington.\n"
        "- NATO admitted West Germany on 9/5/55 after long talks.\n"
        "- LBJ signed the Civil Rights Act in 1964."
    )
    made = cards_of(course)
    hidden = {card.back for card in made if card.kind == "cloze"}
    assert not hidden & {"Domino", "Guerrilla", "Govt", "9", "5", "55"}
    assert {"Laos", "Hue", "West Germany"} <= hidden  # names are still hidden
    # A word in capitals keeps them in a question ("LBJ", never "lbj").
    assert "When did LBJ sign the Civil Rights Act?" in {c.front for c in made}


def test_over_before_a_figure_is_more_than_not_part_of_the_verb() -> None:
    course = notes_course(
        "In 1968 the rebels attacked over 100 towns in the south. In 1957 Khrushchev set up "
        "150 councils."
    )
    fronts = [card.front for card in cards_of(course)]
    # No "How many towns did the rebels attack over in the south?"
    assert not [front for front in fronts if re.search(r"attack over (?!\d)", front)]
    assert "How many councils did Khrushchev set up in 1957?" in fronts  # "set up" sets up


def test_a_passive_goes_on_into_the_clause_that_shares_its_subject() -> None:
    course = notes_course(
        "Louis was tried by the Convention, found guilty by a large majority, and "
        "guillotined on 21 January 1793. Caesar was made dictator in 49 BC, crossed the "
        "Rubicon and defeated Pompey."
    )
    asked = pairs(cards_of(course), "basic")
    assert ("When was Louis guillotined?", "21 January 1793") in asked
    fronts = [card.front for card in cards_of(course)]
    assert not [f for f in fronts if f.startswith("Louis guillotined") or "did Louis" in f]
    # A deed after a passive stays a deed: no "Caesar was crossed".
    assert not [front for front in fronts if "was crossed" in front]


def test_a_deed_after_a_passive_is_no_passive_though_a_preposition_follows() -> None:
    course = notes_course(
        "Nicholas II was crowned in 1896 and abdicated in March 1917. Roosevelt was elected "
        "in November 1932 and worked with Congress in the Hundred Days. Gandhi was arrested "
        "in 1930 and fasted in prison for weeks. The compass was brought from China and "
        "steered by sailors across the Indian Ocean."
    )
    fronts = [card.front for card in cards_of(course)]
    # Only a verb done to someone, or one that says by whom, takes the "was" on.
    assert not [f for f in fronts if re.search(r"\bwas (?:abdicated|worked|fasted)\b", f)]
    assert "When did Nicholas II abdicate?" in fronts
    assert [f for f in fronts if "compass was steered" in f]


def test_terse_notes_of_an_office_given_or_a_place_crowned_ask_no_what() -> None:
    course = notes_course(
        "- Archbishop Stigand removed 1070; Lanfranc of Bec made Archbishop of Canterbury\n"
        "- William crowned Westminster Abbey, Christmas Day 1066"
    )
    asked = pairs(cards_of(course), "basic")
    assert not [q for q, _ in asked if q.startswith(("What did Lanfranc", "Who did William"))]


def test_a_they_or_it_stands_for_the_last_subject_named_before_it() -> None:
    course = notes_course(
        "The deputies of the Third Estate demanded voting by head. On 17 June they "
        "declared themselves the National Assembly. On the night of 4 August the Assembly "
        "abolished feudal privileges, and on 26 August 1789 it passed the Declaration of "
        "the Rights of Man. The Nazis attacked the communists in 1933. They were sent to "
        "camps such as Dachau. The sans-culottes stormed the Tuileries. They had been "
        "defended by Swiss Guards."
    )
    asked = pairs(cards_of(course), "basic")
    fronts = [card.front for card in cards_of(course)]
    assert (
        "When did the deputies of the Third Estate declare themselves the National Assembly?",
        "17 June",
    ) in asked
    assert any(f.startswith("On 26 August 1789 the Assembly passed") for f in fronts)
    # A passive "they" may be the ones done to: no card says who.
    assert not [f for f in fronts if "Nazis were sent" in f or "They were sent" in f]
    assert not [f for f in fronts if "been defended" in f]  # the Tuileries had been
    # What they declared themselves is what they became, no "what" they declared.
    assert not [q for q, _ in asked if q.startswith("What did the deputies")]


@pytest.mark.parametrize(
    ("text", "lead", "subject"),
    [
        # a subordinate clause whose verb does not cut points ("died"), and one with an
        # aside after its comma: the main clause's subject is the sentence's
        (
            "After Stalin died in 1953, Khrushchev rose to power",
            "After Stalin died in 1953",
            "Khrushchev",
        ),
        (
            "When the Estates-General met on 5 May 1789, the first time since 1614, the "
            "deputies demanded voting by head",
            "When the Estates-General met on 5 May 1789, the first time since 1614",
            "the deputies",
        ),
        ("After the war, Britain was poor", "After the war", "Britain"),
        # The object of a preposition in the lead is not the subject.
        ("Near the end of the war the Tsar left", "Near the end of the war", "the Tsar"),
        ("At the end of 1916, the army was exhausted", "At the end of 1916", "the army"),
        (
            "With the help of the Germans the Bolsheviks took power",
            "With the help of the Germans",
            "the Bolsheviks",
        ),
        # A lead of two phrases, after a date's label too; "announced that ..." is a verb.
        (
            "22-24 October 1956: at Sèvres, near Paris, Britain, France and Israel agreed a plan",
            "22-24 October 1956: at Sèvres, near Paris",
            "Britain, France and Israel",
        ),
        (
            "On 26 July 1956, in a speech at Alexandria, Nasser announced that Egypt was "
            "nationalising the canal",
            "On 26 July 1956, in a speech at Alexandria",
            "Nasser",
        ),
    ],
)
def test_a_clause_before_the_subject_is_the_lead_whatever_its_verb_or_asides(
    text: str, lead: str, subject: str
) -> None:
    clause = parse_clause(text)
    assert clause is not None
    assert (clause.lead, clause.subject) == (lead, subject)


def test_a_he_stands_for_no_pronoun_or_body_and_had_alone_is_asked_with_did() -> None:
    course = notes_course(
        "It is now thought that the second attack never happened. Congress nevertheless "
        "passed the Gulf of Tonkin Resolution. He used it to begin Operation Rolling Thunder "
        "in March 1965. In 1946 the GMD had a larger army."
    )
    fronts = [card.front for card in cards_of(course)]
    assert not [f for f in fronts if f.startswith(("It used it", "Congress used it"))]
    assert ("When did the GMD have a larger army?", "1946") in pairs(cards_of(course), "basic")


def test_a_lead_may_open_with_along_across_or_despite() -> None:
    course = notes_course(
        "Along the route the Red Army followed the Eight Points of Attention, paying for food."
    )
    asked = pairs(cards_of(course), "basic")
    assert (
        "What did the Red Army follow along the route?",
        "the Eight Points of Attention",
    ) in asked


def test_terse_notes_of_a_quality_given_or_a_gift_to_someone_ask_no_what() -> None:
    course = notes_course(
        "- Govt gave Jenner £30,000 in the 1800s; vaccination made compulsory 1853"
    )
    asked = pairs(cards_of(course), "basic")
    assert not [q for q, _ in asked if q.startswith(("What did govt give", "What did vacc"))]


def test_no_cloze_hides_an_everyday_word_in_quotes_but_a_number_word_is_hidden() -> None:
    course = notes_course(
        'No American president wanted to be the one who "lost" Vietnam in 1965. In 1970 the '
        "shooting of four students at Kent State increased the protests."
    )
    backs = [card.back for card in cards_of(course) if card.kind == "cloze"]
    assert "lost" not in backs
    assert "four" in backs


def test_no_cloze_hides_a_number_that_stands_for_a_group_or_a_rough_amount() -> None:
    """ "Italy joined the two" and "The three agreed" count what was named before them, and
    "a few hundred" gives no figure to remember; "split into two armed camps" and "nearly
    three million served" are facts."""
    course = notes_course(
        "In 1879 Germany and Austria-Hungary made the Dual Alliance, and in 1882 Italy joined "
        "the two. By 1907 the Great Powers had split into two armed camps. Only a few hundred "
        "priests lost their posts. Nearly three million served in the corps before it closed."
    )
    backs = [card.back for card in cards_of(course) if card.kind == "cloze"]
    assert "two" in backs and "three million" in backs
    assert backs.count("two") == 1
    assert "hundred" not in backs


def test_a_she_never_stands_for_a_name_the_verb_makes_many() -> None:
    """ "Catholics were fairly quiet. ... She was held captive" has no card saying "Catholics
    was held captive"."""
    course = notes_course(
        "For the first decade Catholics were fairly quiet. The threat grew from 1568, when "
        "Mary, Queen of Scots fled to England. She was held captive for nineteen years."
    )
    assert not [c for c in cards_of(course) if "Catholics was" in c.front]


def test_a_he_stands_for_a_person_named_in_apposition_and_never_for_a_things_name() -> None:
    """ "The new Viceroy, Lord Mountbatten, arrived ... He brought the date forward" is
    Mountbatten's deed, not the last name before him; after "Unification was also the work
    of Garibaldi", a "he" is not Unification."""
    course = notes_course(
        "Attlee announced in February 1947 that Britain would leave. The new Viceroy, Lord "
        "Mountbatten, arrived in March 1947. He brought the date forward to 15 August 1947.",
        "Cavour died in June 1861. Unification was also the work of Garibaldi. In May 1860 he "
        "sailed from Genoa with the Thousand.",
    )
    fronts = [card.front for card in cards_of(course)]
    assert "When did Lord Mountbatten bring the date forward to?" in fronts
    assert not [f for f in fronts if "Attlee brought" in f or "Unification sail" in f]
    assert not [f for f in fronts if "Cavour sail" in f or "Cavour brought" in f]


def test_no_what_question_for_a_when_a_naming_a_turning_or_an_unnamed_subject() -> None:
    """Found by the nineteenth trial: "What did Cavour die?", "What did Metternich call?",
    "What did the massacre turn?", "What did the Pope tell to vote?" and "What did others
    blame?" each have no one answer."""
    course = notes_course(
        "Cavour died less than three months later, in June 1861. Metternich called Italy "
        '"a geographical expression". The massacre turned moderate Indians, including '
        "Gandhi, against British rule. The Pope told Catholics not to vote in 1874. Others "
        "blamed miasma. In 1957 Khrushchev set up 105 regional economic councils."
    )
    asked = [card.front for card in cards_of(course) if card.kind == "basic"]
    assert not [q for q in asked if q.startswith("What did") and "Khrushchev" not in q]
    assert "What did Khrushchev set up in 1957?" in asked


def test_no_how_many_for_a_time_offset_or_a_count_in_anothers_clause() -> None:
    """Found by the twentieth trial: "died four days later" is no count of days she died;
    "for three years" in ", promising to ..." and in "said that ..." is the promise's and
    the saying's. "stopped about 140 members" is still asked."""
    course = notes_course(
        "Emily Wilding Davison ran onto the course at the Derby and died four days later. "
        "Charles signed a secret Engagement with the Scots, promising to make England "
        "Presbyterian for three years. Suffragettes said that peaceful methods had failed for "
        "forty years. In December 1648 Colonel Pride stopped about 140 members from entering "
        "the Commons."
    )
    asked = [card.front for card in cards_of(course) if card.kind == "basic"]
    assert [q for q in asked if q.startswith("How many")] == [
        "How many members did Colonel Pride stop from entering the Commons in December 1648?"
    ]
