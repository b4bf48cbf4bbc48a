"""English as notes and answers write it: the words and patterns every other module reads by.

Verbs (auxiliaries, past tenses, participles), months, the years a text may name, number
words, words that say "not", note-taking shorthands ("w/o"), and the small words that carry
no content. Each list is written once, here; a list that differs from another does so
because it means something else, and its name says what.

    >>> is_verb("fought"), is_verb("sacred"), is_past("closed"), base_form("drew")
    (True, False, True, 'draw')
    >>> as_number("twenty-five"), as_number("2 million")
    ('25', '2000000')
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import cache
from typing import Any

__all__ = [
    "APOSTROPHE_YEAR",
    "AUXILIARIES",
    "CURRENCY",
    "DECADE",
    "DIGIT_WORDS",
    "FACT_DECADE",
    "FACT_YEAR",
    "FINITE_AUXILIARIES",
    "IRREGULAR_PASTS",
    "LITTLE_WORDS",
    "MODALS",
    "MONTH",
    "MONTHS",
    "MONTH_OR_SHORT",
    "NATIONALITIES",
    "NEGATIONS",
    "NOT_CONTENT",
    "NUMBER_WORDS",
    "OPPOSED_SIDES",
    "OPPOSITE_WORDS",
    "PAPER_YEAR",
    "PARTICIPLES",
    "PREPOSITIONS",
    "PRONOUNS",
    "QUANTIFIERS",
    "RIVAL_SIDE",
    "SCALES",
    "SCALE_WORD",
    "SHORTHANDS",
    "SHORT_MONTHS",
    "SHORT_SCALE",
    "SPLITTING_PASTS",
    "STOP_WORDS",
    "SUBJECT_STARTS",
    "SUBORDINATORS",
    "TEEN_WORDS",
    "TENS",
    "TEN_WORDS",
    "TITLES",
    "TWO_FIGURE_YEAR",
    "TWO_FIGURE_YEAR_NOT_DAY",
    "UNITS",
    "WENT_DOWN",
    "WENT_UP",
    "WORD",
    "YEAR",
    "as_number",
    "base_form",
    "has_verb",
    "is_past",
    "is_verb",
    "past_of_present",
    "side",
    "spelt_out",
    "stem",
    "word_rarity",
    "zipf",
]

#: A word, with the apostrophes and hyphens inside it: "Khrushchev’s", "de-Stalinisation".
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# -- verbs ------------------------------------------------------------------------------------

#: Auxiliaries that can be a clause's first verb, modals among them ("would", "could").
MODALS = frozenset("would could should might must can will may shall".split())
#: Auxiliaries a clause's verb group opens with, the tense carried ("did", "had", "would"):
#: what a question puts before its subject ("When did Stalin die?").
FINITE_AUXILIARIES = frozenset("was were had has have is are did does do".split()) | MODALS
#: Every form of "be", "have" and "do" and the modals: a verb, whatever follows.
AUXILIARIES = FINITE_AUXILIARIES | frozenset("be been being am".split())

#: Past tenses that do not end in "-ed", each with its plain form.
IRREGULAR_PASTS: dict[str, str] = dict(
    pair.split(":")
    for pair in """became:become began:begin brought:bring built:build came:come chose:choose
    drew:draw drove:drive fell:fall felt:feel fought:fight found:find gave:give got:get
    grew:grow held:hold kept:keep knew:know led:lead left:leave lost:lose made:make meant:mean
    met:meet paid:pay put:put ran:run rose:rise said:say saw:see sent:send set:set shot:shoot
    sold:sell spoke:speak spent:spend stood:stand struck:strike swept:sweep took:take
    taught:teach thought:think told:tell threw:throw went:go won:win wrote:write used:use
    bought:buy cut:cut let:let overthrew:overthrow rebuilt:rebuild undertook:undertake
    withdrew:withdraw sat:sit rode:ride fled:flee hid:hide sank:sink broke:break froze:freeze
    wore:wear swore:swear shook:shake fed:feed sought:seek caught:catch dealt:deal
    forbade:forbid tore:tear stole:steal upheld:uphold understood:understand""".split()
)
#: The irregular past tenses (and "become", "begun") at which a sentence of the notes is cut
#: into two points: "X rose and Y fell". The later additions to ``IRREGULAR_PASTS`` ("cut",
#: "let", "used", "sat", "rebuilt", ...) are left out on purpose: at them the notes were cut
#: differently ("Railways used for the army, so food | fuel did not reach the cities"),
#: changing points on nine of ten benchmark notes and so the marker's measured figures.
SPLITTING_PASTS = (
    frozenset(IRREGULAR_PASTS)
    - frozenset("used bought cut let overthrew rebuilt undertook withdrew sat".split())
) | {"become", "begun"}
#: Past participles that do not end in "-ed": "had been", "was taken", "were won".
PARTICIPLES = frozenset(
    """been become begun brought built chosen done drawn driven fallen felt fought found given
    got gotten grown held kept known led left lost made meant met paid put run risen said seen
    sent set shot sold spoken spent stood struck swept taken taught thought told thrown gone won
    written rewritten rebuilt bought cut let overthrown undertaken withdrawn shut sat
    come""".split()
)
#: Past tenses in "-eed" ("need" and "speed" are none).
_EED_PASTS = frozenset("agreed freed decreed guaranteed".split())
#: Past tenses whose base ends in "e" though the word without "-ed" is commoner ("unit").
_E_PASTS = frozenset("united reunited".split())
#: Words in "-ed" that are no verb: "two hundred", "a sacred duty".
_NOT_VERBS = frozenset("hundred sacred naked wicked kindred beloved".split())


@cache  # the same few thousand words are asked about again and again
def is_past(word: str) -> bool:
    """Is the word a past tense: "closed", "set"?"""
    regular = len(word) > 3 and word.endswith("ed") and word[-3] != "e"  # not "need", "speed"
    return word in IRREGULAR_PASTS or regular or word in _EED_PASTS


@cache
def is_verb(word: str, *, splits: bool = False) -> bool:
    """Could the word be a clause's verb: an auxiliary or a past tense, in lower case?

    With ``splits``, the narrower test that cuts notes into points: a past tense from
    ``SPLITTING_PASTS`` or a regular one of five letters or more ("died", "freed" and
    "used" do not split "X did A and died in B" into two points).

    >>> is_verb("were"), is_verb("planned"), is_verb("hundred"), is_verb("Planned")
    (True, True, False, False)
    >>> is_verb("died"), is_verb("died", splits=True), is_verb("became", splits=True)
    (True, False, True)
    """
    if not word[:1].islower() or word in _NOT_VERBS:
        return False
    if word in AUXILIARIES:
        return True
    if splits:
        return word in SPLITTING_PASTS or (
            len(word) > 4 and word.endswith("ed") and word[-3] != "e"
        )
    return is_past(word)


def has_verb(text: str) -> bool:
    """Has the text a verb, as notes are cut into points (``is_verb(word, splits=True)``)?"""
    return any(is_verb(word, splits=True) for word in WORD.findall(text.lower()))


_ISED = re.compile(r"(?:is|iz|ys|yz)ed$")
_DOUBLES = re.compile(r"[^aeiouy]*[aeiou][b-df-hj-np-tvz]")  # "not", "scrap", "plan"


def base_form(past: str) -> str:
    """The plain form of a past tense: closed -> close, scrapped -> scrap, tried -> try."""
    if past in IRREGULAR_PASTS:
        return IRREGULAR_PASTS[past]
    if past.endswith("ied"):
        return past[:-1] if len(past) == 4 else past[:-3] + "y"  # died, tried
    if _ISED.search(past):
        return past[:-1]  # emphasised, organized, analysed
    stem = past[:-2]
    if past in _E_PASTS:
        return stem + "e"
    # A short stem of one vowel and one consonant doubles it before "-ed" ("planned"), so
    # "noted" and "scraped" are "note" and "scrape", not "not" and "scrap".
    candidates = [stem + "e"] if _DOUBLES.fullmatch(stem) else [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])  # planned, scrapped, cancelled
    return max(candidates, key=word_rarity)


_PASTS_OF = {base: past for past, base in IRREGULAR_PASTS.items()}
_SIBILANT_ES = ("ches", "shes", "sses", "xes", "zes", "oes")


def may_be_base_verb(word: str) -> bool:
    """Could a word in lower case be a verb's plain form, as after "did": has it a past
    tense, irregular or one English uses ("help": "helped"; not "foreign", "economic")?

    >>> may_be_base_verb("help"), may_be_base_verb("give"), may_be_base_verb("stop")
    (True, True, True)
    >>> may_be_base_verb("foreign"), may_be_base_verb("economic")
    (False, False)
    """
    if word in _PASTS_OF or word in AUXILIARIES:
        return True
    pasts = [word + "ed", word + "d", word[:-1] + "ied", word + word[-1:] + "ed"]
    return any(zipf(past) >= _PAST_IN_USE for past in pasts)


_PAST_IN_USE = 2.0  # zipf of a past tense English uses ("helped" 4.5; "foreigned" 0)


def past_of_present(word: str) -> str | None:
    """The past tense a verb in the present with "-s" tells of, as a timeline does ("Koch
    identifies the bacterium", "Hitler becomes Chancellor"): None where the word is more
    likely a plural noun than a verb, that is where its past is a rarer word than it is
    ("troops", "methods"). Some plurals pass ("talks": "talked" is common), and some verbs
    do not ("plans"), so a caller asks only of a word just after a name.

    >>> past_of_present("identifies"), past_of_present("becomes"), past_of_present("declares")
    ('identified', 'became', 'declared')
    >>> past_of_present("troops"), past_of_present("methods"), past_of_present("was")
    (None, None, None)
    """
    if len(word) < 4 or not word.isalpha() or not word.endswith("s"):
        return None
    if word.endswith(("ss", "us", "is")):
        return None
    if word.endswith("ies"):
        base = word[:-3] + "y"
    elif word.endswith(_SIBILANT_ES):
        base = word[:-2]
    else:
        base = word[:-1]
    if base in _PASTS_OF:
        past = _PASTS_OF[base]
    elif base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2] not in "aeiou":
        past = base[:-1] + "ied"
    else:  # "planned" or "visited": the one English writes
        past = max([base + "ed", base + base[-1] + "ed"], key=zipf)
    return past if zipf(past) > max(zipf(word), 2.0) else None


# -- small words --------------------------------------------------------------------------------

#: Subjects that mean nothing out of context: no question is asked about them.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "this", "these", "that", "those"})
PREPOSITIONS = frozenset(
    "in on at by after before during until from under with within since following "
    "throughout for between over".split()
)
#: Words that open a clause of their own: "when", "because", "although".
SUBORDINATORS = frozenset(
    "when while whilst after before until because since once whereas although though unless".split()
)
#: Words that open a subject: "the", "most", "every", or a pronoun.
SUBJECT_STARTS = frozenset("the a an most many some all both each every no".split()) | PRONOUNS
#: Words too common for a card to hide, to ask about or to end a subject on.
STOP_WORDS = frozenset(
    """a an and are as at be but by for from had has have he her his in is it its of on or
    our she that the their them they this to was we were which who will with you""".split()
)
#: Words that say nothing of a topic when points, questions and answers are matched: the
#: little words, and the frame of an exam question ("describe", "how far", "policy").
NOT_CONTENT = frozenset(
    """a about after against all also an and any are as at be been before between by can
    carry carried did do does during early for from had has have he his how important in into
    is it its key late main made make of on or out over policy policies period so than that
    the their them then there these they this those through to try tried under up was way
    ways were what when where which who why with would year years describe explain far
    extent assess evaluate feature features""".split()
)
#: Titles that stand before a name and are no part of it, and that make it a person's:
#: "Pope" in "Pope Pius V", "Tsar" in "Tsar Nicholas II".
TITLES = frozenset(
    """President King Queen Tsar Emperor Empress General Marshal Chancellor Pope Kaiser Premier
    Chairman Lord Lady Sir Senator Archbishop Bishop Father Dr Prince Princess Duke Earl""".split()
)
#: Words that say how many of a thing, and name none: "Many unarmed Jews", "Most English
#: Catholics".
QUANTIFIERS = frozenset("many few some all most several both each every no".split())
#: Words for a people or a nation, which English writes with a capital wherever they stand:
#: "When did British troops fire ...?", though the notes write "British" only opening one.
NATIONALITIES = frozenset(
    """American Arab Australian Austrian Belgian British Bulgarian Canadian Catholic Chinese
    Christian Czech Danish Dutch Egyptian English European French German Greek Hungarian
    Indian Irish Israeli Italian Japanese Jewish Korean Mexican Muslim Norwegian Ottoman
    Palestinian Persian Polish Portuguese Protestant Prussian Roman Romanian Russian Scottish
    Serbian Soviet Spanish Swedish Swiss Turkish Ukrainian Vietnamese Welsh""".split()
)
#: Words that judge a state of things well or badly, as history notes judge harvests, laws,
#: armies and regimes: one said where the notes say one of the other kind turns the
#: statement round ("The harvest of 1788 was excellent" for "... was disastrous"). Words
#: with an everyday other sense are left out ("fair" the market, "great" of "Great Britain",
#: "hard", "fine", "just").
JUDGED_WELL = frozenset(
    """good excellent strong successful prosperous peaceful calm stable popular plentiful
    abundant loyal united safe secure effective efficient competent healthy victorious
    friendly lenient mild tolerant generous wealthy easy fair-minded honest""".split()
)
JUDGED_BADLY = frozenset(
    """bad terrible awful disastrous dreadful unfair weak unsuccessful violent ungovernable
    unstable unpopular scarce disloyal rebellious divided dangerous insecure ineffective
    inefficient incompetent unhealthy defeated hostile harsh severe brutal intolerant
    difficult chaotic corrupt catastrophic""".split()
)
#: Names of one country in the forms answers and notes use for it: "America" is the USA.
SAME_COUNTRY = (
    frozenset(
        {"usa", "us", "u.s.a", "u.s", "america", "united states", "united states of america"}
    ),
    frozenset({"ussr", "soviet union", "u.s.s.r"}),
    frozenset({"uk", "britain", "great britain", "united kingdom"}),
)
#: Words that give an amount roughly: "about 240 miles", "nearly 13 million". (Each reader
#: adds what it treats alike: "over", "approx.", "c.")
ROUGHLY = ("about", "around", "roughly", "approximately", "nearly", "almost", "some")
#: Words that give an amount as a bound: "over 100 towns", "more than 8 million".
BOUNDS = ("over", "under", "more than", "fewer than", "less than", "up to", "at least", "close to")
#: Words a typed answer may leave out ("Virgin Lands scheme" for "the Virgin Lands scheme").
LITTLE_WORDS = frozenset("a an the of and in on to for by".split())
#: Words that say "not" (with "n't" after a verb), as a regular expression's alternatives.
NEGATIONS = "not|no|never|cannot|neither|nor|without"

#: Shorthands of revision notes and the words they stand for, as study guides teach them:
#: "troops sent w/o declaring war" says "without". Each is lower case here; "Govt" is read
#: as "Government".
SHORTHANDS = {
    "w/o": "without",
    "w/in": "within",
    "w/": "with",
    "b/c": "because",
    "btwn": "between",
    "govt": "government",
    "gov't": "government",
    "govts": "governments",
    "wd": "would",
    "shd": "should",
    "ppl": "people",
    "yrs": "years",
}
_SHORTHAND = re.compile(
    r"(?<![\w/’'])(?:"
    + "|".join(re.escape(s).replace("'", "['’]") for s in sorted(SHORTHANDS, key=len, reverse=True))
    + r")(?![\w/’'])",
    re.IGNORECASE,
)
# Every shorthand as a plain string, with either apostrophe ("gov't", "gov’t"), less those
# that hold another ("w/o" holds "w/", "govts" holds "govt"): a text the pattern finds one in
# holds one of these in lower case.
_SPELLINGS = {s.replace("'", mark) for s in SHORTHANDS for mark in "'’"}
_SHORTHAND_STARTS = tuple(
    sorted(s for s in _SPELLINGS if not any(other != s and other in s for other in _SPELLINGS))
)
# The letters other than ASCII that ``re`` matches case-blind to an ASCII letter: the dotted
# and dotless i, the long s and the Kelvin sign. A text without them matches a shorthand
# only in ASCII letters, which its lower case keeps.
_FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"


def spelt_out(text: str) -> str:
    """``text`` as it reads with its shorthands written out, for comparing its words with
    another's; the notes themselves stay as written.

    >>> spelt_out("LBJ could send troops w/o asking Congress; Govt claims")
    'LBJ could send troops without asking Congress; Government claims'
    """
    if text.isascii() or not any(map(text.__contains__, _FOLDED_TO_ASCII)):
        # Most texts hold no shorthand, and these plain searches tell so several times
        # faster than the pattern's search at every letter. (Not where the pattern's
        # case-blind match may find one in other letters: the long s, U+017F, for "s",
        # which `lower` keeps.)
        lowered = text.lower()
        if not any(map(lowered.__contains__, _SHORTHAND_STARTS)):
            return text
    return _SHORTHAND.sub(_written_out, text)


def _written_out(found: re.Match[str]) -> str:
    shorthand = found.group()
    word = SHORTHANDS[shorthand.casefold().replace("’", "'")]
    return word.capitalize() if shorthand[0].isupper() else word


#: Sides every history course sets against each other, as ``side`` gives them: a student who
#: writes one for the other has the side wrong ("the West Germans" for "the East Germans").
OPPOSED_SIDES = (
    ("catholic", "protestant"),
    ("east", "west"),
    ("eastern", "western"),
    ("north", "south"),
    ("northern", "southern"),
    ("republican", "democrat"),
    ("royalist", "parliamentarian"),
    ("allied", "axis"),
)
#: Each side of OPPOSED_SIDES and the side it is set against.
RIVAL_SIDE = {a: b for pair in OPPOSED_SIDES for a, b in (pair, pair[::-1])}

#: Words that turn a statement round when one stands for the other: "the USSR was ahead in
#: the arms race" says the opposite of "the USSR was far behind". Comparisons ("faster than")
#: are read by ``pastpaper.marking.comparisons``, sides ("East", "West") by RIVAL_SIDE.
OPPOSITE_WORDS = (
    ("ahead", "behind"),
    ("won", "lost"),
    ("win", "lose"),
    ("succeeded", "failed"),
    ("successful", "unsuccessful"),
    ("rose", "fell"),
    ("rise", "fall"),
    ("rising", "falling"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increasing", "decreasing"),
    ("grew", "shrank"),
    ("accepted", "rejected"),
    ("supported", "opposed"),
    ("popular", "unpopular"),
    ("legal", "illegal"),
    ("allowed", "banned"),
    ("strengthened", "weakened"),
    ("inflation", "deflation"),
    ("larger", "smaller"),
    ("bigger", "smaller"),
    ("doubled", "halved"),
    ("agreed", "refused"),
    ("inside", "outside"),
    ("introduced", "abolished"),
    ("rich", "poor"),
    ("strong", "weak"),
    ("clean", "filthy"),
    ("clean", "dirty"),
    ("promised", "refused"),
    ("against", "for"),  # "in favour of" is read as "for"
)
#: Verbs that say a quantity went up, and those that say it went down: any of one group
#: turns a statement round for any of the other ("spending fell" for "spending tripled").
WENT_UP = frozenset(
    "rose grew increased doubled tripled trebled quadrupled soared climbed multiplied".split()
)
WENT_DOWN = frozenset("fell dropped declined decreased shrank halved slumped plunged".split())


_POSSESSIVE = re.compile(r"['’]s?$")


def side(word: str) -> str:
    """A word lower case, without its plural, possessive or "-ism": "Catholics", "Catholic's"
    and "Catholicism" are one side.

    >>> side("Catholicism"), side("Protestants"), side("West")
    ('catholic', 'protestant', 'west')
    """
    word = _POSSESSIVE.sub("", word.lower())
    for ending in ("ism", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    return word


# -- peoples and places -------------------------------------------------------------------------

#: The places whose people or adjective is not the place's name with an ending added: "the
#: French wars" are "the wars with France".
_PEOPLE_OF_PLACE = {
    "french": ("france",), "dutch": ("netherlands", "holland"), "welsh": ("wales",),
    "irish": ("ireland",), "scottish": ("scotland",), "scots": ("scotland",),
    "danish": ("denmark",), "danes": ("denmark",), "spanish": ("spain",),
    "spaniards": ("spain",), "polish": ("poland",), "poles": ("poland",),
    "swiss": ("switzerland",), "greek": ("greece",), "greeks": ("greece",),
    "flemish": ("flanders",), "portuguese": ("portugal",), "roman": ("rome",),
    "romans": ("rome",), "finnish": ("finland",), "soviet": ("ussr",), "british": ("britain",),
    "britons": ("britain",), "english": ("england",), "turks": ("turkey",),
    "arab": ("arabia",), "arabs": ("arabia",), "castilian": ("castile",),
}  # fmt: skip
# The endings that make a place's name its people's or adjective: "Germany" -> "German",
# "Russia" -> "Russian", "China" -> "Chinese", "Turkey" -> "Turkish", "Iraq" -> "Iraqi".
_PEOPLE_ENDINGS = ("ese", "ish", "ian", "an", "n", "i")


def names_a_place(word: str, places: Set[str]) -> bool:
    """Is ``word`` (lower case) the people or adjective of a place among ``places`` (lower
    case words): "french" of "france", "germans" of "germany", "prussian" of "prussia"?

    >>> names_a_place("french", {"france"}), names_a_place("germans", {"germany"})
    (True, True)
    >>> names_a_place("normal", {"normandy"})
    False
    """
    if any(place in places for place in _PEOPLE_OF_PLACE.get(word, ())):
        return True
    one = word[:-1] if word.endswith("s") else word  # "Germans" as "German"
    # The place is the stem with a short ending of its own: "germ" + "any".
    stems = [one[: -len(end)] for end in _PEOPLE_ENDINGS if one.endswith(end)]
    return any(
        p.startswith(stem) and len(p) - len(stem) <= 3
        for stem in stems
        if len(stem) >= 4
        for p in places
    )


# -- months and years ---------------------------------------------------------------------------

#: The months, in order: "In March 1953 Stalin died" has its subject after "March 1953".
MONTHS: tuple[str, ...] = tuple(
    "January February March April May June July August September October November December".split()
)
#: The months' usual short forms: "4 Aug 1914", "Sept. 1915".
SHORT_MONTHS: tuple[str, ...] = tuple("Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split())
#: A month's full name, as a regular expression's alternatives.
MONTH = "|".join(MONTHS)
#: A month, in full or short, with a full stop after a short form: "Aug", "Sept.".
MONTH_OR_SHORT = rf"(?:{MONTH}|{'|'.join(SHORT_MONTHS)})\b\.?"

#: A year in four figures, 1000 to 2099: what a date may name without an era ("in 1066").
YEAR = r"(?:1\d\d\d|20\d\d)"
DECADE = r"(?:1\d\d0|20\d0)"  # "the 1920s", without its "s"
# Where two figures end as a year: not in a longer number or word, a share ("62%"), a span
# ("62-63"), a figure with its decimals ("62.5"), or a day before its year ("March 12, 1953").
_TWO_FIGURES_END = r"(?![\w’'%/-]|[.,:]\d|,?\s+\d{4})"
#: A year in its last two figures, as terse notes write it after a day and month ("14 Oct
#: 62") or an apostrophe; ``dates.full_year`` says which century. Only there is it a year:
#: "61 men", "page 62" and "MiG-21" are numbers.
TWO_FIGURE_YEAR = rf"\d\d{_TWO_FIGURES_END}"
#: The same after a month with no day before it ("Oct 62", "May 59"), where it cannot be a
#: day: "March 12" is a day, as Americans write it.
TWO_FIGURE_YEAR_NOT_DAY = rf"(?:3[2-9]|[4-9]\d){_TWO_FIGURES_END}"
#: A year in two figures after an apostrophe: "'62", "’58" (not "the '60s").
APOSTROPHE_YEAR = rf"(?<![\w’'])[’']\d\d{_TWO_FIGURES_END}"
#: A year as a fact of a point or claim, 1500 to 2099: the marker's facts were tuned on these,
#: and an earlier four-figure number in its notes ("1200 men") is more often a count.
FACT_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
FACT_DECADE = r"(?:1[5-9]\d0|20\d0)"
#: The year an exam paper was set, 1800 to 2199: "2002: Why did Khrushchev ...?".
PAPER_YEAR = r"(?:18|19|20|21)\d\d"

# -- numbers ------------------------------------------------------------------------------------

#: Number words up to nineteen, tens, and scales, with their values.
UNITS: dict[str, int] = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS: dict[str, int] = {
    word: 10 * n
    for n, word in enumerate("- - twenty thirty forty fifty sixty seventy eighty ninety".split())
    if word != "-"
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
#: Words that state a number in notes: "two million", "fifty", "fourteen". "One" is not
#: among them alone ("one of the causes" states no count), though "twenty-one" is.
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion".split()
)
#: Number words as a regular expression's alternatives, in counting order: a spoken year's
#: parts ("nineteen forty-five").
DIGIT_WORDS = "|".join(w for w, n in UNITS.items() if 1 <= n <= 9)
TEEN_WORDS = "|".join(w for w, n in UNITS.items() if n >= 11)
TEN_WORDS = "|".join(TENS)


_SHORT_SCALES = {"m": "million", "bn": "billion", "k": "thousand"}

# What a figure may be written with, as patterns' parts, so that every pattern that reads
# figures (the cards', the clauses', the tables', the inaccuracies', the timeline's) knows the
# same ones:
#: a currency sign before it ("£3.60");
CURRENCY = "[£$€]"
#: a short scale after it ("1.5m", "3bn", "20k");
SHORT_SCALE = "(?:" + "|".join(_SHORT_SCALES) + ")"
#: a scale word after it ("2 million").
SCALE_WORD = "(?:" + "|".join(SCALES) + ")"

_SCALED = re.compile(rf"(\d+(?:\.\d+)?)({SHORT_SCALE})")


_FRACTIONS = {"half": 0.5, "quarter": 0.25}


_NUMBER_SPLIT = re.compile(r"[\s-]+")
_FIGURES = re.compile(r"\d+(?:\.\d+)?")


def as_number(value: str) -> str:
    """'twenty-five' and '25' are the same number, and so are '2 million' and '2000000';
    anything else comes back as it was.

    >>> as_number("three hundred and fifty"), as_number("12.8 million"), as_number("a lot")
    ('350', '12800000', 'a lot')
    >>> as_number("1.5m"), as_number("3bn")
    ('1500000', '3000000000')
    >>> as_number("two and a half million"), as_number("half a million")
    ('2500000', '500000')
    """
    short = _SCALED.fullmatch(value)
    if short:  # "1.5m", "3bn", "20k"
        value = f"{short[1]} {_SHORT_SCALES[short[2]]}"
    total = current = 0.0
    words = _NUMBER_SPLIT.split(value)
    for word in words:
        if _FIGURES.fullmatch(word):
            current += float(word)
        elif word in UNITS or word in TENS:
            current += UNITS.get(word, 0) + TENS.get(word, 0)
        elif word in _FRACTIONS:  # "two and a half million", "half a million"
            current += _FRACTIONS[word]
        elif word in ("a", "an") and _FRACTIONS.keys() & set(words):
            continue
        elif word in SCALES:
            current = (current or 1) * SCALES[word]  # "million" alone is one million
            if SCALES[word] > 100:
                total, current = total + current, 0.0
        elif word != "and":
            return value
    number = total + current
    return str(int(number)) if number.is_integer() else str(number)


# -- stems ---------------------------------------------------------------------------------------


@cache  # the same few thousand words are stemmed again and again
def stem(word: str) -> str:
    """A word's stem, as Snowball's English stemmer cuts it ("industrial", "industry":
    "industri"), a curly apostrophe read as a straight one.

    >>> stem("industrial"), stem("industry"), stem("peasants’")
    ('industri', 'industri', 'peasant')
    """
    return str(_stemmer().stemWord(word.replace("’", "'")))


@cache
def _stemmer() -> Any:
    import snowballstemmer  # loaded on first use

    return snowballstemmer.stemmer("english")


# -- how common a word is -----------------------------------------------------------------------


@cache
def word_rarity(word: str) -> float:
    """How common a word is in English (zipf: 0 unknown, 3 uncommon, 6 everyday), crediting
    British spellings with their American twin's use ("modernisation", "labour")."""
    american = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)
    american = re.sub(r"our$", "or", american)
    return max(zipf(word), zipf(american))


@cache
def zipf(word: str) -> float:
    """How common a word is as spelt (zipf), from wordfreq's English list."""
    from wordfreq import zipf_frequency  # loads its word list on first use

    return float(zipf_frequency(word, "en"))
