"""Properties of the parser on any input: it never crashes and never drops a word."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pastpaper.course import Course
from pastpaper.errors import InputError
from pastpaper.ingest import parse_notes
from pastpaper.text import words
from test_seed import parsed_text

# What the grammar consumes as syntax, where it stands as syntax: "Q:" or "Question:" at the
# start of a question line, and the word "marks" inside "(6 marks)".
SYNTAX = re.compile(
    r"(?im)^[\s*_+-]*(?:q|question)(?=[\s*_]*(?:\(?\d{4}\)?)?[\s*_]*[:.)])"
    r"|\bmarks?(?=\s*[)\]])"
)

line = st.one_of(
    st.text(max_size=60),
    st.builds(
        "{}: {}{}".format,
        st.integers(1800, 2199),
        st.sampled_from(["Why did ", "Describe ", "In what ways ", "How far ", "Q: ", ""]),
        st.text(max_size=30),
    ),
    st.builds("{}: {}".format, st.integers(0, 999), st.text(max_size=30)),
    st.builds("{} ({})".format, st.text(max_size=30), st.integers(-5, 2000)),
    st.builds(
        "{}{}{} {}".format,
        st.sampled_from(["", "- ", "**"]),
        st.sampled_from(["Q", "Question ", "Q1", "Question 2", "Q (2001)"]),
        st.sampled_from([":", ".", ")", ":**"]),
        st.text(max_size=30),
    ),
    st.sampled_from(
        ["", " ", "\u00a0\u00a0", "# Heading", "## 4: Topic", "...", "(10)", "[6 marks]"]
    ),
)
notes = st.lists(line, max_size=25).map("\n".join)


def lost_words(text: str, course: Course) -> Counter[str]:
    """The words of ``text`` that ``course`` does not hold, less the grammar's own syntax."""

    # Numbers are kept as numbers: a topic "04:" is topic 4.
    def counted(found: list[str]) -> Counter[str]:
        return Counter(w.lstrip("0") or "0" if w.isascii() and w.isdigit() else w for w in found)

    return counted(words(SYNTAX.sub(" ", text))) - counted(words(parsed_text(course)))


@settings(max_examples=300)
@given(notes, st.booleans())
def test_every_word_of_any_notes_is_kept(text: str, markdown: bool) -> None:
    try:
        course = parse_notes(
            text, "notes.md" if markdown else "notes.txt", markdown=markdown
        ).course
    except InputError as error:
        assert not text.strip(), error
        return
    lost = lost_words(text, course)
    assert not lost, f"lost words: {sorted(lost)}"
