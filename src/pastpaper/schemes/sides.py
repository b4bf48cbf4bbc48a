"""The two sides of a judgement: which points argue for what a "how far" question asks
about, and which against.

A point argues against where its wording says so ("failed", "did not"), or the sentence or
paragraph it stands in turns to the other side ("Yet ...", "Against this: ..."). Where the
question weighs one factor as the main cause ("How far was the growth of population the
main reason for industrialisation?", "... due to luck?"), the parts of the notes about
other factors are the other side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Literal

from pastpaper.language import JUDGED_BADLY, JUDGED_WELL, WORD
from pastpaper.schemes.parts import content_words, opening_of, part_label, parts_of
from pastpaper.schemes.points import Point, sentence_spans
from pastpaper.schemes.stems import content_stems, text_stems
from pastpaper.schemes.terms import names_in
from pastpaper.text import LIST_ITEM

__all__ = [
    "Contest",
    "Side",
    "about_factor",
    "contest_of",
    "factor_stems",
    "finds_fault",
    "labelled_by",
    "rivals_in",
    "side_of",
    "turned_by",
    "weighs_someone",
    "weighs_success",
]

Side = Literal["for", "against"]

# The other side of an argument: "Yet ...", "Against this: ...", "Critics added that ...",
# "Some historians warn against ...".
_CONTRAST = re.compile(
    r"^(?:yet|however|but|although|though|against this|on the other hand|nevertheless|"
    r"even so|still|despite|in spite of|critics|others|not all|not everyone|not everything|"
    r"not (?:entirely|wholly|solely|simply|just) |limits?|"
    r"failures?|weaknesses|problems?|on the other side|"
    # historians who take the other view: "Some historians warn against seeing ..."
    r"(?:some|other|many|revisionist)\s+historians\s+(?:warn|question|doubt|disput|challeng|"
    r"disagree|reject)\w*)\b|"
    r"\b(?:failed|fell short|did not|was not|were not|could not|never|no longer|"
    r"only partly|only a|little|critics?|criticis\w*|criticiz\w*|however|"
    # "were limited", "had limited success" (not the deed of "limited children to ten hours")
    r"(?:was|were|is|are|had|has|have|of|a|very|only|too|remained|proved)\s+limited|"
    r"too (?:little|late|low|few|small|weak|slow|short|harsh)|"
    r"nevertheless|despite)\b",
    re.IGNORECASE,
)

# A point that gives the credit to one thing rather than another it names: "X, not Cavour,";
# or says the named one did not do a thing: "Germany did not want a general war".
_DENIES_ONE = re.compile(r",\s+not\s+(?:the\s+)?(?P<name>[A-Z][^,]*),")
_DENIED_SUBJECT = re.compile(
    r"^(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+"
    r"(?:did not|didn't|was not|wasn't|were not|had not|never|could not)\b"
)


def _denies(text: str, weighed: frozenset[str]) -> bool:
    """Does a point deny the factor weighed what the notes credit it with: "Prussia's wars,
    not Cavour, gave Italy Venetia", "Germany did not want a general war"?"""
    for found in (_DENIES_ONE.search(text), _DENIED_SUBJECT.match(text)):
        if found is not None and content_stems(found["name"]) & weighed:
            return True
    return False


# What turns a sentence, or a whole paragraph, to the other side of the argument: "Yet the
# alliances did not drag every member into war", "On the other hand, no amount of dredging
# would have coped", "Against this: Austria-Hungary chose ...", "Critics added that ...".
# Not "although" or "despite": the clause they open concedes, and the main clause still
# argues ("Despite the treaty, Germany felt encircled").
_TURN = re.compile(
    r"(?:yet|however|on the other hand|against this|nevertheless|nonetheless|even so|"
    r"critics|not everyone|not all|not everything|not (?:entirely|wholly|solely|simply))\b",
    re.IGNORECASE,
)
# A turn that brings the argument's own cause: "However, the main reason was ...".
_NAMES_CAUSE = re.compile(r"\b(?:reasons?|causes?|because)\b", re.IGNORECASE)
# ... unless the cause it names is not the one weighed: "Yet the Tea Party was not the only
# cause of the war", "However, there were other reasons".
_OTHER_CAUSES = re.compile(
    r"\bnot\s+(?:the\s+)?(?:only|main|sole|whole|chief|real)\b|\bother\s+(?:causes|reasons|factors)\b",
    re.IGNORECASE,
)


def side_of(
    point: Point,
    notes: tuple[str, ...],
    turned: bool,
    factor: Sequence[bool] | None = None,
    rivals: tuple[frozenset[str], frozenset[str]] | None = None,
    faults: bool = False,
    weighed: frozenset[str] = frozenset(),
    labelled: Side | None = None,
    success: bool = False,
    judged: Side | None = None,
    contest: Contest | None = None,
) -> Side:
    """Which side of a judgement a point argues: the other side is told by its wording
    ("failed", "did not"), or by the sentence or paragraph it stands in turning to it
    ("Yet ...", "Against this: ..."); where the question weighs one factor as the main
    cause, by standing in a part of the notes about another (``factor``: for each
    paragraph, is its part about the one weighed); where it weighs one thing against
    another ("How far was Koch more important than Pasteur?", ``rivals``: the stems of
    each), a point about the second, before or without the first, is the other side.
    ``faults``: the view asked about finds fault (``finds_fault``); ``weighed``: the stems
    of the factor weighed (``factor_stems``); ``labelled``: the side the notes' own label
    puts it on ("For:", "Against:", ``labelled_by``), which decides before any of these;
    ``success``: the view asked about is a success (``weighs_success``), which what it cost
    and what it left undone argue against; ``judged``: the notes' label of the point as a
    success or a failure ("### Failures", ``judged_by``); ``contest``: the view weighs how
    serious a threat was or how far it was met (``contest_of``), which a threat put down
    argues against or for."""
    if point.source.note < 0:
        return "for"
    if labelled is not None:
        return labelled
    if judged is not None and (success or faults):
        # "### Successes" over what went well: for a view that it succeeded, against one
        # that it failed ("How far was the Great Leap Forward a disaster?")
        return judged if success and not faults else ("against" if judged == "for" else "for")
    if rivals is not None:
        first = _first_of(point.text, rivals)
        if first is not None:
            return "for" if first == 0 else "against"
    opening = notes[point.source.note].lstrip("-*•# \t")[:40]
    if factor is not None:
        # Within the weighed factor's own part only a turn ("Yet ...") argues against it:
        # its negative words are its evidence ("the enemy could not escape" tells of the
        # luck; "the July Offensive failed" of the war).
        # A list's item argues on its own: "- BUT army also important: winter campaigns".
        against = (
            turned
            or _CONTRAST.match(opening)
            or _turns_item(notes[point.source.note], point)
            or _denies(point.text, weighed)
            or _ONE_OF_MANY.search(point.text) is not None
            or _SPREADS_BLAME.search(point.text) is not None
        )
        # A list of factors, each under its label ("- **King's leadership.** ...", "-
        # **Presidents.** ..."): an item is the weighed factor's where its label names it.
        label = _item_label(notes[point.source.note], point) if weighed else None
        if label is not None and not against:
            return "for" if content_stems(label) & weighed else "against"
        # A list whose items name the factor one by one, with no line over them that names
        # it ("- William landed at Pevensey - wind had changed; luck" among the battle's
        # other facts): an item is the factor's where it names it.
        named = (
            _item_names(notes[point.source.note], point, weighed, _labels_name(notes, weighed))
            if weighed
            else None
        )
        if named is not None and not against:
            return "for" if named else "against"
        return "for" if factor[point.source.note] and not against else "against"
    if contest is not None and (told := _contest_side(point, contest)) is not None:
        # "The rising collapsed, and some 450 rebels were executed": against a serious
        # threat, for one dealt with; "1586: the Babington Plot": against one dealt with.
        return told
    if success and _opens_on_the_cost(notes[point.source.note]):
        # "Partition brought terrible suffering. ... On the other hand, British rule ended
        # peacefully": a paragraph that opens on what went wrong argues against a success,
        # and its turn argues for it.
        return "for" if turned or _CONTRAST.match(opening) else "against"
    if turned and success and _turns_to_success(notes[point.source.note]):
        # "Judged by jobs, the New Deal half worked. ..." then "Yet much was achieved. The
        # banking system was saved": a turn to what went well argues for a success.
        return "for"
    opens_against = _CONTRAST.match(opening) is not None
    if turned or opens_against:
        # A paragraph that opens on the other side and turns back ("Some historians warn
        # against seeing them only as victims. ... Yet none of this outweighs the loss"):
        # the turn back argues the view asked about.
        turns_back = point.source.sentence_start > 0 and _TURN_WORDS.match(point.source.sentence)
        return "for" if opens_against and turns_back else "against"
    if _SPREADS_BLAME.search(point.text):
        return "against"  # "Many historians now spread the blame"
    if _CONTRAST.search(point.text):
        # "failed", "criticised": against a view that something worked, for one that it
        # failed (``faults``: "To what extent was the Great Leap Forward a disaster?")
        return "for" if faults else "against"
    if success and (
        _COST.search(point.text)
        or _FELL_THROUGH.search(point.text)
        or _WENT_BADLY.search(point.text)
    ):
        # "very expensive", "left to erode": the price of what worked; "collapsed", "lost
        # peasant support", "put off again and again": what did not work
        return "against"
    if _ANOTHER_FACTOR.search(opening_of(notes[point.source.note])):
        return "against"  # "Presidents also mattered. Kennedy proposed ...": another factor
    return "for"


# A view that finds fault: "a disaster", "a failure", "to blame", "mistaken".
_FAULT = re.compile(
    r"\b(?:was|were|is|are)\s+(?:[^?,;]{1,60}?\s)?(?:an?\s+)?(?:(?:total|complete|great|"
    r"costly|utter)\s+)?(?:disaster|failure|mistake|blunder|catastrophe|fiasco)\b|"
    r"\b(?:was|were|is|are)\s+(?:[^?,;]{1,60}?\s)?(?:unsuccessful|mistaken|flawed)\b",
    re.IGNORECASE,
)


# What something cost, or what it gave up on: against a view that it succeeded ("Hard
# engineering is also very expensive", "some places have been left to erode"). Not a bare
# "cost", which tells of what was done as often as of its price ("built in 1991 at a cost
# of £2 million").
_COST = re.compile(
    r"\b(?:expensive|costly|cannot|can ?not|can't|"
    r"left\s+(?:to\s+(?:erode|flood|collapse|decay|rot|fend|starve)|undefended|unprotected)|"
    r"lost\s+to\s+the\s+sea)\b",
    re.IGNORECASE,
)
# What went wrong or came to nothing, said in other words than "failed" (``_CONTRAST``).
_FELL_THROUGH = re.compile(
    r"\b(?:collaps\w*|lost|los(?:e|es|ing)|worse(?:ned)?|put off|postpone\w*|"
    r"shortages?|desert(?:ions?|ers)|unpopular\w*|unsuccessful|failures?|"
    r"came to nothing|in vain|abandon(?:ed|s)?|refused|adjourned|(?:end(?:ed|ing)|no) hope|"
    # what was never enforced or reached few: "was largely ignored", "had no inspectors to
    # enforce it", "only covered pauper apprentices"
    r"ignored|evad(?:ed|ing)|got round|loopholes?|lack(?:ed|ing)|had no|"
    r"only (?:covered|applied|affected|reached|helped))\b",
    re.IGNORECASE,
)
# What went badly, told by which way things moved: a burden that grew or stayed high
# ("Unemployment averaged more than a million a year", "it fed resentment"), a good that fell
# ("Farm prices fell") or ended ("The recovery ended fast"), people put out of work or into
# debt, loans called in, a slump that struck.
# ("Unemployment fell" tells of a success: a burden that shrank is no part of this.)
_WENT_BADLY = re.compile(
    r"\b(?:unemploy\w*|debts?|inflation|poverty|hunger|resentment|unrest|discontent)\b"
    r"[^.;:]{0,40}?\b(?:rose|rising|grew|growing|increased|doubled|trebled|soared|averaged|"
    r"remained|stayed|fed|spread)\b|"
    r"\b(?:output|production|wages|incomes?|trade|exports|profits|(?:farm|crop)\s+prices)\b"
    r"[^.;:]{0,30}?\b(?:fell|dropped|declined|collapsed|halved|slumped)\b|"
    r"\b(?:fed|bred|stirred|caused|deepened)\b[^.;:]{0,20}?\b(?:resentment|unrest|discontent)\b|"
    r"\b(?:recovery|boom|growth|prosperity)\s+(?:ended|was\s+over|collapsed|faltered)\b|"
    r"\b(?:loans?|credit|money)\b[^.;:]{0,30}?\b(?:called\s+in|recalled)\b|"
    r"\b(?:out\s+of\s+work|(?:fell|fall|falling|ran)\s+into\s+debt|"
    r"(?:crash|depression|recession|slump)\b[^.;:]{0,20}?\b(?:began|hit|struck|came|pushed))\b|"
    # a verdict that says no: "Full recovery: no."
    r":\s*no\.?\s*$",
    re.IGNORECASE,
)
# A factor said to be one of several, which limits a view that it was the main one: "it was
# one reason among several", "not enough on its own", "on its own ... would not have".
_ONE_OF_MANY = re.compile(
    r"\bone\s+(?:reason|cause|factor)s?\s+(?:among|of)\s+(?:several|many|others)\b|"
    r"\bnot\s+enough\s+on\s+its\s+own\b|"
    # "On its own, however, it would not have caused a revolution"
    r"\b(?:on\s+its\s+own|alone|by\s+itself)\b[^.;]{0,40}?\b(?:not|never)\b",
    re.IGNORECASE,
)
# A view that something succeeded: "How successful was ...", "How far was the New Deal
# successful in ...", "How effective were ...".
_SUCCESS = re.compile(
    r"\b(?:success\w*|effective(?:ly|ness)?|"
    # ... or that something went well: "How far did the Weimar Republic recover?", "To
    # what extent did the New Deal help all Americans?", "a 'golden age'", "a victory"
    r"recover(?:ed|y)?|improved?|help(?:ed)?|benefit(?:ed)?|golden age|victory|triumph)\b",
    re.IGNORECASE,
)


def _opens_on_the_cost(note: str) -> bool:
    """Does a paragraph's first sentence judge what happened badly, with no word of success:
    "Partition brought terrible suffering", "The revolt was a disaster"?"""
    first = sentence_spans(note)[:1]
    if not first:
        return False
    words = {w.lower() for w in WORD.findall(note, *first[0])}
    return bool(words & _BADLY) and not words & _WELL


def _turns_to_success(note: str) -> bool:
    """Does a paragraph open by turning to what went well: "Yet much was achieved.", "Even
    so, the scheme succeeded in its first aim."? Only a first sentence that judges well and
    not badly does."""
    first = sentence_spans(note)[:1]
    if not first:
        return False
    sentence = note[first[0][0] : first[0][1]]
    words = {w.lower() for w in WORD.findall(sentence)}
    # (the turn itself aside, nothing in it may say what failed: "Yet little was achieved")
    said = _TURN_WORDS.sub("", sentence.strip(), count=1)
    return bool(words & _WELL) and not words & _BADLY and _CONTRAST.search(said) is None


_TURN_WORDS = re.compile(
    r"^(?:yet|however|but|still|even so|nevertheless|on the other hand|against this),?\s+",
    re.IGNORECASE,
)


_BADLY = JUDGED_BADLY | frozenset(
    "suffering misery bloodshed massacre famine disaster failure failed chaos".split()
)
_WELL = JUDGED_WELL | frozenset("success succeeded achieved peacefully survived".split())


# A view on a contest between a threat and those it threatened: how serious the threat was
# ("How far was the Catholic threat to Elizabeth serious?", "To what extent did the
# Puritans challenge the settlement?") or how far it was met ("How far had Elizabeth dealt
# with the challenges to her settlement?").
Contest = Literal["threat", "defence"]
_THREAT_VIEW = re.compile(
    r"(?i:\b(?:threats?|challenges?|dangers?|opposition|resistance)\b[^?]{0,60}?\b"
    r"(?:serious|dangerous|great|strong|real|significant)\b|"
    r"\bhow\s+(?:serious|dangerous|great)\s+(?:a\s+)?(?:threat|challenge|danger)\b)|"
    # "To what extent did the Puritans challenge ...?"
    r"\b(?:did|do|does)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:challenge|threaten|oppose|resist)\b",
)
_DEFENCE_VIEW = re.compile(
    r"\b(?:dealt|deal|cope[ds]?|overc[ao]me|overcoming|defeated|survived|contained|suppressed|"
    r"handled|crushed)\s+(?:with\s+)?(?:the\s+)?(?:[\w’'-]+\s+){0,2}"
    r"(?:challenges?|threats?|opposition|rebellions?|risings?|revolts?|enemies|rivals|plots)\b",
    re.IGNORECASE,
)
# What tells that a threat was met or came to little: its people caught, punished or put
# down, its risings collapsed or scattered, its followers loyal or quiet, laws against it,
# the threatened side holding firm.
_CONTAINED = re.compile(
    r"\b(?:executed|hanged|beheaded|burn(?:ed|t) at the stake|imprisoned|jailed|"
    r"sent to the tower|suspended|fined|(?:fines?|penalt(?:y|ies))\s+(?:went up|rose|"
    r"increased|doubled)|intercepted|uncovered|betrayed|crushed|collapsed|scattered|"
    r"put down|suppressed|banned|outlawed|became treason|treated as (?:a )?traitors?|"
    r"ordered to leave|expelled|exiled|banished|arrested|captured|defeated|routed|"
    r"(?:stayed|remained|were|was) (?:loyal|quiet)|fairly quiet|stayed (?:at home|inside)|"
    r"did not rise|never rose|badly (?:kept|led|planned)|"
    r"less (?:serious|dangerous|than it (?:looked|seemed|appeared))|no (?:\w+ )?heir|"
    r"survived|held (?:the line|firm)|struck back|cracked down|"
    r"made (?:every|all) \w+ (?:accept|swear|sign))\b",
    re.IGNORECASE,
)
# What tells of the threat itself: a plot, a rising, an invasion, a challenge made.
_PRESSED = re.compile(
    r"\b(?:plots?|revolts?|risings?|rebellions?|uprisings?|invasions?|invaded|"
    r"excommunicat\w*|attacked|challenged|conspira\w*|marched|threat\s+grew|"
    r"argued|demanded|campaigned)\b",
    re.IGNORECASE,
)


# A success question about a rising itself: "How successful was Kett's rebellion?", "How
# successful were the 1905 strikes?" (not "the government's campaign against the rebels").
_RISING_SUCCEEDED = re.compile(
    r"\bhow\s+successful\s+(?:was|were)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:rebellions?|risings?|revolts?|uprisings?|insurrections?|mutin(?:y|ies)|rebels|"
    r"protests?|strikes?)\b",
    re.IGNORECASE,
)


def contest_of(question: str) -> Contest | None:
    """The view a judgement question takes of a contest: "threat" where it weighs how
    serious a threat or challenge was, or how far a rising succeeded (a rising put down
    failed); "defence" where it weighs how far one was met; else None."""
    if _DEFENCE_VIEW.search(question):
        return "defence"
    if _THREAT_VIEW.search(question) or _RISING_SUCCEEDED.search(question):
        return "threat"
    return None


def _contest_side(point: Point, contest: Contest) -> Side | None:
    """The side a point takes on a contest, where its words tell: a threat met or come to
    little argues against its being serious and for its being dealt with; the threat pressed
    (a plot, a rising) argues against its being dealt with."""
    if _CONTAINED.search(point.text):
        return "against" if contest == "threat" else "for"
    if contest == "defence" and _PRESSED.search(point.text):
        return "against"
    return None


def weighs_success(question: str) -> bool:
    """Does the view a judgement question weighs find success ("How successful has coastal
    management been at Holderness?"), so that what it cost argues against it?"""
    return _SUCCESS.search(question) is not None and not finds_fault(question)


def finds_fault(question: str) -> bool:
    """Does the view a judgement question weighs find fault with what it asks about ("How
    far was the Great Leap Forward a disaster?"), so that words of failure in the notes
    argue for it? (Not a fault it asks about overcoming: "How far did Stresemann succeed in
    overcoming Weimar's weaknesses?")"""
    return _FAULT.search(question) is not None


def _turns_item(note: str, point: Point) -> bool:
    """Does the list item a point stands in open on the other side, or on another factor
    ("- BUT army also important: ...")? (A sentence of a paragraph is weighed with its
    paragraph.)"""
    start = point.source.sentence_start
    line = note.rfind("\n", 0, start) + 1
    if not LIST_ITEM.fullmatch(note, line, start):
        return False
    item = point.source.sentence
    return bool(_ITEM_TURN.match(item)) or bool(_ANOTHER_FACTOR.search(item[:60]))


_ITEM_TURN = re.compile(r"(?:but|yet|however|on the other hand|against this)\b", re.IGNORECASE)


def _item_label(note: str, point: Point) -> str | None:
    """The bold label a list item opens with ("- **The media.** In Birmingham ..."), where
    the point stands in such an item; else None."""
    line = note.rfind("\n", 0, point.source.start) + 1
    found = _BOLD_LABEL.match(note, line)
    return found["label"] if found else None


@lru_cache(maxsize=1024)
def _labels_name(notes: tuple[str, ...], weighed: frozenset[str]) -> bool:
    """Does a label over a part of the notes name the weighed factor ("Lenin's role:")?"""
    return any(
        label is not None and bool(text_stems(label) & weighed) for label in map(part_label, notes)
    )


def _item_names(
    note: str, point: Point, weighed: frozenset[str], labelled_factor: bool
) -> bool | None:
    """Where a point stands in a list item of a paragraph of items some of which name the
    weighed factor, and nothing over them does: does its own item name it? Else None."""
    start = point.source.start
    line = note.rfind("\n", 0, start) + 1
    if not LIST_ITEM.match(note, line):
        return None
    items = [m.start() for m in _ITEM_START.finditer(note)]
    if len(items) < 2 or line < items[0] or text_stems(note[: items[0]]) & weighed:
        return None
    if part_label(note) is not None and labelled_factor:
        return None  # "Other factors:" over them: the label decides, not what each names
    ends = [*items[1:], len(note)]
    naming = [_names_weighed(note[a:b], weighed) for a, b in zip(items, ends, strict=True)]
    if not any(naming) or all(naming):
        return None
    mine = max(i for i, a in enumerate(items) if a <= start)
    return naming[mine]


def _names_weighed(item: str, weighed: frozenset[str]) -> bool:
    """Does a list item name the weighed factor, and not to deny it ("- Not luck: ...")?"""
    if not text_stems(item) & weighed:
        return False
    return not any(text_stems(found["what"]) & weighed for found in _NOT_FACTOR.finditer(item))


_ITEM_START = re.compile(rf"^{LIST_ITEM.pattern}", re.MULTILINE)
_NOT_FACTOR = re.compile(
    r"\b(?:not|no|never|nothing to do with)\s+(?P<what>[\w’'-]+(?:\s+[\w’'-]+)?)", re.I
)


# A list item that opens on a label in bold: "- **The media.**", "* __Presidents:__".
_BOLD_LABEL = re.compile(
    r"[ \t]*(?:[-*+•–]|\d{1,2}[.)])[ \t]+(?:\*\*|__)(?P<label>[^*_\n]{1,60}?)[.:]?(?:\*\*|__)"
)


# A paragraph that opens on another factor than the one a judgement weighs: "Presidents also
# mattered", "Other factors helped", "Another reason was the economy".
_ANOTHER_FACTOR = re.compile(
    r"\b(?:also (?:mattered|counted|played a part|helped|contributed|mattered greatly|"
    r"important|significant|vital|crucial|key)|"
    r"mattered (?:just )?as much|(?:was|were) (?:just |equally )?as important|equally important|"
    r"other (?:factors?|reasons?|causes?|motives?)|another (?:factor|reason|cause|motive))\b",
    re.IGNORECASE,
)

# What a question weighs against what: "was Robert Koch more important than Louis Pasteur",
# "'Koch was more important than Pasteur.'", "were economic causes more significant than".
_MORE_THAN = (
    r"\s+(?:more|less|a greater|a bigger)\s+(?:\w+\s+){0,2}?than\s+(?P<second>[^?.;:,'’\"”]+)"
)
_COMPARED = (
    # asked: "How far was X more important than Y ...?"
    re.compile(r"\b(?:was|were|is|are|did)\s+(?P<first>[^?.;:]+?)" + _MORE_THAN, re.IGNORECASE),
    # quoted, then asked: "'X was more important than Y.' How far do you agree?"
    re.compile(
        r"^[‘'\"“]?(?P<first>[^‘'\"“.?]+?)\s+(?:was|were|is|are|did|had)" + _MORE_THAN, re.I
    ),
)
# The part of a question after what it compares: "in the fight against disease".
_AFTER_RIVAL = re.compile(r"\s+(?:in|for|to|as|at|during|between|by)\s+.*$", re.IGNORECASE)


@lru_cache(maxsize=1024)
def rivals_in(question: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The stems of the two things a question weighs against each other ("How far was
    Robert Koch more important than Louis Pasteur in the fight against disease?": Koch's
    and Pasteur's), or None where it weighs none, or where they share every word."""
    found = _COMPARED[0].search(question) or _COMPARED[1].search(question)
    if found is None:
        return None
    first = frozenset(content_stems(found["first"]))
    second = frozenset(content_stems(_AFTER_RIVAL.sub("", found["second"])))
    first, second = first - second, second - first
    return (first, second) if first and second else None


def _first_of(text: str, rivals: tuple[frozenset[str], frozenset[str]]) -> int | None:
    """Which of the two rivals a point names first (0 or 1), None if it names neither."""
    for word in WORD.findall(text):
        stem = next(iter(content_stems(word)), None)
        for side, stems in enumerate(rivals):
            if stem in stems:
                return side
    return None


# The factor a question weighs as the main cause: "was the growth of population the main
# reason for", "was the financial crisis the main cause of", "was the victory due to luck".
_MAIN_FACTOR = re.compile(
    r"\b(?:was|were|is|are)\s+(?P<factor>.+?)\s+the\s+(?:main|most important|chief|principal|"
    r"key|greatest|biggest)\s+(?:reason|cause|factor|explanation)s?\b|"
    # "How far was William's victory due to luck?", "... the result of Hitler's aims?"
    r"\b(?:due to|because of|the result of|caused by|thanks to)\s+(?P<cause>[^?,;]+)|"
    # "How far was the war with Austria responsible for the fall of the monarchy?"
    r"\b(?:was|were|is|are)\s+(?P<held>.+?)\s+(?:\w+ly\s+)?(?:responsible|to\s+blame)\s+for\b|"
    # "To what extent did foreign help explain the Nationalist victory?"
    r"\b(?:did|does|do)\s+(?P<agent>.+?)\s+(?:explain|cause|account\s+for|lead\s+to)\b",
    re.IGNORECASE,
)


def factor_stems(question: str) -> frozenset[str]:
    """The stems of the factor a question weighs as the main cause, or none."""
    return frozenset(content_stems(_factor_named(question)))


def weighs_someone(question: str) -> bool:
    """Is the factor a question weighs someone or something it names, and nothing more:
    "Caesar himself" of "How far was Caesar himself to blame for his assassination?",
    "Germany" of "To what extent was Germany to blame ...?"; not "the assassination of Franz
    Ferdinand", an event?"""
    factor = factor_stems(question)
    named = content_stems(" ".join(names_in(question)))
    return bool(factor) and not factor - named - _NOT_NAMING_STEMS


def _factor_named(question: str) -> str:
    """The words that name the factor a question weighs ("foreign help" of "To what extent
    did foreign help explain ...?"), or "" where it weighs none."""
    found = _MAIN_FACTOR.search(question)
    if found is None:
        return ""
    return found["factor"] or found["cause"] or found["held"] or found["agent"] or ""


# Asked for each question of a family that weighs a factor; the notes are the family's.
@lru_cache(maxsize=1024)
def about_factor(question: str, notes: tuple[str, ...]) -> tuple[bool, ...] | None:
    """For each paragraph, whether its part of the notes (``parts_of``: a heading with what
    it heads, a paragraph with its list) names the factor the question weighs as the main
    cause; None where the question weighs none, or where no part names it."""
    named_as = _factor_named(question)
    factor = content_words(named_as) if named_as else ()
    stems = {next(iter(content_stems(word)), word) for word in factor}
    if not stems:
        return None
    part_of = parts_of(notes)
    # Where the notes label a part by the factor ("Lenin's role:", "**Cromwell's role.**"),
    # a labelled part is about what its label names ("**Other people.** But Henry ...
    # Cromwell could only ..."); otherwise, and a part without a label, about what it names.
    labels: dict[int, str | None] = {}
    for note, part in zip(notes, part_of, strict=True):
        if part not in labels:
            labels[part] = part_label(note)
    by_label = any(
        label is not None
        and any(_names_factor(word, factor, stems) for word in content_words(label))
        for label in labels.values()
    )
    # "### Other reasons" over the parts on the other causes: the parts under the other
    # labels ("### The effects of the war with Japan") are the factor's, whatever they name.
    others = {part for part, label in labels.items() if label and _OTHER_FACTORS.match(label)}
    words_of = [
        content_words(labels[part] or "") if by_label and labels[part] else content_words(note)
        for note, part in zip(notes, part_of, strict=True)
    ]
    named = {
        part
        for words, part in zip(words_of, part_of, strict=True)
        if any(_names_factor(word, factor, stems) for word in words)
    }
    if others and not by_label:
        named = {part for part, label in labels.items() if label and part not in others} or (
            named - others
        )
    naming = [word for word in factor if word not in _NOT_NAMING]
    if len(naming) > 1:
        # A factor of several words is named whole where any part names it so: "Internal
        # pressure:" is not "international pressure", though both say "pressure".
        whole = {
            part
            for words, part in zip(words_of, part_of, strict=True)
            if all(
                any(_names_factor(word, (one,), _stems_of(one)) for word in words) for one in naming
            )
        }
        named = whole or named
    return tuple(part in named for part in part_of) if named else None


# A label over the causes other than the one a question weighs: "Other reasons", "Other
# factors:", "Further causes".
_OTHER_FACTORS = re.compile(
    r"\s*(?:other|further|alternative|different|rival)\s+(?:reasons?|factors?|causes?|"
    r"explanations?|people)\b",
    re.IGNORECASE,
)

# Words of a factor that stress it rather than name it: "Caesar himself", "his own".
_NOT_NAMING = frozenset("himself herself itself themselves own alone".split())
_NOT_NAMING_STEMS = frozenset(content_stems(" ".join(_NOT_NAMING)))


def _stems_of(word: str) -> set[str]:
    return {next(iter(content_stems(word)), word)}


def _names_factor(word: str, factor: Sequence[str], stems: set[str]) -> bool:
    """Does a word of the notes name the factor: the same stem, or one of its words with
    an ending that makes an adjective ("lucky" of "luck"; not "warned" of "war")?"""
    if next(iter(content_stems(word)), word) in stems:
        return True
    return any(word[: len(f)] == f and word[len(f) :] in _ADJECTIVE_ENDINGS for f in factor)


_ADJECTIVE_ENDINGS = frozenset({"y", "ily", "ier", "iest", "ful", "al"})


def turned_by(points: list[Point], notes: tuple[str, ...]) -> list[frozenset[str] | None]:
    """For each point, the stems of the sentence that turns it to the other side of an
    argument: its own sentence ("Against this: ...") or its paragraph's first ("Yet ...");
    None where neither turns."""
    turns: dict[int, list[tuple[int, int, frozenset[str] | None]]] = {}
    before: frozenset[str] | None = None  # the turn of the paragraph before, if it turned
    for index, note in enumerate(notes):
        sentences = []
        for start, end in sentence_spans(note):
            text = note[start:end]
            sentences.append((start, end, text_stems(text) if _turns(text) else None))
        whole = sentences[0][2] if sentences else None
        if whole is None and before is not None and sentences:
            # A paragraph that goes on with the argument of a turned one carries its turn:
            # "However, the groynes starve the beaches to the south." then "Hard engineering
            # is also very expensive."
            start, end, _ = sentences[0]
            whole = before if _GOES_ON.search(note, start, end) else None
        before = whole
        if whole is None:
            sentences = _carried(sentences, note)
        turns[index] = [(start, end, whole or turn) for start, end, turn in sentences]
    found: list[frozenset[str] | None] = []
    for point in points:
        spans = turns.get(point.source.note, [])
        found.append(next((t for a, b, t in spans if a <= point.source.start < b), None))
    return found


_GOES_ON = re.compile(r"\balso\b", re.IGNORECASE)


def _carried(
    sentences: list[tuple[int, int, frozenset[str] | None]], note: str
) -> list[tuple[int, int, frozenset[str] | None]]:
    """The sentences of a paragraph with the turn of a short sentence that only announces
    the other side ("Yet the Tea Party was not the only cause of the war.") carried to the
    sentences after it, which give that side's evidence; up to the next turn."""
    carried: list[tuple[int, int, frozenset[str] | None]] = []
    turn: frozenset[str] | None = None
    for start, end, own in sentences:
        if own is not None:
            text = note[start:end]
            announces = len(text.split()) <= _ANNOUNCING_WORDS and not _DIGIT.search(text)
            turn = own if announces else None
        carried.append((start, end, own or turn))
    return carried


_ANNOUNCING_WORDS = 15
_DIGIT = re.compile(r"\d")


def _turns(sentence: str) -> bool:
    text = sentence.lstrip("-*•#>_ \t")
    return bool(_TURN.match(text) or _TURNS_AT_END.search(text)) and (
        not _NAMES_CAUSE.search(text) or _OTHER_CAUSES.search(text) is not None
    )


# A turn put at the end of its sentence: "Stalin did not lose everything, though."
_TURNS_AT_END = re.compile(r",\s*(?:though|however)\W*$", re.IGNORECASE)


# Historians who share the blame out, against a view that one party bore it.
_SPREADS_BLAME = re.compile(
    r"\b(?:spread|shared?|divide[ds]?)\s+(?:the\s+)?blame\b|\bblame\s+(?:was|is)\s+shared\b",
    re.IGNORECASE,
)


# A claim that something did harm or went wrong: "did harm", "held back", "failed".
_WENT_WRONG = (
    r"(?:did\s+(?:harm|damage|not)|harmed|hindered|held\s+back|failed|was\s+not|were\s+not|"
    r"weakened|damaged|backfired)"
)
# A label that names the side of the argument the lines under it take: "For:", "Arguments
# against", "Limits:", "Counter-argument", "On the other hand:", "Arguments that militancy
# helped" (or "did harm", against). (Not "Weaknesses" or "Failures": they argue for a view
# that finds fault, and against one that finds success.)
_FOR_LABEL = re.compile(
    r"(?:(?:the\s+)?(?:arguments?|evidence|points?|case)\s+)?for(?:\s+the\s+view)?|"
    r"(?:arguments?|evidence|reasons?)\s+that\s+.{1,60}",
    re.IGNORECASE,
)
_AGAINST_LABEL = re.compile(
    r"(?:(?:the\s+)?(?:arguments?|evidence|points?|case)\s+)?against(?:\s+(?:this|the\s+view))?|"
    r"limits?(?:\s+(?:of|to)\s+.{1,40})?|limitations?|counter[- ]?arguments?|"
    r"on\s+the\s+other\s+hand|(?:the\s+)?other\s+side|"
    rf"(?:arguments?|evidence|reasons?)\s+that\s+.{{1,60}}?\b{_WENT_WRONG}.*",
    re.IGNORECASE,
)
# The marks around a label: a list's or heading's mark, emphasis, the colon after it.
_LABEL_MARKS = " \t\u00a0*_#>-•–:."
# A label that opens a line and runs on into what it labels: "Against: juries would not convict".
_LABEL_RUNS_ON = re.compile(r"[ \t*_#>-]*(?P<label>[^:\n]{1,30}?)[*_ ]*:[*_ ]*\S")


def _side_label(line: str) -> tuple[Side | None, bool]:
    """The side a line of the notes labels, and whether the line is the label alone:
    ("against", True) for "Against:", ("for", False) for "For: drinking fell", (None,
    False) for a line that labels no side."""
    return _label_of(line, _FOR_LABEL, _AGAINST_LABEL)


def _label_of(
    line: str, for_label: re.Pattern[str], against_label: re.Pattern[str]
) -> tuple[Side | None, bool]:
    """The side a line's label gives by the two patterns, and whether it is the label alone."""
    alone = line.strip(_LABEL_MARKS)
    runs_on = _LABEL_RUNS_ON.match(line)
    for label, is_alone in ((alone, True), (runs_on["label"] if runs_on else "", False)):
        # (against first: "Arguments that militancy did harm" is a claim for the other side)
        if against_label.fullmatch(label):
            return "against", is_alone
        if for_label.fullmatch(label):
            return "for", is_alone
    return None, False


def labelled_by(points: list[Point], notes: tuple[str, ...]) -> list[Side | None]:
    """For each point, the side its notes' own label puts it on, or None where no label does.

    A label takes the lines after it in its paragraph ("For:" over "- Drinking fell ..."),
    up to the next label; a label that ends its paragraph, standing alone or last
    ("Arguments against", then a blank line), takes the paragraphs after it as well, up to
    the next label or heading. A label run on into its line ("Against: juries would not
    convict") takes that line and the lines after it.
    """
    return _labelled(points, notes, _side_label)


def judged_by(points: list[Point], notes: tuple[str, ...]) -> list[Side | None]:
    """For each point, whether the notes label it a success ("for": "### Successes",
    "Achievements:") or a failure ("against": "### Failures", "Weaknesses:"), None where
    no such label does; labels take what follows them as ``labelled_by``'s do."""
    return _labelled(points, notes, _verdict_label, run_on_goes_on=False)


def _verdict_label(line: str) -> tuple[Side | None, bool]:
    """Whether a line labels successes ("for") or failures ("against"), and is the label
    alone, as ``_side_label`` tells sides."""
    return _label_of(line, _SUCCESS_LABEL, _FAILURE_LABEL)


_SUCCESS_LABEL = re.compile(
    r"(?:(?:main|key|early|real)\s+)?(?:successes|achievements|strengths|gains)|"
    r"successful\s+[a-z]+(?:\s+[a-z]+)?",  # "Successful management"
    re.IGNORECASE,
)
_FAILURE_LABEL = re.compile(
    r"(?:(?:main|key|later|real)\s+)?(?:failures|weaknesses|problems|setbacks|mistakes)",
    re.IGNORECASE,
)


def _labelled(
    points: list[Point],
    notes: tuple[str, ...],
    label_of: Callable[[str], tuple[Side | None, bool]],
    *,
    run_on_goes_on: bool = True,
) -> list[Side | None]:
    """Each point's side by ``label_of``'s labels; with ``run_on_goes_on`` False, a label run
    on into its line ("Early successes: prisoners freed ...") takes that line alone."""
    # For each paragraph, where each of its lines starts and the side it is labelled with.
    lines_of: list[list[tuple[int, Side | None]]] = []
    carried: Side | None = None  # the side a label that ended a paragraph gives the next
    for note in notes:
        side = carried
        lines: list[tuple[int, Side | None]] = []
        offset = 0
        ends_on_label = ends_part = False
        for line in note.split("\n"):
            labels, alone = label_of(line)
            # A heading of another part ("### What came after", "**Verdict**") ends a side.
            heading = labels is None and _HEADING_LINE.fullmatch(line.strip()) is not None
            if labels is not None and not alone and not run_on_goes_on:
                lines.append((offset, labels))
                offset += len(line) + 1
                lines.append((offset, side))  # (what follows goes back to the side before)
                continue
            if labels is not None or heading:
                side = labels
                ends_part = True
            lines.append((offset, side))
            offset += len(line) + 1
            if line.strip():
                ends_on_label = labels is not None and alone
        # A label that ends its paragraph takes the paragraphs after it; one with lines of
        # its own under it, or a heading, ends what an earlier label took.
        carried = side if ends_on_label else (None if ends_part else carried)
        lines_of.append(lines)
    found: list[Side | None] = []
    for point in points:
        if point.source.note < 0:
            found.append(None)
            continue
        lines = lines_of[point.source.note]
        found.append(next((s for start, s in reversed(lines) if start <= point.source.start), None))
    return found


_HEADING_LINE = re.compile(r"#{1,6}\s.*|(\*\*|__)[^*_\n]+\1:?")
