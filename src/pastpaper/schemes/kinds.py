"""What a point does, told from its wording: a reason, a consequence, evidence, a quotation,
or a plain feature; and whether it states a condition rather than an event.

    >>> kind_of("Khrushchev wanted to raise living standards"), kind_of("Stalin died in 1953")
    ('reason', 'feature')
"""

from __future__ import annotations

import re
from functools import lru_cache

from pastpaper.course import Kind
from pastpaper.language import AUXILIARIES, PARTICIPLES, SPLITTING_PASTS, WORD, has_verb
from pastpaper.schemes.terms import QUOTE_MARKS, QUOTED
from pastpaper.text import normalise

__all__ = [
    "clear_judgements",
    "is_judgement",
    "is_state",
    "kind_of",
    "singles_out",
    "states_motive",
]

_SAYS = re.compile(r"\bput it\b|\bin (?:his|her|their) words\b|\b(?:said|wrote),")  # lower case
_OPEN_QUOTE = re.compile(r"[‘“](?P<rest>[^’”]*)$")
# Verbs of purpose after "to": "to end the crisis", "to match Germany's strength".
_PURPOSE = (
    r"(?:end|match|meet|create|raise|cut|pay|revive|save|help|support|provide|encourage|"
    r"defend|control|contain|expand|extend|spread|deter|fund|finance|solve|tackle|deal with|"
    r"replace|balance|check|limit|block|isolate|destroy|crush|punish|persuade|recover|"
    r"relieve|regain|calm|halt|boost|build up|catch up|challenge|counter|overtake|rival|"
    r"dominate|increase|modernise|reform|feed|employ|create|restart|rebuild|free|recover)"
)
# A clause: a few words and then a verb ("as Russia had been invaded", "since prices fell").
_SPLITTING_VERBS = "|".join(sorted(AUXILIARIES | SPLITTING_PASTS))
_CLAUSE = rf"(?:[\w’'-]+ ){{1,4}}?(?:{_SPLITTING_VERBS}|\w+ed)\b"
# (Each cue starts with a lookahead of the characters its match may start with: most places
# of a text are turned down at once, not tried against every word of the cue.)
_KIND_CUES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "reason",
        # Motives, aims, beliefs and fears, in whatever words: "wanted", "feared", "in the
        # belief that", "to restore confidence", not only "because".
        re.compile(
            r"(?=[,;abcdefghijlmnprstuw])"
            r"\b(?:because|in order to\b|so as to\b|so that|want(?:s|ed|ing)?\b(?! of)|"
            r"wish(?:ed|ing)? to\b|hop(?:e|es|ed|ing)\b|aim(?:s|ed)?\b|intend(?:ed)?|"
            r"believ(?:e|ed|ing)|belief|fear(?:s|ed|ing)?\b|afraid|worried|anxious|alarmed|"
            r"was (?:well )?aware|conscious of|eager to\b|determined to\b|resolved|"
            r"needed|needs? to\b|had to\b|did not want|expected|meant to\b|tried to\b|"
            r"felt|suspicion|distrust|threat(?:s|ened)?\b|risk(?:s|ed)?\b|excuse|"
            r"to (?:protect|secure|improve|establish|prove|rid|reduce|get rid|restore|avoid|"
            r"prevent|stop|ensure|keep|win|gain|show|please|satisfy|unite|strengthen|weaken|"
            rf"{_PURPOSE})\b|"
            r"motive|reasons?\b|purpose|"
            # Wants and fears named as things: "fear of encirclement", "desire for revenge".
            r"(?:desire|ambition|hope|need|demand|wish|longing|hunger|thirst)s? (?:for|of|to)\b|"
            r"resent(?:ed|ment)|jealous|envy|envious|rivalry|insecur|mistrust|hostil|"
            r"anger|angry|hatred|pride|ambitions?\b|greed|determination|memor(?:y|ies) of|"
            r"the (?:aim|goal|idea|plan|hope|intention|object) (?:was|being)|"
            # A cause given with "as" or "since" and its own clause, not "as well" or "since 1888".
            rf"(?:^|[,;] )as (?!well\b|a result\b|if\b|though\b|long\b|soon\b|far\b|"
            rf"much\b|many\b|part\b|an? \w+ of\b){_CLAUSE}|"
            rf"\bsince (?!then\b|\d|the (?:end|start|beginning)\b){_CLAUSE}|"
            r"for fear|so that|"
            # A means put to a purpose, a pledge: "used this vagueness to delay", "promising
            # to resist the ruling".
            r"used (?:[\w’'-]+ ){1,4}to [a-z]+|promis(?:e|es|ed|ing) to\b)",
        ),
    ),
    (
        "consequence",
        # What a thing led to: "led to", "meant that", "turned X into", "drew them closer",
        # "no longer", a result stated with "would", "so" or "hence".
        re.compile(
            # Notes on an economy or a river tell what happens in the present tense: "leads
            # to", "causes", "encourages", "which adds to", "makes imports more expensive".
            r"(?=[,:;abcdefghilmnoprstuw])"
            r"(?:\b(?:le(?:d|ads?|ading) to|as a result|result(?:s|ed)?\b|therefore|consequently|"
            r"(?:this|which|it) meant|meant that|meaning|would (?!have\b)\w+|"
            r"increas(?:e|es|ed|ing)|caus(?:e|ed|es|ing)|trigger(?:s|ed)|provok(?:es|ed)|spark(?:s|ed)|"
            r"encourag(?:e|es|ed|ing)|"
            r"(?<!was )(?<!were )(?:allow(?:s|ed|ing)|enabl(?:e|es|ed|ing))|help(?:s|ed|ing)|"
            r"made (?:it|them|him|her)|mak(?:e|es|ing) (?:\w+ ){1,3}(?:more|less)|"
            r"which add(?:s|ed)? to|"
            r"turn(?:ed|ing)? \w+(?: \w+){0,4} into|drew \w+(?: \w+){0,2} closer|"
            r"bred|no longer|undermin(?:e|es|ed|ing)|boost(?:s|ed|ing)?|bolder|humiliat(?:ed|ion)|"
            # A push or a result in other words: "forced", "drove", "made a war into".
            r"forc(?:ed|ing) \w+|compel(?:s|led|ling)|oblig(?:es|ed|ing)|"  # (not "UN forces")
            r"dr(?:ove|ives|iving) \w+|"
            r"push(?:es|ed|ing)? \w+ (?:to|into)|convinc(?:es|ed|ing)|persuad(?:es|ed|ing)|"
            r"prompt(?:s|ed|ing)|"
            r"brought about|brings? about|gave rise|gives? rise|contribut(?:es|ed|ing) to|"
            r"paved the way|opened the way|"
            # A result and its condition: "inflation happens when demand grows faster ..."
            r"(?:happen(?:s|ed)?|occur(?:s|red)?|aris(?:e|es)|arose) (?:when|if|whenever)|"
            r"driven by|"
            r"set off|fuel(?:l?ed|l?ing)|deepen(?:ed|ing)|worsen(?:ed|ing)|inflam(?:ed|ing)|"
            r"made (?:\w+ ){1,5}into|made (?:a|the|war|peace|it|them) \w+|in turn|"
            r"the (?:result|effect|outcome|consequence) (?:was|of)|"
            r"left (?:\w+ ){1,3}(?:unable|without|isolated|exposed|open)|"
            r"ensur(?:ed|ing) that|guarantee(?:d|ing) that|escalat(?:ed|ing))\b|"
            r"(?:^|[,;:] )(?:so|hence)\b)",
        ),
    ),
    (
        "evidence",
        re.compile(
            r"(?=[efost])(?:\b(?:for example|for instance|such as|e\.g\.)|^thus\b|"
            r"\bone\b.*\banother\b)"
        ),
    ),
)
# Revision shorthand for a result: "cheap coal -> more factories", "more trains = lower
# fares": an arrow to words in lower case, an equals sign between them ("St Petersburg ->
# Petrograd" renames, "9m -> 18m" counts, "NEP = New Economic Policy" defines). Read in the
# text's own case, where the cues above read it in lower case.
_SHORTHAND = re.compile(r"\s(?:->|-->|→|=>|⇒)\s+(?=[a-z])|\b[a-z][a-z’'-]+ ?= ?(?=[a-z]{2})")

# A state of affairs rather than an event: "Banks were failing", "The north was still
# largely Catholic", "her position was weak", "London had many Protestants". In notes that
# answer "why", such conditions are the reasons; an event ("Stalin's statues were taken
# down", "Italy joined the two") is what happened.
_STATE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:(?:still|already|now|very|so|too|largely|mostly|deeply|"
    r"firmly|increasingly|not|no|also|far)\s+)*(?P<next>[\w’'-]+)|"
    r"\b(?:had|has|have)\s+(?:(?:still|already|also)\s+)*(?P<owned>no|many|much|few|little|"
    r"a|an|the|its|their|his|her|some|more|less|nothing|every|two|three|\d[\d,]*)\b|"
    r"\bhad (?P<pluperfect>not|never|already|long) |"
    # what something hung on: "depended on exports", "relied on American loans"
    r"\b(?P<depends>depend(?:ed|s)?|reli(?:ed|es)|rely|rested) (?:heavily |largely |mainly )?on\b",
)


def is_state(text: str) -> bool:
    """Does the clause state a condition (copula and complement, or what someone had)
    rather than an event (a deed, or something done to someone)?

    >>> is_state("Banks were failing in their thousands"), is_state("Her position was weak")
    (True, True)
    >>> is_state("Inmates of the gulags were released"), is_state("Italy joined the two")
    (False, False)
    >>> is_state("the camp had not been fortified"), is_state("the king had never called one")
    (True, True)
    >>> is_state("Britain's staple industries depended on exports")
    True
    """
    for match in _STATE.finditer(normalise(text).lower()):  # its words are in lower case
        if match.group("owned") or match.group("pluperfect") or match.group("depends"):
            return True
        word = match.group("next").lower()
        participle = (word.endswith("ed") and len(word) > 4) or word in PARTICIPLES
        if not participle:
            return True
    return False


# A motive stated as the point itself: what someone hoped, feared, aimed at or set out to do
# ("Stalin hoped to force the West out", "The aim was to contain communism", "Memories of
# the slump made leaders determined to avoid another"). A purpose tacked onto a deed in a
# participle ("murdered by nobles, hoping to save the monarchy") leaves the deed the point;
# so does an aim that names its means ("hoped to win them over by promising land"), and a
# measure's expected result ("This, it was hoped, would ensure ...").
_MOTIVE = re.compile(
    r"\b(?<!it was )(?:hoped|feared|aimed|intended|the (?:aim|intention|object) (?:was|being)|"
    r"determined to)\b"
)
_MEANS = re.compile(r"\bby [a-z]+ing\b")


@lru_cache(maxsize=32768)  # each point's text, for every family view that holds it
def states_motive(text: str) -> bool:
    """Does the point state a motive (what someone hoped, feared or aimed at) rather than
    something done or something that came of it?

    >>> states_motive("The duke hoped to win the barons over")
    True
    >>> states_motive("The duke built three castles, hoping to win the barons over")
    False
    >>> states_motive("The duke hoped to win the barons over by granting them land")
    False
    """
    plain = normalise(text).lower()
    return bool(_MOTIVE.search(plain)) and not _MEANS.search(plain)


def kind_of(text: str) -> Kind:
    """What a point does, told from its wording; a plain statement is a feature."""
    if _is_quotation(text):
        return "quotation"
    plain = normalise(text)
    # The cues are words in lower case: searched for in the text in lower case, as the
    # case-blind search they were took four times as long.
    lowered = plain.lower()
    for kind, cue in _KIND_CUES:
        if any(not _in_name(plain, m) for m in cue.finditer(lowered)) or (
            kind == "consequence" and _SHORTHAND.search(plain)
        ):
            return kind
    return "feature"


def _in_name(text: str, match: re.Match[str]) -> bool:
    """Is a cue's word capitalised mid-sentence, a name's ("the Great Fear of late July",
    "Cape of Good Hope"), not the writer's word?"""
    at = match.start() + next((i for i, c in enumerate(match.group()) if c.isalpha()), 0)
    return at > 0 and text[at].isupper()


def _is_quotation(text: str) -> bool:
    """Somebody's words: a quotation of five words or more, or "as he put it"."""
    if _SAYS.search(text.lower()):
        return True
    if not any(mark in text for mark in QUOTE_MARKS):
        return False  # no quotation, opened or closed
    quoted = [next(g for g in m.groups() if g) for m in QUOTED.finditer(text)]
    unclosed = _OPEN_QUOTE.search(text)
    if unclosed:
        quoted.append(unclosed["rest"])
    # A quoted title ('One Day in the Life of Ivan Denisovich') has no verb; a saying has.
    sayings = [q for q in quoted if len(WORD.findall(q)) >= 5 and has_verb(q)]
    if not sayings:
        return False
    # (A point that says much of its own beside the words it quotes is its own statement:
    # "John Ball, a priest ..., preached that all people were equal in God's eyes: 'When
    # Adam delved ...'" tells what he preached.)
    own = len(WORD.findall(text)) - sum(len(WORD.findall(q)) for q in sayings)
    return own < _OWN_WORDS


_OWN_WORDS = 15


# A verdict on what happened rather than what happened: "In short, a real but partial
# success", "Relief and reform: yes", "The murder was the trigger, not the whole cause".
_VERDICT = re.compile(
    r":\s*(?:yes|no|partly|mixed|some|little)$|"
    r"\b(?:(?:un)?success(?:ful)?|failures?|partial(?:ly)?|(?:of|a|the) sorts|triumph|disaster|"
    r"(?:the )?main cause|(?:to )?blame[ds]?|did (?:much|little) to|mattered|(?:was|were) real|"
    r"less than it (?:looked|seemed)|more than it (?:looked|seemed)|half worked|"
    r"(?:a|the) compromise|the (?:whole|real|only) cause|the trigger|(?:most|more|less) important|"
    r"outweigh(?:s|ed)?|over-?stated|exaggerated)\b",
)


_DIGIT = re.compile(r"\d")


def is_judgement(text: str) -> bool:
    """Is the clause a bare judgement: a verdict (success or failure, how important, who
    was to blame) with no fact of its own, no date or number, to describe?

    >>> is_judgement("In short, a real but partial success"), is_judgement("The gains were real")
    (True, True)
    >>> is_judgement("Unemployment fell to 7.7 million, a partial success")
    False
    """
    return _is_judgement(text)


# "The feigned retreat mattered most", "The most important moment was the charge": a verdict
# that only picks out which moment or factor counted for most.
_RANKING = re.compile(  # in lower case, as the verdicts
    r"\b(?:mattered (?:most|more than anything)|(?:was|were) (?:the )?most important|"
    r"(?:the )?most important (?:[\w’'-]+ )?(?:of all )?(?:was|were))\b"
)


def singles_out(text: str) -> bool:
    """Is a verdict only a choice of the moment or factor that mattered most, with nothing
    said of how well things went? A paragraph it opens goes on to tell of that moment
    ("The feigned retreat mattered most. The Normans pretended to flee ..."), where one
    opened by a verdict on the whole argues it ("The gains were real but limited").

    >>> singles_out("The feigned retreat mattered most"), singles_out("The gains were real")
    (True, False)
    >>> singles_out("The most important reform was a partial success")
    False
    """
    plain = normalise(text).lower()
    if not _RANKING.search(plain):
        return False
    rest = _RANKING.sub(" ", plain)  # read once, not kept: no text of the notes
    return bool(_DIGIT.search(rest)) or not _VERDICT.search(rest)


def clear_judgements() -> None:
    """Forget the texts judged before (for benchmarks that time the work itself)."""
    _is_judgement.cache_clear()
    states_motive.cache_clear()


# Every point of a family is asked, and its paragraph's opening sentence; a bank repeats its
# sentences. The digit is looked for first: it is quicker to find than a verdict.
@lru_cache(maxsize=32768)
def _is_judgement(text: str) -> bool:
    if _DIGIT.search(text):
        return False
    plain = normalise(text).lower()
    return any(not _NAMES_AN_EVENT.search(plain, 0, m.start()) for m in _VERDICT.finditer(plain))


# A success or failure named as an event, after a word of time or cause: "after the GLF's
# failure", "despite the failure of the harvest" (not "a failure", "the plan failed").
_NAMES_AN_EVENT = re.compile(
    r"\b(?:after|before|following|despite|since|because of|due to|by)\s+(?:[\w’'+-]+\s+){0,3}$"
)
