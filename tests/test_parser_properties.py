"""Properties of the parser on any input: it never crashes and never drops a word."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pastpaper.errors import InputError
from pastpaper.ingest import parse_notes
from pastpaper.text import words
from test_seed import parsed_text

# Words the grammar consumes as syntax: "Q:", "Q1:", "Question:" and "(6 marks)".
SYNTAX = {"q", "question", "marks", "mark"} | {f"q{n}" for n in range(1000)}

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
    st.sampled_from(["", " ", "\u00a0\u00a0", "# Heading", "## 4: Topic", "...", "(10)"]),
)
notes = st.lists(line, max_size=25).map("\n".join)


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
    lost = Counter(w for w in words(text) if w not in SYNTAX) - Counter(words(parsed_text(course)))
    assert not lost, f"lost words: {sorted(lost)}"
