"""Small text helpers shared by the parser, the store and the CLI.

Original text is always kept for display; these produce the forms used for matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

__all__ = [
    "BULLETS",
    "LIST_ITEM",
    "LIST_MARK",
    "OWN_CELL_WORDS",
    "find_whole",
    "has_phrase",
    "match_key",
    "normalise",
    "plain",
    "runs",
    "shorten",
    "slugify",
    "words",
]

#: The bullets that open a list item in notes typed, pasted from Word or written in Markdown.
BULLETS = "-*+•–▪◦"
#: How many words a table's cell after the second needs to say something of its own, a
#: sentence apart from the cells before it, in a Markdown table's row as in a Word table's.
OWN_CELL_WORDS = 4
#: A list item's mark, as a pattern: a bullet, a number, a letter or a roman numeral ("1.",
#: "2)", "(3)", "a)", "(b)", "ii."), or the bar that opens a row of a Markdown table. "c."
#: before a figure is circa ("c. 1500"), not the third item. Every reader of lists
#: (sentences, points, parts, cards, the timeline) takes the same marks.
LIST_MARK = (
    rf"(?:[{BULLETS}|]|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{2,4}})\)|"
    r"(?:\d{1,2}|[abd-z]|[ivx]{2,4}|c(?=\.[ \t\u00a0]*[^\d\s]))\.)"
)
#: A list item's mark with the spaces around it, as it opens a line: "- ", "  2. ".
LIST_ITEM = re.compile(rf"[ \t\u00a0]*{LIST_MARK}[ \t\u00a0]+")

_T = TypeVar("_T")

# Typographic characters that real notes mix freely with their plain forms.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\ufeff": "",
        "\u200b": "",
    }
)
# The characters the table changes: most text has none, and a search for them is quicker
# than ``str.translate``, which looks every character of a non-ASCII text up.
_TRANSLATED = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "]")
_REPLACEMENTS = {chr(code): str(value or "") for code, value in _TRANSLATE.items()}
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def normalise(text: str) -> str:
    """Straighten quotes and dashes, turn non-breaking spaces into spaces, collapse runs of space.

    >>> normalise("Khrushchev\u2019s\u00a0\u00a0 speech ")
    "Khrushchev's speech"
    """
    if not text.isascii():  # ASCII is its own NFC, and holds nothing the table changes
        text = unicodedata.normalize("NFC", text)
        text = _TRANSLATED.sub(lambda found: _REPLACEMENTS[found.group()], text)
    # A run of spaces becomes one, and none at the ends: \s is str.isspace, as split's is.
    return " ".join(text.split())


def match_key(text: str) -> str:
    """The form two texts share when they say the same thing: normalised and case-folded."""
    if len(text) <= _KEPT_KEY_LENGTH:
        return _short_key(text)
    return normalise(text).casefold()


#: The longest text whose key is kept: a point, a term, a card's side, not a paragraph.
_KEPT_KEY_LENGTH = 200


# Points, their terms and cards are keyed again and again (their ids, stems, common names,
# causes, duplicates): the last 32,768 short texts' keys are kept (about 10 MB).
@lru_cache(maxsize=32768)
def _short_key(text: str) -> str:
    return normalise(text).casefold()


def slugify(text: str) -> str:
    """A short ascii name for URLs and the command line.

    >>> slugify("Khrushchev\u2019s attempts at modernisation.")
    'khrushchevs-attempts-at-modernisation'
    """
    ascii_text = unicodedata.normalize("NFKD", normalise(text)).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("'", "").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:80].rstrip("-") or "course"


def words(text: str) -> list[str]:
    """The words of a text, normalised and case-folded, in order."""
    return _WORD.findall(match_key(text))


def find_whole(text: str, word: str, start: int = 0, joiners: str = "_-") -> int:
    r"""Where ``word`` first stands whole in ``text`` from ``start``, -1 if nowhere: with no
    letter, digit or ``joiners`` either side, as the pattern ``(?<![\w-])word(?![\w-])``
    finds it (``\w`` is what ``str.isalnum`` says, or "_"), without compiling a pattern for
    every word looked for (``str.find`` looks at C's speed).

    >>> find_whole("the Tsar's Tsarina", "Tsar"), find_whole("anti-Tsar", "Tsar")
    (4, -1)
    """
    at = text.find(word, start)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(word) : at + len(word) + 1] or " "
        if not (before.isalnum() or before in joiners) and not (
            after.isalnum() or after in joiners
        ):
            return at
        at = text.find(word, at + 1)
    return -1


def has_phrase(text: str, phrase: str) -> bool:
    """Does ``text`` hold ``phrase`` whole, not inside a longer or hyphenated word?

    >>> has_phrase("the soviet union", "soviet"), has_phrase("anti-soviet feeling", "soviet")
    (True, False)
    """
    if phrase not in text:  # the plain test first: most texts do not hold most phrases
        return False
    return _phrase_pattern(phrase).search(text) is not None


@lru_cache(maxsize=8192)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # Compiled once for each phrase, in a cache of our own: made anew for each call, they
    # pushed other modules' patterns out of ``re``'s cache of 512, to be compiled again.
    return re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")


_DANGLING = re.compile(r"[\s,;:(–—-]+(?:and|or|but|the|a|an)?$", re.IGNORECASE)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters.

    >>> shorten("The Seventh Five Year Plan, launched in 1959, pushed chemicals", 40)
    'The Seventh Five Year Plan, launched in…'
    >>> shorten("Stalin  died", 40)
    'Stalin died'
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    # Do not end on a comma or on a word that leads into what was cut off ("... and").
    while (trimmed := _DANGLING.sub("", cut)) != cut and trimmed:
        cut = trimmed
    return cut + "…"


# -- Markdown markup --------------------------------------------------------------------------

_MARKUP = (
    (re.compile(r"!?\[([^\]\n]+)\]\([^)\s]*\)"), r"\1"),  # [text](address), ![alt](image)
    (re.compile(r"`+([^`\n]+?)`+"), r"\1"),  # `code`
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **bold**, __bold__
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _italic_
    (re.compile(r"[ \t]+\|[ \t]+"), ": "),  # a table row's cells: "1919 | Amritsar Massacre"
    (re.compile(r"(?<=[\w.,;:!?’'\")])\[\d{1,3}\]"), ""),  # a footnote's mark: "dynasty.[1]"
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # a quotation's mark: "> 'If we ...'"
)


def plain(text: str) -> str:
    """The text without Markdown's emphasis, code marks and link addresses, as a card shows
    it; the notes themselves keep them (nothing a user wrote is lost).

    >>> plain("**Yalta, February 1945**: the *Big Three* met ([map](https://x.org/m))")
    'Yalta, February 1945: the Big Three met (map)'
    >>> plain("1919 | Amritsar Massacre")
    '1919: Amritsar Massacre'
    """
    if not any(map(text.__contains__, "*_`[|>")):  # most text has no markup at all
        return text
    for pattern, kept in _MARKUP:
        text = pattern.sub(kept, text)
    return text


# -- spans of a text, as marked feedback shows them -------------------------------------------


def runs(text: str, spans: Sequence[tuple[int, int, _T]]) -> list[tuple[str, _T | None, list[_T]]]:
    """``text`` cut at both ends of every span (start, end, what it marks): each run with the
    innermost span over it (None where none is), and what the spans that end with it mark,
    innermost first. Spans may nest or overlap, and every character is in one run, so a
    span inside another (a sentence's half that earned a point of its own) is shown too.

    >>> runs("Stalin died in 1953.", [(0, 19, "a"), (12, 19, "b")])
    [('Stalin died ', 'a', []), ('in 1953', 'b', ['b', 'a']), ('.', None, [])]
    """
    size = len(text)
    placed = [
        (min(max(start, 0), size), min(max(end, 0), size), item) for start, end, item in spans
    ]
    placed = [(a, b, item) for a, b, item in placed if a < b]  # an empty span marks nothing
    cuts = sorted({0, size, *(start for start, _, _ in placed), *(end for _, end, _ in placed)})
    found: list[tuple[str, _T | None, list[_T]]] = []
    for start, end in pairwise(cuts):
        over = sorted((b - a, n) for n, (a, b, _) in enumerate(placed) if a <= start and end <= b)
        inner = placed[over[0][1]][2] if over else None
        ending = [placed[n][2] for _, n in over if placed[n][1] == end]
        found.append((text[start:end], inner, ending))
    return found
