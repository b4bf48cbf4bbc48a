"""Notes cut into sentences: at a full stop, a list item's line, or two sentences run
together ("Volgogradthe powers"), never at an abbreviation ("c. 40 km", "(e.g. Midland
Railway)", "15 Sept. 1830") or an initial ("Franklin D. Roosevelt").

    >>> text = "In 1825 c. 40 km of track opened. Mr. Pease paid for it."
    >>> [text[a:b] for a, b in sentence_spans(text)]
    ['In 1825 c. 40 km of track opened', 'Mr. Pease paid for it']
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from pastpaper.language import WORD, zipf
from pastpaper.text import LIST_MARK, OWN_CELL_WORDS

__all__ = [
    "ABBREVIATIONS",
    "SHORTENED_BEFORE_MORE",
    "clear_caches",
    "clipped_before_name",
    "sentence_spans",
    "trimmed",
]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text, without its full stop."""
    return list(_sentence_spans(text))


# A scheme reads a paragraph's first sentence just after its points were cut: the paragraphs
# of the last few families are cut into sentences once.
@lru_cache(maxsize=256)
def _sentence_spans(note: str) -> tuple[tuple[int, int], ...]:
    return tuple(_sentences(note))


# (A stop inside Markdown's emphasis ends its sentence too: "**Factor 3: Ideology.** Apartheid".)
# (A footnote's mark after the stop goes with the sentence: "... the Tudor dynasty.[1] He".)
_SENTENCE_BREAK = re.compile(
    r"[.!?]+[’'\"”)*_]*(?:\[\d{1,3}\])*\s+(?=[‘'\"“(*_]{0,3}[A-Z0-9])(?!\([^()\n]*\)[ \t]*(?:\n|$))"
)
#: Words a full stop shortens, not ends: "Mr. Attlee", "c. 40 km", "(e.g. Midland Railway)",
#: "Brown v. Board of Education", "incl. Gandhi himself".
ABBREVIATIONS = {
    "mr", "mrs", "dr", "st", "e.g", "i.e", "etc", "vs", "v", "c", "ca", "cf", "approx", "incl",
    "esp", "viz",
    # a rank or office before a name: "Amb. Dobrynin", "Maj. Anderson", "Gen. Patton"
    "amb", "maj", "gen", "col", "capt", "lt", "adm", "sgt", "cpl", "pres",
}  # fmt: skip
#: Words a full stop may shorten or end: shortened only before a figure or a word in lower
#: case ("15 Sept. 1830", "pop. growth"); "Peace came in Oct. War broke out" ends there.
SHORTENED_BEFORE_MORE = {
    "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "pop", "govt", "gov", "est", "max", "min", "hrs", "yrs", "km",
    "rev", "prof", "jr", "sr", "co", "ltd", "bros", "vol", "pp", "ed", "fig",
    "b", "d", "r", "fl", "mt", "ft", "nos", "mins",  # "(b. 1516)", "r. 1509-47"
    "avg", "av",  # "avg. 5,000 households"
}  # fmt: skip
_TRIM = ".,;:…|"  # and whitespace; "|" closes a table's row
# (A lookahead in front, as for the other patterns searched through whole paragraphs.)
_DANGLING = re.compile(r"(?=\s)(?<=\w)\s+(?:and|or|but)$")
# A list item on a line of its own is a sentence of its own: "- Dual Alliance, 1879: ...";
# its marker is no part of it, at the start of the notes too.
# A table's row is one too, its rule of dashes ("|------|") included.
_BULLET = re.compile(rf"(?:^|\n)[ \t\u00a0]*(?:{LIST_MARK}[ \t\u00a0]+|(?=\|))")
# A label on a line of its own, over a list, is a sentence of its own after a list item with
# no stop: "- ... as Bismarck had hoped\nResults:\n- 1-2 September 1870: ...". (A few words
# with a capital; its line breaks are where the list item's line ends and its own starts.)
_LABEL_LINE = re.compile(
    rf"\n(?=[ \t\u00a0]*[A-Z][^\n:.!?]{{0,40}}:[ \t\u00a0]*\n[ \t\u00a0]*{LIST_MARK}[ \t\u00a0])"
)
# An initial is no full stop: "Franklin D. Roosevelt". (Run-together initials are left to
# end a sentence: "G.R. Elton" is cut there, as "the U.S.A. In 1948 ..." must be.)
_INITIAL = re.compile(r"[A-Z]\.?")


# A word of a name after a stop, and the word that follows it in the same name: "Union of",
# "Labour Party", "Women's Suffrage".
_NAME_GOES_ON = re.compile(r"[A-Z][a-z]+(?:'s)?[ \t]+(?:of|and|for|[A-Z])")


def clipped_before_name(word: str, note: str, at: int) -> bool:
    """Whether ``word`` with its stop is a capitalised word cut short inside a name that goes
    on at ``at``: "NUWSS = Nat. Union of Women's Suffrage Societies", "the Brit. Labour
    Party". A clipped word is short, rare as spelt, and the start of a common longer word
    ("Nat" of "national", "Soc" of "society"); a short name that ends a sentence is none of
    these ("... at Ely. King Harold", "... to Bath. Queen Anne").
    """
    goes_on = _NAME_GOES_ON.match(note, at) or _SHORTENED_NEXT.match(note, at)
    return goes_on is not None and _clipped(word)


# A word cut short after the clipped one: "Prov. Govt", "Bol. Cttee", "Nat. Assoc."
_SHORTENED_NEXT = re.compile(r"(?:Govt|Gov|Cttee|Ctee|Dept|Assoc|Assn|Admin|Corp)\b")


def clipped_before_lower(word: str, note: str, at: int) -> bool:
    """Whether ``word`` with its stop is a capitalised word cut short before the lower-case
    word its sentence goes on with: "Bols. branded German agents" (a sentence opens on a
    capital)."""
    clipped = _short_title(word)
    return bool(clipped) and note[at : at + 1].islower() and zipf(clipped) < _RARE_BEFORE_LOWER


# A year or figure that goes on with a preposition, as no sentence opening on it does: "...
# gave Nice and Savoy to Fr. 1860 in return for help" (not "1700 saw many visitors").
_FIGURE_GOES_ON = re.compile(
    r"\d[\d,]*[ \t]+(?:in|for|to|as|by|at|on|with|from|after|before|under|against)\b"
)
# (A clipped word may be as common as spelt as "Fr" is on the web, where nothing follows.)
_RARE_NAMED, _RARE_FIGURED = 4.0, 4.25
# (A short word as rare as this is no word that ends a sentence: "Bols", "Govt", "Gen".)
_RARE_BEFORE_LOWER = 3.5


def _clipped_before_figure(word: str, note: str, at: int) -> bool:
    """Whether ``word`` with its stop is a capitalised word cut short before a figure its
    sentence goes on after: "to Fr. 1860 in return for help"."""
    return _FIGURE_GOES_ON.match(note, at) is not None and _clipped(word, _RARE_FIGURED)


def _clipped(word: str, rare: float = _RARE_NAMED) -> bool:
    """Is ``word`` a capitalised word cut short ("Nat", "Fr", "Aus"): short, rare as spelt
    (a Zipf frequency under ``rare``), and the start of a common longer word?"""
    clipped = _short_title(word)
    return bool(clipped) and zipf(clipped) < rare and clipped in _clipped_words()


def _short_title(word: str) -> str:
    """``word`` in lower case if it is a capitalised word of two to five letters, as a word
    cut short is ("Nat", "Bols"), after any opening bracket or quote; else ""."""
    clipped = word.lstrip("([‘“'\"")
    if 2 <= len(clipped) <= 5 and clipped.isalpha() and clipped.istitle():
        return clipped.lower()
    return ""


@lru_cache(maxsize=1)
def _clipped_words() -> frozenset[str]:
    """The first two to five letters of the commonest English words at least three letters
    longer: "nat" (national), "int" (international), "assoc" (association)."""
    from wordfreq import top_n_list  # loads its word list on first use

    return frozenset(
        word[:size]
        for word in top_n_list("en", 15000)
        if word.isalpha()
        for size in range(2, min(5, len(word) - 3) + 1)
    )


# A figure that ends a sentence, a line or the notes: "1856.", "1,300\n".
_LONE_FIGURE = re.compile(r"\d[\d,]*(?:[.!?]+(?:\s|$)|[ \t]*(?:\n|$))")


def _sentences(note: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, end before its full stop."""
    bullets = [(m.start(), m.end()) for m in _BULLET.finditer(note)]
    if ":\n" in note:
        bullets = sorted(set(bullets + [(m.start(), m.end()) for m in _LABEL_LINE.finditer(note)]))
    if "|" in note:
        bullets = sorted(set(bullets + list(_bare_table_lines(note)) + list(_cell_breaks(note))))
    if "1" in note:
        bullets = sorted(set(bullets + list(_numbered_along(note))))
    breaks = [
        # A full stop before a numbered item ("... 1914.\n2. Russia") ends its sentence where
        # the item's text starts; the stop of the number itself ("2.") ends nothing.
        (m.start(), _past_marker(bullets, m.end()))
        for m in _SENTENCE_BREAK.finditer(note)
        if _past_marker(bullets, m.start()) == m.start()
    ]
    breaks += [(m.start(1), m.start(1)) for m in _GLUED.finditer(note) if _glued(m)]
    start = 0
    for end, next_start in sorted(set(breaks + bullets)):
        if end < start:
            continue  # a full stop that ends a list item, already cut at its line
        before = note[start:end].rsplit(None, 1)
        word = before[-1].lower().lstrip("([‘“'\"").rstrip(".") if before else ""
        # On the same line: a line that ends with "(5 Jan.)" is done, whatever the next
        # starts with ("25 Sept 1066 - Battle of Stamford Bridge").
        goes_on = (
            next_start < len(note)
            and (note[next_start].isdigit() or note[next_start].islower())
            and "\n" not in note[end:next_start]
        )
        abbreviated = (
            before
            and (
                word in ABBREVIATIONS
                # A figure alone after the stop is no sentence: "a seat at the peace conf. 1856."
                or (goes_on and before[-1][-1:].isalpha() and _LONE_FIGURE.match(note, next_start))
                # ... or open their sentence: "pop. England & Wales c. 6,000,000 in 1750"
                # (the end of a span of months too: "Oct.-Nov. 1917")
                or (
                    word.rsplit("-", 1)[-1] in SHORTENED_BEFORE_MORE
                    and (goes_on or len(before) == 1 or before[0].rstrip().endswith((";", ":")))
                )
                # (in emphasis too: "**F. W. de Klerk** became president")
                or _INITIAL.fullmatch(before[-1].lstrip("*_([‘“'\""))
                or clipped_before_name(before[-1], note, next_start)
                or (goes_on and _clipped_before_figure(before[-1], note, next_start))
                or (goes_on and clipped_before_lower(before[-1], note, next_start))
            )
        )
        # ("the pamphlet 'What is the Third Estate?' (January 1789) answered": one sentence)
        abbreviated = abbreviated or _asked_in_a_title(note, end, next_start)
        if abbreviated and (end, next_start) not in bullets:
            continue
        yield from trimmed(note, start, _past_closing_quote(note, start, end))
        start = next_start
    yield from trimmed(note, start, len(note))


# A Markdown table written without its outer bars: a header ("Year | Event"), its rule of
# dashes ("--- | ---", a bar in it) and the rows under it, each line with a bar.
_BARE_TABLE = re.compile(
    r"^(?![ \t]*\|)[^\n|]*\|[^\n]*\n"
    r"(?![ \t]*\|)[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$"
    r"(?:\n(?![ \t]*\|)[^\n|]*\|[^\n]*)*",
    re.MULTILINE,
)


def _cell_breaks(note: str) -> Iterator[tuple[int, int]]:
    """Where a table's row of three cells or more breaks into sentences: before each cell
    after the second that says something of its own (four words or more), so that no
    sentence runs on from one cell into the next ("| William | Harold had sworn an oath |
    Edward's cousin once removed; ... |" said Harold was Edward's cousin). The first cell
    labels the second, as in a row of two ("1930 | The Salt March"); short cells, a figure
    or a name, stay with the cells before them ("| Pinatubo | Philippines | 1991 | 847 |")."""
    for row in _ROW.finditer(note):
        bars = [row.start() + m.start() for m in _BAR.finditer(row.group())]
        for index, bar in enumerate(bars[1:-1], start=1):
            if index < 2:
                continue  # (the bar between the first and second cells)
            cell = note[bar + 1 : bars[index + 1]]
            if len(WORD.findall(cell)) >= OWN_CELL_WORDS and not _RULE_CELL.fullmatch(cell):
                yield bar, bar + 1 + (len(cell) - len(cell.lstrip()))


def row_label(note: str, start: int) -> str | None:
    """The first cell of the table's row a sentence starts in, where the sentence is a cell
    of its own after the second (``_cell_breaks``): "Kashmir" for "He joined India on 26
    October 1947" in "| Kashmir | ... | He joined India ... |". None for any other sentence."""
    line_start = note.rfind("\n", 0, start) + 1
    if not note.startswith("|", line_start) and not note[line_start:start].lstrip().startswith("|"):
        return None
    bars = [m.start() for m in _BAR.finditer(note, line_start, start)]
    if len(bars) < 3 or note[bars[-1] + 1 : start].strip():
        return None  # (the first or second cell, or inside a cell)
    first = note[bars[0] + 1 : bars[1]].strip()
    return first or None


# A table's row between bars, on a line of its own: "| a | b | c |".
_ROW = re.compile(r"(?m)^[ \t]*\|[^\n]*\|[ \t]*$")
_BAR = re.compile(r"(?<!\\)\|")
_RULE_CELL = re.compile(r"[ \t]*:?-+:?[ \t]*")


def _bare_table_lines(note: str) -> Iterator[tuple[int, int]]:
    """Each line of a table without outer bars, as a list item's mark is found: from the
    line break before it (or the start of the notes) to its first character. A line of it
    is a sentence of its own, as a row between bars is."""
    for table in _BARE_TABLE.finditer(note):
        at = table.start()
        while at < table.end():
            yield max(at - 1, 0) if at else 0, at
            at = note.find("\n", at, table.end()) + 1 or table.end()


# A number that may mark an item of a list run along a line: "2. Russia", "2) the naval
# race" (not "2.5", "1914.", "No. 2").
_INLINE_NUMBER = re.compile(r"(?=\d)(?<![\w.,£$%-])(\d{1,2})([.)])[ \t]+(?=\S)")


def _numbered_along(note: str) -> Iterator[tuple[int, int]]:
    """The marks of items numbered 1, 2, 3 ... along one line ("1. Austria-Hungary sent
    ... 2. Russia mobilised ...", "Key causes: 1) the alliance system 2) the naval race"),
    as a list item's mark is found: each item a sentence of its own, its number no point.
    A lone "2." or a run that does not count up from 1 is no list."""
    line_start = 0
    for line in note.split("\n"):
        run: list[re.Match[str]] = []
        for number in _INLINE_NUMBER.finditer(line):
            # "2." marks an item where a sentence could start ("... July. 2. Russia"),
            # "2)" anywhere ("1) the alliance system 2) the naval race").
            before = line[: number.start()].rstrip()
            opens = number[2] == ")" or not before or before[-1] in ".!?:;"
            if opens and int(number[1]) == len(run) + 1 and (not run or number[2] == run[0][2]):
                run.append(number)
        if len(run) >= 2:
            for number in run:
                yield line_start + number.start(), line_start + number.end()
        line_start += len(line) + 1


def _asked_in_a_title(note: str, end: int, next_start: int) -> bool:
    """Is the stop at ``end`` a question or exclamation mark that closes a quoted title, the
    sentence going on after it ("the pamphlet 'What is the Third Estate?' (January 1789)
    answered: everything")?"""
    if note[end : end + 1] not in ("?", "!") or note[end + 1 : end + 2] not in _CLOSING_QUOTES:
        return False
    after = _ASIDE_AFTER.match(note, next_start)  # (it matches at least nothing)
    at = after.end() if after is not None else next_start
    return note[at : at + 1].islower()


_CLOSING_QUOTES = ("'", "’", '"', "”")
# A bracketed aside after a quotation, and the space after it: "(January 1789) ".
_ASIDE_AFTER = re.compile(r"(?:\([^()\n]{0,40}\)[ \t]*)?")


def _past_closing_quote(note: str, start: int, end: int) -> int:
    """Where a sentence that ends inside a quotation or brackets ends: past the stop and the
    closing mark ('... said: "It would be wrong ... non-violence."', "Edward dies (5
    Jan.)"), not before them."""
    if note[end : end + 1] not in (".", "!", "?"):
        return end
    said, closing = note[start:end], note[end + 1 : end + 2]
    if closing == ")":
        return end + 2 if said.count("(") > said.count(")") else end
    if closing not in ('"', "”"):
        return end
    opened = said.count('"') % 2 == 1 or said.count("“") > said.count("”")
    return end + 2 if opened else end


def _past_marker(bullets: list[tuple[int, int]], at: int) -> int:
    """Where the text starts after the list marker ``at`` stands in (``at`` if in none);
    ``bullets`` are the markers' spans, in order."""
    index = bisect_right(bullets, (at, sys.maxsize)) - 1
    if index >= 0 and bullets[index][0] <= at < bullets[index][1]:
        return bullets[index][1]
    return at


# Two sentences run together where a full stop and a space went missing: "Volgogradthe powers".
_GLUED = re.compile(r"(?=[A-Z])\b[A-Z][a-z]{3,}(the)\s")


def _glued(match: re.Match[str]) -> bool:
    word = match.group().strip()
    return zipf(word.lower()) == 0 and zipf(word[:-3].lower()) > 0


_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]$")


def trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` without the spaces, stops and dangling "and" at its ends, if any
    word is left."""
    while start < end and (text[start].isspace() or text[start] in _TRIM):
        start += 1
    # "... the Tudor dynasty.[1]": a footnote's mark, and the stop before it.
    if text[end - 1 : end] == "]" and (mark := _FOOTNOTE_MARK.search(text, start, end)):
        end = mark.start()
    # (and a dash left standing before a cut: "clergy told to stop marrying - but ...")
    while end > start and (
        text[end - 1].isspace()
        or text[end - 1] in _TRIM
        or (text[end - 1] in "-–—" and text[end - 2 : end - 1].isspace())
    ):
        end -= 1
        # A list the notes break off ("... to peasants and ...") ends on its last item.
        dangling = _DANGLING.search(text, start, end)
        if dangling and end > start:
            end = dangling.start()
    if WORD.search(text, start, end):
        yield start, end


def clear_caches() -> None:
    """Forget the paragraphs cut before (for benchmarks that time the work itself)."""
    _sentence_spans.cache_clear()
